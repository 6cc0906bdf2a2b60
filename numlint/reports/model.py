"""What every report format reads: the checked files, their findings, the run's facts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from ..diagnostics import Diagnostic
from ..rules.api import Rule


@dataclass(frozen=True, slots=True)
class FileReport:
    """One checked file (or standard input) and its findings, sorted by offset."""

    path: str
    """The path as shown to the user: relative to the working directory when inside it."""
    source: str
    """The text the diagnostics' offsets, lines and columns refer to."""
    diagnostics: tuple[Diagnostic, ...] = ()
    fixed: int = 0
    """How many fixes were applied to this file (``--fix``)."""


@dataclass(frozen=True, slots=True)
class Report:
    files: tuple[FileReport, ...]
    rules: tuple[type[Rule], ...] = ()
    """Every installed rule (SARIF lists them as the tool's rules)."""
    fixing: bool = False
    """Whether fixes were applied (``--fix``): diagnostics are what remains."""
    unsafe_fixes: bool = False
    """Whether unsafe fixes were allowed (``--unsafe-fixes``)."""

    def findings(self) -> Iterator[tuple[FileReport, Diagnostic]]:
        for file in self.files:
            for diagnostic in file.diagnostics:
                yield file, diagnostic

    def count(self) -> Counter[str]:
        """Findings per severity."""
        return Counter(d.severity for _, d in self.findings())

    @property
    def fixed(self) -> int:
        return sum(file.fixed for file in self.files)


@dataclass(frozen=True, slots=True)
class Options:
    """How to write a report (only the text format uses most of these)."""

    color: bool = False
    quiet: bool = False
    statistics: bool = False
    width: int = 100
    """Widest source excerpt, in terminal cells."""
