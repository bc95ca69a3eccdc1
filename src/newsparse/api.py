"""The two entry points: ``parse`` for one article and ``parse_many`` for a corpus."""

from __future__ import annotations

import gc
import os
import pickle
import threading
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, cast

import pluggy

from .errors import InputError, NewsparseError
from .models import Article
from .pipeline import Pipeline
from .plugins import get_plugin_manager, make_plugin_manager

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor
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
    from ._meta import META_KEYS, meta_value

    out: dict[str, Any] = {}
    for key in META_KEYS:
        value, problem = meta_value(key, meta.get(key))
        if problem is not None:
            raise InputError(problem.code, problem.message)
        if value is not None:
            out[key] = value
    return out


def _check_timeout(timeout: object) -> None:
    ok = isinstance(timeout, int | float) and not isinstance(timeout, bool) and timeout > 0
    if timeout is not None and not ok:
        raise InputError("NP106", f"timeout must be a positive number of seconds, not {timeout!r}")


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
    """Parse one article's text into an ``Article``.

    ``plugins`` adds plugin objects for this call (or gives a whole plugin manager); the
    pipeline for a plugin set is planned once and reused. With ``strict=True`` an extractor
    failure raises instead of being recorded in ``diagnostics``. ``timeout`` (seconds) bounds
    the work on this article: when it runs out, what was found so far is returned with an
    ``NP303`` diagnostic.
    """
    _check_timeout(timeout)
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
    text, meta, _ = _record_parts(record)
    return text, meta


def _record_parts(record: Record) -> tuple[str, dict[str, Any], list[Any]]:
    """A record's text, its usable metadata, and the problems of the metadata left out."""
    if isinstance(record, str):
        return record, {}, []
    if not isinstance(record, Mapping):
        raise InputError(
            "NP104", f"a record must be a str or a mapping, not {type(record).__name__}"
        )
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError("NP104", "the record has no string 'text' field")
    from ._meta import record_meta

    meta, problems = record_meta(record)
    return text, dict(meta), problems


class Options(NamedTuple):
    """How each record of a stream is parsed (sent along to the workers)."""

    strict: bool = False
    timeout: float | None = None


_DEFAULT = Options()


def _parse_record(record: Record, opts: Options = _DEFAULT) -> Article:
    """Parse one record; metadata it cannot use is left out with a warning, never the text."""
    text, meta, problems = _record_parts(record)
    article = parse(text, strict=opts.strict, timeout=opts.timeout, **meta)
    if not problems:
        return article
    from .models import Diagnostic

    notes = tuple(
        Diagnostic(extractor="input", code=p.code, level="warning", message=p.message)
        for p in problems
    )
    return article.model_copy(update={"diagnostics": (*notes, *article.diagnostics)})


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


def _run_chunk(chunk: list[Record], opts: Options, finish: Finish | None) -> list[Any]:
    out: list[Any] = []
    for rec in chunk:
        try:
            article = _parse_record(rec, opts)
        except Exception as exc:
            out.append(_Failed(exc))
            continue
        if finish is None:
            out.append(article)
            continue
        try:
            out.append(finish(article))
        except Exception as exc:  # a value JSON cannot hold, put there by a plugin
            out.append(
                _Failed(NewsparseError("NP603", f"the article cannot be written: {_why(exc)}"))
            )
    return out


def _chunks(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    """Group records into chunks; when the source raises, the records read so far come first."""
    chunk: list[Record] = []
    chars = 0
    try:
        for rec in records:
            chunk.append(rec)
            text = (
                rec if isinstance(rec, str) else rec.get("text") if isinstance(rec, Mapping) else ""
            )
            chars += len(text) if isinstance(text, str) else 0
            if len(chunk) >= size or chars >= _CHUNK_CHARS:
                yield chunk
                chunk = []
                chars = 0
    except Exception:
        if chunk:
            yield chunk
        raise
    if chunk:
        yield chunk


def _record_id(record: Record) -> str | None:
    """The record's usable id, for error reports (None when it has none it could use)."""
    if isinstance(record, Mapping):
        from ._meta import meta_value

        return meta_value("id", record.get("id"))[0]
    return None


def _mp_context() -> BaseContext:
    """``fork`` when it is safe (no other thread running): workers start in milliseconds and
    inherit the compiled patterns; otherwise ``forkserver`` or ``spawn``."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


class _Pool:
    """Chunks in flight on a process pool, in order, with faults isolated to their records.

    A chunk whose worker died, or that could not cross to a worker, is run again alone, then
    record by record, so only the records at fault fail (NP601, NP602); a dead worker's pool is
    replaced. ``stop`` with ``kill`` ends running work at once instead of waiting for it.
    """

    def __init__(self, jobs: int, opts: Options, finish: Finish | None) -> None:
        # Imported here: they cost ~50 ms, which a one-process run should not pay at import time.
        from concurrent.futures.process import BrokenProcessPool

        self.broken_error = BrokenProcessPool
        self.jobs = jobs
        self.opts = opts
        self.finish = finish
        self.ctx = _mp_context()
        # A chunk with no future is a suspect: in flight when a worker died, or never sent.
        self.window: deque[tuple[list[Record], Future[list[Any]] | None]] = deque()
        # Forked workers start at the first submit. Frozen, the parent's objects stay out of
        # the workers' garbage collections, which would otherwise touch (and so copy) every
        # page they share with the parent.
        self.thaw = self.ctx.get_start_method() == "fork" and gc.get_freeze_count() == 0
        if self.thaw:
            gc.freeze()
        self.pool = self._new()

    def _new(self) -> ProcessPoolExecutor:
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(max_workers=self.jobs, mp_context=self.ctx, initializer=_warm_up)

    def _send(self, chunk: list[Record]) -> Future[list[Any]] | None:
        try:
            return self.pool.submit(_run_chunk, chunk, self.opts, self.finish)
        except self.broken_error:
            return None

    def add(self, chunk: list[Record]) -> None:
        """Send a chunk to the workers."""
        self.window.append((chunk, self._send(chunk)))
        if self.thaw:
            gc.unfreeze()
            self.thaw = False

    def take(self) -> tuple[list[Record], list[Any]]:
        """The oldest chunk and its results (a ``_Failed`` for each record that failed)."""
        chunk, fut = self.window.popleft()
        return chunk, self._settle(chunk, fut)

    def _restart(self) -> None:
        self.stop(kill=True)
        self.pool = self._new()

    def stop(self, *, kill: bool) -> None:
        """Shut the pool down; with ``kill``, end running work now instead of letting it finish."""
        if self.thaw:
            gc.unfreeze()
            self.thaw = False
        if kill:
            kill_workers = getattr(self.pool, "kill_workers", None)  # Python 3.14+
            if kill_workers is not None:
                kill_workers()
            else:
                # Before 3.14 the executor has no public way to stop a running task.
                processes = getattr(self.pool, "_processes", None) or {}
                for proc in list(processes.values()):
                    proc.kill()
        self.pool.shutdown(wait=True, cancel_futures=True)

    def _quiesce(self, broken: bool) -> None:
        """Let the chunks in flight finish, mark those a dead worker took down, renew the pool."""
        from concurrent.futures import wait

        live = [fut for _, fut in self.window if fut is not None]
        if live:
            wait(live)
        for i, (chunk, fut) in enumerate(self.window):
            if fut is not None and isinstance(fut.exception(), self.broken_error):
                self.window[i] = (chunk, None)
                broken = True
        if broken:
            self._restart()

    def _settle(self, chunk: list[Record], fut: Future[list[Any]] | None) -> list[Any]:
        """The chunk's results; when its future failed, found again with the fault isolated."""
        broken = fut is None
        if fut is not None:
            try:
                return fut.result()
            except self.broken_error:
                broken = True
            except Exception:  # the chunk or a result could not be pickled
                broken = False
        self._quiesce(broken)
        if broken:
            # Most chunks in flight when a worker dies are bystanders: try the chunk whole.
            retry = self._send(chunk)
            try:
                if retry is not None:
                    return retry.result()
            except Exception:
                pass
            self._restart()
        return [self._alone(rec) for rec in chunk]

    def _alone(self, rec: Record) -> Any:
        """One record in a pool with nothing else in flight, so a failure is its own."""
        try:
            pickle.dumps(rec)
        except Exception as exc:
            why = f"the record cannot be sent to a worker process ({_why(exc)})"
            return _Failed(NewsparseError("NP602", why))
        fut = self._send([rec])
        try:
            if fut is None:
                raise self.broken_error("the pool was broken")
            return fut.result()[0]
        except self.broken_error:
            self._restart()
            return _Failed(NewsparseError("NP601", "a worker process died parsing this record"))
        except Exception as exc:
            why = f"the article could not come back from the worker ({_why(exc)})"
            return _Failed(NewsparseError("NP602", why))


class _Source:
    """Chunks from the records; a source error is kept until the chunks read before are done."""

    def __init__(self, chunks: Iterator[list[Record]]) -> None:
        self.chunks = chunks
        self.error: Exception | None = None

    def next(self) -> list[Record] | None:
        """The next chunk; None at the end, or once the source has raised."""
        if self.error is not None:
            return None
        try:
            return next(self.chunks, None)
        except Exception as exc:
            self.error = exc
            return None

    def reraise(self) -> None:
        """Raise the source's error, if it had one."""
        if self.error is not None:
            raise self.error


def _sizes(jobs: int, chunk_size: int | None) -> tuple[int, int]:
    """The number of workers (``0``: one per CPU) and records per chunk, checked."""
    if jobs < 0:
        raise ValueError("jobs must be >= 0")
    size = chunk_size or _CHUNK_RECORDS
    if size < 1:
        raise ValueError("chunk_size must be >= 1")
    return jobs or os.cpu_count() or 1, size


def _stream(
    records: Iterable[Record],
    *,
    jobs: int,
    opts: Options,
    on_error: ErrorHandler | None,
    chunk_size: int | None,
    finish: Finish | None,
) -> Iterator[Any]:
    """Parse records in order, applying ``finish`` where the parsing happens (worker or here).

    When the source raises, the records read before are yielded first. With a pool, faults stay
    with their records (see ``_Pool``).
    """
    jobs, size = _sizes(jobs, chunk_size)
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
            yield from emit(chunk, _run_chunk(chunk, opts, finish))
        return
    source = _Source(chunks)
    upcoming = deque(c for c in (source.next(), source.next()) if c is not None)
    if len(upcoming) < 2:  # at most one chunk: a pool would cost more than it saves
        for chunk in upcoming:
            yield from emit(chunk, _run_chunk(chunk, opts, finish))
        source.reraise()
        return
    _warm_up()
    pool = _Pool(jobs, opts, finish)
    try:
        while True:
            while len(pool.window) < jobs * _WINDOW_PER_JOB:
                nxt = upcoming.popleft() if upcoming else source.next()
                if nxt is None:
                    break
                pool.add(nxt)
            if not pool.window:
                break
            yield from emit(*pool.take())
        source.reraise()
    finally:
        # Also reached when the consumer stops early (close()): work still in flight is
        # killed, not waited for.
        pool.stop(kill=bool(pool.window))


def _why(exc: BaseException) -> str:
    text = str(exc)
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__


def parse_many(
    records: Iterable[Record],
    *,
    jobs: int = 1,
    strict: bool = False,
    timeout: float | None = None,
    on_error: ErrorHandler | None = None,
    chunk_size: int | None = None,
) -> Iterator[Article]:
    """Parse a stream of texts or ``{"id", "text", …}`` records, yielding articles in input order.

    Memory stays flat: records are read lazily and at most a few chunks (of at most
    ``chunk_size`` records and about 64k characters) per worker are in flight. ``jobs`` > 1 uses
    a process pool (``jobs=0`` means one per CPU); plugins then come from the installed entry
    points. A record that fails raises, unless ``on_error(index, record_id, exception)`` is given:
    then it is called and the record skipped. A worker that dies fails only the record it was on
    (``NP601``), a record that cannot be pickled fails alone (``NP602``), and the stream goes on.
    Metadata that cannot be used is left out with a warning diagnostic; the text is always
    parsed (see docs/errors.md, metadata). When ``records`` raises, the articles of the records
    read before come first, then the exception. Closing the iterator early stops the workers
    at once. ``strict`` and ``timeout`` apply to each record as in ``parse``.
    """
    _check_timeout(timeout)
    return cast(
        "Iterator[Article]",
        _stream(
            records,
            jobs=jobs,
            opts=Options(strict, timeout),
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
    timeout: float | None = None,
    on_error: ErrorHandler | None = None,
    chunk_size: int | None = None,
) -> Iterator[str]:
    """Like ``parse_many``, but yield each article as JSON, serialised in the worker.

    Sending text back from the workers costs far less than sending models, so this is what the
    command line uses for ``--format json``/``jsonl``.
    """
    _check_timeout(timeout)
    return cast(
        "Iterator[str]",
        _stream(
            records,
            jobs=jobs,
            opts=Options(strict, timeout),
            on_error=on_error,
            chunk_size=chunk_size,
            finish=_to_json_indented if indent else _to_json_line,
        ),
    )
