"""Find every reporting cue of an article in one pass (``said``, ``told``, ``according to``).

The text is split at white space once and its distinct pieces are intersected with the cue
words, also as written next to punctuation (``said,`` ``“According``); only the cue words
present are then located with ``str.find``. That costs a fraction of one token scan, where a
pattern of hundreds of alternatives (or a named list tried at every position) costs ten to
twenty times a token scan.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from .words import CueSense, words

__all__ = ["Cue", "find_cues"]

_GAP = frozenset(" \t\u00a0")
# Punctuation written against a word: a cue is looked up with these around it.
_BEFORE = ("", '"', "“", "‘", "'", "(", "—")
_AFTER = ("", ",", ".", ":", ";", "?", "!", ")", '"', "”", "’", "'", ",”", ".”", ',"', '."', "—")
_OPENERS = tuple(b for b in _BEFORE if b)


class Cue(NamedTuple):
    """One reporting cue in the text."""

    start: int
    end: int
    sense: CueSense


def _is_word_edge(ch: str) -> bool:
    return not (ch.isalnum() or ch in "-’'")


def _rest_matches(text: str, pos: int, rest: tuple[str, ...]) -> int:
    """End of the words ``rest`` written from ``pos`` on (after white space), or -1."""
    n = len(text)
    for word in rest:
        if pos >= n or text[pos] not in _GAP:
            return -1
        while pos < n and text[pos] in _GAP:
            pos += 1
        if not text.startswith(word, pos):
            return -1
        pos += len(word)
    if pos < n and not _is_word_edge(text[pos]):
        return -1
    return pos


@cache
def _written() -> dict[str, str]:
    """Each first word of a cue as it may be written before a space (``said,``) -> the word."""
    # Not also with every opening mark in front: that product is 126,000 strings, 30 ms to
    # build at the first parse; the pieces that open with a mark are looked up apart.
    return {first + after: first for first in words().cues for after in _AFTER}


@cache
def _width() -> int:
    return max(map(len, _written()), default=0) + 1


def _present(text: str) -> set[str]:
    """The first words of cues written in ``text`` between spaces, bare or with punctuation."""
    written = _written()
    present = {written[w] for w in written.keys() & text.split()}
    width = _width()
    for opener in _OPENERS:
        pos = text.find(opener)
        while pos >= 0:
            if pos == 0 or text[pos - 1].isspace():
                window = text[pos + 1 : pos + 1 + width]
                if window and not window[0].isspace():
                    # A piece as long as the window is longer than any written cue.
                    rest = window.split(None, 1)[0]
                    if rest in written:
                        present.add(written[rest])
            pos = text.find(opener, pos + 1)
    return present


def find_cues(text: str) -> list[Cue]:
    """Every cue in ``text``, in order; a multi-word cue wins over its first word."""
    table = words().cues
    present = _present(text)
    out: list[Cue] = []
    n = len(text)
    for first in present:
        senses = table[first]
        size = len(first)
        pos = text.find(first)
        while pos >= 0:
            end = pos + size
            if (pos == 0 or _is_word_edge(text[pos - 1])) and (
                end >= n or _is_word_edge(text[end])
            ):
                for sense in senses:
                    rest = sense.rest
                    stop = _rest_matches(text, end, rest) if rest else end
                    if stop >= 0:
                        out.append(Cue(pos, stop, sense))
                        break
            pos = text.find(first, end)
    out.sort(key=lambda c: c.start)
    return out
