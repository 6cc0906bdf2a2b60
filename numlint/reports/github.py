"""GitHub Actions workflow commands: one annotation per finding.

``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message``; a warning is
``::warning`` and an info ``::notice``. Data escapes ``%``, CR and LF; property values
also escape ``:`` and ``,``. Columns are 1-based and ``endColumn`` is exclusive, as in
every numlint report.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import TextIO

from ..diagnostics import Diagnostic
from ..rules.api import Rule
from .model import FileReport, Options, Report

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def write(report: Report, stream: TextIO, options: Options) -> None:
    writer = Writer(stream, options)
    for file in report.files:
        writer.add(file)
    writer.close()


class Writer:
    """One annotation per finding, written as each file comes."""

    def __init__(self, stream: TextIO, options: Options, rules: tuple[type[Rule], ...] = (),
                 fixing: bool = False, unsafe_fixes: bool = False) -> None:
        self.stream = stream

    def add(self, file: FileReport) -> None:
        for diagnostic in file.diagnostics:
            self.stream.write(annotation(file.path, diagnostic) + "\n")

    def close(self) -> None:
        pass


def annotation(path: str, d: Diagnostic) -> str:
    properties = {
        "file": PurePath(path).as_posix(),
        "line": str(d.line),
        "col": str(d.column),
        "endLine": str(d.end_line),
        "endColumn": str(d.end_column),
        "title": f"{d.code} {d.name}",
    }
    shown = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{COMMANDS[d.severity]} {shown}::{escape_data(d.message)}"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
