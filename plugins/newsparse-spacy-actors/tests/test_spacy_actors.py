"""Tests for newsparse-spacy-actors, without spaCy: the skip path, and a fake ``nlp`` injected."""

from __future__ import annotations

import importlib.metadata
import sys
import warnings
from dataclasses import dataclass
from typing import Any

import newsparse_spacy_actors as plugin_module
import pytest
from newsparse_spacy_actors import SpacyActors, SpacyActorsUnavailable

import newsparse
from newsparse.pipeline import Pipeline
from newsparse.plugins import make_plugin_manager


@dataclass(frozen=True)
class FakeEnt:
    """What the plugin reads from a spaCy entity."""

    start_char: int
    end_char: int
    label_: str


@dataclass(frozen=True)
class FakeDoc:
    ents: tuple[FakeEnt, ...]


class FakeNLP:
    """A stand-in for a spaCy pipeline: labels every occurrence of the names it was given."""

    def __init__(self, names: dict[str, str]) -> None:
        self.names = names
        self.calls: list[str] = []

    def __call__(self, text: str) -> FakeDoc:
        self.calls.append(text)
        ents = []
        for name, label in self.names.items():
            i = text.find(name)
            while i >= 0:
                ents.append(FakeEnt(i, i + len(name), label))
                i = text.find(name, i + len(name))
        return FakeDoc(tuple(sorted(ents, key=lambda e: e.start_char)))


TEXT = (
    "Negotiators met in Port Avalon on Monday.\n\n"
    "Maria Okafor, who speaks for the Northern Front, said the Velorian delegation had left. "
    "Okafor added that talks in Port Avalon would resume."
)
NAMES = {
    "Port Avalon": "GPE",
    "Maria Okafor": "PERSON",
    "Okafor": "PERSON",
    "Northern Front": "ORG",
    "Velorian": "NORP",
    "Monday": "DATE",
}


def _pm(nlp: Any, **kwargs: Any) -> Any:
    # The installed entry-point instance is blocked so the injected one is the only spaCy plugin.
    return make_plugin_manager(block=["spacy-actors"], extra=[SpacyActors(nlp, **kwargs)])


def _actors_only(text: str, nlp: Any, **kwargs: Any) -> newsparse.Article:
    # Later built-ins (quotes) may add speakers of their own; leave them out to see ours alone.
    return Pipeline(_pm(nlp, **kwargs), disable=("quotes", "ceasefire")).run(text)


class NonOverlappingNLP(FakeNLP):
    """Like spaCy, never returns an entity inside another."""

    def __call__(self, text: str) -> FakeDoc:
        doc = super().__call__(text)
        kept: list[FakeEnt] = []
        for e in sorted(doc.ents, key=lambda e: (e.start_char, -e.end_char)):
            if kept and e.start_char < kept[-1].end_char:
                continue
            kept.append(e)
        return FakeDoc(tuple(kept))


def test_entry_point_is_declared() -> None:
    eps = {ep.name: ep for ep in importlib.metadata.entry_points(group="newsparse")}
    assert "spacy-actors" in eps
    assert eps["spacy-actors"].load() is plugin_module.plugin


def test_skips_cleanly_without_spacy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "spacy", None)  # as if spaCy were not installed
    monkeypatch.setattr(plugin_module, "_warned", set())
    monkeypatch.setattr(plugin_module.importlib.util, "find_spec", lambda name: None)
    assert not plugin_module.available()
    reason = plugin_module.unavailable_reason()
    assert reason is not None and "spaCy is not installed" in reason
    with pytest.warns(SpacyActorsUnavailable, match="built-in actor extractor is used"):
        assert SpacyActors().newsparse_extractors() == []
    # Said once: a second pipeline build is silent.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert SpacyActors().newsparse_extractors() == []


def test_the_builtin_stays_when_spacy_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plugin_module.importlib.util, "find_spec", lambda name: None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SpacyActorsUnavailable)
        pipe = Pipeline(make_plugin_manager(extra=[SpacyActors()]))
    assert pipe.owner["actors"] == "newsparse.extractors.actors"


def test_missing_model_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    real = plugin_module.importlib.util.find_spec
    monkeypatch.setattr(
        plugin_module.importlib.util,
        "find_spec",
        lambda name: object() if name == "spacy" else real(name),
    )
    reason = plugin_module.unavailable_reason("no_such_spacy_model_xyz")
    assert reason is not None and "'no_such_spacy_model_xyz' is not installed" in reason


def test_empty_model_variable_switches_it_off_silently(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSPARSE_SPACY_MODEL", "")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert SpacyActors().newsparse_extractors() == []


def test_injected_nlp_replaces_the_builtin_and_keeps_the_order() -> None:
    pipe = Pipeline(_pm(FakeNLP(NAMES)))
    assert pipe.owner["spacy-actors"] == "SpacyActors"
    assert "actors" not in pipe.owner
    assert [s.replaced for s in pipe.steps if s.extractor.name == "spacy-actors"] == ["actors"]
    names = list(pipe.names)
    assert "actors" not in names
    # Ordered by requires/provides: after segmentation, before everything that needs actors.
    assert names.index("segmentation") < names.index("spacy-actors")
    for ex in pipe.extractors:
        if "actors" in ex.requires:
            assert names.index("spacy-actors") < names.index(ex.name)


def test_entities_become_actors_and_places_with_exact_offsets() -> None:
    article = _actors_only(TEXT, NonOverlappingNLP(NAMES))
    by_name = {a.name: a for a in article.actors}
    assert set(by_name) == {"Maria Okafor", "Northern Front", "Velorian"}
    assert by_name["Maria Okafor"].kind == "person"
    assert by_name["Northern Front"].kind == "organization"
    assert by_name["Velorian"].kind == "political_group"
    # The lone surname is a mention of the person named in full before it.
    okafor = by_name["Maria Okafor"]
    assert [(m.text, m.form) for m in okafor.mentions] == [
        ("Maria Okafor", "name"),
        ("Okafor", "surname"),
    ]
    assert [p.name for p in article.places] == ["Port Avalon"]
    assert len(article.places[0].mentions) == 2
    for _, span in article.iter_spans():
        assert TEXT[span.start : span.end] == span.text
    assert not any(a.name == "Monday" for a in article.actors)  # DATE is not mapped


def test_labels_can_be_remapped() -> None:
    article = _actors_only(TEXT, NonOverlappingNLP(NAMES), labels={"GPE": "country"})
    assert [(a.name, a.kind) for a in article.actors] == [("Port Avalon", "country")]
    assert article.places == ()


def test_long_text_goes_to_spacy_in_bounded_chunks() -> None:
    nlp = NonOverlappingNLP({"Okafor": "PERSON"})
    sentence = "Then Okafor spoke again. "
    text = sentence * 400 + "x" * 3000  # also one huge run without punctuation
    article = newsparse.parse(text, plugins=_pm(nlp, batch_chars=1000))
    assert max(len(t) for t in nlp.calls) <= 1000
    assert all(t in text for t in nlp.calls)
    (okafor,) = article.actors
    assert len(okafor.mentions) == 400


def test_bad_entities_are_ignored() -> None:
    class Liar:
        def __call__(self, text: str) -> FakeDoc:
            return FakeDoc(
                (
                    FakeEnt(-5, 3, "PERSON"),
                    FakeEnt(0, len(text) + 10, "ORG"),
                    FakeEnt(4, 4, "PERSON"),
                    FakeEnt(0, 4, "PERSON"),
                )
            )

    article = _actors_only("Ana spoke.", Liar())
    assert [(a.name, a.kind) for a in article.actors] == [("Ana", "person")]


def test_an_nlp_that_raises_is_reported_not_fatal() -> None:
    def broken(text: str) -> FakeDoc:
        raise RuntimeError("model exploded")

    article = _actors_only("Ana spoke.", broken)
    assert [(d.extractor, d.code) for d in article.diagnostics] == [("spacy-actors", "NP301")]
    assert article.actors == ()


def test_downstream_extractors_use_the_spacy_actors() -> None:
    # In the full pipeline, quotes and ceasefire run after the replaced extractor and see its
    # actors: the person spaCy found is there, with both of its mentions.
    article = newsparse.parse(TEXT, plugins=_pm(NonOverlappingNLP(NAMES)))
    okafor = [a for a in article.actors if a.name == "Maria Okafor"]
    assert len(okafor) == 1
    assert [m.text for m in okafor[0].mentions][:2] == ["Maria Okafor", "Okafor"]


# -- with real spaCy, when it is installed (no model download: a blank pipeline and a ruler) -----


def _ruler_pipeline() -> Any:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": label, "pattern": name} for name, label in NAMES.items()])
    return nlp


def test_with_a_real_spacy_pipeline() -> None:
    article = _actors_only(TEXT, _ruler_pipeline())
    by_name = {a.name: a for a in article.actors}
    assert by_name["Maria Okafor"].kind == "person"
    assert [m.form for m in by_name["Maria Okafor"].mentions] == ["name", "surname"]
    assert [p.name for p in article.places] == ["Port Avalon"]
    for _, span in article.iter_spans():
        assert TEXT[span.start : span.end] == span.text


def test_a_saved_pipeline_loads_by_path(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = _ruler_pipeline()
    nlp.to_disk(tmp_path / "pipeline")
    monkeypatch.setenv("NEWSPARSE_SPACY_MODEL", str(tmp_path / "pipeline"))
    assert plugin_module.available()
    pm = make_plugin_manager(block=["spacy-actors"], extra=[SpacyActors()])
    article = Pipeline(pm, disable=("quotes", "ceasefire")).run(TEXT)
    assert {a.name for a in article.actors} >= {"Maria Okafor", "Northern Front"}
