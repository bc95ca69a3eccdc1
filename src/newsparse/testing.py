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

from importlib.util import find_spec

from ._isolation import MakePluginManager, ParseWith, isolated_plugin_manager, warm_up
from .checks import article_problems, assert_article_consistent

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

if find_spec("pytest") is not None:  # the fixtures; the checks above work without pytest
    from ._fixtures import newsparse_parse, newsparse_pm
