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
    "never_names",
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
def never_names() -> frozenset[str]:
    """Capitalised words that never make a name: the cue list, and the -s forms of verbs of
    speech that headlines capitalise after a name (``Israel Says``, ``Kabul Warns``)."""
    c = cues().sets
    name_words = c["igo_members"] | c["org_heads"] | c["org_suffixes"] | c["misc_heads"]
    said = {f.s.capitalize() for f in english().reporting_forms.values()} - name_words
    return c["never_names"] | said  # not "States", "Claims": words of names too


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


@cache
def _credit() -> regex.Pattern[str]:
    return regex.compile(r"(?i)\b\L<phrases>\b", phrases=cues().credit_phrases)


def credit_lines(text: str, sentences: list[tuple[int, int]]) -> set[int]:
    """Starts of the short lines crediting reporters (``X contributed to this report``),
    found with one search over the text."""
    found: set[int] = set()
    lowered = text.lower()
    if len(lowered) != len(text) or not any(p in lowered for p in cues().credit_phrases):
        return found  # most texts: settled by substring searches in C
    starts = [s for s, _ in sentences]
    for m in _credit().finditer(text):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and sentences[i][1] - sentences[i][0] <= 160:
            found.add(starts[i])
    return found


def said_after(text: str, pos: int, end: int) -> bool:
    """Whether a verb of speech follows ``pos`` (``Cook said``)."""
    return _said().match(text, pos, end) is not None


def _word_tail(tail: str) -> bool:
    """A lower-case English word after a hyphen (``-led``, ``-based``), not part of a name."""
    if not (tail.isalpha() and tail.islower()):
        return False
    return len(tail) >= 3 and (tail in gazetteer().common or tail.endswith(("ed", "ing")))


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
            if k > 0 and _word_tail(t[k + 1 :]):
                t = t[:k]  # "Moscow-brokered", but not "Lai Ching-te"
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
    if surface[:1].isupper() and _particle_start().match(surface):
        # "Al-Shabab" at the start of a sentence or title-cased: the name is "al-Shabab".
        return gaz.exact.get(surface[:1].lower() + surface[1:])
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


def _starts_hit(text: str, toks: list[tuple[int, int]], caps: bool) -> bool:
    """Whether the first words make a gazetteer name (``Muslim Brotherhood``, ``Arab League``)."""
    gaz = gazetteer()
    longest = gaz.first.get(text[toks[0][0] : toks[0][1]], 1)
    for n in range(min(longest, len(toks)), 1, -1):
        if lookup(gaz, " ".join(text[a:b] for a, b in toks[:n]), caps) is not None:
            return True
    return False


def _drop_leading(
    text: str, toks: list[tuple[int, int]], sent: tuple[int, int], caps: bool
) -> None:
    """Drop ordinary words that are capitalised only because they start the sentence."""
    gaz, c = gazetteer(), cues()
    conn, never = c.sets["connectors"], never_names()
    last = text[toks[-1][0] : toks[-1][1]] if toks else ""
    # "Foreign Ministry", "News Corp": a body's name keeps its first word, however common.
    body = len(toks) > 1 and (last in c.sets["org_suffixes"] or last in c.sets["org_heads"])
    while toks:
        a, b = toks[0]
        w = text[a:b]
        low = w.lower()
        starts_name = len(toks) > 1 and gaz.first.get(w, 0) > 1 and _starts_hit(text, toks, caps)
        if not starts_name and (
            w in never
            or low in conn
            or (low in c.sets["generic_people"] and _opening(text, a, sent[0]))
        ):
            toks.pop(0)
            continue
        if (
            (not body or w in _function_words())
            and _opening(text, a, sent[0])
            and (low in gaz.common or caps)
            and lookup(gaz, w, caps) is None
            and (w not in gaz.given or w in _function_words())  # "One" is a name, rarely
            and not (len(toks) > 1 and lookup(gaz, " ".join(text[a : toks[1][1]].split()), caps))
            and not (len(toks) == 1 and not caps and said_after(text, b, sent[1]))
            and not (len(toks) > 1 and w in c.sets["airline_heads"])  # "Air France"
        ):
            toks.pop(0)
            continue
        break
    while toks and text[toks[-1][0] : toks[-1][1]].lower() in conn:
        toks.pop()


@cache
def _particle_start() -> regex.Pattern[str]:
    return regex.compile(r"^\L<p>", regex.I, p=english().name_particles.joined)


@cache
def _function_words() -> frozenset[str]:
    """Capitalised function words (``The``, ``His``) that never sit inside a name."""
    en = english()
    words = {*en.determiners, *en.pronouns, *en.possessives, *en.prepositions, *en.coordinators}
    return frozenset(w.capitalize() for w in words) | frozenset(words)


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
        self.possessive = [text[b : b + 1] in {"'", "’"} for _a, b in toks]
        """Whether a possessive follows each word (``People's``)."""
        self.gaz = gazetteer()
        self.cues = cues()
        self.pieces: list[Item] = []
        self.unknown: list[tuple[int, int]] = []
        self.function = _function_words()
        self.surname_at = -1
        """Index of a word a name particle made part of a name, whatever the gazetteers say."""

    def flush(self) -> None:
        """Close the stretch of unknown words as one item."""
        if self.unknown:
            self.pieces.append(Item(self.unknown[0][0], self.unknown[-1][1], "unknown"))
            self.unknown.clear()

    def longest_hit(self, i: int) -> tuple[int, Entry] | None:
        """The longest gazetteer form starting at word ``i``: its end word and entry."""
        words, first = self.words, self.gaz.first
        longest = first.get(words[i]) or first.get(words[i].upper(), 0)
        if self.possessive[i]:
            longest = max(longest, first.get(self.raw(i), 0))
        for j in range(min(len(words), i + longest), i, -1):
            ent = lookup(self.gaz, " ".join(words[i:j]), self.caps)
            if ent is None and j - i > 1 and self.possessive[i : j - 1].count(True):
                # "People's Protection Units": a possessive inside a known name is part of it.
                inner = [self.raw(k) if self.possessive[k] else words[k] for k in range(i, j)]
                ent = lookup(self.gaz, " ".join(inner), self.caps)
            if ent is not None:
                return j, ent
        return None

    def raw(self, k: int) -> str:
        """Word ``k`` with the possessive that :func:`tokens` took off."""
        a, b = self.toks[k]
        return self.text[a:b] + self.text[b : b + 2].rstrip()

    def split(self) -> list[Item]:
        """The pieces of the run, in order."""
        i, n = 0, len(self.toks)
        conn, never = self.cues.sets["connectors"], never_names()
        while i < n:
            if i == self.surname_at:
                self.unknown.append(self.toks[i])  # "de Lima": a surname, though a town's
                i += 1
                continue
            hit = self.longest_hit(i)
            if hit is None:
                self.no_hit(i, conn, never)
                i += 1
                continue
            j, ent = hit
            word_like = ent.source == "title" or (ent.source == "demonym" and ent.iso is None)
            title_in_name = word_like and j == i + 1 and bool(self.unknown)
            if self.name_not_place(i, j, ent, conn) or (
                # "Hassan Sheikh Mohamud", "Hun Sen", "Mohammed Shia al-Sudani": English puts
                # titles before names, so a title (or a word like "Shia") after a name word,
                # inside or at the end of the run, is part of the name.
                title_in_name and (self.name_ends(j, conn) or self.inside_name(i))
            ):
                self.unknown.append(self.toks[i])
                i += 1
                continue
            self.add_hit(i, j, ent)
            i = j
        self.flush()
        return self.pieces

    def inside_name(self, i: int) -> bool:
        """A particle or capitalised word between a given name and more of the name
        (``Ursula von der Leyen``, ``Hassan Sheikh Mohamud``, ``Mohammed Shia al-Sudani``)."""
        if not self.unknown:
            return False
        separate = english().name_particles.separate
        j = i + 1
        while j < len(self.words) and self.words[j].lower() in separate:
            j += 1
        if j >= len(self.words):
            return False
        if self.words[i].lower() in separate and self.surname_word(self.words[j]):
            self.surname_at = j
            return True
        if not self.name_word(self.words[j]):
            return False
        first = self.text[self.unknown[0][0] : self.unknown[0][1]]
        return len(self.unknown) == 1 and first in self.gaz.given and self.words[i][:1].isupper()

    def name_ends(self, j: int, conn: frozenset[str]) -> bool:
        """Whether a name ends before word ``j`` (the run ends, or a connector follows)."""
        return j == len(self.words) or self.words[j].lower() in conn

    def surname_word(self, word: str) -> bool:
        """A capitalised word after a name particle: unknown, or a town's name (``de Lima``)."""
        if not word[:1].isupper():
            return False
        ent = lookup(self.gaz, word, self.caps)
        return ent is None or ent.source in {"place", "capital"}

    def name_word(self, word: str) -> bool:
        """A capitalised word (or ``al-`` and one) that no gazetteer knows."""
        bare = _particle_start().sub("", word)
        return bare[:1].isupper() and lookup(self.gaz, word, self.caps) is None

    def no_hit(self, i: int, conn: frozenset[str], never: frozenset[str]) -> None:
        tok, (a, b) = self.words[i], self.toks[i]
        if (tok in never or tok in conn) and self.inside_name(i) and tok not in self.function:
            self.unknown.append((a, b))
            return
        if tok in never or tok in conn:
            self.flush()
            self.pieces.append(Item(a, b, "conn" if tok in conn else "skip"))
            return
        self.unknown.append((a, b))
        if (
            self.text[b : b + 1] in {"'", "’"}
            and tok not in self.cues.sets["possessive_name_words"]
        ):
            # "Arsenal's Sol Campbell", "the Atlantic Council's Initiative": the possessive ends
            # a name, unless the word is one that names take in the possessive ("People's
            # Liberation Army", "Workers' Party").
            self.flush()

    def name_not_place(self, i: int, j: int, ent: Entry, conn: frozenset[str]) -> bool:
        """A one-word place hit that is part of a person's name (``Jordan Henderson``)."""
        if j != i + 1 or ent.source not in {"place", "capital", "country"}:
            return False
        gaz, caps = self.gaz, self.caps
        nxt = self.words[j] if j < len(self.words) else ""
        nxt_free = not nxt or (lookup(gaz, nxt, caps) is None and nxt not in never_names())
        if self.words[i] in gaz.given and nxt and nxt_free and nxt.lower() not in conn:
            return True  # "Vladimir Putin", "Jordan Henderson": a given name
        after_title = bool(self.pieces) and self.pieces[-1].label == "title" and not self.unknown
        if after_title and ent.source != "country" and nxt and self.name_word(nxt):
            return True  # "Governor Bello Matawalle": a name after a title
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
        if pos < end or (pos and lowered[pos - 1].isalpha()):
            continue  # inside a word ("chair" holds "air")
        hit = pattern.match(lowered, pos)
        if hit is None:
            continue
        end = hit.end()
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and end <= sentences[i][1]:
            _group(st, pos, end, sentences[i])


@cache
def _owner_pattern() -> regex.Pattern[str]:
    """One or two capitalised words (possessive allowed) and up to two state adjectives, at
    the end of the window before a group phrase (``Syria's transitional``, ``Hong Kong``)."""
    word = r"\p{Lu}[\p{L}\p{M}\p{N}.'’\-]*?"
    return regex.compile(
        rf"(?:(?P<w1>{word}){H}+)?(?P<w2>{word})(?:'s|’s)?{H}+(?:\L<adj>{H}+){{0,2}}$",
        adj=cues().state_adjectives,
    )


def _owner(st: State, start: int, sent: tuple[int, int]) -> tuple[int, str | None, Entry | None]:
    """The nationality or name just before a group phrase: its start, ISO code, owner entry
    (a country's name is an entry of its own, not part of the party's mention)."""
    gaz, never = gazetteer(), never_names()
    pw = _owner_pattern().search(st.text, max(sent[0], start - 60), start)
    if pw is None or pw.group("w2") in never:
        return start, None, None
    tries = [(pw.start("w2"), pw.group("w2"))]
    if pw.group("w1") and pw.group("w1") not in never:
        tries.insert(0, (pw.start("w1"), f"{pw.group('w1')} {pw.group('w2')}"))
    for at, words in tries:
        ent = lookup(gaz, words, False)
        if ent is not None and ent.source == "demonym":
            return at, ent.iso, None
        if ent is not None and ent.source in {"country", "capital"}:
            return at, ent.iso, ent
        if ent is not None and ent.source == "org":
            return at, None, Entry("owner", ent.name, ent.kind, ent.iso)
    at, word = tries[-1]
    after_the = st.text[max(0, at - 4) : at].lower() == "the "  # "the Trump administration"
    if (
        lookup(gaz, word, False) is None
        and (word.lower() not in gaz.common or after_the)
        and at != sent[0]
        and at + len(word) + 1 >= start - 1  # no adjective between a name and its party
        and not _LOWER_TAIL.search(word)  # "C.I.A.-backed rebels" are not the C.I.A.
    ):
        # "the Assad regime", "Houthi forces": named for a leader or movement.
        return at, None, Entry("owner", word)
    return start, None, None


def _of_country(text: str, end: int, sent: tuple[int, int]) -> tuple[str | None, int]:
    """``the government of Mali``: the country named after the phrase, and the new end."""
    of = _OF_NAME.match(text, end, sent[1])
    ent = lookup(gazetteer(), of.group(1), False) if of is not None else None
    if of is not None and ent is not None and ent.source == "country":
        return ent.iso, of.end()
    return None, end


def _party_role(phrase: str, role: str, iso: str | None, owned: bool) -> str | None:
    """The role a group phrase plays, or None when it names nobody in particular."""
    if role == "people":
        # "Iraqi officials" speak for their government; "the Syrian people", "Turkish allies"
        # name nobody in particular.
        return "government" if iso and phrase in {"officials", "officers"} else None
    if phrase in {"troops", "forces", "army", "military"} and not owned:
        return None
    if role == "military":
        return "government" if owned else None
    return role


_WORDS_BEFORE = regex.compile(r"(?:[\p{L}\-]+[ \t\u00a0]+){1,3}$")
_AGAINST = frozenset({"to", "from", "against", "toward", "towards"})


def _generic_use(text: str, start: int, end: int, phrase: str, sent: tuple[int, int]) -> bool:
    """A party noun used for what it is, not for a party: ``in opposition to``, ``met with
    opposition from``, ``a right-leaning government``, ``an inclusive government``."""
    m = _WORDS_BEFORE.search(text, max(sent[0], start - 40), start)
    before = m.group().lower().split() if m else []
    if phrase == "opposition":
        if not text[start:end].islower():
            return False  # "the Opposition": the party
        nxt = _LOWER_WORD.match(text, end, min(sent[1], end + 20))
        if nxt is not None and nxt.group(1) in _AGAINST:
            return True  # "in opposition to", "met with opposition from"
        return bool(before) and before[-1] in cues().sets["amount_words"]  # "any opposition"
    # "a ... government": one of a kind, not the one the article is about
    return any(w in {"a", "an"} for w in before) and all(w.islower() for w in before)


def _group(st: State, start: int, end: int, sent: tuple[int, int]) -> None:
    """One common-noun party, with the demonym, country or name that owns it."""
    text = st.text
    phrase = " ".join(text[start:end].lower().split())
    found = group_phrases().get(phrase)
    if found is None:
        return
    phrase_start = start
    start, iso, owner = _owner(st, start, sent)
    name_start = start
    named_place = owner is not None and owner.source in {"country", "capital"}
    if named_place:
        owner = None  # "China's foreign ministry": the country's own, as with "Chinese"
    if phrase in {"government", "regime"} and iso is None:
        iso, end = _of_country(text, end, sent)
    if not (iso or owner) and phrase in {"government", "opposition", "regime"}:
        nxt = _LOWER_WORD.match(text, end, min(sent[1], end + 30))
        if nxt is not None and nxt.group(1) in cues().sets["modified_nouns"]:
            return  # "a government spokesman", "opposition parties": a modifier
        if _generic_use(text, phrase_start, end, phrase, sent):
            return
    party_role = _party_role(phrase, found.role, iso, iso is not None or owner is not None)
    if party_role is None:
        return
    role = party_role
    if role == "body":
        # "Essex police", "China's foreign ministry": the place keeps its own mention.
        # a state's media are media (organization); its other bodies are government
        body_kind = "organization" if found.kind == "organization" else "government"
        body_start = phrase_start if named_place else start
        _body(st, body_start, name_start, end, iso, owner, sent, body_kind)
        return
    it = Item(start, end, "group", owner, iso=iso, kind=found.kind, form="description", role=role)
    it.name_start = name_start
    st.items.append(it)
    if iso is not None and owner is None:
        _coordinated(st, it, text[phrase_start:end], sent)


_AND_BEFORE = regex.compile(r"(\p{Lu}[\p{L}\p{M}.'’\-]*)[ \t]*(?:,[ \t]*|[ \t]+(?:and|or)[ \t]+)$")


def _coordinated(st: State, it: Item, phrase: str, sent: tuple[int, int]) -> None:
    """``Moroccan and Spanish authorities``: the first nationality has a party of its own."""
    m = _AND_BEFORE.search(st.text, max(sent[0], it.start - 40), it.start)
    ent = lookup(gazetteer(), m.group(1), False) if m is not None else None
    if m is None or ent is None or ent.source != "demonym" or ent.iso == it.iso:
        return
    other = Item(m.start(1), m.end(1), "group", iso=ent.iso, kind=it.kind, form="description")
    other.role, other.name = it.role, f"{m.group(1)} {' '.join(phrase.lower().split())}"
    st.items.append(other)


def _body(
    st: State,
    start: int,
    owner_start: int,
    end: int,
    iso: str | None,
    owner: Entry | None,
    sent: tuple[int, int],
    kind: str = "government",
) -> None:
    """A state body named by a common noun (``China's foreign ministry``, ``the police``,
    ``Syrian state television``): its own actor, named with its owner, mentioned by the noun."""
    nxt = _LOWER_WORD.match(st.text, end, min(sent[1], end + 30))
    if nxt is not None and nxt.group(1) in cues().sets["body_things"]:
        return  # "police station", "ministry website": a thing of the body, not the body
    if owner is not None and owner.kind not in {"", "government", "armed_group"}:
        return  # "the UN mission" belongs to a body of its own kind
    if iso is None and owner is None:
        return  # "in court", "the police": whose, the text must say
    it = Item(start, end, "group", owner, iso=iso or (owner.iso if owner else None))
    it.kind, it.form, it.role, it.name_start = kind, "description", "body", owner_start
    st.items.append(it)
