"""Named rules: the unit in which extractors hold their knowledge of English news.

A ``Rule`` is a name, a function that tries to match one situation (``“…,” he said``), the
label it produces, how sure it is, and a docstring with one example. An extractor is a small
driver over a ``RuleBook``, an ordered list of rules tried in turn; a miss is fixed by adding
or editing one rule (and usually one word list in ``newsparse/data``).

Every rule says which example it is for, so tests can run each rule on its own example and a
developer can see which rule produced a finding (``tracing``).
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Generic, TypeVar

__all__ = ["Rule", "RuleBook", "fired", "tracing"]

C = TypeVar("C")
R = TypeVar("R")

_trace = threading.local()
#: How many ``tracing()`` blocks are open in any thread: while none is, a firing rule costs no
#: thread-local lookup.
_tracers = 0


@dataclass(frozen=True)
class Rule(Generic[C, R]):
    """One named rule: ``match(context)`` returns a finding, or None when it does not apply."""

    name: str
    match: Callable[[C], R | None]
    produces: str
    """The label of what the rule finds (a quote kind, an actor kind, a claim status, …)."""
    confidence: float
    """How sure a finding of this rule is, from 0 to 1."""
    example: str
    """One sentence the rule is for; tests run the rule's extractor on it."""
    doc: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not 0 <= self.confidence <= 1:
            raise ValueError(f"rule {self.name!r}: confidence must be in [0, 1]")
        if not self.doc:
            lines = (self.match.__doc__ or "").strip().splitlines()
            object.__setattr__(self, "doc", lines[0] if lines else "")
        if not self.doc or not self.example:
            raise ValueError(f"rule {self.name!r} needs a docstring and an example")

    def __call__(self, context: C) -> R | None:
        found = self.match(context)
        if found is not None and _tracers:
            counts: Counter[str] | None = getattr(_trace, "counts", None)
            if counts is not None:
                counts[self.name] += 1
        return found


class RuleBook(Generic[C, R]):
    """An ordered list of rules of one kind, with a decorator to add them."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._rules: list[Rule[C, R]] = []

    def rule(
        self, name: str, *, produces: str, confidence: float, example: str
    ) -> Callable[[Callable[[C], R | None]], Rule[C, R]]:
        """Add the decorated function as the next rule of this book."""

        def add(fn: Callable[[C], R | None]) -> Rule[C, R]:
            if any(r.name == name for r in self._rules):
                raise ValueError(f"{self.name}: a rule named {name!r} exists already")
            made: Rule[C, R] = Rule(name, fn, produces, confidence, example)
            self._rules.append(made)
            return made

        return add

    def __iter__(self) -> Iterator[Rule[C, R]]:
        return iter(self._rules)

    def __len__(self) -> int:
        return len(self._rules)

    def first(self, context: C) -> tuple[Rule[C, R], R] | None:
        """The first rule that matches, with its finding."""
        for r in self._rules:
            found = r(context)
            if found is not None:
                return r, found
        return None

    def every(self, context: C) -> Iterator[tuple[Rule[C, R], R]]:
        """Every rule that matches, in order, with its finding."""
        for r in self._rules:
            found = r(context)
            if found is not None:
                yield r, found


@contextmanager
def tracing() -> Iterator[Counter[str]]:
    """Count, in this thread, how often each rule fires while the block runs."""
    global _tracers
    previous = getattr(_trace, "counts", None)
    counts: Counter[str] = Counter()
    _trace.counts = counts
    _tracers += 1
    try:
        yield counts
    finally:
        _tracers -= 1
        _trace.counts = previous


def fired(run: Callable[[], object]) -> set[str]:
    """The names of the rules that fire while ``run()`` runs."""
    with tracing() as counts:
        run()
    return set(counts)
