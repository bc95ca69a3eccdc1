"""The extractor contract: what a pipeline step is, and the capabilities it reads and writes."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .draft import CAPABILITIES, Draft

__all__ = ["CAPABILITIES", "Extractor", "extractor"]


@dataclass(frozen=True)
class Extractor:
    """One step of the pipeline: a named function over the draft, with what it reads and writes.

    ``requires`` must be provided by earlier steps; ``provides`` is what this step establishes
    (steps requiring it run after it); ``amends`` is what it may add to after another step
    provided it (the quotes step adds speakers it found to ``actors``). The draft refuses a write
    to anything not in ``provides`` or ``amends`` (``NP207``). Capabilities are names from
    ``CAPABILITIES``, or ``records:<kind>`` for a registered record kind.
    """

    name: str
    run: Callable[[Draft], None]
    requires: tuple[str, ...] = ()
    """Capabilities that must be provided before this runs (``sentences``, ``actors``, …)."""
    provides: tuple[str, ...] = ()
    """Capabilities this step establishes."""
    amends: tuple[str, ...] = ()
    """Capabilities another step provides that this one may add to or edit."""
    replaces: str | None = None
    """Name of an extractor this one takes the place of (e.g. a plugin's own ``quotes``)."""
    doc: str = field(default="", compare=False)
    """One line on what the step does (defaults to the run function's docstring)."""

    def __post_init__(self) -> None:
        for name in ("requires", "provides", "amends"):
            # A lone name given as a str is one capability, not its letters.
            object.__setattr__(self, name, _names(getattr(self, name)))
        if not self.doc:
            lines = (getattr(self.run, "__doc__", None) or "").strip().splitlines()
            object.__setattr__(self, "doc", lines[0] if lines else "")

    @property
    def writes(self) -> frozenset[str]:
        """Everything this step may write."""
        return frozenset(self.provides) | frozenset(self.amends)

    @property
    def module(self) -> str:
        """The module defining the step's function (tells which plugin it comes from)."""
        return str(getattr(self.run, "__module__", "") or "")

    def __call__(self, draft: Draft) -> None:
        self.run(draft)


def _names(value: Iterable[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def extractor(
    name: str | None = None,
    *,
    requires: Iterable[str] = (),
    provides: Iterable[str] = (),
    amends: Iterable[str] = (),
    replaces: str | None = None,
) -> Callable[[Callable[[Draft], None]], Extractor]:
    """Decorate ``fn(draft)`` to make it an ``Extractor``."""

    def wrap(fn: Callable[[Draft], None]) -> Extractor:
        return Extractor(
            name=name or fn.__name__,
            run=fn,
            requires=_names(requires),
            provides=_names(provides),
            amends=_names(amends),
            replaces=replaces,
        )

    return wrap
