"""Isolated plugin managers and a warm pipeline for tests (``newsparse.testing`` and fixtures)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, Protocol

import pluggy

from .api import _pipeline
from .models import Article
from .plugins import make_plugin_manager

__all__ = ["MakePluginManager", "ParseWith", "isolated_plugin_manager", "warm_up"]

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
