"""Reported speech: a clause attributed to a speaker by a cue, without quotation marks.

English news reports speech in a few layouts, each a rule here: ``X said (that) …``, ``…, X
said``, ``…, said X``, ``According to X, …``, ``…, according to X``, ``…, adding that …`` and
speech acts whose object is what was said (``X called the plan a disaster``). Each cue outside
quotation marks is tried against the rules in order; the first that matches gives the clause and
the speaker phrase.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ...draft import Offsets
from ...rules import RuleBook
from .cues import Cue
from .direct import cue_speaker, sentence_subject
from .marks import SPACE
from .phrases import Phrase, classify, phrase_after, phrase_before, skip_adverbials, tokens
from .story import Attribution, Found, Story
from .words import words

__all__ = ["Report", "find_reports", "reports"]

_TRIM = SPACE + ",;:—–-"
_MARKS = "\"“”«»„‘’'"
#: After ``, X said`` at most this many words of adjunct may close the sentence.
_ADJUNCT_WORDS = 12
#: Tokens a listener and adjuncts may take between a cue and its clause.
_AFTER_CUE_TOKENS = 12
_MIN_WORDS = 3
_CUT = regex.compile(
    r";|\s[—–]\s|,\s+(?:but|while|whereas|although|though|even as|as well as|and then)\s"
    r"|,\s+(?=(?:adding|saying|noting|arguing|explaining|insisting|warning|claiming|stressing|"
    r"suggesting|acknowledging|asserting)\s)"
)
_NOT_CLAUSE_START = frozenset(
    ["to", "of", "for", "with", "about", "so", "yes", "no", "nothing", "something", "anything",
     "little", "much", "goodbye", "hello", "and", "or", "but", "as", "in", "on", "at", "by"]
)


@dataclass(slots=True)
class Report:
    """One cue in its sentence: the context of the reported-speech rules."""

    story: Story
    cue: Cue
    lo: int
    """Start of the sentence."""
    hi: int
    """End of the sentence, final punctuation and closing marks left out."""


def _clause_hi(text: str, lo: int, hi: int) -> int:
    while hi > lo and text[hi - 1] in " \t\r\n\u00a0.!?;:,”\"’»)":
        if text[hi - 1] in "”\"’»" and _opened(text, lo, hi - 1):
            break  # the mark closes a quoted fragment inside the clause
        hi -= 1
    return hi


def _opened(text: str, lo: int, hi: int) -> bool:
    seg = text[lo:hi]
    return "“" in seg or seg.count('"') % 2 == 1 or "«" in seg or "‘" in seg


def _strip(text: str, s: int, e: int) -> Offsets:
    while s < e and text[s] in _TRIM + _MARKS:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    return s, e


def _words(text: str, s: int, e: int) -> int:
    return len(text[s:e].split())


def _content_end(text: str, start: int, end: int) -> int:
    """Where a clause reported forwards ends: before ``; ``, a dash, or a narrator's
    ``, but …``."""
    m = _CUT.search(text, start + 12, end) if end - start > 12 else None
    return m.start() if m is not None else end


def _report(r: Report, segments: list[Offsets], phrase: Phrase | None, rule: str, conf: float) -> Found | None:
    text = r.story.text
    clean = [_strip(text, s, e) for s, e in segments]
    clean = [x for x in clean if x[0] < x[1]]
    if not clean or sum(_words(text, s, e) for s, e in clean) < _MIN_WORDS:
        return None
    if any(r.story.in_direct(s, e) for s, e in clean):
        return None
    attribution = Attribution(phrase, (r.cue.start, r.cue.end), rule, conf)
    return Found("indirect", clean, attribution, conf)


def _at_clause_start(text: str, lo: int, pos: int) -> bool:
    """Whether a phrase starting at ``pos`` opens a clause (sentence start, after a comma or a
    conjunction)."""
    toks = tokens(text, max(lo, pos - 30), pos)
    if not toks:
        return True
    last = toks[-1][2]
    return last in ",:;(—–“\"" or classify(last) == "conj" or last.lower() == "that"


def _after_cue(r: Report) -> int:
    """Where the reported clause starts after the cue: past a listener (``told reporters``),
    adjuncts (``on Monday``, ``in a statement``) and a comma; -1 when no clause follows."""
    text = r.story.text
    w = words()
    toks = tokens(text, r.cue.end, min(r.hi, r.cue.end + 200))
    sense = r.cue.sense
    k = 0
    if sense.listener and k < len(toks):
        k = _skip_listener(toks, k)
    k = _skip_adjuncts(toks, k)
    if k < len(toks) and toks[k][2] == ",":
        k += 1
    if k >= len(toks):
        return -1
    word = toks[k][2]
    if word.lower() == "that":
        return toks[k][0]
    if not sense.thatless or word.lower() in _NOT_CLAUSE_START or word in w.adjunct_starts:
        return -1
    if not (word[0].isalnum() or word in "“\""):
        return -1
    return toks[k][0]


def _skip_listener(toks: list[tuple[int, int, str]], k: int) -> int:
    """Past the listener of ``told`` (``reporters``, ``the BBC``, ``him``, ``a news
    conference``)."""
    w = words()
    n = len(toks)
    j = k
    if j < n and classify(toks[j][2]) == "det":
        j += 1
    while j < n and j - k < 5 and classify(toks[j][2]) in ("name", "noun", "generic", "poss", "word", "title"):
        if toks[j][2].lower() == "that":
            break
        j += 1
        if toks[j - 1][2].lower() in w.listeners or classify(toks[j - 1][2]) in ("name", "noun", "generic"):
            return j
    if k < n and toks[k][2].lower() in ("him", "her", "them", "us", "me", "you", "it"):
        return k + 1
    return k


def _skip_adjuncts(toks: list[tuple[int, int, str]], k: int) -> int:
    """Past adjuncts after a cue (``on Monday``, ``in a statement``, ``earlier this week``)."""
    w = words()
    n = len(toks)
    for _ in range(3):
        if k >= n:
            return k
        word = toks[k][2]
        low = word.lower()
        if word in w.weekdays or low in ("yesterday", "today", "tonight", "recently", "earlier", "later", "again", "also", "repeatedly", "publicly", "privately"):
            k += 1
            continue
        if low in ("on", "in", "at", "during", "last", "this", "late", "early", "via", "through", "over", "after", "before", "while"):
            j = k + 1
            while j < n and j - k <= 6 and toks[j][2] not in (",", "that") and classify(toks[j][2]) != "conj":
                if classify(toks[j][2]) == "word" and toks[j][2][0].islower() and j > k + 3:
                    break
                j += 1
            if j < n and toks[j][2] in (",", "that"):
                k = j
                continue
            return k
        return k
    return k


reports: RuleBook[Report, Found] = RuleBook("reported speech")


@reports.rule(
    "according to, clause",
    produces="indirect",
    confidence=0.8,
    example="According to the health ministry, three clinics were damaged in the storm.",
)
def _according_front(r: Report) -> Found | None:
    """``According to X, …``: the clause after the phrase's comma."""
    if not r.cue.sense.phrase:
        return None
    text = r.story.text
    if text[r.lo : r.cue.start].strip(SPACE + _MARKS):
        return None
    phrase = phrase_after(text, _skip(text, r.cue.end, r.hi), r.hi)
    if phrase is None:
        return None
    comma = text.find(",", phrase.end, min(r.hi, phrase.end + 60))
    if comma < 0:
        return None
    return _report(r, [(comma + 1, _content_end(text, comma + 1, r.hi))], phrase, "according to, clause", 0.8)


@reports.rule(
    "clause, according to",
    produces="indirect",
    confidence=0.8,
    example="Three clinics were damaged in the storm, according to the health ministry.",
)
def _according_back(r: Report) -> Found | None:
    """``…, according to X``: the clause before the comma."""
    if not r.cue.sense.phrase:
        return None
    text = r.story.text
    before = text[r.lo : r.cue.start].rstrip(SPACE)
    if not before.endswith(","):
        return None
    phrase = phrase_after(text, _skip(text, r.cue.end, r.hi), r.hi)
    if phrase is None:
        return None
    return _report(r, [(r.lo, r.lo + len(before) - 1)], phrase, "clause, according to", 0.8)


def _skip(text: str, pos: int, hi: int) -> int:
    while pos < hi and text[pos] in SPACE:
        pos += 1
    return pos


def _tail_is_adjunct(text: str, pos: int, hi: int) -> bool:
    """Whether what follows an attribution closing a sentence is an adjunct or apposition."""
    rest = text[pos:hi].strip(SPACE)
    if not rest:
        return True
    if rest[0] in ",(":
        return True
    words_ = rest.split()
    first = words_[0].lower()
    return len(words_) <= _ADJUNCT_WORDS and first in words().adjunct_starts


def _fronted(r: Report, phrase: Phrase, attribution_end: int, comma: int, rule: str) -> Found | None:
    text = r.story.text
    tail = text[attribution_end : r.hi]
    if not _tail_is_adjunct(text, attribution_end, r.hi):
        return None
    rest = tail.lstrip(SPACE)
    if rest.startswith(","):
        after = attribution_end + len(tail) - len(rest) + 1
        if _words(text, after, r.hi) > 3 and not _apposition_tail(text, after, r.hi):
            # "The museum, X said, would make …": the report surrounds its attribution.
            segments = [(r.lo, comma), (after, _content_end(text, after, r.hi))]
            return _report(r, segments, phrase, rule, 0.75)
    return _report(r, [(r.lo, comma)], phrase, rule, 0.75)


def _apposition_tail(text: str, pos: int, hi: int) -> bool:
    """``, a California Democrat`` / ``, who …``: an apposition after the speaker, not a clause."""
    toks = tokens(text, pos, min(hi, pos + 60))
    if not toks:
        return True
    first = toks[0][2]
    cls = classify(first)
    return cls in ("det", "name", "title", "poss") or first.lower() in words().relatives or cls == "number"


@reports.rule(
    "clause, speaker said",
    produces="indirect",
    confidence=0.75,
    example="The convoy was stopped at the border, Ahmed Karim said on Monday.",
)
def _clause_speaker_cue(r: Report) -> Found | None:
    """``…, X said``: the clause before the comma that opens the attribution."""
    sense = r.cue.sense
    if not (sense.speech or sense.belief) or sense.form == "ing":
        return None
    text = r.story.text
    phrase = phrase_before(text, r.cue.start, r.lo)
    if phrase is None:
        return None
    before = text[r.lo : phrase.start].rstrip(SPACE)
    if not before.endswith(","):
        return None
    comma = r.lo + len(before) - 1
    return _fronted(r, phrase, r.cue.end, comma, "clause, speaker said")


@reports.rule(
    "clause, said speaker",
    produces="indirect",
    confidence=0.75,
    example="The truce was broken twice overnight, said the army.",
)
def _clause_cue_speaker(r: Report) -> Found | None:
    """``…, said X``: the clause before the comma that opens the inverted attribution."""
    sense = r.cue.sense
    if not sense.speech or sense.form == "ing":
        return None
    text = r.story.text
    before = text[r.lo : r.cue.start].rstrip(SPACE)
    if not before.endswith(","):
        return None
    phrase = phrase_after(text, _skip(text, r.cue.end, r.hi), r.hi)
    if phrase is None:
        return None
    return _fronted(r, phrase, phrase.end, r.lo + len(before) - 1, "clause, said speaker")


@reports.rule(
    "speaker said clause",
    produces="indirect",
    confidence=0.75,
    example="Ruth Adler said more families had gone back to the valley.",
)
def _speaker_cue_clause(r: Report) -> Found | None:
    """``X said (that) …``: the clause after the cue (and its listener, adjuncts, ``that``)."""
    sense = r.cue.sense
    if not (sense.speech or sense.belief) or sense.form == "ing":
        return None
    text = r.story.text
    phrase = phrase_before(text, r.cue.start, r.lo)
    if phrase is None or not _at_clause_start(text, r.lo, phrase.start):
        return None
    start = _after_cue(r)
    if start < 0:
        return None
    return _report(r, [(start, _content_end(text, start, r.hi))], phrase, "speaker said clause", 0.75)


@reports.rule(
    "participle clause",
    produces="indirect",
    confidence=0.6,
    example="The minister left the room, saying the talks had failed.",
)
def _participle(r: Report) -> Found | None:
    """``…, adding (that) …``: the clause after a participle belongs to the sentence's
    speaker."""
    if not r.cue.sense.participle:
        return None
    text = r.story.text
    if not text[r.lo : r.cue.start].rstrip(SPACE).endswith(","):
        return None
    start = _after_cue(r)
    if start < 0:
        return None
    phrase = _earlier_speaker(r) or sentence_subject(r.story, r.lo, r.cue.start)
    return _report(r, [(start, _content_end(text, start, r.hi))], phrase, "participle clause", 0.6)


def _earlier_speaker(r: Report) -> Phrase | None:
    """The speaker phrase of a quote found earlier in the same sentence."""
    for found in reversed(r.story.found[-8:]):
        a = found.attribution
        if a is not None and a.phrase is not None and r.lo <= a.phrase.start < r.cue.start:
            return a.phrase
    return None


@reports.rule(
    "speech act",
    produces="indirect",
    confidence=0.6,
    example="Maria Ruiz called the proposal a betrayal of the voters.",
)
def _speech_act(r: Report) -> Found | None:
    """``X called the plan a disaster``, ``X urged Y to …``: the act's object is what was said."""
    if not r.cue.sense.act or r.cue.sense.form == "ing":
        return None
    text = r.story.text
    phrase = phrase_before(text, r.cue.start, r.lo)
    if phrase is None or not _at_clause_start(text, r.lo, phrase.start):
        return None
    start = _skip(text, r.cue.end, r.hi)
    if start >= r.hi or text[start] in ",.;:":
        return None
    return _report(r, [(start, _content_end(text, start, r.hi))], phrase, "speech act", 0.6)


def find_reports(story: Story) -> None:
    """Add the reported speech of every sentence to ``story.found``."""
    text = story.text
    draft = story.draft
    for cue in story.cues:
        if cue.sense.direct_only or story.in_marks(cue.start):
            continue
        if draft.expired:
            return
        lo, hi = story.sentence(cue.start)
        if cue.end > hi:
            continue
        found = reports.first(Report(story, cue, lo, _clause_hi(text, lo, hi)))
        if found is not None:
            story.found.append(found[1])


# Re-exported for the driver: who a cue attributes to.
__all__ += ["cue_speaker"]
_ = skip_adverbials
