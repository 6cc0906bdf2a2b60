"""Checking a rule against a sample whose expected finding is marked inline.

``la somme de 97,4 milliards de dollars (près de {{95 millions d'euros}})`` expects one
finding of the rule on ``95 millions d'euros``; a sample without marks expects none.
The same checker runs the built-in rules' examples, the ``*.numlint.toml`` case files
collected by the pytest plugin, and the ``numlint_check.expect()`` fixture method; when
a case fails, :meth:`CaseResult.report` shows the sample with a caret line under the
expected and the found spans, and a diff of the fixed text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from ..diagnostics import Diagnostic, Edit, apply_edits

if TYPE_CHECKING:
    from ..sources.prose import Format

OPEN, CLOSE = "{{", "}}"
INTERNAL_ERROR = "NL000"


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
        stray = sample.find(CLOSE, position)
        if stray >= 0 and (opening < 0 or stray < opening):
            raise ValueError(f"{CLOSE} without {OPEN} at {stray} in {sample!r}")
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
    """What a case expected, what the rule did, and every difference between the two."""

    text: str
    diagnostics: tuple[Diagnostic, ...]
    problems: tuple[str, ...]
    expected: tuple[tuple[int, int, str | None], ...] = ()
    """The marked spans, each with the code expected there (None: any selected rule)."""
    fixed_expected: str | None = None
    fixed_actual: str | None = None
    """The text with every fix applied, when a fixed text was expected."""
    format: str = "text"
    date: date | None = None
    lang: str = "fr"

    @property
    def passed(self) -> bool:
        return not self.problems

    def report(self) -> str:
        """A readable account of a failed case (empty when it passed)."""
        if self.passed:
            return ""
        return render_report(self)


def check_case(
    code: str | Sequence[str],
    sample: str,
    *,
    fixed: str | None = None,
    format: Format = "text",
    date: date | None = None,
    config: Mapping[str, Any] | None = None,
    messages: Sequence[str] = (),
    lang: str = "fr",
    codes: Sequence[str] | None = None,
    safety: str | None = None,
    fixable: bool | None = None,
) -> CaseResult:
    """Run rule ``code`` (or several) on a marked sample and list what differs.

    ``messages`` are substrings of the findings' messages, one per finding in the order
    of the text (a space in them matches a no-break or narrow no-break space); ``codes``
    the code expected at each mark, in order (needed only when several rules run);
    ``fixed`` the whole text once every fix is applied; ``safety`` the safety every fix
    must have; ``fixable`` whether findings must (or must not) come with a fix.
    Raises :class:`numlint.ConfigError` for an unknown rule or setting, ValueError for
    a malformed sample.
    """
    from ..pipeline import check

    selected = (code,) if isinstance(code, str) else tuple(code)
    if not selected:
        raise ValueError("check_case needs at least one rule code")
    marked = parse_marked(sample)
    expected_codes = _expected_codes(selected, marked, codes)
    settings = {**(config or {}), "select": list(selected)}
    diagnostics = tuple(
        d for d in check(marked.text, format=format, date=date, config=settings, lang=lang)
        if d.code in selected or d.code == INTERNAL_ERROR
    )
    findings = [d for d in diagnostics if d.code != INTERNAL_ERROR]
    expected = tuple(
        (start, end, expected_code)
        for (start, end), expected_code in zip(marked.spans, expected_codes, strict=True)
    )
    problems = [
        *_span_problems(marked.text, expected, findings),
        *_internal_errors(diagnostics),
        *_message_problems(messages, findings),
        *_fix_kind_problems(findings, safety, fixable),
    ]
    fixed_actual = None
    if fixed is not None:
        fixed_actual, fix_problems = _fix_problems(marked.text, findings, fixed)
        problems.extend(fix_problems)
    return CaseResult(
        marked.text,
        diagnostics,
        tuple(problems),
        expected=expected,
        fixed_expected=fixed,
        fixed_actual=fixed_actual,
        format=format,
        date=date,
        lang=lang,
    )


def _expected_codes(
    selected: tuple[str, ...], marked: MarkedText, codes: Sequence[str] | None
) -> list[str | None]:
    if codes is None:
        only = selected[0] if len(selected) == 1 else None
        return [only] * len(marked.spans)
    if len(codes) != len(marked.spans):
        raise ValueError(
            f"{len(codes)} expected code(s) for {len(marked.spans)} marked span(s): "
            "give one code per {{…}}, in order"
        )
    unknown = [c for c in codes if c not in selected]
    if unknown:
        raise ValueError(f"expected code {unknown[0]} is not among the rules run ({selected})")
    return list(codes)


def _span_problems(
    text: str, expected: Sequence[tuple[int, int, str | None]], found: Sequence[Diagnostic]
) -> list[str]:
    wanted = sorted(expected, key=lambda e: (e[0], e[1]))
    got = sorted(((d.start, d.end, d.code) for d in found), key=lambda e: (e[0], e[1]))
    matches = [(s, e) for s, e, _ in wanted] == [(s, e) for s, e, _ in got] and all(
        w[2] is None or w[2] == g[2] for w, g in zip(wanted, got, strict=True)
    )
    if matches:
        return []
    return [
        "expected "
        + (_show_spans(text, wanted) if wanted else "no finding")
        + ", found "
        + (_show_spans(text, got) if got else "none")
    ]


def _internal_errors(diagnostics: Sequence[Diagnostic]) -> list[str]:
    return [f"internal error: {d.message}" for d in diagnostics if d.code == INTERNAL_ERROR]


def _message_problems(messages: Sequence[str], found: Sequence[Diagnostic]) -> list[str]:
    ordered = sorted(found, key=lambda d: (d.start, d.end))
    problems = []
    for index, expected in enumerate(messages):
        if index >= len(ordered):
            problems.append(f"expected a finding whose message contains {expected!r}, "
                            f"found only {len(ordered)} finding(s)")
        elif _spaces_folded(expected) not in _spaces_folded(ordered[index].message):
            problems.append(
                f"message {ordered[index].message!r} does not contain {expected!r}"
            )
    return problems


_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " "})


def _spaces_folded(text: str) -> str:
    """Messages format numbers with no-break spaces (``1\u202f000``): a test writes a space."""
    return text.translate(_SPACES)


def _fix_kind_problems(
    found: Sequence[Diagnostic], safety: str | None, fixable: bool | None
) -> list[str]:
    problems = []
    for diagnostic in sorted(found, key=lambda d: (d.start, d.end)):
        where = f"{diagnostic.code} at {diagnostic.start}-{diagnostic.end}"
        if fixable is True and diagnostic.fix is None:
            problems.append(f"{where} has no fix, expected one")
        if fixable is False and diagnostic.fix is not None:
            problems.append(f"{where} has a fix, expected none")
        if safety is not None and diagnostic.fix is not None and diagnostic.fix.safety != safety:
            problems.append(f"{where} has a {diagnostic.fix.safety} fix, expected {safety}")
    return problems


def _fix_problems(
    text: str, found: Sequence[Diagnostic], fixed: str
) -> tuple[str | None, list[str]]:
    edits: list[Edit] = [edit for d in found if d.fix is not None for edit in d.fix.edits]
    if not edits and fixed != text:
        return text, ["expected a fix, found no fix"]
    try:
        result = apply_edits(text, edits)
    except ValueError as error:
        return None, [f"the fixes cannot all be applied: {error}"]
    if result != fixed:
        return result, ["the fixed text differs from the expected one"]
    return result, []


def _show_spans(text: str, spans: Sequence[tuple[int, int, str | None]]) -> str:
    return ", ".join(
        f"{code or 'a finding'} at {s}-{e} {text[s:e]!r}" for s, e, code in spans
    )


# -- the report of a failed case -------------------------------------------------------------

CONTEXT_LINES = 2
LONG_SAMPLE = 12


def render_report(result: CaseResult) -> str:
    """The problems, the sample with carets under the expected and found spans, the
    diagnostics and a diff of the fixed text."""
    facts = [result.format]
    if result.date is not None:
        facts.append(f"dated {result.date.isoformat()}")
    facts.append(f"lang {result.lang}")
    found = [(d.start, d.end, d.code) for d in result.diagnostics if d.code != INTERNAL_ERROR]
    lines = [*result.problems, ""]
    lines.append(f"sample ({', '.join(facts)}):")
    lines.extend(_annotated(result.text, result.expected, found))
    lines.append("")
    if result.diagnostics:
        lines.append("diagnostics:")
        for d in result.diagnostics:
            lines.append(
                f"  {d.line}:{d.column}-{d.end_line}:{d.end_column} {d.code} {d.severity}: "
                f"{d.message}"
            )
            if d.fix is not None:
                edits = ", ".join(
                    f"{e.start}-{e.end} -> {e.replacement!r}" for e in d.fix.edits
                )
                lines.append(f"      fix ({d.fix.safety}): {edits}")
    else:
        lines.append("diagnostics: none")
    if result.fixed_expected is not None and result.fixed_actual is not None and (
        result.fixed_expected != result.fixed_actual
    ):
        lines.append("")
        lines.append("fixed text (- expected, + actual):")
        lines.extend(_diff(result.fixed_expected, result.fixed_actual))
    return "\n".join(lines).rstrip() + "\n"


def _annotated(
    text: str,
    expected: Sequence[tuple[int, int, str | None]],
    found: Sequence[tuple[int, int, str]],
) -> list[str]:
    """The text, numbered, with a caret line under every expected and found span."""
    rows = text.split("\n")
    starts = _row_starts(rows)
    marks = [(s, e, f"expected {code or 'a finding'}") for s, e, code in expected]
    marks += [(s, e, f"found {code}") for s, e, code in found]
    width = len(str(len(rows)))
    out = []
    previous = -1
    for number in sorted(_shown_rows(rows, starts, marks)):
        if previous >= 0 and number != previous + 1:
            out.append(f"  {' ' * width} | …")
        previous = number
        out.append(f"  {number + 1:>{width}} | {_visible(rows[number])}")
        out.extend(_caret_lines(marks, starts[number], len(rows[number]), width))
    if not expected and not found:
        out.append(f"  {' ' * width} | (no span expected, none found)")
    return out


def _row_starts(rows: Sequence[str]) -> list[int]:
    starts, offset = [], 0
    for row in rows:
        starts.append(offset)
        offset += len(row) + 1
    return starts


def _shown_rows(rows: Sequence[str], starts: Sequence[int],
                marks: Sequence[tuple[int, int, str]]) -> set[int]:
    """Every row of a short sample; of a long one, the marked rows and their context."""
    if len(rows) <= LONG_SAMPLE:
        return set(range(len(rows)))
    marked = {number for number, start in enumerate(starts)
              if any(_caret_columns(s, e, start, len(rows[number])) for s, e, _ in marks)}
    return {n for m in marked for n in range(m - CONTEXT_LINES, m + CONTEXT_LINES + 1)
            if 0 <= n < len(rows)} or set(range(min(len(rows), LONG_SAMPLE)))


def _caret_lines(marks: Sequence[tuple[int, int, str]], row_start: int, row_length: int,
                 width: int) -> list[str]:
    lines = []
    for start, end, label in marks:
        columns = _caret_columns(start, end, row_start, row_length)
        if columns is not None:
            first, last = columns
            carets = " " * first + "^" * max(1, last - first)
            lines.append(f"  {' ' * width} | {carets} {label}")
    return lines


def _caret_columns(start: int, end: int, row_start: int, row_length: int) -> tuple[int, int] | None:
    row_end = row_start + row_length
    if start == end:
        return (start - row_start, start - row_start) if row_start <= start <= row_end else None
    first, last = max(start, row_start), min(end, row_end)
    if first >= last:
        return None
    return first - row_start, last - row_start


def _visible(row: str) -> str:
    """A row with tabs shown as one space, so the carets stay under their characters."""
    return row.replace("\t", " ").replace("\r", " ")


def _diff(expected: str, actual: str) -> list[str]:
    import difflib

    lines = [
        f"  {line.rstrip(chr(10))}"
        for line in difflib.ndiff(expected.splitlines(True), actual.splitlines(True))
    ]
    position = next(
        (i for i, (a, b) in enumerate(zip(expected, actual, strict=False)) if a != b),
        min(len(expected), len(actual)),
    )
    line = expected.count("\n", 0, position) + 1
    column = position - (expected.rfind("\n", 0, position) + 1) + 1
    lines.append(
        f"  first difference at line {line}, column {column}: expected "
        f"{_character(expected, position)}, got {_character(actual, position)}"
    )
    return lines


def _character(text: str, position: int) -> str:
    if position >= len(text):
        return "the end of the text"
    char = text[position]
    name = unicodedata.name(char, "")
    return f"{char!r} (U+{ord(char):04X}{' ' + name if name else ''})"
