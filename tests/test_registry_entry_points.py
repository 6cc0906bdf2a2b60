"""The rule entry points read without importlib.metadata are the ones it reads, and any
case this reader does not handle goes to importlib.metadata."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from importlib.metadata import entry_points as standard_entry_points
from pathlib import Path

import pytest

from numlint.rules import registry_entry_points as discovery
from numlint.rules.registry import ENTRY_POINT_GROUP

GROUP = ENTRY_POINT_GROUP


def _triples(points) -> list[tuple[str, str, str]]:
    return sorted((point.name, point.value, point.group) for point in points)


@pytest.fixture(autouse=True)
def _standard_finders_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """The standard library's own search, as in a plain process: the importlib_metadata
    backport, once a test dependency has imported it, takes the path finder's search
    for its own finder (the reader then defers to importlib.metadata: see the last test)."""
    import importlib.metadata
    from importlib.machinery import PathFinder

    def find_distributions(*args: object, **kwargs: object) -> object:
        return importlib.metadata.MetadataPathFinder.find_distributions(*args, **kwargs)

    if not getattr(PathFinder, "find_distributions", None):
        monkeypatch.setattr(PathFinder, "find_distributions", staticmethod(find_distributions),
                            raising=False)
    monkeypatch.setattr(sys, "meta_path", [
        finder for finder in sys.meta_path
        if finder is PathFinder or not getattr(finder, "find_distributions", None)])


def test_numlint_entry_points_are_those_importlib_metadata_reads() -> None:
    own = discovery.own_entry_points(GROUP)
    standard = standard_entry_points(group=GROUP)
    assert own and _triples(own) == _triples(standard)
    assert {point.dist.name for point in own} == {point.dist.name for point in standard}
    assert [point.load() for point in sorted(own, key=lambda p: p.name)] == [
        point.load() for point in sorted(standard, key=lambda p: p.name)]
    assert all(point.module == point.value.split(":")[0] for point in own)


def _distribution(site: Path, folder: str, name: str, entry_points: str) -> None:
    info = site / folder
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n",
                                   encoding="utf-8")
    (info / "entry_points.txt").write_text(entry_points, encoding="utf-8")


def test_a_plugin_distribution_is_read_by_importlib_metadata(tmp_path, monkeypatch) -> None:
    _distribution(tmp_path, "house_rules-1.0.dist-info", "house-rules",
                  f"[{GROUP}]\nHSE001 = house_rules:Rule\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(discovery._NotPlain):
        discovery.own_entry_points(GROUP)
    found = discovery.entry_points(group=GROUP)
    assert ("HSE001", "house_rules:Rule", GROUP) in _triples(found)
    assert _triples(found) == _triples(standard_entry_points(group=GROUP))


def test_other_groups_of_other_distributions_do_not_matter(tmp_path, monkeypatch) -> None:
    _distribution(tmp_path, "tool-2.0.dist-info", "tool",
                  "[console_scripts]\ntool = tool:main\n[numlint.rulesets]\nx = y:z\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert _triples(discovery.own_entry_points(GROUP)) == _triples(
        standard_entry_points(group=GROUP))


def test_the_first_numlint_distribution_on_the_path_wins(tmp_path, monkeypatch) -> None:
    """As in importlib.metadata: a stale copy earlier on sys.path shadows the installed one."""
    _distribution(tmp_path, "numlint-0.0.1.dist-info", "numlint",
                  f"# old\n[{GROUP}]\n  NL101 = numlint.rules.conversion_magnitude:"
                  "ConversionMagnitude  \n\n[other]\nNL102 = a:b\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    own = discovery.own_entry_points(GROUP)
    assert _triples(own) == [("NL101", "numlint.rules.conversion_magnitude:ConversionMagnitude",
                              GROUP)]
    assert _triples(own) == _triples(standard_entry_points(group=GROUP))


@pytest.mark.parametrize("case", ["zip", "egg", "upper", "finder", "no path finder", "value"])
def test_what_this_reader_does_not_handle_goes_to_importlib_metadata(case, tmp_path,
                                                                     monkeypatch) -> None:
    if case == "zip":
        archive = tmp_path / "rules.zip"
        archive.write_bytes(b"PK\x05\x06" + b"\0" * 18)
        monkeypatch.syspath_prepend(str(archive))
    elif case == "egg":
        (tmp_path / "thing-1.0.egg").mkdir()
        monkeypatch.syspath_prepend(str(tmp_path / "thing-1.0.egg"))
    elif case == "upper":
        _distribution(tmp_path, "Odd-1.0.DIST-INFO", "odd", "")
        monkeypatch.syspath_prepend(str(tmp_path))
    elif case == "finder":
        class Finder:
            @staticmethod
            def find_spec(*args: object) -> None:
                return None

            @staticmethod
            def find_distributions(*args: object) -> list[object]:
                return []

        monkeypatch.setattr(sys, "meta_path", [*sys.meta_path, Finder()])
    elif case == "no path finder":  # what importlib_metadata does to the standard one
        from importlib.machinery import PathFinder

        monkeypatch.delattr(PathFinder, "find_distributions")
    else:
        _distribution(tmp_path, "numlint-0.0.1.dist-info", "numlint",
                      f"[{GROUP}]\nNL101 = numlint.rules.conversion_magnitude [extra]\n")
        monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(discovery._NotPlain):
        discovery.own_entry_points(GROUP)
    assert _triples(discovery.entry_points(group=GROUP)) == _triples(
        standard_entry_points(group=GROUP))


def imported_by_a_check(tmp_path: Path, *prefixes: str) -> tuple[int, list[str]]:
    """The status of ``numlint check`` on a one-figure file in a new process, and the
    modules it imported whose names start with one of ``prefixes``."""
    page = tmp_path / "a.md"
    page.write_text("Le budget atteint 97,4 milliards de dollars.\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(f"""
            import json, sys
            from numlint.cli import main
            status = main(["check", {str(page)!r}])
            print(json.dumps([status, sorted(name for name in sys.modules
                                             if name.startswith({prefixes!r}))]))
        """)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    status, modules = json.loads(done.stdout.splitlines()[-1])
    return status, modules


def test_a_check_does_not_import_importlib_metadata(tmp_path) -> None:
    assert imported_by_a_check(tmp_path, "importlib.metadata", "email") == (0, [])
