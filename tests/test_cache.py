"""Plain data (the rate table) is kept across processes, safely; compiled patterns never."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import regex

from numlint import cache

SAMPLE = "la somme de 97,4 milliards de dollars (près de 95 millions d'euros), 12 %"
PATTERN = r"(?P<n>\d+(?:,\d+)?)\s*(?P<scale>milliards?|millions?)\b\p{L}*"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NUMLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("NUMLINT_NO_CACHE", raising=False)
    return tmp_path


def _payload(path: Path) -> bytes:
    """A cache entry without its digest line."""
    return path.read_bytes().partition(b"\n")[2]


def _spans(pattern) -> list[tuple[int, int, dict]]:
    return [(m.start(), m.end(), m.groupdict()) for m in pattern.finditer(SAMPLE)]


def test_compiled_patterns_are_not_kept(cache_dir: Path) -> None:
    compiled = cache.compile_pattern(PATTERN)
    assert _spans(compiled) == _spans(regex.compile(PATTERN)) and len(_spans(compiled)) == 2
    assert cache.memo_json("thing", ["a"], lambda: {"x": 1}) == {"x": 1}  # the cache works
    assert not list(cache_dir.glob("*/pattern-*")) and not list(cache_dir.glob("*/re-*"))


PACKAGE = Path(cache.__file__).resolve().parent
ENGINE_INTERNALS = re.compile(r"\b_sre\b|re\._compiler|\b_compiler\b|_regex\b|_pickled_data")


def test_no_module_reaches_into_the_regex_engines() -> None:
    """Nothing builds a compiled program by hand (engine bytecode from a file into C)."""
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ENGINE_INTERNALS.search(line) and "_glob_regex" not in line
    ]
    assert not offenders


@pytest.mark.parametrize("damage", ["{not json", '{"value": 3', ""])
def test_a_damaged_cache_file_only_costs_a_rebuild(cache_dir: Path, damage: str) -> None:
    assert cache.memo_json("thing", ["a"], lambda: {"x": 1}) == {"x": 1}
    for path in cache_dir.glob("*/*.json"):
        path.write_text(damage, encoding="utf-8")
    assert cache.memo_json("thing", ["a"], lambda: {"x": 2}) == {"x": 2}


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
    assert cache.memo_json("thing", ["a"], lambda: {"x": 1}) == {"x": 1}


def test_memo_builds_once_per_key(cache_dir: Path) -> None:
    calls = []

    def build() -> dict:
        calls.append(1)
        return {"value": len(calls)}

    assert cache.memo_json("thing", ["a"], build) == {"value": 1}
    assert cache.memo_json("thing", ["a"], build) == {"value": 1}
    assert cache.memo_json("thing", ["b"], build) == {"value": 2}


def _whole_table() -> Any:
    """The embedded table read whole, as a new process reads it when it needs old rows."""
    from numlint.rates import ecb
    from numlint.rates.recent import RecentFirstTable

    table = ecb._load_embedded.__wrapped__()
    return table.whole() if isinstance(table, RecentFirstTable) else table


def test_the_kept_rate_table_is_the_one_read_from_the_package(
    cache_dir: Path,
) -> None:
    from numlint.rates import ecb

    tables = [_whole_table() for _ in range(2)]  # inflated, then kept
    assert list(cache_dir.glob("*/ecb-csv-*.txt"))
    first, kept = tables
    assert (kept.first_date, kept.last_date, len(kept)) == (
        first.first_date, first.last_date, len(first))
    assert kept.source == first.source and kept._file == first._file  # named in errors
    assert kept.rate("USD", kept.last_date) == first.rate("USD", first.last_date)
    for path in cache_dir.glob("*/*.txt"):  # cut short: the same
        path.write_text(path.read_text(encoding="utf-8")[:-100], encoding="utf-8")
    assert len(_whole_table()) == len(first)
    [kept_again] = cache_dir.glob("*/ecb-csv-*.txt")  # and the cut file was made whole
    assert ecb._split_kept(_payload(kept_again).decode("utf-8")) is not None


def test_a_new_version_removes_the_folders_of_the_other_versions(cache_dir: Path) -> None:
    stale = cache_dir / "v1-numlint0.0.1-regex2020.1.1-py3.10"
    stale.mkdir()
    (stale / "pattern-0.json").write_text("{}", encoding="utf-8")
    unrelated = cache_dir / "notes"
    unrelated.mkdir()
    (cache_dir / "keep.txt").write_text("not numlint's", encoding="utf-8")
    cache.memo_json("thing", ["a"], lambda: {"x": 1})
    folder = cache.cache_folder()
    assert folder is not None and folder.parent == cache_dir
    assert list(folder.glob("thing-*.json"))
    assert not stale.exists()
    assert unrelated.is_dir() and (cache_dir / "keep.txt").is_file()


# -- nothing read from the cache is used unverified ------------------------------------------

ARTICLE = Path(__file__).resolve().parent.parent / "examples" / "article.md"


OLD_DATE = "2005-02-11"
"""Older than the embedded table's recent rows: its check reads the whole table, which is
what is kept (a check of recent copy reads the recent rows and keeps nothing)."""


def _numlint_check(cache_base: Path, day: str = OLD_DATE) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "NUMLINT_NO_CACHE"}
    env["NUMLINT_CACHE_DIR"] = str(cache_base)
    return subprocess.run(
        [sys.executable, "-m", "numlint", "check", "--output-format", "json",
         "--date", day, str(ARTICLE)],
        capture_output=True, text=True, env=env, timeout=120,
    )


def _verified(path: Path) -> bool:
    return cache._read_verified(path) is not None


def test_a_check_keeps_no_compiled_program(tmp_path: Path) -> None:
    expected = _numlint_check(tmp_path)
    assert expected.returncode == 1 and "NL101" in expected.stdout
    kept = sorted(p.name.split("-")[0] for p in tmp_path.glob("*/*") if p.is_file())
    assert kept and not {"pattern", "re", "scanner"} & set(kept), kept
    again = _numlint_check(tmp_path)  # read back: the same findings
    assert (again.returncode, again.stdout) == (expected.returncode, expected.stdout)


def test_a_check_of_recent_copy_needs_no_cache(tmp_path: Path) -> None:
    """Its messages come from the .po file and its rates from the zip's recent rows."""
    done = _numlint_check(tmp_path, "2025-02-11")
    assert done.returncode == 1 and "NL101" in done.stdout and "2025-02-11" in done.stdout
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]


def test_a_same_length_digit_change_in_the_kept_rates_is_not_believed(tmp_path: Path) -> None:
    expected = _numlint_check(tmp_path)
    [kept] = tmp_path.glob("*/ecb-csv-*.txt")
    content = kept.read_bytes()
    row = b"\n2005-02-11,1.2855,"
    assert row in content and b"2005-02-11" in expected.stdout.encode()
    kept.write_bytes(content.replace(row, b"\n2005-02-11,9.2855,"))  # passed the length check
    again = _numlint_check(tmp_path)
    assert (again.returncode, again.stdout) == (expected.returncode, expected.stdout)
    assert kept.read_bytes() == content  # rebuilt from the package


def test_random_mutations_of_the_cache_never_crash_hang_or_change_a_finding(
    tmp_path: Path,
) -> None:
    """Byte flips, cuts and insertions anywhere in any entry (digest line included): each
    run exits as the clean one did, with the same findings, and leaves the entry whole."""
    expected = _numlint_check(tmp_path)
    entries = sorted(p for p in tmp_path.glob("*/*") if p.is_file())
    chooser = random.Random(11)
    for round_ in range(8):
        victim = entries[round_ % len(entries)] if round_ < 4 else chooser.choice(entries)
        data = bytearray(victim.read_bytes())
        position = chooser.randrange(len(data))
        kind = round_ % 3
        if kind == 0:
            data[position] ^= 1 << chooser.randrange(8)
        elif kind == 1:
            del data[position:]
        else:
            data[position:position] = b"0"
        victim.write_bytes(bytes(data))
        again = _numlint_check(tmp_path)
        assert again.returncode == expected.returncode, (victim.name, again.stderr)
        assert again.stdout == expected.stdout, victim.name
        assert _verified(victim), victim.name


def test_a_secret_others_can_read_turns_the_cache_off(cache_dir: Path) -> None:
    cache.memo_json("thing", ["a"], lambda: {"x": 1})
    secret = cache_dir / "secret"
    assert secret.stat().st_mode & 0o777 == 0o600
    secret.chmod(0o644)
    cache._secret.cache_clear()
    try:
        [stored] = cache_dir.glob("*/thing-*.json")
        assert cache._read_verified(stored) is None
        assert cache.memo_json("thing", ["a"], lambda: {"x": 2}) == {"x": 2}  # built again
    finally:
        cache._secret.cache_clear()


def test_no_home_directory_means_no_cache_not_a_failure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("NUMLINT_CACHE_DIR", raising=False)
    monkeypatch.delenv("NUMLINT_NO_CACHE", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    assert cache.cache_folder() is None
    assert cache.memo_json("thing", ["a"], lambda: {"x": 1}) == {"x": 1}
