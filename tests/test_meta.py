"""The one metadata rule: parse() refuses a bad value; parse_many() drops it, keeps the text."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsparse
from newsparse._meta import META_KEYS
from newsparse.errors import InputError

TEXT = "Officials met on Monday. “We agreed,” said Jane Doe."

# Each strategy draws (value, what the article holds for the field, error code or None).
_clean_text = st.text(
    st.characters(blacklist_categories=("Cs",)), max_size=30
)  # no lone surrogates
_surrogate_text = st.builds(
    lambda a, s, b: a + s + b,
    _clean_text,
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
    _clean_text,
)
_json_junk = st.recursive(
    st.none() | st.booleans() | st.floats(allow_nan=False) | _clean_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_clean_text, inner, max_size=3),
    max_leaves=8,
)
_iso = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.datetimes(timezones=st.just(dt.timezone.utc)).map(lambda d: d.isoformat()),
)


def _cases(key: str) -> st.SearchStrategy[tuple[Any, str | None, str | None]]:
    good = _iso if key == "published" else _clean_text
    if key == "id":
        good = good.filter(bool)  # an empty id is no id: the article gets its text's hash
    bad_string = (
        _clean_text.filter(lambda s: not _is_iso(s)) if key == "published" else st.nothing()
    )
    return st.one_of(
        good.map(lambda v: (v, v, None)),
        st.integers(min_value=-(10**30), max_value=10**30)
        .filter(lambda n: key != "published" or not _is_iso(str(n)))
        .map(lambda n: (n, None, "NP106") if key == "published" else (n, str(n), None)),
        _surrogate_text.map(lambda v: (v, None, "NP105")),
        st.booleans().map(lambda v: (v, None, "NP106")),
        st.floats(allow_nan=False).map(lambda v: (v, None, "NP106")),
        st.lists(_json_junk, max_size=3).map(lambda v: (v, None, "NP106")),
        st.dictionaries(_clean_text, _json_junk, max_size=3).map(lambda v: (v, None, "NP106")),
        bad_string.map(lambda v: (v, None, "NP106")),
    )


def _is_iso(value: str) -> bool:
    try:
        dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return False
    return True


@st.composite
def _field_case(draw: st.DrawFn) -> tuple[str, Any, str | None, str | None]:
    key = draw(st.sampled_from(META_KEYS))
    value, kept, code = draw(_cases(key))
    return key, value, kept, code


@settings(max_examples=150, deadline=None)
@given(_field_case())
def test_parse_many_keeps_the_text_whatever_one_field_holds(
    case: tuple[str, Any, str | None, str | None],
) -> None:
    key, value, kept, code = case
    record: dict[str, Any] = {"text": TEXT, key: value}
    failed: list[Exception] = []
    out = list(newsparse.parse_many([record], on_error=lambda i, r, e: failed.append(e)))
    assert failed == [] and len(out) == 1
    article = out[0]
    assert article.text == TEXT
    warnings = [d for d in article.diagnostics if d.extractor == "input"]
    if code is None:
        assert warnings == []
        if key == "id":
            assert article.id == kept
        else:
            assert getattr(article, key) == kept
    else:
        assert [(d.code, d.level) for d in warnings] == [(code, "warning")]
        assert warnings[0].message.startswith(key)
        if key != "id":
            assert getattr(article, key) is None
    # What was kept can always be written out (a lone surrogate used to fail here).
    assert newsparse.Article.model_validate_json(article.model_dump_json()) == article


@settings(max_examples=80, deadline=None)
@given(_field_case())
def test_parse_refuses_what_parse_many_leaves_out(
    case: tuple[str, Any, str | None, str | None],
) -> None:
    key, value, kept, code = case
    if code is None:
        article = newsparse.parse(TEXT, **{key: value})
        assert (article.id if key == "id" else getattr(article, key)) == kept
    else:
        with pytest.raises(InputError) as err:
            newsparse.parse(TEXT, **{key: value})
        assert err.value.code == code


@pytest.mark.parametrize("title", ["", "Headline", None])
def test_title_is_the_same_in_parse_and_parse_many(title: str | None) -> None:
    text = "Big news today\n\nSomething happened. Then more."
    one = newsparse.parse(text, title=title)
    (many,) = newsparse.parse_many([{"text": text, "title": title}])
    assert many.title == one.title
    assert (many.headline is None) == (one.headline is None)
    if title is not None:
        assert many.title == title


def test_the_first_usable_value_wins_and_each_unusable_one_is_reported() -> None:
    (a,) = newsparse.parse_many(
        [{"text": TEXT, "author": ["x"], "meta": {"author": "A. Writer", "title": 5}}]
    )
    assert a.author == "A. Writer" and a.title == "5"
    assert [(d.code, d.message.split()[0]) for d in a.diagnostics if d.extractor == "input"] == [
        ("NP106", "author")
    ]


def test_a_meta_that_is_not_an_object_is_reported() -> None:
    (a,) = newsparse.parse_many([{"text": TEXT, "meta": "by me", "title": "T"}])
    assert a.title == "T"
    assert [d.code for d in a.diagnostics if d.extractor == "input"] == ["NP106"]


def test_a_date_object_is_written_as_iso() -> None:
    (a,) = newsparse.parse_many([{"text": TEXT, "published": dt.date(2020, 1, 2)}])
    assert a.published == "2020-01-02"
