"""One typed lexicon: every word class the rules use, loaded once from ``newsparse/data``.

Each rules file has a pydantic model; ``load`` validates the file against it and names the
file and key of anything wrong (``LexiconError``, code ``NP501``). Word classes shared by several
extractors (pronouns, auxiliaries, reporting verbs, …) live once, in ``data/english.json``
(``newsparse.lexicon.english``); each extractor's own vocabulary has its own file and model in
this package. Verb forms are generated from lemmas (``inflect``), so a verb is listed once.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import NewsparseError
from ._files import alternation, load_json, load_lines, load_tsv, read_data
from .verbs import VerbForms, inflect

__all__ = [
    "DataFile",
    "LexiconError",
    "VerbForms",
    "alternation",
    "inflect",
    "load",
    "load_json",
    "load_lines",
    "load_tsv",
]

M = TypeVar("M", bound="DataFile")


class LexiconError(NewsparseError):
    """A rules file under ``newsparse/data`` does not match its model."""


class DataFile(BaseModel):
    """Base of every rules-file model: frozen, no unknown keys, and a ``_source`` note."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    source: str = Field(alias="_source", min_length=1)
    """Where the file's facts come from (its ``_source`` key)."""


@cache
def _load(name: str, model: type[BaseModel]) -> BaseModel:
    try:
        data: Any = json.loads(read_data(name))
    except (OSError, ValueError) as exc:
        raise LexiconError("NP501", f"data/{name}: cannot be read as JSON: {exc}") from None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"]) or "(top level)"
        raise LexiconError(
            "NP501",
            f"data/{name}: key {where}: {first['msg']} ({exc.error_count()} problem(s) in all)",
        ) from None


def load(name: str, model: type[M]) -> M:
    """The rules file ``data/<name>`` validated as ``model`` (read once per process)."""
    found = _load(name, model)
    assert isinstance(found, model)
    return found
