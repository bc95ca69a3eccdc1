"""Places: countries named only as locations become places; acting countries stay actors."""

from __future__ import annotations

import pytest

from .conftest import actors_draft

LOCATED = [
    ("Fighting spread across Chad, Niger and Mali.", {"Chad", "Niger", "Mali"}),
    ("He flew from Kenya to Uganda on Monday.", {"Kenya", "Uganda"}),
    ("The Somalia-based group struck again.", {"Somalia"}),
    ("Refugees crossed the border with Jordan.", {"Jordan"}),
]


@pytest.mark.parametrize(("text", "places"), LOCATED)
def test_countries_named_only_as_locations_are_places(text: str, places: set[str]) -> None:
    draft = actors_draft(text)
    assert places <= {p.name for p in draft.places}
    assert not places & {a.name for a in draft.actors}


ACTING = [
    ("Chad accused Niger of harbouring rebels.", {"Chad", "Niger"}),
    ("Kenya and Uganda signed the accord in Nairobi.", {"Kenya", "Uganda"}),
]


@pytest.mark.parametrize(("text", "actors"), ACTING)
def test_acting_countries_stay_actors(text: str, actors: set[str]) -> None:
    assert actors <= {a.name for a in actors_draft(text).actors}


def test_capital_acting_for_its_country() -> None:
    draft = actors_draft("Kyiv accused Moscow of breaking the truce.")
    russia = [a for a in draft.actors if a.country == "RUS"]
    assert russia and any(f == "capital" for _, _, f in russia[0].mentions)


def test_place_extent_takes_its_country() -> None:
    text = "Shells hit Homs, Syria, on Tuesday."
    draft = actors_draft(text)
    assert [text[s:e] for p in draft.places for s, e, _ in p.mentions] == ["Homs, Syria"]
