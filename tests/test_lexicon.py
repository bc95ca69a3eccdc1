"""The typed lexicon: verb forms from lemmas, rules files validated, file and key named."""

from __future__ import annotations

import pytest

from newsparse.lexicon import DataFile, LexiconError, inflect, load
from newsparse.lexicon.english import english

VERBS = [
    # entry, s-form, past, participle, -ing form
    ("say =said", "says", "said", "said", "saying"),
    ("warn", "warns", "warned", "warned", "warning"),
    ("admit+", "admits", "admitted", "admitted", "admitting"),
    ("deny", "denies", "denied", "denied", "denying"),
    ("stress", "stresses", "stressed", "stressed", "stressing"),
    ("echo", "echoes", "echoed", "echoed", "echoing"),
    ("argue", "argues", "argued", "argued", "arguing"),
    ("agree", "agrees", "agreed", "agreed", "agreeing"),
    ("write =wrote/written", "writes", "wrote", "written", "writing"),
    ("point out", "points out", "pointed out", "pointed out", "pointing out"),
    ("go on =went/gone", "goes on", "went on", "gone on", "going on"),
    ("sum+ up", "sums up", "summed up", "summed up", "summing up"),
    ("obey", "obeys", "obeyed", "obeyed", "obeying"),
]


@pytest.mark.parametrize(("entry", "s", "past", "participle", "ing"), VERBS)
def test_inflect(entry: str, s: str, past: str, participle: str, ing: str) -> None:
    forms = inflect(entry)
    assert (forms.s, forms.past, forms.participle, forms.ing) == (s, past, participle, ing)
    assert forms.base == entry.split()[0].rstrip("+") or " " in forms.base


def test_english_word_classes_load_once_and_are_shared() -> None:
    e = english()
    assert english() is e
    assert e.reporting_forms["told"].base == "tell"
    assert e.pronouns["she"].gender == "f" and e.pronouns["they"].number == "plural"
    assert {"would", "has", "did", "is"} <= e.auxiliaries
    assert "al-" in e.name_particles.joined


class _Bad(DataFile):
    words: tuple[str, ...]
    pronouns: dict[str, int]


def test_a_bad_rules_file_names_file_and_key() -> None:
    with pytest.raises(LexiconError, match=r"NP501.*data/english\.json: key "):
        load("english.json", _Bad)
    with pytest.raises(LexiconError, match=r"data/nothing-here\.json"):
        load("nothing-here.json", _Bad)
