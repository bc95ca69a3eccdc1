"""The two entry points: :func:`parse` for one article and :func:`parse_many` for a corpus."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

import pluggy
import regex

from .errors import InputError
from .models import Article
from .pipeline import Pipeline
from .plugins import get_plugin_manager, make_plugin_manager

__all__ = ["parse", "parse_many"]

_pipelines: dict[int, tuple[pluggy.PluginManager, Pipeline]] = {}
_SURROGATE = regex.compile(r"[\ud800-\udfff]")
_META_KEYS = ("id", "title", "published", "url", "source")

Record = str | Mapping[str, Any]
ErrorHandler = Callable[[int, str | None, Exception], None]


def _pipeline(plugins: Sequence[Any] | pluggy.PluginManager | None) -> Pipeline:
    if isinstance(plugins, pluggy.PluginManager):
        pm = plugins
    elif plugins:
        pm = make_plugin_manager(extra=plugins)
        return Pipeline(pm)
    else:
        pm = get_plugin_manager()
    hit = _pipelines.get(id(pm))
    if hit is None or hit[0] is not pm:
        hit = (pm, Pipeline(pm))
        _pipelines[id(pm)] = hit
    return hit[1]


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        kind = type(text).__name__
        raise InputError("NP101", f"parse() takes the article text as str, not {kind}")
    if not text.isascii():
        m = _SURROGATE.search(text)
        if m is not None:
            raise InputError(
                "NP105", f"lone surrogate U+{ord(m.group()):04X} at offset {m.start()}"
            )
    return text


def _check_meta(meta: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in _META_KEYS:
        value = meta.get(key)
        if value is None:
            continue
        if key == "published" and hasattr(value, "isoformat"):
            value = value.isoformat()
        if not isinstance(value, str):
            raise InputError("NP106", f"{key} must be a string, not {type(value).__name__}")
        out[key] = value
    if "published" in out:
        from .models import _valid_iso

        try:
            _valid_iso(out["published"])
        except ValueError as exc:
            raise InputError("NP106", str(exc)) from None
    return out


def parse(
    text: str,
    *,
    id: str | None = None,
    title: str | None = None,
    published: Any = None,
    url: str | None = None,
    source: str | None = None,
    plugins: Sequence[Any] | pluggy.PluginManager | None = None,
    strict: bool = False,
) -> Article:
    """Parse one article's text into an :class:`Article`.

    ``plugins`` adds plugin objects for this call (or gives a whole plugin manager). With
    ``strict=True`` an extractor failure raises instead of being recorded in ``diagnostics``.
    """
    _check_text(text)
    meta = _check_meta(
        {"id": id, "title": title, "published": published, "url": url, "source": source}
    )
    return _pipeline(plugins).run(text, strict=strict, **meta)


def _record_args(record: Record) -> tuple[str, dict[str, Any]]:
    if isinstance(record, str):
        return record, {}
    if not isinstance(record, Mapping):
        raise InputError(
            "NP104", f"a record must be a str or a mapping, not {type(record).__name__}"
        )
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError("NP104", "the record has no string 'text' field")
    meta = dict(record.get("meta") or {}) if isinstance(record.get("meta"), Mapping) else {}
    merged = {
        "id": record.get("id"),
        "title": record.get("title") or meta.get("title"),
        "published": record.get("published")
        or meta.get("published")
        or meta.get("publication_date"),
        "url": record.get("url") or meta.get("url"),
        "source": record.get("source") if isinstance(record.get("source"), str) else None,
    }
    if merged["id"] is not None and not isinstance(merged["id"], str):
        merged["id"] = str(merged["id"])
    return text, {k: v for k, v in merged.items() if v is not None}


def _parse_record(record: Record, strict: bool = False) -> Article:
    text, meta = _record_args(record)
    try:
        return parse(text, strict=strict, **meta)
    except InputError as exc:
        if exc.code == "NP106" and "published" in meta:
            # A malformed date should not cost the article: parse it without one.
            meta.pop("published")
            return parse(text, strict=strict, **meta)
        raise


def _parse_chunk(chunk: list[Record], strict: bool) -> list[Article | Exception]:
    out: list[Article | Exception] = []
    for rec in chunk:
        try:
            out.append(_parse_record(rec, strict))
        except Exception as exc:
            out.append(exc)
    return out


def _chunks(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    chunk: list[Record] = []
    for rec in records:
        chunk.append(rec)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _record_id(record: Record) -> str | None:
    if isinstance(record, Mapping):
        rid = record.get("id")
        return None if rid is None else str(rid)
    return None


def parse_many(
    records: Iterable[Record],
    *,
    jobs: int = 1,
    strict: bool = False,
    on_error: ErrorHandler | None = None,
    chunk_size: int = 16,
) -> Iterator[Article]:
    """Parse a stream of texts or ``{"id", "text", …}`` records, yielding articles in input order.

    Memory stays flat: at most a few chunks per worker are in flight. ``jobs`` > 1 uses a process
    pool (``jobs=0`` means one per CPU); plugins then come from the installed entry points. A record
    that fails raises, unless ``on_error(index, record_id, exception)`` is given: then it is called
    and the record skipped.
    """
    if jobs < 0:
        raise ValueError("jobs must be >= 0")
    if jobs == 0:
        jobs = os.cpu_count() or 1

    def emit(
        chunk: list[Record], results: list[Article | Exception], base: int
    ) -> Iterator[Article]:
        for i, (rec, res) in enumerate(zip(chunk, results, strict=True)):
            if isinstance(res, Exception):
                if on_error is None:
                    raise res
                on_error(base + i, _record_id(rec), res)
            else:
                yield res

    index = 0
    if jobs == 1:
        for chunk in _chunks(records, chunk_size):
            yield from emit(chunk, _parse_chunk(chunk, strict), index)
            index += len(chunk)
        return
    window: deque[tuple[list[Record], Future[list[Article | Exception]]]] = deque()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for chunk in _chunks(records, chunk_size):
            window.append((chunk, pool.submit(_parse_chunk, chunk, strict)))
            if len(window) >= jobs * 3:
                done, fut = window.popleft()
                yield from emit(done, fut.result(), index)
                index += len(done)
        while window:
            done, fut = window.popleft()
            yield from emit(done, fut.result(), index)
            index += len(done)
