"""numlint.verify() and ``numlint check --verified``: what was confirmed, not only what
was flagged, with the same diagnostics as check()."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from test_cli_plugins import assert_one_line_error, run

import numlint

DAY = datetime.date(2025, 2, 11)
ARTICLE = (
    "La somme de 97,4\u00a0milliards de dollars (près de 94\u202fmilliards d\u2019euros) est"
    " versée.\n"
    "Un prêt de 40 millions de dollars (37 000 euros).\n"
    "Ces 40 millions de dollars seront remboursés.\n"
    "Une tour de 3 000 km (10 000 kg).\n"
)


def test_verify_returns_the_diagnostics_of_check_and_each_relation_with_its_status() -> None:
    verification = numlint.verify(ARTICLE, format="text", date=DAY)
    assert verification.diagnostics == numlint.check(ARTICLE, format="text", date=DAY)
    statuses = [(r.kind, r.status) for r in verification.relations]
    assert statuses == [
        ("conversion", "confirmed"),
        ("conversion", "inconsistent"),
        ("restatement", "confirmed"),
        ("conversion", "unverified"),
    ]
    confirmed, inconsistent, restated, unverified = verification.relations
    assert confirmed.statement == (
        "97,4\u00a0milliards de dollars ≈ 94,3 milliards EUR au taux du 11/02/2025 ✓"
    )
    assert confirmed.evidence["rate"] == "1 EUR = 1.0324 USD"
    assert ARTICLE[confirmed.start : confirmed.end].startswith("97,4")
    assert ARTICLE[confirmed.start : confirmed.end].endswith("d\u2019euros")
    assert inconsistent.codes == ("NL101",)
    assert restated.figures == ("40 millions de dollars", "40 millions de dollars")
    assert "ne se convertissent pas" in unverified.reason
    assert verification.summary() == "vérifiées : 2, incohérentes : 1, non vérifiées : 1"
    assert verification.summary("en") == "2 verified, 1 inconsistent, 1 unverified"


def test_offsets_are_in_the_html_source() -> None:
    html = "<p>La somme de <b>97,4 milliards de dollars</b> (près de 94 milliards d'euros).</p>"
    [relation] = numlint.verify(html, format="html", date=DAY).relations
    assert html[relation.start : relation.end] == (
        "97,4 milliards de dollars</b> (près de 94 milliards d'euros"
    )


def test_a_coarse_rate_never_confirms_and_says_why() -> None:
    [relation] = numlint.verify("500 milliards de roubles (5 milliards d'euros)",
                                format="text", date=datetime.date(2024, 5, 2)).relations
    assert relation.status == "unverified"
    assert "ordre de grandeur" in relation.reason
    assert "coarse" in relation.evidence["rate_source"]


def test_an_undated_confirmation_says_it_used_the_latest_rate() -> None:
    [relation] = numlint.verify("97,4 milliards de dollars (près de 94 milliards d'euros)",
                                format="text").relations
    assert relation.status == "confirmed"
    assert "non daté" in relation.reason


def test_the_cli_lists_the_verified_relations_after_the_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    status, out, _ = run(capsys, "check", "--verified", "--date", "2025-02-11", "a.md")
    assert status == 1
    assert "a.md: vérifiées : 2, incohérentes : 1, non vérifiées : 1" in out
    assert "  a.md:1:13: confirmed: 97,4" in out
    assert "[NL101]" in out
    status, out, _ = run(capsys, "check", "--verified", "--output-format", "json",
                         "--date", "2025-02-11", "a.md")
    data = json.loads(out)
    assert [f["code"] for f in data["findings"]] == ["NL101"]
    [verified] = data["verified"]
    assert verified["path"] == "a.md"
    assert verified["counts"] == {"confirmed": 2, "inconsistent": 1, "unverified": 1}
    assert verified["relations"][0]["statement"].endswith("✓")


def test_the_cli_refuses_verified_with_fix_as_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    status, out, err = run(capsys, "check", "--verified", "--fix", "a.md")
    assert status == 2 and out == ""
    assert_one_line_error(err, "--verified")
