"""Reported speech: a clause attributed to a speaker by a cue, without quotation marks.

English news reports speech in a few layouts, each a rule here: ``X said (that) …``, ``…, X
said``, ``…, said X``, ``According to X, …``, ``…, according to X``, ``…, adding that …``, speech
acts whose object is what was said (``X called the plan a disaster``), and lines opening with a
speaker's label (``Mayor Lee: The bridge will reopen``). Each cue outside quotation marks is
tried against the rules in order; the first that matches gives the clause and the speaker phrase.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ...draft import Offsets
from ...lexicon.english import english
from ...rules import RuleBook
from .clauses import (
    MARKS,
    clause_end,
    clause_start,
    content_end,
    skip_adjuncts,
    skip_listener,
    strip_clause,
    subject_of,
    word_before,
)
from .cues import Cue
from .direct import sentence_subject
from .marks import SPACE
from .phrases import Phrase, classify, phrase_after, phrase_before
from .story import Attribution, Found, Story
from .words import words

__all__ = ["Line", "Report", "find_reports", "labels", "reports", "source_after"]

#: After ``, X said`` at most this many words of adjunct may close the sentence.
_ADJUNCT_WORDS = 12
#: Fewest words of a reported clause (a speech act's object may be one word: ``backed Lee``).
_MIN_WORDS = 3
#: The fewest words a labelled line must say: shorter ones are section headings
#: (``Kasich: Now or never``).
_LABEL_MIN_WORDS = 4
#: How far past ``according to`` its source may run.
_SOURCE_CHARS = 100
#: How far into a sentence a speaker's label may end with its colon.
_LABEL_CHARS = 50
_FIRST_WORD = regex.compile(r"[\w’']+")
_LABEL = regex.compile(r"[^:\n“”\"«»]{1,48}?:[ \t\u00a0]+(?=[^\s“”\"«»‘'])")


@dataclass(slots=True)
class Report:
    """One cue in its sentence: the context of the reported-speech rules."""

    story: Story
    cue: Cue
    lo: int
    """Start of the sentence."""
    hi: int
    """End of the sentence, final punctuation and closing marks left out."""
    _before: Phrase | bool | None = False

    @property
    def before(self) -> Phrase | None:
        """The speaker phrase right before the cue (read once per cue, and only when the word
        before the cue can end one)."""
        if self._before is False:
            ok = _may_end_phrase(self.story.text, self.cue.start)
            self._before = phrase_before(self.story, self.cue.start, self.lo) if ok else None
        assert not isinstance(self._before, bool)
        return self._before

    @property
    def subject(self) -> Phrase | None:
        """The cue's subject (see :func:`.clauses.subject_of`)."""
        return subject_of(self.story, self.cue, self.lo, self.before)

    def report(
        self, segments: list[Offsets], phrase: Phrase | None, rule: str, least: int = _MIN_WORDS
    ) -> Found | None:
        """The indirect quote of ``segments`` (cleaned), unless too short or inside a direct
        quote."""
        text = self.story.text
        clean = [strip_clause(text, s, e) for s, e in segments]
        clean = [x for x in clean if x[0] < x[1]]
        if not clean or sum(_words(text, s, e) for s, e in clean) < least:
            return None
        if any(self.story.in_direct(s, e) for s, e in clean):
            return None
        conf = _confidence(reports, rule)
        attribution = Attribution(phrase, (self.cue.start, self.cue.end), rule, conf)
        return Found("indirect", clean, attribution, conf)


_CONFIDENCE: dict[str, float] = {}


def _confidence(book: RuleBook[Line, Found] | RuleBook[Report, Found], name: str) -> float:
    """The confidence a rule of ``book`` gives its findings."""
    got = _CONFIDENCE.get(name)
    if got is None:
        got = _CONFIDENCE[name] = next(rule.confidence for rule in book if rule.name == name)
    return got


def _words(text: str, s: int, e: int) -> int:
    return len(text[s:e].split())


def _skip(text: str, pos: int, hi: int) -> int:
    while pos < hi and text[pos] in SPACE:
        pos += 1
    return pos


reports: RuleBook[Report, Found] = RuleBook("reported speech")


@reports.rule(
    "according to, clause",
    produces="indirect",
    confidence=0.8,
    example="According to the health ministry, three clinics were damaged in the storm.",
)
def _according_front(r: Report) -> Found | None:
    """``According to X, …``: the clause after the source's comma."""
    if not r.cue.sense.phrase:
        return None
    text = r.story.text
    if text[r.lo : r.cue.start].strip(SPACE + MARKS):
        return None
    phrase = source_after(r.story, r.cue.end, r.hi)
    if phrase is None:
        return None
    comma = text.find(",", phrase.end, min(r.hi, phrase.end + 60))
    if comma < 0:
        return None
    content = (comma + 1, content_end(r.story, comma + 1, r.hi))
    return r.report([content], phrase, "according to, clause")


@reports.rule(
    "clause, according to",
    produces="indirect",
    confidence=0.8,
    example="Three clinics were damaged in the storm, according to the health ministry.",
)
def _according_back(r: Report) -> Found | None:
    """``…, according to X``: the clause before the comma (or after the source, when one
    follows: ``The next day, according to X, the talks failed``)."""
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
    if (
        text[rest : rest + 1] == ","
        and _words(text, rest + 1, r.hi) >= _MIN_WORDS
        and not _describes_source(text, rest + 1, r.hi)
    ):
        content = (rest + 1, content_end(r.story, rest + 1, r.hi))
        return r.report([content], phrase, "clause, according to")
    return r.report([(r.lo, r.lo + len(before) - 1)], phrase, "clause, according to")


@reports.rule(
    "as speaker said, clause",
    produces="indirect",
    confidence=0.75,
    example="As the minister told reporters, the border will stay closed until spring.",
)
def _as_speaker_said(r: Report) -> Found | None:
    """``As X said, …``: the clause after the comma closing the attribution."""
    sense = r.cue.sense
    if not (sense.speech or sense.belief) or sense.form == "ing" or r.before is None:
        return None
    text = r.story.text
    opening = text[r.lo : r.before.start].strip(SPACE + MARKS)
    if opening not in ("As", "as", "But as", "And as"):
        return None
    toks = r.story.tokens(r.cue.end, min(r.hi, r.cue.end + 120))
    k = skip_adjuncts(toks, skip_listener(toks, 0) if sense.listener else 0)
    if k >= len(toks) or toks[k][2] != ",":
        return None
    start = toks[k][1]
    return r.report(
        [(start, content_end(r.story, start, r.hi))], r.before, "as speaker said, clause"
    )


def _describes_source(text: str, start: int, hi: int) -> bool:
    """Whether the words after the comma closing a source describe it (``according to X, who
    prosecuted …``, ``according to X, a former envoy``) rather than report a clause (``the``
    opens either: ``The next day, according to X, the talks failed``)."""
    m = _FIRST_WORD.search(text, start, hi)
    if m is None:
        return False
    low = m.group().lower()
    return low in words().relatives or low in ("a", "an")


def source_after(story: Story, start: int, hi: int) -> Phrase | None:
    """The source after ``according to``: a speaker phrase, else every word up to the next
    comma (``according to a count by the agency``, ``according to ouest-france.fr``)."""
    text = story.text
    start = _skip(text, start, hi)
    phrase = phrase_after(story, start, hi, loose=True)
    stops = (text.find(c, start, hi) for c in ',;:“”"')
    end = min((k for k in stops if k >= 0), default=hi)
    while end > start and text[end - 1] in SPACE + ".":
        end -= 1
    if not 2 <= end - start <= _SOURCE_CHARS or (phrase is not None and phrase.end >= end):
        return phrase
    last = text[start:end].split()[-1].lower()
    if phrase is not None and phrase.kind == "name":
        return Phrase(start, end, "name", phrase.head_start, phrase.head_end, last)
    return Phrase(start, end, "description", start, end, last)


def _tail_end(story: Story, pos: int, hi: int, listener: bool) -> int:
    """Where the words after an attribution that closes a sentence end, when they only
    complete it (an adjunct, a listener, an apposition: ``on Monday``, ``told the Journal``);
    -1 when a clause follows instead."""
    text = story.text
    toks = story.tokens(pos, min(hi, pos + 200))
    k = skip_listener(toks, 0) if listener else 0
    rest_start = toks[k][0] if k < len(toks) else hi
    rest = text[rest_start:hi].strip(SPACE)
    if not rest or rest[0] in ",(":
        return rest_start
    comma = rest.find(",")
    head = (rest if comma < 0 else rest[:comma]).split()
    if len(head) <= _ADJUNCT_WORDS and head[0].lower() in words().adjunct_starts:
        return hi if comma < 0 else rest_start + comma
    if k > 0 and comma < 0 and len(head) <= 3:
        return hi
    return -1


def _fronted(
    r: Report, phrase: Phrase, attribution_end: int, comma: int, rule: str, inverted: bool = False
) -> Found | None:
    """The report before an attribution (``…, X said``), and after it too when the sentence
    goes on (``The museum, X said, would make …``)."""
    text = r.story.text
    tail = _tail_end(r.story, attribution_end, r.hi, r.cue.sense.listener)
    if tail < 0:
        return None
    rest = text[tail : r.hi].lstrip(SPACE)
    if rest.startswith(","):
        after = r.hi - len(rest) + 1
        words_after = rest[1:].split()
        goes_on = len(words_after) >= 2 and words_after[0].lower() not in _NOT_GOING_ON
        if goes_on and not (inverted and _apposition_after(r.story, after, r.hi)):
            segments = [(r.lo, comma), (after, content_end(r.story, after, r.hi))]
            if _words(text, r.lo, comma) == 1:
                segments = segments[1:]  # "Instead, X said, …": a connective, not a report
            return r.report(segments, phrase, rule)
    return r.report([(r.lo, comma)], phrase, rule)


_NOT_GOING_ON = frozenset(["and", "but", "or", "which", "who"])


def _apposition_after(story: Story, pos: int, hi: int) -> bool:
    """``, a California Democrat`` / ``, who …``: an apposition after the speaker."""
    toks = story.tokens(pos, min(hi, pos + 60))
    if not toks:
        return True
    first = toks[0][2]
    cls = classify(first)
    return cls in ("det", "name", "title", "poss", "number") or first.lower() in words().relatives


@reports.rule(
    "clause, speaker said",
    produces="indirect",
    confidence=0.75,
    example="The convoy was stopped at the border, Ahmed Karim said on Monday.",
)
def _clause_speaker_cue(r: Report) -> Found | None:
    """``…, X said``: the clause before the comma that opens the attribution."""
    sense = r.cue.sense
    if not (sense.speech or sense.belief) or sense.form == "ing" or r.before is None:
        return None
    text = r.story.text
    before = text[r.lo : _coordinated_start(r.story, r.before.start, r.lo)].rstrip(SPACE)
    if not before.endswith(","):
        return None
    return _fronted(r, r.before, r.cue.end, r.lo + len(before) - 1, "clause, speaker said")


#: The most words a conjunct before ``and`` may have (``teachers and union officials``).
_CONJUNCT_WORDS = 4


def _coordinated_start(story: Story, start: int, lo: int) -> int:
    """Where a speaker phrase starting at ``start`` really starts when another conjunct stands
    before it (``…, teachers and union officials told POLITICO``)."""
    toks = story.tokens(max(lo, start - 60), start)
    if len(toks) < 2 or toks[-1][2] != "and":
        return start
    k = len(toks) - 1
    while k > 0 and len(toks) - 1 - k < _CONJUNCT_WORDS:
        cls = classify(toks[k - 1][2])
        if cls not in ("word", "noun", "generic", "name", "title", "det", "poss", "number"):
            break
        k -= 1
    return toks[k][0] if k < len(toks) - 1 else start


@reports.rule(
    "clause, said speaker",
    produces="indirect",
    confidence=0.75,
    example="The truce was broken twice overnight, said the army.",
)
def _clause_cue_speaker(r: Report) -> Found | None:
    """``…, said X``: the clause before the comma that opens the inverted attribution."""
    sense = r.cue.sense
    if not sense.speech or sense.form == "ing" or sense.lemma in words().never_inverted:
        return None
    text = r.story.text
    before = text[r.lo : r.cue.start].rstrip(SPACE)
    if not before.endswith(","):
        return None
    phrase = phrase_after(r.story, _skip(text, r.cue.end, r.hi), r.hi)
    if phrase is None:
        return None
    comma = r.lo + len(before) - 1
    return _fronted(r, phrase, phrase.end, comma, "clause, said speaker", inverted=True)


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
    phrase = r.subject
    if phrase is None:
        return None
    start = clause_start(r.story, r.cue, r.hi)
    if start < 0:
        return None
    content = (start, content_end(r.story, start, r.hi))
    return r.report([content], phrase, "speaker said clause")


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
    if not r.story.text[r.lo : r.cue.start].rstrip(SPACE).endswith(","):
        return None
    start = clause_start(r.story, r.cue, r.hi)
    if start < 0:
        return None
    phrase = _earlier_speaker(r) or sentence_subject(r.story, r.lo, r.cue.start)
    content = (start, content_end(r.story, start, r.hi))
    return r.report([content], phrase, "participle clause")


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
    """``X called the plan a disaster``, ``X urged Y to …``: the act's object is what was said.
    A base or ``-s`` form needs a clear subject (``the conference call`` is a noun)."""
    if not r.cue.sense.act or r.cue.sense.form == "ing":
        return None
    if _unreal(r):
        return None  # "would not reject any truce": an act not done reports nothing said
    phrase = r.subject
    if phrase is None or (phrase is not r.before and r.cue.sense.form != "past"):
        return None
    toks = r.story.tokens(r.cue.end, min(r.hi, r.cue.end + 120))
    k = skip_adjuncts(toks, 0)
    if k >= len(toks) or not toks[k][2][0].isalnum() or toks[k][2] in words().particles_after:
        return None  # "backed out", "announced on Friday."
    if toks[k][2] in words().negations:
        return None  # "asked not to be named": a request about the speaker, not a report
    if toks[k][2] == "to" and k + 1 < len(toks) and classify(toks[k + 1][2]) in _NOMINAL:
        return None  # "showed to the police": where it went, not what was said
    start = toks[k][0]
    return r.report([(start, content_end(r.story, start, r.hi))], phrase, "speech act", least=1)


_NOMINAL = frozenset(["det", "name", "poss", "title", "pronoun"])


def _unreal(r: Report) -> bool:
    """A negation or a modal verb among the two words before the cue."""
    eng = english()
    stop = words().negations | frozenset(eng.modals)
    before = r.story.tokens(max(r.lo, r.cue.start - 30), r.cue.start)[-2:]
    return any(t[2].lower() in stop for t in before)


# -- labelled lines ---------------------------------------------------------------------------


@dataclass(slots=True)
class Line:
    """A sentence that may open with a speaker's label: the context of :data:`labels`."""

    story: Story
    lo: int
    hi: int


labels: RuleBook[Line, Found] = RuleBook("speaker labels")


@labels.rule(
    "speaker colon line",
    produces="indirect",
    confidence=0.6,
    example="Mayor Lee: The bridge will reopen in spring.",
)
def _speaker_colon(line: Line) -> Found | None:
    """A name or description and a colon opening a headline or a transcript line, then what
    they said (``Mayor Lee: The bridge will reopen``, ``HOST: Thank you for coming``)."""
    story = line.story
    text = story.text
    m = _LABEL.match(text, line.lo, min(line.hi, line.lo + _LABEL_CHARS))
    if m is None:
        return None
    colon = text.rindex(":", m.start(), m.end())
    if text[line.lo : colon].strip().lower() in words().editorial_labels:
        return None
    phrase = phrase_before(story, colon, line.lo)
    if phrase is None or phrase.start != line.lo or phrase.kind == "pronoun":
        return None
    ps, pe = story.paragraph(line.lo)
    end = pe if ps == line.lo else line.hi
    start = m.end()
    if story.in_marks(start) or story.in_direct(start, end):
        return None
    content = strip_clause(text, start, clause_end(text, start, end))
    if _words(text, *content) < _LABEL_MIN_WORDS:
        return None
    conf = _confidence(labels, "speaker colon line")
    return Found("indirect", [content], Attribution(phrase, None, "speaker colon line", conf), conf)


# -- the driver --------------------------------------------------------------------------------


def _may_end_phrase(text: str, pos: int) -> bool:
    """Cheap test before reading a phrase: whether the word before ``pos`` can end a speaker
    phrase or stand between one and its cue (a name, a pronoun, a speaker noun, an adverb)."""
    k = pos
    while k > 0 and text[k - 1] in " \t\u00a0":
        k -= 1
    if k == 0:
        return False
    if not text[k - 1].isalpha():
        return text[k - 1] in ").,’'"
    word = word_before(text, pos)
    if not word or text[k - len(word)].isupper():
        return True
    return classify(word) != "word" or word.endswith(("ly", "s"))


def _passive(text: str, pos: int) -> bool:
    """Whether a form of *be* stands right before a cue, maybe with adverbs (``is often
    asked``): a passive, whose subject is not the speaker."""
    w = words()
    for word in reversed(text[max(0, pos - 40) : pos].lower().split()[-3:]):
        if word in w.be:
            return True
        if not (word in w.adverbs or word.endswith("ly")):
            return False
    return False


def _worth_trying(story: Story, cue: Cue, nouns_before: frozenset[str]) -> bool:
    """Cheap tests that rule a cue out: inside quotation marks or used by a direct quote, a
    noun or an infinitive (``the report``, ``to say``), a passive (``is expected``)."""
    sense = cue.sense
    if sense.direct_only or story.in_marks(cue.start) or cue.start in story.used_cues:
        return False
    if not sense.phrase and word_before(story.text, cue.start) in nouns_before:
        return False
    return not (sense.form in ("past", "participle") and _passive(story.text, cue.start))


def find_reports(story: Story) -> None:
    """Add the reported speech of every sentence to ``story.found``."""
    text = story.text
    w = words()
    nouns_before = w.determiners | w.possessives | w.prepositions
    for cue in story.cues:
        if not _worth_trying(story, cue, nouns_before):
            continue
        if story.draft.expired:
            return
        lo, hi = story.sentence(cue.start)
        if cue.end > hi:
            continue
        found = reports.first(Report(story, cue, lo, clause_end(text, lo, hi)))
        if found is not None:
            story.found.append(found[1])
    for lo, hi in story.sentences:
        if text.find(":", lo, min(hi, lo + _LABEL_CHARS)) < 0:
            continue  # no label: the common case, decided without the rules
        labelled = labels.first(Line(story, lo, hi))
        if labelled is not None:
            story.found.append(labelled[1])
