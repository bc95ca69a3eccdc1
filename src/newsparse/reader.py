"""Read articles from text files, JSONL corpora, folders and standard input, as records."""

from __future__ import annotations

import importlib
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ._meta import meta_value, record_meta, surrogate_at
from .errors import InputError

__all__ = ["MAX_JSON_DEPTH", "BadRecord", "Source", "iter_records", "load_json"]


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


#: Deepest nesting of objects and arrays a JSON record or article may have. Real records need a
#: handful of levels; past a thousand, ``json`` itself fails with a RecursionError.
MAX_JSON_DEPTH = 100

#: The files of a folder that are read as inputs.
FOLDER_SUFFIXES = (".txt", ".jsonl", ".html", ".htm")

#: Called with where a record came from and what was changed in it (a field left out).
NoteHandler = Callable[[Source, str], None]

_BOM = b"\xef\xbb\xbf"


def _decode(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            "NP102", f"{where}: byte {exc.start} is not UTF-8 ({data[exc.start : exc.start + 1]!r})"
        ) from None


def _deeper_than(obj: object, limit: int) -> bool:
    """Whether ``obj`` nests lists and dicts more than ``limit`` levels deep (no recursion)."""
    stack: list[tuple[object, int]] = [(obj, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Iterable[object] = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def load_json(data: str, where: str) -> Any:
    """``data`` parsed as JSON, or an ``InputError`` saying why not (never a crash)."""
    try:
        obj = json.loads(data)
    except RecursionError:
        obj = None
        deep = True
    except json.JSONDecodeError as exc:
        raise InputError("NP104", f"{where}: not JSON ({exc.msg})") from None
    except ValueError as exc:  # e.g. an integer with more digits than Python converts
        raise InputError("NP104", f"{where}: not JSON ({exc})") from None
    else:
        deep = _deeper_than(obj, MAX_JSON_DEPTH)
    if deep:
        raise InputError("NP109", f"{where}: JSON nested more than {MAX_JSON_DEPTH} levels deep")
    return obj


def _name(stem: str) -> str:
    """A file name usable as an id: undecodable bytes (lone surrogates) become U+FFFD."""
    return stem if surrogate_at(stem) is None else re.sub("[\ud800-\udfff]", "\ufffd", stem)


def _jsonl_record(
    line: str, src: Source, on_note: NoteHandler | None = None
) -> dict[str, Any] | BadRecord:
    try:
        rec = load_json(line, str(src))
    except InputError as exc:
        return BadRecord(src, exc)
    if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
        return BadRecord(src, InputError("NP104", f"{src}: no string 'text' field"))
    _, problems = record_meta(rec)
    rid, _ = meta_value("id", rec.get("id"))
    if rid is None:
        rid = f"{_name(Path(src.path).stem)}:{src.line}"
    rec["id"] = rid
    if on_note is not None:
        for problem in problems:
            if problem.key == "id":
                then = f"the id {rid!r} is used instead"
            else:
                then = "the field is left out"
            on_note(src, f"[{problem.code}] {problem.message}; {then}")
    return rec


def _iter_jsonl_lines(
    lines: Iterable[bytes], path: str, on_note: NoteHandler | None = None
) -> Iterator[dict[str, Any] | BadRecord]:
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
        if not line.strip():  # a line holding only a byte order mark
            continue
        yield _jsonl_record(line, src, on_note)


def _iter_jsonl_file(
    path: Path, on_note: NoteHandler | None
) -> Iterator[dict[str, Any] | BadRecord]:
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield _unreadable(str(path), exc)
        return
    with fh:
        yield from _iter_jsonl_lines(fh, str(path), on_note)


def _unreadable(path: str, exc: OSError) -> BadRecord:
    return BadRecord(Source(path), InputError("NP103", f"cannot read {path}: {exc.strerror}"))


def _text_record(data: bytes, path: str, rid: str) -> dict[str, Any] | BadRecord:
    try:
        return {"id": rid, "text": _decode(data, path)}
    except InputError as exc:
        return BadRecord(Source(path), exc)


def _looks_jsonl(data: bytes) -> bool:
    """Whether standard input holds JSONL: its first line is a JSON object (a BOM allowed)."""
    body = data[len(_BOM) :] if data.startswith(_BOM) else data
    body = body.lstrip()
    if body[:1] != b"{":
        return False
    first = body.split(b"\n", 1)[0]
    try:
        return isinstance(load_json(first.decode("utf-8"), "<stdin>"), dict)
    except UnicodeDecodeError:
        return False
    except InputError as exc:
        return exc.code == "NP109"  # an object too deep to read is still a JSONL record


def iter_records(
    paths: list[str], *, input_format: str = "auto", on_note: NoteHandler | None = None
) -> Iterator[dict[str, Any] | BadRecord]:
    """Yield records (``{"id", "text", …}``) or ``BadRecord`` from files, folders or ``-``.

    Every record has a usable ``id``: a JSONL line without one (or with one that is not a
    string or integer) gets ``FILE_STEM:LINE``. ``on_note`` hears of each metadata value that
    ``parse_many`` will leave out.
    """
    for p in paths:
        if p == "-":
            yield from _stdin_records(input_format, on_note)
            continue
        path = Path(p)
        if path.is_dir():
            yield from _folder_records(path, input_format, on_note)
        elif not path.exists():
            yield BadRecord(Source(p), InputError("NP103", f"no such file or folder: {p}"))
        elif input_format == "jsonl" or (input_format == "auto" and path.suffix == ".jsonl"):
            yield from _iter_jsonl_file(path, on_note)
        elif input_format == "html" or (
            input_format == "auto" and path.suffix in (".html", ".htm")
        ):
            yield _html_record(path)
        else:
            yield _file_text_record(path)


def _stdin_records(
    input_format: str, on_note: NoteHandler | None
) -> Iterator[dict[str, Any] | BadRecord]:
    data = sys.stdin.buffer.read()
    if input_format == "jsonl" or (input_format == "auto" and _looks_jsonl(data)):
        yield from _iter_jsonl_lines(data.split(b"\n"), "<stdin>", on_note)
    else:
        yield _text_record(data, "<stdin>", "stdin")


def _folder_records(
    path: Path, input_format: str, on_note: NoteHandler | None
) -> Iterator[dict[str, Any] | BadRecord]:
    try:
        children = sorted(path.iterdir())
    except OSError as exc:
        yield _unreadable(str(path), exc)
        return
    for child in children:
        if child.suffix in FOLDER_SUFFIXES and child.is_file():
            yield from iter_records([str(child)], input_format=input_format, on_note=on_note)


def _file_text_record(path: Path) -> dict[str, Any] | BadRecord:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return _unreadable(str(path), exc)
    return _text_record(data, str(path), _name(path.stem))


def _html_record(path: Path) -> dict[str, Any] | BadRecord:
    try:
        html = importlib.import_module("newsparse.html")
    except ImportError:
        return BadRecord(Source(str(path)), InputError("NP107", "HTML input is not available"))
    try:
        data = path.read_bytes()
    except OSError as exc:
        return _unreadable(str(path), exc)
    try:
        rec: dict[str, Any] = html.read_html(data, id=_name(path.stem))
        return rec
    except InputError as exc:
        return BadRecord(Source(str(path)), exc)
