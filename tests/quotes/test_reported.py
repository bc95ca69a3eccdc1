"""Reported speech: clauses attributed by a cue, without quotation marks."""

from __future__ import annotations

import pytest

from newsparse.extractors.quotes.reported import labels, reports
from newsparse.rules import Rule, fired

from .tables import Case, check, params, parse


@pytest.mark.parametrize("case", params("indirect"))
def test_indirect_layouts(case: Case) -> None:
    check(case)


@pytest.mark.parametrize("rule", [*reports, *labels], ids=lambda r: r.name)
def test_each_rule_fires_on_its_example(rule: Rule[object, object]) -> None:
    assert rule.doc
    assert rule.name in fired(lambda: parse(rule.example))


def test_the_indirect_quote_covers_its_clause_for_later_steps() -> None:
    text = "The Kestrel Monitor said the truce was broken twice."
    article = parse(text)
    (q,) = article.quotes
    assert q.text == "the truce was broken twice"
    assert q.cue is not None and q.cue.text == "said"
