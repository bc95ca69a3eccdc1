"""The ``newsparse`` command: parse articles, print the schema, list plugins."""

from __future__ import annotations

import argparse
import importlib
import io
import os
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO, cast

from ._plugin_commands import (
    add_new_plugin_command,
    add_plugins_command,
    add_schema_command,
    check_pipeline,
    write_records,
)
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
    write_records(article, out)
    for d in article.diagnostics:
        out.write(f"\n! {d.level} {d.code} in {d.extractor}: {d.message}\n")


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors carry a code (NP401) and never exit the process."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        raise NewsparseError("NP401", f"{self.prog}: {message}")


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError(f"{jobs}: give 1 or more workers, or 0 for one per CPU")
    return jobs


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds") from None
    if not seconds > 0:
        raise argparse.ArgumentTypeError(f"{value}: give a time budget above 0 seconds")
    return seconds


def _check_output(path: str, inputs: Sequence[str]) -> None:
    """Refuse an output that cannot be written, or that is one of the inputs, before any work."""
    target = Path(path)
    if target.is_dir():
        raise NewsparseError("NP401", f"-o {path} is a folder: give a file name")
    if not target.parent.is_dir():
        raise NewsparseError("NP401", f"-o {path}: the folder {target.parent} does not exist")
    from .reader import FOLDER_SUFFIXES

    for p in inputs:
        source = Path(p)
        if p == "-" or not source.exists():
            continue
        if source.is_file() and target.exists() and os.path.samefile(source, target):
            raise NewsparseError("NP401", f"-o {path} is also an input: it would be overwritten")
        if (
            source.is_dir()
            and target.suffix in FOLDER_SUFFIXES
            and os.path.samefile(source, target.parent)
        ):
            # It would be read back as input while it is written: a run that never ends.
            raise NewsparseError(
                "NP401", f"-o {path} is inside the input folder {p}, which would read it back"
            )


def _open_output(path: str, mode: str) -> TextIO:
    try:
        return cast("TextIO", open(path, mode, encoding="utf-8"))
    except OSError as exc:
        raise NewsparseError("NP401", f"cannot write {path}: {exc.strerror}") from None


def _line_id(line: str, where: str) -> str:
    """The id of one article line of an output file, or NP404 when it is not one.

    The whole line is read, not just its start: a line fused from two writes must not pass.
    """
    from .reader import load_json

    try:
        obj = load_json(line, where)
    except NewsparseError as exc:
        raise NewsparseError("NP404", f"{where} is not an article line: {exc.message}") from None
    if not (isinstance(obj, dict) and isinstance(obj.get("id"), str)):
        raise NewsparseError("NP404", f"{where} is not an article line (no string 'id')")
    if not isinstance(obj.get("text"), str):
        raise NewsparseError("NP404", f"{where} is not an article line (no string 'text')")
    return str(obj["id"])


def _resume_from(path: str) -> Counter[str]:
    """The ids already written to ``path``, counted; a half-written last line is cut off first.

    Checks the whole file before changing it: a line that is not UTF-8 or not an article stops
    the run with NP404 and leaves the file as it was.
    """
    done: Counter[str] = Counter()
    try:
        fh = open(path, "rb")  # noqa: SIM115
    except FileNotFoundError:
        return done
    except OSError as exc:
        raise NewsparseError("NP404", f"cannot read {path}: {exc.strerror}") from None
    complete = 0
    partial = 0
    with fh:
        for n, raw in enumerate(fh, 1):
            if not raw.endswith(b"\n"):
                partial = len(raw)  # only the last line can lack its newline
                break
            complete += len(raw)
            if not raw.strip():
                continue
            where = f"{path}:{n}"
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise NewsparseError(
                    "NP404",
                    f"{where}: byte {exc.start} is not UTF-8, so it is not newsparse output",
                ) from None
            done[_line_id(line, where)] += 1
    if partial:
        try:
            os.truncate(path, complete)
        except OSError as exc:
            raise NewsparseError("NP404", f"cannot cut {path}: {exc.strerror}") from None
        print(
            f"newsparse: note: {path}: removed a half-written last line ({partial} bytes)",
            file=sys.stderr,
        )
    return done


class _ParseRun:
    """One ``newsparse parse``: its records in, its lines out, and what went wrong on the way."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.output: str | None = None if args.output in (None, "-") else args.output
        if args.resume and args.format != "jsonl":
            raise NewsparseError(
                "NP403", f"--resume cannot be exact with --format {args.format}; use --format jsonl"
            )
        if args.resume and self.output is None:
            raise NewsparseError("NP403", "--resume needs the output file to append to: -o OUT")
        if self.output is not None:
            _check_output(self.output, args.inputs)
        check_pipeline()  # NP201 and the like: once, before any input is read
        self.done = _resume_from(self.output) if args.resume and self.output else Counter[str]()
        self.bad = self.missing = self.skipped = self.written = 0

    def records(self) -> Iterator[dict[str, Any]]:
        """The inputs' records still to parse; the unreadable ones are reported and counted."""
        from .reader import BadRecord, iter_records

        args = self.args
        for rec in iter_records(args.inputs, input_format=args.input_format, on_note=_note):
            if isinstance(rec, BadRecord):
                self.bad += 1
                if rec.error.code == "NP103":
                    self.missing += 1
                    print(f"newsparse: error: {rec.error}", file=sys.stderr)
                else:
                    print(f"newsparse: skipped {rec.source}: {rec.error}", file=sys.stderr)
            elif not self._already_written(rec):
                yield rec

    def _already_written(self, rec: dict[str, Any]) -> bool:
        from ._meta import meta_value

        rid = meta_value("id", rec.get("id"))[0] if self.done else None
        if rid is None or self.done[rid] <= 0:
            return False
        # One skip per line already written, so a repeated id is parsed again as often as it
        # occurs in the input beyond what the output holds.
        self.done[rid] -= 1
        self.skipped += 1
        return True

    def on_error(self, index: int, rid: str | None, exc: Exception) -> None:
        """Report a record that failed, and count it."""
        self.bad += 1
        reason = exc if isinstance(exc, NewsparseError) else f"{type(exc).__name__}: {exc}"
        print(f"newsparse: record {rid or index} failed: {reason}", file=sys.stderr)

    def pieces(self) -> Iterator[str]:
        """The text to write, one article at a time."""
        from .api import dump_many, parse_many

        fmt = self.args.format
        opts: dict[str, Any] = {
            "jobs": self.args.jobs,
            "strict": self.args.strict,
            "timeout": self.args.timeout,
            "on_error": self.on_error,
        }
        if fmt in ("json", "jsonl"):
            # Serialised where it is parsed: a worker sends back a string, not a model tree.
            for line in dump_many(self.records(), indent=fmt == "json", **opts):
                yield line + "\n"
            return
        for n, article in enumerate(parse_many(self.records(), **opts)):
            buf = io.StringIO()
            if n:
                buf.write("\n" + "-" * 72 + "\n")
            _summary(article, buf)
            yield _printable(buf.getvalue())

    def run(self) -> int:
        """Parse and write everything; the exit status."""
        mode = "a" if self.args.resume else "w"
        out = sys.stdout if self.output is None else _open_output(self.output, mode)
        where = self.output or "standard output"
        progress = _progress(self.args)
        try:
            for piece in self.pieces():
                _write(out, piece, where)
                self.written += 1
                if progress:
                    progress(self.written)
        finally:
            if progress:
                progress(self.written, final=True)
            if out is not sys.stdout:
                _close(out, where)
        return self._status()

    def _status(self) -> int:
        left = sum(self.done.values())
        if left:
            print(
                f"newsparse: note: {left} article(s) already in {self.output} "
                "match no input record",
                file=sys.stderr,
            )
        if self.bad:
            print(f"newsparse: {self.bad} input(s) could not be parsed", file=sys.stderr)
        if self.missing or (self.bad and self.args.strict):
            return 2
        return 1 if self.bad and self.written == 0 and self.skipped == 0 else 0


def _note(src: Any, message: str) -> None:
    print(f"newsparse: note: {src}: {message}", file=sys.stderr)


def _write(out: TextIO, text: str, where: str) -> None:
    try:
        out.write(text)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise NewsparseError("NP405", f"cannot write {where}: {exc.strerror or exc}") from None


def _close(out: TextIO, where: str) -> None:
    try:
        out.close()
    except OSError as exc:  # the last buffered lines could not be written
        raise NewsparseError("NP405", f"cannot write {where}: {exc.strerror or exc}") from None


def _cmd_parse(args: argparse.Namespace) -> int:
    return _ParseRun(args).run()


def _printable(text: str) -> str:
    """``text`` with any lone surrogate (only a plugin can put one there) shown escaped."""
    from ._meta import surrogate_at

    if surrogate_at(text) is None:
        return text
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


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


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``newsparse`` command."""
    from . import __version__

    ap = _Parser(
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
    p.add_argument("--jobs", "-j", type=_jobs, default=1, help="worker processes (0 = one per CPU)")
    p.add_argument(
        "--resume",
        action="store_true",
        help="with -f jsonl: append to --output, skipping the articles already in it",
    )
    p.add_argument("--quiet", "-q", action="store_true", help="no progress on stderr")
    p.add_argument("--strict", action="store_true", help="fail on any extractor error")
    p.add_argument(
        "--timeout",
        type=_seconds,
        metavar="SECONDS",
        help="time budget per article: past it, what was found so far is kept (NP303)",
    )
    p.set_defaults(func=_cmd_parse)

    add_schema_command(sub)
    add_plugins_command(sub)
    add_new_plugin_command(sub)
    try:
        render = importlib.import_module("newsparse.render")
    except ImportError:
        pass
    else:
        render.add_show_command(sub)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    try:
        args = build_parser().parse_args(argv)
        return int(args.func(args))
    except NewsparseError as exc:
        print(f"newsparse: error: {exc}", file=sys.stderr)
        return 2
    except SystemExit as exc:  # --help and --version
        return exc.code if isinstance(exc.code, int) else 0
    except BrokenPipeError:
        return 0
    except OSError as exc:  # after the checks made up front: a disk that fills, a device error
        where = f"{exc.filename}: " if exc.filename else ""
        failure = NewsparseError("NP405", f"{where}{exc.strerror or exc}")
        print(f"newsparse: error: {failure}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
