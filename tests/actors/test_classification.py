"""Classification rule books: every rule fires on its own example."""

from __future__ import annotations

import pytest

from newsparse.extractors.actors import forget_runs
from newsparse.extractors.actors.classification import MERGES, UNKNOWN
from newsparse.rules import Rule, fired

from .conftest import actors_draft

RULES: list[Rule[object, object]] = [*MERGES, *UNKNOWN]  # type: ignore[list-item]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_rule_fires_on_its_example(rule: Rule[object, object]) -> None:
    forget_runs()  # a run analysed by an earlier test would be replayed, its rules not run
    assert rule.name in fired(lambda: actors_draft(rule.example))


def test_every_merge_rule_declares_the_label_it_starts_from() -> None:
    from newsparse.extractors.actors.classification import _MERGE_LABELS

    assert {r.name for r in MERGES} == set(_MERGE_LABELS)
