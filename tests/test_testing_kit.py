"""newsparse.testing: the consistency check, the fixtures, and a fresh downstream project."""

from __future__ import annotations

import importlib.metadata
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

import newsparse
from newsparse import Article, Draft, Extractor, Span
from newsparse import strategies as ns
from newsparse.pipeline import Pipeline
from newsparse.plugins import BUILTIN_PLUGINS
from newsparse.testing import (
    MakePluginManager,
    ParseWith,
    article_problems,
    assert_article_consistent,
)

pytest_plugins = ["newsparse.testing"]

HEAVY = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TEXT = "Jane Doe said the truce held. “We stay,” she said."


class Shouting(BaseModel):
    """A tiny plugin record: a sentence written in capitals."""

    sentence: Span


class ShoutingPlugin:
    """A tiny plugin under test: reports sentences in capitals as ``shouting`` records."""

    @newsparse.hookimpl
    def newsparse_record_kinds(self) -> dict[str, type[BaseModel]]:
        return {"shouting": Shouting}

    @newsparse.hookimpl
    def newsparse_extractors(self) -> list[Extractor]:
        def find(draft: Draft) -> None:
            for s, e in draft.sentences:
                if draft.text[s:e].isupper():
                    draft.add_record("shouting", Shouting(sentence=Span.of(draft.text, s, e)))

        return [
            Extractor("shouting", find, requires=("sentences",), provides=("records:shouting",))
        ]


@HEAVY
@given(ns.articles())
def test_generated_articles_are_consistent(article: Article) -> None:
    assert_article_consistent(article)


def test_parse_output_is_consistent(seed_text: str) -> None:
    assert_article_consistent(newsparse.parse(seed_text))


def base() -> Article:
    a = newsparse.Actor(
        id="a1", name="Jane Doe", kind="person", mentions=(newsparse.Mention.of(TEXT, 0, 8),)
    )
    q = newsparse.Quote(
        id="q1",
        kind="direct",
        start=31,
        end=39,
        text=TEXT[31:39],
        segments=(Span.of(TEXT, 31, 39),),
        speaker="a1",
    )
    c = newsparse.CeasefireClaim(
        id="c1",
        status="in_effect",
        trigger=Span.of(TEXT, 18, 28),
        sentence=0,
        quote="q1",
    )
    return Article(
        id="x",
        text=TEXT,
        paragraphs=(Span.of(TEXT, 0, len(TEXT)),),
        sentences=(Span.of(TEXT, 0, 29), Span.of(TEXT, 30, len(TEXT))),
        actors=(a,),
        quotes=(q,),
        ceasefire_claims=(c,),
    )


def corrupt(**changes: Any) -> Article:
    """The base article with nested changes applied without validation, as storage bugs do."""
    a = base()
    updates: dict[str, Any] = {}
    for path, value in changes.items():
        field, _, index_attr = path.partition("__")
        if not index_attr:
            updates[field] = value
            continue
        index, _, attr = index_attr.partition("__")
        items = list(updates.get(field, getattr(a, field)))
        items[int(index)] = items[int(index)].model_copy(update={attr: value})
        updates[field] = tuple(items)
    return a.model_copy(update=updates)


BROKEN: dict[str, tuple[dict[str, Any], str]] = {
    "sentences out of order": (
        {"sentences": (Span.of(TEXT, 30, len(TEXT)), Span.of(TEXT, 0, 29))},
        "sentences overlap or are out of order",
    ),
    "span past the end": ({"paragraphs": (Span(start=0, end=99, text="x" * 99),)}, "not a range"),
    "span text differs": (
        {"actors__0__mentions": (newsparse.Mention(start=0, end=4, text="John"),)},
        "is not text",
    ),
    "quote text": ({"quotes__0__text": "nonsense"}, "text is not text"),
    "quote bounds": ({"quotes__0__start": 30}, "first segment"),
    "duplicate id": ({"quotes__0__id": "a1", "ceasefire_claims__0__quote": "a1"}, "duplicate id"),
    "unknown speaker": ({"quotes__0__speaker": "a9"}, "speaker 'a9'"),
    "unknown party": ({"ceasefire_claims__0__parties": ("a7",)}, "parties id 'a7'"),
    "unknown source": ({"ceasefire_claims__0__source": "Jane"}, "neither 'narrator'"),
    "unknown quote": ({"ceasefire_claims__0__quote": "q5"}, "quote 'q5'"),
    "self affiliation": ({"actors__0__affiliations": ("a1",)}, "not another actor"),
    "trigger outside its sentence": (
        {"ceasefire_claims__0__sentence": 1},
        "not inside its sentence",
    ),
    "sentence outside paragraphs": (
        {"paragraphs": (Span.of(TEXT, 0, 29),)},
        "outside every paragraph",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_inconsistencies_are_reported(case: str) -> None:
    changes, message = BROKEN[case]
    article = corrupt(**changes)
    with pytest.raises(AssertionError, match=message):
        assert_article_consistent(article)


def test_base_article_is_consistent() -> None:
    assert article_problems(base()) == []


def test_record_references_must_resolve() -> None:
    # A plugin record pointing at an actor, a quote or a claim the article does not have.
    records = {"weapons": ({"owner": {"actor": "a99"}}, {"about": {"quote": "q1"}})}
    article = base().model_copy(update={"records": records})
    assert article_problems(article) == [
        "records[weapons][0].owner: actor 'a99' is not in the article"
    ]


def test_problems_are_all_listed() -> None:
    article = corrupt(quotes__0__speaker="a9", ceasefire_claims__0__source="zz")
    assert len(article_problems(article)) == 2


def test_pm_fixture_has_builtins_and_plugin_but_no_installed_plugins(
    newsparse_pm: MakePluginManager,
) -> None:
    plugin = ShoutingPlugin()
    pm = newsparse_pm(plugin)
    assert pm.is_registered(plugin)
    assert all(pm.has_plugin(name) for name in BUILTIN_PLUGINS)
    installed = {ep.name for ep in importlib.metadata.entry_points(group="newsparse")}
    assert not any(pm.has_plugin(name) for name in installed)
    assert "shouting" in Pipeline(pm).names


@pytest.fixture
def noisy_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSPARSE_BLOCK_PLUGINS", "newsparse.extractors.quotes")
    monkeypatch.setenv("NEWSPARSE_DISABLE", "ceasefire")
    monkeypatch.setenv("NEWSPARSE_PLUGINS", "")


def test_pm_fixture_ignores_environment(noisy_env: None, newsparse_pm: MakePluginManager) -> None:
    seen: list[str] = []

    class Probe:
        @newsparse.hookimpl
        def newsparse_extractors(self) -> list[Extractor]:
            # Needs what the blocked and the disabled built-ins provide: NP201 if they are gone.
            run = Extractor(
                "probe", lambda d: seen.append(d.text), requires=("quotes", "ceasefire_claims")
            )
            return [run]

    article = newsparse.parse("“We stay,” said Jane Doe.", plugins=newsparse_pm(Probe()))
    assert seen == [article.text]
    assert article.quotes


def test_parse_fixture_runs_the_plugin(newsparse_parse: ParseWith) -> None:
    article = newsparse_parse("NOBODY LISTENS. Everyone talks.", ShoutingPlugin())
    (rec,) = article.records_of("shouting", Shouting)
    assert rec.sentence.text == "NOBODY LISTENS."


@HEAVY
@given(text=st.text(max_size=200))
def test_parse_fixture_on_any_text(newsparse_parse: ParseWith, text: str) -> None:
    newsparse_parse(text, ShoutingPlugin())


DOCS = Path(__file__).resolve().parent.parent / "docs" / "testing.md"
BLOCK = re.compile(r"<!-- downstream: (\S+) -->\n```python\n(.*?)```", re.S)


def downstream_files() -> dict[str, str]:
    """The code blocks docs/testing.md marks as files of a downstream project."""
    return dict(BLOCK.findall(DOCS.read_text(encoding="utf-8")))


def test_docs_show_a_downstream_project() -> None:
    files = downstream_files()
    assert {"conftest.py", "test_storage.py", "test_my_plugin.py"} <= set(files)
    assert len(files["test_storage.py"].strip().splitlines()) <= 14


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )


# Importing a module as None in sys.modules makes `import` of it fail, as if not installed.
WITHOUT = "import sys\nfor m in {mods!r}: sys.modules[m] = None\n"


def test_checks_work_without_pytest_or_hypothesis(seed_text: str) -> None:
    done = run_python(
        WITHOUT.format(mods=["pytest", "hypothesis"]) + "import newsparse\n"
        "from newsparse.checks import assert_article_consistent, article_problems\n"
        "from newsparse.testing import assert_article_consistent as same\n"
        "assert same is assert_article_consistent\n"
        "import newsparse.testing as t\n"
        "assert not hasattr(t, 'newsparse_parse')  # the fixtures need pytest; the checks do not\n"
        "article = newsparse.parse('“We stay,” said Jane Doe.')\n"
        "assert_article_consistent(article)\n"
        "bad = article.model_copy(update={'records': {'w': ({'owner': {'actor': 'a9'}},)}})\n"
        "assert article_problems(bad), 'a dangling reference passed'\n"
    )
    assert done.returncode == 0, done.stderr[-2000:]


def test_the_checks_module_imports_no_test_tools() -> None:
    done = run_python(
        "import sys, newsparse.checks\n"
        "assert not {'pytest', 'hypothesis', '_pytest'} & set(sys.modules), 'test tools imported'"
    )
    assert done.returncode == 0, done.stderr[-2000:]


PROFILE = """
from hypothesis import settings

settings.register_profile("few", max_examples=15, deadline=None)
settings.load_profile("few")
"""


def test_fresh_downstream_project_passes(tmp_path: Path) -> None:
    """The docs' downstream files, alone in an empty folder, pass under plain pytest."""
    files = downstream_files()
    for name, code in files.items():
        (tmp_path / name).write_text(code, encoding="utf-8")
    # Not part of the docs: fewer examples and no deadline, so a loaded CI machine stays quick and
    # never flakes. Loaded with -p before any test module.
    (tmp_path / "_few_examples.py").write_text(PROFILE, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSPARSE_", "PYTEST_"))}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "_few_examples",
            "-W",
            "error::pytest.PytestAssertRewriteWarning",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    tests = sum(code.count("\ndef test_") + code.startswith("def test_") for code in files.values())
    assert f"{tests} passed" in done.stdout


# Fewer examples, but hypothesis' own deadline (200 ms): what a downstream CI run meets.
FEW_WITH_DEADLINE = """
from hypothesis import settings

settings.register_profile("few_timed", max_examples=20)
settings.load_profile("few_timed")
"""


@pytest.mark.slow
def test_the_documented_property_test_passes_alone(tmp_path: Path) -> None:
    """``pytest -k never_breaks``: the first example is not charged with compiling patterns."""
    for name, code in downstream_files().items():
        (tmp_path / name).write_text(code, encoding="utf-8")
    (tmp_path / "_few_timed.py").write_text(FEW_WITH_DEADLINE, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSPARSE_", "PYTEST_"))}
    done = subprocess.run(
        [
            *(sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"),
            *("-p", "_few_timed", "-p", "no:randomly", "-k", "never_breaks"),
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "1 passed" in done.stdout
