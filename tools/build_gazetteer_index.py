"""Write ``src/newsparse/data/gazetteer.marshal``: the actor gazetteers, indexed.

    python tools/build_gazetteer_index.py

Run it after editing any of the files the gazetteer is built from (countries, places,
organisations, titles, given names, common words, ``actor_cues.json``); the test suite fails
while the index is stale, and newsparse ignores a stale index (it reads the files instead).
"""

from __future__ import annotations

from pathlib import Path

from newsparse.lexicon.actors import INDEX_FILE, build_gazetteer, index_bytes

DATA = Path(__file__).resolve().parent.parent / "src" / "newsparse" / "data"


def main() -> None:
    """Build the index from the data files and write it."""
    path = DATA / INDEX_FILE
    path.write_bytes(index_bytes(build_gazetteer()))
    print(f"wrote {path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
