"""Hypothesis strategies for newsparse's records, valid by construction, for your own tests.

Every strategy draws the text first and then offsets inside it, so each span reproduces its text
without any filtering. Examples shrink towards short ASCII texts, empty spans at offset 0 and as
few items as possible. ``news_articles`` draws news-like text together with the quotes and
ceasefire claims it embeds, for round-trip tests of an extractor.

``st.from_type(Article)`` (and the other models) works without importing this module: newsparse's
``hypothesis`` entry point imports this module when hypothesis is imported, and importing it calls
``register_type_strategies``.
"""

from __future__ import annotations

import datetime as _dt
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Literal, TypeVar, get_args

try:
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
    from hypothesis.strategies import SearchStrategy
except ImportError as exc:  # newsparse itself never needs hypothesis; only these strategies do
    raise ImportError(
        "newsparse.strategies needs hypothesis: pip install 'newsparse[testing]'"
    ) from exc

from .models import (
    ACTOR_KINDS,
    CEASEFIRE_STATUSES,
    QUOTE_KINDS,
    Actor,
    Article,
    CeasefireClaim,
    Diagnostic,
    Mention,
    MentionForm,
    Place,
    Quote,
    Span,
    TimeExpression,
)

__all__ = [
    "LAYOUTS",
    "MOODS",
    "ExpectedClaim",
    "ExpectedQuote",
    "NewsParagraph",
    "NewsText",
    "actors",
    "articles",
    "ceasefire_claims",
    "news_articles",
    "news_texts",
    "quotes",
    "register_type_strategies",
    "spans",
]

S = TypeVar("S", bound=Span)
Offsets = tuple[int, int]

_MENTION_FORMS: tuple[str, ...] = get_args(MentionForm)
# Short words that make generated text look a little like news; drawn before arbitrary Unicode so
# that failing examples shrink towards readable ASCII.
_WORDS = (
    "the",
    "truce",
    "ceasefire",
    "said",
    "Jane",
    "Doe",
    "rebels",
    "“",
    "”",
    '"',
    ",",
    ".",
    "\n",
    "\n\n",
)
_ASCII = string.ascii_letters + string.digits + string.punctuation + " \n"


# -- checks on options ----------------------------------------------------------------------------


def _check_int(name: str, value: object, *, low: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidArgument(f"{name}={value!r} must be an int")
    if value < low:
        raise InvalidArgument(f"{name}={value!r} must be at least {low}")
    return value


def _check_text(name: str, value: object) -> str:
    if not isinstance(value, str):
        raise InvalidArgument(f"{name} must be a str, not {type(value).__name__}")
    return value


def _check_choices(name: str, value: object, allowed: Sequence[str]) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Sequence | frozenset | set):
        raise InvalidArgument(f"{name} must be a sequence of strings, not {value!r}")
    out = tuple(value)
    if not out:
        raise InvalidArgument(f"{name} must not be empty")
    unknown = [v for v in out if v not in allowed]
    if unknown:
        raise InvalidArgument(f"{name}: unknown values {unknown!r}; choose from {list(allowed)}")
    return out


def _check_ids(name: str, value: object) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, str) or not isinstance(value, Sequence):
        raise InvalidArgument(f"{name} must be a sequence of id strings or None, not {value!r}")
    out = tuple(value)
    if not all(isinstance(v, str) and v for v in out):
        raise InvalidArgument(f"{name} must hold non-empty strings, got {value!r}")
    return out


# -- building blocks (strategies are immutable: the cached ones are built once) -------------------


@cache
def _texts(max_size: int = 200) -> SearchStrategy[str]:
    """Article texts: ASCII first (what examples shrink to), then news words, then any Unicode."""
    return st.one_of(
        st.text(alphabet=_ASCII, max_size=max_size),
        st.lists(st.sampled_from(_WORDS), max_size=max_size // 4).map(" ".join),
        st.text(max_size=max_size),  # hypothesis leaves lone surrogates out by default
    )


@lru_cache(maxsize=1024)
def _sorted_offsets(n: int, count: int) -> SearchStrategy[list[int]]:
    """``count`` offsets in ``[0, n]``, in order (they shrink towards 0)."""
    return st.lists(st.integers(0, n), min_size=count, max_size=count).map(sorted)


@lru_cache(maxsize=1024)
def _pair(n: int) -> SearchStrategy[Offsets]:
    return _sorted_offsets(n, 2).map(lambda p: (p[0], p[1]))


def _disjoint(lo: int, hi: int, *, max_size: int) -> SearchStrategy[list[Offsets]]:
    """Up to ``max_size`` ordered, non-overlapping ranges inside ``[lo, hi]``."""

    @st.composite
    def draw_ranges(draw: st.DrawFn) -> list[Offsets]:
        k = draw(st.integers(0, max_size))
        cuts = draw(_sorted_offsets(hi - lo, 2 * k))
        return [(lo + cuts[2 * i], lo + cuts[2 * i + 1]) for i in range(k)]

    return draw_ranges()


@lru_cache(maxsize=1024)
def _pairs(n: int, max_size: int, *, unique: bool = False) -> SearchStrategy[list[Offsets]]:
    return st.lists(_pair(n), max_size=max_size, unique=unique)


@lru_cache(maxsize=1024)
def _maybe_pair(n: int) -> SearchStrategy[Offsets | None]:
    return st.none() | _pair(n)


def _maybe_span(draw: st.DrawFn, text: str) -> Span | None:
    """No span (what it shrinks to), or a span of ``text``."""
    off = draw(_maybe_pair(len(text)))
    return None if off is None else _span(text, off)


def _span(text: str, off: Offsets) -> Span:
    return Span(start=off[0], end=off[1], text=text[off[0] : off[1]])


def _typed_span(cls: type[S], text: str, off: Offsets, **extra: Any) -> S:
    return cls(start=off[0], end=off[1], text=text[off[0] : off[1]], **extra)


def _opt(strategy: SearchStrategy[Any]) -> SearchStrategy[Any]:
    """``None`` or a value; shrinks to ``None``."""
    return st.none() | strategy


@cache
def _country() -> SearchStrategy[str | None]:
    return _opt(st.text(alphabet=string.ascii_uppercase, min_size=3, max_size=3))


@cache
def _names() -> SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(("Jane Doe", "John Roe", "the army", "UN")),
        st.text(min_size=1, max_size=20),
    )


@cache
def _confidence() -> SearchStrategy[float]:
    return st.floats(0.0, 1.0)


def _draw_mentions(draw: st.DrawFn, text: str, max_size: int) -> tuple[Mention, ...]:
    offs = draw(_pairs(len(text), max_size, unique=True))
    forms = draw(st.lists(st.sampled_from(_MENTION_FORMS), min_size=len(offs), max_size=len(offs)))
    return tuple(
        _typed_span(Mention, text, o, form=f) for o, f in sorted(zip(offs, forms, strict=True))
    )


def _draw_actor(
    draw: st.DrawFn, text: str, actor_id: str, others: Sequence[str], kinds: Sequence[str]
) -> Actor:
    peers = sorted({o for o in others if o != actor_id})
    return Actor(
        id=actor_id,
        name=draw(_names()),
        kind=draw(st.sampled_from(kinds)),
        country=draw(_country()),
        titles=tuple(draw(st.lists(st.text(max_size=12), max_size=2))),
        affiliations=tuple(draw(st.lists(st.sampled_from(peers), unique=True)) if peers else ()),
        mentions=_draw_mentions(draw, text, 3),
    )


def _draw_place(draw: st.DrawFn, text: str, place_id: str) -> Place:
    return Place(
        id=place_id,
        name=draw(_names()),
        country=draw(_country()),
        mentions=_draw_mentions(draw, text, 2),
    )


def _draw_quote(
    draw: st.DrawFn,
    text: str,
    quote_id: str,
    speakers: Sequence[str] | None,
    kinds: Sequence[str],
) -> Quote:
    n = len(text)
    k = draw(st.integers(1, 3))
    cuts = draw(_sorted_offsets(n, 2 * k))
    segments = tuple(_span(text, (cuts[2 * i], cuts[2 * i + 1])) for i in range(k))
    if speakers is None:
        speaker = draw(_opt(st.from_regex(r"a[1-9][0-9]?", fullmatch=True)))
    elif speakers:
        speaker = draw(_opt(st.sampled_from(speakers)))
    else:
        speaker = None
    start, end = cuts[0], cuts[-1]
    return Quote(
        id=quote_id,
        kind=draw(st.sampled_from(kinds)),
        start=start,
        end=end,
        text=text[start:end],
        segments=segments,
        speaker=speaker,
        speaker_mention=_maybe_span(draw, text),
        cue=_maybe_span(draw, text),
        confidence=draw(_confidence()),
    )


@cache
def _dates() -> SearchStrategy[tuple[_dt.date | None, _dt.date | None]]:
    one_day = st.dates().map(lambda d: (d, d))
    a_range = st.lists(st.dates(), min_size=2, max_size=2).map(sorted).map(lambda p: (p[0], p[1]))
    return st.one_of(st.just((None, None)), one_day, a_range)


def _draw_claim(
    draw: st.DrawFn,
    text: str,
    claim_id: str,
    actor_ids: Sequence[str] | None,
    quote_ids: Sequence[str] | None,
    statuses: Sequence[str],
    sentences: Sequence[Offsets] = (),
) -> CeasefireClaim:
    n = len(text)
    sentence = draw(_opt(st.integers(0, len(sentences) - 1))) if sentences else None
    if sentence is None:
        t0, t1 = draw(_sorted_offsets(n, 2))
    else:
        lo, hi = sentences[sentence]
        t0, t1 = (lo + x for x in draw(_sorted_offsets(hi - lo, 2)))
    if actor_ids is None:
        ref: SearchStrategy[str] = st.from_regex(r"a[1-9][0-9]?", fullmatch=True)
        people = st.lists(ref, max_size=3, unique=True)
    elif actor_ids:
        ref = st.sampled_from(actor_ids)
        people = st.lists(ref, max_size=min(3, len(actor_ids)), unique=True)
    else:
        ref = st.nothing()
        people = st.just([])
    if quote_ids is None:
        quote = draw(_opt(st.from_regex(r"q[1-9][0-9]?", fullmatch=True)))
    elif quote_ids:
        quote = draw(_opt(st.sampled_from(quote_ids)))
    else:
        quote = None
    time = None
    if draw(st.booleans()):
        date_from, date_to = draw(_dates())
        time = _typed_span(
            TimeExpression, text, draw(_pair(n)), date_from=date_from, date_to=date_to
        )
    return CeasefireClaim(
        id=claim_id,
        status=draw(st.sampled_from(statuses)),
        trigger=_span(text, (t0, t1)),
        sentence=sentence,
        parties=tuple(draw(people)),
        brokers=tuple(draw(people)),
        excluded=tuple(draw(people)),
        location=_maybe_span(draw, text),
        time=time,
        source=draw(st.just("narrator") | ref),
        quote=quote,
        name=_maybe_span(draw, text),
        negated=draw(st.booleans()),
        hypothetical=draw(st.booleans()),
        qualifiers=tuple(_span(text, o) for o in draw(_pairs(n, 2))),
        confidence=draw(_confidence()),
    )


@cache
def _json_scalars() -> SearchStrategy[Any]:
    return st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(2**53), 2**53),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=10),
    )


def _span_dict(text: str) -> SearchStrategy[dict[str, Any]]:
    return _pair(len(text)).map(lambda o: {"start": o[0], "end": o[1], "text": text[o[0] : o[1]]})


def _records(text: str) -> SearchStrategy[dict[str, tuple[dict[str, Any], ...]]]:
    """Plugin records as a plugin's model dumps them: JSON objects holding span-shaped dicts."""
    # Keys never spell start/end/text: a stray span-shaped dict would then need to match the text.
    keys = st.sampled_from(("label", "value", "n", "flag"))
    record = st.fixed_dictionaries(
        {"span": _span_dict(text)},
        optional={
            "label": st.text(max_size=12),
            "value": _json_scalars(),
            "parts": st.lists(_span_dict(text), max_size=2),
            "meta": st.dictionaries(keys, _json_scalars(), max_size=2),
        },
    )
    kinds = st.text(alphabet=string.ascii_lowercase + "_", min_size=1, max_size=10)
    return st.dictionaries(kinds, st.lists(record, max_size=2).map(tuple), max_size=2)


@cache
def _diagnostics() -> SearchStrategy[Diagnostic]:
    return st.builds(
        Diagnostic,
        extractor=st.sampled_from(("pipeline", "quotes", "ceasefire")) | st.text(max_size=10),
        code=st.from_regex(r"NP[1-4][0-9]{2}", fullmatch=True),
        level=st.sampled_from(("error", "warning")),
        message=st.text(max_size=40),
    )


@cache
def _published() -> SearchStrategy[str | None]:
    return _opt(
        st.dates().map(_dt.date.isoformat)
        | st.datetimes(timezones=st.none() | st.just(_dt.timezone.utc)).map(_dt.datetime.isoformat)
    )


#: Steps between consecutive ids: mostly 1, sometimes more, as when an extractor's actor was
#: removed or its work undone (real output has ``a1``…``a5``, ``a7``). Shrinks towards 1.
_ID_STEPS = st.sampled_from((1, 1, 1, 2, 3))


def _draw_ids(draw: st.DrawFn, prefix: str, count: int) -> list[str]:
    """``count`` increasing ids with a prefix, with the gaps real output can have."""
    steps = draw(st.lists(_ID_STEPS, min_size=count, max_size=count))
    ids, n = [], 0
    for step in steps:
        n += step
        ids.append(f"{prefix}{n}")
    return ids


def _draw_ids_in_any_order(draw: st.DrawFn, prefix: str, count: int) -> list[str]:
    """Ids for items listed in text order: issued in the order they were found, which is not
    text order (a quote found on a second pass gets a later id); shrinks towards text order."""
    return list(draw(st.permutations(_draw_ids(draw, prefix, count))))


def _text_option(text: str | SearchStrategy[str] | None) -> SearchStrategy[str]:
    if text is None:
        return _texts()
    if isinstance(text, str):
        return st.just(text)
    if isinstance(text, SearchStrategy):
        return text
    raise InvalidArgument(f"text must be a str, a strategy of str, or None, not {text!r}")


# -- public strategies ----------------------------------------------------------------------------


def spans(text: str, *, min_size: int = 0, max_size: int | None = None) -> SearchStrategy[Span]:
    """Spans of ``text`` whose length lies in ``[min_size, max_size]``.

    Shrinks towards the span of ``min_size`` characters at offset 0.
    """
    _check_text("text", text)
    _check_int("min_size", min_size)
    if min_size > len(text):
        raise InvalidArgument(f"min_size={min_size} is longer than the text ({len(text)} chars)")
    hi = len(text)
    if max_size is not None:
        _check_int("max_size", max_size)
        if max_size < min_size:
            raise InvalidArgument(f"max_size={max_size} is smaller than min_size={min_size}")
        hi = min(hi, max_size)

    @st.composite
    def draw_span(draw: st.DrawFn) -> Span:
        length = draw(st.integers(min_size, hi))
        start = draw(st.integers(0, len(text) - length))
        return Span.of(text, start, start + length)

    return draw_span()


def actors(
    *,
    text: str | SearchStrategy[str] | None = None,
    kinds: Sequence[str] = ACTOR_KINDS,
    ids: Sequence[str] | None = None,
) -> SearchStrategy[Actor]:
    """Actors whose mentions are spans of ``text`` (drawn when not given).

    ``ids`` is the pool the actor's own id and its affiliations come from (default ``a1``…``a5``).
    Shrinks towards a person with a short name and no mentions.
    """
    texts = _text_option(text)
    kinds_ = _check_choices("kinds", kinds, ACTOR_KINDS)
    pool = _check_ids("ids", ids) or tuple(f"a{i}" for i in range(1, 6))

    @st.composite
    def draw_actor(draw: st.DrawFn) -> Actor:
        t = draw(texts)
        return _draw_actor(draw, t, draw(st.sampled_from(pool)), pool, kinds_)

    return draw_actor()


def quotes(
    *,
    text: str | SearchStrategy[str] | None = None,
    kinds: Sequence[str] = QUOTE_KINDS,
    speakers: Sequence[str] | None = None,
) -> SearchStrategy[Quote]:
    """Quotes of one to three segments inside ``text`` (drawn when not given).

    ``speakers`` is the pool of speaker ids (default: any ``aN``; empty: never a speaker); a quote
    may always have no speaker. Shrinks towards one empty segment at offset 0 with no speaker.
    """
    texts = _text_option(text)
    kinds_ = _check_choices("kinds", kinds, QUOTE_KINDS)
    pool = _check_ids("speakers", speakers)

    @st.composite
    def draw_quote(draw: st.DrawFn) -> Quote:
        return _draw_quote(draw, draw(texts), "q1", pool, kinds_)

    return draw_quote()


def ceasefire_claims(
    *,
    text: str | SearchStrategy[str] | None = None,
    statuses: Sequence[str] = CEASEFIRE_STATUSES,
    actor_ids: Sequence[str] | None = None,
    quote_ids: Sequence[str] | None = None,
) -> SearchStrategy[CeasefireClaim]:
    """Ceasefire claims inside ``text`` (drawn when not given), with no sentence index.

    ``actor_ids`` and ``quote_ids`` are the pools for parties, brokers, excluded, source and quote
    (default: any ``aN``/``qN``; empty: none). Shrinks towards a narrator's ``called_for`` claim
    with empty spans and no optional fields.
    """
    texts = _text_option(text)
    statuses_ = _check_choices("statuses", statuses, CEASEFIRE_STATUSES)
    actor_pool = _check_ids("actor_ids", actor_ids)
    quote_pool = _check_ids("quote_ids", quote_ids)

    @st.composite
    def draw_claim(draw: st.DrawFn) -> CeasefireClaim:
        return _draw_claim(draw, draw(texts), "c1", actor_pool, quote_pool, statuses_)

    return draw_claim()


def articles(
    *,
    text: str | SearchStrategy[str] | None = None,
    max_actors: int = 4,
    max_places: int = 2,
    max_quotes: int = 4,
    max_claims: int = 4,
    records: bool = True,
    diagnostics: bool = True,
) -> SearchStrategy[Article]:
    """Whole articles that validate and are consistent the way ``newsparse.parse`` output is.

    Covers the schema: metadata, headline, boilerplate, paragraphs with their sentences, actors
    with mentions and affiliations, places, quotes of several segments or none, quotes with no
    speaker, claims of every status with parties, time expressions with dates, places, sources and
    quotes, plugin ``records`` holding span-shaped dicts (``records=False`` leaves them out) and
    ``diagnostics``. Ids are as ``newsparse.parse`` gives them: actors and places in increasing
    order with gaps (``a1``, ``a2``, ``a4``: ids are never reused), quotes and claims listed in
    text order but numbered in the order they were found. ``text=news_texts()`` draws them over
    news-like prose instead of short strings. Shrinks towards an empty ASCII text with nothing
    found.
    """
    texts = _text_option(text)
    max_a = _check_int("max_actors", max_actors)
    max_p = _check_int("max_places", max_places)
    max_q = _check_int("max_quotes", max_quotes)
    max_c = _check_int("max_claims", max_claims)
    if not isinstance(records, bool) or not isinstance(diagnostics, bool):
        raise InvalidArgument("records and diagnostics must be bools")

    @st.composite
    def draw_article(draw: st.DrawFn) -> Article:
        t = draw(texts)
        n = len(t)
        paragraphs = draw(_disjoint(0, n, max_size=4))
        sentences: list[Offsets] = []
        for ps, pe in paragraphs:
            sentences.extend(draw(_disjoint(ps, pe, max_size=3)))
        actor_ids = _draw_ids(draw, "a", draw(st.integers(0, max_a)))
        found_actors = [_draw_actor(draw, t, a, actor_ids, ACTOR_KINDS) for a in actor_ids]
        place_ids = _draw_ids(draw, "p", draw(st.integers(0, max_p)))
        found_places = [_draw_place(draw, t, p) for p in place_ids]
        raw_quotes = [
            _draw_quote(draw, t, "q", actor_ids, QUOTE_KINDS)
            for _ in range(draw(st.integers(0, max_q)))
        ]
        raw_quotes.sort(key=lambda q: [(s.start, s.end) for s in q.segments])
        found_quotes = [
            Quote.model_validate({**q.model_dump(), "id": qid})
            for qid, q in zip(
                _draw_ids_in_any_order(draw, "q", len(raw_quotes)), raw_quotes, strict=True
            )
        ]
        quote_ids = [q.id for q in found_quotes]
        raw_claims = [
            _draw_claim(draw, t, "c", actor_ids, quote_ids, CEASEFIRE_STATUSES, sentences)
            for _ in range(draw(st.integers(0, max_c)))
        ]
        raw_claims.sort(key=lambda c: (c.trigger.start, c.trigger.end))
        found_claims = [
            CeasefireClaim.model_validate({**c.model_dump(), "id": cid})
            for cid, c in zip(
                _draw_ids_in_any_order(draw, "c", len(raw_claims)), raw_claims, strict=True
            )
        ]
        headline = None
        with_headline = draw(st.booleans())
        if paragraphs and with_headline:
            headline = _span(t, paragraphs[0])
        boiler = [o for o in draw(_disjoint(0, n, max_size=1)) if o not in paragraphs]
        return Article(
            id=draw(st.text(alphabet=string.hexdigits.lower(), min_size=0, max_size=16)),
            text=t,
            title=draw(_opt(st.text(max_size=30))),
            published=draw(_published()),
            url=draw(_opt(st.just("https://example.org/news/1"))),
            source=draw(_opt(st.text(max_size=10))),
            headline=headline,
            boilerplate=tuple(_span(t, o) for o in boiler),
            paragraphs=tuple(_span(t, o) for o in paragraphs),
            sentences=tuple(_span(t, o) for o in sentences),
            actors=tuple(found_actors),
            places=tuple(found_places),
            quotes=tuple(found_quotes),
            ceasefire_claims=tuple(found_claims),
            records=draw(_records(t)) if records else {},
            diagnostics=tuple(draw(st.lists(_diagnostics(), max_size=2))) if diagnostics else (),
        )

    return draw_article()


# -- news-like text with known answers ----------------------------------------------------------

#: Quote layouts ``news_articles`` writes, each one the built-in quote extractor supports.
QuoteLayout = Literal[
    "said_after",
    "said_colon",
    "said_inverted",
    "pronoun_split",
    "apposition",
    "told",
    "dash",
    "according_to",
    "said_clause",
]
LAYOUTS: tuple[str, ...] = get_args(QuoteLayout)

# Invented for these tests; none comes from evaluation data.
_GIVEN = {
    "m": (
        "Daniel",
        "Marco",
        "Tomas",
        "Omar",
        "Pavel",
        "Samuel",
        "Viktor",
        "Peter",
        "Hassan",
        "Andrei",
        "Lucas",
        "Rafael",
    ),
    "f": (
        "Maria",
        "Elena",
        "Sara",
        "Amina",
        "Laura",
        "Nadia",
        "Olga",
        "Irene",
        "Fatima",
        "Sofia",
        "Hana",
        "Julia",
    ),
}
_SURNAMES = (
    "Karlsen",
    "Okafor",
    "Varga",
    "Lindqvist",
    "Moreau",
    "Haddad",
    "Novak",
    "Mensah",
    "Castell",
    "Brennan",
    "Tamura",
    "Oyelaran",
    "Adeyemi",
    "Kowalski",
    "Sandoval",
    "Halvorsen",
)
_TOWNS = ("Dornsk", "Velmora", "Port Elsin", "Ravensted", "Kesh Amal")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_GROUPS = ("the army", "the rebels", "the militia", "government troops", "the insurgents")
_OPENINGS = (
    "We will not leave our homes",
    "Nobody here wants another winter of war",
    "The families need food and clean water",
    "Our doors remain open to anyone who wants peace",
    "This is a difficult moment for the whole region",
    "The hospital has run out of fuel",
    "We have asked for more time",
    "There is still a lot of work to do",
    "The water supply was cut off two days ago",
    "Everyone in this street has lost something",
    "We were not told when the buses would come",
    "Prices at the market have doubled since spring",
    "The children have not been to school for months",
    "We are counting on the aid agencies",
    "It is too early to say what comes next",
    "Our clinic is open day and night",
)
_CONTINUATIONS = (
    "but we are ready to talk",
    "and we will keep working",
    "until the last family has left",
    "because the roads are closed",
)
_ROLES = (
    "a spokeswoman for the regional council",
    "the head of the aid agency",
    "a senior negotiator",
    "the mayor",
)
_REPORTED = (
    "the talks will resume next week",
    "the aid convoy reached the city on time",
    "more families had returned to the valley",
    "the bridge would reopen in the spring",
)
# One sentence per template, stating exactly one status in the narrator's voice. A bare "truce"
# may be a trade or political one, so every truce sentence names armed parties.
_CLAIM_TEMPLATES: dict[str, tuple[str, ...]] = {
    "called_for": (
        "Aid agencies called for an immediate ceasefire in {town}.",
        "Church leaders appealed for a truce between {g1} and {g2}.",
    ),
    "proposed": (
        "The mediators proposed a 30-day ceasefire between {g1} and {g2}.",
        "{G1} offered a truce on {day}.",
    ),
    "accepted": (
        "{G1} accepted the truce on {day}.",
        "{G1} accepted the ceasefire late on {day}.",
    ),
    "rejected": (
        "{G1} rejected the ceasefire on {day}.",
        "{G1} ruled out a truce with {g2}.",
    ),
    "negotiating": (
        "Ceasefire talks between {g1} and {g2} resumed in {town} on {day}.",
        "Envoys are negotiating a truce between {g1} and {g2}.",
    ),
    "agreed": (
        "{G1} and {g2} agreed a ceasefire on {day}.",
        "{G1} and {g2} signed a truce deal in {town}.",
    ),
    "announced": (
        "{G1} announced a unilateral ceasefire on {day}.",
        "{G1} declared a truce for the holiday.",
    ),
    "in_effect": (
        "The truce between {g1} and {g2} took effect at midnight on {day}.",
        "The ceasefire is holding in {town}.",
    ),
    "reaffirmed": (
        "{G1} and {g2} reaffirmed the ceasefire in {town} on {day}.",
        "Both {g1} and {g2} reaffirmed the truce after a meeting in {town}.",
    ),
    "extended": (
        "{G1} and {g2} extended the truce by 60 days.",
        "The ceasefire was extended until the end of the month.",
    ),
    "violated": (
        "{G1} violated the ceasefire overnight.",
        "The truce between {g1} and {g2} was breached several times on {day}.",
    ),
    "collapsed": (
        "The ceasefire collapsed on {day}.",
        "The truce between {g1} and {g2} broke down after a week.",
    ),
    "excluded": (
        "{G1} were not included in the ceasefire.",
        "The truce does not apply to {g1}.",
    ),
    "monitored": (
        "Observers are monitoring the ceasefire along the front line.",
        "A mission was set up to monitor the truce between {g1} and {g2}.",
    ),
}
# The same statuses denied, and held out as conditional or future, for the claim flags.
_NEGATED: dict[str, tuple[str, ...]] = {
    "violated": ("{G1} did not violate the truce on {day}.", "{G1} did not violate the ceasefire."),
    "accepted": ("{G1} did not accept the truce on {day}.",),
    "agreed": ("{G1} and {g2} did not agree a ceasefire on {day}.",),
    "in_effect": ("There was no ceasefire between {g1} and {g2} on {day}.",),
    "rejected": ("{G1} did not reject the ceasefire.",),
}
_HYPOTHETICAL: dict[str, tuple[str, ...]] = {
    "accepted": ("{G1} would accept a ceasefire if {g2} withdrew.",),
    "agreed": (
        "If {g1} and {g2} agree a truce, aid could reach {town}.",
        "{G1} and {g2} may agree a ceasefire next week.",
    ),
    "extended": ("{G1} and {g2} could extend the truce by 30 days.",),
    "collapsed": ("The truce between {g1} and {g2} could collapse within days.",),
    "rejected": ("{G1} would reject any ceasefire with {g2}.",),
}
ClaimMood = Literal["plain", "negated", "hypothetical"]
MOODS: tuple[str, ...] = get_args(ClaimMood)
_MOOD_TEMPLATES = {"plain": _CLAIM_TEMPLATES, "negated": _NEGATED, "hypothetical": _HYPOTHETICAL}
_FILLER = (
    "Bread prices rose again this week.",
    "Heavy rain closed several roads in the north.",
    "Schools in the valley reopened after the winter break.",
    "The river has risen above its usual level.",
    "Farmers are preparing for a late harvest.",
    "Power cuts lasted for most of the evening.",
    "Traffic was light on the coastal road.",
    "The night train from the capital arrived two hours late.",
    "Volunteers handed out blankets at the station.",
    "Fuel prices have not changed since the summer.",
    "The town council will meet again next month.",
    "Fishing boats stayed in the harbour because of the storm.",
)
#: Most paragraphs a text can have while no two speakers share a given name or a surname.
_MAX_PARAGRAPHS = min(len(_SURNAMES), len(_OPENINGS), *(len(g) for g in _GIVEN.values()))
# Headlines of several kinds news sites use (a statement, a label before a colon, a question, a
# live page, a figure), none naming a person, quoting or stating a ceasefire claim: what a text
# embeds is in its paragraphs, wherever they are moved.
_HEADLINES = (
    "Rain and power cuts in the north",
    "A long week in the valley",
    "Markets reopen as the season turns",
    "Schools reopen in {town} after the winter break",
    "{Town}: roads closed after heavy rain",
    "Weather: a late harvest in the valley",
    "Will the bridge at {town} reopen by spring?",
    "Live: power cuts across the north",
    "Three roads closed in {town} as the river rises",
    "{day} briefing: markets, weather and the harvest",
)


@dataclass(frozen=True)
class ExpectedQuote:
    """A quote ``news_articles`` embedded: its layout, speaker and content offsets."""

    layout: str
    """One of ``LAYOUTS``."""
    kind: str
    """``direct``, or ``indirect`` for ``according_to`` and ``said_clause``."""
    speaker: str
    """The speaker's full name, as an actor's ``name`` should give it."""
    segments: tuple[Offsets, ...]
    """Content offsets (marks excluded; the reported clause for ``indirect``)."""
    content: tuple[str, ...]
    """The text of each segment."""

    def shifted(self, by: int) -> ExpectedQuote:
        """The same quote ``by`` characters further into a text."""
        segs = tuple((s + by, e + by) for s, e in self.segments)
        return ExpectedQuote(self.layout, self.kind, self.speaker, segs, self.content)


@dataclass(frozen=True)
class ExpectedClaim:
    """A ceasefire sentence ``news_articles`` embedded, with the status it states."""

    status: str
    """One of the 14 statuses."""
    sentence: Offsets
    """Offsets of the sentence holding the claim; the trigger lies inside it."""
    text: str
    """The sentence."""
    source: str = "narrator"
    """``narrator``, or the full name of the person whose quote holds the claim."""
    mood: str = "plain"
    """``plain``, ``negated`` (``did not violate``) or ``hypothetical`` (``would accept``)."""

    def shifted(self, by: int) -> ExpectedClaim:
        """The same claim ``by`` characters further into a text."""
        sentence = (self.sentence[0] + by, self.sentence[1] + by)
        return ExpectedClaim(self.status, sentence, self.text, self.source, self.mood)


@dataclass(frozen=True)
class NewsParagraph:
    """One paragraph of a ``NewsText`` and what it embeds, offsets relative to it."""

    text: str
    quotes: tuple[ExpectedQuote, ...] = ()
    claims: tuple[ExpectedClaim, ...] = ()


@dataclass(frozen=True)
class NewsText:
    """News-like text with known answers: a headline line, then paragraphs separated by blank lines.

    Paragraphs are self-contained (a pronoun's person is introduced in the same paragraph, no two
    people share a given name or surname), so they can be reordered with ``with_paragraphs``.
    """

    headline: str
    paragraphs: tuple[NewsParagraph, ...]

    @property
    def text(self) -> str:
        """The whole text to parse."""
        return "\n\n".join([self.headline, *(p.text for p in self.paragraphs)])

    def _offsets(self) -> list[int]:
        pos = len(self.headline) + 2
        out = []
        for p in self.paragraphs:
            out.append(pos)
            pos += len(p.text) + 2
        return out

    @property
    def quotes(self) -> tuple[ExpectedQuote, ...]:
        """Every embedded quote, offsets into ``text``."""
        return tuple(
            q.shifted(at)
            for at, p in zip(self._offsets(), self.paragraphs, strict=True)
            for q in p.quotes
        )

    @property
    def claims(self) -> tuple[ExpectedClaim, ...]:
        """Every embedded ceasefire sentence, offsets into ``text``."""
        return tuple(
            c.shifted(at)
            for at, p in zip(self._offsets(), self.paragraphs, strict=True)
            for c in p.claims
        )

    def __post_init__(self) -> None:
        if not isinstance(self.headline, str):
            raise TypeError(f"headline must be a str, not {type(self.headline).__name__}")
        object.__setattr__(self, "paragraphs", _check_paragraphs(self.paragraphs))

    def with_paragraphs(self, paragraphs: Sequence[NewsParagraph]) -> NewsText:
        """The same headline over other paragraphs (reordered, or with unrelated ones added).

        ``paragraphs`` is a sequence of `NewsParagraph` (e.g. a permutation of
        ``self.paragraphs``); anything else raises ``TypeError`` at once.
        """
        return NewsText(self.headline, _check_paragraphs(paragraphs))


def _check_paragraphs(paragraphs: object) -> tuple[NewsParagraph, ...]:
    """The paragraphs as a tuple, or ``TypeError`` naming what was given instead."""
    if isinstance(paragraphs, str | bytes) or not isinstance(paragraphs, Sequence):
        raise TypeError(
            f"paragraphs must be a sequence of NewsParagraph, not {type(paragraphs).__name__}"
        )
    out = tuple(paragraphs)
    wrong = [type(p).__name__ for p in out if not isinstance(p, NewsParagraph)]
    if wrong:
        raise TypeError(f"paragraphs must be NewsParagraph objects, not {wrong[0]}")
    return out


def _quote_paragraph(
    layout: str, given: str, surname: str, gender: str, opening: str, draw: st.DrawFn
) -> NewsParagraph:
    name = f"{given} {surname}"
    parts: list[tuple[str, bool]]  # (piece, is quoted content)
    if layout == "said_after":
        parts = [("“", False), (f"{opening},", True), (f"” said {name}.", False)]
    elif layout == "said_colon":
        parts = [(f"{name} said: “", False), (f"{opening}.", True), ("”", False)]
    elif layout == "said_inverted":
        parts = [("“", False), (f"{opening},", True), (f"” {name} said.", False)]
    elif layout == "pronoun_split":
        pronoun = "he" if gender == "m" else "she"
        intro = (
            f"{name} met reporters in {draw(st.sampled_from(_TOWNS))} on "
            f"{draw(st.sampled_from(_DAYS))}. “"
        )
        rest = draw(st.sampled_from(_CONTINUATIONS))
        parts = [(intro, False), (f"{opening},", True), (f"” {pronoun} said, “", False)]
        parts += [(f"{rest}.", True), ("”", False)]
    elif layout == "apposition":
        role = draw(st.sampled_from(_ROLES))
        parts = [(f"{name}, {role}, said: “", False), (f"{opening}.", True), ("”", False)]
    elif layout == "told":
        parts = [(f"{name} told reporters: “", False), (f"{opening}.", True), ("”", False)]
    elif layout == "dash":
        parts = [("“", False), (f"{opening}.", True), (f"” — {name}", False)]
    elif layout == "according_to":
        parts = [(f"According to {name}, ", False), (draw(st.sampled_from(_REPORTED)), True)]
        parts.append((".", False))
    elif layout == "said_clause":
        parts = [(f"{name} said ", False), (draw(st.sampled_from(_REPORTED)), True)]
        parts.append((".", False))
    else:  # pragma: no cover - layouts are checked before drawing
        raise InvalidArgument(f"unknown layout {layout!r}")
    before, after = _around(layout, draw)
    text = before
    segments: list[Offsets] = []
    for piece, quoted in parts:
        if quoted:
            segments.append((len(text), len(text) + len(piece)))
        text += piece
    text += after
    kind = "indirect" if layout in ("according_to", "said_clause") else "direct"
    content = tuple(text[s:e] for s, e in segments)
    return NewsParagraph(
        text, quotes=(ExpectedQuote(layout, kind, name, tuple(segments), content),)
    )


def _around(layout: str, draw: st.DrawFn) -> tuple[str, str]:
    """Unrelated sentences before and after a quote, so paragraphs run longer, as in news."""
    before = draw(_opt(st.sampled_from(_FILLER)))
    # A dash attribution ends without a full stop: a sentence after it would run into the name.
    after = None if layout == "dash" else draw(_opt(st.sampled_from(_FILLER)))
    return ("" if before is None else before + " "), ("" if after is None else " " + after)


def _claim_sentence(
    status: str, sides: tuple[str, str], moods: Sequence[str], draw: st.DrawFn
) -> tuple[str, str]:
    """A ceasefire sentence and its mood; a mood without a sentence for ``status`` falls back."""
    usable = [m for m in moods if status in _MOOD_TEMPLATES[m]] or ["plain"]
    mood = draw(st.sampled_from(usable))
    g1, g2 = draw(st.permutations(sides))
    sentence = draw(st.sampled_from(_MOOD_TEMPLATES[mood][status])).format(
        g1=g1,
        g2=g2,
        G1=g1[0].upper() + g1[1:],
        town=draw(st.sampled_from(_TOWNS)),
        day=draw(st.sampled_from(_DAYS)),
    )
    return sentence, mood


def _claim_paragraph(
    status: str, sides: tuple[str, str], moods: Sequence[str], draw: st.DrawFn
) -> NewsParagraph:
    sentence, mood = _claim_sentence(status, sides, moods, draw)
    text = sentence
    if draw(st.booleans()):
        text += " " + draw(st.sampled_from(_FILLER))
    claim = ExpectedClaim(status, (0, len(sentence)), sentence, mood=mood)
    return NewsParagraph(text, claims=(claim,))


#: Layouts a quoted ceasefire sentence is written in: ``(layout, before, after, comma)`` around
#: the quoted sentence, whose full stop becomes a comma when the attribution follows it.
_QUOTED_CLAIM_LAYOUTS: tuple[tuple[str, str, str, bool], ...] = (
    ("said_after", "“", "” said {name}.", True),
    ("said_inverted", "“", "” {name} said.", True),
    ("said_colon", "{name} said: “", "”", False),
    ("told", "{name} told reporters: “", "”", False),
)


def _quoted_claim_paragraph(
    status: str, sides: tuple[str, str], moods: Sequence[str], name: str, draw: st.DrawFn
) -> NewsParagraph:
    """``“<claim>,” said First Last.`` and other layouts: the claim is the speaker's, quoted."""
    sentence, mood = _claim_sentence(status, sides, moods, draw)
    layout, lead, tail, comma = draw(st.sampled_from(_QUOTED_CLAIM_LAYOUTS))
    content = sentence[:-1] + "," if comma else sentence
    opening = lead.format(name=name)
    text = opening + content + tail.format(name=name)
    segment = (len(opening), len(opening) + len(content))
    quote = ExpectedQuote(layout, "direct", name, (segment,), (content,))
    claim = ExpectedClaim(status, (0, len(text)), text, source=name, mood=mood)
    return NewsParagraph(text, quotes=(quote,), claims=(claim,))


def _filler_paragraph(draw: st.DrawFn) -> NewsParagraph:
    sentences = draw(st.lists(st.sampled_from(_FILLER), min_size=1, max_size=4, unique=True))
    return NewsParagraph(" ".join(sentences))


def _headline(draw: st.DrawFn) -> str:
    town = draw(st.sampled_from(_TOWNS))
    return draw(st.sampled_from(_HEADLINES)).format(
        town=town, Town=town, day=draw(st.sampled_from(_DAYS))
    )


def _news_kinds(
    layouts: Sequence[str], statuses: Sequence[str], quoted_claims: object
) -> list[tuple[str, tuple[str, ...]]]:
    """The kinds of paragraph to draw from, each with its choices (layouts or statuses)."""
    if isinstance(layouts, str) or isinstance(statuses, str):
        raise InvalidArgument("layouts and statuses must be sequences of strings, not a str")
    layouts_ = _check_choices("layouts", layouts, LAYOUTS) if tuple(layouts) else ()
    statuses_ = _check_choices("statuses", statuses, CEASEFIRE_STATUSES) if tuple(statuses) else ()
    if not isinstance(quoted_claims, bool):
        raise InvalidArgument(f"quoted_claims={quoted_claims!r} must be a bool")
    # A kind is drawn first, then its layout or status: a long list of statuses must not crowd
    # out the quotes, nor quoted claims make most quotes one layout.
    kinds: list[tuple[str, tuple[str, ...]]] = [("filler", ("",))]
    if layouts_:
        kinds.append(("quote", layouts_))
    if statuses_:
        kinds.append(("claim", statuses_))
        if quoted_claims:
            kinds.append(("quoted claim", statuses_))
    return kinds


def _paragraph_counts(min_paragraphs: object, max_paragraphs: object) -> tuple[int, int]:
    lo = _check_int("min_paragraphs", min_paragraphs, low=1)
    hi = _check_int("max_paragraphs", max_paragraphs, low=1)
    if hi < lo:
        raise InvalidArgument(f"max_paragraphs={hi} is smaller than min_paragraphs={lo}")
    if hi > _MAX_PARAGRAPHS:
        raise InvalidArgument(f"max_paragraphs={hi} is more than the {_MAX_PARAGRAPHS} supported")
    return lo, hi


def news_articles(
    *,
    layouts: Sequence[str] = LAYOUTS,
    statuses: Sequence[str] = CEASEFIRE_STATUSES,
    quoted_claims: bool = True,
    moods: Sequence[str] = MOODS,
    min_paragraphs: int = 1,
    max_paragraphs: int = 5,
) -> SearchStrategy[NewsText]:
    """News-like texts embedding quotes in ``layouts`` and ceasefire sentences of ``statuses``.

    A headline (of several kinds: a statement, a label and a colon, a question…) comes first,
    then ``min_paragraphs`` to ``max_paragraphs`` paragraphs (at most 12, so that no two speakers
    share a given name or a surname). Each paragraph holds one quote (maybe with an unrelated
    sentence before or after it), one ceasefire sentence (all about one conflict between two
    armed sides), or only unrelated sentences; the kind of paragraph is drawn first, then its
    layout or status. With ``quoted_claims`` a ceasefire sentence may also sit inside a quote
    (``“…,” said First Last.``, ``First Last said: “…”``…), its source then being the speaker.
    ``moods`` says which ceasefire sentences may be denied or conditional (for statuses that have
    such a sentence; the others stay plain). Speakers are drawn from small invented name lists,
    distinct within a text. Empty ``layouts`` and ``statuses`` give texts of unrelated paragraphs
    only. Shrinks towards one filler paragraph.
    """
    kinds = _news_kinds(layouts, statuses, quoted_claims)
    lo, hi = _paragraph_counts(min_paragraphs, max_paragraphs)
    moods_ = _check_choices("moods", moods, MOODS)
    paragraph_kind = st.sampled_from(kinds).flatmap(
        lambda k: st.tuples(st.just(k[0]), st.sampled_from(k[1]))
    )

    @st.composite
    def draw_news(draw: st.DrawFn) -> NewsText:
        plan = draw(st.lists(paragraph_kind, min_size=lo, max_size=hi))
        genders = draw(st.lists(st.sampled_from("mf"), min_size=len(plan), max_size=len(plan)))
        surnames = draw(st.permutations(_SURNAMES))
        openings = draw(st.permutations(_OPENINGS))  # no two quotes say the same
        used: dict[str, int] = {"m": 0, "f": 0}
        given_order = {g: draw(st.permutations(_GIVEN[g])) for g in ("m", "f")}
        # One conflict per article: every ceasefire sentence is about the same two sides.
        g1, g2 = draw(st.permutations(_GROUPS))[:2]
        sides = (g1, g2)
        paragraphs: list[NewsParagraph] = []
        for i, ((what, which), gender) in enumerate(zip(plan, genders, strict=True)):
            given = given_order[gender][used[gender]]
            if what == "quote":
                used[gender] += 1
                paragraphs.append(
                    _quote_paragraph(which, given, surnames[i], gender, openings[i], draw)
                )
            elif what == "quoted claim":
                used[gender] += 1
                name = f"{given} {surnames[i]}"
                paragraphs.append(_quoted_claim_paragraph(which, sides, moods_, name, draw))
            elif what == "claim":
                paragraphs.append(_claim_paragraph(which, sides, moods_, draw))
            else:
                paragraphs.append(_filler_paragraph(draw))
        return NewsText(_headline(draw), tuple(paragraphs))

    return draw_news()


def news_texts(
    *,
    layouts: Sequence[str] = LAYOUTS,
    statuses: Sequence[str] = CEASEFIRE_STATUSES,
    min_paragraphs: int = 1,
    max_paragraphs: int = 5,
) -> SearchStrategy[str]:
    """The text alone of `news_articles` (same options): realistic text for `articles`.

    ``articles(text=news_texts())`` draws whole articles over news-like prose (a headline,
    paragraphs separated by blank lines, quotation marks, names, ceasefire sentences) instead of
    the default short strings.
    """
    return news_articles(
        layouts=layouts,
        statuses=statuses,
        min_paragraphs=min_paragraphs,
        max_paragraphs=max_paragraphs,
    ).map(lambda news: news.text)


# -- registration for st.from_type ------------------------------------------------------------


def _any(build: Callable[[st.DrawFn, str], Any]) -> SearchStrategy[Any]:
    @st.composite
    def draw_any(draw: st.DrawFn) -> Any:
        return build(draw, draw(_texts()))

    return draw_any()


def register_type_strategies() -> None:
    """Make ``st.from_type`` draw valid newsparse models; hypothesis calls this on import."""
    table: dict[type[Any], SearchStrategy[Any]] = {
        Span: _any(lambda draw, t: _span(t, draw(_pair(len(t))))),
        Mention: _any(
            lambda draw, t: _typed_span(
                Mention, t, draw(_pair(len(t))), form=draw(st.sampled_from(_MENTION_FORMS))
            )
        ),
        TimeExpression: _any(
            lambda draw, t: _typed_span(
                TimeExpression,
                t,
                draw(_pair(len(t))),
                **dict(zip(("date_from", "date_to"), draw(_dates()), strict=True)),
            )
        ),
        Actor: actors(),
        Place: _any(lambda draw, t: _draw_place(draw, t, "p1")),
        Quote: quotes(),
        CeasefireClaim: ceasefire_claims(),
        Diagnostic: _diagnostics(),
        Article: articles(),
    }
    for model, strategy in table.items():
        st.register_type_strategy(model, strategy)


register_type_strategies()
