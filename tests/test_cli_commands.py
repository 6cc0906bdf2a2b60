"""``numlint explain``, ``numlint rules`` and ``numlint rates``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli_plugins import assert_one_line_error, run

from numlint.rates import embedded_table
from numlint.rules.registry import installed_rules


@pytest.mark.parametrize("asked", ["NL101", "nl101", "conversion-magnitude"])
def test_explain_prints_the_documentation_in_french_by_default(asked, capsys):
    status, out, _ = run(capsys, "explain", asked)
    assert status == 0
    assert out.startswith("# NL101 conversion-magnitude\n")
    assert "Gravité : erreur. Activée par défaut." in out
    assert "Une conversion est fausse d’un facteur mille" in out
    assert "## Ce qu’elle fait" in out and "## Pourquoi c’est important" in out
    assert "## What it does" not in out
    assert "- `factor` (float, par défaut 3.0) :" in out
    assert "[tool.numlint.rules.NL101]\nfactor = 3.0" in out
    assert "Signalé (daté du 11/02/2025) :\n    la somme de 97,4 milliards de dollars (près " \
           "de 95 millions d'euros)\n  signale : « 95 millions d'euros »\n  corrigé :" in out


def test_every_builtin_rule_has_its_french_texts():
    from numlint.rules.texts import explanation, has_translation, summary

    for rule in installed_rules().rules:
        if rule.__module__.startswith("numlint."):
            assert has_translation(rule, "fr"), rule.code
            assert summary(rule, "fr") != rule.summary, rule.code
            assert "## Pourquoi c’est important" in explanation(rule, "fr"), rule.code


@pytest.mark.parametrize("asked", ["NL101", "nl101", "conversion-magnitude"])
def test_explain_prints_the_documentation(asked, capsys):
    status, out, _ = run(capsys, "explain", "--lang", "en", asked)
    assert status == 0
    assert out.startswith("# NL101 conversion-magnitude\n")
    assert "Severity: error. Enabled by default." in out
    assert "## What it does" in out and "## Why it matters" in out
    assert "- `factor` (float, default 3.0):" in out
    assert "[tool.numlint.rules.NL101]\nfactor = 3.0" in out
    assert "Invalid (dated 2025-02-11):\n    la somme de 97,4 milliards de dollars (près de 95 " \
           "millions d'euros)\n  flags: “95 millions d'euros”\n  fixed:\n    la somme" in out
    assert "{{" not in out
    assert "Valid" in out


def test_explain_nl001_the_suppression_rule(capsys):
    status, out, _ = run(capsys, "explain", "unused-suppression")
    assert status == 0
    assert out.startswith("# NL001 unused-suppression")
    assert "numlint-disable-next-line" in out


def test_explain_json(capsys):
    status, out, _ = run(capsys, "explain", "NL101", "--output-format", "json")
    data = json.loads(out)
    assert status == 0
    assert data["lang"] == "fr" and data["explanation"].startswith("## Ce qu’elle fait")
    english = json.loads(run(capsys, "explain", "NL101", "--lang", "en", "--output-format",
                             "json")[1])
    assert english["lang"] == "en" and english["explanation"].startswith("## What it does")
    assert english["summary"] != data["summary"]
    assert data["code"] == "NL101" and data["severity"] == "error"
    assert data["settings"] == [{"name": "factor", "type": "float", "default": 3.0,
                                 "description": data["settings"][0]["description"]}]
    assert any(not e["valid"] and e["date"] == "2025-02-11" for e in data["examples"])


@pytest.mark.parametrize("asked", ["NL999", "no-such-rule", ""])
def test_explain_an_unknown_rule_exits_2(asked, capsys):
    status, out, err = run(capsys, "explain", asked)
    assert (status, out) == (2, "")
    assert_one_line_error(err, "règle inconnue")
    status, out, err = run(capsys, "explain", "--lang", "en", asked)
    assert (status, out) == (2, "")
    assert_one_line_error(err, "unknown rule")


def test_rules_lists_the_rules_in_french_by_default(capsys):
    status, out, _ = run(capsys, "rules")
    assert status == 0
    header, *rows = out.splitlines()
    assert header.split() == ["CODE", "NOM", "GRAVITÉ", "DÉFAUT", "ORIGINE", "RÉSUMÉ"]
    nl101 = next(row for row in rows if row.startswith("NL101"))
    assert nl101.split()[1:4] == ["conversion-magnitude", "erreur", "activée"]
    assert nl101.endswith("Une conversion est fausse d’un facteur mille (ou d’au moins trois).")


def test_rules_lists_every_installed_rule(capsys):
    status, out, _ = run(capsys, "rules", "--lang", "en")
    assert status == 0
    header, *rows = out.splitlines()
    assert header.split() == ["CODE", "NAME", "SEVERITY", "DEFAULT", "FROM", "SUMMARY"]
    listed = {row.split()[0]: row.split() for row in rows}
    for rule in installed_rules().rules:
        assert listed[rule.code][1:4] == [
            rule.name, rule.severity, "enabled" if rule.enabled_by_default else "disabled"
        ]
    assert listed["NL001"][1] == "unused-suppression"


def test_rates_says_which_table_is_in_force(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    table = embedded_table()
    status, out, _ = run(capsys, "rates", "--lang", "en")
    assert status == 0
    assert out.splitlines()[0] == f"Rates in force: {table.source}"
    assert "chosen by:  default (embedded table)" in out
    assert f"{table.first_date} to {table.last_date} ({len(table)} days)" in out
    assert f"currencies: {len(table.currencies)} (AUD" in out


CSV = "Date,USD,JPY,\n2025-02-12,1.0400,160.00,\n2025-02-11,1.0324,158.00,\n"


def test_rates_with_a_file(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("eurofxref.csv").write_text(CSV, encoding="utf-8")
    status, out, _ = run(capsys, "rates", "--rates", "eurofxref.csv", "--output-format", "json")
    data = json.loads(out)
    assert status == 0
    assert data["chosen_by"] == "--rates eurofxref.csv"
    assert (data["first_date"], data["last_date"], data["days"]) == ("2025-02-11",
                                                                     "2025-02-12", 2)
    assert data["currencies"] == ["EUR", "JPY", "USD"]


def test_rates_from_the_configuration_relative_to_its_file(capsys, tmp_path, monkeypatch):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "rates.csv").write_text(CSV, encoding="utf-8")
    (tmp_path / "numlint.toml").write_text('rates = "data/rates.csv"\n', encoding="utf-8")
    (tmp_path / "articles").mkdir()
    monkeypatch.chdir(tmp_path / "articles")
    status, out, _ = run(capsys, "rates", "--lang", "en")
    assert status == 0
    data, config = tmp_path / "data" / "rates.csv", tmp_path / "numlint.toml"
    assert f"chosen by:  rates = {data} in {config}" in out  # outside the cwd: absolute
    assert "2025-02-11 to 2025-02-12 (2 days)" in out


@pytest.mark.parametrize("content", [b"", b"Date,USD\n2025-02-11,abc\n", b"PK\x03\x04broken"])
def test_rates_with_a_bad_file_exits_2(content, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("bad.zip").write_bytes(content)
    status, out, err = run(capsys, "rates", "--rates", "bad.zip")
    assert (status, out) == (2, "")
    assert_one_line_error(err, "bad.zip")
