"""Configuration files: discovery, reading, per-file ignores, precedence of the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli_plugins import ARTICLE, assert_one_line_error, install_plugins, run

from numlint.config import ConfigError
from numlint.config_files import (
    ConfigFinder,
    find_config_file,
    glob_matches,
    ignored_codes,
    load_config_file,
)
from numlint.rules.registry import installed_rules


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- discovery ----------------------------------------------------------------------------


def test_the_nearest_file_wins(tmp_path):
    top = write(tmp_path / "numlint.toml", "")
    inner = write(tmp_path / "a" / "pyproject.toml", "[tool.numlint]\n")
    (tmp_path / "a" / "b" / "c").mkdir(parents=True)
    assert find_config_file(tmp_path / "a" / "b" / "c") == inner
    assert find_config_file(tmp_path) == top


def test_numlint_toml_wins_over_pyproject_in_the_same_folder(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.numlint]\n")
    numlint_toml = write(tmp_path / "numlint.toml", "")
    assert find_config_file(tmp_path) == numlint_toml


def test_a_pyproject_without_the_table_is_passed_over(tmp_path):
    top = write(tmp_path / "pyproject.toml", "[tool.numlint]\nlang = 'en'\n")
    write(tmp_path / "a" / "pyproject.toml", "[tool.ruff]\nline-length = 100\n")
    write(tmp_path / "b" / "pyproject.toml", "[project]\nname = 'numlint-house-rules'\n")
    write(tmp_path / "c" / "pyproject.toml", "this is not [ toml, and not ours\n")
    for sub in "abc":
        assert find_config_file(tmp_path / sub) == top


def test_discovery_stops_at_the_root(tmp_path):
    above = [p / n for p in tmp_path.parents for n in ("numlint.toml", "pyproject.toml")]
    if any(p.is_file() for p in above):
        pytest.skip("a configuration file above the temporary folder")
    finder = ConfigFinder()
    assert finder.find(tmp_path / "a" / "b") is None
    assert finder.find(Path(tmp_path.anchor)) is None


def test_a_broken_pyproject_that_mentions_numlint_is_an_error(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.numlint\nselect = []\n")
    with pytest.raises(ConfigError, match=r"pyproject\.toml: invalid TOML"):
        find_config_file(tmp_path)


# -- reading ------------------------------------------------------------------------------


def test_pyproject_reading_and_errors_name_the_table(tmp_path):
    path = write(tmp_path / "pyproject.toml", "[tool.numlint]\nselct = []\n")
    with pytest.raises(ConfigError, match=r"pyproject\.toml \[tool\.numlint\]: unknown key"):
        load_config_file(path)
    path = write(tmp_path / "pyproject.toml", "[tool.other]\n")
    with pytest.raises(ConfigError, match=r"no \[tool\.numlint\] table"):
        load_config_file(path)


def test_a_config_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "numlint.toml"
    path.write_bytes(b'lang = "fr"\n# \xe9\n')
    with pytest.raises(ConfigError, match=r"numlint\.toml: not valid UTF-8 \(line 2\)"):
        load_config_file(path)


def test_rates_are_relative_to_the_file(tmp_path):
    write(tmp_path / "data" / "eurofxref.csv", "Date,USD,\n2025-02-11,1.0324,\n")
    path = write(tmp_path / "conf" / "numlint.toml", 'rates = "../data/eurofxref.csv"\n')
    loaded = load_config_file(path)
    assert loaded.config.rates == str(tmp_path / "data" / "eurofxref.csv")


def test_a_missing_rates_file_is_a_configuration_error_at_once(tmp_path):
    path = write(tmp_path / "numlint.toml", 'rates = "missing.zip"\n')
    with pytest.raises(ConfigError, match=r"'rates'.*missing\.zip"):
        load_config_file(path)


def test_codes_and_settings_are_checked_with_the_rules(tmp_path):
    path = write(tmp_path / "numlint.toml", "[rules.conversion-magnitude]\nfactor = 5\n")
    assert load_config_file(path, installed_rules().rules).config.rules == {
        "conversion-magnitude": {"factor": 5}
    }
    path = write(tmp_path / "numlint.toml", '[per-file-ignores]\n"a.md" = ["XX101"]\n')
    load_config_file(path)  # without the rules, codes are not checked
    with pytest.raises(ConfigError, match=r"per-file-ignores 'a\.md': unknown rule code 'XX101'"):
        load_config_file(path, installed_rules().rules)


# -- per-file ignores ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("*.md", "a.md", True),
        ("*.md", "deep/er/a.md", True),  # no slash: the file name, at any depth
        ("brouillons/*.md", "brouillons/a.md", True),
        ("brouillons/*.md", "brouillons/x/a.md", False),
        ("brouillons/**/*.md", "brouillons/a.md", True),
        ("brouillons/**/*.md", "brouillons/x/y/a.md", True),
        ("brouillons/**", "brouillons/x/a.html", True),
        ("brouillons/", "brouillons/x/a.html", True),
        ("**/archives/*.html", "2024/archives/a.html", True),
        ("**/archives/*.html", "archives/a.html", True),
        ("./a/b.md", "a/b.md", True),
        ("/a/b.md", "a/b.md", True),
        ("a/b.md", "x/a/b.md", False),
        ("a?.md", "ab.md", True),
        ("a?.md", "a/.md", False),
        ("[ab].md", "b.md", True),
        ("[!ab].md", "b.md", False),
        ("*.md", "a.mdx", False),
    ],
)
def test_glob_matches(pattern, path, matches):
    assert glob_matches(pattern, path) is matches


def test_ignored_codes_are_relative_to_the_config_folder(tmp_path):
    patterns = {"brouillons/**": ("NL101",), "*.html": ("NL102", "NL101")}
    assert ignored_codes(patterns, tmp_path, tmp_path / "brouillons" / "a.md") == ("NL101",)
    assert ignored_codes(patterns, tmp_path, tmp_path / "brouillons" / "a.html") == (
        "NL101", "NL102")
    assert ignored_codes(patterns, tmp_path / "brouillons", tmp_path / "brouillons" / "a.md") \
        == ()


def test_per_file_ignores_in_a_run(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "pyproject.toml",
          '[tool.numlint.per-file-ignores]\n"brouillons/**" = ["NL101"]\n')
    write(tmp_path / "brouillons" / "a.md", ARTICLE)
    write(tmp_path / "publies" / "a.md", ARTICLE)
    out = run(capsys, "check", "--output-format", "json", ".")[1]
    assert [f["path"] for f in json.loads(out)] == ["publies/a.md"]
    # --select starts a new selection, but per-file ignores still apply
    out = run(capsys, "check", "--output-format", "json", "--select", "NL101", ".")[1]
    assert [f["path"] for f in json.loads(out)] == ["publies/a.md"]


# -- precedence ---------------------------------------------------------------------------


def test_command_line_options_override_the_file(tmp_path, monkeypatch, capsys):
    install_plugins(monkeypatch)
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "numlint.toml",
          'ignore = ["NL101"]\nlang = "en"\nextend-select = ["TST003"]\n')
    write(tmp_path / "a.md", ARTICLE + "\nbye\n")

    def found(*options: str) -> list[str]:
        out = run(capsys, "check", "--output-format", "json", *options, "a.md")[1]
        return [f["code"] for f in json.loads(out)]

    assert found() == ["TST003"]  # the file: NL101 ignored, TST003 added
    assert found("--ignore", "TST003") == []  # --ignore adds to the file's
    assert found("--select", "NL101") == ["NL101"]  # --select starts anew
    assert found("--extend-select", "NL101") == ["TST003"]  # the file's ignore still holds
    out = run(capsys, "check", "--select", "NL101", "a.md")[1]
    assert "cannot be the equivalent" in out  # lang from the file
    out = run(capsys, "check", "--select", "NL101", "--lang", "fr", "a.md")[1]
    assert "ne peut pas être l’équivalent" in out


def test_each_file_gets_its_own_configuration(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "numlint.toml", 'lang = "en"\n')
    write(tmp_path / "fr" / "numlint.toml", 'lang = "fr"\n')
    write(tmp_path / "a.md", ARTICLE)
    write(tmp_path / "fr" / "a.md", ARTICLE)
    out = json.loads(run(capsys, "check", "--output-format", "json", ".")[1])
    assert [(f["path"], f["message"].startswith("“95")) for f in out] == [
        ("a.md", True), ("fr/a.md", False)
    ]


def test_config_forces_one_file_for_all(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "fr" / "numlint.toml", 'lang = "fr"\n')
    write(tmp_path / "fr" / "a.md", ARTICLE)
    write(tmp_path / "house.toml", 'lang = "en"\n')
    out = run(capsys, "check", "--config", "house.toml", "fr/a.md")[1]
    assert "cannot be the equivalent" in out
    status, _, err = run(capsys, "check", "--config", "absent.toml", "fr/a.md")
    assert status == 2
    assert_one_line_error(err, "absent.toml : illisible : fichier ou dossier introuvable")


def test_quebec_house_defaults(tmp_path, monkeypatch, capsys):
    """A Quebec newsroom: « dollars » are Canadian dollars unless said otherwise."""
    monkeypatch.chdir(tmp_path)
    sentence = ("---\ndate: 2025-02-11\n---\n\n"
                "la somme de 97,4 milliards de dollars (près de 65 milliards d'euros)\n")
    write(tmp_path / "a.md", sentence)
    assert run(capsys, "check", "--select", "NL1", "a.md")[0] == 1  # USD: 94 G€, not 65
    write(tmp_path / "pyproject.toml",
          '[tool.numlint.currencies]\n"dollars" = "CAD"\n"dollar" = "CAD"\n"$" = "CAD"\n')
    status, out, _ = run(capsys, "check", "--select", "NL1", "--output-format", "json", "a.md")
    assert status == 0, out  # CAD: 97,4 G$ CA ≈ 65,6 G€
