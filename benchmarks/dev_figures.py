"""Every dev figure in one run, and what changed since another run.

    python benchmarks/dev_figures.py --out /tmp/after              # parse + score every dev set
    python benchmarks/dev_figures.py --out /tmp/after --compare /tmp/before

Parses each annotated file of ``../shared/eval/dev/`` once with the installed newsparse, keeps the
predictions in ``--out`` (one JSONL per file), scores them with the shared ``score.py`` and writes
``figures.json`` beside them. With ``--compare`` it prints both runs' figures side by side and
counts, per file, the documents whose quotes, actors or claims changed, so a rebuild can show that
behaviour is preserved (or say exactly where it is not). The data stays outside the repository.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import newsparse

HERE = Path(__file__).resolve().parent
DEV = HERE.parent.parent / "shared" / "eval" / "dev"
SCORER = DEV.parent / "score.py"

#: (file, scorer task, extra scorer flags, figures to report as "name": path in the scorer's JSON)
RUNS: list[tuple[str, str, list[str], dict[str, str]]] = [
    (
        "voa_dev.jsonl",
        "quotes",
        [],
        {
            "marked F1": "quotes_marked.extraction.f1",
            "marked speaker acc": "quotes_marked.speaker_accuracy_on_matched",
            "marked end-to-end F1": "quotes_marked.attribution_end_to_end.f1",
        },
    ),
    (
        "voa_dev.jsonl",
        "actors",
        [],
        {
            "actors F1": "actors.actors.f1",
            "actors P": "actors.actors.precision",
            "actors R": "actors.actors.recall",
            "actors kind acc": "actors.kind_accuracy_on_matched",
        },
    ),
    (
        "polnear_traindev.jsonl",
        "quotes",
        [],
        {
            "direct F1": "quotes_direct.extraction.f1",
            "direct end-to-end F1": "quotes_direct.attribution_end_to_end.f1",
            "direct speaker acc": "quotes_direct.speaker_accuracy_on_matched",
            "all F1": "quotes_all.extraction.f1",
            "all end-to-end F1": "quotes_all.attribution_end_to_end.f1",
        },
    ),
    (
        "conll2003_traindev.jsonl",
        "entities",
        [],
        {
            "overlap F1": "entities.overlap.f1",
            "exact F1": "entities.exact.f1",
            "ORG exact F1": "entities.by_label.ORG.f1",
            "PER exact F1": "entities.by_label.PER.f1",
            "LOC exact F1": "entities.by_label.LOC.f1",
        },
    ),
    (
        "re3d_dev.jsonl",
        "entities",
        ["--named-only"],
        {
            "named overlap F1": "entities.overlap.f1",
            "named exact F1": "entities.exact.f1",
        },
    ),
    (
        "cf_dev.jsonl",
        "ceasefire",
        [],
        {
            "detection F1": "ceasefire.detection.f1",
            "detection P": "ceasefire.detection.precision",
            "detection R": "ceasefire.detection.recall",
            "status acc": "ceasefire.status_accuracy_on_matched",
            "party recall": "ceasefire.party_recall_on_matched",
            "source acc": "ceasefire.source_accuracy_on_matched",
        },
    ),
]


def _records(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            rec.pop("gold", None)
            yield rec


def predict(name: str, out: Path, jobs: int) -> float:
    """Parse one dev file into ``out/name``; return the seconds it took."""
    start = time.perf_counter()
    with (out / name).open("w", encoding="utf-8") as fh:
        for article in newsparse.parse_many(_records(DEV / name), jobs=jobs):
            fh.write(article.model_dump_json() + "\n")
    return time.perf_counter() - start


def _get(data: Any, path: str) -> Any:
    for key in path.split("."):
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def score(name: str, task: str, flags: list[str], out: Path) -> dict[str, Any]:
    cmd = [sys.executable, str(SCORER), str(DEV / name), str(out / name), "--task", task, "--json"]
    res = subprocess.run([*cmd, *flags], capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(res.stdout)
    return result


def figures(out: Path, jobs: int) -> dict[str, dict[str, Any]]:
    """Parse and score every dev set; return ``{"file task": {figure: value}}``."""
    done: set[str] = set()
    table: dict[str, dict[str, Any]] = {}
    for name, task, flags, wanted in RUNS:
        if name not in done:
            secs = predict(name, out, jobs)
            done.add(name)
            print(f"# parsed {name} in {secs:.1f} s", file=sys.stderr)
        raw = score(name, task, flags, out)
        table[f"{name} {task}{' ' + ' '.join(flags) if flags else ''}"] = {
            k: _get(raw, path) for k, path in wanted.items()
        }
    return table


def _outputs(path: Path) -> dict[str, dict[str, Any]]:
    keep = ("quotes", "actors", "places", "ceasefire_claims")
    docs = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            docs[art["id"]] = {k: art.get(k) for k in keep}
    return docs


def changed(before: Path, after: Path) -> dict[str, dict[str, int]]:
    """Per dev file and collection, how many documents' output differs between two runs."""
    out: dict[str, dict[str, int]] = {}
    for name in sorted({r[0] for r in RUNS}):
        if not (before / name).exists() or not (after / name).exists():
            continue
        b, a = _outputs(before / name), _outputs(after / name)
        counts = {"documents": len(a)}
        for key in ("quotes", "actors", "places", "ceasefire_claims"):
            counts[key] = sum(1 for d in a if b.get(d, {}).get(key) != a[d].get(key))
        out[name] = counts
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--out", type=Path, required=True, help="folder for predictions and figures")
    ap.add_argument("--compare", type=Path, help="an earlier --out folder to compare with")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--rescore", action="store_true", help="score the predictions in --out again")
    a = ap.parse_args(argv)
    a.out.mkdir(parents=True, exist_ok=True)
    if a.rescore:
        table = {
            f"{n} {t}{' ' + ' '.join(f) if f else ''}": {
                k: _get(score(n, t, f, a.out), p) for k, p in w.items()
            }
            for n, t, f, w in RUNS
        }
    else:
        table = figures(a.out, a.jobs)
    (a.out / "figures.json").write_text(json.dumps(table, indent=1), encoding="utf-8")
    old: dict[str, dict[str, Any]] = {}
    if a.compare is not None:
        old = json.loads((a.compare / "figures.json").read_text(encoding="utf-8"))
    for run, figs in table.items():
        print(f"\n{run}")
        for k, v in figs.items():
            was = old.get(run, {}).get(k)
            delta = ""
            if isinstance(was, float) and isinstance(v, float):
                d = v - was
                delta = f"   (was {was:.4f}, {'+' if d >= 0 else ''}{d:.4f})"
            print(f"  {k:24} {v if v is not None else '-':<8}{delta}")
    if a.compare is not None:
        print("\ndocuments whose output changed:")
        for name, counts in changed(a.compare, a.out).items():
            print(f"  {name}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
