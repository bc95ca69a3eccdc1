"""The named-rule framework: ordered books, one example per rule, tracing which rules fire."""

from __future__ import annotations

import pytest

from newsparse.rules import RuleBook, fired, tracing

book: RuleBook[str, str] = RuleBook("greetings")


@book.rule("hello", produces="greeting", confidence=0.9, example="hello there")
def _hello(text: str) -> str | None:
    """A sentence opening with hello."""
    return "greeting" if text.startswith("hello") else None


@book.rule("hi", produces="greeting", confidence=0.6, example="hi all")
def _hi(text: str) -> str | None:
    """A sentence opening with hi."""
    return "greeting" if text.startswith(("hi", "hello")) else None


def test_rules_are_tried_in_order() -> None:
    first = book.first("hello you")
    assert first is not None and first[0].name == "hello"
    assert [r.name for r, _ in book.every("hello you")] == ["hello", "hi"]
    assert book.first("bye") is None


def test_every_rule_has_a_doc_and_fires_on_its_example() -> None:
    for rule in book:
        assert rule.doc and rule.name in fired(lambda r=rule: book.first(r.example))


def test_tracing_counts_firings() -> None:
    with tracing() as counts:
        book.first("hi")
        book.first("hi")
    assert counts == {"hi": 2}


def test_bad_rules_are_refused() -> None:
    with pytest.raises(ValueError, match="exists already"):
        book.rule("hi", produces="x", confidence=0.5, example="hi")(lambda t: None)
    with pytest.raises(ValueError, match="docstring"):
        RuleBook[str, str]("x").rule("x", produces="x", confidence=0.5, example="x")(
            lambda t: None
        )
    with pytest.raises(ValueError, match="confidence"):
        RuleBook[str, str]("y").rule("y", produces="y", confidence=2, example="y")(_hi.match)
