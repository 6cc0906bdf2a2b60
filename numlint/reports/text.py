"""The human report: ``path:line:col: CODE message``, the line with the figure underlined,
the evidence, the suggested fix, and a summary.

```
examples/article.md:9:118: NL101 « 95 millions d'euros » ne peut pas être …
  |
9 | …la somme de 97,4 milliards de dollars (près de 95 millions d'euros), la…
  |                                                 ^~~~~~~~~~~~~~~~~~~ error (conversion-magnitude)
  = evidence: 1 EUR = 1.0324 USD on 2025-02-11 (ECB …); ratio 993.087
  = fix (unsafe): “95 millions d'euros” → “95 milliards d'euros”

1 finding (1 error, 0 warnings) in 1 file
```

The first line of each finding is what editors and CI problem matchers parse.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any, TextIO

from ..diagnostics import Diagnostic, Edit, apply_edits
from .excerpt import excerpt
from .model import FileReport, Options, Report

Paint = Callable[[str, str], str]
"""``paint(style, text)``: the text in a style, or as is when colour is off."""

_RESET = "\x1b[0m"
_STYLES = {
    "error": "\x1b[1;31m",
    "warning": "\x1b[1;33m",
    "info": "\x1b[1;36m",
    "location": "\x1b[1m",
    "gutter": "\x1b[34m",
    "note": "\x1b[2m",
    "fix": "\x1b[32m",
}
_DATE_ORIGINS = {
    "given": "given",
    "document": "from the document",
    "latest-rate": "no date found: the latest rate was used",
}


def write(report: Report, stream: TextIO, options: Options) -> None:
    paint = _painter(options.color)
    if options.statistics:
        _statistics(report, stream)
    else:
        for file, diagnostic in report.findings():
            stream.write(finding(file, diagnostic, options, paint))
            stream.write("\n")
    if not options.quiet:
        stream.write(summary(report) + "\n")
        for hint in hints(report):
            stream.write(paint("note", hint) + "\n")


def finding(file: FileReport, diagnostic: Diagnostic, options: Options,
            paint: Paint | None = None) -> str:
    """One finding as a block of lines (ending with a line break)."""
    paint = paint or _painter(False)
    d = diagnostic
    head = (
        paint("location", f"{file.path}:{d.line}:{d.column}:")
        + f" {paint(d.severity, d.code)} {d.message}"
    )
    lines = [head]
    if file.source:
        shown = excerpt(file.source, d, options.width)
        gutter = " " * len(str(d.line))
        label = paint(d.severity, f"{d.severity} ({d.name})")
        lines += [
            paint("gutter", f"{gutter} |"),
            paint("gutter", f"{d.line} |") + f" {shown.text}",
            paint("gutter", f"{gutter} |") + f" {paint(d.severity, shown.marker)} {label}",
        ]
        indent = gutter
    else:
        indent = ""
    evidence = describe_evidence(d.evidence)
    if evidence:
        lines.append(paint("note", f"{indent} = evidence: {evidence}"))
    fix = describe_fix(file.source, d)
    if fix:
        lines.append(paint("fix", f"{indent} = {fix}"))
    return "\n".join(lines) + "\n"


def describe_evidence(evidence: Mapping[str, Any]) -> str:
    """The facts a reviewer checks by hand: rate, ratio, the date they were taken for."""
    parts = []
    if "rate" in evidence:
        rate = f"{evidence['rate']}"
        if evidence.get("rate_date"):
            rate += f" on {evidence['rate_date']}"
        if evidence.get("rate_fallback"):
            rate += f" ({evidence['rate_fallback']})"
        if evidence.get("rate_source"):
            rate += f", {evidence['rate_source']}"
        parts.append(rate)
    if "ratio" in evidence:
        parts.append(f"ratio {evidence['ratio']}")
    if "date" in evidence and "rate" in evidence:
        origin = _DATE_ORIGINS.get(str(evidence.get("date_origin")), "")
        parts.append(f"article date {evidence['date']}" + (f" ({origin})" if origin else ""))
    return "; ".join(parts)


def describe_fix(source: str, diagnostic: Diagnostic) -> str:
    """``fix (unsafe): “before” → “after”``, or an empty string when there is no fix."""
    fix = diagnostic.fix
    if fix is None or not fix.edits:
        return ""
    start = min(diagnostic.start, *(e.start for e in fix.edits))
    end = max(diagnostic.end, *(e.end for e in fix.edits))
    if not source or end > len(source):
        changes = ", ".join(f"“{e.replacement}”" for e in fix.edits)
        return f"fix ({fix.safety}): {changes}"
    before = source[start:end]
    after = apply_edits(
        before, [Edit(e.start - start, e.end - start, e.replacement) for e in fix.edits]
    )
    if not after.strip():
        return f"fix ({fix.safety}): remove “{_one_line(before)}”"
    return f"fix ({fix.safety}): “{_one_line(before)}” → “{_one_line(after)}”"


def _one_line(text: str) -> str:
    """A figure wrapped across source lines, shown on one (``95 millions`` for ``95⏎
    millions``): the report line stays a line. Other spaces are kept as they are (a fix
    may be about a no-break space)."""
    return _LINE_BREAK.sub(" ", text.strip())


_LINE_BREAK = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*")


def summary(report: Report) -> str:
    """``N findings (E errors, W warnings) in F files``, and what ``--fix`` did."""
    counts = report.count()
    total = sum(counts.values())
    detail = [_plural(counts["error"], "error"), _plural(counts["warning"], "warning")]
    if counts["info"]:
        detail.append(f"{counts['info']} info")
    text = f"{_plural(total, 'finding')}"
    if total:
        text += f" ({', '.join(detail)})"
    text += f" in {_plural(len(report.files), 'file')}"
    if report.fixing:
        text = f"{_plural(report.fixed, 'fix', 'fixes')} applied; {text} left"
    return text


def hints(report: Report) -> list[str]:
    """Which fixes another run could apply."""
    if report.fixing and report.unsafe_fixes:
        return []
    safe = sum(1 for _, d in report.findings() if d.fix and d.fix.safety == "safe")
    unsafe = sum(1 for _, d in report.findings() if d.fix and d.fix.safety == "unsafe")
    found = []
    if safe and not report.fixing:
        found.append(f"{_plural(safe, 'fix', 'fixes')} available with --fix.")
    if unsafe and not report.unsafe_fixes:
        found.append(
            f"{_plural(unsafe, 'unsafe fix', 'unsafe fixes')} (changing a figure): review with "
            "--diff --unsafe-fixes, apply with --fix --unsafe-fixes."
        )
    return found


def _statistics(report: Report, stream: TextIO) -> None:
    counts: Counter[tuple[str, str, str]] = Counter(
        (d.code, d.name, d.severity) for _, d in report.findings()
    )
    width = max((len(str(n)) for n in counts.values()), default=1)
    codes = max((len(code) for code, _, _ in counts), default=0)
    names = max((len(name) for _, name, _ in counts), default=0)
    for (code, name, severity), number in sorted(counts.items(), key=lambda i: (-i[1], i[0])):
        stream.write(f"{number:>{width}}  {code:<{codes}}  {name:<{names}}  {severity}\n")


def _plural(number: int, word: str, plural: str | None = None) -> str:
    return f"{number} {word if number == 1 else (plural or word + 's')}"


def _painter(color: bool) -> Paint:
    def paint(style: str, text: str) -> str:
        if not color or not text:
            return text
        return f"{_STYLES[style]}{text}{_RESET}"

    return paint
