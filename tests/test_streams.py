"""parse_many and dump_many as streams: faults in records, workers and sources stay local."""

from __future__ import annotations

import json
import multiprocessing
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newsparse
from newsparse import api, plugins
from newsparse.errors import NewsparseError

PROBE = Path(__file__).resolve().parent / "fixtures" / "probe_plugin"

Failure = tuple[int, "str | None", str]


def _texts(n: int, marked: dict[int, str] | None = None) -> list[dict[str, Any]]:
    marked = marked or {}
    return [
        {"id": f"r{i}", "text": f"Article {i}. “Hold,” said Jane Doe. {marked.get(i, '')}".strip()}
        for i in range(n)
    ]


def _collect(stream: Iterator[Any]) -> list[Any]:
    return list(stream)


@pytest.fixture
def probe(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """The probe plugin installed (through its entry point) for this test only."""
    monkeypatch.syspath_prepend(str(PROBE))
    monkeypatch.setenv("NP_PROBE_PARENT", str(os.getpid()))
    monkeypatch.setenv("NP_PROBE_DIR", str(tmp_path))
    monkeypatch.delenv("NEWSPARSE_PLUGINS", raising=False)
    # The plugin is found on this process's sys.path: forked workers inherit the plugin manager
    # built here, whatever start method the pool would otherwise pick.
    monkeypatch.setattr(api, "_mp_context", lambda: multiprocessing.get_context("fork"))
    plugins.reset()
    names = {p["name"] for p in plugins.plugin_info(plugins.get_plugin_manager())}
    assert "robust_probe" in names
    yield tmp_path
    plugins.reset()


@pytest.mark.parametrize("marker", ["@@EXIT@@", "@@KILL@@"])
def test_a_dying_worker_fails_only_its_records(probe: Path, marker: str) -> None:
    bad = {50: marker, 203: marker, 204: marker}
    records = _texts(400, bad)
    failed: list[Failure] = []
    out = list(
        newsparse.parse_many(
            records,
            jobs=2,
            chunk_size=4,
            on_error=lambda i, rid, exc: failed.append((i, rid, getattr(exc, "code", ""))),
        )
    )
    assert failed == [(i, f"r{i}", "NP601") for i in sorted(bad)]
    assert [a.id for a in out] == [f"r{i}" for i in range(400) if i not in bad]
    assert all(a.text == records[int(a.id[1:])]["text"] for a in out)


def test_a_dying_worker_without_handler_raises_coded_error(probe: Path) -> None:
    records = _texts(40, {30: "@@EXIT@@"})
    got: list[str] = []
    with pytest.raises(NewsparseError) as err:
        for a in newsparse.parse_many(records, jobs=2, chunk_size=2):
            got.append(a.id)
    assert err.value.code == "NP601"
    assert got == [f"r{i}" for i in range(30)]


def test_dump_many_survives_a_dying_worker(probe: Path) -> None:
    records = _texts(30, {7: "@@KILL@@"})
    failed: list[int] = []
    lines = list(
        api.dump_many(records, jobs=2, chunk_size=3, on_error=lambda i, r, e: failed.append(i))
    )
    assert failed == [7]
    assert len(lines) == 29 and '"id":"r8"' in lines[7]


def _unpicklable(kind: str) -> Any:
    if kind == "lock":
        return threading.Lock()
    if kind == "lambda":
        return lambda: None
    deep: list[Any] = []
    for _ in range(100_000):  # deeper than pickle can follow
        deep = [deep]
    return deep


@pytest.mark.parametrize("kind", ["lock", "lambda", "deep"])
def test_an_unpicklable_record_fails_alone(kind: str) -> None:
    records: list[dict[str, Any]] = _texts(400)
    records[130] = {**records[130], "extra": _unpicklable(kind)}
    failed: list[Failure] = []
    out = list(
        newsparse.parse_many(
            records,
            jobs=2,
            on_error=lambda i, rid, exc: failed.append((i, rid, getattr(exc, "code", ""))),
        )
    )
    assert failed == [(130, "r130", "NP602")]
    assert [a.id for a in out] == [f"r{i}" for i in range(400) if i != 130]


class _SourceBroke(Exception):
    pass


def _failing_source(n: int) -> Iterator[str]:
    for i in range(n):
        yield f"Text number {i}."
    raise _SourceBroke(f"after {n}")


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("n", [0, 1, 5, 8, 9, 150])
def test_a_failing_source_yields_what_was_read_then_raises(jobs: int, n: int) -> None:
    got: list[str] = []
    with pytest.raises(_SourceBroke, match=f"after {n}"):
        for a in newsparse.parse_many(_failing_source(n), jobs=jobs, chunk_size=8):
            got.append(a.text)
    assert got == [f"Text number {i}." for i in range(n)]


def test_close_stops_running_work_instead_of_waiting(probe: Path) -> None:
    records = _texts(40, {1: "@@BLOCK@@"})
    stream = newsparse.parse_many(records, jobs=2, chunk_size=1)
    assert next(stream).id == "r0"
    started: list[Path] = []
    for _ in range(3000):  # the blocking record is picked up by a worker (at most ~30 s)
        started = list(probe.glob("started-*"))
        if started:
            break
        threading.Event().wait(0.01)
    assert started, "the blocking record never started"
    pid = int(started[0].name.split("-")[1])
    stream.close()
    with pytest.raises(ProcessLookupError):  # the worker is gone (killed and reaped)
        os.kill(pid, 0)
    (probe / "release").touch()
    assert not list(probe.glob("finished-*")), "close() let the blocked record run to its end"


def test_two_workers_equal_one_with_faults_in_between(probe: Path) -> None:
    records: list[dict[str, Any]] = _texts(60, {11: "@@EXIT@@"})
    records[40] = {**records[40], "extra": threading.Lock()}
    seen: dict[int, list[int]] = {1: [], 2: []}
    ones = [
        r
        for i, r in enumerate(records)
        if i not in (11, 40)  # the probe refuses to act in this process; the lock is fine here
    ]
    one = [a.model_dump_json() for a in newsparse.parse_many(ones, jobs=1)]
    two = [
        a.model_dump_json()
        for a in newsparse.parse_many(
            records, jobs=2, chunk_size=3, on_error=lambda i, r, e: seen[2].append(i)
        )
    ]
    assert seen[2] == [11, 40]
    assert one == two


def test_an_article_that_cannot_be_serialised_fails_alone_with_a_code(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = api._to_json_line

    def picky(article: Any) -> str:
        if "BAD" in article.text:
            raise ValueError("Error serializing to JSON: surrogates not allowed")
        return real(article)

    monkeypatch.setattr(api, "_to_json_line", picky)
    failed: list[Failure] = []
    lines = list(
        api.dump_many(
            ["One.", "BAD two.", "Three."],
            on_error=lambda i, rid, exc: failed.append((i, rid, getattr(exc, "code", ""))),
        )
    )
    assert failed == [(1, None, "NP603")]
    assert [json.loads(x)["text"] for x in lines] == ["One.", "Three."]
