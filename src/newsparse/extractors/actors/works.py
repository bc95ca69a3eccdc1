"""Titles of works: a book, film or report named in the text is no actor, nor are its words.

``the book Zero Sum: The Arc of Business``, ``her memoir “Between Two Fires”``, ``a report titled
“Silent Guns”``: English names a work right after the noun that says what it is, title-cased or in
quotation marks. The names found inside such a title are words of the title.
"""

from __future__ import annotations

from functools import cache

import regex

from ...lexicon.actors import cues
from .items import State

__all__ = ["titles_of_works"]

_H = r"[ \t\u00a0]"
_SMALL = r"\L<small>"  # lower-case words inside a title (data: title_small_words)
_WORD = r"(?:\p{Lu}|\p{N})[\p{L}\p{N}'’\-]*"
_TITLE_CASE = rf"{_WORD}(?:(?:{_H}+|:{_H}+)(?:{_SMALL}{_H}+){{0,3}}{_WORD}){{0,14}}"


@cache
def _work() -> regex.Pattern[str]:
    """A work noun, then its title: title-cased words right after it, or a quotation within a
    few words (``the book by X, “…”``)."""
    return regex.compile(
        rf"\b(?i:\L<works>)\b"
        rf"(?:{_H}+(?P<plain>{_TITLE_CASE})"
        rf"|[^.!?\n“”\"]{{0,60}}?[“\"](?P<quoted>[^”\"\n]{{1,160}})[”\"])",
        works=cues().work_nouns,
        small=cues().title_small_words,
    )


def titles_of_works(st: State) -> None:
    """Mark the names inside titles of works as ``misc`` (not actors)."""
    text = st.text
    # casefold, not lower: the pattern's (?i) also matches the Kelvin sign and the long s
    folded = text.casefold()
    if not any(w in folded for w in cues().work_nouns):
        return  # most articles name no work: a few substring searches in C settle it
    spans = []
    for m in _work().finditer(text):
        g = "plain" if m.group("plain") is not None else "quoted"
        spans.append(m.span(g))
    if not spans:
        return
    k = 0
    for it in sorted(st.items, key=lambda it: it.start):
        while k < len(spans) and spans[k][1] <= it.start:
            k += 1
        inside = k < len(spans) and spans[k][0] <= it.start and it.end <= spans[k][1]
        if inside and it.label != "group":
            it.label = "misc"
