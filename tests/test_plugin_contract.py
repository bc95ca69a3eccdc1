"""What a plugin author relies on: references in records, one plan per plugin set, the shape of
``records``, readable articles in failure reports, and one way of naming a plugin in errors."""

from __future__ import annotations

import types
from pathlib import Path

import pluggy
import pytest
from pydantic import BaseModel, ConfigDict, ValidationError

import newsparse
from newsparse import ActorRef, Article, ClaimRef, Draft, Extractor, QuoteRef, Span, api, hookimpl
from newsparse.errors import PluginError
from newsparse.pipeline import Pipeline
from newsparse.plugins import make_plugin_manager, plugin_label

TEXT = "“We will hold our fire,” said Mayor Jane Roe. The army agreed to a ceasefire on Monday."
SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_89980257a6cb7ec4.txt"


class Link(BaseModel):
    """A record pointing at one quote and one claim of its article."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    quote: QuoteRef
    claim: ClaimRef


def linking_plugin(quote_id: str | None = None, claim_id: str | None = None) -> types.ModuleType:
    """A plugin module linking the first quote to the first claim (or to the ids given)."""
    module = types.ModuleType("np_contract_links")

    def link(draft: Draft) -> None:
        q = quote_id or draft.quotes[0].id
        c = claim_id or draft.claims[0].id
        draft.add_record("links", Link(quote=QuoteRef(quote=q), claim=ClaimRef(claim=c)))

    @hookimpl
    def newsparse_record_kinds() -> dict[str, type[BaseModel]]:
        return {"links": Link}

    @hookimpl
    def newsparse_extractors() -> list[Extractor]:
        return [
            Extractor(
                "links", link, requires=("quotes", "ceasefire_claims"), provides="records:links"
            )
        ]

    module.newsparse_record_kinds = newsparse_record_kinds  # type: ignore[attr-defined]
    module.newsparse_extractors = newsparse_extractors  # type: ignore[attr-defined]
    return module


def isolated(*plugins: object) -> pluggy.PluginManager:
    return make_plugin_manager(extra=plugins, entry_points_enabled=False)


def test_quote_and_claim_references_are_checked_when_built_and_validated() -> None:
    article = newsparse.parse(TEXT, plugins=isolated(linking_plugin()))
    (link,) = article.records_of("links", Link)
    assert link.quote.quote == article.quotes[0].id
    assert link.claim.claim == article.ceasefire_claims[0].id
    for bad in (linking_plugin(quote_id="q9"), linking_plugin(claim_id="c9")):
        dropped = newsparse.parse(TEXT, plugins=isolated(bad))
        assert "links" not in dropped.records
        assert [d.code for d in dropped.diagnostics] == ["NP302"]
    data = article.model_dump(mode="json")
    data["records"]["links"][0]["claim"] = {"claim": "c9"}
    with pytest.raises(ValidationError, match="no claim with id 'c9'"):
        Article.model_validate(data)


def test_parse_with_a_plugin_module_plans_its_pipeline_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made: list[object] = []
    real = api.make_plugin_manager

    def counting(**kwargs: object) -> pluggy.PluginManager:
        made.append(kwargs)
        return real(**kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(api, "make_plugin_manager", counting)
    module = linking_plugin()
    first = [newsparse.parse(TEXT, plugins=[module]) for _ in range(3)]
    assert len(made) == 1  # one manager and one plan for the three calls
    assert first[0] == first[1] == first[2] and first[0].records["links"]
    newsparse.parse(TEXT, plugins=[linking_plugin()])  # another plugin set: planned anew
    assert len(made) == 2


class Count(BaseModel):
    n: int


def test_records_hold_only_kinds_that_found_something() -> None:
    article = Article(id="x", text="abc", records={"empty": (), "full": ({"n": 1},)})
    assert article.records == {"full": ({"n": 1},)}
    assert Article.model_validate_json(article.model_dump_json()) == article
    got = article.records_of("full", Count)
    assert got == (Count(n=1),)  # a tuple, also when empty
    assert article.records_of("empty", Count) == ()


def test_an_article_reads_in_a_few_short_lines() -> None:
    article = newsparse.parse(SEED.read_text(encoding="utf-8"), plugins=isolated())
    shown = repr(article)
    lines = shown.splitlines()
    assert lines[0].startswith(f"Article(id={article.id!r}")
    assert len(lines) > 5 and max(len(line) for line in lines) <= 120
    assert len(shown) < len(article.model_dump_json()) / 3
    for q in article.quotes:
        who = article.actor(q.speaker).name if q.speaker else "-"
        assert any(line.lstrip().startswith(f"{q.id} {q.kind} quote by {who}") for line in lines)


class Raises:
    @hookimpl
    def newsparse_extractors(self) -> list[Extractor]:
        raise RuntimeError("no")


class NotAnExtractor:
    @hookimpl
    def newsparse_extractors(self) -> list[object]:
        return ["x"]


class OddCapability:
    @hookimpl
    def newsparse_extractors(self) -> list[Extractor]:
        return [Extractor("odd", lambda d: None, provides="unicorns")]


class Needy:
    """Needs records of a kind it registers but nobody provides (NP201)."""

    @hookimpl
    def newsparse_record_kinds(self) -> dict[str, type[BaseModel]]:
        return {"unicorns": BaseModel}

    @hookimpl
    def newsparse_extractors(self) -> list[Extractor]:
        return [Extractor("needy", lambda d: None, requires="records:unicorns")]


class Misspelt:
    @hookimpl
    def newsparse_extractor(self) -> list[Extractor]:  # not a hook: NP204
        return []


@pytest.mark.parametrize(
    ("plugin", "code"),
    [(Raises(), "NP211"), (NotAnExtractor(), "NP206"), (OddCapability(), "NP208")],
    ids=lambda x: x if isinstance(x, str) else type(x).__name__,
)
def test_errors_name_a_plugin_by_its_label(plugin: object, code: str) -> None:
    pm = isolated(plugin)
    with pytest.raises(PluginError, match=code) as caught:
        Pipeline(pm)
    assert f"plugin {plugin_label(pm, plugin)!r}" in caught.value.message


def test_a_misspelt_hook_names_the_plugin_by_its_label() -> None:
    with pytest.raises(PluginError, match="NP204") as caught:
        isolated(Misspelt())
    assert "plugin 'Misspelt'" in caught.value.message
    assert "object at 0x" not in caught.value.message


def test_a_missing_capability_names_the_plugin_by_its_label() -> None:
    pm = isolated(Needy())
    with pytest.raises(PluginError, match="NP201") as caught:
        Pipeline(pm)
    assert "plugin 'Needy'" in caught.value.message


def test_spans_in_records_are_checked_like_the_article_spans() -> None:
    data = newsparse.parse(TEXT, plugins=isolated(linking_plugin())).model_dump(mode="json")
    data["records"]["links"][0]["where"] = Span.of("xyz", 0, 2).model_dump()
    with pytest.raises(ValidationError, match="does not reproduce"):
        Article.model_validate(data)
    assert ActorRef(actor="a1").model_dump() == {"actor": "a1"}
