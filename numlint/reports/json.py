"""JSON: a list with one object per finding, in path then offset order.

Each object is :meth:`Diagnostic.to_dict` with the ``path`` first: code, name,
severity, message, start/end (character offsets into the file), line, column,
end_line, end_column (1-based, end exclusive), fix (safety, description and edits
with offsets and replacement, or null), evidence, and fix_refused (why a suggested fix
is not offered: it would cross markup; null when none).
"""

from __future__ import annotations

import json
from collections import Counter
from typing import TextIO

from .model import Options, Report


def write(report: Report, stream: TextIO, options: Options) -> None:
    if options.statistics:
        counts = Counter((d.code, d.name, d.severity) for _, d in report.findings())
        data: list[dict[str, object]] = [
            {"code": code, "name": name, "severity": severity, "count": number}
            for (code, name, severity), number in sorted(
                counts.items(), key=lambda item: (-item[1], item[0])
            )
        ]
    else:
        data = [{"path": file.path, **d.to_dict()} for file, d in report.findings()]
    json.dump(data, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
