"""Checking a rule against a sample whose expected finding is marked inline.

``la somme de 97,4 milliards de dollars (près de {{95 millions d'euros}})`` expects one
finding of the rule on ``95 millions d'euros``; a sample without marks expects none.
The same checker runs the built-in rules' examples and rule authors' case files.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..diagnostics import Diagnostic

OPEN, CLOSE = "{{", "}}"


@dataclass(frozen=True, slots=True)
class MarkedText:
    text: str
    spans: tuple[tuple[int, int], ...]


def parse_marked(sample: str) -> MarkedText:
    """Remove ``{{ }}`` marks and return the clean text with the marked spans."""
    text_parts: list[str] = []
    spans: list[tuple[int, int]] = []
    position = 0
    length = 0
    while True:
        opening = sample.find(OPEN, position)
        if opening < 0:
            text_parts.append(sample[position:])
            break
        closing = sample.find(CLOSE, opening + 2)
        if closing < 0:
            raise ValueError(f"unclosed {OPEN} at {opening} in {sample!r}")
        before = sample[position:opening]
        inside = sample[opening + 2 : closing]
        if OPEN in inside:
            raise ValueError(f"nested {OPEN} at {opening} in {sample!r}")
        text_parts.extend([before, inside])
        start = length + len(before)
        spans.append((start, start + len(inside)))
        length = start + len(inside)
        position = closing + 2
    return MarkedText("".join(text_parts), tuple(spans))


@dataclass(frozen=True, slots=True)
class CaseResult:
    text: str
    diagnostics: tuple[Diagnostic, ...]
    problems: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return not self.problems


def check_case(
    code: str,
    sample: str,
    *,
    fixed: str | None = None,
    format: str = "text",
    date: date | None = None,
    config: Mapping[str, Any] | None = None,
    messages: Sequence[str] = (),
    lang: str = "fr",
) -> CaseResult:
    """Run rule ``code`` on a marked sample and list what differs from the expectation."""
    from ..pipeline import check

    marked = parse_marked(sample)
    settings = {**(config or {}), "select": [code]}
    diagnostics = tuple(
        d for d in check(marked.text, format=format, date=date, config=settings, lang=lang)
        if d.code == code or d.code == "NL000"
    )
    problems = [*_span_problems(marked, diagnostics), *_internal_errors(diagnostics)]
    for expected, diagnostic in zip(messages, diagnostics, strict=False):
        if expected not in diagnostic.message:
            problems.append(f"message {diagnostic.message!r} does not contain {expected!r}")
    if fixed is not None:
        problems.extend(_fix_problems(marked.text, diagnostics, fixed))
    return CaseResult(marked.text, diagnostics, tuple(problems))


def _span_problems(marked: MarkedText, diagnostics: Sequence[Diagnostic]) -> list[str]:
    found = sorted((d.start, d.end) for d in diagnostics if d.code != "NL000")
    wanted = sorted(marked.spans)
    if found == wanted:
        return []
    return [
        "expected findings at "
        + (_show_spans(marked.text, wanted) or "no place")
        + ", got "
        + (_show_spans(marked.text, found) or "none")
    ]


def _internal_errors(diagnostics: Sequence[Diagnostic]) -> list[str]:
    return [f"internal error: {d.message}" for d in diagnostics if d.code == "NL000"]


def _fix_problems(text: str, diagnostics: Sequence[Diagnostic], fixed: str) -> list[str]:
    fixes = [d.fix for d in diagnostics if d.fix is not None]
    if not fixes:
        return [f"expected a fix giving {fixed!r}, got no fix"]
    result = text
    for fix in sorted(fixes, key=lambda f: -f.edits[0].start):
        result = fix.apply(result)
    if result != fixed:
        return [f"fix gives {result!r}, expected {fixed!r}"]
    return []


def _show_spans(text: str, spans: Sequence[tuple[int, int]]) -> str:
    return ", ".join(f"{s}-{e} {text[s:e]!r}" for s, e in spans)
