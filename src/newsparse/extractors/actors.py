"""Built-in plugin: actors (people, governments, groups, countries, organisations) and places.

Capitalised word runs are found with one compiled pattern per sentence, split on gazetteer
entries (countries, demonyms, capitals, organisations, places, titles: data files under
``newsparse/data``), and the rest classified by cues (titles, given names, organisation and place
heads, ``said``, ``in <Place>``). Mentions of one entity are then linked: surnames to full names,
abbreviations to the names they stand for, common nouns (``government forces``, ``rebels``) to the
article's government or opposition.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

import regex

from ..draft import ActorDraft, Draft, PlaceDraft
from ..extractor import Extractor
from ..hookspecs import hookimpl
from ..lexicon import alternation, load_json, load_lines, load_tsv

# -- rules as data ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """A gazetteer entry a surface form points to."""

    source: str
    """``country``, ``demonym``, ``capital``, ``org``, ``place`` or ``title``."""
    name: str
    """Canonical name (for titles: the title as listed)."""
    kind: str = ""
    """Actor kind for organisations and countries; place kind for places."""
    iso: str | None = None
    gender: str | None = None


@dataclass
class Lexicon:
    """Every gazetteer surface form, exact and upper-cased, with cue word sets."""

    exact: dict[str, Entry] = field(default_factory=dict)
    upper: dict[str, Entry] = field(default_factory=dict)
    titles_lower: dict[str, Entry] = field(default_factory=dict)
    given: dict[str, str] = field(default_factory=dict)
    common: frozenset[str] = frozenset()
    cues: dict[str, Any] = field(default_factory=dict)
    sets: dict[str, frozenset[str]] = field(default_factory=dict)
    max_words: int = 1
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
        self._first(surface)

    def _first(self, surface: str) -> None:
        words = surface.split(" ")
        n = len(words)
        self.max_words = max(self.max_words, n)
        for w in (words[0], words[0].upper()):
            if self.first.get(w, 0) < n:
                self.first[w] = n


def _split(cell: str) -> list[str]:
    return [x for x in cell.split("|") if x] if cell else []


@cache
def lexicon() -> Lexicon:
    """Load and index every actor gazetteer once."""
    lex = Lexicon()
    cues = load_json("actor_cues.json")
    lex.cues = cues
    for key, value in cues.items():
        if isinstance(value, list):
            lex.sets[key] = frozenset(value)
    for row in load_tsv("organizations.tsv")[1:]:
        name, kind = row[0], row[1]
        iso = row[3] if len(row) > 3 and row[3] else None
        e = Entry("org", name, kind, iso)
        lex.put(name, e)
        for alias in _split(row[2] if len(row) > 2 else ""):
            if alias.startswith("the "):
                alias = alias[4:]
            lex.put(alias, e)
    countries = load_tsv("countries.tsv")[1:]
    for row in countries:
        iso, name = row[0], row[1]
        lex.countries[iso] = name
        e = Entry("country", name, "country", iso)
        for alias in [name, *_split(row[2])]:
            if alias.startswith(("the ", "The ")):
                alias = alias[4:]
            lex.put(alias, e)
    for row in countries:
        iso, name = row[0], row[1]
        for dem in _split(row[3]):
            lex.put(dem, Entry("demonym", name, "country", iso))
            if dem[-1:].isalpha() and dem[-1] != "s" and not dem.endswith(("sh", "ch", "ese")):
                # "Syrians", "Iraqis": the people of the country, as a party.
                lex.plurals.setdefault(dem + "s", iso)
    for row in countries:
        iso, name = row[0], row[1]
        for cap in _split(row[4] if len(row) > 4 else ""):
            lex.put(cap, Entry("capital", cap, "city", iso))
    for row in load_tsv("places.tsv")[1:]:
        name, iso, kind = row[0], row[1], row[2]
        lex.put(name, Entry("place", name, kind, iso or None))
    for row in load_tsv("titles.tsv")[1:]:
        title = row[0]
        gender = row[1] if len(row) > 1 and row[1] else None
        e = Entry("title", title, "", None, gender)
        lex.exact.setdefault(title, e)
        lex.titles_lower.setdefault(title.lower().rstrip("."), e)
        lex._first(" ".join(title.split()))
    for row in load_tsv("given_names.tsv")[1:]:
        lex.given[row[0]] = row[1] if len(row) > 1 else "?"
    lex.common = frozenset(load_lines("common_words.txt"))
    return lex


_H = r"[ \t\u00a0]"


@cache
def _chunk_pattern() -> regex.Pattern[str]:
    """A run of capitalised words, joined by spaces and a few lower-case connectors."""
    return _chunk_patterns()[0]


@cache
def _chunk_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """The run pattern, and the same with no name particle (``al-``) before the first word.

    The second scans text several times faster: the particles would be tried at every
    lower-case letter. :func:`_runs` puts a particle back where one starts a run.
    """
    lex = lexicon()
    particles = [p for p in lex.cues["name_particles"] if p.endswith("-")]
    name = r"\p{Lu}[\p{L}\p{M}\p{N}'’\-]*(?:(?<=\b\p{Lu})\.)?"
    initials = r"\p{Lu}\.(?:\p{Lu}\.)+"  # U.S., U.N.
    ordinal = r"\p{N}+\p{Lu}[\p{L}\p{N}]*"  # 2nd, 407th AEG are left alone below
    word = rf"(?:{initials}|(?:{alternation(particles)})?{name}|{ordinal})"
    bare = rf"(?:{initials}|{name}|{ordinal})"
    conn = alternation(lex.cues["connectors"])
    sep = rf"(?:\.?{_H}+(?:{conn}{_H}+){{0,3}}|{_H}*&{_H}*)"
    edge = r"[\p{L}\p{N}]"
    return (
        regex.compile(rf"(?<!{edge})(?:{word}(?:{sep}{word}){{0,14}})(?!{edge})"),
        regex.compile(rf"(?<!{edge})(?:{bare}(?:{sep}{word}){{0,14}})(?!{edge})"),
    )


@cache
def _particles() -> tuple[str, ...]:
    """Name particles written joined to the name (``al-``), longest first."""
    parts = [p for p in lexicon().cues["name_particles"] if p.endswith("-")]
    return tuple(sorted(parts, key=len, reverse=True))


def _runs(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The spans ``_chunk_pattern().finditer(text, start, end)`` yields, found faster."""
    full, scan = _chunk_patterns()
    pos = start
    while True:
        m = scan.search(text, pos, end)
        if m is None:
            return
        s, e = m.span()
        if text[s - 1 : s] == "-":
            for particle in _particles():
                p = s - len(particle)
                if p >= pos and text.startswith(particle, p):
                    # "al-Assad": the full pattern where the particle starts, as finditer would.
                    fm = full.match(text, p, end)
                    if fm is not None:
                        s, e = fm.span()
                    break
        yield s, e
        pos = e


@cache
def _group_pattern() -> regex.Pattern[str]:
    phrases = alternation([r[0] for r in load_tsv("actor_groups.tsv")[1:]])
    return regex.compile(rf"(?<![\p{{L}}\-])(?i:{phrases})(?![\p{{L}}\-])")


_PREV_WORD = regex.compile(r"(\p{Lu}[\p{L}\p{M}\p{N}.'’\-]*?)(?:'s|’s)?[ \t\u00a0]+$")
_CAPWORD = r"\p{Lu}[\p{L}\p{M}.'’\-]*"
_OF_NAME = regex.compile(rf"{_H}+of{_H}+(?:the{_H}+)?({_CAPWORD}(?:{_H}+{_CAPWORD}){{0,3}})")


@cache
def _group_pattern_lower() -> regex.Pattern[str]:
    phrases = alternation([r[0].lower() for r in load_tsv("actor_groups.tsv")[1:]])
    return regex.compile(rf"\b{phrases}\b(?!-)(?<!-\w*)")


@cache
def _group_first_words() -> tuple[str, ...]:
    return tuple(sorted({r[0].lower().split()[0] for r in load_tsv("actor_groups.tsv")[1:]}))


def _group_candidates(lowered: str) -> list[int]:
    """Every offset where a common-noun group phrase could start, in order."""
    found: set[int] = set()
    for word in _group_first_words():
        i = lowered.find(word)
        while i >= 0:
            found.add(i)
            i = lowered.find(word, i + 1)
    return sorted(found)


@cache
def _group_roles() -> dict[str, tuple[str, str]]:
    return {r[0].lower(): (r[1], r[2]) for r in load_tsv("actor_groups.tsv")[1:]}


# -- per-article work ---------------------------------------------------------------------------


@dataclass(slots=True)
class Item:
    """A classified name span inside a sentence."""

    start: int
    end: int
    label: str
    """``person``, ``org``, ``country``, ``demonym``, ``capital``, ``place``, ``unknown``."""
    entry: Entry | None = None
    titles: list[str] = field(default_factory=list)
    gender: str | None = None
    iso: str | None = None
    kind: str = ""
    form: str = "name"
    cue: str = ""
    """What decided the label, for unknown names resolved later."""
    title_start: int = -1
    """Where the titles before a person's name start (``Russian President``), if any."""
    sent_start: int = -1
    """Start of the sentence the item is in."""


@dataclass
class State:
    """Everything found in one article so far."""

    draft: Draft
    text: str
    items: list[Item] = field(default_factory=list)
    taken: list[tuple[int, int]] = field(default_factory=list)
    caps: set[int] = field(default_factory=set)
    """Starts of sentences written in capitals."""
    sports: set[int] = field(default_factory=set)
    """Starts of sentences that are lines of sports results."""


def _norm(s: str) -> str:
    return " ".join(s.split())


def _tokens(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Words of a capitalised run, without a lower-case hyphenated tail or a possessive."""
    out = []
    a = s
    chunk = text[s:e]
    if "\t" in chunk or "\u00a0" in chunk:
        chunk = chunk.replace("\t", " ").replace("\u00a0", " ")  # same length, same offsets
    for t in chunk.split(" "):
        b = a + len(t)
        if t:
            k = max(t.rfind("-"), t.rfind("‐"))
            if k > 0 and t[k + 1 :].isalpha() and t[k + 1 :].islower():
                t = t[:k]  # "Moscow-brokered"
            if len(t) > 2 and not t.isupper():
                if t.endswith(("'s", "’s")):
                    t = t[:-2]
                elif t.endswith(("'", "’")):
                    t = t[:-1]
            out.append((a, a + len(t)))
        a = b + 1
    return out


def _lookup(lex: Lexicon, surface: str, caps: bool) -> Entry | None:
    e = lex.exact.get(surface)
    if e is not None:
        if caps and surface.isupper() and len(surface) < 4 and "." not in surface:
            return None  # "IS", "US", "AU" in a shouting headline are words
        return e
    if caps or (surface.isupper() and len(surface) >= 4):
        return lex.upper.get(surface.upper())
    return None


def _given_like(lex: Lexicon, word: str) -> bool:
    """A given name or an initial (``J.``)."""
    return word in lex.given or (len(word) <= 2 and word[:1].isupper() and word[-1:] == ".")


_UPPER = regex.compile(r"\p{Lu}")
_LOWER = regex.compile(r"\p{Ll}")


_ASCII_UPPER = bytes(range(ord("A"), ord("Z") + 1))
_ASCII_LOWER = bytes(range(ord("a"), ord("z") + 1))


def _is_caps_sentence(text: str, s: int, e: int) -> bool:
    """A headline or dateline written in capitals (``RUSSIA SAYS TALKS GO ON``)."""
    e = min(e, s + 200)
    head = text[s:e]
    if head.isascii():
        # Most sentences: in ASCII the letter classes are A-Z and a-z, counted by deleting in C.
        raw = head.encode("ascii")
        upper = len(raw) - len(raw.translate(None, _ASCII_UPPER))
        if upper < 6:
            return False
        return upper > 4 * (len(raw) - len(raw.translate(None, _ASCII_LOWER)))
    upper = len(_UPPER.findall(text, s, e))
    return upper >= 6 and upper > 4 * len(_LOWER.findall(text, s, e))


def _prev_words(text: str, pos: int, n: int, floor: int) -> list[str]:
    chunk = text[max(floor, pos - 60) : pos]
    return chunk.split()[-n:]


def _next_words(text: str, pos: int, n: int, ceil: int) -> list[str]:
    chunk = text[pos : min(ceil, pos + 60)]
    return chunk.split()[:n]


_SAID = regex.compile(r"[ \t]+(?:said|says|told|added|asked|stated|wrote)\b")
_LOWER_TAIL = regex.compile(r"[-‐]\p{Ll}+$")
_OPENERS = frozenset(['"', "“", "‘", "'", "(", "-", "—", "–", ":", "--"])


def _analyse_chunk(st: State, s: int, e: int, sent: tuple[int, int], caps: bool) -> None:
    """Split one capitalised run into gazetteer hits and unknown names, and label them."""
    lex = lexicon()
    text = st.text
    toks = _tokens(text, s, e)
    conn = lex.sets["connectors"]
    never = lex.sets["never_names"]
    # Drop ordinary words that are capitalised only because they start the sentence.
    while toks:
        a, b = toks[0]
        w = text[a:b]
        at_start = a == sent[0] or text[max(sent[0], a - 2) : a].strip() in _OPENERS
        low = w.lower()
        if w in never or low in conn:
            toks.pop(0)
            continue
        if (
            at_start
            and (low in lex.common or caps)
            and _lookup(lex, w, caps) is None
            and w not in lex.given
            and not (len(toks) > 1 and _lookup(lex, _norm(text[a : toks[1][1]]), caps))
            and not (len(toks) == 1 and not caps and _SAID.match(text, b, sent[1]))
        ):
            toks.pop(0)
            continue
        break
    while toks and (text[toks[-1][0] : toks[-1][1]].lower() in conn):
        toks.pop()
    if not toks:
        return
    i = 0
    n = len(toks)
    pieces: list[Item] = []
    unknown: list[tuple[int, int]] = []

    def flush() -> None:
        if unknown:
            pieces.append(Item(unknown[0][0], unknown[-1][1], "unknown"))
            unknown.clear()

    words = [text[a:b] for a, b in toks]
    first = lex.first
    while i < n:
        hit: tuple[int, Entry] | None = None
        tok = words[i]
        longest = first.get(tok) or first.get(tok.upper(), 0)
        for j in range(min(n, i + longest), i, -1):
            ent = _lookup(lex, " ".join(words[i:j]), caps)
            if ent is not None:
                hit = (j, ent)
                break
        if hit is None:
            if tok in never or tok in conn:
                flush()
                if tok not in conn:
                    pieces.append(Item(toks[i][0], toks[i][1], "skip"))
                else:
                    pieces.append(Item(toks[i][0], toks[i][1], "conn"))
            else:
                unknown.append(toks[i])
                if text[toks[i][1] : toks[i][1] + 1] in {"'", "’"}:
                    flush()  # "Arsenal's Sol Campbell": the possessive ends a name
            i += 1
            continue
        j, ent = hit
        single_place = j == i + 1 and ent.source in {"place", "capital", "country"}
        nxt_tok = text[toks[j][0] : toks[j][1]] if j < n else ""
        if (
            single_place
            and tok in lex.given
            and nxt_tok
            and _lookup(lex, nxt_tok, caps) is None
            and nxt_tok.lower() not in conn
        ):
            # "Vladimir Putin", "Jordan Henderson": a given name, not the place.
            unknown.append(toks[i])
            i += 1
            continue
        if (
            single_place
            and unknown
            and len(unknown) <= 2
            and all(_given_like(lex, text[a:b]) for a, b in unknown)
            and (ent.source != "country" or len(unknown) == 1)
            and (not nxt_tok or _lookup(lex, nxt_tok, caps) is None)
        ):
            # "Bob Kennedy", "Greg Norman", "J. Crawley": a surname that is also a town.
            unknown.append(toks[i])
            i += 1
            continue
        prefix = text[unknown[-1][0] : unknown[-1][1]] if unknown else ""
        if (ent.source == "place" and prefix in lex.sets["place_prefixes"]) or (
            ent.source == "country" and prefix in lex.sets["directions"]
        ):
            # "Mount Sinjar", "Lake Tharthar", "Northern Iraq": the prefix belongs to the place.
            a0 = unknown.pop()[0]
            flush()
            name = _norm(text[a0 : toks[j - 1][1]]) if ent.source == "country" else ent.name
            place = Entry("place", name, "region", ent.iso) if ent.source == "country" else ent
            pieces.append(Item(a0, toks[j - 1][1], "place", place, iso=ent.iso, kind="place"))
            i = j
            continue
        flush()
        pieces.append(Item(toks[i][0], toks[j - 1][1], ent.source, ent, iso=ent.iso, kind=ent.kind))
        i = j
    flush()
    _label_pieces(st, pieces, sent, caps)


def _label_pieces(st: State, pieces: list[Item], sent: tuple[int, int], caps: bool) -> None:
    lex = lexicon()
    text = st.text
    org_heads = lex.sets["org_heads"]
    org_suffixes = lex.sets["org_suffixes"]
    place_heads = lex.sets["place_heads"]
    k = 0
    # Merge runs "<org-ish words> of <name>" ("Ministry of Defence", "University of Texas").
    merged: list[Item] = []
    while k < len(pieces):
        p = pieces[k]
        if p.label == "title" and p.entry is not None:
            # "Minister for the Middle East", "Secretary of Defense": the office's domain.
            j = k + 1
            words: list[str] = []
            while j < len(pieces) and pieces[j].label == "conn" and len(words) < 2:
                words.append(text[pieces[j].start : pieces[j].end])
                j += 1
            if (
                words
                and words[0] in {"for", "of"}
                and j < len(pieces)
                and pieces[j].label in {"place", "country", "org", "capital"}
            ):
                span_text = _norm(text[p.start : pieces[j].end])
                title = Entry("title", span_text, gender=p.entry.gender)
                merged.append(Item(p.start, pieces[j].end, "title", title))
                k = j + 1
                continue
        if (
            p.label == "conn"
            and merged
            and k + 1 < len(pieces)
            and merged[-1].label in {"unknown", "org", "place"}
            and text[p.start : p.end] in {"of", "for", "on", "de", "des", "du", "&"}
        ):
            head_last = text[merged[-1].start : merged[-1].end].split()[-1]
            nxt = pieces[k + 1]
            joinable = {"unknown", "country", "place", "capital", "org", "demonym"}
            if (
                merged[-1].label != "place"
                and (head_last in org_heads or (text[p.start : p.end] == "&"))
                and (nxt.label in joinable)
            ):
                prev = merged.pop()
                merged.append(Item(prev.start, nxt.end, "unknown", cue="org"))
                k += 2
                continue
            if head_last in place_heads and nxt.label in {"country", "place", "capital"}:
                # "Gulf of Aden", "Bay of Bengal".
                prev = merged.pop()
                merged.append(Item(prev.start, nxt.end, "place", kind="place"))
                k += 2
                continue
        if (
            p.label == "unknown"
            and merged
            and merged[-1].label == "place"
            and text[merged[-1].end : p.start].strip() == ""
            and text[p.start : p.end].split()[0] in place_heads
            and len(text[p.start : p.end].split()) == 1
        ):
            # "Tigris River", "Sinjar Mountains": the head belongs to the place.
            prev = merged.pop()
            merged.append(Item(prev.start, p.end, "place", prev.entry, iso=prev.iso, kind="place"))
            k += 1
            continue
        if (
            p.label == "unknown"
            and merged
            and merged[-1].label == "org"
            and text[merged[-1].end : p.start].strip() == ""
            and all(w in org_suffixes or w in org_heads for w in text[p.start : p.end].split())
        ):
            # "BBC News", "Reuters Television": a unit named after its organisation.
            prev = merged.pop()
            merged.append(Item(prev.start, p.end, "unknown", cue="org"))
            k += 1
            continue
        if (
            p.label == "org"
            and merged
            and merged[-1].label == "unknown"
            and text[merged[-1].end : p.start].strip() == ""
            and text[p.start : p.end] in org_heads
        ):
            # "Counter-Daesh Coalition", "Syrian Arab Coalition": a name with a generic head.
            prev = merged.pop()
            merged.append(Item(prev.start, p.end, "unknown", cue="org"))
            k += 1
            continue
        if p.label not in {"conn", "skip"} or p.label == "skip":
            merged.append(p)
        k += 1
    pieces = [p for p in merged if p.label != "skip"]
    # Attach titles to the names they precede; demonyms/countries before titles give country.
    out: list[Item] = []
    pending_titles: list[str] = []
    pending_gender: str | None = None
    pending_iso: str | None = None
    pending_aff: Item | None = None
    title_start = -1
    last_end = -1
    title_item: Item | None = None
    for p in pieces:
        words = text[p.start : p.end].split()
        adjacent = last_end >= 0 and text[last_end : p.start].strip() == ""
        if not adjacent:
            pending_titles, pending_gender, pending_iso, pending_aff = [], None, None, None
            title_item = None
        last_end = p.end
        if p.label == "title":
            assert p.entry is not None
            if title_item is not None:
                title_item.end = p.end
                title_item.cue = p.entry.name.rstrip(".")
            else:
                title_item = Item(p.start, p.end, "titleonly", cue=p.entry.name.rstrip("."))
                out.append(title_item)
            if not pending_titles:
                title_start = p.start
            pending_titles.append(p.entry.name.rstrip("."))
            pending_gender = p.entry.gender or pending_gender
            before_title = [x for x in out if x is not title_item]
            if (
                before_title
                and before_title[-1].end <= p.start
                and text[before_title[-1].end : p.start].strip() in {"", "'s", "’s"}
            ):
                prev = before_title[-1]
                if prev.label == "demonym" or prev.label == "country":
                    pending_iso = prev.iso
                    title_start = min(title_start, prev.start)
                elif prev.label == "org":
                    pending_aff = prev
                    title_start = min(title_start, prev.start)
            continue
        if (
            p.label in {"place", "capital"}
            and len(words) == 1
            and (pending_titles or _SAID.match(text, p.end, sent[1]))
        ):
            # "Mr Hammond", "Cook said": a surname that is also a town.
            p.label, p.entry, p.iso, p.kind = "unknown", None, None, ""
        if p.label == "unknown":
            last = words[-1]
            if pending_titles:
                p.label = "person"
                p.title_start = title_start
                p.titles = pending_titles
                p.gender = pending_gender
                p.iso = pending_iso
                if pending_aff is not None:
                    p.cue = f"aff:{pending_aff.start}"
                pending_titles, pending_gender, pending_iso, pending_aff = [], None, None, None
                if title_item is not None and title_item in out:
                    out.remove(title_item)
                title_item = None
            elif (
                (last in org_suffixes or words[0] in org_heads)
                and not (len(words) == 1 and last in lex.sets["generic_heads"])
            ) or p.cue == "org":
                p.label = "org"
                p.kind = "organization"
                if out and out[-1].label in {"demonym", "country", "place"} and adjacent:
                    # "Syrian Foreign Ministry": the demonym is part of the body's name.
                    prev = out.pop()
                    p.start = prev.start
                    p.iso = prev.iso
                    adjacent = bool(out) and text[out[-1].end : p.start].strip() == ""
                if out and out[-1].label == "unknown" and adjacent:
                    # "International Syria Support Group": the words before belong to the name.
                    p.start = out.pop().start
                if (
                    any(
                        w in {"Army", "Forces", "Front", "Brigade", "Brigades", "Battalion"}
                        for w in words
                    )
                    and not p.iso
                ):
                    p.kind = "armed_group"
                elif (
                    any(
                        w
                        in {
                            "Ministry",
                            "Government",
                            "Cabinet",
                            "Police",
                            "Parliament",
                            "Senate",
                            "Navy",
                            "Army",
                            "Forces",
                        }
                        for w in words
                    )
                    and p.iso
                ):
                    p.kind = "government"
                elif last == "Party" or words[0] == "Party":
                    p.kind = "political_group"
            elif last in place_heads or words[0] in lex.sets["place_initials"]:
                p.label = "place"
                p.kind = "place"
            pending_titles, pending_gender, pending_iso, pending_aff = [], None, None, None
            title_item = None
        else:
            if p.label not in {"demonym", "country"}:
                pending_titles, pending_gender, pending_iso, pending_aff = [], None, None, None
            title_item = None
        out.append(p)
    for p in out:
        p.sent_start = sent[0]
        st.items.append(p)


_LOWER_TITLE_STOP = frozenset(
    ["head", "chief", "deputy", "chair", "leader", "justice", "officer", "major", "father"]
)


def _classify_unknown(st: State, item: Item, sent: tuple[int, int]) -> None:
    """Label a capitalised name no gazetteer knows, from its shape and the words around it."""
    lex = lexicon()
    text = st.text
    surface = text[item.start : item.end]
    words = surface.split()
    if not lex.sets["misc_heads"].isdisjoint(words) or words[0] in lex.sets["misc_prefixes"]:
        item.label = "misc"  # events, operations, treaties: not actors
        return
    if sent[0] in st.caps:
        return  # a shouting headline: only names the article also writes normally count
    before = _prev_words(text, item.start, 3, sent[0])
    after = _next_words(text, item.end, 3, sent[1])
    b1 = before[-1].lower() if before else ""
    a1 = after[0].lower().strip(",.;:") if after else ""
    # A lower-case title just before: "spokesman John Kirby", "foreign minister Sergei Lavrov".
    for n in (3, 2, 1):
        if len(before) >= n:
            cand = " ".join(before[-n:]).lower().rstrip(".")
            t = lex.titles_lower.get(cand)
            if t is not None and cand not in _LOWER_TITLE_STOP and before[-n][:1].islower():
                item.label = "person"
                item.titles.append(cand)
                item.gender = item.gender or t.gender
                return
    if len(words) <= 3 and _PERSON_FIGURES.match(text, item.end, sent[1]):
        item.label = "person"  # "Smith 52nd", "Jones 12-1-76-0": scorers and bowlers
        return
    if len(words) == 1 and surface in lex.plurals:
        item.label, item.kind, item.iso, item.cue = (
            "group",
            "organization",
            lex.plurals[surface],
            "people",
        )
        item.form = "description"
        return
    if len(words) == 1 and surface in lex.sets["generic_heads"]:
        item.label = "misc"  # "Group", "Office" alone: a word, not a name
        return
    first = words[0]
    if (
        sent[0] in st.sports
        and not (len(words) >= 2 and _given_like(lex, first))
        and _team_context(text, item, sent)
    ):
        item.label, item.kind = "org", "organization"
        return
    if len(words) >= 2 and _given_like(lex, first):
        item.label = "person"
        g = lex.given.get(first, "?")
        item.gender = g if g in {"m", "f"} else None
        return
    if (
        surface.replace(".", "").isupper()
        and 2 <= len(surface.replace(".", "")) <= 8
        and len(words) == 1
    ):
        item.label, item.kind, item.form = "org", "organization", "abbreviation"
        return
    if len(words) <= 3 and _PERSON_FIGURES.match(text, item.end, sent[1]):
        item.label = "person"  # "Smith 52nd", "Jones 12-1-76-0": scorers and bowlers
        return
    if (a1 in lex.sets["org_after"] or b1 in lex.sets["org_after"]) and len(words) <= 4:
        item.label, item.kind = "org", "organization"
        return
    if a1 in lex.sets["person_verbs"] and len(words) <= 3:
        item.label = "person"
        return
    if (b1 in lex.sets["strong_place_prepositions"] or _place_of(before)) and len(words) <= 3:
        item.label, item.kind = "place", "place"
        return
    if (
        b1 in {"said", "says", "told", "added", "asked", "wrote", "to"}
        and len(words) <= 4
        and (b1 != "to" or (len(before) >= 2 and before[-2].lower() == "according"))
    ):
        item.label = "person"
        return
    if len(words) >= 2:
        if all(w[:1].isupper() or _PARTICLE.match(w) for w in words) and not any(
            w.lower() in lex.common for w in words
        ):
            item.label = "person"
        else:
            item.label, item.kind = "org", "organization"
        return
    item.label = "unknown"


def _place_of(before: list[str]) -> bool:
    """``the town of X``, ``the village of X``."""
    lex = lexicon()
    return len(before) >= 2 and before[-1] == "of" and before[-2].lower() in lex.sets["place_nouns"]


_RESULTS = regex.compile(r"\p{Lu}[\p{L}.'’\-]*[ \t]+\d{1,3}(?=[ \t]|$)")


_PERSON_FIGURES = regex.compile(r"[ \t]+\(?\d{1,3}(?:st|nd|rd|th)\b|[ \t]+\d+-\d+-\d+-\d+")
_TEAM_AFTER = regex.compile(r"[ \t]+(?:\d{1,3}(?:[ \t]|$)|v\.?[ \t]|vs\.?[ \t]|AT[ \t]+\p{Lu}{2})")


def _team_context(text: str, item: Item, sent: tuple[int, int]) -> bool:
    """A name followed by a score or ``v``: a team, not a place or a person."""
    if _TEAM_AFTER.match(text, item.end, sent[1]):
        return True
    before = text[max(sent[0], item.start - 4) : item.start]
    return before.rstrip().endswith((" v", " vs", " v.", " vs."))


def _groups(st: State, sentences: list[tuple[int, int]]) -> None:
    """Common-noun parties: ``the Syrian government``, ``government forces``, ``rebels``."""
    text = st.text
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters change length in lower case
        for sent in sentences:
            for m in _group_pattern().finditer(text, sent[0], sent[1]):
                _group(st, m.start(), m.end(), sent)
        return
    starts = [s for s, _ in sentences]
    pattern = _group_pattern_lower()
    end = 0
    # The pattern is tried only where a phrase's first word occurs (str.find runs in C); this
    # yields the matches finditer would, several times faster than letting it scan every position.
    for pos in _group_candidates(lowered):
        if pos < end:
            continue
        hit = pattern.match(lowered, pos)
        if hit is None:
            continue
        end = hit.end()
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and end <= sentences[i][1]:
            _group(st, pos, end, sentences[i])


def _group(st: State, start: int, end: int, sent: tuple[int, int]) -> None:
    """One common-noun party, with the demonym, country or name that owns it."""
    lex = lexicon()
    roles = _group_roles()
    text = st.text
    phrase = text[start:end].lower()
    kind, role = roles.get(_norm(phrase), ("", ""))
    if not kind:
        return
    iso: str | None = None
    owner = ""
    owner_entry: Entry | None = None
    pw = _PREV_WORD.search(text, max(sent[0], start - 40), start)
    if pw is not None and pw.group(1) not in lex.sets["never_names"]:
        word = pw.group(1)
        ent = _lookup(lex, word, False)
        if ent is not None and ent.source in {"demonym", "country", "capital"}:
            iso, start = ent.iso, pw.start()
        elif ent is not None and ent.source == "org":
            owner, start, owner_entry = ent.name, pw.start(), ent
        elif (
            ent is None
            and word.lower() not in lex.common
            and pw.start() != sent[0]
            and not _LOWER_TAIL.search(word)  # "C.I.A.-backed rebels" are not the C.I.A.
        ):
            # "the Assad regime", "Houthi forces": named for a leader or movement.
            owner, start = word, pw.start()
    of = _OF_NAME.match(text, end, sent[1]) if phrase in {"government", "regime"} else None
    if of is not None and iso is None:
        ent = _lookup(lex, of.group(1), False)
        if ent is not None and ent.source == "country":
            iso, end = ent.iso, of.end()
    if not (iso or owner) and phrase in {"government", "opposition", "regime"}:
        nxt = _LOWER_WORD.match(text, end, min(sent[1], end + 30))
        if nxt is not None and nxt.group(1) in lex.sets["modified_nouns"]:
            return  # "a government spokesman", "opposition parties": a modifier, not the party
    if role == "people":
        # "the Syrian people", "Turkish allies": only with a nationality; as the country's.
        if iso is None:
            return
        if phrase in {"officials", "officers"}:
            role = "government"
    if role == "military":
        if iso is None and not owner:
            return
        role = "government"
    if phrase in {"authorities", "troops", "forces", "army", "military"} and not (iso or owner):
        return
    it = Item(start, end, "group", iso=iso, kind=kind, form="description", cue=role)
    if owner:
        kind_iso = (owner_entry.kind, owner_entry.iso) if owner_entry else ("", None)
        it.entry = Entry("owner", owner, kind_iso[0], kind_iso[1])
    st.items.append(it)


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


# -- linking ------------------------------------------------------------------------------------

_PARTICLE = regex.compile(r"^(?:al|el|ad|as|ash|an|ar|at|az)[-‐]", regex.I)


def _name_key(word: str) -> str:
    return _PARTICLE.sub("", word).lower()


@lru_cache(maxsize=8192)
def _person_tokens(name: str) -> tuple[str, ...]:
    """The comparable words of a person's name: no particles, lower case."""
    lex = lexicon()
    parts = lex.sets["name_particles"]
    out = []
    for w in name.split():
        if w.lower() in parts:
            continue
        key = _name_key(w)
        if (key and w[:1].isupper()) or _PARTICLE.match(w):
            out.append(key)
    return tuple(out)


class Linker:
    """Build one actor or place per real-world entity from the labelled items."""

    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        self.text = draft.text
        self.countries: dict[str, ActorDraft] = {}
        self.orgs: dict[str, ActorDraft] = {}
        self.people: list[ActorDraft] = []
        self.places: dict[str, PlaceDraft] = {}
        self.abbrev: dict[str, ActorDraft] = {}
        self.groups: dict[tuple[str, str | None], ActorDraft] = {}
        self._tokens: dict[int, tuple[str, ...]] = {}
        self._by_last: dict[str, list[ActorDraft]] = {}
        self.item_actor: dict[int, ActorDraft] = {}
        """The person actor each person item became, by ``id(item)``."""

    def country(self, iso: str) -> ActorDraft:
        a = self.countries.get(iso)
        if a is None:
            name = lexicon().countries.get(iso, iso)
            a = self.draft.add_actor(name, "country", country=iso)
            self.countries[iso] = a
        return a

    def org(self, name: str, kind: str, iso: str | None) -> ActorDraft:
        a = self.orgs.get(name)
        if a is None:
            a = self.draft.add_actor(name, kind or "organization", country=iso)
            self.orgs[name] = a
        return a

    def place(self, name: str, iso: str | None) -> PlaceDraft:
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
        toks = _person_tokens(a.name)
        self._tokens[id(a)] = toks
        if toks:
            self._by_last.setdefault(toks[-1], []).append(a)

    def person(self, name: str) -> ActorDraft | None:
        """The person this name refers to, if the article already has them."""
        toks = _person_tokens(name)
        if not toks:
            return None
        # Every rule below needs the same last token, so only those people are candidates.
        for p in reversed(self._by_last.get(toks[-1], ())):
            ptoks = self._tokens[id(p)]
            if not ptoks or ptoks[-1] != toks[-1]:
                continue  # indexed under a name the person no longer has
            if toks == ptoks or len(toks) == 1:
                return p
            if toks[0] == ptoks[0] or len(ptoks) == 1:
                return p
        return None


def _link(st: State, sentences: list[tuple[int, int]]) -> None:
    text = st.text
    draft = st.draft
    lk = Linker(draft)
    items = sorted(st.items, key=lambda it: (it.start, -it.end))
    items = _resolve_group_overlaps(items)
    # Abbreviations defined in the text: "Syrian Democratic Forces (SDF)".
    for idx, it in enumerate(items):
        if it.label in {"org", "unknown", "group"} and idx + 1 < len(items):
            nxt = items[idx + 1]
            if text.find("(", it.end, nxt.start) < 0:
                continue  # no bracket between: the commonest case, settled without slicing
            gap = text[it.end : nxt.start]
            abbr = text[nxt.start : nxt.end]
            closes = text[nxt.end : nxt.end + 2].strip()[:1] == ")"
            if gap.strip() == "(" and abbr.isupper() and closes:
                if it.label == "unknown":
                    it.label, it.kind = "org", "organization"
                nxt.label, nxt.kind, nxt.form = "abbr-of", "", "abbreviation"
                nxt.cue = f"{it.start}"
    by_start = {it.start: it for it in items}
    consumed: set[int] = set()
    # People first so surnames found anywhere link back to full names.
    for it in items:
        if it.label == "person":
            name = _norm(text[it.start : it.end])
            a = lk.person(name)
            if a is None:
                a = draft.add_actor(name, "person", country=it.iso, gender=it.gender)
                lk.add_person(a)
            elif len(name) > len(a.name) and len(name.split()) >= len(a.name.split()):
                a.name = name
                lk.index_person(a)
            lk.item_actor[id(it)] = a
            short = 0 <= it.title_start < it.start and 2 * (it.end - it.start) >= (
                it.end - it.title_start
            )
            if not short:
                a.add_mention(it.start, it.end, "name" if len(name.split()) > 1 else "surname")
            if 0 <= it.title_start < it.start:
                # The name with its titles, as news writes it: "Russian President Vladimir Putin";
                # a short title ("President Hollande") makes one mention with the name.
                a.add_mention(it.title_start, it.end, "title")
            for t in it.titles:
                a.add_title(t)
            if it.iso and not a.country:
                a.country = it.iso
            if it.gender and not a.gender:
                a.gender = it.gender
    by_pos = {it.start: it for it in items}
    by_title: dict[str, list[ActorDraft]] = {}
    for p in lk.people:
        for t in dict.fromkeys(t.lower() for t in p.titles):
            by_title.setdefault(t, []).append(p)
    for it in items:
        if it.label == "titleonly":
            # "the Foreign Secretary" when the article has exactly one person with that title.
            holders = by_title.get(it.cue.lower(), [])
            apposed = by_pos.get(it.end + 2) if text[it.end : it.end + 2] == ", " else None
            if apposed is not None and apposed.label == "person" and id(apposed) in lk.item_actor:
                # "the Iraqi Foreign Minister, Ibrahim al-Jaafari": the office names the person.
                named = lk.item_actor[id(apposed)]
                named.add_mention(it.start, it.end, "title")
                named.add_title(it.cue)
            elif len(holders) == 1:
                holders[0].add_mention(it.start, it.end, "title")
            elif not holders and _THE_BEFORE.search(text, max(0, it.start - 4), it.start):
                # "The Foreign Secretary said": a person the article names only by office.
                name = _norm(text[it.start : it.end])
                a = draft.add_actor(name, "person", titles=[it.cue])
                lk.add_person(a)
                by_title.setdefault(it.cue.lower(), []).append(a)
                a.add_mention(it.start, it.end, "title")
    with_surface = {"org", "abbr-of", "capital", "place"}
    for it in items:
        span = (it.start, it.end)
        surface = _norm(text[it.start : it.end]) if it.label in with_surface else ""
        if it.label == "country" and it.start in consumed:
            continue
        if it.label == "country":
            assert it.iso is not None
            lk.country(it.iso).add_mention(*span, "name")
        elif it.label == "org":
            if it.entry is not None:
                a = lk.org(it.entry.name, it.entry.kind, it.entry.iso)
                form = "abbreviation" if surface.isupper() or "." in surface else "name"
            else:
                a = lk.org(surface, it.kind, it.iso)
                form = it.form
            start = it.start
            letters = surface.replace(".", "")
            if (
                form == "abbreviation"
                and len(letters) <= 3
                and _THE_BEFORE.search(text, max(0, start - 4), start)
                and text[it.end : it.end + 1] not in {"-", "‐"}  # "the UN-led talks"
            ):
                start -= 4  # "the UN": the article counts as part of a short name
            a.add_mention(start, it.end, form)
            lk.abbrev[surface] = a
        elif it.label == "abbr-of":
            src = by_start.get(int(it.cue))
            if src is not None:
                name = _norm(text[src.start : src.end])
                target = lk.orgs.get(src.entry.name if src.entry else name)
                if target is not None:
                    target.add_mention(*span, "abbreviation")
                    lk.abbrev[surface] = target
        elif it.label in {"capital", "place"}:
            if it.start in consumed:
                continue
            meto = _metonymic(st, it) if it.label == "capital" and it.iso else ""
            if meto and it.iso:
                gov = lk.groups.get(("government", it.iso)) if meto == "government" else None
                target = gov if gov is not None else lk.country(it.iso)
                target.add_mention(*span, "capital")
            else:
                name = it.entry.name if it.entry else surface
                end = _place_end(st, it, by_start, consumed)
                lk.place(name, it.iso).add_mention(it.start, end, "name")
        elif it.label == "group":
            _link_group(lk, it)
        elif it.label == "demonym":
            _link_demonym(st, lk, it)
    # Unknown names: a surname seen before, an abbreviation or organisation named before.
    for it in items:
        if it.label != "unknown":
            continue
        surface = _norm(text[it.start : it.end])
        if surface in lk.abbrev:
            lk.abbrev[surface].add_mention(it.start, it.end, "abbreviation")
            continue
        who = lk.person(surface)
        if who is not None:
            who.add_mention(it.start, it.end, "surname" if " " not in surface else "name")
            continue
        if surface in lk.orgs:
            lk.orgs[surface].add_mention(it.start, it.end, "name")
            continue
        if surface in lk.places:
            lk.places[surface].add_mention(it.start, it.end, "name")
            continue
    _affiliations(st, lk, items)
    _described_people(st, lk)
    _countries_as_places(st, lk)


@cache
def _described_pattern() -> regex.Pattern[str]:
    """``the Russian leader``, ``the Iraqi foreign minister``: a nationality and an office."""
    lex = lexicon()
    demonyms = [w for w, e in lex.exact.items() if e.source == "demonym"]
    offices = [t for t in lex.titles_lower if " " in t or t in lex.sets["head_offices"]]
    offices += ["leader"]
    return regex.compile(
        rf"\b[Tt]he{_H}+(?P<dem>{alternation(demonyms)}){_H}+(?P<office>(?i:{alternation(offices)}))\b"
    )


def _described_people(st: State, lk: Linker) -> None:
    """Link ``the Russian leader`` to the one Russian person holding such an office."""
    lex = lexicon()
    if not any(p.country and p.titles for p in lk.people):
        return  # nobody to describe
    for m in _described_pattern().finditer(st.text):
        ent = lex.exact.get(m.group("dem"))
        if ent is None or ent.iso is None:
            continue
        office = m.group("office").lower()
        wanted = lex.sets["head_offices"] if office == "leader" else {office}
        holders = [
            p for p in lk.people if p.country == ent.iso and wanted & {t.lower() for t in p.titles}
        ]
        if len(holders) == 1:
            holders[0].add_mention(m.start("dem"), m.end(), "title")


def _countries_as_places(st: State, lk: Linker) -> None:
    """A country named only as a location (``in Syria``, ``the border with Jordan``) is a place."""
    lex = lexicon()
    text = st.text
    loc = lex.sets["locative_before"]
    topics = lex.sets["topic_nouns"]
    draft = st.draft
    for iso, a in list(lk.countries.items()):
        if any(a.id in x.affiliations for x in draft.actors):
            continue
        only_place = True
        for s, _e, form in a.mentions:
            prev = text[max(0, s - 40) : s].split()[-3:]
            p1 = prev[-1].lower() if prev else ""
            p2 = " ".join(prev[-2:]).lower()
            if form == "name" and (
                p1 in loc
                or p2 in loc
                or (p1 in {"on", "over", "about"} and len(prev) >= 2 and prev[-2].lower() in topics)
            ):
                continue
            only_place = False
            break
        if only_place and a.mentions:
            draft.actors.remove(a)
            place = lk.place(a.name, iso)
            for m in a.mentions:
                place.add_mention(*m)


def _resolve_group_overlaps(items: list[Item]) -> list[Item]:
    """Names inside common-noun groups yield to them (``Syrian`` in ``the Syrian government``),
    except known organisations and wider names (``Kurdistan Regional Government``)."""
    groups = [it for it in items if it.label == "group"]
    starts = [g.start for g in groups]
    dropped: set[int] = set()
    names: list[Item] = []
    for it in items:
        if it.label == "group":
            continue
        near: list[Item] = []
        k = bisect.bisect_left(starts, it.end) - 1
        # Groups are short (a word, a phrase, "of <Country>"), so only a few can reach back.
        while k >= 0 and groups[k].start > it.start - _MAX_GROUP:
            g = groups[k]
            if g.end > it.start and id(g) not in dropped:
                near.append(g)
            k -= 1
        if not near:
            names.append(it)
            continue
        inner_owned = any(
            g.entry is not None and g.start <= it.start and it.end <= g.end for g in near
        )
        wider = any(
            it.start <= g.start and g.end <= it.end and it.end - it.start > g.end - g.start
            for g in near
        )
        if it.label == "org" and (it.entry is not None or wider) and not inner_owned:
            dropped.update(id(g) for g in near)
            names.append(it)
    kept = names + [g for g in groups if id(g) not in dropped]
    kept.sort(key=lambda it: (it.start, -it.end))
    return kept


_MAX_GROUP = 160


def _metonymic(st: State, it: Item) -> str:
    """What a capital stands for: ``government`` (``allies in Damascus``), ``country``
    (``Moscow-brokered``, ``Beijing said``) or nothing (a place)."""
    lex = lexicon()
    text = st.text
    after = text[it.end : it.end + 20]
    before = " ".join(text[max(0, it.start - 30) : it.start].split()[-2:]).lower()
    if before in lex.sets["metonymy_before"]:
        return "government"
    if after[:1] in "-‐":
        w = _HYPHEN_WORD.match(after)
        if w and w.group(1).lower() in lex.sets["metonymy_suffixes"]:
            return "country"
    prev_word = text[max(0, it.start - 20) : it.start].split()[-1:]
    if prev_word and prev_word[0].lower() in lex.sets["metonymy_objects"]:
        return "country"  # "accused Moscow of", "urged Damascus to"
    nxt = after.split()
    if nxt and nxt[0].lower() in lex.sets["metonymy_verbs"]:
        prev = text[max(0, it.start - 12) : it.start].split()
        if not prev or prev[-1].lower() not in {"in", "at", "to", "from", "near", "of"}:
            return "country"
    return ""


_HYPHEN_WORD = regex.compile(r"[-‐](\p{L}+)")
_LOWER_WORD = regex.compile(r"[ \t]+(\p{Ll}+)")
_PRONOUN = regex.compile(r"\b(he|him|his|she|her|hers)\b")
_THE_BEFORE = regex.compile(r"(?:^|(?<=[^\p{L}]))[Tt]he[ \t]$")
_COMMA_NAME = regex.compile(r", ?(\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?)")


def _place_end(st: State, it: Item, by_start: dict[int, Item], consumed: set[int]) -> int:
    """Where a place mention ends: past ``, Belgium`` or ``, Texas`` and past ``province``."""
    lex = lexicon()
    text = st.text
    end = it.end
    if text[end : end + 1] == ",":
        # "Brussels, Belgium": one location, qualified by its country or state. Tokenised text
        # ("AKRON , Ohio") keeps the two apart.
        m = _COMMA_NAME.match(text, end, end + 40)
        nxt = by_start.get(m.start(1)) if m else None
        if (
            m
            and nxt is not None
            and nxt.end == m.end(1)
            and (nxt.label == "country" or (nxt.entry is not None and nxt.entry.kind == "state"))
        ):
            consumed.add(nxt.start)
            return nxt.end
    w = _LOWER_WORD.match(text, end, end + 20)
    if w and w.group(1) in lex.sets["place_suffixes_lower"]:
        return w.end()
    return end


def _link_group(lk: Linker, it: Item) -> None:
    role = it.cue
    text = lk.text
    surface = _norm(text[it.start : it.end])
    if it.entry is not None and it.entry.source == "owner":
        owner = it.entry.name
        org = lk.orgs.get(owner)
        if org is None and it.entry.kind:
            # "Hamas militants", "Houthi rebels": the known group itself.
            org = lk.org(owner, it.entry.kind, it.entry.iso)
        if org is not None:
            org.add_mention(it.start, it.end, "description")
            return
        leader = lk.person(owner)
        gov = lk.groups.get((role, leader.country)) if leader and leader.country else None
        if gov is not None:
            gov.add_mention(it.start, it.end, "description")  # "Assad's forces", his country's
            return
        # A movement ("Houthi forces") or a leader whose country is unknown: its own actor.
        own = surface.removeprefix("the ").removeprefix("The ")
        body = lk.orgs.get(own) or lk.org(own, it.kind, it.iso)
        body.add_mention(it.start, it.end, "description")
        return
    if role == "rebels":
        opp = [a for (r, _), a in lk.groups.items() if r == "opposition"]
        if len(opp) == 1:
            opp[0].add_mention(it.start, it.end, "description")
            return
    key = (role, it.iso)
    a = lk.groups.get(key)
    if a is None and it.iso is None:
        same = [x for (r, _), x in lk.groups.items() if r == role]
        if same:
            a = same[-1]
    if a is None and it.iso is not None:
        # "the Opposition" before "the Syrian opposition": one actor, now with a country.
        loose = lk.groups.pop((role, None), None)
        if loose is not None:
            a = loose
            a.country = it.iso
            dem = lexicon().countries.get(it.iso, "")
            a.name = _group_name(surface, role, dem)
            lk.groups[key] = a
    if a is None:
        name = _group_name(surface, role, lexicon().countries.get(it.iso or "", ""))
        a = lk.draft.add_actor(name, it.kind, country=it.iso)
        lk.groups[key] = a
    a.add_mention(it.start, it.end, "description")


def _group_name(surface: str, role: str, country: str) -> str:
    s = surface
    if role == "government":
        words = s.split()
        if (
            len(words) >= 2
            and words[0][:1].isupper()
            and words[1].lower() in {"government", "regime", "authorities"}
        ):
            return f"{words[0]} {words[1].lower()}"
        return f"government of {country}" if country else "government"
    if role == "people":
        return s
    if role == "opposition":
        words = s.split()
        if len(words) >= 2 and words[0][:1].isupper():
            return f"{words[0]} opposition"
        return "opposition"
    return s.lower() if s[:1].isupper() and " " not in s else s


def _link_demonym(st: State, lk: Linker, it: Item) -> None:
    text = st.text
    nxt = text[it.end : it.end + 30].split()
    if (
        nxt
        and nxt[0].lower().strip(",.")
        in {
            "forces",
            "troops",
            "military",
            "army",
            "navy",
            "soldiers",
            "warplanes",
            "jets",
            "aircraft",
            "officials",
            "authorities",
            "diplomats",
            "state",
            "side",
            "delegation",
        }
        and it.iso
    ):
        lk.country(it.iso).add_mention(it.start, it.end, "demonym")


_AFTER_TITLE = regex.compile(
    r"[ \t]*,[ \t]*(?:the[ \t]+|a[ \t]+|an[ \t]+)?([\p{L} \-]{2,40}?)"
    r"(?=[ \t]*(?:[,–—\-]|\b(?:of|for|at|to|said)\b|$))"
)


def _affiliations(st: State, lk: Linker, items: list[Item]) -> None:
    """Who people speak for: ``Hamas spokesman X``, ``X, the UN envoy``, ``X, chief negotiator –
    Syrian opposition``; titles after names; gender from the next pronoun."""
    text = st.text
    lex = lexicon()
    by_start: dict[int, ActorDraft] = {}
    by_end: dict[int, ActorDraft] = {}
    for a in st.draft.actors:
        if a.kind == "person":
            continue
        for s, e, _f in a.mentions:
            by_start[s] = a
            by_end[e] = a
    starts = sorted(by_start)
    ends = sorted(by_end)

    def belongs(person: ActorDraft, aff: ActorDraft) -> None:
        if aff.kind == "country":
            person.country = person.country or aff.country
        else:
            person.add_affiliation(aff.id)

    for it in items:
        person = lk.item_actor.get(id(it))
        if it.label != "person" or person is None:
            continue
        if it.cue.startswith("aff:"):
            aff = by_start.get(int(it.cue[4:]))
            if aff is not None:
                belongs(person, aff)
        elif it.title_start < 0:
            # A lower-case office between a body and the name: "Hamas spokesman Hazem Qassem".
            i = bisect.bisect_left(ends, it.start - 40)
            for e in ends[i:]:
                if e >= it.start:
                    break
                between = " ".join(text[e : it.start].split()).lower().rstrip(".")
                between = between.removeprefix("'s ").removeprefix("’s ")
                if between in lex.titles_lower:
                    belongs(person, by_end[e])
                    person.add_title(between)
                    break
        m = _AFTER_TITLE.match(text, it.end, it.end + 80)
        if m:
            words = m.group(1).split()
            for n in range(len(words), 0, -1):
                title = " ".join(words[-n:])
                t = lex.titles_lower.get(title.lower())
                if t is None:
                    continue
                person.add_title(title)
                if t.gender and not person.gender:
                    person.gender = t.gender
                if n < len(words):
                    # "X, the UN spokesman": the body named before the title.
                    aff = by_start.get(m.start(1)) or by_start.get(m.start(1) - 4)  # "the UN"
                    if aff is not None:
                        belongs(person, aff)
                        break
                k = bisect.bisect_left(starts, m.end())
                for s in starts[k : k + 1]:
                    link = text[m.end() : s].split()
                    # "ambassador to Syria" serves there; it is not where the person is from.
                    if s <= m.end() + 25 and link[:1] != ["to"]:
                        belongs(person, by_start[s])
                break
        # Gender from the first pronoun after the name in the next 200 characters.
        if person.gender is None:
            w = _PRONOUN.search(text, it.end, it.end + 200)
            if w:
                person.gender = "m" if w.group(1) in {"he", "him", "his"} else "f"


def _shifted(t: Item, delta: int, sent_start: int) -> Item:
    """A copy of an analysed item, moved to another occurrence of the same run."""
    cue = t.cue
    if cue.startswith("aff:"):
        cue = f"aff:{int(cue[4:]) + delta}"
    # Positional construction: dataclasses.replace costs several times more, once per mention.
    return Item(
        t.start + delta,
        t.end + delta,
        t.label,
        t.entry,
        list(t.titles),
        t.gender,
        t.iso,
        t.kind,
        t.form,
        cue,
        t.title_start + delta if t.title_start >= 0 else -1,
        sent_start,
    )


@lru_cache(maxsize=8192)
def _plain_word(word: str, caps: bool) -> bool:
    """An ordinary word no gazetteer or given-name list knows (``The``, ``However``)."""
    lex = lexicon()
    return word.lower() in lex.common and _lookup(lex, word, caps) is None and word not in lex.given


_ANALYSED: dict[tuple[str, bool, bool, bool], list[Item]] = {}
"""Analysed runs, offsets relative to the run's start, shared by the articles of one process."""
_ANALYSED_MAX = 10_000


def _analysed(
    st: State, s: int, e: int, sent: tuple[int, int], caps: bool, key: tuple[str, bool, bool, bool]
) -> list[Item]:
    """The items of one capitalised run relative to its start, analysed once per process."""
    templates = _ANALYSED.get(key)
    if templates is None:
        scratch = State(draft=st.draft, text=st.text)
        _analyse_chunk(scratch, s, e, sent, caps)
        templates = [_shifted(t, -s, -1) for t in scratch.items]
        if len(_ANALYSED) >= _ANALYSED_MAX:
            # Memory stays flat on an endless stream (about 6 MiB); the older half goes.
            for old in list(itertools.islice(_ANALYSED, len(_ANALYSED) // 2 + 1)):
                del _ANALYSED[old]
        _ANALYSED[key] = templates
    return templates


def find_actors(draft: Draft) -> None:
    """Find actors and places and link their mentions."""
    text = draft.text
    st = State(draft=draft, text=text)
    lex = lexicon()
    never = lex.sets["never_names"]
    memo: dict[tuple[str, bool, bool], list[Item]] = {}
    sentences = list(draft.sentences) or ([(0, len(text))] if text.strip() else [])
    for sent in sentences:
        caps = _is_caps_sentence(text, *sent)
        if caps:
            st.caps.add(sent[0])
        if _RESULTS.search(text, sent[0], min(sent[1], sent[0] + 400)):
            st.sports.add(sent[0])
        for s0, e0 in _runs(text, sent[0], sent[1]):
            chunk = text[s0:e0]
            opening = s0 == sent[0] or text[max(sent[0], s0 - 2) : s0].strip() in _OPENERS
            if " " not in chunk and (
                chunk in never
                or (
                    opening
                    and _plain_word(chunk, caps)
                    and (caps or not _SAID.match(text, e0, sent[1]))  # "Cook said"
                )
            ):
                continue  # "The", "However": the commonest runs, settled without analysis
            # The same run in the same position analyses the same way: replay it. Within an
            # article the first occurrence decides; across articles, whether ``said`` follows
            # (the only context past the run the analysis reads) is part of the key.
            key = (chunk, opening, caps)
            templates = memo.get(key)
            if templates is None:
                said = _SAID.match(text, e0, sent[1]) is not None
                templates = _analysed(st, s0, e0, sent, caps, (*key, said))
                memo[key] = templates
            for t in templates:
                st.items.append(_shifted(t, s0, sent[0]))
    _groups(st, sentences)
    if len(st.sports) < 3:
        st.sports.clear()  # one "Name 3" is a count, many lines of them are results tables
    sent_of = {}
    for sent in sentences:
        sent_of[sent[0]] = sent
    starts = sorted(sent_of)
    for it in st.items:
        if it.label == "unknown":
            i = bisect.bisect_right(starts, it.start) - 1
            sent = sent_of[starts[i]] if i >= 0 else (0, len(text))
            _classify_unknown(st, it, sent)
        elif it.label in {"place", "capital"} and st.sports:
            i = bisect.bisect_right(starts, it.start) - 1
            sent = sent_of[starts[i]] if i >= 0 else (0, len(text))
            if sent[0] in st.sports and _team_context(text, it, sent):
                it.label, it.kind, it.entry = "org", "organization", None
    _link(st, sentences)


@hookimpl
def newsparse_extractors() -> list[Extractor]:
    """The actor extractor."""
    return [
        Extractor(
            name="actors",
            run=find_actors,
            requires=("sentences",),
            provides=("actors", "places"),
        )
    ]
