"""parse() and parse_many(): input checks, metadata, segmentation on plain text."""

from __future__ import annotations

import pytest

import newsparse
from newsparse.errors import InputError


def test_seed_spans_all_check_out(seed_text: str) -> None:
    article = newsparse.parse(seed_text)
    assert article.text == seed_text
    for where, s in article.iter_spans():
        assert seed_text[s.start : s.end] == s.text, where


def test_seed_headline_and_boilerplate(seed_text: str) -> None:
    article = newsparse.parse(seed_text)
    assert [b.text for b in article.boilerplate] == ["image"]
    assert article.headline is not None
    assert article.title == article.headline.text
    assert article.title.startswith("The Syrian Government and Opposition resume")


def test_metadata_title_wins() -> None:
    a = newsparse.parse("Big news today\n\nSomething happened. Then more.", title="Big news today")
    assert a.title == "Big news today"
    assert a.headline is not None and a.headline.text == "Big news today"


@pytest.mark.parametrize("bad", [b"bytes", 42, None])
def test_non_str_input_is_a_clear_error(bad: object) -> None:
    with pytest.raises(InputError, match="NP101"):
        newsparse.parse(bad)  # type: ignore[arg-type]


def test_lone_surrogate_is_rejected_cleanly() -> None:
    with pytest.raises(InputError, match="NP105"):
        newsparse.parse("abc \ud800 def")


def test_bad_published_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="NP106"):
        newsparse.parse("text", published="yesterday")


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "\x00\x01\x02", "“", "\u200b"])
def test_degenerate_input_gives_empty_result(text: str) -> None:
    a = newsparse.parse(text)
    assert a.text == text
    assert a.quotes == () and a.ceasefire_claims == ()


def test_id_is_stable_hash_when_not_given() -> None:
    assert newsparse.parse("abc").id == newsparse.parse("abc").id
    assert newsparse.parse("abc").id != newsparse.parse("abd").id
    assert newsparse.parse("abc", id="mine").id == "mine"


def test_sentences_do_not_split_at_abbreviations_and_initials() -> None:
    text = (
        "Mr. Smith met Gen. Ali in Jan. last year. President Vladimir V. Putin spoke. "
        "He left the U.S. on Monday. It rained."
    )
    a = newsparse.parse(text)
    assert [s.text for s in a.sentences] == [
        "Mr. Smith met Gen. Ali in Jan. last year.",
        "President Vladimir V. Putin spoke.",
        "He left the U.S. on Monday.",
        "It rained.",
    ]


def test_sentence_ends_after_closing_quote() -> None:
    text = "“We will stay.” He said it twice. “Why?” she asked."
    a = newsparse.parse(text)
    assert [s.text for s in a.sentences] == [
        "“We will stay.”",
        "He said it twice.",
        "“Why?” she asked.",
    ]


def test_paragraphs_are_lines_when_no_blank_lines() -> None:
    a = newsparse.parse("First line here.\nSecond line here.\n")
    assert [p.text for p in a.paragraphs] == ["First line here.", "Second line here."]


def test_parse_many_keeps_order_and_reports_bad_records() -> None:
    seen: list[tuple[int, str | None]] = []
    recs = [{"id": "1", "text": "One."}, {"id": "2"}, "Three.", {"id": "4", "text": "Four."}]
    out = list(newsparse.parse_many(recs, on_error=lambda i, rid, exc: seen.append((i, rid))))
    assert [a.text for a in out] == ["One.", "Three.", "Four."]
    assert seen == [(1, "2")]


def test_parse_many_raises_without_handler() -> None:
    with pytest.raises(InputError):
        list(newsparse.parse_many([{"id": "x"}]))


def test_parse_many_two_workers_same_as_one() -> None:
    recs = [{"id": str(i), "text": f"Article {i}. “Hi,” said Jane Doe."} for i in range(40)]
    one = [a.model_dump_json() for a in newsparse.parse_many(recs, jobs=1)]
    two = [a.model_dump_json() for a in newsparse.parse_many(recs, jobs=2, chunk_size=3)]
    assert one == two


def test_author_metadata_is_kept() -> None:
    a = newsparse.parse("Some text.", author="Jane Roe")
    assert a.author == "Jane Roe"
    out = list(newsparse.parse_many([{"id": "1", "text": "x", "meta": {"author": "A. Writer"}}]))
    assert out[0].author == "A. Writer"
    odd = list(newsparse.parse_many([{"id": "2", "text": "x", "meta": {"author": ["A", "B"]}}]))
    assert odd[0].author is None
    assert [d.code for d in odd[0].diagnostics] == ["NP106"]


def test_parse_many_passes_the_time_budget_on() -> None:
    (quick,) = newsparse.parse_many(["He said: “We stay.”"], timeout=1e-6)
    assert [d.code for d in quick.diagnostics] == ["NP303"] and not quick.quotes
    (plain,) = newsparse.parse_many(["He said: “We stay.”"])
    assert not plain.diagnostics and plain.quotes
    with pytest.raises(InputError, match="NP106"):
        list(newsparse.parse_many(["x"], timeout=-1))
