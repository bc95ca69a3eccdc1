"""The quote extractor: every attribution layout, negatives, odd marks, and span invariants."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsparse
from newsparse.extractors._quotemarks import find_passages
from newsparse.models import Article, Quote

LEAD = "Officials met on Monday to discuss the budget.\n\n"


def parse(body: str) -> Article:
    """Parse a short article whose first paragraph is neutral narration."""
    return newsparse.parse(LEAD + body)


def speaker_name(article: Article, quote: Quote) -> str | None:
    return article.actor(quote.speaker).name if quote.speaker else None


def only(article: Article, kind: str) -> list[Quote]:
    return [q for q in article.quotes if q.kind == kind]


@dataclass(frozen=True)
class Case:
    """One layout: the text, the quoted pieces, the speaker mention and the cue expected."""

    id: str
    body: str
    pieces: tuple[str, ...]
    mention: str | None
    cue: str | None
    kind: str = "direct"


DIRECT_CASES = [
    Case(
        "said-name-after",
        "“We will rebuild the bridge by spring,” said Maria Lopez.",
        ("We will rebuild the bridge by spring,",),
        "Maria Lopez",
        "said",
    ),
    Case(
        "name-said-after",
        '"Nobody expected the vote to pass," Jonas Berg said.',
        ("Nobody expected the vote to pass,",),
        "Jonas Berg",
        "said",
    ),
    Case(
        "apposition",
        "“The talks are over,” Amir Haddad, the chief of the delegation, told reporters.",
        ("The talks are over,",),
        "Amir Haddad",
        "told",
    ),
    Case(
        "said-name-title",
        "“Our offer stands,” said Lena Fischer, chief negotiator for the union.",
        ("Our offer stands,",),
        "Lena Fischer",
        "said",
    ),
    Case(
        "lead-colon",
        "Tomas Ruiz said: “The harvest failed for the third year in a row.”",
        ("The harvest failed for the third year in a row.",),
        "Tomas Ruiz",
        "said",
    ),
    Case(
        "lead-comma-pronoun",
        "Anna Kovacs spoke first.\n\nShe added, “We have waited long enough for this law.”",
        ("We have waited long enough for this law.",),
        "She",
        "added",
    ),
    Case(
        "name-colon",
        "Pablo Reyes: “I will not sign anything until the prisoners are released.”",
        ("I will not sign anything until the prisoners are released.",),
        "Pablo Reyes",
        None,
    ),
    Case(
        "dash",
        "“The river is rising faster than anyone remembers.” — Keiko Tanaka",
        ("The river is rising faster than anyone remembers.",),
        "Keiko Tanaka",
        None,
    ),
    Case(
        "according-to",
        "According to Samuel Osei, “the funds were never transferred to the schools.”",
        ("the funds were never transferred to the schools.",),
        "Samuel Osei",
        "According to",
    ),
    Case(
        "description",
        "“The border will stay closed,” a senior army officer said.",
        ("The border will stay closed,",),
        "a senior army officer",
        "said",
    ),
    Case(
        "interrupted",
        "“We will stay,” Omar Said declared, “until the last family is safe.”",
        ("We will stay,", "until the last family is safe."),
        "Omar Said",
        "declared",
    ),
    Case(
        "interrupted-two-sentences",
        "“The plan is dead,” said Ruth Adler. “Nobody will revive it this year.”",
        ("The plan is dead,", "Nobody will revive it this year."),
        "Ruth Adler",
        "said",
    ),
    Case(
        "glued",
        "“The first round went well.”“The second will be harder,” said Ivan Petrov.",
        ("The first round went well.", "The second will be harder,"),
        "Ivan Petrov",
        "said",
    ),
    Case(
        "participle",
        "Mayor Clara Dunn wrote on social media, saying, “Schools reopen on Monday for everyone.”",
        ("Schools reopen on Monday for everyone.",),
        "Mayor Clara Dunn",
        "saying",
    ),
    Case(
        "guillemets",
        "«Nous ne partirons pas», said Pierre Martin.",
        ("Nous ne partirons pas",),
        "Pierre Martin",
        "said",
    ),
    Case(
        "typewriter-quotes",
        "''The deficit will shrink next year,'' Robert Hale said.",
        ("The deficit will shrink next year,",),
        "Robert Hale",
        "said",
    ),
    Case(
        "nested-single",
        "“He told me, ‘Leave now,’ and I left,” said Sara Okafor.",
        ("He told me, ‘Leave now,’ and I left,",),
        "Sara Okafor",
        "said",
    ),
    Case(
        "after-saying-comma",
        "Rivera drew cheers after saying, “This city belongs to everyone who works here.”",
        ("This city belongs to everyone who works here.",),
        "Rivera",
        "saying",
    ),
    Case(
        "crowd-chanted-no-comma",
        "Demonstrators chanted “Open the border now!” outside the ministry.",
        ("Open the border now!",),
        "Demonstrators",
        "chanted",
    ),
    Case(
        "participle-without-comma",
        "Marta Silva closed the meeting on Friday, saying “We will not give up on this town.”",
        ("We will not give up on this town.",),
        "Marta Silva",
        "saying",
    ),
    Case(
        "reader-wrote",
        "One reader wrote, “The column missed the point entirely.”",
        ("The column missed the point entirely.",),
        "One reader",
        "wrote",
    ),
]


@pytest.mark.parametrize("case", DIRECT_CASES, ids=lambda c: c.id)
def test_direct_layouts(case: Case) -> None:
    article = parse(case.body)
    quotes = only(article, case.kind)
    assert len(quotes) == 1, [q.text for q in article.quotes]
    q = quotes[0]
    assert tuple(s.text for s in q.segments) == case.pieces
    assert (q.speaker_mention.text if q.speaker_mention else None) == case.mention
    assert (q.cue.text if q.cue else None) == case.cue
    if case.mention is not None and case.mention[0].isupper() and case.mention != "She":
        assert q.speaker is not None


def test_quote_on_the_next_line_is_not_glued_to_a_partial() -> None:
    body = (
        "The mayor, who spoke on Friday, called the plan “a reckless gamble.”\n"
        "“We will fight it in court,” Anna Berg told the council."
    )
    article = parse(body)
    direct = only(article, "direct")
    assert [s.text for q in direct for s in q.segments] == ["We will fight it in court,"]
    assert all("\n" not in s.text for q in article.quotes for s in q.segments)


def test_surname_resolves_to_full_name() -> None:
    body = "President Elena Marsh opened the summit.\n\n“We have no time to lose,” said Marsh."
    article = parse(body)
    (q,) = only(article, "direct")
    assert speaker_name(article, q) == "Elena Marsh"
    assert q.speaker_mention is not None and q.speaker_mention.text == "Marsh"


def test_pronoun_resolves_to_previous_speaker() -> None:
    body = (
        "“The ceasefire is holding,” said Daniel Weiss.\n\n"
        "“Both sides have kept their word so far,” he said."
    )
    article = parse(body)
    first, second = only(article, "direct")
    assert second.speaker == first.speaker is not None
    assert second.speaker_mention is not None and second.speaker_mention.text == "he"
    assert second.confidence < first.confidence


def test_pronoun_skips_names_inside_the_quote() -> None:
    body = (
        "Lord Peter Ashby spoke after the vote.\n\n"
        "“Maria Lopez has vanished from the leaflets,” he said."
    )
    article = parse(body)
    (q,) = only(article, "direct")
    assert speaker_name(article, q) == "Peter Ashby"


def test_pronoun_resolves_to_person_named_in_the_paragraph() -> None:
    body = "Daniel Karlsen met reporters on Monday. “We will rebuild the bridge,” he said."
    article = parse(body)
    (q,) = only(article, "direct")
    assert speaker_name(article, q) == "Daniel Karlsen"


def test_bare_quote_after_a_report_in_its_paragraph_keeps_the_speaker() -> None:
    article = parse("Karl Meyer said the shelters were full. “We have no more beds tonight.”")
    (q,) = only(article, "direct")
    assert speaker_name(article, q) == "Karl Meyer"
    assert q.speaker_mention is None and q.confidence <= 0.5


def test_multi_paragraph_quote_is_one_quote() -> None:
    body = (
        "“We crossed the river at night and walked for three days without food.\n\n"
        "“When we reached the camp there was no room,” said Halima Yusuf."
    )
    article = parse(body)
    (q,) = only(article, "direct")
    assert len(q.segments) == 2
    assert q.segments[0].text.endswith("without food.")
    assert q.speaker_mention is not None and q.speaker_mention.text == "Halima Yusuf"


def test_unattributed_paragraph_continues_previous_speaker() -> None:
    body = (
        "“The water is gone,” said Farid Nasser.\n\n"
        "“Without help the village will be empty by summer.”"
    )
    article = parse(body)
    (q,) = only(article, "direct")
    assert len(q.segments) == 2
    assert speaker_name(article, q) == "Farid Nasser"


INDIRECT_CASES = [
    Case(
        "said-that",
        "Karl Meyer said that the shelters were full.",
        ("that the shelters were full",),
        "Karl Meyer",
        "said",
        "indirect",
    ),
    Case(
        "said-no-that",
        "The mayor, Lucia Romano, said the shelters would close next week.",
        ("the shelters would close next week",),
        "Lucia Romano",
        "said",
        "indirect",
    ),
    Case(
        "quantifier-clause",
        "Ruth Adler said more families had gone back to the valley.",
        ("more families had gone back to the valley",),
        "Ruth Adler",
        "said",
        "indirect",
    ),
    Case(
        "told-object",
        "Ahmed Karim told reporters the convoy had been stopped at the border.",
        ("the convoy had been stopped at the border",),
        "Ahmed Karim",
        "told",
        "indirect",
    ),
    Case(
        "fronted",
        "The convoy was stopped at the border, Ahmed Karim said.",
        ("The convoy was stopped at the border",),
        "Ahmed Karim",
        "said",
        "indirect",
    ),
    Case(
        "according-to-start",
        "According to the health ministry, three clinics were damaged in the storm.",
        ("three clinics were damaged in the storm",),
        "the health ministry",
        "According to",
        "indirect",
    ),
    Case(
        "according-to-end",
        "Three clinics were damaged in the storm, according to the health ministry.",
        ("Three clinics were damaged in the storm",),
        "the health ministry",
        "according to",
        "indirect",
    ),
    Case(
        "warned",
        "Grace Mensah warned that prices would rise again in the autumn.",
        ("that prices would rise again in the autumn",),
        "Grace Mensah",
        "warned",
        "indirect",
    ),
    Case(
        "partial",
        "Nina Alves said the agreement was “a positive reminder” of what talks can do.",
        ("the agreement was “a positive reminder” of what talks can do",),
        "Nina Alves",
        "said",
        "partial",
    ),
]


INDIRECT_CASES += [
    Case(
        "speech-act-object",
        "Maria Ruiz called the proposal a betrayal of the voters.",
        ("the proposal a betrayal of the voters",),
        "Maria Ruiz",
        "called",
        "indirect",
    ),
    Case(
        "declined",
        "A spokesman for the ministry declined to comment.",
        ("to comment",),
        "A spokesman for the ministry",
        "declined",
        "indirect",
    ),
    Case(
        "intention",
        "Omar Farouk wants to extend the truce by a month.",
        ("to extend the truce by a month",),
        "Omar Farouk",
        "wants",
        "indirect",
    ),
    Case(
        "participle",
        "The minister left the room, saying the talks had failed.",
        ("the talks had failed",),
        "The minister",
        "saying",
        "indirect",
    ),
    Case(
        "coordinated-subject",
        "Lina Haddad did not name the army but told reporters that the truce had collapsed.",
        ("that the truce had collapsed",),
        "Lina Haddad",
        "told",
        "indirect",
    ),
    Case(
        "told-quoted-title-object",
        "Ana Reyes told CBS’s “Face the Nation” that the vote would be delayed.",
        ("that the vote would be delayed",),
        "Ana Reyes",
        "told",
        "indirect",
    ),
    Case(
        "relative-clause-kept",
        "Ivo Mandic described the talks, which were held in Vienna, as a turning point.",
        ("the talks, which were held in Vienna, as a turning point",),
        "Ivo Mandic",
        "described",
        "indirect",
    ),
    Case(
        "organisation-with-apposition",
        "The Kestrel Monitor for Civil Rights, a Vienna-based group, said at least 12 people died.",
        ("at least 12 people died",),
        "The Kestrel Monitor for Civil Rights",
        "said",
        "indirect",
    ),
    Case(
        "inverted-with-adjunct",
        "The truce was broken twice overnight, said the army on Monday.",
        ("The truce was broken twice overnight",),
        "the army",
        "said",
        "indirect",
    ),
    Case(
        "report-ends-before-narrator-clause",
        "Paulo Neves said the plan was sound, but his party voted against it.",
        ("the plan was sound",),
        "Paulo Neves",
        "said",
        "indirect",
    ),
]


@pytest.mark.parametrize("case", INDIRECT_CASES, ids=lambda c: c.id)
def test_indirect_layouts(case: Case) -> None:
    article = parse(case.body)
    quotes = only(article, case.kind)
    assert len(quotes) == 1, [(q.kind, q.text) for q in article.quotes]
    q = quotes[0]
    assert tuple(s.text for s in q.segments) == case.pieces
    assert (q.speaker_mention.text if q.speaker_mention else None) == case.mention
    assert (q.cue.text if q.cue else None) == case.cue


def test_org_speaker_is_an_organisation() -> None:
    article = parse("The Kestrel Monitor for Civil Rights said at least 12 people died.")
    (q,) = only(article, "indirect")
    assert q.speaker is not None
    actor = article.actor(q.speaker)
    assert actor.kind == "organization"
    assert actor.name == "Kestrel Monitor for Civil Rights"


def test_report_interrupted_by_attribution_is_two_segments() -> None:
    article = parse("The ceasefire, Ahmed Karim said, would hold until the spring.")
    (q,) = only(article, "indirect")
    assert [s.text for s in q.segments] == ["The ceasefire", "would hold until the spring"]
    assert q.speaker_mention is not None and q.speaker_mention.text == "Ahmed Karim"


def test_transcript_label() -> None:
    body = "KOVAC: We will never accept a plan written somewhere else.\n\nHOST: Thank you for that."
    article = parse(body)
    quotes = only(article, "direct")
    assert [q.text for q in quotes] == [
        "We will never accept a plan written somewhere else.",
        "Thank you for that.",
    ]
    assert [q.speaker_mention.text for q in quotes if q.speaker_mention] == ["KOVAC", "HOST"]


def test_colon_at_end_of_previous_paragraph_introduces_the_quote() -> None:
    body = (
        "When the vote ended, Mayor Clara Dunn released the following statement:\n\n"
        "“Tonight the city chose to rebuild together.”"
    )
    article = parse(body)
    (q,) = only(article, "direct")
    assert q.speaker_mention is not None and q.speaker_mention.text == "Mayor Clara Dunn"


def test_typographic_double_apostrophes_close_a_quote() -> None:
    article = parse(
        "He called it a “question’’ and walked out.\n\n“We are done,” said Ines Duarte."
    )
    direct = only(article, "direct")
    assert [q.text for q in direct] == ["We are done,"]


def test_unattributed_paragraph_without_known_speaker_stays_unattributed() -> None:
    body = "“The water is gone,” she said.\n\n“Without help we will leave by summer.”"
    article = parse(body)
    quotes = only(article, "direct")
    assert quotes[-1].text == "Without help we will leave by summer."
    assert quotes[0].speaker is None and quotes[-1].speaker is None


def test_adding_that_splits_into_two_reports() -> None:
    article = parse("Leo Brandt said the roads were closed, adding that schools would stay shut.")
    texts = [q.text for q in only(article, "indirect")]
    assert texts == ["the roads were closed", "that schools would stay shut"]
    cues = [q.cue.text for q in only(article, "indirect") if q.cue]
    assert cues == ["said", "adding"]


NEGATIVES = [
    ("scare-quotes", "The so-called “safe zone” was shelled again overnight."),
    ("film-title", "The film “Gone Home” opened in forty cinemas last week."),
    ("song-title", "The band closed the night with “Heroes” and left the stage."),
    ("slogan-subject", "“Make Trade Fair” is the name of the new campaign."),
    ("plain-narration", "The bridge was closed for repairs after the storm."),
    ("said-as-adjective", "The said property was sold in 2019 to a developer."),
]


@pytest.mark.parametrize(("name", "body"), NEGATIVES, ids=[n for n, _ in NEGATIVES])
def test_negatives_yield_no_quote(name: str, body: str) -> None:
    article = parse(body)
    assert article.quotes == (), [(q.kind, q.text) for q in article.quotes]


FRAGMENT_CASES = [
    # (body, the partial quote's text, its speaker mention)
    (
        "Lena Fischer said, “I have not seen that report” from the ministry.",
        "“I have not seen that report” from the ministry",
        "Lena Fischer",
    ),
    (
        "Okafor said it was naive to think that if the port closes, “the town will move on.”",
        "it was naive to think that if the port closes, “the town will move on.”",
        "Okafor",
    ),
    (
        "According to the league, “gold member” was the highest rank that season.",
        "“gold member” was the highest rank that season",
        "the league",
    ),
]


@pytest.mark.parametrize(("body", "content", "mention"), FRAGMENT_CASES)
def test_quoted_fragment_inside_a_report_is_partial(body: str, content: str, mention: str) -> None:
    article = parse(body)
    assert only(article, "direct") == []
    (q,) = only(article, "partial")
    assert q.text == content
    assert q.speaker_mention is not None and q.speaker_mention.text == mention


def test_quoted_title_after_a_cue_is_no_direct_quote() -> None:
    article = parse("Pia Lund told NBC’s “Morning Desk” that the plant would reopen.")
    assert only(article, "direct") == []
    assert [q.text for q in only(article, "indirect")] == ["that the plant would reopen"]


def test_unbalanced_mark_is_local() -> None:
    body = (
        "An opening mark “ stands alone in this paragraph without a partner.\n\n"
        "“The dam will hold,” said Ines Duarte."
    )
    article = parse(body)
    (q,) = only(article, "direct")
    assert q.text == "The dam will hold,"


def test_many_quotation_marks_do_not_blow_up() -> None:
    text = "Start.\n\n" + ('“a” "b ' * 50_000) + "\n\nEnd."
    article = newsparse.parse(text)
    assert all(text[s.start : s.end] == s.text for _, s in article.iter_spans())


def test_pairing_is_per_paragraph() -> None:
    text = "He said “one.\n\nNew paragraph without marks."
    paragraphs = [(0, 13), (15, len(text))]
    passages = find_passages(text, paragraphs)
    assert [(p.content_start, p.content_end, p.closed) for p in passages] == [(9, 13, False)]


def test_inner_quote_with_the_outer_marks_stays_inside() -> None:
    body = (
        "Lena Fischer wrote, “Fairness means speaking up even when “our side” is at fault. "
        "Anything less rings hollow.”"
    )
    article = parse(body)
    (q,) = only(article, "direct")
    assert [s.text for s in q.segments] == [
        "Fairness means speaking up even when “our side” is at fault. Anything less rings hollow."
    ]
    assert speaker_name(article, q) == "Lena Fischer"


def test_second_opener_without_enough_closers_drops_the_first() -> None:
    text = "A stray “mark, then “the real one” here."
    passages = find_passages(text, [(0, len(text))])
    assert [text[p.content_start : p.content_end] for p in passages] == ["the real one"]


def test_seed_article(seed_text: str) -> None:
    article = newsparse.parse(seed_text)
    by_kind = {k: only(article, k) for k in ("direct", "indirect")}
    hariri = [q for q in by_kind["direct"] if q.text.startswith("We wish from it")]
    assert len(hariri) == 1
    assert speaker_name(article, hariri[0]) == "Nasr al-Hariri"
    assert hariri[0].cue is not None and hariri[0].cue.text == "said"
    putin = [q for q in by_kind["direct"] if q.text.startswith("I know that Kazakhstan")]
    assert len(putin) == 1 and len(putin[0].segments) == 2
    assert speaker_name(article, putin[0]) == "Vladimir Putin"
    assert putin[0].speaker_mention is not None and putin[0].speaker_mention.text == "Putin"
    declared = [q for q in by_kind["indirect"] if q.cue is not None and q.cue.text == "declared"]
    assert len(declared) == 1
    assert declared[0].text.startswith("the Moscow-brokered talks")
    assert "as a key factor" in declared[0].text
    assert speaker_name(article, declared[0]) == "Vladimir Putin"


_ALPHABET = st.sampled_from([*"ab .,:\n\"“”‘’«»'—Xsaid", " said ", " Smith ", "\n\n"])


@settings(max_examples=150, deadline=None)
@given(st.lists(_ALPHABET, max_size=120).map("".join))
def test_never_raises_and_spans_are_consistent(text: str) -> None:
    article = newsparse.parse(text, strict=True)
    for q in article.quotes:
        assert article.text[q.start : q.end] == q.text
        for seg in q.segments:
            assert article.text[seg.start : seg.end] == seg.text
        assert q.speaker is None or any(a.id == q.speaker for a in article.actors)
