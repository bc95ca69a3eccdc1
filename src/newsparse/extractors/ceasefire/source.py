"""Who makes a claim: the narrator, or the speaker of the quote or reported speech holding it.

Speakers are the quotes extractor's (``draft.quotes.covering(offset)``, ``quote.speaker``):
this module never looks for attributions itself. A claim inside quotation marks is the quoted
speaker's; a claim inside reported speech (``X said the truce was violated``, ``according to
X``) is the reporting speaker's when the report's cue stands in the claim's sentence; else the
article says it in its own voice.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...draft import Draft, Offsets, QuoteDraft
from ...rules import RuleBook
from .status import Finding
from .vocab import vocab
from .words import Words

__all__ = ["SOURCES", "Source", "source_of"]


@dataclass(frozen=True)
class Source:
    """Who makes a claim (``narrator`` or an actor id) and the quote holding it, if any."""

    who: str
    quote: str | None
    mention: Offsets | None = None
    """Where the quote names its speaker (``the army said``), if it does."""
    words: tuple[Offsets, ...] = ()
    """What the speaker says: the quote's segments, or a partial quote's whole clause."""


@dataclass(frozen=True)
class _Claim:
    """A claim with the quotes covering its trigger."""

    draft: Draft
    finding: Finding
    sentence: Offsets
    quotes: tuple[QuoteDraft, ...]


_GAP = 12  # characters between a cue and the claim it may govern ("announced the end")

SOURCES: RuleBook[_Claim, Source] = RuleBook("ceasefire sources")


@SOURCES.rule(
    "accusation",
    produces="speaker",
    confidence=0.8,
    example="The army accused the rebels of violating the truce.",
)
def _accuser(claim: _Claim) -> Source | None:
    """An accusation of a violation is the accuser's claim: the actor heading the clause of
    ``accused``."""
    at = claim.finding.accusation
    if at is None:
        return None
    ss, _ = claim.sentence
    lo = max(ss, at - 150)
    text = claim.draft.text
    cut = max(text.rfind(c, lo, at) for c in ';:"“”')
    if cut >= 0:
        lo = cut + 1
    subject = None
    for s, e, _, actor in claim.draft.actors.mentions_in(lo, at):
        if e <= at and (subject is None or s >= subject[1]):
            subject = (s, e, actor.id)
    if subject is None:
        return None
    quote = next(iter(claim.quotes), None)
    if quote is None:
        return Source(subject[2], None, subject[:2])
    return Source(subject[2], quote.id, subject[:2], _content(quote))


@SOURCES.rule(
    "quoted",
    produces="speaker",
    confidence=0.9,
    example='"The ceasefire is holding," said General Ahmed Karimi.',
)
def _quoted(claim: _Claim) -> Source | None:
    """Inside quotation marks: the quoted speaker's claim."""
    for q in claim.quotes:
        if q.kind != "indirect" and q.speaker is not None:
            return Source(q.speaker, q.id, q.speaker_mention, _content(q))
    return None


@SOURCES.rule(
    "reported",
    produces="speaker",
    confidence=0.8,
    example="The rebels said government troops had violated the ceasefire.",
)
def _reported(claim: _Claim) -> Source | None:
    """Inside reported speech whose cue stands in the claim's sentence: its speaker's claim."""
    ss, se = claim.sentence
    t0, t1 = claim.finding.trigger
    reports = [
        q
        for q in claim.quotes
        if q.kind == "indirect"
        and q.speaker is not None
        and q.cue is not None
        and ss <= q.cue[0] < se
        # "X announced a truce", "X announces end of truce": the cue is the claim's own act
        # (its object follows it at once), told by the narrator, not a report of it.
        and not t0 <= q.cue[0] < t1
        and not _is_act(claim.draft.text, q.cue, t0)
    ]
    if not reports:
        return None
    # Nested reports ("X said Y accused …"): the innermost, the one starting nearest the claim.
    q = max(reports, key=lambda r: (r.start if r.start <= t0 else -1, -len(r.segments)))
    return Source(q.speaker or "narrator", q.id, q.speaker_mention, _content(q))


@SOURCES.rule(
    "narrator",
    produces="narrator",
    confidence=0.7,
    example="The ceasefire collapsed on Friday.",
)
def _narrator(claim: _Claim) -> Source | None:
    """Anything else is the article's own voice (a quote with no known speaker is kept)."""
    return Source("narrator", claim.quotes[0].id if claim.quotes else None)


def _content(quote: QuoteDraft) -> tuple[Offsets, ...]:
    """The words a quote reports: its segments, or a partial quote's clause."""
    return ((quote.start, quote.end),) if quote.kind == "partial" else quote.segments


def _is_act(text: str, cue: Offsets, trigger: int) -> bool:
    """Whether a cue right before the claim (a determiner apart) is itself the act on the
    ceasefire (``announces end of truce``, ``agreed a truce``), not a plain report (``said``):
    ``X announced the end of the truce`` is told by the narrator, ``Tass said talks were
    under way`` is Tass's."""
    if not cue[1] <= trigger <= cue[1] + _GAP:
        return False
    v = vocab()
    gap = Words(text, cue[1], trigger)
    if any(w not in v.determiners and w not in v.possessives for w in gap.low):
        return False
    words = Words(text, *cue)
    tables = (v.object_verbs, v.frames, v.accuse, v.cease_verbs, v.nouns)
    return any(t.match(words, 0) is not None for t in tables)


def source_of(draft: Draft, finding: Finding, sentence: Offsets) -> Source:
    """The source of a claim."""
    quotes = draft.quotes.covering(finding.trigger[0])
    found = SOURCES.first(_Claim(draft, finding, sentence, quotes))
    assert found is not None  # the narrator rule always answers
    return found[1]
