"""Pairing quotation marks into passages."""

from __future__ import annotations

import pytest

from newsparse.extractors.quotes.marks import find_passages, uses_double_marks


def contents(text: str, single: bool = False) -> list[str]:
    return [
        text[p.content_start : p.content_end]
        for p in find_passages(text, [(0, len(text))], single=single)
    ]


# (case id, text, the quoted passages)
PAIRS = [
    ("curly", "He said “yes” and “no”.", ["yes", "no"]),
    ("straight", 'He said "yes" and "no".', ["yes", "no"]),
    ("mixed", '"We went,” she said. “We came back."', ["We went,", "We came back."]),
    ("guillemets", "«Nous restons», dit-il.", ["Nous restons"]),
    ("low-high", "„Wir bleiben“, sagte er.", ["Wir bleiben"]),
    ("typewriter", "''We stay,'' he said.", ["We stay,"]),
    ("inner-single", "“He said ‘go’ and left,” she said.", ["He said ‘go’ and left,"]),
    (
        "inner-double",
        "“Even when “our side” is at fault, we speak,” she wrote.",
        ["Even when “our side” is at fault, we speak,"],
    ),
    ("stray-closer", "The word ” stands alone. “Real,” he said.", ["Real,"]),
    ("second-opener-drops-first", "A stray “mark, then “the real one” here.", ["the real one"]),
    ("apostrophes-are-not-marks", "The students’ union didn’t say ‘yes’.", []),
]


@pytest.mark.parametrize(("case", "text", "expected"), PAIRS, ids=[p[0] for p in PAIRS])
def test_pairs(case: str, text: str, expected: list[str]) -> None:
    assert contents(text) == expected


def test_single_marks_quote_only_in_texts_without_double_marks() -> None:
    text = "He said ‘we will stay’ and the students’ union agreed."
    assert not uses_double_marks(text)
    assert contents(text, single=True) == ["we will stay"]
    assert uses_double_marks("“x”")


def test_pairing_is_per_paragraph() -> None:
    text = "He said “one.\n\nNew paragraph without marks."
    passages = find_passages(text, [(0, 13), (15, len(text))])
    assert [(p.content_start, p.content_end, p.closed) for p in passages] == [(9, 13, False)]


def test_a_quote_opening_the_next_paragraph_continues_an_open_one() -> None:
    text = "“We walked for days.\n\n“Then we rested,” she said."
    passages = find_passages(text, [(0, 20), (22, len(text))])
    assert [(p.closed, p.continues) for p in passages] == [(False, False), (True, True)]


def test_many_marks_pair_in_linear_time() -> None:
    text = '“a” "b ' * 20_000
    passages = find_passages(text, [(0, len(text))])
    assert len(passages) >= 20_000
