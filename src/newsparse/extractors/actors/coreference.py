"""Coreference: one actor per real-world entity, with every mention that points to it.

People are linked first, so a surname anywhere finds its full name; then offices without a name
(``the Foreign Secretary``), organisations and their abbreviations, countries, capitals that act
(``Moscow said``), common-noun parties (``government forces``) and finally unknown names that
repeat a name already known.
"""

from __future__ import annotations

import bisect

import regex

from ...draft import ActorDraft
from ...lexicon.actors import cues, gazetteer
from .items import Item, State, norm
from .linker import Linker
from .people import affiliations, described_people
from .places import countries_as_places, metonymy, place_end

__all__ = ["group_name", "link", "link_group", "resolve_group_overlaps"]


_THE_BEFORE = regex.compile(r"(?:^|(?<=[^\p{L}]))[Tt]he[ \t]$")
_MAX_GROUP = 160


def _near_groups(it: Item, groups: list[Item], starts: list[int], dropped: set[int]) -> list[Item]:
    near: list[Item] = []
    k = bisect.bisect_left(starts, it.end) - 1
    # Groups are short (a word, a phrase, "of <Country>"), so only a few can reach back.
    while k >= 0 and groups[k].start > it.start - _MAX_GROUP:
        g = groups[k]
        if g.end > it.start and id(g) not in dropped:
            near.append(g)
        k -= 1
    return near


def resolve_group_overlaps(items: list[Item]) -> list[Item]:
    """Names inside common-noun groups yield to them (``Syrian`` in ``the Syrian government``),
    except known organisations and wider names (``Kurdistan Regional Government``)."""
    groups = [it for it in items if it.label == "group"]
    starts = [g.start for g in groups]
    dropped: set[int] = set()
    names: list[Item] = []
    for it in items:
        if it.label == "group":
            continue
        near = _near_groups(it, groups, starts, dropped)
        if not near:
            names.append(it)
            continue
        inner_owned = any(
            g.entry is not None and g.start <= it.start and it.end <= g.end for g in near
        )
        wider = any(
            it.start <= g.start and g.end <= it.end and it.end - it.start > g.end - g.start
            for g in near
        )
        if it.label == "org" and (it.entry is not None or wider) and not inner_owned:
            dropped.update(id(g) for g in near)
            names.append(it)
    kept = names + [g for g in groups if id(g) not in dropped]
    kept.sort(key=lambda it: (it.start, -it.end))
    return kept


def _mark_abbreviations(text: str, items: list[Item]) -> None:
    """Abbreviations defined in the text: ``Syrian Democratic Forces (SDF)``."""
    for idx, it in enumerate(items[:-1]):
        if it.label not in {"org", "unknown", "group"}:
            continue
        nxt = items[idx + 1]
        if text.find("(", it.end, nxt.start) < 0:
            continue  # no bracket between: the commonest case, settled without slicing
        abbr = text[nxt.start : nxt.end]
        closes = text[nxt.end : nxt.end + 2].strip()[:1] == ")"
        if text[it.end : nxt.start].strip() == "(" and abbr.isupper() and closes:
            if it.label == "unknown":
                it.label, it.kind = "org", "organization"
            nxt.label, nxt.kind, nxt.form, nxt.expands = (
                "abbreviation",
                "",
                "abbreviation",
                it.start,
            )


def _link_people(lk: Linker, items: list[Item]) -> None:
    """People first, so surnames found anywhere link back to full names."""
    text, draft = lk.text, lk.draft
    for it in items:
        if it.label != "person":
            continue
        name = norm(text[it.start : it.end])
        a = lk.person(name)
        if a is None:
            a = draft.add_actor(name, "person", country=it.iso, gender=it.gender)
            lk.add_person(a)
        elif len(name) > len(a.name) and len(name.split()) >= len(a.name.split()):
            a.name = name
            lk.index_person(a)
        lk.item_actor[id(it)] = a
        titled = 0 <= it.title_start < it.start
        short = titled and 2 * (it.end - it.start) >= it.end - it.title_start
        if not short:
            a.add_mention(it.start, it.end, "name" if len(name.split()) > 1 else "surname")
        if titled:
            # "Russian President Vladimir Putin"; a short title ("President Hollande") makes one
            # mention with the name.
            a.add_mention(it.title_start, it.end, "title")
        for t in it.titles:
            a.add_title(t)
        if it.iso and not a.country:
            a.country = it.iso
        if it.gender and not a.gender:
            a.gender = it.gender


def _link_offices(lk: Linker, items: list[Item]) -> None:
    """``the Foreign Secretary``: the one person with that title, or a person named by office."""
    text = lk.text
    by_pos = {it.start: it for it in items}
    by_title: dict[str, list[ActorDraft]] = {}
    for p in lk.people:
        for t in dict.fromkeys(t.lower() for t in p.titles):
            by_title.setdefault(t, []).append(p)
    for it in items:
        if it.label != "titleonly":
            continue
        holders = by_title.get(it.office.lower(), [])
        apposed = by_pos.get(it.end + 2) if text[it.end : it.end + 2] == ", " else None
        if apposed is not None and apposed.label == "person" and id(apposed) in lk.item_actor:
            # "the Iraqi Foreign Minister, Ibrahim al-Jaafari": the office names the person.
            named = lk.item_actor[id(apposed)]
            named.add_mention(it.start, it.end, "title")
            named.add_title(it.office)
        elif len(holders) == 1:
            holders[0].add_mention(it.start, it.end, "title")
        elif not holders and _THE_BEFORE.search(text, max(0, it.start - 4), it.start):
            # "The Foreign Secretary said": a person the article names only by office.
            a = lk.draft.add_actor(norm(text[it.start : it.end]), "person", titles=[it.office])
            lk.add_person(a)
            by_title.setdefault(it.office.lower(), []).append(a)
            a.add_mention(it.start, it.end, "title")


def _link_org(lk: Linker, it: Item, surface: str) -> None:
    text = lk.text
    if it.entry is not None:
        a = lk.org(it.entry.name, it.entry.kind, it.entry.iso)
        form = "abbreviation" if surface.isupper() or "." in surface else "name"
    else:
        a = lk.org(surface, it.kind, it.iso)
        form = it.form
    start = it.start
    if (
        form == "abbreviation"
        and len(surface.replace(".", "")) <= cues().the_short
        and _THE_BEFORE.search(text, max(0, start - 4), start)
        and text[it.end : it.end + 1] not in {"-", "‐"}  # "the UN-led talks"
    ):
        start -= 4  # "the UN": the article counts as part of a short name
    a.add_mention(start, it.end, form)
    lk.abbrev[surface] = a


def _link_abbreviation(lk: Linker, it: Item, surface: str, by_start: dict[int, Item]) -> None:
    src = by_start.get(it.expands)
    if src is None:
        return
    target = lk.orgs.get(src.entry.name if src.entry else norm(lk.text[src.start : src.end]))
    if target is not None:
        target.add_mention(it.start, it.end, "abbreviation")
        lk.abbrev[surface] = target


def _link_place(lk: Linker, st: State, it: Item, surface: str, links: _Links) -> None:
    if it.start in links.consumed:
        return
    acts = metonymy(st.text, it) if it.label == "capital" and it.iso else ""
    if acts and it.iso:
        gov = lk.groups.get(("government", it.iso)) if acts == "government" else None
        target = gov if gov is not None else lk.country(it.iso)
        target.add_mention(it.start, it.end, "capital")
        return
    name = it.entry.name if it.entry else surface
    end = place_end(st.text, it, links.by_start, links.consumed)
    lk.place(name, it.iso).add_mention(it.start, end, "name")


class _Links:
    """Lookups shared by the linking passes of one article."""

    def __init__(self, items: list[Item]) -> None:
        self.by_start = {it.start: it for it in items}
        self.consumed: set[int] = set()
        """Starts of items already part of another mention (``Homs, Syria``)."""


def _link_named(lk: Linker, st: State, items: list[Item], links: _Links) -> None:
    """Countries, organisations, abbreviations, places, groups and demonyms, in text order."""
    text = lk.text
    for it in items:
        label = it.label
        if label == "country":
            if it.start not in links.consumed:
                assert it.iso is not None
                lk.country(it.iso).add_mention(it.start, it.end, "name")
        elif label == "org":
            _link_org(lk, it, norm(text[it.start : it.end]))
        elif label == "abbreviation":
            _link_abbreviation(lk, it, norm(text[it.start : it.end]), links.by_start)
        elif label in {"capital", "place"}:
            _link_place(lk, st, it, norm(text[it.start : it.end]), links)
        elif label == "group":
            link_group(lk, it)
        elif label == "demonym":
            _link_demonym(lk, it)


def _link_unknown(lk: Linker, items: list[Item]) -> None:
    """Unknown names: a surname seen before, an abbreviation or organisation named before."""
    for it in items:
        if it.label != "unknown":
            continue
        surface = norm(lk.text[it.start : it.end])
        if surface in lk.abbrev:
            lk.abbrev[surface].add_mention(it.start, it.end, "abbreviation")
            continue
        who = lk.person(surface)
        if who is not None:
            who.add_mention(it.start, it.end, "surname" if " " not in surface else "name")
        elif surface in lk.orgs:
            lk.orgs[surface].add_mention(it.start, it.end, "name")
        elif surface in lk.places:
            lk.places[surface].add_mention(it.start, it.end, "name")


def link_group(lk: Linker, it: Item) -> None:
    """Link a common-noun party to its owner, government or opposition."""
    if it.entry is not None and it.entry.source == "owner":
        _link_owned(lk, it)
        return
    role = it.role
    if role == "rebels":
        opp = [a for (r, _), a in lk.groups.items() if r == "opposition"]
        if len(opp) == 1:
            opp[0].add_mention(it.start, it.end, "description")
            return
    surface = norm(lk.text[it.start : it.end])
    a = lk.groups.get((role, it.iso))
    if a is None and it.iso is None:
        same = [x for (r, _), x in lk.groups.items() if r == role]
        if same:
            a = same[-1]
    countries = gazetteer().countries
    if a is None and it.iso is not None:
        # "the Opposition" before "the Syrian opposition": one actor, now with a country.
        a = lk.groups.pop((role, None), None)
        if a is not None:
            a.country = it.iso
            a.name = group_name(surface, role, countries.get(it.iso, ""))
            lk.groups[(role, it.iso)] = a
    if a is None:
        name = group_name(surface, role, countries.get(it.iso or "", ""))
        a = lk.draft.add_actor(name, it.kind, country=it.iso)
        lk.groups[(role, it.iso)] = a
    a.add_mention(it.start, it.end, "description")


def _link_owned(lk: Linker, it: Item) -> None:
    """``Hamas militants``, ``Assad's forces``, ``Houthi rebels``: the owner's party."""
    assert it.entry is not None
    owner = it.entry.name
    org = lk.orgs.get(owner)
    if org is None and it.entry.kind:
        org = lk.org(owner, it.entry.kind, it.entry.iso)  # the known group itself
    if org is not None:
        org.add_mention(it.start, it.end, "description")
        return
    leader = lk.person(owner)
    gov = lk.groups.get((it.role, leader.country)) if leader and leader.country else None
    if gov is not None:
        gov.add_mention(it.start, it.end, "description")  # "Assad's forces": his country's
        return
    # A movement ("Houthi forces") or a leader whose country is unknown: its own actor.
    surface = norm(lk.text[it.start : it.end])
    own = surface.removeprefix("the ").removeprefix("The ")
    body = lk.orgs.get(own) or lk.org(own, it.kind, it.iso)
    body.add_mention(it.start, it.end, "description")


def group_name(surface: str, role: str, country: str) -> str:
    """The name of a common-noun party's actor (``Syrian government``, ``opposition``)."""
    words = surface.split()
    if role == "government":
        if (
            len(words) >= 2
            and words[0][:1].isupper()
            and words[1].lower() in {"government", "regime", "authorities"}
        ):
            return f"{words[0]} {words[1].lower()}"
        return f"government of {country}" if country else "government"
    if role == "people":
        return surface
    if role == "opposition":
        if len(words) >= 2 and words[0][:1].isupper():
            return f"{words[0]} opposition"
        return "opposition"
    return surface.lower() if surface[:1].isupper() and " " not in surface else surface


def _link_demonym(lk: Linker, it: Item) -> None:
    """``Russian troops``: the demonym names the country as a party."""
    nxt = lk.text[it.end : it.end + 30].split()
    if nxt and it.iso and nxt[0].lower().strip(",.") in cues().sets["party_nouns"]:
        lk.country(it.iso).add_mention(it.start, it.end, "demonym")


def link(st: State) -> Linker:
    """Turn the labelled items of an article into actors and places."""
    lk = Linker(st.draft)
    items = resolve_group_overlaps(sorted(st.items, key=lambda it: (it.start, -it.end)))
    _mark_abbreviations(st.text, items)
    links = _Links(items)
    _link_people(lk, items)
    _link_offices(lk, items)
    _link_named(lk, st, items, links)
    _link_unknown(lk, items)
    affiliations(st, lk, items)
    described_people(st, lk)
    countries_as_places(st, lk.countries, lk.place)
    return lk
