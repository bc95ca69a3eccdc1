"""The actor extractor on a table of sentences (``cases.json``): actors that must be found,
with their kind and mentions, and names that must not be actors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from .conftest import actors_draft

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).with_name("cases.json")).read_text(encoding="utf-8")
)["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    draft = actors_draft(case["text"])
    text = draft.text
    actors = {a.name: a for a in draft.actors}
    for want in case.get("present", []):
        assert want["name"] in actors, sorted(actors)
        got = actors[want["name"]]
        if "kind" in want:
            assert got.kind == want["kind"]
        mentions = {text[s:e] for s, e, _ in got.mentions}
        assert set(want.get("mentions", [])) <= mentions, sorted(mentions)
    for name in case.get("absent", []):
        assert name not in actors, sorted(actors)
    places = {p.name for p in draft.places}
    assert set(case.get("places", [])) <= places, sorted(places)
