"""newsparse plugin: casualty and displacement figures (killed, wounded, displaced…) as records.

Adds the record kind ``casualties``: each record is a :class:`Casualty` with the figure as written,
its numeric lower bound when it can be read, and what happened to the people it counts.
"""

from __future__ import annotations

from typing import Literal

import regex
from pydantic import BaseModel, ConfigDict

import newsparse
from newsparse import Draft, Extractor, Span

__all__ = ["Casualty", "find_casualties"]

KIND = "casualties"

Outcome = Literal["killed", "wounded", "displaced", "missing", "detained"]

# Verb or noun forms that tell what happened to the people counted, mapped to an outcome.
_OUTCOMES: dict[str, Outcome] = {
    "killed": "killed",
    "dead": "killed",
    "died": "killed",
    "deaths": "killed",
    "lives": "killed",
    "fatalities": "killed",
    "massacred": "killed",
    "slain": "killed",
    "wounded": "wounded",
    "injured": "wounded",
    "hurt": "wounded",
    "displaced": "displaced",
    "refugees": "displaced",
    "fled": "displaced",
    "homeless": "displaced",
    "uprooted": "displaced",
    "missing": "missing",
    "disappeared": "missing",
    "detained": "detained",
    "arrested": "detained",
    "captured": "detained",
}
_NUMBER_WORDS = {
    "a dozen": 12,
    "dozens": 24,
    "hundreds": 200,
    "thousands": 2000,
    "a hundred": 100,
    "a thousand": 1000,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "twenty": 20,
}
_SCALE = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

_NUM = (
    r"(?:(?:more|fewer|less) than |at least |nearly |almost |about |around |some |over |up to )?"
    r"(?:(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?: (?:hundred|thousand|million|billion))?"
    r"|(?:half|a quarter of) a (?:million|billion)"
    r"|a dozen|dozens|hundreds|thousands|a hundred|a thousand"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty)"
)
_WORD = "|".join(sorted(_OUTCOMES, key=len, reverse=True))
# "<number> [up to three words] <outcome>" e.g. "12 million people displaced",
# "the lives of more than half a million people" is matched by the second branch.
_PATTERN = regex.compile(
    rf"(?i)\b(?P<fig>{_NUM})(?P<gap>(?: [\w-]+){{0,3}}?) (?:were |have been |had been |are )?"
    rf"(?P<out>{_WORD})\b"
    rf"|\b(?P<out2>lives|deaths) of (?P<fig2>{_NUM})\b"
)


class Casualty(BaseModel):
    """A casualty or displacement figure as the article states it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    figure: Span
    """The number as written (``more than half a million``)."""
    outcome: Outcome
    """What happened to the people counted."""
    minimum: int | None
    """The figure's lower bound as an integer, when it can be read."""
    evidence: Span
    """The words from the figure to the outcome."""


def _value(fig: str) -> int | None:
    f = fig.lower()
    for lead in (
        "more than ",
        "fewer than ",
        "less than ",
        "at least ",
        "nearly ",
        "almost ",
        "about ",
        "around ",
        "some ",
        "over ",
        "up to ",
    ):
        f = f.removeprefix(lead)
    if f in _NUMBER_WORDS:
        return _NUMBER_WORDS[f]
    m = regex.fullmatch(r"(half|a quarter of) a (million|billion)", f)
    if m:
        return _SCALE[m.group(2)] // (2 if m.group(1) == "half" else 4)
    m = regex.fullmatch(r"([\d,]+(?:\.\d+)?)(?: (hundred|thousand|million|billion))?", f)
    if m:
        n = float(m.group(1).replace(",", ""))
        return int(n * _SCALE.get(m.group(2) or "", 1))
    return None


def find_casualties(draft: Draft) -> None:
    """Add a ``casualties`` record for each figure of killed, wounded or displaced people."""
    text = draft.text
    for m in _PATTERN.finditer(text):
        if m.group("fig") is not None:
            fs, fe = m.span("fig")
            word = m.group("out").lower()
        else:
            fs, fe = m.span("fig2")
            word = m.group("out2").lower()
        draft.add_record(
            KIND,
            Casualty(
                figure=Span.of(text, fs, fe),
                outcome=_OUTCOMES[word],
                minimum=_value(text[fs:fe]),
                evidence=Span.of(text, m.start(), m.end()),
            ),
        )


@newsparse.hookimpl
def newsparse_record_kinds() -> dict[str, type[BaseModel]]:
    """Register the ``casualties`` record kind."""
    return {KIND: Casualty}


@newsparse.hookimpl
def newsparse_extractors() -> list[Extractor]:
    """The casualty extractor; it needs nothing but the text."""
    return [
        Extractor(
            name="casualties",
            run=find_casualties,
            requires=("text",),
            provides=(f"records:{KIND}",),
        )
    ]
