"""The error catalogue: each code defined once (a dict literal silently keeps the last of two)."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import newsparse.errors

SOURCE = Path(newsparse.errors.__file__).read_text(encoding="utf-8")


def _catalogue_keys() -> list[str]:
    for node in ast.walk(ast.parse(SOURCE)):
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and node.target.id == "CODES"
            and isinstance(node.value, ast.Dict)
        ):
            return [k.value for k in node.value.keys if isinstance(k, ast.Constant)]
    raise AssertionError("CODES is not a dict literal in errors.py")


def test_every_code_is_defined_once() -> None:
    keys = _catalogue_keys()
    twice = sorted(code for code, n in Counter(keys).items() if n > 1)
    assert twice == [], f"defined more than once (the first meaning is lost): {twice}"
    assert len(keys) == len(newsparse.errors.CODES)
