"""Candidates: capitalised runs split on gazetteer entries, and common-noun parties.

A run is a sequence of capitalised words joined by spaces and a few connectors (``Ministry of
Defence``). Each run is split into the longest gazetteer hits (countries, demonyms, capitals,
organisations, places, titles) and the unknown words between them; common nouns that name parties
(``government forces``, ``rebels``) are found with one pattern over the text.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from functools import cache

import regex

from ...lexicon import alternation
from ...lexicon.actors import Entry, Gazetteer, Source, cues, gazetteer, group_phrases
from ...lexicon.english import english
from .items import Item, Label, State

__all__ = [
    "OPENERS",
    "analyse_run",
    "caps_sentence",
    "find_groups",
    "given_like",
    "lookup",
    "runs",
    "said_after",
]

H = r"[ \t\u00a0]"
OPENERS = frozenset(['"', "“", "‘", "'", "(", "-", "—", "–", ":", "--"])


@cache
def _run_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """The run pattern, and the same with no name particle (``al-``) before the first word.

    The second scans text several times faster: the particles would be tried at every
    lower-case letter. :func:`runs` puts a particle back where one starts a run.
    """
    particles = english().name_particles.joined
    name = r"\p{Lu}[\p{L}\p{M}\p{N}'’\-]*(?:(?<=\b\p{Lu})\.)?"
    initials = r"\p{Lu}\.(?:\p{Lu}\.)+"  # U.S., U.N.
    ordinal = r"\p{N}+\p{Lu}[\p{L}\p{N}]*"  # 2nd, 407th AEG
    word = rf"(?:{initials}|(?:\L<particles>)?{name}|{ordinal})"
    bare = rf"(?:{initials}|{name}|{ordinal})"
    sep = rf"(?:\.?{H}+(?:\L<conn>{H}+){{0,3}}|{H}*&{H}*)"
    edge = r"[\p{L}\p{N}]"
    conn = list(cues().connectors)
    return (
        regex.compile(
            rf"(?<!{edge})(?:{word}(?:{sep}{word}){{0,14}})(?!{edge})",
            particles=particles,
            conn=conn,
        ),
        regex.compile(
            rf"(?<!{edge})(?:{bare}(?:{sep}{word}){{0,14}})(?!{edge})",
            particles=particles,
            conn=conn,
        ),
    )


@cache
def _particles() -> tuple[str, ...]:
    """Name particles written joined to the name (``al-``), longest first."""
    return tuple(sorted(english().name_particles.joined, key=len, reverse=True))


def runs(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Spans of capitalised runs in ``text[start:end]``, in order."""
    full, scan = _run_patterns()
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
                    # "al-Assad": the full pattern where the particle starts.
                    fm = full.match(text, p, end)
                    if fm is not None:
                        s, e = fm.span()
                    break
        yield s, e
        pos = e


@cache
def _said() -> regex.Pattern[str]:
    return regex.compile(r"[ \t]+\L<verbs>\b", verbs=cues().said_verbs)


def said_after(text: str, pos: int, end: int) -> bool:
    """Whether a verb of speech follows ``pos`` (``Cook said``)."""
    return _said().match(text, pos, end) is not None


def tokens(text: str, s: int, e: int) -> list[tuple[int, int]]:
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


def lookup(gaz: Gazetteer, surface: str, caps: bool) -> Entry | None:
    """The gazetteer entry of a surface form (in a capitals sentence, case-insensitively)."""
    e = gaz.exact.get(surface)
    if e is not None:
        if caps and surface.isupper() and len(surface) < 4 and "." not in surface:
            return None  # "IS", "US", "AU" in a shouting headline are words
        return e
    if caps or (surface.isupper() and len(surface) >= 4):
        return gaz.upper.get(surface.upper())
    return None


def given_like(gaz: Gazetteer, word: str) -> bool:
    """A given name or an initial (``J.``)."""
    return word in gaz.given or (len(word) <= 2 and word[:1].isupper() and word[-1:] == ".")


_UPPER = regex.compile(r"\p{Lu}")
_LOWER = regex.compile(r"\p{Ll}")
_ASCII_UPPER = bytes(range(ord("A"), ord("Z") + 1))
_ASCII_LOWER = bytes(range(ord("a"), ord("z") + 1))


def caps_sentence(text: str, s: int, e: int) -> bool:
    """A headline or dateline written in capitals (``RUSSIA SAYS TALKS GO ON``)."""
    e = min(e, s + 200)
    head = text[s:e]
    if head.isascii():
        # In ASCII the letter classes are A-Z and a-z, counted by deleting them in C.
        raw = head.encode("ascii")
        upper = len(raw) - len(raw.translate(None, _ASCII_UPPER))
        if upper < 6:
            return False
        return upper > 4 * (len(raw) - len(raw.translate(None, _ASCII_LOWER)))
    upper = len(_UPPER.findall(text, s, e))
    return upper >= 6 and upper > 4 * len(_LOWER.findall(text, s, e))


def _opening(text: str, a: int, sent_start: int) -> bool:
    return a == sent_start or text[max(sent_start, a - 2) : a].strip() in OPENERS


def _drop_leading(
    text: str, toks: list[tuple[int, int]], sent: tuple[int, int], caps: bool
) -> None:
    """Drop ordinary words that are capitalised only because they start the sentence."""
    gaz, c = gazetteer(), cues()
    conn, never = c.sets["connectors"], c.sets["never_names"]
    while toks:
        a, b = toks[0]
        w = text[a:b]
        low = w.lower()
        if w in never or low in conn:
            toks.pop(0)
            continue
        if (
            _opening(text, a, sent[0])
            and (low in gaz.common or caps)
            and lookup(gaz, w, caps) is None
            and w not in gaz.given
            and not (len(toks) > 1 and lookup(gaz, " ".join(text[a : toks[1][1]].split()), caps))
            and not (len(toks) == 1 and not caps and said_after(text, b, sent[1]))
        ):
            toks.pop(0)
            continue
        break
    while toks and text[toks[-1][0] : toks[-1][1]].lower() in conn:
        toks.pop()


_LABEL_OF_SOURCE: dict[Source, Label] = {
    "country": "country",
    "demonym": "demonym",
    "capital": "capital",
    "org": "org",
    "owner": "org",
    "place": "place",
    "title": "title",
}


class _Splitter:
    """Split the words of one run into gazetteer hits and unknown stretches."""

    def __init__(self, text: str, toks: list[tuple[int, int]], caps: bool) -> None:
        self.text = text
        self.toks = toks
        self.caps = caps
        self.words = [text[a:b] for a, b in toks]
        self.gaz = gazetteer()
        self.cues = cues()
        self.pieces: list[Item] = []
        self.unknown: list[tuple[int, int]] = []

    def flush(self) -> None:
        """Close the stretch of unknown words as one item."""
        if self.unknown:
            self.pieces.append(Item(self.unknown[0][0], self.unknown[-1][1], "unknown"))
            self.unknown.clear()

    def longest_hit(self, i: int) -> tuple[int, Entry] | None:
        """The longest gazetteer form starting at word ``i``: its end word and entry."""
        words, first = self.words, self.gaz.first
        longest = first.get(words[i]) or first.get(words[i].upper(), 0)
        for j in range(min(len(words), i + longest), i, -1):
            ent = lookup(self.gaz, " ".join(words[i:j]), self.caps)
            if ent is not None:
                return j, ent
        return None

    def split(self) -> list[Item]:
        """The pieces of the run, in order."""
        i, n = 0, len(self.toks)
        conn, never = self.cues.sets["connectors"], self.cues.sets["never_names"]
        while i < n:
            hit = self.longest_hit(i)
            if hit is None:
                self.no_hit(i, conn, never)
                i += 1
                continue
            j, ent = hit
            if self.name_not_place(i, j, ent, conn):
                self.unknown.append(self.toks[i])
                i += 1
                continue
            self.add_hit(i, j, ent)
            i = j
        self.flush()
        return self.pieces

    def no_hit(self, i: int, conn: frozenset[str], never: frozenset[str]) -> None:
        tok, (a, b) = self.words[i], self.toks[i]
        if tok in never or tok in conn:
            self.flush()
            self.pieces.append(Item(a, b, "conn" if tok in conn else "skip"))
            return
        self.unknown.append((a, b))
        if self.text[b : b + 1] in {"'", "’"}:
            self.flush()  # "Arsenal's Sol Campbell": the possessive ends a name

    def name_not_place(self, i: int, j: int, ent: Entry, conn: frozenset[str]) -> bool:
        """A one-word place hit that is part of a person's name (``Jordan Henderson``)."""
        if j != i + 1 or ent.source not in {"place", "capital", "country"}:
            return False
        gaz, caps = self.gaz, self.caps
        nxt = self.words[j] if j < len(self.words) else ""
        nxt_free = not nxt or lookup(gaz, nxt, caps) is None
        if self.words[i] in gaz.given and nxt and nxt_free and nxt.lower() not in conn:
            return True  # "Vladimir Putin", "Jordan Henderson": a given name
        unknown = self.unknown
        return (
            bool(unknown)
            and len(unknown) <= 2
            and all(given_like(gaz, self.text[a:b]) for a, b in unknown)
            and (ent.source != "country" or len(unknown) == 1)
            and nxt_free
        )  # "Greg Norman", "J. Crawley": a surname that is also a town

    def add_hit(self, i: int, j: int, ent: Entry) -> None:
        text, toks = self.text, self.toks
        prefix = text[self.unknown[-1][0] : self.unknown[-1][1]] if self.unknown else ""
        if (ent.source == "place" and prefix in self.cues.sets["place_prefixes"]) or (
            ent.source == "country" and prefix in self.cues.sets["directions"]
        ):
            # "Mount Sinjar", "Northern Iraq": the prefix belongs to the place.
            a0 = self.unknown.pop()[0]
            self.flush()
            end = toks[j - 1][1]
            if ent.source == "country":
                ent = Entry("place", " ".join(text[a0:end].split()), "region", ent.iso)
            self.pieces.append(Item(a0, end, "place", ent, iso=ent.iso, kind="place"))
            return
        self.flush()
        label = _LABEL_OF_SOURCE[ent.source]
        self.pieces.append(Item(toks[i][0], toks[j - 1][1], label, ent, iso=ent.iso, kind=ent.kind))


def analyse_run(text: str, s: int, e: int, sent: tuple[int, int], caps: bool) -> list[Item]:
    """The pieces of one capitalised run: gazetteer hits, unknown names, connectors."""
    toks = tokens(text, s, e)
    _drop_leading(text, toks, sent, caps)
    if not toks:
        return []
    return _Splitter(text, toks, caps).split()


# -- common-noun parties -------------------------------------------------------------------------

_PREV_WORD = regex.compile(r"(\p{Lu}[\p{L}\p{M}\p{N}.'’\-]*?)(?:'s|’s)?[ \t\u00a0]+$")
_CAPWORD = r"\p{Lu}[\p{L}\p{M}.'’\-]*"
_OF_NAME = regex.compile(rf"{H}+of{H}+(?:the{H}+)?({_CAPWORD}(?:{H}+{_CAPWORD}){{0,3}})")
_LOWER_WORD = regex.compile(r"[ \t]+(\p{Ll}+)")
_LOWER_TAIL = regex.compile(r"[-‐]\p{Ll}+$")


@cache
def _group_pattern() -> regex.Pattern[str]:
    return regex.compile(rf"(?<![\p{{L}}\-])(?i:{alternation(group_phrases())})(?![\p{{L}}\-])")


@cache
def _group_pattern_lower() -> regex.Pattern[str]:
    return regex.compile(rf"\b{alternation(group_phrases())}\b(?!-)(?<!-\w*)")


@cache
def _group_first_words() -> tuple[str, ...]:
    return tuple(sorted({p.split()[0] for p in group_phrases()}))


def _group_candidates(lowered: str) -> list[int]:
    """Every offset where a common-noun group phrase could start, in order."""
    found: set[int] = set()
    for word in _group_first_words():
        i = lowered.find(word)
        while i >= 0:
            found.add(i)
            i = lowered.find(word, i + 1)
    return sorted(found)


def find_groups(st: State, sentences: list[tuple[int, int]]) -> None:
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
    # The pattern is tried only where a phrase's first word occurs (str.find runs in C).
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


def _owner(st: State, start: int, sent: tuple[int, int]) -> tuple[int, str | None, Entry | None]:
    """The nationality or name just before a group phrase: its start, ISO code, owner entry."""
    gaz, c = gazetteer(), cues()
    pw = _PREV_WORD.search(st.text, max(sent[0], start - 40), start)
    if pw is None or pw.group(1) in c.sets["never_names"]:
        return start, None, None
    word = pw.group(1)
    ent = lookup(gaz, word, False)
    if ent is not None and ent.source in {"demonym", "country", "capital"}:
        return pw.start(), ent.iso, None
    if ent is not None and ent.source == "org":
        return pw.start(), None, Entry("owner", ent.name, ent.kind, ent.iso)
    if (
        ent is None
        and word.lower() not in gaz.common
        and pw.start() != sent[0]
        and not _LOWER_TAIL.search(word)  # "C.I.A.-backed rebels" are not the C.I.A.
    ):
        # "the Assad regime", "Houthi forces": named for a leader or movement.
        return pw.start(), None, Entry("owner", word)
    return start, None, None


def _group(st: State, start: int, end: int, sent: tuple[int, int]) -> None:
    """One common-noun party, with the demonym, country or name that owns it."""
    text = st.text
    phrase = " ".join(text[start:end].lower().split())
    found = group_phrases().get(phrase)
    if found is None:
        return
    role = found.role
    start, iso, owner = _owner(st, start, sent)
    if phrase in {"government", "regime"} and iso is None:
        of = _OF_NAME.match(text, end, sent[1])
        ent = lookup(gazetteer(), of.group(1), False) if of is not None else None
        if of is not None and ent is not None and ent.source == "country":
            iso, end = ent.iso, of.end()
    if not (iso or owner) and phrase in {"government", "opposition", "regime"}:
        nxt = _LOWER_WORD.match(text, end, min(sent[1], end + 30))
        if nxt is not None and nxt.group(1) in cues().sets["modified_nouns"]:
            return  # "a government spokesman", "opposition parties": a modifier
    if role == "people":
        # "the Syrian people", "Turkish allies": only with a nationality.
        if iso is None:
            return
        if phrase in {"officials", "officers"}:
            role = "government"
    if role == "military":
        if iso is None and owner is None:
            return
        role = "government"
    if phrase in {"authorities", "troops", "forces", "army", "military"} and not (iso or owner):
        return
    it = Item(start, end, "group", owner, iso=iso, kind=found.kind, form="description", role=role)
    st.items.append(it)
