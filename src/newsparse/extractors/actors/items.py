"""What the actor extractor finds before it builds actors: labelled spans (:class:`Item`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ...draft import Draft
from ...lexicon.actors import Entry

__all__ = ["Item", "Label", "State", "norm"]

Label = Literal[
    "person",  # a person's name
    "org",  # an organisation's name
    "country",  # a country's name
    "demonym",  # a nationality adjective (``Syrian``)
    "capital",  # a capital city (may stand for its country or government)
    "place",  # a place that is only a place
    "title",  # a title inside a run, before it is attached to a name
    "titleonly",  # an office named without a person (``the Foreign Secretary``)
    "group",  # a common-noun party (``government forces``, ``rebels``)
    "abbreviation",  # an abbreviation defined in brackets after its expansion
    "unknown",  # a name no gazetteer knows, classified later from its context
    "misc",  # an event, law, document or word: not an actor
    "conn",  # a connector inside a run (``of``)
    "skip",  # a word that is never a name
]


@dataclass(slots=True)
class Item:
    """A labelled span of the text: a name, a title, a description or a place."""

    start: int
    end: int
    label: Label
    entry: Entry | None = None
    """The gazetteer entry the span matched, if any."""
    titles: list[str] = field(default_factory=list)
    """Titles written before a person's name (``Foreign Minister``)."""
    gender: str | None = None
    iso: str | None = None
    kind: str = ""
    """Actor kind (or ``place``) once known."""
    form: str = "name"
    """Mention form the span will get (``name``, ``abbreviation``, ``description``)."""
    role: str = ""
    """For groups: the role of the common noun (``government``, ``rebels``)."""
    office: str = ""
    """For ``titleonly``: the office as the title list writes it."""
    org_name: bool = False
    """Shaped like an organisation's name (``Ministry of X``), whatever the words."""
    title_start: int = -1
    """Where the titles before a person's name start (``Russian President``), if any."""
    affiliation_start: int = -1
    """For people: where the body named before the title starts (``Hamas spokesman``)."""
    expands: int = -1
    """For abbreviations: where the name it abbreviates starts."""
    sent_start: int = -1
    """Start of the sentence the item is in."""

    def shifted(self, delta: int, sent_start: int) -> Item:
        """A copy moved by ``delta``, for another occurrence of the same run."""

        def move(x: int) -> int:
            return x + delta if x >= 0 else -1

        # Positional construction: dataclasses.replace costs several times more.
        return Item(
            self.start + delta,
            self.end + delta,
            self.label,
            self.entry,
            list(self.titles),
            self.gender,
            self.iso,
            self.kind,
            self.form,
            self.role,
            self.office,
            self.org_name,
            move(self.title_start),
            move(self.affiliation_start),
            move(self.expands),
            sent_start,
        )


@dataclass
class State:
    """Everything found in one article so far."""

    draft: Draft
    text: str
    items: list[Item] = field(default_factory=list)
    caps: set[int] = field(default_factory=set)
    """Starts of sentences written in capitals."""
    sports: set[int] = field(default_factory=set)
    """Starts of sentences that are lines of sports results."""


def norm(s: str) -> str:
    """The text with every run of white space made one space."""
    return " ".join(s.split())
