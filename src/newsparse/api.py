"""The two entry points: :func:`parse` for one article and :func:`parse_many` for a corpus."""

from __future__ import annotations

import gc
import itertools
import os
import threading
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

import pluggy

from .errors import InputError, NewsparseError
from .models import Article
from .pipeline import Pipeline
from .plugins import get_plugin_manager, make_plugin_manager

if TYPE_CHECKING:
    from concurrent.futures import Future
    from multiprocessing.context import BaseContext

__all__ = ["parse", "parse_many"]

_META_KEYS = ("id", "title", "published", "url", "source", "author")

Record = str | Mapping[str, Any]
ErrorHandler = Callable[[int, str | None, Exception], None]

#: Pipelines by plugin set, so ``parse(text, plugins=[...])`` plans once, not per call.
_pipelines: OrderedDict[tuple[int, ...], tuple[object, Pipeline]] = OrderedDict()
_PIPELINES_KEPT = 16
_pipelines_lock = threading.Lock()


def _pipeline(plugins: Sequence[Any] | pluggy.PluginManager | None) -> Pipeline:
    """The pipeline for a plugin set (a manager, plugin objects, or the installed default)."""
    if isinstance(plugins, pluggy.PluginManager):
        owner: object = plugins
        key: tuple[int, ...] = (id(plugins),)
    elif plugins:
        owner = tuple(plugins)
        key = (0, *(id(p) for p in plugins))
    else:
        owner = get_plugin_manager()
        key = (id(owner),)
    with _pipelines_lock:
        hit = _pipelines.get(key)
        if hit is not None and (hit[0] is owner or hit[0] == owner):
            _pipelines.move_to_end(key)
            return hit[1]
    if isinstance(owner, pluggy.PluginManager):
        pipeline = Pipeline(owner)
    else:
        pipeline = Pipeline(make_plugin_manager(extra=owner))  # type: ignore[arg-type]
    with _pipelines_lock:
        # The owner is kept with the pipeline, so its id cannot be reused while cached.
        _pipelines[key] = (owner, pipeline)
        while len(_pipelines) > _PIPELINES_KEPT:
            _pipelines.popitem(last=False)
    return pipeline


def forget_pipelines() -> None:
    """Drop every cached pipeline (after plugins were installed or removed at run time)."""
    with _pipelines_lock:
        _pipelines.clear()


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        kind = type(text).__name__
        raise InputError("NP101", f"parse() takes the article text as str, not {kind}")
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:  # only lone surrogates cannot be encoded
            raise InputError(
                "NP105", f"lone surrogate U+{ord(text[exc.start]):04X} at offset {exc.start}"
            ) from None
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
    author: str | None = None,
    plugins: Sequence[Any] | pluggy.PluginManager | None = None,
    strict: bool = False,
    timeout: float | None = None,
) -> Article:
    """Parse one article's text into an :class:`Article`.

    ``plugins`` adds plugin objects for this call (or gives a whole plugin manager); the
    pipeline for a plugin set is planned once and reused. With ``strict=True`` an extractor
    failure raises instead of being recorded in ``diagnostics``. ``timeout`` (seconds) bounds
    the work on this article: when it runs out, what was found so far is returned with an
    ``NP303`` diagnostic.
    """
    if timeout is not None and not (isinstance(timeout, int | float) and timeout > 0):
        raise InputError("NP106", f"timeout must be a positive number of seconds, not {timeout!r}")
    _check_text(text)
    meta = _check_meta(
        {
            "id": id,
            "title": title,
            "published": published,
            "url": url,
            "source": source,
            "author": author,
        }
    )
    return _pipeline(plugins).run(text, strict=strict, timeout=timeout, **meta)


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
        "author": next(
            (a for a in (record.get("author"), meta.get("author")) if isinstance(a, str) and a),
            None,
        ),
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


# -- many articles: streaming, in order, optionally over a process pool ---------------------------

#: A chunk closes at this many characters of text, so chunks cost about the same to parse
#: whatever the article lengths, and a worker's share stays small enough to balance the load.
_CHUNK_CHARS = 1 << 16
_CHUNK_RECORDS = 64
#: Chunks in flight per worker: one running, the rest queued so no worker waits on the parent.
_WINDOW_PER_JOB = 3
#: Parsed once per process before work starts, so every lazily compiled pattern is ready (and,
#: with ``fork``, compiled once in the parent and inherited by every worker).
_WARM_UP = (
    "Talks to resume next week\n\n"
    "“We will hold our fire,” Foreign Minister Jane Roe said on Monday in the capital. "
    "The rebels told reporters they had agreed to a 30-day ceasefire brokered by the United "
    "Nations, according to a statement.\n\n"
    "Mr. Doe said the army would respect the truce but accused the group of violating it."
)

Finish = Callable[[Article], Any]


def _warm_up() -> None:
    """Build the default pipeline and run it once so patterns compile before timing matters."""
    parse(_WARM_UP)


class _Failed:
    """A record's failure, able to cross the process boundary back from a worker."""

    __slots__ = ("exc",)

    def __init__(self, exc: Exception) -> None:
        self.exc = exc

    def __reduce__(self) -> tuple[Any, ...]:
        exc = self.exc
        if isinstance(exc, NewsparseError):
            # Its __init__ takes (code, message), not the args pickle would replay.
            return (_failed_newsparse, (type(exc), exc.code, exc.message))
        import pickle

        try:
            pickle.loads(pickle.dumps(exc))
        except Exception:
            return (_Failed, (RuntimeError(f"{type(exc).__name__}: {exc}"),))
        return (_Failed, (exc,))


def _failed_newsparse(cls: type[NewsparseError], code: str, message: str) -> _Failed:
    return _Failed(cls(code, message))


def _run_chunk(chunk: list[Record], strict: bool, finish: Finish | None) -> list[Any]:
    out: list[Any] = []
    for rec in chunk:
        try:
            article = _parse_record(rec, strict)
            out.append(article if finish is None else finish(article))
        except Exception as exc:
            out.append(_Failed(exc))
    return out


def _chunks(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    chunk: list[Record] = []
    chars = 0
    for rec in records:
        chunk.append(rec)
        text = rec if isinstance(rec, str) else rec.get("text") if isinstance(rec, Mapping) else ""
        chars += len(text) if isinstance(text, str) else 0
        if len(chunk) >= size or chars >= _CHUNK_CHARS:
            yield chunk
            chunk = []
            chars = 0
    if chunk:
        yield chunk


def _record_id(record: Record) -> str | None:
    if isinstance(record, Mapping):
        rid = record.get("id")
        return None if rid is None else str(rid)
    return None


def _mp_context() -> BaseContext:
    """``fork`` when it is safe (no other thread running): workers start in milliseconds and
    inherit the compiled patterns; otherwise ``forkserver`` or ``spawn``."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _stream(
    records: Iterable[Record],
    *,
    jobs: int,
    strict: bool,
    on_error: ErrorHandler | None,
    chunk_size: int | None,
    finish: Finish | None,
) -> Iterator[Any]:
    """Parse records in order, applying ``finish`` where the parsing happens (worker or here)."""
    if jobs < 0:
        raise ValueError("jobs must be >= 0")
    if jobs == 0:
        jobs = os.cpu_count() or 1
    size = chunk_size or _CHUNK_RECORDS
    if size < 1:
        raise ValueError("chunk_size must be >= 1")

    index = 0

    def emit(chunk: list[Record], results: list[Any]) -> Iterator[Any]:
        nonlocal index
        for rec, res in zip(chunk, results, strict=True):
            if isinstance(res, _Failed):
                if on_error is None:
                    raise res.exc
                on_error(index, _record_id(rec), res.exc)
            else:
                yield res
            index += 1

    chunks = _chunks(records, size)
    if jobs == 1:
        for chunk in chunks:
            yield from emit(chunk, _run_chunk(chunk, strict, finish))
        return
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None)
    if second is None:  # one chunk: a pool would cost more than it saves
        yield from emit(first, _run_chunk(first, strict, finish))
        return
    # Imported here: they cost ~50 ms, which a one-process run should not pay at import time.
    from concurrent.futures import ProcessPoolExecutor

    _warm_up()
    window: deque[tuple[list[Record], Future[list[Any]]]] = deque()
    ctx = _mp_context()
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_warm_up)
    # Forked workers start at the first submit. Frozen, the parent's objects stay out of the
    # workers' garbage collections, which would otherwise touch (and so copy) every page they
    # share with the parent.
    thaw = ctx.get_start_method() == "fork" and gc.get_freeze_count() == 0
    if thaw:
        gc.freeze()
    try:
        for chunk in itertools.chain((first, second), chunks):
            window.append((chunk, pool.submit(_run_chunk, chunk, strict, finish)))
            if thaw:
                gc.unfreeze()
                thaw = False
            if len(window) >= jobs * _WINDOW_PER_JOB:
                done, fut = window.popleft()
                yield from emit(done, fut.result())
        while window:
            done, fut = window.popleft()
            yield from emit(done, fut.result())
    finally:
        if thaw:
            gc.unfreeze()
        # Also reached when the consumer stops early: drop queued chunks, end the workers.
        pool.shutdown(wait=True, cancel_futures=True)


def parse_many(
    records: Iterable[Record],
    *,
    jobs: int = 1,
    strict: bool = False,
    on_error: ErrorHandler | None = None,
    chunk_size: int | None = None,
) -> Iterator[Article]:
    """Parse a stream of texts or ``{"id", "text", …}`` records, yielding articles in input order.

    Memory stays flat: records are read lazily and at most a few chunks (of at most
    ``chunk_size`` records and about 64k characters) per worker are in flight. ``jobs`` > 1 uses
    a process pool (``jobs=0`` means one per CPU); plugins then come from the installed entry
    points. A record that fails raises, unless ``on_error(index, record_id, exception)`` is given:
    then it is called and the record skipped.
    """
    return cast(
        "Iterator[Article]",
        _stream(
            records,
            jobs=jobs,
            strict=strict,
            on_error=on_error,
            chunk_size=chunk_size,
            finish=None,
        ),
    )


def _to_json_line(article: Article) -> str:
    return article.model_dump_json()


def _to_json_indented(article: Article) -> str:
    return article.model_dump_json(indent=2)


def dump_many(
    records: Iterable[Record],
    *,
    indent: bool = False,
    jobs: int = 1,
    strict: bool = False,
    on_error: ErrorHandler | None = None,
    chunk_size: int | None = None,
) -> Iterator[str]:
    """Like :func:`parse_many`, but yield each article as JSON, serialised in the worker.

    Sending text back from the workers costs far less than sending models, so this is what the
    command line uses for ``--format json``/``jsonl``.
    """
    return cast(
        "Iterator[str]",
        _stream(
            records,
            jobs=jobs,
            strict=strict,
            on_error=on_error,
            chunk_size=chunk_size,
            finish=_to_json_indented if indent else _to_json_line,
        ),
    )
