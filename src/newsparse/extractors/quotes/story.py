"""One article as the quote rules see it: the text, its sentences, its cues and quoted passages,
and the quotes found so far (:class:`Found`) before their speakers are resolved."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from ...draft import ActorDraft, Draft, Offsets, Runs
from .cues import Cue, find_cues
from .marks import Passage
from .phrases import Phrase, Token, tokens

__all__ = ["REACH", "Attribution", "Found", "QuoteKind", "Story"]

QuoteKind = Literal["direct", "partial", "indirect"]

#: How far from a cue or mark the rules read in its sentence (see :meth:`Story.sentence`).
REACH = 1500


@dataclass(slots=True)
class Attribution:
    """Who is said to speak, and with which cue, before the speaker is resolved to an actor."""

    phrase: Phrase | None
    """The words naming the speaker (None: the speaker is inherited or unknown)."""
    cue: Offsets | None
    rule: str
    """Name of the rule that found the attribution."""
    confidence: float


@dataclass(slots=True)
class Found:
    """A quote found by some rule, in text order once every rule has run."""

    kind: QuoteKind
    segments: list[Offsets]
    attribution: Attribution | None
    confidence: float
    clause: Offsets | None = None
    """For a partial quote: the reported clause that holds the quoted words."""
    stands_alone: bool = False
    """A quotation with no attribution of its own: it continues an earlier speaker."""
    speaker: ActorDraft | None = None
    mention: Offsets | None = None
    dropped: bool = False
    """Found but not a quote after all (a fragment nobody is said to have said)."""

    @property
    def start(self) -> int:
        """Where the quote starts (its clause, for a partial quote)."""
        first = self.segments[0][0]
        return min(first, self.clause[0]) if self.clause else first

    @property
    def end(self) -> int:
        """Where the quote ends."""
        last = self.segments[-1][1]
        return max(last, self.clause[1]) if self.clause else last


def _starts(runs: Sequence[Offsets]) -> Sequence[int]:
    """The starts of some ranges (the draft keeps them in an array already)."""
    if isinstance(runs, Runs):
        return runs.starts
    return [s for s, _ in runs]


@dataclass
class Story:
    """The article's text with the lookups every rule shares."""

    draft: Draft
    text: str = field(init=False)
    sentences: Sequence[Offsets] = field(init=False)
    paragraphs: Sequence[Offsets] = field(init=False)
    cues: list[Cue] = field(init=False)
    passages: list[Passage] = field(default_factory=list)
    found: list[Found] = field(default_factory=list)
    _sentence_starts: Sequence[int] = field(init=False)
    _paragraph_starts: Sequence[int] = field(init=False)
    _cue_starts: list[int] = field(init=False)
    _passage_opens: list[int] = field(init=False, default_factory=list)
    used_cues: set[int] = field(default_factory=set)
    """Starts of the cues that attribute a direct quote (no reported speech there)."""
    _direct: list[Offsets] = field(default_factory=list)
    _direct_starts: list[int] | None = None
    _tokens: dict[int, tuple[list[int], list[Token]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.text = self.draft.text
        whole = ((0, len(self.text)),)
        self.sentences = self.draft.sentences or whole
        self.paragraphs = self.draft.paragraphs or whole
        self._sentence_starts = _starts(self.sentences)
        self._paragraph_starts = _starts(self.paragraphs)
        self.cues = find_cues(self.text)
        self._cue_starts = [c.start for c in self.cues]

    # -- where things are

    def sentence_index(self, pos: int) -> int:
        """Index of the sentence holding ``pos`` (or the last one starting before it)."""
        return max(0, bisect_right(self._sentence_starts, pos) - 1)

    def sentence(self, pos: int) -> Offsets:
        """The sentence holding ``pos``, at most :data:`REACH` characters either side of it.

        Rules look at the sentence around a cue or a mark; bounding it keeps each look short
        in a text with a huge sentence (no punctuation for pages), so work stays linear.
        """
        s, e = self.sentences[self.sentence_index(pos)]
        return max(s, pos - REACH), min(e, pos + REACH)

    def paragraph_index(self, pos: int) -> int:
        """Index of the paragraph holding ``pos`` (or the last one starting before it)."""
        return max(0, bisect_right(self._paragraph_starts, pos) - 1)

    def paragraph(self, pos: int) -> Offsets:
        """The paragraph holding ``pos``."""
        return self.paragraphs[self.paragraph_index(pos)]

    def tokens(self, lo: int, hi: int) -> list[Token]:
        """The tokens lying wholly in ``[lo, hi)``; each sentence is tokenised once."""
        k = self.sentence_index(lo)
        s, e = self.sentences[k]
        if s <= lo and hi <= e:  # the usual case: inside one sentence
            return self._slice(k, lo, hi)
        out: list[Token] = []
        pos = lo
        while pos < hi and k < len(self.sentences):
            s, e = self.sentences[k]
            if e <= pos:
                k += 1
                continue
            if s > pos:
                out.extend(tokens(self.text, pos, min(s, hi)))  # text outside the sentences
            out.extend(self._slice(k, max(pos, s), min(hi, e)))
            pos = e
            k += 1
        if pos < hi:
            out.extend(tokens(self.text, pos, hi))
        return out

    def _slice(self, k: int, lo: int, hi: int) -> list[Token]:
        """The tokens of sentence ``k`` lying wholly in ``[lo, hi)``."""
        starts, toks = self._sentence_tokens(k)
        out = toks[bisect_left(starts, lo) : bisect_left(starts, hi)]
        if out and out[-1][1] > hi:
            out.pop()  # tokens do not overlap: only the last one can run past ``hi``
        return out

    def _sentence_tokens(self, k: int) -> tuple[list[int], list[Token]]:
        got = self._tokens.get(k)
        if got is None:
            s, e = self.sentences[k]
            toks = tokens(self.text, s, e)
            got = self._tokens[k] = ([t[0] for t in toks], toks)
        return got

    def cues_in(self, lo: int, hi: int) -> list[Cue]:
        """Cues starting in ``[lo, hi)``, in order."""
        return self.cues[bisect_left(self._cue_starts, lo) : bisect_left(self._cue_starts, hi)]

    def set_passages(self, passages: list[Passage]) -> None:
        """Remember the quoted passages (to know what lies inside quotation marks)."""
        self.passages = passages
        self._passage_opens = [p.open for p in passages]

    def in_marks(self, pos: int) -> bool:
        """Whether ``pos`` lies inside a quoted passage (marks included)."""
        i = bisect_right(self._passage_opens, pos) - 1
        return i >= 0 and pos < self.passages[i].close

    def add_direct(self, segments: list[Offsets]) -> None:
        """Remember text taken by a direct quote (reported speech does not go there)."""
        self._direct.extend(segments)
        self._direct_starts = None

    def in_direct(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a direct quote's segment."""
        if self._direct_starts is None:
            self._direct.sort()
            self._direct_starts = [s for s, _ in self._direct]
        i = bisect_left(self._direct_starts, end) - 1
        # Direct segments do not overlap, so the one starting last before ``end`` decides,
        # unless an earlier, longer one reaches past ``start`` (checked a few back).
        for k in range(i, max(-1, i - 4), -1):
            s, e = self._direct[k]
            if s < end and start < e:
                return True
        return False
