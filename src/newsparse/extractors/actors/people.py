"""People's attributes: whom they speak for, titles written after the name, gender, and the
descriptions that point to them (``the Russian leader``)."""

from __future__ import annotations

import bisect
from functools import cache

import regex

from ...draft import ActorDraft
from ...lexicon.actors import cues, gazetteer
from ...lexicon.english import english
from .items import Item, State
from .linker import Linker

__all__ = ["affiliations", "described_people"]


@cache
def _after_title() -> regex.Pattern[str]:
    return regex.compile(
        r"[ \t]*,[ \t]*(?:the[ \t]+|a[ \t]+|an[ \t]+)?([\p{L} \-]{2,40}?)"
        r"(?=[ \t]*(?:[,–—\-]|\b\L<stops>\b|$))",
        stops=cues().after_title_stops,
    )


@cache
def _pronoun() -> regex.Pattern[str]:
    gendered = [w for w, p in english().pronouns.items() if p.gender in {"m", "f"}]
    return regex.compile(r"\b\L<p>\b", p=gendered)


def _belongs(person: ActorDraft, body: ActorDraft) -> None:
    if body.kind == "country":
        person.country = person.country or body.country
    else:
        person.add_affiliation(body.id)


class _Bodies:
    """Where the article's non-person actors are mentioned, by start and by end."""

    def __init__(self, st: State) -> None:
        self.by_start: dict[int, ActorDraft] = {}
        self.by_end: dict[int, ActorDraft] = {}
        for a in st.draft.actors:
            if a.kind == "person":
                continue
            for s, e, _f in a.mentions:
                self.by_start[s] = a
                self.by_end[e] = a
        self.starts = sorted(self.by_start)
        self.ends = sorted(self.by_end)


def _office_between(text: str, bodies: _Bodies, person: ActorDraft, it: Item) -> None:
    """A lower-case office between a body and the name: ``Hamas spokesman Hazem Qassem``."""
    titles = gazetteer().titles_lower
    ends = bodies.ends
    # by index, not over a slice: a slice copies every later end, once per person
    for i in range(bisect.bisect_left(ends, it.start - 40), len(ends)):
        e = ends[i]
        if e >= it.start:
            break
        between = " ".join(text[e : it.start].split()).lower().rstrip(".")
        between = between.removeprefix("'s ").removeprefix("’s ")
        if between in titles:
            _belongs(person, bodies.by_end[e])
            person.add_title(between)
            break


def _title_after(text: str, bodies: _Bodies, person: ActorDraft, it: Item) -> None:
    """``X, the UN spokesman``, ``X, chief negotiator – Syrian opposition``."""
    m = _after_title().match(text, it.end, it.end + 80)
    if not m:
        return
    titles = gazetteer().titles_lower
    words = m.group(1).split()
    for n in range(len(words), 0, -1):
        title = " ".join(words[-n:])
        t = titles.get(title.lower())
        if t is None:
            continue
        person.add_title(title)
        if t.gender and not person.gender:
            person.gender = t.gender
        if n < len(words):
            # "X, the UN spokesman": the body named before the title.
            body = bodies.by_start.get(m.start(1)) or bodies.by_start.get(m.start(1) - 4)
            if body is not None:
                _belongs(person, body)
                return
        k = bisect.bisect_left(bodies.starts, m.end())
        for s in bodies.starts[k : k + 1]:
            link = text[m.end() : s].split()
            # "ambassador to Syria" serves there; it is not where the person is from.
            if s <= m.end() + 25 and link[:1] != ["to"]:
                _belongs(person, bodies.by_start[s])
        return


def affiliations(st: State, lk: Linker, items: list[Item]) -> None:
    """Who people speak for, titles after names, and gender from the next pronoun."""
    text = st.text
    bodies = _Bodies(st)
    for it in items:
        person = lk.item_actor.get(id(it))
        if it.label != "person" or person is None:
            continue
        if it.affiliation_start >= 0:
            body = bodies.by_start.get(it.affiliation_start)
            if body is not None:
                _belongs(person, body)
        elif it.title_start < 0:
            _office_between(text, bodies, person, it)
        _title_after(text, bodies, person, it)
        if person.gender is None:
            w = _pronoun().search(text, it.end, it.end + 200)
            if w:
                person.gender = english().pronouns[w.group()].gender


@cache
def _described_pattern() -> regex.Pattern[str]:
    """``the Russian leader``, ``the Iraqi foreign minister``: a nationality and an office."""
    gaz = gazetteer()
    demonyms = [w for w, e in gaz.exact.items() if e.source == "demonym"]
    heads = cues().head_offices
    offices = [t for t in gaz.titles_lower if " " in t or t in heads] + list(heads)
    return regex.compile(
        r"\b[Tt]he[ \t\u00a0]+(?P<dem>\L<dem>)[ \t\u00a0]+(?P<office>(?i:\L<offices>))\b",
        dem=demonyms,
        offices=offices,
    )


def described_people(st: State, lk: Linker) -> None:
    """Link ``the Russian leader`` to the one Russian person holding such an office."""
    gaz, c = gazetteer(), cues().sets
    if not any(p.country and p.titles for p in lk.people):
        return  # nobody to describe
    for m in _described_pattern().finditer(st.text):
        ent = gaz.exact.get(m.group("dem"))
        if ent is None or ent.iso is None:
            continue
        office = m.group("office").lower()
        wanted = c["head_offices"] if office == "leader" else {office}
        holders = [
            p for p in lk.people if p.country == ent.iso and wanted & {t.lower() for t in p.titles}
        ]
        if len(holders) == 1:
            holders[0].add_mention(m.start("dem"), m.end(), "title")
