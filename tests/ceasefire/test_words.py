"""Words of a stretch of text and phrase tables matched against them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsparse.extractors.ceasefire.words import PhraseTable, Words, split_phrase


def test_words_keep_hyphens_apostrophes_and_offsets() -> None:
    text = "The U.S.-brokered cease-fire held; Hizbollah’s men didn't fire."
    words = Words(text, 0, len(text))
    assert words.low[:3] == ["the", "u.s.-brokered", "cease-fire"]
    assert "hizbollah's" in words.low and "didn't" in words.low
    for i in range(len(words)):
        assert text[words.starts[i] : words.ends[i]].lower().replace("’", "'") == words.low[i]


def test_a_window_is_read_in_place() -> None:
    text = "xx The truce held. yy"
    words = Words(text, 3, 18)
    assert words.low == ["the", "truce", "held", "."]
    assert words.span(1, 3) == (7, 17)
    assert words.at(8) == 2 and words.at(0) == 0 and words.at(100) == len(words)


def test_lowering_that_changes_length_keeps_offsets() -> None:
    text = "İstanbul hosted ceasefire talks."
    words = Words(text, 0, len(text))
    assert words.low[2] == "ceasefire"
    assert text[words.starts[2] : words.ends[2]] == "ceasefire"


def test_phrase_table_prefers_the_longest_phrase() -> None:
    table = PhraseTable([("end", "collapsed"), ("end to", "collapsed"), ("put an end to", "x")])
    text = "they put an end to it"
    words = Words(text, 0, len(text))
    assert table.match(words, 1) == (5, "x")
    assert table.match_before(words, 5) == (1, "x")
    assert table.match_before(words, 5, lo=2) == (3, "collapsed")
    assert table.match(words, 0) is None and "put" in table
    assert split_phrase("Cease-Fire  line") == ("cease-fire", "line")


@given(st.text(max_size=200), st.integers(0, 220), st.integers(0, 220))
def test_any_window_of_any_text_gives_exact_offsets(text: str, lo: int, hi: int) -> None:
    words = Words(text, lo, hi)
    assert all(
        max(0, lo) <= s < e <= max(lo, min(hi, len(text))) or s < e
        for s, e in zip(words.starts, words.ends, strict=True)
    )
    assert words.starts == sorted(words.starts)
