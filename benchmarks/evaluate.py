"""Measure newsparse against annotated data with the shared scorer.

    python benchmarks/evaluate.py ../shared/eval/dev/polnear_traindev.jsonl --task quotes
    python benchmarks/evaluate.py ../shared/eval/dev/conll2003_traindev.jsonl --task entities
    python benchmarks/evaluate.py ../shared/eval/dev/re3d_dev.jsonl --task entities --named-only
    python benchmarks/evaluate.py ../shared/eval/dev/cf_dev.jsonl --task ceasefire

Parses the gold file with newsparse (as ``newsparse parse --format jsonl`` would), writes the
predictions next to a temporary folder (or ``--pred``), runs ``score.py`` on them and prints its
figures. The data and the scorer stay outside the repository.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import newsparse

HERE = Path(__file__).resolve().parent
DEFAULT_SCORER = HERE.parent.parent / "shared" / "eval" / "score.py"


def predict(gold: Path, pred: Path, jobs: int, limit: int | None) -> tuple[int, float]:
    """Parse every gold document; return (documents, seconds)."""
    start = time.perf_counter()
    n = 0

    def records():  # type: ignore[no-untyped-def]
        with gold.open(encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if limit is not None and i >= limit:
                    return
                rec = json.loads(line)
                rec.pop("gold", None)
                yield rec

    with pred.open("w", encoding="utf-8") as out:
        for article in newsparse.parse_many(records(), jobs=jobs):
            out.write(article.model_dump_json() + "\n")
            n += 1
    return n, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--task", default="all")
    ap.add_argument("--named-only", action="store_true")
    ap.add_argument("--iou", type=float, default=0.5)
    ap.add_argument("--pred", type=Path, help="keep predictions here")
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--limit", type=int, help="only the first N documents")
    ap.add_argument(
        "--skip-containing",
        metavar="STR",
        help="leave out documents whose text contains STR (e.g. \"''\" for the PolNeAR articles "
        "whose gold quote form does not know two-apostrophe quotation marks)",
    )
    ap.add_argument("--json", action="store_true", help="print the scorer's JSON only")
    a = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        pred = a.pred or Path(tmp) / "pred.jsonl"
        gold = a.gold
        if a.limit is not None or a.skip_containing:
            gold = Path(tmp) / "gold.jsonl"
            kept = 0
            with a.gold.open(encoding="utf-8") as src, gold.open("w", encoding="utf-8") as dst:
                for line in src:
                    if a.limit is not None and kept >= a.limit:
                        break
                    if a.skip_containing and a.skip_containing in json.loads(line)["text"]:
                        continue
                    dst.write(line)
                    kept += 1
        n, secs = predict(gold, pred, a.jobs, None)
        cmd = [
            sys.executable,
            str(a.scorer),
            str(gold),
            str(pred),
            "--task",
            a.task,
            "--iou",
            str(a.iou),
        ]
        if a.named_only:
            cmd.append("--named-only")
        if a.json:
            cmd.append("--json")
        res = subprocess.run(cmd, capture_output=True, text=True)
        if res.returncode != 0:
            sys.stderr.write(res.stderr)
            return res.returncode
        if not a.json:
            print(f"# {n} documents parsed in {secs:.1f} s ({n / max(secs, 1e-9):.0f} docs/s)")
        sys.stdout.write(res.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
