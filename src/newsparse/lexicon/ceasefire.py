"""The ceasefire extractor's vocabulary (``data/ceasefire.json``), as a typed model.

Every entry is a plain word or phrase (no regular expressions): the extractor matches them word
by word. Verbs are lemma entries (see :mod:`newsparse.lexicon.verbs`) whose forms are generated;
nouns are listed in each form used. ``docs/ceasefire.md`` explains what each table is for.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..models import CeasefireStatus
from . import DataFile, load
from .verbs import parse_entry

__all__ = [
    "CeasefireLexicon",
    "FrameKind",
    "ceasefire_lexicon",
]

Words = tuple[str, ...]
"""A list of lower-case words or phrases."""

FrameKind = Literal[
    "call", "refuse", "promise", "attempt", "intend", "fact", "agree", "fail", "ready"
]
"""What a verb taking a ``to`` clause does to the ceasefire act in it (``urged X to respect``)."""


class _Part(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


def _lower(words: Words) -> Words:
    for w in words:
        if not w or w != w.lower() or w != w.strip():
            raise ValueError(f"entry {w!r} must be a non-empty, lower-case, trimmed phrase")
    return words


def _verbs(words: Words) -> Words:
    for w in _lower(words):
        parse_entry(w)
    return words


class Heads(_Part):
    """The words that name a ceasefire."""

    needles: Words
    """Pieces of lower-case text one of which every head contains: a text holding none of them
    (in any case) has no ceasefire claim, found with a few substring scans."""
    nouns: Words
    """Ceasefire nouns in every form (``truce``, ``cessation of hostilities``)."""
    needs_armed_context: Words
    """Nouns also used of trade, labour or party feuds: they count only near armed conflict."""
    places_after: Words
    """Nouns after a ceasefire noun that make it a place (``ceasefire line``), not a claim."""

    _check = field_validator("needles", "nouns", "needs_armed_context", "places_after")(
        classmethod(lambda cls, v: _lower(v))
    )


class Verbal(_Part):
    """A ceasefire said with a verb: ``agreed to cease hostilities``, ``pledged to end it``."""

    cease: Words
    """Verbs that make a ceasefire with a fighting object on their own (``cease fire``)."""
    stop: Words
    """Verbs that make one only under an agreeing or pledging verb (``agreed to end fighting``)."""
    objects: Words
    """What is stopped: ``fighting``, ``hostilities``, ``military operations``."""
    durations: Words
    """Units in ``end six days of fighting``."""
    ended: Words
    """What a ceasefire ends besides fighting (``a truce ending their war``): in effect."""
    quantifiers: Words
    """Words before what is stopped (``cease all hostilities``)."""
    pledged_only: Words
    """Objects that make a ceasefire only when a side pledges or agrees to stop them (``pledged
    to end all violence``), not when others campaign against them (``stop violence against
    women``)."""

    _check_verbs = field_validator("cease", "stop")(classmethod(lambda cls, v: _verbs(v)))
    _check = field_validator("objects", "durations", "ended", "quantifiers", "pledged_only")(
        classmethod(lambda cls, v: _lower(v))
    )


class Negation(_Part):
    """Words that deny a claim."""

    words: Words
    """``not``, ``never``, ``no``, ``without``."""
    verbs: Words
    """Verbs that deny the clause they govern (``denied a report that … had agreed``)."""

    _check = field_validator("*")(classmethod(lambda cls, v: _lower(v)))


class Hypothetical(_Part):
    """Words that make a claim conditional, future or unreal."""

    conditionals: Words
    """``if``, ``unless``, ``once``: the claim is in a condition."""
    future: Words
    """``due to``, ``set to``: the claim lies ahead."""
    prospects: Words
    """``possibility of``, ``hopes for``: a noun that holds the ceasefire out as possible."""
    modifiers: Words
    """Adjectives before the ceasefire noun (``a possible truce``)."""

    _check = field_validator("*")(classmethod(lambda cls, v: _lower(v)))


class Anaphors(_Part):
    """Words that refer back to a ceasefire already named in the article."""

    agreements: Words
    """``the accord``, ``the deal``: the ceasefire agreement, when definite or with a cue."""
    talks: Words
    """``the talks``: the ceasefire talks, in an article about ceasefire talks."""
    violations: Words
    """``violations``: of the article's ceasefire, in an article about one."""
    pronouns: Words
    """``it`` right after a status cue (``both sides signed it``)."""
    definite: Words
    """Determiners that make an agreement noun refer back (``the``, ``this``)."""
    not_ceasefire: Words
    """Modifiers that make an agreement or talks something else (``peace``, ``trade``)."""
    topic_after: Words
    """Words after an agreement noun that give it another topic (``a deal on``)."""
    monitors: Words
    """``observers``, ``joint patrols``: monitors of the article's ceasefire when a side sets them
    up or sends them (``agreed to set up joint patrols``)."""
    deploy: Words
    """Verbs that set monitors up or send them."""
    peace_modifiers: Words
    peace_nouns: Words
    """``peace deal``, ``political settlement``: an article speaking of one besides its
    ceasefire makes ``the deal`` ambiguous, so agreement nouns do not refer back there."""

    _check = field_validator("*")(classmethod(lambda cls, v: _lower(v)))
    _check_verbs = field_validator("deploy")(classmethod(lambda cls, v: _verbs(v)))


class Violence(_Part):
    """Fighting reported as an event, which breaks a ceasefire in force."""

    nouns: Words
    verbs: Words
    """Verbs saying fighting happened or went on (``erupted``, ``continued``)."""
    markers: Words
    """Words saying fighting went on or came back (``renewed``, ``still``)."""
    acts: Words
    """Armed acts one side is accused of (``attack``, ``shell``)."""
    accuse: Words
    complaints: Words
    """``complaint``, ``allegations``: one side accusing another, in an article about a truce."""
    complain: Words
    """Verbs whose subject makes a complaint (``made the allegations``, ``lodged a
    complaint``): the claim is the subject's."""
    launch: Words
    """Verbs that start fighting (``launched an offensive``)."""
    prior: Words
    """Words placing the fighting before the ceasefire (``until``, ``led to``): no violation."""

    _check_verbs = field_validator("verbs", "acts", "accuse", "launch", "complain")(
        classmethod(lambda cls, v: _verbs(v))
    )
    _check = field_validator("nouns", "markers", "prior", "complaints")(
        classmethod(lambda cls, v: _lower(v))
    )


class Context(_Part):
    """Words that tell an armed conflict's truce from a trade, labour or political one."""

    armed: Words
    civil: Words

    _check = field_validator("*")(classmethod(lambda cls, v: _lower(v)))


class Collective(_Part):
    """Plural descriptions of both sides of a truce (``the two sides``, ``the warring
    factions``, ``Iraq's two main Kurdish factions``)."""

    counts: Words
    """Words that make the plural noun after them both sides (``two``, ``both``, ``warring``)."""
    nouns: dict[Literal["sides", "groups", "states", "leaders"], Words]
    """The plural noun, by what the sides are: any side, two groups, two states, two people
    standing for their sides."""
    alone: Words
    """Words that may follow ``the two`` standing alone for both sides (``the two also
    agreed``)."""

    _check = field_validator("counts", "alone")(classmethod(lambda cls, v: _lower(v)))


class Roles(_Part):
    """Cues for the sides, brokers and excluded actors of a ceasefire."""

    between: Words
    with_: Words = Field(alias="with")
    """``a truce with the rebels``: the other side follows."""
    broker_before: Words
    """Cues right before a broker (``brokered by``, ``mediators``)."""
    broker_after: Words
    """Cues right after a broker (``'s mediation``)."""
    broker_suffixes: Words
    """Second halves of a hyphenated broker modifier (``Qatari-mediated``)."""
    broker_verbs: Words
    """Verbs whose subject acts on someone else's truce (``brokered``, ``urged``)."""
    members: Words
    """Cues before the members of a monitoring body (``made up of``)."""
    locative: Words
    """Prepositions that make a country after them a place (``talks in Lebanon``)."""
    compass: Words
    """Words that may stand between such a preposition and the country (``in south Lebanon``)."""
    accused: Words
    collective: Collective

    _check_verbs = field_validator("broker_verbs", "accused")(classmethod(lambda cls, v: _verbs(v)))


class Qualifiers(_Part):
    """Words that grade a claim (``shaky``, ``30-day``)."""

    words: Words
    units: Words
    """Units in ``30-day``, ``three-week``."""
    numbers: Words
    """Number words in ``three-week``."""

    _check = field_validator("*")(classmethod(lambda cls, v: _lower(v)))


class Time(_Part):
    """Words of the time expressions resolved against the publication date."""

    numbers: dict[str, int]
    units: dict[str, int]
    """Days per unit in ``three days ago``."""
    today: Words
    yesterday: Words
    relative_leads: Words
    """``last``, ``next`` before ``week``, ``month``, ``year``."""
    periods: Words
    leads: Words
    """Prepositions and adverbs kept in a date's span (``on Friday``, ``in January``)."""
    future_leads: Words
    """Leads that look ahead (``until Friday``)."""
    verb_months: Words
    """Month names that are also verbs, kept only with a lead or a day (``may``)."""
    future: Words
    """Words near a claim that put it ahead (``due to``, ``will``)."""


class Exclusion(_Part):
    """How news says an actor or area stands outside a ceasefire: ``not included in``."""

    inclusion: Words
    """Phrases before the ceasefire that, denied, exclude (``were not included in``)."""
    coverage: Words
    """Verbs whose subject is the ceasefire that, denied, exclude (``does not apply to``)."""

    _check = field_validator("inclusion")(classmethod(lambda cls, v: _lower(v)))
    _check_verbs = field_validator("coverage")(classmethod(lambda cls, v: _verbs(v)))


class DescribedSides(_Part):
    """Descriptions news uses for the sides of a truce it does not name (``separatist
    rebels``, ``government forces``, ``faction leaders``)."""

    modifiers: Words
    """Words before the description's noun; capitalised words (``Chechen``) count too."""
    heads: dict[Literal["armed_group", "government", "political_group"], Words]
    """The description's noun, by the kind of actor it describes."""
    not_before: Words
    """Words after the noun that make it part of a longer phrase (``leaders of …``)."""

    _check = field_validator("modifiers", "not_before")(classmethod(lambda cls, v: _lower(v)))


class Causative(_Part):
    """``make the truce hold``: a verb and what it makes the ceasefire do (in effect)."""

    verbs: Words
    predicates: Words

    _check_verbs = field_validator("verbs")(classmethod(lambda cls, v: _verbs(v)))
    _check = field_validator("predicates")(classmethod(lambda cls, v: _lower(v)))


class VerbGroup(_Part):
    """Words that may stand inside a verb group (``has largely been respected``)."""

    adverbs: Words
    """Adverbs besides any word in ``-ly``."""
    hedges: Words
    """Verbs before the main verb of the group (``seems to be holding``, ``continued to
    hold``)."""

    _check = field_validator("adverbs")(classmethod(lambda cls, v: _lower(v)))
    _check_verbs = field_validator("hedges")(classmethod(lambda cls, v: _verbs(v)))


Status = CeasefireStatus


class CeasefireLexicon(DataFile):
    """Everything the ceasefire extractor knows about how English news writes about truces."""

    heads: Heads
    verbal: Verbal
    verbs: dict[Status, Words]
    """Verbs whose object is the ceasefire, by the status they state (``violated the truce``)."""
    unfinished_verbs: Words
    """Verbs that mean talks while under way and an agreement once done (``negotiating`` /
    ``negotiated a truce``)."""
    nouns: dict[Status, Words]
    """Nouns with their preposition before the ceasefire (``violation of``)."""
    prepositions: dict[Status, Words]
    """Prepositions before the ceasefire that state a status (``under``, ``despite``)."""
    predicates: dict[Status, Words]
    """Verbs whose subject is the ceasefire (``took effect``, ``broke down``)."""
    complements: dict[Status, Words]
    """What the ceasefire ``is`` (``in place``, ``over``)."""
    compounds: dict[Status, Words]
    """Nouns right after the ceasefire noun (``ceasefire talks``)."""
    modifiers: dict[Status, Words]
    """Words inside the ceasefire's noun phrase before it; ``-x`` is a hyphenated second half."""
    frames: dict[FrameKind, Words]
    """Verbs taking a ``to`` clause that holds the ceasefire act (``urged X to respect``)."""
    noun_frames: dict[FrameKind, Words]
    """Nouns doing the same (``efforts to secure``)."""
    aimed_at: Words
    """Links between a noun frame and its act (``talks aimed at securing``)."""
    negation: Negation
    hypothetical: Hypothetical
    anaphors: Anaphors
    violence: Violence
    context: Context
    roles: Roles
    qualifiers: Qualifiers
    time: Time
    name_blockers: Words
    """Words that cannot start a ceasefire's name (``under``)."""
    verb_group: VerbGroup
    exclusion: Exclusion
    described_sides: DescribedSides
    urging: Words
    causative: Causative
    """Nouns in ``at the envoy's urging``, ``at the request of``: a call for the ceasefire."""

    @field_validator("verbs", "predicates", "frames")
    @classmethod
    def _verb_tables(cls, value: dict[str, Words]) -> dict[str, Words]:
        for words in value.values():
            _verbs(words)
        return value

    @field_validator(
        "nouns", "prepositions", "complements", "compounds", "modifiers", "noun_frames"
    )
    @classmethod
    def _word_tables(cls, value: dict[str, Words]) -> dict[str, Words]:
        for words in value.values():
            _lower(words)
        return value

    _check_unfinished = field_validator("unfinished_verbs")(classmethod(lambda cls, v: _verbs(v)))


@cache
def ceasefire_lexicon() -> CeasefireLexicon:
    """The ceasefire vocabulary, loaded and validated once."""
    return load("ceasefire.json", CeasefireLexicon)
