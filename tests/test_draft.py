"""The draft: writes checked when made, permissions, undo, and the shared lookups."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsparse.draft import ActorDraft, Draft
from newsparse.errors import DraftError

TEXT = "President Jane Roe met rebels in Goma. She said the truce held."


def test_input_is_read_only() -> None:
    d = Draft(TEXT, id="x", title="T")
    for name in ("text", "id", "title", "published", "url", "source", "author"):
        with pytest.raises(DraftError, match="NP207"):
            setattr(d, name, "changed")
    with pytest.raises(DraftError, match="NP207"):
        d.actors = []  # type: ignore[assignment, misc]
    assert (d.text, d.id, d.title) == (TEXT, "x", "T")


@pytest.mark.parametrize(
    ("write", "message"),
    [
        (lambda d: d.add_actor("", "person"), "non-empty"),
        (lambda d: d.add_actor("X", "martian"), "actor kind"),
        (lambda d: d.add_actor("X", "person", country="us"), "alpha-3"),
        (lambda d: d.add_actor("X", "person", mentions=[(0, 1)]), "no field"),
        (lambda d: d.add_actor("X", "person").add_mention(5, 999), "not a range"),
        (lambda d: d.add_actor("X", "person").add_mention(5, 4), "not a range"),
        (lambda d: d.add_actor("X", "person").add_mention(0, 1, "nickname"), "mention form"),
        (lambda d: d.add_quote("direct", []), "at least one segment"),
        (lambda d: d.add_quote("direct", [(10, 20), (15, 30)]), "overlap"),
        (lambda d: d.add_quote("said", [(0, 3)]), "quote kind"),
        (lambda d: d.add_quote("direct", [(0, 3)], confidence=1.5), "confidence"),
        (lambda d: d.add_claim("held", (0, 3)), "ceasefire status"),
        (lambda d: d.add_claim("in_effect", (0, 3), sentence=7), "sentence"),
        (lambda d: d.add_claim("in_effect", (0, 3), parties="a1"), "sequence of strings"),
        (lambda d: setattr(d, "sentences", [(0, 10), (5, 20)]), "must be in order"),
        (lambda d: setattr(d, "paragraphs", [(0, len(TEXT) + 1)]), "inside the 63-character"),
        (lambda d: setattr(d, "sentences", [(0, 1, 2)]), "pair"),
        (lambda d: d.report("not a diagnostic"), "Diagnostic"),
    ],
)
def test_invalid_writes_are_refused_at_once(write: object, message: str) -> None:
    d = Draft(TEXT)
    with pytest.raises(DraftError, match=message) as err:
        write(d)  # type: ignore[operator]
    assert err.value.code == "NP302"


def test_item_fields_are_checked_on_assignment() -> None:
    d = Draft(TEXT)
    a = d.add_actor("Jane Roe", "person")
    a.kind = "government"
    assert a.kind == "government"
    with pytest.raises(DraftError):
        a.kind = "alien"
    with pytest.raises(AttributeError):
        a.nickname = "JR"  # type: ignore[attr-defined]
    assert a.kind == "government"


def test_ids_are_issued_by_the_tables_and_never_reused() -> None:
    d = Draft(TEXT)
    d._begin("first", frozenset({"actors"}))
    d.add_actor("A", "person")
    d._end()
    d._begin("second", frozenset({"actors"}))
    d.add_actor("B", "person")
    d._rollback()
    d._end()
    c = d.add_actor("C", "person")
    assert [a.id for a in d.actors] == ["a1", "a3"]
    assert c.id == "a3"


def test_undeclared_write_is_refused() -> None:
    d = Draft(TEXT)
    d._begin("quotes", frozenset({"quotes"}))
    with pytest.raises(DraftError, match=r"NP207.*'quotes'.*'actors'"):
        d.add_actor("Jane Roe", "person")
    d.add_quote("indirect", [(44, 63)])
    d._end()
    assert len(d.actors) == 0 and len(d.quotes) == 1


def _state(d: Draft) -> object:
    return (
        d.paragraphs,
        d.sentences,
        d.headline,
        [
            (a.id, a.name, a.kind, a.country, a.titles, a.affiliations, a.gender, a.mentions)
            for a in d.actors
        ],
        [(p.id, p.name, p.mentions) for p in d.places],
        [(q.id, q.kind, q.segments, q.speaker) for q in d.quotes],
        [(c.id, c.status, c.parties) for c in d.claims],
        {k: len(v) for k, v in d.records.items()},
        d.actors.at(10, 14),
        d.actors.named("Jane Roe"),
    )


def test_rollback_restores_edits_in_place() -> None:
    d = Draft(TEXT)
    d.paragraphs = [(0, len(TEXT))]
    d.sentences = [(0, 38), (39, len(TEXT))]
    roe = d.add_actor("Jane Roe", "person")
    roe.add_mention(10, 18)
    d.add_quote("indirect", [(44, 62)], speaker=roe.id)
    before = _state(d)
    d._begin("vandal", frozenset({"actors", "quotes", "sentences", "places"}))
    roe.name = "Somebody Else"
    roe.kind = "organization"
    roe.add_title("President")
    roe.add_mention(0, 18, "title")
    d.quotes[0].speaker = None
    d.add_actor("Goma", "government").add_mention(33, 37)
    d.add_place("Goma").add_mention(33, 37)
    d.sentences = [(0, len(TEXT))]
    d.actors.remove(roe)
    d._rollback()
    d._end()
    assert _state(d) == before
    assert d.actors.at(33, 37) is None
    assert d.sentence_index(45) == 1


def test_rollback_forgets_scratch_made_by_the_failed_run() -> None:
    class Notes(list[str]):
        pass

    d = Draft(TEXT)
    d._begin("x", frozenset())
    d.scratch(Notes).append("half done")
    d._rollback()
    d._end()
    assert d.scratch(Notes) == []


def test_scratch_is_one_typed_object_per_class() -> None:
    class Counts(dict[str, int]):
        pass

    d = Draft(TEXT)
    d.scratch(Counts)["said"] = 1
    assert d.scratch(Counts) == {"said": 1}
    assert Draft(TEXT).scratch(Counts) == {}


def test_lookups() -> None:
    d = Draft(TEXT)
    d.paragraphs = [(0, len(TEXT))]
    d.sentences = [(0, 38), (39, len(TEXT))]
    roe = d.add_actor("Jane Roe", "person")
    roe.add_mention(10, 18)
    roe.add_mention(0, 18, "title")
    rebels = d.add_actor("rebels", "armed_group")
    rebels.add_mention(23, 29, "description")
    assert d.actors.at(12, 13) is roe
    assert d.actors.at(19, 30) is rebels
    assert d.actors.at(30, 33) is None
    assert d.actors.named("JANE ROE") is roe
    roe.name = "Jane Q. Roe"
    assert d.actors.named("jane roe") is None and d.actors.named("jane q. roe") is roe
    assert [(s, e, f, a.id) for s, e, f, a in d.actors.mentions_in(0, 25)] == [
        (0, 18, "title", roe.id),
        (10, 18, "name", roe.id),
        (23, 29, "description", rebels.id),
    ]
    q = d.add_quote("indirect", [(44, 62)])
    assert d.quotes_at(50) == (q,) and d.quotes_at(62) == ()
    # a partial quote covers its whole reported clause, not only the quoted words
    p = d.add_quote("partial", [(52, 57)], clause=(39, 63))
    assert d.quotes_at(40) == (p,) and d.quotes_at(50) == (q, p)
    assert d.sentence_at(40) == (39, len(TEXT)) and d.sentence_index(38) is None
    assert d.paragraph_index(5) == 0


def test_claim_sentence_defaults_to_the_trigger_sentence() -> None:
    d = Draft(TEXT)
    d.sentences = [(0, 38), (39, len(TEXT))]
    c = d.add_claim("in_effect", (52, 57))
    assert c.sentence == 1


def test_add_record_validates_now() -> None:
    from pydantic import BaseModel

    from newsparse import Span

    class Weapon(BaseModel):
        name: str
        span: Span

    d = Draft(TEXT, record_kinds={"weapons": Weapon})
    good = d.add_record("weapons", {"name": "truce", "span": Span.of(TEXT, 52, 57)})
    assert good is not None
    assert (
        d.add_record("weapons", {"name": "x", "span": {"start": 0, "end": 3, "text": "xyz"}})
        is None
    )
    assert d.add_record("tanks", {"name": "x"}) is None
    assert [x.code for x in d.diagnostics] == ["NP302", "NP205"]
    strict = Draft(TEXT, record_kinds={"weapons": Weapon}, strict=True)
    with pytest.raises(DraftError, match="NP302"):
        strict.add_record("weapons", {"name": 3})


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 5), st.integers(0, 60), st.integers(0, 12)), max_size=40),
    st.lists(st.tuples(st.integers(0, 70), st.integers(0, 8)), max_size=20),
)
def test_actor_at_agrees_with_a_scan(
    adds: list[tuple[int, int, int]], probes: list[tuple[int, int]]
) -> None:
    text = "x" * 80
    d = Draft(text)
    actors = [d.add_actor(f"A{i}", "person") for i in range(6)]
    for who, start, length in adds:
        actors[who].add_mention(start, start + length)

    def scan(s: int, e: int) -> ActorDraft | None:
        best = None
        for n, a in enumerate(actors):
            for k, (ms, me, _) in enumerate(a.mentions):
                if ms < e and s < me:
                    rank = (ms - me, n, k)
                    if best is None or rank < best[0]:
                        best = (rank, a)
        return None if best is None else best[1]

    for s, length in probes:
        assert d.actors.at(s, s + length + 1) is scan(s, s + length + 1)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.tuples(st.integers(0, 100), st.integers(0, 30)), min_size=1, max_size=3),
        max_size=6,
    ),
    st.lists(st.integers(0, 130), max_size=20),
)
def test_quotes_covering_agrees_with_a_scan(
    quotes: list[list[tuple[int, int]]], probes: list[int]
) -> None:
    d = Draft("x" * 400)
    for pieces in quotes:
        segs, end = [], 0
        for start, length in sorted(pieces):
            start = max(start, end)
            segs.append((start, start + length))
            end = start + length
        d.add_quote("direct", segs)
    for offset in probes:
        expected = tuple(q for q in d.quotes if any(s <= offset < e for s, e in q.segments))
        # (direct quotes only here; partial quotes cover their clause, tested in test_lookups)
        assert d.quotes_at(offset) == expected
