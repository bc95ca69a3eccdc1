"""Built-in plugin: direct, partial and indirect quotes with their speakers and cues.

The extractor is a small driver over its parts:

1. :mod:`.marks` pairs quotation marks into passages;
2. :mod:`.direct` groups passages into quotations and finds who introduces each (direct quotes),
   setting aside fragments embedded in a sentence;
3. :mod:`.reported` finds reported speech at every cue (indirect quotes);
4. :mod:`.partial` makes embedded fragments partial quotes of the clause that reports them;
5. :mod:`.speakers` resolves every speaker phrase to an actor, in text order.

Every word list lives in ``data/cues.json`` and ``data/english.json``.
"""

from __future__ import annotations

from ...draft import Draft, Offsets
from ...extractor import Extractor
from ...hookspecs import hookimpl
from .direct import find_quotations
from .marks import find_passages, uses_double_marks
from .partial import attach_fragments
from .reported import find_reports
from .speakers import Resolver
from .story import Story

__all__ = ["find_quotes"]

_NOT_CUES = frozenset(["—", "–", "―", "--", ":"])


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
    attach_fragments(story, fragments)
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
