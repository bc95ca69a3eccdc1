"""Places: where a place mention ends, when a capital acts for its country, and countries that
the article names only as places."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import regex

from ...draft import ActorDraft, PlaceDraft
from ...lexicon.actors import cues
from .items import Item, State

__all__ = ["countries_as_places", "metonymy", "place_end"]

_HYPHEN_WORD = regex.compile(r"[-‐](\p{L}+)")
_LOWER_WORD = regex.compile(r"[ \t]+(\p{Ll}+)")
_COMMA_NAME = regex.compile(r", ?(\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?)")


def metonymy(text: str, it: Item) -> str:
    """What a capital stands for: ``government`` (``allies in Damascus``), ``country``
    (``Moscow-brokered``, ``Beijing said``) or nothing (a place)."""
    c = cues().sets
    after = text[it.end : it.end + 20]
    before = " ".join(text[max(0, it.start - 30) : it.start].split()[-2:]).lower()
    if before in c["metonymy_before"]:
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


def _only_a_place(text: str, mentions: tuple[tuple[int, int, str], ...]) -> bool:
    c = cues().sets
    loc, topics = c["locative_before"], c["topic_nouns"]
    for s, _e, form in mentions:
        prev = text[max(0, s - 40) : s].split()[-3:]
        p1 = prev[-1].lower() if prev else ""
        p2 = " ".join(prev[-2:]).lower()
        topic = p1 in {"on", "over", "about"} and len(prev) >= 2 and prev[-2].lower() in topics
        if form != "name" or not (p1 in loc or p2 in loc or topic):
            return False
    return bool(mentions)


def countries_as_places(
    st: State,
    countries: Mapping[str, ActorDraft],
    place: Callable[[str, str | None], PlaceDraft],
) -> None:
    """A country named only as a location (``in Syria``, ``the border with Jordan``) is a place."""
    draft = st.draft
    affiliated = {x for a in draft.actors for x in a.affiliations}
    for iso, a in list(countries.items()):
        if a.id in affiliated or not _only_a_place(st.text, a.mentions):
            continue
        draft.actors.remove(a)
        p = place(a.name, iso)
        for m in a.mentions:
            p.add_mention(*m)
