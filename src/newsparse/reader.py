"""Read articles from text files, JSONL corpora, folders and standard input, as records."""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError

__all__ = ["BadRecord", "Source", "iter_records"]


@dataclass(frozen=True)
class Source:
    """Where a record came from, for error messages."""

    path: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line is not None else self.path


@dataclass(frozen=True)
class BadRecord:
    """An input that could not be read; the rest of the corpus goes on."""

    source: Source
    error: InputError


def _decode(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            "NP102", f"{where}: byte {exc.start} is not UTF-8 ({data[exc.start : exc.start + 1]!r})"
        ) from None


def _jsonl_record(line: str, src: Source) -> dict[str, Any] | BadRecord:
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        return BadRecord(src, InputError("NP104", f"{src}: not JSON ({exc.msg})"))
    if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
        return BadRecord(src, InputError("NP104", f"{src}: no string 'text' field"))
    if rec.get("id") is None:
        rec["id"] = f"{Path(src.path).stem}:{src.line}"
    return rec


def _iter_jsonl_lines(lines: Iterable[bytes], path: str) -> Iterator[dict[str, Any] | BadRecord]:
    """Records from raw JSONL lines; a bad line becomes a BadRecord with its line number."""
    for n, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        src = Source(path, n)
        try:
            line = _decode(raw, str(src))
        except InputError as exc:
            yield BadRecord(src, exc)
            continue
        yield _jsonl_record(line, src)


def _iter_jsonl_file(path: Path) -> Iterator[dict[str, Any] | BadRecord]:
    with path.open("rb") as fh:
        yield from _iter_jsonl_lines(fh, str(path))


def _text_record(data: bytes, path: str, rid: str) -> dict[str, Any] | BadRecord:
    try:
        return {"id": rid, "text": _decode(data, path)}
    except InputError as exc:
        return BadRecord(Source(path), exc)


def _looks_jsonl(data: bytes) -> bool:
    head = data.lstrip()[:1]
    if head != b"{":
        return False
    first = data.lstrip().split(b"\n", 1)[0]
    try:
        return isinstance(json.loads(first), dict)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return False


def iter_records(
    paths: list[str], *, input_format: str = "auto"
) -> Iterator[dict[str, Any] | BadRecord]:
    """Yield records (``{"id", "text", …}``) or :class:`BadRecord` from files, folders or ``-``."""
    for p in paths:
        if p == "-":
            data = sys.stdin.buffer.read()
            if input_format == "jsonl" or (input_format == "auto" and _looks_jsonl(data)):
                yield from _iter_jsonl_lines(data.split(b"\n"), "<stdin>")
            else:
                yield _text_record(data, "<stdin>", "stdin")
            continue
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.iterdir()):
                if child.suffix in (".txt", ".jsonl", ".html", ".htm") and child.is_file():
                    yield from iter_records([str(child)], input_format=input_format)
            continue
        if not path.exists():
            yield BadRecord(Source(p), InputError("NP103", f"no such file or folder: {p}"))
            continue
        if input_format == "jsonl" or (input_format == "auto" and path.suffix == ".jsonl"):
            yield from _iter_jsonl_file(path)
        elif input_format == "html" or (
            input_format == "auto" and path.suffix in (".html", ".htm")
        ):
            yield _html_record(path)
        else:
            yield _text_record(path.read_bytes(), p, path.stem)


def _html_record(path: Path) -> dict[str, Any] | BadRecord:
    try:
        html = importlib.import_module("newsparse.html")
    except ImportError:
        return BadRecord(Source(str(path)), InputError("NP107", "HTML input is not available"))
    try:
        rec: dict[str, Any] = html.read_html(path.read_bytes(), id=path.stem)
        return rec
    except InputError as exc:
        return BadRecord(Source(str(path)), exc)
