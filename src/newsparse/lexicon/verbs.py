"""English verb forms generated from a lemma, so a rules file lists each verb once.

An entry is written ``lemma``, or ``lemma+`` when the final consonant doubles (``admit+``:
admitted, admitting), optionally followed by ``=`` and the irregular past and participle:
``say =said``, ``write =wrote/written``, ``go on =went/gone``. In a phrasal verb
(``point out``, ``sum+ up``) the first word is inflected and the rest kept.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

__all__ = ["VerbForms", "inflect", "parse_entry"]

_VOWELS = frozenset("aeiou")
_SIBILANT_ENDS = ("s", "sh", "ch", "x", "z", "o")


class VerbForms(NamedTuple):
    """The five forms of an English verb."""

    base: str
    s: str
    past: str
    participle: str
    ing: str

    def all(self) -> tuple[str, ...]:
        """Every distinct form, base first."""
        return tuple(dict.fromkeys(self))


def _third_person(word: str) -> str:
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        return word[:-1] + "ies"
    if word.endswith(_SIBILANT_ENDS):
        return word + "es"
    return word + "s"


def _regular_past(word: str, double: bool) -> str:
    if double:
        return word + word[-1] + "ed"
    if word.endswith("e"):
        return word + "d"
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        return word[:-1] + "ied"
    return word + "ed"


def _ing(word: str, double: bool) -> str:
    if double:
        return word + word[-1] + "ing"
    if word.endswith("ie"):
        return word[:-2] + "ying"
    if word.endswith("e") and not word.endswith(("ee", "ye", "oe")) and len(word) > 2:
        return word[:-1] + "ing"
    return word + "ing"


def parse_entry(entry: str) -> tuple[str, bool, str | None, str | None]:
    """Split an entry into (lemma, doubles, irregular past, irregular participle)."""
    words, _, irregular = entry.partition("=")
    names = words.split()
    if not names or (irregular and not irregular.strip()):
        raise ValueError(f"malformed verb entry {entry!r}")
    head = names[0]
    double = head.endswith("+")
    lemma = " ".join([head.rstrip("+"), *names[1:]])
    past = participle = None
    if irregular:
        past, _, participle = irregular.strip().partition("/")
        participle = participle or past
    return lemma, double, past, participle


@lru_cache(maxsize=4096)
def inflect(entry: str) -> VerbForms:
    """The forms of a verb entry (see the module docstring for the notation)."""
    lemma, double, past, participle = parse_entry(entry)
    head, _, tail = lemma.partition(" ")
    tail = f" {tail}" if tail else ""
    regular = _regular_past(head, double)
    return VerbForms(
        base=lemma,
        s=_third_person(head) + tail,
        past=(past or regular) + tail,
        participle=(participle or regular) + tail,
        ing=_ing(head, double) + tail,
    )
