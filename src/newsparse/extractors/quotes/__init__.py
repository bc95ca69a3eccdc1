"""Built-in plugin: direct, partial and indirect quotes with their speakers and cues.

The extractor is a small driver over its parts:

1. :mod:`.marks` pairs quotation marks into passages;
2. :mod:`.direct` groups passages into quotations and finds who introduces each (direct quotes),
   setting aside fragments embedded in a sentence;
3. :mod:`.reported` finds reported speech at every cue (indirect quotes);
4. embedded fragments become partial quotes of the reported clause that holds them;
5. :mod:`.speakers` resolves every speaker phrase to an actor, in text order.

Every word list lives in ``data/cues.json`` and ``data/english.json``.
"""

from __future__ import annotations

from ...draft import Draft, Offsets
from ...extractor import Extractor
from ...hookspecs import hookimpl
from .cues import Cue
from .direct import Fragment, cue_speaker, find_quotations, verb_position
from .marks import find_passages, uses_double_marks
from .reported import clause_start, content_end, find_reports
from .speakers import Resolver
from .story import Attribution, Found, Story

__all__ = ["find_quotes"]

_NOT_CUES = frozenset(["—", "–", "―", "--", ":"])


def _fragment_quote(story: Story, fragment: Fragment) -> None:
    """Make an embedded fragment a partial quote: of the reported clause around it, else of
    the cue of its sentence, else of whoever spoke last."""
    segments = fragment.segments
    first, last = segments[0][0], segments[-1][1]
    for found in story.found:
        if found.kind == "direct" or not (found.start < last and first < found.end):
            continue
        if found.kind == "indirect":
            found.kind = "partial"
            found.clause = (min(found.start, first), max(found.end, last))
            found.segments = []
        found.segments = sorted({*found.segments, *segments})
        return
    lo, hi = story.sentence(first)
    cues = story.cues_in(lo, hi)
    before = [c for c in cues if c.end <= first]
    # A reporting verb before the words reports them (the outermost one: "X alleged Y had
    # posted “…”" is X's allegation); else the nearest speech act; else a cue after them.
    speech = [c for c in before if c.sense.speech or c.sense.belief]
    acts = [c for c in reversed(before) if c not in speech]
    for cue in [*speech, *acts, *cues[len(before) :]]:
        found = _cue_for_fragment(story, cue, lo, hi, first, last)
        if found is not None:
            story.found.append(Found("partial", list(segments), found[0], 0.6, clause=found[1]))
            return
    story.found.append(Found("partial", list(segments), None, 0.4, stands_alone=True))


def _cue_for_fragment(
    story: Story, cue: Cue, lo: int, hi: int, first: int, last: int
) -> tuple[Attribution, Offsets] | None:
    """The attribution and clause a cue gives quoted words in its sentence: the words follow
    the cue within the clause it reports (``X called the plan “a disaster”``), or come before
    an attribution closing the sentence (``the plan is “a disaster,” X said``)."""
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
        return attribution, _trimmed(story, start, max(end, last), first, last)
    return attribution, _trimmed(story, lo, phrase.start, first, last)


def _trimmed(story: Story, start: int, end: int, first: int, last: int) -> Offsets:
    """``[start, end)`` without edge spaces and punctuation, always holding ``[first, last)``."""
    text = story.text
    while start < end and text[start] in " \t\u00a0,:":
        start += 1
    while end > start and text[end - 1] in " \t\u00a0,.;:":
        end -= 1
    return (min(start, first), max(end, last))


def _emit(story: Story) -> None:
    draft = story.draft
    text = story.text
    for found in sorted(story.found, key=lambda f: f.start):
        if found.dropped:
            continue
        segments: list[Offsets] = []
        for s, e in sorted(set(found.segments)):
            if s < e and (not segments or s >= segments[-1][1]):
                segments.append((s, e))
        if not segments:
            continue
        cue = found.attribution.cue if found.attribution else None
        if cue is not None and (cue[0] >= cue[1] or text[cue[0] : cue[1]] in _NOT_CUES):
            cue = None
        draft.quotes.add(
            found.kind,
            segments,
            clause=found.clause if found.kind == "partial" else None,
            speaker=found.speaker.id if found.speaker is not None else None,
            speaker_mention=found.mention,
            cue=cue,
            confidence=round(max(0.05, min(1.0, found.confidence)), 2),
        )


def find_quotes(draft: Draft) -> None:
    """Find quotes and attribute them."""
    if not draft.text or not draft.sentences:
        return
    story = Story(draft)
    text = story.text
    single = not uses_double_marks(text)
    story.set_passages(find_passages(text, story.paragraphs, single=single))
    fragments = find_quotations(story)
    find_reports(story)
    story.found.sort(key=lambda f: f.start)
    for fragment in fragments:
        _fragment_quote(story, fragment)
    Resolver(story).resolve()
    _emit(story)


@hookimpl
def newsparse_extractors() -> list[Extractor]:
    """The quote extractor."""
    return [
        Extractor(
            name="quotes",
            run=find_quotes,
            requires=("sentences", "actors"),
            provides=("quotes",),
            amends=("actors",),
        )
    ]
