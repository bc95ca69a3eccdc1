"""The fixtures of the ``newsparse.testing`` pytest plugin (the one module that imports pytest)."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

import pluggy
import pytest

from ._isolation import MakePluginManager, ParseWith, isolated_plugin_manager, warm_up
from .api import parse
from .checks import assert_article_consistent
from .models import Article

__all__ = ["newsparse_parse", "newsparse_pm"]

#: Managers kept by ``newsparse_parse``, most recent last: a ``@given`` test that makes a new
#: plugin object per example must not keep one manager per example alive.
_KEPT = 8


@pytest.fixture(scope="session")
def newsparse_pm() -> MakePluginManager:
    """Make isolated plugin managers (``isolated_plugin_manager``); safe under ``@given``."""
    warm_up()
    return isolated_plugin_manager


@pytest.fixture(scope="session")
def newsparse_parse() -> ParseWith:
    """Parse with the built-ins plus given plugins, strictly; assert the article is consistent."""
    warm_up()
    managers: OrderedDict[tuple[int, ...], tuple[pluggy.PluginManager, tuple[object, ...]]]
    managers = OrderedDict()

    def run(text: str, *plugins: object, **meta: Any) -> Article:
        key = tuple(id(p) for p in plugins)
        hit = managers.get(key)
        # The plugins are kept with their manager, so an id matches only the same objects.
        if hit is None or any(a is not b for a, b in zip(hit[1], plugins, strict=True)):
            hit = managers[key] = (isolated_plugin_manager(*plugins), plugins)
            while len(managers) > _KEPT:
                managers.popitem(last=False)
        managers.move_to_end(key)
        article = parse(text, plugins=hit[0], strict=True, **meta)
        assert_article_consistent(article)
        return article

    return run
