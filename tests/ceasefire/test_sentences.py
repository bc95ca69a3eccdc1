"""The sentence table (``sentences.tsv``): every status in every form, denied, conditional,
reported, several per sentence, and truces that are no ceasefire, run through the pipeline."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
import regex

import newsparse
from newsparse.models import CEASEFIRE_STATUSES, Article, CeasefireClaim

TABLE = Path(__file__).with_name("sentences.tsv")
_CLAIM = regex.compile(r'(?P<status>\w+) "(?P<key>[^"]+)"(?P<flags>(?: [\w=.-]+)*)')


@dataclass(frozen=True)
class Expected:
    """One claim a table line expects."""

    status: str
    key: str
    """Words the claim's trigger must contain."""
    negated: bool = False
    hypothetical: bool = False
    source: str | None = None
    """Part of the source actor's name, or ``narrator``; None: not checked."""
    parties: tuple[str, ...] = ()
    """Parts of names that must be among the claim's parties."""
    brokers: tuple[str, ...] = ()
    """Parts of names that must be among the claim's brokers."""
    others: tuple[str, ...] = ()
    """Parts of names that must be neither party nor broker of the claim."""


def parse_expected(field: str) -> list[Expected]:
    """The claims of a table line's EXPECTED column."""
    if field.strip() == "-":
        return []
    out = []
    for part in field.split(" ; "):
        m = _CLAIM.fullmatch(part.strip())
        if m is None:
            raise ValueError(f"malformed expectation {part!r}")
        flags = m.group("flags").split()
        valued = {f.split("=", 1)[0]: [] for f in flags if "=" in f}
        for f in flags:
            if "=" in f:
                key, _, value = f.partition("=")
                valued[key].append(value.replace("_", " "))
        unknown = [f for f in flags if f not in ("neg", "hyp") and "=" not in f]
        unknown += [k for k in valued if k not in ("src", "party", "broker", "notparty")]
        if unknown or m.group("status") not in CEASEFIRE_STATUSES:
            raise ValueError(f"unknown status or flag in {part!r}")
        out.append(
            Expected(
                m.group("status"),
                m.group("key"),
                "neg" in flags,
                "hyp" in flags,
                next(iter(valued.get("src", [])), None),
                tuple(valued.get("party", [])),
                tuple(valued.get("broker", [])),
                tuple(valued.get("notparty", [])),
            )
        )
    return out


def rows() -> list[object]:
    """The table as pytest parameters; known misses are strict xfails."""
    out: list[object] = []
    for n, line in enumerate(TABLE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        text, expected = cells[0], parse_expected(cells[1])
        marks = []
        if len(cells) > 2 and cells[2].startswith("xfail:"):
            marks.append(pytest.mark.xfail(reason=cells[2][6:].strip(), strict=True))
        out.append(pytest.param(text, expected, id=f"line{n}", marks=marks))
    return out


def _matches(art: Article, claim: CeasefireClaim, want: Expected) -> bool:
    if claim.status != want.status or want.key not in claim.trigger.text:
        return False
    if (claim.negated, claim.hypothetical) != (want.negated, want.hypothetical):
        return False
    if not all(any(n in _names(art, a) for a in claim.parties) for n in want.parties):
        return False
    if not all(any(n in _names(art, a) for a in claim.brokers) for n in want.brokers):
        return False
    roles = (*claim.parties, *claim.brokers)
    if any(n in _names(art, a) for n in want.others for a in roles):
        return False
    if want.source is None or want.source == claim.source == "narrator":
        return True
    return claim.source != "narrator" and want.source in art.actor(claim.source).name


def _names(art: Article, actor_id: str) -> str:
    """An actor's name and the text of its mentions, as one string to search."""
    actor = art.actor(actor_id)
    return " | ".join([actor.name, *(m.text for m in actor.mentions)])


@pytest.mark.parametrize(("text", "expected"), rows())
def test_sentence(text: str, expected: list[Expected]) -> None:
    art = newsparse.parse(text, published="2024-03-15")
    got = list(art.ceasefire_claims)
    shown = [(c.status, c.trigger.text, c.negated, c.hypothetical, c.source) for c in got]
    assert sorted(c.status for c in got) == sorted(e.status for e in expected), shown
    left = list(got)
    for want in expected:
        hit = next((c for c in left if _matches(art, c, want)), None)
        assert hit is not None, (want, shown)
        left.remove(hit)


def test_the_table_is_large_and_covers_every_status() -> None:
    table = [p.values for p in rows()]  # type: ignore[attr-defined]
    assert len(table) >= 300
    statuses = {e.status for _, expected in table for e in expected}
    assert statuses == set(CEASEFIRE_STATUSES)
    for flag in ("negated", "hypothetical"):
        flagged = {e.status for _, expected in table for e in expected if getattr(e, flag)}
        assert len(flagged) >= 10, flag
    reported = {e.status for _, expected in table for e in expected if e.source}
    assert len(reported) >= 12
    assert sum(1 for _, expected in table if not expected) >= 30


def test_a_malformed_line_is_refused() -> None:
    with pytest.raises(ValueError, match="malformed"):
        parse_expected("agreed agreed a truce")
    with pytest.raises(ValueError, match="unknown"):
        parse_expected('agreed "agreed" maybe')
