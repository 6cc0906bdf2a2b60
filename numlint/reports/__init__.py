"""Reports of a run: human text, JSON, SARIF 2.1.0 and GitHub Actions annotations.

Each format is one module with a ``write(report, stream, options)`` function; they all
read the same :class:`Report`, in which files are sorted by path and each file's
diagnostics by offset, so every format lists findings in the same order.
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, Protocol, TextIO

from .model import FileReport, Options, Report, Tally

if TYPE_CHECKING:
    from ..rules.api import Rule

FORMATS = ("text", "json", "sarif", "github")


def write_report(report: Report, format: str, stream: TextIO, options: Options) -> None:
    """Write ``report`` to ``stream`` in ``format`` (one of :data:`FORMATS`)."""
    _module(format).write(report, stream, options)


class Writer(Protocol):
    """A report written file by file: :meth:`add` each checked file in path order, then
    :meth:`close` (the summary, or the whole log for formats that need every file)."""

    def add(self, file: FileReport) -> None: ...

    def close(self) -> None: ...


def open_writer(format: str, stream: TextIO, options: Options,
                rules: tuple[type[Rule], ...] = (), *, fixing: bool = False,
                unsafe_fixes: bool = False) -> Writer:
    """A :class:`Writer` of ``format``: text, JSON and GitHub annotations keep nothing of a
    file once it is written, so a run's memory does not grow with its findings."""
    writer: Writer = _module(format).Writer(stream, options, rules, fixing, unsafe_fixes)
    return writer


def _module(format: str) -> ModuleType:
    if format == "text":
        from . import text as module
    elif format == "json":
        from . import json as module  # type: ignore[no-redef]
    elif format == "sarif":
        from . import sarif as module  # type: ignore[no-redef]
    elif format == "github":
        from . import github as module  # type: ignore[no-redef]
    else:
        raise ValueError(f"unknown report format {format!r}: expected one of {', '.join(FORMATS)}")
    return module


__all__ = ["FORMATS", "FileReport", "Options", "Report", "Tally", "Writer", "open_writer",
           "write_report"]
