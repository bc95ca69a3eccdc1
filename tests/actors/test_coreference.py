"""Coreference: initials, people's comparable names, and the linker's person lookups."""

from __future__ import annotations

import pytest

from newsparse.draft import Draft
from newsparse.extractors.actors.coreference import _nested_groups, initials
from newsparse.extractors.actors.items import Item
from newsparse.extractors.actors.linker import Linker, person_tokens

from .conftest import actors_draft


@pytest.mark.parametrize(
    ("name", "letters"),
    [("Baloch Liberation Army", "BLA"), ("Ministry of Defence", "MD"), ("Hamas", "H")],
)
def test_initials(name: str, letters: str) -> None:
    assert initials(name) == letters


@pytest.mark.parametrize(
    ("name", "tokens"),
    [
        ("Bashar al-Assad", ("bashar", "assad")),
        ("Mohammed bin Salman", ("mohammed", "salman")),
        ("Tarak Das", ("tarak", "das")),
    ],
)
def test_person_tokens(name: str, tokens: tuple[str, ...]) -> None:
    assert person_tokens(name) == tokens


def _linker(*names: str) -> Linker:
    lk = Linker(Draft(text="x" * 10))
    for name in names:
        lk.add_person(lk.draft.add_actor(name, "person"))
    return lk


def test_surname_finds_full_name() -> None:
    lk = _linker("Dana Levy")
    found = lk.person("Levy")
    assert found is not None and found.name == "Dana Levy"


def test_family_name_first() -> None:
    lk = _linker("Wen Kaiyuan")
    found = lk.person("Wen")
    assert found is not None and found.name == "Wen Kaiyuan"


def test_given_name_alone_needs_a_title() -> None:
    lk = _linker("Peter Okafor")
    assert lk.person("Peter") is None
    found = lk.person("Peter", titled=True)
    assert found is not None and found.name == "Peter Okafor"


def test_ambiguous_first_word_finds_nobody() -> None:
    lk = _linker("Wen Kaiyuan", "Wen Lihua")
    assert lk.person("Wen") is None


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        # one phrase, one mention: the longer group, not also the group inside it
        ("Kenyan military authorities said the road was shut.", ["Kenyan military authorities"]),
        ("NATO military forces struck the depot twice.", ["NATO military forces"]),
        # two groups side by side both stay
        (
            "The Kenyan government said government forces had left.",
            ["Kenyan government", "government forces"],
        ),
    ],
)
def test_nested_group_yields_to_the_longer(text: str, mentions: list[str]) -> None:
    draft = actors_draft(text)
    found = sorted(
        text[s:e] for a in draft.actors if a.kind != "country" for s, e, _f in a.mentions
    )
    assert found == sorted(mentions)


def test_nested_groups_are_dropped_in_one_pass() -> None:
    outer, inner, same, later = (
        Item(0, 30, "group"),
        Item(0, 16, "group"),
        Item(0, 30, "group"),
        Item(20, 40, "group"),
    )
    assert _nested_groups([outer, same, inner, later]) == {id(inner)}
