"""The word classes the quote rules look words up in, built once from the lexicon on first use.

Every lookup here is a set or dict keyed by the word as written (lower case for function words,
as written for capitalised name words), so a rule classifies a token with one hash lookup.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Literal

from ...lexicon import inflect
from ...lexicon.english import english
from ...lexicon.quotes import lemmas, quote_words

__all__ = ["CueSense", "Words", "words"]

VerbForm = Literal["base", "s", "past", "participle", "ing", "phrase"]


@dataclass(frozen=True, slots=True)
class CueSense:
    """What one written form of a cue is: its lemma, its form and how it attributes."""

    text: str
    """The form as written, words separated by single spaces (``said``, ``according to``)."""
    lemma: str
    form: VerbForm
    speech: bool
    """A reporting verb that can take a reported clause (``said`` the talks failed)."""
    belief: bool
    """A belief verb (``believes`` the talks failed)."""
    act: bool
    """A speech act whose object is what was said (``called`` the plan a disaster)."""
    direct_only: bool
    """Introduces verbatim words only (``quipped``)."""
    listener: bool
    """Takes a listener before the report (``told`` reporters)."""
    bare_lead: bool
    """May take a quotation right after it, with no comma (``said “…``)."""
    participle: bool
    """An ``-ing`` form attaching a report to the sentence's speaker (``, adding``)."""
    thatless: bool
    """Reports a clause without ``that`` (``said the talks failed``)."""
    phrase: bool
    """A cue phrase followed by its speaker (``according to``)."""

    @property
    def rest(self) -> tuple[str, ...]:
        """The words of the form after the first (``to`` in ``according to``)."""
        return _REST.get(self.text) or _rest(self.text)


_REST: dict[str, tuple[str, ...]] = {}


def _rest(text: str) -> tuple[str, ...]:
    got = _REST[text] = tuple(text.split(" ")[1:])
    return got


@dataclass(frozen=True)
class Words:
    """Every word class the rules need, as sets and dicts."""

    cues: dict[str, tuple[CueSense, ...]]
    """First word of a cue (as written, lower case or capitalised) -> its senses, longest
    first."""
    pronouns: Mapping[str, str]
    """Subject pronoun (lower case) -> gender letter of ``english.json`` (m, f, n, p, s)."""
    determiners: frozenset[str]
    possessives: frozenset[str]
    auxiliaries: frozenset[str]
    adverbs: frozenset[str]
    prepositions: frozenset[str]
    coordinators: frozenset[str]
    subordinators: frozenset[str]
    relatives: frozenset[str]
    negations: frozenset[str]
    months: frozenset[str]
    weekdays: frozenset[str]
    particles: frozenset[str]
    joined_particles: tuple[str, ...]
    listeners: frozenset[str]
    """Listener phrases (lower case), e.g. ``reporters``, ``the newspaper``."""
    listener_heads: frozenset[str]
    """First words of listener phrases."""
    adjunct_starts: frozenset[str]
    speaker_nouns: frozenset[str]
    generic_plurals: frozenset[str]
    body_nouns: dict[str, str]
    document_nouns: frozenset[str]
    org_name_words: frozenset[str]
    name_titles: frozenset[str]
    not_names: frozenset[str]
    title_small_words: frozenset[str]
    naming_cues: tuple[str, ...]
    particles_after: frozenset[str]
    """Particles after a verb (``backed out``)."""
    narrator_openers: tuple[str, ...]
    clause_openers: frozenset[str]
    not_clause_starts: frozenset[str]
    time_words: frozenset[str]
    object_verbs: frozenset[str]
    """Lemmas of verbs that often take a noun phrase as object (see ``QuoteWords``)."""
    gendered_nouns: Mapping[str, str]
    armed_modifiers: frozenset[str]
    media_nouns: frozenset[str]
    time_heads: frozenset[str]
    """Words heading a time adjunct: weekdays and months as written, time nouns in lower case."""
    editorial_labels: frozenset[str]
    never_inverted: frozenset[str]
    """Lemmas of listener verbs that never come before their speaker (``tell``)."""
    adjunct_prepositions: frozenset[str]
    phrase_prepositions: frozenset[str]
    be: frozenset[str]
    object_pronouns: frozenset[str]
    clause_breaks: frozenset[str]
    """Words after which a new clause (and its subject) may start."""

    def is_noun_head(self, low: str) -> bool:
        """Whether a lower-case word can head a speaker description."""
        return low in self.speaker_nouns or low in self.body_nouns or low in self.generic_plurals


def _senses() -> dict[str, tuple[CueSense, ...]]:
    eng = english()
    qw = quote_words()
    direct_only = lemmas(qw.direct_only_verbs)
    listener = lemmas(qw.listener_verbs)
    bare = lemmas(qw.bare_lead_verbs)
    participle = lemmas(qw.participle_verbs)
    thatless = lemmas(qw.thatless_verbs)
    headline = lemmas(qw.headline_verbs)
    act = lemmas(qw.act_verbs)
    speech_lemmas = {inflect(e).base for e in eng.reporting_verbs}
    belief_lemmas = {inflect(e).base for e in eng.belief_verbs}
    entries = (*eng.reporting_verbs, *eng.belief_verbs, *qw.act_verbs, *qw.direct_only_verbs)
    found: dict[str, CueSense] = {}
    for entry in entries:
        verb = inflect(entry)
        lemma = verb.base
        for form_name, text in zip(verb._fields, verb, strict=True):
            if text in found:
                continue
            found[text] = CueSense(
                text=text,
                lemma=lemma,
                form=form_name,  # type: ignore[arg-type]
                speech=lemma in speech_lemmas and lemma not in direct_only and lemma not in act,
                belief=lemma in belief_lemmas,
                act=lemma in act,
                direct_only=lemma in direct_only,
                listener=lemma in listener,
                bare_lead=lemma in bare,
                participle=form_name == "ing" and lemma in participle,
                thatless=lemma in thatless,
                phrase=False,
            )
    for phrase in qw.phrase_cues:
        found[phrase] = CueSense(
            phrase, phrase, "phrase", False, False, False, False, False, False, False, False, True
        )
    table: dict[str, list[CueSense]] = {}
    for sense in found.values():
        first = sense.text.split(" ")[0]
        table.setdefault(first, []).append(sense)
        if sense.phrase or sense.form == "ing" or (sense.lemma in headline and sense.form == "s"):
            # "According to X, …" opens a sentence; headlines capitalise ("Lee Says …").
            table.setdefault(first[:1].upper() + first[1:], []).append(sense)
    return {k: tuple(sorted(v, key=lambda s: -len(s.text))) for k, v in table.items()}


@cache
def words() -> Words:
    """The word classes, built on first use."""
    eng = english()
    qw = quote_words()
    pronouns = {w: p.gender for w, p in eng.pronouns.items() if p.case == "subject"}
    return Words(
        cues=_senses(),
        pronouns=pronouns,
        determiners=frozenset(w for w in eng.determiners if " " not in w),
        possessives=frozenset(eng.possessives),
        auxiliaries=frozenset(eng.auxiliaries),
        adverbs=frozenset(qw.adverbs),
        prepositions=frozenset(eng.prepositions),
        coordinators=frozenset(eng.coordinators),
        subordinators=frozenset(w for w in eng.subordinators if " " not in w),
        relatives=frozenset(eng.relatives),
        negations=frozenset(eng.negations),
        months=frozenset(eng.months),
        weekdays=frozenset(eng.weekdays),
        particles=frozenset(eng.name_particles.separate),
        joined_particles=tuple(eng.name_particles.joined),
        listeners=frozenset(qw.listeners),
        listener_heads=frozenset(x.split()[0] for x in qw.listeners),
        adjunct_starts=frozenset(qw.adjunct_starts),
        speaker_nouns=frozenset(qw.speaker_nouns),
        generic_plurals=frozenset(qw.generic_plurals),
        body_nouns=dict(qw.body_nouns),
        document_nouns=frozenset(qw.document_nouns),
        org_name_words=frozenset(qw.org_name_words),
        name_titles=frozenset(qw.name_titles),
        not_names=frozenset(qw.not_names),
        title_small_words=frozenset(qw.title_small_words),
        naming_cues=qw.naming_cues,
        particles_after=frozenset(qw.verb_particles),
        narrator_openers=qw.narrator_openers,
        clause_openers=frozenset(qw.clause_openers),
        not_clause_starts=frozenset(qw.not_clause_starts),
        time_words=frozenset(qw.time_words),
        object_verbs=lemmas(qw.object_verbs),
        gendered_nouns=dict(qw.gendered_nouns),
        armed_modifiers=frozenset(qw.armed_modifiers),
        media_nouns=frozenset(qw.media_nouns),
        time_heads=frozenset([*qw.time_nouns, *eng.weekdays, *eng.months]),
        editorial_labels=frozenset(qw.editorial_labels),
        never_inverted=lemmas(qw.never_inverted_verbs),
        adjunct_prepositions=frozenset(qw.adjunct_prepositions),
        phrase_prepositions=frozenset(qw.phrase_prepositions),
        be=frozenset(eng.be),
        object_pronouns=frozenset(w for w, p in eng.pronouns.items() if p.case == "object"),
        clause_breaks=frozenset(
            [
                ",",
                ";",
                ":",
                "that",
                *eng.coordinators,
                *(w for w in eng.subordinators if " " not in w),
            ]
        ),
    )
