"""The typed records newsparse produces: spans, actors, places, quotes, ceasefire claims, articles.

Every model is frozen and forbids unknown fields. Offsets are half-open Python string indices into
``Article.text``; an :class:`Article` whose spans do not reproduce their text does not validate.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

__all__ = [
    "ACTOR_KINDS",
    "CEASEFIRE_STATUSES",
    "QUOTE_KINDS",
    "Actor",
    "ActorKind",
    "Article",
    "CeasefireClaim",
    "CeasefireStatus",
    "Diagnostic",
    "Mention",
    "Place",
    "Quote",
    "QuoteKind",
    "Span",
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

# Field descriptions come from the attribute docstrings, read by _describe_fields() below in one
# parse of this file: pydantic's use_attribute_docstrings finds and parses each class's source
# anew, which cost about half of ``import newsparse``. defer_build leaves building the validators
# to their first use.
_CONFIG = ConfigDict(frozen=True, extra="forbid", defer_build=True)


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
    mentions: tuple[Mention, ...] = ()
    """Every place the article refers to this actor by name or description."""


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
    mentions: tuple[Mention, ...] = ()
    """Every place the article names it."""


class Quote(_Model):
    """Something someone said or wrote, as the article reports it."""

    id: str = Field(min_length=1)
    """Identifier, stable within one article (e.g. ``q2``)."""
    kind: QuoteKind
    """``direct`` (verbatim in marks), ``partial`` (quoted fragment) or ``indirect`` (reported)."""
    start: int = Field(ge=0)
    """Start of the content: first segment's start, quotation marks excluded."""
    end: int = Field(ge=0)
    """End of the content: last segment's end."""
    text: str
    """``article.text[start:end]``; for several segments this includes what lies between them."""
    segments: tuple[Span, ...] = Field(min_length=1)
    """The quoted pieces in order; one piece for most quotes."""
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
        if self.segments[0].start != self.start or self.segments[-1].end != self.end:
            raise ValueError("quote start/end must be its first segment's start and last's end")
        for a, b in zip(self.segments, self.segments[1:], strict=False):
            if b.start < a.end:
                raise ValueError("quote segments must be in order and must not overlap")
        if len(self.text) != self.end - self.start:
            raise ValueError("quote text does not have the length of [start, end)")
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
    evidence: Span
    """The sentence holding the trigger."""
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
    qualifiers: tuple[Span, ...] = ()
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


M = TypeVar("M", bound=BaseModel)


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
    boilerplate: tuple[Span, ...] = ()
    """Lines that are not article prose (caption leftovers such as a lone ``image``)."""
    paragraphs: tuple[Span, ...] = ()
    """Paragraphs of prose, in order."""
    sentences: tuple[Span, ...] = ()
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
    """Records of kinds that plugins add, by kind, each validated by the plugin's own model."""
    diagnostics: tuple[Diagnostic, ...] = ()
    """What went wrong, by extractor; empty on a clean run."""

    _check_published = field_validator("published")(classmethod(lambda cls, v: _valid_iso(v)))

    @model_validator(mode="after")
    def _check_references(self) -> Article:
        text = self.text
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
        quote_ids = {q.id for q in self.quotes}
        for a in self.actors:
            for ref in a.affiliations:
                if ref not in actor_ids:
                    raise ValueError(f"actor {a.id}: unknown affiliation {ref!r}")
        for q in self.quotes:
            if q.speaker is not None and q.speaker not in actor_ids:
                raise ValueError(f"quote {q.id}: unknown speaker {q.speaker!r}")
        for c in self.ceasefire_claims:
            for role in ("parties", "brokers", "excluded"):
                for ref in getattr(c, role):
                    if ref not in actor_ids:
                        raise ValueError(f"ceasefire claim {c.id}: unknown {role} id {ref!r}")
            if c.source != "narrator" and c.source not in actor_ids:
                raise ValueError(f"ceasefire claim {c.id}: unknown source {c.source!r}")
            if c.quote is not None and c.quote not in quote_ids:
                raise ValueError(f"ceasefire claim {c.id}: unknown quote {c.quote!r}")
        return self

    def iter_spans(self) -> Iterator[tuple[str, Span]]:
        """Yield ``(where, span)`` for every span in the article, plugin records included."""
        if self.headline is not None:
            yield "headline", self.headline
        for i, s in enumerate(self.boilerplate):
            yield f"boilerplate[{i}]", s
        for i, s in enumerate(self.paragraphs):
            yield f"paragraphs[{i}]", s
        for i, s in enumerate(self.sentences):
            yield f"sentences[{i}]", s
        for group in (self.actors, self.places):
            for item in group:
                for m in item.mentions:
                    yield f"{item.id}.mentions", m
        for q in self.quotes:
            for s in q.segments:
                yield f"{q.id}.segments", s
            if q.speaker_mention is not None:
                yield f"{q.id}.speaker_mention", q.speaker_mention
            if q.cue is not None:
                yield f"{q.id}.cue", q.cue
        for c in self.ceasefire_claims:
            yield f"{c.id}.trigger", c.trigger
            yield f"{c.id}.evidence", c.evidence
            for opt in ("location", "time", "name"):
                s = getattr(c, opt)
                if s is not None:
                    yield f"{c.id}.{opt}", s
            for s in c.qualifiers:
                yield f"{c.id}.qualifiers", s
        for kind, recs in self.records.items():
            for i, rec in enumerate(recs):
                for path, s in _spans_in(rec, f"records[{kind}][{i}]"):
                    yield path, s

    def actor(self, actor_id: str) -> Actor:
        """Return the actor with this id; raise ``KeyError`` when there is none."""
        for a in self.actors:
            if a.id == actor_id:
                return a
        raise KeyError(actor_id)

    def records_of(self, kind: str, model: type[M]) -> tuple[M, ...]:
        """Return this article's plugin records of ``kind``, validated as ``model``."""
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


def _describe_fields() -> None:
    """Set each model field's description from the docstring under it, as pydantic's
    ``use_attribute_docstrings`` would: an inherited field keeps its parent's description."""
    import ast
    import inspect
    from pathlib import Path

    try:
        tree = ast.parse(Path(__file__).read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return  # no source to read (e.g. bytecode only): no descriptions, as with pydantic
    docs: dict[str, dict[str, str]] = {}
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        own = docs.setdefault(node.name, {})
        for prev, stmt in zip(node.body, node.body[1:], strict=False):
            if (
                isinstance(prev, ast.AnnAssign)
                and isinstance(prev.target, ast.Name)
                and isinstance(stmt, ast.Expr)
                and isinstance(stmt.value, ast.Constant)
                and isinstance(stmt.value.value, str)
            ):
                own[prev.target.id] = inspect.cleandoc(stmt.value.value)
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
