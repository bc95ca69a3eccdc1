"""The quote extractor's vocabulary (``data/cues.json``): cue classes, speaker words, name words.

The reporting and belief verbs themselves are general English and live in ``english.json``; this
file says how some of them behave in attributions (which take a listener, which introduce only
verbatim words, which take their report as an object) and lists the nouns that name speakers.
Verb entries use the lemma notation of :mod:`newsparse.lexicon.verbs`.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import field_validator

from ..models import ActorKind
from . import DataFile, load
from .verbs import inflect, parse_entry

__all__ = ["QuoteWords", "lemmas", "quote_words"]


def _verb_entries(value: tuple[str, ...]) -> tuple[str, ...]:
    for entry in value:
        parse_entry(entry)  # raises ValueError on a malformed entry
    return value


def _lower(value: tuple[str, ...]) -> tuple[str, ...]:
    for word in value:
        if word != word.lower():
            raise ValueError(f"{word!r} must be written in lower case")
    return value


class QuoteWords(DataFile):
    """Word classes of English news attribution."""

    phrase_cues: tuple[str, ...]
    """Cue phrases followed by their speaker (``according to``)."""
    direct_only_verbs: tuple[str, ...]
    """Verbs that introduce verbatim words only, never a reported clause (``shout``, ``quip``)."""
    act_verbs: tuple[str, ...]
    """Speech acts whose object is what was said (``called the plan a disaster``)."""
    listener_verbs: tuple[str, ...]
    """Verbs that take a listener before the report (``told reporters that``)."""
    bare_lead_verbs: tuple[str, ...]
    """Verbs that may take a quotation as their object with no comma (``said “…``)."""
    participle_verbs: tuple[str, ...]
    """Verbs whose ``-ing`` form attaches a report to the sentence's speaker (``, adding …``)."""
    thatless_verbs: tuple[str, ...]
    """Verbs common enough to report a clause without ``that`` (``said the talks failed``)."""
    object_verbs: tuple[str, ...]
    """Reporting verbs whose noun-phrase object is an act, not speech (``agreed a truce``): a
    clause after them without ``that`` must read as one (a subject pronoun, an auxiliary, a
    past form)."""
    headline_verbs: tuple[str, ...]
    """Verbs whose ``-s`` form is also a cue capitalised, as headlines write it (``Lee Says Talks
    Failed``)."""
    never_inverted_verbs: tuple[str, ...]
    """Listener verbs that never come before their speaker: ``…, told Fox News`` names the
    listener."""
    listeners: tuple[str, ...]
    """Who is told (``reporters``, ``the BBC``): the object of a listener verb."""
    adverbs: tuple[str, ...]
    """Adverbs standing between a speaker and the cue (``also``, ``later``)."""
    adjunct_starts: tuple[str, ...]
    """Words that open an adjunct after a cue (``on`` Monday, ``in`` a statement)."""
    speaker_nouns: tuple[str, ...]
    """Nouns naming a person who speaks (``official``, ``spokesman``)."""
    generic_plurals: tuple[str, ...]
    """Plurals naming nobody in particular (``analysts``); not made actors."""
    body_nouns: dict[str, ActorKind]
    """Nouns naming a body or a document that speaks, with the kind of actor they name
    (``ministry``: government, ``statement``: organization)."""
    document_nouns: tuple[str, ...]
    """Body nouns that name a document (``statement``): the body that issued it speaks."""
    org_name_words: tuple[str, ...]
    """Capitalised words that make a name an organisation's (``Ministry``, ``Times``)."""
    name_titles: tuple[str, ...]
    """Capitalised titles standing before a name (``President``, ``Sen.``)."""
    not_names: tuple[str, ...]
    """Capitalised words that never start or continue a name (``The``, ``Monday``)."""
    title_small_words: tuple[str, ...]
    """Small words left lower case inside a title (``of``, ``the``)."""
    naming_cues: tuple[str, ...]
    """Words before quotation marks that only name something (``so-called``, ``known as``)."""
    verb_particles: tuple[str, ...]
    """Particles that make a speech-act verb something else (``backed out``, ``called off``)."""
    narrator_openers: tuple[str, ...]
    """Words that, after a comma, open the narrator's own clause (``, but``, ``, while``)."""
    clause_openers: tuple[str, ...]
    """Words that open a reported clause right after a cue (``that``, ``whether``)."""
    not_clause_starts: tuple[str, ...]
    """Words after a cue that show no reported clause follows (``said of``, ``said nothing``)."""
    time_words: tuple[str, ...]
    """One-word time adjuncts between a cue and its clause (``said yesterday that``)."""
    gendered_nouns: dict[str, Literal["m", "f"]]
    """Nouns that tell a described person's gender (``a young man``, ``his sister``)."""
    armed_modifiers: tuple[str, ...]
    """Words that make a body an armed group's (``the rebel command``), not a government's."""
    media_nouns: tuple[str, ...]
    """Nouns ending a listener's name (``told Interfax news agency``, ``told Israel Radio``)."""
    time_nouns: tuple[str, ...]
    """Nouns heading a time adjunct after a cue with a preposition or determiner (``said last
    week``, ``said on Wednesday night``, ``told … at the weekend``); weekdays and months count
    too."""
    editorial_labels: tuple[str, ...]
    """Labels before a colon that head an editor's note or a section, never a speaker
    (``Correction:``, ``Related:``)."""
    adjunct_prepositions: tuple[str, ...]
    """Words opening an adjunct phrase after a cue (``said on Monday``, ``told … in a
    statement``)."""
    phrase_prepositions: tuple[str, ...]
    """Prepositions joining a speaker phrase to its complement (``a spokesman for the
    ministry``)."""

    @field_validator(
        "direct_only_verbs",
        "act_verbs",
        "listener_verbs",
        "bare_lead_verbs",
        "participle_verbs",
        "thatless_verbs",
        "headline_verbs",
        "never_inverted_verbs",
        "object_verbs",
    )
    @classmethod
    def check_verb_entries(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        """Every verb entry parses as a lemma entry."""
        return _verb_entries(value)

    @field_validator(
        "phrase_cues",
        "listeners",
        "adverbs",
        "adjunct_starts",
        "speaker_nouns",
        "generic_plurals",
        "document_nouns",
        "naming_cues",
        "verb_particles",
        "narrator_openers",
        "clause_openers",
        "not_clause_starts",
        "time_words",
        "time_nouns",
        "media_nouns",
        "armed_modifiers",
        "editorial_labels",
        "adjunct_prepositions",
        "phrase_prepositions",
    )
    @classmethod
    def check_lower_case(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        """Lower-case word lists are written in lower case (they are matched so)."""
        return _lower(value)


def lemmas(entries: tuple[str, ...]) -> frozenset[str]:
    """The lemmas of some verb entries."""
    return frozenset(inflect(e).base for e in entries)


@cache
def quote_words() -> QuoteWords:
    """The quote vocabulary, loaded and validated once."""
    return load("cues.json", QuoteWords)
