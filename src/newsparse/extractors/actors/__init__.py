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

import itertools
from functools import lru_cache

from ...draft import Draft
from ...extractor import Extractor
from ...hookspecs import hookimpl
from ...lexicon.actors import gazetteer
from ...rules import Rule
from .candidates import (
    OPENERS,
    analyse_run,
    caps_sentence,
    credit_lines,
    find_groups,
    lookup,
    never_names,
    runs,
    said_after,
)
from .classification import (
    UnknownContext,
    Verdict,
    apply_verdict,
    classify_unknown,
    dateline,
    label_pieces,
    plays,
    results_lines,
    team_context,
)
from .coreference import link
from .items import Item, Sentences, State
from .works import titles_of_works

__all__ = ["find_actors", "forget_runs", "newsparse_extractors"]

_RunKey = tuple[str, bool, bool, bool]
_ANALYSED: dict[_RunKey, list[Item]] = {}
"""Analysed runs, offsets relative to the run's start, shared by the articles of a process.

Only the run's own words and whether a speech verb follows decide its analysis, so the result
can be replayed wherever the same run occurs; the cache is bounded (oldest half dropped)."""
_ANALYSED_MAX = 20_000


def forget_runs() -> None:
    """Empty the cache of analysed runs (frees its memory; tests use it to see rules fire)."""
    _ANALYSED.clear()


@lru_cache(maxsize=8192)
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
        templates = [t.shifted(-s) for t in items]
        if len(_ANALYSED) >= _ANALYSED_MAX:
            for old in list(itertools.islice(_ANALYSED, len(_ANALYSED) // 2 + 1)):
                del _ANALYSED[old]
        _ANALYSED[key] = templates
    return templates


_Memo = dict[tuple[str, bool, bool], tuple[int, int, int]]
"""Runs met so far in the article: where the first one starts, and the slice of ``st.items``
its items took (a later run of the same words copies them, shifted)."""


def _scan_sentence(st: State, sent: tuple[int, int], memo: _Memo) -> None:
    text = st.text
    never = never_names()
    caps = caps_sentence(text, *sent)
    if caps:
        st.caps.add(sent[0])
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
        items = st.items
        seen = memo.get(key)
        if seen is None:
            said = said_after(text, e0, sent[1])
            first = len(items)
            items.extend(t.shifted(s0) for t in _analysed(text, s0, e0, sent, (*key, said)))
            memo[key] = (s0, first, len(items))
        else:
            # copies of the first run's items, untouched until every sentence is scanned: the
            # memo holds three numbers per run, not a second copy of its items
            s_first, lo, hi = seen
            items.extend(items[i].shifted(s0 - s_first) for i in range(lo, hi))


_SURE = 0.75
"""A verdict this confident settles a name without reading its other mentions."""
_READ_AT_MOST = 8
"""Mentions of one unknown name read at most (a name repeated in a long text is read a few
times, not once per mention)."""


def _teams(st: State, sents: Sentences) -> None:
    """In a sports story, a town before a score or a verb of a match is a team, and so are its
    other mentions (datelines excepted)."""
    if len(st.sports) < 3:
        st.sports.clear()  # one "Name 3" is a count, many lines of them are results tables
        return
    towns: dict[str, list[Item]] = {}
    teams: set[str] = set()
    for it in st.items:
        if it.label not in {"place", "capital"}:
            continue
        surface = st.text[it.start : it.end]
        towns.setdefault(surface, []).append(it)
        sent = sents.of(it.start)
        if (sent[0] in st.sports and team_context(st.text, it, sent)) or plays(st.text, it):
            teams.add(surface)
    for surface in teams:
        for it in towns[surface]:
            if not dateline(st.text, it):
                it.label, it.kind, it.entry = "org", "organization", None


def _classify(st: State, sents: Sentences) -> None:
    """Label unknown names from context, once per name: the most confident verdict among its
    first mentions decides for every mention of the same words (one sense per article)."""
    unknown: dict[str, list[Item]] = {}
    for it in st.items:
        if it.label == "unknown":
            unknown.setdefault(st.text[it.start : it.end], []).append(it)
    for same in unknown.values():
        best: tuple[float, Item, tuple[Rule[UnknownContext, Verdict], Verdict]] | None = None
        for it in same[:_READ_AT_MOST]:
            hit = classify_unknown(st, it, sents.of(it.start))
            if hit is None or hit[1].label == "unknown":
                continue
            if best is None or hit[0].confidence > best[0]:
                best = (hit[0].confidence, it, hit)
            if best[0] >= _SURE:
                break
        if best is not None:
            for other in same:
                apply_verdict(other, *best[2], decided=other is best[1])
    if st.sports:
        _clubs(st)


def _clubs(st: State) -> None:
    """In a sports story, a guessed person whose last word is a town is a club (``Fortuna
    Sittard``, ``Gloria Bistrita``)."""
    gaz = gazetteer()
    for it in st.items:
        if it.label != "person" or it.title_start >= 0:
            continue
        words = st.text[it.start : it.end].split()
        last = lookup(gaz, words[-1], False) if len(words) >= 2 else None
        if last is not None and last.source in {"place", "capital"}:
            it.label, it.kind = "org", "organization"


def find_actors(draft: Draft) -> None:
    """Find actors and places and link their mentions."""
    text = draft.text
    st = State(draft=draft, text=text)
    memo: _Memo = {}
    sentences = list(draft.sentences) or ([(0, len(text))] if text.strip() else [])
    credits = credit_lines(text, sentences)
    st.sports = results_lines(text, sentences)
    for sent in sentences:
        if sent[0] not in credits:
            _scan_sentence(st, sent, memo)
    titles_of_works(st)
    find_groups(st, sentences)
    sents = Sentences(sentences, len(text))
    _teams(st, sents)
    _classify(st, sents)
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
