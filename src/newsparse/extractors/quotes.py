"""Built-in plugin: direct, partial and indirect quotes with their speakers and cues."""

from __future__ import annotations

from ..hookspecs import hookimpl
from ..pipeline import Draft, Extractor


def find_quotes(draft: Draft) -> None:
    """Find quotes and attribute them."""
    # Placeholder until the quote rules land.


@hookimpl
def newsparse_extractors() -> list[Extractor]:
    """The quote extractor."""
    return [
        Extractor(
            name="quotes",
            run=find_quotes,
            requires=("sentences", "actors"),
            provides=("quotes",),
        )
    ]
