"""Count ceasefire claims on a corpus without gold claims, by topic, to find false positives;
and time the ceasefire extractor alone.

    python benchmarks/ceasefire_fp.py ../shared/eval/dev/bbc_fulltext.jsonl [--show] [--jobs 2]
    python benchmarks/ceasefire_fp.py ../shared/eval/dev/bbc_fulltext.jsonl --speed 1000

The topic is the part of each record's ``id`` before the first ``/`` after the corpus name
(``bbc/politics/129`` → ``politics``). Every claim is a candidate false positive unless the story
really is about an armed conflict's truce; ``--show`` prints each one with its sentence.

``--speed N`` runs the extractors before ``ceasefire`` on the first N records, then times the
ceasefire extractor alone over them (best of three), beside one regex pass listing every token
span of the same texts, measured in the same process.
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
from newsparse.draft import Draft
from newsparse.pipeline import Pipeline
from newsparse.plugins import get_plugin_manager

_TOKEN = r"\w+(?:['’]\w+)*|[^\w\s]"


def speed(path: Path, n: int) -> dict[str, float]:
    """Seconds of the ceasefire extractor alone on ``n`` records, and of a token pass."""
    import regex

    pipe = Pipeline(get_plugin_manager())
    steps = list(pipe.extractors)
    ceasefire = next(ex for ex in steps if ex.name == "ceasefire")
    drafts = []
    for rec, _ in zip(_records(path), range(n), strict=False):
        draft = Draft(rec["text"], id=str(rec.get("id", "")))
        for ex in steps:
            if ex.name == "ceasefire":
                break
            Pipeline._run_one(ex, draft, strict=False)
        drafts.append(draft)
    texts = [d.text for d in drafts]
    token = regex.compile(_TOKEN)

    def tokens() -> None:
        for t in texts:
            for _ in token.finditer(t):
                pass

    def claims() -> None:
        for d in drafts:
            d._begin(ceasefire.name, ceasefire.writes)
            ceasefire(d)
            d._end()

    def best(fn: Any) -> float:
        times = []
        for _ in range(3):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        return min(times)

    pipe.run("The army and the rebels agreed a truce. Fighting went on despite the accord.")
    out = {"articles": float(len(drafts)), "mb": sum(len(t.encode()) for t in texts) / 1e6}
    # The lexicon is loaded on first use (above). One timed run: a second run over the same
    # drafts would find their claims again.
    start = time.perf_counter()
    claims()
    out["ceasefire_s"] = time.perf_counter() - start
    out["token_pass_s"] = best(tokens)
    out["ratio"] = out["ceasefire_s"] / out["token_pass_s"]
    return out


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
    ap.add_argument("--speed", type=int, metavar="N", help="time the extractor on N records")
    a = ap.parse_args(argv)
    if a.speed:
        figures = speed(a.corpus, a.speed)
        print(
            f"ceasefire extractor alone: {figures['ceasefire_s']:.4f} s on "
            f"{figures['articles']:.0f} articles ({figures['mb']:.2f} MB); token pass "
            f"{figures['token_pass_s']:.4f} s; ratio {figures['ratio']:.3f}"
        )
        return 0
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
