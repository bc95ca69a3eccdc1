"""The typed records newsparse produces: spans, actors, places, quotes, ceasefire claims, articles.

Every model is frozen and forbids unknown fields. Offsets are half-open Python string indices into
``Article.text``; an ``Article`` whose spans do not reproduce their text does not validate.

Long runs of spans (paragraphs, sentences, an actor's mentions, a quote's segments) are stored as
offsets into the article text (``Spans``, ``Mentions``) and handed out as
``Span`` / ``Mention`` models on access, so an article costs memory in proportion to its
text and the things found in it, not to a Python object per span.
"""

from __future__ import annotations

import datetime as _dt
import itertools
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import Annotated, Any, ClassVar, Literal, TypeVar, overload

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    field_validator,
    model_validator,
)
from pydantic_core import core_schema

__all__ = [
    "ACTOR_KINDS",
    "CEASEFIRE_STATUSES",
    "MENTION_FORMS",
    "QUOTE_KINDS",
    "Actor",
    "ActorKind",
    "ActorRef",
    "Article",
    "CeasefireClaim",
    "CeasefireStatus",
    "ClaimRef",
    "Diagnostic",
    "Mention",
    "MentionForm",
    "Mentions",
    "Place",
    "Quote",
    "QuoteKind",
    "QuoteRef",
    "Span",
    "Spans",
    "TimeExpression",
]

ActorKind = Literal[
    "person", "government", "armed_group", "political_group", "country", "igo", "organization"
]
QuoteKind = Literal["direct", "partial", "indirect"]
CeasefireStatus = Literal[
    "called_for",
    "proposed",
    "accepted",
    "rejected",
    "negotiating",
    "agreed",
    "announced",
    "in_effect",
    "reaffirmed",
    "extended",
    "violated",
    "collapsed",
    "excluded",
    "monitored",
]
MentionForm = Literal[
    "name", "surname", "abbreviation", "demonym", "capital", "description", "title"
]

ACTOR_KINDS: tuple[str, ...] = ActorKind.__args__  # type: ignore[attr-defined]
QUOTE_KINDS: tuple[str, ...] = QuoteKind.__args__  # type: ignore[attr-defined]
CEASEFIRE_STATUSES: tuple[str, ...] = CeasefireStatus.__args__  # type: ignore[attr-defined]
MENTION_FORMS: tuple[str, ...] = MentionForm.__args__  # type: ignore[attr-defined]

# Field descriptions come from the attribute docstrings, read by _describe_fields() below in one
# parse of this file: pydantic's use_attribute_docstrings finds and parses each class's source
# anew, which cost about half of ``import newsparse``. defer_build leaves building the validators
# to their first use.
_CONFIG = ConfigDict(frozen=True, extra="forbid", defer_build=True)

M = TypeVar("M", bound=BaseModel)
_setattr = object.__setattr__
_ALL_FIELDS: dict[type[BaseModel], set[str]] = {}


def unchecked(cls: type[M], values: dict[str, Any]) -> M:
    """Build a model from a complete field dict without validating it.

    For the pipeline's own records, which are valid by construction (offsets checked as they are
    written, ids issued by the draft) and covered by tests; every field must be present. This is
    what ``model_construct`` does, minus its per-field default handling, at half the cost.
    """
    obj = cls.__new__(cls)
    fields = _ALL_FIELDS.get(cls)
    if fields is None:
        fields = _ALL_FIELDS[cls] = set(cls.model_fields)
    _setattr(obj, "__dict__", values)
    # Shared per class: a frozen model never adds to its fields-set.
    _setattr(obj, "__pydantic_fields_set__", fields)
    _setattr(obj, "__pydantic_extra__", None)
    _setattr(obj, "__pydantic_private__", None)
    return obj


class _Model(BaseModel):
    model_config = _CONFIG


class Span(_Model):
    """A half-open ``[start, end)`` range of the article text, with the text it covers."""

    start: int = Field(ge=0)
    """Index of the first character, in Python string indices."""
    end: int = Field(ge=0)
    """Index one past the last character."""
    text: str
    """Exactly ``article.text[start:end]``."""

    @model_validator(mode="after")
    def _check_length(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError(
                f"span text has {len(self.text)} characters but [{self.start}, {self.end}) "
                f"covers {self.end - self.start}"
            )
        return self

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """Build the span ``[start, end)`` of ``text``."""
        return cls(start=start, end=end, text=text[start:end])


class Mention(Span):
    """One place in the text where an actor or place is named or described."""

    form: MentionForm = "name"
    """How the mention refers: full name, surname, abbreviation, demonym, capital, description."""


# -- packed runs of spans ---------------------------------------------------------------------

_S = TypeVar("_S", bound=Span)
_P = TypeVar("_P", bound="_Packed[Any]")


class _Packed(Sequence[_S]):
    """An immutable sequence of spans kept as offsets into one text."""

    __slots__ = ("_ends", "_source", "_starts", "_texts")
    _item: ClassVar[type[Span]] = Span

    def __init__(
        self,
        source: str,
        starts: array[int],
        ends: array[int],
        texts: tuple[str, ...] | None = None,
    ) -> None:
        self._source = source
        self._starts = starts
        self._ends = ends
        # Set only until the sequence is bound to its article's text (built from items alone).
        self._texts = texts

    # -- building

    @classmethod
    def of(cls: type[_P], text: str, offsets: Iterable[tuple[int, int]]) -> _P:
        """Pack ``(start, end)`` ranges of ``text``; raise ``ValueError`` for one outside it."""
        starts, ends = array("q"), array("q")
        n = len(text)
        for s, e in offsets:
            if not 0 <= s <= e <= n:
                raise ValueError(f"[{s}, {e}) is not a range of a {n}-character text")
            starts.append(s)
            ends.append(e)
        return cls._packed(text, starts, ends)

    @classmethod
    def _packed(cls: type[_P], text: str, starts: array[int], ends: array[int]) -> _P:
        return cls(text, starts, ends)

    @classmethod
    def _from_items(cls: type[_P], items: Sequence[Span]) -> _P:
        packed = cls(
            "",
            array("q", [x.start for x in items]),
            array("q", [x.end for x in items]),
            tuple(x.text for x in items),
        )
        packed._take_extra(items)
        return packed

    def _take_extra(self, items: Sequence[Span]) -> None:
        """Copy the columns a subclass adds to ``Span``."""

    def _bind(self, text: str, where: str) -> None:
        """Check every span against the article ``text`` and index it from now on."""
        if self._texts is None and self._source is text:
            return
        n = len(text)
        for i in range(len(self._starts)):
            s, e = self._starts[i], self._ends[i]
            own = self._texts[i] if self._texts is not None else self._source[s:e]
            if e > n or text[s:e] != own:
                raise ValueError(
                    f"{where}[{i}]: span [{s}, {e}) does not reproduce its text {own[:40]!r}"
                )
        self._source = text
        self._texts = None

    # -- reading

    def offsets(self) -> Iterator[tuple[int, int]]:
        """The ``(start, end)`` pairs, without building a model per span."""
        return zip(self._starts, self._ends, strict=True)

    def _text(self, i: int) -> str:
        if self._texts is not None:
            return self._texts[i]
        return self._source[self._starts[i] : self._ends[i]]

    def _at(self, i: int) -> _S:
        raise NotImplementedError

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, i: int) -> _S: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[_S]: ...

    def __getitem__(self, i: int | slice) -> _S | Sequence[_S]:
        if isinstance(i, slice):
            return tuple(self._at(k) for k in range(len(self))[i])
        n = len(self._starts)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("span index out of range")
        return self._at(i)

    def __iter__(self) -> Iterator[_S]:
        for i in range(len(self._starts)):
            yield self._at(i)

    def _key(self) -> tuple[Any, ...]:
        return (self._starts.tobytes(), self._ends.tobytes())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, _Packed):
            if type(other) is not type(self) or self._key() != other._key():
                return False
            if self._texts is None and other._texts is None and self._source is other._source:
                return True
            return all(self._text(i) == other._text(i) for i in range(len(self)))
        if isinstance(other, tuple | list):
            return list(self) == list(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        shown = ", ".join(repr(self._text(i))[:40] for i in range(min(len(self), 3)))
        more = f", … {len(self) - 3} more" if len(self) > 3 else ""
        return f"{type(self).__name__}([{shown}{more}])"

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _restore,
            (type(self), self._source, self._starts, self._ends, self._texts, self._extra_state()),
        )

    def _extra_state(self) -> Any:
        return None

    def _set_extra_state(self, state: Any) -> None:
        """Restore what ``_extra_state`` saved."""

    def _dump(self) -> list[dict[str, Any]]:
        return [
            {"start": s, "end": e, "text": self._text(i)} for i, (s, e) in enumerate(self.offsets())
        ]

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        items = core_schema.tuple_schema(
            [handler.generate_schema(cls._item)], variadic_item_index=0
        )
        packed = core_schema.no_info_after_validator_function(cls._from_items, items)
        return core_schema.json_or_python_schema(
            json_schema=packed,
            python_schema=core_schema.union_schema([core_schema.is_instance_schema(cls), packed]),
            serialization=core_schema.plain_serializer_function_ser_schema(cls._dump),
        )


def _restore(
    cls: type[_Packed[Any]],
    source: str,
    starts: array[int],
    ends: array[int],
    texts: tuple[str, ...] | None,
    extra: Any,
) -> _Packed[Any]:
    packed = cls(source, starts, ends, texts)
    packed._set_extra_state(extra)
    return packed


class Spans(_Packed[Span]):
    """Spans of one text stored as offsets; reads as a tuple of ``Span``."""

    __slots__ = ()
    _item = Span

    def _at(self, i: int) -> Span:
        s, e = self._starts[i], self._ends[i]
        return unchecked(Span, {"start": s, "end": e, "text": self._text(i)})


class Mentions(_Packed[Mention]):
    """Mentions of one text stored as offsets and forms; reads as a tuple of ``Mention``."""

    __slots__ = ("_forms",)
    _item = Mention

    def __init__(
        self,
        source: str,
        starts: array[int],
        ends: array[int],
        texts: tuple[str, ...] | None = None,
        forms: bytes = b"",
    ) -> None:
        super().__init__(source, starts, ends, texts)
        self._forms = forms or bytes(len(starts))

    @classmethod
    def with_forms(cls, text: str, rows: Iterable[tuple[int, int, str]]) -> Mentions:
        """Pack ``(start, end, form)`` rows of ``text`` (forms as in ``MENTION_FORMS``)."""
        rows = list(rows)
        packed = cls.of(text, ((s, e) for s, e, _ in rows))
        packed._forms = bytes(MENTION_FORMS.index(f) for _, _, f in rows)
        return packed

    def _take_extra(self, items: Sequence[Span]) -> None:
        self._forms = bytes(MENTION_FORMS.index(getattr(x, "form", "name")) for x in items)

    def _extra_state(self) -> Any:
        return self._forms

    def _set_extra_state(self, state: Any) -> None:
        self._forms = state

    def form(self, i: int) -> str:
        """The form of the ``i``-th mention, without building its model."""
        return MENTION_FORMS[self._forms[i]]

    def _at(self, i: int) -> Mention:
        s, e = self._starts[i], self._ends[i]
        return unchecked(
            Mention,
            {"start": s, "end": e, "text": self._text(i), "form": MENTION_FORMS[self._forms[i]]},
        )

    def _key(self) -> tuple[Any, ...]:
        return (*super()._key(), self._forms)

    def _dump(self) -> list[dict[str, Any]]:
        return [
            {"start": s, "end": e, "text": self._text(i), "form": MENTION_FORMS[self._forms[i]]}
            for i, (s, e) in enumerate(self.offsets())
        ]


#: The type of a field holding a run of spans: any sequence of ``Span`` in, ``Spans`` out.
SpanSeq = Annotated[Sequence[Span], Spans]
#: The type of a field holding mentions: any sequence of ``Mention`` in, ``Mentions`` out.
MentionSeq = Annotated[Sequence[Mention], Mentions]

_NO_SPANS = Spans("", array("q"), array("q"))
_NO_MENTIONS = Mentions("", array("q"), array("q"))


# -- references a plugin record can hold ------------------------------------------------------


class ActorRef(_Model):
    """A plugin record's reference to an actor of the same article (``{"actor": "a3"}``)."""

    actor: str = Field(min_length=1)
    """Id of an actor in ``Article.actors``."""


class QuoteRef(_Model):
    """A plugin record's reference to a quote of the same article (``{"quote": "q2"}``)."""

    quote: str = Field(min_length=1)
    """Id of a quote in ``Article.quotes``."""


class ClaimRef(_Model):
    """A plugin record's reference to a ceasefire claim of its article (``{"claim": "c1"}``)."""

    claim: str = Field(min_length=1)
    """Id of a claim in ``Article.ceasefire_claims``."""


_REF_KEYS = {"actor": "actors", "quote": "quotes", "claim": "ceasefire_claims"}


class Diagnostic(_Model):
    """Something that went wrong or was doubtful while an extractor worked on the article."""

    extractor: str
    """Name of the extractor (or ``pipeline``) that reported it."""
    code: str
    """Stable error code, e.g. ``NP301``; see ``newsparse.errors``."""
    level: Literal["warning", "error"] = "error"
    """``error`` when the extractor failed and its output is missing."""
    message: str
    """What happened, for a human."""


class Actor(_Model):
    """A person, government, group, country or organisation that acts or is acted upon."""

    id: str = Field(min_length=1)
    """Identifier, stable within one article (e.g. ``a3``)."""
    name: str = Field(min_length=1)
    """The fullest form of the name the article gives."""
    kind: ActorKind
    """What sort of actor this is."""
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    """ISO 3166-1 alpha-3 code of the country the actor belongs to, when known."""
    titles: tuple[str, ...] = ()
    """Titles and roles as written (``President``, ``Chief Negotiator``)."""
    affiliations: tuple[str, ...] = ()
    """Ids of actors this actor belongs to or speaks for."""
    mentions: MentionSeq = _NO_MENTIONS
    """Every place the article refers to this actor by name or description, in text order."""


class Place(_Model):
    """A location that is only a location (a city, region, venue), not an actor."""

    id: str = Field(min_length=1)
    """Identifier, stable within one article (e.g. ``p1``)."""
    name: str = Field(min_length=1)
    """The name as the article gives it."""
    kind: Literal["place"] = "place"
    """Always ``place``; lets consumers treat places and actors alike."""
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    """ISO 3166-1 alpha-3 code of the country it lies in, when known."""
    mentions: MentionSeq = _NO_MENTIONS
    """Every place the article names it, in text order."""


class Quote(_Model):
    """Something someone said or wrote, as the article reports it."""

    id: str = Field(min_length=1)
    """Identifier, stable within one article (e.g. ``q2``)."""
    kind: QuoteKind
    """``direct`` (verbatim in marks), ``partial`` (quoted fragment) or ``indirect`` (reported)."""
    start: int = Field(ge=0)
    """Start of the quote: its first segment's start for direct and indirect quotes; for a
    partial quote, the start of the reported clause that holds the quoted words."""
    end: int = Field(ge=0)
    """End of the quote: its last segment's end, or the end of a partial quote's clause."""
    text: str
    """``article.text[start:end]``; for several segments this includes what lies between them."""
    segments: SpanSeq = Field(min_length=1)
    """The quoted pieces in order, quotation marks excluded (a partial quote: the quoted words)."""
    speaker: str | None = None
    """Id of the actor who said it, or null when the rules are unsure."""
    speaker_mention: Span | None = None
    """The words naming the speaker here (``Putin``, ``he``), when present."""
    cue: Span | None = None
    """The reporting word or phrase (``said``, ``according to``), when present."""
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    """How sure the attribution rule was, from 0 to 1."""

    @model_validator(mode="after")
    def _check_segments(self) -> Quote:
        segs = (
            list(self.segments.offsets())
            if isinstance(self.segments, _Packed)
            else [(s.start, s.end) for s in self.segments]
        )
        if not segs:
            raise ValueError("a quote needs at least one segment")
        if self.end < self.start or len(self.text) != self.end - self.start:
            raise ValueError("quote text does not have the length of [start, end)")
        if segs[0][0] < self.start or segs[-1][1] > self.end:
            raise ValueError("quote segments must lie inside [start, end)")
        if self.kind != "partial" and (segs[0][0] != self.start or segs[-1][1] != self.end):
            raise ValueError("quote start/end must be its first segment's start and last's end")
        for (_, a_end), (b_start, _) in itertools.pairwise(segs):
            if b_start < a_end:
                raise ValueError("quote segments must be in order and must not overlap")
        return self


class TimeExpression(Span):
    """A time expression as written, with the dates it resolves to when a date is known."""

    date_from: _dt.date | None = None
    """First day the expression covers, resolved against the publication date."""
    date_to: _dt.date | None = None
    """Last day the expression covers (equal to ``date_from`` for a single day)."""


class CeasefireClaim(_Model):
    """A statement about a ceasefire: its existence, a change of its state, or an act on it."""

    id: str = Field(min_length=1)
    """Identifier, stable within one article (e.g. ``c1``)."""
    status: CeasefireStatus
    """What is claimed, one of the 14 statuses of the annotation guidelines."""
    trigger: Span
    """The shortest span expressing the status."""
    sentence: int | None = Field(default=None, ge=0)
    """Index in ``Article.sentences`` of the sentence holding the trigger (offsets, not a copy
    of its text, so an article dense in claims stays small)."""
    parties: tuple[str, ...] = ()
    """Ids of actors bound by the ceasefire (or accused of violating it)."""
    brokers: tuple[str, ...] = ()
    """Ids of mediators, guarantors and sponsors."""
    excluded: tuple[str, ...] = ()
    """Ids of actors explicitly left out of it."""
    location: Span | None = None
    """Where, as written."""
    time: TimeExpression | None = None
    """When, as written, resolved to dates when the article's publication date is known."""
    source: str = "narrator"
    """``narrator`` when the article says it in its own voice, else the claiming actor's id."""
    quote: str | None = None
    """Id of the quote the claim sits in, if any."""
    name: Span | None = None
    """The ceasefire's name when the text gives one (``the Astana ceasefire``)."""
    negated: bool = False
    """The claim is denied (``did not violate``)."""
    hypothetical: bool = False
    """Conditional, future or proposed but not real."""
    qualifiers: SpanSeq = _NO_SPANS
    """Words grading the claim (``shaky``, ``repeatedly``, ``30-day``)."""
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    """How sure the rule was, from 0 to 1."""


def _valid_iso(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        _dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            _dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(
                f"published must be an ISO 8601 date or datetime, got {value!r}"
            ) from None
    return value


class Article(_Model):
    """One article: its unchanged text and everything the extractors found in it."""

    id: str
    """Identifier given by the caller, or a hash of the text."""
    text: str
    """The input text, unchanged: every span indexes into it."""
    title: str | None = None
    """Headline, from metadata or from a leading headline line."""
    published: str | None = None
    """Publication date or datetime, ISO 8601."""
    url: str | None = None
    """Where the article was found."""
    source: str | None = None
    """Publisher or feed name."""
    author: str | None = None
    """Byline, when the input gives one."""
    headline: Span | None = None
    """The headline line inside ``text``, when the text starts with one."""
    boilerplate: SpanSeq = _NO_SPANS
    """Lines that are not article prose (caption leftovers such as a lone ``image``)."""
    paragraphs: SpanSeq = _NO_SPANS
    """Paragraphs of prose, in order."""
    sentences: SpanSeq = _NO_SPANS
    """Sentences, in order (the headline counts as one)."""
    actors: tuple[Actor, ...] = ()
    """Everyone and every body that acts or is acted upon, each with all its mentions."""
    places: tuple[Place, ...] = ()
    """Locations that are only locations."""
    quotes: tuple[Quote, ...] = ()
    """Direct, partial and indirect quotes, in text order."""
    ceasefire_claims: tuple[CeasefireClaim, ...] = ()
    """Statements about ceasefires."""
    records: dict[str, tuple[dict[str, Any], ...]] = Field(default_factory=dict)
    """Records of kinds that plugins add, by kind, each validated by the plugin's own model; a
    kind that found nothing is absent. Spans and references (``ActorRef``, …) inside a
    record are checked against the article like its own."""
    diagnostics: tuple[Diagnostic, ...] = ()
    """What went wrong, by extractor; empty on a clean run."""

    _check_published = field_validator("published")(classmethod(lambda cls, v: _valid_iso(v)))

    @field_validator("records")
    @classmethod
    def _drop_empty_kinds(
        cls, value: dict[str, tuple[dict[str, Any], ...]]
    ) -> dict[str, tuple[dict[str, Any], ...]]:
        return {k: v for k, v in value.items() if v}

    @model_validator(mode="after")
    def _check_references(self) -> Article:
        text = self.text
        for where, packed in self._packed():
            packed._bind(text, where)
        n = len(text)
        for where, span in self.iter_spans():
            if span.end > n or text[span.start : span.end] != span.text:
                raise ValueError(
                    f"{where}: span [{span.start}, {span.end}) does not reproduce its text "
                    f"{span.text[:40]!r} in the article"
                )
        for q in self.quotes:
            if text[q.start : q.end] != q.text:
                raise ValueError(f"quote {q.id}: text differs from article.text[start:end]")
        self._check_ids()
        return self

    def _packed(self) -> Iterator[tuple[str, _Packed[Any]]]:
        for name in ("boilerplate", "paragraphs", "sentences"):
            value = getattr(self, name)
            if isinstance(value, _Packed):
                yield name, value
        for group in (self.actors, self.places):
            for item in group:
                if isinstance(item.mentions, _Packed):
                    yield f"{item.id}.mentions", item.mentions
        for q in self.quotes:
            if isinstance(q.segments, _Packed):
                yield f"{q.id}.segments", q.segments
        for c in self.ceasefire_claims:
            if isinstance(c.qualifiers, _Packed):
                yield f"{c.id}.qualifiers", c.qualifiers

    def _check_ids(self) -> None:
        ids: set[str] = set()
        for kind, group in (
            ("actor", self.actors),
            ("place", self.places),
            ("quote", self.quotes),
            ("ceasefire claim", self.ceasefire_claims),
        ):
            for item in group:
                if item.id in ids:
                    raise ValueError(f"duplicate id {item.id!r} ({kind})")
                ids.add(item.id)
        actor_ids = {a.id for a in self.actors}
        self._check_actor_refs(actor_ids)
        self._check_claim_refs(actor_ids, {q.id for q in self.quotes})
        for where, key, ref in self.iter_refs():
            if ref not in {x.id for x in getattr(self, _REF_KEYS[key])}:
                raise ValueError(f"{where}: no {key} with id {ref!r} in the article")

    def _check_actor_refs(self, actor_ids: set[str]) -> None:
        for a in self.actors:
            for ref in a.affiliations:
                if ref not in actor_ids:
                    raise ValueError(f"actor {a.id}: unknown affiliation {ref!r}")
        for q in self.quotes:
            if q.speaker is not None and q.speaker not in actor_ids:
                raise ValueError(f"quote {q.id}: unknown speaker {q.speaker!r}")

    def _check_claim_refs(self, actor_ids: set[str], quote_ids: set[str]) -> None:
        for c in self.ceasefire_claims:
            for role in ("parties", "brokers", "excluded"):
                for ref in getattr(c, role):
                    if ref not in actor_ids:
                        raise ValueError(f"ceasefire claim {c.id}: unknown {role} id {ref!r}")
            if c.source != "narrator" and c.source not in actor_ids:
                raise ValueError(f"ceasefire claim {c.id}: unknown source {c.source!r}")
            if c.quote is not None and c.quote not in quote_ids:
                raise ValueError(f"ceasefire claim {c.id}: unknown quote {c.quote!r}")
            if c.sentence is not None and c.sentence >= len(self.sentences):
                raise ValueError(f"ceasefire claim {c.id}: no sentence {c.sentence}")

    def iter_spans(self) -> Iterator[tuple[str, Span]]:
        """Yield ``(where, span)`` for every span in the article, plugin records included."""
        if self.headline is not None:
            yield "headline", self.headline
        for name in ("boilerplate", "paragraphs", "sentences"):
            for i, s in enumerate(getattr(self, name)):
                yield f"{name}[{i}]", s
        for group in (self.actors, self.places):
            for item in group:
                for m in item.mentions:
                    yield f"{item.id}.mentions", m
        for q in self.quotes:
            for s in q.segments:
                yield f"{q.id}.segments", s
            yield from _optional_spans(q, q.id, ("speaker_mention", "cue"))
        for c in self.ceasefire_claims:
            yield f"{c.id}.trigger", c.trigger
            yield from _optional_spans(c, c.id, ("location", "time", "name"))
            for s in c.qualifiers:
                yield f"{c.id}.qualifiers", s
        for kind, recs in self.records.items():
            for i, rec in enumerate(recs):
                yield from _spans_in(rec, f"records[{kind}][{i}]")

    def iter_refs(self) -> Iterator[tuple[str, str, str]]:
        """Yield ``(where, "actor" | "quote" | "claim", id)`` for every reference in records."""
        for kind, recs in self.records.items():
            for i, rec in enumerate(recs):
                yield from _refs_in(rec, f"records[{kind}][{i}]")

    def actor(self, actor_id: str) -> Actor:
        """Return the actor with this id; raise ``KeyError`` when there is none."""
        for a in self.actors:
            if a.id == actor_id:
                return a
        raise KeyError(actor_id)

    def sentence_of(self, claim: CeasefireClaim) -> Span | None:
        """The sentence a claim was found in, when it records one."""
        if claim.sentence is None or claim.sentence >= len(self.sentences):
            return None
        return self.sentences[claim.sentence]

    def records_of(self, kind: str, model: type[M]) -> tuple[M, ...]:
        """This article's plugin records of ``kind`` as ``model`` instances: a tuple, empty
        when the kind found nothing."""
        return tuple(model.model_validate(r) for r in self.records.get(kind, ()))

    @property
    def published_date(self) -> _dt.date | None:
        """The publication date, parsed from ``published``."""
        if self.published is None:
            return None
        try:
            return _dt.datetime.fromisoformat(self.published.replace("Z", "+00:00")).date()
        except ValueError:
            return _dt.date.fromisoformat(self.published)

    def __repr__(self) -> str:
        """A few readable lines: what is in the article, not every field of every span."""
        return _article_repr(self)


def _optional_spans(
    item: BaseModel, item_id: str, names: Iterable[str]
) -> Iterator[tuple[str, Span]]:
    for name in names:
        span = getattr(item, name)
        if span is not None:
            yield f"{item_id}.{name}", span


def _short(s: str, n: int = 40) -> str:
    return repr(s if len(s) <= n else s[: n - 1] + "…")


def _article_repr(a: Article) -> str:
    names = {x.id: x.name for x in a.actors}
    lines = [f"Article(id={a.id!r}, {len(a.text)} chars: {_short(a.text, 60)}"]
    meta = ", ".join(
        f"{k}={v!r}"
        for k in ("title", "published", "url", "source", "author")
        if (v := getattr(a, k)) is not None
    )
    if meta:
        lines.append(f"  {meta}")
    lines.append(f"  {len(a.paragraphs)} paragraphs, {len(a.sentences)} sentences")
    for x in a.actors:
        lines.append(f"  {x.id} {x.kind} {_short(x.name)} ×{len(x.mentions)}")
    for p in a.places:
        lines.append(f"  {p.id} place {_short(p.name)} ×{len(p.mentions)}")
    for q in a.quotes:
        who = names.get(q.speaker or "", "-")
        lines.append(f"  {q.id} {q.kind} quote by {who}: {_short(q.text)}")
    for c in a.ceasefire_claims:
        lines.append(f"  {c.id} ceasefire {c.status}: {_short(c.trigger.text)}")
    for kind, recs in a.records.items():
        lines.append(f"  records[{kind!r}]: {len(recs)}")
    for d in a.diagnostics:
        lines.append(f"  ! {d.code} {d.extractor}: {_short(d.message, 70)}")
    return "\n".join(lines) + ")"


def _spans_in(value: Any, path: str) -> Iterator[tuple[str, Span]]:
    """Find span-shaped dicts (int start, int end, str text) inside a JSON-like plugin record."""
    if isinstance(value, dict):
        s, e, t = value.get("start"), value.get("end"), value.get("text")
        if isinstance(s, int) and isinstance(e, int) and isinstance(t, str):
            yield path, Span(start=s, end=e, text=t)
        for k, v in value.items():
            if isinstance(v, dict | list | tuple):
                yield from _spans_in(v, f"{path}.{k}")
    elif isinstance(value, list | tuple):
        for i, v in enumerate(value):
            yield from _spans_in(v, f"{path}[{i}]")


def _refs_in(value: Any, path: str) -> Iterator[tuple[str, str, str]]:
    """Find reference-shaped dicts (one key: actor, quote or claim, holding an id)."""
    if isinstance(value, dict):
        if len(value) == 1:
            ((key, ref),) = value.items()
            if key in _REF_KEYS and isinstance(ref, str):
                yield path, key, ref
                return
        for k, v in value.items():
            if isinstance(v, dict | list | tuple):
                yield from _refs_in(v, f"{path}.{k}")
    elif isinstance(value, list | tuple):
        for i, v in enumerate(value):
            yield from _refs_in(v, f"{path}[{i}]")


def _describe_fields() -> None:
    """Set each model field's description from the docstring under it, as pydantic's
    ``use_attribute_docstrings`` would: an inherited field keeps its parent's description."""
    import inspect
    import re
    from pathlib import Path

    try:
        source = Path(__file__).read_text(encoding="utf-8")
    except (OSError, ValueError):
        return  # no source to read (e.g. bytecode only): no descriptions, as with pydantic
    # A field is an annotated name at class level with a docstring on the next line; a regex
    # over the source finds them in a fraction of the time a full parse takes at import.
    field = re.compile(r'^    (\w+): [^\n]*\n    (?:r?)"""(.*?)"""', re.M | re.S)
    docs: dict[str, dict[str, str]] = {}
    starts = [(m.start(), m.group(1)) for m in re.finditer(r"^class (\w+)\b", source, re.M)]
    for (start, name), (end, _) in zip(starts, [*starts[1:], (len(source), "")], strict=True):
        own = docs.setdefault(name, {})
        for m in field.finditer(source, start, end):
            own[m.group(1)] = inspect.cleandoc(m.group(2))
    models = [v for v in globals().values() if isinstance(v, type) and issubclass(v, _Model)]
    # Parents first, so a subclass's copy of an inherited field is filled from the same source.
    for model in sorted(models, key=lambda m: len(m.__mro__)):
        for name, info in model.model_fields.items():
            if info.description is not None:
                continue
            owner = next((c for c in model.__mro__ if name in inspect.get_annotations(c)), None)
            if owner is not None and owner.__module__ == __name__:
                info.description = docs.get(owner.__name__, {}).get(name)


_describe_fields()
