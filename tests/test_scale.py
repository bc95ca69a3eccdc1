"""Adversarial and large inputs parse without error and with consistent spans.

No timings here: speed and linear scaling are measured as ratios by ``benchmarks/bench.py``. The
inputs stay at or below about 1 MB so the suite stays fast.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable

import pytest

import newsparse
from newsparse import Article


def _quote_pairs(n_marks: int) -> str:
    return "“a” " * (n_marks // 2)


def _openers_only(n_marks: int) -> str:
    return "“" * n_marks


def _straight_quotes(n_marks: int) -> str:
    return '"a" ' * (n_marks // 2)


def _no_punctuation(size: int) -> str:
    words = ["the", "talks", "went", "on", "and", "army", "waited", "while", "officials", "met"]
    rng = random.Random(7)
    out: list[str] = []
    n = 0
    while n < size:
        w = rng.choice(words)
        out.append(w)
        n += len(w) + 1
    return " ".join(out)


def _one_paragraph(size: int) -> str:
    unit = (
        "The envoy said the truce would hold. “We are ready,” General Amal Nasser told reporters. "
        "Rebels accused the army of violating the ceasefire on Monday. "
    )
    return unit * (size // len(unit) + 1)


def _repeated_titles(size: int) -> str:
    unit = "President Prime Minister General Secretary Foreign Minister Colonel Dr. "
    return unit * (size // len(unit)) + "Jane Roe said the talks failed."


def _repeated_headline(count: int) -> str:
    return "\n\n".join(["Ceasefire talks resume in the capital"] * count)


def _binary_junk(size: int) -> str:
    rng = random.Random(11)
    data = bytes(rng.randrange(256) for _ in range(size))
    return data.decode("utf-8", errors="replace") + data.decode("latin-1")


def _mixed_scripts(repeat: int) -> str:
    unit = (
        "Сегодня «перемирие» нарушено. 停火协议「已经生效」。 "
        "قال الوزير ‏«سنلتزم بالهدنة»‏ يوم الاثنين. "
        "The minister said „we will stay“ and left 🕊️🇺🇳. "
        "Cafe\u0301 owners said “no” \u200b\u200d twice.\r\n\r\n"
    )
    return unit * repeat


def _one_long_word(size: int) -> str:
    return "x" * size


def _dots_only(size: int) -> str:
    return ". " * (size // 2) + "!" * (size // 2) + "…" * 1000


def _blank_lines(size: int) -> str:
    return "\n \n\t\r\n" * (size // 5) + "Only this."


CASES: dict[str, Callable[[], str]] = {
    "100k curly quotation marks in pairs": lambda: _quote_pairs(100_000),
    "100k opening quotation marks": lambda: _openers_only(100_000),
    "100k straight quotation marks": lambda: _straight_quotes(100_000),
    "1 MB with no punctuation": lambda: _no_punctuation(1_000_000),
    "one huge paragraph": lambda: _one_paragraph(150_000),
    "repeated titles": lambda: _repeated_titles(200_000),
    "repeated headline lines": lambda: _repeated_headline(2_000),
    "binary junk": lambda: _binary_junk(100_000),
    "mixed scripts": lambda: _mixed_scripts(300),
    "one 500k-character word": lambda: _one_long_word(500_000),
    "punctuation only": lambda: _dots_only(200_000),
    "blank lines": lambda: _blank_lines(200_000),
}


def _check_consistent(article: Article, text: str) -> None:
    """Every span reproduces its text; segments are ordered and nested as they should be."""
    assert article.text == text
    for where, span in article.iter_spans():
        assert 0 <= span.start <= span.end <= len(text), where
        assert text[span.start : span.end] == span.text, where
    paras = [(p.start, p.end) for p in article.paragraphs]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(paras))
    sents = [(s.start, s.end) for s in article.sentences]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(sents))
    if article.headline is not None:
        assert (article.headline.start, article.headline.end) == paras[0]
    for s, e in sents:
        assert s < e
        assert any(ps <= s and e <= pe for ps, pe in paras)
    starts = [q.start for q in article.quotes]
    assert starts == sorted(starts)
    for q in article.quotes:
        assert text[q.start : q.end] == q.text
    ids = [a.id for a in article.actors]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("name", list(CASES))
def test_adversarial_input_parses_consistently(name: str) -> None:
    text = CASES[name]()
    assert len(text.encode("utf-8")) <= 1_100_000  # keep the suite fast
    article = newsparse.parse(text, strict=True)
    _check_consistent(article, text)
    assert not [d for d in article.diagnostics if d.level == "error"]


def test_text_without_punctuation_or_newlines_is_one_sentence() -> None:
    text = _no_punctuation(200_000)
    article = newsparse.parse(text)
    assert [(s.start, s.end) for s in article.sentences] == [(0, len(text))]
    assert [(p.start, p.end) for p in article.paragraphs] == [(0, len(text))]


def test_unbalanced_openers_give_no_quote_longer_than_the_text() -> None:
    text = "Officials said “the talks failed. " * 2000
    article = newsparse.parse(text, strict=True)
    _check_consistent(article, text)


def test_quote_count_is_bounded_by_quotation_mark_pairs() -> None:
    text = _quote_pairs(20_000)
    article = newsparse.parse(text, strict=True)
    direct = [q for q in article.quotes if q.kind != "indirect"]
    assert len(direct) <= 10_000


def test_repeated_headline_is_one_headline_and_many_paragraphs() -> None:
    text = _repeated_headline(500)
    article = newsparse.parse(text, strict=True)
    assert len(article.paragraphs) == 500
    assert article.headline is not None and article.headline.start == 0


def test_mixed_scripts_keep_code_point_offsets() -> None:
    text = _mixed_scripts(3)
    article = newsparse.parse(text, strict=True)
    _check_consistent(article, text)
    # Astral characters (the emoji) count as one index each, as in Python strings.
    assert any("🕊" in s.text for s in article.sentences)


def test_adversarial_stream_through_workers_matches_one_process() -> None:
    texts = [
        _quote_pairs(2_000),
        _straight_quotes(2_000),
        _dots_only(2_000),
        _openers_only(2_000),
        _no_punctuation(20_000),
        _binary_junk(5_000),
        _mixed_scripts(5),
        _repeated_titles(5_000),
        "",
    ]
    records = [{"id": str(i), "text": t} for i, t in enumerate(texts)]
    one = [a.model_dump_json() for a in newsparse.parse_many(records, jobs=1)]
    two = [a.model_dump_json() for a in newsparse.parse_many(records, jobs=2, chunk_size=1)]
    assert one == two
    assert len(one) == len(texts)
