"""Speakers: names, pronouns, descriptions, appositions and quotations standing alone."""

from __future__ import annotations

import pytest

from newsparse.extractors.quotes.speakers import given_name_gender

from .tables import Case, check, params, parse


@pytest.mark.parametrize("case", params("floating", "pronoun", "description"))
def test_speaker_layouts(case: Case) -> None:
    check(case)


def test_a_surname_resolves_to_the_full_name() -> None:
    article = parse(
        "President Elena Marsh opened the summit.\n\n“We have no time to lose,” said Marsh."
    )
    (q,) = [q for q in article.quotes if q.kind == "direct"]
    assert q.speaker is not None and article.actor(q.speaker).name == "Elena Marsh"
    assert q.speaker_mention is not None and q.speaker_mention.text == "Marsh"


def test_a_pronoun_is_less_sure_than_a_name() -> None:
    article = parse(
        "“The ceasefire is holding,” said Daniel Weiss.\n\n"
        "“Both sides have kept their word so far,” he said."
    )
    first, second = [q for q in article.quotes if q.kind == "direct"]
    assert first.speaker == second.speaker is not None
    assert second.confidence < first.confidence


def test_an_unnamed_speaker_is_an_actor_described_as_the_article_does() -> None:
    article = parse("A retired diplomat said the embassy had been warned twice.")
    (q,) = article.quotes
    assert q.speaker is not None
    actor = article.actor(q.speaker)
    assert (actor.name, actor.kind) == ("A retired diplomat", "person")
    assert [m.text for m in actor.mentions] == ["A retired diplomat"]


def test_an_organisation_speaker_is_an_organisation() -> None:
    article = parse("The Kestrel Monitor for Civil Rights said at least 12 people died.")
    (q,) = article.quotes
    assert q.speaker is not None
    actor = article.actor(q.speaker)
    assert actor.kind == "organization"
    assert actor.name.startswith("Kestrel Monitor")


@pytest.mark.parametrize(("name", "gender"), [("Maria Costa", "f"), ("Daniel Weiss", "m")])
def test_given_names_tell_gender(name: str, gender: str) -> None:
    assert given_name_gender(name) == gender
