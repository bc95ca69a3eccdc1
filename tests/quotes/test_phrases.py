"""Speaker phrases read before and after a cue."""

from __future__ import annotations

import pytest

from newsparse.extractors.quotes.phrases import Token, phrase_after, phrase_before, tokens


class _Text:
    """A text and its tokens, as the story gives them to the phrase readers."""

    def __init__(self, text: str) -> None:
        self.text = text

    def tokens(self, start: int, end: int) -> list[Token]:
        return tokens(self.text, start, end)


# (case id, words before a cue, kind, whole phrase, head)
BEFORE = [
    ("name", "Maria Lopez said", "name", "Maria Lopez", "Maria Lopez"),
    (
        "title-and-name",
        "Defense Minister Hulusi Akar on Saturday said",
        "name",
        "Defense Minister Hulusi Akar",
        "Hulusi Akar",
    ),
    (
        "possessor-title-name",
        "Turkey's Defense Minister Hulusi Akar said",
        "name",
        "Turkey's Defense Minister Hulusi Akar",
        "Hulusi Akar",
    ),
    (
        "lower-case-title",
        "retired Turkish admiral Cem Gurdeniz said",
        "name",
        "retired Turkish admiral Cem Gurdeniz",
        "Cem Gurdeniz",
    ),
    (
        "particles",
        "Ursula von der Leyen said",
        "name",
        "Ursula von der Leyen",
        "Ursula von der Leyen",
    ),
    ("initial", "John F. Kennedy said", "name", "John F. Kennedy", "John F. Kennedy"),
    ("abbreviated-title", "Sen. Ann Lee (D-Ohio) said", "name", "Sen. Ann Lee", "Ann Lee"),
    (
        "name-with-pp",
        "Mesut Casin of Istanbul's Yeditepe University said",
        "name",
        "Mesut Casin of Istanbul's Yeditepe University",
        "Mesut Casin",
    ),
    (
        "apposition",
        "Mark Olsen, who worked with him for years, argued",
        "name",
        "Mark Olsen",
        "Mark Olsen",
    ),
    (
        "apposition-with-inner-commas",
        "But Lena Park, the envoy in the Bureau of Trade Affairs, with a say on tariffs, said",
        "name",
        "Lena Park",
        "Lena Park",
    ),
    (
        "description-then-name",
        "the minister's spokesman, Jane Roe, told",
        "name",
        "Jane Roe",
        "Jane Roe",
    ),
    ("pronoun", "he said", "pronoun", "he", "he"),
    (
        "description",
        "a senior army officer said",
        "description",
        "a senior army officer",
        "a senior army officer",
    ),
    (
        "description-with-pp",
        "A spokesman for the ministry declined",
        "description",
        "A spokesman for the ministry",
        "A spokesman",
    ),
    (
        "possessive-description",
        "the ministry's spokesman said",
        "description",
        "the ministry's spokesman",
        "the ministry's spokesman",
    ),
    (
        "plural-description",
        "intelligence sources said",
        "description",
        "intelligence sources",
        "intelligence sources",
    ),
    (
        "quantified",
        "many of her aides feel",
        "description",
        "many of her aides",
        "many of her aides",
    ),
]


@pytest.mark.parametrize(
    ("case", "words", "kind", "whole", "head"), BEFORE, ids=[b[0] for b in BEFORE]
)
def test_phrase_before(case: str, words: str, kind: str, whole: str, head: str) -> None:
    src = _Text(words)
    phrase = phrase_before(src, words.rindex(" ") + 1, 0)
    assert phrase is not None
    assert (
        phrase.kind,
        words[phrase.start : phrase.end],
        words[phrase.head_start : phrase.head_end],
    ) == (kind, whole, head)


@pytest.mark.parametrize(
    "words", ["Nearly half said", "the results were clear and said", "bombs said"]
)
def test_no_phrase_before(words: str) -> None:
    assert phrase_before(_Text(words), words.rindex(" ") + 1, 0) is None


# (case id, words after a cue, kind, whole phrase, head)
AFTER = [
    ("name", "Bagci.", "name", "Bagci", "Bagci"),
    (
        "description-and-name-pp",
        "international relations expert Soli Ozel of Kadir Has University, pointing",
        "name",
        "international relations expert Soli Ozel of Kadir Has University",
        "Soli Ozel",
    ),
    ("description", "a senior official.", "description", "a senior official", "a senior official"),
    ("pronoun", "he.", "pronoun", "he", "he"),
]


@pytest.mark.parametrize(
    ("case", "words", "kind", "whole", "head"), AFTER, ids=[a[0] for a in AFTER]
)
def test_phrase_after(case: str, words: str, kind: str, whole: str, head: str) -> None:
    phrase = phrase_after(_Text(words), 0, len(words))
    assert phrase is not None
    assert (
        phrase.kind,
        words[phrase.start : phrase.end],
        words[phrase.head_start : phrase.head_end],
    ) == (kind, whole, head)


def test_loose_descriptions_only_when_asked() -> None:
    words = "one shopper wrote"
    cue = words.index("wrote")
    assert phrase_after(_Text(words), 0, cue) is None
    loose = phrase_after(_Text(words), 0, cue, loose=True)
    assert loose is not None and words[loose.start : loose.end] == "one shopper"
