"""Built-in plugin: claims about ceasefires, with status, parties, brokers and source."""

from __future__ import annotations

from ..hookspecs import hookimpl
from ..pipeline import Draft, Extractor


def find_claims(draft: Draft) -> None:
    """Find ceasefire claims."""
    # Placeholder until the ceasefire rules land.


@hookimpl
def newsparse_extractors() -> list[Extractor]:
    """The ceasefire-claim extractor."""
    return [
        Extractor(
            name="ceasefire",
            run=find_claims,
            requires=("sentences", "actors", "quotes"),
            provides=("ceasefire_claims",),
        )
    ]
