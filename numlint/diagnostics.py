"""What numlint reports: diagnostics at exact source places, with optional fixes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, Literal

from .records import Record

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("info", "warning", "error")
"""From least to most severe."""

Safety = Literal["safe", "unsafe"]
"""A safe fix keeps the meaning of the text (typography); an unsafe one changes a figure
and needs a person to confirm it (``--fix`` applies only safe fixes)."""


class Edit(Record):
    """Replace ``source[start:end]`` with ``replacement`` (offsets into the source)."""

    start: int
    end: int
    replacement: str

    __slots__ = __match_args__ = ("start", "end", "replacement")

    def __init__(self, start: int, end: int, replacement: str) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "replacement", replacement)


class Fix(Record):
    """A suggested correction: one or more edits, applied together."""

    edits: tuple[Edit, ...]
    safety: Safety
    description: str

    __slots__ = __match_args__ = ("edits", "safety", "description")

    def __init__(self, edits: tuple[Edit, ...], safety: Safety = "unsafe",
                 description: str = "") -> None:
        object.__setattr__(self, "edits", edits)
        object.__setattr__(self, "safety", safety)
        object.__setattr__(self, "description", description)

    def apply(self, source: str) -> str:
        """The source with these edits applied (edits must not overlap)."""
        return apply_edits(source, self.edits)


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding, at an exact place of the source that was checked."""

    code: str
    name: str
    severity: Severity
    message: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    fix: Fix | None = None
    evidence: Mapping[str, Any] = field(default_factory=dict)
    fix_refused: str = ""
    """Why a fix the rule suggested is not offered (it would cross markup), or ""."""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready view (evidence values are already strings, numbers or lists)."""
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "fix": None
            if self.fix is None
            else {
                "safety": self.fix.safety,
                "description": self.fix.description,
                "edits": [
                    {"start": e.start, "end": e.end, "replacement": e.replacement}
                    for e in self.fix.edits
                ],
            },
            "evidence": dict(self.evidence),
            "fix_refused": self.fix_refused or None,
        }


def apply_edits(source: str, edits: tuple[Edit, ...] | list[Edit]) -> str:
    """Apply non-overlapping edits, from the last to the first so offsets stay valid."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    for before, after in pairwise(ordered):
        if after.start < before.end:
            raise ValueError(f"overlapping edits at {before.start}-{before.end} and {after.start}")
    text = source
    for edit in reversed(ordered):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text
