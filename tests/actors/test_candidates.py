"""Candidates: capitalised runs, their words, credit lines and common-noun parties."""

from __future__ import annotations

import pytest

from newsparse.extractors.actors.candidates import caps_sentence, credit_lines, runs, tokens

RUNS = [
    (
        "Forces loyal to President Bashar al-Assad advanced.",
        ["Forces", "President Bashar al-Assad"],
    ),
    # Connectors join a run; the gazetteers split it later.
    ("The Ministry of Defence and the U.N. met.", ["The Ministry of Defence and the U.N."]),
    ("talks in Abu Dhabi ended", ["Abu Dhabi"]),
    ("no capitals here at all", []),
]


@pytest.mark.parametrize(("text", "expected"), RUNS)
def test_runs(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in runs(text, 0, len(text))] == expected


TOKENS = [
    ("Russia's", ["Russia"]),
    ("Moscow-brokered talks", ["Moscow", "talks"]),
    ("Lai Ching-te", ["Lai", "Ching-te"]),
    ("U.S.-led", ["U.S."]),
]


@pytest.mark.parametrize(("text", "expected"), TOKENS)
def test_tokens(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in tokens(text, 0, len(text))] == expected


def test_credit_lines_are_short_and_found_once() -> None:
    text = "The vote was close. Ana Ruiz contributed to this report."
    sentences = [(0, 19), (20, len(text))]
    assert credit_lines(text, sentences) == {20}
    long = "The minister, who " + "spoke at length " * 20 + "contributed to this report."
    assert credit_lines(long, [(0, len(long))]) == set()


@pytest.mark.parametrize(
    ("text", "caps"),
    [("REBELS SEIZE TOWN NEAR CAPITAL", True), ("Rebels seize a town near the capital", False)],
)
def test_caps_sentence(text: str, caps: bool) -> None:
    assert caps_sentence(text, 0, len(text)) is caps
