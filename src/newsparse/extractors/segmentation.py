"""Built-in plugin: paragraphs, sentences, the headline line and boilerplate lines.

Offsets always index the original text; nothing is normalised.
"""

from __future__ import annotations

from functools import cache

import regex

from ..draft import Draft, Offsets
from ..extractor import Extractor
from ..hookspecs import hookimpl
from ..lexicon import load_lines

_BLANK_LINE = regex.compile(r"\n[ \t\u00a0\r\f\v]*\n")
_LINE = regex.compile(r"[^\n]+")
_SPACE = " \t\r\n\f\v\u00a0\u2009\u200a\u2002\u2003\u202f\ufeff"
# A run of terminal punctuation, closing quotes or brackets, followed by white space. The run is
# matched whole (possessive, and never from inside a run), so a long run of "!" not followed by
# space costs linear time, not quadratic. (Scans start at line starts, so the look-behind never
# looks across a scan's start.)
_END = regex.compile(r"(?<![.!?…])[.!?…]++[\"'”’»)\]]*+(?=[ \t\u00a0])")
_NEXT_WORD = regex.compile(r"\w+")
_OPENERS = "\"'“‘«([¿¡-—–"
#: How far back the word before a full stop is looked for.
_WORD_WINDOW = 40
_HEADLINE_MAX_CHARS = 250


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(load_lines("abbreviations.txt"))


@cache
def _starters() -> frozenset[str]:
    """Words that open a sentence after an abbreviation like ``U.S.`` (``data/
    sentence_starters.txt``)."""
    return frozenset(load_lines("sentence_starters.txt"))


@cache
def _boilerplate() -> regex.Pattern[str]:
    body = "|".join(f"(?:{p})" for p in load_lines("boilerplate.txt"))
    return regex.compile(rf"(?i)(?:{body})")


def _strip(text: str, start: int, end: int) -> Offsets:
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    return start, end


def _blocks(text: str) -> list[Offsets]:
    """Paragraph candidates: blank-line separated blocks when the text has any, else lines."""
    out: list[Offsets] = []
    if _BLANK_LINE.search(text):
        pos = 0
        for m in _BLANK_LINE.finditer(text):
            out.append(_strip(text, pos, m.start()))
            pos = m.end()
        out.append(_strip(text, pos, len(text)))
    else:
        out = [_strip(text, m.start(), m.end()) for m in _LINE.finditer(text)]
    return [b for b in out if b[0] < b[1]]


def _is_boundary(text: str, end: int, line_start: int) -> bool:
    """Whether the terminal punctuation ending at ``end`` closes a sentence."""
    nxt = end
    n = len(text)
    while nxt < n and text[nxt] in " \t\u00a0":
        nxt += 1
    if nxt >= n:
        return True
    c = text[nxt]
    if not (c.isupper() or c.isdigit() or c in _OPENERS):
        return False
    before = text[max(line_start, end - _WORD_WINDOW) : end].split()
    if not before:
        return True
    word = before[-1]
    if not word.endswith(".") or word.endswith(".."):
        return True
    core = word.rstrip(".").lstrip(_OPENERS).lower()
    if len(core) == 1 and core.isalpha():
        return False  # an initial: "Vladimir V. Putin"
    if core in _abbreviations():
        if "." in core:
            nxt_word = _NEXT_WORD.match(text, nxt, nxt + 20)
            return bool(nxt_word and nxt_word.group() in _starters())
        return False
    return True


def split_sentences(text: str, start: int, end: int) -> list[Offsets]:
    """Sentences of ``text[start:end]``, each line split at sentence-final punctuation."""
    if text.find("\n", start, end) < 0:
        return _split_line(text, start, end, [])
    out: list[Offsets] = []
    pos = start
    while True:
        line_end = _line_end(text, pos, end)
        _split_line(text, pos, line_end, out)
        if line_end >= end:
            return out
        pos = line_end + 1


def _split_line(text: str, start: int, end: int, out: list[Offsets]) -> list[Offsets]:
    """Add the sentences of one line ``text[start:end]`` to ``out``."""
    pos = start
    space = _SPACE
    for m in _END.finditer(text, start, end):
        stop = m.end()
        if _is_boundary(text, stop, start):
            while pos < stop and text[pos] in space:
                pos += 1
            out.append((pos, stop))  # ends on punctuation: nothing to strip at the end
            pos = stop
    while pos < end and text[pos] in space:
        pos += 1
    while end > pos and text[end - 1] in space:
        end -= 1
    if pos < end:
        out.append((pos, end))
    return out


def _line_end(text: str, start: int, end: int) -> int:
    k = text.find("\n", start, end)
    return end if k < 0 else k


def _norm(s: str) -> str:
    return " ".join(s.split()).rstrip(" .").casefold()


def _looks_like_headline(text: str, block: Offsets, title: str | None) -> bool:
    s, e = block
    body = text[s:e]
    if title is not None:
        return _norm(body) == _norm(title)
    if e - s > _HEADLINE_MAX_CHARS or "\n" in body.strip():
        return False
    if body[-1] not in '.!?"”':
        return True
    words = [w for w in body.split() if w[0].isalpha()]
    caps = sum(1 for w in words if w[0].isupper())
    return len(words) >= 3 and caps / len(words) >= 0.6


def segment(draft: Draft) -> None:
    """Fill paragraphs, sentences, headline and boilerplate."""
    text = draft.text
    boiler = _boilerplate()
    first = True
    headline: Offsets | None = None
    boilerplate: list[Offsets] = []
    paragraphs: list[Offsets] = []
    sentences: list[Offsets] = []
    for block in _blocks(text):
        s, e = block
        if e - s <= 120 and boiler.fullmatch(text, s, e):
            boilerplate.append(block)
            continue
        if first:
            first = False
            if _looks_like_headline(text, block, draft.title):
                headline = block
        paragraphs.append(block)
        sentences.extend(split_sentences(text, s, e))
    if len(paragraphs) < 2:
        headline = None  # a one-paragraph text is its own body, not a headline
    draft.boilerplate = boilerplate
    draft.paragraphs = paragraphs
    draft.sentences = sentences
    draft.headline = headline


@hookimpl
def newsparse_extractors() -> list[Extractor]:
    """The segmentation extractor."""
    return [
        Extractor(
            name="segmentation",
            run=segment,
            requires=("text",),
            provides=("paragraphs", "sentences", "headline", "boilerplate"),
        )
    ]
