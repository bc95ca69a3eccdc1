"""Built-in plugin: actors (people, governments, groups, countries, organisations) and places."""

from __future__ import annotations

from ..hookspecs import hookimpl
from ..pipeline import Draft, Extractor


def find_actors(draft: Draft) -> None:
    """Find actors and places and link their mentions."""
    # Placeholder until the actor rules land; provides an empty actor list.


@hookimpl
def newsparse_extractors() -> list[Extractor]:
    """The actor extractor."""
    return [
        Extractor(
            name="actors",
            run=find_actors,
            requires=("sentences",),
            provides=("actors", "places"),
        )
    ]
