"""The pytest plugin for plugin authors and for projects that store or render articles.

Enable it in a test module or your top-level ``conftest.py``::

    pytest_plugins = ["newsparse.testing"]

It gives the ``newsparse_pm`` and ``newsparse_parse`` fixtures (the built-in extractors plus the
plugins under test, with installed plugins and ``NEWSPARSE_*`` variables ignored). Both warm the
pipeline before your first test runs, so a hypothesis test's first example is not charged with
compiling newsparse's patterns. The consistency checks live in ``newsparse.checks`` (no pytest
needed) and are re-exported here; this module imports pytest only to define the fixtures.

Failures are raised explicitly, so pytest need not rewrite this module's asserts:
PYTEST_DONT_REWRITE (which also spares you a warning when a test module imports it first).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from importlib.util import find_spec
from typing import Any, Protocol

import pluggy

from .api import _pipeline
from .checks import article_problems, assert_article_consistent
from .models import Article
from .plugins import make_plugin_manager

__all__ = [
    "MakePluginManager",
    "ParseWith",
    "article_problems",
    "assert_article_consistent",
    "isolated_plugin_manager",
    "newsparse_parse",
    "newsparse_pm",
    "warm_up",
]

_ENV = ("NEWSPARSE_PLUGINS", "NEWSPARSE_BLOCK_PLUGINS", "NEWSPARSE_DISABLE")


class MakePluginManager(Protocol):
    """What the ``newsparse_pm`` fixture returns."""

    def __call__(self, *plugins: object, block: Iterable[str] = ()) -> pluggy.PluginManager:
        """A fresh plugin manager: the built-ins, then ``plugins`` (minus ``block``)."""
        ...


class ParseWith(Protocol):
    """What the ``newsparse_parse`` fixture returns."""

    def __call__(self, text: str, *plugins: object, **meta: Any) -> Article:
        """Parse ``text`` with the built-ins plus ``plugins``, strictly, and check the result."""
        ...


@contextmanager
def _no_env() -> Iterator[None]:
    """Hide the ``NEWSPARSE_*`` variables while a manager and its pipeline are built."""
    saved = {var: os.environ.pop(var) for var in _ENV if var in os.environ}
    try:
        yield
    finally:
        os.environ.update(saved)


def isolated_plugin_manager(*plugins: object, block: Iterable[str] = ()) -> pluggy.PluginManager:
    """A plugin manager with the built-ins and ``plugins`` only, whatever is installed or set.

    Installed entry-point plugins are not loaded and the ``NEWSPARSE_*`` variables are ignored;
    ``newsparse.parse(text, plugins=pm)`` then runs exactly these extractors.
    """
    with _no_env():
        pm = make_plugin_manager(extra=plugins, entry_points_enabled=False, block=block)
        _pipeline(pm)  # build (and cache) its pipeline now, while the variables are hidden
    return pm


_warm = False


def warm_up() -> None:
    """Run the built-in extractors once, so their patterns are compiled before tests are timed.

    The first parse in a process compiles every pattern and takes about a second, far beyond
    hypothesis' 200 ms deadline; later parses of a short text take milliseconds. The fixtures
    call this; call it yourself (e.g. in a session fixture) when your tests parse without them.
    """
    global _warm
    if not _warm:
        from .api import _WARM_UP, parse

        parse(_WARM_UP, plugins=isolated_plugin_manager())
        _warm = True


if find_spec("pytest") is not None:  # the fixtures; the checks above work without pytest
    from ._fixtures import newsparse_parse, newsparse_pm
