"""Who a claim binds and where: parties, brokers and excluded actors, and the place.

Actors come from the actors extractor (``draft.actors``); this module only decides the role of
each actor mentioned around a claim. The sides of a truce are named ``between X and Y``, after
``with``, or as the subject of what they do to it; brokers after ``brokered by`` or before
``-brokered``, or as the subject of what a third party does (``X urged both sides …``);
the accused side of a violation after ``accused``; monitors for a monitoring claim. A claim
naming fewer than two sides binds the sides of the article's ceasefire.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from typing import Literal

import regex

from ...draft import ActorDraft, Draft, Offsets
from ...lexicon import inflect
from ...lexicon.english import english
from ...rules import RuleBook
from .status import Finding
from .vocab import Vocab, vocab
from .words import PhraseTable, Words

__all__ = ["ROLES", "Roles", "describe_sides", "fill_sides", "place_of", "roles_of"]

Role = Literal["party", "broker", "excluded", "none"]
"""What an actor mentioned around a claim is to it (``none``: not a side, e.g. a place)."""

_WINDOW = 300  # characters either side of a trigger searched for actors
#: Acts on a truce between two others that a third party does (reaffirms, calls for, …).
_THIRD_PARTY = frozenset(
    {"reaffirmed", "called_for", "negotiating", "monitored", "proposed", "extended"}
)
_SIDE_KINDS = frozenset({"country", "government", "armed_group", "political_group"})
_SUFFIX = regex.compile(r"-(\w+)")
_DATELINE = regex.compile(r"\b\p{Lu}{3,}[\p{Lu} ,.]*[ \t]*\(\Z")


CollectiveKind = Literal["sides", "groups", "states", "leaders"]
"""What a plural description of both sides describes (``sides``, ``factions``, ``countries``,
``leaders``)."""


@dataclass(frozen=True)
class Collective:
    """A plural description of both sides of a truce (``Iraq's two main Kurdish factions``)."""

    span: Offsets
    kind: CollectiveKind


@dataclass
class Roles:
    """The actors of one claim, by role (ids, in order, without repeats)."""

    parties: list[str] = field(default_factory=list)
    brokers: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    collective: Collective | None = None
    """``the two sides``, ``the warring factions`` around the claim: the sides it stands for
    are found once every claim is read (:func:`fill_sides`)."""


@dataclass(frozen=True)
class Mention:
    """One actor mention near a claim, with what the rules need to place it."""

    draft: Draft
    claim: Finding
    start: int
    end: int
    actor: ActorDraft
    speaker: str | None
    speaker_at: Offsets | None
    """Where the claim's source is named in its attribution, when the quote says."""
    quoted: tuple[Offsets, ...]
    """The words of the quote or report holding the claim (empty: the narrator's)."""
    between: Offsets | None
    """The ``between X and Y`` phrase after the head, if any."""
    window: Offsets
    words: Words
    """The words of the window around the claim, shared by every mention of it."""

    @property
    def first(self) -> int:
        """Index of the mention's first word (or of the word the mention starts inside)."""
        i = self.words.at(self.start)
        return i - 1 if i > 0 and self.words.ends[i - 1] > self.start else i

    @property
    def after(self) -> int:
        """Index of the first word after the mention."""
        return self.words.at(self.end)

    def back(self, chars: int) -> int:
        """Index of the first word within ``chars`` characters before the mention."""
        return self.words.at(self.start - chars)


@cache
def _tables() -> tuple[PhraseTable[bool], PhraseTable[bool], PhraseTable[bool], PhraseTable[bool]]:
    v = vocab()
    r = v.lex.roles
    before = PhraseTable((w, True) for w in r.broker_before)
    after = PhraseTable((w, True) for w in r.broker_after)
    locative = PhraseTable((w, True) for w in r.locative)
    verbs: PhraseTable[bool] = PhraseTable()
    for row in _verb_forms(r.broker_verbs):
        verbs.add(row, True)
    return before, after, locative, verbs


def _verb_forms(entries: Iterable[str]) -> list[str]:
    return [form for entry in entries for form in inflect(entry).all()]


ROLES: RuleBook[Mention, Role] = RuleBook("ceasefire roles")


@ROLES.rule(
    "a place, not a side",
    produces="none",
    confidence=0.8,
    example="Turkey and Russia agreed a ceasefire in Syria. Syria welcomed it.",
)
def _place(m: Mention) -> Role | None:
    """A country after ``in``, ``at``, ``near`` is where, not who (``talks in Lebanon``)."""
    text = m.draft.text
    if m.actor.kind == "country" and _after_locative(m.words, m.first, m.back(30)):
        return "none"
    if _DATELINE.search(text, max(0, m.start - 20), m.start) and text.startswith(")", m.end):
        return "none"  # "ISLAMABAD (Reuters) -": the agency of the dateline
    return None


@ROLES.rule(
    "the one who says it",
    produces="none",
    confidence=0.7,
    example="The truce is holding, the army said.",
)
def _speaker(m: Mention) -> Role | None:
    """The claim's source named in its attribution (``…, the army said``) is not a side;
    the same actor named elsewhere around the claim may be (``an attack on its positions``)."""
    if m.speaker != m.actor.id:
        return None
    if m.speaker_at is not None:
        s, e = m.speaker_at
        return "none" if m.start < e and s < m.end else None
    if m.start >= m.claim.trigger[1]:
        return "none"
    if vocab().reporting.match(m.words, m.after) is not None:
        return "none"
    return None


@ROLES.rule(
    "outside the quote",
    produces="none",
    confidence=0.7,
    example='"The ceasefire is holding," the colonel told Reuters after meeting Turkish envoys.',
)
def _attribution(m: Mention) -> Role | None:
    """For a claim inside a quote or report, an actor named outside its words, in the
    attribution (``told Reuters``, ``after meeting the envoy``), is no side of it."""
    if not m.quoted or any(s <= m.start < e for s, e in m.quoted):
        return None
    return "none"


@ROLES.rule(
    "left out",
    produces="excluded",
    confidence=0.8,
    example="Islamic State is not included in the ceasefire.",
)
def _left_out(m: Mention) -> Role | None:
    """For an exclusion, the actor it leaves out: before ``not included``, after ``does not
    apply to``."""
    claim = m.claim
    if claim.status != "excluded":
        return None
    t0, t1 = claim.trigger
    if claim.head[0] < t0:  # "the truce does not apply to X"
        return "excluded" if t1 <= m.start < t1 + 100 else None
    return "excluded" if m.end <= t0 and t0 - m.end <= 120 else None


@ROLES.rule(
    "broker named after a cue",
    produces="broker",
    confidence=0.8,
    example="A ceasefire brokered by Egypt took effect on Friday.",
)
def _broker_before(m: Mention) -> Role | None:
    """``brokered by X``, ``mediators from X``, ``under the auspices of X``."""
    words, lo, k = m.words, m.back(45), m.first
    if k > lo and words.low[k - 1] in ("the", "a", "an", ","):
        k -= 1
    if _tables()[0].match_before(words, k, lo) is not None:
        return "broker"
    return None


@ROLES.rule(
    "broker named before a cue",
    produces="broker",
    confidence=0.8,
    example="Shelling went on despite an Egypt-brokered ceasefire.",
)
def _broker_after(m: Mention) -> Role | None:
    """``Qatar-mediated``, ``Egypt's mediation``, ``Norway, the mediator``."""
    text = m.draft.text
    suffix = _SUFFIX.match(text, m.end, min(len(text), m.end + 24))
    if suffix is not None and suffix.group(1).lower() in vocab().lex.roles.broker_suffixes:
        return "broker"
    words, k = m.words, m.after
    if text[m.end : m.end + 2] in ("'s", "’s") and k < len(words) and words.low[k] in ("s", "'s"):
        k += 1  # "Egypt 's mediation" in tokenised text
    elif text[m.end : m.end + 2] not in ("'s", "’s"):
        if k >= len(words) or words.low[k] != ",":
            return None
        k += 1  # "Norway, the mediator"
    while k < len(words) and words.low[k] in ("the", "a", "an"):
        k += 1
    return "broker" if _tables()[1].match(words, k) is not None else None


@ROLES.rule(
    "side between",
    produces="party",
    confidence=0.85,
    example="A truce between the army and the rebels took effect.",
)
def _between(m: Mention) -> Role | None:
    """A side named in ``between X and Y`` after the ceasefire."""
    if m.between is not None and m.between[0] <= m.start < m.between[1]:
        return "party"
    return None


@ROLES.rule(
    "side after with",
    produces="party",
    confidence=0.75,
    example="The army agreed a truce with the rebels.",
)
def _with(m: Mention) -> Role | None:
    """The other side after ``with``: ``a truce with the rebels``."""
    if m.start < m.claim.head[0]:
        return None
    words, lo, k = m.words, m.back(30), m.first
    while k > lo and words.low[k - 1] in ("the", "a", "an"):
        k -= 1
    if k > lo and words.low[k - 1] in vocab().lex.roles.with_:
        return "party"
    return None


@ROLES.rule(
    "monitor",
    produces="broker",
    confidence=0.6,
    example="Observers from the African Union are monitoring the ceasefire.",
)
def _monitor(m: Mention) -> Role | None:
    """For a monitoring claim, the actors around it are its monitors."""
    return "broker" if m.claim.status == "monitored" else None


@ROLES.rule(
    "third party",
    produces="broker",
    confidence=0.6,
    example="The United Nations urged the army to respect the truce.",
)
def _third_party(m: Mention) -> Role | None:
    """The subject of an act on someone else's truce (``X brokered``, ``X urged``, ``X
    reaffirmed a truce between A and B``)."""
    if m.end > m.claim.trigger[0] + 1 and m.start >= m.claim.trigger[0]:
        return None
    if m.between is not None and m.end <= m.claim.trigger[0] and m.claim.status in _THIRD_PARTY:
        return "broker"  # the sides are named after "between": the subject is a third party
    words, verbs = m.words, _tables()[3]
    stop = words.at(m.claim.trigger[1])
    for k in range(m.after, min(stop, m.after + 12)):
        if words.low[k] in (".", ";", "and") or words.low[k] in vocab().lex.roles.between:
            return None
        if verbs.match(words, k, stop) is not None:
            return "broker"
    return None


@ROLES.rule(
    "international body",
    produces="broker",
    confidence=0.6,
    example="The ceasefire held on Monday, two days after the African Union sent envoys.",
)
def _international(m: Mention) -> Role | None:
    """An international body (UN, AU, a peacekeeping force) not named as a side: a broker,
    guarantor or monitor of the truce, not bound by it."""
    return "broker" if m.actor.kind == "igo" else None


def _opens_clause(words: Words, k: int) -> bool:
    """Whether word ``k`` opens a clause (``which``, ``while``, ``but``, ``said``)."""
    v = vocab()
    w = words.low[k]
    return (
        w in v.relatives
        or w in ("but", "and")
        or v.subordinators.match(words, k, k + 1) is not None
        or v.reporting.match(words, k) is not None
    )


def _ends_list(words: Words, j: int, v: Vocab) -> bool:
    """Whether word ``j`` ends the list of sides after ``between``: a comma before a clause
    or anything but another side (``, two days after``), or the verb the phrase is subject of
    (``… and the rebels held``)."""
    w = words.low[j]
    if w == ",":
        if j + 1 >= len(words):
            return True
        nxt = words.low[j + 1]
        return _opens_clause(words, j + 1) or not (
            words.is_capitalised(j + 1) or nxt in v.determiners or nxt == "and"
        )
    return (
        w in v.auxiliaries
        or w in v.be
        or v.predicates.match(words, j) is not None
        or v.object_verbs.match(words, j) is not None
    )


def _between_span(words: Words, claim: Finding, hi: int) -> Offsets | None:
    """The ``between X and Y`` phrase right after the ceasefire word."""
    v = vocab()
    first = words.at(claim.head[1])
    last = min(words.at(hi), words.at(claim.head[1] + 160))
    for k in range(first, min(last, first + 6)):
        if words.low[k] in v.lex.roles.between:
            end = words.ends[last - 1]
            for j in range(k + 1, last):
                w = words.low[j]
                if w in (";", ":", ".", "(", "—", "–") or _ends_list(words, j, v):
                    end = words.starts[j]
                    break
            return words.starts[k], end
        if words.low[k] in (",", ";", ".", "(") or words.low[k] in v.relatives:
            break
    return None


def _mentions(draft: Draft, lo: int, hi: int) -> list[tuple[int, int, ActorDraft]]:
    """Outermost actor mentions starting in ``[lo, hi)`` and ending by ``hi``."""
    kept: list[tuple[int, int, ActorDraft]] = []
    rows = sorted(draft.actors.mentions_in(lo, hi), key=lambda r: (r[0], -r[1]))
    for s, e, _, actor in rows:
        if e > hi or (kept and s < kept[-1][1]):
            continue  # past the window, or inside a longer mention
        kept.append((s, e, actor))
    return kept


def roles_of(
    draft: Draft,
    claim: Finding,
    sentence: Offsets,
    speaker: str | None,
    words: Words | None = None,
    speaker_at: Offsets | None = None,
    quoted: tuple[Offsets, ...] = (),
) -> Roles:
    """The actors around a claim, each in its role (``words``: the sentence's, if at hand;
    ``speaker_at``: where the attribution names the claim's source; ``quoted``: the words of
    the quote holding the claim)."""
    ss, se = sentence
    lo = max(ss, claim.trigger[0] - _WINDOW)
    hi = min(se, claim.trigger[1] + _WINDOW)
    if words is None or (len(words) and (words.starts[0] > lo or words.ends[-1] < hi)):
        words = Words(draft.text, lo, hi)
    between = _between_span(words, claim, hi)
    out = Roles()
    for s, e, actor in _mentions(draft, lo, hi):
        mention = Mention(
            draft, claim, s, e, actor, speaker, speaker_at, quoted, between, (lo, hi), words
        )
        found = ROLES.first(mention)
        role: Role = found[1] if found is not None else "party"
        if role == "party":
            out.parties.append(actor.id)
        elif role == "broker":
            out.brokers.append(actor.id)
        elif role == "excluded":
            out.excluded.append(actor.id)
    _continue_lists(draft, out, lo, hi)
    out.collective = _nearest(collectives_in(words, words.at(lo), words.at(hi)), claim.trigger)
    if speaker is not None and _speaker_acts(draft, claim, speaker, quoted):
        out.parties.insert(0, speaker)
        out.brokers = [b for b in out.brokers if b != speaker]
    if claim.status == "monitored":
        out.brokers += [m for m in members_of(draft, sentence) if m not in out.parties]
    out.brokers = list(dict.fromkeys(out.brokers))
    out.parties = [
        p for p in dict.fromkeys(out.parties) if p not in out.brokers and p not in out.excluded
    ]
    out.excluded = list(dict.fromkeys(out.excluded))
    return out


_SELF = 80  # characters before a claim searched for a pronoun standing for its speaker


def _speaker_acts(draft: Draft, claim: Finding, speaker: str, quoted: tuple[Offsets, ...]) -> bool:
    """Whether the speaker does the claim's act, named in its own words by the pronoun subject
    of the act (``X said he had agreed a truce``, ``"We will respect the ceasefire," the army
    said``)."""
    t0 = claim.trigger[0]
    box = next(((s, e) for s, e in quoted if s <= t0 < e), None)
    actor = draft.actors.get(speaker)
    if box is None or actor is None:
        return False
    words = Words(draft.text, max(box[0], t0 - _SELF), t0)
    v = vocab()
    pronouns = english().pronouns
    for k in range(len(words) - 1, -1, -1):
        w = words.low[k]
        pronoun = pronouns.get(w)
        if pronoun is not None and pronoun.case == "subject":
            named = any(
                s >= words.ends[k] for s, _, _, _ in draft.actors.mentions_in(words.ends[k], t0)
            )
            return not named and _agrees(w, actor, claim)
        if not _in_verb_group(words, k, v):
            return False
    return False


def _in_verb_group(words: Words, k: int, v: Vocab) -> bool:
    """Whether word ``k`` may stand between a subject and the act (``had``, ``will not``,
    ``also``, ``reportedly``)."""
    w = words.low[k]
    return (
        w in v.auxiliaries
        or w in v.modals
        or w in v.be
        or w in v.adverbs
        or v.negations.match(words, k, k + 1) is not None
    )


def _agrees(pronoun: str, actor: ActorDraft, claim: Finding) -> bool:
    """Whether a subject pronoun can stand for the speaker (``they`` does not in an accusation:
    the accused are others)."""
    person = actor.kind == "person"
    if pronoun == "he":
        return person and actor.gender != "f"
    if pronoun == "she":
        return person and actor.gender != "m"
    if pronoun == "it":
        return not person
    if pronoun == "they":
        return not person and claim.status != "violated"
    return pronoun in ("we", "i")


_LIST_GAP = regex.compile(r"[\s,;]*(?:(?:and|or|&)\s+)?(?:the\s+)?")


def _continue_lists(draft: Draft, roles: Roles, lo: int, hi: int) -> None:
    """A list keeps its first item's role: ``brokered by Egypt and Qatar``."""
    rows = _mentions(draft, lo, hi)
    for (_, pe, pa), (ns, _, na) in pairwise(rows):
        if (
            pa.id in roles.brokers
            and na.id not in roles.brokers
            and _LIST_GAP.fullmatch(draft.text, pe, ns)
        ):
            roles.brokers.append(na.id)


@cache
def _member_cues() -> PhraseTable[bool]:
    return PhraseTable((w, True) for w in vocab().lex.roles.members)


def members_of(draft: Draft, sentence: Offsets) -> list[str]:
    """Members of a monitoring body listed in its sentence or soon after (``made up of X, Y
    and Z``)."""
    idx = draft.sentence_index(sentence[0])
    if idx is None:
        return []
    out: list[str] = []
    limit = sentence[1] + 400
    for s, e in draft.sentences[idx : idx + 4]:
        if s > limit:
            break
        words = Words(draft.text, s, min(e, s + 3000))
        for i in range(len(words)):
            cue = _member_cues().match(words, i)
            if cue is None:
                continue
            after = words.ends[cue[0] - 1]
            prev = after
            for ms, me, actor in _mentions(draft, after, min(e, s + 3000)):
                gap = draft.text[prev:ms]
                if not (prev == after and len(gap) < 40) and not _LIST_GAP.fullmatch(gap):
                    break  # the list has ended
                out.append(actor.id)
                prev = me
    return list(dict.fromkeys(out))


def _after_locative(words: Words, k: int, lo: int) -> bool:
    """Whether word ``k`` follows ``in``, ``at``, ``near`` (``in south Lebanon``)."""
    while k > lo and words.low[k - 1] in vocab().lex.roles.compass:
        k -= 1
    return _tables()[2].match_before(words, k, lo) is not None


def _is_place(draft: Draft, start: int, actor: ActorDraft) -> bool:
    """A country named after ``in``, ``at``, ``near``: where, not who."""
    if actor.kind != "country":
        return False
    words = Words(draft.text, max(0, start - 30), start)
    return _after_locative(words, len(words), 0)


def article_sides(
    draft: Draft, claims: list[tuple[Finding, Offsets, Roles]], described: set[str]
) -> list[str]:
    """The two sides the article's ceasefire is most likely between: the countries,
    governments and groups its claims' sentences mention most (never one its claims only make a
    broker, nor two names of one state, nor a description of both, ``described``), then the
    article's most mentioned; two groups when the claims speak of two groups (``the two
    factions``)."""
    parties = {p for _, _, r in claims for p in r.parties}
    brokers = ({b for _, _, r in claims for b in r.brokers} - parties) | described
    sentences = list(dict.fromkeys(s for _, s, _ in claims))
    count: dict[str, int] = {}
    first: dict[str, int] = {}
    for s, e in sentences:
        for ms, _, actor in _mentions(draft, s, min(e, s + 3000)):
            if (
                actor.kind in _SIDE_KINDS
                and actor.id not in brokers
                and not _is_place(draft, ms, actor)
            ):
                count[actor.id] = count.get(actor.id, 0) + 1
                first.setdefault(actor.id, ms)
    ranked = sorted(count, key=lambda a: (-count[a], first[a]))
    whole: dict[str, int] = {}
    for actor in draft.actors:
        if actor.kind not in _SIDE_KINDS or actor.id in count or actor.id in brokers:
            continue
        acting = [m[0] for m in actor.mentions if not _is_place(draft, m[0], actor)]
        if acting:  # a country only ever named as a place is no side
            whole[actor.id] = len(acting)
            first[actor.id] = min(acting)
    ranked += sorted(whole, key=lambda a: (-whole[a], first[a]))
    if any(r.collective is not None and r.collective.kind == "groups" for _, _, r in claims):
        groups = [a for a in ranked if (x := draft.actors.get(a)) and x.kind in _GROUP_KINDS]
        if len(groups) >= 2:
            return groups[:2]
    return _two_sides(draft, ranked)


_GROUP_KINDS = frozenset({"armed_group", "political_group"})


_STATE_KINDS = frozenset({"country", "government"})


def _two_sides(draft: Draft, ranked: list[str]) -> list[str]:
    """The first actor and the next one that can be its opponent: not the same state under
    another name (``Russia``, ``the Kremlin`` and ``the Russian government`` are one side)."""
    if not ranked:
        return []
    first = draft.actors.get(ranked[0])
    for other in ranked[1:]:
        actor = draft.actors.get(other)
        if first is None or actor is None:
            continue
        same_state = (
            first.country is not None
            and first.country == actor.country
            and first.kind in _STATE_KINDS
            and actor.kind in _STATE_KINDS
        )
        if not same_state:
            return [ranked[0], other]
    return ranked[:1]


def fill_sides(draft: Draft, claims: list[tuple[Finding, Offsets, Roles]]) -> None:
    """Give a claim the two sides a description of both stands for (``the two factions``),
    a claim naming fewer than two sides the sides of the article's ceasefire, and each side or
    broker acting for a state that state (``Kerry`` brings the United States)."""
    described = _described(draft, [r.collective for _, _, r in claims if r.collective])
    sides = article_sides(draft, claims, described)
    for _, _, roles in claims:
        if roles.collective is not None:
            pair = both_sides(draft, roles.collective, sides)
            if pair:
                kept = [p for p in roles.parties if p not in described and p not in pair]
                roles.parties = [p for p in pair if p not in roles.brokers] + kept
    for claim, _, roles in claims:
        if len(roles.parties) < 2 and claim.status != "excluded":
            extra = [a for a in sides if a not in roles.brokers and a not in roles.excluded]
            roles.parties = list(dict.fromkeys(roles.parties + extra))
    _add_states(draft, [r for _, _, r in claims])


def _described(draft: Draft, collectives: list[Collective]) -> set[str]:
    """Actors that are only ever a description of both sides (``Kurdish factions``): every
    mention of theirs lies in one (an actor named elsewhere is a side of its own, even if a
    description was wrongly linked to it)."""
    spans = sorted({(c.span[0] - _LEAD, c.span[1]) for c in collectives})
    starts = [s0 for s0, _ in spans]

    def inside(ms: int, me: int) -> bool:
        k = bisect_right(starts, ms) - 1
        return k >= 0 and me <= spans[k][1]

    found: dict[str, ActorDraft] = {}
    for s0, s1 in spans:
        for _, me, _, actor in draft.actors.mentions_in(max(0, s0), s1):
            if me > s0 + _LEAD:
                found[actor.id] = actor
    return {a for a, actor in found.items() if all(inside(ms, me) for ms, me, _ in actor.mentions)}


def _add_states(draft: Draft, all_roles: list[Roles]) -> None:
    """Each person or government side or broker brings the state it acts for, and each person
    the group or government it belongs to (``Talabani, leader of the PUK``); a group does not
    bring its country (rebels are no side for their state)."""
    states: dict[str, str] = {}
    for a in draft.actors:
        if a.kind == "country" and a.country and a.country not in states:
            states[a.country] = a.id
    for roles in all_roles:
        for name in ("parties", "brokers"):
            ids: list[str] = getattr(roles, name)
            other = roles.brokers if name == "parties" else roles.parties
            extra = [x for i in ids for x in _principals(draft, i, states) if x not in other]
            setattr(roles, name, list(dict.fromkeys(ids + extra)))


def _principals(draft: Draft, actor_id: str, states: dict[str, str]) -> list[str]:
    """Whom an actor acts for: its state (people, governments), its group (people)."""
    actor = draft.actors.get(actor_id)
    if actor is None or actor.kind not in ("person", "government"):
        return []
    out = [states[actor.country]] if actor.country in states else []
    if actor.kind == "person":
        for a in actor.affiliations:
            group = draft.actors.get(a)
            if group is not None and group.kind in _SIDE_KINDS:
                out.append(a)
    return out


# -- both sides described together ----------------------------------------------------------------
# "The two sides", "the warring factions", "Iraq's two main Kurdish factions": news names the
# sides once, together ("the PUK and the KDP"), then speaks of them as a pair.

_BETWEEN_COUNT_AND_NOUN = 3  # words, as in "two main Kurdish factions"
_BACK = 3  # sentences before a description of both sides searched for the pair it stands for
_PAIR_ROWS = 40  # mentions before it searched (a bound on claim-dense text)
_LEAD = 4  # characters before a description a mention of it may start ("the" before "two")
_AFTER = 200  # characters after it searched for the pair it announces ("…, A and B")
_APPOSED_ROWS = 6  # mentions an appositive may hold between two people ("A, leader of X, and B")
#: What each description may stand for, in order of preference.
_SIDES_OF: dict[CollectiveKind, tuple[frozenset[str], ...]] = {
    "sides": (_SIDE_KINDS | {"person"},),
    "groups": (_GROUP_KINDS,),
    "states": (_STATE_KINDS,),
    "leaders": (frozenset({"person"}), _SIDE_KINDS),
}
# "A and B", "A and rebel chief-of-staff B" (a few lower-case words describing B)
_AND = regex.compile(r"\s*,?\s*(?:and|&)\s+(?:\p{Ll}[\p{Ll}'-]*\s+){0,3}")
# "A, leader of X, and B", "A of X and B"
_APPOSED_AND = regex.compile(
    r"(?:\s*,[^;.]{1,120}?,\s*|\s+(?:of|from)\s+[^;.,]{1,80}?\s+)and\s+(?:the\s+)?"
)
_POSSESSIVE = regex.compile(r"\s*['’]\s*s\s+")  # "Iraq 's" in "the PUK and Iraq 's KDP"
_APPOSITION = regex.compile(r"\s*[,(:—–-]\s*(?:the\s+)?")  # "the two factions, A and B"


@cache
def _collective_nouns() -> PhraseTable[CollectiveKind]:
    nouns = vocab().lex.roles.collective.nouns
    return PhraseTable((w, kind) for kind, words in nouns.items() for w in words)


def collectives_in(words: Words, lo: int, hi: int) -> list[Collective]:
    """Plural descriptions of both sides among words ``[lo, hi)``: a count (``two``,
    ``both``, ``warring``), up to three plain words, a plural noun (``factions``)."""
    v = vocab()
    counts = v.lex.roles.collective.counts
    nouns = _collective_nouns()
    out: list[Collective] = []
    alone = v.lex.roles.collective.alone
    for i in range(lo, hi):
        if words.low[i] not in counts:
            continue
        if i > lo and words.low[i - 1] == "the" and i + 1 < hi and words.low[i + 1] in alone:
            out.append(Collective(words.span(i - 1, i + 1), "sides"))  # "the two also agreed"
            continue
        for k in range(i + 1, min(hi, i + 2 + _BETWEEN_COUNT_AND_NOUN)):
            found = nouns.match(words, k, hi)
            if found is not None:
                first = i - 1 if i > lo and words.low[i - 1] in v.determiners else i
                out.append(Collective(words.span(first, found[0]), found[1]))
                break
            w = words.low[k]
            if not w.isalpha() or w in counts or w in v.determiners or w in v.prepositions_any:
                break
            if w in v.coordinators or w in v.relatives or w in v.possessives:
                break
    return out


def _nearest(found: list[Collective], trigger: Offsets) -> Collective | None:
    return min(found, key=lambda c: abs(c.span[0] - trigger[0]), default=None)


def both_sides(draft: Draft, collective: Collective, sides: list[str]) -> list[str]:
    """The two actors a description of both sides stands for: a pair named right after it
    (``the two factions, A and B``), else the last pair named together before it, within three
    sentences (``A and B``, ``A, leader of X, and B``), else the article's sides of that kind."""
    s0, s1 = collective.span
    idx = draft.sentence_index(s0)
    if idx is None:
        return []
    se = draft.sentences[idx][1]
    after = _mentions(draft, s1, min(se, s1 + _AFTER))[:2]
    lo = draft.sentences[max(0, idx - _BACK)][0]
    rows = _mentions(draft, max(lo, s0 - 3000), s0)[-_PAIR_ROWS:]
    for kinds in _SIDES_OF[collective.kind]:
        if (
            len(after) == 2
            and _APPOSITION.fullmatch(draft.text, s1, after[0][0])
            and (pair := _pair_at(draft, after, 1, kinds)) is not None
        ):
            return pair
        for k in range(len(rows) - 1, 0, -1):
            pair = _pair_at(draft, rows, k, kinds)
            if pair is not None:
                return pair
    kinds = _SIDES_OF[collective.kind][-1]
    of_kind = [a for a in sides if (x := draft.actors.get(a)) is not None and x.kind in kinds]
    return of_kind if len(of_kind) == 2 else []


def _pair_at(
    draft: Draft, rows: list[tuple[int, int, ActorDraft]], k: int, kinds: frozenset[str]
) -> list[str] | None:
    """``[A, B]`` when mention ``k`` is B in ``A and B`` (both of ``kinds``, two sides)."""
    text = draft.text
    bs, _, b = rows[k]
    if b.kind not in kinds:
        return None
    j, gap_end = k - 1, bs
    if j > 0 and _POSSESSIVE.fullmatch(text, rows[j][1], bs):
        j, gap_end = j - 1, rows[j][0]  # "A and Iraq's B": Iraq only qualifies B
    as_, ae, a = rows[j]
    if a.kind in kinds and _AND.fullmatch(text, ae, gap_end) and not _object_of(text, as_):
        return _distinct(draft, a, b)
    if b.kind == "person":  # "A, leader of X, and B"
        for _, pe, p in reversed(rows[max(0, k - _APPOSED_ROWS) : k]):
            if p.kind == "person":
                return _distinct(draft, p, b) if _APPOSED_AND.fullmatch(text, pe, bs) else None
    return None


def _object_of(text: str, start: int) -> bool:
    """Whether the mention at ``start`` follows a preposition (``leader of the PUK``): it
    qualifies another name and is not coordinated with the next."""
    words = Words(text, max(0, start - 20), start)
    k = len(words)
    if k and words.low[k - 1] in vocab().determiners:
        k -= 1
    return k > 0 and words.low[k - 1] in vocab().prepositions_any


def _distinct(draft: Draft, a: ActorDraft, b: ActorDraft) -> list[str] | None:
    """``[a, b]`` unless they are one side (one actor, or one state under two names)."""
    if a.id == b.id or len(_two_sides(draft, [a.id, b.id])) < 2:
        return None
    return [a.id, b.id]


def place_of(draft: Draft, claim: Finding, sentence: Offsets) -> Offsets | None:
    """The place mention in the claim's sentence nearest its trigger (the first on a tie);
    failing one, a country named as a place (``agreed a truce in Syria``)."""
    ss, se = sentence
    t0 = claim.trigger[0]
    lo, hi = max(ss, t0 - 400), min(se, claim.trigger[1] + 400)
    best: tuple[int, int, Offsets] | None = None
    for s, e, _, _ in draft.places.mentions_in(lo, hi):
        if e <= se and (best is None or (abs(s - t0), s) < best[:2]):
            best = (abs(s - t0), s, (s, e))
    if best is None:
        for s, e, actor in _mentions(draft, lo, hi):
            if _is_place(draft, s, actor) and (best is None or (abs(s - t0), s) < best[:2]):
                best = (abs(s - t0), s, (s, e))
    return best[2] if best else None


# -- sides described, not named -------------------------------------------------------------------
# Until the actors extractor finds described sides itself ("separatist rebels", "faction
# leaders"), a claim's sentence may make actors of them; the driver drops those no claim uses.


@cache
def _side_heads() -> PhraseTable[str]:
    heads = vocab().lex.described_sides.heads
    return PhraseTable((w, kind) for kind, words in heads.items() for w in words)


def _covered(draft: Draft, s: int, e: int) -> bool:
    """Whether an actor mention already spans ``[s, e)``."""
    rows = draft.actors.mentions_in(max(0, s - 200), e)
    return any(ms <= s and e <= me for ms, me, _, _ in rows)


def _description_start(words: Words, i: int, v: Vocab) -> int:
    ds = v.lex.described_sides
    start = i
    while start > 0 and i - start < 3:
        w = words.low[start - 1]
        if w in ds.modifiers or (
            words.is_capitalised(start - 1)
            and w not in v.determiners
            and w not in v.prepositions_any
            and w.isalpha()
        ):
            start -= 1
        else:
            break
    return start


def describe_sides(draft: Draft, sentence: Offsets) -> list[ActorDraft]:
    """Actors for the sides a sentence describes without naming, where no actor covers them."""
    v = vocab()
    ss, se = sentence
    words = Words(draft.text, ss, min(se, ss + 3000))
    made: list[ActorDraft] = []
    heads = _side_heads()
    for i in range(len(words)):
        found = heads.match(words, i)
        if found is None:
            continue
        end, kind = found
        if end < len(words) and words.low[end] in v.lex.described_sides.not_before:
            continue
        first = _description_start(words, i, v)
        if first == i and end - i == 1:
            continue  # a bare "troops" or "leaders" describes nobody in particular
        s, e = words.span(first, end)
        if _covered(draft, s, e):
            continue
        inner = [a.id for ms, me, _, a in draft.actors.mentions_in(s, e) if me <= e]
        name = draft.text[s:e]
        actor = draft.actors.named(name)
        if actor is None or actor.kind != kind:
            actor = draft.add_actor(name, kind, affiliations=list(dict.fromkeys(inner)))
            made.append(actor)
        actor.add_mention(s, e, "description")
    return made
