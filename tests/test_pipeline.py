"""The plugin pipeline: ordering by requires/provides, replacement, failures, env controls."""

from __future__ import annotations

import types

import pluggy
import pytest

import newsparse
from newsparse import Draft, Extractor, hookimpl
from newsparse.errors import PipelineError, PluginError
from newsparse.pipeline import Pipeline
from newsparse.plugins import DEFAULT_PLUGINS, make_plugin_manager


def plugin(*extractors: Extractor, disabled: tuple[str, ...] = ()) -> object:
    """A throwaway plugin object contributing these extractors."""

    class P:
        @hookimpl
        def newsparse_extractors(self) -> list[Extractor]:
            return list(extractors)

        @hookimpl
        def newsparse_disabled_extractors(self) -> tuple[str, ...]:
            return disabled

    return P()


def pm_with(*plugins: object) -> pluggy.PluginManager:
    return make_plugin_manager(extra=plugins, entry_points_enabled=False)


def test_builtins_registered_like_plugins() -> None:
    pm = pm_with()
    for name in DEFAULT_PLUGINS:
        assert pm.has_plugin(name)
    names = Pipeline(pm).names
    assert names.index("segmentation") < names.index("actors") < names.index("quotes")
    assert names.index("quotes") < names.index("ceasefire")


def test_order_follows_requirements_not_registration() -> None:
    log: list[str] = []
    late = Extractor(name="aaa-late", run=lambda d: log.append("late"), requires=("early-thing",))
    early = Extractor(
        name="zzz-early", run=lambda d: log.append("early"), provides=("early-thing",)
    )
    for order in ((late, early), (early, late)):
        log.clear()
        newsparse.parse("Some text.", plugins=pm_with(plugin(*order)))
        assert log == ["early", "late"]


def test_missing_requirement_is_a_clear_error() -> None:
    ex = Extractor(name="needy", run=lambda d: None, requires=("unicorns",))
    with pytest.raises(PluginError, match=r"NP201.*unicorns"):
        Pipeline(pm_with(plugin(ex)))


def test_cycle_is_a_clear_error() -> None:
    a = Extractor(name="a", run=lambda d: None, requires=("y",), provides=("x",))
    b = Extractor(name="b", run=lambda d: None, requires=("x",), provides=("y",))
    with pytest.raises(PluginError, match="NP202"):
        Pipeline(pm_with(plugin(a, b)))


def test_third_party_extractor_replaces_builtin_of_same_name() -> None:
    def fake_quotes(d: Draft) -> None:
        d.add_quote("direct", [(0, 4)], confidence=0.5)

    ex = Extractor(name="quotes", run=fake_quotes, requires=("sentences",), provides=("quotes",))
    article = newsparse.parse("Hello world.", plugins=pm_with(plugin(ex)))
    assert [(q.text, q.confidence) for q in article.quotes] == [("Hell", 0.5)]


def test_two_third_party_extractors_with_one_name_conflict() -> None:
    ex = Extractor(name="dup", run=lambda d: None)
    with pytest.raises(PluginError, match="NP203"):
        Pipeline(pm_with(plugin(ex), plugin(ex)))


def test_disabled_builtin_is_left_out_and_dependents_fail_loudly() -> None:
    with pytest.raises(PluginError, match="NP201"):
        Pipeline(pm_with(plugin(disabled=("actors",))))
    pipe = Pipeline(pm_with(plugin(disabled=("ceasefire",))))
    assert "ceasefire" not in pipe.names


def test_env_disable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSPARSE_DISABLE", "ceasefire")
    assert "ceasefire" not in Pipeline(pm_with()).names


def test_block_builtin_plugin_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSPARSE_BLOCK_PLUGINS", "newsparse.extractors.ceasefire")
    pm = pm_with()
    assert not pm.has_plugin("newsparse.extractors.ceasefire")
    assert "ceasefire" not in Pipeline(pm).names


def test_allow_list_empty_means_builtins_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSPARSE_PLUGINS", "")
    pm = make_plugin_manager()
    assert {pm.get_name(p) for p in pm.get_plugins()} == set(DEFAULT_PLUGINS)


def test_failing_extractor_is_a_diagnostic_not_a_lost_article() -> None:
    def boom(d: Draft) -> None:
        d.add_actor("Half Made", "person", mentions=[(0, 4, "name")])
        raise RuntimeError("kaboom")

    ex = Extractor(name="boom", run=boom, requires=("sentences",))
    article = newsparse.parse("Jane Doe said hello.", plugins=pm_with(plugin(ex)))
    assert [(d.extractor, d.code) for d in article.diagnostics] == [("boom", "NP301")]
    assert "kaboom" in article.diagnostics[0].message
    assert all(a.name != "Half Made" for a in article.actors)
    assert article.sentences  # the rest of the pipeline still ran


def test_strict_raises_on_extractor_failure() -> None:
    ex = Extractor(name="boom", run=lambda d: 1 / 0)  # type: ignore[func-returns-value]
    with pytest.raises(PipelineError, match="NP301"):
        newsparse.parse("text", plugins=pm_with(plugin(ex)), strict=True)


def test_invalid_span_from_extractor_is_dropped_with_diagnostic() -> None:
    def bad(d: Draft) -> None:
        d.add_quote("direct", [(5, 400)])

    ex = Extractor(name="bad", run=bad, requires=("quotes",))
    article = newsparse.parse("A short text.", plugins=pm_with(plugin(ex)))
    assert all(q.end <= len(article.text) for q in article.quotes)
    assert any(d.code == "NP302" for d in article.diagnostics)


def test_misspelt_hook_fails_loudly() -> None:
    mod = types.ModuleType("typo_plugin")

    @hookimpl
    def newsparse_extractor() -> list[Extractor]:  # missing "s"
        return []

    mod.newsparse_extractor = newsparse_extractor  # type: ignore[attr-defined]
    with pytest.raises(PluginError, match="NP204"):
        make_plugin_manager(extra=[mod], entry_points_enabled=False)


def test_non_extractor_is_refused() -> None:
    class P:
        @hookimpl
        def newsparse_extractors(self) -> list[object]:
            return [lambda d: None]

    with pytest.raises(PluginError, match="NP206"):
        Pipeline(pm_with(P()))


def test_extractor_decorator() -> None:
    @newsparse.extractor(requires=("sentences",), provides=("counts",))
    def count(d: Draft) -> None:
        d.shared["count.n"] = len(d.sentences)

    assert count.name == "count"
    assert count.requires == ("sentences",)
