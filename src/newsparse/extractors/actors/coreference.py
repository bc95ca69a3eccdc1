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
from ...lexicon.actors import cues, gazetteer, group_phrases
from .anaphora import definite_bodies
from .items import Item, State, norm
from .linker import Linker
from .people import affiliations, described_people
from .places import countries_as_places, metonymy, place_end
from .standing import employers_only, venues_only

__all__ = ["group_name", "link", "link_group", "resolve_group_overlaps"]


_SIDE_ROLES = frozenset({"rebels", "separatists"})
"""Roles of a side fighting a government from within (``rebels``, ``separatists``)."""
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


def _nested_groups(groups: list[Item]) -> set[int]:
    """Groups inside a longer group (``Israeli military`` in ``Israeli military
    authorities``): one phrase, one mention. ``groups`` is sorted by start, longest first."""
    dropped: set[int] = set()
    widest = (-1, -1)
    for g in groups:
        if g.end <= widest[1] and (g.start, g.end) != widest:
            dropped.add(id(g))
        elif g.end > widest[1]:
            widest = (g.start, g.end)
    return dropped


def resolve_group_overlaps(items: list[Item]) -> list[Item]:
    """Names inside common-noun groups yield to them (``Syrian`` in ``the Syrian government``),
    except known organisations and wider names (``Kurdistan Regional Government``)."""
    groups = [it for it in items if it.label == "group"]
    starts = [g.start for g in groups]
    dropped = _nested_groups(groups)
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
    """Abbreviations defined in the text: ``Syrian Democratic Forces (SDF)``; the short name of
    a law or event is no actor wherever it is used (``the Sanctions Act (CAATSA)``)."""
    misc: set[str] = set()
    for idx, it in enumerate(items[:-1]):
        if it.label not in {"org", "unknown", "group", "misc"}:
            continue
        nxt = items[idx + 1]
        if text.find("(", it.end, nxt.start) < 0:
            continue  # no bracket between: the commonest case, settled without slicing
        abbr = text[nxt.start : nxt.end]
        closes = text[nxt.end : nxt.end + 2].strip()[:1] == ")"
        if text[it.end : nxt.start].strip() == "(" and abbr.isupper() and closes:
            if it.label == "misc":
                misc.add(abbr)
                continue
            if it.label == "unknown":
                it.label, it.kind = "org", "organization"
            nxt.label, nxt.kind, nxt.form, nxt.expands = (
                "abbreviation",
                "",
                "abbreviation",
                it.start,
            )
    if misc:
        for it in items:
            if (
                it.label in {"org", "unknown"}
                and it.entry is None
                and text[it.start : it.end] in misc
            ):
                it.label = "misc"


def _link_people(lk: Linker, items: list[Item]) -> None:
    """People first, so surnames found anywhere link back to full names."""
    text, draft = lk.text, lk.draft
    for it in items:
        if it.label != "person":
            continue
        name = norm(text[it.start : it.end])
        a = lk.person(name, titled=it.title_start >= 0)
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
    offices = [it for it in items if it.label == "titleonly"]
    if not offices:
        return
    text = lk.text
    by_pos = {it.start: it for it in items}
    by_title: dict[str, list[ActorDraft]] = {}
    for p in lk.people:
        for t in dict.fromkeys(t.lower() for t in p.titles):
            by_title.setdefault(t, []).append(p)
    for it in offices:
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
        short = " " not in surface and (surface.isupper() or "." in surface)
        form = "abbreviation" if short else "name"
        if surface.endswith(it.entry.name) and len(surface) > len(a.name):
            a.name = surface  # "U.S. House of Representatives": the fullest name used
    else:
        known = lk.orgs.get(surface) or lk.org_ending(surface) or lk.short_media(surface)
        a = known or lk.org(surface, it.kind, it.iso)
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
    agency = _NEWS_AGENCY.match(text, it.end, it.end + 20)
    if agency is not None and a.name == (it.entry.name if it.entry else surface):
        a.name = f"{a.name} {' '.join(agency.group().split())}"  # "Interfax news agency"


_NEWS_AGENCY = regex.compile(r"[ \t]+(?:news|press)[ \t]+agency\b")


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
        links.capitals.append(it)  # linked once the article's governments are known
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
        self.capitals: list[Item] = []
        """Capitals acting for their state (``Seoul said``), linked after the governments."""
        self.deferred: list[Item] = []
        """Bare armed descriptions, linked once every named group is known."""


def _link_capitals(lk: Linker, items: list[Item]) -> None:
    """A capital acting for its state speaks for the state's government when the article
    names that government (``Seoul`` and ``the South Korean government``), else for the
    country (``Moscow-brokered talks``)."""
    for it in items:
        assert it.iso is not None
        target = lk.groups.get(("government", it.iso)) or lk.country(it.iso)
        target.add_mention(it.start, it.end, "capital")


def _bare(it: Item, text: str) -> bool:
    """A description with no owner, country or people that needs the article's named parties:
    ``militants`` (``Islamist militants`` too), ``separatists`` (not ``Chechen separatists``:
    a people's own side), ``the authorities``; ``rebels`` keep to the opposition."""
    if it.role not in {"militants", "separatists", "government"} or it.entry or it.iso:
        return False
    return it.role != "separatists" or norm(text[it.start : it.end]).lower() in group_phrases()


def _known(lk: Linker, it: Item) -> bool:
    """Add a guessed name to the actor or place the article already has under it."""
    surface = norm(lk.text[it.start : it.end])
    known = lk.known(surface)
    if known is None:
        return False
    form = "abbreviation" if surface in lk.abbrev else "name"
    if " " not in surface and known in lk.people:
        form = "surname"
    known.add_mention(it.start, it.end, form)
    return True


def _link_named(lk: Linker, st: State, items: list[Item], links: _Links) -> None:
    """Countries, organisations, abbreviations, places, groups and demonyms, in text order."""
    text = lk.text
    for it in items:
        label = it.label
        if it.guessed and label != "person" and _known(lk, it):
            continue
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
        elif label == "group" and _bare(it, text):
            links.deferred.append(it)
        elif label == "group":
            link_group(lk, it)
        elif label == "demonym":
            _link_demonym(lk, it)


def _link_unknown(lk: Linker, items: list[Item]) -> None:
    """Unknown names: a surname seen before, an abbreviation or organisation named before."""
    for it in items:
        if it.label != "unknown":
            continue
        _known(lk, it)


def _describe(actor: ActorDraft, lk: Linker, it: Item) -> None:
    """Add a description (``the Syrian government``, ``rebels``) as a mention of an actor.

    Bare lower-case descriptions count as mentions although entity scorers call them false
    organisations (CoNLL ORG exact 0.589 with them, 0.605 without): the ceasefire step finds
    its parties through them (party recall 0.676 with, 0.643 without)."""
    actor.add_mention(it.start, it.end, "description")


def _link_body(lk: Linker, it: Item) -> None:
    """A state body (``China's foreign ministry``, ``the police``): one actor per body and
    owner, named with its owner."""
    text = lk.text
    words = text[it.start : it.end].lower().split()
    phrases = group_phrases()
    noun = next(
        (" ".join(words[i:]) for i in range(len(words)) if " ".join(words[i:]) in phrases),
        " ".join(words),
    )
    owner = it.entry.name if it.entry is not None else ""
    key = (f"body:{noun}:{owner}", it.iso)
    a = lk.groups.get(key)
    if a is None:
        start = it.name_start if 0 <= it.name_start < it.start else it.start
        name = norm(text[start : it.end])
        name = name[4:] if name.startswith(("the ", "The ")) else name
        a = lk.draft.add_actor(name, it.kind or "government", country=it.iso)
        lk.groups[key] = a
    _describe(a, lk, it)


def link_group(lk: Linker, it: Item) -> None:
    """Link a common-noun party to its owner, government or opposition."""
    if it.role == "body":
        _link_body(lk, it)
        return
    if it.entry is not None and it.entry.source == "owner":
        _link_owned(lk, it)
        return
    role = it.role
    if role == "rebels":
        opp = [a for (r, _), a in lk.groups.items() if r == "opposition"]
        if len(opp) == 1:
            _describe(opp[0], lk, it)
            return
    surface = it.name or norm(lk.text[it.start : it.end])
    if 0 <= it.name_start < it.start and role == "government":
        # "Syria's transitional authorities": named with its country, mentioned by its noun.
        surface = norm(lk.text[it.name_start : it.end])
        surface = surface[4:] if surface.startswith(("the ", "The ")) else surface
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
    _describe(a, lk, it)


def _link_owned(lk: Linker, it: Item) -> None:
    """``Hamas militants``, ``Assad's forces``, ``Houthi rebels``: the owner's party."""
    assert it.entry is not None
    owner = it.entry.name
    org = lk.orgs.get(owner)
    if org is None and it.entry.kind:
        org = lk.org(owner, it.entry.kind, it.entry.iso)  # the known group itself
    if org is not None:
        _describe(org, lk, it)
        if it.role in _SIDE_ROLES:
            lk.sides.append(org)  # "Hizbollah guerrillas": the group is an insurgent side
        return
    leader = lk.person(owner)
    gov = lk.groups.get((it.role, leader.country)) if leader and leader.country else None
    if gov is not None:
        _describe(gov, lk, it)  # "Assad's forces": his country's
        return
    # A movement ("Houthi forces") or a leader whose country is unknown: its own actor.
    surface = norm(lk.text[it.start : it.end])
    own = surface.removeprefix("the ").removeprefix("The ")
    body = lk.orgs.get(own) or lk.org(own, it.kind, it.iso)
    _describe(body, lk, it)


def group_name(surface: str, role: str, country: str) -> str:
    """The name of a common-noun party's actor (``Syrian government``, ``opposition``)."""
    words = surface.split()
    if role == "government":
        if len(words) >= 2 and ("'s" in words[0] or "’s" in words[0] or len(words) > 2):
            return surface
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


def initials(name: str) -> str:
    """The initials of a name's capitalised words (``Baloch Liberation Army``: ``BLA``)."""
    return "".join(w[0] for w in name.replace("-", " ").split() if w[:1].isupper())


def _merge_acronyms(lk: Linker) -> None:
    """An organisation named only by an acronym joins the one whose initials it spells
    (``BLA`` and ``Baloch Liberation Army``), whichever came first."""
    by_initials: dict[str, list[ActorDraft]] = {}
    for name, a in lk.orgs.items():
        if " " in name and a in lk.draft.actors:
            by_initials.setdefault(initials(name), []).append(a)
    for name, a in list(lk.orgs.items()):
        letters = name.replace(".", "")
        targets = by_initials.get(letters, []) if letters.isupper() and " " not in name else []
        if len(targets) != 1 or targets[0] is a or a not in lk.draft.actors:
            continue
        target = targets[0]
        for s, e, _form in a.mentions:
            target.add_mention(s, e, "abbreviation")
        lk.draft.actors.remove(a)
        lk.orgs[name] = lk.abbrev[name] = target


def _one_insurgent_side(lk: Linker) -> None:
    """``Chechen separatists … the rebels … the separatists``: when the article names at most
    one insurgent side, its bare descriptions (``rebels``, ``separatists``) are that side."""
    sides = {id(a): a for (role, _iso), a in lk.groups.items() if role in _SIDE_ROLES}
    sides.update((id(a), a) for a in lk.sides)
    live = [a for a in sides.values() if a in lk.draft.actors]
    if len(live) < 2:
        return
    phrases = group_phrases()
    owned = [a for a in live if a.name.lower() not in phrases]
    bare = [a for a in live if a.name.lower() in phrases]
    if len(owned) > 1 or not bare:
        return
    target = owned[0] if owned else bare[0]
    for a in bare:
        if a is target:
            continue
        for s, e, form in a.mentions:
            target.add_mention(s, e, form)
        lk.draft.actors.remove(a)
        for key, x in list(lk.groups.items()):
            if x is a:
                lk.groups[key] = target


_GOVERNMENT_NOUNS = frozenset({"government", "administration", "authorities", "regime"})


def _link_deferred(lk: Linker, items: list[Item]) -> None:
    """Bare descriptions, once every named party is known: ``militants`` go to the article's
    one armed group, ``the authorities`` and ``government troops`` to its government (the one
    named last before them); with nobody to point to, each is an actor of its own."""
    armed = [a for a in lk.orgs.values() if a.kind == "armed_group" and a in lk.draft.actors]
    armed = list(dict.fromkeys(armed))
    governments = [a for (r, iso), a in lk.groups.items() if r == "government" and iso]
    governments += [
        a  # "the Trump administration", "the Taliban government": named for their leader
        for a in dict.fromkeys(lk.orgs.values())
        if a.kind == "government" and a.name.split()[-1].lower() in _GOVERNMENT_NOUNS
    ]
    home = _home_country(lk)
    named_sides = {id(a): a for (r, _iso), a in lk.groups.items() if r == "separatists"}
    for it in items:
        if it.role == "government":
            target = _nearest_before(governments, it.start) or home
            if target is not None:
                _describe(target, lk, it)
            else:
                link_group(lk, it)
        elif it.role == "separatists" and len(named_sides) == 1:
            _describe(next(iter(named_sides.values())), lk, it)  # "Chechen separatists"
        elif len(armed) == 1:
            _describe(armed[0], lk, it)
        else:
            link_group(lk, it)


def _home_country(lk: Linker) -> ActorDraft | None:
    """The country an article is about, when one stands out: named at least twice and more
    than twice as often as any other (its unnamed ``government`` is that country's)."""
    ranked = sorted(
        (a for a in lk.countries.values() if a in lk.draft.actors),
        key=lambda a: len(a.mentions),
        reverse=True,
    )
    if not ranked or len(ranked[0].mentions) < 2:
        return None
    if len(ranked) > 1 and len(ranked[0].mentions) <= 2 * len(ranked[1].mentions):
        return None
    return ranked[0]


def _nearest_before(actors: list[ActorDraft], offset: int) -> ActorDraft | None:
    """The actor mentioned last before ``offset`` (or first after it), if any."""
    best: tuple[int, int] | None = None
    found: ActorDraft | None = None
    for a in actors:
        for s, _e, _f in a.mentions:
            rank = (0, -s) if s < offset else (1, s)
            if best is None or rank < best:
                best, found = rank, a
    return found


def _governing_groups(lk: Linker, items: list[Item]) -> None:
    """An armed group the article calls a government (``the Taliban government``, ``the
    Taliban foreign ministry``) governs: its kind is ``government``."""
    for it in items:
        owner = it.entry
        if it.label != "group" or owner is None:
            continue
        noun = lk.text[it.start : it.end].split()[-1].lower()
        if it.role != "body" and noun not in {"government", "authorities", "administration"}:
            continue  # "IS fighters" do not make IS a government
        org = lk.orgs.get(owner.name)
        if org is not None and org.kind == "armed_group":
            org.kind = "government"


_KNOWN_AS = regex.compile(
    r",?[ \t]*(?:\L<adverbs>[ \t]+)?(?:known|referred[ \t]+to)[ \t]+as[ \t]+(?:the[ \t]+)?",
    adverbs=["also", "better", "commonly", "widely", "locally"],
)


def _known_as(lk: Linker) -> None:
    """``X, also known as Y``: Y is another name of X's actor, not an actor of its own."""
    text, table = lk.text, lk.draft.actors
    if "known as" not in text and "referred to as" not in text:
        return  # the commonest case, settled by a search in C
    for m in _KNOWN_AS.finditer(text):
        before = [row for row in table.mentions_in(max(0, m.start() - 200), m.start())]
        first = [a for s, e, _f, a in before if e == m.start()]
        after = [a for s, _e, _f, a in table.mentions_in(m.end(), m.end() + 1)]
        if not first or not after or first[-1] is after[0]:
            continue
        if (first[-1].kind == "person") != (after[0].kind == "person"):
            continue  # a person is not also known as a body
        keep, alias = first[-1], after[0]
        for s, e, _form in alias.mentions:
            keep.add_mention(s, e, "name")
        table.remove(alias)


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
    _link_capitals(lk, links.capitals)
    _link_deferred(lk, links.deferred)
    _one_insurgent_side(lk)
    _merge_acronyms(lk)
    _known_as(lk)
    _governing_groups(lk, items)
    affiliations(st, lk, items)
    described_people(st, lk)
    employers_only(st)
    venues_only(st, lk.place)
    definite_bodies(st.text, st.draft.actors)
    countries_as_places(st, lk.countries, lk.place)
    return lk
