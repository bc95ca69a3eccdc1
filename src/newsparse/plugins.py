"""Plugin loading: built-in extractors, entry points, allow and block lists.

Environment:

``NEWSPARSE_PLUGINS``
    Comma-separated allow-list of third-party plugin names (entry-point names). When the variable
    is set, only those load; set and empty means built-ins only. Unset: every installed plugin.
``NEWSPARSE_BLOCK_PLUGINS``
    Comma-separated plugin names never to load, built-in ones included (``newsparse.quotes``).
``NEWSPARSE_DISABLE``
    Comma-separated extractor names to leave out of the pipeline.
"""

from __future__ import annotations

import importlib
import os
import threading
import weakref
from collections.abc import Iterable
from importlib.metadata import entry_points
from typing import Any

import pluggy

from . import hookspecs
from .errors import PluginError

__all__ = [
    "DEFAULT_PLUGINS",
    "DEFAULT_PLUGIN_NAMES",
    "ENTRY_POINT_GROUP",
    "get_plugin_manager",
    "make_plugin_manager",
]

ENTRY_POINT_GROUP = "newsparse"

#: Built-in plugins: registered through the same hooks a third-party plugin uses.
DEFAULT_PLUGINS: tuple[str, ...] = (
    "newsparse.extractors.segmentation",
    "newsparse.extractors.actors",
    "newsparse.extractors.quotes",
    "newsparse.extractors.ceasefire",
)
DEFAULT_PLUGIN_NAMES = frozenset(DEFAULT_PLUGINS)

_lock = threading.Lock()
# Which distribution each entry-point plugin came from, per manager, for `newsparse plugins`.
_dists: weakref.WeakKeyDictionary[pluggy.PluginManager, dict[str, Any]] = (
    weakref.WeakKeyDictionary()
)
_default_pm: pluggy.PluginManager | None = None


def _names(var: str) -> set[str] | None:
    raw = os.environ.get(var)
    if raw is None:
        return None
    return {x.strip() for x in raw.split(",") if x.strip()}


def make_plugin_manager(
    *,
    extra: Iterable[Any] = (),
    entry_points_enabled: bool = True,
    block: Iterable[str] = (),
) -> pluggy.PluginManager:
    """Build a fresh plugin manager: built-ins, installed plugins, then ``extra`` plugin objects."""
    pm = pluggy.PluginManager("newsparse")
    pm.add_hookspecs(hookspecs)
    blocked = set(block) | (_names("NEWSPARSE_BLOCK_PLUGINS") or set())
    for name in DEFAULT_PLUGINS:
        if name not in blocked:
            pm.register(importlib.import_module(name), name=name)
    dists: dict[str, Any] = {}
    _dists[pm] = dists
    if entry_points_enabled:
        allowed = _names("NEWSPARSE_PLUGINS")
        for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            if ep.name in blocked or (allowed is not None and ep.name not in allowed):
                continue
            if pm.has_plugin(ep.name):
                continue
            pm.register(ep.load(), name=ep.name)
            dists[ep.name] = getattr(ep, "dist", None)
    for plugin in extra:
        name = getattr(plugin, "__name__", None) or type(plugin).__name__
        if name in blocked:
            continue
        if pm.is_registered(plugin):
            continue
        pm.register(plugin, name=name if not pm.has_plugin(name) else None)
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        raise PluginError("NP204", str(exc)) from exc
    return pm


def get_plugin_manager() -> pluggy.PluginManager:
    """The process-wide default plugin manager, built on first use."""
    global _default_pm
    if _default_pm is None:
        with _lock:
            if _default_pm is None:
                _default_pm = make_plugin_manager()
    return _default_pm


def reset() -> None:
    """Forget the default plugin manager and pipeline (after installing plugins at run time)."""
    global _default_pm
    with _lock:
        _default_pm = None
    from . import api

    api._pipelines.clear()


def plugin_info(pm: pluggy.PluginManager) -> list[dict[str, Any]]:
    """Name, distribution version and hooks of every registered plugin."""
    dists = _dists.get(pm, {})
    out = []
    for plugin in pm.get_plugins():
        name = pm.get_name(plugin) or repr(plugin)
        dist = dists.get(name)
        hooks = sorted(h.name for h in pm.get_hookcallers(plugin) or [])
        out.append(
            {
                "name": name,
                "builtin": name in DEFAULT_PLUGIN_NAMES,
                "version": getattr(dist, "version", None) if dist else None,
                "distribution": dist.metadata["name"] if dist else None,
                "hooks": hooks,
            }
        )
    return sorted(out, key=lambda d: (not d["builtin"], d["name"]))
