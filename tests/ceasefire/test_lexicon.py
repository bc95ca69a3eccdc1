"""The ceasefire vocabulary: a typed file of plain words, whose needles find every head."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import regex

import newsparse.extractors.ceasefire as package
from newsparse.extractors.ceasefire.status import CueKind
from newsparse.lexicon import DataFile, LexiconError, inflect, load
from newsparse.lexicon.ceasefire import CeasefireLexicon, Heads, ceasefire_lexicon
from newsparse.models import CEASEFIRE_STATUSES

CUE_KINDS: tuple[str, ...] = CueKind.__args__  # type: ignore[attr-defined]

# A regular expression would need one of these; a plain phrase never does.
_REGEX_SYNTAX = regex.compile(r"[()\[\]{}|\\*?^$]")


def _entries(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [e for v in value.values() for e in _entries(v)]
    if isinstance(value, list | tuple):
        return [e for v in value for e in _entries(v)]
    return []


def test_the_file_loads_and_is_plain_words() -> None:
    lex = ceasefire_lexicon()
    data = lex.model_dump(exclude={"source"})
    words = _entries(data)
    assert len(words) > 1000
    bad = [w for w in words if _REGEX_SYNTAX.search(w)]
    assert not bad


def test_every_status_has_verbs_or_nouns() -> None:
    lex = ceasefire_lexicon()
    for status in CEASEFIRE_STATUSES:
        assert lex.verbs.get(status) or lex.nouns.get(status), status


@pytest.mark.parametrize("noun", ceasefire_lexicon().heads.nouns)
def test_every_head_holds_a_needle_in_any_case(noun: str) -> None:
    needles = ceasefire_lexicon().heads.needles
    for form in (noun, noun.capitalize(), noun.upper(), noun.title()):
        assert any(n in form.lower() for n in needles), form


def test_every_ceasefire_verb_object_holds_a_needle() -> None:
    lex = ceasefire_lexicon()
    # "fire" is stopped only by "cease", whose own needle finds it.
    for obj in lex.verbal.objects:
        assert obj == "fire" or any(n in obj for n in lex.heads.needles), obj


def test_verb_entries_inflect() -> None:
    assert inflect("put+ forward =put").ing == "putting forward"
    assert inflect("break =broke/broken").participle == "broken"
    lex = ceasefire_lexicon()
    for entries in lex.verbs.values():
        for entry in entries:
            assert inflect(entry).base


def test_a_capitalised_or_padded_entry_is_refused() -> None:
    with pytest.raises(ValueError, match="lower-case"):
        Heads(needles=("ceas",), nouns=("Truce",), needs_armed_context=(), places_after=())
    with pytest.raises(ValueError, match="lower-case"):
        Heads(needles=("ceas",), nouns=(" truce",), needs_armed_context=(), places_after=())


class _Wrong(DataFile):
    heads: int


def test_a_bad_file_names_file_and_key() -> None:
    with pytest.raises(LexiconError, match=r"NP501.*data/ceasefire\.json: key heads"):
        load("ceasefire.json", _Wrong)
    assert isinstance(load("ceasefire.json", CeasefireLexicon), CeasefireLexicon)


def _long_word_lists(tree: ast.AST) -> list[int]:
    """Lines of list, tuple or set literals of six or more words (names exported in
    ``__all__``, status labels and punctuation are not words)."""
    exported = {
        id(n.value)
        for n in ast.walk(tree)
        if isinstance(n, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in n.targets)
    }
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.List | ast.Tuple | ast.Set) and id(node) not in exported:
            strings = [
                e.value
                for e in node.elts
                if isinstance(e, ast.Constant)
                and isinstance(e.value, str)
                and e.value.isalpha()
                and e.value not in CEASEFIRE_STATUSES
                and e.value not in CUE_KINDS
            ]
            if len(strings) >= 6:
                out.append(node.lineno)
    return out


def test_no_word_list_is_written_in_python() -> None:
    folder = Path(package.__file__).parent
    for path in sorted(folder.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        assert not _long_word_lists(ast.parse(source)), path.name
        for literal in regex.findall(r'r?"((?:[^"\\]|\\.)*)"', source):
            # Five words or more in one alternation ("deal|accord|pact|…") belong in the data.
            assert not regex.search(r"(?:[A-Za-z]{2,}\|){4}[A-Za-z]{2,}", literal), (path, literal)
