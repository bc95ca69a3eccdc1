"""The actor lexicon: the cue file validates, the gazetteers hold what the rules rely on."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from newsparse.lexicon import read_data
from newsparse.lexicon.actors import ActorCues, cues, gazetteer, group_phrases


def test_cue_file_validates_and_lists_are_sets() -> None:
    c = cues()
    assert "Ministry" in c.sets["government_heads"]
    assert "of" in c.sets["connectors"]
    assert c.the_short >= 1


def test_a_missing_word_class_is_refused() -> None:
    data = json.loads(read_data("actor_cues.json"))
    del data["government_heads"]
    with pytest.raises(ValidationError, match="government_heads"):
        ActorCues.model_validate(data)


def test_an_unknown_word_class_is_refused() -> None:
    data = json.loads(read_data("actor_cues.json"))
    data["goverment_heads"] = ["Ministry"]
    with pytest.raises(ValidationError, match="goverment_heads"):
        ActorCues.model_validate(data)


# (surface, source, ISO code) the rules rely on
ENTRIES = [
    ("ROK", "country", "KOR"),
    ("Syrian", "demonym", "SYR"),
    ("Damascus", "capital", "SYR"),
    ("NATO", "org", None),
    ("Foreign Minister", "title", None),
]


@pytest.mark.parametrize(("surface", "source", "iso"), ENTRIES)
def test_gazetteer_entries(surface: str, source: str, iso: str | None) -> None:
    entry = gazetteer().exact[surface]
    assert entry.source == source and entry.iso == iso


@pytest.mark.parametrize(("name", "gender"), [("Mohammed", "m"), ("Volodymyr", "m"), ("José", "?")])
def test_common_given_names_are_known(name: str, gender: str) -> None:
    # Names whose frequency is written A-D in the source dictionary were once dropped, and names
    # written in UTF-8 were read as Latin-1 ("JosÃ©").
    assert gazetteer().given.get(name) == gender


def test_no_mojibake_in_given_names() -> None:
    assert not [n for n in gazetteer().given if "Ã" in n]


def test_group_phrases_have_roles() -> None:
    phrases = group_phrases()
    assert phrases["government forces"].role == "government"
    assert phrases["foreign ministry"].role == "body"
    assert phrases["rebels"].role == "rebels"


def _index_raw() -> bytes:
    from importlib.resources import files

    from newsparse.lexicon.actors import INDEX_FILE

    return files("newsparse").joinpath("data", INDEX_FILE).read_bytes()


def test_prebuilt_index_is_current_and_holds_what_the_files_hold() -> None:
    """``data/gazetteer.marshal`` was built from the data files as they are now (rebuild it
    with ``python tools/build_gazetteer_index.py`` after editing them)."""
    from newsparse.lexicon.actors import build_gazetteer, gazetteer_from_index

    loaded = gazetteer_from_index(_index_raw())
    assert loaded is not None, "stale index: run tools/build_gazetteer_index.py"
    assert loaded == build_gazetteer()


def test_index_round_trips() -> None:
    from newsparse.lexicon.actors import build_gazetteer, gazetteer_from_index, index_bytes

    built = build_gazetteer()
    assert gazetteer_from_index(index_bytes(built)) == built


@pytest.mark.parametrize("damage", ["stale", "truncated", "junk"])
def test_a_stale_or_broken_index_is_ignored(damage: str) -> None:
    import marshal

    from newsparse.lexicon.actors import gazetteer_from_index

    raw = _index_raw()
    if damage == "stale":
        data = marshal.loads(raw)
        data["stamp"] = "0" * 64
        raw = marshal.dumps(data)
    elif damage == "truncated":
        raw = raw[: len(raw) // 2]
    else:
        raw = b"\x00\x01junk"
    assert gazetteer_from_index(raw) is None
