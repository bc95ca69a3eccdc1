"""Parties, brokers and excluded actors of a claim, its place, and the sides of the article's
ceasefire."""

from __future__ import annotations

import pytest

import newsparse
from newsparse.draft import Draft
from newsparse.extractors import segmentation
from newsparse.extractors.ceasefire import find_claims
from newsparse.extractors.ceasefire.roles import _agrees, collectives_in
from newsparse.extractors.ceasefire.status import Finding
from newsparse.extractors.ceasefire.words import Words


def _names(art: newsparse.Article, ids: tuple[str, ...]) -> set[str]:
    return {art.actor(i).name for i in ids}


# (text, status, parties that must be named, brokers that must be named)
ROLE_CASES: list[tuple[str, str, set[str], set[str]]] = [
    (
        "Israel and Hamas agreed to a ceasefire brokered by Egypt and Qatar after days of strikes.",
        "agreed",
        {"Israel", "Hamas"},
        {"Egypt", "Qatar"},
    ),
    (
        "Turkey reaffirmed a fragile truce between the Syrian army and the Kurdish militia.",
        "reaffirmed",
        set(),
        {"Turkey"},
    ),
    ("The army agreed a ceasefire with the rebels on Monday.", "agreed", {"rebels"}, set()),
    (
        "Observers from the African Union are monitoring the ceasefire.",
        "monitored",
        set(),
        {"African Union"},
    ),
    ("Shelling went on despite an Egypt-brokered ceasefire.", "agreed", set(), {"Egypt"}),
    (
        "Israel and Hamas agreed a ceasefire after Egypt's mediation.",
        "agreed",
        {"Israel", "Hamas"},
        {"Egypt"},
    ),
]


@pytest.mark.parametrize(("text", "status", "parties", "brokers"), ROLE_CASES)
def test_roles(text: str, status: str, parties: set[str], brokers: set[str]) -> None:
    art = newsparse.parse(text)
    claim = next(c for c in art.ceasefire_claims if c.status == status)
    assert parties <= _names(art, claim.parties)
    assert brokers <= _names(art, claim.brokers)
    assert not (_names(art, claim.parties) & brokers)


def test_the_left_out_actor() -> None:
    art = newsparse.parse("Islamic State is not included in the ceasefire.")
    [claim] = art.ceasefire_claims
    assert _names(art, claim.excluded) == {"Islamic State"} and not claim.parties


def test_members_of_a_monitoring_body() -> None:
    text = (
        "A committee monitoring the ceasefire met on Sunday. Representatives of the five "
        "nations making up the committee -- Israel, Lebanon, Syria, France and the United "
        "States -- will meet again next week."
    )
    art = newsparse.parse(text)
    [claim] = art.ceasefire_claims
    assert {"Syria", "France", "United States"} <= _names(art, claim.brokers)


def test_a_country_named_as_a_place_is_no_side() -> None:
    art = newsparse.parse("Turkey and Russia agreed a ceasefire in Syria. Syria welcomed it.")
    claim = art.ceasefire_claims[0]
    assert _names(art, claim.parties) == {"Turkey", "Russia"}
    assert claim.location is not None and claim.location.text == "Syria"


def _draft_with_actors(text: str, actors: list[tuple[str, str, str | None, str]]) -> Draft:
    """A segmented draft holding the given actors (name, kind, country, mention text)."""
    draft = Draft(text=text, id="t")
    for ex in segmentation.newsparse_extractors():
        ex(draft)
    for name, kind, country, surface in actors:
        actor = draft.add_actor(name, kind, country=country)
        start = text.index(surface)
        actor.add_mention(start, start + len(surface))
    return draft


def test_people_bring_their_state_into_the_claim() -> None:
    text = "Russia and the United States want calm. Kerry and Lavrov agreed a ceasefire in Syria."
    draft = _draft_with_actors(
        text,
        [
            ("Russia", "country", "RUS", "Russia"),
            ("United States", "country", "USA", "United States"),
            ("John Kerry", "person", "USA", "Kerry"),
            ("Sergei Lavrov", "person", "RUS", "Lavrov"),
        ],
    )
    find_claims(draft)
    [claim] = draft.claims
    names = {a.name for a in draft.actors if a.id in claim.parties}
    assert names == {"John Kerry", "Sergei Lavrov", "United States", "Russia"}


def test_a_claim_naming_no_side_gets_the_articles_sides() -> None:
    text = (
        "Troops of Armenia and Azerbaijan clashed. Armenia accused Azerbaijan of shelling. "
        "The ceasefire between Armenia and Azerbaijan broke down. The ceasefire has since "
        "been restored."
    )
    draft = _draft_with_actors(
        text,
        [("Armenia", "country", "ARM", "Armenia"), ("Azerbaijan", "country", "AZE", "Azerbaijan")],
    )
    for name in ("Armenia", "Azerbaijan"):
        actor = draft.actors.named(name)
        assert actor is not None
        at = text.index("between Armenia and Azerbaijan") + (8 if name == "Armenia" else 20)
        actor.add_mention(at, at + len(name))
    find_claims(draft)
    restored = next(c for c in draft.claims if c.status == "reaffirmed")
    assert {a.name for a in draft.actors if a.id in restored.parties} == {"Armenia", "Azerbaijan"}


def test_described_sides_become_actors_only_when_a_claim_uses_them() -> None:
    art = newsparse.parse("Separatist rebels and government troops agreed a truce on Monday.")
    [claim] = art.ceasefire_claims
    said = {m.text.lower() for i in claim.parties for m in art.actor(i).mentions}
    assert "separatist rebels" in said and "government troops" in said
    quiet = newsparse.parse("Separatist rebels marched through the town on Monday.")
    assert not quiet.ceasefire_claims


def test_the_speaker_is_a_side_where_the_claim_names_it() -> None:
    text = (
        "The Kesh Front and the Dren Front broke the truce by shelling the Varan Army, "
        "the Varan Army said."
    )
    draft = Draft(text=text, id="t")
    for ex in segmentation.newsparse_extractors():
        ex(draft)
    ids: dict[str, str] = {}
    for name, kind in (("Kesh Front", "armed_group"), ("Dren Front", "armed_group")):
        actor = draft.add_actor(name, kind)
        actor.add_mention(text.index(name), text.index(name) + len(name))
        ids[name] = actor.id
    army = draft.add_actor("Varan Army", "government")
    first = text.index("Varan Army")
    second = text.index("Varan Army", first + 1)
    army.add_mention(first, first + 10)
    army.add_mention(second, second + 10)
    cue = text.index("said")
    draft.add_quote(
        "indirect",
        [(0, text.index(", the Varan"))],
        speaker=army.id,
        speaker_mention=(second, second + 10),
        cue=(cue, cue + 4),
    )
    find_claims(draft)
    [claim] = draft.claims
    assert claim.source == army.id
    # The army named in its own attribution is no side, but the army shelled in the claim is.
    assert set(claim.parties) == {ids["Kesh Front"], ids["Dren Front"], army.id}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Leaders of Iraq's two main Kurdish factions met.",
            [("two main Kurdish factions", "groups")],
        ),
        ("Both sides accused each other.", [("Both sides", "sides")]),
        ("Talks between the warring parties resumed.", [("the warring parties", "sides")]),
        ("The two countries signed it.", [("The two countries", "states")]),
        ("The two leaders met.", [("The two leaders", "leaders")]),
        ("The two also agreed to meet.", [("The two", "sides")]),
        ("The two battalions met.", []),
        ("Two soldiers died in the raid.", []),
        ("Both the army and the rebels fired.", []),
        ("Two of the factions left.", []),
        ("A rival faction attacked.", []),
    ],
)
def test_descriptions_of_both_sides(text: str, expected: list[tuple[str, str]]) -> None:
    words = Words(text, 0, len(text))
    found = collectives_in(words, 0, len(words))
    assert [(text[slice(*c.span)], c.kind) for c in found] == expected


def test_a_pronoun_stands_for_the_speaker_only_when_it_can() -> None:
    draft = Draft(text="x", id="t")
    man = draft.add_actor("Omar Bakr", "person", gender="m")
    army = draft.add_actor("the army", "government")
    truce = Finding("agreed", (0, 1), (0, 1), "verb", 0.9)
    broken = Finding("violated", (0, 1), (0, 1), "verb", 0.9)
    assert _agrees("he", man, truce) and not _agrees("she", man, truce)
    assert not _agrees("it", man, truce) and _agrees("it", army, truce)
    assert _agrees("they", army, truce) and not _agrees("they", army, broken)
    assert _agrees("we", man, truce) and not _agrees("you", army, truce)


def test_a_named_side_is_never_a_mere_description_of_both() -> None:
    from newsparse.extractors.ceasefire.roles import Collective, _described

    text = "The PUK met envoys. The two party leaders and the Kurdish factions agreed a truce."
    draft = Draft(text=text, id="t")
    puk = draft.add_actor("PUK", "political_group")
    puk.add_mention(4, 7)
    # a description wrongly linked to a named side by the actors step
    two = text.index("The two party")
    puk.add_mention(two, two + len("The two party"))
    factions = draft.add_actor("Kurdish factions", "armed_group")
    k = text.index("Kurdish factions")
    factions.add_mention(k, k + len("Kurdish factions"))
    spans = [
        Collective((text.index("two party"), text.index(" and the")), "leaders"),
        Collective((text.index("the Kurdish"), k + len("Kurdish factions")), "groups"),
    ]
    assert _described(draft, spans) == {factions.id}
