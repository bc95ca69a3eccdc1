"""Built-in plugin: claims about ceasefires, with status, parties, brokers, time and source.

The driver reads an article in two passes. First, the sentences holding a ceasefire word
(:mod:`.triggers`) give claims from the words governing each word (:mod:`.status`). Then, in an
article that has a ceasefire, words referring back to it and fighting reported while it is in
force give more. Each claim then gets its source from the quotes extractor (:mod:`.source`),
its parties, brokers and place from the actors extractor (:mod:`.roles`), and its time
(:mod:`.time`). See ``docs/ceasefire.md``.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache

import regex

from ...draft import Draft, Offsets
from ...extractor import Extractor
from ...hookspecs import hookimpl
from ...lexicon import inflect
from .roles import Roles, describe_sides, fill_sides, place_of, roles_of
from .source import source_of
from .status import UNREAL, Finding, analyse, is_real, qualifiers_of, verbal_findings
from .time import time_of
from .triggers import (
    Article,
    Reading,
    anaphors_in,
    complaint_verb,
    events_in,
    heads_in,
    monitors_in,
    name_of,
    needle_sentences,
    prior_between,
    readings,
    talks_in,
    violations_in,
)
from .vocab import vocab
from .words import Words

__all__ = ["find_claims"]

_AFTER_HEAD = 2  # sentences after a ceasefire word in which "it" may refer to it
_SHORT = 2500  # characters: a sentence this short is split into words once for all its claims


@dataclass
class _Pass:
    """What the reading of one article has found so far."""

    found: dict[int, list[Finding]] = field(default_factory=dict)
    """Findings by sentence."""
    phrases: dict[int, list[Offsets]] = field(default_factory=dict)
    """Character spans of the ceasefire noun phrases, by sentence."""
    kept: dict[int, list[Reading]] = field(default_factory=dict)
    """Readings of the sentences with a ceasefire word, for the second pass."""

    def add(self, sentence: int, findings: list[Finding]) -> None:
        self.found.setdefault(sentence, []).extend(findings)

    def all(self) -> list[Finding]:
        return [f for fs in self.found.values() for f in fs]


def _head_pass(draft: Draft, article: Article, done: _Pass) -> None:
    """Claims about every ceasefire word."""
    for idx, offsets in sorted(needle_sentences(draft).items()):
        if draft.expired:
            return
        for reading in readings(draft, idx, offsets):
            sites = heads_in(article, reading)
            if not sites:
                continue
            done.kept.setdefault(idx, []).append(reading)
            for site in sites:
                done.phrases.setdefault(idx, []).append(reading.words.span(*site.phrase))
                done.add(idx, verbal_findings(site) if site.kind == "verbal" else analyse(site))


@cache
def _context_words() -> regex.Pattern[str]:
    """Words worth a second look in an article with a ceasefire."""
    v = vocab()
    an = v.lex.anaphors
    words = [*an.agreements, *an.talks, *an.violations, *v.lex.violence.nouns]
    words += [*v.lex.violence.markers, *v.lex.violence.complaints, *an.monitors, "there"]
    verbs = (*v.lex.violence.accuse, *v.lex.violence.launch, *an.deploy)
    words += [form for entry in verbs for form in inflect(entry).all()]
    return regex.compile(r"(?i)(?<![\w-])\L<words>(?![\w-])", words=words)


@dataclass(frozen=True)
class _Context:
    """What the first pass tells about the whole article."""

    first: int
    """Sentence of the first ceasefire word: words refer back only from there on."""
    talks: bool
    """The article is about ceasefire talks: ``the talks`` are those talks."""
    agreements: bool
    """The article's ceasefire is an agreement, and no peace deal makes ``the deal`` ambiguous."""
    real: list[int]
    """Offsets of the claims stating a ceasefire in force, in order."""


@cache
def _peace() -> regex.Pattern[str]:
    """``peace deal``, ``political settlement``."""
    an = vocab().lex.anaphors
    return regex.compile(
        r"(?i)\b\L<mods>[ -]\L<nouns>\b",
        mods=list(an.peace_modifiers),
        nouns=list(an.peace_nouns),
    )


def _context(draft: Draft, done: _Pass) -> _Context:
    found = done.all()
    first = min(done.phrases, default=len(draft.sentences))
    talks = any(f.status == "negotiating" for f in found)
    agreements = (
        any(f.status != "called_for" for f in found) and _peace().search(draft.text) is None
    )
    real = sorted(f.trigger[0] for f in found if is_real(f))
    return _Context(first, talks, agreements, real)


def _context_sentences(draft: Draft, done: _Pass) -> dict[int, list[int]]:
    """Sentences to read again or for the first time, with the offsets worth a look."""
    out: dict[int, list[int]] = {}
    for m in _context_words().finditer(draft.text):
        idx = draft.sentence_index(m.start())
        if idx is not None:
            out.setdefault(idx, []).append(m.start())
    for idx in list(done.phrases):
        for k in range(idx, min(len(draft.sentences), idx + _AFTER_HEAD + 1)):
            out.setdefault(k, [])
    return out


def _inside(offset: int, spans: list[Offsets]) -> bool:
    return any(s <= offset < e for s, e in spans)


def _referring_back(
    article: Article, reading: Reading, ctx: _Context, done: _Pass, pronouns: bool
) -> list[Finding]:
    """Claims made with words that refer back to the article's ceasefire."""
    idx = reading.sentence
    own = done.found.get(idx, [])
    phrases = done.phrases.get(idx, [])
    words = reading.words
    out: list[Finding] = []
    for site in anaphors_in(article, reading, agreements=ctx.agreements, pronouns=pronouns):
        at = words.starts[site.head[0]]
        if idx < ctx.first or _inside(at, phrases) or _inside(at, [f.trigger for f in own]):
            continue
        out += [f for f in analyse(site) if site.kind == "pronoun" or f.status != "called_for"]
    statuses = {f.status for f in own + out}
    if ctx.talks and "negotiating" not in statuses:
        span = talks_in(reading)
        if span is not None and not _inside(span[0], phrases):
            out.append(Finding("negotiating", span, span, "anaphor", 0.45))
    if "monitored" not in statuses:
        span = monitors_in(reading)
        if span is not None and idx >= ctx.first and not _inside(span[0], phrases):
            out.append(Finding("monitored", span, span, "anaphor", 0.45))
    if "violated" not in statuses:
        span = violations_in(reading)
        if span is not None and idx >= ctx.first and not _inside(span[0], phrases):
            out.append(Finding("violated", span, span, "anaphor", 0.45))
    return out


def _events(article: Article, reading: Reading, ctx: _Context, own: list[Finding]) -> list[Finding]:
    """Fighting reported while the article's ceasefire is in force: a violation."""
    if any(f.status == "violated" for f in own):
        return []
    if own and (all(f.status in UNREAL for f in own) or any(f.status == "collapsed" for f in own)):
        return []  # fighting while a truce is sought, or that ended it, breaks none
    out: list[Finding] = []
    for span in events_in(article, reading):
        real_before = bisect_right(ctx.real, span[0]) > 0
        real_here = [f for f in own if is_real(f)]
        if not real_before and not real_here:
            continue
        later = [f for f in own if f.head[0] > span[1]]
        if later and any(prior_between(reading.words, span[1], f.head[0]) for f in later):
            continue  # "fighting went on until a truce was agreed"
        accuser = complaint_verb(reading, span)
        out.append(Finding("violated", span, span, "event", 0.5, accusation=accuser))
        break
    return out


def _context_pass(draft: Draft, article: Article, done: _Pass) -> None:
    """Claims made without a ceasefire word, in an article that has one."""
    ctx = _context(draft, done)
    near_heads = {k for idx in done.phrases for k in range(idx, idx + _AFTER_HEAD + 1)}
    for idx, offsets in sorted(_context_sentences(draft, done).items()):
        if draft.expired:
            return
        for reading in done.kept.get(idx) or readings(draft, idx, offsets or None):
            found = _referring_back(article, reading, ctx, done, pronouns=idx in near_heads)
            own = done.found.get(idx, []) + found
            found += _events(article, reading, ctx, own)
            if found:
                done.add(idx, found)


def _unique(findings: list[Finding]) -> list[Finding]:
    """One claim per status and trigger, in text order."""
    seen: set[tuple[str, Offsets]] = set()
    out: list[Finding] = []
    for f in sorted(findings, key=lambda f: (f.trigger, f.status)):
        key = (f.status, f.trigger)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def find_claims(draft: Draft) -> None:
    """Find ceasefire claims."""
    text = draft.text
    if not text or not draft.sentences:
        return
    article = Article(draft)
    done = _Pass()
    _head_pass(draft, article, done)
    if not done.phrases:
        return
    _context_pass(draft, article, done)
    made = [a for idx in sorted(done.found) for a in describe_sides(draft, draft.sentences[idx])]
    claims: list[tuple[Finding, Offsets, Roles]] = []
    sources = []
    for idx in sorted(done.found):
        sentence = draft.sentences[idx]
        short = sentence[1] - sentence[0] <= _SHORT
        words = Words(text, *sentence) if short else None
        for f in _unique(done.found[idx]):
            source = source_of(draft, f, sentence)
            speaker = None if source.who == "narrator" else source.who
            roles = roles_of(draft, f, sentence, speaker, words, source.mention, source.words)
            claims.append((f, sentence, roles))
            sources.append(source)
    fill_sides(draft, claims)
    used = {a for _, _, r in claims for a in (*r.parties, *r.brokers, *r.excluded)}
    used |= {src.who for src in sources}
    for actor in made:
        if actor.id not in used:
            draft.actors.remove(actor)
    published = draft.published_date
    for (f, sentence, roles), source in zip(claims, sources, strict=True):
        when = time_of(text, f, sentence, published)
        lo, hi = min(f.trigger[0], f.head[0]), max(f.trigger[1], f.head[1])
        draft.add_claim(
            f.status,
            trigger=f.trigger,
            parties=roles.parties,
            brokers=roles.brokers,
            excluded=roles.excluded,
            location=place_of(draft, f, sentence),
            time=when[:2] if when else None,
            date_from=when[2] if when else None,
            date_to=when[3] if when else None,
            source=source.who,
            quote=source.quote,
            name=name_of(draft, f, sentence),
            negated=f.negated,
            hypothetical=f.hypothetical,
            qualifiers=qualifiers_of(Words(text, max(sentence[0], lo - 25), min(hi, lo + 400))),
            confidence=f.confidence,
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
            amends=("actors",),  # described sides (see roles.describe_sides)
        )
    ]
