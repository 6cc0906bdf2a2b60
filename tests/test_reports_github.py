"""GitHub Actions annotations: commands per severity, escaping of data and properties."""

from __future__ import annotations

import io

from numlint.diagnostics import Diagnostic
from numlint.reports import FileReport, Options, Report, write_report
from numlint.reports.github import annotation, escape_data, escape_property


def diagnostic(severity: str, message: str = "m") -> Diagnostic:
    return Diagnostic("NL101", "conversion-magnitude", severity, message, 0, 2, 3, 4, 3, 6)


def test_one_command_per_finding_by_severity():
    report = Report((FileReport("a.md", "", (diagnostic("error"), diagnostic("warning"),
                                             diagnostic("info"))),))
    stream = io.StringIO()
    write_report(report, "github", stream, Options())
    assert stream.getvalue().splitlines() == [
        f"::{kind} file=a.md,line=3,col=4,endLine=3,endColumn=6,"
        "title=NL101 conversion-magnitude::m"
        for kind in ("error", "warning", "notice")
    ]


def test_escaping():
    assert escape_data("100 % sûr\r\nfin: a,b") == "100 %25 sûr%0D%0Afin: a,b"
    assert escape_property("dir,with:colon%/a.md") == "dir%2Cwith%3Acolon%25/a.md"
    line = annotation("r, d:é/a.md", diagnostic("error", "« 95 » : 50 %\nsuite"))
    assert line.startswith("::error file=r%2C d%3Aé/a.md,line=3,")
    assert line.endswith("::« 95 » : 50 %25%0Asuite")
    assert line.count("::") == 2
