"""Quotations in marks: grouping passages, introductions and trailing attributions."""

from __future__ import annotations

import pytest

from newsparse.extractors.quotes.direct import intros, trails
from newsparse.rules import Rule, fired

from .tables import Case, check, params, parse


@pytest.mark.parametrize("case", params("direct"))
def test_direct_layouts(case: Case) -> None:
    check(case)


@pytest.mark.parametrize("rule", [*intros, *trails], ids=lambda r: r.name)
def test_each_rule_fires_on_its_example(rule: Rule[object, object]) -> None:
    assert rule.doc
    assert rule.name in fired(lambda: parse(rule.example))


def test_a_quote_on_the_next_line_is_not_glued_to_a_partial_quote() -> None:
    article = parse(
        "The mayor, who spoke on Friday, called the plan “a reckless gamble.”\n"
        "“We will fight it in court,” Anna Berg told the council."
    )
    direct = [q for q in article.quotes if q.kind == "direct"]
    assert [s.text for q in direct for s in q.segments] == ["We will fight it in court,"]
    assert all("\n" not in s.text for q in article.quotes for s in q.segments)


def test_passages_with_their_own_attributions_stay_apart() -> None:
    article = parse("“The roads are open,” Ana Lim said. “The schools are not,” Tom Dahl said.")
    direct = [q for q in article.quotes if q.kind == "direct"]
    assert [[s.text for s in q.segments] for q in direct] == [
        ["The roads are open,"],
        ["The schools are not,"],
    ]
    assert [q.speaker_mention.text for q in direct if q.speaker_mention] == ["Ana Lim", "Tom Dahl"]


def test_an_unbalanced_mark_stays_local() -> None:
    article = parse(
        "An opening mark “ stands alone in this paragraph without a partner.\n\n"
        "“The dam will hold,” said Ines Duarte."
    )
    assert [q.text for q in article.quotes if q.kind == "direct"] == ["The dam will hold,"]


def test_typographic_double_apostrophes_close_a_quote() -> None:
    article = parse(
        "He called it a “question’’ and walked out.\n\n“We are done,” said Ines Duarte."
    )
    assert [q.text for q in article.quotes if q.kind == "direct"] == ["We are done,"]


def test_the_attribution_cue_is_not_also_reported_speech() -> None:
    article = parse("“We are done,” Ines Duarte said, speaking to the press after the vote.")
    assert [q.kind for q in article.quotes] == ["direct"]
