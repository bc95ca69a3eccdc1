"""The docs keep up with the code: every hook and every error code is documented."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from newsparse.errors import CODES

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
