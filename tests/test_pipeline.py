"""The pipeline: planning by requires/provides/amends, guarded runs, undo, time budget, build."""

from __future__ import annotations

import time

import pluggy
import pytest
from pydantic import BaseModel

import newsparse
from newsparse import ActorRef, Draft, Extractor, Span, hookimpl
from newsparse.api import _pipeline
from newsparse.errors import PipelineError, PluginError
from newsparse.pipeline import Pipeline
from newsparse.plugins import make_plugin_manager

TEXT = "Talks resume\n\nPresident Jane Roe said the truce held. Rebels agreed."


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


def noop(d: Draft) -> None:
    """Do nothing."""


def test_builtin_order() -> None:
    names = Pipeline(pm_with()).names
    assert names == ("segmentation", "actors", "quotes", "ceasefire")


def test_order_follows_requirements_not_registration() -> None:
    log: list[str] = []
    late = Extractor(name="aaa-late", run=lambda d: log.append("late"), requires=("quotes",))
    early = Extractor(
        name="zzz-early",
        run=lambda d: log.append("early"),
        requires=("sentences",),
        provides=("quotes",),
        replaces="quotes",
    )
    for order in ((late, early), (early, late)):
        log.clear()
        newsparse.parse("Some text.", plugins=pm_with(plugin(*order)))
        assert log == ["early", "late"]


def test_amenders_run_before_those_requiring_what_they_amend() -> None:
    needs_actors = Extractor(name="aaa", run=noop, requires=("actors",))
    names = Pipeline(pm_with(plugin(needs_actors))).names
    # quotes amends actors (speakers it finds), so a step needing all actors comes after it
    assert names.index("aaa") > names.index("quotes")


def test_missing_requirement_is_a_clear_error() -> None:
    ex = Extractor(name="needy", run=noop, requires=("records:weapons",))

    class Kinds:
        @hookimpl
        def newsparse_record_kinds(self) -> dict[str, type[BaseModel]]:
            return {"weapons": BaseModel}

    with pytest.raises(PluginError, match=r"NP201.*records:weapons"):
        Pipeline(pm_with(plugin(ex), Kinds()))


def test_unknown_capability_is_refused() -> None:
    ex = Extractor(name="odd", run=noop, provides=("unicorns",))
    with pytest.raises(PluginError, match=r"NP208.*unicorns"):
        Pipeline(pm_with(plugin(ex)))
    bad_kind = Extractor(name="odd", run=noop, provides=("records:nothing",))
    with pytest.raises(PluginError, match="NP208"):
        Pipeline(pm_with(plugin(bad_kind)))


def test_cycle_is_a_clear_error() -> None:
    a = Extractor(name="a", run=noop, requires=("quotes",), provides=("places",), replaces="actors")
    b = Extractor(name="b", run=noop, requires=("places",), provides=("quotes",), replaces="quotes")
    with pytest.raises(PluginError, match="NP202"):
        Pipeline(pm_with(plugin(a, b), plugin(disabled=("ceasefire",))))


def test_replacing_a_builtin_is_explicit() -> None:
    def fake_quotes(d: Draft) -> None:
        d.add_quote("direct", [(14, 18)], confidence=0.5)

    silent = Extractor(
        name="quotes", run=fake_quotes, requires=("sentences",), provides=("quotes",)
    )
    with pytest.raises(PluginError, match=r"NP203.*replaces='quotes'"):
        Pipeline(pm_with(plugin(silent)))
    explicit = Extractor(
        name="my-quotes",
        run=fake_quotes,
        requires=("sentences",),
        provides=("quotes",),
        replaces="quotes",
    )
    pipe = Pipeline(pm_with(plugin(explicit)))
    assert "quotes" not in pipe.names
    step = next(s for s in pipe.steps if s.extractor.name == "my-quotes")
    assert step.replaced == "quotes"
    article = newsparse.parse(TEXT, plugins=pipe.pm)
    assert [(q.text, q.confidence) for q in article.quotes] == [("Pres", 0.5)]


def test_two_replacements_of_one_extractor_conflict() -> None:
    a = Extractor(name="q1", run=noop, provides=("quotes",), replaces="quotes")
    b = Extractor(name="q2", run=noop, provides=("quotes",), replaces="quotes")
    with pytest.raises(PluginError, match="NP203"):
        Pipeline(pm_with(plugin(a), plugin(b)))


def test_disabled_builtin_is_left_out_and_dependents_fail_loudly() -> None:
    with pytest.raises(PluginError, match="NP201"):
        Pipeline(pm_with(plugin(disabled=("actors",))))
    assert "ceasefire" not in Pipeline(pm_with(plugin(disabled=("ceasefire",)))).names


def test_env_disable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSPARSE_DISABLE", "ceasefire")
    assert "ceasefire" not in Pipeline(pm_with()).names


def test_undeclared_write_is_refused_with_a_code() -> None:
    def sneaky(d: Draft) -> None:
        d.add_actor("Sneaky Pete", "person")

    ex = Extractor(name="sneaky", run=sneaky, requires=("quotes",))
    article = newsparse.parse(TEXT, plugins=pm_with(plugin(ex)))
    assert [(x.extractor, x.code) for x in article.diagnostics] == [("sneaky", "NP207")]
    assert article.diagnostics[0].message.count("Declare") == 0
    assert all(a.name != "Sneaky Pete" for a in article.actors)
    with pytest.raises(PipelineError, match="NP207"):
        newsparse.parse(TEXT, plugins=pm_with(plugin(ex)), strict=True)


def test_failed_extractor_leaves_the_article_as_without_it() -> None:
    def vandal(d: Draft) -> None:
        for a in d.actors:
            a.name = "Vandalised"
            a.add_title("Vandal")
            a.add_mention(0, 5)
        d.quotes[0].speaker = None
        d.add_actor("New One", "person").add_mention(0, 4)
        raise RuntimeError("kaboom")

    ex = Extractor(name="vandal", run=vandal, requires=("quotes",), amends=("actors", "quotes"))
    plain = newsparse.parse(TEXT, plugins=pm_with())
    assert plain.actors and plain.quotes[0].speaker
    hit = newsparse.parse(TEXT, plugins=pm_with(plugin(ex)))
    assert [(x.extractor, x.code) for x in hit.diagnostics] == [("vandal", "NP301")]
    assert hit.model_copy(update={"diagnostics": ()}) == plain


def test_invalid_write_undoes_the_extractor_with_np302() -> None:
    def bad(d: Draft) -> None:
        d.add_quote("direct", [(5, 6)])
        d.add_quote("direct", [(5, 400)])

    ex = Extractor(name="bad", run=bad, requires=("quotes",), amends=("quotes",))
    article = newsparse.parse(TEXT, plugins=pm_with(plugin(ex)))
    assert [(x.extractor, x.code) for x in article.diagnostics] == [("bad", "NP302")]
    assert all(q.end <= len(article.text) for q in article.quotes)
    assert not any(q.text == "r" for q in article.quotes)


def test_time_budget_stops_between_extractors() -> None:
    def slow(d: Draft) -> None:
        time.sleep(0.05)

    ex = Extractor(name="aaa-slow", run=slow, requires=("sentences",))
    pipe = Pipeline(pm_with(plugin(ex)))
    assert pipe.names.index("aaa-slow") < pipe.names.index("quotes")
    article = newsparse.parse(TEXT, plugins=pipe.pm, timeout=0.01)
    assert article.sentences  # what ran before the budget was spent is kept
    assert not article.quotes
    codes = [(d.code, d.level) for d in article.diagnostics]
    assert ("NP303", "warning") in codes
    assert "quotes" in article.diagnostics[-1].message
    with pytest.raises(newsparse.InputError):
        newsparse.parse(TEXT, timeout=0)


class Weapon(BaseModel):
    name: str
    span: Span
    owner: ActorRef | None = None


class WeaponKinds:
    @hookimpl
    def newsparse_record_kinds(self) -> dict[str, type[BaseModel]]:
        return {"weapons": Weapon}


def _weapons(owner: str) -> Extractor:
    def run(d: Draft) -> None:
        s = d.text.index("truce")
        d.add_record(
            "weapons",
            Weapon(name="truce", span=Span.of(d.text, s, s + 5), owner=ActorRef(actor=owner)),
        )
        d.add_record("weapons", {"name": "bad", "span": {"start": 0, "end": 2, "text": "no"}})

    return Extractor(name="weapons", run=run, requires=("actors",), provides=("records:weapons",))


def test_records_are_validated_and_their_references_checked() -> None:
    art = newsparse.parse(TEXT, plugins=pm_with(WeaponKinds(), plugin(_weapons("a1"))))
    assert [r["name"] for r in art.records["weapons"]] == ["truce"]
    assert art.records["weapons"][0]["owner"] == {"actor": "a1"}
    assert [d.code for d in art.diagnostics] == ["NP302"]
    dangling = newsparse.parse(TEXT, plugins=pm_with(WeaponKinds(), plugin(_weapons("a99"))))
    assert "weapons" not in dangling.records  # a kind with nothing left is absent
    assert any("a99" in d.message for d in dangling.diagnostics)
    data = art.model_dump()
    data["records"]["weapons"][0]["owner"] = {"actor": "a99"}
    with pytest.raises(ValueError, match="no actor with id 'a99'"):
        newsparse.Article.model_validate(data)


def test_hook_failures_name_the_plugin() -> None:
    class Raises:
        @hookimpl
        def newsparse_extractors(self) -> list[Extractor]:
            raise RuntimeError("no")

    class BadKinds:
        @hookimpl
        def newsparse_record_kinds(self) -> object:
            return ["weapons"]

    class BadDisabled:
        @hookimpl
        def newsparse_disabled_extractors(self) -> str:
            return "quotes"

    for obj in (Raises(), BadKinds(), BadDisabled()):
        with pytest.raises(PluginError, match=rf"NP211.*{type(obj).__name__}"):
            Pipeline(pm_with(obj))


def test_non_extractor_is_refused() -> None:
    class P:
        @hookimpl
        def newsparse_extractors(self) -> list[object]:
            return [lambda d: None]

    with pytest.raises(PluginError, match=r"NP206.*'P'"):
        Pipeline(pm_with(P()))


def test_pipeline_is_planned_once_per_plugin_set() -> None:
    p = plugin(Extractor(name="x", run=noop))
    first = _pipeline([p])
    assert _pipeline([p]) is first
    assert _pipeline([plugin()]) is not first


def test_extractor_decorator_and_declarations() -> None:
    @newsparse.extractor(requires=("sentences",), provides="quotes", replaces="quotes")
    def count(d: Draft) -> None:
        """Count sentences."""

    assert (count.name, count.requires, count.provides) == ("count", ("sentences",), ("quotes",))
    assert count.writes == {"quotes"} and count.doc == "Count sentences."
    assert count.module == __name__


class Loose(BaseModel):
    data: dict[str, object]


class LooseKinds:
    @hookimpl
    def newsparse_record_kinds(self) -> dict[str, type[BaseModel]]:
        return {"loose": Loose}


def _writes(run: object, **declared: object) -> Extractor:
    return Extractor(name="writer", run=run, requires=("sentences",), **declared)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("run", "declared", "code"),
    [
        # a loosely typed record holding a span that is not one of the text
        (
            lambda d: d.add_record("loose", {"data": {"start": 0, "end": 5, "text": "nope!"}}),
            {"provides": ("records:loose",)},
            "NP302",
        ),
        # a record holding a value JSON cannot carry
        (
            lambda d: d.add_record("loose", {"data": {"x": object()}}),
            {"provides": ("records:loose",)},
            "NP302",
        ),
        # a lone surrogate or a NaN: the article's JSON could not carry them unchanged
        (
            lambda d: d.add_record("loose", {"data": {"x": "bad \ud800"}}),
            {"provides": ("records:loose",)},
            "NP302",
        ),
        (
            lambda d: d.add_record("loose", {"data": {"x": float("nan")}}),
            {"provides": ("records:loose",)},
            "NP302",
        ),
        (lambda d: d.add_quote("direct", []), {"amends": ("quotes",)}, "NP302"),
        (lambda d: d.report("a string, not a Diagnostic"), {}, "NP302"),
        (lambda d: setattr(d.actors[0], "id", "a2"), {"amends": ("actors",)}, "NP301"),
        (lambda d: setattr(d, "sentences", [(0, 10**6)]), {"amends": ("sentences",)}, "NP302"),
        (lambda d: setattr(d, "text", "other"), {}, "NP207"),
        (lambda d: setattr(d, "id", 5), {}, "NP207"),
    ],
)
def test_bad_plugin_writes_never_escape_parse(
    run: object, declared: dict[str, object], code: str
) -> None:
    pm = pm_with(LooseKinds(), plugin(_writes(run, **declared)))
    plain = newsparse.parse(TEXT, plugins=pm_with(LooseKinds()))
    article = newsparse.parse(TEXT, plugins=pm)
    assert [d.code for d in article.diagnostics] == [code]
    assert article.model_copy(update={"diagnostics": ()}) == plain
    newsparse.Article.model_validate_json(article.model_dump_json())
