"""Where an article speaks of a ceasefire: the needle gate, heads in long sentences, truces
that are no ceasefire, words referring back, and fighting against a truce in force."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsparse
from newsparse.extractors.ceasefire.triggers import may_mention


def _statuses(text: str) -> list[str]:
    return [c.status for c in newsparse.parse(text).ceasefire_claims]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares rose on Monday.", False),
        ("A CEASEFIRE IS HOLDING", True),
        ("The Cease-Fire held.", True),
        ("They agreed to end the fighting.", True),
    ],
)
def test_the_gate(text: str, expected: bool) -> None:
    assert may_mention(text) is expected


def test_odd_input_is_safe_and_spans_are_exact() -> None:
    for text in [
        "truce " * 2000,
        '"' * 5000 + "ceasefire",
        "\x00\x01 cease-fire \ud800"[:12],
        "a" * 100_000,
        "ceasefire",
        "İstanbul: the army and the rebels agreed a ceasefire on Monday.",
    ]:
        art = newsparse.parse(text)
        for c in art.ceasefire_claims:
            assert art.text[c.trigger.start : c.trigger.end] == c.trigger.text


def test_a_head_deep_in_a_long_sentence_is_read_in_a_window() -> None:
    filler = "the valley road and the river bank and the old mill " * 200
    text = f"Troops moved along {filler}while the rebels rejected the ceasefire."
    assert len(text) > 5000
    assert _statuses(text) == ["rejected"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A truce needs armed conflict near it, and not more civil words than armed ones.
        ("The two rappers ended their feud with a truce on Monday.", []),
        ("The rebels and the army agreed a truce on Monday.", ["agreed"]),
        ("Troops shelled the town. Later the two airlines agreed a truce in their fare war.", []),
        # "ceasefire" itself needs no armed word nearby.
        ("Both sides agreed a ceasefire on Monday.", ["agreed"]),
    ],
)
def test_truces_of_armed_conflict_only(text: str, expected: list[str]) -> None:
    assert _statuses(text) == expected


def test_words_refer_back_only_after_a_ceasefire() -> None:
    before = "The accord was signed on Monday. The army and the rebels agreed a ceasefire."
    after = "The army and the rebels agreed a ceasefire. The accord was signed on Monday."
    assert _statuses(before) == ["agreed"]
    assert _statuses(after) == ["agreed", "agreed"]


def test_a_peace_deal_makes_the_deal_ambiguous() -> None:
    text = (
        "The army and the rebels agreed a ceasefire. A peace deal is still far off. "
        "The deal was signed on Monday."
    )
    assert _statuses(text) == ["agreed"]


def test_the_talks_are_ceasefire_talks_only_in_an_article_about_them() -> None:
    talks = "Ceasefire talks opened on Monday. The talks were adjourned on Tuesday."
    other = "The rebels agreed a ceasefire. The talks were adjourned on Tuesday."
    assert _statuses(talks) == ["negotiating", "negotiating"]
    assert _statuses(other) == ["agreed"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The ceasefire took effect on Monday. Heavy fighting still raged near the port.",
            ["in_effect", "violated"],
        ),
        # Fighting before the truce, or while a truce is only sought, breaks none.
        (
            "Heavy fighting raged near the port. The ceasefire took effect on Monday.",
            ["in_effect"],
        ),
        ("Fighting raged as mediators pushed for a ceasefire.", ["called_for"]),
        ("Heavy fighting continued until the two armies agreed a ceasefire.", ["agreed"]),
        # No fighting is no violation.
        ("The ceasefire took effect on Monday. No fighting was reported.", ["in_effect"]),
    ],
)
def test_fighting_breaks_a_ceasefire_in_force(text: str, expected: list[str]) -> None:
    assert _statuses(text) == expected


def test_claims_dense_text_gives_one_claim_a_head() -> None:
    text = "Intro. " + "the rebels would not reject any ceasefire and " * 50 + "."
    claims = newsparse.parse(text).ceasefire_claims
    assert len(claims) == 50
    assert all(c.status == "rejected" and c.negated and c.hypothetical for c in claims)


def test_claim_dense_output_grows_linearly() -> None:
    # Claims point at their sentence by index: an article dense in claims does not repeat it.
    unit = "the rebels would not reject any ceasefire and "
    small = newsparse.parse("Intro. " + unit * 40 + ".").model_dump_json()
    large = newsparse.parse("Intro. " + unit * 160 + ".").model_dump_json()
    assert 3.5 < len(large) / len(small) < 4.5


_PIECES = [
    "ceasefire",
    "truce",
    "agreed",
    "the",
    "rebels",
    "army",
    "not",
    "would",
    "violated",
    "talks",
    "it",
    "despite",
    "fighting",
    "still",
    "raged",
    "between",
    "and",
    ",",
    ".",
    "\n\n",
    '"',
    "(",
    "cease-fire",
    "accord",
    "accused",
    "of",
    "shelling",
    "İ",
    "’s",
    "Egypt-brokered",
    "to",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60), st.text(max_size=20))
def test_any_text_of_ceasefire_words_gives_consistent_claims(pieces: list[str], noise: str) -> None:
    text = " ".join(pieces) + noise
    art = newsparse.parse(text)
    for c in art.ceasefire_claims:
        assert art.text[c.trigger.start : c.trigger.end] == c.trigger.text
        assert c.sentence is not None
        sentence = art.sentences[c.sentence]
        assert sentence.start <= c.trigger.start < sentence.end
        assert set(c.parties).isdisjoint(c.brokers)
