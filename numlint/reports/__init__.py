"""Reports of a run: human text, JSON, SARIF 2.1.0 and GitHub Actions annotations.

Each format is one module with a ``write(report, stream, options)`` function; they all
read the same :class:`Report`, in which files are sorted by path and each file's
diagnostics by offset, so every format lists findings in the same order.
"""

from __future__ import annotations

from typing import TextIO

from .model import FileReport, Options, Report

FORMATS = ("text", "json", "sarif", "github")


def write_report(report: Report, format: str, stream: TextIO, options: Options) -> None:
    """Write ``report`` to ``stream`` in ``format`` (one of :data:`FORMATS`)."""
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
    module.write(report, stream, options)


__all__ = ["FORMATS", "FileReport", "Options", "Report", "write_report"]
