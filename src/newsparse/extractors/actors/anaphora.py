"""Definite descriptions that point back to a body named before: ``the group``, ``the agency``.

News names a body once and then calls it by what it is (``the Baloch Liberation Army … the
separatist group``, ``the Interfax news agency … the agency said``). A description with ``the``,
a few adjectives and a noun for a kind of body is a mention of the last body of a matching kind
named shortly before, or of the last body whose name ends in that noun (``the agency`` for
``Atomic Energy Agency``).
"""

from __future__ import annotations

from functools import cache

import regex

from ...draft import ActorDraft, ActorTable
from ...lexicon.actors import cues

__all__ = ["definite_bodies"]

_BACK = 600
"""How far back (characters) a description looks for its body: a paragraph or two."""


@cache
def _the_head() -> regex.Pattern[str]:
    """``the``, up to three lower-case words, a head noun (not ``the group of …``)."""
    return regex.compile(
        r"\b[Tt]he[ \t\u00a0]+(?:\p{Ll}[\p{Ll}\-]*[ \t\u00a0]+){0,3}(?P<head>\L<heads>)\b"
        r"(?![ \t\u00a0]+of\b|-)",
        heads=list(cues().anaphor_heads),
    )


def _antecedent(table: ActorTable, start: int, head: str) -> ActorDraft | None:
    """The body a description at ``start`` points back to: the last one named before it whose
    kind the head allows or whose name ends in the head (``the ministry``)."""
    kinds = cues().anaphor_heads[head]
    found: ActorDraft | None = None
    for _s, _e, form, a in table.mentions_in(max(0, start - _BACK), start):
        if a.kind == "person" or form == "description":
            continue
        if a.kind in kinds or a.name.split()[-1].lower() == head:
            found = a
    return found


def definite_bodies(text: str, table: ActorTable) -> None:
    """Link ``the group``, ``the agency``, ``the ministry`` to the body they point back to."""
    if not any(h in text for h in cues().anaphor_heads):
        return  # the heads match case-sensitively: no head in the text, no description
    for m in _the_head().finditer(text):
        s, e = m.span()
        if table.at(s, e) is not None:
            continue  # part of a name or description found already
        target = _antecedent(table, s, m.group("head").lower())
        if target is not None:
            target.add_mention(s, e, "description")
