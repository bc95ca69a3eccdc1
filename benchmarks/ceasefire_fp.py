"""Count ceasefire claims on a corpus without gold claims, by topic, to find false positives.

    python benchmarks/ceasefire_fp.py ../shared/eval/dev/bbc_fulltext.jsonl [--show] [--jobs 2]

The topic is the part of each record's ``id`` before the first ``/`` after the corpus name
(``bbc/politics/129`` → ``politics``). Every claim is a candidate false positive unless the story
really is about an armed conflict's truce; ``--show`` prints each one with its sentence.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import newsparse


def _records(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            rec.pop("gold", None)
            yield rec


def _topic(doc_id: str) -> str:
    parts = doc_id.split("/")
    return parts[1] if len(parts) > 2 else parts[0]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--show", action="store_true", help="print every claim with its sentence")
    a = ap.parse_args(argv)
    docs: Counter[str] = Counter()
    claims: Counter[str] = Counter()
    with_claims: Counter[str] = Counter()
    start = time.perf_counter()
    for art in newsparse.parse_many(_records(a.corpus), jobs=a.jobs):
        topic = _topic(art.id)
        docs[topic] += 1
        claims[topic] += len(art.ceasefire_claims)
        with_claims[topic] += bool(art.ceasefire_claims)
        if a.show:
            for c in art.ceasefire_claims:
                sent = art.sentence_of(c)
                where = sent.text[:160] if sent else ""
                print(f"{art.id}\t{c.status}\t{c.trigger.text!r}\t{where!r}")
    secs = time.perf_counter() - start
    print(f"# {sum(docs.values())} documents in {secs:.1f} s")
    print(f"{'topic':<15}{'docs':>6}{'claims':>8}{'docs with claims':>18}")
    for topic in sorted(docs):
        print(f"{topic:<15}{docs[topic]:>6}{claims[topic]:>8}{with_claims[topic]:>18}")
    print(
        f"{'total':<15}{sum(docs.values()):>6}{sum(claims.values()):>8}{sum(with_claims.values()):>18}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
