"""``numlint check --verified``: the relations numlint confirmed, after the findings.

Text: one summary line per file, then each relation with its place and status mark.
JSON: ``{"findings": [...the usual list...], "verified": [{"path", "summary", "counts",
"relations"}]}`` (the plain list of findings stays the output without ``--verified``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from io import StringIO
from typing import TextIO

from ..reports import Options, Report, write_report
from ..verification import Verification


def write_verified(report: Report, verifications: Sequence[Verification], output_format: str,
                   stream: TextIO, options: Options, lang: str) -> None:
    if output_format == "json":
        findings = StringIO()
        write_report(report, "json", findings, options)
        data = {
            "findings": json.loads(findings.getvalue()),
            "verified": [{"path": file.path, **verification.to_dict(lang)}
                         for file, verification in zip(report.files, verifications,
                                                       strict=True)],
        }
        json.dump(data, stream, ensure_ascii=False, indent=2)
        stream.write("\n")
        return
    write_report(report, output_format, stream, options)
    for file, verification in zip(report.files, verifications, strict=True):
        stream.write(f"{file.path}: {verification.summary(lang)}\n")
        for relation in verification.relations:
            line = file.source.count("\n", 0, relation.start) + 1
            column = relation.start - (file.source.rfind("\n", 0, relation.start) + 1) + 1
            reason = f" ({relation.reason})" if relation.reason else ""
            codes = f" [{', '.join(relation.codes)}]" if relation.codes else ""
            stream.write(f"  {file.path}:{line}:{column}: {relation.status}: "
                         f"{relation.statement}{codes}{reason}\n")
