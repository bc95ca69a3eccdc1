"""Where an article speaks of a ceasefire: its words, words that refer back to it, and fighting
reported against it.

A text holding none of the lexicon's *needles* (``ceas``, ``ruce``, ``ostilit``, …) is left after
a few substring scans. Otherwise only the sentences holding a needle are split into words and
searched for **heads**: ceasefire nouns (``truce``, ``cessation of hostilities``) and ceasefire
verbs (``agreed to cease the fighting``). Once an article has a ceasefire, words may refer back
to it (``the accord``, ``it``, ``the talks``, ``violations``), and fighting reported while it is
in force breaks it (``fierce fighting still raged``). A ``truce`` counts only with armed
conflict around it: a trade, labour or party-political truce is no ceasefire.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

import regex

from ...draft import Draft, Offsets
from ...lexicon.ceasefire import ceasefire_lexicon
from ...rules import RuleBook
from .status import Finding, Site, frame_of, phrase_start, stopped_object
from .vocab import Vocab, vocab
from .words import Words, split_phrase

__all__ = [
    "ANAPHORS",
    "EVENTS",
    "HEADS",
    "Article",
    "Reading",
    "may_mention",
    "monitors_in",
    "name_of",
    "needle_sentences",
    "readings",
]

_LONG_SENTENCE = 2500  # characters: longer sentences are read in windows around needles
_LEFT, _RIGHT = 300, 400  # characters of a window before and after a needle
_CONTEXT = 1500  # characters either side of a truce searched for armed-conflict words


def may_mention(text: str) -> bool:
    """Whether the text holds any needle (a text without one has no ceasefire claim)."""
    low = text.lower()
    return any(n in low for n in ceasefire_lexicon().heads.needles)


def _needle_offsets(text: str) -> list[int]:
    """Where the needles stand in the text (any case)."""
    needles = ceasefire_lexicon().heads.needles
    low = text.lower()
    if not any(n in low for n in needles):
        return []
    if len(low) == len(text):
        pairs = [(low, n) for n in needles]
    else:  # lowering changed some lengths, so offsets differ: search each case as written
        pairs = [(text, c) for n in needles for c in {n, n.capitalize(), n.upper()}]
    out: list[int] = []
    for haystack, needle in pairs:
        at = haystack.find(needle)
        while at >= 0:
            out.append(at)
            at = haystack.find(needle, at + len(needle))
    return out


_LETTERS = regex.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


@cache
def _first_words() -> frozenset[str]:
    """Words a head starts with (``truce``, ``halt``, ``cease``, ``ended``)."""
    v = vocab()
    return frozenset((*v.heads.first_words(), *v.cease_verbs.first_words()))


def needle_sentences(draft: Draft) -> dict[int, list[int]]:
    """Sentences that may hold a head, with the offsets of the needles in them.

    A sentence holding a needle is kept only when one of its words can start a head, a check
    made on the sentence's text before it is split into words.
    """
    text = draft.text
    found: dict[int, list[int]] = {}
    for at in _needle_offsets(text):
        idx = draft.sentence_index(at)
        if idx is not None:
            found.setdefault(idx, []).append(at)
    if not found:
        return found
    firsts = _first_words()
    out: dict[int, list[int]] = {}
    for idx, offsets in found.items():
        ss, se = draft.sentences[idx]
        if se - ss > _LONG_SENTENCE:
            out[idx] = offsets  # read in windows around the needles
        elif any(m.group().lower() in firsts for m in _LETTERS.finditer(text, ss, se)):
            out[idx] = offsets
    return out


@dataclass(frozen=True)
class Reading:
    """A sentence, or a window of a long one, split into words."""

    sentence: int
    words: Words


def readings(draft: Draft, sentence: int, offsets: list[int] | None = None) -> list[Reading]:
    """The sentence in words: whole when short, else windows around ``offsets``."""
    ss, se = draft.sentences[sentence]
    if se - ss <= _LONG_SENTENCE or not offsets:
        if se - ss > _LONG_SENTENCE:
            return []
        return [Reading(sentence, Words(draft.text, ss, se))]
    out: list[Reading] = []
    lo = hi = -1
    for at in sorted(offsets):
        a, b = max(ss, at - _LEFT), min(se, at + _RIGHT)
        if a > hi and hi >= 0:
            out.append(Reading(sentence, Words(draft.text, lo, hi)))
            lo = a
        elif lo < 0:
            lo = a
        hi = max(hi, b)
    out.append(Reading(sentence, Words(draft.text, lo, hi)))
    return out


# -- the article ----------------------------------------------------------------------------------


@cache
def _context_phrases() -> dict[tuple[str, ...], bool]:
    """Armed-conflict (True) and civil-dispute (False) words and phrases, as word tuples."""
    v = vocab()
    out: dict[tuple[str, ...], bool] = {split_phrase(w): True for w in v.lex.context.armed}
    out.update({split_phrase(w): False for w in v.lex.context.civil})
    return out


def _context_words(text: str) -> tuple[list[int], list[int]]:
    """Offsets of the armed-conflict and civil-dispute words of a text, in order.

    A phrase wins over the words in it (``trade war`` is civil, not ``war``).
    """
    phrases = _context_phrases()
    armed: list[int] = []
    civil: list[int] = []
    window: list[tuple[int, str]] = []  # the last three words
    for m in _LETTERS.finditer(text):
        window = [*window[-2:], (m.start(), m.group().lower())]
        for n in (3, 2, 1):
            if len(window) < n:
                continue
            key = tuple(w for _, w in window[-n:])
            kind = phrases.get(key)
            if kind is None:
                continue
            at = window[-n][0]
            if n > 1 and not kind:
                # "trade war": drop an armed word already counted inside the phrase
                while armed and armed[-1] >= at:
                    armed.pop()
            if kind and n > 1 and civil and civil[-1] >= at:
                break
            (armed if kind else civil).append(at)
            break
    return armed, civil


@dataclass
class Article:
    """What the rules know about the whole article while reading it."""

    draft: Draft
    _armed: list[int] | None = None
    _civil: list[int] | None = None

    def _context(self) -> tuple[list[int], list[int]]:
        if self._armed is None or self._civil is None:
            armed, self._civil = _context_words(self.draft.text)
            # An armed group the actors extractor found (the Houthis, the ELN) is armed
            # conflict whatever its name.
            groups = [
                s for a in self.draft.actors if a.kind == "armed_group" for s, _, _ in a.mentions
            ]
            self._armed = sorted(armed + groups) if groups else armed
        return self._armed, self._civil

    def armed_between(self, lo: int, hi: int) -> int:
        """How many armed-conflict words start in ``[lo, hi)``."""
        armed, _ = self._context()
        return bisect_left(armed, hi) - bisect_left(armed, lo)

    def civil_between(self, lo: int, hi: int) -> int:
        """How many civil-dispute words start in ``[lo, hi)``."""
        _, civil = self._context()
        return bisect_left(civil, hi) - bisect_left(civil, lo)

    def is_armed(self, start: int, end: int, clause: Offsets) -> bool:
        """Whether a ceasefire word is about armed violence: armed words near it and no more
        civil words than armed ones in its clause."""
        text_len = len(self.draft.text)
        if self.armed_between(max(0, start - _CONTEXT), min(text_len, end + _CONTEXT)) == 0:
            return False
        return self.civil_between(*clause) <= self.armed_between(*clause)

    def is_civil(self, clause: Offsets) -> bool:
        """Whether civil-dispute words outnumber armed ones in a clause."""
        civil = self.civil_between(*clause)
        return civil > 0 and civil > self.armed_between(*clause)


# -- heads ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HeadContext:
    """A word of a reading at which a head may start."""

    article: Article
    reading: Reading
    index: int


HEADS: RuleBook[HeadContext, Site] = RuleBook("ceasefire heads")


def _site(words: Words, h0: int, h1: int, kind: str, v: Vocab) -> Site | None:
    """The head with its noun phrase and compound; None for a place (``ceasefire line``)."""
    n = len(words)
    if h1 < n and words.low[h1] in v.places_after:
        return None
    compound = None
    end = h1
    for _ in range(2):
        if end < n and words.low[end] in v.compounds:
            compound = v.compounds[words.low[end]]
            end += 1
        else:
            break
    start = phrase_start(words, h0, 0, v)
    return Site(words, (h0, h1), (start, end), compound, kind, 0, n)  # type: ignore[arg-type]


def _clause_offsets(words: Words, i: int, j: int) -> Offsets:
    """Character span of the clause around words ``i``–``j`` (to the nearest ; : or dash)."""
    lo, hi = i, j
    while lo > 0 and words.low[lo - 1] not in (";", ":", "—", "–") and i - lo < 30:
        lo -= 1
    while hi < len(words) and words.low[hi] not in (";", ":", "—", "–") and hi - j < 30:
        hi += 1
    return words.starts[lo] if lo < len(words) else words.starts[-1], words.ends[hi - 1]


@HEADS.rule(
    "ceasefire noun",
    produces="noun",
    confidence=0.9,
    example="The two armies agreed a ceasefire on Sunday.",
)
def _ceasefire_noun(ctx: HeadContext) -> Site | None:
    """A ceasefire noun (``truce``, ``cessation of hostilities``); a truce only near armed
    conflict and not inside a trade, labour or party-political dispute."""
    v = vocab()
    words = ctx.reading.words
    found = v.heads.match(words, ctx.index)
    if found is None:
        return None
    i = ctx.index
    if (
        words.low[i] == "cease"
        and i > 0
        and (words.low[i - 1] == "to" or words.low[i - 1] in v.modals)
    ):
        return None  # "ordered to cease fire" is a verb (the next rule)
    end, needs_armed = found
    s, e = words.span(ctx.index, end)
    clause = _clause_offsets(words, ctx.index, end)
    if needs_armed and (not ctx.article.is_armed(s, e, clause) or ctx.article.is_civil(clause)):
        return None
    return _site(words, ctx.index, end, "noun", v)


@HEADS.rule(
    "ceasefire verb",
    produces="verbal",
    confidence=0.75,
    example="The two factions agreed on Friday to end six days of fighting.",
)
def _ceasefire_verb(ctx: HeadContext) -> Site | None:
    """A verb stopping fighting: ``cease hostilities`` on its own, ``end the fighting`` under
    a verb that agrees, pledges, urges or refuses (``agreed to end the fighting``)."""
    v = vocab()
    words, i = ctx.reading.words, ctx.index
    verb = v.cease_verbs.match(words, i)
    if verb is None:
        return None
    after_to = i > 0 and (words.low[i - 1] == "to" or words.low[i - 1] in v.modals)
    if v.heads.match(words, i) is not None and not after_to:
        return None  # "cease fire" as a noun
    end = stopped_object(words, verb[0], v)
    if end is None:
        return None
    frame = frame_of(words, i, 0)
    if not verb[1] and frame is None:
        return None
    if words.low[end - 1] in v.lex.verbal.pledged_only and (
        frame is None or frame.kind not in ("promise", "agree", "refuse")
    ):
        return None  # "a campaign to stop violence against women"
    return Site(words, (i, end), (i, end), None, "verbal", 0, len(words))


def heads_in(article: Article, reading: Reading) -> list[Site]:
    """Every ceasefire head of a reading, in order."""
    v = vocab()
    words = reading.words
    out: list[Site] = []
    covered = -1
    for i, w in enumerate(words.low):
        if i < covered or (w not in v.heads and w not in v.cease_verbs):
            continue
        found = HEADS.first(HeadContext(article, reading, i))
        if found is not None:
            out.append(found[1])
            covered = found[1].head[1]
    return out


# -- words referring back -------------------------------------------------------------------------

ANAPHORS: RuleBook[HeadContext, Site] = RuleBook("ceasefire anaphors")


def _blocked_before(words: Words, i: int, v: Vocab) -> bool:
    """A modifier making an agreement or talks something else (``peace deal``)."""
    return i > 0 and (words.low[i - 1] in v.not_ceasefire or words.low[i - 1].endswith("-status"))


@ANAPHORS.rule(
    "agreement referring back",
    produces="agreement",
    confidence=0.6,
    example="The two militias agreed a truce in May. The accord collapsed in June.",
)
def _agreement(ctx: HeadContext) -> Site | None:
    """``the accord``, ``the deal``, ``signed an agreement``: the article's ceasefire
    agreement, when nothing makes it another (``peace deal``, ``a deal on trade``)."""
    v = vocab()
    words, i = ctx.reading.words, ctx.index
    if words.low[i] not in v.agreements or _blocked_before(words, i, v):
        return None
    nxt = words.low[i + 1] if i + 1 < len(words) else ""
    if nxt in v.topic_after or nxt in v.compounds:
        return None
    return _site(words, i, i + 1, "agreement", v)


@ANAPHORS.rule(
    "it referring back",
    produces="pronoun",
    confidence=0.5,
    example="The army and the rebels agreed a ceasefire in May. Both sides signed it in Geneva.",
)
def _pronoun(ctx: HeadContext) -> Site | None:
    """``it`` right after a status cue or before a ceasefire predicate, shortly after a
    ceasefire was named (``keep to it``, ``it could falter``)."""
    v = vocab()
    words, i = ctx.reading.words, ctx.index
    if words.low[i] not in v.pronouns:
        return None
    return Site(words, (i, i + 1), (i, i + 1), None, "pronoun", 0, len(words))


def anaphors_in(
    article: Article, reading: Reading, *, agreements: bool, pronouns: bool
) -> list[Site]:
    """Words of a reading referring back to the article's ceasefire."""
    v = vocab()
    words = reading.words
    out: list[Site] = []
    for i, w in enumerate(words.low):
        if agreements and w in v.agreements:
            site = _agreement(HeadContext(article, reading, i))
        elif pronouns and w in v.pronouns:
            site = _pronoun(HeadContext(article, reading, i))
        else:
            continue
        if site is not None:
            out.append(site)
    return out


def talks_in(reading: Reading) -> Offsets | None:
    """``the talks``, ``negotiations``: in an article about ceasefire talks, those talks (the
    first in the reading), unless something makes them other talks (``peace talks``)."""
    v = vocab()
    words = reading.words
    for i, w in enumerate(words.low):
        if w in v.talks and not _blocked_before(words, i, v) and not _other_topic(words, i + 1, v):
            start = i
            while start > 0 and (
                words.low[start - 1] in v.determiners
                or v.qualifiers.match(words, start - 1, start) is not None
            ):
                start -= 1
            return words.span(start, i + 1)
    return None


def _other_topic(words: Words, k: int, v: Vocab) -> bool:
    """``talks on a political deal``: talks about something else than a ceasefire."""
    for j in range(k, min(len(words), k + 12)):
        w = words.low[j]
        if w in (",", ";", ".", ":") or w in v.relatives:
            return False
        if v.heads.match(words, j) is not None:
            return False
        if w in v.not_ceasefire and any(
            words.low[x] in ("on", "about", "over") for x in range(k, j)
        ):
            return True
    return False


def monitors_in(reading: Reading) -> Offsets | None:
    """Monitors a side sets up or sends (``agreed to set up joint patrols``): the monitoring of
    the article's ceasefire."""
    v = vocab()
    words = reading.words
    for i in range(len(words)):
        verb = v.deploy.match(words, i)
        if verb is None:
            continue
        for k in range(verb[0], min(len(words), verb[0] + 4)):
            found = v.monitors.match(words, k)
            if found is not None:
                return words.span(i, found[0])
            if not words.low[k].isalpha() or words.low[k] in v.prepositions_any:
                break
    return None


def violations_in(reading: Reading) -> Offsets | None:
    """``violations``, ``breaches`` with nothing saying of what: of the article's ceasefire."""
    v = vocab()
    words = reading.words
    for i, w in enumerate(words.low):
        if w not in v.violations or _blocked_before(words, i, v):
            continue
        nxt = words.low[i + 1] if i + 1 < len(words) else ""
        if nxt == "of" or (i > 1 and words.low[i - 1] == "rights"):
            continue
        return words.span(i, i + 1)
    return None


# -- fighting reported as an event ----------------------------------------------------------------

EVENTS: RuleBook[HeadContext, Offsets] = RuleBook("ceasefire violations as events")


def _is_no(words: Words, i: int) -> bool:
    """``no fighting``, ``without clashes``, ``shattered by fighting`` (the agent of another
    claim): no violation of its own."""
    return i > 0 and words.low[i - 1] in ("no", "without", "by")


@EVENTS.rule(
    "fighting went on",
    produces="violated",
    confidence=0.55,
    example="The truce took effect on Monday. Fierce fighting still raged near the port.",
)
def _fighting_went_on(ctx: HeadContext) -> Offsets | None:
    """Fighting as the subject of a verb saying it went on or broke out: ``clashes erupted``,
    ``fighting still raged``, ``clashes between the two sides broke out``."""
    v = vocab()
    words, i = ctx.reading.words, ctx.index
    noun = v.violence_nouns.match(words, i)
    if noun is None or _is_no(words, i):
        return None
    k = noun[0]
    steps = 0
    while k < len(words) and steps < 8:
        verb = v.violence_verbs.match(words, k)
        if verb is not None:
            if verb[1].lemma == "continue" and k + 1 < len(words) and words.low[k + 1] == "to":
                return None  # "fighting continued to …" is told by its next verb
            start = i - 1 if i > 0 and words.low[i - 1] in v.violence_markers else i
            return words.span(start, verb[0])
        w = words.low[k]
        if w in (",", ";", ".", "and", "but") or (w in v.relatives):
            return None
        k += 1
        steps += 1
    return None


@EVENTS.rule(
    "renewed fighting",
    produces="violated",
    confidence=0.5,
    example="The truce took effect on Monday. Renewed clashes left four dead on Tuesday.",
)
def _renewed_fighting(ctx: HeadContext) -> Offsets | None:
    """Fighting said to be new or going on: ``renewed clashes``, ``continuing attacks``."""
    v = vocab()
    words, i = ctx.reading.words, ctx.index
    if words.low[i] not in v.violence_markers or words.low[i] in ("still", "more", "new"):
        return None
    noun = v.violence_nouns.match(words, i + 1)
    if noun is None:
        return None
    return words.span(i, noun[0])


@EVENTS.rule(
    "accused of attacks",
    produces="violated",
    confidence=0.5,
    example="The truce took effect on Monday. The army accused the rebels of shelling its posts.",
)
def _accused(ctx: HeadContext) -> Offsets | None:
    """One side accused of an armed act: ``accused the rebels of shelling``."""
    v = vocab()
    words, i = ctx.reading.words, ctx.index
    verb = v.accuse.match(words, i)
    if verb is None:
        return None
    for k in range(verb[0], min(len(words), verb[0] + 8)):
        if words.low[k] == "of":
            act = v.violence_acts.match(words, k + 1)
            if act is not None and words.low[k + 1].endswith("ing"):
                return words.span(i, act[0])
            return None
        if words.low[k] in (",", ";", "."):
            return None
    return None


@EVENTS.rule(
    "fighting after the truce",
    produces="violated",
    confidence=0.5,
    example="Shelling resumed hours after the two armies agreed a truce.",
)
def _after_truce(ctx: HeadContext) -> Offsets | None:
    """Fighting told as going on or starting after a ceasefire: ``continued after Russia and
    the rebels agreed a truce``, ``shelled the town hours after the truce began``."""
    v = vocab()
    words, i = ctx.reading.words, ctx.index
    verb = v.violence_verbs.match(words, i) or v.violence_acts.match(words, i)
    if verb is None or not (verb[1].finished or words.low[i].endswith("ing")):
        return None
    for k in range(verb[0], min(len(words), verb[0] + 8)):
        if words.low[k] == "after":
            ahead = range(k + 1, min(len(words), k + 10))
            if any(v.heads.match(words, x) is not None for x in ahead):
                return words.span(i, k + 1)
            return None
        if words.low[k] in (",", ";", ".", "but", "until", "before", "since"):
            return None
    return None


@EVENTS.rule(
    "there was fighting",
    produces="violated",
    confidence=0.5,
    example="The truce took effect on Monday. There was sporadic shelling overnight.",
)
def _there_was_fighting(ctx: HeadContext) -> Offsets | None:
    """``there has been some shooting``, ``there was sporadic shelling``."""
    v = vocab()
    words, i = ctx.reading.words, ctx.index
    if words.low[i] != "there":
        return None
    k = i + 1
    while (
        k < len(words)
        and k - i < 6
        and (
            words.low[k] in v.auxiliaries
            or words.low[k] in v.lex.verbal.quantifiers
            or words.low[k] in v.violence_markers
            or words.low[k] in v.adverbs
        )
    ):
        k += 1
    if k == i + 1 or words.low[k - 1] in ("no", "not") or k >= len(words):
        return None
    noun = v.violence_nouns.match(words, k)
    return None if noun is None else words.span(i, noun[0])


@EVENTS.rule(
    "launched an offensive",
    produces="violated",
    confidence=0.5,
    example="The truce took effect on Monday. The militia launched a major offensive on Friday.",
)
def _launched(ctx: HeadContext) -> Offsets | None:
    """A side starting fighting: ``launched an offensive``, ``started a major attack``."""
    v = vocab()
    words, i = ctx.reading.words, ctx.index
    verb = v.launch.match(words, i)
    if verb is None or not verb[1].finished:
        return None
    for k in range(verb[0], min(len(words), verb[0] + 4)):
        noun = v.violence_nouns.match(words, k)
        if noun is not None:
            return words.span(i, noun[0])
        if not words.low[k].isalpha() or words.low[k] in v.prepositions_any:
            return None
    return None


@EVENTS.rule(
    "a complaint",
    produces="violated",
    confidence=0.45,
    example="The truce took effect on Monday. The army lodged a complaint against the militia.",
)
def _complaint(ctx: HeadContext) -> Offsets | None:
    """A complaint or allegation one side makes against another (``a complaint against the
    militia``, ``made the allegations``), not one of something else (``allegations of fraud``)."""
    v = vocab()
    words, i = ctx.reading.words, ctx.index
    if words.low[i] not in v.complaints:
        return None
    nxt = words.low[i + 1] if i + 1 < len(words) else ""
    if nxt == "of":
        ahead = range(i + 2, min(len(words), i + 6))
        if not any(v.violence_nouns.match(words, k) or words.low[k] in v.violations for k in ahead):
            return None
    start = i - 1 if i > 0 and words.low[i - 1] in v.determiners else i
    return words.span(start, i + 1)


def complaint_verb(reading: Reading, span: Offsets) -> int | None:
    """Offset of the verb making a complaint right before it (``made the allegations``,
    ``lodged a complaint``), whose subject is the accuser."""
    words = reading.words
    k = words.at(span[0])
    found = vocab().complain.match_before(words, k, max(0, k - 3))
    return words.starts[found[0]] if found is not None else None


def events_in(article: Article, reading: Reading) -> list[Offsets]:
    """Fighting reported in a reading (the caller decides whether a ceasefire is in force)."""
    v = vocab()
    words = reading.words
    out: list[Offsets] = []
    for i, w in enumerate(words.low):
        if (
            w not in v.violence_nouns
            and w not in v.violence_markers
            and w not in v.accuse
            and w not in v.violence_verbs
            and w not in v.violence_acts
            and w not in v.launch
            and w not in v.complaints
            and w != "there"
        ):
            continue
        found = EVENTS.first(HeadContext(article, reading, i))
        if found is not None and not (out and found[1][0] < out[-1][1]):
            out.append(found[1])
    return out


def prior_between(words: Words, lo: int, hi: int) -> bool:
    """Whether words between two offsets put fighting before a ceasefire (``until``)."""
    v = vocab()
    for i in range(words.at(lo), len(words)):
        if words.starts[i] >= hi:
            return False
        if v.prior.match(words, i) is not None:
            return True
    return False


# -- the ceasefire's name -------------------------------------------------------------------------

_NAME_WORDS = 4  # capitalised words a name may have


def _is_name_word(words: Words, k: int, v: Vocab) -> bool:
    w = words.low[k]
    if w in v.name_blockers or ("-" in w and w.rsplit("-", 1)[1] in v.modifier_suffixes):
        return False
    return words.is_capitalised(k) or (w.isdigit() and len(w) == 4)


def name_of(draft: Draft, claim: Finding, sentence: Offsets) -> Offsets | None:
    """``the Astana ceasefire``: capitalised words naming the ceasefire right before its word
    (not in a title-case headline, not a capitalised sentence opener)."""
    if claim.kind in ("event", "anaphor", "verbal"):
        return None
    v = vocab()
    text = draft.text
    ss, se = sentence
    h0 = claim.head[0]
    words = Words(text, max(ss, h0 - 60), h0)
    n = k = len(words)
    while k > 0 and n - k < _NAME_WORDS and _is_name_word(words, k - 1, v):
        k -= 1
    if k == n:
        return None
    opening = Words(text, ss, min(se, ss + 300))
    capitals = sum(opening.is_capitalised(i) for i in range(len(opening)))
    if capitals > 0.6 * len(opening):
        return None  # a headline in title case capitalises every word
    start = words.starts[k]
    if k > 0 and words.low[k - 1] == "the":
        start = words.starts[k - 1]
    elif start == ss:
        return None
    return start, claim.head[1]
