"""Every named rule of the ceasefire extractor fires on its own example sentence."""

from __future__ import annotations

import pytest

import newsparse
from newsparse.extractors.ceasefire.roles import ROLES
from newsparse.extractors.ceasefire.source import SOURCES
from newsparse.extractors.ceasefire.status import GOVERNORS, PREDICATES
from newsparse.extractors.ceasefire.triggers import ANAPHORS, EVENTS, HEADS
from newsparse.rules import Rule, fired

BOOKS = [HEADS, ANAPHORS, EVENTS, GOVERNORS, PREDICATES, ROLES, SOURCES]
RULES: list[Rule[object, object]] = [r for book in BOOKS for r in book]  # type: ignore[misc]


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_rule_fires_on_its_example(rule: Rule[object, object]) -> None:
    names = fired(lambda: newsparse.parse(rule.example))
    assert rule.name in names, (rule.example, sorted(names))


def test_rule_names_are_unique_across_books() -> None:
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))


def test_every_rule_says_what_it_is_for() -> None:
    for rule in RULES:
        assert rule.doc and rule.example.endswith("."), rule.name
