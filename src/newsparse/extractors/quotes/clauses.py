"""Where reported clauses start and end, and who their subject is.

A cue reports the clause after it (``said (that) …``) past a listener and adjuncts (``told
reporters on Monday that``); the clause ends where the narrator takes over again (``; ``, a
dash, ``, but …``, ``, who …``, another attribution). Before a cue stands its subject: a speaker
phrase opening a clause, the antecedent of a relative pronoun (``voters who said``), the
sentence's subject for a coordinated verb (``X arrived and said``), or a few words opening the
clause (``Thirty-one percent of those surveyed say``).
"""

from __future__ import annotations

from functools import cache

import regex

from ...draft import Offsets
from .cues import Cue
from .direct import sentence_subject
from .marks import SPACE
from .phrases import (
    CLAUSE_EDGES,
    LISTENER_TOKENS,
    Phrase,
    Token,
    classify,
    list_start,
    phrase_before,
    skip_listener,
)
from .story import Story
from .words import words

__all__ = [
    "MARKS",
    "clause_end",
    "clause_start",
    "content_end",
    "skip_adjuncts",
    "skip_listener",
    "skip_time",
    "strip_clause",
    "subject_of",
    "word_before",
]

MARKS = "\"“”«»„‘’'"
_TRIM = SPACE + ",;:—–-"
#: Tokens of an adjunct between a cue and its clause (``on a visit to Paris``).
_ADJUNCT_TOKENS = 6
#: Words of a run opening a clause that may describe a speaker (``Most voters in the state``).
_OPENING_TOKENS = 12
#: A clause is not cut in its first characters (``that, in fact, …``).
_MIN_CLAUSE_CHARS = 12


@cache
def _cuts() -> regex.Pattern[str]:
    """Where the narrator takes over inside a sentence, built from the word lists."""
    w = words()
    return regex.compile(
        r";|\s[—–]\s"
        r"|,\s+(?:\L<narrator>)\s"
        r"|,\s+(?P<rel>\L<relatives>)\s"
        r"|,\s+(?=\p{Ll}+ing\s)"
        r"|,\s+(?=an?\s)"
        r"|,\s+and\s+(?=(?:\L<subjects>|\p{Lu}\p{Ll}*)\s)",
        narrator=list(w.narrator_openers),
        relatives=[r for r in w.relatives if r.startswith("wh")],
        subjects=[*w.pronouns, "the", "a", "an"],
    )


@cache
def _subordinate() -> regex.Pattern[str]:
    """A sentence opening with a subordinate clause (``When X said …, Y replied``)."""
    subordinators = [s[0].upper() + s[1:] for s in words().subordinators]
    return regex.compile(r"[\"“]?\L<sub>\s", sub=subordinators)


def _fronted_adjunct(story: Story, lo: int, start: int) -> bool:
    """Whether the clause at ``start`` lies inside a subordinate clause or prepositional phrase
    opening the sentence (``When X said …,``, ``Among voters who said …,``): no comma before it."""
    text = story.text
    if "," in text[lo:start]:
        return False
    if _subordinate().match(text, lo, start):
        return True
    first = text[lo : min(start, lo + 20)].split(" ", 1)[0]
    return first.lower() in words().prepositions and first[:1].isupper()


def word_before(text: str, pos: int) -> str:
    """The word ending just before ``pos`` (past white space), in lower case."""
    end = pos
    while end > 0 and text[end - 1] in " \t\u00a0":
        end -= 1
    start = end
    while start > 0 and start > end - 20 and text[start - 1].isalpha():
        start -= 1
    return text[start:end].lower()


def clause_end(text: str, lo: int, hi: int) -> int:
    """``hi`` without the sentence's final punctuation and closing marks (a mark closing a
    quoted fragment inside the clause stays)."""
    while hi > lo and text[hi - 1] in ' \t\r\n\u00a0.!?;:,”"’»)':
        if text[hi - 1] in '”"’»' and _opened(text, lo, hi - 1):
            break
        hi -= 1
    return hi


def _opened(text: str, lo: int, hi: int) -> bool:
    seg = text[lo:hi]
    return "“" in seg or seg.count('"') % 2 == 1 or "«" in seg or "‘" in seg


def strip_clause(text: str, s: int, e: int) -> Offsets:
    """A clause without edge spaces, punctuation and opening marks."""
    while s < e and text[s] in _TRIM + MARKS:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    return s, e


def content_end(story: Story, start: int, end: int) -> int:
    """Where a clause reported forwards from ``start`` ends, at the latest ``end``: before
    ``; ``, a dash, a narrator's ``, but …``, a relative clause of the narrator (``, who …``
    not closed by a comma), the comma closing a fronted subordinate clause (``When X said …,
    Y replied``), or another attribution (``…, she said``, ``… and warned``)."""
    text = story.text
    if end - start <= _MIN_CLAUSE_CHARS:
        return end
    floor = start + _MIN_CLAUSE_CHARS
    lo = story.sentence(start)[0]
    if _fronted_adjunct(story, lo, start):
        comma = text.find(",", floor, end)
        if comma > 0:
            return comma
    for m in _cuts().finditer(text, floor, end):
        if m.group("rel") and text.find(",", m.end(), end) >= 0:
            continue  # a relative clause set off by commas inside the report
        end = m.start()
        break
    return _before_next_attribution(story, start, floor, end)


def _before_next_attribution(story: Story, start: int, floor: int, end: int) -> int:
    text = story.text
    for cue in story.cues_in(floor, end):
        if story.in_marks(cue.start):
            continue
        if text[max(start, cue.start - 5) : cue.start] == " and ":
            return cue.start - 5  # "… and warned that …": a second report of the speaker
        if not cue.sense.speech or cue.sense.form == "ing":
            continue
        if text[max(start, cue.start - 2) : cue.start] == ", ":
            return cue.start - 2  # "…, said X": an attribution after the clause
        if "," not in text[max(start, cue.start - 80) : cue.start]:
            continue  # no comma for an attribution to follow
        phrase = phrase_before(story, cue.start, start)
        if (
            phrase is not None
            and not text[phrase.end : cue.start].strip(SPACE)
            and text[start : phrase.start].rstrip(SPACE).endswith(",")
        ):
            return text.rindex(",", start, phrase.start)
    return end


# -- after a cue ----------------------------------------------------------------------------------


def clause_start(story: Story, cue: Cue, hi: int) -> int:
    """Where the clause a cue reports starts: past a listener (``told reporters``, ``suggested
    to me``), adjuncts (``on Monday``, ``in a statement``) and a comma; at ``that`` when it
    comes; -1 when no clause follows."""
    w = words()
    toks = story.tokens(cue.end, min(hi, cue.end + 200))
    k = 0
    if cue.sense.listener:
        that = listener_then_that(toks, 0)
        if that >= 0:
            return toks[that][0]
        k = skip_listener(toks, 0)
    elif len(toks) > 1 and toks[0][2] == "to" and _listener_word(toks[1][2]):
        k = max(2, skip_listener(toks, 1))  # "complained to CBS News that"
    k = _past_titled_listener(toks, k)
    skipped = skip_adjuncts(toks, k)
    if k < skipped < len(toks) and toks[skipped][2] == ",":
        skipped += 1  # "said on Monday, in a statement, that …"
    k = skipped
    if k >= len(toks):
        return -1
    word = toks[k][2]
    low = word.lower()
    if low in w.clause_openers:
        return toks[k][0]
    after = toks[k + 1][2] if k + 1 < len(toks) else ""
    # "said at least …", "said much of the work was done" (not "said much about …")
    quantity = (low == "at" and after in ("least", "most")) or (low == "much" and after == "of")
    if not quantity and (
        not cue.sense.thatless or low in w.not_clause_starts or low in w.adjunct_starts
    ):
        return -1
    if cue.sense.lemma in w.object_verbs and not _reads_as_clause(story, toks, k):
        return -1  # "agreed a 48-hour truce", "claimed responsibility": an object, no clause
    return toks[k][0] if word[0].isalnum() or word in '“"' else -1


#: Tokens looked through for the verb of a clause reported without ``that``.
_CLAUSE_VERB_TOKENS = 8


def _reads_as_clause(story: Story, toks: list[Token], k: int) -> bool:
    """Whether the words at ``toks[k]`` read as a clause (a subject pronoun, or an auxiliary,
    a negation or a past form before the next punctuation), not a noun phrase."""
    w = words()
    if toks[k][2].lower() in w.pronouns:
        return True
    for j in range(k + 1, min(len(toks), k + _CLAUSE_VERB_TOKENS)):
        word = toks[j][2]
        low = word.lower()
        if not word[0].isalnum():
            return False
        if low in w.auxiliaries or low in w.negations or low in w.be:
            return True
        if word.islower() and len(word) > 3 and word.endswith("ed"):
            return True
        if any(c.sense.form == "past" for c in story.cues_in(toks[j][0], toks[j][0] + 1)):
            return True  # "said", "thought", "knew"
    return False


def _past_titled_listener(toks: list[Token], k: int) -> int:
    """Past a listener named with a quoted title (``told CBS’s “Face the Nation” that``), when
    ``that`` follows it."""
    if k >= len(toks) or classify(toks[k][2]) not in ("name", "poss"):
        return k
    for j in range(k + 1, min(len(toks), k + 12)):
        word = toks[j][2]
        if word == "that":
            return j
        if not (word in '“”"' or word[0].isupper() or classify(word) in ("det", "prep", "poss")):
            return k
    return k


def _listener_word(word: str) -> bool:
    return classify(word) in ("name", "noun", "generic") or word in words().listeners


def listener_then_that(toks: list[Token], k: int) -> int:
    """Index of ``that`` when only a listener's words stand before it (``told The Post and
    Courier newspaper of Charleston on Saturday that``), else -1."""
    w = words()
    allowed = ("name", "title", "poss", "det", "prep", "dot", "noun", "generic")
    for j in range(k, min(len(toks), k + LISTENER_TOKENS * 3)):
        word = toks[j][2]
        if word == "that":
            return j
        timely = word in w.weekdays or word.lower() in w.time_words
        if not (classify(word) in allowed or timely or word in '“”"' or word in ("and", "&")):
            return -1
    return -1


def skip_adjuncts(toks: list[Token], k: int) -> int:
    """Index past the adjuncts starting at ``toks[k]`` (``on Monday``, ``in a statement``,
    ``earlier this week``): a time word, or a phrase opened by a preposition and closed by a
    comma or ``that``."""
    w = words()
    n = len(toks)
    for _ in range(3):
        if k >= n:
            return k
        word = toks[k][2]
        low = word.lower()
        if word in w.weekdays or low in w.time_words:
            k += 1
            continue
        if low not in w.adjunct_prepositions:
            return k
        timed = skip_time(toks, k)
        if timed > k:
            k = timed
            continue
        j = k + 1
        while j < n and j - k <= _ADJUNCT_TOKENS and toks[j][2] not in (",", "that"):
            if classify(toks[j][2]) == "conj" or (
                j > k + 3 and classify(toks[j][2]) == "word" and toks[j][2][0].islower()
            ):
                break
            j += 1
        if j >= n or toks[j][2] not in (",", "that"):
            return k
        k = j
    return k


def skip_time(toks: list[Token], k: int) -> int:
    """Index past a time adjunct opened by a preposition or ``last``/``this`` at ``toks[k]``
    (``on Wednesday``, ``last week``, ``at the weekend``, ``on Wednesday night``, ``in recent
    days``, ``on 5 March``), which needs no comma before the clause; else ``k``."""
    w = words()
    heads = w.time_heads
    n = len(toks)
    j = k + 1
    if j < n and classify(toks[j][2]) == "det":
        j += 1  # "at the weekend"
    if j + 1 < n and toks[j + 1][2].lower() in heads and _time_modifier(toks[j][2], heads):
        j += 1  # "in recent days", "on 5 March": one modifier or a number before the head
    if j >= n or (toks[j][2] not in heads and toks[j][2].lower() not in heads):
        return k
    j += 1
    if j < n and (toks[j][2].lower() in heads or toks[j][2].isdigit()):
        j += 1  # "Wednesday night", "March 5"
    return j


def _time_modifier(word: str, heads: frozenset[str]) -> bool:
    return word not in heads and (
        word[0].isdigit() or (word.islower() and classify(word) == "word")
    )


# -- before a cue ---------------------------------------------------------------------------------


def at_clause_start(story: Story, lo: int, pos: int) -> bool:
    """Whether a phrase starting at ``pos`` opens a clause: the sentence's start, after a
    comma, a conjunction, ``that`` or a *wh*-word, or after a reporting verb (``say they
    believe``); not after a relative pronoun (``the changes, which officials said will …``)."""
    toks = story.tokens(max(lo, pos - 30), pos)
    if not toks:
        return True
    w = words()
    last = toks[-1][2]
    low = last.lower()
    if low in w.relatives and low != "that" and low != "where":
        return False
    if last in ',:;(—–“"' or low in w.clause_openers or classify(last) in ("conj", "adverb"):
        return True
    if low in w.subordinators:
        return True
    at = toks[-1][0]
    return any(c.sense.speech or c.sense.belief for c in story.cues_in(at, at + 1))


def subject_of(story: Story, cue: Cue, lo: int, before: Phrase | None) -> Phrase | None:
    """The subject of ``cue`` in the sentence starting at ``lo``, given the phrase ``before``
    right before it: that phrase when it opens a clause, the antecedent of a relative pronoun
    (``voters who said``), the sentence's subject for a coordinated verb (``X arrived and said
    …``), or the few words opening the clause (``About three in 10 said …``)."""
    if before is not None and at_clause_start(story, lo, before.start):
        return before
    toks = story.tokens(max(lo, cue.start - 120), cue.start)
    while toks and classify(toks[-1][2]) == "adverb":
        toks = toks[:-1]
    if toks and toks[-1][2] in ("who", "which", "that"):
        return _antecedent(story, lo, toks[-1][0])
    if toks and toks[-1][2] in ("and", "but"):
        return sentence_subject(story, lo, cue.start)
    if before is not None and before.kind != "description" and _fronted_phrase(toks):
        return before  # "In a meeting with the board Trump said": no comma after the adjunct
    return _opening_words(story, toks, lo)


def _complementizer(story: Story, run: list[Token]) -> int:
    """Index of the last ``that`` in a run of words that follows a verb of the narration
    (``X denied a statement that the two sides agreed``: the subject is ``the two sides``),
    or -1; a ``that`` after a relative clause's verb is not one (``officials who said that``)."""
    for k in range(len(run) - 1, 0, -1):
        if run[k][2] != "that":
            continue
        for j in range(k - 1, -1, -1):
            if run[j][2] in ("who", "which"):
                return -1
            if story.cues_in(run[j][0], run[j][0] + 1):
                return k
        return -1
    return -1


def _fronted_phrase(toks: list[Token]) -> bool:
    """Whether the clause before a cue opens with a preposition (a fronted adjunct)."""
    k = len(toks)
    while k > 0 and toks[k - 1][2] not in CLAUSE_EDGES:
        k -= 1
    return k < len(toks) and toks[k][2].lower() in words().prepositions


def _antecedent(story: Story, lo: int, relative: int) -> Phrase | None:
    """The phrase a relative pronoun at ``relative`` stands for (``those voters, who``)."""
    text = story.text
    end = relative
    while end > lo and text[end - 1] in SPACE + ",":
        end -= 1
    return phrase_before(story, end, lo) if end > lo else None


def _opening_words(story: Story, toks: list[Token], lo: int) -> Phrase | None:
    """A short run of words opening the sentence or a clause before a cue (``Thirty-one
    percent of those surveyed say``), as a description of the speaker."""
    k = len(toks)
    while k > 0 and toks[k - 1][2] not in CLAUSE_EDGES:
        k -= 1
    k = list_start(toks, k)
    run = toks[k:]
    opened = k == 0 or toks[k - 1][2] != ","
    that = _complementizer(story, run)
    if that >= 0:
        run, opened, k = run[that + 1 :], True, -1
    if run and classify(run[0][2]) == "conj":
        run, opened = run[1:], True  # "But current and former officials … have said"
    if not run or len(run) > _OPENING_TOKENS or (k == 0 and toks[0][0] > lo + 2):
        return None
    first, last = run[0], run[-1]
    if not _may_open(first[2], len(run), opened) or not _may_close(last[2], len(run)):
        return None
    # The first speaker noun heads the description ("An officer who asked not to be named").
    head = next((t[2] for t in run if classify(t[2]) in ("noun", "generic")), last[2])
    return Phrase(first[0], last[1], "description", first[0], last[1], head.lower())


def _may_open(word: str, size: int, opened: bool) -> bool:
    if size == 1:
        return word[0].isupper() or word[0].isdigit() or word.endswith("s")
    return opened or word[0].isupper() or classify(word) in ("det", "number")


def _may_close(word: str, size: int) -> bool:
    cls = classify(word)
    if cls in ("poss", "adverb", "prep", "conj") or not word[0].isalnum():
        return False  # "Oz's show": no subject of a cue
    return cls != "det" or size == 1
