"""The working state of one article (:class:`Draft`), extractors, and the pipeline that orders them.

Extractors fill a light mutable :class:`Draft` with plain offsets; the pipeline validates it once,
at the end, into a frozen :class:`~newsparse.models.Article`.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import heapq
import os
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

import pluggy
from pydantic import BaseModel, ValidationError

from .errors import PipelineError, PluginError
from .models import Article, Diagnostic

__all__ = [
    "ActorDraft",
    "ClaimDraft",
    "Draft",
    "Extractor",
    "Pipeline",
    "PlaceDraft",
    "QuoteDraft",
    "extractor",
]

Offsets = tuple[int, int]

#: Capabilities every pipeline starts with.
BASE_CAPABILITIES = frozenset({"text", "metadata"})


@dataclass
class ActorDraft:
    """An actor under construction: offsets only, validated when the article is finished."""

    id: str
    name: str
    kind: str
    country: str | None = None
    titles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int, str]] = field(default_factory=list)
    """``(start, end, form)`` triples; ``form`` as in :class:`~newsparse.models.Mention`."""
    gender: str | None = None
    """``m``, ``f`` or None; lets pronoun resolution pick a compatible person."""

    def add_mention(self, start: int, end: int, form: str = "name") -> None:
        """Record one more mention of this actor."""
        self.mentions.append((start, end, form))


@dataclass
class PlaceDraft:
    """A place under construction."""

    id: str
    name: str
    country: str | None = None
    mentions: list[tuple[int, int, str]] = field(default_factory=list)

    def add_mention(self, start: int, end: int, form: str = "name") -> None:
        """Record one more mention of this place."""
        self.mentions.append((start, end, form))


@dataclass
class QuoteDraft:
    """A quote under construction."""

    id: str
    kind: str
    segments: list[Offsets]
    speaker: str | None = None
    speaker_mention: Offsets | None = None
    cue: Offsets | None = None
    confidence: float = 1.0

    @property
    def start(self) -> int:
        """Start of the first segment."""
        return self.segments[0][0]

    @property
    def end(self) -> int:
        """End of the last segment."""
        return self.segments[-1][1]


@dataclass
class ClaimDraft:
    """A ceasefire claim under construction."""

    id: str
    status: str
    trigger: Offsets
    evidence: Offsets
    parties: list[str] = field(default_factory=list)
    brokers: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    location: Offsets | None = None
    time: Offsets | None = None
    date_from: _dt.date | None = None
    date_to: _dt.date | None = None
    source: str = "narrator"
    quote: str | None = None
    name: Offsets | None = None
    negated: bool = False
    hypothetical: bool = False
    qualifiers: list[Offsets] = field(default_factory=list)
    confidence: float = 1.0


@dataclass
class Draft:
    """Mutable working state for one article, shared by every extractor in the pipeline."""

    text: str
    id: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    headline: Offsets | None = None
    boilerplate: list[Offsets] = field(default_factory=list)
    paragraphs: list[Offsets] = field(default_factory=list)
    sentences: list[Offsets] = field(default_factory=list)
    actors: list[ActorDraft] = field(default_factory=list)
    places: list[PlaceDraft] = field(default_factory=list)
    quotes: list[QuoteDraft] = field(default_factory=list)
    claims: list[ClaimDraft] = field(default_factory=list)
    records: dict[str, list[Any]] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    shared: dict[str, Any] = field(default_factory=dict)
    """Scratch space extractors share, keyed ``"extractor.thing"`` by convention."""
    _counters: dict[str, int] = field(default_factory=dict, repr=False)
    _sentence_starts: list[int] | None = field(default=None, repr=False)
    _paragraph_starts: list[int] | None = field(default=None, repr=False, compare=False)
    _actor_ids: tuple[object, dict[str, ActorDraft]] | None = field(
        default=None, repr=False, compare=False
    )
    _mention_index: tuple[object, _MentionIndex] | None = field(
        default=None, repr=False, compare=False
    )
    _quote_index: tuple[object, _QuoteIndex] | None = field(default=None, repr=False, compare=False)

    # -- ids and adders -------------------------------------------------------------------------

    def new_id(self, prefix: str) -> str:
        """Return the next unused id with this prefix (``a1``, ``a2``, …)."""
        n = self._counters.get(prefix, 0) + 1
        self._counters[prefix] = n
        return f"{prefix}{n}"

    def add_actor(self, name: str, kind: str, **fields: Any) -> ActorDraft:
        """Create an actor with a fresh id and add it to the draft."""
        actor = ActorDraft(id=self.new_id("a"), name=name, kind=kind, **fields)
        self.actors.append(actor)
        return actor

    def add_place(self, name: str, **fields: Any) -> PlaceDraft:
        """Create a place with a fresh id and add it to the draft."""
        place = PlaceDraft(id=self.new_id("p"), name=name, **fields)
        self.places.append(place)
        return place

    def add_quote(self, kind: str, segments: list[Offsets], **fields: Any) -> QuoteDraft:
        """Create a quote with a fresh id and add it to the draft."""
        quote = QuoteDraft(id=self.new_id("q"), kind=kind, segments=list(segments), **fields)
        self.quotes.append(quote)
        return quote

    def add_claim(
        self, status: str, trigger: Offsets, evidence: Offsets, **fields: Any
    ) -> ClaimDraft:
        """Create a ceasefire claim with a fresh id and add it to the draft."""
        claim = ClaimDraft(
            id=self.new_id("c"), status=status, trigger=trigger, evidence=evidence, **fields
        )
        self.claims.append(claim)
        return claim

    def add_record(self, kind: str, record: BaseModel | Mapping[str, Any]) -> None:
        """Add a plugin record of a registered ``kind`` (validated when the article is built)."""
        self.records.setdefault(kind, []).append(record)

    def warn(self, extractor: str, code: str, message: str) -> None:
        """Record a warning diagnostic for this article."""
        self.diagnostics.append(
            Diagnostic(extractor=extractor, code=code, level="warning", message=message)
        )

    # -- lookups shared by extractors -----------------------------------------------------------

    @property
    def published_date(self) -> _dt.date | None:
        """The publication date, when the metadata has a parseable one."""
        if not self.published:
            return None
        try:
            return _dt.datetime.fromisoformat(self.published.replace("Z", "+00:00")).date()
        except ValueError:
            try:
                return _dt.date.fromisoformat(self.published[:10])
            except ValueError:
                return None

    def sentence_index(self, offset: int) -> int | None:
        """Index in ``sentences`` of the sentence containing ``offset``, or None."""
        if self._sentence_starts is None or len(self._sentence_starts) != len(self.sentences):
            self._sentence_starts = [s for s, _ in self.sentences]
        i = bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i][1]:
            return i
        return None

    def sentence_at(self, offset: int) -> Offsets | None:
        """The sentence containing ``offset``, or None."""
        i = self.sentence_index(offset)
        return None if i is None else self.sentences[i]

    def paragraph_at(self, offset: int) -> Offsets | None:
        """The paragraph containing ``offset``, or None."""
        if self._paragraph_starts is None or len(self._paragraph_starts) != len(self.paragraphs):
            self._paragraph_starts = [s for s, _ in self.paragraphs]
        i = bisect_right(self._paragraph_starts, offset) - 1
        if i >= 0 and offset < self.paragraphs[i][1]:
            return self.paragraphs[i]
        return None

    # The indexes below are rebuilt when a cheap fingerprint of the lists changes, so a lookup
    # costs a bisect instead of a scan of every actor or quote (a scan per call is quadratic
    # over a long article).

    def actor(self, actor_id: str) -> ActorDraft | None:
        """The actor with this id, or None."""
        key = _fingerprint(self.actors)
        if self._actor_ids is None or self._actor_ids[0] != key:
            ids: dict[str, ActorDraft] = {}
            for a in self.actors:
                ids.setdefault(a.id, a)
            self._actor_ids = (key, ids)
        found = self._actor_ids[1].get(actor_id)
        if found is not None and found.id != actor_id:  # an id changed in place: look again
            self._actor_ids = None
            return self.actor(actor_id)
        return found

    def actor_at(self, start: int, end: int) -> ActorDraft | None:
        """The actor with a mention overlapping ``[start, end)`` (the longest such mention wins)."""
        # Extractors append mentions to existing actors, so the fingerprint counts them too.
        key = (*_fingerprint(self.actors), sum(len(a.mentions) for a in self.actors))
        if self._mention_index is None or self._mention_index[0] != key:
            self._mention_index = (key, _MentionIndex(self.actors))
        return self._mention_index[1].at(start, end)

    def quotes_at(self, offset: int) -> list[QuoteDraft]:
        """Every quote whose content (any segment) contains ``offset``, in ``quotes`` order."""
        key = _fingerprint(self.quotes)
        if self._quote_index is None or self._quote_index[0] != key:
            self._quote_index = (key, _QuoteIndex(self.quotes))
        return self._quote_index[1].at(offset)

    def quote_at(self, offset: int) -> QuoteDraft | None:
        """The quote whose content (any segment) contains ``offset``, or None."""
        found = self.quotes_at(offset)
        return found[0] if found else None


def _fingerprint(items: Sequence[object]) -> tuple[object, ...]:
    """A cheap key that changes when a list grows, shrinks or gets a new last item.

    It holds the last item itself, so the item's ``id`` cannot be reused while the key lives;
    comparing two keys stops at the ``id`` before comparing items by value.
    """
    last = items[-1] if items else None
    return (len(items), id(last), last)


class _MentionIndex:
    """Actor mentions sorted by start, for overlap lookups."""

    def __init__(self, actors: Sequence[ActorDraft]) -> None:
        # (i, j) are unique, so sorting never compares two actors.
        self.rows = sorted(
            (s, e, i, j, a) for i, a in enumerate(actors) for j, (s, e, _) in enumerate(a.mentions)
        )
        self.starts = [r[0] for r in self.rows]
        self.longest = max((e - s for s, e, *_ in self.rows), default=0)

    def at(self, start: int, end: int) -> ActorDraft | None:
        """The actor of the longest mention overlapping ``[start, end)``; ties go to the first
        actor, then its first mention, as a scan in list order would."""
        lo = bisect_right(self.starts, start - max(self.longest, 1))
        hi = bisect_left(self.starts, end)
        best: tuple[int, int, int] | None = None
        found: ActorDraft | None = None
        for s, e, i, j, a in self.rows[lo:hi]:
            if s < end and start < e:
                rank = (-(e - s), i, j)
                if best is None or rank < best:
                    best, found = rank, a
        return found


class _QuoteIndex:
    """Quote segments cut into elementary intervals, each listing the quotes covering it."""

    def __init__(self, quotes: Sequence[QuoteDraft]) -> None:
        events: dict[int, list[tuple[int, int]]] = {}
        for qi, q in enumerate(quotes):
            for s, e in q.segments:
                if s < e:
                    events.setdefault(s, []).append((qi, 1))
                    events.setdefault(e, []).append((qi, -1))
        self.bounds = sorted(events)
        self.quotes = quotes
        self.cover: list[tuple[int, ...]] = []
        active: dict[int, int] = {}
        for b in self.bounds:
            for qi, d in events[b]:
                n = active.get(qi, 0) + d
                if n:
                    active[qi] = n
                else:
                    active.pop(qi, None)
            self.cover.append(tuple(sorted(active)))

    def at(self, offset: int) -> list[QuoteDraft]:
        """The quotes covering ``offset``, in list order."""
        i = bisect_right(self.bounds, offset) - 1
        if i < 0:
            return []
        return [self.quotes[qi] for qi in self.cover[i]]


@dataclass(frozen=True)
class Extractor:
    """One step of the pipeline: a named function over the draft, with its requirements."""

    name: str
    run: Callable[[Draft], None]
    requires: tuple[str, ...] = ()
    """Capabilities that must be provided before this runs (``sentences``, ``actors``, …)."""
    provides: tuple[str, ...] = ()
    """Capabilities this adds to the draft."""

    def __call__(self, draft: Draft) -> None:
        self.run(draft)


def extractor(
    name: str | None = None,
    *,
    requires: Iterable[str] = (),
    provides: Iterable[str] = (),
) -> Callable[[Callable[[Draft], None]], Extractor]:
    """Decorate ``fn(draft)`` to make it an :class:`Extractor`."""

    def wrap(fn: Callable[[Draft], None]) -> Extractor:
        return Extractor(
            name=name or fn.__name__,
            run=fn,
            requires=tuple(requires),
            provides=tuple(provides),
        )

    return wrap


def text_id(text: str) -> str:
    """A stable id for a text: 16 hex digits of its BLAKE2b hash."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def _env_list(name: str) -> list[str]:
    return [x.strip() for x in os.environ.get(name, "").split(",") if x.strip()]


class Pipeline:
    """A plan of extractors built once from a plugin manager, run on many articles."""

    def __init__(self, pm: pluggy.PluginManager, *, disable: Iterable[str] = ()) -> None:
        from .plugins import DEFAULT_PLUGIN_NAMES

        self.pm = pm
        chosen: dict[str, tuple[Extractor, str]] = {}
        for impl in reversed(pm.hook.newsparse_extractors.get_hookimpls()):
            builtin = impl.plugin_name in DEFAULT_PLUGIN_NAMES
            contributed = cast("Iterable[object]", impl.function() or ())
            for ex in contributed:
                if not isinstance(ex, Extractor):
                    raise PluginError(
                        "NP206", f"plugin {impl.plugin_name!r} returned {type(ex).__name__}"
                    )
                prev = chosen.get(ex.name)
                if prev is not None:
                    prev_builtin = prev[1] in DEFAULT_PLUGIN_NAMES
                    if builtin and not prev_builtin:
                        continue  # a third-party extractor replaces the built-in of that name
                    if builtin == prev_builtin:
                        raise PluginError(
                            "NP203",
                            f"extractor {ex.name!r} is provided by both {prev[1]!r} "
                            f"and {impl.plugin_name!r}",
                        )
                chosen[ex.name] = (ex, impl.plugin_name)
        off = set(disable) | set(_env_list("NEWSPARSE_DISABLE"))
        disabled: list[Iterable[str]] = pm.hook.newsparse_disabled_extractors()
        for names in disabled:
            off.update(names or ())
        self.owner = {n: p for n, (_, p) in chosen.items() if n not in off}
        self.extractors = self._plan([ex for n, (ex, _) in chosen.items() if n not in off])
        self.record_kinds: dict[str, type[BaseModel]] = {}
        for kinds in pm.hook.newsparse_record_kinds():
            for kind, model in (kinds or {}).items():
                if kind in self.record_kinds and self.record_kinds[kind] is not model:
                    raise PluginError("NP203", f"record kind {kind!r} is registered twice")
                self.record_kinds[kind] = model

    @staticmethod
    def _plan(extractors: Sequence[Extractor]) -> tuple[Extractor, ...]:
        """Order extractors so requirements run first; ties break by name, not install order."""
        providers: dict[str, list[str]] = {}
        for ex in extractors:
            for cap in ex.provides:
                providers.setdefault(cap, []).append(ex.name)
        by_name = {ex.name: ex for ex in extractors}
        deps: dict[str, set[str]] = {}
        for ex in extractors:
            deps[ex.name] = set()
            for cap in ex.requires:
                if cap in BASE_CAPABILITIES:
                    continue
                if cap not in providers:
                    raise PluginError(
                        "NP201",
                        f"extractor {ex.name!r} requires {cap!r}, which no enabled extractor "
                        "provides",
                    )
                deps[ex.name].update(p for p in providers[cap] if p != ex.name)
        users: dict[str, list[str]] = {n: [] for n in by_name}
        for n, ds in deps.items():
            for d in ds:
                users[d].append(n)
        waiting = {n: len(ds) for n, ds in deps.items()}
        ready = [n for n, k in waiting.items() if k == 0]
        heapq.heapify(ready)
        order: list[Extractor] = []
        while ready:
            n = heapq.heappop(ready)
            order.append(by_name[n])
            for u in users[n]:
                waiting[u] -= 1
                if waiting[u] == 0:
                    heapq.heappush(ready, u)
        if len(order) != len(extractors):
            stuck = sorted(n for n, k in waiting.items() if k > 0)
            raise PluginError("NP202", f"extractors {stuck} depend on each other in a cycle")
        return tuple(order)

    @property
    def names(self) -> tuple[str, ...]:
        """Extractor names in the order they run."""
        return tuple(ex.name for ex in self.extractors)

    def run(self, text: str, *, strict: bool = False, **meta: Any) -> Article:
        """Run every extractor on ``text`` and return the validated article."""
        draft = Draft(text=text, id=meta.pop("id", None) or text_id(text), **meta)
        for ex in self.extractors:
            marks = (
                len(draft.actors),
                len(draft.places),
                len(draft.quotes),
                len(draft.claims),
                {k: len(v) for k, v in draft.records.items()},
            )
            try:
                ex(draft)
            except Exception as exc:
                if strict:
                    raise PipelineError(
                        "NP301", f"extractor {ex.name!r} failed: {type(exc).__name__}: {exc}"
                    ) from exc
                # What a failed extractor half-added may reference things that never came to be.
                del draft.actors[marks[0] :]
                del draft.places[marks[1] :]
                del draft.quotes[marks[2] :]
                del draft.claims[marks[3] :]
                for k in list(draft.records):
                    del draft.records[k][marks[4].get(k, 0) :]
                draft.diagnostics.append(
                    Diagnostic(
                        extractor=ex.name,
                        code="NP301",
                        message=f"{type(exc).__name__}: {exc}",
                    )
                )
        return build_article(draft, self.record_kinds, strict=strict)


# -- from draft to article ----------------------------------------------------------------------


def _span(text: str, off: Offsets) -> dict[str, Any]:
    s, e = off
    return {"start": s, "end": e, "text": text[s:e]}


def _mentions(text: str, mentions: list[tuple[int, int, str]]) -> list[dict[str, Any]]:
    seen: dict[tuple[int, int], str] = {}
    for s, e, form in mentions:
        seen.setdefault((s, e), form)
    return [
        {"start": s, "end": e, "text": text[s:e], "form": f} for (s, e), f in sorted(seen.items())
    ]


def _actor_dict(text: str, a: ActorDraft) -> dict[str, Any]:
    return {
        "id": a.id,
        "name": a.name,
        "kind": a.kind,
        "country": a.country,
        "titles": list(dict.fromkeys(a.titles)),
        "affiliations": list(dict.fromkeys(x for x in a.affiliations if x != a.id)),
        "mentions": _mentions(text, a.mentions),
    }


def _place_dict(text: str, p: PlaceDraft) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name,
        "country": p.country,
        "mentions": _mentions(text, p.mentions),
    }


def _quote_dict(text: str, q: QuoteDraft) -> dict[str, Any]:
    return {
        "id": q.id,
        "kind": q.kind,
        "start": q.start,
        "end": q.end,
        "text": text[q.start : q.end],
        "segments": [_span(text, s) for s in q.segments],
        "speaker": q.speaker,
        "speaker_mention": _span(text, q.speaker_mention) if q.speaker_mention else None,
        "cue": _span(text, q.cue) if q.cue else None,
        "confidence": q.confidence,
    }


def _claim_dict(text: str, c: ClaimDraft) -> dict[str, Any]:
    time = None
    if c.time is not None:
        time = {**_span(text, c.time), "date_from": c.date_from, "date_to": c.date_to}
    return {
        "id": c.id,
        "status": c.status,
        "trigger": _span(text, c.trigger),
        "evidence": _span(text, c.evidence),
        "parties": list(dict.fromkeys(c.parties)),
        "brokers": list(dict.fromkeys(c.brokers)),
        "excluded": list(dict.fromkeys(c.excluded)),
        "location": _span(text, c.location) if c.location else None,
        "time": time,
        "source": c.source,
        "quote": c.quote,
        "name": _span(text, c.name) if c.name else None,
        "negated": c.negated,
        "hypothetical": c.hypothetical,
        "qualifiers": [_span(text, s) for s in c.qualifiers],
        "confidence": c.confidence,
    }


def _records(
    draft: Draft, kinds: Mapping[str, type[BaseModel]], strict: bool
) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for kind, recs in draft.records.items():
        model = kinds.get(kind)
        if model is None:
            if strict:
                raise PluginError("NP205", f"record kind {kind!r} is not registered")
            draft.diagnostics.append(
                Diagnostic(
                    extractor="pipeline",
                    code="NP205",
                    message=f"{len(recs)} record(s) of unregistered kind {kind!r} dropped",
                )
            )
            continue
        good = []
        for rec in recs:
            try:
                obj = rec if isinstance(rec, model) else model.model_validate(rec)
            except ValidationError as exc:
                if strict:
                    raise PipelineError("NP302", f"record of kind {kind!r}: {exc}") from exc
                draft.diagnostics.append(
                    Diagnostic(extractor="pipeline", code="NP302", message=f"{kind}: {exc}")
                )
                continue
            good.append(obj.model_dump(mode="json"))
        out[kind] = good
    return out


def build_article(
    draft: Draft, kinds: Mapping[str, type[BaseModel]] | None = None, *, strict: bool = False
) -> Article:
    """Validate a finished draft into an :class:`Article`; drop (and report) invalid items."""
    text = draft.text
    data: dict[str, Any] = {
        "id": draft.id,
        "text": text,
        "title": draft.title,
        "published": draft.published,
        "url": draft.url,
        "source": draft.source,
        "author": draft.author,
        "headline": _span(text, draft.headline) if draft.headline else None,
        "boilerplate": [_span(text, s) for s in draft.boilerplate],
        "paragraphs": [_span(text, s) for s in draft.paragraphs],
        "sentences": [_span(text, s) for s in draft.sentences],
        "actors": [_actor_dict(text, a) for a in draft.actors],
        "places": [_place_dict(text, p) for p in draft.places],
        "quotes": [_quote_dict(text, q) for q in sorted(draft.quotes, key=lambda q: q.segments)],
        "ceasefire_claims": [
            _claim_dict(text, c) for c in sorted(draft.claims, key=lambda c: c.trigger)
        ],
        "records": _records(draft, kinds or {}, strict),
        "diagnostics": [],
    }
    try:
        article = Article.model_validate(data)
    except ValidationError as exc:
        if strict:
            raise PipelineError("NP302", f"the extracted records do not validate: {exc}") from exc
        data = _prune_invalid(data, draft, exc)
        article = Article.model_validate(data)
    if draft.diagnostics:
        article = Article.model_validate(
            {**article.model_dump(), "diagnostics": [d.model_dump() for d in draft.diagnostics]}
        )
    return article


def _prune_invalid(data: dict[str, Any], draft: Draft, exc: ValidationError) -> dict[str, Any]:
    """Drop the items that break validation, one collection at a time, and report them."""
    from .models import Actor, CeasefireClaim, Place, Quote

    text = data["text"]
    checks: list[tuple[str, Any]] = [
        ("actors", Actor),
        ("places", Place),
        ("quotes", Quote),
        ("ceasefire_claims", CeasefireClaim),
    ]
    for key, model in checks:
        kept = []
        for item in data[key]:
            try:
                obj = model.model_validate(item)
                if any(text[s["start"] : s["end"]] != s["text"] for s in _walk_spans(item)):
                    raise ValueError("a span does not reproduce its text")
                kept.append(obj.model_dump(mode="json"))
            except (ValidationError, ValueError) as err:
                draft.diagnostics.append(
                    Diagnostic(
                        extractor="pipeline",
                        code="NP302",
                        message=f"dropped invalid {key} item {item.get('id')}: {err}"[:500],
                    )
                )
        data[key] = kept
    ids = {a["id"] for a in data["actors"]}
    qids = {q["id"] for q in data["quotes"]}
    for a in data["actors"]:
        a["affiliations"] = [x for x in a["affiliations"] if x in ids]
    for q in data["quotes"]:
        if q["speaker"] not in ids:
            q["speaker"] = None
    for c in data["ceasefire_claims"]:
        for role in ("parties", "brokers", "excluded"):
            c[role] = [x for x in c[role] if x in ids]
        if c["source"] != "narrator" and c["source"] not in ids:
            c["source"] = "narrator"
        if c["quote"] not in qids:
            c["quote"] = None
    for s in ("paragraphs", "sentences", "boilerplate"):
        data[s] = [x for x in data[s] if text[x["start"] : x["end"]] == x["text"]]
    data.setdefault("diagnostics", [])
    draft.diagnostics.append(
        Diagnostic(
            extractor="pipeline",
            code="NP302",
            level="warning",
            message=f"validation failed, invalid items dropped: {str(exc)[:300]}",
        )
    )
    return data


def _walk_spans(value: Any) -> Iterable[dict[str, Any]]:
    if isinstance(value, dict):
        if isinstance(value.get("start"), int) and isinstance(value.get("text"), str):
            yield value
        for v in value.values():
            yield from _walk_spans(v)
    elif isinstance(value, list):
        for v in value:
            yield from _walk_spans(v)
