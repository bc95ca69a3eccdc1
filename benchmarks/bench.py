"""Speed and scale of newsparse, each figure beside a baseline measured in the same run.

    python benchmarks/bench.py                      # everything, a table on stdout
    python benchmarks/bench.py --json               # the same figures as JSON
    python benchmarks/bench.py --only throughput,import --quick

Sections:

``throughput``  the full pipeline over the BBC corpus and over the seed article, articles/s, MB/s
                (MB = 10^6 bytes of UTF-8) and traced peak memory, beside a bare single-pattern
                quote scan over the same texts, plus the time each extractor takes.
``import``      ``import newsparse`` against importing pydantic and building one trivial model, in
                fresh interpreters, best of N; whether hypothesis got imported; the first parse.
``memory``      peak resident memory of a process streaming 10,000 articles through parse_many.
``scaling``     seconds per MB from 1 KB to 10 MB on synthetic and adversarial texts; linear time
                keeps the per-MB figure flat, so the ratio largest/100 KB stays near 1.
``workers``     1 against 2 worker processes, through parse_many and through ``newsparse parse``.

Third-party plugins are left out (``NEWSPARSE_PLUGINS=""``) unless ``--plugins`` is given, so the
figures are those of newsparse's own pipeline.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_BBC = ROOT.parent / "shared" / "eval" / "dev" / "bbc_fulltext.jsonl"
DEFAULT_SEED = ROOT / "seeds" / "000_89980257a6cb7ec4.txt"
MIB = 1024 * 1024
MB = 1_000_000

# The naive baseline: one pattern, curly or straight double quotes, matched pairs only.
BASELINE_PATTERN = '“[^”]*”|"[^"]*"'

TARGETS = {
    "mb_per_s": 2.5,
    "slower_than_scan": 15.0,
    "import_extra_ms": 60.0,
    "stream_peak_mib": 100.0,
    "speedup_2_workers": 1.8,
}


# -- helpers ---------------------------------------------------------------------------------------


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _mb(texts: Iterable[str]) -> float:
    return sum(len(t.encode("utf-8", "surrogatepass")) for t in texts) / MB


def _best(fn: Callable[[], Any], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def _child_env(plugins: bool) -> dict[str, str]:
    env = dict(os.environ)
    if not plugins:
        env["NEWSPARSE_PLUGINS"] = ""
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    return env


def _run_child(args: list[str], plugins: bool, timeout: float = 900) -> dict[str, Any]:
    """Run this script in a fresh interpreter with ``--child …`` and return its JSON answer."""
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", *args],
        capture_output=True,
        text=True,
        env=_child_env(plugins),
        timeout=timeout,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"child {args} failed:\n{proc.stderr[-2000:]}")
    answer: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return answer


def _records_from(path: Path, n: int) -> Iterator[dict[str, Any]]:
    """``n`` records read lazily from a JSONL file, cycling over it, each with a unique id."""
    done = 0
    for lap in itertools.count():
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if done >= n:
                    return
                rec = json.loads(line)
                rec["id"] = f"{rec.get('id')}#{lap}"
                yield rec
                done += 1


# -- the synthetic and adversarial texts ----------------------------------------------------------

# Our own sentences, written for this benchmark: news prose with headlines, quotes, titles, claims.
_PROSE = (
    "Ministers agree to resume border talks\n\n"
    "“We are ready to sign tomorrow,” Foreign Minister Amira Haddad told reporters on Tuesday. "
    "The rebel commander, Colonel Tomas Reyes, said his fighters would observe a 72-hour truce "
    "brokered by the African Union.\n\n"
    "According to the ministry, at least 40 people were killed in clashes last week. President "
    "Lena Ortiz accused the militia of violating the ceasefire, which took effect on 3 March. "
    "“This is not over,” she said.\n\n"
    "Mr. Reyes denied the claim. U.N. envoy Karl Brandt called for an immediate halt to the "
    "fighting and said talks would continue in Geneva.\n\n"
)
_KINDS: dict[str, str] = {
    "prose": _PROSE,
    # Quotation marks, curly and straight, balanced and not: every one a candidate quote.
    "quotes": '“Yes” he said “no ” she said "maybe" “ and ” \' “ ” " ',
    "no_punctuation": "the talks went on and the army waited while officials met again ",
    "one_paragraph": (
        "The minister said the talks would resume. Officials in Kabul said “the truce holds”. "
        "General Omar Farouk accused the rebels of violating the ceasefire. "
    ),
    "repeated_titles": "President Prime Minister General Secretary Foreign Minister Colonel ",
}


def synthetic(kind: str, size: int) -> str:
    """A text of about ``size`` characters of one synthetic kind (no trailing cut mid-word)."""
    unit = _KINDS[kind]
    text = unit * (size // len(unit) + 1)
    return text[:size].rsplit(" ", 1)[0] if size > len(unit) else text[:size]


# -- child tasks (each runs in a fresh interpreter) -----------------------------------------------


def child_import(mode: str) -> dict[str, Any]:
    """Time one import in this fresh interpreter."""
    start = time.perf_counter()
    if mode == "pydantic":
        import pydantic

        class Trivial(pydantic.BaseModel):
            x: int

        Trivial(x=1)
        elapsed = time.perf_counter() - start
        return {"seconds": elapsed}
    import newsparse

    elapsed = time.perf_counter() - start
    hyp = "hypothesis" in sys.modules
    # The models' validators are built on first use: build them, as a first parse would.
    start = time.perf_counter()
    newsparse.Article.model_validate({"id": "x", "text": ""})
    models = time.perf_counter() - start
    start = time.perf_counter()
    newsparse.parse(_PROSE)
    first = time.perf_counter() - start
    return {
        "seconds": elapsed,
        "hypothesis_imported": hyp,
        "build_models_seconds": models,
        "first_parse_seconds": first,
        "modules": len(sys.modules),
    }


def child_stream(path: str, n: int, jobs: int) -> dict[str, Any]:
    """Stream ``n`` records through parse_many and report peak resident memory."""
    import newsparse

    newsparse.parse(_PROSE)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    count = 0
    chars = 0
    start = time.perf_counter()
    for article in newsparse.parse_many(_records_from(Path(path), n), jobs=jobs):
        count += 1
        chars += len(article.text)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "articles": count,
        "chars": chars,
        "seconds": elapsed,
        "peak_rss_mib": peak,
        "rss_after_import_mib": base,
        "peak_worker_rss_mib": children,
    }


def child_scaling(kind: str, size: int) -> dict[str, Any]:
    """Parse one synthetic text of one size; check its spans."""
    import newsparse

    newsparse.parse(_PROSE)
    text = synthetic(kind, size)
    # Small texts are timed over repeats so the figure is not one timer tick.
    reps = max(1, min(200, 20_000 // max(size, 1)))
    spans_ok = True

    def run() -> None:
        nonlocal spans_ok
        for _ in range(reps):
            art = newsparse.parse(text)
        spans_ok = all(text[s.start : s.end] == s.text for _, s in art.iter_spans())

    seconds = _best(run, 2 if size <= 1_000_000 else 1) / reps
    mb = _mb([text])
    return {
        "size": size,
        "mb": mb,
        "seconds": seconds,
        "s_per_mb": seconds / mb,
        "spans_ok": spans_ok,
    }


# -- sections -------------------------------------------------------------------------------------


def _timed_pipeline() -> tuple[Any, dict[str, float]]:
    """A copy of the default pipeline whose extractors add their run time to a dict."""
    import copy

    from newsparse.api import _pipeline
    from newsparse.pipeline import Extractor

    pipe = copy.copy(_pipeline(None))
    times: dict[str, float] = {ex.name: 0.0 for ex in pipe.extractors}

    def timed(ex: Extractor) -> Extractor:
        def run(draft: Any) -> None:
            start = time.perf_counter()
            try:
                ex.run(draft)
            finally:
                times[ex.name] += time.perf_counter() - start

        return Extractor(name=ex.name, run=run, requires=ex.requires, provides=ex.provides)

    pipe.extractors = tuple(timed(ex) for ex in pipe.extractors)
    return pipe, times


def throughput(corpus: str, records: list[dict[str, Any]], repeat: int) -> dict[str, Any]:
    """The full pipeline beside the bare quote scan, over the same texts."""
    import regex

    import newsparse

    texts = [r["text"] for r in records]
    mb = _mb(texts)
    newsparse.parse(_PROSE)  # compile the lazy patterns outside the timing

    def pipeline() -> None:
        for _ in newsparse.parse_many(records):
            pass

    scan = regex.compile(BASELINE_PATTERN)

    def baseline() -> None:
        for text in texts:
            [(m.start(), m.end()) for m in scan.finditer(text)]

    import re

    scan_re = re.compile(BASELINE_PATTERN)

    def baseline_re() -> None:
        for text in texts:
            [(m.start(), m.end()) for m in scan_re.finditer(text)]

    t_pipe = _best(pipeline, repeat)
    t_scan = _best(baseline, max(3, repeat))
    t_scan_re = _best(baseline_re, max(3, repeat))

    # Where the time goes: each extractor, then validation into the Article.
    pipe, times = _timed_pipeline()
    from newsparse.api import _record_args

    start = time.perf_counter()
    for rec in records:
        text, meta = _record_args(rec)
        pipe.run(text, **meta)
    total = time.perf_counter() - start
    stages = dict(times)
    stages["validation and the rest"] = max(0.0, total - sum(times.values()))

    tracemalloc.start()
    pipeline()
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "corpus": corpus,
        "articles": len(records),
        "mb": mb,
        "seconds": t_pipe,
        "articles_per_s": len(records) / t_pipe,
        "mb_per_s": mb / t_pipe,
        "scan_seconds": t_scan,
        "scan_mb_per_s": mb / t_scan,
        "scan_re_mb_per_s": mb / t_scan_re,
        "slower_than_scan": t_pipe / t_scan,
        "stage_share": {k: v / total for k, v in stages.items()},
        "stage_mb_per_s": {k: (mb / v if v else float("inf")) for k, v in stages.items()},
        "traced_peak_mib": traced_peak / MIB,
    }


def section_throughput(bbc: Path, seed: Path, repeat: int, quick: bool) -> dict[str, Any]:
    """Throughput on the BBC corpus and on the seed article."""
    import newsparse.api

    records = _read_jsonl(bbc)
    if quick:
        records = records[:300]
    seed_text = seed.read_text(encoding="utf-8")
    seed_records = [{"id": f"seed-{i}", "text": seed_text} for i in range(200 if quick else 1000)]
    return {
        "pipeline": list(newsparse.api._pipeline(None).names),
        "bbc": throughput("bbc", records, repeat),
        "seed": throughput("seed", seed_records, repeat),
    }


def section_import(plugins: bool, repeat: int) -> dict[str, Any]:
    """Import cost of newsparse against pydantic with one trivial model, fresh interpreters.

    The two are measured alternately, so a busy moment on the machine hits both alike.
    """
    _run_child(["import", "newsparse"], plugins)  # warm the bytecode cache
    ours: list[dict[str, Any]] = []
    base: list[dict[str, Any]] = []
    for _ in range(repeat):
        ours.append(_run_child(["import", "newsparse"], plugins))
        base.append(_run_child(["import", "pydantic"], plugins))
    best_ours = min(r["seconds"] for r in ours)
    best_base = min(r["seconds"] for r in base)
    best_models = min(r["seconds"] + r["build_models_seconds"] for r in ours)
    return {
        "newsparse_ms": best_ours * 1000,
        "pydantic_trivial_ms": best_base * 1000,
        "import_extra_ms": (best_ours - best_base) * 1000,
        "with_models_ms": best_models * 1000,
        "with_models_extra_ms": (best_models - best_base) * 1000,
        "hypothesis_imported": any(r["hypothesis_imported"] for r in ours),
        "first_parse_ms": min(r["first_parse_seconds"] for r in ours) * 1000,
        "modules": ours[0]["modules"],
    }


def section_memory(bbc: Path, n: int, plugins: bool) -> dict[str, Any]:
    """Peak memory of one process streaming ``n`` articles."""
    return _run_child(["stream", str(bbc), str(n), "1"], plugins)


def section_scaling(max_mb: float, plugins: bool, budget: float) -> dict[str, Any]:
    """Seconds per MB from 1 KB up, for each synthetic kind, each size in a fresh interpreter.

    A size that runs past ``budget`` seconds is killed and the kind stops growing: that is the
    superlinear case this section exists to catch.
    """
    sizes = [s for s in (1_000, 10_000, 100_000, 1_000_000, 10_000_000) if s <= max_mb * MB]
    out: dict[str, Any] = {}
    for kind in _KINDS:
        rows: list[dict[str, Any]] = []
        timed_out = None
        for size in sizes:
            try:
                rows.append(_run_child(["scaling", kind, str(size)], plugins, timeout=budget))
            except subprocess.TimeoutExpired:
                timed_out = size
                break
        ref = next((r for r in rows if r["size"] == 100_000), rows[0] if rows else None)
        last = rows[-1] if rows else None
        growth = last["s_per_mb"] / ref["s_per_mb"] if ref and last and ref["s_per_mb"] else 0.0
        out[kind] = {
            "rows": rows,
            "largest_mb": last["mb"] if last else 0.0,
            "growth": growth,
            "timed_out_at": timed_out,
            "finished": timed_out is None,
            "spans_ok": all(r["spans_ok"] for r in rows),
        }
    return out


def _cpu() -> float:
    """CPU seconds used so far by this process and its waited-for children."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _one_vs_two(run: Callable[[int], Any], repeat: int) -> dict[int, tuple[float, float]]:
    """Best wall time with 1 and with 2 jobs, and the CPU time (all processes) of that run.

    The two settings alternate, so a busy moment on the machine hits both alike.
    """
    best = {1: (float("inf"), 0.0), 2: (float("inf"), 0.0)}
    for _ in range(repeat):
        for jobs in (1, 2):
            gc.collect()
            cpu = _cpu()
            start = time.perf_counter()
            run(jobs)
            wall = time.perf_counter() - start
            if wall < best[jobs][0]:
                best[jobs] = (wall, _cpu() - cpu)
    return best


def section_workers(bbc: Path, repeat: int, plugins: bool, quick: bool) -> dict[str, Any]:
    """1 against 2 worker processes over the BBC corpus.

    Wall-clock speed-up is what a user sees, but only on an otherwise idle machine; the CPU time
    of all processes shows the cost of the parallel run whatever else the machine is doing:
    ``cpu_overhead`` = CPU(2 workers) / CPU(1) - 1, and 2 / (1 + overhead) bounds the speed-up.
    """
    import newsparse
    from newsparse.api import dump_many

    records = _read_jsonl(bbc)
    if quick:
        records = records[:600]
    newsparse.parse(_PROSE)
    out: dict[str, Any] = {"articles": len(records), "load_average": os.getloadavg()}

    def row(times: dict[int, tuple[float, float]], serial: float = 0.0) -> dict[str, float]:
        cpu1, cpu2 = times[1][1], times[2][1]
        overhead = cpu2 / cpu1 - 1 if cpu1 else 0.0
        # On an idle machine: the serial part, then the rest of the CPU time shared by 2 cores.
        ideal_2 = serial + max(0.0, cpu2 - serial) / 2
        return {
            "1": times[1][0],
            "2": times[2][0],
            "speedup": times[1][0] / times[2][0],
            "cpu_1": cpu1,
            "cpu_2": cpu2,
            "cpu_overhead": overhead,
            "serial": serial,
            "speedup_bound": cpu1 / ideal_2 if ideal_2 else 0.0,
        }

    for name, fn in (("parse_many", newsparse.parse_many), ("dump_many", dump_many)):

        def run(jobs: int, fn: Any = fn) -> None:
            for _ in fn(records, jobs=jobs):
                pass

        out[name] = row(_one_vs_two(run, repeat))
    # The command line, end to end (start-up, reading, writing JSONL): what `--jobs` gives.
    cli = [sys.executable, "-m", "newsparse.cli", "parse", str(bbc), "-f", "jsonl", "-q"]
    with tempfile.TemporaryDirectory() as tmp:
        if quick:
            small = Path(tmp) / "bbc.jsonl"
            small.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
            cli[4] = str(small)

        def run_cli(jobs: int) -> None:
            subprocess.run(
                [*cli, "-o", os.path.join(tmp, "out.jsonl"), "--jobs", str(jobs)],
                check=True,
                env=_child_env(plugins),
            )

        # What cannot run in parallel: start-up and the first parse (plugins, pattern compiles).
        one = Path(tmp) / "one.jsonl"
        one.write_text(json.dumps(records[0]) + "\n", encoding="utf-8")
        serial = _best(
            lambda: subprocess.run(
                [*cli[:4], str(one), "-f", "jsonl", "-q", "-o", os.path.join(tmp, "one.out")],
                check=True,
                env=_child_env(plugins),
            ),
            repeat,
        )
        out["cli"] = row(_one_vs_two(run_cli, repeat), serial)
    out["load_average_after"] = os.getloadavg()
    return out


# -- report ---------------------------------------------------------------------------------------


def _verdict(ok: bool) -> str:
    return "ok" if ok else "MISS"


def table(res: dict[str, Any]) -> str:
    """The results as a plain-text table."""
    lines = [f"newsparse benchmark — {res['machine']}", ""]
    rows: list[tuple[str, str, str, str]] = []
    t = res.get("throughput")
    if t:
        lines.append("pipeline: " + " -> ".join(t["pipeline"]))
        for key in ("bbc", "seed"):
            r = t[key]
            rows.append(
                (
                    f"{key}: full pipeline ({r['articles']} articles, {r['mb']:.2f} MB)",
                    f"{r['articles_per_s']:.0f} art/s, {r['mb_per_s']:.2f} MB/s",
                    f">= {TARGETS['mb_per_s']} MB/s",
                    _verdict(r["mb_per_s"] >= TARGETS["mb_per_s"]),
                )
            )
            rows.append(
                (
                    f"{key}: bare quote scan (regex; re: {r['scan_re_mb_per_s']:.0f} MB/s)",
                    f"{r['scan_mb_per_s']:.0f} MB/s",
                    "",
                    "",
                )
            )
            rows.append(
                (
                    f"{key}: pipeline time / scan time",
                    f"{r['slower_than_scan']:.1f}x",
                    f"<= {TARGETS['slower_than_scan']:.0f}x",
                    _verdict(r["slower_than_scan"] <= TARGETS["slower_than_scan"]),
                )
            )
            rows.append((f"{key}: traced peak memory", f"{r['traced_peak_mib']:.1f} MiB", "", ""))
            for stage, share in r["stage_share"].items():
                rate = r["stage_mb_per_s"][stage]
                rows.append((f"{key}:   {stage}", f"{share:5.1%}  ({rate:.1f} MB/s alone)", "", ""))
    i = res.get("import")
    if i:
        rows.append(("import newsparse", f"{i['newsparse_ms']:.0f} ms", "", ""))
        rows.append(("import pydantic + one model", f"{i['pydantic_trivial_ms']:.0f} ms", "", ""))
        rows.append(
            (
                "import newsparse, extra",
                f"{i['import_extra_ms']:.0f} ms",
                f"<= {TARGETS['import_extra_ms']:.0f} ms",
                _verdict(i["import_extra_ms"] <= TARGETS["import_extra_ms"]),
            )
        )
        rows.append(
            (
                "import newsparse imports hypothesis",
                str(i["hypothesis_imported"]),
                "False",
                _verdict(not i["hypothesis_imported"]),
            )
        )
        rows.append(
            (
                "import newsparse + build its models, extra",
                f"{i['with_models_extra_ms']:.0f} ms ({i['with_models_ms']:.0f} ms in all)",
                "",
                "",
            )
        )
        rows.append(
            ("first parse (plugins, lazy compiles)", f"{i['first_parse_ms']:.0f} ms", "", "")
        )
    m = res.get("memory")
    if m:
        rows.append(
            (
                f"stream {m['articles']} articles: peak RSS",
                f"{m['peak_rss_mib']:.0f} MiB (after import {m['rss_after_import_mib']:.0f})",
                f"<= {TARGETS['stream_peak_mib']:.0f} MiB",
                _verdict(m["peak_rss_mib"] <= TARGETS["stream_peak_mib"]),
            )
        )
        rate = m["chars"] / m["seconds"] / MB
        rows.append(
            ("stream: rate", f"{m['articles'] / m['seconds']:.0f} art/s, ~{rate:.2f} Mch/s", "", "")
        )
    s = res.get("scaling")
    if s:
        for kind, r in s.items():
            per = ", ".join(f"{row['size'] // 1000}k:{row['s_per_mb']:.2f}" for row in r["rows"])
            rows.append((f"scaling {kind}: s/MB by size", per, "", ""))
            ok = r["finished"] and r["growth"] <= 2.0 and r["spans_ok"]
            rows.append(
                (
                    f"scaling {kind}: s/MB at {r['largest_mb']:.1f} MB / at 100 KB",
                    f"{r['growth']:.2f}"
                    + ("" if r["finished"] else f" (killed at {r['timed_out_at'] // 1000}k)"),
                    "~1 (linear)",
                    _verdict(ok),
                )
            )
    w = res.get("workers")
    if w:
        load = ", ".join(f"{x:.1f}" for x in w["load_average"])
        rows.append((f"workers: {w['articles']} articles; load average before", load, "", ""))
        for name in ("parse_many", "dump_many", "cli"):
            r = w[name]
            label = {"cli": "newsparse parse --jobs"}.get(name, name)
            is_cli = name == "cli"
            rows.append(
                (
                    f"workers {label}: 1 vs 2, wall",
                    f"{r['1']:.2f}s / {r['2']:.2f}s = {r['speedup']:.2f}x",
                    f">= {TARGETS['speedup_2_workers']}x" if is_cli else "",
                    _verdict(r["speedup"] >= TARGETS["speedup_2_workers"]) if is_cli else "",
                )
            )
            rows.append(
                (
                    f"workers {label}: CPU 1 vs 2 (all processes)",
                    f"{r['cpu_1']:.2f}s / {r['cpu_2']:.2f}s: +{r['cpu_overhead']:.0%}, "
                    + (f"serial {r['serial']:.2f}s, " if r["serial"] else "")
                    + f"idle-machine bound {r['speedup_bound']:.2f}x",
                    "",
                    "",
                )
            )
    width = max(len(r[0]) for r in rows) if rows else 10
    vwidth = max(len(r[1]) for r in rows) if rows else 10
    for name, value, target, verdict in rows:
        lines.append(f"{name:<{width}}  {value:<{vwidth}}  {target:<12} {verdict}".rstrip())
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the chosen sections and print a table or JSON."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--bbc", type=Path, default=DEFAULT_BBC, help="BBC JSONL corpus")
    ap.add_argument("--seed", type=Path, default=DEFAULT_SEED, help="the seed article (.txt)")
    ap.add_argument("--json", action="store_true", help="print JSON instead of the table")
    ap.add_argument(
        "--only", default="throughput,import,memory,scaling,workers", help="comma-separated"
    )
    ap.add_argument("--repeat", type=int, default=2, help="best of N for the timed runs")
    ap.add_argument("--import-repeat", type=int, default=7)
    ap.add_argument("--stream", type=int, default=10_000, help="articles in the memory run")
    ap.add_argument("--max-mb", type=float, default=10.0, help="largest synthetic text, in MB")
    ap.add_argument(
        "--budget", type=float, default=120.0, help="kill a scaling run after N seconds"
    )
    ap.add_argument("--quick", action="store_true", help="smaller corpora, for a fast look")
    ap.add_argument("--plugins", action="store_true", help="include installed plugins")
    ap.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if not args.plugins:
        os.environ["NEWSPARSE_PLUGINS"] = ""
    if args.child:
        task, *rest = args.child
        if task == "import":
            answer = child_import(rest[0])
        elif task == "stream":
            answer = child_stream(rest[0], int(rest[1]), int(rest[2]))
        elif task == "scaling":
            answer = child_scaling(rest[0], int(rest[1]))
        else:
            raise SystemExit(f"unknown child task {task}")
        print(json.dumps(answer))
        return 0

    sys.path.insert(0, str(ROOT / "src"))
    only = {x.strip() for x in args.only.split(",") if x.strip()}
    res: dict[str, Any] = {
        "machine": f"{platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, {platform.machine()}",
        "command": " ".join([Path(sys.argv[0]).name, *sys.argv[1:]]),
        "targets": TARGETS,
    }
    if args.quick:
        args.stream = min(args.stream, 2000)
        args.max_mb = min(args.max_mb, 1.0)
        args.import_repeat = min(args.import_repeat, 3)
    if "throughput" in only:
        res["throughput"] = section_throughput(args.bbc, args.seed, args.repeat, args.quick)
    if "import" in only:
        res["import"] = section_import(args.plugins, args.import_repeat)
    if "memory" in only:
        res["memory"] = section_memory(args.bbc, args.stream, args.plugins)
    if "scaling" in only:
        res["scaling"] = section_scaling(args.max_mb, args.plugins, args.budget)
    if "workers" in only:
        res["workers"] = section_workers(args.bbc, args.repeat, args.plugins, args.quick)
    if args.json:
        print(json.dumps(res, indent=2))
    else:
        print(table(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
