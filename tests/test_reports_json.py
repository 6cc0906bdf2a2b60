"""The JSON report: one object per finding, every field with its type."""

from __future__ import annotations

import io
import json

from test_cli_plugins import ARTICLE

import numlint
from numlint.reports import FileReport, Options, Report, write_report


def test_one_object_per_finding_with_its_place_fix_and_evidence():
    diagnostics = tuple(numlint.check(ARTICLE))
    stream = io.StringIO()
    write_report(Report((FileReport("articles/rachat.md", ARTICLE, diagnostics),)), "json",
                 stream, Options())
    [item] = json.loads(stream.getvalue())
    assert list(item) == ["path", "code", "name", "severity", "message", "start", "end", "line",
                          "column", "end_line", "end_column", "fix", "evidence", "fix_refused"]
    assert item["path"] == "articles/rachat.md"
    assert (item["code"], item["name"], item["severity"]) == ("NL101", "conversion-magnitude",
                                                              "error")
    assert ARTICLE[item["start"]:item["end"]] == "95 millions d'euros"
    assert (item["line"], item["column"], item["end_line"], item["end_column"]) == (5, 48, 5, 67)
    assert item["fix"]["safety"] == "unsafe"
    [edit] = item["fix"]["edits"]
    assert ARTICLE[edit["start"]:edit["end"]] == "millions" and edit["replacement"] == "milliards"
    assert item["evidence"]["rate"] == "1 EUR = 1.0324 USD"
    assert "« 95 millions d'euros »" in stream.getvalue()  # not \u-escaped


def test_no_findings_is_an_empty_list():
    stream = io.StringIO()
    write_report(Report((FileReport("a.md", "rien"),)), "json", stream, Options())
    assert json.loads(stream.getvalue()) == []


def test_a_finding_without_fix_has_null():
    diagnostics = tuple(numlint.check("<!-- numlint-disable NL1O1 -->\nRien.\n"))
    stream = io.StringIO()
    write_report(Report((FileReport("a.md", "", diagnostics),)), "json", stream, Options())
    assert json.loads(stream.getvalue())[0]["fix"] is None
