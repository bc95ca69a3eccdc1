"""Segmentation: paragraphs, sentences, the headline line and boilerplate, as offsets."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsparse.draft import Draft
from newsparse.extractors.segmentation import segment, split_sentences

_WRITES = frozenset({"paragraphs", "sentences", "headline", "boilerplate"})


def segmented(text: str, title: str | None = None) -> Draft:
    draft = Draft(text, title=title)
    draft._begin("segmentation", _WRITES)
    segment(draft)
    draft._end()
    return draft


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, 0, len(text))]


# (case id, text, the sentences expected)
SENTENCE_CASES = [
    (
        "plain",
        "The dam held. Villagers went home.",
        ["The dam held.", "Villagers went home."],
    ),
    (
        "title-abbreviation",
        "Dr. Amal Haddad spoke first. Then the mayor answered.",
        ["Dr. Amal Haddad spoke first.", "Then the mayor answered."],
    ),
    (
        "initial",
        "Petra K. Lindqvist won the seat. Her rival conceded.",
        ["Petra K. Lindqvist won the seat.", "Her rival conceded."],
    ),
    (
        "dotted-abbreviation-then-starter",
        "The aid came from the U.S. The convoy left at dawn.",
        ["The aid came from the U.S.", "The convoy left at dawn."],
    ),
    (
        "dotted-abbreviation-inside",
        "Officials in the U.S. Senate voted on Friday.",
        ["Officials in the U.S. Senate voted on Friday."],
    ),
    (
        "quote-closes-sentence",
        "“We will stay.” The crowd cheered.",
        ["“We will stay.”", "The crowd cheered."],
    ),
    (
        "quote-then-lowercase-attribution",
        "“Why now?” she asked. Nobody answered.",
        ["“Why now?” she asked.", "Nobody answered."],
    ),
    (
        "lowercase-after-stop",
        "The vote ended at 5 p.m. on Friday in the capital.",
        ["The vote ended at 5 p.m. on Friday in the capital."],
    ),
    (
        "decimal",
        "Prices rose 2.5 percent. Wages did not.",
        ["Prices rose 2.5 percent.", "Wages did not."],
    ),
    (
        "run-of-punctuation",
        "Really?! Yes. It happened.",
        ["Really?!", "Yes.", "It happened."],
    ),
    (
        "line-break-ends-sentence",
        "Talks resume in Oslo\nThe envoy arrived on Monday.",
        ["Talks resume in Oslo", "The envoy arrived on Monday."],
    ),
    (
        "no-final-punctuation",
        "The bridge reopened",
        ["The bridge reopened"],
    ),
]


@pytest.mark.parametrize(
    ("case", "text", "expected"), SENTENCE_CASES, ids=[c[0] for c in SENTENCE_CASES]
)
def test_sentences(case: str, text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_paragraphs_are_blank_line_blocks() -> None:
    text = "Rain fell all night.\n\nThe river rose.\nRoads closed.\n\n\n  Schools shut.  "
    draft = segmented(text)
    assert [text[s:e] for s, e in draft.paragraphs] == [
        "Rain fell all night.",
        "The river rose.\nRoads closed.",
        "Schools shut.",
    ]
    assert [text[s:e] for s, e in draft.sentences][1:3] == ["The river rose.", "Roads closed."]


def test_lines_are_paragraphs_without_blank_lines() -> None:
    text = "Rain fell all night.\nThe river rose."
    draft = segmented(text)
    assert [text[s:e] for s, e in draft.paragraphs] == ["Rain fell all night.", "The river rose."]


HEADLINE_CASES = [
    ("title-case-line", "Floods Close Schools Across the Valley\n\nRain fell all night.", True),
    ("line-without-stop", "Floods close schools\n\nRain fell all night.", True),
    ("sentence-line", "Rain fell all night and the river rose.\n\nSchools shut.", False),
    ("single-paragraph", "Floods Close Schools Across the Valley", False),
]


@pytest.mark.parametrize(
    ("case", "text", "is_headline"), HEADLINE_CASES, ids=[c[0] for c in HEADLINE_CASES]
)
def test_headline(case: str, text: str, is_headline: bool) -> None:
    draft = segmented(text)
    assert (draft.headline is not None) == is_headline
    if is_headline:
        assert draft.headline == draft.paragraphs[0]


def test_headline_matches_the_title_when_given() -> None:
    text = "Floods close schools.\n\nRain fell all night."
    assert segmented(text, title="Floods close schools").headline == (0, 21)
    assert segmented(text, title="Something else").headline is None


def test_boilerplate_lines_are_not_paragraphs() -> None:
    text = "Rain fell all night.\n\nAdvertisement\n\nThe river rose.\n\nRead more"
    draft = segmented(text)
    assert [text[s:e] for s, e in draft.boilerplate] == ["Advertisement", "Read more"]
    assert [text[s:e] for s, e in draft.paragraphs] == ["Rain fell all night.", "The river rose."]


@pytest.mark.parametrize(
    "text",
    ["", " \n\n ", "\n", ".", "!!!!", "a.b.c.", "“", "U.S.", "\u00a0\u2009"],
    ids=repr,
)
def test_odd_input_is_clean(text: str) -> None:
    draft = segmented(text)
    for s, e in (*draft.paragraphs, *draft.sentences, *draft.boilerplate):
        assert 0 <= s < e <= len(text) and text[s:e] == text[s:e].strip()


_PIECES = st.sampled_from(
    [*"ab .!?\n\u00a0“”\"'", " Dr. ", " U.S. ", " The ", "\n\n", " e.g. ", "...", " A. "]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=80).map("".join))
def test_spans_are_ordered_stripped_and_inside_paragraphs(text: str) -> None:
    draft = segmented(text)
    paragraphs = draft.paragraphs
    for runs in (paragraphs, draft.sentences):
        for (_, a_end), (b_start, _) in itertools.pairwise(runs):
            assert a_end <= b_start
        for s, e in runs:
            assert s < e and not text[s].isspace() and not text[e - 1].isspace()
    for s, e in draft.sentences:
        assert any(ps <= s and e <= pe for ps, pe in paragraphs)
    # Every non-space character of a paragraph lies in one of its sentences.
    covered = {i for s, e in draft.sentences for i in range(s, e)}
    for ps, pe in paragraphs:
        assert all(text[i].isspace() or i in covered for i in range(ps, pe))
