"""newsparse plugin: actors and places from a spaCy pipeline, replacing the built-in extractor.

The plugin contributes an extractor, ``spacy-actors``, that declares ``replaces="actors"``: it runs
in the built-in's place (``newsparse plugins`` says so) and maps spaCy's named entities onto
newsparse actors and places with exact character offsets. When spaCy or the model is not
installed it contributes nothing, so the built-in stays, and it says why once with a
``SpacyActorsUnavailable`` warning.

Configuration: ``NEWSPARSE_SPACY_MODEL`` names the spaCy pipeline to load (a package name or a
path; default ``en_core_web_sm``; empty switches the installed plugin off). From Python, pass a
loaded pipeline: ``SpacyActors(nlp)``.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import newsparse
from newsparse import Draft, Extractor

__all__ = [
    "DEFAULT_LABELS",
    "DEFAULT_MODEL",
    "SpacyActors",
    "SpacyActorsUnavailable",
    "available",
    "plugin",
    "unavailable_reason",
]

DEFAULT_MODEL = "en_core_web_sm"
MODEL_VARIABLE = "NEWSPARSE_SPACY_MODEL"

#: spaCy entity label -> newsparse actor kind, or ``"place"`` for a place. Labels not listed are
#: ignored. GPE covers countries and cities alike; cities are the safer default (a place is never
#: wrongly given a voice), pass ``labels={..., "GPE": "country"}`` to treat them as actors.
DEFAULT_LABELS: Mapping[str, str] = {
    "PERSON": "person",
    "ORG": "organization",
    "NORP": "political_group",
    "GPE": "place",
    "LOC": "place",
}

# Text handed to the spaCy pipeline per call: whole sentences up to this many characters, so a
# huge article never reaches spaCy's max_length and memory stays bounded.
BATCH_CHARS = 50_000


class SpacyActorsUnavailable(UserWarning):
    """spaCy or its model is missing: the built-in actor extractor is used instead."""


_warned: set[str] = set()
_warn_lock = threading.Lock()


def _warn_once(reason: str) -> None:
    with _warn_lock:
        if reason in _warned:
            return
        _warned.add(reason)
    warnings.warn(
        f"newsparse-spacy-actors is inactive: {reason}; the built-in actor extractor is used",
        SpacyActorsUnavailable,
        stacklevel=3,
    )


def _model_name(model: str | None) -> str:
    if model is not None:
        return model
    return os.environ.get(MODEL_VARIABLE, DEFAULT_MODEL).strip()


def unavailable_reason(model: str | None = None) -> str | None:
    """Why the plugin cannot run with ``model`` (spaCy or the model missing), or None if it can."""
    name = _model_name(model)
    if not name:
        return f"{MODEL_VARIABLE} is set empty"
    if importlib.util.find_spec("spacy") is None:
        return "spaCy is not installed (pip install 'newsparse-spacy-actors[spacy]')"
    if Path(name).exists():
        return None
    try:
        found = importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        return (
            f"the spaCy model {name!r} is not installed; install it or set {MODEL_VARIABLE} "
            "to a pipeline you have"
        )
    return None


def available(model: str | None = None) -> bool:
    """Whether spaCy and ``model`` (default: ``NEWSPARSE_SPACY_MODEL``) can be loaded."""
    return unavailable_reason(model) is None


_models: dict[str, Any] = {}
_models_lock = threading.Lock()


def _load(name: str) -> Any:
    with _models_lock:
        nlp = _models.get(name)
        if nlp is None:
            spacy = importlib.import_module("spacy")
            nlp = _models[name] = spacy.load(name)
        return nlp


def _chunks(draft: Draft, limit: int) -> Iterator[tuple[int, int]]:
    """Runs of whole sentences up to ``limit`` characters; a longer sentence is cut at ``limit``."""
    start = end = None
    for s, e in draft.sentences or [(0, len(draft.text))]:
        while e - s > limit:
            if start is not None and end is not None:
                yield start, end
                start = end = None
            yield s, s + limit
            s += limit
        if start is not None and end is not None and e - start > limit:
            yield start, end
            start = None
        if start is None:
            start = s
        end = e
    if start is not None and end is not None:
        yield start, end


def _key(surface: str) -> str:
    return " ".join(surface.casefold().split())


class SpacyActors:
    """The plugin: an ``actors`` extractor over a spaCy pipeline (loaded lazily or injected)."""

    def __init__(
        self,
        nlp: Callable[[str], Any] | None = None,
        *,
        model: str | None = None,
        labels: Mapping[str, str] | None = None,
        batch_chars: int = BATCH_CHARS,
    ) -> None:
        self.nlp = nlp
        self.model = model
        self.labels = dict(DEFAULT_LABELS if labels is None else labels)
        self.batch_chars = batch_chars

    def unavailable_reason(self) -> str | None:
        """Why this instance cannot run, or None; an injected ``nlp`` is always available."""
        if self.nlp is not None:
            return None
        return unavailable_reason(self.model)

    def _pipeline(self) -> Callable[[str], Any]:
        if self.nlp is not None:
            return self.nlp
        nlp: Callable[[str], Any] = _load(_model_name(self.model))
        return nlp

    def _docs(self, texts: list[str]) -> Iterable[Any]:
        nlp = self._pipeline()
        pipe = getattr(nlp, "pipe", None)
        if callable(pipe):
            docs: Iterable[Any] = pipe(texts)
            return docs
        return (nlp(t) for t in texts)

    def extract(self, draft: Draft) -> None:
        """Add an actor or place for each entity spaCy finds, one per distinct name."""
        text = draft.text
        spans = list(_chunks(draft, self.batch_chars))
        people: dict[str, Any] = {}
        surnames: dict[str, Any] = {}
        actors: dict[tuple[str, str], Any] = {}
        places: dict[str, Any] = {}
        for (base, stop), doc in zip(spans, self._docs([text[s:e] for s, e in spans]), strict=True):
            for ent in getattr(doc, "ents", ()):
                kind = self.labels.get(str(getattr(ent, "label_", "")))
                if kind is None:
                    continue
                s, e = base + int(ent.start_char), base + int(ent.end_char)
                # Trust offsets only: an entity must lie inside its chunk and have some text.
                if not (base <= s < e <= stop):
                    continue
                while s < e and text[s].isspace():
                    s += 1
                while e > s and text[e - 1].isspace():
                    e -= 1
                if s == e:
                    continue
                surface = text[s:e]
                key = _key(surface)
                if kind == "place":
                    place = places.get(key)
                    if place is None:
                        place = places[key] = draft.add_place(surface)
                    place.add_mention(s, e)
                    continue
                if kind == "person":
                    known = people.get(key)
                    if known is None and " " not in key and key in surnames:
                        surnames[key].add_mention(s, e, "surname")
                        continue
                    if known is None:
                        known = people[key] = draft.add_actor(surface, "person")
                        surnames.setdefault(key.rsplit(" ", 1)[-1], known)
                    known.add_mention(s, e)
                    continue
                actor = actors.get((kind, key))
                if actor is None:
                    actor = actors[(kind, key)] = draft.add_actor(surface, kind)
                actor.add_mention(s, e)

    @newsparse.hookimpl
    def newsparse_extractors(self) -> list[Extractor]:
        """The ``spacy-actors`` extractor, replacing the built-in ``actors``; or nothing (and a
        warning, once) when spaCy is missing."""
        reason = self.unavailable_reason()
        if reason is not None:
            if reason != f"{MODEL_VARIABLE} is set empty":
                _warn_once(reason)
            return []
        return [
            Extractor(
                name="spacy-actors",
                run=self.extract,
                requires=("sentences",),
                provides=("actors", "places"),
                replaces="actors",
            )
        ]


#: The instance the ``newsparse`` entry point registers; it loads ``NEWSPARSE_SPACY_MODEL``.
plugin = SpacyActors()
