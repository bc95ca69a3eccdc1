"""Partial quotes: quoted words inside a sentence that reports them."""

from __future__ import annotations

import pytest

from .tables import Case, check, params, parse


@pytest.mark.parametrize("case", params("partial"))
def test_partial_layouts(case: Case) -> None:
    check(case)


def test_a_partial_quote_spans_its_clause_and_holds_the_quoted_words() -> None:
    article = parse("Nina Alves said the agreement was “a positive reminder” of what talks can do.")
    (q,) = article.quotes
    assert q.kind == "partial"
    assert [s.text for s in q.segments] == ["a positive reminder"]
    assert q.start < q.segments[0].start and q.end > q.segments[-1].end


def test_quoted_words_nobody_is_said_to_have_said_are_no_quote() -> None:
    article = parse("The storm hit the coast. The village became a “ghost town” overnight.")
    assert article.quotes == ()
