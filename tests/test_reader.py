"""Reading records: JSON nested too deep, byte order marks, ids, unreadable paths."""

from __future__ import annotations

import io
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsparse.errors import InputError
from newsparse.reader import MAX_JSON_DEPTH, BadRecord, Source, iter_records, load_json

GOOD_A = b'{"id": "a", "text": "First article."}\n'
GOOD_C = b'{"id": "c", "text": "Third article."}\n'
BOM = b"\xef\xbb\xbf"

Got = list[dict[str, Any] | BadRecord]


def _nested(depth: int, key: str = "meta") -> bytes:
    """A record whose ``key`` holds arrays nested ``depth`` deep (the record is one level more)."""
    head = b'{"id": "deep", "text": "Deep.", "' + key.encode() + b'": '
    return head + b"[" * depth + b"]" * depth + b"}\n"


@contextmanager
def _stdin(data: bytes) -> Iterator[None]:
    saved = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(data))
    try:
        yield
    finally:
        sys.stdin = saved


def _from_file(data: bytes, name: str = "c.jsonl") -> Got:
    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / name
        f.write_bytes(data)
        return [_relabel(r, str(f)) for r in iter_records([str(f)])]


def _from_stdin(data: bytes) -> Got:
    with _stdin(data):
        return [_relabel(r, "<stdin>") for r in iter_records(["-"])]


def _relabel(rec: dict[str, Any] | BadRecord, path: str) -> dict[str, Any] | BadRecord:
    """The same record with its source path written as ``IN``, to compare file and stdin."""
    if isinstance(rec, BadRecord):
        return BadRecord(Source("IN", rec.source.line), rec.error)
    return rec


def _ids(got: Got) -> list[str | None]:
    return [None if isinstance(r, BadRecord) else r["id"] for r in got]


@settings(max_examples=40, deadline=None)
@given(depth=st.integers(min_value=1, max_value=5000), key=st.sampled_from(["meta", "title", "x"]))
def test_any_nesting_depth_reads_or_is_one_coded_bad_record(depth: int, key: str) -> None:
    data = GOOD_A + _nested(depth, key) + GOOD_C
    for got in (_from_file(data), _from_stdin(data)):
        if depth + 1 <= MAX_JSON_DEPTH:
            assert _ids(got) == ["a", "deep", "c"]
        else:
            assert _ids(got) == ["a", None, "c"]
            bad = got[1]
            assert isinstance(bad, BadRecord)
            assert bad.error.code == "NP109" and bad.source.line == 2


def test_a_deep_first_line_on_stdin_is_still_jsonl() -> None:
    got = _from_stdin(_nested(3000) + GOOD_C)
    assert _ids(got) == [None, "c"]


@pytest.mark.parametrize(
    "data",
    [
        BOM + GOOD_A + GOOD_C,
        BOM + b"\n\n  " + GOOD_A + GOOD_C,
        BOM + GOOD_A.replace(b"\n", b"\r\n") + GOOD_C,
    ],
)
def test_jsonl_with_a_bom_reads_the_same_from_stdin_and_a_file(data: bytes) -> None:
    from_stdin = _from_stdin(data)
    assert _ids(from_stdin) == ["a", "c"]
    assert from_stdin == _from_file(data)


def test_text_with_a_bom_on_stdin_is_one_article_without_the_bom() -> None:
    (rec,) = _from_stdin(BOM + "“Go,” said Jane Doe.".encode())
    assert not isinstance(rec, BadRecord)
    assert rec["text"] == "“Go,” said Jane Doe."


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ('{"id": "x", "text": "t", "n": ' + "9" * 5000 + "}", "NP104"),
        ("[" * 200_000, "NP109"),
        ('{"text": "t"', "NP104"),
        ('{"a": ' * 101 + "1" + "}" * 101, "NP109"),
    ],
)
def test_load_json_gives_coded_errors(line: str, code: str) -> None:
    with pytest.raises(InputError) as err:
        load_json(line, "here")
    assert err.value.code == code


def test_a_record_at_the_depth_limit_loads() -> None:
    line = '{"a": ' * (MAX_JSON_DEPTH - 1) + "1" + "}" * (MAX_JSON_DEPTH - 1)
    assert isinstance(load_json(line, "here"), dict)


@pytest.mark.parametrize(
    ("id_json", "expected", "noted"),
    [
        ('"mine"', "mine", False),
        ("17", "17", False),
        ("null", "c:1", False),
        ('""', "c:1", False),
        ('"\\ud800x"', "c:1", True),
        ("[1, 2]", "c:1", True),
        ("true", "c:1", True),
        ("1.5", "c:1", True),
    ],
)
def test_every_jsonl_record_gets_a_usable_id(id_json: str, expected: str, noted: bool) -> None:
    notes: list[tuple[Source, str]] = []
    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / "c.jsonl"
        f.write_text('{"id": ' + id_json + ', "text": "T."}\n', encoding="utf-8")
        (rec,) = iter_records([str(f)], on_note=lambda src, msg: notes.append((src, msg)))
    assert not isinstance(rec, BadRecord)
    assert rec["id"] == expected
    assert bool(notes) == noted
    if noted:
        assert notes[0][0].line == 1 and "c:1" in notes[0][1]


def test_other_unusable_fields_are_noted_not_changed(tmp_path: Path) -> None:
    f = tmp_path / "c.jsonl"
    f.write_text('{"id": "x", "text": "T.", "title": 3.5, "url": "\\udfff"}\n', encoding="utf-8")
    notes: list[str] = []
    (rec,) = iter_records([str(f)], on_note=lambda src, msg: notes.append(msg))
    assert not isinstance(rec, BadRecord) and rec["title"] == 3.5
    assert [n.split("]")[0] for n in notes] == ["[NP106", "[NP105"]


@pytest.mark.parametrize("name", ["story.txt", "corpus.jsonl"])
def test_an_unreadable_file_is_a_coded_bad_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    f = tmp_path / name
    f.write_text("x")

    def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied")

    # Root reads a mode-000 file anyway, so the refusal is simulated.
    monkeypatch.setattr(Path, "read_bytes", refuse)
    monkeypatch.setattr(Path, "open", refuse)
    (rec,) = iter_records([str(f)])
    assert isinstance(rec, BadRecord) and rec.error.code == "NP103"
    assert "Permission denied" in rec.error.message


def test_a_file_name_that_is_not_utf8_gives_a_usable_id(tmp_path: Path) -> None:
    name = b"caf\xe9.txt"
    try:
        (tmp_path / name.decode("utf-8", "surrogateescape")).write_text("Text.")
    except (OSError, UnicodeEncodeError):
        pytest.skip("the file system does not take this name")
    (rec,) = iter_records([str(tmp_path)])
    assert not isinstance(rec, BadRecord)
    assert rec["id"] == "caf\ufffd"
