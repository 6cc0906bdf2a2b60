"""Compiled patterns and the standard scanner are kept across processes, safely."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import regex

from numlint import cache
from numlint.mentions.currencies import build_currency_lexicon
from numlint.mentions.pattern import anchor_sources, pattern_source
from numlint.mentions.standard import standard_scanner
from numlint.mentions.units import build_unit_lexicon

SAMPLE = "la somme de 97,4 milliards de dollars (près de 95 millions d'euros), 12 %"
PATTERN = r"(?P<n>\d+(?:,\d+)?)\s*(?P<scale>milliards?|millions?)\b\p{L}*"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NUMLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("NUMLINT_NO_CACHE", raising=False)
    return tmp_path


def _spans(pattern) -> list[tuple[int, int, dict]]:
    return [(m.start(), m.end(), m.groupdict()) for m in pattern.finditer(SAMPLE)]


def test_a_cached_regex_pattern_matches_like_a_compiled_one(cache_dir: Path) -> None:
    first = cache.compile_pattern(PATTERN)
    [stored] = cache_dir.glob("*/pattern-*.json")
    second = cache.compile_pattern(PATTERN)
    assert _spans(second) == _spans(first) == _spans(regex.compile(PATTERN))
    assert len(_spans(second)) == 2
    assert json.loads(stored.read_text(encoding="utf-8"))["pattern"] == PATTERN


def test_a_cached_standard_re_pattern_matches_like_a_compiled_one(cache_dir: Path) -> None:
    source = r"(?P<n>\d+)(?:,(\d+))?"
    cache.compile_standard(source)
    assert list(cache_dir.glob("*/re-*.json"))
    cached = cache.compile_standard(source)
    expected = re.compile(source)
    assert [m.groups() for m in cached.finditer(SAMPLE)] == [
        m.groups() for m in expected.finditer(SAMPLE)
    ]
    assert cached.groupindex == expected.groupindex


@pytest.mark.parametrize("damage", ["{not json", '{"pattern": 3}', ""])
def test_a_damaged_cache_file_only_costs_a_compile(cache_dir: Path, damage: str) -> None:
    cache.compile_pattern(PATTERN)
    cache.compile_standard(PATTERN.replace(r"\p{L}", r"[^\W\d_]"))
    for path in cache_dir.glob("*/*.json"):
        path.write_text(damage, encoding="utf-8")
    assert len(_spans(cache.compile_pattern(PATTERN))) == 2
    standard = cache.compile_standard(PATTERN.replace(r"\p{L}", r"[^\W\d_]"))
    assert len(list(standard.finditer(SAMPLE))) == 2


def test_the_cache_can_be_turned_off(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NUMLINT_NO_CACHE", "1")
    cache.compile_pattern(PATTERN)
    assert cache.memo_json("thing", ["a"], lambda: {"x": 1}) == {"x": 1}
    assert not list(cache_dir.iterdir())


def test_an_unwritable_cache_folder_is_not_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("NUMLINT_CACHE_DIR", str(blocker / "cache"))
    assert len(_spans(cache.compile_pattern(PATTERN))) == 2


def test_memo_builds_once_per_key(cache_dir: Path) -> None:
    calls = []

    def build() -> dict:
        calls.append(1)
        return {"value": len(calls)}

    assert cache.memo_json("thing", ["a"], build) == {"value": 1}
    assert cache.memo_json("thing", ["a"], build) == {"value": 1}
    assert cache.memo_json("thing", ["b"], build) == {"value": 2}


def test_the_kept_standard_scanner_is_the_one_built_from_cldr(cache_dir: Path) -> None:
    currencies, units = build_currency_lexicon(), build_unit_lexicon()
    for _ in range(2):  # built, then read back from the cache
        scanner = standard_scanner()
        assert scanner.currencies == currencies
        assert scanner.units == units
        assert scanner.pattern.pattern == pattern_source(currencies, units)
        assert dict(scanner.sources[1]) == anchor_sources(currencies, units)
    assert [m.text for m in scanner.scan(SAMPLE)] == [
        "97,4 milliards de dollars", "95 millions d'euros", "12 %"
    ]


def test_the_kept_rate_table_and_catalog_are_the_ones_read_from_the_package(
    cache_dir: Path,
) -> None:
    from numlint import i18n
    from numlint.rates import ecb

    tables = [ecb._load_embedded.__wrapped__() for _ in range(2)]  # inflated, then kept
    assert list(cache_dir.glob("*/ecb-csv-*.txt"))
    first, kept = tables
    assert (kept.first_date, kept.last_date, len(kept)) == (
        first.first_date, first.last_date, len(first))
    assert kept.source == first.source and kept._file == first._file  # named in errors
    assert kept.rate("USD", kept.last_date) == first.rate("USD", first.last_date)
    catalogs = [i18n._load_catalog("fr") for _ in range(2)]
    assert list(cache_dir.glob("*/catalog-fr-*.json"))
    assert catalogs[0] == catalogs[1] == i18n._read_po(
        Path(i18n.__file__).with_name("locale").joinpath(
            "fr", "LC_MESSAGES", "numlint.po").read_bytes(), "fr")
    for path in cache_dir.glob("*/*.json"):  # damaged: read again from the package
        path.write_text("{", encoding="utf-8")
    for path in cache_dir.glob("*/*.txt"):  # cut short: the same
        path.write_text(path.read_text(encoding="utf-8")[:-100], encoding="utf-8")
    assert len(ecb._load_embedded.__wrapped__()) == len(first)
    [kept_again] = cache_dir.glob("*/ecb-csv-*.txt")  # and the cut file was made whole
    assert ecb._split_kept(kept_again.read_text(encoding="utf-8")) is not None
    assert i18n._load_catalog("fr") == catalogs[0]


def test_a_new_version_removes_the_folders_of_the_other_versions(cache_dir: Path) -> None:
    stale = cache_dir / "v1-numlint0.0.1-regex2020.1.1-py3.10"
    stale.mkdir()
    (stale / "pattern-0.json").write_text("{}", encoding="utf-8")
    unrelated = cache_dir / "notes"
    unrelated.mkdir()
    (cache_dir / "keep.txt").write_text("not numlint's", encoding="utf-8")
    cache.compile_pattern(PATTERN)
    folder = cache.cache_folder()
    assert folder is not None and folder.parent == cache_dir
    assert list(folder.glob("pattern-*.json"))
    assert not stale.exists()
    assert unrelated.is_dir() and (cache_dir / "keep.txt").is_file()
