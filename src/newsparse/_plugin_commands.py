"""The plugin author's side of the ``newsparse`` command: ``schema``, ``plugins``, ``new-plugin``,
the check that the pipeline can be built before any input is read, and the plugin records
section of the ``parse`` summary.

Each ``add_*_command`` registers one subcommand on the command's subparsers.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    import pluggy

    from .models import Article
    from .pipeline import Pipeline

__all__ = [
    "add_new_plugin_command",
    "add_plugins_command",
    "add_schema_command",
    "check_pipeline",
    "pipeline_report",
    "write_records",
]

# -- the pipeline, once, before any input ---------------------------------------------------------


def check_pipeline() -> Pipeline:
    """Build the installed plugins' pipeline, raising its ``PluginError`` (NP201…) now.

    Called before any input is read, so a pipeline that cannot be built is reported once, as a
    usage error, and not once per input record.
    """
    from .api import _pipeline

    return _pipeline(None)


# -- newsparse schema ---------------------------------------------------------------------------


def add_schema_command(sub: argparse._SubParsersAction[Any]) -> None:
    """Register ``newsparse schema [--builtin]``."""
    s = sub.add_parser(
        "schema",
        help="print the JSON Schema of an article, with the installed plugins' record kinds",
    )
    s.add_argument(
        "--builtin",
        action="store_true",
        help="the schema without plugins (the committed docs/schema/article.json)",
    )
    s.set_defaults(func=_cmd_schema)


def _cmd_schema(args: argparse.Namespace) -> int:
    from .schema import schema_json

    kinds = None if args.builtin else check_pipeline().record_kinds
    sys.stdout.write(schema_json(kinds))
    return 0


# -- newsparse plugins --------------------------------------------------------------------------


def add_plugins_command(sub: argparse._SubParsersAction[Any]) -> None:
    """Register ``newsparse plugins [--json]``."""
    pl = sub.add_parser(
        "plugins",
        help="list plugins, the extractors in the order they run (and what each replaces), "
        "and the record kinds",
    )
    pl.add_argument("--json", action="store_true", help="everything the text shows, as JSON")
    pl.set_defaults(func=_cmd_plugins)


def pipeline_report(pm: pluggy.PluginManager, pipeline: Pipeline) -> dict[str, Any]:
    """Everything ``newsparse plugins`` shows, as JSON-ready data.

    ``plugins``: each registered plugin with its distribution, version and hooks; ``pipeline``:
    the extractor names in the order they run; ``steps``: for each of them, the plugin and
    distribution it comes from, what it requires, provides and amends, and the extractor it
    replaces (``replaces_builtin`` when that one is a built-in); ``record_kinds``: each kind with
    its model and plugin; ``not_run``: extractors left out (disabled, or replaced).
    """
    from .pipeline import _call_each, _collect
    from .plugins import BUILTIN_PLUGINS, plugin_info

    plugins = plugin_info(pm)
    by_name = {p["name"]: p for p in plugins}
    found = _collect(pm)
    builtin = {ex.name for ex, label in found if label in BUILTIN_PLUGINS}

    def origin(label: str) -> dict[str, Any]:
        p = by_name.get(label, {})
        return {
            "plugin": label,
            "builtin": label in BUILTIN_PLUGINS,
            "distribution": p.get("distribution"),
            "version": p.get("version"),
        }

    steps = [
        {
            "extractor": s.extractor.name,
            **origin(s.plugin),
            "replaces": s.replaced,
            "replaces_builtin": s.replaced in builtin,
            "requires": list(s.extractor.requires),
            "provides": list(s.extractor.provides),
            "amends": list(s.extractor.amends),
        }
        for s in pipeline.steps
    ]
    owner = {
        kind: label for label, result in _call_each(pm, "newsparse_record_kinds") for kind in result
    }
    kinds = [
        {"kind": kind, "model": f"{model.__module__}.{model.__qualname__}", **origin(owner[kind])}
        for kind, model in sorted(pipeline.record_kinds.items())
    ]
    running = set(pipeline.names)
    replaced = {s.replaced for s in pipeline.steps if s.replaced}
    not_run = [
        {
            "extractor": ex.name,
            **origin(label),
            "why": "replaced" if ex.name in replaced else "disabled",
        }
        for ex, label in found
        if ex.name not in running
    ]
    return {
        "plugins": plugins,
        "pipeline": list(pipeline.names),
        "steps": steps,
        "record_kinds": kinds,
        "not_run": not_run,
    }


def _origin_text(item: Mapping[str, Any]) -> str:
    if item["builtin"]:
        return f"{item['plugin']} (built-in, {item['distribution']} {item['version']})"
    if item["distribution"] is None:
        return f"{item['plugin']} (not installed: registered in code)"
    return f"{item['plugin']} ({item['distribution']} {item['version']})"


def _write_report(report: Mapping[str, Any], out: TextIO) -> None:
    out.write("Plugins\n")
    for p in report["plugins"]:
        tag = f"{p['distribution']} {p['version']}" + (", built-in" if p["builtin"] else "")
        out.write(f"  {p['name']}  ({tag})  hooks: {', '.join(p['hooks'])}\n")
    out.write("\nPipeline, in the order it runs\n")
    width = max((len(s["extractor"]) for s in report["steps"]), default=0)
    for i, s in enumerate(report["steps"], 1):
        line = f"  {i}. {s['extractor']:<{width}}  from {_origin_text(s)}"
        if s["replaces"]:
            which = "the built-in" if s["replaces_builtin"] else "the"
            line += f"  replaces {which} extractor {s['replaces']!r}"
        out.write(line + "\n")
    for s in report["not_run"]:
        out.write(f"  -  {s['extractor']}  from {_origin_text(s)}  not run: {s['why']}\n")
    if report["record_kinds"]:
        out.write("\nRecord kinds\n")
        for k in report["record_kinds"]:
            out.write(f"  {k['kind']}  {k['model']}  from {_origin_text(k)}\n")


def _cmd_plugins(args: argparse.Namespace) -> int:
    pipeline = check_pipeline()
    report = pipeline_report(pipeline.pm, pipeline)
    if args.json:
        sys.stdout.write(json.dumps(report, indent=2) + "\n")
    else:
        _write_report(report, sys.stdout)
    return 0


# -- newsparse new-plugin ------------------------------------------------------------------------


def add_new_plugin_command(sub: argparse._SubParsersAction[Any]) -> None:
    """Register ``newsparse new-plugin NAME [--dir DIR]``."""
    n = sub.add_parser(
        "new-plugin",
        help="write a starter plugin package (entry point, extractor, record kind, tests)",
    )
    n.add_argument("name", help="the plugin's name: lower-case words joined by '-' (curfews)")
    n.add_argument("--dir", default=".", help="where to create newsparse-NAME/ (default: here)")
    n.set_defaults(func=_cmd_new_plugin)


def _cmd_new_plugin(args: argparse.Namespace) -> int:
    from .starter import plugin_fields, write_plugin

    root = write_plugin(args.name, args.dir)
    fields = plugin_fields(args.name)
    print(f"wrote {root}/ (plugin {fields['name']!r}, record kind {fields['kind']!r})")
    print("next:")
    print(f"  pip install -e '{root}[test]'")
    print(f"  cd {root} && python -m pytest")
    return 0


# -- plugin records in the parse summary ---------------------------------------------------------


def _value_text(value: Any, names: Mapping[str, str]) -> str:
    """A record field in a few characters: spans by their text, references by who they name."""
    if isinstance(value, dict):
        if {"start", "end", "text"} <= value.keys():
            text = str(value["text"])
            return repr(text if len(text) <= 40 else text[:39] + "…")
        if len(value) == 1:
            ((key, ref),) = value.items()
            if key == "actor" and isinstance(ref, str):
                return f"{names.get(ref, '?')} ({ref})"
            if key in ("quote", "claim"):
                return str(ref)
        return "{…}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value_text(v, names) for v in value[:3]) + "]"
    return str(value)


def write_records(article: Article, out: TextIO) -> None:
    """Write the plugin records of ``article``, one line each, after the built-in sections."""
    names = {a.id: a.name for a in article.actors}
    for kind, records in article.records.items():
        out.write(f"\nRecords: {kind} ({len(records)})\n")
        for i, record in enumerate(records):
            fields = " ".join(f"{k}={_value_text(v, names)}" for k, v in record.items())
            out.write(f"  {i:>4}  {fields}\n")
