"""newsparse.dask: a Dask bag on a local distributed cluster gives what parse_many gives."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask.bag")
pytest.importorskip("distributed")

import dask.bag as db
from distributed import Client, LocalCluster

import newsparse
import newsparse.dask as nd

# Our own short articles: a headline, a quote with a cue, a ceasefire claim, a plain text.
RECORDS: list[dict[str, Any]] = [
    {
        "id": f"r{i}",
        "text": (
            f"Talks resume in the capital, day {i}\n\n"
            "“We will hold our fire,” Defence Minister Ana Ruiz said on Monday.\n\n"
            "The rebels said they had agreed to a ceasefire brokered by Norway. "
            f"Officials counted {i} violations overnight."
        ),
    }
    for i in range(12)
]
RECORDS.append({"id": "plain", "text": "No quotes here, and nothing else either."})


def _expected() -> list[dict[str, Any]]:
    return [a.model_dump(mode="json") for a in newsparse.parse_many(RECORDS)]


@pytest.fixture(scope="module")
def threaded_client() -> Iterator[Client]:
    with (
        LocalCluster(
            n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def test_parse_bag_matches_parse_many(threaded_client: Client) -> None:
    bag = db.from_sequence(RECORDS, npartitions=4)
    got = nd.parse_bag(bag).compute()
    assert got == _expected()


def test_parse_bag_json_and_article_outputs(threaded_client: Client) -> None:
    bag = db.from_sequence(RECORDS, npartitions=3)
    as_json = nd.parse_bag(bag, output="json").compute()
    assert [json.loads(j) for j in as_json] == _expected()
    articles = nd.parse_bag(bag, output="article").compute()
    assert all(isinstance(a, newsparse.Article) for a in articles)
    assert [a.id for a in articles] == [r["id"] for r in RECORDS]


def test_plain_strings_are_records_too(threaded_client: Client) -> None:
    texts = [r["text"] for r in RECORDS[:4]]
    got = nd.parse_bag(db.from_sequence(texts, npartitions=2)).compute()
    assert [g["text"] for g in got] == texts


def test_bad_records_raise_or_are_skipped(threaded_client: Client) -> None:
    bad = [RECORDS[0], {"id": "no-text"}, RECORDS[1]]
    bag = db.from_sequence(bad, npartitions=1)
    with pytest.raises(newsparse.InputError):
        nd.parse_bag(bag).compute()
    kept = nd.parse_bag(bag, errors="skip").compute()
    assert [a["id"] for a in kept] == ["r0", "r1"]


def test_read_records_from_jsonl(tmp_path: Path, threaded_client: Client) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS[:5]) + "\n", encoding="utf-8")
    got = nd.parse_bag(nd.read_records(str(path))).compute()
    assert got == _expected()[:5]


def test_bad_arguments_are_refused() -> None:
    bag = db.from_sequence(RECORDS[:1])
    with pytest.raises(ValueError, match="output"):
        nd.parse_bag(bag, output="xml")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="errors"):
        nd.parse_bag(bag, errors="ignore")  # type: ignore[arg-type]


def test_worker_processes_give_the_same_articles() -> None:
    """A worker process: records and articles cross the process boundary by pickling."""
    with (
        LocalCluster(
            n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as client,
    ):
        bag = db.from_sequence(RECORDS, npartitions=3)
        # A timeout, so a task that cannot be shipped fails the test instead of hanging it.
        assert client.compute(nd.parse_bag(bag)).result(timeout=120) == _expected()
