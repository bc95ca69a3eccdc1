"""Tests for the casualties plugin, through newsparse as a user runs it."""

from __future__ import annotations

import importlib.metadata

import pytest
from newsparse_casualties import Casualty

import newsparse
from newsparse.pipeline import Pipeline
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


# -- the record kind as part of the schema -------------------------------------------------------


def test_the_kind_is_registered_with_its_model() -> None:
    pipe = Pipeline(make_plugin_manager())
    assert pipe.record_kinds["casualties"] is Casualty
    assert pipe.owner["casualties"] == "casualties"
    # It needs only the text, so it may run first; nothing has to wait for it.
    assert next(ex for ex in pipe.extractors if ex.name == "casualties").requires == ("text",)


def test_model_schema_is_strict() -> None:
    schema = Casualty.model_json_schema()
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"figure", "outcome", "minimum", "evidence"}
    assert set(schema["properties"]["outcome"]["enum"]) == {
        "killed",
        "wounded",
        "displaced",
        "missing",
        "detained",
    }


def test_record_spans_are_checked_by_the_article() -> None:
    text = "Nine people were killed."
    article = newsparse.parse(text)
    (rec,) = article.records["casualties"]
    paths = [path for path, _ in article.iter_spans() if path.startswith("records[casualties]")]
    assert len(paths) == 2  # figure and evidence
    broken = {**rec, "figure": {"start": 0, "end": 4, "text": "Ten "}}
    with pytest.raises(ValueError, match="does not reproduce its text"):
        newsparse.Article.model_validate(
            {**article.model_dump(), "records": {"casualties": [broken]}}
        )


def _bad_record(draft: newsparse.Draft) -> None:
    draft.add_record("casualties", {"figure": "twelve", "outcome": "exploded"})


class _Noisy:
    """A second plugin adding an invalid record of this plugin's kind."""

    @newsparse.hookimpl
    def newsparse_extractors(self) -> list[newsparse.Extractor]:
        return [newsparse.Extractor(name="noisy", run=_bad_record, amends=("records:casualties",))]


class _Stray:
    """A plugin adding records of a kind nobody registered (it cannot declare them)."""

    @newsparse.hookimpl
    def newsparse_extractors(self) -> list[newsparse.Extractor]:
        return [newsparse.Extractor(name="noisy", run=_bad_record, requires=("text",))]


def test_invalid_records_are_dropped_and_reported() -> None:
    article = newsparse.parse("Two people were killed.", plugins=[_Noisy()])
    assert [c.minimum for c in article.records_of("casualties", Casualty)] == [2]
    assert [d.code for d in article.diagnostics if d.extractor == "noisy"] == ["NP302"]


def test_records_of_an_unregistered_kind_are_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    # Blocking the plugin unregisters the kind; another plugin's records of it are then dropped.
    monkeypatch.setenv("NEWSPARSE_BLOCK_PLUGINS", "casualties")
    article = newsparse.parse("Two people were killed.", plugins=[_Stray()])
    assert "casualties" not in article.records
    assert [d.code for d in article.diagnostics if d.extractor == "noisy"] == ["NP205"]


@pytest.mark.parametrize(
    "text",
    ["", "killed killed killed", "1" * 5000 + " killed", "12 " * 3000, "half a million", "\x00"],
)
def test_odd_input(text: str) -> None:
    article = newsparse.parse(text)
    for c in article.records_of("casualties", Casualty):
        assert text[c.evidence.start : c.evidence.end] == c.evidence.text
