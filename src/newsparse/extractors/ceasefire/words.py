"""The words of a stretch of text, and tables of phrases matched against them word by word.

Rules look at words, not characters: ``agreed a shaky 30-day truce`` is five words, and a cue
is a phrase that ends right before the ceasefire's noun phrase. Only the windows around
ceasefire words are split into words, so an article costs one scan plus a little per claim.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

import regex

from ...draft import Offsets

__all__ = ["PhraseTable", "Words", "split_phrase"]

V = TypeVar("V")

# A word keeps its inner hyphens, apostrophes, slashes and dots ("cease-fire", "U.S.-brokered",
# "Hizbollah's"); any other character that is not a space is a word of its own.
_WORD = regex.compile(r"\w+(?:(?:[-'’/&]|\.-?)\w+)*|[^\w\s]")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


def _norm(word: str) -> str:
    return word.lower().translate(_APOSTROPHES)


def split_phrase(phrase: str) -> tuple[str, ...]:
    """The words of a lexicon phrase, as :class:`Words` would split and lower them."""
    parts = phrase.split()
    # Most entries are lower-case ASCII words: the pattern would keep each as it is.
    if all(p.isascii() and p.isalpha() and p.islower() for p in parts):
        return tuple(parts)
    return tuple(_norm(m.group()) for m in _WORD.finditer(phrase))


class Words:
    """The words of ``text[lo:hi]``: their offsets and lower-case forms, in order."""

    __slots__ = ("ends", "low", "starts", "text")
    starts: list[int]
    ends: list[int]
    low: list[str]

    def __init__(self, text: str, lo: int, hi: int) -> None:
        self.text = text
        lo, hi = max(0, lo), max(lo, hi)
        piece = text[lo:hi]
        low = piece.lower().translate(_APOSTROPHES)
        if len(low) != len(piece):  # lowering changed a length: lower word by word
            found = list(_WORD.finditer(text, lo, hi))
            self.starts = [m.start() for m in found]
            self.ends = [m.end() for m in found]
            self.low = [_norm(m.group()) for m in found]
            return
        found = list(_WORD.finditer(low))
        self.starts = [m.start() + lo for m in found]
        self.ends = [m.end() + lo for m in found]
        self.low = [m.group() for m in found]

    def __len__(self) -> int:
        return len(self.low)

    def at(self, offset: int) -> int:
        """Index of the first word starting at or after ``offset``."""
        return bisect_left(self.starts, offset)

    def span(self, i: int, j: int) -> Offsets:
        """Characters from the start of word ``i`` to the end of word ``j - 1``."""
        return self.starts[i], self.ends[j - 1]

    def word(self, i: int) -> str:
        """Word ``i`` as written."""
        return self.text[self.starts[i] : self.ends[i]]

    def is_capitalised(self, i: int) -> bool:
        """Whether word ``i`` starts with a capital letter."""
        first = self.text[self.starts[i]]
        return first.isupper()

    def gap(self, i: int) -> str:
        """The characters between word ``i - 1`` and word ``i``."""
        return self.text[self.ends[i - 1] : self.starts[i]] if i > 0 else ""


class PhraseTable(Generic[V]):
    """Phrases (sequences of words) with a value each, matched at a word forward or backward.

    The longest phrase wins; among phrases of one length, the first added.
    """

    def __init__(self, items: Iterable[tuple[str, V]] = ()) -> None:
        self._forward: dict[str, list[tuple[tuple[str, ...], V]]] = {}
        self._backward: dict[str, list[tuple[tuple[str, ...], V]]] = {}
        self._phrases: set[tuple[str, ...]] = set()
        self.longest = 0
        for phrase, value in items:
            self.add(phrase, value)

    def add(self, phrase: str, value: V) -> None:
        """Add one phrase (split like text) with its value."""
        words = split_phrase(phrase)
        if not words:
            return
        if words in self._phrases:
            return
        self._phrases.add(words)
        n = len(words)
        self.longest = max(self.longest, n)
        for table, key in ((self._forward, words[0]), (self._backward, words[-1])):
            rows = table.setdefault(key, [])
            # Rows stay longest first, ties in the order added: insert after the last row
            # at least as long (what a stable sort after appending gave, without sorting).
            k = len(rows)
            while k and len(rows[k - 1][0]) < n:
                k -= 1
            rows.insert(k, (words, value))

    def __contains__(self, word: str) -> bool:
        return word in self._forward

    def match(self, words: Words, i: int, hi: int | None = None) -> tuple[int, V] | None:
        """The longest phrase starting at word ``i`` (ending by word ``hi``): (end, value)."""
        if i >= len(words):
            return None
        rows = self._forward.get(words.low[i])
        if rows is None:
            return None
        limit = len(words) if hi is None else min(hi, len(words))
        for phrase, value in rows:
            end = i + len(phrase)
            if end <= limit and all(words.low[i + k] == w for k, w in enumerate(phrase) if k):
                return end, value
        return None

    def match_before(self, words: Words, j: int, lo: int = 0) -> tuple[int, V] | None:
        """The longest phrase ending right before word ``j`` (starting at ``lo`` or later):
        (start, value)."""
        if j <= lo or j > len(words):
            return None
        rows = self._backward.get(words.low[j - 1])
        if rows is None:
            return None
        for phrase, value in rows:
            start = j - len(phrase)
            if start >= lo and all(words.low[start + k] == w for k, w in enumerate(phrase)):
                return start, value
        return None

    def first_words(self) -> Iterator[str]:
        """The first word of every phrase (for a quick scan of a text)."""
        return iter(self._forward)
