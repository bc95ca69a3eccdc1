"""The plugin author's commands: schema with record kinds, plugins, new-plugin, setup errors."""

from __future__ import annotations

import importlib
import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import jsonschema
import pytest
from pydantic import BaseModel, ConfigDict

import newsparse
from newsparse import api, plugins
from newsparse.cli import main
from newsparse.schema import article_schema, schema_json
from newsparse.starter import plugin_fields, write_plugin

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "docs" / "schema" / "article.json"
TEXT = "“We will hold our fire,” said Mayor Jane Roe. Rebels agreed."


class Run:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    def run(*argv: str) -> Run:
        capsys.readouterr()
        code = main(list(argv))
        got = capsys.readouterr()
        return Run(code, got.out, got.err)

    return run


def fresh_plugins() -> None:
    """Forget the default plugin manager and every cached pipeline."""
    plugins.reset()
    api.forget_pipelines()
    importlib.invalidate_caches()


@pytest.fixture
def install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., None]]:
    """``install(dist, entry_name, module, source)``: a plugin found through its entry point, as
    if pip-installed (a module and a dist-info folder on ``sys.path``), for this test only."""
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    for var in ("NEWSPARSE_PLUGINS", "NEWSPARSE_BLOCK_PLUGINS", "NEWSPARSE_DISABLE"):
        monkeypatch.delenv(var, raising=False)

    def add(dist: str, entry: str, module: str, source: str, version: str = "1.2") -> None:
        (site / f"{module}.py").write_text(source, encoding="utf-8")
        info = site / f"{dist.replace('-', '_')}-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n", encoding="utf-8"
        )
        (info / "entry_points.txt").write_text(
            f"[newsparse]\n{entry} = {module}\n", encoding="utf-8"
        )
        fresh_plugins()

    fresh_plugins()
    yield add
    for name in [m for m in sys.modules if m.startswith("np_kit_")]:
        del sys.modules[name]
    monkeypatch.undo()
    fresh_plugins()


# A plugin that replaces the built-in quotes (by wrapping it) and adds a record kind whose records
# point at the speaker of each quote.
REPLACING = '''
import newsparse
from newsparse import ActorRef, Draft, Extractor, Span
from newsparse.extractors import quotes as builtin
from pydantic import BaseModel, ConfigDict

(_builtin,) = builtin.newsparse_extractors()


class Said(BaseModel):
    """A quote's cue verb and who it names."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    cue: Span
    speaker: ActorRef


def _said(draft: Draft) -> None:
    for q in draft.quotes:
        if q.cue is not None and q.speaker is not None:
            cue = Span.of(draft.text, *q.cue)
            draft.add_record("kit_said", Said(cue=cue, speaker=ActorRef(actor=q.speaker)))


@newsparse.hookimpl
def newsparse_record_kinds():
    return {"kit_said": Said}


@newsparse.hookimpl
def newsparse_extractors():
    return [
        Extractor(
            "kit-quotes",
            _builtin.run,
            requires=_builtin.requires,
            provides=_builtin.provides,
            amends=_builtin.amends,
            replaces="quotes",
        ),
        Extractor("kit-said", _said, requires=("quotes",), provides=("records:kit_said",)),
    ]
'''

# A plugin whose pipeline cannot be built: the quotes and ceasefire steps need actors (NP201).
BROKEN = """
import newsparse


@newsparse.hookimpl
def newsparse_disabled_extractors():
    return ["actors"]
"""


# -- schema ---------------------------------------------------------------------------------------


def test_builtin_schema_is_the_committed_copy(cli: Callable[..., Run]) -> None:
    committed = COMMITTED.read_text(encoding="utf-8")
    assert schema_json() == committed, "run: newsparse schema --builtin > docs/schema/article.json"
    run = cli("schema", "--builtin")
    assert (run.code, run.out) == (0, committed)


def test_schema_with_a_plugin_has_its_record_kind(
    cli: Callable[..., Run], install: Callable[..., None]
) -> None:
    install("np-kit-quotes", "kit-quotes", "np_kit_quotes", REPLACING)
    run = cli("schema")
    assert run.code == 0, run.err
    schema = json.loads(run.out)
    kit = schema["properties"]["records"]["properties"]["kit_said"]
    assert kit["items"] == {"$ref": "#/$defs/Said"}
    assert set(schema["$defs"]["Said"]["properties"]) == {"cue", "speaker"}
    # The schema now has teeth for the plugin's records, and still takes the built-in ones.
    check = jsonschema.Draft202012Validator(schema)
    data = json.loads(newsparse.parse(TEXT).model_dump_json())
    assert data["records"]["kit_said"]
    assert list(check.iter_errors(data)) == []
    data["records"]["kit_said"][0]["speaker"] = "a1"  # not an ActorRef object
    assert list(check.iter_errors(data))
    builtin = jsonschema.Draft202012Validator(json.loads(COMMITTED.read_text(encoding="utf-8")))
    assert list(builtin.iter_errors(data)) == []  # the committed schema cannot tell


def test_schema_keeps_models_of_one_name_apart() -> None:
    class Actor(BaseModel):  # a plugin model named like newsparse's own
        model_config = ConfigDict(frozen=True, extra="forbid")
        weapon: str

    schema = article_schema({"kit_actor": Actor})
    item_ref = schema["properties"]["records"]["properties"]["kit_actor"]["items"]["$ref"]
    actors_ref = schema["properties"]["actors"]["items"]["$ref"]
    assert item_ref != actors_ref
    defs = schema["$defs"]
    assert set(defs[item_ref.rsplit("/", 1)[-1]]["properties"]) == {"weapon"}
    assert "mentions" in defs[actors_ref.rsplit("/", 1)[-1]]["properties"]
    check = jsonschema.Draft202012Validator(schema)
    data = json.loads(newsparse.parse(TEXT).model_dump_json())
    assert data["actors"] and list(check.iter_errors(data)) == []


def test_a_record_model_without_a_json_schema_is_a_coded_error() -> None:
    class Odd(BaseModel):
        model_config = ConfigDict(arbitrary_types_allowed=True)
        thing: Path

    class Opaque(BaseModel):
        model_config = ConfigDict(arbitrary_types_allowed=True)
        value: object = None
        handle: io.StringIO

    assert "kit_odd" in article_schema({"kit_odd": Odd})["properties"]["records"]["properties"]
    with pytest.raises(newsparse.PluginError, match=r"NP211.*'kit_opaque'.*Opaque"):
        article_schema({"kit_opaque": Opaque})


# -- plugins --------------------------------------------------------------------------------------


def test_plugins_show_which_extractor_runs_and_what_it_replaces(
    cli: Callable[..., Run], install: Callable[..., None]
) -> None:
    install("np-kit-quotes", "kit-quotes", "np_kit_quotes", REPLACING)
    run = cli("plugins")
    assert run.code == 0, run.err
    step = next(line for line in run.out.splitlines() if re.match(r"\s+\d+\. kit-quotes ", line))
    assert "from kit-quotes (np-kit-quotes 1.2)" in step
    assert "replaces the built-in extractor 'quotes'" in step
    gone = next(line for line in run.out.splitlines() if line.strip().startswith("-  quotes"))
    assert "newsparse.extractors.quotes" in gone and "not run: replaced" in gone
    assert re.search(
        r"kit_said\s+np_kit_quotes\.Said\s+from kit-quotes \(np-kit-quotes 1\.2\)", run.out
    )
    report = json.loads(cli("plugins", "--json").out)
    (kit,) = [s for s in report["steps"] if s["extractor"] == "kit-quotes"]
    assert (kit["distribution"], kit["version"], kit["replaces"], kit["replaces_builtin"]) == (
        "np-kit-quotes",
        "1.2",
        "quotes",
        True,
    )
    assert [k["kind"] for k in report["record_kinds"]] == sorted(
        k["kind"] for k in report["record_kinds"]
    )
    assert "kit_said" in {k["kind"] for k in report["record_kinds"]}
    assert report["pipeline"] == [s["extractor"] for s in report["steps"]]


# Words of the text output that are its own labels, not facts about the plugins.
LABELS = {
    "Plugins",
    "Pipeline,",
    "in",
    "the",
    "order",
    "it",
    "runs",
    "from",
    "hooks:",
    "-",
    "replaces",
    "built-in",
    "extractor",
    "not",
    "run:",
    "Record",
    "kinds",
}


def test_plugins_json_carries_everything_the_text_shows(
    cli: Callable[..., Run], install: Callable[..., None]
) -> None:
    install("np-kit-quotes", "kit-quotes", "np_kit_quotes", REPLACING)
    text = cli("plugins").out
    report = cli("plugins", "--json").out
    values: set[str] = set()

    def collect(node: object) -> None:
        if isinstance(node, dict):
            for v in node.values():
                collect(v)
        elif isinstance(node, list):
            for v in node:
                collect(v)
        elif node is not None:
            values.add(str(node))

    collect(json.loads(report))
    words = {w.strip("(),:'") for w in text.split() if w not in LABELS}
    words -= {"", "built-in"}
    words = {w for w in words if not re.fullmatch(r"\d+\.", w)}  # step numbers: list order
    assert words - values == set()
    assert "casualties" in text or "kit_said" in text  # the record kinds are in both


# -- a pipeline that cannot be built ---------------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_pipeline_that_cannot_be_built_is_one_usage_error_before_any_input(
    cli: Callable[..., Run], install: Callable[..., None], tmp_path: Path, jobs: str
) -> None:
    install("np-kit-broken", "kit-broken", "np_kit_broken", BROKEN)
    story = tmp_path / "story.txt"
    story.write_text(TEXT, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    run = cli("parse", str(story), str(story), str(missing), "--jobs", jobs, "-q")
    assert run.code == 2  # the documented usage-error status
    assert run.err.count("NP201") == 1, run.err
    assert run.err.startswith("newsparse: error: [NP201]")
    assert "NP103" not in run.err  # the inputs were never read
    assert run.out == ""
    for argv in (("schema",), ("plugins",)):
        again = cli(*argv)
        assert again.code == 2 and again.err.count("NP201") == 1


# -- the parse summary ---------------------------------------------------------------------------


def test_the_text_summary_shows_plugin_records(
    cli: Callable[..., Run], install: Callable[..., None], tmp_path: Path
) -> None:
    install("np-kit-quotes", "kit-quotes", "np_kit_quotes", REPLACING)
    story = tmp_path / "story.txt"
    story.write_text(TEXT, encoding="utf-8")
    run = cli("parse", str(story))
    assert run.code == 0, run.err
    article = newsparse.parse(TEXT)
    (said,) = article.records["kit_said"]
    section = run.out.split("Records: kit_said (1)\n", 1)[1]
    speaker = said["speaker"]["actor"]
    assert f"cue={said['cue']['text']!r}" in section
    assert f"speaker={article.actor(speaker).name} ({speaker})" in section


# -- new-plugin ------------------------------------------------------------------------------------


def test_new_plugin_writes_a_package(cli: Callable[..., Run], tmp_path: Path) -> None:
    run = cli("new-plugin", "road-blocks", "--dir", str(tmp_path))
    assert run.code == 0, run.err
    root = tmp_path / "newsparse-road-blocks"
    files = sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())
    assert files == [
        "README.md",
        "conftest.py",
        "pyproject.toml",
        "src/newsparse_road_blocks/__init__.py",
        "src/newsparse_road_blocks/py.typed",
        "tests/test_road_blocks.py",
    ]
    pyproject = (root / "pyproject.toml").read_text(encoding="utf-8")
    assert '[project.entry-points.newsparse]\nroad-blocks = "newsparse_road_blocks"' in pyproject
    assert "$" not in "".join(p.read_text(encoding="utf-8") for p in root.rglob("*.py"))
    again = cli("new-plugin", "road-blocks", "--dir", str(tmp_path))
    assert again.code == 2 and "NP401" in again.err and "exists" in again.err


@pytest.mark.parametrize("name", ["Road Blocks", "quotes", "-x", "road_blocks", "1st", ""])
def test_new_plugin_refuses_bad_names(cli: Callable[..., Run], tmp_path: Path, name: str) -> None:
    run = cli("new-plugin", name, "--dir", str(tmp_path))
    assert run.code == 2 and "NP401" in run.err
    assert list(tmp_path.iterdir()) == []


def test_the_templates_are_package_data() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    globs = re.findall(r'"(templates/[^"]+)"', pyproject)
    base = ROOT / "src" / "newsparse"
    shipped = {p for g in globs for p in base.glob(g)}
    templates = set((base / "templates").rglob("*.tmpl"))
    assert templates and templates <= shipped


@pytest.mark.slow
def test_a_new_plugin_passes_its_own_tests(tmp_path: Path) -> None:
    """What CI does for a brand-new plugin: write it, install it, run its tests and lint."""
    root = write_plugin("curfews", tmp_path)
    fields = plugin_fields("curfews")
    # Installed as pip would (the package and its entry point on the path), without a build.
    site = tmp_path / "site"
    info = site / "newsparse_curfews-0.1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: newsparse-curfews\nVersion: 0.1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        f"[newsparse]\n{fields['name']} = {fields['package']}\n", encoding="utf-8"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSPARSE_", "PYTEST_"))}
    env["PYTHONPATH"] = os.pathsep.join([str(root / "src"), str(site)])
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "4 passed" in done.stdout
    lint = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--select", "E,F,W,I,B,UP,RUF", "."],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert lint.returncode == 0, lint.stdout + lint.stderr
