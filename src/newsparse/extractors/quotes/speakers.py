"""Speakers: from the words naming who speaks to an actor of the article.

- A **name** is the actor the actors step found there, else a person (or organisation) of that
  surname or name named earlier, else a new actor.
- A **pronoun** is a person of compatible gender (``he``/``she``) or a body (``it``/``they``),
  looked for sentence by sentence backwards: first who spoke in that sentence, then who is named
  in it outside quotation marks.
- A **description** (``the minister``, ``a retired diplomat``) is an earlier actor with that title
  when definite, else a new actor described as the article describes it; a generic plural
  (``analysts``) is nobody in particular and gets no actor.
- A quotation **standing alone** continues the speaker of the nearest attributed quote before it,
  unless someone else is named in between.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from ...draft import ActorDraft, Draft, Offsets
from ...lexicon import load_lines, load_tsv
from .phrases import Phrase, classify
from .story import REACH, Found, Story
from .words import words

__all__ = ["Resolver", "given_name_gender"]

#: Sentences looked back through for whom a pronoun or a standing quotation refers to.
LOOKBACK_SENTENCES = 4
#: Speakers of earlier quotes a standing quotation may continue (sentences back).
INHERIT_SENTENCES = 5
#: Words of a name that may be made a new actor.
_NAME_WORDS = 6
#: Mentions of an actor looked at for a pronoun telling its gender.
_GENDER_MENTIONS = 4
#: How far back a description of a body (``the agency``) looks for the body it names.
_BODY_LOOKBACK = 3000
#: How far from a body's name the noun introducing it may stand (``news agency IRNA``).
_BODY_NOUN_CHARS = 24
_ORG_KINDS = frozenset(["government", "organization", "igo", "armed_group", "political_group"])


@cache
def _given_names() -> dict[str, str]:
    try:
        rows = load_tsv("given_names.tsv")
    except OSError:
        return {}
    return {r[0]: r[1] for r in rows[1:] if len(r) >= 2 and r[1] in ("m", "f")}


@cache
def _common_words() -> frozenset[str]:
    try:
        return frozenset(load_lines("common_words.txt"))
    except OSError:
        return frozenset()


@cache
def _title_genders() -> dict[str, str]:
    try:
        rows = load_tsv("titles.tsv")
    except OSError:
        return {}
    return {r[0]: r[1] for r in rows[1:] if len(r) >= 2 and r[1] in ("m", "f")}


def given_name_gender(name: str) -> str | None:
    """``m`` or ``f`` when the first word of ``name`` is a given name of one gender."""
    first = name.split(" ", 1)[0]
    return _given_names().get(first)


@dataclass
class _Memory:
    """What the resolver has learnt so far in one article."""

    by_surname: dict[str, ActorDraft] = field(default_factory=dict)
    indexed: int = 0
    genders: dict[str, str] = field(default_factory=dict)
    described: dict[str, ActorDraft] = field(default_factory=dict)
    speakers: dict[int, list[ActorDraft]] = field(default_factory=dict)
    """Sentence index -> actors who speak in it, in order."""


def _surname(name: str) -> str:
    last = name.split()[-1] if name.split() else ""
    low = last.casefold().strip(".,’'")
    for p in words().joined_particles:
        if low.startswith(p):
            return low[len(p) :]
    return low


class Resolver:
    """Gives each quote of a story its speaker actor, in text order."""

    def __init__(self, story: Story) -> None:
        self.story = story
        self.draft: Draft = story.draft
        self.text = story.text
        self.memory = _Memory()
        self.last: Found | None = None
        self.outer: Found | None = None
        """The last report or partial quote with a speaker (quotes inside its clause nest)."""

    # -- the driver

    def resolve(self) -> None:
        """Resolve every quote of the story."""
        self.story.found.sort(key=lambda f: f.start)
        for found in self.story.found:
            if self.draft.expired:
                return
            self._one(found)

    def _one(self, found: Found) -> None:
        a = found.attribution
        if a is not None and a.phrase is not None:
            actor, mention, conf = self.phrase_actor(a.phrase, found.start)
            found.mention = mention
            found.speaker = actor
            found.confidence = min(found.confidence, conf)
        else:  # standing alone, or introduced by words that name nobody
            found.speaker = self._inherited(found)
            if found.speaker is None and found.kind == "partial":
                found.dropped = True  # quoted words nobody is said to have said
            if found.speaker is not None and self.last is not None:
                found.mention = self.last.mention  # the words naming the speaker it continues
            found.confidence = min(found.confidence, 0.5)
        if found.speaker is not None:
            self._spoke(found)

    def _spoke(self, found: Found) -> None:
        assert found.speaker is not None
        pos = found.mention[0] if found.mention else found.start
        outer = self.outer
        if outer is not None and outer.start <= pos < outer.end:
            return  # a speaker named inside another one's report: that speaker stays the topic
        if found.kind != "direct":
            self.outer = found
        k = self.story.sentence_index(pos)
        self.memory.speakers.setdefault(k, []).append(found.speaker)
        self.last = found

    # -- phrases

    def phrase_actor(self, phrase: Phrase, at: int) -> tuple[ActorDraft | None, Offsets, float]:
        """The actor a speaker phrase names, the mention to record, and how sure that is."""
        if phrase.kind == "pronoun":
            actor = self.pronoun(phrase.head_word, phrase.start)
            return actor, phrase.head, 0.6 if actor else 0.4
        if phrase.kind == "name":
            actor, conf = self.named(phrase)
            return actor, phrase.head, conf
        actor, conf = self.described(phrase)
        return actor, (phrase.start, phrase.end), conf

    # -- names

    def _surnames(self) -> dict[str, ActorDraft]:
        memory = self.memory
        actors = self.draft.actors
        for actor in actors[memory.indexed :]:
            if actor.kind == "person" and actor.name.split():
                memory.by_surname.setdefault(_surname(actor.name), actor)
        memory.indexed = len(actors)
        return memory.by_surname

    def named(self, phrase: Phrase) -> tuple[ActorDraft | None, float]:
        """The actor of a name: found there by the actors step, named earlier, or new."""
        hs, he = phrase.head
        actor = self.draft.actors.at(hs, he)
        if actor is not None:
            return actor, 0.9
        head = self.text[hs:he]
        known = self.draft.actors.named(head)
        if known is None and " " not in head.strip():
            known = self._surnames().get(_surname(head))
        if known is not None:
            known.add_mention(hs, he, "surname" if " " not in head.strip() else "name")
            return known, 0.85
        return self._new_name(phrase), 0.75

    def _new_name(self, phrase: Phrase) -> ActorDraft | None:
        """A new actor for a name no actor holds: an organisation when an organisation word is
        in it, a person when it reads as a person's name (two words or more, a title before
        it, or a known given name); else none (``Scores said``, ``England said``)."""
        text = self.text
        hs, he = phrase.head
        w = words()
        head_words = text[hs:he].split()
        if not head_words or len(head_words) > _NAME_WORDS:
            return None
        org = any(x.strip(".,") in w.org_name_words for x in head_words)
        if not org and not self._person_like(phrase, head_words):
            return None
        if org and phrase.of is not None and text[phrase.of[0] : phrase.of[0] + 1].isupper():
            he = phrase.end  # "Kestrel Monitor for Civil Rights": the whole phrase is the name
        name = text[hs:he]
        kind = "organization" if org else "person"
        gender = None
        if kind == "person" and len(head_words) > 1:
            gender = given_name_gender(name)
        actor = self.draft.actors.add(name, kind, gender=gender or self._title_gender(phrase))
        actor.add_mention(hs, he, "name")
        for t in self.story.tokens(phrase.start, hs):
            if classify(t[2]) == "title" and len(t[2]) > 3:
                actor.add_title(t[2])
        if kind == "person":
            self._surnames()[_surname(name)] = self._surnames().get(_surname(name), actor)
        return actor

    def _person_like(self, phrase: Phrase, head_words: list[str]) -> bool:
        """A known given name first, a title before, or two words or more none of which is a
        common English word (``Global Terrorism Index`` is no person)."""
        if given_name_gender(head_words[0]) is not None:
            return True
        titles = self.story.tokens(phrase.start, phrase.head_start)
        if any(classify(t[2]) == "title" for t in titles):
            return True
        common = _common_words()
        return len(head_words) > 1 and not any(w.lower().strip(".,") in common for w in head_words)

    def _title_gender(self, phrase: Phrase) -> str | None:
        genders = _title_genders()
        for t in self.story.tokens(phrase.start, phrase.head_start):
            g = genders.get(t[2])
            if g is not None:
                return g
        return None

    # -- descriptions

    def described(self, phrase: Phrase) -> tuple[ActorDraft | None, float]:
        """The actor of a description (``the minister``, ``a retired diplomat``)."""
        w = words()
        head = phrase.head_word
        # The actors step may hold this description already ("the rebels", "Iraqi officials"
        # as the Iraqi government): the speaker is that actor, not a new one.
        found = self._actor_at(phrase.head)
        if found is not None:
            return found, 0.8
        inside = self._actor_inside(phrase)
        if head in w.document_nouns:
            body = self._actor_at(phrase.of) or inside
            return body, 0.6 if body else 0.4
        if inside is not None and inside.kind != "person" and head in w.body_nouns:
            return inside, 0.8
        if head in w.generic_plurals:
            return None, 0.4  # "analysts", "55 percent of voters": nobody in particular
        if phrase.definite:
            known = self._earlier(phrase)
            if known is None and head in w.body_nouns and head not in w.document_nouns:
                known = self._named_body(phrase)
            if known is None and _epithet(self.text, phrase) and not w.is_noun_head(head):
                # a guess from nearness alone: the quote gets the person, the actor table
                # gets no coreference claim it cannot back
                person = self._nearest_person(phrase.start)
                if person is not None:
                    return person, 0.5
            if known is not None:
                known.add_mention(phrase.start, phrase.end, "description")
                return known, 0.65
        if not w.is_noun_head(head) or _bare_plural(self.text, phrase):
            return None, 0.4  # "the bank", "officials": nobody we can make an actor of
        return self._new_description(phrase), 0.6

    def _actor_at(self, span: Offsets | None) -> ActorDraft | None:
        return self.draft.actors.at(*span) if span is not None else None

    def _actor_inside(self, phrase: Phrase) -> ActorDraft | None:
        """An actor whose mention lies wholly inside the phrase (the actors step may have
        found ``the health ministry`` there)."""
        best: ActorDraft | None = None
        for s, e, _, actor in self.draft.actors.mentions_in(phrase.start, phrase.end):
            if e <= phrase.end and (best is None or s == phrase.start):
                best = actor
        return best

    def _nearest_person(self, pos: int) -> ActorDraft | None:
        """The person a pronoun at ``pos`` would most likely stand for, of either gender."""
        for actor in self._candidates(pos):
            if actor.kind == "person":
                return actor
        return None

    def _earlier(self, phrase: Phrase) -> ActorDraft | None:
        """The actor a definite description names again: a person titled so (``the minister``
        is ``Foreign Minister Ana Ruiz``), or the last description said before that holds all
        its words (``the police spokesman`` after ``a police spokesman in Linz``; ``the
        separatist command`` is not ``the Russian command``)."""
        key = _description_key(self.text[phrase.start : _description_end(self.text, phrase)])
        head = phrase.head_word
        described = self.memory.described
        titled = self._titled(key.split()) or self._titled([head])
        if titled is not None:
            return titled
        if key in described:
            return described[key]
        wanted = set(key.split())
        for earlier, actor in reversed(described.items()):
            if wanted <= set(earlier.split()):
                return actor  # "the campaign official" after "a senior campaign official"
        return None

    def _named_body(self, phrase: Phrase) -> ActorDraft | None:
        """The body a definite description names again (``the agency`` after ``the Iranian
        news agency IRNA`` or ``Interfax news agency``): the last body the text introduced
        with the noun next to its name, else the last body named when its name holds the
        noun."""
        head = phrase.head_word
        text = self.text
        introduced: ActorDraft | None = None
        last: ActorDraft | None = None
        for s, e, _, actor in self.draft.actors.mentions_in(
            max(0, phrase.start - _BODY_LOOKBACK), phrase.start
        ):
            if actor.kind not in _ORG_KINDS:
                continue
            last = actor
            near = text[max(0, s - _BODY_NOUN_CHARS) : s] + " " + text[e : e + _BODY_NOUN_CHARS]
            if head in near.lower().split():
                introduced = actor
        if introduced is not None:
            return introduced
        # A proper name holding the noun ("World Health Organization") only when no other
        # body was named since: the description refers to the body last named.
        named = last is not None and head.capitalize() in last.name.split()
        return last if named else None

    def _titled(self, ending: list[str]) -> ActorDraft | None:
        """The person named most recently one of whose titles ends with the words ``ending``."""
        size = len(ending)
        for actor in reversed(self.draft.actors):
            if any(t.lower().split()[-size:] == ending for t in actor.titles if t):
                return actor
        return None

    def _new_description(self, phrase: Phrase) -> ActorDraft | None:
        """An actor named as the article describes the speaker; the same description said
        again is the same actor (``security sources`` twice)."""
        w = words()
        text = self.text[phrase.start : phrase.end]
        key = _description_key(text)
        known = self.memory.described.get(key)
        if known is not None:
            known.add_mention(phrase.start, phrase.end, "description")
            return known
        kind = w.body_nouns.get(phrase.head_word, "person")
        if phrase.head_word in w.speaker_nouns and phrase.head_word not in w.body_nouns:
            kind = "person"
        start, end = phrase.start, _description_end(self.text, phrase)
        if kind == "government" and not w.armed_modifiers.isdisjoint(key.split()):
            kind = "armed_group"  # "the rebel command", "the separatist leadership"
        gender = w.gendered_nouns.get(phrase.head_word) if kind == "person" else None
        actor = self.draft.actors.add(self.text[start:end], kind, gender=gender)
        actor.add_mention(start, end, "description")
        if gender is not None:
            self.memory.genders[actor.id] = gender  # the noun says it: no guess
        self.memory.described[key] = actor
        body = self._actor_at(phrase.of)
        if body is not None and body is not actor:
            actor.add_affiliation(body.id)
        self.memory.described.setdefault(phrase.head_word, actor)
        return actor

    # -- pronouns

    def gender(self, actor: ActorDraft) -> str | None:
        """``m``/``f`` when the actor's gender is known: from a pronoun the text uses for them
        (it outranks a guess from the given name), from the actors step, or from the name."""
        learnt = self.memory.genders.get(actor.id)
        if learnt is None:
            learnt = self.memory.genders[actor.id] = self._pronoun_gender(actor) or ""
        if learnt:
            return learnt
        if actor.gender in ("m", "f"):
            return actor.gender
        return given_name_gender(actor.name)

    def _pronoun_gender(self, actor: ActorDraft) -> str | None:
        """The gender of ``he``/``she`` opening the sentence after one where the actor is the
        first person named (``Alex Moreau chairs the committee. She opened …``)."""
        story = self.story
        pronouns = words().pronouns
        for s, _, _ in actor.mentions[:_GENDER_MENTIONS]:
            k = story.sentence_index(s)
            if k + 1 >= len(story.sentences) or self._first_person(k) is not actor:
                continue
            start = story.sentences[k + 1][0]
            first = story.text[start : start + 12].split(None, 1)[:1]
            gender = pronouns.get(first[0].lower()) if first else None
            if gender in ("m", "f"):
                return gender
        return None

    def _first_person(self, k: int) -> ActorDraft | None:
        s, e = self.story.sentences[k]
        for _, _, _, actor in self.draft.actors.mentions_in(s, min(e, s + REACH)):
            if actor.kind == "person":
                return actor
        return None

    def pronoun(self, word: str, pos: int) -> ActorDraft | None:
        """Whom a subject pronoun at ``pos`` stands for."""
        g = words().pronouns.get(word)
        if g in ("m", "f"):
            found = self._person(pos, g)
            if (
                found is not None
                and not self.memory.genders.get(found.id)
                and given_name_gender(found.name) != g
            ):
                # What the pronoun tells is learnt, unless it only repeats the given name's
                # guess (a later pronoun of the other gender may still prove that guess wrong).
                self.memory.genders[found.id] = g
            return found
        if g in ("n", "p"):
            return self._body(pos, plural=g == "p")
        return None

    def _candidates(self, pos: int) -> Iterator[ActorDraft]:
        """Actors a pronoun at ``pos`` may refer to, most likely first: sentence by sentence
        backwards, who spoke in it, then who is named in it outside quotation marks."""
        story = self.story
        here = story.sentence_index(pos)
        for k in range(here, max(-1, here - LOOKBACK_SENTENCES), -1):
            yield from reversed(self.memory.speakers.get(k, []))
            s, e = story.sentences[k]
            if k == here:
                e = pos
            if e <= pos - REACH:
                break  # too far back in a text of huge sentences
            s = max(s, pos - REACH)
            for ms, _, _, actor in self.draft.actors.mentions_in(s, e):
                if not story.in_marks(ms) and (k != here or self._subject_like(s, ms)):
                    yield actor

    def _subject_like(self, lo: int, pos: int) -> bool:
        """Whether a mention at ``pos`` stands where a subject does (sentence start, after a
        comma or a conjunction), not as an object (``after meeting Putin, he said``)."""
        toks = self.story.tokens(max(lo, pos - 24), pos)
        if not toks:
            return True
        last = toks[-1][2]
        cls = classify(last)
        return cls not in ("prep", "word") or not last[0].islower()

    def _person(self, pos: int, gender: str) -> ActorDraft | None:
        """The first person of ``gender`` (or unknown) among the candidates; else the first
        whose other gender is only a guess."""
        guessed: ActorDraft | None = None
        for actor in self._candidates(pos):
            if actor.kind != "person":
                continue
            if self.gender(actor) in (None, gender):
                return actor
            if guessed is None and self._guessed(actor):
                guessed = actor
        return guessed

    def _guessed(self, actor: ActorDraft) -> bool:
        """Whether the actor's gender is only a guess: not told by a pronoun or a noun of the
        text (given names and the actors step's genders are guesses: ``Bernie`` is listed as
        a woman's name)."""
        return not self.memory.genders.get(actor.id)

    def _body(self, pos: int, plural: bool) -> ActorDraft | None:
        for actor in self._candidates(pos):
            if actor.kind in _ORG_KINDS or (plural and actor.kind == "person" and _plural(actor)):
                return actor
        return None

    # -- quotations standing alone

    def _inherited(self, found: Found) -> ActorDraft | None:
        """The speaker of the nearest attributed quote before ``found``, unless another person
        is named in the narration between them."""
        last = self.last
        if last is None or last.speaker is None:
            return None
        story = self.story
        if story.sentence_index(found.start) - story.sentence_index(last.end) > INHERIT_SENTENCES:
            return None
        since = last.end
        if last.mention is not None:
            since = max(since, story.sentence(last.mention[0])[1])
        since = max(since, found.start - REACH)
        for ms, _, _, actor in self.draft.actors.mentions_in(since, found.start):
            if actor is not last.speaker and actor.kind == "person" and not story.in_marks(ms):
                return None
        return last.speaker


def _description_end(text: str, phrase: Phrase) -> int:
    """Where a description ends: at its head noun when words that are no prepositional phrase
    follow it (``An officer`` who asked not to be named)."""
    if phrase.of is not None:
        return phrase.end
    pos = phrase.start
    for word in text[phrase.start : phrase.end].split():
        pos = text.index(word, pos) + len(word)
        if word.lower().strip(".,’'") == phrase.head_word:
            return pos
    return phrase.end


def _epithet(text: str, phrase: Phrase) -> bool:
    """Whether a description reads as an epithet for someone named before: ``the``, a few
    words naming no known role, singular (``the 46-year-old``, ``the billionaire business
    mogul``), not a body or a group."""
    words_ = text[phrase.start : phrase.end].split()
    if len(words_) < 2 or words_[0].lower() != "the" or phrase.of is not None:
        return False
    last = words_[-1]
    w = words()
    if (
        not last.islower()
        or last.endswith("s")
        or last in w.document_nouns
        or last in w.media_nouns
    ):
        return False  # "the new Democratic", "the officials", "the note", "the state radio"
    # a bare "the radio" is a thing as often as a person: an age or a qualified head it needs
    return len(words_) >= 3 or last.endswith("-old")


def _description_key(text: str) -> str:
    words_ = text.lower().split()
    if words_ and classify(words_[0]) == "det":
        words_ = words_[1:]
    return " ".join(words_)


def _bare_plural(text: str, phrase: Phrase) -> bool:
    """A plural noun with at most a determiner (``officials``, ``the sources``): people of
    some body, not one actor of their own."""
    parts = text[phrase.start : phrase.end].split()
    if not parts or not parts[-1].endswith("s"):
        return False
    return len(parts) == 1 or (len(parts) == 2 and parts[0].lower() in ("the", "some", "many"))


def _plural(actor: ActorDraft) -> bool:
    words_ = actor.name.split()
    return bool(words_) and words_[-1].endswith("s") and words_[-1][0].islower()
