"""The annotated HTML view: escaping, spans that match the records, data attributes, `show`."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsparse
from newsparse import cli
from newsparse.errors import InputError
from newsparse.models import Article
from newsparse.render import (
    _SCRIPT,
    Annotation,
    _marked_text,
    load_article,
    render_html,
    span_annotations,
)

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLE_JSON = FIXTURES / "render_article.json"


@pytest.fixture(scope="module")
def article() -> Article:
    return Article.model_validate_json(ARTICLE_JSON.read_text(encoding="utf-8"))


class _Page(HTMLParser):
    """Collect every element carrying ``data-span``: its attributes and its text content."""

    VOID = frozenset({"meta", "br", "img", "input", "link", "hr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str], list[str]]] = []
        self.spans: list[tuple[dict[str, str], str]] = []
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text_div: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append((tag, a))
        if tag in self.VOID:
            return
        self.stack.append((tag, a, []))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        open_tag, attrs, parts = self.stack.pop()
        assert open_tag == tag, f"</{tag}> closes <{open_tag}>: markup does not nest"
        content = "".join(parts)
        if self.stack:
            self.stack[-1][2].append(content)
        if "data-span" in attrs:
            self.spans.append((attrs, content))
        if attrs.get("id") == "article-text":
            self.text_div = [content]

    def handle_data(self, data: str) -> None:
        if self.stack:
            self.stack[-1][2].append(data)


def _parse(page: str) -> _Page:
    p = _Page()
    p.feed(page)
    p.close()
    assert p.text_div is not None
    return p


def test_text_is_shown_unchanged(article: Article) -> None:
    page = _parse(render_html(article))
    assert page.text_div == [article.text]


def test_every_fragment_reproduces_its_offsets(article: Article) -> None:
    page = _parse(render_html(article))
    assert page.spans
    for attrs, content in page.spans:
        s, e = int(attrs["data-start"]), int(attrs["data-end"])
        assert article.text[s:e] == content, attrs["data-span"]


def test_fragments_join_into_each_record(article: Article) -> None:
    page = _parse(render_html(article))
    joined: dict[str, list[tuple[int, str]]] = {}
    for attrs, content in page.spans:
        joined.setdefault(attrs["data-span"], []).append((int(attrs["data-start"]), content))
    expected = {x.key: article.text[x.start : x.end] for x in span_annotations(article)}
    got = {k: "".join(c for _, c in sorted(v)) for k, v in joined.items()}
    assert got == expected
    # Every record of the article is there.
    for a in article.actors:
        for i, m in enumerate(a.mentions):
            assert got[f"{a.id}-m{i}"] == m.text
    for q in article.quotes:
        for i, s in enumerate(q.segments):
            assert got[f"{q.id}-s{i}"] == s.text
    for c in article.ceasefire_claims:
        assert got[f"{c.id}-t"] == c.trigger.text


def test_crossing_spans_are_split_not_misnested(article: Article) -> None:
    # c3's trigger starts inside quote q2 and ends after it: it must come out in two fragments.
    page = _parse(render_html(article))
    frags = [a for a, _ in page.spans if a["data-span"] == "c3-t"]
    assert len(frags) == 2
    assert sum(1 for a in frags if "id" in a) == 1


def test_data_attributes(article: Article) -> None:
    page = _parse(render_html(article))
    by_key = {a["data-span"]: a for a, _ in page.spans}
    assert by_key["a1-m0"]["data-actor"] == "a1"
    assert by_key["a1-m0"]["data-kind"] == "person"
    assert "kind-person" in by_key["a1-m0"]["class"]
    assert by_key["a1-m1"]["data-form"] == "description"
    assert by_key["a2-m0"]["data-kind"] == "armed_group"
    assert by_key["p1-m0"]["data-place"] == "p1"
    assert by_key["q1-s0"]["data-quote"] == "q1"
    assert by_key["q1-s0"]["data-speaker"] == "a1"
    assert by_key["q1-s1"]["data-speaker"] == "a1"
    assert "data-speaker" not in by_key["q2-s0"]
    assert by_key["q1-cue"]["data-cue-of"] == "q1"
    assert by_key["q1-who"]["data-speaker-of"] == "q1"
    assert by_key["c1-t"]["data-status"] == "rejected"
    assert "group-broken" in by_key["c2-t"]["class"]


def test_side_panel_links_quotes_to_speakers(article: Article) -> None:
    page = _parse(render_html(article))
    entries = {a.get("id"): a for t, a in page.tags if t == "li"}
    assert entries["panel-q1"]["data-speaker"] == "a1"
    hrefs = [a["href"] for t, a in page.tags if t == "a"]
    assert "#panel-a1" in hrefs  # the quote's speaker
    assert "#q1-s0" in hrefs  # the quote in the text
    assert "#c2-t" in hrefs
    ids = {a["id"] for t, a in page.tags if "id" in a}
    for h in hrefs:
        assert h[1:] in ids, f"dangling link {h}"


SCRIPTY = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "</span></div><script>alert(2)</script>",
    "<!-- a comment --> &amp; &lt;",
    '"><svg onload=alert(3)>',
    "<style>body{display:none}</style>",
]


@pytest.mark.parametrize("payload", SCRIPTY)
def test_markup_in_the_text_is_shown_as_text(payload: str) -> None:
    text = f"Officials said {payload} on Monday."
    article = newsparse.parse(text, title=payload, source=payload, url=payload, id=payload)
    html = render_html(article)
    page = _parse(html)
    assert page.text_div == [text]
    assert [t for t, _ in page.tags].count("script") == 1
    assert [t for t, _ in page.tags].count("style") == 1
    assert not any(t in ("img", "svg") for t, _ in page.tags)
    assert not any(k.startswith("on") for _, attrs in page.tags for k in attrs)


def test_markup_in_record_fields_is_escaped() -> None:
    text = "The <Front> said it would stop."
    article = Article.model_validate(
        {
            "id": "x",
            "text": text,
            "actors": [
                {
                    "id": 'a"1',
                    "name": "<script>alert(1)</script>",
                    "kind": "armed_group",
                    "mentions": [{"start": 4, "end": 11, "text": "<Front>"}],
                }
            ],
        }
    )
    html = render_html(article)
    page = _parse(html)
    assert [t for t, _ in page.tags].count("script") == 1
    assert page.spans[0][0]["data-actor"] == 'a"1'
    assert page.spans[0][1] == "<Front>"


def test_non_http_urls_are_not_links() -> None:
    article = newsparse.parse("Text.", url="javascript:alert(1)")
    assert 'href="javascript' not in render_html(article)


def test_csp_allows_only_the_page_script() -> None:
    html = render_html(newsparse.parse("Text."))
    digest = base64.b64encode(hashlib.sha256(_SCRIPT.encode()).digest()).decode()
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
    assert csp is not None
    assert f"script-src &#39;sha256-{digest}&#39;" in csp.group(1)
    assert "default-src &#39;none&#39;" in csp.group(1)


@pytest.mark.parametrize(
    "text",
    ["", "\x00\x01\r\n\r", "a" * 5, "“" * 300, "\u0627\u0644\u0633\u0644\u0627\u0645 🕊️ 和平"],
)
def test_odd_texts_render(text: str) -> None:
    article = newsparse.parse(text)
    page = _parse(render_html(article))
    assert page.text_div == [text.replace("\x00", "\ufffd")]


# -- newsparse show --------------------------------------------------------------------------------


def test_show_article_json(tmp_path: Path, article: Article) -> None:
    out = tmp_path / "view.html"
    assert cli.main(["show", str(ARTICLE_JSON), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == render_html(article)


def test_show_text_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "story.txt"
    src.write_text("“We stay,” said Ana Lima.\n\nThe <truce> held.", encoding="utf-8")
    assert cli.main(["show", str(src)]) == 0
    page = _parse(capsys.readouterr().out)
    assert page.text_div == ["“We stay,” said Ana Lima.\n\nThe <truce> held."]


def test_show_jsonl_by_id(tmp_path: Path) -> None:
    src = tmp_path / "corpus.jsonl"
    lines = [{"id": "one", "text": "First story."}, {"id": "two", "text": "Second story."}]
    src.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    assert load_article(str(src)).id == "one"
    assert load_article(str(src), record_id="two").text == "Second story."
    with pytest.raises(InputError) as err:
        load_article(str(src), record_id="three")
    assert err.value.code == "NP402"


def test_show_parse_json_output_round_trips(tmp_path: Path) -> None:
    src = tmp_path / "story.txt"
    src.write_text("The ceasefire held, officials said.", encoding="utf-8")
    dumped = tmp_path / "story.json"
    assert cli.main(["parse", str(src), "--format", "json", "-o", str(dumped)]) == 0
    assert load_article(str(dumped)) == newsparse.parse(src.read_text(), id="story")


@pytest.mark.parametrize(
    ("content", "code"),
    [
        ("{not json", "NP402"),
        ('{"actors": []}', "NP402"),
        ('{"text": "x", "sentences": 5}', "NP402"),
    ],
)
def test_show_bad_json(tmp_path: Path, content: str, code: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_article(str(bad))
    assert err.value.code == code
    assert err.value.hint


def test_show_missing_file_exit_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["show", str(tmp_path / "nope.txt")]) == 2
    err = capsys.readouterr().err
    assert "NP103" in err and "Check the path" in err


# -- nesting, for any set of ranges ----------------------------------------------------------------


@st.composite
def _texts_and_ranges(draw: st.DrawFn) -> tuple[str, list[Annotation]]:
    text = draw(st.text(alphabet="ab <&>\"'\r\n\x00🕊", max_size=40))
    n = len(text)
    ranges = []
    if n:
        count = draw(st.integers(0, 8))
        for i in range(count):
            s = draw(st.integers(0, n - 1))
            e = draw(st.integers(s + 1, n))
            layer = draw(st.sampled_from(["quote", "claim", "actor", "cue"]))
            ranges.append(Annotation(s, e, f"k{i}", layer, layer, (("i", str(i)),), "x"))
    ranges.sort(key=lambda x: (x.start, -(x.end - x.start), x.key))
    return text, ranges


@settings(max_examples=300, deadline=None)
@given(_texts_and_ranges())
def test_any_ranges_nest_and_reproduce_the_text(case: tuple[str, list[Annotation]]) -> None:
    text, ranges = case
    page = _Page()
    page.feed(f'<div id="article-text">{_marked_text(text, ranges)}</div>')
    page.close()
    shown = text.replace("\x00", "\ufffd")
    assert page.text_div == [shown]
    joined: dict[str, list[tuple[int, str]]] = {}
    for attrs, content in page.spans:
        s, e = int(attrs["data-start"]), int(attrs["data-end"])
        assert shown[s:e] == content
        joined.setdefault(attrs["data-span"], []).append((s, content))
    got = {k: "".join(c for _, c in sorted(v)) for k, v in joined.items()}
    assert got == {x.key: shown[x.start : x.end] for x in ranges}


def test_any_article_renders_faithfully() -> None:
    # Uses the strategies newsparse ships for its users, when they are there.
    strategies = pytest.importorskip("newsparse.strategies")
    articles = getattr(strategies, "articles", None)
    if articles is None:
        pytest.skip("newsparse.strategies has no articles() strategy")

    @settings(max_examples=60, deadline=None)
    @given(articles())
    def check(article: Article) -> None:
        page = _parse(render_html(article))
        assert page.text_div == [article.text.replace("\x00", "\ufffd")]
        for attrs, content in page.spans:
            s, e = int(attrs["data-start"]), int(attrs["data-end"])
            assert article.text[s:e].replace("\x00", "\ufffd") == content
        assert [t for t, _ in page.tags].count("script") == 1

    check()
