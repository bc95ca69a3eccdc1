"""Places: where a place mention ends, when a capital acts for its country, and countries that
the article names only as places."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import regex

from ...draft import ActorDraft, PlaceDraft
from ...lexicon.actors import cues, gazetteer
from .items import Item, State

__all__ = ["countries_as_places", "metonymy", "place_end"]

_HYPHEN_WORD = regex.compile(r"[-‐](\p{L}+)")
_LOWER_WORD = regex.compile(r"[ \t]+(\p{Ll}+)")
_COMMA_NAME = regex.compile(r", ?(\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?)")


def lookup_demonym(word: str) -> str | None:
    """The ISO code of a nationality adjective (``Russian``), or None."""
    entry = gazetteer().exact.get(word)
    return entry.iso if entry is not None and entry.source == "demonym" else None


def metonymy(text: str, it: Item) -> str:
    """What a capital stands for: ``government`` (``allies in Damascus``), ``country``
    (``Moscow-brokered``, ``Beijing said``) or nothing (a place)."""
    c = cues().sets
    after = text[it.end : it.end + 20]
    words_before = text[max(0, it.start - 40) : it.start].split()
    before = " ".join(words_before[-2:]).lower()
    if before in c["metonymy_before"]:
        owner = lookup_demonym(words_before[-3]) if len(words_before) >= 3 else None
        if owner is not None and owner != it.iso:
            return ""  # "Russian officials in Riyadh": where they met, not who they are
        return "government"
    if after[:1] in "-‐":
        w = _HYPHEN_WORD.match(after)
        if w and w.group(1).lower() in c["metonymy_suffixes"]:
            return "country"
    prev_word = text[max(0, it.start - 20) : it.start].split()[-1:]
    if prev_word and prev_word[0].lower() in c["metonymy_objects"]:
        return "country"  # "accused Moscow of", "urged Damascus to"
    nxt = after.split()
    if nxt and nxt[0].lower() in c["metonymy_verbs"]:
        prev = text[max(0, it.start - 12) : it.start].split()
        if not prev or prev[-1].lower() not in c["locative_prepositions"]:
            return "country"
    return ""


def place_end(text: str, it: Item, by_start: Mapping[int, Item], consumed: set[int]) -> int:
    """Where a place mention ends: past ``, Belgium`` or ``, Texas`` and past ``province``."""
    end = it.end
    if text[end : end + 1] == ",":
        # "Brussels, Belgium": one location, qualified by its country or state. Tokenised text
        # ("AKRON , Ohio") keeps the two apart.
        m = _COMMA_NAME.match(text, end, end + 40)
        nxt = by_start.get(m.start(1)) if m else None
        if (
            m
            and nxt is not None
            and nxt.end == m.end(1)
            and (nxt.label == "country" or (nxt.entry is not None and nxt.entry.kind == "state"))
        ):
            consumed.add(nxt.start)
            return nxt.end
    w = _LOWER_WORD.match(text, end, end + 20)
    if w and w.group(1) in cues().sets["place_suffixes_lower"]:
        return w.end()
    return end


def _locative(text: str, s: int, e: int) -> bool:
    """Whether the words before a country mention make it a location (``in Syria``,
    ``the border with Jordan``, ``talks on Syria``, ``the envoy for Syria``) or it is the base of
    something (``Somalia-based``)."""
    c = cues().sets
    prev = [w for w in text[max(0, s - 40) : s].split()[-4:] if w.lower() != "the"][-3:]
    p1 = prev[-1].lower() if prev else ""
    p2 = " ".join(prev[-2:]).lower()
    if p1 in c["locative_before"] or p2 in c["locative_before"]:
        return True
    before = prev[-2].lower() if len(prev) >= 2 else ""
    if p1 in c["topic_prepositions"] and before in c["topic_nouns"]:
        return True
    if p1 == "for" and (before in gazetteer().titles_lower or before in c["expert_roles"]):
        return True  # "the UN envoy for Syria": where the office serves
    w = _HYPHEN_WORD.match(text, e, e + 20)
    return w is not None and w.group(1).lower() in c["location_suffixes"]


_LIST_GAP = regex.compile(r"[ \t]*(?:,[ \t]*(?:(?:and|or)[ \t]+)?|(?:and|or|to)[ \t]+)")


_POSSESSIVE = regex.compile(r"['’]s[ \t]+(?:\p{Ll}[\p{Ll}\-]*[ \t]+){0,3}")


def _owns_place_or_person(text: str, e: int, starts: Mapping[int, str]) -> bool:
    """``Iraq's Anbar desert``, ``Pakistan's restive Balochistan province``, ``Hungary's Viktor
    Orban``, ``Nigeria's defense minister``: the country says where a place is or whom a person
    serves; it does not act."""
    m = _POSSESSIVE.match(text, e, e + 60)
    if m is None:
        return False
    if starts.get(m.end()) is not None:
        return True  # a place or a person's mention starts after the possessive
    words = [w.strip(",.;:").lower() for w in text[e + 2 : e + 50].split()[:4]]
    titles, c = gazetteer().titles_lower, cues().sets
    return any(w in titles or w in c["place_suffixes_lower"] for w in words) or any(
        " ".join(words[i : i + 2]) in titles for i in range(len(words) - 1)
    )


def _located(
    text: str, mentions: list[tuple[int, int, str]], places: list[int], starts: Mapping[int, str]
) -> set[int]:
    """Starts of the country mentions that name a location or qualify somebody: after a
    locative word, listed after a location (``across Mali, Niger and Chad``), owning a place or
    a person (``Iraq's Anbar desert``, ``Hungary's Viktor Orban``), or heading a person's title
    (``U.S. Secretary of State Antony Blinken``)."""
    found: set[int] = set()
    ends = dict.fromkeys(places, True)  # place mention ends: every place is a location
    for s, e, form in sorted(mentions):
        here = form == "name" and (
            _locative(text, s, e)
            or starts.get(s) == "title"
            or _owns_place_or_person(text, e, starts)
        )
        if not here and form == "name":
            gap = text[max(0, s - 8) : s]
            m = _LIST_GAP.search(gap)
            if m is not None and m.end() == len(gap):
                here = ends.get(s - len(gap) + m.start(), False)
        ends[e] = here
        if here:
            found.add(s)
    return found


def _only_a_place(text: str, mentions: tuple[tuple[int, int, str], ...], located: set[int]) -> bool:
    return bool(mentions) and all(s in located for s, _e, _f in mentions)


def countries_as_places(
    st: State,
    countries: Mapping[str, ActorDraft],
    place: Callable[[str, str | None], PlaceDraft],
) -> None:
    """A country named only as a location (``in Syria``, ``the border with Jordan``) is a place."""
    draft = st.draft
    affiliated = {x for a in draft.actors for x in a.affiliations}
    every = [m for a in countries.values() for m in a.mentions]
    place_ends = [e for p in draft.places for _s, e, _f in p.mentions]
    starts = {s: "place" for p in draft.places for s, _e, _f in p.mentions}
    for a in draft.actors:
        if a.kind == "person":
            starts.update((s, f) for s, _e, f in a.mentions)
    located = _located(st.text, every, place_ends, starts)
    for iso, a in list(countries.items()):
        if a.id in affiliated or not _only_a_place(st.text, a.mentions, located):
            continue
        draft.actors.remove(a)
        p = place(a.name, iso)
        for m in a.mentions:
            p.add_mention(*m)
