"""JSON: a list with one object per finding, in path then offset order.

Each object is :meth:`Diagnostic.to_dict` with the ``path`` first: code, name,
severity, message, start/end (character offsets into the file), line, column,
end_line, end_column (1-based, end exclusive), fix (safety, description and edits
with offsets and replacement, or null), evidence, and fix_refused (why a suggested fix
is not offered: it would cross markup; null when none).
"""

from __future__ import annotations

import json
from typing import TextIO

from ..rules.api import Rule
from .model import FileReport, Options, Report, Tally


def write(report: Report, stream: TextIO, options: Options) -> None:
    writer = Writer(stream, options)
    for file in report.files:
        writer.add(file)
    writer.close()


class Writer:
    """The list written finding by finding as files come (the same text as one
    ``json.dump(..., indent=2)`` of the whole list), so that a run keeps no file's
    findings once they are written."""

    def __init__(self, stream: TextIO, options: Options, rules: tuple[type[Rule], ...] = (),
                 fixing: bool = False, unsafe_fixes: bool = False) -> None:
        self.stream = stream
        self.options = options
        self.tally = Tally(fixing=fixing, unsafe_fixes=unsafe_fixes)
        self.written = 0

    def add(self, file: FileReport) -> None:
        self.tally.add(file)
        if self.options.statistics:
            return
        for d in file.diagnostics:
            self._item({"path": file.path, **d.to_dict()})

    def _item(self, data: dict[str, object]) -> None:
        text = json.dumps(data, ensure_ascii=False, indent=2)
        self.stream.write(("[\n" if not self.written else ",\n")
                          + "\n".join("  " + line for line in text.split("\n")))
        self.written += 1

    def close(self) -> None:
        if self.options.statistics:
            for (code, name, severity), number in sorted(
                    self.tally.rules.items(), key=lambda item: (-item[1], item[0])):
                self._item({"code": code, "name": name, "severity": severity,
                            "count": number})
        self.stream.write("\n]\n" if self.written else "[]\n")
