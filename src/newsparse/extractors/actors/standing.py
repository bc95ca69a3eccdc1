"""Standing: which bodies the article only names as where somebody works or something happens.

News quotes experts with their employer (``said Ana Ruiz, a professor at Leiden University``,
``Ali Wyne, an analyst with the Crisis Group``): the university or think tank does not act, it
tells who the person is. A body of that sort named nowhere else is a title of the person, not an
actor. Governments, groups, intergovernmental bodies and news organisations keep their place:
they act through their people, and a reporter's outlet is cited.

Likewise a seat of power named only as where something happens (``asked by a reporter at the
White House``, ``she spoke at the European Parliament``) is a place, not the body seated there.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from functools import cache

import regex

from ...draft import ActorDraft, PlaceDraft
from ...lexicon.actors import cues
from .items import Sentences, State

__all__ = ["employers_only", "venues_only"]

_WINDOW = 160
"""How far before a body's name its person's role is looked for (a role is a few words)."""


_H = r"[ \t\u00a0]"
_TAIL = (
    rf"\L<preps>{_H}+(?:the{_H}+)?"
    rf"(?:[\p{{L}}\p{{N}}]+(?:-[\p{{L}}]+)+{_H}+){{0,2}}"  # "Berlin-based", "now-shuttered"
    # "Cornell University's": the body's parent in the possessive
    rf"(?:(?:\p{{Lu}}[^\s,;:]*{_H}+){{0,5}}\p{{Lu}}[^\s,;:]*?['’]s{_H}+)?"
)
"""What ends the text before a body named as a workplace: ``of``/``at``/``with`` …"""


@cache
def _role_before() -> regex.Pattern[str]:
    """A role in apposition, then ``at``/``of``/``with``, at the end of the text before a name:
    ``, senior fellow with the``, ``A media analyst at the``, ``is now an analyst at``."""
    h = _H
    return regex.compile(
        rf"(?:^|(?P<comma>,){h}*|[(—–]{h}*|\b(?:is|was){h}+(?:now{h}+|also{h}+)?)"
        rf"(?:(?:a|an|the){h}+)?"
        rf"(?P<role>(?:[^\s,;:()“”\"]+{h}+){{1,10}}?)"
        rf"{_TAIL}$",
        preps=cues().workplace_prepositions,
    )


@cache
def _tail_before() -> regex.Pattern[str]:
    """The end of :func:`_role_before` alone, matched right to left from the name: most names
    have no preposition before them, and one anchored attempt tells."""
    return regex.compile(rf"(?r)\b{_TAIL}$", preps=cues().workplace_prepositions)


def _media(text: str, name: str, end: int) -> bool:
    """A news organisation: a media word in its name, or a media noun after it."""
    c = cues()
    if not c.sets["media_words"].isdisjoint(name.split()):
        return True
    after = text[end : end + 20].split()[:2]
    nouns = c.sets["media_nouns"]
    return bool(after) and (after[0].lower() in nouns or " ".join(after).lower() in nouns)


def _role_at(text: str, start: int, lo: int) -> regex.Match[str] | None:
    """The apposed role in ``text[lo:start]``, before a mention, if its words name a role of
    somebody quoted for what they know (match offsets are relative to ``lo``)."""
    if _tail_before().search(text, lo, start) is None:
        return None  # no "at"/"of"/"with" before the name: the full pattern cannot match
    m = _role_before().search(text[lo:start])
    if m is None:
        return None
    roles = cues().sets["expert_roles"]
    words = [w.lower().strip(".") for w in m.group("role").split()]
    pairs = [f"{a} {b}" for a, b in itertools.pairwise(words)]
    if roles.isdisjoint(words) and roles.isdisjoint(pairs):
        return None
    return m


def _person_before(st: State, comma: int) -> ActorDraft | None:
    """The person whose mention ends just before a comma (``Ali Wyne, …``)."""
    for _s, e, _f, a in st.draft.actors.mentions_in(max(0, comma - 80), comma):
        if e == comma and a.kind == "person":
            return a
    return None


def employers_only(st: State) -> None:
    """Take out the organisations the article names only as a quoted person's workplace; the
    role and the body become a title of the person when the person is at hand."""
    text, draft = st.text, st.draft
    sents = Sentences(list(draft.sentences), len(text))
    for a in list(draft.actors):
        if a.kind != "organization" or not a.mentions or _media(text, a.name, a.mentions[0][1]):
            continue
        found = []
        for s, e, _f in a.mentions:
            lo = max(sents.of(s)[0], s - _WINDOW)
            m = _role_at(text, s, lo)
            if m is None:
                break
            found.append((m, lo, e))
        else:
            _drop(st, a, found)


def _drop(st: State, body: ActorDraft, found: list[tuple[regex.Match[str], int, int]]) -> None:
    text, draft = st.text, st.draft
    for a in draft.actors:
        if body.id in a.affiliations:
            a.affiliations = tuple(x for x in a.affiliations if x != body.id)
    for m, lo, end in found:
        if m.group("comma") is None:
            continue
        person = _person_before(st, lo + m.start("comma"))
        if person is not None:
            _longer_title(person, " ".join(text[lo + m.start("role") : end].split()))
    draft.actors.remove(body)


def _longer_title(person: ActorDraft, title: str) -> None:
    """Add a title, in place of the shorter ones it extends (``director`` and ``director of
    Cornell University`` give way to ``director of Cornell University's … Institute``)."""
    kept = tuple(t for t in person.titles if not title.startswith(t))
    person.titles = (*kept, title)


@cache
def _at() -> regex.Pattern[str]:
    return regex.compile(
        r"\b\L<preps>[ \t\u00a0]+(?:the[ \t\u00a0]+)?$",
        regex.I,
        preps=cues().venue_prepositions,
    )


def _at_venue(text: str, start: int, building: bool) -> bool:
    """Whether a mention follows ``at the`` (any seat) or ``in``/``outside``/``to`` (a
    building, not an assembly: ``in Congress`` is the body)."""
    m = _at().search(text, max(0, start - 16), start)
    if m is None:
        return False
    return building or m.group().split()[0].lower() == "at"


def venues_only(st: State, place: Callable[[str, str | None], PlaceDraft]) -> None:
    """Seats of power and assemblies the article names only as venues become places."""
    text, draft = st.text, st.draft
    c = cues().sets
    for a in list(draft.actors):
        if a.kind not in {"government", "igo"} or not a.mentions:
            continue
        building = a.name in c["seat_buildings"]
        if not building and a.name not in c["assemblies"]:
            continue
        if all(_at_venue(text, s, building) for s, _e, _f in a.mentions):
            draft.actors.remove(a)
            p = place(a.name, a.country)
            for m in a.mentions:
                p.add_mention(*m)
