"""Classification: what each piece of a run is, from its words and the words around it.

Three rule books, applied in order:

- :data:`MERGES` joins pieces that make one name (``Ministry`` + ``of`` + ``Defence``);
- :class:`_Titles` attaches titles to the names they precede (``Russian President Vladimir
  Putin``) and labels names from their shape (``… Party`` is an organisation);
- :data:`UNKNOWN` labels the names no gazetteer knows from their context (``said``, ``in``).
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field
from functools import cache, cached_property

import regex

from ...lexicon.actors import Entry, cues, gazetteer
from ...lexicon.english import english
from ...rules import Rule, RuleBook
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
    """An organisation head, ``of`` and a name: one organisation (``University of Texas``),
    to the end of its domain (``League for the Promotion and Defense of Human Rights``)."""
    nxt, prev = _joined_next(ctx), ctx.prev
    if nxt is None or prev is None or prev.label == "place":
        return None
    head_last = ctx.words(prev)[-1]
    if head_last not in cues().sets["org_heads"] and ctx.text[ctx.piece.start] != "&":
        return None
    first = _domain_more(ctx, ctx.k)
    if first is None:
        return None
    taken, last = first
    end, iso = last.end, prev.iso or last.iso
    while True:
        more = _domain_more(ctx, ctx.k + taken)
        if more is None:
            break
        taken, last = more
        end, iso = last.end, iso or last.iso
    ctx.merged[-1] = Item(prev.start, end, "unknown", iso=iso, org_name=True)
    return taken


def _domain_more(ctx: MergeContext, k: int) -> tuple[int, Item] | None:
    """Connectors and one more name continuing an organisation's domain after piece ``k``:
    how many pieces from the rule's start that makes, and the last piece."""
    pieces, joiners = ctx.pieces, cues().sets["domain_joiners"]
    j = k
    while j < len(pieces) and pieces[j].label == "conn" and j - k < 2:
        if ctx.text[pieces[j].start : pieces[j].end] not in joiners:
            return None
        j += 1
    if j >= len(pieces) or pieces[j].label not in {"unknown", "demonym", "place", "country"}:
        return None
    if pieces[j].label == "demonym" and j + 1 == len(pieces):
        return None  # "… of Iraq and the Iraqi people": an adjective ends no name
    if j == k and ctx.text[pieces[k - 1].end : pieces[k].start].strip():
        return None  # with no connector, only a name right after continues ("… Affairs")
    return j + 1 - ctx.k, pieces[j]


@MERGES.rule(
    "fields-of-an-agency",
    produces="org",
    confidence=0.7,
    example="The National Intelligence and Security Agency confirmed the arrests.",
)
def _fields_and_head(ctx: MergeContext) -> int | None:
    """``X and Y Agency``: two fields joined by ``and`` before an organisation head."""
    p, prev = ctx.piece, ctx.prev
    if p.label != "conn" or prev is None or prev.label != "unknown" or ctx.k + 1 >= len(ctx.pieces):
        return None
    nxt = ctx.pieces[ctx.k + 1]
    if ctx.text[p.start : p.end] != "and" or nxt.label != "unknown":
        return None
    c, first = cues().sets, ctx.words(prev)[0]
    if first in gazetteer().given or ctx.words(nxt)[-1] not in c["org_suffixes"]:
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
    kind = "igo" if prev.entry is not None and prev.entry.kind == "igo" else ""
    ctx.merged[-1] = Item(prev.start, p.end, "unknown", kind=kind, org_name=True)  # "EU Council"
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


@MERGES.rule(
    "longer-name-ending-in-a-known-one",
    produces="org",
    confidence=0.7,
    example="The Japanese Liberal Democratic Party won the vote.",
)
def _longer_org(ctx: MergeContext) -> int | None:
    """Words before a known organisation whose name ends in a head (``Liberal`` +
    ``Democratic Party``): one longer name, not the known one."""
    p, prev = ctx.piece, ctx.prev
    if p.label != "org" or p.entry is None or prev is None or prev.label != "unknown":
        return None
    words = ctx.words(p)
    if len(words) < 2 or words[-1] not in cues().sets["org_heads"] or not ctx.adjacent(prev, p):
        return None
    if given_like(gazetteer(), ctx.words(prev)[0]):
        return None
    ctx.merged[-1] = Item(prev.start, p.end, "unknown", org_name=True)
    return 1


@MERGES.rule(
    "club-with-its-town",
    produces="org",
    confidence=0.6,
    example="Fans of Dynamo Kharkiv celebrated the title.",
)
def _club_town(ctx: MergeContext) -> int | None:
    """A name and a town in one run: a club or firm named for its town (``Werder Bremen``), or
    a firm or paper named for its region (``Healthcare Asia``)."""
    p, prev = ctx.piece, ctx.prev
    if (
        p.label not in {"place", "capital"}
        or prev is None
        or prev.label not in {"unknown", "place"}
    ):
        return None
    if prev.label == "place" and (prev.entry is None or prev.entry.kind == "continent"):
        return None
    if ctx.k + 1 < len(ctx.pieces) or not ctx.adjacent(prev, p) or p.entry is None:
        return None  # the town ends the run
    words = ctx.words(prev)
    gaz = gazetteer()
    if len(words) > 2 or len(ctx.words(p)) > 1 or given_like(gaz, words[0]):
        return None
    region = p.entry.kind in {"continent", "region"} and prev.label == "unknown"
    if not region and any(w.lower() in gaz.common or w.endswith(("ing", "ed")) for w in words):
        return None  # "Declaring Mosul": an ordinary word before a town
    if words[0] in cues().sets["place_prefixes"]:
        return None
    if not region and p.entry.kind not in {"city", "province"}:
        return None  # a region ends a firm's or paper's name ("Healthcare Asia"), not a club's
    ctx.merged[-1] = Item(prev.start, p.end, "unknown", org_name=True)
    return 1


def _team_word(word: str) -> bool:
    """A club's suffix, or a plural nickname that is no verb (``Mariners``, not ``Says``)."""
    if word in cues().sets["club_suffixes"]:
        return True
    if word in cues().sets["igo_members"]:
        return False  # "Sahel States"
    plural = len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))
    if not plural or not word[1:].islower():
        return False
    return word.lower() not in english().reporting_forms and word[:-1].lower() not in _verbs()


@cache
def _verbs() -> frozenset[str]:
    """Verb lemmas whose -s form a headline puts after a town (``Kabul Warns``)."""
    c = cues()
    return frozenset(w.lower() for w in (*c.person_verbs, *c.metonymy_verbs, *c.match_verbs))


@MERGES.rule(
    "town-and-team-name",
    produces="org",
    confidence=0.7,
    example="The Tarnow Harbormasters beat the visitors 5-2.",
)
def _town_team(ctx: MergeContext) -> int | None:
    """A town and a plural nickname or a club's suffix closing the run: a team (``Seattle
    Mariners``, ``Leeds United``); a country or town after ``Air``: an airline."""
    p, prev = ctx.piece, ctx.prev
    if prev is None or len(ctx.merged) != 1 or ctx.k + 1 < len(ctx.pieces):
        return None  # the run is the town and the nickname, nothing more
    if not ctx.adjacent(prev, p):
        return None
    if p.label == "unknown" and prev.label in {"place", "capital"}:
        words = ctx.words(p)
        if len(words) != 1 or not _team_word(words[0]):
            return None
    elif p.label in {"place", "capital", "country"} and prev.label == "unknown":
        if ctx.words(prev) != [w for w in ctx.words(prev) if w in cues().sets["airline_heads"]]:
            return None
    else:
        return None
    ctx.merged[-1] = Item(prev.start, p.end, "org", kind="organization")
    return 1


@MERGES.rule(
    "unit-of-a-broadcaster",
    produces="org",
    confidence=0.8,
    example="She spoke to the BBC's Swahili Service on Monday.",
)
def _media_unit(ctx: MergeContext) -> int | None:
    """A known organisation in the possessive and the rest of the run ending in a unit word
    (``VOA's Russian Service``): one mention of the organisation."""
    p, prev, text = ctx.piece, ctx.prev, ctx.text
    if prev is None or prev.label != "org" or prev.entry is None:
        return None
    if text[prev.end : p.start].strip() not in {"'s", "’s"}:
        return None
    j = ctx.k
    while j < len(ctx.pieces) and ctx.pieces[j].label not in {"conn", "skip"}:
        j += 1
    last = ctx.pieces[j - 1]
    if last.label != "unknown" or ctx.words(last)[-1] not in cues().sets["media_units"]:
        return None
    ctx.merged[-1] = Item(prev.start, last.end, "org", prev.entry, iso=prev.iso, kind=prev.kind)
    return j - ctx.k


@MERGES.rule(
    "country-and-its-body",
    produces="org",
    confidence=0.8,
    example="The U.S. House of Representatives passed the bill.",
)
def _country_body(ctx: MergeContext) -> int | None:
    """A country's name and a known state body right after it: one name (``U.S. House of
    Representatives``, ``British Army``), the body's own."""
    p, prev = ctx.piece, ctx.prev
    if p.entry is None or p.entry.kind != "government" or prev is None:
        return None
    if prev.label not in {"country", "demonym"} or not ctx.adjacent(prev, p):
        return None
    if p.entry.iso not in {None, prev.iso} or prev.iso is None:
        return None
    ctx.merged[-1] = Item(prev.start, p.end, "org", p.entry, iso=prev.iso, kind="government")
    return 1


_MERGE_LABELS: dict[str, frozenset[str]] = {
    "town-and-team-name": frozenset({"unknown", "place", "capital", "country"}),
    "country-and-its-body": frozenset({"org"}),
    "unit-of-a-broadcaster": frozenset({"demonym", "unknown", "country", "place"}),
    "title-with-domain": frozenset({"title"}),
    "organisation-of-domain": frozenset({"conn"}),
    "fields-of-an-agency": frozenset({"conn"}),
    "place-of-place": frozenset({"conn"}),
    "place-with-head": frozenset({"unknown"}),
    "unit-of-organisation": frozenset({"unknown"}),
    "name-with-generic-head": frozenset({"org"}),
    "longer-name-ending-in-a-known-one": frozenset({"org"}),
    "club-with-its-town": frozenset({"place", "capital"}),
}
"""The label of the piece each merge rule starts from (each rule checks it first)."""


@cache
def _merges_for(label: str) -> tuple[Rule[MergeContext, int], ...]:
    """The merge rules, in order, that can start from a piece with this label."""
    return tuple(r for r in MERGES if label in _MERGE_LABELS[r.name])


def _merge(text: str, pieces: list[Item]) -> list[Item]:
    """The pieces with multi-piece names merged; connectors and skipped words dropped."""
    if len(pieces) == 1:
        return pieces if pieces[0].label not in {"conn", "skip"} else []  # nothing to merge
    ctx = MergeContext(text, pieces, [], 0)
    while ctx.k < len(pieces):
        # Every rule but the title's joins a piece to the name before it.
        label = ctx.piece.label
        taken = None
        if label == "title" or ctx.merged:
            for rule in _merges_for(label):
                taken = rule(ctx)
                if taken is not None:
                    break
        if taken is not None:
            ctx.k += taken
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
                (p.label == "place" or (p.label == "capital" and self.pending.titles))
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
        if pend.titles and pend.item is not None and words[-1] in cues().sets["org_suffixes"]:
            # "General Statistics Office": a title word starts a body's name.
            p.start, p.label = pend.item.start, "org"
            p.kind = org_kind(self.text[p.start : p.end].split(), pend.iso)
            self.out.remove(pend.item)
        elif pend.titles:
            p.label = "person"
            p.title_start, p.titles, p.gender, p.iso = (
                pend.start,
                tuple(pend.titles),
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

    def org_shaped(self, p: Item, words: list[str]) -> bool:
        """A name ending in an organisation suffix or starting with an organisation head."""
        if p.org_name:
            return True
        c = cues().sets
        if len(words) == 1 and words[0] in c["generic_heads"]:
            # "Foundation" alone is a word; after a place's name it ends one ("Jamestown
            # Foundation").
            before = self.out[-1] if self.out else None
            return (
                before is not None
                and before.label in {"place", "capital", "country", "demonym"}
                and not self.text[before.end : p.start].strip()
            )
        return words[-1] in c["org_suffixes"] or words[0] in c["org_heads"]

    def organisation(self, p: Item, words: list[str], adjacent: bool) -> None:
        """An organisation, with the nationality or words before it that belong to its name."""
        out, text = self.out, self.text
        unit_of_igo = p.kind == "igo"  # "EU Council": merged from an intergovernmental body
        p.label, p.kind = "org", "organization"
        if out and out[-1].label in {"demonym", "country", "place", "capital"} and adjacent:
            # "Syrian Foreign Ministry": the demonym is part of the body's name.
            prev = out.pop()
            p.start, p.iso = prev.start, prev.iso
            adjacent = bool(out) and not text[out[-1].end : p.start].strip()
        if out and out[-1].label == "unknown" and adjacent:
            p.start = out.pop().start  # "International Syria Support Group"
        p.kind = "igo" if unit_of_igo else org_kind(words, p.iso)
        parent = out[-1].entry if out else None
        if adjacent and parent is not None and parent.kind == "igo":
            # "U.N. Commission on the Limits of the Continental Shelf": a body of the UN.
            p.start, p.kind = out.pop().start, "igo"


def org_kind(words: list[str], iso: str | None) -> str:
    """The actor kind of an organisation from the words of its name."""
    c = cues().sets
    grams = [*words, *(" ".join(pair) for pair in itertools.pairwise(words))]
    if not c["media_words"].isdisjoint(words):
        return "organization"  # "National News Agency", "State Television": media
    if "of" in words[1:-1] and words[-1] in c["igo_members"]:
        return "igo"  # "Alliance of Sahel States", "Economic Community of West African States"
    if iso is None and not c["armed_heads"].isdisjoint(grams):
        return "armed_group"
    if not c["government_heads"].isdisjoint(grams):
        return "government"  # "Foreign Ministry", "Supreme Court", "Central Command"
    state = iso is not None or words[0] in c["state_prefixes"]
    if state and not c["state_heads"].isdisjoint(grams):
        return "government"  # "Tourism Authority of Thailand", "National Security Agency"
    if words[-1] in c["party_heads"] or words[0] in c["party_heads"]:
        return "political_group"
    return "organization"


def label_pieces(text: str, pieces: list[Item], sent: tuple[int, int]) -> list[Item]:
    """Merge the pieces of one run into names and label them."""
    return _Titles(text).run(_merge(text, pieces), sent)


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

    @cached_property
    def b1(self) -> str:
        """The word just before, lower case."""
        return self.before[-1].lower() if self.before else ""

    @cached_property
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
    """A name with an event, law or document head (``Treaty``, ``Operation``) or before a
    product's noun (``the Qwen model``): not an actor."""
    c = cues().sets
    if not c["misc_heads"].isdisjoint(ctx.words) or ctx.words[0] in c["misc_prefixes"]:
        return Verdict("misc")
    if ctx.a1 in c["product_nouns"] and ctx.after[0][:1].islower():
        return Verdict("misc")  # "the Qwen model", "his Truth Social platform"
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
    produces="misc",
    confidence=0.6,
    example="Syrians queued for bread.",
)
def _plural_demonym(ctx: UnknownContext) -> Verdict | None:
    """A plural nationality (``Syrians``, ``South Koreans``): people of a country, nobody in
    particular."""
    return Verdict("misc") if gazetteer().plurals.get(ctx.surface) else None


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
    if ctx.words[-1] in cues().sets["org_suffixes"]:
        return None  # "Wan Guo Jin Liang Company": a firm named for a person
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
    first = ctx.words[0].replace(".", "")
    if len(ctx.words) > 1 and 2 <= len(first) <= 8 and first.isupper() and first.isalpha():
        return Verdict("org", "organization")  # "VOA Mandarin", "BBC Persian": a unit
    letters = ctx.surface.replace(".", "")
    if len(ctx.words) == 1 and letters.isupper() and 2 <= len(letters) <= 8:
        if not letters.isalpha() or ctx.a1[:1].isdigit():
            return Verdict("misc")  # "F-16", "AK-47", "G4S", "SU 35": models and products
        return Verdict("org", "organization")
    return None


@UNKNOWN.rule(
    "organisation-noun-near",
    produces="org",
    confidence=0.75,
    example="The Lagos daily Vanguard reported the arrests.",
)
def _org_noun(ctx: UnknownContext) -> Verdict | None:
    """An organisation noun just before or after (``newspaper``, ``company``)."""
    org_after = cues().sets["org_after"]
    if (ctx.a1 in org_after or ctx.b1 in org_after) and len(ctx.words) <= 4:
        return Verdict("org", "organization")
    return None


@UNKNOWN.rule(
    "speaks-of-itself",
    produces="org",
    confidence=0.8,
    example="Kelvorn said it would cut 300 jobs.",
)
def _speaks_of_itself(ctx: UnknownContext) -> Verdict | None:
    """A name that says ``it`` of itself (``X said it would``): an organisation."""
    if len(ctx.after) < 2 or ctx.a1 not in cues().sets["said_verbs"]:
        return None
    pronoun = english().pronouns.get(ctx.after[1].lower().strip(",.;:"))
    if pronoun is not None and pronoun.gender == "n" and pronoun.number == "singular":
        return Verdict("org", "organization")
    return None


_LISTED = regex.compile(
    r"(?:[ \t]*\p{Lu}[\p{L}\p{N}&.'’\-]*(?:[ \t]+\p{Lu}[\p{L}\p{N}&.'’\-]*){0,3}[ \t]*"
    r"(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or)[ \t]+)){0,8}[ \t]*$"
)


@cache
def _list_lead() -> regex.Pattern[str]:
    return regex.compile(
        r"\b\L<nouns>[ \t]+(?:such[ \t]+as|like|including)[ \t]+",
        regex.I,
        nouns=cues().org_plurals,
    )


@UNKNOWN.rule(
    "listed-after-organisations",
    produces="org",
    confidence=0.75,
    example="Firms such as Kelvorn, Dastrel and Obrin expanded.",
)
def _listed(ctx: UnknownContext) -> Verdict | None:
    """A name in a list after ``companies such as`` or ``groups including``: an organisation."""
    text, start = ctx.st.text, ctx.item.start
    leads = list(_list_lead().finditer(text, max(ctx.sent[0], start - 160), start))
    lead = leads[-1] if leads else None
    if lead is None or _LISTED.match(text, lead.end(), start) is None:
        return None
    return Verdict("org", "organization")


@UNKNOWN.rule(
    "brand-in-camel-case",
    produces="org",
    confidence=0.7,
    example="Engineers at TelluraSoft built the model.",
)
def _camel(ctx: UnknownContext) -> Verdict | None:
    """One word with a capital inside (``DeepMind``-like): a brand or firm, unless a surname
    prefix explains the capital (``McCain``, ``DeSantis``)."""
    if len(ctx.words) != 1 or not _CAMEL.search(ctx.surface):
        return None
    word = ctx.surface
    if any(
        word.startswith(p) and word[len(p) : len(p) + 1].isupper()
        for p in cues().camel_name_prefixes
    ):
        return None
    return Verdict("org", "organization")


_CAMEL = regex.compile(r"^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}")


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
    """A place preposition (``near``), ``the town of`` or ``north of`` just before."""
    c = cues().sets
    before = ctx.before
    town_of = (
        len(before) >= 2
        and before[-1] == "of"
        and (before[-2].lower() in c["place_nouns"] or before[-2].lower() in c["compass_points"])
    )
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
    return regex.compile(r"\L<p>", regex.I, p=english().name_particles.joined)


def _particle(word: str) -> bool:
    return _particle_pattern().match(word) is not None


_RESULTS = regex.compile(r"\p{Lu}[\p{L}.'’\-]*[ \t]+\d{1,3}(?=[ \t]|$)")
_TEAM_AFTER = regex.compile(
    r"[ \t]+(?:\d{1,3}(?:[ \t]|$)|\d{1,3}-\d{1,2}(?![\d-])|v\.?[ \t]|vs\.?[ \t]|AT[ \t]+\p{Lu}{2})"
)
"""After a team in a results line: a score (``3``, ``128-4``), ``v`` or ``AT XX``."""


def results_lines(text: str, sentences: list[tuple[int, int]]) -> set[int]:
    """Starts of the sentences that look like lines of sports results (``Name 3 Other 1``: a
    name, a score and more after it), found with one search over the text."""
    starts = [s for s, _ in sentences]
    found: set[int] = set()
    for m in _RESULTS.finditer(text):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and m.end() <= sentences[i][1] and m.start() < starts[i] + 400:
            found.add(starts[i])
    return found


_DATELINE = regex.compile(
    r"[ \t]*(?:,[ \t]*\p{Lu}[\p{L}.]*[ \t]*)?\d{4}-\d\d-\d\d|[ \t]*\((?:Reuters|AP|AFP)\)"
)


def dateline(text: str, item: Item) -> bool:
    """A place heading a dispatch (``CHICAGO 1996-08-29``, ``LONDON (Reuters)``)."""
    return _DATELINE.match(text, item.end, item.end + 30) is not None


@cache
def _plays() -> regex.Pattern[str]:
    return regex.compile(r"[ \t]+\L<verbs>\b", verbs=cues().match_verbs)


def plays(text: str, item: Item) -> bool:
    """A name followed by a verb of a match (``beat``, ``drew``): a team, in a sports story."""
    return _plays().match(text, item.end, item.end + 30) is not None


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


_GUESSES = frozenset(
    {
        "acronym",
        "organisation-noun-near",
        "person-verb-after",
        "place-preposition-before",
        "speech-verb-before",
        "several-capitalised-words",
    }
)
"""Rules that label a name from its context or shape alone: the article's own names come first."""


def classify_unknown(
    st: State, item: Item, sent: tuple[int, int]
) -> tuple[Rule[UnknownContext, Verdict], Verdict] | None:
    """The first rule that labels a capitalised name no gazetteer knows, and its verdict."""
    surface = st.text[item.start : item.end]
    before, after = _words_around(st.text, item, sent)
    ctx = UnknownContext(st, item, sent, surface, surface.split(), before, after)
    for rule in _rules_for(len(ctx.words) > 1):
        found = rule(ctx)
        if found is not None:
            return rule, found
    return None


_ONE_WORD = frozenset({"generic-head-alone", "brand-in-camel-case"})
"""Rules that only ever label a one-word name."""
_SEVERAL_WORDS = frozenset({"given-name-first", "several-capitalised-words"})
"""Rules that only ever label a name of several words."""


@cache
def _rules_for(several: bool) -> tuple[Rule[UnknownContext, Verdict], ...]:
    """The rules of :data:`UNKNOWN`, in order, that can label a name of one word or several."""
    skip = _ONE_WORD if several else _SEVERAL_WORDS
    return tuple(r for r in UNKNOWN if r.name not in skip)


def apply_verdict(
    item: Item, rule: Rule[UnknownContext, Verdict], v: Verdict, *, decided: bool
) -> None:
    """Label an unknown name as a rule decided (``decided``: this is the mention the rule read,
    so a title found beside it belongs to it)."""
    item.label = v.label
    item.guessed = rule.name in _GUESSES
    if v.kind:
        item.kind = v.kind
    if v.gender:
        item.gender = item.gender or v.gender
    if v.title and decided:
        item.titles = (*item.titles, v.title)
    if v.label == "group":
        item.iso, item.role, item.form = v.iso, "people", "description"
    elif v.label == "org" and rule.name == "acronym":
        item.form = "abbreviation"
