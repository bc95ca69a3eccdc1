"""The ceasefire vocabulary turned into phrase tables, built once, on the first article that
mentions a ceasefire (a text without one never pays for it)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from ...lexicon import inflect
from ...lexicon.ceasefire import CeasefireLexicon, FrameKind, Status, ceasefire_lexicon
from ...lexicon.english import english
from .words import PhraseTable

__all__ = ["Verb", "Vocab", "vocab"]


class Verb(NamedTuple):
    """A verb form found in the text: what its verb states, and whether this form is finished
    (past or participle) or not (base, ``-s``, ``-ing``)."""

    status: Status
    finished: bool
    lemma: str


class Frame(NamedTuple):
    """A verb or noun that takes a ``to`` clause, and the form it was written in."""

    kind: FrameKind
    finished: bool


def _verb_rows(entries: tuple[str, ...], status: Status) -> list[tuple[str, Verb]]:
    """Every form of every verb entry, with what it states."""
    rows: list[tuple[str, Verb]] = []
    for entry in entries:
        if entry.startswith("be "):
            rows.append((entry[3:], Verb(status, True, entry)))
            continue
        forms = inflect(entry)
        rows.append((forms.past, Verb(status, True, forms.base)))
        rows.append((forms.participle, Verb(status, True, forms.base)))
        for form in (forms.base, forms.s, forms.ing):
            if form not in (forms.past, forms.participle):
                rows.append((form, Verb(status, False, forms.base)))
    return rows


def _table(groups: dict[Status, tuple[str, ...]]) -> PhraseTable[Status]:
    return PhraseTable((w, status) for status, words in groups.items() for w in words)


def _words(*lists: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w for words in lists for w in words)


@dataclass(frozen=True)
class Vocab:
    """Every table the rules use."""

    lex: CeasefireLexicon
    needles: tuple[str, ...]
    heads: PhraseTable[bool]
    """Ceasefire nouns; the value says whether the noun needs armed conflict around it."""
    places_after: frozenset[str]
    cease_verbs: PhraseTable[bool]
    """Verbs that stop fighting; True for those that make a ceasefire on their own (cease)."""
    fighting: PhraseTable[bool]
    """What a ceasefire verb stops (``fighting``, ``hostilities``)."""
    ended: PhraseTable[bool]
    """What a ceasefire ends: fighting, and ``war``, ``conflict``."""
    durations: frozenset[str]
    object_verbs: PhraseTable[Verb]
    nouns: PhraseTable[Status]
    prepositions: PhraseTable[Status]
    predicates: PhraseTable[Verb]
    complements: PhraseTable[Status]
    compounds: dict[str, Status]
    modifiers: dict[str, Status]
    modifier_suffixes: dict[str, Status]
    frames: PhraseTable[Frame]
    noun_frames: PhraseTable[FrameKind]
    aimed_at: PhraseTable[bool]
    be: frozenset[str]
    auxiliaries: frozenset[str]
    adverbs: frozenset[str]
    hedges: PhraseTable[Verb]
    modals: frozenset[str]
    negations: PhraseTable[bool]
    denials: PhraseTable[Verb]
    conditionals: PhraseTable[bool]
    future: PhraseTable[bool]
    prospects: PhraseTable[bool]
    unreal_modifiers: frozenset[str]
    determiners: frozenset[str]
    possessives: frozenset[str]
    prepositions_any: frozenset[str]
    subordinators: PhraseTable[bool]
    relatives: frozenset[str]
    coordinators: frozenset[str]
    reporting: PhraseTable[Verb]
    agreements: frozenset[str]
    talks: frozenset[str]
    violations: frozenset[str]
    pronouns: frozenset[str]
    definite: frozenset[str]
    not_ceasefire: frozenset[str]
    topic_after: frozenset[str]
    violence_nouns: PhraseTable[bool]
    violence_verbs: PhraseTable[Verb]
    violence_markers: frozenset[str]
    violence_acts: PhraseTable[Verb]
    accuse: PhraseTable[Verb]
    prior: PhraseTable[bool]
    armed: PhraseTable[bool]
    civil: PhraseTable[bool]
    qualifiers: PhraseTable[bool]
    qualifier_units: frozenset[str]
    qualifier_numbers: frozenset[str]
    name_blockers: frozenset[str]
    causative: PhraseTable[Verb]
    """``make`` in ``make the truce hold``."""
    launch: PhraseTable[Verb]
    """Verbs starting fighting (``launched an offensive``)."""
    complaints: frozenset[str]
    complain: PhraseTable[Verb]
    """``made`` in ``made the allegations``: the subject is the accuser."""
    monitors: PhraseTable[bool]
    deploy: PhraseTable[Verb]
    inclusion: PhraseTable[bool]
    """``included in``: denied, an exclusion."""
    coverage: PhraseTable[Verb]
    """``apply to``: denied after the ceasefire, an exclusion."""


def _frames(groups: dict[FrameKind, tuple[str, ...]]) -> PhraseTable[Frame]:
    table: PhraseTable[Frame] = PhraseTable()
    for kind, entries in groups.items():
        for entry in entries:
            if entry.startswith("be "):
                table.add(entry[3:], Frame(kind, False))
                continue
            forms = inflect(entry)
            for form in forms.all():
                table.add(form, Frame(kind, form in (forms.past, forms.participle)))
    return table


@cache
def vocab() -> Vocab:
    """The compiled tables (built on first use)."""
    lex = ceasefire_lexicon()
    en = english()
    object_rows: list[tuple[str, Verb]] = []
    for status, entries in lex.verbs.items():
        object_rows += _verb_rows(entries, status)
    for entry in lex.unfinished_verbs:
        forms = inflect(entry)
        for form in forms.all():
            done = form in (forms.past, forms.participle)
            object_rows.append((form, Verb("agreed" if done else "negotiating", done, forms.base)))
    predicate_rows: list[tuple[str, Verb]] = []
    for status, entries in lex.predicates.items():
        predicate_rows += _verb_rows(entries, status)
    cease: PhraseTable[bool] = PhraseTable()
    for entry in lex.verbal.stop:
        for form in inflect(entry).all():
            cease.add(form, entry in lex.verbal.cease)
    mods = {w: s for s, words in lex.modifiers.items() for w in words}
    reporting: list[tuple[str, Verb]] = []
    for entry in (*en.reporting_verbs, *en.belief_verbs):
        reporting += _verb_rows((entry,), "in_effect")
    return Vocab(
        lex=lex,
        needles=lex.heads.needles,
        heads=PhraseTable((w, w in lex.heads.needs_armed_context) for w in lex.heads.nouns),
        places_after=frozenset(lex.heads.places_after),
        cease_verbs=cease,
        fighting=PhraseTable((w, True) for w in lex.verbal.objects),
        ended=PhraseTable((w, True) for w in (*lex.verbal.objects, *lex.verbal.ended)),
        durations=frozenset(lex.verbal.durations),
        object_verbs=PhraseTable(object_rows),
        nouns=_table(lex.nouns),
        prepositions=_table(lex.prepositions),
        predicates=PhraseTable(predicate_rows),
        complements=_table(lex.complements),
        compounds={w: s for s, words in lex.compounds.items() for w in words},
        modifiers={w: s for w, s in mods.items() if not w.startswith("-")},
        modifier_suffixes={w[1:]: s for w, s in mods.items() if w.startswith("-")},
        frames=_frames(lex.frames),
        noun_frames=PhraseTable(
            (w, kind) for kind, words in lex.noun_frames.items() for w in words
        ),
        aimed_at=PhraseTable((w, True) for w in lex.aimed_at),
        be=frozenset(en.be),
        auxiliaries=frozenset(en.auxiliaries),
        adverbs=frozenset(lex.verb_group.adverbs),
        hedges=PhraseTable(_verb_rows(lex.verb_group.hedges, "in_effect")),
        modals=frozenset(en.modals),
        negations=PhraseTable((w, True) for w in (*en.negations, *lex.negation.words)),
        denials=PhraseTable(_verb_rows(lex.negation.verbs, "rejected")),
        conditionals=PhraseTable((w, True) for w in lex.hypothetical.conditionals),
        future=PhraseTable((w, True) for w in lex.hypothetical.future),
        prospects=PhraseTable((w, True) for w in lex.hypothetical.prospects),
        unreal_modifiers=frozenset(lex.hypothetical.modifiers),
        determiners=_words(en.determiners),
        possessives=_words(en.possessives),
        prepositions_any=_words(en.prepositions),
        subordinators=PhraseTable((w, True) for w in en.subordinators),
        relatives=_words(en.relatives),
        coordinators=_words(en.coordinators),
        reporting=PhraseTable(reporting),
        agreements=frozenset(lex.anaphors.agreements),
        talks=frozenset(lex.anaphors.talks),
        violations=frozenset(lex.anaphors.violations),
        pronouns=frozenset(lex.anaphors.pronouns),
        definite=frozenset(lex.anaphors.definite),
        not_ceasefire=frozenset(lex.anaphors.not_ceasefire),
        topic_after=frozenset(lex.anaphors.topic_after),
        violence_nouns=PhraseTable((w, True) for w in lex.violence.nouns),
        violence_verbs=PhraseTable(_verb_rows(lex.violence.verbs, "violated")),
        violence_markers=frozenset(lex.violence.markers),
        violence_acts=PhraseTable(_verb_rows(lex.violence.acts, "violated")),
        accuse=PhraseTable(_verb_rows(lex.violence.accuse, "violated")),
        prior=PhraseTable((w, True) for w in lex.violence.prior),
        armed=PhraseTable((w, True) for w in lex.context.armed),
        civil=PhraseTable((w, True) for w in lex.context.civil),
        qualifiers=PhraseTable((w, True) for w in lex.qualifiers.words),
        qualifier_units=frozenset(lex.qualifiers.units),
        qualifier_numbers=frozenset(lex.qualifiers.numbers),
        name_blockers=frozenset(lex.name_blockers),
        causative=PhraseTable(_verb_rows(lex.causative.verbs, "in_effect")),
        launch=PhraseTable(_verb_rows(lex.violence.launch, "violated")),
        complaints=frozenset(lex.violence.complaints),
        complain=PhraseTable(_verb_rows(lex.violence.complain, "violated")),
        monitors=PhraseTable((w, True) for w in lex.anaphors.monitors),
        deploy=PhraseTable(_verb_rows(lex.anaphors.deploy, "monitored")),
        inclusion=PhraseTable((w, True) for w in lex.exclusion.inclusion),
        coverage=PhraseTable(_verb_rows(lex.exclusion.coverage, "excluded")),
    )
