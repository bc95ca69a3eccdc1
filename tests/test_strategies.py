"""newsparse.strategies: valid by construction, covers the schema, checks options, registered."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from newsparse import (
    Actor,
    Article,
    CeasefireClaim,
    Diagnostic,
    Mention,
    Place,
    Quote,
    Span,
    TimeExpression,
)
from newsparse import strategies as ns
from newsparse.models import CEASEFIRE_STATUSES

# Whole articles are heavy to draw: fewer examples, no deadline (the machine is shared).
HEAVY = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FIND = settings(max_examples=500, deadline=None, database=None, derandomize=True)


def spans_of(article: Article) -> list[Span]:
    return [s for _, s in article.iter_spans()]


@HEAVY
@given(ns.articles())
def test_articles_validate_again_and_spans_check_out(article: Article) -> None:
    assert Article.model_validate(article.model_dump()) == article
    for where, s in article.iter_spans():
        assert article.text[s.start : s.end] == s.text, where


@given(st.data())
def test_spans_lie_inside_their_text(data: st.DataObject) -> None:
    text = data.draw(st.text(max_size=30))
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.none() | st.integers(lo, len(text) + 5))
    s = data.draw(ns.spans(text, min_size=lo, max_size=hi))
    assert text[s.start : s.end] == s.text
    assert lo <= s.end - s.start <= (len(text) if hi is None else hi)


@given(ns.quotes(text="“We stay,” she said, “for now.”", speakers=["a1", "a2"]))
def test_quotes_keep_to_the_given_text_and_speakers(q: Quote) -> None:
    assert q.speaker in (None, "a1", "a2")
    assert 1 <= len(q.segments) <= 3
    assert all(s.end <= len("“We stay,” she said, “for now.”") for s in q.segments)


@given(ns.ceasefire_claims(statuses=["violated"], actor_ids=[], quote_ids=[]))
def test_claims_respect_pools(c: CeasefireClaim) -> None:
    assert c.status == "violated"
    assert c.source == "narrator" and c.quote is None
    assert not (c.parties or c.brokers or c.excluded)
    assert c.sentence is None  # a claim drawn alone has no article sentences to point at


@given(ns.actors(kinds=["igo"], ids=["x"]))
def test_actors_respect_options(a: Actor) -> None:
    assert a.kind == "igo" and a.id == "x" and a.affiliations == ()


# What articles() must be able to produce, so downstream tests see the whole schema.
COVERAGE: dict[str, Callable[[Article], bool]] = {
    "multi-segment quote": lambda a: any(len(q.segments) > 1 for q in a.quotes),
    "quote with no speaker": lambda a: any(q.speaker is None for q in a.quotes),
    "quote with speaker": lambda a: any(q.speaker is not None for q in a.quotes),
    "time with dates": lambda a: any(
        c.time is not None and c.time.date_from is not None for c in a.ceasefire_claims
    ),
    "claim location": lambda a: any(c.location is not None for c in a.ceasefire_claims),
    "claim sourced to an actor": lambda a: any(c.source != "narrator" for c in a.ceasefire_claims),
    "claim inside a quote": lambda a: any(c.quote is not None for c in a.ceasefire_claims),
    "places": lambda a: bool(a.places and a.places[0].mentions),
    "affiliations": lambda a: any(x.affiliations for x in a.actors),
    "plugin record with spans": lambda a: any(
        "start" in r.get("span", {}) for recs in a.records.values() for r in recs
    ),
    "diagnostics": lambda a: bool(a.diagnostics),
    "headline": lambda a: a.headline is not None,
    "sentences": lambda a: bool(a.sentences),
    "non-ASCII text": lambda a: not a.text.isascii(),
    "published": lambda a: a.published is not None,
    # Real output has gaps in its ids (an undone extractor's actors are gone) and quotes and claims
    # numbered in the order they were found, not in text order.
    "actor ids with a gap": lambda a: (
        [x.id for x in a.actors] != [f"a{i}" for i in range(1, len(a.actors) + 1)]
    ),
    "quote ids not in text order": lambda a: (
        [q.id for q in a.quotes] != sorted((q.id for q in a.quotes), key=lambda i: int(i[1:]))
    ),
    "claim ids not in text order": lambda a: (
        [c.id for c in a.ceasefire_claims]
        != sorted((c.id for c in a.ceasefire_claims), key=lambda i: int(i[1:]))
    ),
}


def _has_status(status: str) -> Callable[[Article], bool]:
    return lambda a: any(c.status == status for c in a.ceasefire_claims)


COVERAGE.update({f"status {s}": _has_status(s) for s in CEASEFIRE_STATUSES})


def test_articles_cover_the_schema() -> None:
    seen = {
        name for a in draw_many(ns.articles()) for name, present in COVERAGE.items() if present(a)
    }
    assert sorted(set(COVERAGE) - seen) == []


def test_articles_shrink_towards_short_ascii() -> None:
    a = find(ns.articles(), lambda a: len(a.text) >= 4, settings=FIND)
    assert a.text == "0000"
    assert not (a.actors or a.quotes or a.ceasefire_claims or a.records or a.paragraphs)


def test_quotes_shrink_towards_one_short_segment_with_no_speaker() -> None:
    q = find(ns.quotes(), lambda q: len(q.text) >= 2, settings=FIND)
    assert q.text == "00" and len(q.segments) == 1 and q.speaker is None


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: ns.spans(42), "must be a str"),  # type: ignore[arg-type]
        (lambda: ns.spans("abc", min_size=-1), "at least 0"),
        (lambda: ns.spans("abc", min_size=4), "longer than the text"),
        (lambda: ns.spans("abc", min_size=2, max_size=1), "smaller than min_size"),
        (lambda: ns.spans("abc", max_size=True), "must be an int"),
        (lambda: ns.actors(kinds=["wizard"]), "unknown values"),
        (lambda: ns.actors(kinds="person"), "sequence of strings"),
        (lambda: ns.actors(ids=[""]), "non-empty strings"),
        (lambda: ns.quotes(kinds=[]), "must not be empty"),
        (lambda: ns.quotes(text=b"bytes"), "text must be"),  # type: ignore[arg-type]
        (lambda: ns.ceasefire_claims(statuses=["paused"]), "unknown values"),
        (lambda: ns.articles(max_quotes=-1), "at least 0"),
        (lambda: ns.articles(records="yes"), "must be bools"),  # type: ignore[arg-type]
        (lambda: ns.news_articles(layouts=["tweet"]), "unknown values"),
        (lambda: ns.news_articles(layouts="said_after"), "not a str"),
        (lambda: ns.news_articles(quoted_claims=1), "must be a bool"),  # type: ignore[arg-type]
        (lambda: ns.news_articles(moods=["angry"]), "unknown values"),
        (lambda: ns.articles(text=3), "text must be"),  # type: ignore[arg-type]
        (lambda: ns.news_articles(min_paragraphs=0), "at least 1"),
        (lambda: ns.news_articles(min_paragraphs=3, max_paragraphs=2), "smaller than"),
        (lambda: ns.news_articles(max_paragraphs=13), "more than the 12"),
        (lambda: ns.news_texts(layouts=["tweet"]), "unknown values"),
    ],
)
def test_bad_options_raise_invalid_argument_at_once(make: Callable[[], Any], message: str) -> None:
    with pytest.raises(InvalidArgument, match=message):
        make()  # raised when the strategy is built, not when it is first drawn from


MODELS = [Span, Mention, TimeExpression, Actor, Place, Quote, CeasefireClaim, Diagnostic, Article]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_from_type_draws_valid_models(model: type[Any]) -> None:
    @settings(max_examples=20, deadline=None)
    @given(st.from_type(model))
    def check(value: Any) -> None:
        assert type(value) is model
        assert model.model_validate(value.model_dump()) == value

    check()


def test_register_type_strategies_is_idempotent() -> None:
    ns.register_type_strategies()
    ns.register_type_strategies()

    @settings(max_examples=5, deadline=None, database=None)
    @given(st.from_type(Article))
    def check(article: Article) -> None:
        assert isinstance(article, Article)

    check()


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )


def test_import_newsparse_never_imports_hypothesis() -> None:
    done = run_python(
        "import sys, newsparse\n"
        "newsparse.parse('“We stay,” said Jane Doe.')\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'hypothesis')\n"
        "assert not bad, bad\n"
        "assert 'newsparse.strategies' not in sys.modules"
    )
    assert done.returncode == 0, done.stderr


def test_hypothesis_entry_point_registers_without_loading_plugins() -> None:
    done = run_python(
        "import sys\n"
        "from hypothesis import strategies as st\n"
        "import newsparse, newsparse.plugins as p\n"
        "assert p._default_pm is None, 'the entry point built a plugin manager'\n"
        "assert not any(m.startswith('newsparse.extractors') for m in sys.modules)\n"
        "assert isinstance(st.from_type(newsparse.Article).example(), newsparse.Article)"
    )
    assert done.returncode == 0, done.stderr


@HEAVY
@given(ns.news_articles())
def test_news_articles_know_their_offsets(news: ns.NewsText) -> None:
    text = news.text
    for q in news.quotes:
        assert tuple(text[s:e] for s, e in q.segments) == q.content
        assert q.speaker in text
    for c in news.claims:
        assert text[c.sentence[0] : c.sentence[1]] == c.text
        assert c.source == "narrator" or c.source in c.text
    assert len({q.speaker for q in news.quotes}) == len(news.quotes)
    surnames = [q.speaker.split()[-1] for q in news.quotes]
    given = [q.speaker.split()[0] for q in news.quotes]
    assert len(set(surnames)) == len(surnames) and len(set(given)) == len(given)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ns.news_articles(min_paragraphs=12, max_paragraphs=12))
def test_the_longest_news_texts_keep_speakers_apart(news: ns.NewsText) -> None:
    assert len(news.paragraphs) == 12
    people = [q.speaker for q in news.quotes]
    assert (
        len({p.split()[0] for p in people}) == len({p.split()[-1] for p in people}) == len(people)
    )


def draw_many(strategy: st.SearchStrategy[Any], n: int = 200) -> list[Any]:
    """``n`` examples, the same every run (generation only, so this cannot flake)."""
    out: list[Any] = []

    @settings(
        max_examples=n,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def record(value: Any) -> None:
        out.append(value)

    record()
    return out


def test_news_quotes_are_not_mostly_one_layout() -> None:
    layouts = Counter(q.layout for news in draw_many(ns.news_articles()) for q in news.quotes)
    assert set(layouts) == set(ns.LAYOUTS)
    assert layouts["said_after"] < 0.3 * sum(layouts.values()), layouts


def test_news_headlines_are_of_several_kinds() -> None:
    headlines = {news.headline for news in draw_many(ns.news_articles(max_paragraphs=1), 100)}
    assert len(headlines) >= 6
    assert any(h.endswith("?") for h in headlines) and any(": " in h for h in headlines)


def test_news_paragraphs_run_past_their_quote() -> None:
    quoted = [
        p
        for news in draw_many(ns.news_articles(statuses=[]), 100)
        for p in news.paragraphs
        if p.quotes
    ]
    before = [p for p in quoted if p.text.startswith(ns._FILLER)]
    after = [p for p in quoted if p.text.endswith(ns._FILLER)]
    assert before and after
    assert len(before) < len(quoted) and len(after) < len(quoted)  # and sometimes not


def test_news_texts_give_articles_realistic_text() -> None:
    texts = draw_many(ns.articles(text=ns.news_texts()), 50)
    lengths = sorted(len(a.text) for a in texts)
    assert lengths[len(lengths) // 2] > 150  # the default texts' median is a handful of characters
    assert all("\n\n" in a.text for a in texts)
    for a in texts:
        for where, sp in a.iter_spans():
            assert a.text[sp.start : sp.end] == sp.text, where


def test_with_paragraphs_checks_its_argument_at_once() -> None:
    (news,) = draw_many(ns.news_articles(), 1)
    with pytest.raises(TypeError, match="sequence of NewsParagraph, not str"):
        news.with_paragraphs("a str")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="NewsParagraph objects, not str"):
        news.with_paragraphs(["a str"])  # type: ignore[list-item]
    again = news.with_paragraphs(list(reversed(news.paragraphs)))
    assert again.paragraphs == tuple(reversed(news.paragraphs))


def test_without_hypothesis_newsparse_works_and_its_entry_point_is_harmless() -> None:
    # hypothesis is the `testing` extra: a production install has no hypothesis at all.
    done = run_python(
        "import sys\n"
        "sys.modules['hypothesis'] = None  # as if not installed\n"
        "from importlib.metadata import entry_points\n"
        "import newsparse\n"
        "assert newsparse.parse('“We stay,” said Jane Doe.').quotes\n"
        "(ep,) = [e for e in entry_points(group='hypothesis') if e.value.startswith('newsparse')]\n"
        "assert ep.load()() is None\n"
        "try:\n"
        "    import newsparse.strategies\n"
        "except ImportError as exc:\n"
        '    assert "newsparse[testing]" in str(exc), exc\n'
        "else:\n"
        "    raise AssertionError('newsparse.strategies imported without hypothesis')\n"
    )
    assert done.returncode == 0, done.stderr[-2000:]


def test_hypothesis_is_an_extra_and_the_test_install_has_it() -> None:
    meta = importlib.metadata.metadata("newsparse")
    requires = meta.get_all("Requires-Dist") or []
    core = [r for r in requires if "extra ==" not in r]
    assert not any(r.lower().startswith("hypothesis") for r in core), core
    testing = [r for r in requires if 'extra == "testing"' in r]
    assert {r.split(">")[0].split(";")[0].strip() for r in testing} == {"hypothesis", "pytest"}
    assert any("testing" in r and 'extra == "test"' in r for r in requires)


def test_importing_strategies_before_hypothesis_still_registers() -> None:
    done = run_python(
        "import newsparse.strategies\n"
        "from hypothesis import find, strategies as st\n"
        "import newsparse\n"
        "a = find(st.from_type(newsparse.Quote), lambda q: len(q.segments) > 1)\n"
        "assert isinstance(a, newsparse.Quote)"
    )
    assert done.returncode == 0, done.stderr
