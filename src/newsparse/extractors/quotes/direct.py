"""Quotations in marks: which passages form one quote, who introduces it, direct or partial.

A quotation is **direct** when it is introduced (``X said: “…``, ``She added, “…``), opens its
sentence with the attribution after it (``“…,” said X``), or stands alone as a whole sentence
(it then continues an earlier speaker). A quotation inside a sentence that goes on around it is
an **embedded fragment**: it becomes a partial quote once the reported clause holding it is known
(:mod:`.reported`), unless the marks only name something (``the so-called “safe zone”``).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Literal

import regex

from ...draft import Offsets
from ...rules import RuleBook
from .cues import Cue
from .marks import SPACE, Passage
from .phrases import Phrase, classify, phrase_after, phrase_before, skip_listener
from .story import Attribution, Found, Story
from .words import words

__all__ = [
    "Fragment",
    "Lead",
    "Trail",
    "cue_speaker",
    "find_quotations",
    "intros",
    "sentence_subject",
    "trails",
    "verb_position",
]

#: How far after a closing mark an attribution may run (``,” said X, the head of Y, on Monday``).
TRAIL_WINDOW = 220
#: Tokens between a cue and the colon or comma introducing a quotation (``told reporters on
#: Monday:``).
_GAP_TOKENS = 12
#: Words a quotation opening its sentence needs to read as someone's words without an
#: attribution (fewer are names or scare quotes: ``“Fake news,” a term …``).
_SAID_WORDS = 5
#: Tokens between a cue and the comma and mark opening a quotation it introduces (``told
#: reporters on Monday, “…``).
_CLOSE_TOKENS = 6
#: Words of a speaker read loosely after a cue (``said one of two guards who …``).
_LOOSE_WORDS = 5
_DASHES = ("—", "–", "―", "--")
_ENDING = " \t.!?…)]”\"'’;"
_CLOSING_PUNCT = ",.!?…—–-:;"
_MARK_CHARS = "”\"’»'“"
_CLAUSE_WORDS = frozenset(["that", "if", "whether", "because"])
_TITLE_WORD = regex.compile(r"\p{Lu}|\d")


@dataclass(slots=True)
class Fragment:
    """Quoted words inside a sentence that goes on around them (a partial quote's pieces)."""

    passages: list[Passage]

    @property
    def segments(self) -> list[Offsets]:
        """The quoted words of each passage."""
        return [(p.content_start, p.content_end) for p in self.passages]


@dataclass(slots=True)
class Lead:
    """The words before a quotation in its sentence: ``[lo, open)``."""

    story: Story
    lo: int
    open: int

    @property
    def text(self) -> str:
        """The lead's text, trailing white space removed."""
        return self.story.text[self.lo : self.open].rstrip(SPACE)

    @property
    def end(self) -> int:
        """End of the lead without its trailing white space."""
        return self.lo + len(self.text)

    def last_cue(self, before: int) -> Cue | None:
        """The last cue of the lead starting before ``before``, outside quotation marks and
        where a verb stands (not ``secretary of state``, ``the report``)."""
        for cue in reversed(self.story.cues_in(self.lo, before)):
            if not self.story.in_marks(cue.start) and verb_position(self.story, cue):
                return cue
        return None


@dataclass(slots=True)
class Trail:
    """The words after a closing mark up to the end of its sentence: ``[close, hi)``."""

    story: Story
    close: int
    hi: int

    @property
    def start(self) -> int:
        """First position after the closing mark past commas and white space."""
        text = self.story.text
        pos = self.close
        while pos < self.hi and text[pos] in " \t\u00a0,":
            pos += 1
        return pos


# -- shared helpers -------------------------------------------------------------------------------


def _gap_ok(story: Story, start: int, end: int) -> bool:
    """Whether the words between a cue and an introducing ``:``/``,`` are only a listener, a
    name or an adjunct (``told reporters on Monday:``), not a clause."""
    toks = story.tokens(start, end)
    if len(toks) > _GAP_TOKENS:
        return False
    return not any(t[2].lower() in _CLAUSE_WORDS or t[2] in '“”"«»;' for t in toks)


def sentence_subject(story: Story, lo: int, hi: int) -> Phrase | None:
    """The subject of the clause that ends at ``hi`` (a cue): the last speaker phrase in
    ``[lo, hi)`` that opens a clause and is followed by a verb (``Mayor Ann Lee released the
    following statement:``, ``… so subdued that Mr. Trump was prompted to say``)."""
    toks = story.tokens(max(lo, hi - 300), hi)
    breaks = words().clause_breaks
    best: Phrase | None = None
    for k in range(len(toks)):
        if k > 0 and toks[k - 1][2].lower() not in breaks:
            continue
        j = k
        while j < len(toks) and classify(toks[j][2]) in ("conj", "adverb"):
            j += 1
        if j >= len(toks):
            break
        start = toks[j][0]
        phrase = phrase_after(story, start, hi)
        if phrase is not None and phrase.start == start and _predicate_follows(story, phrase, hi):
            best = phrase
    return best


def cue_speaker(story: Story, cue: Cue, lo: int, hi: int) -> Phrase | None:
    """Who a cue attributes to: the phrase before it (``X said``), after it (``said X``,
    ``according to X``), or for a participle the sentence's subject (``…, adding``)."""
    text = story.text
    sense = cue.sense
    if sense.phrase:
        return phrase_after(story, _skip_space(text, cue.end, hi), hi)
    sentence_start = story.sentence(cue.start)[0]
    before = phrase_before(story, cue.start, lo)
    if sense.form == "ing":
        # "footage of Trump saying, …" names its speaker; "…, saying" takes the subject's.
        named = before is not None and before.kind != "description"
        if named and before is not None and not _after_comma(text, before):
            return before
        return sentence_subject(story, sentence_start, cue.start)
    if before is not None:
        return before
    antecedent = _antecedent_of(story, cue.start, lo)
    if antecedent is not None:
        return antecedent  # "a message that said, …"
    if _after_coordinator(story, lo, cue.start):
        return sentence_subject(story, sentence_start, cue.start)  # "X confirmed and said, …"
    after = phrase_after(story, _skip_space(text, cue.end, hi), hi)
    if after is not None and _ends_phrase(text, after.end, hi):
        return after
    return None


_RELATIVES = ("that", "which", "who")


def _antecedent_of(story: Story, pos: int, lo: int) -> Phrase | None:
    """The phrase a relative pronoun right before ``pos`` stands for (``a message that``)."""
    toks = story.tokens(max(lo, pos - 30), pos)
    if not toks or toks[-1][2] not in _RELATIVES:
        return None
    end = toks[-1][0]
    while end > lo and story.text[end - 1] in SPACE + ",":
        end -= 1
    return phrase_before(story, end, lo) if end > lo else None


def verb_position(story: Story, cue: Cue) -> bool:
    """Whether a cue stands where a verb can (not after a determiner or a preposition)."""
    if cue.sense.phrase:
        return True
    toks = story.tokens(max(0, cue.start - 20), cue.start)
    if not toks:
        return True
    word = toks[-1][2]
    cls = classify(word)
    if cls == "prep":
        return word == "to" or cue.sense.form == "ing"  # "after saying", "to say"
    if word in _RELATIVES:
        return True  # "a message that said": a relative clause's verb
    return cls not in ("det", "poss")


def _after_comma(text: str, phrase: Phrase) -> bool:
    return text[max(0, phrase.start - 3) : phrase.start].rstrip(SPACE).endswith(",")


def _after_coordinator(story: Story, lo: int, pos: int) -> bool:
    """Whether a cue follows ``and``/``but`` (maybe with adverbs) or an infinitive ``to``: its
    subject is the sentence's (``X arrived and then said``, ``X was prompted to say``)."""
    toks = story.tokens(max(lo, pos - 40), pos)
    while toks and classify(toks[-1][2]) == "adverb":
        toks.pop()
    return bool(toks) and toks[-1][2] in ("and", "but", "to")


def _skip_space(text: str, pos: int, hi: int) -> int:
    while pos < hi and text[pos] in SPACE:
        pos += 1
    return pos


def _ends_phrase(text: str, pos: int, hi: int) -> bool:
    """Whether a phrase ending at ``pos`` ends its clause (punctuation, the end, an adjunct)."""
    rest = text[pos : min(hi, pos + 30)].lstrip(SPACE)
    if not rest or rest[0] in ",.;:!?)(—–":
        return True
    word = rest.split(None, 1)[0].lower()
    return word in words().adjunct_starts or word in ("who", "whose")


def _attribution(phrase: Phrase | None, cue: Cue | None, rule: str, conf: float) -> Attribution:
    return Attribution(phrase, (cue.start, cue.end) if cue else None, rule, conf)


# -- introductions before the opening mark --------------------------------------------------------

intros: RuleBook[Lead, Attribution] = RuleBook("quotation introductions")


@intros.rule(
    "colon after cue",
    produces="direct",
    confidence=0.9,
    example="Tomas Ruiz told reporters on Monday: “The harvest failed again.”",
)
def _colon_after_cue(lead: Lead) -> Attribution | None:
    """A cue, maybe a listener or an adjunct, then a colon: ``X said: “…``."""
    if not lead.text.endswith(":"):
        return None
    colon = lead.end - 1
    cue = lead.last_cue(colon)
    if cue is None or cue.sense.phrase or not _gap_ok(lead.story, cue.end, colon):
        return None
    phrase = cue_speaker(lead.story, cue, lead.lo, colon)
    return _attribution(phrase, cue, "colon after cue", 0.9)


@intros.rule(
    "colon after name",
    produces="direct",
    confidence=0.8,
    example="Pablo Reyes: “I will not sign anything.”",
)
def _colon_after_name(lead: Lead) -> Attribution | None:
    """A speaker phrase alone before a colon: ``Pablo Reyes: “…``."""
    if not lead.text.endswith(":"):
        return None
    colon = lead.end - 1
    phrase = phrase_before(lead.story, colon, lead.lo)
    if phrase is None or phrase.start != _skip_space(lead.story.text, lead.lo, colon):
        return None
    return Attribution(phrase, None, "colon after name", 0.8)


@intros.rule(
    "colon after clause",
    produces="direct",
    confidence=0.6,
    example="Mayor Clara Dunn released the following statement: “We will rebuild.”",
)
def _colon_after_clause(lead: Lead) -> Attribution | None:
    """Any clause ending in a colon: the sentence's subject speaks (``X released a statement:``)."""
    if not lead.text.endswith(":"):
        return None
    phrase = sentence_subject(lead.story, lead.lo, lead.end - 1)
    return Attribution(phrase, None, "colon after clause", 0.6)


@intros.rule(
    "comma after cue",
    produces="direct",
    confidence=0.9,
    example="She added, “We have waited long enough for this law.”",
)
def _comma_after_cue(lead: Lead) -> Attribution | None:
    """A cue, maybe a listener or an adjunct, then a comma: ``X told reporters, “…``,
    ``According to X, “…``."""
    if not lead.text.endswith(","):
        return None
    comma = lead.end - 1
    cue = lead.last_cue(comma)
    if cue is None:
        return None
    if cue.sense.phrase:
        phrase = phrase_after(lead.story, _skip_space(lead.story.text, cue.end, comma), comma)
        ok = phrase is not None and _skip_space(lead.story.text, phrase.end, comma) == comma
        return _attribution(phrase, cue, "comma after cue", 0.9) if ok else None
    if not _gap_ok(lead.story, cue.end, comma):
        return None
    phrase = cue_speaker(lead.story, cue, lead.lo, comma)
    return _attribution(phrase, cue, "comma after cue", 0.9)


@intros.rule(
    "cue before mark",
    produces="direct",
    confidence=0.8,
    example="Demonstrators chanted “Open the border now!” outside the ministry.",
)
def _cue_before_mark(lead: Lead) -> Attribution | None:
    """A cue that takes the quotation as its object: ``X said “…``, ``…, saying “…``."""
    cue = lead.last_cue(lead.open)
    if cue is None or not (cue.sense.bare_lead or cue.sense.participle):
        return None
    if cue.end != lead.end and not _listener_only(lead.story, cue.end, lead.end):
        return None
    phrase = cue_speaker(lead.story, cue, lead.lo, lead.open)
    return _attribution(phrase, cue, "cue before mark", 0.8) if phrase else None


def _listener_only(story: Story, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is only who was told (``reporters``, ``CNN``)."""
    gap = story.text[start:end].strip(SPACE)
    if not gap:
        return True
    if gap in words().listeners:
        return True
    toks = story.tokens(start, end)
    return (
        0 < len(toks) <= 3
        and classify(toks[-1][2]) == "name"  # "told CNN", not "said Trump’s"
        and all(classify(t[2]) in ("name", "poss") and t[2][0].isupper() for t in toks)
    )


# -- attributions after the closing mark ----------------------------------------------------------

trails: RuleBook[Trail, Attribution] = RuleBook("attributions after a quotation")


def _cue_at(trail: Trail, pos: int) -> Cue | None:
    for cue in trail.story.cues_in(pos, pos + 1):
        return cue
    return None


@trails.rule(
    "cue then speaker",
    produces="direct",
    confidence=0.9,
    example="“We will rebuild the bridge by spring,” said Maria Lopez.",
)
def _cue_then_speaker(trail: Trail) -> Attribution | None:
    """A cue right after the mark, then the speaker: ``,” said X``."""
    if not _punctuated(trail):
        return None
    cue = _cue_at(trail, trail.start)
    if cue is None or cue.sense.phrase or cue.sense.form == "ing":
        return None
    text = trail.story.text
    start = _skip_space(text, cue.end, trail.hi)
    phrase = phrase_after(trail.story, start, trail.hi)
    if phrase is None:
        # "said the designer, who …": any determiner and a few words closing the attribution
        phrase = phrase_after(trail.story, start, trail.hi, loose=True)
        if (
            phrase is None
            or len(text[phrase.start : phrase.end].split()) > _LOOSE_WORDS
            or not _ends_phrase(text, phrase.end, trail.hi)
        ):
            return None
    if _verb_follows(trail.story, phrase.end, trail.hi):
        return None
    return _attribution(phrase, cue, "cue then speaker", 0.9)


def _punctuated(trail: Trail) -> bool:
    """Whether punctuation closes the quoted words before their attribution, inside or right
    after the mark (``“…,” said X``, ``“…”, said X``); quoted words running straight into a
    verb are its subject (``“Blue Harbour Grill” proclaims the sign``)."""
    text = trail.story.text
    k = trail.close
    while k > 0 and (text[k - 1] in _MARK_CHARS or text[k - 1] in SPACE):
        k -= 1  # past the marks (and the spaces of tokenised text: `` , " he said``)
    before = text[k - 1 : k]
    after = text[trail.close : trail.close + 2].strip(SPACE)[:1]
    return before in _CLOSING_PUNCT or after in (",", "—", "–", "-")


def _opens_aside(lead: str) -> bool:
    """Whether the words before a quotation end by opening an aside, a bracket or a spaced
    dash (``the reaction — “…,” one aide said — was``): the quotation starts a clause there."""
    return lead.endswith("(") or (lead[-1:] in "—–-" and lead[-2:-1] in SPACE)


def _verb_follows(story: Story, pos: int, hi: int) -> bool:
    """Whether a verb follows a phrase (``said Smith was …``: Smith is no speaker then)."""
    toks = story.tokens(pos, min(hi, pos + 40))
    if not toks:
        return False
    word, at = toks[0][2], toks[0][0]
    if classify(word) == "adverb" or word == "that":
        return True
    # a participle after a phrase describes it ("the base chief known as Bob")
    return any(c.sense.form != "participle" for c in story.cues_in(at, at + 1))


def _predicate_follows(story: Story, phrase: Phrase, hi: int) -> bool:
    """Whether a phrase is followed by its verb (or by the cue at ``hi``)."""
    toks = story.tokens(phrase.end, min(hi, phrase.end + 40))
    if not toks:
        return True  # the phrase runs up to the cue itself
    word = toks[0][2]
    if _verb_follows(story, phrase.end, hi):
        return True
    lower_word = classify(word) == "word" and word[0].islower()
    return lower_word and word.lower() not in words().prepositions


@trails.rule(
    "speaker then cue",
    produces="direct",
    confidence=0.9,
    example="“The talks are over,” Amir Haddad, the head of the delegation, told reporters.",
)
def _speaker_then_cue(trail: Trail) -> Attribution | None:
    """The speaker right after the mark, then a cue: ``,” X said``, ``,” he added``, ``,” X,
    the head of Y, said``, ``,” one shopper wrote``."""
    if not _punctuated(trail):
        return None
    text = trail.story.text
    story = trail.story
    cues = [c for c in story.cues_in(trail.start + 1, trail.hi) if _closes_trail(story, c)]
    if not cues:
        return None
    phrase = phrase_after(trail.story, trail.start, cues[0].start, loose=True)
    if phrase is None or phrase.end < cues[0].start - 1:
        phrase = _words_before(story, trail.start, cues[0].start) or phrase
    if phrase is None or phrase.start != trail.start:
        return None
    pos = _past_parenthesis(text, phrase.end, trail.hi)
    for cue in cues:
        if cue.start < pos:
            continue
        if _only_apposition(text, pos, cue.start):
            return _attribution(phrase, cue, "speaker then cue", 0.9)
        if "," not in text[pos : cue.start]:
            return None  # a cue outside any apposition: the attribution is not there
    return None


#: Tokens of a description read whole between a quotation and its cue.
_DESCRIPTION_TOKENS = 8
_DESCRIPTION_CLASSES = frozenset(
    ["det", "number", "poss", "name", "title", "noun", "generic", "word", "dot", "prep"]
)


def _words_before(story: Story, start: int, end: int) -> Phrase | None:
    """All the words between a quotation and its cue as a description of the speaker, when
    they read as one noun phrase (``,” the progressive heavyweights wrote``, ``,” a staffer in
    the room wondered``): a few words opened by a determiner or a name, no punctuation, no
    verb; the head is the word before the first preposition, else the last."""
    toks = story.tokens(start, end)
    if not toks or len(toks) > _DESCRIPTION_TOKENS:
        return None
    if classify(toks[0][2]) not in ("det", "number", "poss", "name", "title"):
        return None
    head = len(toks) - 1
    for k, (_, _, word) in enumerate(toks):
        cls = classify(word)
        if cls not in _DESCRIPTION_CLASSES or (cls == "word" and _verb_like(word)):
            return None
        if cls == "prep" and head == len(toks) - 1:
            head = k - 1
    if head < 1 or classify(toks[head][2]) in ("det", "prep", "poss", "dot"):
        return None
    word = toks[head][2]
    kind: Literal["name", "description"] = "name" if classify(word) == "name" else "description"
    first = toks[0][2].lower()
    return Phrase(
        toks[0][0],
        toks[-1][1],
        kind,
        toks[0][0] if kind == "description" else toks[head][0],
        toks[head][1],
        word.lower(),
        definite=first in ("the", "this", "that"),
    )


def _verb_like(word: str) -> bool:
    return (len(word) > 3 and word.endswith("ed")) or word in words().cues


def _closes_trail(story: Story, cue: Cue) -> bool:
    """Whether a cue can close an attribution after a quotation: a finite verb, not a noun
    (``,” the report concluded``: ``report`` is no cue there)."""
    return not cue.sense.phrase and cue.sense.form != "ing" and verb_position(story, cue)


def _past_parenthesis(text: str, pos: int, hi: int) -> int:
    """Past a parenthesis right after a name (`` (D-Ohio)``)."""
    k = _skip_space(text, pos, hi)
    if k < hi and text[k] == "(":
        close = text.find(")", k, min(hi, k + 40))
        if close > 0:
            return close + 1
    return pos


def _only_apposition(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is only adverbs, or an apposition set off by commas and then
    adverbs (``, the head of the delegation, also``)."""
    gap = text[start:end]
    if len(gap) > 160 or any(ch in gap for ch in ';“”"«»\n'):
        return False
    stripped = gap.strip(SPACE)
    if stripped.startswith(","):
        comma = gap.rfind(",")
        if comma <= gap.find(","):
            return False
        stripped = gap[comma + 1 :].strip(SPACE)
    return all(classify(t) == "adverb" or t.endswith("ly") for t in stripped.split())


@trails.rule(
    "according to after",
    produces="direct",
    confidence=0.85,
    example="“The funds never arrived,” according to Samuel Osei.",
)
def _according_to_after(trail: Trail) -> Attribution | None:
    """``,” according to X``."""
    cue = _cue_at(trail, trail.start)
    if cue is None or not cue.sense.phrase:
        return None
    text = trail.story.text
    phrase = phrase_after(trail.story, _skip_space(text, cue.end, trail.hi), trail.hi)
    return _attribution(phrase, cue, "according to after", 0.85) if phrase else None


@trails.rule(
    "dash then speaker",
    produces="direct",
    confidence=0.7,
    example="“The river is rising faster than anyone remembers.” — Keiko Tanaka",
)
def _dash_then_speaker(trail: Trail) -> Attribution | None:
    """A dash and a name after the mark: ``” — X``."""
    text = trail.story.text
    pos = trail.close
    while pos < trail.hi and text[pos] in " \t\u00a0.,":
        pos += 1
    dash = next((d for d in _DASHES if text.startswith(d, pos)), None)
    if dash is None:
        return None
    phrase = phrase_after(trail.story, _skip_space(text, pos + len(dash), trail.hi), trail.hi)
    if phrase is None or phrase.kind != "name" or not _ends_phrase(text, phrase.end, trail.hi):
        return None
    return Attribution(phrase, None, "dash then speaker", 0.7)


@trails.rule(
    "cue later in sentence",
    produces="direct",
    confidence=0.6,
    example="“We are done,” and with that Ines Duarte told the crowd to go home.",
)
def _cue_later(trail: Trail) -> Attribution | None:
    """A quotation ending in a comma or a question mark, then a sentence with a cue: the cue's
    speaker (``“…,” X, who …, told them``)."""
    text = trail.story.text
    last = text[max(0, trail.close - 4) : trail.close].rstrip("”\"'’» ")[-1:]
    if last not in (",", "?", "!"):
        return None
    for cue in trail.story.cues_in(trail.start, trail.hi):
        if trail.story.in_marks(cue.start) or cue.sense.phrase:
            continue
        phrase = cue_speaker(trail.story, cue, trail.start, trail.hi)
        return _attribution(phrase, cue, "cue later in sentence", 0.6) if phrase else None
    return None


# -- finding and classifying quotations -----------------------------------------------------------


class _Finder:
    """Groups the passages of one article and classifies each group."""

    def __init__(self, story: Story) -> None:
        self.story = story
        self.text = story.text
        self.fragments: list[Fragment] = []
        self._trails: dict[tuple[int, int], Attribution | None] = {}

    def trail_of(self, close: int, limit: int) -> Attribution | None:
        """The attribution after a closing mark, within its sentence, or a sentence of its own
        after a question or an exclamation (``“Why now?” Lee asked.``)."""
        key = (close, limit)
        if key not in self._trails:
            self._trails[key] = self._trail_of(close, limit)
        return self._trails[key]

    def _trail_of(self, close: int, limit: int) -> Attribution | None:
        story = self.story
        k = story.sentence_index(max(0, close - 1))
        hi = story.sentences[k][1]
        if hi > close + 1:
            hi = min(hi, limit, close + TRAIL_WINDOW)
            found = trails.first(Trail(story, close, hi))
            return found[1] if found else None
        if k + 1 >= len(story.sentences):
            return None
        s, e = story.sentences[k + 1]
        if s - close > 3:
            return None
        trail = Trail(story, close, min(e, limit, close + TRAIL_WINDOW))
        if self._dash_follows(s):
            found = trails.first(trail)  # "“…” — Keiko Tanaka"
            return found[1] if found else None
        if self.text[max(0, close - 3) : close].rstrip("”\"'’» ")[-1:] not in ("?", "!"):
            return None
        for rule in (_speaker_then_cue, _cue_then_speaker):
            found_here = rule(trail)
            if found_here is not None and _short_sentence(story, found_here, trail.hi):
                return found_here  # "“Why now?” Lee asked."
        return None

    def _dash_follows(self, pos: int) -> bool:
        return any(self.text.startswith(d, pos) for d in _DASHES)

    def joins(self, group: list[Passage], nxt: Passage, after: int) -> bool:
        """Whether ``nxt`` continues the quotation ``group``: glued to it, after the attribution
        interrupting it, or in the next paragraph; never when ``nxt`` has an attribution of its
        own (``after`` is where the passage after ``nxt`` opens)."""
        last = group[-1]
        if nxt.continues and not last.closed:
            return True
        story = self.story
        if story.paragraph_index(last.close) != story.paragraph_index(nxt.open):
            return False
        if not self._opens_sentence(group[0]):
            return False
        if last.close == nxt.open:
            return True  # glued: …”“…
        if self.trail_of(nxt.close, after) is not None:
            return False  # the next passage has its own attribution
        if not self.text[last.close : nxt.open].strip(SPACE):
            return True
        attribution = self.trail_of(last.close, nxt.open)
        if attribution is None or attribution.phrase is None:
            return False
        end = attribution.phrase.end
        if attribution.cue is not None:
            end = max(end, attribution.cue[1])
        return _attribution_rest(story, end, nxt.open)

    def _opens_sentence(self, p: Passage) -> bool:
        lo = self.story.sentence(p.open)[0]
        lead = self.text[lo : p.open].strip(SPACE)
        return not lead or lead[-1] in ":,—–-(" or lead in _DASHES

    def groups(self) -> list[list[Passage]]:
        """The article's passages grouped into quotations."""
        out: list[list[Passage]] = []
        passages = self.story.passages
        for k, p in enumerate(passages):
            after = passages[k + 1].open if k + 1 < len(passages) else len(self.text)
            if out and self.joins(out[-1], p, after):
                out[-1].append(p)
            else:
                out.append([p])
        return out

    def classify(self, group: list[Passage], prev_close: int, next_open: int) -> None:
        """Record one group as a direct quote, an embedded fragment, or nothing."""
        story = self.story
        first, last = group[0], group[-1]
        lo = max(story.sentence(first.open)[0], prev_close)
        lead = Lead(story, lo, first.open)
        segments = _segments(self.text, group)
        if not segments:
            return
        trail = self._mid_trail(group) or self.trail_of(last.close, next_open)
        ends = self._ends_sentence(last, next_open)
        lead_text = lead.text.strip(SPACE)
        if not lead_text or lead_text in _DASHES or lead_text == "(":
            attribution = trail or self._colon_before(first.open)
            if attribution is not None:
                self._direct(segments, attribution)
            elif (ends or self._reads_as_said(segments)) and not self._names_only(group, lead):
                self._alone(segments, group)
            elif not ends:
                self._embedded(group, lead)
            return
        if trail is not None and trail.cue is not None and _opens_aside(lead_text):
            self._direct(segments, trail)  # "… (“I want out,” wrote one reader) …"
            return
        intro = intros.first(lead)
        if (
            intro is not None
            and self._introduced(intro[0].name, intro[1], segments, ends, trail)
            and (intro[0].name != "cue before mark" or not self._names_only(group, lead))
        ):
            attribution = intro[1]
            if attribution.cue is None and trail is not None and trail.cue is not None:
                # "Her verdict: “…,” she said." — a reporting verb names the speaker; the
                # subject of a clause before a colon is only a guess
                attribution = trail
            self._direct(segments, attribution)
            return
        self._embedded(group, lead)

    def _colon_before(self, pos: int) -> Attribution | None:
        """The introduction of a quotation opening its sentence right after a sentence ending
        in a colon (``X released the following statement:`` and a new paragraph)."""
        story = self.story
        k = story.sentence_index(pos)
        if k == 0:
            return None
        s, e = story.sentences[k - 1]
        if story.text[e - 1 : e] != ":" or story.text[e:pos].strip(SPACE):
            return None
        found = intros.first(Lead(story, max(s, e - TRAIL_WINDOW), pos))
        return found[1] if found else None

    def _introduced(
        self,
        rule: str,
        intro: Attribution,
        segments: list[Offsets],
        ends: bool,
        trail: Attribution | None,
    ) -> bool:
        """Whether an introduced quotation is direct: it ends its sentence, has its own
        attribution, follows a colon, or reads as a sentence of its own (``joked, “You’re
        being ridiculous,” drawing jeers``); else it is a fragment of the sentence."""
        text = self.text
        last = text[segments[-1][1] - 1]
        upper = text[segments[0][0]].isupper()
        if rule == "cue before mark":
            # "X said “I saw nothing,” she said." repeats the attribution after a whole quote
            return upper and (ends or last in ".!?" or (trail is not None and last == ","))
        if rule == "comma after cue" and not upper and trail is None and self._spoken(intro):
            # a quoted sentence opens with a capital; a lowercase one finishes the reporter's
            # sentence (``That, the board said, “would be unwise.”``): a fragment
            return False
        if ends or trail is not None or rule.startswith("colon"):
            return True
        if (
            rule == "comma after cue"
            and upper
            and self._close_to_cue(intro, segments[0][0])
            and self._set_off(segments[-1][1])
        ):
            return True  # "He said, “Donald Trump will build the wall” - at which point …"
        return last in ",!?" or (last == "." and upper)

    def _spoken(self, intro: Attribution) -> bool:
        """Whether an introduction's cue is a verb of speech (``said``, not ``shows``)."""
        if intro.cue is None:
            return False
        return any(c.sense.speech for c in self.story.cues_in(intro.cue[0], intro.cue[0] + 1))

    def _set_off(self, end: int) -> bool:
        """Whether a dash, a comma or a bracket follows the quoted words (their sentence
        goes on around them, not through them: ``“…” from the ministry`` is a fragment)."""
        k = end
        text = self.text
        while k < len(text) and k < end + 3 and text[k] in "”\"’»' ":
            k += 1
        return text[k : k + 1] in ("-", "—", "–", ",", ";", "(")

    def _close_to_cue(self, intro: Attribution, start: int) -> bool:
        """Whether at most a listener or an adjunct of a few words stands between the cue and
        the quotation (``told reporters, “…``), not a clause (``said she can't tell why the
        book, “…``)."""
        if intro.cue is None:
            return False
        return len(self.story.tokens(intro.cue[1], start)) <= _CLOSE_TOKENS

    def _reads_as_said(self, segments: list[Offsets]) -> bool:
        """Whether a quotation opening its sentence with no attribution found reads as
        someone's words: a few words or more closed by their own punctuation inside the marks
        (``“They are not coming back,” the man by the gate``), not a scare quote."""
        text = self.text
        s, e = segments[0][0], segments[-1][1]
        if text[e - 1] not in ",!?" or not text[s].isupper():
            return False
        return sum(len(text[a:b].split()) for a, b in segments) >= _SAID_WORDS

    def _mid_trail(self, group: list[Passage]) -> Attribution | None:
        """The attribution interrupting a quotation (``“…,” he said, “…”``)."""
        for p, q in itertools.pairwise(group):
            if q.open - p.close > 1:
                found = self.trail_of(p.close, q.open)
                if found is not None:
                    return found
        return None

    def _ends_sentence(self, last: Passage, next_open: int) -> bool:
        """Whether nothing but punctuation follows the quotation in its sentence."""
        s1 = self.story.sentence(max(0, last.close - 1))[1]
        hi = min(s1, next_open) if s1 > last.close else last.close
        return not self.text[last.close : hi].strip(_ENDING + "—–-,:")

    def _names_only(self, group: list[Passage], lead: Lead) -> bool:
        """Whether the marks only name something: a title in capitals, a word after
        ``so-called``/``known as``."""
        if _after_naming_cue(self.text, lead):
            return True
        body = self.text[group[0].content_start : group[-1].content_end]
        return _title_like(body)

    def _direct(self, segments: list[Offsets], attribution: Attribution) -> None:
        if attribution.cue is not None:
            self.story.used_cues.add(attribution.cue[0])
        self.story.found.append(Found("direct", segments, attribution, attribution.confidence))
        self.story.add_direct(segments)

    def _alone(self, segments: list[Offsets], group: list[Passage]) -> None:
        conf = 0.6 if all(p.closed for p in group) else 0.4
        self.story.found.append(Found("direct", segments, None, conf, stands_alone=True))
        self.story.add_direct(segments)

    def _embedded(self, group: list[Passage], lead: Lead) -> None:
        if self._names_only(group, lead):
            return
        self.fragments.append(Fragment(list(group)))


def _short_sentence(story: Story, attribution: Attribution, hi: int) -> bool:
    """Whether nothing but an adjunct follows an attribution standing as its own sentence."""
    end = attribution.phrase.end if attribution.phrase else 0
    cue = attribution.cue
    if cue is not None and cue[1] > end:
        end = cue[1]
        if any(c.sense.listener for c in story.cues_in(cue[0], cue[0] + 1)):
            toks = story.tokens(end, min(hi, end + 80))
            k = skip_listener(toks, 0)
            end = toks[k - 1][1] if k > 0 else end  # past the listener: "told ITV"
    rest = story.text[end:hi].strip(SPACE + ".")
    if not rest or rest[0] in ",(" or len(rest.split()) <= 4:
        return True
    return rest.split(None, 1)[0].lower() in words().adjunct_starts  # "in an interview"


def _attribution_rest(story: Story, start: int, end: int) -> bool:
    """Whether the words after an attribution and before the next quotation only complete it
    (an adjunct, an apposition: ``, the head of the union.``), with no cue of their own."""
    rest = story.text[start:end]
    if not rest.strip(SPACE + ",.:;—–"):
        return True
    stripped = rest.rstrip(SPACE)
    if len(rest) > 160 or stripped[-1:] not in (",", ".", ":", ";", "—"):
        return False
    if story.sentence(start)[1] < start + len(stripped) - 1:
        return False  # a sentence of narration stands between the two passages
    return not story.cues_in(start, end) and not any(ch in rest for ch in '“”"«»\n')


def _skip_adjunct(rest: str) -> str:
    """``rest`` without a leading adjunct (`` on Monday``, `` in a statement``)."""
    stripped = rest.lstrip(SPACE)
    first = stripped.split(" ", 1)[0].lower() if stripped else ""
    if first in words().adjunct_starts:
        cut = min((stripped.find(c) for c in ",.:;" if c in stripped), default=-1)
        return stripped[cut:] if cut >= 0 else ""
    return rest


def _segments(text: str, group: list[Passage]) -> list[Offsets]:
    out = []
    for p in group:
        s, e = p.content_start, p.content_end
        while s < e and text[s] in SPACE:
            s += 1
        while e > s and text[e - 1] in SPACE:
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def _after_naming_cue(text: str, lead: Lead) -> bool:
    """Whether a naming word stands right before the mark (``so-called “…``)."""
    tail = text[max(lead.lo, lead.open - 30) : lead.open].rstrip(SPACE).lower()
    return any(tail.endswith(cue) for cue in words().naming_cues)


def _title_like(body: str) -> bool:
    """Whether quoted words read as a title or name: every word capitalised but small ones
    (``“State of the Union.”``, ``“Related:”``)."""
    stripped = body.strip(SPACE).rstrip(".,:;")
    if not stripped or stripped[-1] in "!?":
        return False
    small = words().title_small_words
    parts = [w.strip(".,;:!?()[]\"'“”‘’") for w in stripped.split()]
    parts = [w for w in parts if w]
    return bool(parts) and all(_TITLE_WORD.match(w) or w in small for w in parts)


def find_quotations(story: Story) -> list[Fragment]:
    """Add the article's direct quotes to ``story.found``; return its embedded fragments."""
    finder = _Finder(story)
    groups = finder.groups()
    prev_close = 0
    for k, group in enumerate(groups):
        next_open = groups[k + 1][0].open if k + 1 < len(groups) else len(story.text)
        finder.classify(group, prev_close, next_open)
        prev_close = group[-1].close
    return finder.fragments
