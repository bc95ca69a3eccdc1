"""Finding reporting cues, and the vocabulary they come from (``data/cues.json``)."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from newsparse.extractors.quotes.cues import find_cues
from newsparse.lexicon.quotes import QuoteWords, quote_words


def cue_texts(text: str) -> list[str]:
    return [text[c.start : c.end] for c in find_cues(text)]


# (case id, text, the cues expected)
CUES = [
    ("forms", "She says it. He said so. They are saying it.", ["says", "said", "saying"]),
    ("punctuation-around", "“Go,” said Ana. He told, “Stay.” (said Ben)", ["said", "told", "said"]),
    (
        "multi-word",
        "According to the ministry, and as he pointed out, it failed.",
        ["According to", "pointed out"],
    ),
    ("irregular", "She wrote it; he thought so; they went on.", ["wrote", "thought", "went on"]),
    ("inside-words-are-no-cues", "The saidstone and unsaid words, the resaying.", []),
    ("hyphenated-is-no-cue", "A so-said rule and a well-told tale.", []),
]


@pytest.mark.parametrize(("case", "text", "expected"), CUES, ids=[c[0] for c in CUES])
def test_cues(case: str, text: str, expected: list[str]) -> None:
    assert cue_texts(text) == expected


def test_senses_say_how_a_cue_attributes() -> None:
    text = "He said it, quipped, urged them and kept saying so, according to her."
    senses = {text[c.start : c.end]: c.sense for c in find_cues(text)}
    assert senses["said"].speech and senses["said"].thatless and senses["said"].bare_lead
    assert senses["quipped"].direct_only and not senses["quipped"].speech
    assert senses["urged"].act
    assert senses["saying"].participle and senses["saying"].form == "ing"
    assert senses["according to"].phrase


def test_the_speech_verbs_live_in_english_json_only() -> None:
    data = quote_words().model_dump(by_alias=True)
    assert "speech_verbs" not in data and "belief_verbs" not in data


def test_a_bad_entry_is_refused_with_its_key() -> None:
    raw = json.loads(json.dumps(quote_words().model_dump(by_alias=True)))
    raw["speaker_nouns"] = ["Official"]
    with pytest.raises(ValidationError, match="speaker_nouns"):
        QuoteWords.model_validate(raw)
    raw = json.loads(json.dumps(quote_words().model_dump(by_alias=True)))
    raw["act_verbs"] = ["=said"]
    with pytest.raises(ValidationError, match="act_verbs"):
        QuoteWords.model_validate(raw)
