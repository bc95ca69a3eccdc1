"""The plugin contract: every hook a newsparse plugin may implement.

Built-in extractors use exactly these hooks. Plugins are modules or objects whose functions carry
the ``hookimpl`` marker; third-party ones are found through the ``newsparse`` entry-point group.
Hooks only ever gain arguments; implementations may accept any subset of a hook's arguments.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from pydantic import BaseModel

    from .extractor import Extractor

__all__ = ["hookimpl", "hookspec"]

hookspec = pluggy.HookspecMarker("newsparse")
#: Marker for plugin hook implementations: ``@newsparse.hookimpl``.
hookimpl = pluggy.HookimplMarker("newsparse")


@hookspec
def newsparse_extractors() -> Iterable[Extractor]:
    """Return the extractors this plugin contributes.

    Called once when a pipeline is built (not per article). Each extractor names what it
    ``requires`` and ``provides``; the pipeline runs them in an order that satisfies those, whatever
    order plugins were registered in. An extractor takes another's place (a built-in's, say) only by
    declaring ``replaces="<name>"``; two extractors of one ``name`` are an error (NP203). Results
    from all plugins are collected.

    *Added in 0.1.*
    """


@hookspec
def newsparse_record_kinds() -> Mapping[str, type[BaseModel]]:
    """Return ``{kind: model}`` for the record kinds this plugin adds to ``Article.records``.

    Records that extractors add under ``kind`` are validated with ``model`` and stored as JSON
    objects, so articles stay JSON-serialisable whatever plugins produced them. Kinds must be unique
    across plugins; use a prefix of your plugin's name for anything generic.

    *Added in 0.1.*
    """


@hookspec
def newsparse_disabled_extractors() -> Iterable[str]:
    """Return names of extractors to leave out of the pipeline (built-in ones included).

    Lets a plugin switch off a built-in it does not want to replace. A disabled extractor whose
    output another extractor requires makes pipeline construction fail with ``NP201``.

    *Added in 0.1.*
    """
