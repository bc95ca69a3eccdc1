"""What the actor extractor finds before it builds actors: labelled spans (:class:`Item`)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Literal

from ...draft import Draft
from ...lexicon.actors import Entry

__all__ = ["Item", "Label", "Sentences", "State", "norm"]

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
    titles: tuple[str, ...] = ()
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
    name_start: int = -1
    """For state bodies: where the actor's name starts, before the mention
    (``China's`` in ``China's foreign ministry``)."""
    name: str = ""
    """The actor's name when its words are not together in the text (``Moroccan
    authorities`` in ``Moroccan and Spanish authorities``)."""
    guessed: bool = False
    """Labelled from the words around it, not from its own words: a name the article already
    knows under that label or another (``the Trump team``) keeps its known actor."""

    def shifted(self, delta: int) -> Item:
        """A copy moved by ``delta``, for another occurrence of the same run."""
        title_start, affiliation_start = self.title_start, self.affiliation_start
        expands, name_start = self.expands, self.name_start
        # Positional construction: dataclasses.replace costs several times more.
        return Item(
            self.start + delta,
            self.end + delta,
            self.label,
            self.entry,
            self.titles,
            self.gender,
            self.iso,
            self.kind,
            self.form,
            self.role,
            self.office,
            self.org_name,
            title_start + delta if title_start >= 0 else -1,
            affiliation_start + delta if affiliation_start >= 0 else -1,
            expands + delta if expands >= 0 else -1,
            name_start + delta if name_start >= 0 else -1,
            self.name,
            self.guessed,
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


class Sentences:
    """The sentence of an offset, by bisection."""

    def __init__(self, sentences: list[tuple[int, int]], size: int) -> None:
        self.sentences = sentences
        self.starts = [s for s, _ in sentences]
        self.size = size

    def of(self, offset: int) -> tuple[int, int]:
        """The sentence holding ``offset`` (the whole text when there is none)."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.sentences[i] if i >= 0 else (0, self.size)
