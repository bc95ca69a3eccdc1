"""The newsparse command, run as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsparse import Article
from newsparse.cli import main
from newsparse.schema import schema_json

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "newsparse.cli", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=120,
    )


def test_parse_seed_json_spans_check_out() -> None:
    r = run("parse", "seeds/000_89980257a6cb7ec4.txt", "--format", "json")
    assert r.returncode == 0, r.stderr
    article = Article.model_validate_json(r.stdout)
    for where, s in article.iter_spans():
        assert article.text[s.start : s.end] == s.text, where


def test_summary_lists_sections(seed_text: str) -> None:
    r = run("parse", "seeds/000_89980257a6cb7ec4.txt")
    out = r.stdout.decode()
    assert r.returncode == 0
    for section in ("Actors (", "Quotes (", "Ceasefire claims ("):
        assert section in out


def test_schema_matches_committed_copy() -> None:
    committed = (ROOT / "docs" / "schema" / "article.json").read_text(encoding="utf-8")
    assert schema_json() == committed, "run: newsparse schema > docs/schema/article.json"
    r = run("schema")
    assert r.stdout.decode() == committed


def test_jsonl_corpus_with_bad_lines(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(
        b'{"id": "a", "text": "First article."}\n'
        b"not json\n"
        b'{"id": "b", "text": "Caf\xe9 bytes"}\n'
        b'{"id": "c", "text": "Third article.", "published": "2020-01-02"}\n'
        b'{"id": "d"}\n'
    )
    r = run("parse", str(corpus), "--format", "jsonl", "-q")
    assert r.returncode == 0
    ids = [json.loads(line)["id"] for line in r.stdout.decode().splitlines()]
    assert ids == ["a", "c"]
    err = r.stderr.decode()
    assert "c.jsonl:2" in err and "NP104" in err
    assert "c.jsonl:3" in err and "NP102" in err
    assert "c.jsonl:5" in err


def test_missing_file_fails_clearly() -> None:
    r = run("parse", "nope/missing.txt")
    assert r.returncode != 0
    assert b"NP103" in r.stderr


def test_non_utf8_text_file_fails_clearly(tmp_path: Path) -> None:
    f = tmp_path / "latin1.txt"
    f.write_bytes("Café".encode("latin-1"))
    r = run("parse", str(f))
    assert r.returncode != 0
    assert b"NP102" in r.stderr and b"UTF-8" in r.stderr


def test_stdin_text() -> None:
    r = run("parse", "-", "--format", "json", stdin="“Go,” said Jane Doe.".encode())
    assert r.returncode == 0
    assert Article.model_validate_json(r.stdout).text == "“Go,” said Jane Doe."


def test_resume_skips_done_ids(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a", "text": "One."}\n{"id": "b", "text": "Two."}\n')
    out = tmp_path / "out.jsonl"
    out.write_text(Article(id="a", text="One.").model_dump_json() + "\n")
    assert main(["parse", str(corpus), "-f", "jsonl", "-o", str(out), "--resume", "-q"]) == 0
    ids = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert ids == ["a", "b"]


def test_plugins_lists_builtins_and_pipeline(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plugins", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    names = {p["name"] for p in info["plugins"]}
    assert "newsparse.extractors.quotes" in names
    pipeline = info["pipeline"]
    assert pipeline.index("segmentation") < pipeline.index("actors") < pipeline.index("quotes")


def test_plugins_show_distribution_of_entry_point_plugins(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["plugins", "--json"]) == 0
    info = {p["name"]: p for p in json.loads(capsys.readouterr().out)["plugins"]}
    if "casualties" not in info:
        pytest.skip("the example plugin is not installed")
    assert info["casualties"]["distribution"] == "newsparse-casualties"
    assert info["casualties"]["version"]
    assert "newsparse_record_kinds" in info["casualties"]["hooks"]


def test_stdin_jsonl_reports_bad_line_numbers() -> None:
    data = b'{"id": "a", "text": "One."}\n{broken\n{"id": "c", "text": "Three."}\n'
    r = run("parse", "-", "--format", "jsonl", "-q", stdin=data)
    assert r.returncode == 0
    assert [json.loads(x)["id"] for x in r.stdout.decode().splitlines()] == ["a", "c"]
    assert "<stdin>:2" in r.stderr.decode()
