"""Built-in plugin: direct, partial and indirect quotes with their speakers and cues.

Direct quotes come from pairing quotation marks (:mod:`._quotemarks`), then looking for the
attribution next to them (``“…,” said X``, ``X said: “…”``, ``“…” — X``). Indirect quotes come
from reporting cues inside sentences (``X said (that) …``, ``…, X said.``, ``According to X, …``).
Speakers
are resolved to actors: names to the actor of that name (a surname to the full name), pronouns to
the last compatible speaker, descriptions to an actor with that title or a new one. Every word list
lives in ``data/cues.json``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, partial
from typing import Any

import regex

from ..draft import ActorDraft, Draft, Offsets
from ..extractor import Extractor
from ..hookspecs import hookimpl
from ..lexicon import load_json, load_tsv
from ._quotemarks import Passage, find_passages, uses_double_marks

_WS = r"[ \t\u00a0]"
_MARKS = "\"“”«»„‘’'"
_TRIM = " \t\r\n\u00a0,;:—–-"
_LEAD_WINDOW = 220
_TRAIL_WINDOW = 260


# -- rules ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rules:
    """Patterns built once from ``cues.json``."""

    speaker: regex.Pattern[str]
    name: regex.Pattern[str]
    lead: tuple[regex.Pattern[str], ...]
    trail: tuple[regex.Pattern[str], ...]
    subject_end: regex.Pattern[str]
    ing_lead: regex.Pattern[str]
    report_cues: frozenset[str]
    according_start: regex.Pattern[str]
    after_cue: regex.Pattern[str]
    after_object_cue: regex.Pattern[str]
    ing_split: regex.Pattern[str]
    ing_report: regex.Pattern[str]
    participles: frozenset[str]
    content_cut: regex.Pattern[str]
    subordinate: regex.Pattern[str]
    mid_after: regex.Pattern[str]
    name_before: regex.Pattern[str]
    bare_lead_verbs: frozenset[str]
    speech_forms: frozenset[str]
    strong: frozenset[str]
    direct_only: frozenset[str]
    act_verbs: frozenset[str]
    object_verbs: frozenset[str]
    belief: frozenset[str]
    speaker_nouns: frozenset[str]
    org_nouns: frozenset[str]
    org_name_words: frozenset[str]
    titles: frozenset[str]
    not_names: frozenset[str]
    adjunct_starts: frozenset[str]
    pronouns: dict[str, str]


def _cap_word(function_words: list[str]) -> str:
    particle = r"(?:(?:al|el|ad|ash|as|at|an|ar|az|bin|ibn|abu|abd|ben)-)?"
    # A capitalised function word ("The", "But") never starts or continues a name.
    stop = rf"(?!{_trie(function_words)}(?![\p{{L}}\-’']))"
    return rf"(?:{stop}{particle}\p{{Lu}}[\p{{L}}\p{{M}}’'\-]*\.?|\p{{Lu}}\.(?:\p{{Lu}}\.)*)"


def _trie(words: list[str], *, suffixes: bool = False) -> str:
    """A regex alternation of literal phrases factored as a prefix tree (fast to scan with).

    With ``suffixes`` the tree is built from the phrases' ends, for ``(?r)`` reverse patterns.
    """
    root: dict[str, Any] = {}
    for w in words:
        if not w:
            continue
        node = root
        for ch in reversed(w) if suffixes else w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = []
        for ch in sorted(k for k in node if k):
            piece = r"[ \t\u00a0]+" if ch == " " else regex.escape(ch)
            alts.append(build(node[ch]) + piece if suffixes else piece + build(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return f"(?:{build(root)})" if root else "(?!)"


def _pieces(data: dict[str, Any], trie: Callable[[list[str]], str]) -> dict[str, Any]:
    """Pattern pieces built with ``trie`` (prefix-factored, or suffix-factored for ``(?r)``)."""
    speech = [f for forms in data["speech_verbs"].values() for f in forms]
    belief = [f for forms in data["belief_verbs"].values() for f in forms]
    direct_only = frozenset(data["direct_only_verbs"])
    cue_all = trie(speech + belief + list(data["phrase_cues"]))
    speech_alt = trie(speech)
    aux = trie(data["auxiliaries"])
    objects = trie(data["objects"])
    adjuncts = f"(?i:{trie(data['adjunct_starts'])})"
    nouns = f"(?i:{trie(data['speaker_nouns'] + data['org_nouns'])})"
    calendar = {"January", "February", "March", "April", "May", "June", "July", "August"}
    cap = _cap_word([w for w in data["not_names"] if w not in calendar])
    particle = (
        r"(?:(?:de|del|della|der|den|di|da|dos|das|du|van|von|la|le|bin|ibn|al|el|abu|of|for|on)"
        + _WS
        + "+)?"
    )
    name = rf"{cap}(?:{_WS}+{particle}{cap}){{0,7}}"
    det = (
        r"(?:(?:[Tt]he|[Aa]n?|[Aa]nother|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Mm]any|"
        r"[Oo]ther|[Tt]his|[Tt]hat|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]ost|[Bb]oth)"
        + _WS
        + "+)?"
    )
    desc = rf"{det}(?:[\p{{L}}\p{{N}}.’'\-]+{_WS}+){{0,4}}?{nouns}(?![\p{{L}}\-])"
    pron = r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Ii]t)(?![\p{L}’'])"
    the_name = rf"(?:(?:[Tt]he){_WS}+)?{name}"
    desc_pp = (
        rf"{desc}{_WS}+(?:of|for|at|from|with|to){_WS}+(?:{the_name}|{desc}|"
        rf"(?:the{_WS}+)?[\p{{L}}.’'\-]+(?:{_WS}+[\p{{L}}.’'\-]+){{0,2}})"
    )
    lb = r"(?<![\p{L}\p{N}\p{M}’'\-])"  # phrases start at a word boundary, also in reverse
    spk = rf"(?P<spk>{lb}(?:{desc_pp}|(?:{desc}{_WS}+)?{the_name}|{desc}|{pron}))"
    # Any short noun phrase with a determiner, where a cue right next to it makes it a speaker.
    loose = (
        r"(?:[Tt]he|[Aa]n?|[Aa]nother|[Oo]ne|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)"
        rf"(?:{_WS}+[\p{{L}}\p{{N}}.’'\-]+){{1,5}}"
    )
    appos = rf"(?P<appos>,[^,;“”\"«»\n]{{1,120}},|{_WS}*\([^()\n]{{1,40}}\),?)?"
    cue_g = rf"(?P<cue>{cue_all})(?![\p{{L}}\-])"
    speech_g = rf"(?P<cue>{speech_alt})(?![\p{{L}}\-])"
    auxs = rf"(?:(?:{aux}|\p{{Ll}}+ly){_WS}+){{0,2}}"
    s = r"[ \t\u00a0\n]"
    ing_alt = trie([f for f in speech if f.endswith("ing")])
    return locals()


@cache
def _rules() -> _Rules:
    data: dict[str, Any] = load_json("cues.json")
    rv = _pieces(data, partial(_trie, suffixes=True))
    r_spk, r_appos, r_auxs, r_speech_g = rv["spk"], rv["appos"], rv["auxs"], rv["speech_g"]
    r_name, r_desc, r_objects, r_adjuncts = rv["name"], rv["desc"], rv["objects"], rv["adjuncts"]
    r_speech_alt, r_lb, r_cap = rv["speech_alt"], rv["lb"], rv["cap"]
    fw = _pieces(data, _trie)
    speech, belief, direct_only = fw["speech"], fw["belief"], fw["direct_only"]
    objects, adjuncts = fw["objects"], fw["adjuncts"]
    name, desc = fw["name"], fw["desc"]
    lb, spk, loose, appos = fw["lb"], fw["spk"], fw["loose"], fw["appos"]
    speech_g, auxs, s = fw["speech_g"], fw["auxs"], fw["s"]
    # Patterns anchored at the end of a window run in reverse (``(?r)``): the match is tried from
    # the end only, instead of from every start position of the window.
    lead = (
        # X said: / X, the Y of Z, told reporters on Monday:
        regex.compile(
            "(?r)" + rf"{r_spk}{r_appos}{s}+{r_auxs}{r_speech_g}"
            rf"(?:{s}+[^,:;“”\"«»\n]{{1,70}})?{s}*[,:]{s}*$"
        ),
        # X said “… (the quote is the verb's object)
        regex.compile(
            rf"(?r){r_spk}{r_appos}{s}+{r_auxs}{r_speech_g}(?:{s}+(?:{r_objects}|{r_name}))?{s}*$"
        ),
        # said X: “…
        regex.compile(
            rf"(?r)(?<![\p{{L}}])(?P<cue>{r_speech_alt}){s}+(?P<spk>{r_lb}(?:{r_name}|{r_desc})){r_appos}{s}*[,:]{s}*$"
        ),
        # According to X, “…
        regex.compile(
            rf"(?r)(?<![\p{{L}}])(?P<cue>[Aa]ccording to){s}+(?P<spk>{r_lb}(?:{r_name}|{r_desc}))"
            rf"{r_appos}{s}*,{s}*$"
        ),
        # X: “…
        regex.compile(
            rf"(?r)(?:^|(?<=[.!?]{s}))(?P<spk>{r_lb}(?:{r_name}|{r_desc})){s}*(?P<cue>:){s}*$"
        ),
        # …, saying: “… (the speaker is the sentence's subject)
        regex.compile(
            rf"(?r)(?:,|—|–|(?<![\p{{L}}])(?:and|but|then|to|after|upon|while|before|by|when))"
            rf"{s}*(?P<cue>{r_speech_alt})"
            rf"(?:{s}+(?:{r_objects}|{r_name}))?(?=[^,:]{{0,80}}[,:]{s}*$)"
            rf"(?:{s}+{r_adjuncts}(?![\p{{L}}])[^,:;“”\"«»\n]{{0,60}})?{s}*[,:]?{s}*$"
        ),
    )
    trail = (
        # ” said X / ,” says a senior official
        regex.compile(
            rf"^[\s,]*(?:[—–―-]+{s}*)?{speech_g}{s}+(?:{spk}|(?P<spk_l>{loose})(?=[,.;]))"
        ),
        # ,” he said / ,” X, the Y of Z, said
        regex.compile(rf"^[\s,]*{spk}{appos}{s}+{auxs}{speech_g}(?![\p{{L}}])"),
        # ,” the gambling tycoon told
        regex.compile(rf"^[\s,]*(?P<spk>{loose}){appos}{s}+{auxs}{speech_g}(?![\p{{L}}])"),
        # ,” according to X
        regex.compile(rf"^[\s,]*(?P<cue>according to){s}+(?P<spk>{lb}(?:{name}|{desc}))"),
        # ” — X
        regex.compile(rf"^[\s,.]*(?P<cue>[—–―]|--){s}*(?P<spk>{name})"),
    )
    subject_end = regex.compile(rf"(?r){r_spk}{r_appos}{s}+{r_auxs}$")
    ing_lead = regex.compile(
        rf"(?r)(?:,|(?<![\p{{L}}])(?:and|but|then|after|upon|while|before|by|when))"
        rf"{s}*(?P<cue>{_trie(data['participle_cues'], suffixes=True)}){s}*$"
    )
    according_start = regex.compile(
        rf"(?:[^,;]{{0,40}},{s}*)?(?P<cue>[Aa]ccording to){s}+(?P<spk>[^,;“”\"«»]{{2,100}}?),{s}+"
    )
    after_cue = regex.compile(
        rf"(?:{s}+{adjuncts}(?![\p{{L}}])[^,;:.“”\"«»\n]{{0,60}}?)?{s}*,?{s}*(?P<that>that)(?![\p{{L}}])"
        rf"|{s}+(?P<clause>(?:(?=at{s}+(?:least|most){s})|(?!{adjuncts}(?![\p{{L}}])))"
        rf"(?!(?:to|of|for|with|about|so|yes|no|nothing|"
        rf"something|anything|little|much|goodbye|hello|so)(?![\p{{L}}]))[\p{{L}}\p{{N}}“\"])"
    )
    after_object_cue = regex.compile(
        rf"{s}+[^,;:.\n]{{1,80}}?{s}(?P<that>that)(?![\p{{L}}])|"
        rf"{s}+(?:{objects}|{name}|(?:the|a|an|his|her|their|its)(?:{s}+[\p{{L}}\-’']+){{1,3}}?)"
        rf"(?:{s}+{adjuncts}(?![\p{{L}}])[^,;:.“”\"«»\n]{{0,60}}?)?{s}*,?{s}+(?:(?P<that>that)(?![\p{{L}}])|"
        rf"(?P<clause>(?!{adjuncts}(?![\p{{L}}]))(?!(?:to|of|for|with|about|and|or|but)(?![\p{{L}}]))"
        rf"[\p{{L}}\p{{N}}“\"]))"
    )
    content_cut = regex.compile(
        rf",{s}+(?:which|who|whom|whose|and|but|while|whereas|although|though|even as|as well as)"
        rf"(?![\p{{L}}])|{s}+[—–]{s}+|;"
        rf"|(?<=[”\"]){s}*,?{s}+(?:he|she|they|it|we|I){s}+\p{{Ll}}+"
    )
    subordinate = regex.compile(
        r"(?:While|Although|Though|Because|As|If|When|Whereas|Since|After|Before|Even though|"
        r"Even as|Even if|Unless)(?![\p{L}])"
    )
    mid_after = regex.compile(rf"(?:{s}+{adjuncts}(?![\p{{L}}])[^,;:.“”\"«»\n]{{0,40}}?)?{s}*,{s}+")
    ing_split = regex.compile(
        rf",{s}+(?P<cue>(?:adding|noting|saying|arguing|explaining|insisting|warning|claiming|"
        rf"stressing|suggesting|acknowledging|asserting)){s}+(?:(?P<that>that){s}+)?"
    )
    ing_report = regex.compile(rf"{s}+(?:(?P<that>that){s}+)?(?=[\p{{L}}\p{{N}}“\"])")
    name_before = regex.compile(rf"(?r)(?:{r_cap}{_WS}+){{1,3}}$")
    # Verbs that take a marked quote as their object with no comma ("X said “…"), by lemma.
    bare = {f for k in data["bare_lead_lemmas"] for f in data["speech_verbs"].get(k, [])}
    return _Rules(
        speaker=regex.compile(rf"(?<![\p{{L}}]){spk}"),
        name=regex.compile(name),
        lead=lead,
        trail=trail,
        subject_end=subject_end,
        ing_lead=ing_lead,
        report_cues=frozenset(speech + belief + list(data["phrase_cues"])),
        according_start=according_start,
        after_cue=after_cue,
        after_object_cue=after_object_cue,
        ing_split=ing_split,
        ing_report=ing_report,
        participles=frozenset(data["participle_cues"]),
        content_cut=content_cut,
        subordinate=subordinate,
        mid_after=mid_after,
        name_before=name_before,
        bare_lead_verbs=frozenset(bare),
        speech_forms=frozenset(w for f in speech for w in f.split()[:1]),
        strong=frozenset(data["strong_verbs"]),
        direct_only=direct_only,
        act_verbs=frozenset(data["act_verbs"]) - frozenset(["warn", "warns", "warned"]),
        object_verbs=frozenset(data["object_verbs"]),
        belief=frozenset(belief),
        speaker_nouns=frozenset(w.lower() for w in data["speaker_nouns"]),
        org_nouns=frozenset(w.lower() for w in data["org_nouns"]),
        org_name_words=frozenset(data["org_name_words"]),
        titles=frozenset(data["titles"]),
        not_names=frozenset(data["not_names"]),
        adjunct_starts=frozenset(w.lower() for w in data["adjunct_starts"]),
        pronouns=dict(data["pronouns"]),
    )


@cache
def _given_names() -> dict[str, str]:
    """Given name -> gender from the actors' gazetteer, when it is installed."""
    try:
        rows = load_tsv("given_names.tsv")
    except (FileNotFoundError, OSError):
        return {}
    return {r[0]: r[1] for r in rows[1:] if len(r) >= 2 and r[1] in ("m", "f")}


# -- working records ------------------------------------------------------------------------------


@dataclass
class _Attribution:
    """A speaker mention and its cue, before resolution."""

    speaker: Offsets | None
    cue: Offsets | None
    confidence: float


@dataclass
class _Candidate:
    """A quote found by some rule, resolved and added to the draft in text order."""

    kind: str
    segments: list[Offsets]
    attribution: _Attribution | None
    confidence: float
    paragraph: int
    inherit: bool = False
    """Unattributed quote paragraph: take the speaker of the previous paragraph's quote."""
    speaker_id: str | None = None
    mention: Offsets | None = None
    cue: Offsets | None = None

    @property
    def start(self) -> int:
        return self.segments[0][0]


@dataclass
class _Group:
    """Quoted passages that form one direct or partial quote."""

    passages: list[Passage]
    paragraph: int
    attribution: _Attribution | None = None
    direct: bool = True
    lead_start: int = 0
    lead_attributed: bool = False
    trail_attributed: bool = False
    trail_end: int = 0
    extra: list[Passage] = field(default_factory=list)


# -- helpers --------------------------------------------------------------------------------------


def _strip_span(text: str, s: int, e: int, chars: str = _TRIM) -> Offsets:
    while s < e and text[s] in chars:
        s += 1
    while e > s and text[e - 1] in chars:
        e -= 1
    return s, e


#: How far after a cue an adjunct and its comma may run ("said on Monday in Geneva, …").
_MID_WINDOW = 400


def _clause_end(text: str, s: int, e: int) -> int:
    """End of a reported clause: the sentence end minus final punctuation and closing marks."""
    while e > s and text[e - 1] in ' \t\r\n\u00a0.!?;:,”"’»)':
        # Keep a closing mark that closes a quoted fragment inside the clause.
        if text[e - 1] in '”"’»' and _has_opener(text, s, e - 1):
            break
        e -= 1
    return e


def _has_opener(text: str, s: int, e: int) -> bool:
    seg = text[s:e]
    return "“" in seg or seg.count('"') % 2 == 1 or "«" in seg or "‘" in seg


def _words(text: str, s: int, e: int) -> int:
    return len(text[s:e].split())


class _Index:
    """Lookups over actors (from the actors extractor and the ones created here)."""

    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        self.spans: list[tuple[int, int, ActorDraft]] = []
        self.by_name: dict[str, ActorDraft] = {}
        self.by_last: dict[str, ActorDraft] = {}
        for a in draft.actors:
            self._learn(a)
        self.spans.sort(key=lambda t: t[0])
        self.starts = [t[0] for t in self.spans]
        # Titles lists repeat a title once per mention, and "the minister" is looked up once per
        # description: both lookups are indexed so a long article stays linear.
        self._titles: dict[str, tuple[ActorDraft, int, frozenset[str]]] = {}
        self._by_title_head: dict[str, ActorDraft] = {}
        self._head_done: list[ActorDraft] = []

    def titles_lower(self, a: ActorDraft) -> frozenset[str]:
        """The distinct lower-cased titles of an actor (recomputed when its list grows)."""
        got = self._titles.get(a.id)
        if got is None or got[0] is not a or got[1] != len(a.titles):
            got = (a, len(a.titles), frozenset(t.lower() for t in a.titles))
            self._titles[a.id] = got
        return got[2]

    def person_titled(self, head: str) -> ActorDraft | None:
        """The first person in ``draft.actors`` with a title whose last word is ``head``."""
        actors = self.draft.actors
        done = self._head_done
        if len(actors) < len(done) or (done and actors[len(done) - 1] is not done[-1]):
            self._by_title_head, done = {}, []  # the list changed under us: start again
            self._head_done = done
        for a in actors[len(done) :]:
            done.append(a)
            if a.kind == "person":
                for t in self.titles_lower(a):
                    words = t.split()
                    if words:
                        self._by_title_head.setdefault(words[-1], a)
        return self._by_title_head.get(head)

    def _learn(self, a: ActorDraft) -> None:
        for s, e, _ in a.mentions:
            self.spans.append((s, e, a))
        key = a.name.casefold()
        self.by_name.setdefault(key, a)
        if a.kind == "person":
            toks = a.name.split()
            if toks:
                self.by_last.setdefault(_norm_last(toks[-1]), a)

    def add(self, a: ActorDraft) -> None:
        """Index an actor created after construction (its mentions are inserted in order)."""
        key = a.name.casefold()
        self.by_name.setdefault(key, a)
        if a.kind == "person" and a.name.split():
            self.by_last.setdefault(_norm_last(a.name.split()[-1]), a)
        for s, e, _ in a.mentions:
            i = bisect_right(self.starts, s)
            self.starts.insert(i, s)
            self.spans.insert(i, (s, e, a))

    def at(self, s: int, e: int) -> ActorDraft | None:
        i = bisect_right(self.starts, e) - 1
        best: ActorDraft | None = None
        best_len = -1
        k = i
        while k >= 0 and k > i - 40:
            ms, me, a = self.spans[k]
            if ms < e and s < me and me - ms > best_len:
                best, best_len = a, me - ms
            k -= 1
        return best


def _norm_last(tok: str) -> str:
    t = tok.casefold().strip(".,’'")
    for p in ("al-", "el-", "ad-", "as-", "ash-"):
        if t.startswith(p):
            t = t[len(p) :]
    return t


# -- the extractor --------------------------------------------------------------------------------


class _Finder:
    """One article's quote finding: holds the text, rules and speaker memory."""

    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        self.text = draft.text
        self.r = _rules()
        self.index = _Index(draft)
        self.para_starts = [s for s, _ in draft.paragraphs]
        self.sent_starts = [s for s, _ in draft.sentences]
        self.candidates: list[_Candidate] = []
        self.cues = _find_cues(self.text)
        self.cue_starts = [c[0] for c in self.cues]
        self.aux_words = _aux_words()
        self.subject_cache: dict[tuple[int, int], Any] = {}
        self.quoted: list[Offsets] = []
        self.quoted_starts: list[int] = []
        self.direct_spans: list[Offsets] = []
        self.partial_passages: list[Passage] = []
        self._fragments: tuple[int, list[int], list[int]] | None = None

    # -- positions

    def para_index(self, pos: int) -> int:
        return max(0, bisect_right(self.para_starts, pos) - 1)

    def sentence(self, pos: int) -> Offsets:
        i = bisect_right(self.sent_starts, pos) - 1
        if i >= 0 and pos < self.draft.sentences[i][1]:
            return self.draft.sentences[i]
        p = (
            self.draft.paragraphs[self.para_index(pos)]
            if self.draft.paragraphs
            else (0, len(self.text))
        )
        return p

    # -- direct and partial quotes

    def run_marks(self) -> None:
        text = self.text
        paras = self.draft.paragraphs
        if not paras:
            return
        single = not uses_double_marks(text)
        passages = find_passages(text, paras, single=single)
        groups = self._group(passages)
        prev: _Group | None = None
        for g in groups:
            self._classify(g, prev)
            prev = g

    def _group(self, passages: list[Passage]) -> list[_Group]:
        text = self.text
        groups: list[_Group] = []
        for p in passages:
            pi = self.para_index(p.open)
            if groups:
                g = groups[-1]
                last = g.passages[-1]
                between = text[last.close : p.open]
                same_para = g.paragraph == pi or self.para_index(last.close - 1) == pi
                if p.continues and not last.closed:
                    g.passages.append(p)
                    continue
                opens_clause = self._opens_clause(g.passages[0].open)
                if same_para and opens_clause and not between.strip() and "\n" not in between:
                    g.passages.append(p)  # glued passages: …”“…
                    continue
                if same_para and opens_clause and self._interruption(between):
                    g.passages.append(p)
                    continue
            groups.append(_Group([p], pi))
        return groups

    def _opens_clause(self, pos: int) -> bool:
        """Whether a mark at ``pos`` starts its sentence or follows ``:``/``,``/a dash."""
        ss, _ = self.sentence(pos)
        lead = self.text[max(ss, pos - _LEAD_WINDOW) : pos].rstrip()
        return not lead or lead[-1] in ":,—–-(" or self._introduced(lead)

    def _interruption(self, between: str) -> bool:
        """Whether text between two passages is only an attribution (``, he said,``)."""
        if len(between) > _TRAIL_WINDOW or "\n" in between:
            return False
        toks = {t.strip(_PUNCT) for t in between.split()}
        if not (toks & self.r.speech_forms or "according" in toks):
            return False  # every attribution pattern needs a reporting word
        for pat in self.r.trail[:4]:
            m = pat.match(between)
            if m is not None:
                rest = between[m.end() :]
                if len(rest) <= 200 and not _NEW_SENTENCE_LOWER.search(rest):
                    return rest.strip()[-1:] in ("", ",", ".", ":", ";", "—") or rest.strip() == ""
        return False

    def _classify(self, g: _Group, prev: _Group | None) -> None:
        text = self.text
        first, last = g.passages[0], g.passages[-1]
        ss, _ = self.sentence(first.open)
        lead_start = ss
        if (
            prev is not None
            and prev.passages[-1].close > ss
            and prev.passages[-1].close <= first.open
        ):
            lead_start = prev.passages[-1].close
        lead = text[max(lead_start, first.open - _LEAD_WINDOW) : first.open]
        lead_off = max(lead_start, first.open - _LEAD_WINDOW)
        g.lead_start = lead_start
        stripped = lead.strip(" \t\r\n\u00a0")
        attribution: _Attribution | None = None
        direct = False
        intro = self._colon_intro(first.open) if not stripped else None
        if intro is not None:
            lead_off = intro[0]
            lead = text[intro[0] : intro[1]]
            stripped = lead.strip()
        cue_near = self._introduced(lead)
        if not stripped or stripped in ("(", "[", "—", "–", "-", "--"):
            direct = True
        elif not cue_near and not stripped.endswith(":"):
            pass  # no reporting word before the mark: not an introduced quote
        else:
            ending = stripped[-1]
            for k, pat in enumerate(self.r.lead):
                # Patterns 0, 2 and 3 need the lead to end with "," or ":", 1 without, 4 ":".
                if (
                    (k in (0, 2, 3) and ending not in ",:")
                    or (k == 1 and ending in ",:")
                    or (k == 4 and ending != ":")
                ):
                    continue
                m = pat.search(lead)
                if m is None:
                    continue
                cue = m.group("cue")
                if k == 1 and cue not in self.r.bare_lead_verbs:
                    continue
                if k in (0, 1) and not self._good_speaker(*self._spk(m, off=lead_off)):
                    continue
                if k == 0 and _clause_gap(lead[m.end("cue") :]):
                    continue  # "X said it is naive to think that, …": a report, not an intro
                direct = True
                cue_span = (lead_off + m.start("cue"), lead_off + m.end("cue"))
                if "spk" in m.groupdict():
                    spk_span: Offsets | None = self._spk(m, off=lead_off)
                else:
                    spk_span = self._subject(lead_start, cue_span[0])
                attribution = _Attribution(spk_span, cue_span, 0.9 if k < 5 else 0.6)
                g.lead_attributed = True
                break
            if not direct and ending not in ",:":
                m = self.r.ing_lead.search(lead)
                body = text[first.content_start : last.content_end].strip()
                if m is not None and body[:1].isupper() and body[-1:] in ".!?,":
                    # "…, saying “We will stay.”": a whole quoted sentence after a participle is
                    # the sentence subject's direct quote.
                    direct = True
                    cue_span = (lead_off + m.start("cue"), lead_off + m.end("cue"))
                    spk_span = self._subject(lead_start, cue_span[0])
                    attribution = _Attribution(spk_span, cue_span, 0.6)
                    g.lead_attributed = True
            if not direct and stripped.endswith(":"):
                direct = True
                if intro is not None:
                    colon = lead_off + lead.rindex(":")
                    comma = text.rfind(",", lead_off, colon)
                    spk = self._subject(comma + 1 if comma > 0 else lead_off, colon)
                    if spk is not None:
                        attribution = _Attribution(spk, None, 0.6)
                        g.lead_attributed = True
        # Trailing attribution after the last closing mark.
        _, se = self.sentence(max(last.close - 1, last.open))
        if last.close >= se:
            se = min(len(text), last.close + _TRAIL_WINDOW)
            nl = text.find("\n", last.close, se)
            if nl >= 0:
                se = nl
        after = text[last.close : min(se, last.close + _TRAIL_WINDOW)]
        trail = None
        for p, q in zip(g.passages, g.passages[1:], strict=False):
            if q.open - p.close > 1:
                trail = self._trail(text[p.close : q.open], p.close)
                if trail is not None:
                    break
        if trail is None:
            trail = self._trail(after, last.close)
            if trail is not None and trail.cue is not None:
                # "… now.” He added, “…": the attribution introduces the next quote instead.
                rest = text[trail.cue[1] : trail.cue[1] + 40].lstrip(" \t,:")
                content = text[last.content_start : last.content_end].rstrip()
                if rest[:1] in '“"«' and not content.endswith(","):
                    trail = None
        embedded = False
        content_s, content_e = last.content_start, last.content_end
        ends_with_punct = text[content_s:content_e].rstrip()[-1:] in (".", ",", "!", "?", "…", "—")
        if trail is not None:
            g.trail_attributed = True
            if attribution is None:
                attribution = trail
        if direct and trail is None and not g.lead_attributed:
            # Sentence-initial quote: a title or name used as a noun ("“X” is a film") is not one.
            rest = after.strip(" \t\u00a0")
            lower_next = bool(rest) and rest[0].isalpha() and rest[0].islower()
            short = _words(text, first.content_start, last.content_end) < 4
            body = text[first.content_start : last.content_end]
            if not ends_with_punct and (lower_next or short):
                direct = False
            elif body.isupper() and not g.trail_attributed:
                direct = False  # a quoted headline or slogan in capitals
        elif direct and trail is None and not ends_with_punct:
            # "X said “not yet” to the plan": the words after the mark go on with the sentence,
            # so the quoted words are a fragment of a report, not the quote itself.
            rest = after.lstrip(" \t\u00a0")
            if rest[:1].isalpha() and rest[:1].islower():
                direct = False
                # A quoted title or name ("told CBS's “Face the Nation” that") reports nothing.
                embedded = not _title_like(text[first.content_start : last.content_end])
        g.attribution = attribution
        g.direct = direct
        segments = [(p.content_start, p.content_end) for p in g.passages]
        segments = [_strip_span(text, s, e, " \t\r\n\u00a0") for s, e in segments]
        segments = [x for x in segments if x[0] < x[1]]
        if not segments:
            return
        pi = g.paragraph
        if direct:
            conf = 0.9 if attribution is not None else 0.6
            if not all(p.closed or p is not last for p in g.passages):
                conf -= 0.2
            inherit = attribution is None and self._whole_paragraph(g)
            self.candidates.append(
                _Candidate("direct", segments, attribution, conf, pi, inherit=inherit)
            )
            self.direct_spans.extend(segments)
            return
        # Mid-sentence quoted words: a partial quote when a reporting cue governs them.
        if attribution is not None and (trail is not None or embedded):
            s0 = first.open if embedded else self._clause_start(lead_start, first.open)
            e0 = _clause_end(text, first.open, se if embedded else last.close)
            if s0 < e0:
                self.candidates.append(_Candidate("partial", [(s0, e0)], attribution, 0.75, pi))
                self.direct_spans.append((s0, e0))
                return
        self.partial_passages.extend(g.passages)

    def _spk(self, m: Any, group: str = "spk", off: int = 0) -> Offsets:
        """The speaker span of a match; a name in apposition beats a description."""
        s, e = off + m.start(group), off + m.end(group)
        if group == "spk" and (m.groupdict().get("appos") or "").startswith(","):
            head = self.text[s:e]
            if head[:1].islower() or head.split()[0] in ("The", "A", "An"):
                a0, a1 = m.span("appos")
                inner = _strip_span(self.text, off + a0 + 1, off + a1 - 1)
                n = self.r.name.fullmatch(self.text, *inner)
                if n is not None and self._good_speaker(*n.span()):
                    return n.span()
        return s, e

    def _bare_subject(self, w0: int, cue: int) -> Offsets | None:
        """Words right before a cue that no speaker rule knows ("Nearly half said"), if any."""
        text = self.text
        start = max(w0, cue - 60)
        for ch in ',;:(—“”"':
            k = text.rfind(ch, start, cue)
            if k >= 0:
                start = k + 1
        s, e = _strip_span(text, start, cue, _TRIM + _MARKS)
        words = text[s:e].split()
        if not words or words[-1].lower() in _word_set("not_subject_end"):
            return None
        keep = words[-3:]
        s = text.rindex(keep[0], s, e)
        return s, e

    def _introduced(self, lead: str) -> bool:
        """Cheap test: the text before a mark ends like an introduction (``said,``, ``told X``)."""
        tail = lead[-60:].rstrip()
        if tail.endswith((",", ":", "—", "–")):
            return True
        toks = [t.strip(_PUNCT) for t in tail.split()[-3:]]
        return any(t in self.r.speech_forms for t in toks)

    def _subject_like(self, w0: int, cue: int) -> bool:
        """Cheap test: the word before a cue (past auxiliaries) could end a speaker phrase."""
        toks = self.text[max(w0, cue - 70) : cue].split()
        k = 0
        while toks and toks[-1].lower() in self.aux_words and k < 2:
            toks.pop()
            k += 1
        if not toks:
            return False
        t = toks[-1]
        if t[-1] in ",)":
            return True
        if t.endswith(("’s", "'s", "s’", "s'")):
            return False  # a possessive: the cue is a noun ("France's forecast")
        t = t.strip(_PUNCT)
        if not t:
            return False
        low = t.lower()
        return (
            t[0].isupper()
            or low in self.r.pronouns
            or low in self.r.speaker_nouns
            or low in self.r.org_nouns
        )

    def _colon_intro(self, pos: int) -> Offsets | None:
        """The previous paragraph's last sentence when it ends with a colon introducing ``pos``."""
        pi = self.para_index(pos)
        if pi == 0 or not self.draft.paragraphs:
            return None
        ps = self.draft.paragraphs[pi][0]
        if self.text[ps:pos].strip() or pos < ps:
            return None
        qs, qe = self.draft.paragraphs[pi - 1]
        if self.text[qe - 1 : qe] != ":":
            return None
        ss, _ = self.sentence(qe - 1)
        return max(ss, qs, qe - _LEAD_WINDOW), qe

    def _subject(self, start: int, end: int) -> Offsets | None:
        """The first plausible speaker in ``[start, end)``: the subject of the sentence."""
        for m in self.r.speaker.finditer(self.text, start, min(end, start + 160)):
            if self._good_speaker(*m.span("spk")):
                return m.span("spk")
        return None

    def _clause_start(self, lead_start: int, open_pos: int) -> int:
        s, _ = _strip_span(self.text, lead_start, open_pos)
        return s if s < open_pos else open_pos

    def _whole_paragraph(self, g: _Group) -> bool:
        if not self.draft.paragraphs:
            return False
        ps, pe = self.draft.paragraphs[g.paragraph]
        first, last = g.passages[0], g.passages[-1]
        return not self.text[ps : first.open].strip() and not self.text[last.close : pe].strip(
            " \t\r\n\u00a0.,"
        )

    def _trail(self, after: str, off: int) -> _Attribution | None:
        head = after[:200].lstrip(" \t,.")
        if not head.startswith(("—", "–", "―", "--")):
            toks = {t.strip(_PUNCT) for t in head.split()}
            if not (toks & self.r.speech_forms or "according" in toks):
                return None  # no reporting word right after the mark
        for k, pat in enumerate(self.r.trail):
            m = pat.match(after)
            if m is None:
                continue
            if m.groupdict().get("spk_l"):
                s, e = off + m.start("spk_l"), off + m.end("spk_l")
            else:
                s, e = self._spk(m, off=off)
            if not self._good_speaker(s, e):
                continue
            return _Attribution(
                (s, e), (off + m.start("cue"), off + m.end("cue")), 0.9 if k < 4 else 0.7
            )
        return None

    def _good_speaker(self, s: int, e: int) -> bool:
        """Reject speaker matches that are function words or titles only."""
        words = self.text[s:e].split()
        if not words:
            return False
        if len(words) == 1 and words[0].lower() in self.r.pronouns:
            return True
        return any(w.strip(".,") not in self.r.not_names for w in words)

    # -- indirect quotes

    def run_transcript(self) -> None:
        """Interview transcripts: a paragraph opening with an upper-case label (``SMITH: …``)."""
        text = self.text
        direct = sorted(self.direct_spans)
        dstarts = [s for s, _ in direct]
        for pi, (ps, pe) in enumerate(self.draft.paragraphs):
            m = _TRANSCRIPT_LABEL.match(text, ps, min(pe, ps + 60))
            if m is None or m.end() >= pe or text[m.end()] in _MARKS:
                continue
            cs, ce = _strip_span(text, m.end(), pe)
            if _words(text, cs, ce) < 3 or self._overlaps_direct(cs, ce, direct, dstarts):
                continue
            att = _Attribution(m.span("spk"), None, 0.7)
            self.candidates.append(_Candidate("direct", [(cs, ce)], att, 0.7, pi))
            self.direct_spans.append((cs, ce))

    def run_indirect(self) -> None:
        direct = sorted(self.direct_spans)
        dstarts = [s for s, _ in direct]
        by_sentence: dict[int, list[tuple[int, int, str]]] = {}
        for cue in self.cues:
            if self._overlaps_direct(cue[0], cue[1], direct, dstarts):
                continue  # a reporting word inside quoted speech reports nothing here
            i = bisect_right(self.sent_starts, cue[0]) - 1
            if i >= 0 and cue[1] <= self.draft.sentences[i][1]:
                by_sentence.setdefault(i, []).append(cue)
        for i, cues in sorted(by_sentence.items()):
            ss, se = self.draft.sentences[i]
            if se - ss >= 12:
                self._sentence_indirect(ss, se, direct, dstarts, cues)

    def _overlaps_direct(self, s: int, e: int, direct: list[Offsets], dstarts: list[int]) -> bool:
        i = bisect_right(dstarts, e) - 1
        k = i
        while k >= 0 and k > i - 8:
            ds, de = direct[k]
            if ds < e and s < de:
                return True
            k -= 1
        return False

    def _sentence_indirect(
        self,
        ss: int,
        se: int,
        direct: list[Offsets],
        dstarts: list[int],
        cues: list[tuple[int, int, str]],
    ) -> None:
        text = self.text
        r = self.r
        pi = self.para_index(ss)
        found = False
        # According to X, clause.
        m = None
        if any(c[2] == "According to" or c[2] == "according to" for c in cues):
            m = r.according_start.match(text, ss, se)
        if m is not None:
            cs, ce = m.end(), _clause_end(text, m.end(), se)
            if _words(text, cs, ce) >= 3 and not self._overlaps_direct(cs, ce, direct, dstarts):
                att = _Attribution(m.span("spk"), m.span("cue"), 0.8)
                self._add_indirect(cs, ce, att, pi)
                return
        # Clause, X said.
        tail_from = max(ss, se - 320)
        end = _clause_end(text, ss, se)
        late = [c for c in cues if se - c[1] <= 160 and c[2].lower() in r.report_cues]
        if late:
            tail_from = max(tail_from, late[-1][0] - 130)
            comma = text.rfind(",", tail_from, late[-1][0])
        else:
            comma = -1
        tries = 0
        while comma > ss and tries < 6 and not found:
            tries += 1
            nxt = next((c for c in late if c[0] > comma), late[-1])
            fm = self._front_match(comma, nxt, end)
            if fm is not None:
                spk, cue, attr_end = fm
                tail = text[attr_end:end]
                cs, ce = ss, comma
                while cs < ce and text[cs] in _MARKS + " ":
                    cs += 1
                clause_tail = _clause_tail(tail)
                inverted = spk[0] > cue[0]
                if inverted and tail.strip() and not tail.lstrip().startswith(","):
                    # ", said X were killed": X is no speaker but the start of a new clause,
                    # unless an adjunct follows (", said X on Monday").
                    words = tail.split()
                    if words[0].lower().strip(_PUNCT) not in r.adjunct_starts or len(words) > 6:
                        fm = None
            if fm is not None and (
                (len(tail) <= 140 or clause_tail)
                and not any(ch in tail for ch in '“”"«»;')
                and self._good_speaker(*spk)
                and (clause_tail or _tail_ok(tail, r.adjunct_starts))
                and _words(text, cs, ce) >= 1 + 2 * (not clause_tail)
                and not self._overlaps_direct(cs, ce, direct, dstarts)
            ):
                att = _Attribution(spk, cue, 0.75)
                if clause_tail:
                    # "The museum, X said, would make …": the report surrounds the attribution.
                    rest = _strip_span(text, attr_end, end, _TRIM + _MARKS)
                    self._add_indirect(rest[0], rest[1], att, pi, (cs, ce))
                else:
                    self._add_indirect(cs, ce, att, pi)
                found = True
            comma = text.rfind(",", tail_from, comma)
        if found:
            return
        # X said (that) clause.
        for cs0, ce0, cue_word in cues:
            act = cue_word in r.act_verbs
            if act:
                if self._act_report(ss, se, cs0, ce0, direct, dstarts, pi):
                    return
                continue
            if cue_word in r.direct_only or cue_word.endswith("ing") or cue_word[0].isupper():
                continue
            w0 = max(ss, cs0 - 160)
            sm = self._subject_match(w0, cs0) if self._subject_like(w0, cs0) else None
            speaker: Offsets | None = None
            if sm is not None and self._good_speaker(*self._spk(sm)):
                speaker = self._spk(sm)
            elif ce0 - ss < 8 or _PASSIVE_BEFORE.search(text, w0, cs0):
                continue  # passive or parenthetical: "it was said that", "(as) said"
            elif _COORDINATED.search(text, w0, cs0):
                # "X …, but told Y that …": the subject of the sentence speaks.
                speaker = self._subject(ss, cs0)
                if speaker is None:
                    continue
            elif not _THAT.match(text, ce0, ce0 + 8) and cue_word not in r.strong:
                continue
            else:
                speaker = self._bare_subject(w0, cs0)
                if speaker is None:
                    continue
            if cue_word in r.object_verbs:
                am = r.after_object_cue.match(text, ce0, se)
                if am is None:
                    am = r.after_cue.match(text, ce0, se) if cue_word.startswith("warn") else None
            else:
                am = r.after_cue.match(text, ce0, se)
            cend = _clause_end(text, ce0, se)
            # Bounded: the regex module scans the whole range for the comma before matching.
            mid_to = min(se, ce0 + _MID_WINDOW)
            mid = r.mid_after.match(text, ce0, mid_to) if speaker is not None else None
            pre: Offsets | None = None
            if mid is not None and text[w0 : speaker[0] if speaker else w0].rstrip().endswith(","):
                # "Too often, X said, the debate …": the report is around the attribution.
                cstart = mid.end()
                comma = text.rfind(",", ss, speaker[0] if speaker else ss)
                if comma > ss:
                    pre = _strip_span(text, ss, comma, _TRIM + _MARKS)
            elif am is None:
                continue
            else:
                cstart = am.start("that") if am.group("that") is not None else am.start("clause")
            cend = self._content_end(ss, cstart, cend)
            if _words(text, cstart, cend) + (_words(text, *pre) if pre else 0) < 3:
                continue
            if self._overlaps_direct(cstart, cend, direct, dstarts):
                continue
            att = _Attribution(speaker, (cs0, ce0), 0.75 if speaker else 0.4)
            self._add_indirect(cstart, cend, att, pi, pre)
            return
        # “…,” he said, adding that clause.
        ing = next((c for c in cues if c[2] in r.participles and c[0] > ss), None)
        m = r.ing_report.match(text, ing[1], se) if ing is not None else None
        if ing is not None and m is not None:
            cstart = m.start("that") if m.group("that") is not None else m.end()
            cend = self._content_end(ss, cstart, _clause_end(text, cstart, se))
            if _words(text, cstart, cend) >= 3 and not self._overlaps_direct(
                cstart, cend, direct, dstarts
            ):
                before = self._speaker_before(ss, ing[0]) or self._subject(ss, ing[0])
                att = _Attribution(before, (ing[0], ing[1]), 0.6 if before else 0.4)
                self._add_indirect(cstart, cend, att, pi)

    def _add_indirect(
        self, cs: int, ce: int, att: _Attribution, pi: int, pre: Offsets | None = None
    ) -> None:
        text = self.text
        if pre is not None and pre[0] < pre[1]:
            # A report interrupted by its attribution: one quote, two segments.
            s, e = _strip_span(text, cs, self._content_end(cs, cs, ce))
            if s < e:
                kind = "partial" if self._holds_fragment(pre[0], e) else "indirect"
                self.candidates.append(_Candidate(kind, [pre, (s, e)], att, att.confidence, pi))
            return
        parts: list[tuple[int, int, Offsets]] = []
        m = self.r.ing_split.search(text, cs, ce)
        if m is not None and _words(text, cs, m.start()) >= 3 and _words(text, m.end(), ce) >= 3:
            parts.append((cs, m.start(), att.cue or (cs, cs)))
            nxt = m.start("that") if m.group("that") is not None else m.end()
            parts.append((nxt, ce, m.span("cue")))
        else:
            parts.append((cs, ce, att.cue or (cs, cs)))
        for s, e, cue in parts:
            s, e = _strip_span(text, s, e)
            if s >= e:
                continue
            kind = "partial" if self._holds_fragment(s, e) else "indirect"
            self.candidates.append(
                _Candidate(
                    kind,
                    [(s, e)],
                    _Attribution(att.speaker, cue, att.confidence),
                    att.confidence,
                    pi,
                )
            )

    def _content_end(self, ss: int, cs: int, ce: int) -> int:
        """Where a forward report ends: before a relative or coordinate clause of the narrator."""
        text = self.text
        floor = cs + 12
        if self.r.subordinate.match(text, ss, cs):
            k = text.find(",", floor, ce)
            if k > 0:
                return k
        for m in self.r.content_cut.finditer(text, floor, ce):
            word = m.group().lstrip(", \t\u00a0")
            if word.startswith(("which", "who")) and text.find(",", m.end(), ce) >= 0:
                continue  # a relative clause set off by commas inside the report
            return m.start()
        return ce

    def _front_match(
        self, comma: int, cue: tuple[int, int, str], end: int
    ) -> tuple[Offsets, Offsets, int] | None:
        """``, X said`` / ``, said X`` / ``, according to X`` right after ``comma``: spans."""
        text = self.text
        c0, c1, word = cue
        k = comma + 1
        while k < c0 and text[k] in " \t\u00a0":
            k += 1
        if k == c0:
            if word.lower() == "according to":
                stop = len(text)
                for ch in ',;“”"«»':
                    j = text.find(ch, c1, min(end, c1 + 101))
                    if 0 <= j < stop:
                        stop = j
                s0, s1 = _strip_span(text, c1, min(stop, end))
                return ((s0, s1), (c0, c1), s1) if s1 - s0 >= 2 else None
            m = self.r.speaker.match(text, c1 + 1, end) if text[c1 : c1 + 1] == " " else None
            if m is None:
                return None
            return m.span("spk"), (c0, c1), m.end()
        if text.count(",", k, c0) > 2 and text.find("(", k, c0) < 0:
            return None  # a speaker phrase holds at most the two commas of an apposition
        if not self._subject_like(k, c0):
            return None
        sm = self._subject_match(k, c0)
        if sm is None:
            return None
        s0, s1 = self._spk(sm)
        gap = text[k:s0]
        if len(gap.split()) > 4 or any(ch in gap for ch in ',;:()“”"'):
            return None
        # The whole phrase after the comma names the speaker ("one West Virginia official").
        return (k, s1), (c0, c1), c1

    def _subject_match(self, w0: int, cue: int) -> Any:
        """The speaker phrase ending right before ``cue`` (searched once per cue and window)."""
        key = (w0, cue)
        hit = self.subject_cache.get(key, False)
        if hit is False:
            hit = self.r.subject_end.search(self.text, w0, cue)
            self.subject_cache[key] = hit
        return hit

    def _act_report(
        self,
        ss: int,
        se: int,
        cs0: int,
        ce0: int,
        direct: list[Offsets],
        dstarts: list[int],
        pi: int,
    ) -> bool:
        """``X called the deal a disaster``: a speech act whose object is what was said."""
        text = self.text
        w0 = max(ss, cs0 - 160)
        if not self._subject_like(w0, cs0):
            return False
        sm = self._subject_match(w0, cs0)
        if sm is None or not self._good_speaker(*self._spk(sm)):
            return False
        cstart = ce0
        while cstart < se and text[cstart] in " \t\u00a0":
            cstart += 1
        cend = self._content_end(ss, cstart, _clause_end(text, ce0, se))
        if _words(text, cstart, cend) < 2 or text[cstart : cstart + 1] in ",.;:":
            return False
        if self._overlaps_direct(cstart, cend, direct, dstarts):
            return False
        att = _Attribution(self._spk(sm), (cs0, ce0), 0.6)
        self._add_indirect(cstart, cend, att, pi)
        return True

    def _speaker_before(self, start: int, end: int) -> Offsets | None:
        """The speaker of the last attribution whose mention lies in ``[start, end)``."""
        for c in reversed(self.candidates[-60:]):
            att = c.attribution
            if att is not None and att.speaker is not None and start <= att.speaker[0] < end:
                return att.speaker
        return None

    def _holds_fragment(self, s: int, e: int) -> bool:
        """Whether a quoted fragment (a partial passage) lies inside ``[s, e]``."""
        # Passages sorted by opening mark, with the least closing offset from each one on: a
        # passage that opens past ``e`` closes past it too, so the suffix minimum answers.
        if self._fragments is None or self._fragments[0] != len(self.partial_passages):
            ordered = sorted((p.open, p.close) for p in self.partial_passages)
            least = [0] * len(ordered)
            low = None
            for i in range(len(ordered) - 1, -1, -1):
                low = ordered[i][1] if low is None else min(low, ordered[i][1])
                least[i] = low
            self._fragments = (len(ordered), [o for o, _ in ordered], least)
        _, opens, least = self._fragments
        i = bisect_left(opens, s)
        return i < len(opens) and least[i] <= e + 1

    # -- speakers

    def resolve(self) -> None:
        """Give every candidate a speaker, in text order, remembering recent speakers."""
        self.candidates.sort(key=lambda c: c.start)
        self.quoted = sorted(self.direct_spans)
        self.quoted_starts = [q[0] for q in self.quoted]
        last_person: list[tuple[int, ActorDraft]] = []  # (paragraph, actor)
        last_any: tuple[int, ActorDraft] | None = None
        prev_by_para: dict[int, _Candidate] = {}
        merged: list[_Candidate] = []
        for c in self.candidates:
            if c.inherit and c.kind == "direct":
                prev = prev_by_para.get(c.paragraph - 1)
                if prev is not None and prev.kind == "direct" and prev.speaker_id is not None:
                    # An unattributed quote paragraph continues the previous paragraph's quote.
                    prev.segments.extend(c.segments)
                    prev_by_para[c.paragraph] = prev
                    continue
            att = c.attribution
            if att is not None and att.speaker is not None:
                actor, conf, mention = self._speaker(
                    att.speaker, last_person, last_any, c.paragraph, c.start
                )
                c.mention = mention
                c.cue = (
                    att.cue
                    if att.cue
                    and att.cue[0] < att.cue[1]
                    and self.text[att.cue[0] : att.cue[1]] not in ("—", "–", "―", "--", ":")
                    else None
                )
                if actor is not None:
                    c.speaker_id = actor.id
                    c.confidence = min(c.confidence, conf)
                    if actor.kind == "person":
                        last_person.append((c.paragraph, actor))
                        last_person = last_person[-6:]
                    last_any = (c.paragraph, actor)
                else:
                    c.confidence = min(c.confidence, 0.5)
            elif att is None and c.kind == "direct":
                prev = prev_by_para.get(c.paragraph)
                if prev is not None and prev.speaker_id is not None:
                    # "X said on Monday that … “…”": a bare quote after a report in the same
                    # paragraph is the same speaker's.
                    c.speaker_id = prev.speaker_id
                    c.confidence = min(c.confidence, 0.5)
            merged.append(c)
            prev_by_para[c.paragraph] = c
        self.candidates = merged

    def _speaker(
        self,
        span: Offsets,
        last_person: list[tuple[int, ActorDraft]],
        last_any: tuple[int, ActorDraft] | None,
        para: int,
        quote_start: int | None = None,
    ) -> tuple[ActorDraft | None, float, Offsets]:
        text = self.text
        s, e = span
        while e > s and text[e - 1] in ".,’'" and not _abbrev_end(text, s, e):
            e -= 1
        span = (s, e)
        words = text[s:e].split()
        low = text[s:e].lower()
        r = self.r
        if len(words) == 1 and low in r.pronouns:
            g = r.pronouns[low]
            if g in ("m", "f"):
                near = self._person_before(min(s, quote_start or s), para, g)
                if near is not None:
                    return near, 0.6, span
                for p, a in reversed(last_person):
                    if para - p > 3:
                        break
                    if a.gender in (None, g) or a.gender == "?":
                        return a, 0.6, span
                return None, 0.4, span
            if (
                g == "p"
                and last_any is not None
                and para - last_any[0] <= 2
                and last_any[1].kind != "person"
            ):
                return last_any[1], 0.5, span
            if (
                g == "n"
                and last_any is not None
                and para - last_any[0] <= 2
                and last_any[1].kind != "person"
            ):
                return last_any[1], 0.5, span
            return None, 0.4, span
        # Drop a leading function word the pattern let in ("But Smith").
        while (
            len(words) > 1
            and words[0] in r.not_names
            and words[0] not in ("The", "A", "An", "This", "That", "One", "Another")
            and words[1][:1].isupper()
        ):
            s = text.index(words[1], s + len(words[0]))
            words = words[1:]
        span = (s, e)
        # The name is the run of capitalised words at the end ("campaign manager Kellyanne Conway").
        k = len(words)
        particles = _word_set("name_particles")
        while k > 0 and (words[k - 1][:1].isupper() or words[k - 1] in particles):
            k -= 1
        while k < len(words) and (words[k] in r.not_names or words[k] in particles):
            k += 1  # "The Kestrel Monitor" is named "Kestrel Monitor"
        name_words = words[k:]
        if name_words and all(w in r.not_names or w in r.titles for w in name_words):
            name_words = []
        if not name_words:
            found = self.index.at(s, e)
            if found is not None:
                return found, 0.8, span
            return self._describe(span, words, last_person, para)
        ns = s
        for w in words[:k]:
            ns = text.index(w, ns) + len(w)
        ns = text.index(name_words[0], ns)
        # Canonical form: the words after the last title ("Russian President Vladimir Putin").
        last_title = max((i for i, w in enumerate(name_words) if w in r.titles), default=-1)
        core = [w for w in name_words[last_title + 1 :] if w not in r.titles]
        kind = "person"
        if any(w.strip(".,") in r.org_name_words for w in name_words):
            kind = "organization"
        found = self.index.at(ns, e)
        full_here = " ".join(core if kind == "person" else name_words)
        if found is not None and not (
            len(found.name) < len(full_here) and found.name in full_here and len(core) > 2
        ):
            return found, 0.9, span  # unless it only covers part of a longer name said here
        if not core:
            return None, 0.4, span
        if kind == "person":
            known = self.index.by_last.get(_norm_last(core[-1]))
            if known is not None:
                known.add_mention(ns, e, "surname" if len(core) == 1 else "name")
                return known, 0.85, span
            full = " ".join(core)
            if len(core) == 1:
                full = self._full_name(core[0], s) or full
        else:
            full = " ".join(name_words)
            known = self.index.by_name.get(full.casefold())
            if known is not None:
                known.add_mention(ns, e, "name")
                return known, 0.85, span
        gender = None
        if kind == "person" and len(full.split()) > 1:
            gender = _given_names().get(full.split()[0])
        actor = self.draft.add_actor(full, kind, gender=gender)
        form = "surname" if kind == "person" and len(core) == 1 and full != core[0] else "name"
        actor.add_mention(ns, e, form)
        for w in words:
            if w in r.titles and w[:1].isupper() and len(w) > 3:
                actor.add_title(w)
        self.index.add(actor)
        return actor, 0.75, span

    def _person_before(self, pos: int, para: int, gender: str) -> ActorDraft | None:
        """The nearest person named earlier in the same paragraph, if compatible with ``gender``."""
        if not self.draft.paragraphs:
            return None
        ps = self.draft.paragraphs[para][0]
        if para > 0 and not self.text[ps:pos].strip(_MARKS + " \t\n"):
            ps = self.draft.paragraphs[para - 1][0]  # the quote opens its paragraph
        i = bisect_right(self.index.starts, pos) - 1
        quoted, qstarts = self.quoted, self.quoted_starts
        while i >= 0 and self.index.spans[i][0] >= ps:
            ms, me, a = self.index.spans[i]
            if (
                me <= pos
                and a.kind == "person"
                and not self._overlaps_direct(ms, me, quoted, qstarts)
            ):
                g = a.gender or _given_names().get(a.name.split()[0], None)
                return a if g in (None, "?", gender) else None
            i -= 1
        return None

    def _full_name(self, surname: str, before: int) -> str | None:
        """The first fuller form of a surname earlier in the text (``Vladimir Putin``)."""
        text = self.text
        pos = text.find(surname, 0, before)
        checks = 0
        while pos >= 0 and checks < 20:
            checks += 1
            end = pos + len(surname)
            if (end >= len(text) or not text[end].isalpha()) and (
                pos == 0 or not text[pos - 1].isalpha()
            ):
                m = self.r.name_before.search(text, max(0, pos - 60), pos)
                if m is not None:
                    toks = [
                        t
                        for t in text[m.start() : pos].split()
                        if t not in self.r.titles and t not in self.r.not_names
                    ]
                    toks = [t for t in toks if not t.endswith(("’s", "'s"))]
                    # Keep only the given names right before the surname.
                    while toks and toks[0][:1].isupper() and len(toks) > 2:
                        toks = toks[1:]
                    if toks and all(t[:1].isupper() for t in toks):
                        return " ".join([*toks, surname])
            pos = text.find(surname, end, before)
        return None

    def _describe(
        self, span: Offsets, words: list[str], last_person: list[tuple[int, ActorDraft]], para: int
    ) -> tuple[ActorDraft | None, float, Offsets]:
        r = self.r
        text = self.text
        s, e = span
        head = words[-1].strip(".,").lower()
        first = words[0].lower()
        phrase = text[s:e]
        is_org = head in r.org_nouns and head not in r.speaker_nouns
        definite = first in ("the", "this", "that", "his", "her", "their", "its", "our")
        if definite and not is_org:
            # "the minister": an actor whose titles name the role.
            for p, a in reversed(last_person):
                if para - p > 6:
                    break
                if any(head in t for t in self.index.titles_lower(a)):
                    return a, 0.7, span
            titled = self.index.person_titled(head)
            if titled is not None:
                return titled, 0.6, span
            known = self.index.by_name.get(_desc_key(phrase))
            if known is not None:
                known.add_mention(s, e, "description")
                return known, 0.6, span
            return None, 0.4, span
        key = _desc_key(phrase)
        known = self.index.by_name.get(key)
        if known is not None and definite:
            known.add_mention(s, e, "description")
            return known, 0.7, span
        if head not in r.speaker_nouns and head not in r.org_nouns:
            return None, 0.4, span  # not a recognisable speaker noun: keep the mention only
        kind = "organization" if is_org else "person"
        actor = self.draft.add_actor(phrase, kind)
        actor.add_mention(s, e, "description")
        self.index.by_name.setdefault(key, actor)
        self.index.add(actor)
        return actor, 0.7, span

    # -- output

    def emit(self) -> None:
        for c in self.candidates:
            segs = sorted(set(c.segments))
            clean: list[Offsets] = []
            for s, e in segs:
                if clean and s < clean[-1][1]:
                    continue
                clean.append((s, e))
            if not clean:
                continue
            self.draft.add_quote(
                c.kind,
                segments=clean,
                speaker=c.speaker_id,
                speaker_mention=c.mention,
                cue=c.cue,
                confidence=round(max(0.05, min(1.0, c.confidence)), 2),
            )


@cache
def _aux_words() -> frozenset[str]:
    data: dict[str, Any] = load_json("cues.json")
    return frozenset(w for a in data["auxiliaries"] for w in a.split())


@cache
def _cue_table() -> tuple[dict[str, list[tuple[str, regex.Pattern[str] | None]]], str]:
    """First word -> (cue, pattern for a multi-word cue), and the characters to strip off tokens."""
    data: dict[str, Any] = load_json("cues.json")
    skip = set(data["direct_only_verbs"])
    forms = [
        f
        for group in ("speech_verbs", "belief_verbs")
        for v in data[group].values()
        for f in v
        if f not in skip
    ]
    forms += list(data["phrase_cues"]) + list(data["act_verbs"])
    forms += [f[0].upper() + f[1:] for f in data["phrase_cues"]]
    table: dict[str, list[tuple[str, regex.Pattern[str] | None]]] = {}
    for f in dict.fromkeys(forms):
        words = f.split()
        pat = None
        if len(words) > 1:
            pat = regex.compile(r"[ \t\u00a0]+".join(regex.escape(w) for w in words))
        table.setdefault(words[0], []).append((f, pat))
    for cands in table.values():
        cands.sort(key=lambda c: -len(c[0]))
    return table, _PUNCT


_TRANSCRIPT_LABEL = regex.compile(
    r"(?P<spk>\p{Lu}[\p{Lu}'’.\-]+(?:[ \t]\p{Lu}[\p{Lu}'’.\-]+){0,3})[ \t]*:[ \t]+(?=\S)"
)
_COORDINATED = regex.compile(r"(?r)(?:\b(?:and|but)(?:[ \t]+also)?|[—–])[ \t]*$")
_NEW_SENTENCE_LOWER = regex.compile(r"[.!?][ \t]+\p{Ll}")
_THAT = regex.compile(r"\s+that\b")
_PASSIVE_BEFORE = regex.compile(
    r"(?r)(?:\b(?:is|was|be|been|being|are|were)(?:\s+\w+ly)?|[,;(])\s*$"
)
_PUNCT = ".,;:!?\"'“”‘’«»()[]{}—–-…"


def _find_cues(text: str) -> list[tuple[int, int, str]]:
    """Every reporting cue in the text as ``(start, end, cue)``, found with str methods only."""
    table, punct = _cue_table()
    present = {t.strip(punct) for t in set(text.split())}
    out: list[tuple[int, int, str]] = []
    n = len(text)
    for first in present.intersection(table):
        pos = text.find(first)
        while pos >= 0:
            end = pos + len(first)
            before = text[pos - 1] if pos else " "
            after = text[end] if end < n else " "
            if not (before.isalnum() or before == "-") and not (after.isalnum() or after == "-"):
                for cue, pat in table[first]:
                    if pat is None:
                        out.append((pos, end, cue))
                        break
                    m = pat.match(text, pos)
                    if m is not None and not text[m.end() : m.end() + 1].isalnum():
                        out.append((pos, m.end(), cue))
                        break
            pos = text.find(first, end)
    out.sort()
    return out


def _abbrev_end(text: str, s: int, e: int) -> bool:
    """Whether the full stop ending ``text[s:e]`` belongs to an initial or abbreviation."""
    if text[e - 1] != ".":
        return False
    word = text[s:e].split()[-1]
    core = word.rstrip(".")
    return len(core) <= 2 or "." in core or core in ("Jr", "Sr", "Inc", "Corp", "Ltd", "Co")


def _desc_key(phrase: str) -> str:
    words = phrase.lower().split()
    if words and words[0] in ("the", "a", "an", "another", "this", "that", "one"):
        words = words[1:]
    return " ".join(words)


def _clause_tail(tail: str) -> bool:
    """``, X said, <clause>``: what follows the attribution continues the reported sentence."""
    t = tail.lstrip()
    if not t.startswith(","):
        return False
    words = t[1:].split()
    if len(words) < 2:
        return False
    first = words[0].lower().strip('“"')
    if first in _word_set("apposition_openers") or words[0][:1].isupper():
        # ", a California Democrat" / ", the group's leader" / ", Reuters reported": apposition,
        # unless it runs on like a clause.
        return len(words) > 8 and first in _word_set("clause_openers")
    return True


def _title_like(body: str) -> bool:
    """Whether quoted words read as a title or name: every word capitalised but small ones."""
    small = _word_set("title_small_words")
    words = [w.strip(_PUNCT) for w in body.split()]
    words = [w for w in words if w]
    if not words or not words[0][0].isupper():
        return False
    return all(w[0].isupper() or w in small for w in words)


def _clause_gap(gap: str) -> bool:
    """Whether the words between a cue and the ``,``/``:`` before a mark hold a clause."""
    words = _word_set("report_clause_words")
    return any(t.strip(_PUNCT).lower() in words for t in gap.split())


@cache
def _word_set(key: str) -> frozenset[str]:
    """A word list from ``cues.json`` as a set."""
    words: list[str] = load_json("cues.json")[key]
    return frozenset(words)


def _tail_ok(tail: str, adjunct_starts: frozenset[str]) -> bool:
    """The rest of a sentence after ``, X said`` is an adjunct or apposition, not a clause."""
    t = tail.strip()
    if not t or t.startswith(","):
        return True
    words = t.split()
    first = words[0].lower().strip(",")
    if first in ("that", "and", "but", "while", "because", "although", "if", "whether"):
        return False
    return len(words) <= 5 or (first in adjunct_starts and len(words) <= 14)


def find_quotes(draft: Draft) -> None:
    """Find quotes and attribute them."""
    if not draft.text or not draft.paragraphs:
        return
    finder = _Finder(draft)
    finder.run_marks()
    finder.run_transcript()
    finder.run_indirect()
    finder.resolve()
    finder.emit()


@hookimpl
def newsparse_extractors() -> list[Extractor]:
    """The quote extractor."""
    return [
        Extractor(
            name="quotes",
            run=find_quotes,
            requires=("sentences", "actors"),
            provides=("quotes",),
            amends=("actors",),
        )
    ]
