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
from typing import Literal

import regex

__all__ = ["Passage", "find_passages", "uses_double_marks"]

_DOUBLE = regex.compile(r"''|’’|‘‘|[\"“”«»„]")
_SINGLE = regex.compile(r"[‘’]")
SPACE = " \t\r\n\u00a0\u2009\u202f"
_LEFT_CONTEXT = SPACE + "([{—–-/"
_RIGHT_CONTEXT = SPACE + ".,;:!?)]}—–-…"
_OPENING = '"“«„'
#: A "quote" longer than this is an unbalanced mark, not a quote.
MAX_PASSAGE = 6000
#: The longest markup attribute value skipped (``author="@x"``).
_ATTRIBUTE_CHARS = 300
#: Marks looked at past an inner opener; bounded so pairing stays linear.
_LOOKAHEAD = 6

Role = Literal["open", "close", "either", "none"]


@dataclass(slots=True)
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


def _role(text: str, pos: int, length: int, is_open: bool) -> Role:
    """``open``, ``close``, ``either`` or ``none`` for the mark at ``pos``, from its neighbours."""
    ch = text[pos]
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + length] if pos + length < len(text) else " "
    left_free = before in _LEFT_CONTEXT
    right_free = after in _RIGHT_CONTEXT
    if ch in "“”" and not is_open and (pos == 0 or before in "\n\r"):
        return "open"  # a paragraph opening with a spaced or miscurled mark: ” … they knew,” …
    if before in SPACE and after in SPACE:
        # A curly mark standing alone between spaces quotes nothing; a straight one may be
        # tokenised text (`` " We will stay , " he said ``) and pairs by position.
        return "either" if ch in "\"'" else "none"
    if ch in "«„" or text.startswith("‘‘", pos):
        return "open"
    if ch == "»" or text.startswith("’’", pos):
        return "close"
    if ch == "“":
        # Some texts close with an opening mark ("…wins“ that"); trust the neighbours then.
        return "close" if is_open and right_free and not left_free else "open"
    if ch == "”":
        return "open" if not is_open and left_free and not right_free else "close"
    if left_free and not right_free:
        return "open"
    if right_free and not left_free:
        return "close"
    return "either"


def _marks(text: str, start: int, end: int, single: bool) -> list[tuple[int, int]]:
    pattern = _SINGLE if single else _DOUBLE
    out = []
    skip_to = -1
    for m in pattern.finditer(text, start, end):
        s, e = m.span()
        if s < skip_to:
            continue
        if text[s] == '"' and s > 0 and text[s - 1] == "=":
            # A markup attribute (<tweet author="@x">) quotes nothing: skip its value.
            close = text.find('"', e, min(end, e + _ATTRIBUTE_CHARS))
            if close >= 0:
                skip_to = close + 1
                continue
        if single and text[s] == "’":
            # An apostrophe inside or at the end of a word ("don’t", "students’") is not a mark.
            before = text[s - 1] if s > 0 else " "
            after = text[e] if e < len(text) else " "
            if before.isalnum() and after.isalnum():
                continue
            if before in "sS" and after in SPACE and s >= 2:
                continue
        out.append((s, e))
    return out


def _starts_paragraph(text: str, ps: int, pos: int) -> bool:
    return not text[ps:pos].strip(SPACE)


def _glued(text: str, content_start: int, pos: int) -> bool:
    """Whether an opener at ``pos`` right after open content must be a closer in disguise."""
    return pos > content_start and text[pos - 1] not in SPACE


def _opens_with_mark(text: str, para: tuple[int, int], single: bool) -> bool:
    s, e = para
    while s < e and text[s] in SPACE:
        s += 1
    if s >= e:
        return False
    if single:
        return text[s] == "‘"
    return text[s] in _OPENING or text.startswith("''", s)


def _closers_ahead(text: str, marks: list[tuple[int, int]], k: int) -> int:
    """Closing marks among the next few marks, before any opener."""
    balance = 0
    for s, e in marks[k : k + _LOOKAHEAD]:
        role = _role(text, s, e - s, True)
        if role == "open":
            return balance
        if role != "none":
            balance += 1
    return balance


class _Pairer:
    """The pairing state while scanning one text paragraph by paragraph."""

    def __init__(self, text: str, single: bool) -> None:
        self.text = text
        self.single = single
        self.out: list[Passage] = []
        self.open_at: tuple[int, int] | None = None  # (mark start, content start)
        self.continuing = False
        self.nested = 0  # inner quotes written with the outer marks ("… even when “our side” …")

    def paragraph(self, ps: int, pe: int, carry: bool) -> None:
        """Pair the marks of one paragraph."""
        self.continuing = carry
        self.nested = 0
        marks = _marks(self.text, ps, pe, self.single)
        for k, (s, e) in enumerate(marks):
            role = _role(self.text, s, e - s, self.open_at is not None)
            if role == "none":
                continue
            if self.nested:
                self._inner(s, role)
            elif self.open_at is None:
                self._maybe_open(ps, k, s, e, role)
            else:
                self._with_open(marks, k, s, e, role, ps)

    def _inner(self, s: int, role: Role) -> None:
        assert self.open_at is not None
        if role == "open" and not _glued(self.text, self.open_at[1], s):
            self.nested += 1
        elif role != "open":
            self.nested -= 1

    def _maybe_open(self, ps: int, k: int, s: int, e: int, role: Role) -> None:
        if role == "close" and (k > 0 or not _starts_paragraph(self.text, ps, s)):
            return  # a stray closing mark
        self.open_at = (s, e)

    def _with_open(
        self, marks: list[tuple[int, int]], k: int, s: int, e: int, role: Role, ps: int
    ) -> None:
        assert self.open_at is not None
        o, cs = self.open_at
        if role == "open" and s == cs:
            self.open_at = (s, e)  # doubled opening mark: keep the later one
            return
        if role == "open" and not _glued(self.text, cs, s):
            if _closers_ahead(self.text, marks, k + 1) >= 2:
                self.nested = 1  # the outer quote closes after this inner one
                return
            # Two openers in a row: the first one was never closed. Drop it.
            self.open_at = (s, e)
            self.continuing = False
            return
        if cs < s and s - cs <= MAX_PASSAGE:
            cont = self.continuing and _starts_paragraph(self.text, ps, o)
            self.out.append(Passage(o, cs, s, e, True, cont))
        self.open_at = None
        self.continuing = False

    def end_paragraph(self, ps: int, pe: int, nxt: tuple[int, int] | None) -> bool:
        """Close a quote left open at the paragraph's end; whether it runs on into ``nxt``."""
        if self.open_at is None:
            return False
        text = self.text
        o, cs = self.open_at
        self.open_at = None
        ce = pe
        while ce > cs and text[ce - 1] in SPACE:
            ce -= 1
        if not cs < ce <= cs + MAX_PASSAGE:
            return False
        opens = _starts_paragraph(text, ps, o)
        self.out.append(Passage(o, cs, ce, pe, False, self.continuing and opens))
        # Only a quote that opens a paragraph or follows an introduction (":", ",") runs on
        # into the next paragraph; a stray mark mid-sentence does not.
        introduced = opens or text[ps:o].rstrip()[-1:] in ":,—–"
        return introduced and nxt is not None and _opens_with_mark(text, nxt, self.single)


def find_passages(
    text: str, paragraphs: Sequence[tuple[int, int]], *, single: bool = False
) -> list[Passage]:
    """Quoted passages of ``text`` in order, paired paragraph by paragraph in one pass."""
    pairer = _Pairer(text, single)
    carry = False
    for pi, (ps, pe) in enumerate(paragraphs):
        pairer.paragraph(ps, pe, carry)
        nxt = paragraphs[pi + 1] if pi + 1 < len(paragraphs) else None
        carry = pairer.end_paragraph(ps, pe, nxt)
    return pairer.out


def uses_double_marks(text: str) -> bool:
    """Whether the text has any double quotation mark (else single marks are the quotes)."""
    return _DOUBLE.search(text) is not None
