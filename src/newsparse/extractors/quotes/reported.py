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
from .phrases import Phrase, classify, phrase_after, phrase_before, skip_adverbials
from .story import Attribution, Found, Story
from .words import words

__all__ = ["Report", "clause_start", "content_end", "find_reports", "reports"]

_TRIM = SPACE + ",;:—–-"
_MARKS = "\"“”«»„‘’'"
#: After ``, X said`` at most this many words of adjunct may close the sentence.
_ADJUNCT_WORDS = 12
#: Tokens a listener and adjuncts may take between a cue and its clause.
_AFTER_CUE_TOKENS = 12
_MIN_WORDS = 3
_CUT = regex.compile(
    r";|\s[—–]\s|,\s+(?:but|while|whereas|although|though|even as|as well as)\s"
    r"|,\s+(?P<rel>which|who|whom|whose)\s"
    r"|,\s+(?=\p{Ll}+ing\s)"
    r"|,\s+and\s+(?=(?:he|she|they|we|I|it)\s)"
    r"|,\s+(?=(?:adding|saying|noting|arguing|explaining|insisting|warning|claiming|stressing|"
    r"suggesting|acknowledging|asserting)\s)"
)
_SUBORDINATE = regex.compile(
    r"[\"“]?(?:While|Although|Though|Because|As|If|When|Whereas|Since|After|Before|Even though|"
    r"Even as|Even if|Unless)\s"
)
_NO_VERB_CHECK = False
_COMMON = frozenset(["say", "tell", "add", "note", "argue", "claim", "insist", "warn"])
_BE = frozenset(["is", "are", "was", "were", "be", "been", "being", "’s", "'s"])
_CLAUSE_OPENERS = frozenset(["that", "if", "whether", "why", "how", "what", "when", "where"])
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
    _before: Phrase | None | bool = False

    @property
    def before(self) -> Phrase | None:
        """The speaker phrase right before the cue (read once per cue)."""
        if self._before is False:
            self._before = phrase_before(self.story, self.cue.start, self.lo)
        assert not isinstance(self._before, bool)
        return self._before


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


def content_end(story: Story, start: int, end: int) -> int:
    """Where a clause reported forwards ends: before ``; ``, a dash, a narrator's ``, but …``,
    a relative clause of the narrator (``, who …`` not closed by a comma), the comma closing a
    fronted subordinate clause (``When X said …, Y replied``), or another attribution (``…, she
    said``)."""
    text = story.text
    if end - start <= 12:
        return end
    lo = story.sentence(start)[0]
    if _SUBORDINATE.match(text, lo, start):
        comma = text.find(",", start + 12, end)
        if comma > 0:
            return comma
    for m in _CUT.finditer(text, start + 12, end):
        if m.group("rel") and text.find(",", m.end(), end) >= 0:
            continue  # a relative clause set off by commas inside the report
        end = m.start()
        break
    for cue in story.cues_in(start + 12, end):
        if text[max(start, cue.start - 5) : cue.start] == " and " and not story.in_marks(cue.start):
            return cue.start - 5  # "… and warned that …": a second report of the same speaker
        if not cue.sense.speech or cue.sense.form == "ing" or story.in_marks(cue.start):
            continue
        phrase = phrase_before(story, cue.start, start)
        if (
            phrase is not None
            and not text[phrase.end : cue.start].strip(SPACE)
            and text[start : phrase.start].rstrip(SPACE).endswith(",")
        ):
            return text.rindex(",", start, phrase.start)
    return end


def _report(
    r: Report,
    segments: list[Offsets],
    phrase: Phrase | None,
    rule: str,
    conf: float,
    least: int = _MIN_WORDS,
) -> Found | None:
    text = r.story.text
    clean = [_strip(text, s, e) for s, e in segments]
    clean = [x for x in clean if x[0] < x[1]]
    if not clean or sum(_words(text, s, e) for s, e in clean) < least:
        return None
    if any(r.story.in_direct(s, e) for s, e in clean):
        return None
    attribution = Attribution(phrase, (r.cue.start, r.cue.end), rule, conf)
    return Found("indirect", clean, attribution, conf)


def _at_clause_start(story: Story, lo: int, pos: int) -> bool:
    """Whether a phrase starting at ``pos`` opens a clause (sentence start, after a comma, a
    conjunction or a subordinator, or after a reporting verb: ``say they believe``)."""
    toks = story.tokens(max(lo, pos - 30), pos)
    if not toks:
        return True
    last = toks[-1][2]
    low = last.lower()
    if low in ("which", "who", "whom"):
        return False  # "the changes, which officials said will …"
    if last in ",:;(—–“\"" or low == "that" or classify(last) in ("conj", "adverb"):
        return True
    if low in words().subordinators:
        return True
    return any(c.sense.speech or c.sense.belief for c in story.cues_in(toks[-1][0], toks[-1][0] + 1))


def clause_start(story: Story, cue: Cue, hi: int) -> int:
    """Where the clause a cue reports starts (see :func:`_after_cue`), or -1."""
    lo = story.sentence(cue.start)[0]
    return _after_cue(Report(story, cue, lo, hi))


def _after_cue(r: Report) -> int:
    """Where the reported clause starts after the cue: past a listener (``told reporters``),
    adjuncts (``on Monday``, ``in a statement``) and a comma; -1 when no clause follows."""
    w = words()
    toks = r.story.tokens(r.cue.end, min(r.hi, r.cue.end + 200))
    sense = r.cue.sense
    k = 0
    if sense.listener and k < len(toks):
        k = _skip_listener(toks, k)
    elif k + 1 < len(toks) and toks[k][2] == "to" and _listener_word(toks[k + 1][2]):
        k += 2  # "suggested to me that", "explained to reporters that"
    skipped = _skip_adjuncts(toks, k)
    if skipped > k and skipped < len(toks) and toks[skipped][2] == ",":
        skipped += 1  # "said on Monday, in a statement, that …"
    k = skipped
    if k >= len(toks):
        return -1
    word = toks[k][2]
    if word.lower() in _CLAUSE_OPENERS:
        return toks[k][0]
    if not sense.thatless or word.lower() in _NOT_CLAUSE_START or word in w.adjunct_starts:
        return -1
    if not (word[0].isalnum() or word in "“\""):
        return -1
    return toks[k][0]


def _listener_word(word: str) -> bool:
    cls = classify(word)
    return cls in ("name", "noun", "generic") or word in ("me", "us", "him", "her", "them", "you")


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
    phrase = source_after(r.story, r.cue.end, r.hi)
    if phrase is None:
        return None
    comma = text.find(",", phrase.end, min(r.hi, phrase.end + 60))
    if comma < 0:
        return None
    return _report(r, [(comma + 1, content_end(r.story, comma + 1, r.hi))], phrase, "according to, clause", 0.8)


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
    phrase = source_after(r.story, r.cue.end, r.hi)
    if phrase is None:
        return None
    rest = _skip(text, phrase.end, r.hi)
    if text[rest : rest + 1] == "," and _words(text, rest + 1, r.hi) >= _MIN_WORDS:
        # "But the next day, according to X, the talks failed": the report follows.
        content = (rest + 1, content_end(r.story, rest + 1, r.hi))
        return _report(r, [content], phrase, "clause, according to", 0.8)
    return _report(r, [(r.lo, r.lo + len(before) - 1)], phrase, "clause, according to", 0.8)


def source_after(story: Story, start: int, hi: int) -> Phrase | None:
    """The source after ``according to``: a speaker phrase, else every word up to the next
    comma (``according to a count by the agency``, ``according to ouest-france.fr``)."""
    text = story.text
    start = _skip(text, start, hi)
    phrase = phrase_after(story, start, hi, loose=True)
    stop = min((k for k in (text.find(c, start, hi) for c in ",;:“”\"") if k >= 0), default=hi)
    end = stop
    while end > start and text[end - 1] in SPACE + ".":
        end -= 1
    if end - start < 2 or end - start > 100:
        return phrase
    if phrase is not None and phrase.end >= end:
        return phrase
    last = text[start:end].split()[-1].lower()
    kind = phrase.kind if phrase is not None and phrase.kind == "name" else "description"
    head = phrase.head if phrase is not None and kind == "name" else (start, end)
    return Phrase(start, end, kind, head[0], head[1], last)


def _skip(text: str, pos: int, hi: int) -> int:
    while pos < hi and text[pos] in SPACE:
        pos += 1
    return pos


def _tail_is_adjunct(story: Story, pos: int, hi: int, listener: bool) -> int:
    """Where the words after an attribution closing a sentence end, when they are only an
    adjunct or apposition (``on Monday``, ``told The Wall Street Journal``); -1 when a clause
    follows instead."""
    text = story.text
    toks = story.tokens(pos, min(hi, pos + 200))
    k = 0
    if listener:
        k = _skip_listener(toks, 0)
    rest_start = toks[k][0] if k < len(toks) else hi
    rest = text[rest_start:hi].strip(SPACE)
    if not rest or rest[0] in ",(":
        return rest_start
    comma = rest.find(",")
    head = rest if comma < 0 else rest[:comma]
    words_ = head.split()
    if len(words_) <= _ADJUNCT_WORDS and words_[0].lower() in words().adjunct_starts:
        return rest_start + (len(rest) if comma < 0 else comma) if comma >= 0 else hi
    if k > 0 and comma < 0 and len(words_) <= 3:
        return hi
    return -1


def _fronted(
    r: Report, phrase: Phrase, attribution_end: int, comma: int, rule: str, inverted: bool = False
) -> Found | None:
    text = r.story.text
    tail_end = _tail_is_adjunct(r.story, attribution_end, r.hi, r.cue.sense.listener)
    if tail_end < 0:
        return None
    rest = text[tail_end : r.hi].lstrip(SPACE)
    if rest.startswith(","):
        after = r.hi - len(rest) + 1
        first = rest[1:].split(None, 1)[0].lower() if rest[1:].split() else ""
        interrupted = first not in ("and", "but", "or", "which", "who")
        if interrupted and _words(text, after, r.hi) >= 2 and not (inverted and _apposition_tail(r.story, after, r.hi)):
            # "The museum, X said, would make …": the report surrounds its attribution.
            segments = [(r.lo, comma), (after, content_end(r.story, after, r.hi))]
            return _report(r, segments, phrase, rule, 0.75)
    return _report(r, [(r.lo, comma)], phrase, rule, 0.75)


def _apposition_tail(story: Story, pos: int, hi: int) -> bool:
    """``, a California Democrat`` / ``, who …``: an apposition after the speaker, not a clause."""
    toks = story.tokens(pos, min(hi, pos + 60))
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
    phrase = r.before
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
    phrase = phrase_after(r.story, _skip(text, r.cue.end, r.hi), r.hi)
    if phrase is None:
        return None
    return _fronted(r, phrase, phrase.end, r.lo + len(before) - 1, "clause, said speaker", True)


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
    phrase = _subject(r)
    if phrase is None or _passive(r, phrase):
        return None
    start = _after_cue(r)
    if start < 0:
        return None
    if _NO_VERB_CHECK and r.cue.sense.lemma not in _COMMON and text[start : start + 5] != "that " and not _has_verb(r.story, start, r.hi):
        return None  # "didn't find a job": an object, not a reported clause
    return _report(r, [(start, content_end(r.story, start, r.hi))], phrase, "speaker said clause", 0.75)


def _passive(r: Report, phrase: Phrase) -> bool:
    """Whether a form of *be* stands between the subject and the cue (``are expected``)."""
    between = r.story.text[phrase.end : r.cue.start].split()
    return any(w.lower() in _BE for w in between)


def _has_verb(story: Story, start: int, hi: int) -> bool:
    """Whether the first words after a cue hold a finite verb (an auxiliary, a past form)."""
    w = words()
    for t in story.tokens(start, min(hi, start + 80))[:10]:
        low = t[2].lower()
        if low in w.auxiliaries or low in w.negations or (low.endswith("ed") and len(low) > 4):
            return True
    return False


def _subject(r: Report) -> Phrase | None:
    """The subject of a cue: the phrase before it, the sentence's subject for a coordinated
    verb (``X arrived and said …``), or the few words opening the clause (``About three in 10
    said …``)."""
    phrase = r.before
    if phrase is not None:
        return phrase if _at_clause_start(r.story, r.lo, phrase.start) else None
    toks = r.story.tokens(max(r.lo, r.cue.start - 80), r.cue.start)
    if toks and toks[-1][2] in ("and", "but"):
        return sentence_subject(r.story, r.lo, r.cue.start)
    return _opening_words(r, toks)


def _opening_words(r: Report, toks: list[tuple[int, int, str]]) -> Phrase | None:
    """A short run of words opening the sentence or clause before a cue (``Thirty-one
    percent of those surveyed say``), as a description of the speaker."""
    k = len(toks)
    while k > 0 and toks[k - 1][2] not in (",", ";", ":", "(", "—", "–"):
        k -= 1
    end = len(toks)
    while end > k and classify(toks[end - 1][2]) == "adverb":
        end -= 1  # "Other refugee advocates also said"
    run = toks[k:end]
    opened = k == 0 or toks[k - 1][2] != ","
    if run and classify(run[0][2]) == "conj":
        run = run[1:]  # "But current and former officials … have said"
        opened = True
    if not run or len(run) > 12 or (k == 0 and toks[0][0] > r.lo + 2):
        return None
    first, last = run[0], run[-1]
    if len(run) == 1 and not (first[2][0].isupper() or first[2].endswith("s")):
        return None
    if classify(last[2]) == "poss":
        return None  # "Oz's show": no subject of a cue
    if not (opened or first[2][0].isupper() or classify(first[2]) in ("det", "number")):
        return None
    if classify(last[2]) in ("adverb", "prep", "conj") or not last[2][0].isalnum():
        return None
    if classify(last[2]) == "det" and len(run) > 1:
        return None
    return Phrase(first[0], last[1], "description", first[0], last[1], last[2].lower())


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
    return _report(r, [(start, content_end(r.story, start, r.hi))], phrase, "participle clause", 0.6)


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
    phrase = r.before
    if phrase is None or not _at_clause_start(r.story, r.lo, phrase.start):
        return None
    start = _skip(text, r.cue.end, r.hi)
    if start >= r.hi or text[start] in ",.;:":
        return None
    content = (start, content_end(r.story, start, r.hi))
    return _report(r, [content], phrase, "speech act", 0.6, least=1)


def _word_before(text: str, pos: int) -> str:
    """The word ending just before ``pos`` (past white space), in lower case."""
    end = pos
    while end > 0 and text[end - 1] in " \t\u00a0":
        end -= 1
    start = end
    while start > 0 and start > end - 20 and text[start - 1].isalpha():
        start -= 1
    return text[start:end].lower()


def find_reports(story: Story) -> None:
    """Add the reported speech of every sentence to ``story.found``."""
    text = story.text
    draft = story.draft
    determiners = words().determiners | words().possessives | words().prepositions
    for cue in story.cues:
        if cue.sense.direct_only or story.in_marks(cue.start) or cue.start in story.used_cues:
            continue
        before = _word_before(text, cue.start)
        if not cue.sense.phrase and before in determiners:
            continue  # "the report", "of state", "to say": a noun or an infinitive
        if before in _BE and cue.sense.form in ("past", "participle"):
            continue  # "is expected", "were told": passive, the subject does not speak
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
