"""The newsparse command: run in-process through ``main(argv)``, and once as the console script."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsparse import Article
from newsparse.cli import main
from newsparse.schema import schema_json

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_89980257a6cb7ec4.txt"
BOM = b"\xef\xbb\xbf"


class Run:
    """What one in-process run of the command gave."""

    def __init__(self, code: int, out: str, err: str) -> None:
        self.code = code
        self.out = out
        self.err = err

    def ids(self) -> list[str]:
        return [json.loads(line)["id"] for line in self.lines()]

    def lines(self) -> list[str]:
        # Not splitlines(): that also splits at U+0085 and U+2028, which JSON leaves raw.
        return [line for line in self.out.split("\n") if line]


Cli = Callable[..., Run]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    """``cli(*argv, stdin=b"…")`` runs ``main`` in this process and captures its output."""

    def run(*argv: str, stdin: bytes | None = None) -> Run:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        capsys.readouterr()
        code = main(list(argv))
        got = capsys.readouterr()
        return Run(code, got.out, got.err)

    return run


def _ids(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [json.loads(line)["id"] for line in text.split("\n") if line]


# -- the console script ---------------------------------------------------------------------------


def _script() -> str:
    exe = Path(sys.executable).with_name("newsparse")
    return str(exe) if exe.exists() else "newsparse"


def test_console_script_parses_stdin_jsonl_and_reports_bad_lines() -> None:
    data = b'{"id": "a", "text": "One."}\n{broken\n{"id": "c", "text": "Three."}\n'
    r = subprocess.run(
        [_script(), "parse", "-", "--format", "jsonl", "-q"],
        input=data,
        capture_output=True,
        cwd=ROOT,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    assert [json.loads(x)["id"] for x in r.stdout.decode().splitlines()] == ["a", "c"]
    assert "<stdin>:2" in r.stderr.decode() and "NP104" in r.stderr.decode()


def test_console_script_usage_error_is_coded_without_traceback() -> None:
    r = subprocess.run(
        [_script(), "parse", "x.txt", "--format", "xml"], capture_output=True, timeout=300
    )
    assert r.returncode == 2
    assert b"NP401" in r.stderr and b"Traceback" not in r.stderr


# -- parse -----------------------------------------------------------------------------------------


def test_parse_seed_json_spans_check_out(cli: Cli) -> None:
    r = cli("parse", str(SEED), "--format", "json")
    assert r.code == 0, r.err
    article = Article.model_validate_json(r.out)
    for where, s in article.iter_spans():
        assert article.text[s.start : s.end] == s.text, where


def test_summary_lists_sections(cli: Cli) -> None:
    r = cli("parse", str(SEED))
    assert r.code == 0
    for section in ("Actors (", "Quotes (", "Ceasefire claims ("):
        assert section in r.out


def test_schema_matches_committed_copy(cli: Cli) -> None:
    committed = (ROOT / "docs" / "schema" / "article.json").read_text(encoding="utf-8")
    assert schema_json() == committed, "run: newsparse schema > docs/schema/article.json"
    assert cli("schema", "--builtin").out == committed


def test_jsonl_corpus_with_bad_lines(cli: Cli, tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(
        b'{"id": "a", "text": "First article."}\n'
        b"not json\n"
        b'{"id": "b", "text": "Caf\xe9 bytes"}\n'
        b'{"id": "c", "text": "Third article.", "published": "2020-01-02"}\n'
        b'{"id": "d"}\n'
    )
    r = cli("parse", str(corpus), "--format", "jsonl", "-q")
    assert r.code == 0
    assert r.ids() == ["a", "c"]
    assert "c.jsonl:2" in r.err and "NP104" in r.err
    assert "c.jsonl:3" in r.err and "NP102" in r.err
    assert "c.jsonl:5" in r.err


def test_non_utf8_text_file_fails_clearly(cli: Cli, tmp_path: Path) -> None:
    f = tmp_path / "latin1.txt"
    f.write_bytes("Café".encode("latin-1"))
    r = cli("parse", str(f))
    assert r.code == 1
    assert "NP102" in r.err and "UTF-8" in r.err


def test_stdin_text(cli: Cli) -> None:
    r = cli("parse", "-", "--format", "json", stdin="“Go,” said Jane Doe.".encode())
    assert r.code == 0
    assert Article.model_validate_json(r.out).text == "“Go,” said Jane Doe."


def test_stdin_jsonl_with_a_bom_is_records_as_in_a_file(cli: Cli, tmp_path: Path) -> None:
    data = BOM + b'{"id": "a", "text": "One."}\n{"id": "b", "text": "Two."}\n'
    f = tmp_path / "c.jsonl"
    f.write_bytes(data)
    from_stdin = cli("parse", "-", "-f", "jsonl", stdin=data)
    from_file = cli("parse", str(f), "-f", "jsonl")
    assert from_stdin.code == from_file.code == 0
    assert from_stdin.ids() == ["a", "b"]
    assert from_stdin.out == from_file.out


# -- input that must not take the run down ---------------------------------------------------------


def _deep_corpus(depth: int) -> bytes:
    deep = b'{"id": "deep", "text": "Deep.", "meta": ' + b"[" * depth + b"]" * depth + b"}\n"
    return b'{"id": "a", "text": "One."}\n' + deep + b'{"id": "c", "text": "Three."}\n'


@pytest.mark.parametrize("fmt", ["jsonl", "text"])
@pytest.mark.parametrize("where", ["file", "stdin"])
def test_a_line_nested_1000_deep_is_one_coded_error(
    cli: Cli, tmp_path: Path, fmt: str, where: str
) -> None:
    data = _deep_corpus(1000)
    if where == "file":
        f = tmp_path / "c.jsonl"
        f.write_bytes(data)
        r = cli("parse", str(f), "-f", fmt)
    else:
        r = cli("parse", "-", "-f", fmt, stdin=data)
    assert r.code == 0
    assert "NP109" in r.err and ":2" in r.err
    if fmt == "jsonl":
        assert r.ids() == ["a", "c"]
    else:
        assert "# a\n" in r.out and "# c\n" in r.out


def test_resume_over_a_corpus_with_a_deep_line(cli: Cli, tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(_deep_corpus(1000))
    out = tmp_path / "out.jsonl"
    out.write_text(Article(id="a", text="One.").model_dump_json() + "\n")
    r = cli("parse", str(corpus), "-f", "jsonl", "-o", str(out), "--resume")
    assert r.code == 0
    assert "NP109" in r.err and "c.jsonl:2" in r.err
    assert _ids(out) == ["a", "c"]


def test_show_a_deep_file_is_a_coded_error(cli: Cli, tmp_path: Path) -> None:
    for name, data in (
        ("deep.jsonl", _deep_corpus(1000).split(b"\n")[1]),
        ("deep.json", b'{"text": "x", "sentences": ' + b"[" * 5000 + b"]" * 5000 + b"}"),
    ):
        f = tmp_path / name
        f.write_bytes(data)
        r = cli("show", str(f))
        assert r.code == 2
        assert "NP109" in r.err
    r = cli("show", "-", stdin=_deep_corpus(2000).split(b"\n", 1)[1])
    assert r.code == 2 and "NP109" in r.err


@pytest.mark.parametrize("key", ["title", "id", "url", "source", "author"])
@pytest.mark.parametrize("fmt", ["jsonl", "text", "json"])
def test_a_lone_surrogate_in_metadata_costs_only_that_field(
    cli: Cli, tmp_path: Path, key: str, fmt: str
) -> None:
    corpus = tmp_path / "t.jsonl"
    bad = '{"id": "t", "text": "Talks resumed.", "' + key + '": "x\\ud800y"}'
    corpus.write_text(bad + '\n{"id": "u", "text": "Later."}\n', encoding="utf-8")
    r = cli("parse", str(corpus), "-f", fmt)
    assert r.code == 0, r.err
    assert "t.jsonl:1" in r.err and "NP105" in r.err and key in r.err
    if fmt == "jsonl":
        first, second = (json.loads(x) for x in r.lines())
        assert first["text"] == "Talks resumed." and second["id"] == "u"
        assert first["id"] == ("t:1" if key == "id" else "t")
        if key != "id":
            assert first[key] is None
            assert [d["code"] for d in first["diagnostics"]] == ["NP105"]
    elif fmt == "text":
        assert "Later." not in r.out  # summaries, not texts
        assert r.out.count("Actors (") == 2
    else:
        assert r.out.count('\n  "text": "Talks resumed.",') == 1
        assert r.out.count('\n  "id": "u",') == 1


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    key=st.sampled_from(["title", "url", "author", "source", "id", "published"]),
    value=st.one_of(
        st.integers(),
        st.floats(allow_nan=False),
        st.booleans(),
        st.lists(st.integers(), max_size=3),
        st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
        st.text(max_size=10),
    ),
)
def test_any_metadata_value_keeps_the_text(cli: Cli, key: str, value: object) -> None:
    line = json.dumps({"id": "k", "text": "The rebels agreed to a truce.", key: value})
    r = cli(
        "parse", "-", "-f", "jsonl", stdin=(line + "\n" + '{"id": "z", "text": "Z."}\n').encode()
    )
    assert r.code == 0, r.err
    (first, second) = (json.loads(x) for x in r.lines())
    assert first["text"] == "The rebels agreed to a truce." and second["id"] == "z"
    if key != "id" and first[key] is None and value is not None:
        assert "note:" in r.err and key in r.err  # a dropped value is never silent
        assert [d["level"] for d in first["diagnostics"] if d["extractor"] == "input"] == [
            "warning"
        ]


def test_title_empty_string_is_kept(cli: Cli) -> None:
    r = cli(
        "parse",
        "-",
        "-f",
        "jsonl",
        stdin=b'{"id": "a", "text": "Big news\\n\\nBody.", "title": ""}\n',
    )
    assert json.loads(r.out)["title"] == ""


# -- usage errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["parse", "{seed}", "-o", "{tmp}"],
        ["parse", "{seed}", "-o", "{tmp}/missing/out.jsonl"],
        ["parse", "{seed}", "--jobs", "-3"],
        ["parse", "{seed}", "--timeout", "0"],
        ["parse", "{seed}", "--timeout", "soon"],
        ["parse", "{seed}", "--jobs", "two"],
        ["parse", "{seed}", "--format", "xml"],
        ["parse"],
        ["frobnicate"],
        [],
    ],
)
def test_usage_errors_are_np401_with_status_2(cli: Cli, tmp_path: Path, argv: list[str]) -> None:
    args = [a.format(seed=SEED, tmp=tmp_path) for a in argv]
    r = cli(*args)
    assert r.code == 2
    assert "[NP401]" in r.err
    assert r.out == ""
    assert list(tmp_path.iterdir()) == []


def test_output_that_is_an_input_is_refused_and_the_input_kept(cli: Cli, tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a", "text": "One."}\n')
    r = cli("parse", str(corpus), "-f", "jsonl", "-o", str(corpus))
    assert r.code == 2 and "NP401" in r.err
    assert corpus.read_text() == '{"id": "a", "text": "One."}\n'


@pytest.mark.parametrize("name", ["z.jsonl", "a.jsonl", "out.txt"])
def test_output_inside_an_input_folder_is_refused(cli: Cli, tmp_path: Path, name: str) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.jsonl").write_text('{"id": "a", "text": "One."}\n')
    r = cli("parse", str(corpus), "-f", "jsonl", "-o", str(corpus / name))
    assert r.code == 2 and "NP401" in r.err and "inside the input folder" in r.err
    assert sorted(p.name for p in corpus.iterdir()) == ["a.jsonl"]
    assert (corpus / "a.jsonl").read_text() == '{"id": "a", "text": "One."}\n'


def test_output_beside_an_input_folder_is_fine(cli: Cli, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.jsonl").write_text('{"id": "a", "text": "One."}\n')
    (corpus / "notes.md").write_text("not an input")
    r = cli("parse", str(corpus), "-f", "jsonl", "-o", str(corpus / "out.json"))
    assert r.code == 0 and _ids(corpus / "out.json") == ["a"]


def test_a_missing_input_path_is_reported_and_the_rest_written(cli: Cli, tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a", "text": "One."}\n')
    r = cli("parse", str(tmp_path / "nope.txt"), str(corpus), "-f", "jsonl")
    assert r.code == 2
    assert "NP103" in r.err and "nope.txt" in r.err
    assert r.ids() == ["a"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("fmt", ["jsonl", "text"])
def test_a_full_disk_is_a_coded_error(cli: Cli, fmt: str) -> None:
    r = cli("parse", str(SEED), "-f", fmt, "-o", "/dev/full")
    assert r.code == 2
    assert "[NP405] cannot write /dev/full" in r.err


def test_help_and_version_return_zero(cli: Cli) -> None:
    assert cli("--version").code == 0
    r = cli("parse", "--help")
    assert r.code == 0 and "--resume" in r.out


# -- --resume --------------------------------------------------------------------------------------


RESUME_CORPUS = (
    '{"id": "a", "text": "Talks began in Geneva."}\n'
    '{"id": "b", "text": "“We will hold our fire,” said Jane Roe."}\n'
    '{"id": "a", "text": "A second article with the id a."}\n'
    '{"id": "s", "text": "A lone \\ud800 surrogate fails."}\n'
    '{"text": "No id: the reader gives one."}\n'
    '{"id": "é", "text": "Non-ASCII id, non-ASCII text: café, Zürich."}\n'
    '{"id": "a", "text": "A third a."}\n'
)


@pytest.fixture(scope="module")
def resume_reference() -> tuple[bytes, int]:
    """The full output of the resume corpus, and how many records fail in it."""
    with tempfile.TemporaryDirectory() as d:
        corpus = Path(d) / "c.jsonl"
        corpus.write_text(RESUME_CORPUS, encoding="utf-8")
        out = Path(d) / "out.jsonl"
        assert main(["parse", str(corpus), "-f", "jsonl", "-o", str(out), "-q"]) == 0
        return out.read_bytes(), 1


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_resume_after_any_cut_gives_exactly_the_full_output(
    cli: Cli, resume_reference: tuple[bytes, int], data: st.DataObject
) -> None:
    reference, _ = resume_reference
    cut = data.draw(st.integers(min_value=0, max_value=len(reference)), label="cut")
    with tempfile.TemporaryDirectory() as d:
        corpus = Path(d) / "c.jsonl"
        corpus.write_text(RESUME_CORPUS, encoding="utf-8")
        out = Path(d) / "out.jsonl"
        out.write_bytes(reference[:cut])
        r = cli("parse", str(corpus), "-f", "jsonl", "-o", str(out), "--resume", "-q")
        assert r.code == 0, r.err
        assert out.read_bytes() == reference
        half = reference[:cut] and not reference[:cut].endswith(b"\n")
        assert ("half-written" in r.err) == bool(half)


def test_reference_holds_the_repeated_ids(resume_reference: tuple[bytes, int]) -> None:
    ids = [json.loads(x)["id"] for x in resume_reference[0].decode().splitlines()]
    assert ids == ["a", "b", "a", "c:5", "é", "a"]


def test_resume_with_a_different_corpus_says_so(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text(Article(id="zz", text="Old.").model_dump_json() + "\n")
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a", "text": "One."}\n')
    r = cli("parse", str(corpus), "-f", "jsonl", "-o", str(out), "--resume")
    assert r.code == 0
    assert _ids(out) == ["zz", "a"]
    assert "1 article(s) already in" in r.err


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_resume_is_refused_where_it_cannot_be_exact(cli: Cli, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "out.txt"
    out.write_text("earlier output\n")
    r = cli("parse", str(SEED), "-f", fmt, "-o", str(out), "--resume")
    assert r.code == 2 and "NP403" in r.err
    assert out.read_text() == "earlier output\n"


def test_resume_needs_an_output_file(cli: Cli) -> None:
    r = cli("parse", str(SEED), "-f", "jsonl", "--resume")
    assert r.code == 2 and "NP403" in r.err and r.out == ""


@pytest.mark.parametrize(
    "content",
    [
        "Café\n".encode("latin-1"),
        b"not an article\n",
        b'{"id": 5, "text": "x"}\n',
        b'{"id":"a","text":"On{"id":"b","text":"Two."}\n',
        b'{"id": "a", "x": ' + b"[" * 3000 + b"]" * 3000 + b"}\n",
    ],
)
def test_resume_on_a_file_newsparse_did_not_write_is_refused(
    cli: Cli, tmp_path: Path, content: bytes
) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(content + b'{"id": "half')
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a", "text": "One."}\n')
    r = cli("parse", str(corpus), "-f", "jsonl", "-o", str(out), "--resume")
    assert r.code == 2 and "NP404" in r.err and "out.jsonl:1" in r.err
    assert out.read_bytes() == content + b'{"id": "half'  # untouched, half line included


def test_resume_with_two_workers_is_exact(cli: Cli, tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        "".join(json.dumps({"id": str(i % 7), "text": f"Article {i}."}) + "\n" for i in range(150))
    )
    full = tmp_path / "full.jsonl"
    assert cli("parse", str(corpus), "-f", "jsonl", "-o", str(full), "-j", "2").code == 0
    reference = full.read_bytes()
    out = tmp_path / "out.jsonl"
    out.write_bytes(reference[: len(reference) // 3])
    r = cli("parse", str(corpus), "-f", "jsonl", "-o", str(out), "--resume", "-j", "2")
    assert r.code == 0, r.err
    assert out.read_bytes() == reference


# -- plugins ---------------------------------------------------------------------------------------


def test_plugins_lists_builtins_and_pipeline(cli: Cli) -> None:
    r = cli("plugins", "--json")
    assert r.code == 0
    info = json.loads(r.out)
    names = {p["name"] for p in info["plugins"]}
    assert "newsparse.extractors.quotes" in names
    pipeline = info["pipeline"]
    assert pipeline.index("segmentation") < pipeline.index("actors") < pipeline.index("quotes")


def test_plugins_show_distribution_of_entry_point_plugins(cli: Cli) -> None:
    info = {p["name"]: p for p in json.loads(cli("plugins", "--json").out)["plugins"]}
    if "casualties" not in info:
        pytest.skip("the example plugin is not installed")
    assert info["casualties"]["distribution"] == "newsparse-casualties"
    assert info["casualties"]["version"]
    assert "newsparse_record_kinds" in info["casualties"]["hooks"]


def test_timeout_keeps_what_was_found_and_says_so(cli: Cli) -> None:
    r = cli("parse", str(SEED), "-f", "json", "--timeout", "0.000001")
    assert r.code == 0
    article = json.loads(r.out)
    assert [d["code"] for d in article["diagnostics"]] == ["NP303"]
    assert article["text"] and not article["quotes"]
