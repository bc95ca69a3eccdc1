"""Plugin loading: built-ins, installed entry points, allow and block lists, broken plugins."""

from __future__ import annotations

import sys
import types
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsparse import Extractor, hookimpl
from newsparse.errors import PluginError
from newsparse.pipeline import Pipeline
from newsparse.plugins import (
    BUILTIN_PLUGINS,
    PluginWarning,
    make_plugin_manager,
    plugin_info,
)


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder on sys.path where tests install fake distributions with entry points."""
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delenv("NEWSPARSE_PLUGINS", raising=False)
    monkeypatch.delenv("NEWSPARSE_BLOCK_PLUGINS", raising=False)
    yield tmp_path
    for name in [m for m in sys.modules if m.startswith("fakeplug_")]:
        del sys.modules[name]


def fake_dist(where: Path, name: str, source: str) -> None:
    """Install a one-module distribution ``name`` whose entry point is ``name`` itself."""
    (where / f"fakeplug_{name}.py").write_text(source, encoding="utf-8")
    info = where / f"fakeplug_{name}-1.2.3.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: fakeplug-{name}\nVersion: 1.2.3\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        f"[newsparse]\n{name} = fakeplug_{name}\n", encoding="utf-8"
    )


GOOD = """
import newsparse

def shout(draft):
    pass

@newsparse.hookimpl
def newsparse_extractors():
    return [newsparse.Extractor(name="shout", run=shout, requires=("sentences",))]
"""


def test_builtins_are_registered_like_plugins() -> None:
    pm = make_plugin_manager(entry_points_enabled=False)
    assert {pm.get_name(p) for p in pm.get_plugins()} == set(BUILTIN_PLUGINS)


def test_installed_plugin_loads_with_its_distribution(installed: Path) -> None:
    fake_dist(installed, "good", GOOD)
    pm = make_plugin_manager()
    assert pm.has_plugin("good")
    info = {row["name"]: row for row in plugin_info(pm)}
    assert (info["good"]["distribution"], info["good"]["version"]) == ("fakeplug-good", "1.2.3")
    assert info["good"]["hooks"] == ["newsparse_extractors"]
    assert info["newsparse.extractors.quotes"]["builtin"]
    assert "shout" in Pipeline(pm).names


def test_broken_installed_plugin_is_skipped_with_a_warning(installed: Path) -> None:
    fake_dist(installed, "good", GOOD)
    fake_dist(installed, "broken", "raise ImportError('missing dependency xyz')\n")
    with pytest.warns(PluginWarning, match=r"NP209.*'broken'.*xyz"):
        pm = make_plugin_manager()
    assert pm.has_plugin("good") and not pm.has_plugin("broken")


def test_installed_plugin_with_a_bad_hook_argument_is_skipped(installed: Path) -> None:
    fake_dist(
        installed,
        "oddargs",
        "import newsparse\n\n@newsparse.hookimpl\ndef newsparse_extractors(colour):\n"
        "    return []\n",
    )
    with pytest.warns(PluginWarning, match="'oddargs'"):
        pm = make_plugin_manager()
    assert not pm.has_plugin("oddargs")


def test_allow_list_and_block_list(installed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_dist(installed, "good", GOOD)
    monkeypatch.setenv("NEWSPARSE_PLUGINS", "")
    assert not make_plugin_manager().has_plugin("good")
    monkeypatch.setenv("NEWSPARSE_PLUGINS", "good")
    assert make_plugin_manager().has_plugin("good")
    monkeypatch.setenv("NEWSPARSE_BLOCK_PLUGINS", "good,newsparse.extractors.ceasefire")
    pm = make_plugin_manager()
    assert not pm.has_plugin("good")
    assert not pm.has_plugin("newsparse.extractors.ceasefire")
    assert "ceasefire" not in Pipeline(pm).names


def test_two_plugin_modules_with_one_name_are_refused() -> None:
    a, b = types.ModuleType("twin"), types.ModuleType("twin")
    with pytest.raises(PluginError, match=r"NP210.*'twin'"):
        make_plugin_manager(extra=[a, b], entry_points_enabled=False)


def test_hook_with_unknown_argument_names_the_plugin() -> None:
    mod = types.ModuleType("odd_plugin")

    @hookimpl
    def newsparse_extractors(colour: str) -> list[Extractor]:
        return []

    mod.newsparse_extractors = newsparse_extractors  # type: ignore[attr-defined]
    with pytest.raises(PluginError, match=r"NP204.*odd_plugin"):
        make_plugin_manager(extra=[mod], entry_points_enabled=False)


def test_misspelt_hook_fails_loudly() -> None:
    mod = types.ModuleType("typo_plugin")

    @hookimpl
    def newsparse_extractor() -> list[Extractor]:  # missing "s"
        return []

    mod.newsparse_extractor = newsparse_extractor  # type: ignore[attr-defined]
    with pytest.raises(PluginError, match="NP204"):
        make_plugin_manager(extra=[mod], entry_points_enabled=False)


def test_loading_installs_nothing_when_no_plugin_is_installed(installed: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", PluginWarning)
        pm = make_plugin_manager()
    assert all(pm.get_name(p) is not None for p in pm.get_plugins())
