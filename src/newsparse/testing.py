"""Opt-in pytest plugin for plugin authors and for projects that store or render articles.

Enable it in a test module or your top-level ``conftest.py``::

    pytest_plugins = ["newsparse.testing"]

It gives the ``newsparse_pm`` and ``newsparse_parse`` fixtures (the built-in extractors plus the
plugins under test, with installed plugins and ``NEWSPARSE_*`` variables ignored) and
:func:`assert_article_consistent`, usable with or without pytest.

Failures are raised explicitly, so pytest need not rewrite this module's asserts:
PYTEST_DONT_REWRITE (which also spares you a warning when a test module imports it first).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, Protocol

import pluggy
import pytest
from pydantic import ValidationError

from .api import _pipeline, parse
from .models import Article, Span
from .plugins import make_plugin_manager

__all__ = [
    "MakePluginManager",
    "ParseWith",
    "article_problems",
    "assert_article_consistent",
    "isolated_plugin_manager",
    "newsparse_parse",
    "newsparse_pm",
]

_ENV = ("NEWSPARSE_PLUGINS", "NEWSPARSE_BLOCK_PLUGINS", "NEWSPARSE_DISABLE")


class MakePluginManager(Protocol):
    """What the ``newsparse_pm`` fixture returns."""

    def __call__(self, *plugins: object, block: Iterable[str] = ()) -> pluggy.PluginManager:
        """A fresh plugin manager: the built-ins, then ``plugins`` (minus ``block``)."""
        ...


class ParseWith(Protocol):
    """What the ``newsparse_parse`` fixture returns."""

    def __call__(self, text: str, *plugins: object, **meta: Any) -> Article:
        """Parse ``text`` with the built-ins plus ``plugins``, strictly, and check the result."""
        ...


# -- consistency ------------------------------------------------------------------------------


def _ordered(spans: Iterable[tuple[int, int]]) -> bool:
    prev_end = -1
    prev_start = -1
    for s, e in spans:
        if s < prev_start or s < prev_end:
            return False
        prev_start, prev_end = s, e
    return True


def _spans(article: Article) -> Iterator[tuple[str, Span]]:
    try:
        yield from article.iter_spans()
    except ValidationError as exc:  # a plugin record holding a span-shaped dict that is not one
        yield "records", Span.model_construct(start=-1, end=-1, text=str(exc)[:80])


def article_problems(article: Article) -> list[str]:
    """Everything inconsistent in ``article``, as readable lines (empty when all is well).

    Useful on articles built without validation (``model_construct``, ``model_copy(update=…)``),
    on articles read back from storage, and on what a plugin produced.
    """
    text = article.text
    n = len(text)
    out: list[str] = []
    for where, s in _spans(article):
        if not (0 <= s.start <= s.end <= n):
            out.append(f"{where}: [{s.start}, {s.end}) is not a range of the {n}-char text")
        elif text[s.start : s.end] != s.text:
            out.append(f"{where}: text {s.text[:30]!r} is not text[{s.start}:{s.end}]")
    for q in article.quotes:
        segs = [(s.start, s.end) for s in q.segments]
        if not segs or segs[0][0] != q.start or segs[-1][1] != q.end:
            out.append(f"{q.id}: start/end are not its first segment's start and last's end")
        if not _ordered(segs):
            out.append(f"{q.id}: segments overlap or are out of order")
        if text[q.start : q.end] != q.text:
            out.append(f"{q.id}: text is not text[{q.start}:{q.end}]")
    ids: dict[str, str] = {}
    groups = (
        ("actor", article.actors),
        ("place", article.places),
        ("quote", article.quotes),
        ("ceasefire claim", article.ceasefire_claims),
    )
    for kind, items in groups:
        for item in items:
            if item.id in ids:
                out.append(f"duplicate id {item.id!r} ({ids[item.id]} and {kind})")
            ids.setdefault(item.id, kind)
    actor_ids = {a.id for a in article.actors}
    quote_ids = {q.id for q in article.quotes}
    for a in article.actors:
        for ref in a.affiliations:
            if ref not in actor_ids or ref == a.id:
                out.append(f"{a.id}: affiliation {ref!r} is not another actor")
    for group in (article.actors, article.places):
        for item in group:
            ms = [(m.start, m.end) for m in item.mentions]
            if ms != sorted(set(ms)):
                out.append(f"{item.id}: mentions are not in order or repeat")
    for q in article.quotes:
        if q.speaker is not None and q.speaker not in actor_ids:
            out.append(f"{q.id}: speaker {q.speaker!r} is not an actor")
    for c in article.ceasefire_claims:
        for role in ("parties", "brokers", "excluded"):
            for ref in getattr(c, role):
                if ref not in actor_ids:
                    out.append(f"{c.id}: {role} id {ref!r} is not an actor")
        if c.source != "narrator" and c.source not in actor_ids:
            out.append(f"{c.id}: source {c.source!r} is neither 'narrator' nor an actor")
        if c.quote is not None and c.quote not in quote_ids:
            out.append(f"{c.id}: quote {c.quote!r} is not a quote")
        if c.sentence is not None:
            if c.sentence >= len(article.sentences):
                out.append(f"{c.id}: sentence {c.sentence} is not a sentence of the article")
            else:
                sent = article.sentences[c.sentence]
                if not (sent.start <= c.trigger.start <= c.trigger.end <= sent.end):
                    out.append(f"{c.id}: trigger is not inside its sentence")
        t = c.time
        if t is not None and t.date_from and t.date_to and t.date_from > t.date_to:
            out.append(f"{c.id}: time runs from {t.date_from} back to {t.date_to}")
    quote_keys = [[(s.start, s.end) for s in q.segments] for q in article.quotes]
    if quote_keys != sorted(quote_keys):
        out.append("quotes are not in text order")
    claim_keys = [(c.trigger.start, c.trigger.end) for c in article.ceasefire_claims]
    if claim_keys != sorted(claim_keys):
        out.append("ceasefire claims are not in text order")
    paragraphs = [(s.start, s.end) for s in article.paragraphs]
    if not _ordered(paragraphs):
        out.append("paragraphs overlap or are out of order")
    if not _ordered((s.start, s.end) for s in article.sentences):
        out.append("sentences overlap or are out of order")
    if paragraphs:
        for i, s in enumerate(article.sentences):
            if not any(ps <= s.start and s.end <= pe for ps, pe in paragraphs):
                out.append(f"sentences[{i}] lies outside every paragraph")
    if not out:
        try:
            again = Article.model_validate_json(article.model_dump_json())
        except (ValidationError, ValueError) as exc:
            out.append(f"does not survive a JSON round trip: {exc}"[:300])
        else:
            if again != article:
                out.append("a JSON round trip changes the article")
    return out


def assert_article_consistent(article: Article) -> None:
    """Fail with every problem listed when ``article`` is not consistent.

    Checks that every span reproduces its text, quote segments are ordered and non-overlapping,
    ids are unique, every id reference resolves, quotes, claims, paragraphs and sentences are in
    text order, triggers lie inside their sentence, and the article round-trips through JSON.
    """
    problems = article_problems(article)
    if problems:
        listed = "\n  ".join(problems)
        raise AssertionError(f"article {article.id!r} is inconsistent:\n  {listed}")


# -- plugin managers and fixtures ------------------------------------------------------------


@contextmanager
def _no_env() -> Iterator[None]:
    """Hide the ``NEWSPARSE_*`` variables while a manager and its pipeline are built."""
    saved = {var: os.environ.pop(var) for var in _ENV if var in os.environ}
    try:
        yield
    finally:
        os.environ.update(saved)


def isolated_plugin_manager(*plugins: object, block: Iterable[str] = ()) -> pluggy.PluginManager:
    """A plugin manager with the built-ins and ``plugins`` only, whatever is installed or set.

    Installed entry-point plugins are not loaded and the ``NEWSPARSE_*`` variables are ignored;
    ``newsparse.parse(text, plugins=pm)`` then runs exactly these extractors.
    """
    with _no_env():
        pm = make_plugin_manager(extra=plugins, entry_points_enabled=False, block=block)
        _pipeline(pm)  # build (and cache) its pipeline now, while the variables are hidden
    return pm


@pytest.fixture(scope="session")
def newsparse_pm() -> MakePluginManager:
    """Make isolated plugin managers (:func:`isolated_plugin_manager`); safe under ``@given``."""
    return isolated_plugin_manager


@pytest.fixture(scope="session")
def newsparse_parse() -> ParseWith:
    """Parse with the built-ins plus given plugins, strictly; assert the article is consistent."""
    managers: dict[tuple[int, ...], tuple[pluggy.PluginManager, tuple[object, ...]]] = {}

    def run(text: str, *plugins: object, **meta: Any) -> Article:
        key = tuple(id(p) for p in plugins)
        if key not in managers:  # one manager per plugin set, so a @given test stays fast
            managers[key] = (isolated_plugin_manager(*plugins), plugins)
        article = parse(text, plugins=managers[key][0], strict=True, **meta)
        assert_article_consistent(article)
        return article

    return run
