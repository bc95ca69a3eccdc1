"""General English word classes every extractor shares (``data/english.json``)."""

from __future__ import annotations

from functools import cache, cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator

from . import DataFile, load
from .verbs import VerbForms, inflect, parse_entry

__all__ = ["English", "NameParticles", "Pronoun", "english"]


class Pronoun(BaseModel):
    """What a pronoun tells about whom it stands for."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    gender: Literal["m", "f", "n", "p", "s"]
    """``m``/``f`` a man or woman, ``n`` a thing or body, ``p`` a group, ``s`` the speaker."""
    number: Literal["singular", "plural"]
    case: Literal["subject", "object", "possessive", "reflexive"]


class NameParticles(BaseModel):
    """Particles inside personal names (``al-Assad``, ``bin Salman``, ``van Gogh``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    joined: tuple[str, ...]
    """Written joined to the next word with a hyphen (``al-``)."""
    separate: tuple[str, ...]
    """Written as a word of their own (``bin``, ``de``)."""


def _verb_entries(value: tuple[str, ...]) -> tuple[str, ...]:
    for entry in value:
        parse_entry(entry)  # raises ValueError on a malformed entry
    return value


class English(DataFile):
    """The shared word classes; every list is a tuple, every verb an inflectable entry."""

    pronouns: dict[str, Pronoun]
    be: tuple[str, ...]
    have: tuple[str, ...]
    do: tuple[str, ...]
    modals: tuple[str, ...]
    negations: tuple[str, ...]
    determiners: tuple[str, ...]
    possessives: tuple[str, ...]
    coordinators: tuple[str, ...]
    subordinators: tuple[str, ...]
    relatives: tuple[str, ...]
    prepositions: tuple[str, ...]
    months: tuple[str, ...]
    weekdays: tuple[str, ...]
    name_particles: NameParticles
    reporting_verbs: tuple[str, ...]
    """Verbs that report speech or writing (``say``, ``tell``, ``warn``), as lemma entries."""
    belief_verbs: tuple[str, ...]
    """Verbs that report a belief or finding (``believe``, ``fear``), as lemma entries."""

    _check_verbs = field_validator("reporting_verbs", "belief_verbs")(
        classmethod(lambda cls, v: _verb_entries(v))
    )

    @cached_property
    def auxiliaries(self) -> frozenset[str]:
        """Forms of be, have and do, and the modals."""
        return frozenset((*self.be, *self.have, *self.do, *self.modals))

    @cached_property
    def reporting_forms(self) -> dict[str, VerbForms]:
        """Every form of every reporting verb, mapped to the verb's forms."""
        return _forms(self.reporting_verbs)

    @cached_property
    def belief_forms(self) -> dict[str, VerbForms]:
        """Every form of every belief verb, mapped to the verb's forms."""
        return _forms(self.belief_verbs)


def _forms(entries: tuple[str, ...]) -> dict[str, VerbForms]:
    out: dict[str, VerbForms] = {}
    for entry in entries:
        forms = inflect(entry)
        for form in forms.all():
            out.setdefault(form, forms)
    return out


@cache
def english() -> English:
    """The shared English word classes, loaded and validated once."""
    return load("english.json", English)
