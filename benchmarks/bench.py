"""Speed and memory of newsparse against the targets of issues 12 and 17, as ratios to baselines.

    python benchmarks/bench.py                      # every section, a table with verdicts
    python benchmarks/bench.py --json               # the same figures as JSON
    python benchmarks/bench.py --quick              # small inputs, well under 2 minutes
    python benchmarks/bench.py --only pipeline,coldstart

Sections (each figure is a ratio to a baseline measured in the same process or the same run):

``pipeline``   the full pipeline over the first 1,000 BBC articles, one core, against one ``regex``
               pass listing every token span of the same texts (target <= 5x); the share of time
               of each extractor and of building the ``Article``.
``coldstart``  a fresh interpreter doing ``import newsparse`` + the first ``parse`` of the seed,
               against one doing ``import pydantic`` + defining and building one trivial model
               (target <= 3x); whether ``import newsparse`` imports hypothesis (it must not).
``workers``    ``newsparse parse -f jsonl --jobs 2`` against ``--jobs 1`` on BBC, end to end in a
               subprocess (target >= 1.8x); the same through ``parse_many(jobs=N)``.
``scaling``    seven synthetic and adversarial families at S and 4S characters, each size in its own
               interpreter: t(4S)/t(S) (target <= 5.5); MB/s of the no-punctuation paragraph and
               of the possessives (issue 17: >= 1 MB/s).
``memory``     peak RSS of parsing a 10 MB article of each family, over the input's UTF-8 size
               (target <= 20x; issue 17: < 20 bytes per character for one-character paragraphs
               and capitalised names); peak RSS streaming 10,000 BBC articles (< 100 MiB).
``spacy``      runs ``vs_spacy.py`` in its own environment (``benchmarks/spacy_env.sh``), if built.

Single-core times are CPU seconds of the timed process (``time.process_time``): on a shared
machine they move far less than wall-clock time. Timed runs alternate with their baseline and
the best of several is kept. Wall-clock time is what ``workers`` compares, as the user sees it.
Third-party plugins are left out (``NEWSPARSE_PLUGINS=""``) unless ``--plugins`` is given.
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import gc
import hashlib
import itertools
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_BBC = ROOT.parent / "shared" / "eval" / "dev" / "bbc_fulltext.jsonl"
DEFAULT_SEED = ROOT / "seeds" / "000_89980257a6cb7ec4.txt"
SPACY_PYTHON = HERE / ".spacy-venv" / "bin" / "python"
MIB = 1024 * 1024
MB = 1_000_000

#: The baseline of the pipeline section: one pass listing every token span.
TOKEN_PATTERN = r"\w+(?:['’]\w+)*|[^\w\s]"

TARGETS = {
    "pipeline_vs_tokens": 5.0,  # at most, issue 12
    "coldstart_vs_pydantic": 3.0,  # at most, issue 12
    "jobs2_speedup": 1.8,  # at least, issue 12
    "scaling_4x": 5.5,  # at most, issue 12
    "min_mb_per_s": 1.0,  # at least, issue 17 (no punctuation, possessives)
    "memory_x_input": 20.0,  # at most, issue 12
    "bytes_per_char": 20.0,  # below, issue 17 (one-character paragraphs, capitalised names)
    "stream_peak_mib": 100.0,  # below, issue 12
    "vs_spacy": 100.0,  # at least, issue 12
}

#: A short article that reaches every extractor, parsed once before anything is timed.
WARM_UP = (
    "Talks to resume\n\n“We will hold our fire,” Foreign Minister Amira Haddad said on Monday. "
    "The rebels agreed to a 30-day ceasefire brokered by the United Nations, Mr. Reyes said."
)


# -- helpers ---------------------------------------------------------------------------------------


def _read_jsonl(path: Path, n: int | None = None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                out.append(json.loads(line))
                if n is not None and len(out) >= n:
                    break
    return out


def _mb(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8", "surrogatepass")) for t in texts) / MB


def _timed(fn: Callable[[], Any]) -> tuple[float, float]:
    """CPU and wall seconds of one call, after a collection so no earlier garbage is billed."""
    gc.collect()
    c0, w0 = time.process_time(), time.perf_counter()
    fn()
    return time.process_time() - c0, time.perf_counter() - w0


def _child_env(plugins: bool) -> dict[str, str]:
    env = dict(os.environ)
    if not plugins:
        env["NEWSPARSE_PLUGINS"] = ""
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    return env


def _limit_memory(mib: int) -> Callable[[], None]:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (mib * MIB, mib * MIB))

    return limit


def _run_child(
    args: list[str], plugins: bool, timeout: float = 900, mem_mib: int | None = None
) -> dict[str, Any]:
    """Run this script in a fresh interpreter with ``--child …`` and return its JSON answer.

    A child past ``timeout`` is killed and reported as ``{"timed_out": True}``; one that runs out
    of the ``mem_mib`` address space as ``{"out_of_memory": True}``.
    """
    try:
        proc = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--child", *args],
            capture_output=True,
            text=True,
            env=_child_env(plugins),
            timeout=timeout,
            check=False,
            preexec_fn=_limit_memory(mem_mib) if mem_mib else None,
        )
    except subprocess.TimeoutExpired:
        return {"timed_out": True, "timeout_s": timeout}
    if proc.returncode != 0:
        if "MemoryError" in proc.stderr or proc.returncode in (-9, 137):
            return {"out_of_memory": True, "mem_limit_mib": mem_mib}
        raise RuntimeError(f"child {args} failed:\n{proc.stderr[-2000:]}")
    answer: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return answer


def _status_kib(field: str) -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def _rss_now_kib() -> int | None:
    return _status_kib("VmRSS")


def _reset_peak_rss() -> bool:
    """Reset this process's peak-RSS mark (Linux >= 4.0), so VmHWM measures from here on."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


def _maxrss_kib() -> int:
    """Peak RSS of this process's own memory (VmHWM).

    Not ``ru_maxrss``: after fork + exec, Linux keeps in it the parent's RSS at the time of the
    fork, so a child of a big benchmark process would report the parent's size as its own peak.
    """
    hwm = _status_kib("VmHWM")
    return hwm if hwm is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


# -- the synthetic and adversarial families ------------------------------------------------------

# Our own words, written for this benchmark.
_GIVEN = "Amira Tomas Lena Karl Omar Jane Ivan Maria Kofi Aiko Pedro Leila Hassan Nadia Viktor"
_SURNAMES = "Haddad Reyes Ortiz Brandt Farouk Okafor Petrov Silva Mensah Tanaka Novak Costa Rahman"
_PLACES = "Kabul Geneva Khartoum Kyiv Bogota Sanaa Tripoli Goma Mosul Aleppo Juba Donetsk Gaza"
_COUNTRIES = "Russia Ukraine Sudan Israel Syria Colombia Yemen Libya Congo Iraq Ethiopia Myanmar"
_TITLES = (
    "Foreign Minister",
    "President",
    "Colonel",
    "General",
    "U.N. envoy",
    "Prime Minister",
    "army spokesman",
    "Defence Secretary",
)
_WORDS = (
    "the talks went on and army waited while officials met again in capital after weeks of "
    "fighting near border villages where families fled from shelling as aid convoys stood at "
    "checkpoints for days under rain with little food or water until leaders agreed to meet"
)
_SENTENCES = (
    "“We are ready to sign tomorrow,” {title} {name} told reporters in {place} on Tuesday.",
    "The rebel commander, {title} {name}, said his fighters would observe a {n}-hour truce.",
    "According to the ministry, at least {n} people were killed in clashes near {place}.",
    "{title} {name} accused the militia of violating the ceasefire, which began on {n} March.",
    "“This is not over,” {name} said.",
    "Mr. {surname} denied the claim and said talks would continue in {place}.",
    "Officials in {place} said the army had withdrawn from {n} positions overnight.",
    "Bread and fuel prices rose sharply as the crossing stayed closed for a {n}th day.",
    "{country}'s government said it would not negotiate while shelling went on.",
    "Talks brokered by {country} broke down on Friday, two diplomats said.",
    "Residents of {place} told the BBC they had not slept for {n} nights.",
    "The agreement, {name} said, “is the best chance for peace in a decade”.",
)
_UNBALANCED = (
    "“We will fight on, the commander told {name}.",
    '"They lied to us, said {title} {name} in {place}.',
    "He called the deal a ”betrayal of the people.",
    "‘Nobody is safe here, a resident of {place} said.",
    "{name} said: “The ceasefire is over and the talks",
    "The minister’s “offer was never serious, {surname} added.",
)


def _fill(rng: random.Random, template: str) -> str:
    return template.format(
        title=rng.choice(_TITLES),
        name=f"{rng.choice(_GIVEN.split())} {rng.choice(_SURNAMES.split())}",
        surname=rng.choice(_SURNAMES.split()),
        place=rng.choice(_PLACES.split()),
        country=rng.choice(_COUNTRIES.split()),
        n=rng.randint(2, 90),
    )


def _pieces(family: str, rng: random.Random) -> Iterator[str]:
    """An endless stream of text pieces of one family."""
    caps = (_GIVEN + " " + _SURNAMES + " " + _PLACES + " " + _COUNTRIES).split()
    words = _WORDS.split()
    if family == "prose":
        while True:
            k = rng.randint(2, 5)
            yield " ".join(_fill(rng, rng.choice(_SENTENCES)) for _ in range(k)) + "\n\n"
    elif family == "no_punctuation":
        while True:  # one paragraph: words and a few names, no punctuation at all
            yield (rng.choice(caps) if rng.random() < 0.1 else rng.choice(words)) + " "
    elif family == "one_char_paragraphs":
        while True:
            yield "a\n\n"
    elif family == "capitalised_names":
        while True:
            yield rng.choice(caps) + " "
    elif family == "possessives":
        while True:
            yield rng.choice(caps) + "'s "
    elif family == "unbalanced_quotes":
        while True:
            k = rng.randint(2, 4)
            yield " ".join(_fill(rng, rng.choice(_UNBALANCED)) for _ in range(k)) + "\n\n"
    else:
        raise ValueError(family)


FAMILIES = (
    "prose",
    "no_punctuation",
    "one_char_paragraphs",
    "capitalised_names",
    "possessives",
    "ceasefire_claims",
    "unbalanced_quotes",
)
#: Issue 17 wants these two at 1 MB/s or more.
THROUGHPUT_FAMILIES = ("no_punctuation", "possessives")
#: Issue 17 wants these two under 20 bytes of peak memory per input character.
BYTES_PER_CHAR_FAMILIES = ("one_char_paragraphs", "capitalised_names")


def synthetic(family: str, size: int) -> str:
    """About ``size`` characters of one family, the same text for the same arguments."""
    if family == "ceasefire_claims":
        # Issue 17's reproducer, verbatim: one sentence dense in claims.
        unit = "the rebels would not reject any ceasefire and "
        return "Intro. " + unit * max(1, (size - 8) // len(unit)) + "."
    rng = random.Random(f"{family}:12")
    parts: list[str] = []
    n = 0
    for piece in _pieces(family, rng):
        parts.append(piece)
        n += len(piece)
        if n >= size:
            break
    return "".join(parts)[:size]


# -- child tasks (each runs in a fresh interpreter) -----------------------------------------------


def child_parse(
    family: str, size: int, reps: int, rep_budget: float, trace: bool
) -> dict[str, Any]:
    """Parse one synthetic text: CPU and wall time, peak RSS above the warm baseline, outputs.

    The parse is repeated up to ``reps`` times, best kept, until ``rep_budget`` CPU seconds.
    """
    text = synthetic(family, size)  # before the baseline: the input is the caller's memory
    import newsparse

    newsparse.parse(WARM_UP)
    gc.collect()
    raw_before = _maxrss_kib()
    base = _rss_now_kib()
    reset = _reset_peak_rss()
    if not reset or base is None:
        base = _maxrss_kib()
    if trace:
        import tracemalloc

        tracemalloc.start(8)
    cpu: list[float] = []
    wall: list[float] = []
    peak_kib = 0
    art: Any = None
    for i in range(reps):
        art = None
        gc.collect()
        c0, w0 = time.process_time(), time.perf_counter()
        art = newsparse.parse(text)
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
        if i == 0:
            peak_kib = _maxrss_kib()
        if sum(cpu) > rep_budget:  # a long run is stable enough alone
            break
    out: dict[str, Any] = {
        "family": family,
        "size": size,
        "chars": len(text),
        "bytes": len(text.encode("utf-8")),
        "cpu_s": min(cpu),
        "wall_s": min(wall),
        "reps": len(cpu),
        "peak_rss_mib": peak_kib / 1024,
        "baseline_rss_mib": base / 1024,
        "peak_above_baseline_mib": max(0, peak_kib - base) / 1024,
        "raw_peak_rss_mib": max(raw_before, peak_kib) / 1024,
        "peak_mark_reset": reset,
    }
    if trace:
        out["trace"] = _trace_top(art)
    out["spans_ok"] = _spans_ok(art, text)
    out["records"] = {
        k: len(getattr(art, k, ()) or ())
        for k in ("actors", "quotes", "ceasefire_claims", "sentences", "paragraphs")
    }
    out["json_bytes"], out["json_capped"] = _json_size(art, cap=JSON_CAP_X * out["bytes"])
    return out


def _spans_ok(art: Any, text: str, sample: int = 5000) -> bool | None:
    """Whether ``text[start:end] == span.text`` for an even sample of the article's spans.

    A sample, because checking every span of a dense article (thousands of claims whose evidence
    is one 10 MB sentence) costs time quadratic in the input.
    """
    spans = getattr(art, "iter_spans", None)
    if not callable(spans):
        return None
    every = list(spans())
    step = max(1, len(every) // sample)
    return all(text[s.start : s.end] == s.text for _, s in every[::step])


#: Stop measuring an article's JSON past this multiple of its input (a quadratic output at 10 MB
#: would take terabytes).
JSON_CAP_X = 50


def _json_size(art: Any, cap: int) -> tuple[int | None, bool]:
    """About how many bytes ``art`` takes as JSON, record by record, stopping past ``cap``."""
    try:
        total = 0
        for name in type(art).model_fields:
            value = getattr(art, name)
            items = value if isinstance(value, (list, tuple)) else None
            if items and hasattr(items[0], "model_dump_json"):
                for item in items:
                    total += len(item.model_dump_json()) + 1
                    if total > cap:
                        return total, True
            else:
                total += len(art.model_dump_json(include={name}))
            if total > cap:
                return total, True
        return total, False
    except Exception:
        return None, False


def _trace_top(art: Any, n: int = 8) -> dict[str, Any]:
    """What the finished article holds, by allocating line, and the traced peak during the parse."""
    import tracemalloc

    current, peak = tracemalloc.get_traced_memory()
    snap = tracemalloc.take_snapshot()
    tracemalloc.stop()
    del art
    top = snap.statistics("lineno")[:n]
    return {
        "traced_peak_mib": peak / MIB,
        "traced_held_mib": current / MIB,
        "held_by_line": [
            {"where": str(s.traceback[0]), "mib": s.size / MIB, "count": s.count} for s in top
        ],
    }


def child_stream(path: str, n: int) -> dict[str, Any]:
    """Stream ``n`` records (the file cycled) through parse_many; report peak resident memory."""
    import newsparse

    def records() -> Iterator[dict[str, Any]]:
        done = 0
        for lap in itertools.count():
            with open(path, encoding="utf-8") as fh:
                for line in fh:
                    if done >= n:
                        return
                    rec = json.loads(line)
                    rec.pop("gold", None)
                    rec["id"] = f"{rec.get('id')}#{lap}"
                    yield rec
                    done += 1

    newsparse.parse(WARM_UP)
    after_import = _maxrss_kib()
    count = chars = 0
    c0, w0 = time.process_time(), time.perf_counter()
    for article in newsparse.parse_many(records(), jobs=1):
        count += 1
        chars += len(article.text)
    return {
        "articles": count,
        "chars": chars,
        "cpu_s": time.process_time() - c0,
        "wall_s": time.perf_counter() - w0,
        "peak_rss_mib": _maxrss_kib() / 1024,
        "rss_after_import_mib": after_import / 1024,
    }


# Cold-start children run as ``python -c``, so nothing this script imports is preloaded for them.
_COLD_NEWSPARSE = """
import sys, time
seed = open(sys.argv[1], encoding="utf-8").read()
c0, t0 = time.process_time(), time.perf_counter()
import newsparse
c1, t1 = time.process_time(), time.perf_counter()
hyp = "hypothesis" in sys.modules
newsparse.parse(seed)
c2, t2 = time.process_time(), time.perf_counter()
import json
print(json.dumps({"import_s": c1 - c0, "first_parse_s": c2 - c1, "total_s": c2 - c0,
                  "wall_s": t2 - t0,
                  "hypothesis_on_import": hyp,
                  "hypothesis_after_parse": "hypothesis" in sys.modules,
                  "modules": len(sys.modules)}))
"""
_COLD_PYDANTIC = """
import time
c0, t0 = time.process_time(), time.perf_counter()
import pydantic
class Trivial(pydantic.BaseModel):
    x: int
Trivial(x=1)
c1, t1 = time.process_time(), time.perf_counter()
import json
print(json.dumps({"total_s": c1 - c0, "wall_s": t1 - t0}))
"""


# -- sections -------------------------------------------------------------------------------------


def _stage_times(texts: list[str]) -> dict[str, Any]:
    """CPU time of each extractor and of building the Article, through the pipeline's internals.

    Uses ``newsparse.api._pipeline`` and ``Pipeline.extractors``/``.run``; if those change shape,
    the figure is skipped with a note instead of failing the benchmark.
    """
    try:
        from newsparse import pipeline as pipeline_mod
        from newsparse.api import _pipeline

        pipe = _pipeline(None)
        extractors = list(pipe.extractors)
        times: dict[str, float] = {ex.name: 0.0 for ex in extractors}
    except Exception as exc:
        return {"note": f"skipped: the pipeline's internals differ ({type(exc).__name__}: {exc})"}

    def wrap(ex: Any) -> Any:
        inner, name = ex.run, ex.name

        def run(*args: Any, **kwargs: Any) -> Any:
            c0 = time.process_time()
            try:
                return inner(*args, **kwargs)
            finally:
                times[name] += time.process_time() - c0

        try:
            return dataclasses.replace(ex, run=run)
        except TypeError:
            new = copy.copy(ex)
            object.__setattr__(new, "run", run)
            return new

    build = getattr(pipeline_mod, "build_article", None)
    build_time = [0.0]

    def timed_build(*args: Any, **kwargs: Any) -> Any:
        c0 = time.process_time()
        try:
            return build(*args, **kwargs)  # type: ignore[misc]
        finally:
            build_time[0] += time.process_time() - c0

    try:
        timed = copy.copy(pipe)
        timed.extractors = tuple(wrap(ex) for ex in extractors)
        if build is not None:
            pipeline_mod.build_article = timed_build  # type: ignore[attr-defined]
        try:
            c0 = time.process_time()
            for text in texts:
                timed.run(text)
            total = time.process_time() - c0
        finally:
            if build is not None:
                pipeline_mod.build_article = build  # type: ignore[attr-defined]
    except Exception as exc:
        return {"note": f"skipped: could not time the extractors ({type(exc).__name__}: {exc})"}
    if not any(times.values()):
        return {"note": "skipped: the pipeline did not call its extractors through .extractors"}
    stages = dict(times)
    if build is not None:
        stages["build Article (validation)"] = build_time[0]
    stages["rest"] = max(0.0, total - sum(stages.values()))
    return {"total_cpu_s": total, "share": {k: v / total for k, v in stages.items()}}


def section_pipeline(bbc: Path, n: int, rounds: int, profile: bool) -> dict[str, Any]:
    """The full pipeline over BBC against one token pass, alternating, one core."""
    import regex

    import newsparse

    records = _read_jsonl(bbc, n)
    texts = [r["text"] for r in records]
    pat = regex.compile(TOKEN_PATTERN)

    def tokens() -> None:
        for t in texts:
            [m.span() for m in pat.finditer(t)]

    def pipeline() -> None:
        for t in texts:
            newsparse.parse(t)

    newsparse.parse(WARM_UP)
    tokens()
    cpu_tok: list[float] = []
    cpu_pipe: list[float] = []
    wall_tok: list[float] = []
    wall_pipe: list[float] = []
    for r in range(rounds):
        steps: list[tuple[str, Callable[[], None]]] = [("tok", tokens), ("pipe", pipeline)]
        for name, fn in steps if r % 2 == 0 else steps[::-1]:
            if name == "tok":  # short: best of 3 within the round
                best = min((_timed(fn) for _ in range(3)), key=lambda x: x[0])
                cpu_tok.append(best[0])
                wall_tok.append(best[1])
            else:
                c, w = _timed(fn)
                cpu_pipe.append(c)
                wall_pipe.append(w)
    mb = _mb(texts)
    out: dict[str, Any] = {
        "corpus": str(bbc.name),
        "articles": len(texts),
        "mb": mb,
        "rounds": rounds,
        "pipeline_cpu_s": min(cpu_pipe),
        "tokens_cpu_s": min(cpu_tok),
        "ratio": min(cpu_pipe) / min(cpu_tok),
        "ratio_median_paired": statistics.median(
            p / t for p, t in zip(cpu_pipe, cpu_tok, strict=True)
        ),
        "ratio_wall": min(wall_pipe) / min(wall_tok),
        "ratio_spread": [
            min(p / t for p, t in zip(cpu_pipe, cpu_tok, strict=True)),
            max(p / t for p, t in zip(cpu_pipe, cpu_tok, strict=True)),
        ],
        "pipeline_mb_per_s": mb / min(cpu_pipe),
        "tokens_mb_per_s": mb / min(cpu_tok),
        "articles_per_s": len(texts) / min(cpu_pipe),
        "stages": _stage_times(texts),
    }
    if profile:
        out["profile"] = _profile(pipeline)
    return out


def _profile(fn: Callable[[], None], n: int = 15) -> list[dict[str, Any]]:
    """The functions with the most own time in one run of ``fn``."""
    import cProfile
    import pstats

    prof = cProfile.Profile()
    prof.runcall(fn)
    st = pstats.Stats(prof)
    rows = []
    for (file, line, func), (_, ncalls, tt, ct, _) in st.stats.items():  # type: ignore[attr-defined]
        rows.append(
            {"func": f"{Path(file).name}:{line}({func})", "calls": ncalls, "own_s": tt, "cum_s": ct}
        )
    rows.sort(key=lambda r: -r["own_s"])
    return rows[:n]


def section_coldstart(seed: Path, plugins: bool, repeat: int) -> dict[str, Any]:
    """Import + first parse against pydantic + one model, fresh interpreters, alternating."""
    env = _child_env(plugins)
    # The first child must be able to write the bytecode caches (an installed pydantic has
    # them already); with PYTHONDONTWRITEBYTECODE set, every child would compile newsparse's
    # sources anew and the ratio would measure the compiler.
    env.pop("PYTHONDONTWRITEBYTECODE", None)

    def child(code: str, *args: str) -> dict[str, Any]:
        w0 = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-c", code, *args],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        res: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
        res["process_s"] = time.perf_counter() - w0
        return res

    child(_COLD_NEWSPARSE, str(seed))  # write the bytecode caches first
    child(_COLD_PYDANTIC)
    ours: list[dict[str, Any]] = []
    base: list[dict[str, Any]] = []
    for r in range(repeat):
        if r % 2 == 0:
            ours.append(child(_COLD_NEWSPARSE, str(seed)))
            base.append(child(_COLD_PYDANTIC))
        else:
            base.append(child(_COLD_PYDANTIC))
            ours.append(child(_COLD_NEWSPARSE, str(seed)))
    best_ours = min(r["total_s"] for r in ours)
    best_base = min(r["total_s"] for r in base)
    # Which imports cost most (one extra run with -X importtime; self time, microseconds).
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import newsparse"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    slow: list[tuple[int, int, str]] = []
    for line in proc.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[0].strip().startswith("import time:"):
            try:
                self_us = int(parts[0].split(":")[1])
                cum_us = int(parts[1])
            except ValueError:
                continue
            slow.append((cum_us, self_us, parts[2].rstrip()))
    top = sorted((s for s in slow if s[2].strip().startswith("newsparse")), reverse=True)[:6]
    return {
        "repeat": repeat,
        "newsparse_s": best_ours,
        "import_s": min(r["import_s"] for r in ours),
        "first_parse_s": min(r["first_parse_s"] for r in ours),
        "pydantic_s": best_base,
        "ratio": best_ours / best_base,
        "ratio_median_paired": statistics.median(
            o["total_s"] / b["total_s"] for o, b in zip(ours, base, strict=True)
        ),
        "ratio_wall": min(r["wall_s"] for r in ours) / min(r["wall_s"] for r in base),
        "process_newsparse_s": min(r["process_s"] for r in ours),
        "process_pydantic_s": min(r["process_s"] for r in base),
        "hypothesis_on_import": any(r["hypothesis_on_import"] for r in ours),
        "hypothesis_after_parse": any(r["hypothesis_after_parse"] for r in ours),
        "modules": ours[0]["modules"],
        "slowest_imports_ms": [
            {"module": name.strip(), "cumulative_ms": cum / 1000} for cum, _, name in top
        ],
    }


def _cpu_all() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _machine_busy_s() -> float | None:
    """CPU seconds all processes on the machine have used since boot (from /proc/stat)."""
    try:
        with open("/proc/stat", encoding="ascii") as fh:
            fields = [int(x) for x in fh.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def _one_vs_two(
    run: Callable[[int], Any], rounds: int, serial: float | None = None
) -> dict[str, Any]:
    """Wall and all-process CPU time with 1 and 2 jobs, alternating; best of ``rounds``.

    Also how much of the machine other processes took during each run (``others``: their CPU
    seconds over wall x cores), and, given ``serial`` (the part that cannot run in parallel), the
    speed-up the CPU times allow on an idle machine: CPU(1) / (serial + (CPU(2) - serial) / 2).
    """
    wall: dict[int, list[float]] = {1: [], 2: []}
    cpu: dict[int, list[float]] = {1: [], 2: []}
    others: dict[int, list[float]] = {1: [], 2: []}
    ncpu = os.cpu_count() or 1
    for r in range(rounds):
        for jobs in (1, 2) if r % 2 == 0 else (2, 1):
            gc.collect()
            m0, c0, w0 = _machine_busy_s(), _cpu_all(), time.perf_counter()
            run(jobs)
            w, c, m1 = time.perf_counter() - w0, _cpu_all() - c0, _machine_busy_s()
            wall[jobs].append(w)
            cpu[jobs].append(c)
            if m0 is not None and m1 is not None:
                others[jobs].append(max(0.0, (m1 - m0) - c) / (w * ncpu))
    i1, i2 = wall[1].index(min(wall[1])), wall[2].index(min(wall[2]))
    out: dict[str, Any] = {
        "wall_1": wall[1][i1],
        "wall_2": wall[2][i2],
        "speedup": wall[1][i1] / wall[2][i2],
        "speedup_median_paired": statistics.median(
            a / b for a, b in zip(wall[1], wall[2], strict=True)
        ),
        "cpu_1": min(cpu[1]),
        "cpu_2": min(cpu[2]),
        "cpu_overhead": min(cpu[2]) / min(cpu[1]) - 1 if min(cpu[1]) else 0.0,
        "others_share_best_runs": [others[1][i1], others[2][i2]] if others[1] else None,
        "others_share_max": max(others[1] + others[2]) if others[1] else None,
    }
    if serial is not None:
        ideal_2 = serial + max(0.0, min(cpu[2]) - serial) / 2
        out["serial_s"] = serial
        out["idle_estimate"] = min(cpu[1]) / ideal_2 if ideal_2 else None
    return out


def section_workers(bbc: Path, n: int | None, rounds: int, plugins: bool) -> dict[str, Any]:
    """``--jobs 2`` against ``--jobs 1``: the CLI end to end, then ``parse_many``."""
    import newsparse

    records = _read_jsonl(bbc, n)
    out: dict[str, Any] = {
        "articles": len(records),
        "rounds": rounds,
        "load_average_before": os.getloadavg(),
    }
    exe = Path(sys.executable).parent / "newsparse"
    cli = [str(exe)] if exe.exists() else [sys.executable, "-m", "newsparse.cli"]
    env = _child_env(plugins)
    with tempfile.TemporaryDirectory() as tmp:
        src = bbc
        if n is not None:
            src = Path(tmp) / "bbc.jsonl"
            src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        digests: dict[int, set[str]] = {1: set(), 2: set()}

        def run_cli(jobs: int) -> None:
            dest = Path(tmp) / f"out{jobs}.jsonl"
            subprocess.run(
                [
                    *cli,
                    "parse",
                    str(src),
                    "-f",
                    "jsonl",
                    "-q",
                    "-o",
                    str(dest),
                    "--jobs",
                    str(jobs),
                ],
                check=True,
                env=env,
            )
            digests[jobs].add(hashlib.sha256(dest.read_bytes()).hexdigest())

        # What cannot run in parallel: start-up, reading, the first parse (pattern compiles).
        one = Path(tmp) / "one.jsonl"
        one.write_text(json.dumps(records[0]) + "\n", encoding="utf-8")
        serial = float("inf")
        for _ in range(2):  # CPU seconds, which a busy machine does not inflate
            c0 = _cpu_all()
            subprocess.run(
                [*cli, "parse", str(one), "-f", "jsonl", "-q", "-o", str(one) + ".out"],
                check=True,
                env=env,
            )
            serial = min(serial, _cpu_all() - c0)
        out["cli"] = _one_vs_two(run_cli, rounds, serial)
        out["cli"]["command"] = " ".join(
            [Path(cli[0]).name, *cli[1:], "parse", str(src), "-f jsonl -q -o OUT --jobs N"]
        )
        out["cli"]["same_output"] = digests[1] == digests[2] and len(digests[1]) == 1

    newsparse.parse(WARM_UP)

    def run_many(jobs: int) -> None:
        for _ in newsparse.parse_many(records, jobs=jobs):
            pass

    out["parse_many"] = _one_vs_two(run_many, rounds)
    out["load_average_after"] = os.getloadavg()
    return out


class _Children:
    """Parse children shared by the scaling and memory sections, each size run once."""

    def __init__(
        self, plugins: bool, budget: float, mem_mib: int, trace: bool, rep_budget: float
    ) -> None:
        self.plugins, self.budget, self.mem_mib, self.trace = plugins, budget, mem_mib, trace
        self.rep_budget = rep_budget
        self.cache: dict[tuple[str, int], dict[str, Any]] = {}
        self.failed_at: dict[str, int] = {}

    def get(self, family: str, size: int) -> dict[str, Any]:
        key = (family, size)
        small = self.failed_at.get(family)
        if key not in self.cache and small is not None and small < size:
            # A larger text of a family that already failed would only fail more slowly.
            return {**self.cache[(family, small)], "size": size, "at_smaller": small}
        if key not in self.cache:
            reps = 3 if size <= 1_000_000 else 2
            args = ["parse", family, str(size), str(reps), str(self.rep_budget)]
            args.append("1" if self.trace else "0")
            res = _run_child(args, self.plugins, timeout=self.budget, mem_mib=self.mem_mib)
            res.setdefault("family", family)
            res.setdefault("size", size)
            self.cache[key] = res
            if _failed(res):
                self.failed_at[family] = min(size, self.failed_at.get(family, size))
        return self.cache[key]


def _failed(r: dict[str, Any]) -> str | None:
    at = f" at {r['at_smaller'] / MB:g} MB already" if r.get("at_smaller") else ""
    if r.get("timed_out"):
        return f"killed after {r['timeout_s']:.0f} s{at}"
    if r.get("out_of_memory"):
        return f"out of memory (limit {r['mem_limit_mib']} MiB of address space){at}"
    return None


def section_scaling(kids: _Children, pairs: list[tuple[int, int]]) -> dict[str, Any]:
    """t(4S)/t(S) for each family and each (S, 4S) pair; MB/s at the largest size."""
    out: dict[str, Any] = {}
    for family in FAMILIES:
        rows = []
        for small, big in pairs:
            a = kids.get(family, small)
            b = kids.get(family, big)
            row: dict[str, Any] = {"S": small, "4S": big}
            if _failed(a) or _failed(b):
                row["failed"] = f"S: {_failed(a)}" if _failed(a) else f"4S: {_failed(b)}"
                row["ratio"] = None
                if not _failed(a) and b.get("timed_out") and not b.get("at_smaller"):
                    # The child's start-up takes a few seconds of the budget.
                    row["ratio_above"] = (b["timeout_s"] - 5) / a["cpu_s"]
                    row["t_S"] = a["cpu_s"]
            else:
                row.update(
                    t_S=a["cpu_s"],
                    t_4S=b["cpu_s"],
                    ratio=b["cpu_s"] / a["cpu_s"] if a["cpu_s"] else None,
                    mb_per_s_4S=b["bytes"] / MB / b["cpu_s"] if b["cpu_s"] else None,
                    spans_ok=a.get("spans_ok") is not False and b.get("spans_ok") is not False,
                )
            rows.append(row)
        out[family] = rows
    return out


def section_memory(
    kids: _Children, size: int, bbc: Path, stream_n: int, plugins: bool
) -> dict[str, Any]:
    """Peak RSS of one large article per family, and of streaming many articles."""
    per: dict[str, Any] = {}
    for family in FAMILIES:
        r = kids.get(family, size)
        fail = _failed(r)
        if fail:
            # The largest size that did finish still says how memory grows.
            done = [
                v for (f, n), v in kids.cache.items() if f == family and n < size and not _failed(v)
            ]
            per[family] = {"failed": fail}
            if not done:
                continue
            r = max(done, key=lambda v: v["size"])
            per[family]["fallback_size"] = r["size"]
        per.setdefault(family, {}).update(
            {
                "mb": r["bytes"] / MB,
                "x_input": r["peak_above_baseline_mib"] * MIB / r["bytes"],
                "bytes_per_char": r["peak_above_baseline_mib"] * MIB / r["chars"],
                "raw_x_input": r["raw_peak_rss_mib"] * MIB / r["bytes"],
                "peak_above_baseline_mib": r["peak_above_baseline_mib"],
                "raw_peak_rss_mib": r["raw_peak_rss_mib"],
                "json_x_input": (r["json_bytes"] / r["bytes"]) if r.get("json_bytes") else None,
                "json_capped": r.get("json_capped", False),
                "records": r.get("records"),
                "cpu_s": r["cpu_s"],
                "trace": r.get("trace"),
            }
        )
    stream = _run_child(["stream", str(bbc), str(stream_n)], plugins)
    return {"size": size, "families": per, "stream": stream}


def section_spacy(python: Path, quick: bool) -> dict[str, Any]:
    """vs_spacy.py in its own environment, if that environment exists."""
    if not python.exists():
        return {"note": f"skipped: {python} not found; build it with benchmarks/spacy_env.sh"}
    args = [str(python), str(HERE / "vs_spacy.py"), "--json", *(["--quick"] if quick else [])]
    proc = subprocess.run(args, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        return {"note": f"failed: {proc.stderr.strip().splitlines()[-1:]}"}
    res: dict[str, Any] = json.loads(proc.stdout)
    return res


# -- report ---------------------------------------------------------------------------------------


def _v(ok: bool | None) -> str:
    return "" if ok is None else ("ok" if ok else "MISS")


def table(res: dict[str, Any]) -> str:
    """The results as a plain-text table: figure, measured value, target, verdict."""
    T = TARGETS
    rows: list[tuple[str, str, str, str]] = []
    notes: list[str] = []
    p = res.get("pipeline")
    if p:
        rows.append(
            (
                f"pipeline / token pass, BBC {p['articles']} articles ({p['mb']:.2f} MB), CPU",
                f"{p['ratio']:.2f}x (median {p['ratio_median_paired']:.2f}x, "
                f"spread {p['ratio_spread'][0]:.2f}-{p['ratio_spread'][1]:.2f}, wall "
                f"{p['ratio_wall']:.2f}x)",
                f"<= {T['pipeline_vs_tokens']:.0f}x",
                _v(p["ratio"] <= T["pipeline_vs_tokens"]),
            )
        )
        rows.append(
            (
                "  pipeline | token pass",
                f"{p['pipeline_mb_per_s']:.2f} MB/s ({p['articles_per_s']:.0f} art/s) | "
                f"{p['tokens_mb_per_s']:.1f} MB/s",
                "",
                "",
            )
        )
        st = p["stages"]
        if "share" in st:
            shares = ", ".join(f"{k} {v:.0%}" for k, v in st["share"].items())
            rows.append(("  share of pipeline time", shares, "", ""))
        else:
            notes.append(f"pipeline stages: {st['note']}")
    c = res.get("coldstart")
    if c:
        rows.append(
            (
                "cold start: import + first parse / pydantic + 1 model",
                f"{c['ratio']:.2f}x ({c['newsparse_s'] * 1000:.0f} / "
                f"{c['pydantic_s'] * 1000:.0f} ms CPU; wall {c['ratio_wall']:.2f}x; "
                f"median {c['ratio_median_paired']:.2f}x)",
                f"<= {T['coldstart_vs_pydantic']:.0f}x",
                _v(c["ratio"] <= T["coldstart_vs_pydantic"]),
            )
        )
        rows.append(
            (
                "  import | first parse (CPU) | whole process, wall (both)",
                f"{c['import_s'] * 1000:.0f} | {c['first_parse_s'] * 1000:.0f} ms | "
                f"{c['process_newsparse_s'] * 1000:.0f} vs {c['process_pydantic_s'] * 1000:.0f} ms",
                "",
                "",
            )
        )
        rows.append(
            (
                "  import newsparse imports hypothesis",
                f"{c['hypothesis_on_import']} (after first parse: {c['hypothesis_after_parse']})",
                "False",
                _v(not c["hypothesis_on_import"]),
            )
        )
    w = res.get("workers")
    if w:
        for key, label, target in (
            ("cli", "newsparse parse --jobs 2 / --jobs 1", True),
            ("parse_many", "parse_many jobs=2 / jobs=1", False),
        ):
            r = w[key]
            extra = f", same output {r['same_output']}" if key == "cli" else ""
            rows.append(
                (
                    f"{label}, BBC {w['articles']} articles, wall",
                    f"{r['speedup']:.2f}x ({r['wall_1']:.2f} / {r['wall_2']:.2f} s; median "
                    f"{r['speedup_median_paired']:.2f}x{extra})",
                    f">= {T['jobs2_speedup']}x" if target else "",
                    _v(r["speedup"] >= T["jobs2_speedup"]) if target else "",
                )
            )
            busy = r.get("others_share_best_runs")
            detail = f"CPU {r['cpu_1']:.2f} / {r['cpu_2']:.2f} s (+{r['cpu_overhead']:.0%})"
            if r.get("idle_estimate"):
                detail += (
                    f"; serial {r['serial_s']:.2f} s; idle-machine estimate "
                    f"{r['idle_estimate']:.2f}x"
                )
            if busy:
                detail += f"; other processes {busy[0]:.0%} / {busy[1]:.0%} of the machine"
            rows.append(("  all processes, 1 / 2 jobs", detail, "", ""))
            if (r.get("others_share_max") or 0) > 0.1:
                notes.append(
                    f"{label}: other processes used up to {r['others_share_max']:.0%} of the "
                    "machine during these runs; the wall-clock speed-up understates; re-run "
                    "`--only workers` on a quiet machine"
                )
    s = res.get("scaling")
    if s:
        for family, prs in s.items():
            for r in prs:
                label = f"scaling {family}: t(4S)/t(S), S={r['S'] / 1e6:g} MB"
                if r["ratio"] is None:
                    above = f"> {r['ratio_above']:.1f}: " if r.get("ratio_above") else ""
                    rows.append((label, above + r["failed"], f"<= {T['scaling_4x']}", "MISS"))
                    continue
                rows.append(
                    (
                        label,
                        f"{r['ratio']:.2f} ({r['t_S']:.2f} / {r['t_4S']:.2f} s, "
                        f"{r['mb_per_s_4S']:.2f} MB/s)",
                        f"<= {T['scaling_4x']}",
                        _v(r["ratio"] <= T["scaling_4x"] and r["spans_ok"]),
                    )
                )
            if family in THROUGHPUT_FAMILIES:
                last = prs[-1]
                rate = last.get("mb_per_s_4S")
                rows.append(
                    (
                        f"throughput {family} at {last['4S'] / 1e6:g} MB",
                        f"{rate:.2f} MB/s" if rate else last.get("failed", "-"),
                        f">= {T['min_mb_per_s']:.0f} MB/s",
                        _v(bool(rate) and rate >= T["min_mb_per_s"]),
                    )
                )
    m = res.get("memory")
    if m:
        for family, r in m["families"].items():
            label = f"memory {family}, {m['size'] / 1e6:g} MB: peak above baseline / input"
            if "failed" in r and "fallback_size" not in r:
                rows.append((label, r["failed"], f"<= {T['memory_x_input']:.0f}x", "MISS"))
                continue
            if "failed" in r:
                label = (
                    f"memory {family}, {r['fallback_size'] / 1e6:g} MB (largest that finished):"
                    " peak above baseline / input"
                )
            ok = r["x_input"] <= T["memory_x_input"]
            if family in BYTES_PER_CHAR_FAMILIES:
                ok = ok and r["bytes_per_char"] < T["bytes_per_char"]
            json_x = ""
            if r.get("json_x_input"):
                more = "> " if r["json_capped"] else ""
                json_x = f", JSON {more}{r['json_x_input']:.1f}x"
            rows.append(
                (
                    label,
                    f"{r['x_input']:.1f}x ({r['peak_above_baseline_mib']:.0f} MiB; "
                    f"{r['bytes_per_char']:.1f} B/char; raw {r['raw_x_input']:.1f}x{json_x})"
                    + (f"; {m['size'] / 1e6:g} MB: {r['failed']}" if "failed" in r else ""),
                    f"<= {T['memory_x_input']:.0f}x",
                    _v(ok and "failed" not in r),
                )
            )
        st = m["stream"]
        rows.append(
            (
                f"stream {st['articles']} BBC articles through parse_many: peak RSS",
                f"{st['peak_rss_mib']:.0f} MiB (after import {st['rss_after_import_mib']:.0f} MiB)",
                f"< {T['stream_peak_mib']:.0f} MiB",
                _v(st["peak_rss_mib"] < T["stream_peak_mib"]),
            )
        )
    sp = res.get("spacy")
    if sp:
        if "ratio" in sp:
            rows.append(
                (
                    f"textacy + spaCy time / newsparse time, {sp['texts']} stories",
                    f"{sp['ratio']:.1f}x ({sp['newsparse_mb_per_s']:.2f} vs "
                    f"{sp['spacy_mb_per_s']:.3f} MB/s; median {sp['ratio_median_paired']:.1f}x)",
                    f">= {T['vs_spacy']:.0f}x",
                    _v(sp["ratio"] >= T["vs_spacy"]),
                )
            )
        else:
            notes.append(f"spacy: {sp['note']}")
    width = max((len(r[0]) for r in rows), default=10)
    vwidth = max((len(r[1]) for r in rows), default=10)
    lines = [f"newsparse benchmark — {res['machine']}", f"command: {res['command']}", ""]
    lines += [f"{a:<{width}}  {b:<{vwidth}}  {c:<10} {d}".rstrip() for a, b, c, d in rows]
    lines += [f"note: {n}" for n in notes]
    return "\n".join(lines)


SECTIONS = ("pipeline", "coldstart", "workers", "scaling", "memory", "spacy")
ALIASES = {"throughput": "pipeline", "import": "coldstart"}


def main(argv: list[str] | None = None) -> int:
    """Run the chosen sections and print a table or JSON."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--bbc", type=Path, default=DEFAULT_BBC, help="BBC JSONL corpus")
    ap.add_argument("--seed", type=Path, default=DEFAULT_SEED, help="the seed article (.txt)")
    ap.add_argument("--json", action="store_true", help="print JSON instead of the table")
    ap.add_argument("--save", type=Path, help="also write the JSON figures to this file")
    ap.add_argument("--show", type=Path, help="print the table of a saved JSON file and stop")
    ap.add_argument("--only", default=",".join(SECTIONS), help="comma-separated sections")
    ap.add_argument("--quick", action="store_true", help="small inputs, for a fast look")
    ap.add_argument("--articles", type=int, default=1000, help="BBC articles in `pipeline`")
    ap.add_argument("--rounds", type=int, default=5, help="alternating rounds in `pipeline`")
    ap.add_argument("--cold-repeat", type=int, default=7, help="best of N in `coldstart`")
    ap.add_argument("--worker-rounds", type=int, default=3, help="alternating rounds, `workers`")
    ap.add_argument("--worker-articles", type=int, default=None, help="BBC articles (default all)")
    ap.add_argument("--max-mb", type=float, default=10.0, help="largest article in `scaling`")
    ap.add_argument("--stream", type=int, default=10_000, help="articles streamed in `memory`")
    ap.add_argument("--budget", type=float, default=180.0, help="kill a parse child after N s")
    ap.add_argument("--mem-limit-mib", type=int, default=4096, help="address space of a child")
    ap.add_argument("--spacy-python", type=Path, default=SPACY_PYTHON)
    ap.add_argument("--profile", action="store_true", help="cProfile the pipeline section")
    ap.add_argument("--trace", action="store_true", help="tracemalloc in the memory children")
    ap.add_argument("--plugins", action="store_true", help="include installed plugins")
    ap.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.show:
        print(table(json.loads(args.show.read_text(encoding="utf-8"))))
        return 0
    if not args.plugins:
        os.environ["NEWSPARSE_PLUGINS"] = ""
    if args.child:
        task, *rest = args.child
        if task == "parse":
            answer = child_parse(
                rest[0], int(rest[1]), int(rest[2]), float(rest[3]), rest[4] == "1"
            )
        elif task == "stream":
            answer = child_stream(rest[0], int(rest[1]))
        else:
            raise SystemExit(f"unknown child task {task}")
        print(json.dumps(answer))
        return 0

    sys.path.insert(0, str(ROOT / "src"))
    only = {ALIASES.get(x.strip(), x.strip()) for x in args.only.split(",") if x.strip()}
    unknown = only - set(SECTIONS)
    if unknown:
        ap.error(f"unknown section(s) {sorted(unknown)}; choose from {', '.join(SECTIONS)}")
    if args.quick:
        args.articles = min(args.articles, 200)
        args.rounds = min(args.rounds, 3)
        args.cold_repeat = min(args.cold_repeat, 3)
        args.worker_rounds = min(args.worker_rounds, 2)
        args.worker_articles = args.worker_articles or 300
        args.stream = min(args.stream, 1000)
        args.max_mb = min(args.max_mb, 0.2)
    big = int(args.max_mb * MB)
    pairs = [(big // 40, big // 10), (big // 4, big)] if not args.quick else [(big // 4, big)]
    res: dict[str, Any] = {
        "machine": f"{platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, {platform.machine()}",
        "command": " ".join(["bench.py", *(sys.argv[1:] if argv is None else argv)]),
        "targets": TARGETS,
        "load_average_start": os.getloadavg(),
    }
    started = time.perf_counter()
    kids = _Children(
        args.plugins, args.budget, args.mem_limit_mib, args.trace, 0.5 if args.quick else 5.0
    )
    if "pipeline" in only:
        res["pipeline"] = section_pipeline(args.bbc, args.articles, args.rounds, args.profile)
    if "coldstart" in only:
        res["coldstart"] = section_coldstart(args.seed, args.plugins, args.cold_repeat)
    if "workers" in only:
        res["workers"] = section_workers(
            args.bbc, args.worker_articles, args.worker_rounds, args.plugins
        )
    if "scaling" in only:
        res["scaling"] = section_scaling(kids, pairs)
    if "memory" in only:
        res["memory"] = section_memory(kids, big, args.bbc, args.stream, args.plugins)
    if "spacy" in only:
        res["spacy"] = section_spacy(args.spacy_python, args.quick)
    if kids.cache:
        # Every parse child's answer (time, memory, record counts) by family and size.
        res["parse_children"] = [
            {k: v for k, v in r.items() if k != "trace"} for r in kids.cache.values()
        ]
    res["seconds"] = time.perf_counter() - started
    res["load_average_end"] = os.getloadavg()
    if args.save:
        args.save.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps(res, indent=2))
    else:
        print(table(res))
        print(
            f"\n{res['seconds']:.0f} s; load average {res['load_average_start'][0]:.1f} at "
            f"start, {res['load_average_end'][0]:.1f} at end"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
