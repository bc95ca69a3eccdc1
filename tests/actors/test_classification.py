"""Classification rule books: every rule fires on its own example."""

from __future__ import annotations

import pytest

from newsparse.extractors.actors.classification import MERGES, UNKNOWN
from newsparse.rules import Rule, fired

from .conftest import actors_draft

RULES: list[Rule[object, object]] = [*MERGES, *UNKNOWN]  # type: ignore[list-item]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_rule_fires_on_its_example(rule: Rule[object, object]) -> None:
    assert rule.name in fired(lambda: actors_draft(rule.example))
