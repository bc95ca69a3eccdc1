"""Built-in plugin: claims about ceasefires, with status, parties, brokers and source.

Everything is anchored on the ceasefire nouns of ``data/ceasefire.json``: one compiled alternation
finds them, and only then are bounded windows of their sentence searched for status cues (a verb
or noun before the ceasefire word, a predicate after it, a compound such as ``ceasefire talks``),
framing verbs (``urged … to respect``), ``despite`` (an implicit violation), negation, modality,
qualifiers, a name, a time, a place and the actors in their roles.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Any

import regex

from ..draft import ActorDraft, Draft, Offsets
from ..extractor import Extractor
from ..hookspecs import hookimpl
from ..lexicon import load_json
from ._timex import find_times

__all__ = ["find_claims"]

_LEFT = 110  # characters of left context searched for a cue ending before the noun
_RIGHT = 90  # characters of right context searched for a predicate after the noun
_GAP_WORDS = 4  # modifier words allowed between a cue and the noun ("a shaky 30-day")
_POST_GAP_WORDS = 5  # words allowed between the noun and its predicate ("…, which began X, held")
_TALKS_REACH = 6  # sentences from a ceasefire word within which "the talks" are its talks
_ACTOR_WINDOW = 400  # characters either side of a trigger searched for its actors
# Statuses whose trigger already says the ceasefire is not (yet) real: only a modal verb before
# the trigger ("would reject any truce", "may call for a truce") makes them hypothetical.
_UNREAL = frozenset({"called_for", "proposed", "rejected", "negotiating"})
# A ceasefire that is only wished for cannot be violated: no "despite" claim on these.
_NO_DESPITE = frozenset({"called_for", "proposed", "negotiating", "rejected", "collapsed"})
_AGREEMENT_COMPOUND = "agreed"
# Statuses after which fighting in the same sentence is an implicit violation.
_REAL = frozenset({"agreed", "in_effect", "announced", "reaffirmed", "extended"})
_ENDED = frozenset({"violated", "collapsed"})
_WORD = regex.compile(r"[\w'’.\-/]+")
_SPACE = " \t\r\n\u00a0"
_QUOTE_MARK = regex.compile(r"[\"“”«»]|''")
_BETWEEN_SKIP = regex.compile(
    r"(?i)[ \t\u00a0]+(?:between|among)[ \t\u00a0]+[^,;:.()\"“”\n]{1,80}?"
    r"[ \t\u00a0]+(?:and|&)(?=[ \t\u00a0])"
)
_DATELINE = regex.compile(r"\b\p{Lu}{3,}[\p{Lu} ,.]*[ \t]*\(\Z")
_FUTURE = regex.compile(
    r"(?i)\b(?:will|shall|due\s+to|set\s+to|expected\s+to|scheduled\s+to|is\s+to|are\s+to|next|"
    r"once|until|from)\b"
)
_CLAUSE_SEP = regex.compile(r";|,\s+(?:while|but|whereas|although)\b|\s[—–]\s")
_LIST_GAP = regex.compile(r"[\s,;]*(?:(?:and|or)\s+)?(?:the\s+)?")
_CONJ = regex.compile(r",?[ \t\u00a0]+(?:and|or)[ \t\u00a0]+|,[ \t\u00a0]+")
# A word that can modify a noun: lower case, or a demonym-like ending (Georgian, Sunni, Shiite).
_ADJECTIVAL = regex.compile(r"(?:\b\p{Ll}[\w'’\-]*|(?:an|ese|ish|i|ic|ite))\Z")


def _expand(pattern: str, macros: dict[str, str]) -> str:
    """Turn a data pattern into a regex: space = white space, '~' = inflection, {X} = a macro."""
    out = pattern.replace(" ", r"\s+").replace("~", r"\w*")
    for key, value in macros.items():
        out = out.replace("{" + key + "}", value)
    return out


def _alt(patterns: Iterable[str], macros: dict[str, str]) -> str:
    """One alternation of data patterns."""
    return "|".join(f"(?:{_expand(p, macros)})" for p in patterns)


@dataclass(frozen=True)
class _Rules:
    """The compiled rule tables."""

    noun: regex.Pattern[str]
    ambiguous: regex.Pattern[str]
    pre: dict[str, regex.Pattern[str]]
    pre_weak: dict[str, regex.Pattern[str]]
    post: dict[str, regex.Pattern[str]]
    compound: regex.Pattern[str]
    compound_status: dict[str, str]
    not_claim_after: regex.Pattern[str]
    frames: dict[str, regex.Pattern[str]]
    despite: regex.Pattern[str]
    negation: regex.Pattern[str]
    negation_in: regex.Pattern[str]
    hypothetical: regex.Pattern[str]
    modal: regex.Pattern[str]
    modal_in: regex.Pattern[str]
    factual: regex.Pattern[str]
    conditional: regex.Pattern[str]
    qualifiers: regex.Pattern[str]
    broker_before: regex.Pattern[str]
    broker_after: regex.Pattern[str]
    broker_verbs: regex.Pattern[str]
    between: regex.Pattern[str]
    report: regex.Pattern[str]
    conflict: regex.Pattern[str]
    non_military: regex.Pattern[str]
    name_before: regex.Pattern[str]
    aux_start: regex.Pattern[str]
    clause_break: regex.Pattern[str]
    violation_events: regex.Pattern[str]
    talks: regex.Pattern[str]
    talks_block: regex.Pattern[str]
    agreements: regex.Pattern[str]
    agreements_after_block: regex.Pattern[str]
    pronoun: regex.Pattern[str]
    group: regex.Pattern[str]
    prior: regex.Pattern[str]
    not_modifiers: frozenset[str]
    locative: regex.Pattern[str]
    members: regex.Pattern[str]
    group_kind: dict[str, str]
    group_head_end: regex.Pattern[str]


@cache
def _rules() -> _Rules:
    data = load_json("ceasefire.json")
    macros: dict[str, str] = {}
    for key in ("KEEP", "GO"):
        macros[key] = _alt(data[key], {})
    macros["AUX"] = rf"(?:(?:{_alt(data['AUX'], {})})\s+){{0,4}}"

    def word_alt(patterns: Iterable[str]) -> str:
        return rf"\b(?:{_alt(patterns, macros)})\b"

    pre = {
        # A cue starts a word of its own: "brokered" in "Russian-brokered" is no verb.
        st: regex.compile(rf"(?i)(?<![\w\-])(?:{_alt(ps, macros)})\s+\Z")
        for st, ps in data["pre"].items()
    }
    pre_weak = {
        st: regex.compile(rf"(?i)(?<![\w\-])(?:{_alt(ps, macros)})\s+\Z")
        for st, ps in data["pre_weak"].items()
    }
    post = {st: regex.compile(rf"(?i)(?:{_alt(ps, macros)})\b") for st, ps in data["post"].items()}
    compound_status: dict[str, str] = {}
    groups = []
    for i, (st, words) in enumerate(data["compounds"].items()):
        compound_status[f"c{i}"] = st
        groups.append(f"(?P<c{i}>{_alt(words, macros)})")
    compound = regex.compile(r"(?i)[ \t\u00a0]*-?[ \t\u00a0]*(?:" + "|".join(groups) + r")\b")
    frames = {
        st: regex.compile(
            rf"(?i)\b(?:{_expand(p, macros)})"
            r"(?:\s+(?!(?:and|but|or|while|after)\b)[\w'’\-]+){0,2}?\s+\Z"
        )
        for st, p in data["frames"].items()
    }
    brokers = data["brokers"]
    ana = data["anaphors"]
    pg = data["party_groups"]
    group_kind: dict[str, str] = {}
    heads = []
    for i, (kind, words) in enumerate(pg["heads"].items()):
        group_kind[f"g{i}"] = kind
        heads.append(f"(?P<g{i}>{_alt(words, macros)})")
    modifier = (
        rf"(?:(?:(?i:{_alt(pg['modifiers'], macros)})|(?!The\b)\p{{Lu}}[\w'’\-]*)"
        r"(?:,?[ \t\u00a0]+(?:and|or)[ \t\u00a0]+|,[ \t\u00a0]+|[ \t\u00a0]+))"
    )
    return _Rules(
        group=regex.compile(
            rf"\b(?:{modifier}{{0,3}})(?i:{'|'.join(heads)})\b(?![ \t\u00a0]+(?i:of|in|from)\b)"
        ),
        group_kind=group_kind,
        prior=regex.compile(rf"(?i)\b{_expand(data['prior'], macros)}\b"),
        group_head_end=regex.compile(
            rf"(?i)\b(?:{'|'.join(_alt(w, macros) for w in pg['heads'].values())}|government)\Z"
        ),
        not_modifiers=frozenset(w.lower() for w in data["not_modifiers"]),
        locative=regex.compile(rf"(?i)\b{_expand(data['locative'], macros)}\Z"),
        members=regex.compile(rf"(?i)\b{_expand(data['members'], macros)}\b"),
        aux_start=regex.compile(
            r"(?i)(?:has|have|had|was|were|is|are|will|would|could|may|might|should|must|shall|"
            r"can|did|does|do|appears?|appeared|seems?|seemed|remains?|remained|continues?|"
            r"continued)\b"
        ),
        clause_break=regex.compile(
            r"(?i)(?:and|but|while|after|before|because|although|though|when|said|says|told|"
            r"as|if|unless|whereas|where|who|whose|whom)\b"
        ),
        violation_events=regex.compile(rf"(?i)\b{_expand(data['violation_events'], macros)}\b"),
        talks=regex.compile(rf"(?i)\b{_expand(ana['talks'], macros)}\b"),
        talks_block=regex.compile(rf"(?i)\b{_expand(ana['talks_block'], macros)}"),
        agreements=regex.compile(rf"(?i)\b{_expand(ana['agreements'], macros)}\b"),
        agreements_after_block=regex.compile(
            rf"(?i)[ \t\u00a0]+{_expand(ana['agreements_after_block'], macros)}"
        ),
        pronoun=regex.compile(rf"\b{_expand(ana['pronoun'], macros)}\b"),
        noun=regex.compile(rf"(?i)\b(?:{_alt(data['nouns'], macros)})\b"),
        ambiguous=regex.compile(rf"(?i)(?:{_alt(data['ambiguous_nouns'], macros)})\Z"),
        pre=pre,
        pre_weak=pre_weak,
        post=post,
        compound=compound,
        compound_status=compound_status,
        not_claim_after=regex.compile(
            rf"(?i)[ \t\u00a0]*-?[ \t\u00a0]*(?:{_alt(data['not_a_claim_after'], macros)})\b"
        ),
        frames=frames,
        despite=regex.compile(
            rf"(?i)\b(?P<d>{_expand(data['despite'], macros)})(?:\s+[\w'’.\-/]+){{0,3}}?\s+\Z"
        ),
        negation=regex.compile(
            rf"(?i)\b{_expand(data['negation'], macros)}\b(?:\s+[\w'’\-]+){{0,2}}?\s+\Z"
        ),
        negation_in=regex.compile(rf"(?i)\b{_expand(data['negation'], macros)}\b|n't\b"),
        hypothetical=regex.compile(
            rf"(?i)\b{_expand(data['hypothetical'], macros)}\b(?:\s+[\w'’\-]+){{0,3}}?\s+\Z"
            r"|\bto\s+\Z"
        ),
        modal=regex.compile(
            rf"(?i)\b{_expand(data['modal'], macros)}\b(?:\s+[\w'’\-]+){{0,2}}?\s+\Z"
        ),
        factual=regex.compile(rf"(?i)\b{_expand(data['factual_to'], macros)}\s+\Z"),
        modal_in=regex.compile(
            rf"(?i)\b{_expand(data['modal_in_trigger'], macros)}\b|\Ato\b"
        ),
        conditional=regex.compile(rf"(?i)\b{_expand(data['conditional'], macros)}\b"),
        qualifiers=regex.compile(word_alt(data["qualifiers"]), regex.I),
        broker_before=regex.compile(
            rf"(?i)\b(?:{_expand(brokers['before_actor'], macros)})\b[\s,]*(?:the\s+)?\Z"
        ),
        broker_after=regex.compile(rf"(?i)\A(?:{_expand(brokers['after_actor'], macros)})"),
        broker_verbs=regex.compile(rf"(?i)\b{_expand(brokers['subject_verbs'], macros)}\b"),
        between=regex.compile(rf"(?i)\b{_expand(data['between'], macros)}\b"),
        report=regex.compile(rf"(?i)\b{_expand(data['report_verbs'], macros)}\b"),
        conflict=regex.compile(word_alt(data["conflict"]), regex.I),
        non_military=regex.compile(word_alt(data["non_military"]), regex.I),
        name_before=regex.compile(
            r"(?:\b[Tt]he\s+)?((?:\p{Lu}[\w.'’\-]*|\d{4})"
            r"(?:[ \t\u00a0]+(?:\p{Lu}[\w.'’\-]*|\d{4})){0,3})[ \t\u00a0]+\Z"
        ),
    )


# -- per-noun analysis ---------------------------------------------------------------------------


@dataclass
class _Cand:
    """One candidate claim before actors, source and time are attached."""

    status: str
    trigger: Offsets
    noun: Offsets
    sentence: Offsets
    confidence: float
    kind: str  # "pre", "post", "compound", "weak", "despite", "default"
    negated: bool = False
    hypothetical: bool = False


def _gap_positions(text: str, lo: int, ns: int, words: int = _GAP_WORDS) -> list[int]:
    """End positions for a cue before the noun: the noun start, then each earlier word start."""
    out = [ns]
    pos = ns
    for _ in range(words):
        i = pos
        while i > lo and text[i - 1] in _SPACE:
            i -= 1
        j = i
        while j > lo and (text[j - 1].isalnum() or text[j - 1] in "'’.-/"):
            j -= 1
        if j == i or j <= lo:
            break
        if j > lo and text[j - 1] not in _SPACE:
            break  # punctuation ends the noun phrase
        if text[j:i].lower() in _rules().not_modifiers:
            break  # "loose ends on the deal": a preposition or verb is no modifier of the noun
        out.append(j)
        pos = j
    return out


def _best_pre(
    text: str, lo: int, ns: int, table: dict[str, regex.Pattern[str]], words: int = _GAP_WORDS
) -> tuple[str, int] | None:
    """The cue nearest to the noun (longest at that distance) as ``(status, cue_start)``."""
    found: tuple[str, int] | None = None
    for q in _gap_positions(text, lo, ns, words):
        if found is not None:
            # A cue of the same status just before the nearest one is part of the trigger:
            # "declared a unilateral ceasefire".
            m = table[found[0]].search(text, max(lo, q - _LEFT), q)
            if m is not None:
                found = (found[0], m.start())
            continue
        for status, pat in table.items():
            m = pat.search(text, max(lo, q - _LEFT), q)
            if m is not None and (found is None or m.start() < found[1]):
                found = (status, m.start())
    return found


def _post_positions(text: str, start: int, hi: int, words: int) -> list[int]:
    """Start positions for a predicate after the noun: each of the next few word starts."""
    out = []
    for m in _WORD.finditer(text, start, min(hi, start + _RIGHT + 8 * words)):
        out.append(m.start())
        if len(out) > words:
            break
    return out


def _best_post(
    text: str,
    start: int,
    hi: int,
    rules: _Rules,
    *,
    words: int = _POST_GAP_WORDS,
    aux_only: bool = False,
) -> tuple[str, Offsets] | None:
    """The predicate nearest after the noun as ``(status, span)``.

    With ``aux_only``, only a finite predicate (``… is set to take effect``) counts, which may
    stand further from the noun than a participle (``a truce agreed last week``) may.
    """
    for p in _post_positions(text, start, hi, words):
        between = text[start:p]
        if any(c in between for c in ';:()[]"“”'):
            return None
        if aux_only and not rules.aux_start.match(text, p, hi):
            continue
        best: tuple[str, Offsets] | None = None
        for status, pat in rules.post.items():
            m = pat.match(text, p, hi)
            if m is not None and m.end() > m.start() and (best is None or m.end() > best[1][1]):
                best = (status, (m.start(), m.end()))
        if best is not None:
            return best
        if rules.clause_break.match(text, p, hi):
            return None  # a new clause starts: its verb is not about this noun
    return None


def _flags(text: str, cand: _Cand, sent: Offsets, rules: _Rules) -> None:
    ts, te = cand.trigger
    ss = sent[0]
    before_lo = max(ss, ts - 40)
    # Cut the look-back at the clause boundary nearest to the trigger.
    for i in range(ts - 1, before_lo - 1, -1):
        if text[i] in ",;:—–(":
            before_lo = i + 1
            break
    trig = text[ts:te]
    # An excluded trigger carries its own "not" ("were not included in the truce").
    if cand.status != "excluded":
        neg_in = cand.kind == "post" and rules.negation_in.search(trig) is not None
        neg_before = rules.negation.search(text, before_lo, ts) is not None
        cand.negated = neg_in or neg_before
    modal_trig = cand.kind == "post" and rules.modal_in.search(trig) is not None
    if cand.status in _UNREAL:
        cand.hypothetical = modal_trig or rules.modal.search(text, before_lo, ts) is not None
    else:
        hm = rules.hypothetical.search(text, before_lo, ts)
        hyp = hm is not None
        if hm is not None and (
            rules.factual.search(text, before_lo, ts)
            # Observers "travelling to monitor the truce" do monitor it.
            or (cand.status == "monitored" and hm.group().strip().lower() == "to")
        ):
            hyp = False  # "managed to arrange a truce", "deployed to monitor the ceasefire"
        conditional = rules.conditional.search(text, max(ss, ts - 80), ts) is not None
        cand.hypothetical = hyp or modal_trig or conditional


def _framed(text: str, ss: int, status: str, cue_start: int, rules: _Rules) -> tuple[str, int]:
    """A framing verb before the cue decides the status: "urged X to respect the truce"."""
    for fstatus, fpat in rules.frames.items():
        fm = fpat.search(text, max(ss, cue_start - _LEFT), cue_start)
        if fm is not None and fstatus != status:
            if fstatus == "accepted" and status not in ("agreed", "accepted"):
                continue
            return fstatus, fm.start()
    return status, cue_start


#: "to" as a word (matched in place: slicing the text to its end per claim is quadratic).
_TO = regex.compile(r"(?i)to\b")


def _noun_candidates(
    text: str, ns: int, ne: int, sent: Offsets, rules: _Rules, *, anaphor: bool = False
) -> list[_Cand]:
    """Claims about one ceasefire word; for an ``anaphor`` (``the deal``) only cued ones."""
    ss, se = sent
    if rules.not_claim_after.match(text, ne, se):
        return []
    out: list[_Cand] = []
    comp = None if anaphor else rules.compound.match(text, ne, se)
    comp_status = None
    noun_end = ne
    if comp is not None:
        comp_status = next(
            rules.compound_status[k] for k, v in comp.groupdict().items() if v is not None
        )
        noun_end = comp.end()
    pre = _best_pre(text, ss, ns, rules.pre)
    cue_start = ns
    if pre is not None:
        status, cue_start = _framed(text, ss, pre[0], pre[1], rules)
        out.append(_Cand(status, (cue_start, ne), (ns, ne), sent, 0.8, "pre"))
    post = None
    if comp_status in (None, _AGREEMENT_COMPOUND):
        if pre is None:
            # "The truce between X and Y broke down": the predicate follows the two sides.
            bw = _BETWEEN_SKIP.match(text, noun_end, se)
            start = bw.end() if bw else noun_end
            post = _best_post(text, start, se, rules) or _best_post(
                text, start, se, rules, words=12, aux_only=True
            )
        else:
            # Only a participle right after the noun: "finishing touches to a truce sealed
            # last week".
            post = _best_post(text, noun_end, se, rules, words=0)
            if post is not None and (post[0] == out[0].status or _TO.match(text, post[1][0])):
                post = None  # "a ceasefire to end the fighting" states a purpose
        if post is not None:
            out.append(_Cand(post[0], post[1], (ns, ne), sent, 0.75, "post"))
            if pre is None and not rules.aux_start.match(text, post[1][0], se):
                # After a participle ("a truce negotiated by X last week"), the main predicate
                # of the noun can still follow: "… was broken by Y".
                main = _best_post(text, post[1][1], se, rules, words=8, aux_only=True)
                if main is not None and main[0] != post[0]:
                    out.append(_Cand(main[0], main[1], (ns, ne), sent, 0.7, "post"))
    if (
        comp_status == _AGREEMENT_COMPOUND
        and pre is None
        and post is not None
        and post[0] in ("in_effect", "collapsed")
    ):
        # "the ceasefire deal that ended the fighting": the deal is a claim of its own.
        out.append(_Cand(comp_status, (ns, noun_end), (ns, ne), sent, 0.6, "compound"))
    if pre is None and post is None and not anaphor:
        weak = _best_pre(text, ss, ns, rules.pre_weak)
        if comp_status is not None and (weak is None or comp_status != _AGREEMENT_COMPOUND):
            out.append(_Cand(comp_status, (ns, noun_end), (ns, ne), sent, 0.7, "compound"))
        elif weak is not None:
            cue_start = weak[1]
            out.append(_Cand(weak[0], (weak[1], ne), (ns, ne), sent, 0.6, "weak"))
        else:
            out.append(_Cand("in_effect", (ns, ne), (ns, ne), sent, 0.35, "default"))
    main_status = out[0].status if out else None
    dm = rules.despite.search(text, max(ss, cue_start - 60), cue_start)
    if dm is not None and main_status not in _NO_DESPITE:
        out.append(_Cand("violated", dm.span("d"), (ns, ne), sent, 0.7, "despite"))
        if out[0].kind == "default":
            del out[0]
    for c in out:
        _flags(text, c, sent, rules)
    return out


# -- context filters -----------------------------------------------------------------------------


def _is_military(text: str, ns: int, ne: int, sent: Offsets, rules: _Rules) -> bool:
    """Whether a ceasefire word is about armed violence, not trade or politics: in its clause,
    civil-dispute words must not outnumber armed-conflict ones."""
    s, e = sent
    lo, hi = max(s, ns - 150), min(e, ne + 150)
    for sep in _CLAUSE_SEP.finditer(text, lo, ns):
        lo = sep.end()
    after = _CLAUSE_SEP.search(text, ne, hi)
    if after is not None:
        hi = after.start()
    civil = sum(1 for _ in rules.non_military.finditer(text, lo, hi))
    if civil == 0:
        return True
    armed = sum(1 for _ in rules.conflict.finditer(text, lo, hi))
    return armed >= civil


def _sides_without_civil(draft: Draft, sent: Offsets, ns: int, ne: int, rules: _Rules) -> bool:
    """Whether the sentence names a state or armed group and no civil dispute word is near."""
    s, e = sent
    near = _mentions_in(draft, max(s, ns - _ACTOR_WINDOW), min(e, ne + _ACTOR_WINDOW))
    if not any(a.kind in _SIDE_KINDS for _, _, a in near):
        return False
    lo, hi = max(0, ns - 1500), min(len(draft.text), ne + 1500)
    return rules.non_military.search(draft.text, lo, hi) is None


def _conflict_near(text: str, ns: int, ne: int, rules: _Rules) -> bool:
    """Whether armed-conflict vocabulary stands within a few sentences of a ceasefire word."""
    return rules.conflict.search(text, max(0, ns - 1500), min(len(text), ne + 1500)) is not None


# -- actors, source, time, place -----------------------------------------------------------------


class _Shared(dict[str, Any]):
    """The ceasefire extractor's caches for one article."""


def _mention_index(
    draft: Draft, frozen: bool = False
) -> tuple[list[int], list[tuple[int, int, ActorDraft]]]:
    """Every actor mention sorted by start (rebuilt when actors gain mentions)."""
    # The first field says the index is stale: find_claims drops it on entry and _group_actors
    # marks it when it adds a mention (counting every actor's mentions per call is quadratic).
    cached = draft.scratch(_Shared).get("ceasefire.mentions")
    if cached is not None and (frozen or not cached[0]):
        return cached[1], cached[2]
    items = sorted(
        ((s, e, a) for a in draft.actors for s, e, _ in a.mentions), key=lambda x: (x[0], -x[1])
    )
    starts = [x[0] for x in items]
    draft.scratch(_Shared)["ceasefire.mentions"] = (False, starts, items)
    return starts, items


def _mentions_added(draft: Draft) -> None:
    """Mark the mention index stale (frozen lookups still use it)."""
    cached = draft.scratch(_Shared).get("ceasefire.mentions")
    if cached is not None:
        draft.scratch(_Shared)["ceasefire.mentions"] = (True, cached[1], cached[2])


def _actor_named(draft: Draft, name: str, kind: str) -> ActorDraft | None:
    """The first actor with this name (case-folded) and kind."""
    key = (len(draft.actors), id(draft.actors[-1]) if draft.actors else None)
    cached = draft.scratch(_Shared).get("ceasefire.names")
    if cached is None or cached[0] != key:
        names: dict[tuple[str, str], ActorDraft] = {}
        for a in draft.actors:
            names.setdefault((a.name.casefold(), a.kind), a)
        cached = (key, names)
        draft.scratch(_Shared)["ceasefire.names"] = cached
    found: ActorDraft | None = cached[1].get((name.casefold(), kind))
    return found


def _actor_added(draft: Draft, actor: ActorDraft) -> None:
    """Add a new actor to the name lookup without rebuilding it."""
    cached = draft.scratch(_Shared).get("ceasefire.names")
    if cached is not None and draft.actors and draft.actors[-1] is actor:
        cached[1].setdefault((actor.name.casefold(), actor.kind), actor)
        draft.scratch(_Shared)["ceasefire.names"] = ((len(draft.actors), id(actor)), cached[1])


def _mentions_in(
    draft: Draft, lo: int, hi: int, *, frozen: bool = False
) -> list[tuple[int, int, ActorDraft]]:
    """Actor mentions inside ``[lo, hi)``, outermost only, in text order.

    With ``frozen``, the index is not rebuilt for mentions added since it was built (those are
    described sides, added sentence by sentence, that never overlap another sentence).
    """
    starts, items = _mention_index(draft, frozen)
    kept: list[tuple[int, int, ActorDraft]] = []
    for m in items[bisect_left(starts, lo) : bisect_left(starts, hi)]:
        if m[1] > hi or (kept and m[0] < kept[-1][1]):
            continue  # past the window, or nested in a longer mention
        kept.append(m)
    return kept


def _source(draft: Draft, cand: _Cand, rules: _Rules) -> tuple[str, str | None, str | None]:
    """(source, quote id, speaker actor id) for a claim.

    A quote in marks holding the trigger gives the source; then an attribution closing the
    marks the trigger stands in (``"… is in place," Erdmann told Reuters``), which outranks a
    reported clause nested inside them; then a reported-speech quote; then an attribution clause.
    """
    ts0 = cand.trigger[0]
    ss, se = cand.sentence
    holding = [
        q
        for q in draft.quotes_at(ts0)
        # Reported speech binds within its sentence: an "indirect quote" whose cue stands in
        # another sentence is no attribution of this claim.
        if (
            q.kind != "indirect"
            or (q.cue is not None and ss <= q.cue[0] < se and abs(q.cue[0] - ts0) < 600)
        )
    ]
    for h in holding:
        if h.kind != "indirect" and h.speaker is not None:
            return h.speaker, h.id, h.speaker
    q = next((h for h in holding if h.speaker is not None), holding[0] if holding else None)
    qid = q.id if q else None
    found = _attribution(draft, cand, rules)
    if found is not None and (found[0] < 0 or q is None or q.speaker is None):
        return found[1].id, qid, found[1].id
    if q is not None and q.speaker is not None:
        return q.speaker, q.id, q.speaker
    return "narrator", qid, None


def _attribution(draft: Draft, cand: _Cand, rules: _Rules) -> tuple[int, ActorDraft] | None:
    """``(distance, actor)`` of the attribution clause nearest the claim; distance < 0 when it
    closes the quotation marks the claim stands in."""
    text = draft.text
    ss, se = cand.sentence
    ts, te = cand.trigger
    ss, se = max(ss, ts - _ACTOR_WINDOW), min(se, te + _ACTOR_WINDOW)
    mentions = _mentions_in(draft, ss, se)
    if not mentions:
        return None
    # An attribution clause in the sentence: "X said …", "…, X said", "…, said X", "according to X".
    best: tuple[int, ActorDraft] | None = None
    quoted = _QUOTE_MARK.search(text, max(ss, ts - 400), ts) is not None
    for v in rules.report.finditer(text, ss, min(se, ss + 3000)):
        who: ActorDraft | None = None
        if v.end() <= ts:
            if v.group().lower().startswith("according"):
                who = _actor_after(text, v.end(), mentions)
            else:
                who = _subject_before(text, ss, v.start(), mentions)
            dist = ts - v.end()
        elif v.start() >= te:
            if not regex.search(r"[,\"”'’]", text[te : v.start()]):
                continue  # "… violated the truce and said …" is not an attribution of the claim
            who = _subject_before(text, max(te, v.start() - 60), v.start(), mentions, nearest=True)
            if who is None:
                who = _actor_after(text, v.end(), mentions)
            dist = v.start() - te
            if quoted and _QUOTE_MARK.search(text, te, v.start()):
                dist = -1  # the claim is inside quotation marks: it is the quoted speaker's
        else:
            continue
        if who is not None and (best is None or dist < best[0]):
            best = (dist, who)
    return best


def _subject_before(
    text: str,
    lo: int,
    verb: int,
    mentions: list[tuple[int, int, ActorDraft]],
    nearest: bool = False,
) -> ActorDraft | None:
    """The actor heading the clause that ends at a reporting verb (``The KDP, led by Y, said``)."""
    lo = max(lo, verb - 150)
    cut = max(text.rfind(c, lo, verb) for c in '.;:"“”')
    if cut >= 0:
        lo = cut + 1
    cands = [(s, a) for s, e, a in mentions if lo <= s and e <= verb]
    if not cands:
        # A title-case headline can glue the verb to the name ("Israel Says …").
        glued = [a for s, e, a in mentions if lo <= s < verb < e]
        return glued[0] if glued else None
    if nearest:
        return cands[-1][1]
    return cands[0][1]


def _actor_after(
    text: str, pos: int, mentions: list[tuple[int, int, ActorDraft]]
) -> ActorDraft | None:
    for s, _, a in mentions:
        if pos <= s <= pos + 25 and not regex.search(r"[.;:,]", text[pos:s]):
            return a
    return None


def _roles(
    draft: Draft, cand: _Cand, speaker: str | None, rules: _Rules
) -> tuple[list[str], list[str], list[str]]:
    """(parties, brokers, excluded) from the actors mentioned in the claim's sentence."""
    text = draft.text
    ss, se = cand.sentence
    ss = max(ss, cand.trigger[0] - _ACTOR_WINDOW)
    se = min(se, cand.trigger[1] + _ACTOR_WINDOW)
    mentions = _mentions_in(draft, ss, se)
    parties: list[str] = []
    brokers: list[str] = []
    excluded: list[str] = []
    if not mentions:
        return parties, brokers, excluded
    ts, te = cand.trigger
    if cand.status == "excluded":
        if cand.kind == "post":
            # "the truce does not apply to X": what is left out follows.
            excluded = [a.id for s, _, a in mentions if te <= s < te + 100][:2]
        else:
            excluded = [a.id for _, e, a in mentions if e <= ts and ts - e <= 120][-2:]
    # "a truce (agreed) between X and Y": the sides follow the noun within its own phrase.
    ne = cand.noun[1]
    bm = rules.between.search(text, ne, min(se, ne + 40))
    if bm is not None and regex.search(r"[,;:—–()]", text[ne : bm.start()]):
        bm = None
    between_lo = bm.end() if bm else None
    between_hi = min(se, bm.end() + 100) if bm else None
    if bm is not None:
        cut = regex.search(r"[;:.]|,\s+(?:which|who|while|but|as)\b", text[bm.end() : between_hi])
        if cut is not None:
            between_hi = bm.end() + cut.start()
    for s, e, a in mentions:
        if rules.locative.search(text, max(ss, s - 30), s):
            continue  # "talks in Lebanon": a country named as a place is no side of the truce
        if _DATELINE.search(text, max(0, s - 20), s) and text.startswith(")", e):
            continue  # "ISLAMABAD (Reuters) -": the news agency of the dateline
        if a.id in excluded:
            continue
        if rules.broker_before.search(text, max(ss, s - 40), s) or rules.broker_after.match(
            text[e : min(se, e + 40)]
        ):
            brokers.append(a.id)
            continue
        if between_lo is not None and between_hi is not None and between_lo <= s < between_hi:
            parties.append(a.id)
            continue
        if cand.status == "monitored":
            if a.id != speaker:
                brokers.append(a.id)
            continue
        if e <= ts and (bm is not None or rules.broker_verbs.search(text, max(e, ts - 200), ts)):
            brokers.append(a.id)  # the subject of a third-party act on someone else's truce
            continue
        if a.id == speaker and (
            s >= te or rules.report.match(text, e, min(se, e + 30)) or len(mentions) > 1
        ):
            continue  # the one who says it, in the attribution ("…, the ministry said")
        parties.append(a.id)
    # A list continues its first item's role: "brokered by Egypt and Qatar".
    for (_, pe, pa), (ns_, _, na) in pairwise(mentions):
        if pa.id in brokers and na.id not in brokers and _LIST_GAP.fullmatch(text[pe:ns_]):
            brokers.append(na.id)
    if cand.status == "monitored":
        brokers.extend(m for m in _members(draft, cand, rules) if m not in parties)
    parties = [p for p in dict.fromkeys(parties) if p not in brokers]
    return parties, list(dict.fromkeys(brokers)), excluded


def _members(draft: Draft, cand: _Cand, rules: _Rules) -> list[str]:
    """Members of a monitoring body listed in its sentence or just after (``made up of X, Y``)."""
    text = draft.text
    idx = draft.sentence_index(cand.sentence[0])
    if idx is None:
        return []
    out: list[str] = []
    limit = cand.sentence[1] + 400
    for s, e in draft.sentences[idx : idx + 4]:
        if s > limit:
            break
        e = min(e, s + 3000)
        for m in rules.members.finditer(text, s, e):
            prev = m.end()
            for ms, me, a in _mentions_in(draft, m.end(), e):
                gap = text[prev:ms]
                first = prev == m.end()
                if not (first and len(gap) < 40) and not _LIST_GAP.fullmatch(gap):
                    break  # the list has ended
                out.append(a.id)
                prev = me
    return list(dict.fromkeys(out))


def _place(draft: Draft, cand: _Cand) -> Offsets | None:
    """The place mention inside the claim's sentence nearest its trigger (first listed on a tie)."""
    ss, se = cand.sentence
    t0 = cand.trigger[0]
    rows, starts = _place_index(draft)
    best: tuple[int, int, int, Offsets] | None = None
    # Walk outward from the trigger, nearest starts first, and stop past the best distance.
    left, right = bisect_left(starts, t0) - 1, bisect_left(starts, t0)
    lo, hi = bisect_left(starts, ss), bisect_right(starts, se)
    left, right = min(left, hi - 1), max(right, lo)
    while left >= lo or right < hi:
        dl = t0 - starts[left] if left >= lo else None
        dr = starts[right] - t0 if right < hi else None
        if dr is None or (dl is not None and dl <= dr):
            assert dl is not None
            d, row = dl, rows[left]
            left -= 1
        else:
            d, row = dr, rows[right]
            right += 1
        if best is not None and d > best[0]:
            break
        s, e, pi, mi = row
        if e <= se and (best is None or (d, pi, mi) < best[:3]):
            best = (d, pi, mi, (s, e))
    return best[3] if best else None


def _place_index(draft: Draft) -> tuple[list[tuple[int, int, int, int]], list[int]]:
    """Place mentions sorted by start as ``(start, end, place no., mention no.)``, cached per
    article until a place or mention is added."""
    key = (len(draft.places), sum(len(p.mentions) for p in draft.places))
    got = draft.scratch(_Shared).get("ceasefire.place_index")
    if got is None or got[0] != key:
        rows = sorted(
            (s, e, pi, mi)
            for pi, p in enumerate(draft.places)
            for mi, (s, e, _) in enumerate(p.mentions)
        )
        got = (key, rows, [r[0] for r in rows])
        draft.scratch(_Shared)["ceasefire.place_index"] = got
    return got[1], got[2]


def _name(text: str, ns: int, sent: Offsets, rules: _Rules) -> Offsets | None:
    """``the Astana ceasefire``: capitalised words naming the ceasefire right before its noun."""
    ss = sent[0]
    m = rules.name_before.search(text, max(ss, ns - 60), ns)
    if m is None:
        return None
    head = _WORD.findall(text, ss, min(sent[1], ss + 300))
    if head and sum(w[0].isupper() for w in head) > 0.6 * len(head):
        return None  # a headline in title case capitalises every word
    words = m.group(1)
    if regex.search(r"-(?:brokered|backed|mediated|sponsored|led)$", words, regex.I):
        return None
    if m.start(1) == ss and not m.group().lower().startswith("the"):
        return None  # a capitalised sentence start is not a name
    if words.split()[0].lower() in ("the", "a", "an", "this", "that", "its", "their", "under"):
        return None
    return m.start(), _noun_end(text, ns)


def _noun_end(text: str, ns: int) -> int:
    m = _rules().noun.match(text, ns)
    return m.end() if m else ns


def _qualifiers(text: str, cand: _Cand, rules: _Rules) -> list[Offsets]:
    lo = min(cand.trigger[0], cand.noun[0])
    lo = max(cand.sentence[0], lo - 25)
    hi = max(cand.trigger[1], cand.noun[1])
    return [m.span() for m in rules.qualifiers.finditer(text, lo, hi)]


def _time(draft: Draft, cand: _Cand) -> tuple[Offsets, Any, Any] | None:
    """The time expression nearest the trigger, resolved forward when the claim is ahead."""
    ss, se = cand.sentence
    lo = max(ss, cand.trigger[0] - 150)
    hi = min(se, cand.trigger[1] + 150)
    text = draft.text
    future = cand.hypothetical or _FUTURE.search(text, lo, hi) is not None
    hits = find_times(text, lo, hi, draft.published_date, future=future)
    if not hits:
        return None
    ts = cand.trigger[0]
    s, e, d1, d2 = min(hits, key=lambda h: abs(h[0] - ts))
    return (s, e), d1, d2


# -- the extractor -------------------------------------------------------------------------------


def _sentence_candidates(draft: Draft, rules: _Rules) -> list[_Cand]:
    text = draft.text
    found: list[_Cand] = []
    noun_sents: dict[int, list[Offsets]] = {}
    for m in rules.noun.finditer(text):
        ns, ne = m.span()
        idx = draft.sentence_index(ns)
        if idx is None:
            continue
        sent = draft.sentences[idx]
        if rules.ambiguous.match(m.group()):
            # "truce" is also used of feuds and disputes: want armed conflict in the article,
            # or states and armed groups in the sentence with nothing civil around it.
            near_conflict = _conflict_near(text, ns, ne, rules)
            if not near_conflict and not _sides_without_civil(draft, sent, ns, ne, rules):
                continue
        if not _is_military(text, ns, ne, sent, rules):
            continue
        noun_sents.setdefault(idx, []).append((ns, ne))
        found.extend(_noun_candidates(text, ns, min(ne, sent[1]), sent, rules))
    if not found:
        return []
    found.extend(_anaphor_candidates(draft, rules, noun_sents, found))
    # One claim per status and trigger; a bare mention only when its sentence has nothing else.
    by_sent: dict[Offsets, list[_Cand]] = {}
    for c in found:
        by_sent.setdefault(c.sentence, []).append(c)
    out: list[_Cand] = []
    for sent, cands in by_sent.items():
        real = [c for c in cands if c.kind != "default"] or cands[:1]
        primary = [c for c in real if c.kind != "anaphor"]
        statuses = {c.status for c in primary}
        real = primary + [c for c in real if c.kind == "anaphor" and c.status not in statuses]
        if any(c.status in _REAL for c in real) and not {c.status for c in real} & _ENDED:
            ev = rules.violation_events.search(text, sent[0], min(sent[1], sent[0] + 3000))
            anchor = next((c.noun for c in real if c.status in _REAL), None)
            if ev is not None and anchor is not None:
                lo, hi = min(ev.end(), anchor[1]), max(ev.start(), anchor[0])
                if rules.prior.search(text, lo, hi):
                    ev = None  # "fighting continued for weeks until a truce was agreed"
            if ev is not None:
                real.append(_Cand("violated", ev.span(), ev.span(), sent, 0.5, "event"))
        seen: set[tuple[str, Offsets]] = set()
        for c in real:
            key = (c.status, c.trigger)
            if key not in seen:
                seen.add(key)
                out.append(c)
    out.sort(key=lambda c: c.trigger)
    return out


def _anaphor_candidates(
    draft: Draft, rules: _Rules, noun_sents: dict[int, list[Offsets]], found: list[_Cand]
) -> list[_Cand]:
    """Claims about the ceasefire made without its word: ``the deal was broken``, ``the talks``."""
    text = draft.text
    out: list[_Cand] = []
    near: set[int] = set()
    for idx in noun_sents:
        near.update((idx, idx + 1, idx + 2))
    claimed = {c.sentence for c in found}
    talks_doc = any(c.status == "negotiating" and c.kind != "default" for c in found)
    for idx in sorted(near):
        if idx >= len(draft.sentences):
            continue
        sent = draft.sentences[idx]
        ss, se = sent
        se = min(se, ss + 3000)
        nouns = noun_sents.get(idx, [])
        for m in rules.agreements.finditer(text, ss, se):
            if any(a < m.end() and m.start() < b for a, b in nouns):
                continue
            if rules.agreements_after_block.match(text, m.end(), se):
                continue  # "a deal on the region's status" is about something else
            for c in _noun_candidates(text, m.start(), m.end(), sent, rules, anaphor=True):
                c.kind, c.confidence = "anaphor", c.confidence * 0.7
                out.append(c)
        if idx in noun_sents or idx - 1 in noun_sents:
            for m in rules.pronoun.finditer(text, ss, se):
                pre = _best_pre(text, ss, m.start(), rules.pre, words=0)
                if pre is not None and pre[0] != "in_effect":
                    status, cue_start = _framed(text, ss, pre[0], pre[1], rules)
                    c = _Cand(status, (cue_start, m.end()), m.span(), sent, 0.5, "anaphor")
                    _flags(text, c, sent, rules)
                    out.append(c)
    if talks_doc:
        # Talks near the ceasefire's mentions (or in the headline) are the ceasefire talks.
        close = {i for k in noun_sents for i in range(k - _TALKS_REACH, k + _TALKS_REACH + 1)}
        for idx, sent in enumerate(draft.sentences):
            if sent in claimed or (idx not in close and sent != draft.headline):
                continue
            ss, se = sent
            for m in rules.talks.finditer(text, ss, min(se, ss + 3000)):
                if rules.talks_block.search(text, max(ss, m.start() - 30), m.start()):
                    continue
                out.append(_Cand("negotiating", m.span(), m.span(), sent, 0.4, "anaphor"))
                break
    return out


def _group_actors(draft: Draft, sent: Offsets, rules: _Rules) -> None:
    """Make actors of the described sides of a truce (``separatist rebels``) no actor covers."""
    text = draft.text
    ss, se = sent
    existing = _mentions_in(draft, ss, se, frozen=True)
    for m in rules.group.finditer(text, ss, min(se, ss + 3000)):
        s, e = m.span()
        # "Israel and Hizbollah guerrillas" coordinates two sides; "Sunni and Shiite leaders"
        # coordinates two modifiers of one.
        for conj in _CONJ.finditer(text, s, e):
            c0 = conj.start()
            if (
                not _ADJECTIVAL.search(text, s, c0)
                or rules.group_head_end.search(text, s, c0)
                or any(s <= a < c0 for a, _, _ in existing)
            ):
                s = conj.end()
        if any(a <= s and e <= b for a, b, _ in existing):
            continue  # already an actor (or inside one)
        inner = [x for x in existing if s <= x[0] and x[1] <= e]
        name = text[s:e]
        kind = next(rules.group_kind[k] for k, v in m.groupdict().items() if v is not None)
        same = _actor_named(draft, name, kind)
        if same is None:
            same = draft.add_actor(name, kind, affiliations=[x[2].id for x in inner])
            _actor_added(draft, same)
        same.add_mention(s, e, "description")
        _mentions_added(draft)


_SIDE_KINDS = frozenset({"country", "government", "armed_group", "political_group"})


def _main_sides(draft: Draft, cands: list[_Cand], roles: list[list[list[str]]]) -> list[str]:
    """The two sides the article's truce is most likely between: the countries, governments and
    groups the claims' sentences mention most (never one the claims only ever make a broker), the
    first mention breaking ties; failing two, the article's most mentioned ones.
    """
    rules = _rules()
    parties = {p for role in roles for p in role[0]}
    brokers = {b for role in roles for b in role[1]} - parties
    count: dict[str, int] = {}
    first: dict[str, int] = {}
    for sent in dict.fromkeys(c.sentence for c in cands):
        s, e = sent
        for ms, _, a in _mentions_in(draft, s, min(e, s + 3000)):
            if (
                a.kind in _SIDE_KINDS
                and a.id not in brokers
                and not rules.locative.search(draft.text, max(s, ms - 30), ms)
            ):
                count[a.id] = count.get(a.id, 0) + 1
                first.setdefault(a.id, ms)
    ranked = sorted(count, key=lambda a: (-count[a], first[a]))
    if len(ranked) < 2:
        whole: dict[str, int] = {}
        for actor in draft.actors:
            if actor.kind in _SIDE_KINDS and actor.id not in ranked and actor.mentions:
                whole[actor.id] = len(actor.mentions)
                first[actor.id] = min(m[0] for m in actor.mentions)
        ranked += sorted(whole, key=lambda a: (-whole[a], first[a]))
    return ranked[:2]


def _fill_parties(draft: Draft, cands: list[_Cand], roles: list[list[list[str]]]) -> None:
    """Give a claim that names fewer than two sides the sides of the article's truce.

    A ceasefire binds at least two sides; when a sentence names fewer, the article is following
    a truce it describes elsewhere, whose sides are the ones its claims mention most.
    """
    sides = _main_sides(draft, cands, roles)
    for cand, role in zip(cands, roles, strict=True):
        parties, brokers, excluded = role
        if len(parties) >= 2 or cand.status == "excluded":
            continue
        extra = [a for a in sides if a not in brokers and a not in excluded]
        role[0] = list(dict.fromkeys(parties + extra))


def _add_states(draft: Draft, roles: list[list[list[str]]]) -> None:
    """Add the state a side or broker acts for: Kerry (USA) brings the United States along.

    People, governments, armies and demonyms carry their country; the country's own actor, when
    the article has one, stands in the same role beside them.
    """
    states: dict[str, str] = {}
    for a in draft.actors:
        if a.kind == "country" and a.country and a.country not in states:
            states[a.country] = a.id
    if not states:
        return
    by_id = {a.id: a for a in draft.actors}
    for role in roles:
        for k in (0, 1):
            ids = role[k]
            extra = []
            for i in ids:
                actor = by_id.get(i)
                if actor is not None and actor.kind != "country" and actor.country in states:
                    extra.append(states[actor.country])
            other = role[1 - k] if k == 0 else role[0]
            role[k] = list(dict.fromkeys(ids + [x for x in extra if x not in other]))


def find_claims(draft: Draft) -> None:
    """Find ceasefire claims."""
    text = draft.text
    if not text:
        return
    rules = _rules()
    draft.scratch(_Shared).pop("ceasefire.mentions", None)
    draft.scratch(_Shared).pop("ceasefire.names", None)
    cands = _sentence_candidates(draft, rules)
    if not cands:
        return
    before = len(draft.actors)
    for sent in dict.fromkeys(c.sentence for c in cands):
        _group_actors(draft, sent, rules)
    sources = [_source(draft, c, rules) for c in cands]
    roles = [list(_roles(draft, c, src[2], rules)) for c, src in zip(cands, sources, strict=True)]
    _fill_parties(draft, cands, roles)
    _add_states(draft, roles)
    # Keep only the described sides some claim needs.
    used = {a for role in roles for ids in role for a in ids} | {src[0] for src in sources}
    for actor in list(draft.actors)[before:]:
        if actor.id not in used:
            draft.actors.remove(actor)
    draft.scratch(_Shared).pop("ceasefire.mentions", None)
    for cand, (source, quote_id, _), (parties, brokers, excluded) in zip(
        cands, sources, roles, strict=True
    ):
        when = _time(draft, cand)
        draft.add_claim(
            cand.status,
            trigger=cand.trigger,
            parties=parties,
            brokers=brokers,
            excluded=excluded,
            location=_place(draft, cand),
            time=when[0] if when else None,
            date_from=when[1] if when else None,
            date_to=when[2] if when else None,
            source=source,
            quote=quote_id,
            name=_name(text, cand.noun[0], cand.sentence, rules),
            negated=cand.negated,
            hypothetical=cand.hypothetical,
            qualifiers=_qualifiers(text, cand, rules),
            confidence=cand.confidence,
        )


@hookimpl
def newsparse_extractors() -> list[Extractor]:
    """The ceasefire-claim extractor."""
    return [
        Extractor(
            name="ceasefire",
            run=find_claims,
            requires=("sentences", "actors", "quotes"),
            provides=("ceasefire_claims",),
            amends=("actors",),
        )
    ]
