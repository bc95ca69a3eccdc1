"""Classification: what each piece of a run is, from its words and the words around it.

Three rule books, applied in order:

- :data:`MERGES` joins pieces that make one name (``Ministry`` + ``of`` + ``Defence``);
- :class:`_Titles` attaches titles to the names they precede (``Russian President Vladimir
  Putin``) and labels names from their shape (``… Party`` is an organisation);
- :data:`UNKNOWN` labels the names no gazetteer knows from their context (``said``, ``in``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import regex

from ...lexicon.actors import Entry, cues, gazetteer
from ...rules import RuleBook
from .candidates import given_like, said_after
from .items import Item, Label, State, norm

__all__ = ["MERGES", "UNKNOWN", "classify_unknown", "label_pieces", "team_context"]


# -- merging pieces into names -------------------------------------------------------------------


@dataclass
class MergeContext:
    """The pieces of one run, the names merged so far and the index of the next piece."""

    text: str
    pieces: list[Item]
    merged: list[Item]
    k: int

    @property
    def piece(self) -> Item:
        """The piece being considered."""
        return self.pieces[self.k]

    @property
    def prev(self) -> Item | None:
        """The last merged name, if any."""
        return self.merged[-1] if self.merged else None

    def words(self, it: Item) -> list[str]:
        """The words of an item."""
        return self.text[it.start : it.end].split()

    def adjacent(self, a: Item, b: Item) -> bool:
        """Nothing but white space between two items."""
        return not self.text[a.end : b.start].strip()


MERGES: RuleBook[MergeContext, int] = RuleBook("actor-merges")
"""Rules that merge the next piece(s) into one name; each returns how many pieces it took."""

_JOINABLE = frozenset({"unknown", "country", "place", "capital", "org", "demonym"})
_DOMAINS = frozenset({"place", "country", "org", "capital"})
_PLACES = frozenset({"country", "place", "capital"})


@MERGES.rule(
    "title-with-domain",
    produces="title",
    confidence=0.9,
    example="Minister for the Middle East Alan Duncan arrived.",
)
def _title_domain(ctx: MergeContext) -> int | None:
    """A title followed by ``of``/``for`` and a place or body: one office."""
    p, pieces, text = ctx.piece, ctx.pieces, ctx.text
    if p.label != "title" or p.entry is None:
        return None
    j = ctx.k + 1
    joiners: list[str] = []
    while j < len(pieces) and pieces[j].label == "conn" and len(joiners) < 2:
        joiners.append(text[pieces[j].start : pieces[j].end])
        j += 1
    if not joiners or joiners[0] not in {"for", "of"}:
        return None
    if j >= len(pieces) or pieces[j].label not in _DOMAINS:
        return None
    title = Entry("title", norm(text[p.start : pieces[j].end]), gender=p.entry.gender)
    ctx.merged.append(Item(p.start, pieces[j].end, "title", title))
    return j + 1 - ctx.k


def _joined_next(ctx: MergeContext) -> Item | None:
    """The piece after a joiner (``of``) that follows a name, if the shape fits."""
    p, prev = ctx.piece, ctx.prev
    if p.label != "conn" or prev is None or ctx.k + 1 >= len(ctx.pieces):
        return None
    if prev.label not in {"unknown", "org", "place"}:
        return None
    if ctx.text[p.start : p.end] not in cues().sets["org_joiners"]:
        return None
    return ctx.pieces[ctx.k + 1]


@MERGES.rule(
    "organisation-of-domain",
    produces="org",
    confidence=0.85,
    example="The University of Lagos said fees would rise.",
)
def _org_of(ctx: MergeContext) -> int | None:
    """An organisation head, ``of`` and a name: one organisation (``University of Texas``)."""
    nxt, prev = _joined_next(ctx), ctx.prev
    if nxt is None or prev is None or prev.label == "place" or nxt.label not in _JOINABLE:
        return None
    head_last = ctx.words(prev)[-1]
    if head_last not in cues().sets["org_heads"] and ctx.text[ctx.piece.start] != "&":
        return None
    ctx.merged[-1] = Item(prev.start, nxt.end, "unknown", org_name=True)
    return 2


@MERGES.rule(
    "place-of-place",
    produces="place",
    confidence=0.85,
    example="Pirates struck in the Gulf of Aden.",
)
def _place_of(ctx: MergeContext) -> int | None:
    """A place head, ``of`` and a place: one place (``Bay of Bengal``)."""
    nxt, prev = _joined_next(ctx), ctx.prev
    if nxt is None or prev is None or nxt.label not in _PLACES:
        return None
    if ctx.words(prev)[-1] not in cues().sets["place_heads"]:
        return None
    ctx.merged[-1] = Item(prev.start, nxt.end, "place", kind="place")
    return 2


@MERGES.rule(
    "place-with-head",
    produces="place",
    confidence=0.85,
    example="Boats crossed the Tigris River at night.",
)
def _place_head(ctx: MergeContext) -> int | None:
    """A known place and a place head after it: one place (``Sinjar Mountains``)."""
    p, prev = ctx.piece, ctx.prev
    if p.label != "unknown" or prev is None or prev.label != "place":
        return None
    words = ctx.words(p)
    if len(words) != 1 or words[0] not in cues().sets["place_heads"] or not ctx.adjacent(prev, p):
        return None
    ctx.merged[-1] = Item(prev.start, p.end, "place", prev.entry, iso=prev.iso, kind="place")
    return 1


@MERGES.rule(
    "unit-of-organisation",
    produces="org",
    confidence=0.8,
    example="BBC News reported the vote first.",
)
def _org_unit(ctx: MergeContext) -> int | None:
    """A known organisation and organisation words after it: one unit (``Reuters Television``)."""
    p, prev = ctx.piece, ctx.prev
    if p.label != "unknown" or prev is None or prev.label != "org" or not ctx.adjacent(prev, p):
        return None
    c = cues().sets
    if not all(w in c["org_suffixes"] or w in c["org_heads"] for w in ctx.words(p)):
        return None
    ctx.merged[-1] = Item(prev.start, p.end, "unknown", org_name=True)
    return 1


@MERGES.rule(
    "name-with-generic-head",
    produces="org",
    confidence=0.8,
    example="The Counter-Terror Coalition met in Rome.",
)
def _generic_head(ctx: MergeContext) -> int | None:
    """Unknown words and a known generic head: one organisation (``Syrian Arab Coalition``)."""
    p, prev = ctx.piece, ctx.prev
    if p.label != "org" or prev is None or prev.label != "unknown" or not ctx.adjacent(prev, p):
        return None
    if ctx.text[p.start : p.end] not in cues().sets["org_heads"]:
        return None
    ctx.merged[-1] = Item(prev.start, p.end, "unknown", org_name=True)
    return 1


def _merge(text: str, pieces: list[Item]) -> list[Item]:
    """The pieces with multi-piece names merged; connectors and skipped words dropped."""
    ctx = MergeContext(text, pieces, [], 0)
    while ctx.k < len(pieces):
        hit = MERGES.first(ctx)
        if hit is not None:
            ctx.k += hit[1]
            continue
        if ctx.piece.label != "conn":
            ctx.merged.append(ctx.piece)
        ctx.k += 1
    return [p for p in ctx.merged if p.label != "skip"]


# -- titles and name shapes ----------------------------------------------------------------------


@dataclass
class _Pending:
    """Titles seen before a name, waiting for it."""

    titles: list[str] = field(default_factory=list)
    gender: str | None = None
    iso: str | None = None
    affiliation: Item | None = None
    start: int = -1
    item: Item | None = None
    """The ``titleonly`` item standing for the titles until a name takes them."""


class _Titles:
    """Attach titles to the names they precede and label names by their shape."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.out: list[Item] = []
        self.pending = _Pending()
        self.last_end = -1

    def run(self, pieces: list[Item], sent: tuple[int, int]) -> list[Item]:
        """The labelled items of one run."""
        for p in pieces:
            adjacent = self.last_end >= 0 and not self.text[self.last_end : p.start].strip()
            if not adjacent:
                self.pending = _Pending()
            self.last_end = p.end
            if p.label == "title":
                self.title(p)
                continue
            words = self.text[p.start : p.end].split()
            if (
                p.label in {"place", "capital"}
                and len(words) == 1
                and (self.pending.titles or said_after(self.text, p.end, sent[1]))
            ):
                # "Mr Hammond", "Cook said": a surname that is also a town.
                p.label, p.entry, p.iso, p.kind = "unknown", None, None, ""
            if p.label == "unknown":
                self.name(p, words, adjacent)
            elif p.label in {"demonym", "country"}:
                self.pending.item = None
            else:
                self.pending = _Pending()
            self.out.append(p)
        return self.out

    def title(self, p: Item) -> None:
        """One more title before a name."""
        assert p.entry is not None
        pend = self.pending
        office = p.entry.name.rstrip(".")
        if pend.item is not None:
            pend.item.end = p.end
            pend.item.office = office
        else:
            pend.item = Item(p.start, p.end, "titleonly", office=office)
            self.out.append(pend.item)
        if not pend.titles:
            pend.start = p.start
        pend.titles.append(office)
        pend.gender = p.entry.gender or pend.gender
        before = [x for x in self.out if x is not pend.item]
        if before and before[-1].end <= p.start:
            prev = before[-1]
            if self.text[prev.end : p.start].strip() not in {"", "'s", "’s"}:
                return
            if prev.label in {"demonym", "country"}:
                pend.iso = prev.iso  # "Russian President", "Russia's Foreign Minister"
                pend.start = min(pend.start, prev.start)
            elif prev.label == "org":
                pend.affiliation = prev  # "Hamas spokesman"
                pend.start = min(pend.start, prev.start)

    def name(self, p: Item, words: list[str], adjacent: bool) -> None:
        """An unknown name: a person after titles, else labelled by its shape."""
        pend = self.pending
        if pend.titles:
            p.label = "person"
            p.title_start, p.titles, p.gender, p.iso = (
                pend.start,
                pend.titles,
                pend.gender,
                pend.iso,
            )
            if pend.affiliation is not None:
                p.affiliation_start = pend.affiliation.start
            if pend.item is not None and pend.item in self.out:
                self.out.remove(pend.item)
        elif self.org_shaped(p, words):
            self.organisation(p, words, adjacent)
        elif words[-1] in cues().sets["place_heads"] or words[0] in cues().sets["place_initials"]:
            p.label, p.kind = "place", "place"
        self.pending = _Pending()

    @staticmethod
    def org_shaped(p: Item, words: list[str]) -> bool:
        """A name ending in an organisation suffix or starting with an organisation head."""
        if p.org_name:
            return True
        c = cues().sets
        if len(words) == 1 and words[0] in c["generic_heads"]:
            return False
        return words[-1] in c["org_suffixes"] or words[0] in c["org_heads"]

    def organisation(self, p: Item, words: list[str], adjacent: bool) -> None:
        """An organisation, with the nationality or words before it that belong to its name."""
        out, text = self.out, self.text
        p.label, p.kind = "org", "organization"
        if out and out[-1].label in {"demonym", "country", "place"} and adjacent:
            # "Syrian Foreign Ministry": the demonym is part of the body's name.
            prev = out.pop()
            p.start, p.iso = prev.start, prev.iso
            adjacent = bool(out) and not text[out[-1].end : p.start].strip()
        if out and out[-1].label == "unknown" and adjacent:
            p.start = out.pop().start  # "International Syria Support Group"
        p.kind = org_kind(words, p.iso)


def org_kind(words: list[str], iso: str | None) -> str:
    """The actor kind of an organisation from the words of its name."""
    c = cues().sets
    if iso is None and not c["armed_heads"].isdisjoint(words):
        return "armed_group"
    if iso is not None and not c["government_heads"].isdisjoint(words):
        return "government"
    if words[-1] in c["party_heads"] or words[0] in c["party_heads"]:
        return "political_group"
    return "organization"


def label_pieces(text: str, pieces: list[Item], sent: tuple[int, int]) -> list[Item]:
    """Merge the pieces of one run into names and label them."""
    items = _Titles(text).run(_merge(text, pieces), sent)
    for p in items:
        p.sent_start = sent[0]
    return items


# -- names no gazetteer knows --------------------------------------------------------------------


@dataclass
class UnknownContext:
    """An unknown name with the words around it."""

    st: State
    item: Item
    sent: tuple[int, int]
    surface: str
    words: list[str]
    before: list[str]
    """Up to three words before the name."""
    after: list[str]
    """Up to three words after the name."""

    @property
    def b1(self) -> str:
        """The word just before, lower case."""
        return self.before[-1].lower() if self.before else ""

    @property
    def a1(self) -> str:
        """The word just after, lower case, without trailing punctuation."""
        return self.after[0].lower().strip(",.;:") if self.after else ""


@dataclass(frozen=True)
class Verdict:
    """What an unknown name is."""

    label: Label
    kind: str = ""
    gender: str | None = None
    title: str = ""
    iso: str | None = None


UNKNOWN: RuleBook[UnknownContext, Verdict] = RuleBook("actor-unknown-names")
"""Rules that label a capitalised name no gazetteer knows, first match wins."""


@UNKNOWN.rule(
    "event-or-document",
    produces="misc",
    confidence=0.9,
    example="The Minsk Agreement was signed in 2015.",
)
def _misc(ctx: UnknownContext) -> Verdict | None:
    """A name with an event, law or document head (``Treaty``, ``Operation``): not an actor."""
    c = cues().sets
    if not c["misc_heads"].isdisjoint(ctx.words) or ctx.words[0] in c["misc_prefixes"]:
        return Verdict("misc")
    return None


@UNKNOWN.rule(
    "shouting-headline",
    produces="unknown",
    confidence=0.5,
    example="KAMARA WINS VOTE IN LAGOS",
)
def _shouting(ctx: UnknownContext) -> Verdict | None:
    """A name in a sentence written in capitals stays unknown (only known names count there)."""
    return Verdict("unknown") if ctx.sent[0] in ctx.st.caps else None


@UNKNOWN.rule(
    "lower-case-title-before",
    produces="person",
    confidence=0.9,
    example="The talks were led by foreign minister Dana Okoro.",
)
def _lower_title(ctx: UnknownContext) -> Verdict | None:
    """A lower-case title just before the name (``spokesman John Kirby``)."""
    gaz, stop = gazetteer(), cues().sets["lower_title_stop"]
    before = ctx.before
    for n in (3, 2, 1):
        if len(before) < n or not before[-n][:1].islower():
            continue
        cand = " ".join(before[-n:]).lower().rstrip(".")
        t = gaz.titles_lower.get(cand)
        if t is not None and cand not in stop:
            return Verdict("person", gender=t.gender, title=cand)
    return None


_PERSON_FIGURES = regex.compile(r"[ \t]+\(?\d{1,3}(?:st|nd|rd|th)\b|[ \t]+\d+-\d+-\d+-\d+")


@UNKNOWN.rule(
    "sports-figures",
    produces="person",
    confidence=0.7,
    example="Goals: Okafor 52nd, Lind 78th.",
)
def _figures(ctx: UnknownContext) -> Verdict | None:
    """A short name followed by a minute or bowling figures: a player."""
    if len(ctx.words) <= 3 and _PERSON_FIGURES.match(ctx.st.text, ctx.item.end, ctx.sent[1]):
        return Verdict("person")
    return None


@UNKNOWN.rule(
    "plural-demonym",
    produces="group",
    confidence=0.6,
    example="Syrians queued for bread.",
)
def _plural_demonym(ctx: UnknownContext) -> Verdict | None:
    """A plural nationality (``Syrians``): the people of a country."""
    iso = gazetteer().plurals.get(ctx.surface) if len(ctx.words) == 1 else None
    return Verdict("group", "organization", iso=iso) if iso else None


@UNKNOWN.rule(
    "generic-head-alone",
    produces="misc",
    confidence=0.8,
    example="The Group said profits rose.",
)
def _generic_alone(ctx: UnknownContext) -> Verdict | None:
    """An organisation head alone (``Group``, ``Office``): a word, not a name."""
    if len(ctx.words) == 1 and ctx.surface in cues().sets["generic_heads"]:
        return Verdict("misc")
    return None


@UNKNOWN.rule(
    "team-in-results",
    produces="org",
    confidence=0.7,
    example="Ashcombe 3 Tolworth 1. Brimley 2 Denholt 0. Carwick 1 Elstow 4.",
)
def _team(ctx: UnknownContext) -> Verdict | None:
    """A name before a score in a results table: a team."""
    if ctx.sent[0] not in ctx.st.sports:
        return None
    if len(ctx.words) >= 2 and given_like(gazetteer(), ctx.words[0]):
        return None
    return Verdict("org", "organization") if team_context(ctx.st.text, ctx.item, ctx.sent) else None


@UNKNOWN.rule(
    "given-name-first",
    produces="person",
    confidence=0.85,
    example="Talks were chaired by Margaret Oyelaran.",
)
def _given(ctx: UnknownContext) -> Verdict | None:
    """Two or more words starting with a given name or an initial: a person."""
    gaz = gazetteer()
    if len(ctx.words) >= 2 and given_like(gaz, ctx.words[0]):
        g = gaz.given.get(ctx.words[0], "?")
        return Verdict("person", gender=g if g in {"m", "f"} else None)
    return None


@UNKNOWN.rule(
    "acronym",
    produces="org",
    confidence=0.7,
    example="The KNDF claimed the attack.",
)
def _acronym(ctx: UnknownContext) -> Verdict | None:
    """One word in capitals, two to eight letters: an organisation's abbreviation."""
    letters = ctx.surface.replace(".", "")
    if len(ctx.words) == 1 and letters.isupper() and 2 <= len(letters) <= 8:
        return Verdict("org", "organization")
    return None


@UNKNOWN.rule(
    "organisation-noun-near",
    produces="org",
    confidence=0.7,
    example="The Lagos daily Vanguard reported the arrests.",
)
def _org_noun(ctx: UnknownContext) -> Verdict | None:
    """An organisation noun just before or after (``newspaper``, ``company``)."""
    org_after = cues().sets["org_after"]
    if (ctx.a1 in org_after or ctx.b1 in org_after) and len(ctx.words) <= 4:
        return Verdict("org", "organization")
    return None


@UNKNOWN.rule(
    "person-verb-after",
    produces="person",
    confidence=0.7,
    example="Okonkwo resigned on Friday.",
)
def _person_verb(ctx: UnknownContext) -> Verdict | None:
    """A verb people do just after (``said``, ``resigned``)."""
    if ctx.a1 in cues().sets["person_verbs"] and len(ctx.words) <= 3:
        return Verdict("person")
    return None


@UNKNOWN.rule(
    "place-preposition-before",
    produces="place",
    confidence=0.7,
    example="Shells fell near Bremwick overnight.",
)
def _place_prep(ctx: UnknownContext) -> Verdict | None:
    """A place preposition (``near``) or ``the town of`` just before."""
    c = cues().sets
    before = ctx.before
    town_of = len(before) >= 2 and before[-1] == "of" and before[-2].lower() in c["place_nouns"]
    if (ctx.b1 in c["strong_place_prepositions"] or town_of) and len(ctx.words) <= 3:
        return Verdict("place", "place")
    return None


@UNKNOWN.rule(
    "speech-verb-before",
    produces="person",
    confidence=0.6,
    example='"We will stay," said Okonkwo.',
)
def _speech_before(ctx: UnknownContext) -> Verdict | None:
    """A speech verb (``said``) or ``according to`` just before."""
    if len(ctx.words) > 4:
        return None
    according = ctx.b1 == "to" and len(ctx.before) >= 2 and ctx.before[-2].lower() == "according"
    if ctx.b1 in cues().sets["speech_before"] or according:
        return Verdict("person")
    return None


@UNKNOWN.rule(
    "several-capitalised-words",
    produces="person",
    confidence=0.5,
    example="Talks with Kwame Osei-Bonsu went on.",
)
def _several(ctx: UnknownContext) -> Verdict | None:
    """Two or more capitalised words: a person, unless a common word makes it a body."""
    if len(ctx.words) < 2:
        return None
    common = gazetteer().common
    if all(w[:1].isupper() or _particle(w) for w in ctx.words) and not any(
        w.lower() in common for w in ctx.words
    ):
        return Verdict("person")
    return Verdict("org", "organization")


@cache
def _particle_pattern() -> regex.Pattern[str]:
    from ...lexicon.english import english

    return regex.compile(r"\L<p>", regex.I, p=english().name_particles.joined)


def _particle(word: str) -> bool:
    return _particle_pattern().match(word) is not None


_RESULTS = regex.compile(r"\p{Lu}[\p{L}.'’\-]*[ \t]+\d{1,3}(?=[ \t]|$)")
_TEAM_AFTER = regex.compile(r"[ \t]+(?:\d{1,3}(?:[ \t]|$)|v\.?[ \t]|vs\.?[ \t]|AT[ \t]+\p{Lu}{2})")


def results_line(text: str, sent: tuple[int, int]) -> bool:
    """Whether a sentence looks like a line of sports results (``Name 3``)."""
    return _RESULTS.search(text, sent[0], min(sent[1], sent[0] + 400)) is not None


def team_context(text: str, item: Item, sent: tuple[int, int]) -> bool:
    """A name followed by a score or ``v``: a team, not a place or a person."""
    if _TEAM_AFTER.match(text, item.end, sent[1]):
        return True
    before = text[max(sent[0], item.start - 4) : item.start]
    return before.rstrip().endswith((" v", " vs", " v.", " vs."))


def _words_around(text: str, it: Item, sent: tuple[int, int]) -> tuple[list[str], list[str]]:
    before = text[max(sent[0], it.start - 60) : it.start].split()[-3:]
    after = text[it.end : min(sent[1], it.end + 60)].split()[:3]
    return before, after


def classify_unknown(st: State, item: Item, sent: tuple[int, int]) -> None:
    """Label a capitalised name no gazetteer knows, from its shape and the words around it."""
    surface = st.text[item.start : item.end]
    before, after = _words_around(st.text, item, sent)
    ctx = UnknownContext(st, item, sent, surface, surface.split(), before, after)
    hit = UNKNOWN.first(ctx)
    if hit is None:
        return
    v = hit[1]
    item.label = v.label
    if v.kind:
        item.kind = v.kind
    if v.gender:
        item.gender = item.gender or v.gender
    if v.title:
        item.titles.append(v.title)
    if v.label == "group":
        item.iso, item.role, item.form = v.iso, "people", "description"
    elif v.label == "org" and hit[0].name == "acronym":
        item.form = "abbreviation"
