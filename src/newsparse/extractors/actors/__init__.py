"""Built-in plugin: actors (people, governments, groups, countries, organisations) and places.

The extractor is a small driver over four steps, each a module of this package:

1. :mod:`.candidates` finds capitalised runs and common-noun parties, and splits runs on the
   gazetteers (``newsparse/data``);
2. :mod:`.classification` merges pieces into names, attaches titles and labels unknown names
   from their context (named rule books);
3. :mod:`.coreference` builds one actor per entity and links every mention to it (surnames,
   abbreviations, descriptions, capitals that act);
4. :mod:`.places` keeps places apart from actors unless the place acts.
"""

from __future__ import annotations

import bisect
import itertools

from ...draft import Draft
from ...extractor import Extractor
from ...hookspecs import hookimpl
from ...lexicon.actors import cues, gazetteer
from .candidates import OPENERS, analyse_run, caps_sentence, find_groups, lookup, runs, said_after
from .classification import classify_unknown, label_pieces, results_line, team_context
from .coreference import link
from .items import Item, State

__all__ = ["find_actors", "newsparse_extractors"]

_RunKey = tuple[str, bool, bool, bool]
_ANALYSED: dict[_RunKey, list[Item]] = {}
"""Analysed runs, offsets relative to the run's start, shared by the articles of a process.

Only the run's own words and whether a speech verb follows decide its analysis, so the result
can be replayed wherever the same run occurs; the cache is bounded (oldest half dropped)."""
_ANALYSED_MAX = 10_000


def _plain_word(word: str, caps: bool) -> bool:
    """An ordinary word no gazetteer or given-name list knows (``The``, ``However``)."""
    gaz = gazetteer()
    return word.lower() in gaz.common and lookup(gaz, word, caps) is None and word not in gaz.given


def _analysed(text: str, s: int, e: int, sent: tuple[int, int], key: _RunKey) -> list[Item]:
    """The items of one run, relative to its start, analysed once per process."""
    templates = _ANALYSED.get(key)
    if templates is None:
        caps = key[2]
        items = label_pieces(text, analyse_run(text, s, e, sent, caps), sent)
        templates = [t.shifted(-s, -1) for t in items]
        if len(_ANALYSED) >= _ANALYSED_MAX:
            for old in list(itertools.islice(_ANALYSED, len(_ANALYSED) // 2 + 1)):
                del _ANALYSED[old]
        _ANALYSED[key] = templates
    return templates


def _scan_sentence(
    st: State, sent: tuple[int, int], memo: dict[tuple[str, bool, bool], list[Item]]
) -> None:
    text = st.text
    never = cues().sets["never_names"]
    caps = caps_sentence(text, *sent)
    if caps:
        st.caps.add(sent[0])
    if results_line(text, sent):
        st.sports.add(sent[0])
    for s0, e0 in runs(text, sent[0], sent[1]):
        chunk = text[s0:e0]
        opening = s0 == sent[0] or text[max(sent[0], s0 - 2) : s0].strip() in OPENERS
        if " " not in chunk and (
            chunk in never
            or (
                opening
                and _plain_word(chunk, caps)
                and (caps or not said_after(text, e0, sent[1]))  # "Cook said"
            )
        ):
            continue  # "The", "However": the commonest runs, settled without analysis
        key = (chunk, opening, caps)
        templates = memo.get(key)
        if templates is None:
            said = said_after(text, e0, sent[1])
            templates = _analysed(text, s0, e0, sent, (*key, said))
            memo[key] = templates
        for t in templates:
            st.items.append(t.shifted(s0, sent[0]))


def _classify(st: State, sentences: list[tuple[int, int]]) -> None:
    """Label unknown names from context; in results tables, places before scores are teams."""
    if len(st.sports) < 3:
        st.sports.clear()  # one "Name 3" is a count, many lines of them are results tables
    starts = [s for s, _ in sentences]
    whole = (0, len(st.text))
    for it in st.items:
        if it.label != "unknown" and not (it.label in {"place", "capital"} and st.sports):
            continue
        i = bisect.bisect_right(starts, it.start) - 1
        sent = sentences[i] if i >= 0 else whole
        if it.label == "unknown":
            classify_unknown(st, it, sent)
        elif sent[0] in st.sports and team_context(st.text, it, sent):
            it.label, it.kind, it.entry = "org", "organization", None


def find_actors(draft: Draft) -> None:
    """Find actors and places and link their mentions."""
    text = draft.text
    st = State(draft=draft, text=text)
    memo: dict[tuple[str, bool, bool], list[Item]] = {}
    sentences = list(draft.sentences) or ([(0, len(text))] if text.strip() else [])
    for sent in sentences:
        _scan_sentence(st, sent, memo)
    find_groups(st, sentences)
    _classify(st, sentences)
    link(st)


@hookimpl
def newsparse_extractors() -> list[Extractor]:
    """The actor extractor."""
    return [
        Extractor(
            name="actors",
            run=find_actors,
            requires=("sentences",),
            provides=("actors", "places"),
        )
    ]
