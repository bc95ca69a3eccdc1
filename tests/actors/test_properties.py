"""Properties of the actor extractor on arbitrary name-like text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from .conftest import actors_draft

PIECES = (
    "President ",
    "Mr ",
    "al-",
    "bin ",
    "van der ",
    "Ministry of ",
    "Defence ",
    "Syrian ",
    "Syria's ",
    "government ",
    "forces ",
    "rebels ",
    "authorities ",
    "Hamas ",
    "UN ",
    "the ",
    "and ",
    "said ",
    "it ",
    "in ",
    "Kyiv ",
    "Ana ",
    "Ruiz ",
    "(ARF) ",
    "Front ",
    ", ",
    ". ",
    "\n\n",
    "’s ",
    "-backed ",
    "3 ",
    "128-4 ",
)
texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=40).map("".join)


@settings(max_examples=150, deadline=None)
@given(texts)
def test_every_actor_has_valid_mentions(text: str) -> None:
    draft = actors_draft(text)
    for actor in draft.actors:
        assert actor.mentions, actor
        assert actor.name.strip()
        for s, e, _form in actor.mentions:
            assert 0 <= s < e <= len(text)
    for place in draft.places:
        for s, e, _form in place.mentions:
            assert 0 <= s < e <= len(text)


@settings(max_examples=100, deadline=None)
@given(texts)
def test_actors_are_deterministic(text: str) -> None:
    def snapshot(t: str) -> list[tuple[str, str, tuple[tuple[int, int, str], ...]]]:
        return [(a.name, a.kind, a.mentions) for a in actors_draft(t).actors]

    assert snapshot(text) == snapshot(text)
