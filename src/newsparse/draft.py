"""The working state of one article, which extractors read and write: ``Draft``.

A draft holds the text and metadata (read-only), the segmentation, and one table each of actors,
places, quotes and ceasefire claims. Every write goes through the draft, which

- checks it at once (offsets inside the text, kinds and statuses from the fixed vocabularies), so
  what the pipeline builds from a draft is valid by construction;
- refuses it (``NP207``) unless the running extractor declared the capability it writes in its
  ``provides`` or ``amends``;
- remembers what it overwrites, so the pipeline can undo every change of an extractor that fails,
  edits in place included.

Lookups shared by extractors (the actor of a mention, the quote around an offset, the sentence of
an offset) are answered from indexes the tables keep up to date themselves.
"""

from __future__ import annotations

import datetime as _dt
import itertools
import json
import time
from array import array
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, ClassVar, TypeVar, overload

import regex
from pydantic import BaseModel, ValidationError

from .errors import DraftError
from .models import (
    ACTOR_KINDS,
    CEASEFIRE_STATUSES,
    MENTION_FORMS,
    QUOTE_KINDS,
    Diagnostic,
    Span,
)

__all__ = [
    "CAPABILITIES",
    "ActorDraft",
    "ActorTable",
    "ClaimDraft",
    "ClaimTable",
    "Draft",
    "Offsets",
    "PlaceDraft",
    "PlaceTable",
    "QuoteDraft",
    "QuoteTable",
]

Offsets = tuple[int, int]
T = TypeVar("T")

#: What an extractor can require, provide or amend. ``records:<kind>`` names a registered kind.
CAPABILITIES: frozenset[str] = frozenset(
    {
        "text",
        "metadata",
        "paragraphs",
        "sentences",
        "headline",
        "boilerplate",
        "actors",
        "places",
        "quotes",
        "ceasefire_claims",
    }
)
#: Present before any extractor runs; nobody may write them.
BASE_CAPABILITIES: frozenset[str] = frozenset({"text", "metadata"})

_COUNTRY = regex.compile(r"[A-Z]{3}")
_ACTOR_KINDS = frozenset(ACTOR_KINDS)
_QUOTE_KINDS = frozenset(QUOTE_KINDS)
_STATUSES = frozenset(CEASEFIRE_STATUSES)
_FORMS = frozenset(MENTION_FORMS)


def _refuse(message: str) -> DraftError:
    return DraftError("NP302", message)


# -- value checks shared by the item classes -----------------------------------------------------


def _offsets(draft: Draft, value: Any, what: str = "span") -> Offsets:
    # The common case first, in as few steps as Python allows: this runs for every span written.
    if value.__class__ is tuple and len(value) == 2:
        s, e = value
        if s.__class__ is int and e.__class__ is int and 0 <= s <= e <= draft._n:
            return value
    return _offsets_checked(draft, value, what)


def _offsets_checked(draft: Draft, value: Any, what: str) -> Offsets:
    try:
        s, e = value
    except (TypeError, ValueError):
        raise _refuse(f"a {what} is a (start, end) pair of ints, not {value!r}") from None
    if type(s) is not int or type(e) is not int or not 0 <= s <= e <= len(draft.text):
        raise _refuse(f"{what} {value!r} is not a range of the {len(draft.text)}-character text")
    return s, e


def _opt_offsets(draft: Draft, value: Any) -> Offsets | None:
    return None if value is None else _offsets(draft, value)


def _offsets_tuple(draft: Draft, value: Any) -> tuple[Offsets, ...]:
    return tuple(_offsets(draft, v) for v in value)


def _text(draft: Draft, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _refuse(f"a name must be a non-empty string, not {value!r}")
    return value


def _opt_str(draft: Draft, value: Any) -> str | None:
    if value is not None and not isinstance(value, str):
        raise _refuse(f"expected a string or None, not {type(value).__name__}")
    return value


def _strs(draft: Draft, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        raise _refuse(f"expected a sequence of strings, not the string {value!r}")
    out = tuple(value)
    if not all(isinstance(v, str) for v in out):
        raise _refuse(f"expected strings, got {out!r}")
    return out


def _country(draft: Draft, value: Any) -> str | None:
    if value is not None and not (isinstance(value, str) and _COUNTRY.fullmatch(value)):
        raise _refuse(f"country must be an ISO 3166-1 alpha-3 code, not {value!r}")
    return value


def _gender(draft: Draft, value: Any) -> str | None:
    if value not in (None, "m", "f", "?"):
        raise _refuse(f"gender is 'm', 'f', '?' (unsure) or None, not {value!r}")
    return None if value is None else str(value)


def _bool(draft: Draft, value: Any) -> bool:
    if not isinstance(value, bool):
        raise _refuse(f"expected True or False, not {value!r}")
    return value


def _confidence(draft: Draft, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise _refuse(f"confidence is a number from 0 to 1, not {value!r}")
    return float(value)


def _one_of(allowed: frozenset[str], what: str) -> Callable[[Draft, Any], str]:
    def check(draft: Draft, value: Any) -> str:
        if value not in allowed:
            raise _refuse(f"{value!r} is not a {what} (one of {sorted(allowed)})")
        return str(value)

    return check


def _date(draft: Draft, value: Any) -> _dt.date | None:
    if value is not None and not isinstance(value, _dt.date):
        raise _refuse(f"expected a date or None, not {value!r}")
    return value


def _sentence(draft: Draft, value: Any) -> int | None:
    if value is not None and (type(value) is not int or not 0 <= value < len(draft.sentences)):
        raise _refuse(f"sentence {value!r} is not an index of the draft's sentences")
    return value


# -- items ----------------------------------------------------------------------------------------


class _Item:
    """A record under construction: fields are read as attributes and checked when written."""

    __slots__ = ("_born", "_draft", "id")
    _born: int
    _draft: Draft
    id: str
    _capability: ClassVar[str]
    _checks: ClassVar[Mapping[str, Callable[[Draft, Any], Any]]]
    _defaults: ClassVar[Mapping[str, Any]]

    def __init__(self, draft: Draft, item_id: str, values: Mapping[str, Any]) -> None:
        setattr_ = object.__setattr__
        setattr_(self, "_draft", draft)
        setattr_(self, "_born", draft._run)
        setattr_(self, "id", item_id)
        checks = self._checks
        given = 0
        for name, default in self._defaults.items():
            if name in values:
                given += 1
                setattr_(self, name, checks[name](draft, values[name]))
            else:
                setattr_(self, name, default)
        if given != len(values):
            unknown = sorted(set(values) - set(self._defaults))
            raise _refuse(f"{type(self).__name__} has no field {unknown[0]!r}")

    def __setattr__(self, name: str, value: Any) -> None:
        check = self._checks.get(name)
        if check is None:
            raise AttributeError(f"{type(self).__name__}.{name} cannot be written")
        draft = self._draft
        draft._may(self._capability)
        value = check(draft, value)
        draft._remember(self, name)
        old = getattr(self, name)
        object.__setattr__(self, name, value)
        self._changed(name, old)

    def _changed(self, name: str, old: Any) -> None:
        """Keep the table's indexes right after a field changed."""

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={getattr(self, k)!r}" for k in self._defaults)
        return f"{type(self).__name__}(id={self.id!r}, {fields})"


class _Named(_Item):
    """An actor or place: a name and mentions, indexed by its table."""

    __slots__ = ("_mention_list", "_mention_view", "_seq")
    name: str
    _mention_list: list[tuple[int, int, str]]
    _mention_view: tuple[tuple[int, int, str], ...]
    _seq: int

    def __init__(self, draft: Draft, item_id: str, values: Mapping[str, Any], seq: int) -> None:
        super().__init__(draft, item_id, values)
        object.__setattr__(self, "_mention_list", [])
        object.__setattr__(self, "_mention_view", ())
        object.__setattr__(self, "_seq", seq)

    @property
    def mentions(self) -> tuple[tuple[int, int, str], ...]:
        """``(start, end, form)`` of every mention so far, in the order they were added."""
        if len(self._mention_view) != len(self._mention_list):
            object.__setattr__(self, "_mention_view", tuple(self._mention_list))
        return self._mention_view

    def add_mention(self, start: int, end: int, form: str = "name") -> None:
        """Record one more place where the text names this actor or place."""
        draft = self._draft
        writer = draft._writer
        if writer is not None and self._capability not in writer.may:
            draft._may(self._capability)  # raises NP207
        if not (
            start.__class__ is int and end.__class__ is int and 0 <= start <= end <= draft._n
        ):
            _offsets_checked(draft, (start, end), "mention")
        if form not in _FORMS:
            raise _refuse(f"mention form {form!r} is not one of {MENTION_FORMS}")
        mentions = self._mention_list
        if draft._journal is not None and self._born != draft._run:
            draft._remember_length(self, "_mention_list")
        mentions.append((start, end, form))
        self._table()._mentions.add((start, end, self._seq, len(mentions) - 1, self))

    def _table(self) -> _NamedTable[Any]:
        raise NotImplementedError

    def _changed(self, name: str, old: Any) -> None:
        if name == "name":
            self._table()._renamed(self, old)


class ActorDraft(_Named):
    """An actor under construction (see ``Actor`` for the fields)."""

    __slots__ = ("affiliations", "country", "gender", "kind", "name", "titles")
    _capability = "actors"
    _checks: ClassVar[Mapping[str, Callable[[Draft, Any], Any]]] = {
        "name": _text,
        "kind": _one_of(_ACTOR_KINDS, "actor kind"),
        "country": _country,
        "titles": _strs,
        "affiliations": _strs,
        "gender": _gender,
    }
    _defaults: ClassVar[Mapping[str, Any]] = {
        "name": "",
        "kind": "person",
        "country": None,
        "titles": (),
        "affiliations": (),
        "gender": None,
    }
    kind: str
    country: str | None
    titles: tuple[str, ...]
    affiliations: tuple[str, ...]
    gender: str | None
    """``m``, ``f``, ``?`` (names of either) or None: lets pronoun resolution pick a compatible
    person (not output)."""

    def add_title(self, title: str) -> None:
        """Add a title or role, once."""
        if title not in self.titles:
            self.titles = (*self.titles, title)

    def add_affiliation(self, actor_id: str) -> None:
        """Record that this actor belongs to or speaks for the actor ``actor_id``, once."""
        if actor_id != self.id and actor_id not in self.affiliations:
            self.affiliations = (*self.affiliations, actor_id)

    def _table(self) -> ActorTable:
        return self._draft.actors


class PlaceDraft(_Named):
    """A place under construction (see ``Place``)."""

    __slots__ = ("country", "name")
    _capability = "places"
    _checks: ClassVar[Mapping[str, Callable[[Draft, Any], Any]]] = {
        "name": _text,
        "country": _country,
    }
    _defaults: ClassVar[Mapping[str, Any]] = {"name": "", "country": None}
    country: str | None

    def _table(self) -> PlaceTable:
        return self._draft.places


def _segments(draft: Draft, value: Any) -> tuple[Offsets, ...]:
    segs = _offsets_tuple(draft, value)
    if not segs:
        raise _refuse("a quote needs at least one segment")
    for (_, a_end), (b_start, _) in itertools.pairwise(segs):
        if b_start < a_end:
            raise _refuse(f"quote segments {segs!r} overlap or are out of order")
    return segs


class QuoteDraft(_Item):
    """A quote under construction (see ``Quote``)."""

    __slots__ = ("clause", "confidence", "cue", "kind", "segments", "speaker", "speaker_mention")
    _capability = "quotes"
    _checks: ClassVar[Mapping[str, Callable[[Draft, Any], Any]]] = {
        "kind": _one_of(_QUOTE_KINDS, "quote kind"),
        "segments": _segments,
        "clause": _opt_offsets,
        "speaker": _opt_str,
        "speaker_mention": _opt_offsets,
        "cue": _opt_offsets,
        "confidence": _confidence,
    }
    _defaults: ClassVar[Mapping[str, Any]] = {
        "kind": "direct",
        "segments": (),
        "clause": None,
        "speaker": None,
        "speaker_mention": None,
        "cue": None,
        "confidence": 1.0,
    }
    kind: str
    segments: tuple[Offsets, ...]
    clause: Offsets | None
    """For a partial quote, the reported clause holding the quoted words (its start and end)."""
    speaker: str | None
    speaker_mention: Offsets | None
    cue: Offsets | None
    confidence: float

    @property
    def start(self) -> int:
        """Start of the clause (partial quotes) or of the first segment."""
        if self.clause is not None and self.kind == "partial":
            return min(self.clause[0], self.segments[0][0])
        return self.segments[0][0]

    @property
    def end(self) -> int:
        """End of the clause (partial quotes) or of the last segment."""
        if self.clause is not None and self.kind == "partial":
            return max(self.clause[1], self.segments[-1][1])
        return self.segments[-1][1]

    def _changed(self, name: str, old: Any) -> None:
        if name in ("segments", "clause", "kind"):
            self._draft.quotes._stale()


class ClaimDraft(_Item):
    """A ceasefire claim under construction (see ``CeasefireClaim``)."""

    __slots__ = (
        "brokers",
        "confidence",
        "date_from",
        "date_to",
        "excluded",
        "hypothetical",
        "location",
        "name",
        "negated",
        "parties",
        "qualifiers",
        "quote",
        "sentence",
        "source",
        "status",
        "time",
        "trigger",
    )
    _capability = "ceasefire_claims"
    _checks: ClassVar[Mapping[str, Callable[[Draft, Any], Any]]] = {
        "status": _one_of(_STATUSES, "ceasefire status"),
        "trigger": _offsets,
        "sentence": _sentence,
        "parties": _strs,
        "brokers": _strs,
        "excluded": _strs,
        "location": _opt_offsets,
        "time": _opt_offsets,
        "date_from": _date,
        "date_to": _date,
        "source": _text,
        "quote": _opt_str,
        "name": _opt_offsets,
        "negated": _bool,
        "hypothetical": _bool,
        "qualifiers": _offsets_tuple,
        "confidence": _confidence,
    }
    _defaults: ClassVar[Mapping[str, Any]] = {
        "status": "in_effect",
        "trigger": (0, 0),
        "sentence": None,
        "parties": (),
        "brokers": (),
        "excluded": (),
        "location": None,
        "time": None,
        "date_from": None,
        "date_to": None,
        "source": "narrator",
        "quote": None,
        "name": None,
        "negated": False,
        "hypothetical": False,
        "qualifiers": (),
        "confidence": 1.0,
    }
    status: str
    trigger: Offsets
    sentence: int | None
    parties: tuple[str, ...]
    brokers: tuple[str, ...]
    excluded: tuple[str, ...]
    location: Offsets | None
    time: Offsets | None
    date_from: _dt.date | None
    date_to: _dt.date | None
    source: str
    quote: str | None
    name: Offsets | None
    negated: bool
    hypothetical: bool
    qualifiers: tuple[Offsets, ...]
    confidence: float


# -- tables ---------------------------------------------------------------------------------------

_I = TypeVar("_I", bound=_Item)


class _Table(Sequence[_I]):
    """The items of one kind, in the order they were added, with their ids."""

    _prefix: ClassVar[str]
    _capability: ClassVar[str]

    def __init__(self, draft: Draft) -> None:
        self._draft = draft
        self._items: list[_I] = []
        self._by_id: dict[str, _I] = {}
        self._issued = 0

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, i: Any) -> Any:
        return self._items[i]

    def __iter__(self) -> Iterator[_I]:
        return iter(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)

    def get(self, item_id: str) -> _I | None:
        """The item with this id, or None."""
        return self._by_id.get(item_id)

    def _new_id(self) -> str:
        # Ids are never reused, even after a rollback: real output can have gaps (a1, a2, a4).
        self._issued += 1
        return f"{self._prefix}{self._issued}"

    def _append(self, item: _I) -> _I:
        self._draft._remember_length(self, "_items")
        self._items.append(item)
        self._by_id[item.id] = item
        return item

    def remove(self, item: _I) -> None:
        """Take an item out of the table (references to it are dropped at build time)."""
        self._draft._may(self._capability)
        self._draft._remember_list(self, "_items")
        self._items.remove(item)
        self._reindex()

    def _reindex(self) -> None:
        """Rebuild every index from the items (after a removal or a rollback)."""
        self._by_id = {x.id: x for x in self._items}


class _MentionIndex:
    """Mentions kept sorted by start in buckets, so adding and looking up both stay cheap.

    Rows are ``(start, end, item_seq, mention_no, item)``; the first four are unique, so rows
    never compare items.
    """

    _LOAD = 256

    def __init__(self) -> None:
        self._buckets: list[list[tuple[int, int, int, int, Any]]] = []
        self._firsts: list[tuple[int, int, int, int, Any]] = []
        self.longest = 0

    def clear(self) -> None:
        """Forget every row."""
        self._buckets.clear()
        self._firsts.clear()
        self.longest = 0

    def add(self, row: tuple[int, int, int, int, Any]) -> None:
        """Insert one row in order."""
        # Rows are compared whole: their first four fields are unique, so items never are.
        if row[1] - row[0] > self.longest:
            self.longest = row[1] - row[0]
        buckets, firsts = self._buckets, self._firsts
        if not buckets:
            buckets.append([row])
            firsts.append(row)
            return
        if row > buckets[-1][-1]:  # mentions mostly come in text order
            i = len(buckets) - 1
            bucket = buckets[i]
            bucket.append(row)
        else:
            i = max(0, bisect_right(firsts, row) - 1)
            bucket = buckets[i]
            insort(bucket, row)
            firsts[i] = bucket[0]
        if len(bucket) > 2 * self._LOAD:
            buckets[i : i + 1] = [bucket[: self._LOAD], bucket[self._LOAD :]]
            firsts[i : i + 1] = [bucket[0], bucket[self._LOAD]]

    def starting(self, lo: int, hi: int) -> Iterator[tuple[int, int, int, int, Any]]:
        """Rows whose start lies in ``[lo, hi)``, in order."""
        buckets = self._buckets
        i = max(0, bisect_left(self._firsts, (lo,)) - 1)
        while i < len(buckets):
            bucket = buckets[i]
            j = bisect_left(bucket, (lo,)) if bucket[0][0] < lo else 0
            for row in bucket[j:]:
                if row[0] >= hi:
                    return
                yield row
            i += 1


class _NamedTable(_Table[_I]):
    """Actors or places: looked up by id, by name and by the offsets of their mentions."""

    def __init__(self, draft: Draft) -> None:
        super().__init__(draft)
        self._by_name: dict[str, _I] = {}
        self._mentions = _MentionIndex()
        self._seq = 0

    def _make(self, values: Mapping[str, Any]) -> _I:
        raise NotImplementedError

    def _add(self, values: Mapping[str, Any]) -> _I:
        self._draft._may(self._capability)
        item = self._make(values)
        self._append(item)
        self._by_name.setdefault(item.name.casefold(), item)  # type: ignore[attr-defined]
        return item

    def named(self, name: str) -> _I | None:
        """The first item whose name is ``name``, ignoring case."""
        return self._by_name.get(name.casefold())

    def at(self, start: int, end: int) -> _I | None:
        """The item with the longest mention overlapping ``[start, end)``; ties go to the item
        added first, then to its first mention."""
        best: tuple[int, int, int] | None = None
        found: _I | None = None
        lo = start - max(self._mentions.longest, 1)
        for s, e, seq, k, item in self._mentions.starting(lo, end):
            if s < end and start < e:
                rank = (s - e, seq, k)
                if best is None or rank < best:
                    best, found = rank, item
        return found

    def mentions_in(self, start: int, end: int) -> Iterator[tuple[int, int, str, _I]]:
        """``(start, end, form, item)`` of every mention starting inside ``[start, end)``."""
        for s, e, _, k, item in self._mentions.starting(start, end):
            yield s, e, item._mention_list[k][2], item

    def _index_mention(self, item: _Named, s: int, e: int, k: int) -> None:
        self._mentions.add((s, e, item._seq, k, item))

    def _renamed(self, item: _Named, old: str) -> None:
        if self._by_name.get(old.casefold()) is item:
            del self._by_name[old.casefold()]
        self._by_name.setdefault(item.name.casefold(), item)  # type: ignore[arg-type]

    def _reindex(self) -> None:
        super()._reindex()
        self._by_name = {}
        self._mentions.clear()
        for item in self._items:
            self._by_name.setdefault(item.name.casefold(), item)  # type: ignore[attr-defined]
            for k, (s, e, _) in enumerate(item._mention_list):  # type: ignore[attr-defined]
                self._mentions.add((s, e, item._seq, k, item))  # type: ignore[attr-defined]

    def _next_seq(self) -> int:
        self._seq += 1
        return self._seq


class ActorTable(_NamedTable[ActorDraft]):
    """The draft's actors, with one index of their mentions."""

    _prefix = "a"
    _capability = "actors"

    def add(self, name: str, kind: str, **fields: Any) -> ActorDraft:
        """Create an actor with a fresh id (``country``, ``titles``, ``affiliations``,
        ``gender`` as keywords)."""
        return self._add({"name": name, "kind": kind, **fields})

    def _make(self, values: Mapping[str, Any]) -> ActorDraft:
        return ActorDraft(self._draft, self._new_id(), values, self._next_seq())


class PlaceTable(_NamedTable[PlaceDraft]):
    """The draft's places, with one index of their mentions."""

    _prefix = "p"
    _capability = "places"

    def add(self, name: str, **fields: Any) -> PlaceDraft:
        """Create a place with a fresh id (``country`` as a keyword)."""
        return self._add({"name": name, **fields})

    def _make(self, values: Mapping[str, Any]) -> PlaceDraft:
        return PlaceDraft(self._draft, self._new_id(), values, self._next_seq())


class QuoteTable(_Table[QuoteDraft]):
    """The draft's quotes, with an index of the text each covers."""

    _prefix = "q"
    _capability = "quotes"

    def __init__(self, draft: Draft) -> None:
        super().__init__(draft)
        self._cover: tuple[list[int], list[tuple[QuoteDraft, ...]]] | None = None

    def add(self, kind: str, segments: Iterable[Offsets], **fields: Any) -> QuoteDraft:
        """Create a quote with a fresh id (``clause``, ``speaker``, ``speaker_mention``, ``cue``,
        ``confidence`` as keywords)."""
        self._draft._may("quotes")
        quote = QuoteDraft(
            self._draft, self._new_id(), {"kind": kind, "segments": tuple(segments), **fields}
        )
        if not quote.segments:
            raise _refuse("a quote needs at least one segment")
        self._stale()
        return self._append(quote)

    def covering(self, offset: int) -> tuple[QuoteDraft, ...]:
        """Every quote whose content contains ``offset``, in the order they were added: a
        segment of a direct or indirect quote, the reported clause of a partial one."""
        if self._cover is None:
            self._cover = self._build_cover()
        bounds, cover = self._cover
        i = bisect_right(bounds, offset) - 1
        return cover[i] if i >= 0 else ()

    def _build_cover(self) -> tuple[list[int], list[tuple[QuoteDraft, ...]]]:
        # Elementary intervals between segment bounds, each listing the quotes that cover it.
        events: dict[int, list[tuple[int, int]]] = {}
        for n, q in enumerate(self._items):
            pieces = [(q.start, q.end)] if q.kind == "partial" else q.segments
            for s, e in pieces:
                if s < e:
                    events.setdefault(s, []).append((n, 1))
                    events.setdefault(e, []).append((n, -1))
        bounds = sorted(events)
        cover: list[tuple[QuoteDraft, ...]] = []
        active: dict[int, int] = {}
        for b in bounds:
            for n, d in events[b]:
                active[n] = active.get(n, 0) + d
                if not active[n]:
                    del active[n]
            cover.append(tuple(self._items[n] for n in sorted(active)))
        return bounds, cover

    def _stale(self) -> None:
        self._cover = None

    def _reindex(self) -> None:
        super()._reindex()
        self._stale()


class ClaimTable(_Table[ClaimDraft]):
    """The draft's ceasefire claims."""

    _prefix = "c"
    _capability = "ceasefire_claims"

    def add(self, status: str, trigger: Offsets, **fields: Any) -> ClaimDraft:
        """Create a claim with a fresh id; its ``sentence`` defaults to the trigger's."""
        self._draft._may("ceasefire_claims")
        if "sentence" not in fields:
            fields["sentence"] = self._draft.sentence_index(_offsets(self._draft, trigger)[0])
        claim = ClaimDraft(
            self._draft, self._new_id(), {"status": status, "trigger": trigger, **fields}
        )
        return self._append(claim)


# -- the draft ------------------------------------------------------------------------------------

_S = TypeVar("_S")


class Runs(Sequence[Offsets]):
    """Ordered, non-overlapping ``(start, end)`` ranges kept in two arrays (16 bytes a range).

    How the draft holds paragraphs and sentences: a text of a million one-line paragraphs must
    not cost a Python tuple per range.
    """

    __slots__ = ("ends", "starts")

    def __init__(self, starts: array[int] | None = None, ends: array[int] | None = None) -> None:
        self.starts = starts if starts is not None else array("q")
        self.ends = ends if ends is not None else array("q")

    @classmethod
    def pack(cls, draft: Draft, value: Iterable[Offsets], what: str) -> Runs:
        """Check and pack ranges (any iterable, a generator included) for ``draft``'s text."""
        if isinstance(value, Runs):
            value = zip(value.starts, value.ends, strict=True)
        runs = cls()
        n = len(draft.text)
        last = 0
        for pair in value:
            try:
                s, e = pair
            except (TypeError, ValueError):
                raise _refuse(f"{what}: a range is a (start, end) pair, not {pair!r}") from None
            if type(s) is not int or type(e) is not int or not last <= s <= e <= n:
                raise _refuse(
                    f"{what} must be in order, must not overlap and must lie inside the "
                    f"{n}-character text: ({s!r}, {e!r}) after {last}"
                )
            runs.starts.append(s)
            runs.ends.append(e)
            last = e
        return runs

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, i: int) -> Offsets: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[Offsets, ...]: ...

    def __getitem__(self, i: int | slice) -> Offsets | tuple[Offsets, ...]:
        if isinstance(i, slice):
            return tuple(zip(self.starts[i], self.ends[i], strict=True))
        return (self.starts[i], self.ends[i])

    def __iter__(self) -> Iterator[Offsets]:
        return zip(self.starts, self.ends, strict=True)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Runs):
            return self.starts == other.starts and self.ends == other.ends
        if isinstance(other, tuple | list):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Runs({list(self)[:3]}{'…' if len(self) > 3 else ''})"

    def index_of(self, offset: int) -> int | None:
        """Index of the range containing ``offset``, or None."""
        i = bisect_right(self.starts, offset) - 1
        return i if i >= 0 and offset < self.ends[i] else None


class _Writer:
    """Who is writing now: one extractor and the capabilities it may write."""

    __slots__ = ("may", "name")

    def __init__(self, name: str, may: frozenset[str]) -> None:
        self.name = name
        self.may = may


class Draft:
    """Working state of one article, shared by every extractor of the pipeline."""

    def __init__(
        self,
        text: str,
        *,
        id: str = "",
        title: str | None = None,
        published: str | None = None,
        url: str | None = None,
        source: str | None = None,
        author: str | None = None,
        record_kinds: Mapping[str, type[BaseModel]] | None = None,
        strict: bool = False,
        deadline: float | None = None,
    ) -> None:
        self._text = text
        self._n = len(text)
        self._meta = (id, title, published, url, source, author)
        self._kinds: Mapping[str, type[BaseModel]] = record_kinds or {}
        self._strict = strict
        self.deadline = deadline
        """``time.monotonic()`` value after which extractors should stop (None: no limit)."""
        self._run = 0
        self._writer: _Writer | None = None
        self._journal: dict[tuple[int, str], tuple[object, str, Any]] | None = None
        self._headline: Offsets | None = None
        self._boilerplate = Runs()
        self._paragraphs = Runs()
        self._sentences = Runs()
        self.actors = ActorTable(self)
        """Actors found so far."""
        self.places = PlaceTable(self)
        """Places found so far."""
        self.quotes = QuoteTable(self)
        """Quotes found so far."""
        self.claims = ClaimTable(self)
        """Ceasefire claims found so far."""
        self._records: dict[str, list[tuple[BaseModel, dict[str, Any]]]] = {}
        self._diagnostics: list[Diagnostic] = []
        self._scratch: dict[type, tuple[int, Any]] = {}

    def __setattr__(self, name: str, value: Any) -> None:
        if name in ("text", "id", "title", "published", "url", "source", "author"):
            raise DraftError("NP207", f"draft.{name} is the article's input and cannot be replaced")
        if name in ("actors", "places", "quotes", "claims") and name in self.__dict__:
            raise DraftError("NP207", f"draft.{name} is a table: add to it, do not replace it")
        object.__setattr__(self, name, value)

    # -- input, read-only

    @property
    def text(self) -> str:
        """The article text, unchanged; every offset indexes into it."""
        return self._text

    @property
    def id(self) -> str:
        """The article id."""
        return self._meta[0]

    @property
    def title(self) -> str | None:
        """Title from the metadata, if any."""
        return self._meta[1]

    @property
    def published(self) -> str | None:
        """Publication date or datetime (ISO 8601), if any."""
        return self._meta[2]

    @property
    def url(self) -> str | None:
        """Where the article was found, if known."""
        return self._meta[3]

    @property
    def source(self) -> str | None:
        """Publisher or feed name, if known."""
        return self._meta[4]

    @property
    def author(self) -> str | None:
        """Byline, if known."""
        return self._meta[5]

    @property
    def published_date(self) -> _dt.date | None:
        """The publication date, when the metadata has a parseable one."""
        value = self.published
        if not value:
            return None
        try:
            return _dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
        except ValueError:
            try:
                return _dt.date.fromisoformat(value[:10])
            except ValueError:
                return None

    # -- segmentation

    @property
    def headline(self) -> Offsets | None:
        """The headline line, when the text starts with one."""
        return self._headline

    @headline.setter
    def headline(self, value: Offsets | None) -> None:
        self._may("headline")
        value = _opt_offsets(self, value)
        self._remember(self, "_headline")
        object.__setattr__(self, "_headline", value)

    @property
    def boilerplate(self) -> Runs:
        """Lines that are not prose, in order: a sequence of ``(start, end)``."""
        return self._boilerplate

    @boilerplate.setter
    def boilerplate(self, value: Iterable[Offsets]) -> None:
        self._set_run("boilerplate", value)

    @property
    def paragraphs(self) -> Runs:
        """Paragraphs, in order: a sequence of ``(start, end)``."""
        return self._paragraphs

    @paragraphs.setter
    def paragraphs(self, value: Iterable[Offsets]) -> None:
        self._set_run("paragraphs", value)

    @property
    def sentences(self) -> Runs:
        """Sentences, in order: a sequence of ``(start, end)``."""
        return self._sentences

    @sentences.setter
    def sentences(self, value: Iterable[Offsets]) -> None:
        self._set_run("sentences", value)

    def _set_run(self, name: str, value: Iterable[Offsets]) -> None:
        self._may(name)
        runs = Runs.pack(self, value, name)
        self._remember(self, f"_{name}")
        object.__setattr__(self, f"_{name}", runs)

    def sentence_index(self, offset: int) -> int | None:
        """Index in ``sentences`` of the sentence containing ``offset``, or None."""
        return self._sentences.index_of(offset)

    def sentence_at(self, offset: int) -> Offsets | None:
        """The sentence containing ``offset``, or None."""
        i = self._sentences.index_of(offset)
        return None if i is None else self._sentences[i]

    def paragraph_index(self, offset: int) -> int | None:
        """Index in ``paragraphs`` of the paragraph containing ``offset``, or None."""
        return self._paragraphs.index_of(offset)

    def paragraph_at(self, offset: int) -> Offsets | None:
        """The paragraph containing ``offset``, or None."""
        i = self._paragraphs.index_of(offset)
        return None if i is None else self._paragraphs[i]

    # -- adding records

    def add_actor(self, name: str, kind: str, **fields: Any) -> ActorDraft:
        """Create an actor with a fresh id (same as ``draft.actors.add``)."""
        return self.actors.add(name, kind, **fields)

    def add_place(self, name: str, **fields: Any) -> PlaceDraft:
        """Create a place with a fresh id (same as ``draft.places.add``)."""
        return self.places.add(name, **fields)

    def add_quote(self, kind: str, segments: Iterable[Offsets], **fields: Any) -> QuoteDraft:
        """Create a quote with a fresh id (same as ``draft.quotes.add``)."""
        return self.quotes.add(kind, segments, **fields)

    def add_claim(self, status: str, trigger: Offsets, **fields: Any) -> ClaimDraft:
        """Create a ceasefire claim with a fresh id (same as ``draft.claims.add``)."""
        return self.claims.add(status, trigger, **fields)

    def quotes_at(self, offset: int) -> tuple[QuoteDraft, ...]:
        """Every quote whose content (any segment) contains ``offset``."""
        return self.quotes.covering(offset)

    def add_record(self, kind: str, record: BaseModel | Mapping[str, Any]) -> BaseModel | None:
        """Add a plugin record of a registered ``kind``, validated now with the kind's model.

        Returns the validated record; an invalid one is dropped with an ``NP302`` diagnostic
        (raised instead under ``strict=True``), one of an unregistered kind with ``NP205``.
        """
        who = self._writer.name if self._writer else "pipeline"
        model = self._kinds.get(kind)
        if model is None:
            self._drop(who, "NP205", f"record kind {kind!r} is not registered; record dropped")
            return None
        self._may(f"records:{kind}")
        try:
            obj = record if isinstance(record, model) else model.model_validate(record)
            data = _record_json(self._text, obj)
        except (ValidationError, ValueError, TypeError) as exc:
            self._drop(who, "NP302", f"invalid {kind} record dropped: {exc}"[:500])
            return None
        self._remember_length_in(self._records, kind)
        self._records.setdefault(kind, []).append((obj, data))
        return obj

    @property
    def records(self) -> Mapping[str, tuple[BaseModel, ...]]:
        """The plugin records added so far, by kind."""
        return {k: tuple(obj for obj, _ in v) for k, v in self._records.items() if v}

    def _record_data(self) -> dict[str, list[dict[str, Any]]]:
        """The records as the JSON objects the article will hold, by kind."""
        return {k: [data for _, data in v] for k, v in self._records.items() if v}

    # -- diagnostics

    def warn(self, extractor: str, code: str, message: str) -> None:
        """Record a warning diagnostic for this article."""
        self.report(Diagnostic(extractor=extractor, code=code, level="warning", message=message))

    def report(self, diagnostic: Diagnostic) -> None:
        """Record a diagnostic for this article."""
        if not isinstance(diagnostic, Diagnostic):
            raise _refuse(f"report() takes a Diagnostic, not {type(diagnostic).__name__}")
        self._diagnostics.append(diagnostic)

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        """Diagnostics recorded so far."""
        return tuple(self._diagnostics)

    def _drop(self, who: str, code: str, message: str) -> None:
        if self._strict:
            raise DraftError(code, message)
        self.report(Diagnostic(extractor=who, code=code, message=message))

    # -- scratch space and time

    def scratch(self, cls: type[_S]) -> _S:
        """This article's instance of ``cls``, made with ``cls()`` on first use.

        Typed, named scratch space: an extractor keeps its working state in a class of its own
        and gets the same object back for the rest of the article.
        """
        got = self._scratch.get(cls)
        if got is None:
            got = self._scratch[cls] = (self._run, cls())
        found: _S = got[1]
        return found

    @property
    def expired(self) -> bool:
        """Whether the per-article time budget is spent (extractors should stop early)."""
        return self.deadline is not None and time.monotonic() > self.deadline

    # -- write permission and undo, driven by the pipeline

    def _may(self, capability: str) -> None:
        w = self._writer
        if w is not None and capability not in w.may:
            raise DraftError(
                "NP207",
                f"extractor {w.name!r} writes {capability!r} but does not declare it in "
                "provides or amends",
            )

    def _begin(self, name: str, may: frozenset[str]) -> None:
        self._run += 1
        self._writer = _Writer(name, may)
        self._journal = {}

    def _end(self) -> None:
        self._writer = None
        self._journal = None

    def _remember(self, obj: object, name: str) -> None:
        """Keep the value an extractor is about to overwrite (once per field and run)."""
        journal = self._journal
        if journal is None or getattr(obj, "_born", -1) == self._run:
            return  # no extractor running, or the object is new in this run: nothing to keep
        key = (id(obj), name)
        if key not in journal:
            journal[key] = (obj, name, getattr(obj, name))

    def _remember_length(self, obj: object, name: str) -> None:
        """Keep the length of a list an extractor is about to append to."""
        journal = self._journal
        if journal is None or getattr(obj, "_born", -1) == self._run:
            return
        key = (id(obj), name)
        if key not in journal:
            journal[key] = (obj, name, len(getattr(obj, name)))

    def _remember_list(self, obj: object, name: str) -> None:
        """Keep a whole copy of a list an extractor is about to edit."""
        journal = self._journal
        if journal is None:
            return
        key = (id(obj), name)
        old = journal.get(key)
        if old is None or isinstance(old[2], int):
            value = list(getattr(obj, name))
            if old is not None:  # appended to before: keep the list as it was then
                del value[old[2] :]
            journal[key] = (obj, name, value)

    def _remember_length_in(self, mapping: dict[str, list[Any]], key: str) -> None:
        journal = self._journal
        if journal is None:
            return
        jkey = (id(mapping), key)
        if jkey not in journal:
            journal[jkey] = (mapping, key, len(mapping.get(key, ())))

    def _rollback(self) -> None:
        """Undo everything the running extractor changed."""
        journal = self._journal or {}
        for obj, name, old in reversed(journal.values()):
            if obj is self._records:
                self._records[name][old:] = []
            elif isinstance(old, int) and isinstance(getattr(obj, name), list):
                del getattr(obj, name)[old:]
            else:
                object.__setattr__(obj, name, old)
        run = self._run
        tables: tuple[_Table[Any], ...] = (self.actors, self.places, self.quotes, self.claims)
        for table in tables:
            table._items = [x for x in table._items if x._born != run]
            table._reindex()
        self._scratch = {k: v for k, v in self._scratch.items() if v[0] != run}


def _record_json(text: str, record: BaseModel) -> dict[str, Any]:
    """The record as a JSON object; ``ValueError`` when JSON cannot carry it exactly (NaN,
    infinity, a lone surrogate) or when a span inside it is not a span of ``text``."""
    from .models import _spans_in

    # JSON mode writes NaN and infinity as null, so they are looked for before it.
    json.dumps(record.model_dump(), allow_nan=False, default=str)
    data = record.model_dump(mode="json")
    json.dumps(data, ensure_ascii=False).encode("utf-8")  # a lone surrogate fails here
    for where, span in _spans_in(data, "record"):
        if span.end > len(text) or text[span.start : span.end] != span.text:
            raise ValueError(f"{where}: span [{span.start}, {span.end}) is not {span.text!r}")
    return data


def span_of(text: str, offsets: Offsets) -> Span:
    """The ``Span`` of ``offsets`` in ``text``."""
    s, e = offsets
    return Span(start=s, end=e, text=text[s:e])
