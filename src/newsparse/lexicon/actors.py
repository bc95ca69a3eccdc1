"""The actor extractor's vocabulary: cue words (``data/actor_cues.json``) and gazetteers.

:class:`ActorCues` validates the cue file; :class:`Gazetteer` indexes every surface form of the
TSV gazetteers (countries, demonyms, capitals, organisations, places, titles) and the word lists
(given names, common words), built once per process by :func:`gazetteer`.
"""

from __future__ import annotations

import hashlib
import marshal
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib.resources import files
from typing import Any, Literal, NamedTuple

from pydantic import Field

from . import DataFile, load, load_lines, load_tsv
from ._files import read_data

__all__ = [
    "ActorCues",
    "Entry",
    "Gazetteer",
    "GroupPhrase",
    "Source",
    "cues",
    "gazetteer",
    "group_phrases",
]

Words = tuple[str, ...]


class ActorCues(DataFile):
    """Word classes that tell what a capitalised name is and whom a description points to."""

    connectors: Words
    """Lower-case words that may join the words of one name (``of``, ``and``, ``de``)."""
    org_heads: Words
    """Words that make a name an organisation when they start it (``Ministry of …``)."""
    org_suffixes: Words
    """Words that make a name an organisation when they end it (``… Party``, ``… Inc``)."""
    org_joiners: Words
    """Connectors that join an organisation head to its domain (``Ministry of Defence``)."""
    armed_heads: Words
    """Words of an organisation's name that make it armed (``Front``, ``Brigade``)."""
    government_heads: Words
    """Words of a body's name that make it part of a government (``Ministry``, ``Court``)."""
    state_heads: Words
    """Words of a body's name that make it part of a government when the name names a
    country (``Tourism Authority of Thailand``)."""
    state_prefixes: Words
    """First words that make a body with a state head part of a government
    (``National Intelligence Agency``)."""
    domain_joiners: Words
    """Connectors that continue an organisation's domain (``… for the Promotion and …``)."""
    igo_members: Words
    """Plural nouns after ``of`` that make a body international (``League of Arab States``)."""
    org_plurals: Words
    """Plural nouns that introduce a list of organisations (``companies such as …``)."""
    camel_name_prefixes: Words
    """Surname prefixes that explain a capital inside a word (``McCain``, ``DeSantis``)."""
    media_words: Words
    """Words that make a body's name a news organisation (``National News Agency``)."""
    party_heads: Words
    """Words that make an organisation a political group (``Party``)."""
    place_heads: Words
    """Words that end (or start) a place name (``Province``, ``River``)."""
    place_prefixes: Words
    """Words before a known place that belong to its name (``Mount``, ``Lake``)."""
    place_suffixes_lower: Words
    """Lower-case words after a place that belong to its mention (``province``)."""
    place_nouns: Words
    """Nouns in ``the town of X`` that make X a place."""
    place_initials: Words
    """First words of place names (``Wadi``, ``Jebel``)."""
    misc_heads: Words
    """Words that make a name an event, law or document, not an actor (``Treaty``)."""
    misc_prefixes: Words
    """First words that make a name an event or vessel (``Operation``, ``USS``)."""
    strong_place_prepositions: Words
    """Words before an unknown name that make it a place (``near``, ``outside``)."""
    compass_points: Words
    """Directions in ``north of X``, ``20 km southwest of X`` that make X a place."""
    person_verbs: Words
    """Words after an unknown name that make it a person (``said``, ``resigned``)."""
    generic_people: Words
    """Plural nouns for people (``Analysts``, ``Prosecutors``): never a surname before
    ``said``, even capitalised at the start of a sentence."""
    match_verbs: Words
    """Verbs of a match after a town in a sports story (``Surrey beat Kent``): a team."""
    possessive_name_words: Words
    """Words that names take in the possessive (``People's Liberation Army``): their
    possessive does not end the name, as ``Arsenal's`` in ``Arsenal's Sol Campbell`` does."""
    peoples: Words
    """Adjectives of peoples, faiths and movements with no state (``Kurdish``, ``Sunni``):
    nationality-like words that may start a body's name (``Kurdish Regional Government``)."""
    said_verbs: Words
    """Verbs of speech that make a capitalised common word a surname (``Cook said``)."""
    speech_before: Words
    """Words before an unknown name that make it a person (``said``, ``according to``)."""
    never_names: Words
    """Capitalised words that never start or make a name (``The``, ``Monday``)."""
    metonymy_suffixes: Words
    """``Moscow-brokered``: a capital before one of these stands for its country."""
    metonymy_before: Words
    """``allies in Damascus``: a capital after one of these stands for its government."""
    metonymy_verbs: Words
    """``Kyiv said``: a capital before one of these acts for its country."""
    metonymy_objects: Words
    """``urged Damascus to``: a capital after one of these is acted upon as a country."""
    locative_prepositions: Words
    """Prepositions before a capital that make it a place even before an acting verb."""
    locative_before: Words
    """Words before a country that make that mention a place (``in``, ``border with``)."""
    state_adjectives: Words
    """Adjectives between a country and its government or body (``Syria's transitional
    authorities``, ``Pakistan's powerful military``)."""
    body_things: Words
    """Nouns after a state body that make it a modifier of a thing (``police station``)."""
    topic_prepositions: Words
    """Prepositions between a topic noun and a country (``talks on Syria``)."""
    location_suffixes: Words
    """``Somalia-based``: a country before one of these is a location."""
    topic_nouns: Words
    """``talks on Syria``: nouns whose topic is a place, not an actor."""
    org_after: Words
    """Lower-case nouns after an unknown name that make it an organisation (``newspaper``)."""
    modified_nouns: Words
    """Nouns after ``government``/``opposition`` that make it a modifier (``spokesman``)."""
    directions: Words
    """Capitalised directions before a country that make a region (``Northern Iraq``)."""
    generic_heads: Words
    """Organisation heads that alone are a word, not a name (``Group``, ``Office``)."""
    head_offices: Words
    """Offices ``the <demonym> leader`` can point to (``president``, ``king``)."""
    lower_title_stop: Words
    """Lower-case titles that are too often ordinary words before a name (``head``, ``chief``)."""
    party_nouns: Words
    """Nouns after a demonym that make it the country's party (``Russian troops``)."""
    credit_phrases: Words
    """Phrases of a credit line (``X contributed to this report``): its names are not actors."""
    expert_roles: Words
    """Roles of people quoted for what they know (``professor``, ``analyst``, ``founder``): the
    body named after ``at``/``of``/``with`` is where they work, not a party that acts."""
    media_nouns: Words
    """Nouns after a body's name that make it a news organisation (``newspaper``, ``channel``)."""
    work_nouns: Words
    """Words after which a title-case name or a quotation is the title of a work (``the book
    …``, ``a report titled …``): the names in it are no actors."""
    title_small_words: Words
    """Short words a title-case name of a work may hold in lower case (``The Arc of Business``)."""
    venue_prepositions: Words
    """Prepositions that make the body named after them a venue (``at the Kremlin``)."""
    workplace_prepositions: Words
    """Prepositions between a role and the body it is held at (``analyst at``, ``fellow with``)."""
    after_title_stops: Words
    """Words that end a role written after a name (``X, the head of``, ``X, the envoy, said``)."""
    anaphor_heads: dict[str, Words]
    """Nouns that, after ``the``, point back to the last body of one of these kinds named
    before (``the group``: an armed or political group, or an organisation)."""
    club_suffixes: Words
    """Words after a town that make a club's name (``Leeds United``, ``Bristol Rovers``)."""
    airline_heads: Words
    """Words before a country or town that make an airline's name (``Air France``)."""
    media_units: Words
    """Last words of a news organisation's unit named with its owner's possessive (``VOA's
    Russian Service``): the unit is the organisation."""
    regional_adjectives: Words
    """Adjectives of world regions (``Southeast Asian``, ``North African``): like a
    nationality, they describe; alone they name no actor."""
    product_nouns: Words
    """Nouns after a name that make it a product or weapon, not a maker (``Qwen model``,
    ``Shahed drones``)."""
    seat_buildings: Words
    """Buildings that stand for the body seated in them (``the White House``): a place when
    the article only says what happens in or at them."""
    assemblies: Words
    """Assemblies (``Parliament``, ``European Parliament``): a place when the article only
    says what happens at them (``spoke at the European Parliament``)."""
    amount_words: Words
    """Words before a party noun that make it the thing, not the party (``any opposition``,
    ``growing opposition``)."""
    the_short: int = Field(ge=1)
    """The longest abbreviation (in letters) written with ``the`` as part of it (``the UN``)."""

    @cached_property
    def sets(self) -> dict[str, frozenset[str]]:
        """Every word list as a frozenset, by field name."""
        out: dict[str, frozenset[str]] = {}
        for name, value in self:
            if isinstance(value, tuple):
                out[name] = frozenset(value)
        return out


Source = Literal["country", "demonym", "capital", "org", "place", "title", "owner"]


class Entry(NamedTuple):
    """A gazetteer entry a surface form points to (a tuple: built in bulk from the cache)."""

    source: Source
    name: str
    """Canonical name (for titles: the title as listed)."""
    kind: str = ""
    """Actor kind for organisations and countries; place kind for places."""
    iso: str | None = None
    """ISO 3166-1 alpha-3 code of the country it belongs to."""
    gender: str | None = None
    """For titles: the gender the title implies (``m``, ``f``)."""


@dataclass(frozen=True, slots=True)
class GroupPhrase:
    """A common-noun party (``government forces``): its actor kind and its role."""

    kind: str
    role: Literal[
        "government", "military", "opposition", "rebels", "militants", "separatists", "people"
    ]


@dataclass
class Gazetteer:
    """Every gazetteer surface form, exact and upper-cased, with the word lists."""

    exact: dict[str, Entry] = field(default_factory=dict)
    upper: dict[str, Entry] = field(default_factory=dict)
    titles_lower: dict[str, Entry] = field(default_factory=dict)
    given: dict[str, str] = field(default_factory=dict)
    """Given names and their usual gender (``m``, ``f``, ``?``)."""
    common: frozenset[str] = frozenset()
    """Frequent English words, lower case."""
    first: dict[str, int] = field(default_factory=dict)
    """First word of every surface form (and its upper-case form) to its longest length in words."""
    countries: dict[str, str] = field(default_factory=dict)
    """ISO code to country name."""
    plurals: dict[str, str] = field(default_factory=dict)
    """Plural demonyms (``Syrians``) to ISO codes."""

    def put(self, surface: str, entry: Entry) -> None:
        """Register one surface form; the first registration of a form wins."""
        surface = " ".join(surface.split())
        if not surface:
            return
        self.exact.setdefault(surface, entry)
        if len(surface) >= 4 and not surface.isupper():
            self.upper.setdefault(surface.upper(), entry)
        self.note_first(surface)

    def note_first(self, surface: str) -> None:
        """Remember how many words a form starting with this form's first word may have."""
        words = surface.split(" ")
        n = len(words)
        for w in (words[0], words[0].upper()):
            if self.first.get(w, 0) < n:
                self.first[w] = n


def _split(cell: str) -> list[str]:
    return [x for x in cell.split("|") if x] if cell else []


def _cell(row: tuple[str, ...], i: int) -> str:
    return row[i] if len(row) > i else ""


def _strip_the(alias: str) -> str:
    return alias[4:] if alias.startswith(("the ", "The ")) else alias


def _add_organizations(gaz: Gazetteer) -> None:
    for row in load_tsv("organizations.tsv")[1:]:
        entry = Entry("org", row[0], row[1], _cell(row, 3) or None)
        gaz.put(row[0], entry)
        for alias in _split(_cell(row, 2)):
            gaz.put(_strip_the(alias), entry)


def _add_countries(gaz: Gazetteer) -> None:
    rows = load_tsv("countries.tsv")[1:]
    # Names first, then demonyms, then capitals: a form that is both keeps its first meaning.
    for row in rows:
        iso, name = row[0], row[1]
        gaz.countries[iso] = name
        for alias in [name, *_split(row[2])]:
            gaz.put(_strip_the(alias), Entry("country", name, "country", iso))
    for row in rows:
        iso, name = row[0], row[1]
        for dem in _split(row[3]):
            gaz.put(dem, Entry("demonym", name, "country", iso))
            if dem[-1:].isalpha() and dem[-1] != "s" and not dem.endswith(("sh", "ch", "ese")):
                # "Syrians", "Iraqis": the people of the country.
                gaz.plurals.setdefault(dem + "s", iso)
    for row in rows:
        for cap in _split(_cell(row, 4)):
            gaz.put(cap, Entry("capital", cap, "city", row[0]))


def _add_titles(gaz: Gazetteer) -> None:
    for row in load_tsv("titles.tsv")[1:]:
        title = row[0]
        entry = Entry("title", title, "", None, _cell(row, 1) or None)
        gaz.exact.setdefault(title, entry)
        gaz.titles_lower.setdefault(title.lower().rstrip("."), entry)
        gaz.note_first(" ".join(title.split()))


@cache
def gazetteer() -> Gazetteer:
    """Every actor gazetteer, indexed once per process: from the prebuilt index in
    ``data/gazetteer.marshal`` when it was built from the current data files, else from them."""
    cached = _load_index()
    return cached if cached is not None else build_gazetteer()


def build_gazetteer() -> Gazetteer:
    """Index the actor gazetteers from the data files (what the prebuilt index holds)."""
    gaz = Gazetteer()
    _add_organizations(gaz)
    _add_countries(gaz)
    for row in load_tsv("places.tsv")[1:]:
        gaz.put(row[0], Entry("place", row[0], row[2], row[1] or None))
    _add_titles(gaz)
    for word in (*cues().peoples, *cues().regional_adjectives):
        gaz.put(word, Entry("demonym", word))
    gaz.given = {row[0]: _cell(row, 1) or "?" for row in load_tsv("given_names.tsv")[1:]}
    gaz.common = frozenset(load_lines("common_words.txt"))
    return gaz


@cache
def cues() -> ActorCues:
    """The actor cue words, validated once."""
    return load("actor_cues.json", ActorCues)


@cache
def group_phrases() -> dict[str, GroupPhrase]:
    """Common-noun parties (``government forces``, ``rebels``), lower case, to kind and role."""
    out: dict[str, GroupPhrase] = {}
    for row in load_tsv("actor_groups.tsv")[1:]:
        out[row[0].lower()] = GroupPhrase(row[1], row[2])  # type: ignore[arg-type]
    return out


# -- the prebuilt index ---------------------------------------------------------------------------
#
# Indexing the TSV files costs tens of milliseconds of Python per process (splitting 30,000 rows,
# one dict write per surface form); the same index read back with ``marshal`` costs a few. The
# index is plain containers (tuples, dicts, strings), stamped with the hash of the files it was
# built from: a stale or unreadable index is ignored and the files are read instead.
# ``tools/build_gazetteer_index.py`` writes it; a test checks it is current.

INDEX_FILE = "gazetteer.marshal"
INDEX_FORMAT = 1
_SOURCES = (
    "organizations.tsv",
    "countries.tsv",
    "places.tsv",
    "titles.tsv",
    "given_names.tsv",
    "common_words.txt",
    "actor_cues.json",
)
"""The data files the index is built from (the cue file gives the peoples' adjectives)."""


def sources_stamp() -> str:
    """The hash of the data files the gazetteer is built from, and of the index format."""
    digest = hashlib.sha256(str(INDEX_FORMAT).encode())
    for name in _SOURCES:
        digest.update(name.encode())
        digest.update(read_data(name).encode("utf-8"))
    return digest.hexdigest()


def index_bytes(gaz: Gazetteer) -> bytes:
    """The gazetteer as the prebuilt index stores it (``marshal`` of plain containers)."""
    entries: dict[Entry, int] = {}

    def table(d: dict[str, Entry]) -> tuple[tuple[str, ...], tuple[int, ...]]:
        keys = tuple(d)
        return keys, tuple(entries.setdefault(d[k], len(entries)) for k in keys)

    data = {
        "stamp": sources_stamp(),
        "exact": table(gaz.exact),
        "upper": table(gaz.upper),
        "titles_lower": table(gaz.titles_lower),
        "given": gaz.given,
        "common": tuple(sorted(gaz.common)),
        "first": gaz.first,
        "countries": gaz.countries,
        "plurals": gaz.plurals,
    }
    data["entries"] = tuple(zip(*entries, strict=True))  # by column: five tuples
    return marshal.dumps(data, 4)


def gazetteer_from_index(raw: bytes) -> Gazetteer | None:
    """The gazetteer a prebuilt index holds, or None if it is unreadable or stale."""
    try:
        data: dict[str, Any] = marshal.loads(raw)
        if data["stamp"] != sources_stamp():
            return None
        entries = list(map(Entry, *data["entries"]))
        at = entries.__getitem__

        def table(name: str) -> dict[str, Entry]:
            keys, idx = data[name]
            return dict(zip(keys, map(at, idx), strict=True))

        return Gazetteer(
            exact=table("exact"),
            upper=table("upper"),
            titles_lower=table("titles_lower"),
            given=data["given"],
            common=frozenset(data["common"]),
            first=data["first"],
            countries=data["countries"],
            plurals=data["plurals"],
        )
    except (ValueError, EOFError, TypeError, KeyError):
        return None


def _load_index() -> Gazetteer | None:
    try:
        raw = files("newsparse").joinpath("data", INDEX_FILE).read_bytes()
    except OSError:
        return None
    return gazetteer_from_index(raw)
