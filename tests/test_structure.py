"""The shape of the source: layers import one way only, and extractors hold no word lists."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import regex

SRC = Path(__file__).resolve().parent.parent / "src" / "newsparse"
EXTRACTORS = SRC / "extractors"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def _imports(path: Path, name: str) -> set[str]:
    """Every newsparse module ``path`` imports, at any depth (inside functions too)."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("newsparse"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if target.startswith("newsparse"):
                found.add(target)
                # "from newsparse import models" imports a module, not a name
                found.update(f"{target}.{a.name}" for a in node.names)
    return found


@cache
def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in SRC.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = {t for t in _imports(path, name) if t in modules and t != name}
        # importing a package runs its __init__, never the other way round
        graph[name] = {t for t in targets if not name.startswith(t + ".")}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle, as the list of modules along it, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)) is not None:
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)) is not None:
            return found
    return None


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycle_among_modules() -> None:
    assert _cycle(_graph()) is None


def test_the_layers_point_one_way() -> None:
    """models know nothing above them; extractors never reach the pipeline or the api."""
    graph = _graph()
    above_models = {"newsparse.draft", "newsparse.pipeline", "newsparse.api", "newsparse.plugins"}
    assert not graph["newsparse.models"] & above_models
    for name, targets in graph.items():
        if name.startswith("newsparse.extractors"):
            bad = targets & {"newsparse.pipeline", "newsparse.api", "newsparse.cli"}
            assert not bad, (name, bad)


_WORD = regex.compile(r"^[a-z]+(?: [a-z]+)?$")


@cache
def _labels() -> frozenset[str]:
    """The names of typed labels (``Literal[...]`` values anywhere in the package): a set of
    labels in code is a type, not vocabulary."""
    found: set[str] = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.Subscript) and getattr(node.value, "id", "") == "Literal":
                found.update(
                    c.value
                    for c in ast.walk(node.slice)
                    if isinstance(c, ast.Constant) and isinstance(c.value, str)
                )
    return frozenset(found)


_ALTERNATION = regex.compile(r"(?<![\\\[])(?:[a-z]{2,}\|){4,}[a-z]{2,}")


def _word_lists(tree: ast.AST, labels: frozenset[str] = frozenset()) -> list[int]:
    """Lines of list/tuple/set literals holding six or more plain words that are not labels."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.List | ast.Tuple | ast.Set):
            words = [
                e.value
                for e in node.elts
                if isinstance(e, ast.Constant)
                and isinstance(e.value, str)
                and _WORD.match(e.value)
                and e.value not in labels
            ]
            if len(words) >= 6:
                lines.append(node.lineno)
    return lines


def _alternations(tree: ast.AST) -> list[int]:
    """Lines of string literals holding a regex alternation of five or more words."""
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and _ALTERNATION.search(node.value)
    ]


def test_the_word_list_check_can_fail() -> None:
    tree = ast.parse(
        'X = ("say", "tell", "add", "warn", "claim", "note")\n'
        'Y = r"(?:a|bb|said|told|added|warned|noted)"'
    )
    assert _word_lists(tree) == [1]
    assert _alternations(tree) == [2]
    assert not _word_lists(ast.parse('X = ("say", "tell")'))
    assert not _word_lists(tree, frozenset({"say", "tell", "add", "warn", "claim", "note"}))


def test_extractors_hold_no_word_lists() -> None:
    """Vocabulary lives in newsparse/data, loaded through newsparse.lexicon."""
    found = {}
    labels = _labels()
    for path in sorted(EXTRACTORS.rglob("*.py")):
        tree = _tree(path)
        if hits := _word_lists(tree, labels) + _alternations(tree):
            found[str(path.relative_to(SRC))] = hits
    assert not found, found
