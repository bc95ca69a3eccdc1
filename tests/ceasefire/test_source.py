"""Who makes a claim: the quotes extractor's speaker when the claim sits in a quote or reported
speech, the accuser of an accusation, else the narrator."""

from __future__ import annotations

import newsparse
from newsparse.draft import Draft
from newsparse.extractors import segmentation
from newsparse.extractors.ceasefire import find_claims


def test_a_quoted_claim_is_the_speakers() -> None:
    text = (
        'The rebels shelled the airport on Sunday. "The ceasefire is dead," said '
        "General Ahmed Karimi, the army chief."
    )
    art = newsparse.parse(text)
    [claim] = art.ceasefire_claims
    assert claim.status == "collapsed"
    assert claim.source != "narrator" and "Karimi" in art.actor(claim.source).name
    assert claim.quote is not None


def test_reported_speech_is_the_reporters() -> None:
    art = newsparse.parse("Colonel Hana Rusk said the rebels had violated the ceasefire.")
    [claim] = art.ceasefire_claims
    assert claim.source != "narrator" and "Rusk" in art.actor(claim.source).name


def test_an_accusation_is_the_accusers() -> None:
    art = newsparse.parse("Armenia accused Azerbaijan of breaking the ceasefire, a report said.")
    [claim] = art.ceasefire_claims
    assert claim.status == "violated" and art.actor(claim.source).name == "Armenia"
    assert {art.actor(i).name for i in claim.parties} >= {"Azerbaijan"}


def test_the_narrator_otherwise() -> None:
    [claim] = newsparse.parse("The ceasefire collapsed on Friday.").ceasefire_claims
    assert claim.source == "narrator" and claim.quote is None


def _draft(text: str) -> Draft:
    draft = Draft(text=text, id="t")
    for ex in segmentation.newsparse_extractors():
        ex(draft)
    return draft


def test_speakers_come_from_the_quotes_not_from_the_text() -> None:
    text = "Omar Haddad said the ceasefire had collapsed."
    # Without a quote, "X said" is not read again here: that is the quotes extractor's work.
    bare = _draft(text)
    speaker = bare.add_actor("Omar Haddad", "person")
    speaker.add_mention(0, 11)
    find_claims(bare)
    assert [c.source for c in bare.claims] == ["narrator"]
    # With the quotes extractor's reported speech covering the claim, its speaker is the source.
    quoted = _draft(text)
    speaker = quoted.add_actor("Omar Haddad", "person")
    speaker.add_mention(0, 11)
    start = text.index("the ceasefire")
    cue = text.index("said")
    quote = quoted.add_quote(
        "indirect", [(start, len(text) - 1)], speaker=speaker.id, cue=(cue, cue + 4)
    )
    find_claims(quoted)
    [claim] = quoted.claims
    assert (claim.source, claim.quote) == (speaker.id, quote.id)


def test_reported_speech_from_another_sentence_is_not_a_source() -> None:
    text = "Omar Haddad spoke on Monday. The ceasefire collapsed on Friday."
    draft = _draft(text)
    speaker = draft.add_actor("Omar Haddad", "person")
    speaker.add_mention(0, 11)
    start = text.index("The ceasefire")
    draft.add_quote("indirect", [(start, len(text) - 1)], speaker=speaker.id, cue=(12, 17))
    find_claims(draft)
    assert [c.source for c in draft.claims] == ["narrator"]
