"""The ``newsparse`` command: parse articles, print the schema, list plugins."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from .errors import NewsparseError

__all__ = ["main"]


def _summary(article: Any, out: TextIO) -> None:
    """Write a readable summary of one article."""
    names = {a.id: a.name for a in article.actors}
    out.write(f"# {article.title or article.id}\n")
    out.write(
        f"{len(article.text)} characters, {len(article.paragraphs)} paragraphs, "
        f"{len(article.sentences)} sentences\n\n"
    )
    out.write(f"Actors ({len(article.actors)})\n")
    for a in article.actors:
        extra = ", ".join(x for x in (a.country, "; ".join(a.titles)) if x)
        out.write(
            f"  {a.id:>4}  {a.name} [{a.kind}{', ' + extra if extra else ''}] x{len(a.mentions)}\n"
        )
    if article.places:
        out.write(f"Places ({len(article.places)})\n")
        for p in article.places:
            out.write(f"  {p.id:>4}  {p.name} x{len(p.mentions)}\n")
    out.write(f"\nQuotes ({len(article.quotes)})\n")
    for q in article.quotes:
        who = names.get(q.speaker or "", "?")
        cue = q.cue.text if q.cue else "-"
        body = q.text if len(q.text) <= 100 else q.text[:97] + "..."
        out.write(f"  {q.id:>4}  [{q.kind}] {who} ({cue}): {body!r}\n")
    out.write(f"\nCeasefire claims ({len(article.ceasefire_claims)})\n")
    for c in article.ceasefire_claims:
        src = "narrator" if c.source == "narrator" else names.get(c.source, c.source)
        parts = ", ".join(names.get(x, x) for x in c.parties) or "-"
        brokers = ", ".join(names.get(x, x) for x in c.brokers) or "-"
        flags = " ".join(
            f for f, on in (("negated", c.negated), ("hypothetical", c.hypothetical)) if on
        )
        out.write(
            f"  {c.id:>4}  {c.status}: {c.trigger.text!r} parties={parts} "
            f"brokers={brokers} source={src} {flags}\n"
        )
    for d in article.diagnostics:
        out.write(f"\n! {d.level} {d.code} in {d.extractor}: {d.message}\n")


def _cmd_parse(args: argparse.Namespace) -> int:
    from .api import dump_many, parse_many
    from .reader import BadRecord, iter_records

    bad = 0
    done_ids: set[str] = set()
    if args.resume and args.output:
        try:
            with open(args.output, encoding="utf-8") as fh:
                for line in fh:
                    try:
                        done_ids.add(str(json.loads(line)["id"]))
                    except (ValueError, KeyError, TypeError):
                        continue
        except FileNotFoundError:
            pass

    def good_records() -> Iterator[dict[str, Any]]:
        nonlocal bad
        for rec in iter_records(args.inputs, input_format=args.input_format):
            if isinstance(rec, BadRecord):
                bad += 1
                print(f"newsparse: skipped {rec.source}: {rec.error}", file=sys.stderr)
                continue
            if done_ids and str(rec.get("id")) in done_ids:
                continue
            yield rec

    def on_error(index: int, rid: str | None, exc: Exception) -> None:
        nonlocal bad
        bad += 1
        print(f"newsparse: record {rid or index} failed: {exc}", file=sys.stderr)

    fmt = args.format
    out: TextIO
    if args.output:
        out = open(args.output, "a" if args.resume else "w", encoding="utf-8")  # noqa: SIM115
    else:
        out = sys.stdout
    n = 0
    progress = _progress(args)
    opts: dict[str, Any] = {"jobs": args.jobs, "strict": args.strict, "on_error": on_error}
    try:
        if fmt in ("json", "jsonl"):
            # Serialised where it is parsed: a worker sends back a string, not a model tree.
            for line in dump_many(good_records(), indent=fmt == "json", **opts):
                n += 1
                out.write(line + "\n")
                if progress:
                    progress(n)
        else:
            for article in parse_many(good_records(), **opts):
                n += 1
                if n > 1:
                    out.write("\n" + "-" * 72 + "\n")
                _summary(article, out)
                if progress:
                    progress(n)
    finally:
        if progress:
            progress(n, final=True)
        if out is not sys.stdout:
            out.close()
    if bad:
        print(f"newsparse: {bad} input(s) could not be parsed", file=sys.stderr)
    if n == 0 and bad:
        return 1
    return 2 if bad and args.strict else (1 if bad and n == 0 else 0)


def _progress(args: argparse.Namespace) -> Any:
    if args.quiet or not sys.stderr.isatty():
        return None
    import time

    start = time.monotonic()

    def show(n: int, final: bool = False) -> None:
        if final or n % 50 == 0:
            rate = n / max(time.monotonic() - start, 1e-9)
            end = "\n" if final else ""
            print(f"\rnewsparse: {n} articles, {rate:.0f}/s", end=end, file=sys.stderr, flush=True)

    return show


def _cmd_schema(args: argparse.Namespace) -> int:
    from .schema import schema_json

    sys.stdout.write(schema_json())
    return 0


def _cmd_plugins(args: argparse.Namespace) -> int:
    from .pipeline import Pipeline
    from .plugins import get_plugin_manager, plugin_info

    pm = get_plugin_manager()
    info = plugin_info(pm)
    pipe = Pipeline(pm)
    if args.json:
        print(json.dumps({"plugins": info, "pipeline": list(pipe.names)}, indent=2))
        return 0
    for p in info:
        tag = "built-in" if p["builtin"] else f"{p['distribution']} {p['version']}"
        print(f"{p['name']}  ({tag})  hooks: {', '.join(p['hooks'])}")
    print("pipeline: " + " -> ".join(pipe.names))
    if pipe.record_kinds:
        print("record kinds: " + ", ".join(sorted(pipe.record_kinds)))
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``newsparse`` command."""
    from . import __version__

    ap = argparse.ArgumentParser(
        prog="newsparse",
        description="Actors, quotes and ceasefire claims from news articles, with exact offsets.",
    )
    ap.add_argument("--version", action="version", version=f"newsparse {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("parse", help="parse articles (.txt, .jsonl, folders, or - for stdin)")
    p.add_argument("inputs", nargs="+", help="files, folders, or - for standard input")
    p.add_argument(
        "--format",
        "-f",
        choices=["text", "json", "jsonl"],
        default="text",
        help="text: readable summary (default); json: indented; jsonl: one per line",
    )
    p.add_argument("--input-format", choices=["auto", "text", "jsonl", "html"], default="auto")
    p.add_argument("--output", "-o", help="write here instead of standard output")
    p.add_argument("--jobs", "-j", type=int, default=1, help="worker processes (0 = one per CPU)")
    p.add_argument(
        "--resume", action="store_true", help="append to --output, skipping ids already in it"
    )
    p.add_argument("--quiet", "-q", action="store_true", help="no progress on stderr")
    p.add_argument("--strict", action="store_true", help="fail on any extractor error")
    p.set_defaults(func=_cmd_parse)

    s = sub.add_parser("schema", help="print the JSON Schema of an article")
    s.set_defaults(func=_cmd_schema)

    pl = sub.add_parser("plugins", help="list plugins, their versions and hooks")
    pl.add_argument("--json", action="store_true")
    pl.set_defaults(func=_cmd_plugins)
    try:
        render = importlib.import_module("newsparse.render")
    except ImportError:
        pass
    else:
        render.add_show_command(sub)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except NewsparseError as exc:
        print(f"newsparse: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
