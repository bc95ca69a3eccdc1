"""Helpers for the actor extractor's tests: run segmentation and actors on a sentence."""

from __future__ import annotations

from newsparse.draft import Draft
from newsparse.extractors.actors import find_actors
from newsparse.extractors.segmentation import segment


def actors_draft(text: str) -> Draft:
    """A draft of ``text`` after segmentation and the actor extractor."""
    draft = Draft(text=text, id="t")
    segment(draft)
    find_actors(draft)
    return draft
