"""Model invariants: spans reproduce their text, references resolve, JSON round-trips exactly."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from newsparse import Actor, Article, CeasefireClaim, Mention, Quote, Span

TEXT = "Jane Doe said the truce held. “We stay,” she said."


def span(s: int, e: int) -> Span:
    return Span.of(TEXT, s, e)


def test_span_of_reproduces_text() -> None:
    s = span(0, 8)
    assert s.text == "Jane Doe"
    assert TEXT[s.start : s.end] == s.text


@pytest.mark.parametrize(("start", "end", "text"), [(5, 2, ""), (0, 3, "ab"), (-1, 2, "abc")])
def test_span_rejects_inconsistent_bounds(start: int, end: int, text: str) -> None:
    with pytest.raises(ValidationError):
        Span(start=start, end=end, text=text)


def test_models_are_frozen() -> None:
    s = span(0, 4)
    with pytest.raises(ValidationError):
        s.start = 1  # type: ignore[misc]


def test_article_rejects_span_that_does_not_match_text() -> None:
    bad = Actor(
        id="a1",
        name="Jane Doe",
        kind="person",
        mentions=(Mention(start=1, end=9, text="Jane Doe"),),
    )
    with pytest.raises(ValidationError, match="does not reproduce"):
        Article(id="x", text=TEXT, actors=(bad,))


def test_article_rejects_span_past_the_end() -> None:
    with pytest.raises(ValidationError):
        Article(id="x", text="short", paragraphs=(Span(start=0, end=9, text="short...."),))


def _article(**kw: object) -> Article:
    actor = Actor(id="a1", name="Jane Doe", kind="person", mentions=(Mention.of(TEXT, 0, 8),))
    q = Quote(
        id="q1",
        kind="direct",
        start=31,
        end=39,
        text=TEXT[31:39],
        segments=(span(31, 39),),
        speaker="a1",
        cue=span(46, 50),
    )
    c = CeasefireClaim(
        id="c1", status="in_effect", trigger=span(18, 28), source="a1"
    )
    fields: dict[str, object] = {
        "id": "x",
        "text": TEXT,
        "actors": (actor,),
        "quotes": (q,),
        "ceasefire_claims": (c,),
    }
    fields.update(kw)
    return Article(**fields)  # type: ignore[arg-type]


def test_valid_article_round_trips_json_exactly() -> None:
    a = _article(published="2017-02-23")
    again = Article.model_validate_json(a.model_dump_json())
    assert again == a
    assert again.model_dump_json() == a.model_dump_json()


def test_unknown_speaker_is_rejected() -> None:
    q = Quote(
        id="q1",
        kind="direct",
        start=31,
        end=39,
        text=TEXT[31:39],
        segments=(span(31, 39),),
        speaker="a9",
    )
    with pytest.raises(ValidationError, match="unknown speaker"):
        Article(id="x", text=TEXT, quotes=(q,))


def test_unknown_party_is_rejected() -> None:
    c = CeasefireClaim(
        id="c1", status="violated", trigger=span(18, 28), parties=("a7",)
    )
    with pytest.raises(ValidationError, match="unknown parties"):
        Article(id="x", text=TEXT, ceasefire_claims=(c,))


def test_duplicate_ids_are_rejected() -> None:
    a = Actor(id="a1", name="A", kind="country")
    with pytest.raises(ValidationError, match="duplicate id"):
        Article(id="x", text=TEXT, actors=(a, a))


def test_quote_segments_must_bound_the_quote() -> None:
    with pytest.raises(ValidationError):
        Quote(id="q", kind="direct", start=0, end=10, text=TEXT[0:10], segments=(span(0, 4),))


def test_quote_segments_must_not_overlap() -> None:
    with pytest.raises(ValidationError):
        Quote(
            id="q",
            kind="direct",
            start=0,
            end=10,
            text=TEXT[0:10],
            segments=(span(0, 6), span(4, 10)),
        )


def test_status_must_be_one_of_the_fourteen() -> None:
    with pytest.raises(ValidationError):
        CeasefireClaim(
            id="c",
            status="paused",
            trigger=span(0, 2),  # type: ignore[arg-type]
        )


def test_published_must_be_iso() -> None:
    with pytest.raises(ValidationError):
        Article(id="x", text="t", published="Feb 23rd")
    assert Article(id="x", text="t", published="2017-02-23T10:00:00Z").published_date is not None


def test_country_code_shape() -> None:
    with pytest.raises(ValidationError):
        Actor(id="a", name="Russia", kind="country", country="RU")


def test_plugin_record_spans_are_checked() -> None:
    with pytest.raises(ValidationError, match="does not reproduce"):
        Article(
            id="x", text=TEXT, records={"k": ({"figure": {"start": 0, "end": 4, "text": "nope"}},)}
        )
    ok = Article(
        id="x", text=TEXT, records={"k": ({"figure": {"start": 0, "end": 4, "text": "Jane"}},)}
    )
    assert Article.model_validate_json(ok.model_dump_json()) == ok
