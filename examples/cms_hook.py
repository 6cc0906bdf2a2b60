"""A CMS publishing hook: check an article before it goes live.

The CMS calls :func:`before_publish` when an editor presses "Publish". Each finding is
shown at its exact place in the stored HTML, with its message and, when numlint has one,
a suggested correction that the editor accepts or not. Errors block publication until
they are corrected or the editor overrides them.

Run it on the example article: ``python examples/cms_hook.py examples/article.html``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numlint
from numlint.diagnostics import apply_edits


@dataclass(frozen=True)
class Finding:
    """What the editor sees: where, what, and the suggested correction."""

    diagnostic: numlint.Diagnostic
    figure: str
    """The figure as stored in the HTML (entities included)."""
    context: str
    """The figure in its sentence, marked with ⟦ ⟧, for a side panel."""
    suggestion: str | None
    """The figure as the fix would rewrite it, or None when there is no fix."""

    @property
    def needs_confirmation(self) -> bool:
        """An unsafe fix changes a figure: a person must confirm it."""
        fix = self.diagnostic.fix
        return fix is not None and fix.safety == "unsafe"


def review(html: str, *, published: date | None = None) -> list[Finding]:
    """Check the article; ``published`` defaults to the date its meta tags state."""
    return [_finding(html, d) for d in numlint.check(html, format="html", date=published)]


def _finding(html: str, d: numlint.Diagnostic) -> Finding:
    figure = html[d.start : d.end]
    before = html[max(0, d.start - 60) : d.start].rsplit(">", 1)[-1]
    after = html[d.end : d.end + 60].split("<", 1)[0]
    suggestion = None
    if d.fix is not None:
        start = min(d.start, *(e.start for e in d.fix.edits))
        end = max(d.end, *(e.end for e in d.fix.edits))
        suggestion = apply_edits(
            html[start:end],
            [numlint.Edit(e.start - start, e.end - start, e.replacement) for e in d.fix.edits],
        )
    return Finding(d, figure, f"{before}⟦{figure}⟧{after}", suggestion)


def apply_fixes(html: str, findings: Iterable[Finding],
                accept: Callable[[Finding], bool]) -> str:
    """The HTML with the fixes the editor accepted (overlapping ones: the first wins)."""
    edits: list[numlint.Edit] = []
    for finding in findings:
        fix = finding.diagnostic.fix
        if fix is None or not accept(finding):
            continue
        if any(e.start < t.end and t.start < e.end for e in fix.edits for t in edits):
            continue
        edits.extend(fix.edits)
    return apply_edits(html, edits)


def before_publish(html: str) -> dict[str, object]:
    """The hook: what the CMS shows, and whether publication may go ahead."""
    findings = review(html)
    return {
        "publish": not any(f.diagnostic.severity == "error" for f in findings),
        "findings": [
            {
                "code": f.diagnostic.code,
                "severity": f.diagnostic.severity,
                "message": f.diagnostic.message,
                "line": f.diagnostic.line,
                "column": f.diagnostic.column,
                "start": f.diagnostic.start,
                "end": f.diagnostic.end,
                "context": f.context,
                "suggestion": f.suggestion,
                "needs_confirmation": f.needs_confirmation,
            }
            for f in findings
        ],
    }


def main(path: str) -> int:
    html = Path(path).read_text(encoding="utf-8")
    findings = review(html)
    for f in findings:
        d = f.diagnostic
        print(f"{d.severity} {d.code} line {d.line}, column {d.column}: {d.message}")
        print(f"    {f.context}")
        if f.suggestion is not None:
            kind = "to confirm" if f.needs_confirmation else "safe"
            print(f"    suggestion ({kind}): {f.figure} → {f.suggestion}")
    # In a CMS the editor accepts each suggestion by a click; here, all of them.
    corrected = apply_fixes(html, findings, accept=lambda f: True)
    verdict = before_publish(corrected)
    print("after the corrections:", "ready to publish" if verdict["publish"] else "blocked")
    return 0 if verdict["publish"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "examples/article.html"))
