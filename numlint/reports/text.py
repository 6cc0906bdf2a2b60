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
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TextIO

from ..diagnostics import Diagnostic, Edit, apply_edits
from ..evidence import describe_evidence
from ..i18n import DEFAULT_LANGUAGE, N_, plural, render, translate
from ..rules.api import Rule
from .excerpt import excerpt
from .model import FileReport, Options, Report, Tally

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
_SEVERITIES = {"error": N_("error"), "warning": N_("warning"), "info": N_("info")}
_SAFETY = {"safe": N_("safe"), "unsafe": N_("unsafe")}


def write(report: Report, stream: TextIO, options: Options) -> None:
    writer = Writer(stream, options, report.rules, report.fixing, report.unsafe_fixes)
    for file in report.files:
        writer.add(file)
    writer.close()


class Writer:
    """The report written file by file: each file's findings as it comes, the summary
    (counted on the way) at the end. Nothing of a file is kept once it is written."""

    def __init__(self, stream: TextIO, options: Options, rules: tuple[type[Rule], ...] = (),
                 fixing: bool = False, unsafe_fixes: bool = False) -> None:
        if not options.rules and rules:
            options = replace(options, rules=rules)
        self.stream = stream
        self.options = options
        self.paint = _painter(options.color)
        self.tally = Tally(fixing=fixing, unsafe_fixes=unsafe_fixes)

    def add(self, file: FileReport) -> None:
        self.tally.add(file)
        if self.options.statistics:
            return
        for diagnostic in file.diagnostics:
            self.stream.write(finding(file, diagnostic, self.options, self.paint))
            self.stream.write("\n")

    def close(self) -> None:
        if self.options.statistics:
            _statistics(self.tally, self.stream, self.options.lang)
        if not self.options.quiet:
            self.stream.write(summary(self.tally, self.options.lang) + "\n")
            for hint in hints(self.tally, self.options.lang):
                self.stream.write(self.paint("note", hint) + "\n")


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
        severity = translate(_SEVERITIES.get(d.severity, d.severity), options.lang)
        label = paint(d.severity, f"{severity} ({d.name})")
        lines += [
            paint("gutter", f"{gutter} |"),
            paint("gutter", f"{d.line} |") + f" {shown.text}",
            paint("gutter", f"{gutter} |") + f" {paint(d.severity, shown.marker)} {label}",
        ]
        indent = gutter
    else:
        indent = ""
    evidence = describe_evidence(d.evidence, options.lang, evidence_labels(d.code, options))
    if evidence:
        label = translate(N_("evidence: {evidence}"), options.lang)
        lines.append(paint("note", f"{indent} = " + label.format(evidence=evidence)))
    fix = describe_fix(file.source, d, options.lang)
    if fix:
        lines.append(paint("fix", f"{indent} = {fix}"))
    return "\n".join(lines) + "\n"


def evidence_labels(code: str, options: Options) -> Mapping[str, str]:
    """The ``evidence_labels`` the rule of ``code`` declares, if it is known."""
    for rule in options.rules:
        if rule.code == code:
            return getattr(rule, "evidence_labels", {}) or {}
    return {}


def describe_fix(source: str, diagnostic: Diagnostic, lang: str = DEFAULT_LANGUAGE) -> str:
    """``fix (unsafe): “before” → “after”``, or an empty string when there is no fix."""
    fix = diagnostic.fix
    if fix is None or not fix.edits:
        return ""
    start = min(diagnostic.start, *(e.start for e in fix.edits))
    end = max(diagnostic.end, *(e.end for e in fix.edits))
    safety = translate(_SAFETY.get(fix.safety, fix.safety), lang)
    if not source or end > len(source):
        changes = ", ".join(_quoted(e.replacement, lang) for e in fix.edits)
        return render(N_("fix ({safety}): {changes}"), {"safety": safety, "changes": changes},
                      lang)
    before = source[start:end]
    after = apply_edits(
        before, [Edit(e.start - start, e.end - start, e.replacement) for e in fix.edits]
    )
    if not after.strip():
        return render(N_("fix ({safety}): remove {before}"),
                      {"safety": safety, "before": _quoted(_one_line(before), lang)}, lang)
    return render(N_("fix ({safety}): {before} → {after}"),
                  {"safety": safety, "before": _quoted(_one_line(before), lang),
                   "after": _quoted(_one_line(after), lang)}, lang)


def _quoted(text: str, lang: str) -> str:
    """“text” in English, « text » in French (as the messages of the catalog quote)."""
    return f"“{text}”" if lang == "en" else f"« {text} »"


def _one_line(text: str) -> str:
    """A figure wrapped across source lines, shown on one (``95 millions`` for ``95⏎
    millions``): the report line stays a line. Other spaces are kept as they are (a fix
    may be about a no-break space)."""
    return _LINE_BREAK.sub(" ", text.strip())


_LINE_BREAK = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*")


def summary(report: Report | Tally, lang: str = DEFAULT_LANGUAGE) -> str:
    """``N findings (E errors, W warnings) in F files``, and what ``--fix`` wrote."""
    if isinstance(report, Report):
        report = report.tally()
    counts = report.severities
    total = sum(counts.values())
    detail = [_plural(counts["error"], _ERRORS, lang),
              _plural(counts["warning"], _WARNINGS, lang)]
    if counts["info"]:
        detail.append(_plural(counts["info"], _INFOS, lang))
    files = _plural(report.files, _FILES, lang)
    findings = _plural(total, _FINDINGS, lang)
    if total:
        text = render(N_("{findings} ({detail}) in {files}"),
                      {"findings": findings, "detail": ", ".join(detail), "files": files}, lang)
    else:
        text = render(N_("{findings} in {files}"), {"findings": findings, "files": files}, lang)
    if not report.fixing:
        return text
    written = render(N_("{fixes} to {files}"), {
        "fixes": _plural(report.fixed, _FIXES_WRITTEN, lang),
        "files": _plural(report.fixed_files, _FILES, lang)}, lang)
    if report.unwritten:
        written += render(N_(", {fixes} ({files})"), {
            "fixes": _plural(report.unwritten, _FIXES_NOT_WRITTEN, lang),
            "files": _plural(report.unwritten_files, _FILES_UNCHANGED, lang)}, lang)
    return render(N_("{written}; {left} left"), {"written": written, "left": text}, lang)


def hints(report: Report | Tally, lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """Which fixes another run could apply."""
    if isinstance(report, Report):
        report = report.tally()
    if report.fixing and report.unsafe_fixes:
        return []
    safe, unsafe = report.safe_fixes, report.unsafe_fixes_offered
    found = []
    if safe and not report.fixing:
        found.append(render(N_("{fixes} with --fix."),
                            {"fixes": _plural(safe, _FIXES_AVAILABLE, lang)}, lang))
    if unsafe and not report.unsafe_fixes:
        found.append(render(
            N_("{fixes} (changing a figure): review with --diff --unsafe-fixes, apply with "
               "--fix --unsafe-fixes."), {"fixes": _plural(unsafe, _UNSAFE_FIXES, lang)}, lang))
    return found


_FINDINGS = (N_("{n} finding"), N_("{n} findings"))
_ERRORS = (N_("{n} error"), N_("{n} errors"))
_WARNINGS = (N_("{n} warning"), N_("{n} warnings"))
_INFOS = (N_("{n} info"), N_("{n} info"))
_FILES = (N_("{n} file"), N_("{n} files"))
_FILES_UNCHANGED = (N_("{n} file unchanged"), N_("{n} files unchanged"))
_FIXES_WRITTEN = (N_("{n} fix written"), N_("{n} fixes written"))
_FIXES_NOT_WRITTEN = (N_("{n} fix not written"), N_("{n} fixes not written"))
_FIXES_AVAILABLE = (N_("{n} fix available"), N_("{n} fixes available"))
_UNSAFE_FIXES = (N_("{n} unsafe fix"), N_("{n} unsafe fixes"))


def _statistics(tally: Tally, stream: TextIO, lang: str = DEFAULT_LANGUAGE) -> None:
    counts = tally.rules
    width = max((len(str(n)) for n in counts.values()), default=1)
    codes = max((len(code) for code, _, _ in counts), default=0)
    names = max((len(name) for _, name, _ in counts), default=0)
    for (code, name, severity), number in sorted(counts.items(), key=lambda i: (-i[1], i[0])):
        shown = translate(_SEVERITIES.get(severity, severity), lang)
        stream.write(f"{number:>{width}}  {code:<{codes}}  {name:<{names}}  {shown}\n")


def _plural(number: int, forms: tuple[str, str], lang: str) -> str:
    """``forms`` (singular, plural message ids) for ``number``: French puts 0 and 1 in the
    singular (« 0 erreur »), English only 1."""
    return plural(number, forms, lang)


def _painter(color: bool) -> Paint:
    def paint(style: str, text: str) -> str:
        if not color or not text:
            return text
        return f"{_STYLES[style]}{text}{_RESET}"

    return paint
