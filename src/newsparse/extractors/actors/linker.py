"""The linker: the article's actors and places so far, found again by name."""

from __future__ import annotations

from functools import cache, lru_cache

import regex

from ...draft import ActorDraft, Draft, PlaceDraft
from ...lexicon.actors import cues, gazetteer
from ...lexicon.english import english

__all__ = ["Linker", "person_tokens"]

_Entry = tuple[int, ActorDraft]
"""A person in a name index: the number of the indexing that put them there, and the person."""


@cache
def _particle() -> regex.Pattern[str]:
    return regex.compile(r"^\L<p>", regex.I, p=english().name_particles.joined)


def _name_key(word: str) -> str:
    return _particle().sub("", word).lower()


@lru_cache(maxsize=4096)
def person_tokens(name: str) -> tuple[str, ...]:
    """The comparable words of a person's name: no particles, lower case."""
    separate = english().name_particles.separate
    out = []
    words = name.split()
    for i, w in enumerate(words):
        if w.lower() in separate and i < len(words) - 1:
            continue  # "bin", "de" inside a name; "Das" at its end is the surname
        key = _name_key(w)
        if (key and w[:1].isupper()) or _particle().match(w):
            out.append(key)
    return tuple(out)


_ENDING_WORDS = 6
"""The longest ending of an organisation's name that is indexed, in words."""


def _endings(name: str) -> list[str]:
    """The endings of ``name`` that start after a space and hold two to six words, shortest
    first: ``Relief Council`` … ``Red Cross Relief Council`` for ``the Red Cross Relief
    Council``."""
    out = []
    pos = name.rfind(" ")
    words = 1
    while pos >= 0 and words < _ENDING_WORDS:
        pos = name.rfind(" ", 0, pos)
        words += 1
        if pos >= 0:
            out.append(name[pos + 1 :])
    return out


class Linker:
    """Build one actor or place per real-world entity from the labelled items."""

    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        self.text = draft.text
        self.countries: dict[str, ActorDraft] = {}
        self.orgs: dict[str, ActorDraft] = {}
        self._org_endings: dict[str, list[str]] = {}
        """Organisation names by each of their endings of two to six words (``org_ending``)."""
        self.people: list[ActorDraft] = []
        self.places: dict[str, PlaceDraft] = {}
        self.abbrev: dict[str, ActorDraft] = {}
        self.groups: dict[tuple[str, str | None], ActorDraft] = {}
        self._tokens: dict[int, tuple[str, ...]] = {}
        self._by_last: dict[str, list[_Entry]] = {}
        self._by_last_first: dict[tuple[str, str], list[_Entry]] = {}
        self._by_last_alone: dict[str, list[_Entry]] = {}
        self._seq = 0
        self._indexed: dict[int, int] = {}
        """The number of each person's latest indexing: older index entries are stale."""
        self._by_first: dict[str, list[ActorDraft]] = {}
        self.sides: list[ActorDraft] = []
        """Named groups the article also describes as rebels or separatists."""
        self.item_actor: dict[int, ActorDraft] = {}
        """The person actor each person item became, by ``id(item)``."""

    def country(self, iso: str) -> ActorDraft:
        """The article's actor for a country, made on first use."""
        a = self.countries.get(iso)
        if a is None:
            name = gazetteer().countries.get(iso, iso)
            a = self.draft.add_actor(name, "country", country=iso)
            self.countries[iso] = a
        return a

    def org(self, name: str, kind: str, iso: str | None) -> ActorDraft:
        """The article's actor for an organisation, made on first use."""
        a = self.orgs.get(name)
        if a is None:
            a = self.draft.add_actor(name, kind or "organization", country=iso)
            self.orgs[name] = a
            for ending in _endings(name):
                self._org_endings.setdefault(ending, []).append(name)
        return a

    def org_ending(self, name: str) -> ActorDraft | None:
        """The one organisation whose longer name ends in this one (``U.N. Commission on the
        Limits …`` for ``Commission on the Limits …``), for names of two words or more."""
        if " " not in name:
            return None
        tail = " " + name
        # the names indexed under this name's ending (a scan of every organisation per call
        # made articles dense in names quadratic); longer names are checked word for word
        ending = _endings(tail)[-1]
        orgs = self.orgs
        longer = self._org_endings.get(ending, ())
        found = {id(orgs[n]): orgs[n] for n in longer if n.endswith(tail)}
        return next(iter(found.values())) if len(found) == 1 else None

    def place(self, name: str, iso: str | None) -> PlaceDraft:
        """The article's place of this name, made on first use."""
        p = self.places.get(name)
        if p is None:
            p = self.draft.add_place(name, country=iso)
            self.places[name] = p
        return p

    def add_person(self, a: ActorDraft) -> None:
        """Register a person so later surnames and variants find them."""
        self.people.append(a)
        self.index_person(a)

    def index_person(self, a: ActorDraft) -> None:
        """(Re)index a person under the last token of their current name."""
        toks = person_tokens(a.name)
        self._tokens[id(a)] = toks
        self._seq += 1
        seq = self._indexed[id(a)] = self._seq
        if toks:
            entry = (seq, a)
            self._by_last.setdefault(toks[-1], []).append(entry)
            if len(toks) == 1:
                self._by_last_alone.setdefault(toks[-1], []).append(entry)
            else:
                self._by_last_first.setdefault((toks[-1], toks[0]), []).append(entry)
        if len(toks) >= 2:
            self._by_first.setdefault(toks[0], []).append(a)

    def known(self, surface: str) -> ActorDraft | PlaceDraft | None:
        """The actor or place the article already has under this name, if any."""
        found = self.abbrev.get(surface) or self.person(surface) or self.orgs.get(surface)
        return found or self.places.get(surface) or self.short_media(surface)

    def short_media(self, word: str) -> ActorDraft | None:
        """``the Journal`` for ``the Wall Street Journal``: a media word alone stands for the
        one news organisation whose name ends in it."""
        if word not in cues().sets["media_words"]:
            return None
        found = {id(a): a for n, a in self.orgs.items() if n.split()[-1] == word and " " in n}
        return next(iter(found.values())) if len(found) == 1 else None

    def person(self, name: str, *, titled: bool = False) -> ActorDraft | None:
        """The person this name refers to, if the article already has them (``titled``: the
        name follows a title, so a given name alone may stand for the person)."""
        toks = person_tokens(name)
        if not toks:
            return None
        last = toks[-1]
        if len(toks) == 1:
            # the person last indexed under this last word
            found = self._latest(self._by_last.get(last))
            if found is not None:
                return found[1]
            return self._first_name_only(name, toks[0], titled)
        # the person last indexed under this last word whose first word agrees or whose name
        # is that one word: the later of the two indexes' latest entries
        same = self._latest(self._by_last_first.get((last, toks[0])))
        alone = self._latest(self._by_last_alone.get(last))
        if same is None or (alone is not None and alone[0] > same[0]):
            same = alone
        return None if same is None else same[1]

    def _latest(self, entries: list[_Entry] | None) -> _Entry | None:
        """The last entry of an index list that is still current; stale ones at its end (the
        person was indexed again since, under a new name) are dropped for good."""
        if not entries:
            return None
        indexed = self._indexed
        while entries:
            seq, p = entries[-1]
            if indexed[id(p)] == seq:
                return entries[-1]
            entries.pop()
        return None

    def _first_name_only(self, name: str, key: str, titled: bool) -> ActorDraft | None:
        """``Xi`` for ``Xi Jinping`` (family name first), ``Governor Bello`` for ``Bello
        Matawalle``: only one person's name starts with the word, and the word is not a given
        name of one gender unless a title stands before it."""
        word = name.strip()
        if word.isupper() or (not titled and gazetteer().given.get(word, "?") != "?"):
            return None
        found = [p for p in self._by_first.get(key, ()) if self._tokens[id(p)][:1] == (key,)]
        return found[0] if len({id(p) for p in found}) == 1 else None
