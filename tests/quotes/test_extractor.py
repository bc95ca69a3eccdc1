"""The quote extractor as a whole: what is no quote, odd input, span invariants, the seed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsparse
from newsparse.extractors.quotes import newsparse_extractors
from newsparse.models import Article

from .tables import Case, check, params


@pytest.mark.parametrize("case", params("negative"))
def test_no_quote_in_these(case: Case) -> None:
    check(case)


def test_declarations() -> None:
    (ex,) = newsparse_extractors()
    assert ex.name == "quotes"
    assert set(ex.requires) == {"sentences", "actors"}
    assert ex.provides == ("quotes",) and ex.amends == ("actors",)


def _consistent(article: Article) -> None:
    text = article.text
    for q in article.quotes:
        assert text[q.start : q.end] == q.text
        for seg in q.segments:
            assert text[seg.start : seg.end] == seg.text and q.start <= seg.start
        assert q.speaker is None or any(a.id == q.speaker for a in article.actors)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "“",
        "”“”“”",
        '"' * 500,
        "said said said said",
        "x\n\n" * 2000,
        "\u201c" + "a " * 5000,
        "According to",
        "He said: “",
        "“Yes,” said",
        "\x00\x01 said “\ufffd”",
    ],
    ids=lambda t: repr(t[:12]),
)
def test_odd_input_gives_a_clean_result(text: str) -> None:
    _consistent(newsparse.parse(text, strict=True))


def test_many_quotation_marks_do_not_blow_up() -> None:
    text = "Start.\n\n" + ('“a” "b ' * 50_000) + "\n\nEnd."
    _consistent(newsparse.parse(text))


def test_a_long_paragraph_without_punctuation_is_handled() -> None:
    text = "the army said the road held and " * 5_000
    _consistent(newsparse.parse(text))


_ALPHABET = st.sampled_from(
    [*"ab .,:\n\"“”‘’«»'—Xsaid", " said ", " Smith ", "\n\n", " told ", " he ", " according to "]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_ALPHABET, max_size=120).map("".join))
def test_never_raises_and_spans_are_consistent(text: str) -> None:
    _consistent(newsparse.parse(text, strict=True))


def test_seed_article(seed_text: str) -> None:
    article = newsparse.parse(seed_text)
    direct = [q for q in article.quotes if q.kind == "direct"]
    hariri = [q for q in direct if q.text.startswith("We wish from it")]
    assert len(hariri) == 1 and hariri[0].speaker is not None
    assert article.actor(hariri[0].speaker).name == "Nasr al-Hariri"
    assert hariri[0].cue is not None and hariri[0].cue.text == "said"
    putin = [q for q in direct if q.text.startswith("I know that Kazakhstan")]
    assert len(putin) == 1 and len(putin[0].segments) == 2
    assert putin[0].speaker is not None
    assert article.actor(putin[0].speaker).name == "Vladimir Putin"
    declared = [q for q in article.quotes if q.cue is not None and q.cue.text == "declared"]
    assert len(declared) == 1 and declared[0].text.startswith("the Moscow-brokered talks")
