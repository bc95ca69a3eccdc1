"""Docs for plugin authors and downstream tests: examples that run, a clean reference, no raw
reStructuredText on the MkDocs site, and pages that say what the code does."""

from __future__ import annotations

import ast
import contextlib
import importlib
import io
import re
import subprocess
import sys
import textwrap
import types
from pathlib import Path
from typing import Any

import pytest

import newsparse
from newsparse import checks, schema, starter, strategies, testing
from newsparse.cli import main

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

# -- raw reStructuredText --------------------------------------------------------------------------

# Sphinx roles (:class:`X`, :py:func:`f`) and directives (.. versionadded::), which MkDocs shows
# as they are written.
RST = re.compile(
    r":(?:py:)?(?:class|func|meth|attr|data|mod|exc|obj|ref|doc|const|term):`|^\s*\.\. [\w-]+::",
    re.M,
)


def rst_in(text: str) -> list[str]:
    return [text[max(0, m.start() - 30) : m.end() + 30] for m in RST.finditer(text)]


def test_the_rst_check_can_fail() -> None:
    assert rst_in("See :class:`~newsparse.models.Actor` here.")
    assert rst_in("Text.\n\n    .. versionadded:: 0.1\n")
    assert not rst_in("See ``Actor`` and [Actor][newsparse.models.Actor]. *Added in 0.1.*")


@pytest.mark.parametrize("page", sorted(p.name for p in DOCS.glob("*.md")))
def test_docs_pages_have_no_raw_rst(page: str) -> None:
    assert rst_in((DOCS / page).read_text(encoding="utf-8")) == []


def directive_pages() -> list[tuple[str, str, list[str] | None]]:
    """``(page, target, members or None)`` for every ``::: target`` block (mkdocstrings)."""
    out = []
    for page in sorted(DOCS.glob("*.md")):
        text = page.read_text(encoding="utf-8")
        for m in re.finditer(r"^::: (\S+)\n((?:[ \t]+\S.*\n)*)", text, re.M):
            listed = re.search(r"members:\s*\[([^\]]*)\]", m.group(2))
            members = [x.strip() for x in listed.group(1).split(",")] if listed else None
            out.append((page.stem, m.group(1), members))
    return out


def directives() -> dict[str, list[str] | None]:
    """``{target: members or None}`` for every ``::: target`` block of the docs."""
    return {target: members for _, target, members in directive_pages()}


def _resolve(target: str) -> tuple[types.ModuleType, list[str]]:
    parts = target.split(".")
    for i in range(len(parts), 0, -1):
        try:
            return importlib.import_module(".".join(parts[:i])), parts[i:]
        except ImportError:
            continue
    raise AssertionError(f"cannot import {target}")


def _node(tree: ast.Module, path: list[str]) -> ast.AST:
    node: Any = tree
    for name in path:
        node = next(
            n for n in node.body if isinstance(n, ast.ClassDef | ast.FunctionDef) and n.name == name
        )
    return node  # type: ignore[no-any-return]


def _member_docs(body: list[ast.stmt]) -> list[tuple[str, str]]:
    """``(name, docstring)`` of the functions, classes and documented attributes in ``body``."""
    out = []
    for i, stmt in enumerate(body):
        name: str | None = None
        doc: str | None = None
        if isinstance(stmt, ast.FunctionDef | ast.ClassDef):
            name, doc = stmt.name, ast.get_docstring(stmt)
        elif isinstance(stmt, ast.AnnAssign | ast.Assign):
            target = stmt.target if isinstance(stmt, ast.AnnAssign) else stmt.targets[0]
            after = body[i + 1] if i + 1 < len(body) else None
            if (
                isinstance(target, ast.Name)
                and isinstance(after, ast.Expr)
                and isinstance(after.value, ast.Constant)
                and isinstance(after.value.value, str)
            ):
                name, doc = target.id, after.value.value
        if name is not None and doc:
            out.append((name, doc))
    return out


def rendered_docstrings(target: str, members: list[str] | None) -> dict[str, str]:
    """The docstrings mkdocstrings renders for ``::: target``: its own, and its public members'
    (only those listed in ``members`` when given), attribute docstrings included."""
    module, path = _resolve(target)
    assert module.__file__ is not None
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    node = _node(tree, path)
    assert isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
    out = {target: ast.get_docstring(node) or ""}
    if isinstance(node, ast.FunctionDef):
        return out
    for name, doc in _member_docs(_body_with_bases(tree, node)):
        if name.startswith("_") or (members is not None and name not in members):
            continue
        out.setdefault(f"{target}.{name}", doc)
    return out


def _body_with_bases(tree: ast.Module, node: ast.Module | ast.ClassDef) -> list[ast.stmt]:
    """A class's statements, then those of its bases defined in the same module (what
    ``inherited_members`` renders); a module's statements."""
    body = list(node.body)
    if isinstance(node, ast.ClassDef):
        classes = {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}
        for base in node.bases:
            name = base.value.id if isinstance(base, ast.Subscript) else base
            if isinstance(name, ast.Name) and name.id in classes:
                body += _body_with_bases(tree, classes[name.id])
    return body


def public_api() -> dict[str, list[str] | None]:
    """The modules a downstream user imports, with their public names."""
    out: dict[str, list[str] | None] = {}
    for module in (checks, schema, starter, strategies, testing):
        out[module.__name__] = list(module.__all__)
    return out


# Rendered docstrings in modules this branch may not change; each needs the change named
# (``:class:`X``` becomes ``X`` in double backticks). Strict: once fixed, the entry must go.
PENDING_CORE: dict[str, str] = {}


def _cases() -> list[Any]:
    targets = {**directives(), **public_api()}
    return [
        pytest.param(
            target,
            members,
            id=target,
            marks=[pytest.mark.xfail(strict=True, reason=PENDING_CORE[target])]
            if target in PENDING_CORE
            else [],
        )
        for target, members in sorted(targets.items())
    ]


@pytest.mark.parametrize(("target", "members"), _cases())
def test_rendered_docstrings_have_no_raw_rst(target: str, members: list[str] | None) -> None:
    found = {
        where: hits
        for where, doc in rendered_docstrings(target, members).items()
        if (hits := rst_in(doc))
    }
    assert found == {}


def test_the_docstring_collector_sees_members_and_attributes() -> None:
    docs = rendered_docstrings("newsparse.draft.Draft", ["quotes_at", "sentence_index"])
    assert set(docs) == {
        "newsparse.draft.Draft",
        "newsparse.draft.Draft.quotes_at",
        "newsparse.draft.Draft.sentence_index",
    }
    fields = rendered_docstrings("newsparse.models.Article", None)
    assert "newsparse.models.Article.records" in fields


# -- the reference ---------------------------------------------------------------------------------


def test_the_reference_has_the_draft_and_its_classes() -> None:
    found = directives()
    from newsparse import draft

    for name in draft.__all__:
        if isinstance(getattr(draft, name), type):
            assert f"newsparse.draft.{name}" in found, f"docs/hooks.md has no ::: for {name}"
    members = found["newsparse.draft.Draft"] or []
    assert {"quotes_at", "sentence_index", "sentence_at", "add_record", "scratch"} <= set(members)
    for target, listed in found.items():
        module, path = _resolve(target)
        obj: Any = module
        for part in path:
            obj = getattr(obj, part)
        missing = [m for m in listed or () if not hasattr(obj, m)]
        assert missing == [], f"{target} lists members it does not have"


def test_the_navigation_lists_each_page_once() -> None:
    nav = re.findall(r":\s*([\w./-]+\.md)\s*$", (ROOT / "mkdocs.yml").read_text(), re.M)
    assert sorted(nav) == sorted(set(nav))
    assert {p.name for p in DOCS.glob("*.md")} == set(nav)


@pytest.mark.slow
def test_the_site_builds_strictly_with_the_draft_reference(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs")
    pytest.importorskip("mkdocstrings")
    site = tmp_path / "site"
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
        cwd=ROOT,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    missing = []
    for page, target, members in directive_pages():
        html = (site / page / "index.html").read_text(encoding="utf-8")
        missing += [
            f"{page}: {target}.{m}"
            for m in [None, *(members or ())]
            if f'id="{target}{"" if m is None else "." + m}"' not in html
        ]
    assert missing == []


# -- pages that say what the code does ----------------------------------------------------------


def python_blocks(page: str) -> list[str]:
    text = (DOCS / page).read_text(encoding="utf-8")
    return [textwrap.dedent(b) for b in re.findall(r"^ *```python\n(.*?)^ *```", text, re.S | re.M)]


def test_the_weapons_example_links_records_to_actors(monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = python_blocks("writing-a-plugin.md")
    (plugin_source,) = [b for b in blocks if "class Weapon" in b]
    (use,) = [b for b in blocks if 'records_of("weapons"' in b]
    module = types.ModuleType("weapons_plugin")
    monkeypatch.setitem(sys.modules, "weapons_plugin", module)
    exec(compile(plugin_source, "writing-a-plugin.md", "exec"), module.__dict__)
    out = io.StringIO()
    namespace = {"newsparse": newsparse, "weapons_plugin": module, "Weapon": module.Weapon}
    with contextlib.redirect_stdout(out):
        exec(compile(use, "writing-a-plugin.md", "exec"), namespace)
    expected = [line.lstrip("# ") for line in use.splitlines() if line.startswith("# ")]
    assert out.getvalue().splitlines() == expected
    article = newsparse.parse(namespace["text"], plugins=[module])
    testing.assert_article_consistent(article)
    assert all(r["owner"] for r in article.records["weapons"])


def test_cli_page_says_the_author_is_output(capsys: pytest.CaptureFixture[str]) -> None:
    page = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert "does not output it" not in page
    html_section = page.split("### HTML pages", 1)[1].split("\n## ", 1)[0]
    assert "`author`" in html_section
    pytest.importorskip("trafilatura")
    assert main(["parse", str(ROOT / "tests" / "fixtures" / "news_page.html"), "-f", "jsonl"]) == 0
    assert newsparse.Article.model_validate_json(capsys.readouterr().out).author


def test_testing_page_covers_the_public_testing_api() -> None:
    page = (DOCS / "testing.md").read_text(encoding="utf-8")
    for module in (strategies, testing, checks):
        for name in module.__all__:
            if name[0].islower() or name in ("NewsText", "ExpectedQuote", "ExpectedClaim"):
                assert f"`{name}" in page, f"docs/testing.md does not mention {name}"
    assert "newsparse[testing]" in page
    assert "max_paragraphs" in page and "news_texts" in page
