"""Work grows linearly with article length: a count of executed lines, not a clock.

Each text is parsed at two sizes, ``n`` and ``4n``; the number of lines of newsparse code run
(counted with a trace function) must grow about four-fold. A lookup that scans every quote or
actor per call makes it grow about sixteen-fold.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

import pytest

import newsparse

# Our own sentences: headlines, quotes with speakers and titles, places, ceasefire claims.
_PROSE = (
    "Talks on the border resume in Vienna\n\n"
    "“We will sign the accord this week,” Defence Minister Ilse Brandauer told reporters on "
    "Monday. The minister said a 48-hour truce agreed by both armies had largely held.\n\n"
    "Rebel spokesman Youssef Mansour accused government troops of breaking the ceasefire near "
    "Tarnow, saying “they shelled our positions twice”. The spokesman did not give figures.\n\n"
    "According to the United Nations, the ceasefire in Tarnow collapsed on Friday after "
    "artillery fire. President Maria Kovac called the attack “a betrayal”.\n\n"
)
_ONE_PARAGRAPH = (
    "The general said the truce would hold. Officials in Tarnow said “the guns are silent”. "
    "Colonel Petra Novak accused the militia of violating the ceasefire. "
)
_MARKS = '“Yes” he said “no ” she said "maybe" “ and ” \' “ ” " '

# Actor extractor stress: stacked possessives, one endless capitalised run, parties by the dozen.
_POSSESSIVES = "Russia's Putin's Kremlin's Tarnow's Novak's government's forces' allies' "
_CAPITALS = "Minister Of The Interior And Foreign Affairs Of The Republic Of Tarnow Council "
_PARTIES = "Kenyan and Ugandan authorities said Tarnow's foreign ministry and the police "
# One sentence that never ends, full of attributions and reports; quotations attributed by
# pronouns only (each looks back for a person); paragraphs of one character; marks that never
# close.
_NO_PUNCTUATION = "the mayor said the river rose and the army told reporters the road held and "
_PRONOUN_QUOTES = "“The water is rising,” he said. “We are leaving,” she added.\n\n"
_ONE_CHARACTER = "x\n\n"
_UNBALANCED = "He said “we stay and she said “no and they said “go "
# Both sides described together after pairs of people and groups, claim after claim.
_BOTH_SIDES = (
    "Omar Bakr, leader of the Kesh Front, and Ali Dara met Turkey and Iran. "
    "The two leaders agreed a ceasefire and the warring factions signed it; "
)

_KINDS = {
    "prose": _PROSE,
    "one_paragraph": _ONE_PARAGRAPH,
    "quotation_marks": _MARKS,
    "possessives": _POSSESSIVES,
    "capitalised_run": _CAPITALS,
    "parties": _PARTIES,
    "attributions_without_punctuation": _NO_PUNCTUATION,
    "pronoun_quotes": _PRONOUN_QUOTES,
    "one_character_paragraphs": _ONE_CHARACTER,
    "unbalanced_marks": _UNBALANCED,
    "both_sides": _BOTH_SIDES,
    "both_sides_one_sentence": "Omar Bakr and Ali Dara said the two sides agreed a ceasefire and ",
}

# Many different people: a lookup that scans every actor grows with their number.
_GIVEN = ("Ilse", "Youssef", "Maria", "Petra", "Jonas", "Farah", "Dmitri", "Sofia")
_FAMILY = ("Brandauer", "Mansour", "Kovac", "Novak", "Lindqvist", "Okafor", "Petrov", "Alvarez")


def _many_actors(size: int) -> str:
    """About ``size`` characters of claims and quotes, each by a person not named before."""
    out: list[str] = []
    n = 0
    i = 0
    while n < size:
        who = f"{_GIVEN[i % 8]} {_FAMILY[i // 8 % 8]}{'ov' * (i // 64)}"
        out.append(f"General {who} violated the truce. ")
        n += len(out[-1])
        i += 1
    return "".join(out)


_SYLLABLES = ("ba", "ko", "ri", "mu", "te", "la", "si", "no")


def _shared_names(size: int) -> str:
    """About ``size`` characters of people who share one surname and bodies whose names share
    their last words, each new: finding a person or body by surname or by ending must not scan
    everyone met before."""
    out: list[str] = []
    n = 0
    i = 0
    while n < size:
        digits, k = [], i
        while True:
            digits.append(_SYLLABLES[k % 8])
            k //= 8
            if not k:
                break
        given = "".join(digits).capitalize()
        out.append(f"General {given} Brandauer met the {given} Relief Council. ")
        n += len(out[-1])
        i += 1
    return "".join(out)


# An article dense in ceasefire claims, one a clause (issue 17).
_DENSE_CLAIMS = "the rebels would not reject any ceasefire and "


def _text(kind: str, size: int) -> str:
    """About ``size`` characters of one kind of text."""
    if kind == "many_actors":
        return _many_actors(size)
    if kind == "shared_names":
        return _shared_names(size)
    if kind == "dense_claims":
        return "Intro. " + _DENSE_CLAIMS * (size // len(_DENSE_CLAIMS)) + "."
    unit = _KINDS[kind]
    return (unit * (size // len(unit) + 1))[:size]


def _lines_run(fn: Callable[[], Any]) -> int:
    """How many lines of newsparse code run while ``fn`` runs."""
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def global_(frame: FrameType, event: str, arg: Any) -> Any:
        return local if "newsparse" in frame.f_code.co_filename else None

    previous = sys.gettrace()  # a coverage tracer, say: put it back afterwards
    sys.settrace(global_)
    try:
        fn()
    finally:
        sys.settrace(previous)
    return count


@pytest.mark.parametrize("kind", [*sorted(_KINDS), "many_actors", "shared_names", "dense_claims"])
def test_work_grows_linearly(kind: str) -> None:
    small, large = _text(kind, 6_000), _text(kind, 24_000)
    # Compile the lazy patterns outside the count, and fill the actors extractor's cache of
    # analysed name runs (kept across articles) alike for both sizes: the work left is the
    # article's own, where a scan per lookup shows.
    newsparse.parse(large)
    n_small = _lines_run(lambda: newsparse.parse(small))
    n_large = _lines_run(lambda: newsparse.parse(large))
    ratio = n_large / n_small
    assert 3.0 < ratio < 6.0, f"{kind}: {n_small} -> {n_large} lines, ratio {ratio:.1f}"
