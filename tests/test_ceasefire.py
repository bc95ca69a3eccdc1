"""Ceasefire claims: every status, negation, hypotheticals, non-military truces, the seed."""

from __future__ import annotations

import datetime as dt

import pytest

import newsparse
from newsparse.draft import Draft
from newsparse.extractors import segmentation
from newsparse.extractors._timex import find_times
from newsparse.extractors.ceasefire import find_claims

# (text, expected claims as (status, trigger), negated, hypothetical) — written for these tests.
STATUS_CASES: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "Aid agencies called for an immediate truce as fighting raged around the port.",
        [("called_for", "called for an immediate truce")],
    ),
    (
        "The UN envoy urged the army and the rebels to respect the ceasefire.",
        [("called_for", "urged the army and the rebels to respect the ceasefire")],
    ),
    (
        "The rebels offered a three-day truce so that food could reach the besieged city.",
        [("proposed", "offered a three-day truce")],
    ),
    (
        "The militia accepted the ceasefire after a week of heavy shelling.",
        [("accepted", "accepted the ceasefire")],
    ),
    (
        "The insurgents rejected the truce and vowed to keep fighting.",
        [("rejected", "rejected the truce")],
    ),
    (
        "The defence minister ruled out a ceasefire while troops advanced on the town.",
        [("rejected", "ruled out a ceasefire")],
    ),
    (
        "Envoys are negotiating a ceasefire between the army and the separatists.",
        [("negotiating", "negotiating a ceasefire")],
    ),
    (
        "Ceasefire talks between the two militias resumed on Monday.",
        [("negotiating", "Ceasefire talks")],
    ),
    (
        "The two armies agreed a ceasefire on Sunday after weeks of fighting.",
        [("agreed", "agreed a ceasefire")],
    ),
    (
        "Rebel commanders signed a cessation of hostilities with the army in the capital.",
        [("agreed", "signed a cessation of hostilities")],
    ),
    (
        "The guerrilla leader declared a unilateral ceasefire in a radio address.",
        [("announced", "declared a unilateral ceasefire")],
    ),
    (
        "A truce between the rival militias took effect at midnight.",
        [("in_effect", "took effect")],
    ),
    (
        "The cease-fire is holding, a military spokesman said.",
        [("in_effect", "is holding")],
    ),
    (
        "The warring parties reaffirmed the armistice at a summit on Tuesday.",
        [("reaffirmed", "reaffirmed the armistice")],
    ),
    (
        "The factions extended the truce by sixty days to allow prisoner exchanges.",
        [("extended", "extended the truce")],
    ),
    (
        "Government troops violated the ceasefire overnight, the rebels said.",
        [("violated", "violated the ceasefire")],
    ),
    (
        "Artillery fire continued in the valley despite the ceasefire.",
        [("violated", "despite")],
    ),
    (
        "The truce has been broken repeatedly by both armies.",
        [("violated", "has been broken")],
    ),
    (
        "The ceasefire collapsed after two weeks of sporadic clashes.",
        [("collapsed", "collapsed")],
    ),
    (
        "The separatists ended the ceasefire and resumed attacks on army posts.",
        [("collapsed", "ended the ceasefire")],
    ),
    (
        "Jihadist militias are not covered by the ceasefire.",
        [("excluded", "not covered by the ceasefire")],
    ),
    (
        "Unarmed observers will monitor the ceasefire along the front line.",
        [("monitored", "monitor the ceasefire")],
    ),
    (
        "A team of ceasefire monitors reached the town after the shelling stopped.",
        [("monitored", "ceasefire monitors")],
    ),
]

# Cues that only look like others, and framing verbs around a proposal.
STATUS_CASES += [
    (
        "The two militias traded accusations of breaching a Turkish-brokered ceasefire.",
        [("violated", "accusations of breaching a Turkish-brokered ceasefire")],
    ),
    (
        "The insurgents rejected a Kenyan proposal for a nationwide ceasefire.",
        [("rejected", "rejected a Kenyan proposal for a nationwide ceasefire")],
    ),
    (
        "The president ordered a 48-hour ceasefire over the religious holiday, the army said.",
        [("announced", "ordered a 48-hour ceasefire")],
    ),
    (
        "The opposition agreed a ceasefire with the army after a week of shelling.",
        [("agreed", "agreed a ceasefire")],
    ),
    (
        "The civil war ended with a UN-sponsored ceasefire in 1994.",
        [("agreed", "ended with a UN-sponsored ceasefire")],
    ),
    (
        "Mortar fire shattered a week-old truce between the militias.",
        [("collapsed", "shattered a week-old truce")],
    ),
]

STATUS_CASES += [
    (
        "The separatists have agreed in principle to a ceasefire with the army.",
        [("agreed", "agreed in principle to a ceasefire")],
    ),
    (
        "Negotiations aimed at securing a ceasefire between the militias stalled on Monday.",
        [("negotiating", "Negotiations aimed at securing a ceasefire")],
    ),
    (
        "The armistice does not apply to the jihadist militias in the north.",
        [("excluded", "does not apply to")],
    ),
    (
        "The rebel commander said his fighters were ready for a truce with the army.",
        [("accepted", "ready for a truce")],
    ),
    (
        "Both armies accused each other of violations since the truce came into force.",
        [("violated", "accused each other of violations"), ("in_effect", "came into force")],
    ),
]

# Fighting reported with a truce: a violation when it follows the truce, not when it led to it.
STATUS_CASES += [
    (
        "Renewed clashes erupted hours after the two armies agreed a ceasefire.",
        [("violated", "Renewed clashes"), ("agreed", "agreed a ceasefire")],
    ),
    (
        "Heavy fighting continued for weeks until the two armies agreed a truce.",
        [("agreed", "agreed a truce")],
    ),
    (
        "The truce between the army and the rebels broke down after a week.",
        [("collapsed", "broke down")],
    ),
]

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
]

# (text, status, negated, hypothetical)
FLAG_CASES: list[tuple[str, str, bool, bool]] = [
    ("The militia did not violate the ceasefire, its commander insisted.", "violated", True, False),
    ("There was no ceasefire in the besieged city last night.", "in_effect", True, False),
    (
        "If a truce is agreed, aid convoys could move in with troops guarding them.",
        "agreed",
        False,
        True,
    ),
    ("The truce is due to take effect on Friday, the army said.", "in_effect", False, True),
    ("The ceasefire has not collapsed despite heavy fighting.", "collapsed", True, False),
    # A commitment to keep a truce is a real act, not a hypothetical one.
    ("The army said it would observe the ceasefire.", "reaffirmed", False, False),
    ("The rebels would accept a truce if the shelling stopped.", "accepted", False, True),
    ("Peacekeepers were deployed to monitor the ceasefire.", "monitored", False, False),
    ("The ceasefire is set to expire on Sunday, the militia said.", "collapsed", False, True),
    # Refusals, calls and offers are flagged like any other status: a "not" or a modal verb
    # before the trigger in its clause, never one in another clause.
    ("The insurgent commanders did not reject the truce.", "rejected", True, False),
    ("The guerrillas have never rejected a ceasefire with the army.", "rejected", True, False),
    ("The junta would reject any truce with the separatists.", "rejected", False, True),
    ("The rebels might turn down a ceasefire offer from the army.", "rejected", False, True),
    ("The rebels flatly rejected the truce on Monday.", "rejected", False, False),
    ("The militia, which may yet fight on, rejected the ceasefire.", "rejected", False, False),
    ("The truce would be rejected by the rebels, aides warned.", "rejected", False, True),
    ("The army did not call for a truce after the shelling.", "called_for", True, False),
    ("The envoy could call for a ceasefire at the summit.", "called_for", False, True),
    ("The rebels may offer a three-day truce to let aid in.", "proposed", False, True),
    ("The insurgents did not offer a truce to the army.", "proposed", True, False),
    ("The militia could accept the ceasefire within days.", "accepted", False, True),
    ("The soldiers did not extend the truce beyond Friday.", "extended", True, False),
    ("The rebels may violate the truce around the airport.", "violated", False, True),
]

# Texts with a "truce" or "ceasefire" word that is not about armed violence, or no such word.
NEGATIVE_CASES: list[str] = [
    "The two rappers declared a truce in their long-running feud over a record label.",
    "Washington and Beijing agreed a trade truce on tariffs after months of talks.",
    "The chancellor and the prime minister called a truce in their leadership rivalry.",
    "Rebels attacked the town on Monday. Separately, two rival singers ended their feud "
    "with a truce announced by their record labels.",
    "Troops clashed with rebels near the border, killing four soldiers.",
    "The village lies close to the ceasefire line between the two armies.",
    "The two tech giants called a truce in their patent war.",
    "Troops and rebels fought on. The union and the employers agreed a truce over pensions.",
    "",
]


def claims(text: str, published: str | None = "2024-03-15") -> list[newsparse.CeasefireClaim]:
    return list(newsparse.parse(text, published=published).ceasefire_claims)


@pytest.mark.parametrize(("text", "expected"), STATUS_CASES)
def test_status(text: str, expected: list[tuple[str, str]]) -> None:
    got = [(c.status, c.trigger.text) for c in claims(text)]
    assert got == expected


@pytest.mark.parametrize(("text", "status", "parties", "brokers"), ROLE_CASES)
def test_roles(text: str, status: str, parties: set[str], brokers: set[str]) -> None:
    art = newsparse.parse(text)
    claim = next(c for c in art.ceasefire_claims if c.status == status)
    assert parties <= {art.actor(i).name for i in claim.parties}
    assert brokers <= {art.actor(i).name for i in claim.brokers}


@pytest.mark.parametrize(("text", "status", "negated", "hypothetical"), FLAG_CASES)
def test_negated_and_hypothetical(
    text: str, status: str, negated: bool, hypothetical: bool
) -> None:
    got = [c for c in claims(text) if c.status == status]
    assert got, f"no {status} claim in {text!r}"
    assert (got[0].negated, got[0].hypothetical) == (negated, hypothetical)


@pytest.mark.parametrize("text", NEGATIVE_CASES)
def test_no_claim(text: str) -> None:
    assert claims(text) == []


def test_every_status_is_covered() -> None:
    statuses = {s for _, exp in STATUS_CASES for s, _ in exp}
    assert statuses == set(newsparse.models.CEASEFIRE_STATUSES)


def test_qualifiers_name_and_time() -> None:
    text = (
        "Fighting resumed on Friday. The Minsk ceasefire has repeatedly been violated by the army "
        "since a shaky 30-day truce was agreed in January."
    )
    got = claims(text, published="2015-02-18")
    violated = next(c for c in got if c.status == "violated")
    assert violated.name is not None and violated.name.text == "The Minsk ceasefire"
    assert [q.text for q in violated.qualifiers] == ["repeatedly"]
    agreed = next(c for c in got if c.status == "agreed")
    assert {q.text for q in agreed.qualifiers} == {"shaky", "30-day"}
    assert agreed.time is not None and agreed.time.text == "in January"
    assert (agreed.time.date_from, agreed.time.date_to) == (
        dt.date(2015, 1, 1),
        dt.date(2015, 1, 31),
    )


@pytest.mark.parametrize(
    ("phrase", "published", "dates"),
    [
        ("last week", "2017-02-23", (dt.date(2017, 2, 13), dt.date(2017, 2, 19))),
        ("in January", "2017-02-23", (dt.date(2017, 1, 1), dt.date(2017, 1, 31))),
        ("in November", "2017-02-23", (dt.date(2016, 11, 1), dt.date(2016, 11, 30))),
        ("on Friday", "2017-02-23", (dt.date(2017, 2, 17), dt.date(2017, 2, 17))),
        ("yesterday", "2017-02-23", (dt.date(2017, 2, 22), dt.date(2017, 2, 22))),
        ("three days ago", "2017-02-23", (dt.date(2017, 2, 20), dt.date(2017, 2, 20))),
        ("May 5, 2016", None, (dt.date(2016, 5, 5), dt.date(2016, 5, 5))),
        ("last month", "2017-01-10", (dt.date(2016, 12, 1), dt.date(2016, 12, 31))),
        ("last week", None, (None, None)),
    ],
)
def test_time_resolution(phrase: str, published: str | None, dates: tuple[object, object]) -> None:
    pub = dt.date.fromisoformat(published) if published else None
    hits = find_times(phrase, 0, len(phrase), pub)
    assert [(phrase[s:e], d1, d2) for s, e, d1, d2 in hits] == [(phrase, *dates)]


def test_a_truce_ahead_is_dated_forward() -> None:
    text = "The army and the rebels said the truce is due to expire on Tuesday."
    [claim] = claims(text, published="2023-11-27")  # a Monday
    assert claim.status == "collapsed" and claim.hypothetical
    assert claim.time is not None and claim.time.date_from == dt.date(2023, 11, 28)


def test_a_civil_word_in_another_clause_does_not_hide_a_truce() -> None:
    text = (
        "The European Union called for a permanent ceasefire, while the trade dispute between "
        "Brussels and Beijing remained unresolved."
    )
    assert [c.status for c in claims(text)] == ["called_for"]


def test_march_and_may_as_verbs_are_not_dates() -> None:
    text = "Protesters may march on the capital."
    assert find_times(text, 0, len(text), dt.date(2020, 1, 1)) == []


def test_source_is_the_speaker_of_the_quote() -> None:
    text = (
        'The rebels shelled the airport on Sunday. "The ceasefire is dead," said '
        "General Ahmed Karimi, the army chief."
    )
    got = claims(text)
    assert [c.status for c in got] == ["collapsed"]
    art = newsparse.parse(text)
    claim = art.ceasefire_claims[0]
    assert claim.source != "narrator"
    assert "Karimi" in art.actor(claim.source).name
    assert claim.quote is not None


# -- the seed article ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed(seed_text: str) -> newsparse.Article:
    return newsparse.parse(seed_text, published="2017-02-23")


def _names(article: newsparse.Article, ids: tuple[str, ...]) -> set[str]:
    return {article.actor(i).name for i in ids}


def test_seed_has_the_six_claims(seed: newsparse.Article) -> None:
    got = [(c.status, c.trigger.text) for c in seed.ceasefire_claims]
    assert got == [
        ("violated", "despite"),
        ("announced", "announcement of a ceasefire"),
        ("reaffirmed", "reaffirmed a shaky ceasefire"),
        ("monitored", "mechanism to control the ceasefire"),
        ("violated", "has repeatedly been violated"),
        ("excluded", "not included under the ceasefire"),
    ]


def test_seed_details(seed: newsparse.Article) -> None:
    by = {c.trigger.text: c for c in seed.ceasefire_claims}
    announced = by["announcement of a ceasefire"]
    assert announced.time is not None and announced.time.text == "last week"
    assert announced.time.date_from == dt.date(2017, 2, 13)
    reaffirmed = by["reaffirmed a shaky ceasefire"]
    assert [q.text for q in reaffirmed.qualifiers] == ["shaky"]
    assert reaffirmed.time is not None and reaffirmed.time.text == "in January"
    assert {"Russia", "Iran", "Turkey"} <= _names(seed, reaffirmed.brokers)
    parties = " ".join(_names(seed, reaffirmed.parties)).lower()
    assert "government" in parties
    assert reaffirmed.location is not None and reaffirmed.location.text == "Astana"
    monitored = by["mechanism to control the ceasefire"]
    assert monitored.source != "narrator" and seed.actor(monitored.source).name == "Vladimir Putin"
    assert monitored.quote is not None
    violated = by["has repeatedly been violated"]
    assert violated.name is not None and violated.name.text == "the Astana ceasefire"
    assert [q.text for q in violated.qualifiers] == ["repeatedly"]
    assert violated.source == "narrator"
    excluded = by["not included under the ceasefire"]
    assert _names(seed, excluded.excluded) == {"Islamic State"}
    assert not any(c.negated or c.hypothetical for c in seed.ceasefire_claims)


def test_text_without_ceasefire_words_costs_nothing_and_odd_input_is_safe() -> None:
    for text in [
        "truce " * 2000,
        '"' * 5000 + "ceasefire",
        "\x00\x01 cease-fire \ud800"[:12],
        "a" * 100_000,
    ]:
        art = newsparse.parse(text)
        for c in art.ceasefire_claims:
            assert art.text[c.trigger.start : c.trigger.end] == c.trigger.text


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
        "An uneasy ceasefire has prevailed since May."
    )
    draft = _draft_with_actors(
        text,
        [("Armenia", "country", "ARM", "Armenia"), ("Azerbaijan", "country", "AZE", "Azerbaijan")],
    )
    draft.actors[0].add_mention(text.index("Armenia accused"), text.index("Armenia accused") + 7)
    find_claims(draft)
    [claim] = draft.claims
    assert claim.status == "in_effect"
    assert {a.name for a in draft.actors if a.id in claim.parties} == {"Armenia", "Azerbaijan"}
