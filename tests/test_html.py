"""HTML input: a news page becomes a record with text and metadata, through trafilatura."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("trafilatura", reason="the html extra is not installed")

from newsparse import cli
from newsparse.errors import InputError
from newsparse.html import read_html

FIXTURES = Path(__file__).parent / "fixtures"
PAGE = FIXTURES / "news_page.html"


@pytest.fixture(scope="module")
def record() -> dict[str, Any]:
    return read_html(PAGE.read_bytes(), id="page")


def test_metadata(record: dict[str, Any]) -> None:
    assert record["id"] == "page"
    assert record["title"] == "Envoy proposes weekend truce in Port Avalon"
    assert record["author"] == "Lena Marsh"
    assert record["published"] == "2024-05-17"
    assert record["url"] == "https://courier.example/world/2024/05/envoy-truce"
    assert record["source"] == "The Harbour Courier"


def test_text_keeps_the_article_and_drops_the_chrome(record: dict[str, Any]) -> None:
    text = record["text"]
    assert "Nobody should have to choose between bread and safety" in text
    assert "displaced thousands of families" in text
    for chrome in ("Subscribe today", "Markets fall", "All rights reserved", "tracker", ".ad"):
        assert chrome not in text


def test_paragraphs_are_blank_line_separated(record: dict[str, Any]) -> None:
    paras = record["text"].split("\n\n")
    assert len(paras) >= 4
    assert all(p and p == p.strip() and "\n" not in p for p in paras)


def test_str_and_bytes_agree() -> None:
    data = PAGE.read_bytes()
    assert read_html(data) == read_html(data.decode("utf-8"))


@pytest.mark.parametrize(
    "junk",
    [
        b"",
        "",
        b"\x00\xff\xfe" * 200,
        "<<<>>>",
        (FIXTURES / "empty_page.html").read_bytes(),
        b"<html>" + b"<div>" * 20_000,
    ],
)
def test_pages_without_article_text_raise_np108(junk: bytes | str) -> None:
    with pytest.raises(InputError) as err:
        read_html(junk)
    assert err.value.code == "NP108"
    assert err.value.hint


def test_wrong_type_is_np101() -> None:
    with pytest.raises(InputError) as err:
        read_html(123)  # type: ignore[arg-type]
    assert err.value.code == "NP101"


def test_missing_extra_is_np107(monkeypatch: pytest.MonkeyPatch) -> None:
    # A None entry in sys.modules makes the import fail, as when the extra is missing.
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(InputError) as err:
        read_html(PAGE.read_bytes())
    assert err.value.code == "NP107"
    assert "pip install 'newsparse[html]'" in str(err.value)


def test_cli_parses_a_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["parse", str(PAGE), "--format", "json"]) == 0
    article = json.loads(capsys.readouterr().out)
    assert article["id"] == "news_page"
    assert article["title"] == "Envoy proposes weekend truce in Port Avalon"
    assert article["published"] == "2024-05-17"
    assert article["url"].startswith("https://courier.example/")
    assert article["source"] == "The Harbour Courier"
    assert article["text"].startswith("Envoy proposes weekend truce")


def test_cli_reports_an_empty_page(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["parse", str(FIXTURES / "empty_page.html")]) == 1
    err = capsys.readouterr().err
    assert "NP108" in err and "empty_page.html" in err


def test_show_a_page(tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    assert cli.main(["show", str(PAGE), "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "<title>Envoy proposes weekend truce in Port Avalon</title>" in html
    assert "tracker" not in html
