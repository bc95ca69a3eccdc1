"""Who a claim binds and where: parties, brokers and excluded actors, and the place.

Actors come from the actors extractor (``draft.actors``); this module only decides the role of
each actor mentioned around a claim. The sides of a truce are named ``between X and Y``, after
``with``, or as the subject of what they do to it; brokers after ``brokered by`` or before
``-brokered``, or as the subject of what a third party does (``X urged both sides …``);
the accused side of a violation after ``accused``; monitors for a monitoring claim. A claim
naming fewer than two sides binds the sides of the article's ceasefire.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from typing import Literal

import regex

from ...draft import ActorDraft, Draft, Offsets
from ...lexicon import inflect
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


@dataclass
class Roles:
    """The actors of one claim, by role (ids, in order, without repeats)."""

    parties: list[str] = field(default_factory=list)
    brokers: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)


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
                if w in (";", ":", ".", "(", "—", "–") or (
                    w == "," and j + 1 < len(words) and _opens_clause(words, j + 1)
                ):
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
) -> Roles:
    """The actors around a claim, each in its role (``words``: the sentence's, if at hand;
    ``speaker_at``: where the attribution names the claim's source)."""
    ss, se = sentence
    lo = max(ss, claim.trigger[0] - _WINDOW)
    hi = min(se, claim.trigger[1] + _WINDOW)
    if words is None or (len(words) and (words.starts[0] > lo or words.ends[-1] < hi)):
        words = Words(draft.text, lo, hi)
    between = _between_span(words, claim, hi)
    out = Roles()
    for s, e, actor in _mentions(draft, lo, hi):
        mention = Mention(draft, claim, s, e, actor, speaker, speaker_at, between, (lo, hi), words)
        found = ROLES.first(mention)
        role: Role = found[1] if found is not None else "party"
        if role == "party":
            out.parties.append(actor.id)
        elif role == "broker":
            out.brokers.append(actor.id)
        elif role == "excluded":
            out.excluded.append(actor.id)
    _continue_lists(draft, out, lo, hi)
    if claim.status == "monitored":
        out.brokers += [m for m in members_of(draft, sentence) if m not in out.parties]
    out.brokers = list(dict.fromkeys(out.brokers))
    out.parties = [
        p for p in dict.fromkeys(out.parties) if p not in out.brokers and p not in out.excluded
    ]
    out.excluded = list(dict.fromkeys(out.excluded))
    return out


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


def article_sides(draft: Draft, claims: list[tuple[Finding, Offsets, Roles]]) -> list[str]:
    """The two sides the article's ceasefire is most likely between: the countries,
    governments and groups its claims' sentences mention most (never one its claims only make a
    broker, nor two names of one state), then the article's most mentioned; two groups when the
    claims speak of two of a kind (``the two factions``, ``each other``)."""
    parties = {p for _, _, r in claims for p in r.parties}
    brokers = {b for _, _, r in claims for b in r.brokers} - parties
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
        if (
            actor.kind in _SIDE_KINDS
            and actor.id not in count
            and actor.id not in brokers
            and actor.mentions
        ):
            whole[actor.id] = len(actor.mentions)
            first[actor.id] = min(m[0] for m in actor.mentions)
    ranked += sorted(whole, key=lambda a: (-whole[a], first[a]))
    if _speaks_of_two_groups(draft, sentences):
        groups = [a for a in ranked if (x := draft.actors.get(a)) and x.kind in _GROUP_KINDS]
        if len(groups) >= 2:
            return groups[:2]
    return _two_sides(draft, ranked)


_GROUP_KINDS = frozenset({"armed_group", "political_group"})


@cache
def _two_groups() -> PhraseTable[bool]:
    return PhraseTable((w, True) for w in vocab().lex.roles.two_groups)


def _speaks_of_two_groups(draft: Draft, sentences: list[Offsets]) -> bool:
    """Whether a claim's sentence speaks of two sides of one kind (``the two factions``)."""
    table = _two_groups()
    for s, e in sentences:
        words = Words(draft.text, s, min(e, s + 3000))
        if any(table.match(words, i) is not None for i in range(len(words))):
            return True
    return False


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
    """Give a claim naming fewer than two sides the sides of the article's ceasefire, and each
    side or broker acting for a state that state (``Kerry`` brings the United States)."""
    sides = article_sides(draft, claims)
    for claim, _, roles in claims:
        if len(roles.parties) < 2 and claim.status != "excluded":
            extra = [a for a in sides if a not in roles.brokers and a not in roles.excluded]
            roles.parties = list(dict.fromkeys(roles.parties + extra))
    _add_states(draft, [r for _, _, r in claims])


def _add_states(draft: Draft, all_roles: list[Roles]) -> None:
    states: dict[str, str] = {}
    for a in draft.actors:
        if a.kind == "country" and a.country and a.country not in states:
            states[a.country] = a.id
    if not states:
        return
    for roles in all_roles:
        for name in ("parties", "brokers"):
            ids: list[str] = getattr(roles, name)
            other = roles.brokers if name == "parties" else roles.parties
            extra = []
            for i in ids:
                actor = draft.actors.get(i)
                if actor is not None and actor.kind != "country" and actor.country in states:
                    extra.append(states[actor.country])
            setattr(roles, name, list(dict.fromkeys(ids + [x for x in extra if x not in other])))


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
