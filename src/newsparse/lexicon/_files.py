"""Read the plain data files in ``newsparse/data`` (word lists, gazetteers), once, lazily.

Data files start with ``#`` comment lines naming their sources; those lines are skipped.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

import regex

__all__ = ["alternation", "load_json", "load_lines", "load_tsv", "read_data"]


def read_data(name: str) -> str:
    """The text of ``newsparse/data/<name>``."""
    return files("newsparse").joinpath("data", name).read_text(encoding="utf-8")


@cache
def load_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a ``.txt`` data file, stripped."""
    out = []
    for line in read_data(name).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return tuple(out)


@cache
def load_tsv(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated data file (comment lines skipped), cells stripped."""
    rows = []
    for line in read_data(name).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(rows)


@cache
def load_json(name: str) -> Any:
    """A JSON data file; a top-level ``"_source"`` key documents where its facts come from."""
    return json.loads(read_data(name))


def alternation(words: Any, *, flags: str = "") -> str:
    """A regex alternation of literal phrases, longest first so the longest phrase wins.

    Spaces in a phrase match any run of horizontal white space.
    """
    parts = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    escaped = [regex.escape(p).replace(r"\ ", r"[ \t\u00a0]+") for p in parts]
    body = "|".join(escaped) or r"(?!)"
    return f"(?{flags}:{body})" if flags else f"(?:{body})"
