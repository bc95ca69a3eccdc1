"""Status details the sentence table does not show: the noun phrase, qualifiers, names, and
claims left out rather than guessed."""

from __future__ import annotations

import pytest

import newsparse
from newsparse.extractors.ceasefire.status import phrase_start, qualifiers_of
from newsparse.extractors.ceasefire.vocab import vocab
from newsparse.extractors.ceasefire.words import Words


def _claims(text: str) -> list[newsparse.CeasefireClaim]:
    return list(newsparse.parse(text, published="2024-03-15").ceasefire_claims)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("agreed a shaky 30-day truce", "a shaky"),
        ("reached the new U.S.-brokered truce", "the new"),
        ("violation of the latest truce", "the latest"),
        ("the agreed truce", "the agreed"),
        ("called for an immediate, unconditional truce", "an immediate"),
        ("talks in Geneva on a truce", "a truce"),
    ],
)
def test_the_phrase_stops_at_its_governor(text: str, start: str) -> None:
    words = Words(text, 0, len(text))
    head = words.low.index("truce")
    first = phrase_start(words, head, 0, vocab())
    assert text[words.starts[first] :].startswith(start)


@pytest.mark.parametrize(
    "text",
    [
        "The ceasefire was the main topic at the summit in the capital.",
        "Everyone at the summit spoke about the ceasefire between the army and the rebels.",
        "A ceasefire between the two armies would be welcome news for the valley's farmers.",
    ],
)
def test_a_bare_mention_makes_no_claim(text: str) -> None:
    # The status comes from a governing word; with none, nothing is guessed.
    assert _claims(text) == []


def test_qualifiers_name_and_time() -> None:
    text = (
        "Fighting resumed on Friday. The Minsk ceasefire has repeatedly been violated by the army "
        "since a shaky 30-day truce was agreed in January."
    )
    got = _claims(text)
    violated = next(c for c in got if c.status == "violated")
    assert violated.name is not None and violated.name.text == "The Minsk ceasefire"
    assert [q.text for q in violated.qualifiers] == ["repeatedly"]
    agreed = next(c for c in got if c.status == "agreed")
    assert {q.text for q in agreed.qualifiers} == {"shaky", "30-day"}
    assert agreed.time is not None and agreed.time.text == "in January"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("a three-week truce", ["three-week"]),
        ("a 48-hour truce", ["48-hour"]),
        ("an 18-month-old truce", ["18-month-old"]),
        ("a week-long truce", ["week-long"]),
        ("a fragile and temporary truce", ["fragile", "temporary"]),
        ("a two-state plan", []),
    ],
)
def test_qualifiers(text: str, found: list[str]) -> None:
    words = Words(text, 0, len(text))
    assert [text[s:e] for s, e in qualifiers_of(words)] == found


def test_a_title_case_headline_gives_no_name() -> None:
    [claim] = _claims("Rebels Reject Truce Offer From Army")
    assert claim.name is None


def test_a_commitment_to_keep_a_truce_is_real_and_a_purpose_is_not_a_status() -> None:
    [claim] = _claims("The army said it would observe the ceasefire.")
    assert (claim.status, claim.hypothetical) == ("reaffirmed", False)
    got = {c.status for c in _claims("The army signed a ceasefire to end the fighting.")}
    assert got == {"agreed"}
