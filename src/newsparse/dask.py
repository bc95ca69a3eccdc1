"""Run the newsparse pipeline over a Dask bag, on one machine or a cluster (``newsparse[dask]``).

Install the extra (``pip install 'newsparse[dask]'``), then::

    import dask.bag as db
    from distributed import Client
    import newsparse.dask

    client = Client()                                   # or Client("scheduler-address:8786")
    records = newsparse.dask.read_records("corpus/*.jsonl")
    articles = newsparse.dask.parse_bag(records)        # a bag of article dicts, lazily
    articles.map(json.dumps).to_textfiles("out/*.jsonl")

Each worker builds the same pipeline as ``newsparse.parse``, from the plugins installed on that
worker, once per process. Within a partition records are parsed in order, and the bag keeps the
order of its partitions, so ``compute()`` gives the articles in input order. Without a cluster,
``newsparse.parse_many`` with ``jobs=N`` does the same with a local process pool.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Iterable
from typing import Any, Literal

import dask.bag as db

from .api import Options, Record, _parse_record, _record_id

__all__ = ["parse_bag", "read_records"]

Output = Literal["dict", "json", "article"]
Errors = Literal["raise", "skip"]

_log = logging.getLogger(__name__)


def _parse_partition(
    records: Iterable[Record], output: Output, strict: bool, errors: Errors
) -> list[Any]:
    """Parse one partition's records in order, shaped as ``output``.

    A list, not a generator: a partition's result must pickle to move between worker processes.
    """
    out: list[Any] = []
    for rec in records:
        try:
            article = _parse_record(rec, Options(strict=strict))
        except Exception as exc:
            if errors == "raise":
                raise
            _log.warning("newsparse: record %s skipped: %s", _record_id(rec), exc)
            continue
        if output == "dict":
            out.append(article.model_dump(mode="json"))
        elif output == "json":
            out.append(article.model_dump_json())
        else:
            out.append(article)
    return out


def parse_bag(
    bag: db.Bag,
    *,
    output: Output = "dict",
    strict: bool = False,
    errors: Errors = "raise",
) -> db.Bag:
    """Parse a bag of texts or ``{"id", "text", …}`` records into a bag of articles, lazily.

    ``output`` is ``"dict"`` (JSON-ready dicts, cheap to move between workers), ``"json"`` (one
    JSON string per article, ready for ``to_textfiles``) or ``"article"`` (``Article``
    objects). With ``errors="skip"`` a record that cannot be parsed is logged and left out;
    the default raises.
    """
    if output not in ("dict", "json", "article"):
        raise ValueError(f"output must be 'dict', 'json' or 'article', not {output!r}")
    if errors not in ("raise", "skip"):
        raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")
    # A partial, not keywords: map_partitions keeps some keyword names (``output``) for itself.
    work = functools.partial(_parse_partition, output=output, strict=strict, errors=errors)
    parsed: db.Bag = bag.map_partitions(work)  # type: ignore[no-untyped-call]
    return parsed


def _load(line: str) -> Any:
    return json.loads(line)


def read_records(urlpath: str | list[str], *, blocksize: int | str | None = None) -> db.Bag:
    """A bag of records from JSONL files (local paths, globs or any fsspec URL).

    ``blocksize`` splits big files into several partitions (e.g. ``"16MiB"``); by default each
    file is one partition. Blank lines are skipped.
    """
    lines: db.Bag = db.read_text(urlpath, blocksize=blocksize)  # type: ignore[no-untyped-call]
    records: db.Bag = lines.filter(str.strip).map(_load)  # type: ignore[no-untyped-call]
    return records
