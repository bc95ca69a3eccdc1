"""Speaker phrases: the noun phrase that names who speaks, read from the words around a cue.

English news names a speaker with a pronoun (``he said``), a name with its titles (``Defense
Minister Hulusi Akar said``), or a description (``a senior official said``, ``the ministry's
spokesman said``), often followed by a prepositional phrase (``Huseyin Bagci of the Foreign
Policy Institute``) or an apposition set off by commas (``Mark Simon, who worked with him,
argued``). The phrase is read over a few tokens of a bounded window, backwards from a cue
(:func:`phrase_before`) or forwards after one (:func:`phrase_after`); each token is classified
by one lookup in the word classes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal, Protocol

from .words import Words, words

__all__ = [
    "LISTENER_TOKENS",
    "Phrase",
    "Source",
    "Token",
    "classify",
    "phrase_after",
    "phrase_before",
    "skip_adverbials",
    "skip_listener",
    "tokens",
]

Token = tuple[int, int, str]
TokenClass = Literal[
    "pronoun",
    "det",
    "poss",
    "name",
    "title",
    "noun",
    "generic",
    "adverb",
    "prep",
    "conj",
    "comma",
    "open_paren",
    "close_paren",
    "dot",
    "punct",
    "number",
    "word",
]
PhraseKind = Literal["pronoun", "name", "description"]

# Words with their inner apostrophes, hyphens, dots and ampersands ("al-Assad", "U.S", "AT&T",
# "Istanbul's"), or one other character. The standard ``re`` module runs this twice as fast as
# ``regex``.
_TOKEN = re.compile(r"[^\W_]+(?:[’'\-.&/][^\W_]+)*[’']?|[^\s\w]|_")
#: How far before a cue a speaker phrase (with its apposition) may start.
WINDOW = 170
#: The first, narrow window tried before a cue.
_NEAR = 60
#: Tokens of an apposition set off by commas (``, the head of the delegation,``).
_APPOSITION_TOKENS = 22
#: Lower-case modifiers before the head of a description (``a senior army officer``).
_MODIFIERS = 4
#: The most words in one item of a list of speakers (``former rivals``).
_LIST_ITEM_WORDS = 3
_PUNCT_CLASS: dict[str, TokenClass] = {
    ",": "comma",
    "(": "open_paren",
    ")": "close_paren",
    ".": "dot",
}
_CACHE_LIMIT = 50_000
_classes: dict[str, TokenClass] = {}


@dataclass(frozen=True, slots=True)
class Phrase:
    """A speaker phrase: its whole span, its kind and its head."""

    start: int
    end: int
    kind: PhraseKind
    head_start: int
    """Start of the head: the pronoun, the name (titles left out) or the head noun's phrase."""
    head_end: int
    head_word: str
    """The head word as written in lower case (``spokesman``, ``he``, ``akar``)."""
    definite: bool = False
    """A description opening with ``the``, ``this`` or a possessive."""
    of: tuple[int, int] | None = None
    """A possessor or prepositional phrase naming who the speaker belongs to."""

    @property
    def head(self) -> tuple[int, int]:
        """``(head_start, head_end)``."""
        return self.head_start, self.head_end


class Source(Protocol):
    """Where phrases are read from: the text and its tokens (kept by the story)."""

    text: str

    def tokens(self, start: int, end: int) -> list[Token]:
        """The tokens lying in ``[start, end)``."""
        ...


def tokens(text: str, start: int, end: int) -> list[Token]:
    """The tokens of ``text[start:end]``."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def _classify_word(word: str, w: Words) -> TokenClass:
    low = word.lower()
    if low in w.pronouns and (word == low or word[1:] == low[1:]):
        return "pronoun"
    if low in w.determiners or low in w.possessives:
        return "det"
    if word[0].isdigit():
        return "noun" if word.endswith("-old") else "number"  # "the 46-year-old"
    if word[0].isupper():
        return _classify_capitalised(word, low, w)
    if word.endswith(("’s", "'s")):
        return "poss"
    if low in w.generic_plurals:
        return "generic"
    if low in w.speaker_nouns or low in w.body_nouns:
        return "noun"
    if low in w.auxiliaries or low in w.adverbs or low in w.negations:
        return "adverb"
    if low in w.prepositions:
        return "prep"
    if low in w.coordinators or low in w.subordinators or low in w.relatives:
        return "conj"
    return "word"


def _classify_capitalised(word: str, low: str, w: Words) -> TokenClass:
    if word in w.not_names:
        return "conj" if low in w.coordinators or low in w.subordinators else "word"
    if word.endswith(("’s", "'s", "s’", "s'")):
        return "poss"
    if low in w.generic_plurals:
        return "generic"  # "Critics say"
    if word in w.name_titles or low in w.speaker_nouns:
        return "title"
    return "name"


def classify(word: str) -> TokenClass:
    """The class of one token (cached across articles, the cache bounded)."""
    got = _classes.get(word)
    if got is not None:
        return got
    if not word[0].isalnum():
        got = _PUNCT_CLASS.get(word, "punct")
    else:
        got = _classify_word(word, words())
    if len(_classes) > _CACHE_LIMIT:
        _classes.clear()
    _classes[word] = got
    return got


# -- reading backwards from a cue ----------------------------------------------------------------


def skip_adverbials(toks: list[Token], i: int) -> int:
    """Index of the last token before ``i`` (inclusive) that is not an adverb, an auxiliary or a
    time adjunct between a speaker and a cue (``has also``, ``on Monday``, ``earlier this
    month``)."""
    w = words()
    steps = 0
    while i >= 0 and steps < 6:
        steps += 1
        word = toks[i][2]
        cls = classify(word)
        if cls == "adverb" or (cls == "word" and word.endswith("ly") and len(word) > 4):
            i -= 1
            continue
        if word in w.weekdays or word in w.months or word.lower() in ("week", "month", "year"):
            # "on Monday", "last week", "earlier this month", "in March"
            j = i - 1
            while j >= 0 and j >= i - 3 and classify(toks[j][2]) in ("prep", "det", "adverb"):
                j -= 1
            if j < i - 1 or word in w.weekdays:
                i = j
                continue
        break
    return i


def _is_abbreviation_dot(toks: list[Token], k: int) -> bool:
    """Whether ``toks[k]`` is a full stop closing an initial or abbreviation (``U.S.``)."""
    if k < 1 or toks[k][2] != "." or toks[k - 1][1] != toks[k][0]:
        return False
    prev = toks[k - 1][2]
    return (len(prev) <= 4 and prev[0].isupper()) or "." in prev


def _np_left(toks: list[Token], i: int, floor: int) -> tuple[int, bool]:
    """Leftmost token of the noun phrase whose head is ``toks[i]``, and whether a determiner or
    possessive opens it."""
    j = i
    modifiers = 0
    while j - 1 >= floor:
        k = j - 1
        cls = classify(toks[k][2])
        if cls in ("name", "title", "poss", "number") or _is_abbreviation_dot(toks, k):
            j = k
            continue
        if _dash_in_name(toks, k, j, floor):
            j = k  # "Combined Joint Task Force - Operation Inherent Resolve": one name
            continue
        if cls in ("noun", "word", "generic") and toks[k][2][0].islower():
            modifiers += 1
            if modifiers > _MODIFIERS:
                return _trim_left(toks, j, i), False
            j = k
            continue
        if cls == "det":
            if toks[k][2] == "that" and toks[j][2][0].isupper():
                break  # "claimed that President Lee wanted": a conjunction, not a determiner
            if _pp_before(toks, k, floor) or (
                _quantified(toks, k, floor) and _pp_joins(toks, k - 1, floor)
            ):
                j = k - 1  # "a spokesman for the ministry": the phrase goes on before the PP
                continue
            if _quantified(toks, k, floor):
                return k - 2, True  # "many of her aides"
            return k, True
        if cls == "prep" and _pp_joins(toks, k, floor):
            j = k
            continue
        break
    return j, False


def _dash_in_name(toks: list[Token], k: int, j: int, floor: int) -> bool:
    """Whether a dash at ``toks[k]`` joins two parts of one organisation's name (a name word
    on either side, the dash set off by spaces)."""
    return (
        toks[k][2] in ("-", "–")
        and k - 1 >= floor
        and classify(toks[k - 1][2]) == "name"
        and classify(toks[j][2]) == "name"
        and toks[k - 1][1] < toks[k][0]
        and toks[k][1] < toks[j][0]
    )


def _quantified(toks: list[Token], det: int, floor: int) -> bool:
    """Whether ``many of`` / ``two of`` stands before the determiner at ``det``."""
    return (
        det - 2 >= floor
        and toks[det - 1][2] == "of"
        and classify(toks[det - 2][2]) in ("det", "number")
    )


def _pp_before(toks: list[Token], det: int, floor: int) -> bool:
    """Whether a determiner at ``det`` opens the object of a preposition inside a phrase."""
    return det - 2 >= floor and _pp_joins(toks, det - 1, floor)


def _pp_joins(toks: list[Token], prep: int, floor: int) -> bool:
    """Whether the preposition at ``prep`` follows a speaker noun or name it belongs to."""
    if toks[prep][2] not in words().phrase_prepositions or prep - 1 < floor:
        return False
    before = classify(toks[prep - 1][2])
    if before in ("noun", "name", "title", "generic"):
        return True
    # "a wide array of economists", "a group of lawmakers": any noun after a determiner.
    return (
        toks[prep][2] == "of"
        and before == "word"
        and any(classify(t[2]) in ("det", "number") for t in toks[max(floor, prep - 3) : prep - 1])
    )


def _trim_left(toks: list[Token], j: int, i: int) -> int:
    """Drop lower-case words that open a phrase without a determiner unless a speaker noun
    follows them (``local officials`` stays, ``bombs officials`` loses ``bombs``)."""
    while j < i and classify(toks[j][2]) == "word":
        j += 1
    return j


def _head_span(toks: list[Token], j: int, i: int) -> tuple[int, int]:
    """Token range of the head: the phrase before any prepositional phrase (after a quantifier:
    ``many of her aides``)."""
    head_end = i
    start = j
    if j + 2 <= i and toks[j + 1][2] == "of" and classify(toks[j][2]) in ("det", "number"):
        start = j + 2
    for k in range(start + 1, i + 1):
        if classify(toks[k][2]) == "prep" and toks[k][2] in words().phrase_prepositions:
            head_end = k - 1
            break
    return j, head_end


def _name_run(toks: list[Token], j: int, head_end: int) -> int:
    """First token of the run of name words ending the head (titles and possessors left out)."""
    k = head_end
    particles = words().particles
    while k - 1 >= j:
        prev = toks[k - 1][2]
        cls = classify(prev)
        if cls == "name":
            k -= 1
        elif cls == "dot" and k - 2 >= j and classify(toks[k - 2][2]) == "name":
            k -= 1  # "John F. Kennedy"
        elif prev in particles and _name_before_particles(toks, k - 1, j):
            k -= 1  # "Ursula von der Leyen"
        else:
            break
    while k <= head_end and classify(toks[k][2]) in ("dot", "title"):
        k += 1
    return k


def _name_before_particles(toks: list[Token], k: int, floor: int) -> bool:
    """Whether a name stands before the particles ending at ``toks[k]``."""
    particles = words().particles
    while k >= floor and toks[k][2] in particles:
        k -= 1
    return k >= floor and classify(toks[k][2]) == "name"


def _possessor(toks: list[Token], j: int, head_end: int) -> tuple[int, int] | None:
    """The possessor inside a phrase (``the ministry's`` spokesman), as offsets."""
    for k in range(head_end - 1, j - 1, -1):
        if classify(toks[k][2]) == "poss":
            return toks[j][0], toks[k][1]
    return None


def _make(toks: list[Token], j: int, i: int, opened: bool) -> Phrase | None:
    """The phrase over tokens ``j..i``, classified by its head (the part before any PP)."""
    j, head_end = _head_span(toks, j, i)
    while head_end > j and classify(toks[head_end][2]) == "dot":
        head_end -= 1
    head_tok = toks[head_end]
    head_cls = classify(head_tok[2])
    start, end = toks[j][0], toks[i][1]
    of = (toks[head_end + 2][0], toks[i][1]) if head_end + 2 <= i else None
    if head_cls == "title" and head_end + 3 <= i and classify(toks[i][2]) == "name":
        # "Secretary of State Antony Blinken": a title with its own "of …", then the name.
        k = head_end + 3
        if all(classify(t[2]) == "name" for t in toks[k : i + 1]):
            return Phrase(start, end, "name", toks[k][0], toks[i][1], toks[i][2].lower())
    if head_cls == "name":
        k = _name_run(toks, j, head_end)
        if k <= head_end:
            word = head_tok[2].lower()
            return Phrase(start, end, "name", toks[k][0], head_tok[1], word, of=of)
        return None
    if head_cls not in ("noun", "generic", "title"):
        return None
    first = toks[j][2].lower()
    w = words()
    possessor = _possessor(toks, j, head_end)
    definite = opened and (first in ("the", "this", "that") or first in w.possessives)
    return Phrase(
        start,
        end,
        "description",
        start,
        head_tok[1],
        head_tok[2].lower(),
        definite=definite or possessor is not None,
        of=possessor or of,
    )


def _noun_phrase_back(text: str, toks: list[Token], i: int, floor: int = 0) -> Phrase | None:
    """The phrase whose last token is ``toks[i]``."""
    cls = classify(toks[i][2])
    if cls == "pronoun":
        s, e, word = toks[i]
        return Phrase(s, e, "pronoun", s, e, word.lower())
    if cls == "dot" and _is_abbreviation_dot(toks, i):
        pass
    elif cls not in ("name", "title", "noun", "generic"):
        return None
    j, opened = _np_left(toks, i, floor)
    return _make(toks, j, i, opened)


def _apposed(text: str, toks: list[Token], i: int, floor: int) -> Phrase | None:
    """``X, the head of the delegation, said``: the phrase before an apposition ending at
    ``toks[i]`` (a comma). With several commas the phrase opening the clause wins (``But Ann
    Lee, the envoy in the Bureau of Affairs, with a say on trade, said``). A description with
    a name in apposition gives the name (``the minister's spokesman, Jane Roe, said``)."""
    lo = max(floor, i - 2 * _APPOSITION_TOKENS)
    best: Phrase | None = None
    best_comma = -1
    k = i - 1
    while k > lo:
        word = toks[k][2]
        if word in ';:“”"«»':
            break
        if word == "," and k < i - 1:
            head = _noun_phrase_back(text, toks, k - 1, floor)
            if head is not None and head.kind != "pronoun" and head.end == toks[k - 1][1]:
                opens = _opens_clause(toks, head.start, floor)
                if best is None or opens:
                    best, best_comma = head, k
                if opens:
                    break
        k -= 1
    if best is None:
        return _named_between(text, toks, i, lo)
    if best.kind == "description":
        inner = _noun_phrase_back(text, toks, i - 1, best_comma + 1)
        if inner is not None and inner.kind == "name" and inner.start == toks[best_comma + 1][0]:
            return inner
    return best


def _named_between(text: str, toks: list[Token], i: int, lo: int) -> Phrase | None:
    """``And a third, Daniel Traynor, said``: a name set off by commas after words that are
    no speaker phrase themselves."""
    k = i - 1
    while k > lo and toks[k][2] not in ',;:“”"«»':
        k -= 1
    if k <= lo or toks[k][2] != ",":
        return None
    inner = _noun_phrase_back(text, toks, i - 1, k + 1)
    if inner is None or inner.kind != "name" or inner.start != toks[k + 1][0]:
        return None
    return inner


def _opens_clause(toks: list[Token], start: int, floor: int) -> bool:
    """Whether a phrase starting at offset ``start`` opens its clause."""
    k = next((j for j in range(len(toks)) if toks[j][0] == start), -1)
    if k <= floor:
        return k == floor
    before = toks[k - 1][2]
    return before in (":", "(", "—", "–") or classify(before) == "conj" or before.lower() == "that"


#: Tokens a clause or a list item starts after.
CLAUSE_EDGES = frozenset([",", ";", ":", "(", "—", "–", "-", "--"])


def list_start(toks: list[Token], k: int) -> int:
    """Where a list of short items ending with ``and`` at ``toks[k:]`` starts (``Friends,
    lobbyists and former foes say``); ``k`` when the words are no such list."""
    if not any(t[2] == "and" for t in toks[k:]) or k == 0 or toks[k - 1][2] != ",":
        return k
    j = k - 1
    while True:
        i = j
        while i > 0 and toks[i - 1][2] not in CLAUSE_EDGES:
            i -= 1
        if not _list_item(toks[i:j]):
            return k
        if i == 0 or toks[i - 1][2] != ",":
            return i
        j = i - 1


def _list_item(item: list[Token]) -> bool:
    """Whether some words may be an item of a list of speakers (not ``Yesterday``)."""
    if not item or len(item) > _LIST_ITEM_WORDS:
        return False
    w = words()
    for _, _, word in item:
        low = word.lower()
        if word in w.weekdays or low in w.time_words or low.endswith("ly"):
            return False
        if classify(word) not in (
            "word",
            "noun",
            "generic",
            "name",
            "title",
            "det",
            "poss",
            "number",
        ):
            return False
    return True


def _with_conjuncts(toks: list[Token], found: Phrase, at_floor: bool) -> Phrase:
    """A description after ``and`` with the items listed before it (``Friends, neighbours and
    former rivals say``); ``at_floor`` when ``toks`` start where a clause does."""
    k = next((j for j in range(len(toks)) if toks[j][0] == found.start), -1)
    if k < 2 or toks[k - 1][2] != "and":
        return found
    i = k - 1
    while i > 0 and toks[i - 1][2] not in CLAUSE_EDGES:
        i -= 1
    if (i == 0 and not at_floor) or not _list_item(toks[i : k - 1]):
        return found
    return replace(found, start=toks[list_start(toks, i)][0])


def phrase_before(src: Source, end: int, floor: int) -> Phrase | None:
    """The speaker phrase ending at ``end`` (the cue's start), looked for after ``floor``."""
    lo = max(floor, end - _NEAR)
    toks = src.tokens(lo, end)
    i = skip_adverbials(toks, len(toks) - 1)
    if i < 0 or toks[i][2] not in (",", ")"):  # an apposition needs the wide window
        found = _phrase_before(src, toks)
        if found is not None and found.kind == "description":
            found = _with_conjuncts(toks, found, lo == floor)
        if lo == floor or (found is not None and _clear_of_edge(toks, found.start)):
            return found
    # Most phrases are short; only a phrase reaching the window's edge needs a wider one.
    return _phrase_before(src, src.tokens(max(floor, end - 2 * WINDOW), end))


def _clear_of_edge(toks: list[Token], start: int) -> bool:
    """Whether a phrase starting at ``start`` ends well inside the window ``toks``: a word
    stands before it that cannot continue it (a preposition or a determiner at the window's
    edge may join a longer phrase: ``officer for`` | ``the agency``)."""
    if len(toks) < 2 or start <= toks[1][0]:
        return start > toks[0][0] and classify(toks[0][2]) not in ("prep", "det")
    return True


def _phrase_before(src: Source, toks: list[Token]) -> Phrase | None:
    text = src.text
    i = skip_adverbials(toks, len(toks) - 1)
    if i < 0:
        return None
    word = toks[i][2]
    if word == ")":
        k = i - 1
        while k >= 0 and k > i - 8 and toks[k][2] != "(":
            k -= 1
        if k <= 0 or toks[k][2] != "(":
            return None
        i = k - 1  # "Sen. Ann Lee (D-Ohio) said"
        word = toks[i][2]
    if word == ",":
        # "X, the head of Y, said"; else a stray comma after a parenthesis ("X (R-Ohio), said").
        found = _apposed(text, toks, i, 0)
        if found is None and i > 0 and toks[i - 1][2] == ")":
            found = _phrase_before(src, toks[:i])
        return found
    return _noun_phrase_back(text, toks, i)


# -- listeners ---------------------------------------------------------------------------------

#: Tokens of a listener phrase (``the editorial board of the paper``).
LISTENER_TOKENS = 5


def skip_listener(toks: list[Token], k: int) -> int:
    """Index past the listener starting at ``toks[k]`` (``reporters``, ``the BBC``, ``him``,
    ``a news conference``, ``The Huffington Post``), or ``k``."""
    w = words()
    n = len(toks)
    if k < n and toks[k][2] in w.listeners and classify(toks[k][2]) != "det":
        return k + 1  # "him", "reporters"
    j = k + 1 if k < n and classify(toks[k][2]) == "det" else k
    while j < n and j - k < LISTENER_TOKENS:
        word = toks[j][2]
        cls = classify(word)
        if word == "that" or cls not in ("name", "noun", "generic", "poss", "word", "title"):
            break
        j += 1
        if cls in ("name", "title", "poss"):
            while j < n and classify(toks[j][2]) in ("name", "title", "poss", "dot"):
                j += 1  # the whole name: "The Huffington Post", "the New York Daily News"
            return _past_media_noun(toks, j)
        if word.lower() in w.listeners or cls in ("noun", "generic"):
            return j
    return k


def _past_media_noun(toks: list[Token], j: int) -> int:
    """Past a media noun completing a listener's name (``Interfax news agency``, ``the Globe
    daily``): at most one word before it."""
    media = words().media_nouns
    n = len(toks)
    k = j + 1 if j + 1 < n and toks[j + 1][2] in media and toks[j][2].islower() else j
    while k < n and k < j + 3 and toks[k][2] in media:
        k += 1  # "television station"
    return k if k > j and toks[k - 1][2] in media else j


# -- reading forwards after a cue ------------------------------------------------------------------


def _np_right(toks: list[Token], i: int) -> int:
    """Last token of a phrase starting at ``toks[i]``, or -1."""
    j = i
    n = len(toks)
    last_head = -1
    if j + 2 < n and toks[j + 1][2] == "of" and classify(toks[j][2]) in ("det", "number"):
        j += 2  # "one of two witnesses", "many of his aides"
    if j < n and classify(toks[j][2]) == "det":
        j += 1
    gap = False  # a verb after a name: only a noun may head the phrase on
    while j < n:
        cls = classify(toks[j][2])
        if cls in ("name", "title") and gap:
            break  # "Cameron criticised Trump": a verb between two names
        if cls in ("name", "title", "noun", "generic"):
            last_head = j
            gap = False
        elif cls == "dot" and _is_abbreviation_dot(toks, j):
            pass
        elif not (cls in ("poss", "number") or (cls == "word" and j - i < _MODIFIERS + 1)):
            break
        elif cls == "word" and last_head >= 0 and _verb_like(toks[j][2]):
            # after a name, a verb ("Cameron criticised Trump"); after a noun, a reduced
            # relative clause may lead to the name ("a man calling himself Paul Paul")
            gap = classify(toks[last_head][2]) == "name"
        j += 1
    return last_head


def _verb_like(word: str) -> bool:
    """Whether a lower-case word reads as a verb (a past form, a cue): ``criticised``,
    ``told``; not ``admiral`` or ``watchdog``."""
    return (len(word) > 3 and word.endswith("ed")) or word in words().cues


def phrase_after(src: Source, start: int, ceiling: int, *, loose: bool = False) -> Phrase | None:
    """The speaker phrase starting at ``start`` (after ``said``, ``according to``), with at
    most one prepositional phrase (``Soli Ozel of Kadir Has University``). With ``loose``, any
    determiner and a few words make a description (``one user`` wrote), for places where a cue
    is known to follow."""
    toks = src.tokens(start, min(ceiling, start + WINDOW))
    if not toks:
        return None
    if loose:
        strict = phrase_after(src, start, ceiling)
        return strict if strict is not None else _loose(toks)
    if classify(toks[0][2]) == "pronoun":
        s, e, word = toks[0]
        return Phrase(s, e, "pronoun", s, e, word.lower())
    last = _np_right(toks, 0)
    if last < 0:
        return None
    opened = classify(toks[0][2]) == "det"
    end = last
    if last + 2 < len(toks) and toks[last + 1][2] in words().phrase_prepositions:
        pp_end = _np_right(toks, last + 2)
        if pp_end >= 0:
            end = pp_end
    return _make(toks, 0, end, opened)


def _loose(toks: list[Token]) -> Phrase | None:
    """A determiner and one to four lower-case words: a description of someone; or a lone
    ``one``/``another`` (``read one``)."""
    if classify(toks[0][2]) != "det":
        return None
    if len(toks) > 2 and toks[1][2] == "of":
        # "one of two guards": the words after the quantifier describe who
        rest = _loose(toks[2:]) if classify(toks[2][2]) == "det" else None
        if rest is not None:
            return replace(rest, start=toks[0][0])
    word = toks[0][2].lower()
    if word in ("one", "another", "others") and (len(toks) == 1 or not toks[1][2][0].isalnum()):
        s, e = toks[0][0], toks[0][1]
        return Phrase(s, e, "description", s, e, word)
    k = 1
    while k < len(toks) and k <= _MODIFIERS and classify(toks[k][2]) in ("word", "noun", "generic"):
        k += 1
    if k == 1:
        return None
    last = toks[k - 1]
    first = toks[0][2].lower()
    definite = first in ("the", "this", "that") or first in words().possessives
    return Phrase(
        toks[0][0], last[1], "description", toks[0][0], last[1], last[2].lower(), definite
    )
