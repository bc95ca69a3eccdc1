"""Time expressions near a claim, resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

import newsparse
from newsparse.extractors.ceasefire.time import find_times


@pytest.mark.parametrize(
    ("phrase", "published", "dates"),
    [
        ("last week", "2017-02-23", (dt.date(2017, 2, 13), dt.date(2017, 2, 19))),
        ("next week", "2017-02-23", (dt.date(2017, 2, 27), dt.date(2017, 3, 5))),
        ("in January", "2017-02-23", (dt.date(2017, 1, 1), dt.date(2017, 1, 31))),
        ("in November", "2017-02-23", (dt.date(2016, 11, 1), dt.date(2016, 11, 30))),
        ("on Friday", "2017-02-23", (dt.date(2017, 2, 17), dt.date(2017, 2, 17))),
        ("yesterday", "2017-02-23", (dt.date(2017, 2, 22), dt.date(2017, 2, 22))),
        ("three days ago", "2017-02-23", (dt.date(2017, 2, 20), dt.date(2017, 2, 20))),
        ("May 5, 2016", None, (dt.date(2016, 5, 5), dt.date(2016, 5, 5))),
        ("last month", "2017-01-10", (dt.date(2016, 12, 1), dt.date(2016, 12, 31))),
        ("last year", "2017-01-10", (dt.date(2016, 1, 1), dt.date(2016, 12, 31))),
        ("this weekend", "2023-11-29", (dt.date(2023, 12, 2), dt.date(2023, 12, 3))),
        ("in 1994", None, (dt.date(1994, 1, 1), dt.date(1994, 12, 31))),
        ("last week", None, (None, None)),
    ],
)
def test_time_resolution(phrase: str, published: str | None, dates: tuple[object, object]) -> None:
    pub = dt.date.fromisoformat(published) if published else None
    hits = find_times(phrase, 0, len(phrase), pub)
    assert [(phrase[s:e], d1, d2) for s, e, d1, d2 in hits] == [(phrase, *dates)]


def test_march_and_may_as_verbs_are_not_dates() -> None:
    text = "Protesters may march on the capital."
    assert find_times(text, 0, len(text), dt.date(2020, 1, 1)) == []


def test_an_impossible_date_is_kept_unresolved() -> None:
    text = "on February 31"
    [(s, e, d1, d2)] = find_times(text, 0, len(text), dt.date(2020, 3, 1))
    assert text[s:e] == "on February 31" and (d1, d2) == (None, None)


def test_a_truce_ahead_is_dated_forward() -> None:
    text = "The army and the rebels said the ceasefire is due to expire on Tuesday."
    [claim] = newsparse.parse(text, published="2023-11-27").ceasefire_claims  # a Monday
    assert claim.status == "collapsed" and claim.hypothetical
    assert claim.time is not None and claim.time.date_from == dt.date(2023, 11, 28)


def test_a_truce_agreed_is_dated_back() -> None:
    text = "The army and the rebels agreed a ceasefire on Tuesday."
    [claim] = newsparse.parse(text, published="2023-11-27").ceasefire_claims
    assert claim.time is not None and claim.time.text == "on Tuesday"
    assert claim.time.date_from == dt.date(2023, 11, 21)


def test_a_claim_without_a_time_word_has_no_time() -> None:
    [claim] = newsparse.parse("The army and the rebels agreed a ceasefire.").ceasefire_claims
    assert claim.time is None
