"""What every report format reads: the checked files, their findings, the run's facts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..diagnostics import Diagnostic
from ..records import Record
from ..rules.api import Rule


class FileReport(Record):
    """One checked file (or standard input) and its findings, sorted by offset."""

    path: str
    """The path as shown to the user: relative to the working directory when inside it."""
    source: str
    """The text the diagnostics' offsets, lines and columns refer to."""
    diagnostics: tuple[Diagnostic, ...]
    fixed: int
    """How many fixes were applied to this file's text (``--fix``)."""
    written: bool
    """Whether the fixed text was written (to the file, or to stdout for standard input):
    False when the write failed or was interrupted, so its ``fixed`` fixes are not on disk."""

    __slots__ = __match_args__ = ("path", "source", "diagnostics", "fixed", "written")

    def __init__(self, path: str, source: str, diagnostics: tuple[Diagnostic, ...] = (),
                 fixed: int = 0, written: bool = True) -> None:
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "source", source)
        object.__setattr__(self, "diagnostics", diagnostics)
        object.__setattr__(self, "fixed", fixed)
        object.__setattr__(self, "written", written)


class Report(Record):
    files: tuple[FileReport, ...]
    rules: tuple[type[Rule], ...]
    """Every installed rule (SARIF lists them as the tool's rules)."""
    fixing: bool
    """Whether fixes were applied (``--fix``): diagnostics are what remains."""
    unsafe_fixes: bool
    """Whether unsafe fixes were allowed (``--unsafe-fixes``)."""

    __slots__ = __match_args__ = ("files", "rules", "fixing", "unsafe_fixes")

    def __init__(self, files: tuple[FileReport, ...], rules: tuple[type[Rule], ...] = (),
                 fixing: bool = False, unsafe_fixes: bool = False) -> None:
        object.__setattr__(self, "files", files)
        object.__setattr__(self, "rules", rules)
        object.__setattr__(self, "fixing", fixing)
        object.__setattr__(self, "unsafe_fixes", unsafe_fixes)

    def findings(self) -> Iterator[tuple[FileReport, Diagnostic]]:
        for file in self.files:
            for diagnostic in file.diagnostics:
                yield file, diagnostic

    def count(self) -> Counter[str]:
        """Findings per severity."""
        return Counter(d.severity for _, d in self.findings())

    @property
    def fixed(self) -> int:
        """Fixes written (to their files, or to stdout for standard input)."""
        return sum(file.fixed for file in self.files if file.written)

    @property
    def fixed_files(self) -> int:
        return sum(1 for file in self.files if file.fixed and file.written)

    @property
    def unwritten(self) -> int:
        """Fixes applied in memory whose file could not be written."""
        return sum(file.fixed for file in self.files if not file.written)

    @property
    def unwritten_files(self) -> int:
        return sum(1 for file in self.files if file.fixed and not file.written)

    def tally(self) -> Tally:
        tally = Tally(fixing=self.fixing, unsafe_fixes=self.unsafe_fixes)
        for file in self.files:
            tally.add(file)
        return tally


@dataclass(slots=True)
class Tally:
    """What a summary says about a run, counted file by file: a report written as files
    are checked keeps these numbers, not the files' findings."""

    fixing: bool = False
    unsafe_fixes: bool = False
    files: int = 0
    severities: Counter[str] = field(default_factory=Counter)
    rules: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    """Findings per (code, name, severity), for ``--statistics``."""
    safe_fixes: int = 0
    unsafe_fixes_offered: int = 0
    fixed: int = 0
    fixed_files: int = 0
    unwritten: int = 0
    unwritten_files: int = 0

    def add(self, file: FileReport) -> None:
        self.files += 1
        for d in file.diagnostics:
            self.severities[d.severity] += 1
            self.rules[(d.code, d.name, d.severity)] += 1
            if d.fix is not None:
                if d.fix.safety == "safe":
                    self.safe_fixes += 1
                elif d.fix.safety == "unsafe":
                    self.unsafe_fixes_offered += 1
        if file.fixed and file.written:
            self.fixed += file.fixed
            self.fixed_files += 1
        elif file.fixed:
            self.unwritten += file.fixed
            self.unwritten_files += 1


@dataclass(frozen=True, slots=True)
class Options:
    """How to write a report (only the text format uses most of these)."""

    color: bool = False
    quiet: bool = False
    statistics: bool = False
    width: int = 100
    """Widest source excerpt, in terminal cells."""
    lang: str = "fr"
    """Language of the report's own words (summary, hints, labels, evidence)."""
    rules: tuple[type[Rule], ...] = ()
    """The rules whose ``evidence_labels`` the text report shows (default: the report's)."""
