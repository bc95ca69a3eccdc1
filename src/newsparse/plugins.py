"""Plugin loading: the built-in extractors, installed plugins, allow and block lists.

Environment:

``NEWSPARSE_PLUGINS``
    Comma-separated allow-list of installed plugin names (entry-point names). When the variable
    is set, only those load; set and empty means built-ins only. Unset: every installed plugin.
``NEWSPARSE_BLOCK_PLUGINS``
    Comma-separated plugin names never to load, built-in ones included (``newsparse.quotes``).
``NEWSPARSE_DISABLE``
    Comma-separated extractor names to leave out of the pipeline.

An installed plugin that fails to load is skipped with a ``PluginWarning`` (``NP209``): one
broken package must not stop every article from being parsed. A plugin passed in code
(``parse(text, plugins=[...])``) that fails raises ``PluginError`` instead.
"""

from __future__ import annotations

import importlib
import os
import threading
import warnings
from collections.abc import Iterable
from importlib.metadata import entry_points
from typing import Any

import pluggy

from . import hookspecs
from ._version import __version__
from .errors import PluginError

__all__ = [
    "BUILTIN_PLUGINS",
    "ENTRY_POINT_GROUP",
    "PluginWarning",
    "get_plugin_manager",
    "make_plugin_manager",
    "plugin_info",
    "plugin_label",
]

ENTRY_POINT_GROUP = "newsparse"

#: Built-in plugins: registered through the same hooks a third-party plugin uses.
BUILTIN_PLUGINS: tuple[str, ...] = (
    "newsparse.extractors.segmentation",
    "newsparse.extractors.actors",
    "newsparse.extractors.quotes",
    "newsparse.extractors.ceasefire",
)

_lock = threading.Lock()
_default_pm: pluggy.PluginManager | None = None


class PluginWarning(UserWarning):
    """An installed plugin could not be used and was skipped."""


def _names(var: str) -> set[str] | None:
    raw = os.environ.get(var)
    if raw is None:
        return None
    return {x.strip() for x in raw.split(",") if x.strip()}


def plugin_label(pm: pluggy.PluginManager, plugin: object) -> str:
    """How messages name a plugin: its registered name (a module path or an entry-point name)."""
    name = getattr(plugin, "__name__", None)
    if isinstance(name, str):
        return pm.get_name(plugin) or name
    registered = pm.get_name(plugin)
    if registered and not registered.isdigit():  # pluggy names unnamed objects by their id
        return registered
    return type(plugin).__name__


def _register(pm: pluggy.PluginManager, plugin: object, name: str) -> None:
    """Register one plugin, turning pluggy's complaints into coded errors that name it."""
    if pm.has_plugin(name) and pm.get_plugin(name) is not plugin:
        raise PluginError("NP210", f"two plugins are named {name!r}: rename one or block it")
    try:
        pm.register(plugin, name=name)
    except pluggy.PluginValidationError as exc:
        raise PluginError("NP204", f"plugin {name!r}: {exc}") from None
    except ValueError as exc:  # pluggy: the same object registered twice
        raise PluginError("NP210", f"plugin {name!r}: {exc}") from None


def _load_installed(pm: pluggy.PluginManager, allowed: set[str] | None) -> None:
    """Load entry-point plugins through pluggy; skip (with a warning) any that fails."""
    names = sorted({ep.name for ep in entry_points(group=ENTRY_POINT_GROUP)})
    for name in names:
        if allowed is not None and name not in allowed:
            pm.set_blocked(name)
    while True:
        try:
            pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
            return
        except Exception as exc:  # a plugin's import or registration failed: find and skip it
            bad = _first_failing(pm, names)
            if bad is None:
                raise PluginError("NP209", f"loading installed plugins failed: {exc}") from exc
            warnings.warn(
                f"[NP209] installed newsparse plugin {bad!r} is skipped: "
                f"{type(exc).__name__}: {exc}",
                PluginWarning,
                stacklevel=4,
            )
            if pm.has_plugin(bad):
                pm.unregister(name=bad)
            pm.set_blocked(bad)


def _first_failing(pm: pluggy.PluginManager, names: list[str]) -> str | None:
    for name in names:
        if pm.has_plugin(name) or pm.is_blocked(name):
            continue
        try:
            pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP, name=name)
        except Exception:
            return name
    return None


def make_plugin_manager(
    *,
    extra: Iterable[Any] = (),
    entry_points_enabled: bool = True,
    block: Iterable[str] = (),
) -> pluggy.PluginManager:
    """Build a fresh plugin manager: built-ins, installed plugins, then ``extra`` plugin objects."""
    pm = pluggy.PluginManager("newsparse")
    pm.add_hookspecs(hookspecs)
    for name in set(block) | (_names("NEWSPARSE_BLOCK_PLUGINS") or set()):
        pm.set_blocked(name)
    for builtin in BUILTIN_PLUGINS:
        if not pm.is_blocked(builtin):
            _register(pm, importlib.import_module(builtin), builtin)
    if entry_points_enabled:
        _load_installed(pm, _names("NEWSPARSE_PLUGINS"))
    for plugin in extra:
        module_name: str | None = getattr(plugin, "__name__", None)
        if pm.is_registered(plugin) or (module_name is not None and pm.is_blocked(module_name)):
            continue
        if module_name is None:  # an object, not a module: pluggy names it; messages use its class
            if pm.is_blocked(type(plugin).__name__):
                continue
            try:
                pm.register(plugin)
            except pluggy.PluginValidationError as exc:
                raise PluginError("NP204", f"plugin {type(plugin).__name__!r}: {exc}") from None
            continue
        _register(pm, plugin, module_name)
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        label = plugin_label(pm, exc.plugin)
        raise PluginError("NP204", f"plugin {label!r}: {_first_line(exc)}") from None
    return pm


def _first_line(exc: BaseException) -> str:
    """Pluggy's message without the plugin's object repr (the label names the plugin)."""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text.split(" in plugin ", 1)[0]


def get_plugin_manager() -> pluggy.PluginManager:
    """The process-wide default plugin manager, built on first use."""
    global _default_pm
    if _default_pm is None:
        with _lock:
            if _default_pm is None:
                _default_pm = make_plugin_manager()
    return _default_pm


def reset() -> None:
    """Forget the default plugin manager (after installing plugins at run time)."""
    global _default_pm
    with _lock:
        _default_pm = None


def installed(pm: pluggy.PluginManager) -> dict[str, tuple[str, str]]:
    """``{plugin name: (distribution, version)}`` for plugins loaded from entry points."""
    out = {}
    for plugin, dist in pm.list_plugin_distinfo():
        name = plugin_label(pm, plugin)
        out[name] = (str(dist.metadata["name"]), str(dist.version))
    return out


def plugin_info(pm: pluggy.PluginManager) -> list[dict[str, Any]]:
    """Name, distribution, version and hooks of every registered plugin, built-ins first."""
    dists = installed(pm)
    out = []
    for plugin in pm.get_plugins():
        name = plugin_label(pm, plugin)
        builtin = name in BUILTIN_PLUGINS
        dist, version = dists.get(name, ("newsparse", __version__) if builtin else (None, None))
        out.append(
            {
                "name": name,
                "builtin": builtin,
                "distribution": dist,
                "version": version,
                "hooks": sorted(h.name for h in pm.get_hookcallers(plugin) or []),
            }
        )
    return sorted(out, key=lambda d: (not d["builtin"], d["name"]))
