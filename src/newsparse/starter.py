"""A starter for plugin authors: ``newsparse new-plugin NAME`` writes a package that works.

The package has the entry point, one extractor, one record kind (a word list matched in each
sentence and linked to the sentence's actor) and tests that pass as written. The templates are
the files under ``newsparse/templates/plugin/``; ``__package__`` and ``__kind__`` in a file name,
and ``$name``-style fields in a file, are filled in.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from string import Template

import regex

from ._version import __version__
from .errors import NewsparseError

__all__ = ["plugin_fields", "write_plugin"]

_NAME = regex.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
#: Names of the built-in extractors: a plugin's extractor of the same name would clash (NP203).
_TAKEN = frozenset({"segmentation", "actors", "quotes", "ceasefire"})


def plugin_fields(name: str) -> dict[str, str]:
    """The names a plugin called ``name`` gets: distribution, package, record kind, model.

    ``name`` is lower case words joined by hyphens (``curfews``, ``road-blocks``); a leading
    ``newsparse-`` is dropped. Anything else raises ``NewsparseError`` (``NP401``).
    """
    short = name.removeprefix("newsparse-")
    if not _NAME.fullmatch(short):
        raise NewsparseError(
            "NP401",
            f"plugin name {name!r}: use lower-case letters and digits, words joined by '-' "
            "(e.g. road-blocks)",
        )
    kind = short.replace("-", "_")
    if kind in _TAKEN:
        raise NewsparseError("NP401", f"plugin name {name!r} is a built-in extractor's name")
    return {
        "name": short,
        "distribution": f"newsparse-{short}",
        "package": f"newsparse_{kind}",
        "kind": kind,
        "model": "".join(w.capitalize() for w in short.split("-")) + "Record",
        "newsparse_version": __version__,
    }


def _templates() -> Traversable:
    return resources.files("newsparse").joinpath("templates", "plugin")


def _walk(folder: Traversable, into: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], str]]:
    out: list[tuple[tuple[str, ...], str]] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_dir():
            out.extend(_walk(entry, (*into, entry.name)))
        elif entry.name.endswith(".tmpl"):
            out.append(((*into, entry.name), entry.read_text(encoding="utf-8")))
    return out


def write_plugin(name: str, where: Path | str = ".") -> Path:
    """Write the starter package for plugin ``name`` into a new folder under ``where``.

    Returns the folder (``where/newsparse-NAME``). An existing folder is never overwritten
    (``NP401``).
    """
    fields = plugin_fields(name)
    root = Path(where) / fields["distribution"]
    if root.exists():
        raise NewsparseError("NP401", f"{root} exists already: pick another name or folder")
    if not Path(where).is_dir():
        raise NewsparseError("NP401", f"{where} is not a folder")
    files = _walk(_templates())
    for parts, template in files:
        names = [
            p.replace("__package__", fields["package"]).replace("__kind__", fields["kind"])
            for p in parts
        ]
        target = root.joinpath(*names[:-1], names[-1].removesuffix(".tmpl"))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(Template(template).substitute(fields), encoding="utf-8")
    return root
