"""Pair quotation marks into quoted passages in one linear scan, tolerating unbalanced marks.

Double marks (``"…"``, ``“…”``, ``„…“``, ``«…»``, and the typewriter ``''…''``) delimit quotes;
single marks (``‘…’``) only count at top level in texts that use no double marks at all, since
elsewhere they are apostrophes or nested quotes. A paragraph that ends inside a quote and is
followed by a paragraph opening with a mark continues that quote (the news convention for long
quotes).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

_DOUBLE = regex.compile(r"''|’’|‘‘|[\"“”«»„]")
_SINGLE = regex.compile(r"[‘’]")
_SPACE = " \t\r\n\u00a0\u2009\u202f"
_LEFT_CONTEXT = _SPACE + "([{—–-/"
_RIGHT_CONTEXT = _SPACE + ".,;:!?)]}—–-…"
_MAX_SEGMENT = 6000  # a "quote" longer than this is an unbalanced mark, not a quote


@dataclass
class Passage:
    """One quoted piece: marks at ``[open, content_start)`` and ``[content_end, close)``."""

    open: int
    content_start: int
    content_end: int
    close: int
    closed: bool = True
    """False when no closing mark was found (paragraph end or a continuation)."""
    continues: bool = False
    """True when this piece continues the previous one's quote across a paragraph break."""


def _role(text: str, pos: int, length: int, is_open: bool) -> str:
    """``open``, ``close`` or ``either`` for the mark at ``pos``, from its neighbours."""
    ch = text[pos]
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + length] if pos + length < len(text) else " "
    left_free = before in _LEFT_CONTEXT
    right_free = after in _RIGHT_CONTEXT
    if before in _SPACE and after in _SPACE:
        # A curly mark standing alone between spaces quotes nothing; a straight one may be
        # tokenised text (`` " We will stay , " he said ``) and pairs by position.
        return "either" if ch in "\"'" else "none"
    if ch in "«„" or text.startswith("‘‘", pos):
        return "open"
    if ch == "»" or text.startswith("’’", pos):
        return "close"
    if ch == "“":
        # Some texts close with an opening mark ("…wins“ that"); trust the neighbours then.
        if is_open and right_free and not left_free:
            return "close"
        return "open"
    if ch == "”":
        if not is_open and left_free and not right_free:
            return "open"
        return "close"
    if left_free and not right_free:
        return "open"
    if right_free and not left_free:
        return "close"
    return "either"


def _marks(text: str, start: int, end: int, single: bool) -> list[tuple[int, int]]:
    pattern = _SINGLE if single else _DOUBLE
    out = []
    for m in pattern.finditer(text, start, end):
        s, e = m.span()
        if single:
            # An apostrophe inside or at the end of a word ("don’t", "students’") is not a mark.
            before = text[s - 1] if s > 0 else " "
            after = text[e] if e < len(text) else " "
            if text[s] == "’" and before.isalnum() and after.isalnum():
                continue
            if text[s] == "’" and before in "sS" and after in _SPACE and s >= 2:
                continue
        out.append((s, e))
    return out


def find_passages(
    text: str, paragraphs: Sequence[tuple[int, int]], *, single: bool = False
) -> list[Passage]:
    """Quoted passages of ``text`` in order, paired paragraph by paragraph in one pass."""
    out: list[Passage] = []
    open_at: tuple[int, int] | None = None  # (mark start, content start) of the open quote
    carry = False  # the previous paragraph ended inside a quote
    for pi, (ps, pe) in enumerate(paragraphs):
        marks = _marks(text, ps, pe, single)
        continuing = carry
        carry = False
        nested = 0  # inner quotes written with the outer marks ("… even when “your team” …")
        for k, (s, e) in enumerate(marks):
            role = _role(text, s, e - s, open_at is not None)
            if role == "none":
                continue
            if nested:
                if role == "open" and open_at is not None and not _glued(text, open_at[1], s):
                    nested += 1
                elif role != "open":
                    nested -= 1
                continue
            if open_at is None:
                if role == "close" and k > 0:
                    continue  # a stray closing mark
                if role == "close" and not _starts_paragraph(text, ps, s):
                    continue
                open_at = (s, e)
                continue
            if role == "open" and open_at is not None and s == open_at[1]:
                open_at = (s, e)  # doubled opening mark: keep the later one
                continue
            if role == "open" and not _glued(text, open_at[1], s):
                if _closers_ahead(text, marks, k + 1) >= 2:
                    nested = 1  # the outer quote closes after this inner one
                    continue
                # Two openers in a row: the first one was never closed. Drop it.
                open_at = (s, e)
                continuing = False
                continue
            o, cs = open_at
            if s - cs <= _MAX_SEGMENT and s > cs:
                out.append(
                    Passage(o, cs, s, e, True, continuing and _starts_paragraph(text, ps, o))
                )
            open_at = None
            continuing = False
        if open_at is not None:
            o, cs = open_at
            open_at = None
            nxt = paragraphs[pi + 1] if pi + 1 < len(paragraphs) else None
            ce = pe
            while ce > cs and text[ce - 1] in _SPACE:
                ce -= 1
            if ce > cs and ce - cs <= _MAX_SEGMENT:
                cont = continuing and _starts_paragraph(text, ps, o)
                out.append(Passage(o, cs, ce, pe, False, cont))
                # Only a quote that opens a paragraph or follows an introduction (":", ",") runs
                # on into the next paragraph; a stray mark mid-sentence does not.
                introduced = _starts_paragraph(text, ps, o) or text[ps:o].rstrip()[-1:] in ":,—–"
                carry = introduced and nxt is not None and _opens_with_mark(text, nxt, single)
    return out


_LOOKAHEAD = 6  # marks looked at past an inner opener; bounded so pairing stays linear


def _closers_ahead(text: str, marks: list[tuple[int, int]], k: int) -> int:
    """Closing marks minus opening marks among the next few marks (before any opener wins)."""
    balance = 0
    for s, e in marks[k : k + _LOOKAHEAD]:
        role = _role(text, s, e - s, True)
        if role == "open":
            return balance
        if role != "none":
            balance += 1
    return balance


def _starts_paragraph(text: str, ps: int, pos: int) -> bool:
    return not text[ps:pos].strip(_SPACE)


def _glued(text: str, content_start: int, pos: int) -> bool:
    """Whether an opener at ``pos`` right after open content must be a closer in disguise."""
    return pos > content_start and text[pos - 1] not in _SPACE


def _opens_with_mark(text: str, para: tuple[int, int], single: bool) -> bool:
    s, e = para
    while s < e and text[s] in _SPACE:
        s += 1
    if s >= e:
        return False
    if single:
        return text[s] == "‘"
    return text[s] in '"“«„' or text.startswith("''", s)


def uses_double_marks(text: str) -> bool:
    """Whether the text has any double quotation mark (else single marks are the quotes)."""
    return _DOUBLE.search(text) is not None
