"""Entry point run by hypothesis at import: makes ``st.from_type(Article)`` work downstream."""

from __future__ import annotations

import importlib
import sys


def _hypothesis_setup_hook() -> None:
    """Register newsparse's strategies for its model types; loads no plugins and no rule data."""
    if "newsparse.strategies" in sys.modules:
        # Either done already, or newsparse.strategies is being imported right now and imported
        # hypothesis itself: it registers its strategies when its own import finishes.
        return
    try:
        importlib.import_module("newsparse.strategies")  # registers on import
    except ImportError:  # hypothesis itself missing or broken: nothing to register with
        return
