"""Partial quotes: quoted words inside a sentence that reports them.

A fragment (``Nina Alves said the agreement was “a positive reminder” of what talks can do``) is
a partial quote of the reported clause holding it, when reported speech was found there: its
segments are the quoted words, its clause the report. Otherwise the cue of its sentence gives the
speaker and the clause (the outermost reporting verb before the words: ``X alleged Y had posted
“…”`` is X's allegation; else the nearest speech act; else an attribution after them). Words with
no cue at all continue whoever spoke last, or are dropped when nobody did.
"""

from __future__ import annotations

from bisect import bisect_left

from ...draft import Offsets
from .clauses import clause_start, content_end
from .cues import Cue
from .direct import Fragment, cue_speaker
from .story import Attribution, Found, Story

__all__ = ["attach_fragments"]

#: Reports looked back through for one holding a fragment (reports rarely nest deeper).
_LOOKBACK = 8
#: The fewest words a fragment with no cue in its sentence needs to be a quote of whoever spoke
#: last (fewer are scare quotes: ``its “safety check” feature``).
_ALONE_WORDS = 4
_FINAL = (".", "!", "?")
_EDGE = " \t\u00a0,:"
_END_EDGE = " \t\u00a0,.;:"


def attach_fragments(story: Story, fragments: list[Fragment]) -> None:
    """Turn every embedded fragment into a partial quote (``story.found`` sorted by start)."""
    reports = [f for f in story.found if f.kind != "direct"]
    starts = [f.start for f in reports]
    said = sorted((f.start, f.end) for f in story.found if f.attribution is not None)
    last_own: Found | None = None
    for fragment in fragments:
        holder = _holding(reports, starts, fragment)
        first = fragment.segments[0][0]
        if holder is None and last_own is not None and last_own.start < first < last_own.end:
            holder = last_own  # a second fragment of the clause its neighbour gave a quote
        if holder is not None:
            _widen(holder, fragment)
        else:
            own = _own_quote(story, fragment)
            if own.stands_alone and not _may_stand_alone(story, fragment, said):
                continue  # a scare quote: a few words no cue in their sentence reports
            last_own = own
            story.found.append(own)


def _may_stand_alone(story: Story, fragment: Fragment, said: list[Offsets]) -> bool:
    """Whether a fragment no cue in its sentence reports is a quote of whoever spoke last: a
    long one, or a short one closing a sentence after an attributed quote in its paragraph
    (``they are not “marching in lockstep.”``); short words inside a sentence are scare
    quotes."""
    text = story.text
    segments = fragment.segments
    if sum(len(text[s:e].split()) for s, e in segments) >= _ALONE_WORDS:
        return True
    first, last = segments[0][0], segments[-1][1]
    lo = story.sentence(first)[0]
    after = text[last : last + 3].lstrip("”\"’»'")
    if text[last - 1 : last] not in _FINAL and after[:1] not in _FINAL:
        return False
    p_lo = story.paragraph(first)[0]
    i = bisect_left(said, (lo, -1))
    return any(p_lo <= s and e <= lo for s, e in said[max(0, i - _LOOKBACK) : i])


def _holding(reports: list[Found], starts: list[int], fragment: Fragment) -> Found | None:
    """The report (found before fragments were handled) that overlaps the fragment, earliest
    first."""
    first, last = fragment.segments[0][0], fragment.segments[-1][1]
    i = bisect_left(starts, last)
    best: Found | None = None
    for found in reports[max(0, i - _LOOKBACK) : i]:
        if found.end > first:
            best = found
            break
    return best


def _widen(found: Found, fragment: Fragment) -> None:
    """Make ``found`` a partial quote holding the fragment's words."""
    segments = fragment.segments
    if found.kind == "indirect":
        found.kind = "partial"
        found.clause = (min(found.start, segments[0][0]), max(found.end, segments[-1][1]))
        found.segments = []
    found.segments = sorted({*found.segments, *segments})


def _own_quote(story: Story, fragment: Fragment) -> Found:
    """A partial quote of its own for a fragment no report holds."""
    segments = fragment.segments
    first, last = segments[0][0], segments[-1][1]
    lo, hi = story.sentence(first)
    cues = story.cues_in(lo, hi)
    before = [c for c in cues if c.end <= first]
    speech = [c for c in before if c.sense.speech or c.sense.belief]
    acts = [c for c in reversed(before) if c not in speech]
    for cue in [*speech, *acts, *cues[len(before) :]]:
        got = _cue_for(story, cue, (lo, hi), (first, last))
        if got is not None:
            return Found("partial", list(segments), got[0], got[0].confidence, clause=got[1])
    return Found("partial", list(segments), None, 0.4, stands_alone=True)


def _cue_for(
    story: Story, cue: Cue, sentence: Offsets, words: Offsets
) -> tuple[Attribution, Offsets] | None:
    """The attribution and clause ``cue`` gives quoted ``words`` in its ``sentence``: the words
    follow the cue within the clause it reports (``X called the plan “a disaster”``), or come
    before an attribution closing the sentence (``the plan is “a disaster,” X said``)."""
    (lo, hi), (first, last) = sentence, words
    if story.in_marks(cue.start) or (cue.sense.direct_only and cue.start > first):
        return None
    phrase = cue_speaker(story, cue, lo, hi)
    if phrase is None:
        return None
    attribution = Attribution(phrase, (cue.start, cue.end), "fragment in sentence", 0.6)
    if cue.end <= first:
        start = clause_start(story, cue, hi)
        start = cue.end if start < 0 or start > first else start
        end = content_end(story, start, hi)
        return attribution, _trimmed(story.text, start, max(end, last), words)
    return attribution, _trimmed(story.text, lo, phrase.start, words)


def _trimmed(text: str, start: int, end: int, words: Offsets) -> Offsets:
    """``[start, end)`` without edge spaces and punctuation, always holding ``words``."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _END_EDGE:
        end -= 1
    return (min(start, words[0]), max(end, words[1]))
