"""Applying fixes: the safe ones (``--fix``), the unsafe ones too (``--unsafe-fixes``).

Fixes are applied in passes: the non-overlapping fixes of a pass are applied together,
then the text is checked again (offsets moved, a fix may reveal or settle another
finding), until no fix is left or after :data:`MAX_PASSES` passes. The diagnostics
returned are those of the final text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..diagnostics import Diagnostic, Edit, apply_edits

MAX_PASSES = 10


@dataclass(frozen=True, slots=True)
class Fixed:
    text: str
    diagnostics: list[Diagnostic]
    applied: int


def fixable(diagnostic: Diagnostic, unsafe: bool) -> bool:
    fix = diagnostic.fix
    return fix is not None and bool(fix.edits) and (fix.safety == "safe" or unsafe)


def fix_text(text: str, check: Callable[[str], list[Diagnostic]], *, unsafe: bool) -> Fixed:
    """``text`` with every applicable fix applied, and what is left to report."""
    applied = 0
    diagnostics = check(text)
    for _ in range(MAX_PASSES):
        chosen = non_overlapping([d for d in diagnostics if fixable(d, unsafe)])
        if not chosen:
            break
        fixed = apply_edits(text, [edit for d in chosen for edit in d.fix.edits])  # type: ignore[union-attr]
        if fixed == text:
            break
        text = fixed
        applied += len(chosen)
        diagnostics = check(text)
    return Fixed(text, diagnostics, applied)


def non_overlapping(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """The fixes that can be applied together, first come first served."""
    taken: list[Edit] = []
    chosen = []
    for diagnostic in diagnostics:
        edits = diagnostic.fix.edits if diagnostic.fix else ()
        clash = any(_overlap(a, b) for a in edits for b in taken) or any(
            _overlap(a, b) for i, a in enumerate(edits) for b in edits[i + 1 :]
        )
        if not clash:
            taken.extend(edits)
            chosen.append(diagnostic)
    return chosen


def _overlap(a: Edit, b: Edit) -> bool:
    return a.start == b.start or (a.start < b.end and b.start < a.end)
