"""The docs keep up with the code: every hook and every error code is documented."""

from __future__ import annotations

import ast
import importlib.util
import re
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

import newsparse
from newsparse.errors import CODES
from newsparse.pipeline import Pipeline
from newsparse.plugins import make_plugin_manager

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
HOOKSPECS = ROOT / "src" / "newsparse" / "hookspecs.py"


def hook_signatures() -> dict[str, str]:
    """``{name: "name(args) -> returns"}`` for every ``@hookspec`` function, as written."""
    tree = ast.parse(HOOKSPECS.read_text(encoding="utf-8"))
    out = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef):
            continue
        marks = [ast.unparse(d) for d in node.decorator_list]
        if not any(m == "hookspec" or m.startswith("hookspec(") for m in marks):
            continue
        ret = f" -> {ast.unparse(node.returns)}" if node.returns is not None else ""
        out[node.name] = f"{node.name}({ast.unparse(node.args)}){ret}"
    return out


def headings(page: Path) -> list[str]:
    return [
        line.lstrip("#").strip()
        for line in page.read_text(encoding="utf-8").splitlines()
        if line.startswith("#")
    ]


def test_hookspecs_are_found() -> None:
    assert "newsparse_extractors" in hook_signatures()


@pytest.mark.parametrize("name", sorted(hook_signatures()))
def test_every_hook_has_a_section_headed_by_its_signature(name: str) -> None:
    signature = hook_signatures()[name]
    assert f"`{signature}`" in headings(DOCS / "hooks.md"), (
        f"docs/hooks.md needs a section headed `{signature}` (signature, ordering, example)"
    )


@pytest.mark.parametrize("name", sorted(hook_signatures()))
def test_every_hook_section_has_an_example(name: str) -> None:
    text = (DOCS / "hooks.md").read_text(encoding="utf-8")
    heading = f"## `{hook_signatures()[name]}`"
    section = text.split(heading, 1)[1].split("\n## ", 1)[0]
    assert "```python" in section and f"def {name}(" in section
    assert "Ordering" in section


def test_no_documented_hook_is_gone() -> None:
    documented = {
        m.group(1) for h in headings(DOCS / "hooks.md") if (m := re.match(r"`(newsparse_\w+)\(", h))
    }
    assert documented == set(hook_signatures())


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_error_code_is_documented(code: str) -> None:
    assert f"`{code}`" in (DOCS / "errors.md").read_text(encoding="utf-8")


def test_no_documented_code_is_unknown() -> None:
    documented = set(re.findall(r"`(NP\d{3})`", (DOCS / "errors.md").read_text(encoding="utf-8")))
    assert documented <= set(CODES)


def test_nav_pages_exist() -> None:
    nav = re.findall(r":\s*([\w./-]+\.md)\s*$", (ROOT / "mkdocs.yml").read_text(), re.M)
    assert nav
    missing = [p for p in nav if not (DOCS / p).is_file()]
    assert missing == []


def _python_blocks(page: Path) -> list[str]:
    text = page.read_text(encoding="utf-8")
    return [textwrap.dedent(b) for b in re.findall(r"^ *```python\n(.*?)^ *```", text, re.S | re.M)]


def _load_module(name: str, source: str, tmp_path: Path) -> ModuleType:
    module_file = tmp_path / f"{name}.py"
    module_file.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, module_file)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_plugin_walkthrough_runs(tmp_path: Path) -> None:
    # Steps 3 to 5 of writing-a-plugin.md, put together, are a working plugin.
    blocks = _python_blocks(DOCS / "writing-a-plugin.md")
    source = "\n".join(
        b for b in blocks if not any(x in b for x in ("def test_", "builtin_actors", "Weapon"))
    )
    module = _load_module("newsparse_evacuations_doc", source, tmp_path)
    text = "Residents of the valley were ordered to evacuate on Tuesday."
    article = newsparse.parse(text, plugins=[module])
    (found,) = article.records_of("evacuations", module.Evacuation)
    assert found.mode == "ordered"
    assert text[found.trigger.start : found.trigger.end] == found.trigger.text


def test_the_wrapping_example_runs(tmp_path: Path) -> None:
    blocks = _python_blocks(DOCS / "writing-a-plugin.md")
    (wrap,) = [b for b in blocks if "builtin_actors" in b]
    header = "import newsparse\nfrom newsparse import Draft, Extractor\n"
    module = _load_module("newsparse_wrap_doc", header + wrap, tmp_path)
    pm = make_plugin_manager(entry_points_enabled=False, extra=[module])
    pipe = Pipeline(pm)
    assert pipe.owner["house-actors"] == "newsparse_wrap_doc" and "actors" not in pipe.owner
    text = "The NORTHERN FRONT and Maria Okafor met in Port Avalon."
    plain = newsparse.parse(text, plugins=make_plugin_manager(entry_points_enabled=False))
    wrapped = newsparse.parse(text, plugins=pm)
    assert [a.name for a in wrapped.actors] == [a.name for a in plain.actors]
    for a in wrapped.actors:
        assert a.kind == ("organization" if a.name.isupper() else plain.actor(a.id).kind)


def test_the_quickstart_runs(capsys: pytest.CaptureFixture[str]) -> None:
    blocks = _python_blocks(DOCS / "quickstart.md")
    namespace: dict[str, object] = {}
    for block in blocks:
        if "records = [" in block:
            continue  # the corpus example has placeholder texts
        exec(compile(block, "quickstart.md", "exec"), namespace)
    assert capsys.readouterr().out
