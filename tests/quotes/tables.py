"""The quote tests' table of layouts (``cases.json``): our own sentences and their quotes."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import newsparse
from newsparse.models import Article, Quote

HERE = Path(__file__).resolve().parent
#: A neutral first paragraph, so that the layout under test is never taken for a headline.
LEAD = "Officials met on Monday to discuss the budget.\n\n"


@dataclass(frozen=True)
class Expected:
    """One quote a case expects."""

    kind: str
    pieces: tuple[str, ...]
    mention: str | None = None
    cue: str | None = None
    speaker: str | None = None
    """The speaker actor's name; ``""`` when the quote must have no speaker actor."""
    clause: str | None = None


@dataclass(frozen=True)
class Case:
    """One layout: a text and the quotes expected in it."""

    id: str
    layout: str
    text: str
    quotes: tuple[Expected, ...] = field(default_factory=tuple)
    only: bool = False
    """No other quote may be found."""


@cache
def cases() -> tuple[Case, ...]:
    raw: dict[str, Any] = json.loads((HERE / "cases.json").read_text(encoding="utf-8"))
    out = []
    for c in raw["cases"]:
        quotes = tuple(
            Expected(
                q["kind"],
                tuple(q["pieces"]),
                q.get("mention"),
                q.get("cue"),
                q.get("speaker"),
                q.get("clause"),
            )
            for q in c["quotes"]
        )
        out.append(Case(c["id"], c["layout"], c["text"], quotes, c.get("only", False)))
    return tuple(out)


def params(*layouts: str) -> list[Any]:
    """The cases of some layouts as pytest parameters."""
    return [pytest.param(c, id=c.id) for c in cases() if c.layout in layouts]


def parse(body: str) -> Article:
    """Parse a short article whose first paragraph is neutral narration."""
    return newsparse.parse(LEAD + body)


def _pieces(q: Quote) -> tuple[str, ...]:
    return tuple(s.text for s in q.segments)


def describe(article: Article) -> list[tuple[str, tuple[str, ...], str | None, str | None]]:
    """What was found, for failure messages."""
    return [
        (
            q.kind,
            _pieces(q),
            q.speaker_mention.text if q.speaker_mention else None,
            article.actor(q.speaker).name if q.speaker else None,
        )
        for q in article.quotes
    ]


def check(case: Case) -> None:
    """Assert that every expected quote is found as described (and nothing else if ``only``)."""
    article = parse(case.text)
    matched: set[str] = set()
    for want in case.quotes:
        got = [q for q in article.quotes if q.kind == want.kind and _pieces(q) == want.pieces]
        assert got, (want, describe(article))
        q = got[0]
        matched.add(q.id)
        if want.mention is not None:
            assert q.speaker_mention is not None and q.speaker_mention.text == want.mention, (
                want,
                describe(article),
            )
        if want.cue is not None:
            assert q.cue is not None and q.cue.text == want.cue, (want, q.cue)
        if want.speaker == "":
            assert q.speaker is None, describe(article)
        elif want.speaker is not None:
            assert q.speaker is not None, describe(article)
            assert article.actor(q.speaker).name == want.speaker, describe(article)
        if want.clause is not None:
            assert q.text == want.clause
    if case.only:
        extra = [q for q in article.quotes if q.id not in matched]
        assert not extra, describe(article)
