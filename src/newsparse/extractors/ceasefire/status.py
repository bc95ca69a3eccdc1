"""What is said about a ceasefire: the status each mention states, from the words governing it.

A mention of a ceasefire (its *head*: ``truce``, ``the accord``) sits in a noun phrase
(``a shaky 30-day truce``). What the sentence says about it comes from

- a **governor** before the phrase: a verb (``violated the truce``), a noun with its preposition
  (``violation of the truce``) or a preposition (``under the truce``, ``despite the truce``);
- a **frame** before that governor: a verb or noun taking a ``to`` clause (``urged both sides
  to respect the truce`` is a call, ``refused to sign a truce`` a refusal);
- a **predicate** after the phrase: the ceasefire as subject (``the truce took effect``), a
  participle (``a truce brokered by Qatar``) or a relative clause (``a truce that collapsed``);
- a **compound** (``ceasefire talks``) or a **modifier** inside it (``a Qatari-mediated truce``).

Each is a named rule; a phrase may yield several claims (one per distinct status and trigger),
and none when nothing governs it: the status is never guessed. Negation and modality
(``did not violate``, ``would accept``, ``if a truce is agreed``) are read in the same clause.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from ...lexicon.ceasefire import FrameKind, Status
from ...rules import RuleBook
from .vocab import Vocab, vocab
from .words import Words

__all__ = [
    "GOVERNORS",
    "PREDICATES",
    "Cue",
    "Finding",
    "Site",
    "analyse",
    "finding",
]

HeadKind = Literal["noun", "agreement", "pronoun", "verbal"]
"""A ceasefire noun, an agreement noun or ``it`` referring back to one, or a ceasefire verb."""

CueKind = Literal[
    "verb",
    "noun",
    "preposition",
    "weak",
    "despite",
    "predicate",
    "relative",
    "participle",
    "compound",
    "modifier",
    "existential",
    "exclusion",
    "verbal",
    "event",
    "anaphor",
    "urging",
]

#: Statuses whose cue already says the ceasefire is not real: only a modal verb or a condition
#: makes them hypothetical ("would reject any truce").
UNREAL: frozenset[str] = frozenset({"called_for", "proposed", "rejected", "negotiating"})
#: Statuses stating a ceasefire that exists.
REAL: frozenset[str] = frozenset(
    {"agreed", "announced", "in_effect", "reaffirmed", "extended", "violated", "monitored"}
)
_PUNCT_STOP = frozenset(';:()[]{}—–"“”«»')
_COMMITTING_MODALS = frozenset({"will", "would", "shall", "'ll", "wo"})
_WINDOW_WORDS = 14  # words before a cue searched for a frame, negation or condition


@dataclass(frozen=True)
class Site:
    """One ceasefire head in its window of words."""

    words: Words
    head: tuple[int, int]
    """Word indices of the ceasefire words (``cease-fire``, ``cessation of hostilities``)."""
    phrase: tuple[int, int]
    """Word indices of its noun phrase: modifiers, head and compound nouns."""
    compound: Status | None
    """What a compound noun after the head states (``talks``: negotiating)."""
    kind: HeadKind
    lo: int
    """First word the rules may look at (the sentence's or the window's start)."""
    hi: int
    """Word index the rules stop at."""


@dataclass(frozen=True)
class Cue:
    """Words stating a status about a head, before frames, negation and modality."""

    status: Status
    start: int
    """First word of the cue."""
    end: int
    """Word after the cue's last word."""
    kind: CueKind
    finished: bool = True
    """For verbs: past or participle (``negotiated``), not base or ``-ing`` (``negotiating``)."""
    hypothetical: bool = False
    negated: bool = False


@dataclass(frozen=True)
class Finding:
    """A claim found in a sentence, before its roles, source and time are attached."""

    status: Status
    trigger: tuple[int, int]
    """Character offsets of the shortest span stating the status."""
    head: tuple[int, int]
    """Character offsets of the ceasefire words the claim is about."""
    kind: CueKind
    confidence: float
    negated: bool = False
    hypothetical: bool = False
    accusation: int | None = None
    """Offset of the verb accusing someone of the act (``accused the army of breaking``):
    the claim is the accuser's."""


# -- the noun phrase ------------------------------------------------------------------------------


def _is_number(word: str) -> bool:
    return word[:1].isdigit()


def _modifier_status(word: str, v: Vocab) -> Status | None:
    """What a word inside the phrase states: ``agreed``, ``Qatari-mediated``, ``proposed``."""
    if word in v.modifiers:
        return v.modifiers[word]
    if "-" in word:
        return v.modifier_suffixes.get(word.rsplit("-", 1)[1])
    return None


def _is_modifier(words: Words, k: int, v: Vocab) -> bool:
    """Whether word ``k`` can stand inside a noun phrase before its head."""
    w = words.low[k]
    return (
        w in v.determiners
        or w in v.possessives
        or w in v.unreal_modifiers
        or _is_number(w)
        or w.endswith("'s")
        or (("-" in w or words.is_capitalised(k)) and w not in v.prepositions_any)
        or v.qualifiers.match(words, k, k + 1) is not None
        or _modifier_status(w, v) is not None
    )


def _is_plain_adjective(words: Words, k: int, v: Vocab) -> bool:
    """An unknown lower-case word that may be an adjective (``an ambitious truce``)."""
    w = words.low[k]
    return (
        w.isalpha()
        and w not in v.auxiliaries
        and w not in v.prepositions_any
        and w not in v.relatives
        and w not in v.adverbs
        and w not in v.coordinators
        and w not in ("to", "not", "that")
        and not w.endswith(("ed", "ing", "ly"))
        and v.object_verbs.match(words, k, k + 1) is None
    )


def _governor_ends_here(words: Words, i: int, lo: int, v: Vocab) -> bool:
    return any(
        t.match_before(words, i, lo) is not None
        for t in (v.object_verbs, v.nouns, v.prepositions, v.causative)
    )


def phrase_start(words: Words, h0: int, lo: int, v: Vocab) -> int:
    """First word of the noun phrase ending in the head at ``h0``: determiners and modifiers
    (``a shaky 30-day``), never across a cue (``agreed``), a preposition or punctuation."""
    i = h0
    unknown = 0
    while i > lo and h0 - i < 7:
        k = i - 1
        w = words.low[k]
        if _governor_ends_here(words, i, lo, v) and not (
            # "the agreed truce": a participle after a determiner is a modifier.
            k > lo
            and (words.low[k - 1] in v.determiners or words.low[k - 1] in v.possessives)
            and _modifier_status(w, v) is not None
        ):
            break
        if _is_modifier(words, k, v):
            i = k
            continue
        if unknown < 2 and _is_plain_adjective(words, k, v):
            unknown += 1
            i = k
            continue
        if (
            w == ","
            and k > lo
            and words.low[k - 1] != ","
            and i < h0
            and (_is_modifier(words, k - 1, v) or v.qualifiers.match(words, k - 1, k))
        ):
            i = k  # "an immediate, unconditional truce": a comma between two modifiers
            continue
        break
    # A phrase does not start with a comma or a capitalised sentence opener that is a cue.
    while i < h0 and words.low[i] == ",":
        i += 1
    return i


# -- governors: what stands before the phrase -----------------------------------------------------

GOVERNORS: RuleBook[Site, Cue] = RuleBook("ceasefire governors")


@GOVERNORS.rule(
    "verb before",
    produces="status",
    confidence=0.85,
    example="The two armies agreed a ceasefire on Sunday.",
)
def _verb_before(site: Site) -> Cue | None:
    """A verb whose object is the ceasefire: ``agreed a ceasefire``, ``called for a truce``."""
    v = vocab()
    found = v.object_verbs.match_before(site.words, site.phrase[0], site.lo)
    if found is None:
        return None
    start, verb = found
    status = verb.status
    return Cue(status, start, site.phrase[0], "verb", finished=verb.finished)


@GOVERNORS.rule(
    "noun before",
    produces="status",
    confidence=0.85,
    example="Both armies reported violations of the truce overnight.",
)
def _noun_before(site: Site) -> Cue | None:
    """A noun with its preposition before the ceasefire: ``violation of the truce``."""
    found = vocab().nouns.match_before(site.words, site.phrase[0], site.lo)
    if found is None:
        return None
    return Cue(found[1], found[0], site.phrase[0], "noun")


@GOVERNORS.rule(
    "noun before, across a phrase",
    produces="status",
    confidence=0.75,
    example="The envoy opened talks with the rebels on a truce.",
)
def _noun_across(site: Site) -> Cue | None:
    """A noun separated from its preposition by a short phrase: ``talks with X on a truce``."""
    v = vocab()
    words, p0 = site.words, site.phrase[0]
    if p0 - 1 <= site.lo or words.low[p0 - 1] not in v.prepositions_any:
        return None
    prep = words.low[p0 - 1]
    k = p0 - 2
    while k >= max(site.lo, p0 - 12):
        w = words.low[k]
        if w == ")":
            # "a memorandum of understanding (MOU) on …": a parenthesis inside the phrase.
            k = (
                next(
                    (x for x in range(k - 1, max(site.lo, k - 8) - 1, -1) if words.low[x] == "("),
                    site.lo,
                )
                - 1
            )
            continue
        if w in _PUNCT_STOP or w == "," or w in v.auxiliaries:
            return None
        for status, entries in v.lex.nouns.items():
            if f"{w} {prep}" in entries:
                return Cue(status, k, p0, "noun")
        k -= 1
    return None


@GOVERNORS.rule(
    "preposition before",
    produces="status",
    confidence=0.75,
    example="Shells fell on the town despite the truce.",
)
def _preposition_before(site: Site) -> Cue | None:
    """A preposition stating a status: ``despite the truce`` (violated), ``under the truce``
    (in effect), ``outside the truce`` (excluded)."""
    found = vocab().prepositions.match_before(site.words, site.phrase[0], site.lo)
    if found is None:
        return None
    start, status = found
    kind: CueKind = (
        "despite" if status == "violated" else "weak" if status == "in_effect" else "preposition"
    )
    return Cue(status, start, site.phrase[0], kind)


@GOVERNORS.rule(
    "there is no ceasefire",
    produces="in_effect",
    confidence=0.7,
    example="There was no ceasefire in the besieged city last night.",
)
def _existential(site: Site) -> Cue | None:
    """``there is no truce``: a denied ceasefire in force."""
    words, p0 = site.words, site.phrase[0]
    if words.low[p0] != "no" or p0 - 2 < site.lo:
        return None
    k = p0 - 1
    while k > site.lo and words.low[k] in vocab().adverbs:
        k -= 1
    if words.low[k] in vocab().be and words.low[k - 1] == "there":
        return Cue("in_effect", k - 1, site.head[1], "existential", negated=True)
    return None


@GOVERNORS.rule(
    "not included in",
    produces="excluded",
    confidence=0.8,
    example="Jihadist groups are not included in the ceasefire.",
)
def _not_included(site: Site) -> Cue | None:
    """``not included in the truce``, ``not a party to it``: an actor left out."""
    v = vocab()
    found = v.inclusion.match_before(site.words, site.phrase[0], site.lo)
    if found is None:
        return None
    start = found[0]
    k = start
    while k > site.lo and site.words.low[k - 1] in v.auxiliaries | v.adverbs:
        k -= 1
    if k > site.lo and _is_negation(site.words, k - 1, v):
        return Cue("excluded", k - 1, site.phrase[0], "exclusion")
    for j in range(k, start):
        if _is_negation(site.words, j, v):
            return Cue("excluded", j, site.phrase[0], "exclusion")
    return None


@GOVERNORS.rule(
    "make it hold",
    produces="in_effect",
    confidence=0.6,
    example="Both armies vowed to make the ceasefire hold.",
)
def _make_it_hold(site: Site) -> Cue | None:
    """``make the truce hold``, ``make this truce work``: keeping a ceasefire in effect."""
    v = vocab()
    words, p0, p1 = site.words, site.phrase[0], site.phrase[1]
    verb = v.causative.match_before(words, p0, site.lo)
    if verb is None:
        return None
    for k in range(p1, min(site.hi, p1 + 8)):
        if words.low[k] in v.lex.causative.predicates:
            return Cue("in_effect", verb[0], k + 1, "verb", finished=verb[1].finished)
        if not words.low[k].isalpha() or words.low[k] in v.relatives:
            break
    return None


def governors(site: Site) -> list[Cue]:
    """Every governor before the phrase, the longest (earliest starting) first; a noun
    governor taken over by the verb governing it (``rejected a proposal for a truce``)."""
    found = [cue for _, cue in GOVERNORS.every(site)]
    found.sort(key=lambda c: (c.start, c.kind != "exclusion"))
    v = vocab()
    found = [_gerund(site, cue) if cue.kind == "verb" else cue for cue in found]
    out = [
        _outer(site, cue)
        if cue.kind == "noun"
        or (cue.kind == "verb" and v.nouns.match(site.words, cue.start, cue.end))
        else cue
        for cue in found
    ]
    if out and out[0].kind == "noun" and out[0].status in REAL:
        # "despite an announcement of a truce": the truce announced is broken.
        start = phrase_start(site.words, out[0].start, site.lo, v)
        prep = v.prepositions.match_before(site.words, start, site.lo)
        if prep is not None and prep[1] == "violated":
            out.append(Cue("violated", prep[0], start, "despite"))
    return out


def _gerund(site: Site, cue: Cue) -> Cue:
    """A verb in ``-ing`` after a noun with its preposition takes the noun's status: ``talks on
    extending the truce`` are talks, ``calls for restoring the truce`` a call."""
    words = site.words
    if cue.finished or not words.low[cue.start].endswith("ing"):
        return cue
    noun = vocab().nouns.match_before(words, cue.start, site.lo)
    if noun is None or noun[1] not in UNREAL:
        return cue
    return Cue(noun[1], noun[0], cue.end, "noun")


#: What a verb acting on a proposal, call or agreement for a ceasefire states about it.
_OVER_NOUN: dict[str, frozenset[str]] = {
    "agreed": frozenset(
        {
            "agreed",
            "violated",
            "collapsed",
            "negotiating",
            "rejected",
            "accepted",
            "proposed",
            "extended",
            "reaffirmed",
            "in_effect",
            "monitored",
            "announced",
        }
    ),
    "proposed": frozenset({"accepted", "rejected", "agreed"}),
    "called_for": frozenset({"accepted", "rejected", "agreed"}),
    # "pushed for an extension of the truce", "rejected the restoration of the truce"
    "extended": frozenset({"called_for", "rejected", "negotiating", "proposed"}),
    "reaffirmed": frozenset({"called_for", "rejected", "negotiating", "proposed"}),
    "collapsed": frozenset({"called_for", "rejected", "negotiating", "proposed"}),
}


def _outer(site: Site, cue: Cue) -> Cue:
    """The verb governing a noun governor (``signed an agreement on a truce``, ``effort to
    broker a deal for a truce``, ``rejected calls for a truce``), or the noun governor itself."""
    allowed = _OVER_NOUN.get(cue.status)
    if allowed is None:
        return cue
    v = vocab()
    words = site.words
    start = phrase_start(words, cue.start, site.lo, v)
    verb = v.object_verbs.match_before(words, start, site.lo)
    if verb is not None and verb[1].status in allowed:
        status: Status = verb[1].status
        if cue.status != "agreed" and status == "agreed":
            status = "accepted"  # "agreed to a proposal for a truce"
        return Cue(status, verb[0], cue.end, "verb", finished=verb[1].finished)
    noun = v.nouns.match_before(words, start, site.lo)
    if noun is not None and noun[1] in allowed and cue.status == "agreed":
        return Cue(noun[1], noun[0], cue.end, "noun")  # "signing of a memorandum on …"
    return cue


# -- predicates: what follows the phrase ----------------------------------------------------------

PREDICATES: RuleBook[Site, Cue] = RuleBook("ceasefire predicates")


def _verb_group_end(words: Words, j: int, hi: int, v: Vocab) -> tuple[int, bool, bool, bool]:
    """Skip auxiliaries, adverbs and hedges (``seems to``) from ``j``: (next word, negated,
    hypothetical, linking: the group holds a hedge, so what follows may be a complement)."""
    k = j
    negated = hypothetical = linking = False
    while k < hi and k - j < 8:
        w = words.low[k]
        fut = v.future.match(words, k, hi)
        if fut is not None:
            hypothetical = True
            k = fut[0]
            continue
        hedge = v.hedges.match(words, k, hi)
        if hedge is not None and hedge[0] < hi:
            linking = True
            k = hedge[0]
            continue
        if _is_negation(words, k, v):
            negated = True
        elif w in v.modals:
            hypothetical = hypothetical or w not in ("must",)
        elif not (w in v.auxiliaries or _is_adverb(words, k, v)):
            break
        k += 1
    return k, negated, hypothetical, linking


def _is_adverb(words: Words, k: int, v: Vocab) -> bool:
    """An adverb inside a verb group (``largely``, ``still``); ``apply``, ``rally`` are verbs."""
    w = words.low[k]
    if w in v.adverbs:
        return True
    return (
        w.endswith("ly")
        and len(w) > 4
        and v.predicates.match(words, k) is None
        and v.coverage.match(words, k) is None
        and v.object_verbs.match(words, k) is None
    )


def _is_negation(words: Words, k: int, v: Vocab) -> bool:
    w = words.low[k]
    if w.endswith("n't"):
        return True
    return w in ("not", "never", "no") or (w == "longer" and k > 0 and words.low[k - 1] == "no")


def stopped_object(words: Words, k: int, v: Vocab, *, ended: bool = False) -> int | None:
    """End of what is stopped from word ``k``: ``(all) (six days of) fighting``; with
    ``ended``, also ``their 1980-88 war``."""
    n = len(words)
    for _ in range(3):
        if k < n and (
            words.low[k] in v.determiners
            or words.low[k] in v.possessives
            or words.low[k] in v.lex.verbal.quantifiers
            or (ended and _is_number(words.low[k]))
        ):
            k += 1
    if k + 1 < n and words.low[k] in v.durations and words.low[k + 1] == "of":
        k += 2  # "(six) days of fighting"
    table = v.ended if ended else v.fighting
    for extra in range(3 if ended else 1):
        found = table.match(words, k + extra)
        if found is not None:
            return found[0]
        if (
            k + extra >= n
            or not words.low[k + extra].replace("-", "").isalpha()
            or words.low[k + extra] in v.prepositions_any
        ):
            break  # "their border war", "the civil war": modifiers only
    return None


def _predicate_at(
    words: Words, k: int, hi: int, after_be: bool, v: Vocab
) -> tuple[int, Status, bool] | None:
    """A predicate starting at word ``k``: (end, status, finished)."""
    stop = v.cease_verbs.match(words, k, hi)
    if stop is not None:
        end = stopped_object(words, stop[0], v, ended=True)
        if end is not None:
            return end, "in_effect", True  # "a truce that ended the fighting"
    found = v.predicates.match(words, k, hi)
    if found is not None:
        return found[0], found[1].status, found[1].finished
    if after_be:
        comp = v.complements.match(words, k, hi)
        if comp is not None:
            return comp[0], comp[1], True
    verb = v.object_verbs.match(words, k, hi)
    if verb is not None and verb[1].finished and after_be:
        return verb[0], verb[1].status, True
    return None


def _skip_postmodifiers(words: Words, j: int, hi: int, v: Vocab) -> int:
    """Skip what may follow a noun phrase before its verb: a parenthesis, prepositional
    phrases (``between the army and the rebels``, ``in the north``)."""
    for _ in range(4):
        if j >= hi:
            return j
        w = words.low[j]
        if w == "(":
            close = next((k for k in range(j + 1, min(hi, j + 16)) if words.low[k] == ")"), None)
            if close is None:
                return j
            j = close + 1
            continue
        when = _time_words(words, j, hi, v)
        if when > j:
            j = when  # "a truce agreed last week was …"
            continue
        if w in v.prepositions_any and w != "to":
            if v.subordinators.match(words, j, j + 1) is not None:
                return j  # "a truce before the rains begin": a clause of its own follows
            j = _skip_noun_phrase(words, j + 1, hi, v, lists=w in v.lex.roles.between)
            continue
        aside = _attribution_aside(words, j, hi, v)
        if aside > j:
            j = aside  # "the truce, the army said, had collapsed"
            continue
        if w == "," and j + 1 < hi and words.low[j + 1] in v.determiners:
            # "the truce, the latest of several, was agreed": an apposition between commas.
            end = _skip_postmodifiers(words, _skip_noun_phrase(words, j + 1, hi, v), hi, v)
            if end < hi and words.low[end] == ",":
                j = end + 1
                continue
        return j
    return j


_ASIDE = 12  # words an attribution between commas may hold ("…, the army's spokesman said, …")


def _attribution_aside(words: Words, j: int, hi: int, v: Vocab) -> int:
    """Skip an attribution set between commas (``, the army said,``, ``, according to
    officials,``): the word after it, or ``j`` when there is none."""
    if words.low[j] != ",":
        return j
    reported = False
    for k in range(j + 1, min(hi, j + 2 + _ASIDE)):
        w = words.low[k]
        if w == ",":
            return k + 1 if reported else j
        if w in (".", ";", ":", "(", ")") or w in v.relatives:
            return j
        if w == "according" or v.reporting.match(words, k, k + 1) is not None:
            reported = True
    return j


def _time_words(words: Words, j: int, hi: int, v: Vocab) -> int:
    """Skip a bare time phrase (``last week``, ``earlier``, ``a year earlier``, ``yesterday``)."""
    t = v.lex.time
    w = words.low[j]
    if w in t.relative_leads and j + 1 < hi and words.low[j + 1] in t.periods:
        return j + 2
    if w in t.today or w in t.yesterday or w in ("earlier", "later"):
        return j + 1
    if (
        w in ("a", "an")
        and j + 2 < hi
        and words.low[j + 1] in v.durations
        and words.low[j + 2] in ("earlier", "later", "ago")
    ):
        return j + 3
    return j


def _skip_noun_phrase(words: Words, j: int, hi: int, v: Vocab, *, lists: bool = False) -> int:
    """Skip a short noun phrase (``the two rival militias``, ``Israel and Hamas``)."""
    k = j
    nouns = 0
    while k < hi and k - j < 9:
        w = words.low[k]
        if (
            w in v.determiners
            or w in v.possessives
            or _is_number(w)
            or w.endswith("'s")
            or (lists and w in ("and", "&") and k > j)
            or (lists and w == "," and k > j and _attribution_aside(words, k, hi, v) == k)
        ):
            k += 1
        elif (
            words.is_capitalised(k)
            or "-" in w
            or (
                w.isalpha()
                and w not in v.auxiliaries
                and w not in v.prepositions_any
                and w not in v.relatives
                and w not in ("and", "or", "but", "to")
                and v.subordinators.match(words, k, k + 1) is None
                and v.predicates.match(words, k, hi) is None
                and not (w.endswith(("ed", "ing")) and nouns)
                and v.object_verbs.match(words, k, k + 1) is None
            )
        ):
            k += 1
            nouns += 1
        else:
            break
    return k


def _finite(site: Site, j: int, relative: bool) -> Cue | None:
    """The verb of a clause whose subject is the phrase, from word ``j``."""
    v = vocab()
    words, hi = site.words, site.hi
    k, negated, hypothetical, linking = _verb_group_end(words, j, hi, v)
    if k >= hi:
        return None
    after_be = linking or relative or any(words.low[x] in v.be for x in range(j, k))
    if k > j and words.low[k - 1] == "being" and v.object_verbs.match(words, k, hi):
        verb = v.object_verbs.match(words, k, hi)
        assert verb is not None
        status: Status = (
            "negotiating" if verb[1].lemma in v.lex.unfinished_verbs else verb[1].status
        )
        return Cue(status, j, verb[0], "predicate", hypothetical=hypothetical, negated=negated)
    found = _predicate_at(words, k, hi, after_be or k == j, v)
    if found is not None:
        end, status, _ = found
        if (
            end == k + 1
            and end < hi
            and not after_be
            and status != "excluded"
            and (
                words.low[end] in v.determiners
                or words.low[end] in v.possessives
                or words.low[end] == "to"
            )
        ):
            return None  # "held talks", "began to": the verb has an object of its own
        if (
            k == j
            and not after_be
            and v.object_verbs.match(words, k, hi)
            and not v.predicates.match(words, k, hi)
        ):
            return None  # "the truce agreed …" right after the noun is a participle (another rule)
        return Cue(status, j, end, "predicate", hypothetical=hypothetical, negated=negated)
    cover = v.coverage.match(words, k, hi)
    if cover is not None and negated:
        return Cue("excluded", j, cover[0], "exclusion")
    return None


def _infinitive(words: Words, j: int, hi: int, start: int, v: Vocab) -> Cue | None:
    """``(due) to take effect``: a ceasefire's own act ahead of it (not a purpose such as ``to
    end the fighting``)."""
    fut = v.future.match(words, j, hi)
    if fut is not None:
        found = _predicate_at(words, fut[0], hi, False, v)
        if found is not None:
            return Cue(found[1], start, found[0], "participle", hypothetical=True)
    if j < hi and words.low[j] == "to":
        found = _predicate_at(words, j + 1, hi, False, v)
        if found is not None and v.cease_verbs.match(words, j + 1, hi) is None:
            return Cue(
                found[1], start if start < j else j, found[0], "participle", hypothetical=True
            )
    return None


def _ends_participle(words: Words, k: int, hi: int, v: Vocab) -> bool:
    """Whether what follows a participle after a noun makes it one (``a truce agreed last
    week``, ``… brokered by Egypt``), not a finite verb with an object."""
    if k >= hi:
        return True
    nxt = words.low[k]
    if nxt in ("a", "an") and k + 1 < hi and words.low[k + 1] in v.durations | v.qualifier_units:
        return True  # "agreed a year earlier"
    return (
        nxt in v.prepositions_any
        or nxt == "and"
        or _time_words(words, k, hi, v) > k
        or _is_number(nxt)
        or not nxt.isalpha()
        or words.is_capitalised(k)
    )


@PREDICATES.rule(
    "participle after",
    produces="status",
    confidence=0.75,
    example="The ceasefire brokered by Egypt last week is fragile.",
)
def _participle_after(site: Site) -> Cue | None:
    """A participle or adjective right after the phrase: ``a truce brokered by Egypt``,
    ``a ceasefire effective at noon``, ``a truce due to begin on Friday``."""
    v = vocab()
    words, j, hi = site.words, site.phrase[1], site.hi
    if j + 1 < hi and words.low[j] == ",":
        j += 1  # "a truce, brokered by Qatar, …"
    if j >= hi:
        return None
    start = site.head[0]
    verb = v.object_verbs.match(words, j, hi)
    if (
        verb is not None
        and verb[1].finished
        and words.low[j] not in v.adverbs
        and _ends_participle(words, verb[0], hi, v)
    ):
        return Cue(verb[1].status, start, verb[0], "participle")
    comp = v.complements.match(words, j, hi)
    if comp is not None and words.low[j] == "effective":
        return Cue(comp[1], start, comp[0], "participle")
    ahead = _infinitive(words, j, hi, start, v)
    if ahead is not None:
        return ahead
    if words.low[j].endswith("ing"):
        found = _predicate_at(words, j, hi, False, v)
        if found is not None:
            return Cue(found[1], start, found[0], "participle")  # "a truce ending the war"
    return None


@PREDICATES.rule(
    "verb after",
    produces="status",
    confidence=0.8,
    example="The truce between the army and the rebels broke down after a week.",
)
def _verb_after(site: Site) -> Cue | None:
    """The ceasefire as the subject of a verb: ``the truce took effect``, ``the ceasefire has
    repeatedly been violated``, ``the truce between X and Y broke down``."""
    v = vocab()
    words, hi = site.words, site.hi
    j = site.phrase[1]
    opened = j < hi and words.low[j] == ","
    part = _participle_after(site)
    if part is not None:
        j = part.end
    j = _skip_postmodifiers(words, j, hi, v)
    if j < hi and words.low[j] == "," and part is not None and opened:
        j += 1  # "a truce, brokered by Qatar, took effect"
    if opened and part is None and j + 1 < hi and words.low[j + 1] in ("which", "who"):
        # "the truce, which took hold at dawn, appeared to hold": past the relative clause
        close = next((k for k in range(j + 2, min(hi, j + 20)) if words.low[k] == ","), None)
        if close is None:
            return None
        j = close + 1
    if j < hi and words.low[j] in v.relatives:
        return None  # another rule reads relative clauses
    if part is None and j > site.phrase[1]:
        ahead = _infinitive(words, j, hi, j, v)  # "a truce with the rebels to take effect …"
        if ahead is not None:
            return ahead
    return _finite(site, j, relative=False)


@PREDICATES.rule(
    "second verb after",
    produces="status",
    confidence=0.7,
    example="The ceasefire came into effect at midnight but was broken within hours.",
)
def _second_verb(site: Site) -> Cue | None:
    """A second verb of the same subject after ``and`` or ``but``: ``the truce took effect at
    midnight but was broken within hours``."""
    first = _verb_after(site)
    if first is None or first.kind != "predicate":
        return None
    words, hi = site.words, site.hi
    for k in range(first.end, min(hi, first.end + _WINDOW_WORDS)):
        w = words.low[k]
        if w in _PUNCT_STOP or w == "." or w in vocab().relatives:
            return None
        if w in ("and", "but") and k + 1 < hi:
            j = k + 2 if words.low[k + 1] in ("then", "later", "soon") else k + 1
            found = _finite(site, j, relative=False)
            if found is not None and found.start == j and words.low[j] not in ("it", "they"):
                return found
            return None
    return None


@PREDICATES.rule(
    "relative clause",
    produces="status",
    confidence=0.75,
    example="A ceasefire that took effect on Monday has calmed the valley.",
)
def _relative_clause(site: Site) -> Cue | None:
    """A relative clause about the ceasefire: ``a truce that took effect``, ``…, which
    collapsed``."""
    v = vocab()
    words, hi = site.words, site.hi
    j = _skip_postmodifiers(words, site.phrase[1], hi, v)
    if j < hi and words.low[j] == ",":
        j += 1
    if j >= hi or words.low[j] not in ("that", "which"):
        return None
    found = _finite(site, j + 1, relative=False)
    return None if found is None else replace(found, kind="relative")


@PREDICATES.rule(
    "compound",
    produces="status",
    confidence=0.75,
    example="Ceasefire talks between the two militias resumed on Monday.",
)
def _compound(site: Site) -> Cue | None:
    """A noun after the ceasefire word: ``ceasefire talks``, ``truce monitors``."""
    if site.compound is None:
        return None
    return Cue(site.compound, site.head[0], site.phrase[1], "compound")


@PREDICATES.rule(
    "at someone's urging",
    produces="called_for",
    confidence=0.6,
    example="The two armies agreed a truce at the envoy's urging.",
)
def _urging(site: Site) -> Cue | None:
    """``at the envoy's urging``, ``at the request of X`` near the ceasefire: a call for it."""
    words = site.words
    urging = vocab().lex.urging
    lo = max(site.lo, site.phrase[0] - _WINDOW_WORDS)
    hi = min(site.hi, site.phrase[1] + _WINDOW_WORDS)
    for k in range(lo, hi):
        if words.low[k] != "at":
            continue
        for j in range(k + 1, min(hi, k + 5)):
            if words.low[j] in urging:
                return Cue("called_for", k, j + 1, "urging")
            if words.low[j] in _PUNCT_STOP or words.low[j] in (",", "."):
                break
    return None


@PREDICATES.rule(
    "modifier",
    produces="status",
    confidence=0.7,
    example="Shelling went on despite a Qatari-mediated truce.",
)
def _modifier(site: Site) -> Cue | None:
    """A word inside the phrase stating a status: ``a Qatari-mediated truce`` (agreed),
    ``the proposed truce``."""
    v = vocab()
    words = site.words
    for k in range(site.phrase[0], site.head[0]):
        status = _modifier_status(words.low[k], v)
        if status is not None:
            return Cue(status, k, site.head[1], "modifier")
    return None


def predicates(site: Site) -> list[Cue]:
    """Every cue after or inside the phrase."""
    return [cue for _, cue in PREDICATES.every(site)]


# -- frames: a verb or noun taking the cue's "to" clause ------------------------------------------


@dataclass(frozen=True)
class _Frame:
    kind: FrameKind
    start: int


def _frame_before_to(words: Words, to: int, lo: int, v: Vocab) -> _Frame | None:
    """The verb or noun before ``to`` (at word ``to``): ``refused to``, ``urged X to``."""
    k = to
    while k > lo and words.low[k - 1] in v.adverbs:
        k -= 1
    found = v.frames.match_before(words, k, lo)
    if found is not None:
        return _Frame(found[1].kind, found[0])
    noun = v.noun_frames.match_before(words, k, lo)
    if noun is not None:
        return _Frame(noun[1], noun[0])
    # "urged the army and the rebels to …": a call across its object; "agreed on Friday to".
    for j in range(k - 1, max(lo, k - 10), -1):
        w = words.low[j]
        if w in _PUNCT_STOP or w in v.relatives:
            return None
        found = v.frames.match_before(words, j, lo)
        if found is not None and found[1].kind in ("call", "agree", "promise", "refuse", "fact"):
            return _Frame(found[1].kind, found[0])
        noun = v.noun_frames.match_before(words, j, lo)
        if noun is not None and noun[1] == "call":
            return _Frame("call", noun[0])
    return None


def frame_of(words: Words, start: int, lo: int) -> _Frame | None:
    """The frame whose ``to`` clause (or ``aimed at`` phrase) begins the cue at ``start``."""
    v = vocab()
    k = start
    while k > lo and words.low[k - 1] in v.adverbs:
        k -= 1
    if k > lo and words.low[k - 1] == "to":
        found = _frame_before_to(words, k - 1, lo, v)
        if found is not None:
            return found
    link = v.aimed_at.match_before(words, k, lo)
    if link is not None:
        noun = v.noun_frames.match_before(words, link[0], lo)
        if noun is not None:
            return _Frame(noun[1], noun[0])
    return None


def _framed(
    status: Status, kind: FrameKind, finished: bool, lemma: str
) -> tuple[Status, bool, bool]:
    """(status, hypothetical, negated) of an act inside a frame."""
    if kind == "call":
        return "called_for", False, False
    if kind == "refuse":
        return "rejected", False, False
    if kind == "fail":
        return status, False, True
    if kind == "promise":
        return (
            ("reaffirmed", False, False)
            if status in ("in_effect", "reaffirmed")
            else (status, True, False)
        )
    if kind == "attempt":
        return (
            ("negotiating", False, False)
            if status in ("agreed", "negotiating")
            else (status, True, False)
        )
    if kind == "ready":
        return (
            ("accepted", True, False)
            if status in ("accepted", "agreed", "in_effect")
            else (status, True, False)
        )
    if kind in ("fact", "agree"):
        if status == "negotiating" and lemma in vocab().lex.unfinished_verbs:
            return "agreed", False, False  # "managed to arrange a truce"
        return status, False, False
    return status, True, False  # intend: plans, hopes, readiness


# -- flags ----------------------------------------------------------------------------------------


def _clause_start(words: Words, i: int, lo: int) -> int:
    """First word of the clause holding word ``i`` (back to punctuation, at most a window)."""
    k = i
    while k > lo and i - k < _WINDOW_WORDS:
        w = words.low[k - 1]
        if w in _PUNCT_STOP or w == ",":
            break
        k -= 1
    return k


def _flags(site: Site, cue: Cue) -> tuple[bool, bool]:
    """(negated, hypothetical) read in the cue's clause before it."""
    v = vocab()
    words = site.words
    start = _clause_start(words, cue.start, site.lo)
    negated, hypothetical = cue.negated, cue.hypothetical
    # A verb group right before the cue: "did not violate", "would accept", "may have broken".
    k = cue.start
    group: list[str] = []
    while k > start and (
        words.low[k - 1] in v.auxiliaries
        or _is_adverb(words, k - 1, v)
        or _is_negation(words, k - 1, v)
    ):
        k -= 1
        group.append(words.low[k])
    if any(_is_negation(words, x, v) for x in range(k, cue.start)):
        negated = True
    modal = next((w for w in group if w in v.modals), None)
    if modal is not None and not (
        cue.status == "in_effect" and modal in _COMMITTING_MODALS and cue.kind == "verb"
    ):
        hypothetical = True
    for x in range(start, cue.start):
        if v.conditionals.match(words, x, cue.start) is not None:
            hypothetical = True
            break
    if _condition_after(site, cue):
        hypothetical = True  # "would abide by the truce if the army did"
    if cue.status not in UNREAL:
        for x in range(max(start, cue.start - 4), cue.start):
            if v.prospects.match(words, x, cue.start) is not None or v.future.match(
                words, x, cue.start
            ):
                hypothetical = True
        for x in range(site.phrase[0], site.head[0]):
            if words.low[x] in v.unreal_modifiers and words.low[x] != "any":
                hypothetical = True
    return negated, hypothetical


def _condition_after(site: Site, cue: Cue) -> bool:
    """A condition right after the claim in its clause (``… if the army withdrew``)."""
    v = vocab()
    words = site.words
    for x in range(max(cue.end, site.head[1]), min(site.hi, cue.end + _WINDOW_WORDS)):
        if words.low[x] in _PUNCT_STOP or words.low[x] in (",", "."):
            return False
        if v.conditionals.match(words, x) is not None and words.low[x] != "once":
            return True
    return False


def _denied(site: Site, cue: Cue) -> bool:
    """A denial earlier in the sentence governing the cue: ``denied a report that … agreed``."""
    v = vocab()
    words = site.words
    for k in range(max(site.lo, cue.start - 16), cue.start):
        w = words.low[k]
        if w in _PUNCT_STOP:
            return False
        if v.denials.match(words, k, cue.start) is not None:
            return True
    return False


def finding(site: Site, cue: Cue, confidence: float) -> Finding:
    """A cue turned into a finding: its frame applied, its flags read, its trigger spanned."""
    v = vocab()
    words = site.words
    status, start = cue.status, cue.start
    negated, hypothetical = _flags(site, cue)
    if cue.kind in ("verb", "verbal"):
        frame = frame_of(words, cue.start, site.lo)
        if frame is not None:
            lemma = ""
            verb = v.object_verbs.match(words, cue.start, cue.end)
            if verb is not None:
                lemma = verb[1].lemma
            status, hyp, neg = _framed(cue.status, frame.kind, cue.finished, lemma)
            start = frame.start
            hypothetical = (hypothetical or hyp) and frame.kind != "fact"
            negated = negated or neg
        elif cue.status == "in_effect" and _commitment(site, cue) is not None:
            status = "reaffirmed"  # "said it would observe the truce"
            start = _commitment(site, cue) or start
    elif cue.kind == "noun" and v.frames.match(words, cue.start, cue.end) is not None:
        ready = v.frames.match(words, cue.start, cue.end)
        hypothetical = hypothetical or (ready is not None and ready[1].kind in ("ready", "intend"))
    if _denied(site, cue):
        negated = True
    accused = _accusation(words, start, site.lo)
    accusation = None
    if accused is not None and status == "violated":
        start, accusation = accused, words.starts[accused]
    if status in UNREAL and cue.kind not in ("predicate",):
        hypothetical = hypothetical and _modal_or_condition(site, cue)
    end = (
        max(cue.end, site.head[1])
        if cue.kind in ("verb", "noun", "preposition", "weak", "exclusion", "existential", "verbal")
        else cue.end
    )
    if cue.kind == "despite":
        end = cue.end
    s, e = words.span(start, end)
    head = words.span(*site.head)
    return Finding(status, (s, e), head, cue.kind, confidence, negated, hypothetical, accusation)


def _accusation(words: Words, start: int, lo: int) -> int | None:
    """The accusing verb before ``of`` + an act: ``accused the rebels of breaking``."""
    if start - 1 <= lo or words.low[start - 1] != "of":
        return None
    v = vocab()
    for k in range(start - 2, max(lo, start - 8) - 1, -1):
        if words.low[k] in _PUNCT_STOP or words.low[k] == ",":
            return None
        if v.accuse.match(words, k, start) is not None:
            return k
    return None


def _commitment(site: Site, cue: Cue) -> int | None:
    """The modal verb committing to keep a truce (``would observe``), if any."""
    v = vocab()
    k = cue.start
    while k > site.lo and site.words.low[k - 1] in v.adverbs:
        k -= 1
    return k - 1 if k > site.lo and site.words.low[k - 1] in _COMMITTING_MODALS else None


def _modal_or_condition(site: Site, cue: Cue) -> bool:
    v = vocab()
    words = site.words
    start = _clause_start(words, cue.start, site.lo)
    k = cue.start
    while k > start and (
        words.low[k - 1] in v.auxiliaries
        or words.low[k - 1] in v.adverbs
        or _is_negation(words, k - 1, v)
    ):
        k -= 1
        if words.low[k] in v.modals:
            return True
    return any(
        v.conditionals.match(words, x, cue.start) is not None for x in range(start, cue.start)
    )


# -- the analysis of one head ---------------------------------------------------------------------

_NO_DESPITE: frozenset[str] = frozenset(
    {"called_for", "proposed", "negotiating", "rejected", "collapsed"}
)


def _compound_cues(gov: Cue | None, compound: Cue, despite: Cue | None) -> list[tuple[Cue, float]]:
    """A compound other than an agreement is the real head (``ceasefire talks``); only an
    acceptance or refusal of a proposal or call overrides it."""
    out: list[tuple[Cue, float]] = []
    if (
        gov is not None
        and gov.status in ("accepted", "rejected", "agreed")
        and compound.status in ("proposed", "called_for")
    ):
        # "rejected a ceasefire proposal"; "agreed to the truce plan" accepts it.
        out.append((replace(gov, status="accepted") if gov.status == "agreed" else gov, 0.8))
    else:
        out.append((compound, 0.75))
    if despite is not None and compound.status not in _NO_DESPITE:
        out.append((despite, 0.7))
    return out


_VERB_KINDS = frozenset({"predicate", "relative", "participle", "urging", "exclusion"})


def _verb_cues(site: Site, govs: list[Cue], preds: list[Cue]) -> tuple[list[Cue], bool]:
    """The cues after the phrase that stand, and whether the prepositions before it stand.

    ``since the truce came into force``: a conjunction opening a clause (the verb stands,
    the preposition reading goes); ``talks on a truce collapsed``: the phrase is the object of
    a preposition, so a verb after it belongs to the noun before it.
    """
    verbs = [p for p in preds if p.kind in _VERB_KINDS]
    finite = [p for p in verbs if p.kind == "predicate"]
    if finite and any(g.kind in ("weak", "despite") and _subordinator(site, g) for g in govs):
        return verbs, False
    if any(g.kind in ("noun", "preposition", "weak", "despite") for g in govs) or any(
        g.kind == "verb" and not _takes_clause(site, g) for g in govs
    ):
        # The phrase is an object ("talks on extending the truce began"): a verb after it
        # belongs to another subject. A verb that takes a clause ("announced the truce would
        # begin") leaves it as the clause's subject.
        verbs = [p for p in verbs if p.kind != "predicate"]
    return verbs, True


def _takes_clause(site: Site, cue: Cue) -> bool:
    """Whether a governing verb can take a clause (``announced``, ``agreed``, ``said``)."""
    return vocab().reporting.match(site.words, cue.start) is not None


def _combine(site: Site, govs: list[Cue], preds: list[Cue]) -> list[tuple[Cue, float]]:
    """The cues that make claims, by the policy in the module docstring."""
    if govs:
        # Governors ending at the phrase overlap ("in breach of", "breach of"): the longest.
        first = govs[0]
        govs = [first, *(g for g in govs[1:] if g.start >= first.end or g.end <= first.start)]
    strong = [g for g in govs if g.kind not in ("weak", "despite")]
    gov = strong[0] if strong else None
    despite = next((g for g in govs if g.kind == "despite"), None)
    weak = next((g for g in govs if g.kind == "weak"), None)
    compound = next((p for p in preds if p.kind == "compound"), None)
    modifier = next((p for p in preds if p.kind == "modifier"), None)
    if compound is not None and compound.status != "agreed":
        return _compound_cues(gov, compound, despite)
    out: list[tuple[Cue, float]] = [] if gov is None else [(gov, 0.85)]
    verbs, prepositions = _verb_cues(site, govs, preds)
    if gov is not None:  # "make the truce hold": the verb is part of the governor
        verbs = [p for p in verbs if p.start >= gov.end or p.end <= gov.start]
    if not prepositions:
        weak = despite = None
    out += [(p, 0.75) for p in verbs]
    bare = gov is None and weak is None
    if compound is not None and bare and all(p.status == "in_effect" for p in verbs):
        out.append((compound, 0.7))  # "the ceasefire deal that ended the fighting"
    if modifier is not None:
        if modifier.status == "agreed" and not any(c.status == "agreed" for c, _ in out):
            out.append((modifier, 0.65))
        elif not out and modifier.status != "agreed":
            out.append((modifier, 0.55))
    if despite is not None and not any(c.status in _NO_DESPITE for c, _ in out):
        out.append((despite, 0.7))
    if weak is not None and not out:
        out.append((weak, 0.6))
    return out


def _subordinator(site: Site, cue: Cue) -> bool:
    """Whether a governor may also open a clause (``since``, ``after``, ``despite``)."""
    return (
        cue.end - cue.start == 1
        and vocab().subordinators.match(site.words, cue.start, cue.end) is not None
    )


def analyse(site: Site) -> list[Finding]:
    """Every claim the words around one ceasefire head make."""
    govs = governors(site)
    preds = predicates(site)
    if site.kind in ("agreement", "pronoun"):
        # A word referring back claims something only with a cue of its own.
        govs = [g for g in govs if g.kind not in ("weak",)]
        preds = [p for p in preds if p.kind not in ("compound", "modifier")]
    seen: set[tuple[str, tuple[int, int]]] = set()
    out: list[Finding] = []
    for cue, confidence in _combine(site, govs, preds):
        found = finding(site, cue, confidence)
        key = (found.status, found.trigger)
        if key not in seen:
            seen.add(key)
            out.append(found)
    return out


def is_real(found: Finding) -> bool:
    """Whether a finding states a ceasefire that exists (so fighting after it breaks it)."""
    return found.status in REAL and not found.negated and not found.hypothetical


# -- ceasefire verbs ------------------------------------------------------------------------------

#: The status of a ceasefire verb under each frame (``agreed to end the fighting``).
_VERBAL: dict[FrameKind, Status] = {
    "call": "called_for",
    "refuse": "rejected",
    "promise": "announced",
    "agree": "agreed",
    "attempt": "negotiating",
    "intend": "announced",
    "ready": "accepted",
    "fact": "announced",
    "fail": "agreed",
}


def verbal_findings(site: Site) -> list[Finding]:
    """The claim a ceasefire verb makes: its frame's act (``pledged to end fighting``:
    announced), or the ceasefire in force when it stands alone (``would cease hostilities``)."""
    words = site.words
    h0, h1 = site.head
    frame = frame_of(words, h0, site.lo)
    cue = Cue("in_effect", h0, h1, "verbal")
    negated, hypothetical = _flags(site, cue)
    start = h0
    status: Status = "in_effect"
    if frame is not None:
        status = _VERBAL[frame.kind]
        start = frame.start
        hypothetical = frame.kind in ("intend", "ready") or (hypothetical and status not in UNREAL)
        negated = negated or frame.kind == "fail"
    s, e = words.span(start, h1)
    return [Finding(status, (s, e), words.span(h0, h1), "verbal", 0.7, negated, hypothetical)]


# -- qualifiers -----------------------------------------------------------------------------------


def qualifiers_of(words: Words) -> list[tuple[int, int]]:
    """Words grading a claim among ``words`` (``shaky``, ``repeatedly``, ``30-day``)."""
    v = vocab()
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        found = v.qualifiers.match(words, i)
        if found is not None:
            out.append(words.span(i, found[0]))
            i = found[0]
            continue
        if _is_duration(words.low[i], v):
            out.append(words.span(i, i + 1))
        i += 1
    return out


def _is_duration(word: str, v: Vocab) -> bool:
    """``30-day``, ``three-week``, ``48-hour``, ``week-long``, ``18-month-old``."""
    parts = word.split("-")
    if len(parts) < 2:
        return False
    unit = parts[1].removesuffix("s")
    if parts[0] in v.qualifier_units and parts[1] in ("long", "old"):
        return True
    first = parts[0]
    return (
        first.isdigit()
        or first in v.qualifier_numbers
        or "-".join(parts[:2]) in v.qualifier_numbers
    ) and (
        unit in v.qualifier_units
        or (len(parts) > 2 and parts[2].removesuffix("s") in v.qualifier_units)
    )
