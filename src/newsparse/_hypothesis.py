"""Entry point run by hypothesis at import: makes ``st.from_type(Article)`` work downstream."""

from __future__ import annotations

import importlib


def _hypothesis_setup_hook() -> None:
    """Register newsparse's strategies for its model types (lazily: nothing heavy is imported)."""
    try:
        strategies = importlib.import_module("newsparse.strategies")
    except ImportError:  # a partial install without the strategies module
        return
    strategies.register_type_strategies()
