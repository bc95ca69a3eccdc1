"""Tests for the casualties plugin, through newsparse as a user runs it."""

from __future__ import annotations

import importlib.metadata

import pytest
from newsparse_casualties import Casualty

import newsparse
from newsparse.plugins import make_plugin_manager


def test_discovered_through_entry_point() -> None:
    names = {ep.name for ep in importlib.metadata.entry_points(group="newsparse")}
    assert "casualties" in names
    pm = make_plugin_manager()
    assert pm.has_plugin("casualties")


@pytest.mark.parametrize(
    ("sentence", "figure", "outcome", "minimum"),
    [
        (
            "The war has claimed the lives of more than half a million people.",
            "more than half a million",
            "killed",
            500_000,
        ),
        ("At least 12 people were killed in the shelling.", "At least 12", "killed", 12),
        (
            "Some 12 million Syrians have been displaced.",
            "Some 12 million",
            "displaced",
            12_000_000,
        ),
        ("Dozens were wounded on Friday.", "Dozens", "wounded", 24),
        ("The blast left 3,400 people injured.", "3,400", "wounded", 3400),
    ],
)
def test_figures(sentence: str, figure: str, outcome: str, minimum: int) -> None:
    article = newsparse.parse(sentence)
    found = article.records_of("casualties", Casualty)
    assert [(c.figure.text, c.outcome, c.minimum) for c in found] == [(figure, outcome, minimum)]
    for c in found:
        assert sentence[c.figure.start : c.figure.end] == c.figure.text


def test_no_figures_in_unrelated_text() -> None:
    article = newsparse.parse("Quarterly profits jumped 76% to $1.13bn in three months.")
    assert article.records.get("casualties", ()) == ()


def test_records_survive_json_round_trip() -> None:
    article = newsparse.parse("Two soldiers were killed and 40 civilians displaced.")
    again = newsparse.Article.model_validate_json(article.model_dump_json())
    assert again == article
    assert len(again.records_of("casualties", Casualty)) == 2


def test_blocking_the_plugin_removes_its_records(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSPARSE_BLOCK_PLUGINS", "casualties")
    pm = make_plugin_manager()
    article = newsparse.parse("Ten people were killed.", plugins=pm)
    assert "casualties" not in article.records
