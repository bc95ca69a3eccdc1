"""Consistency checks for an article from anywhere, usable in production code: no pytest needed.

``article_problems(article)`` lists what is inconsistent; ``assert_article_consistent(article)``
raises ``AssertionError`` listing it. They are useful on articles built without validation
(``model_construct``, ``model_copy(update=…)``), read back from storage, or produced by a plugin.
Each check below is one small function over the article; the JSON round trip runs last, only
when everything else holds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from pydantic import ValidationError

from .models import Article, Span

__all__ = ["article_problems", "assert_article_consistent"]

Check = Callable[[Article], Iterator[str]]


def _ordered(spans: Iterable[tuple[int, int]]) -> bool:
    """Whether ``(start, end)`` ranges come in order without overlapping."""
    prev_start = prev_end = -1
    for s, e in spans:
        if s < prev_start or s < prev_end:
            return False
        prev_start, prev_end = s, e
    return True


def _all_spans(article: Article) -> Iterator[tuple[str, Span]]:
    try:
        yield from article.iter_spans()
    except ValidationError as exc:  # a plugin record holding a span-shaped dict that is not one
        yield "records", Span.model_construct(start=-1, end=-1, text=str(exc)[:80])


def _spans_reproduce_text(article: Article) -> Iterator[str]:
    text = article.text
    n = len(text)
    for where, s in _all_spans(article):
        if not (0 <= s.start <= s.end <= n):
            yield f"{where}: [{s.start}, {s.end}) is not a range of the {n}-char text"
        elif text[s.start : s.end] != s.text:
            yield f"{where}: text {s.text[:30]!r} is not text[{s.start}:{s.end}]"


def _quote_shapes(article: Article) -> Iterator[str]:
    for q in article.quotes:
        segs = [(s.start, s.end) for s in q.segments]
        if not segs or segs[0][0] != q.start or segs[-1][1] != q.end:
            yield f"{q.id}: start/end are not its first segment's start and last's end"
        if not _ordered(segs):
            yield f"{q.id}: segments overlap or are out of order"
        if article.text[q.start : q.end] != q.text:
            yield f"{q.id}: text is not text[{q.start}:{q.end}]"


def _unique_ids(article: Article) -> Iterator[str]:
    seen: dict[str, str] = {}
    groups = (
        ("actor", article.actors),
        ("place", article.places),
        ("quote", article.quotes),
        ("ceasefire claim", article.ceasefire_claims),
    )
    for kind, items in groups:
        for item in items:
            if item.id in seen:
                yield f"duplicate id {item.id!r} ({seen[item.id]} and {kind})"
            seen.setdefault(item.id, kind)


def _actor_references(article: Article) -> Iterator[str]:
    actor_ids = {a.id for a in article.actors}
    for a in article.actors:
        for ref in a.affiliations:
            if ref not in actor_ids or ref == a.id:
                yield f"{a.id}: affiliation {ref!r} is not another actor"
    for q in article.quotes:
        if q.speaker is not None and q.speaker not in actor_ids:
            yield f"{q.id}: speaker {q.speaker!r} is not an actor"


def _mentions_in_order(article: Article) -> Iterator[str]:
    for group in (article.actors, article.places):
        for item in group:
            ms = [(m.start, m.end) for m in item.mentions]
            if ms != sorted(set(ms)):
                yield f"{item.id}: mentions are not in order or repeat"


def _claim_references(article: Article) -> Iterator[str]:
    actor_ids = {a.id for a in article.actors}
    quote_ids = {q.id for q in article.quotes}
    for c in article.ceasefire_claims:
        for role in ("parties", "brokers", "excluded"):
            for ref in getattr(c, role):
                if ref not in actor_ids:
                    yield f"{c.id}: {role} id {ref!r} is not an actor"
        if c.source != "narrator" and c.source not in actor_ids:
            yield f"{c.id}: source {c.source!r} is neither 'narrator' nor an actor"
        if c.quote is not None and c.quote not in quote_ids:
            yield f"{c.id}: quote {c.quote!r} is not a quote"


def _claim_places(article: Article) -> Iterator[str]:
    for c in article.ceasefire_claims:
        if c.sentence is not None:
            if c.sentence >= len(article.sentences):
                yield f"{c.id}: sentence {c.sentence} is not a sentence of the article"
            else:
                sent = article.sentences[c.sentence]
                if not (sent.start <= c.trigger.start <= c.trigger.end <= sent.end):
                    yield f"{c.id}: trigger is not inside its sentence"
        t = c.time
        if t is not None and t.date_from and t.date_to and t.date_from > t.date_to:
            yield f"{c.id}: time runs from {t.date_from} back to {t.date_to}"


def _record_references(article: Article) -> Iterator[str]:
    ids = {
        "actor": {a.id for a in article.actors},
        "quote": {q.id for q in article.quotes},
        "claim": {c.id for c in article.ceasefire_claims},
    }
    for where, key, ref in article.iter_refs():
        if ref not in ids[key]:
            yield f"{where}: {key} {ref!r} is not in the article"


def _text_order(article: Article) -> Iterator[str]:
    quote_keys = [[(s.start, s.end) for s in q.segments] for q in article.quotes]
    if quote_keys != sorted(quote_keys):
        yield "quotes are not in text order"
    claim_keys = [(c.trigger.start, c.trigger.end) for c in article.ceasefire_claims]
    if claim_keys != sorted(claim_keys):
        yield "ceasefire claims are not in text order"


def _segmentation(article: Article) -> Iterator[str]:
    paragraphs = [(s.start, s.end) for s in article.paragraphs]
    if not _ordered(paragraphs):
        yield "paragraphs overlap or are out of order"
    if not _ordered((s.start, s.end) for s in article.sentences):
        yield "sentences overlap or are out of order"
    if paragraphs:
        for i, s in enumerate(article.sentences):
            if not any(ps <= s.start and s.end <= pe for ps, pe in paragraphs):
                yield f"sentences[{i}] lies outside every paragraph"


def _round_trip(article: Article) -> Iterator[str]:
    try:
        again = Article.model_validate_json(article.model_dump_json())
    except (ValidationError, ValueError) as exc:
        yield f"does not survive a JSON round trip: {exc}"[:300]
        return
    if again != article:
        yield "a JSON round trip changes the article"


#: Every check, in the order its findings are listed.
CHECKS: tuple[Check, ...] = (
    _spans_reproduce_text,
    _quote_shapes,
    _unique_ids,
    _actor_references,
    _mentions_in_order,
    _claim_references,
    _claim_places,
    _record_references,
    _text_order,
    _segmentation,
)


def article_problems(article: Article) -> list[str]:
    """Everything inconsistent in ``article``, as readable lines (empty when all is well)."""
    out = [problem for check in CHECKS for problem in check(article)]
    if not out:  # a round trip of a broken article would only repeat what is listed
        out.extend(_round_trip(article))
    return out


def assert_article_consistent(article: Article) -> None:
    """Fail with every problem listed when ``article`` is not consistent.

    Checks that every span reproduces its text, quote segments are ordered and non-overlapping,
    ids are unique, every id reference resolves (plugin records' ``ActorRef``, ``QuoteRef`` and
    ``ClaimRef`` included), quotes, claims, paragraphs and sentences are in text order, triggers
    lie inside their sentence, and the article round-trips through JSON.
    """
    problems = article_problems(article)
    if problems:
        listed = "\n  ".join(problems)
        raise AssertionError(f"article {article.id!r} is inconsistent:\n  {listed}")
