"""numlint's diagnostics and fixes as LSP objects, in the client's position encoding.

Positions go through pygls' ``TextDocument``, which counts in the encoding negotiated with
the client (UTF-16 unless the client offers another), so an emoji before a figure does not
shift the squiggle.
"""

from __future__ import annotations

from collections.abc import Mapping

from lsprotocol import types
from pygls.workspace import TextDocument

from ..diagnostics import Diagnostic
from ..evidence import describe_evidence
from ..i18n import DEFAULT_LANGUAGE, N_, render, translate
from ..reports.text import describe_fix
from ..rules.registry import installed_rules

SOURCE = "numlint"
_SEVERITIES = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


def span(document: TextDocument, start: int, end: int) -> types.Range:
    return types.Range(document.client_position_at_offset(start),
                       document.client_position_at_offset(end))


def to_lsp(document: TextDocument, d: Diagnostic, index: int) -> types.Diagnostic:
    return types.Diagnostic(
        range=span(document, d.start, d.end),
        message=d.message,
        severity=_SEVERITIES.get(d.severity, types.DiagnosticSeverity.Warning),
        code=d.code,
        source=SOURCE,
        data={"index": index, "name": d.name},
    )


def hover_text(document: TextDocument, d: Diagnostic, lang: str = DEFAULT_LANGUAGE) -> str:
    """Markdown: the message, the evidence a reviewer checks, the fix on offer."""
    severity = translate(_SEVERITY_WORDS.get(d.severity, d.severity), lang)
    lines = [f"**numlint {d.code}** ({d.name}, {severity})", "", d.message]
    evidence = describe_evidence(d.evidence, lang, rule_labels(d.code))
    if evidence:
        lines += ["", render(N_("Evidence: {evidence}"), {"evidence": evidence}, lang)]
    fix = describe_fix(document.source, d, lang)
    if fix:
        lines += ["", fix[:1].upper() + fix[1:]]
    return "\n".join(lines)


_SEVERITY_WORDS = {"error": N_("error"), "warning": N_("warning"), "info": N_("info")}


def rule_labels(code: str) -> Mapping[str, str]:
    """The ``evidence_labels`` of the installed rule ``code`` (none if unknown)."""
    rule = installed_rules().find(code)
    return getattr(rule, "evidence_labels", {}) if rule is not None else {}


def code_action(document: TextDocument, d: Diagnostic, index: int,
                lang: str = DEFAULT_LANGUAGE) -> types.CodeAction | None:
    """The fix of ``d`` as a quick fix; an unsafe one (it changes a figure) says so."""
    if d.fix is None or not d.fix.edits:
        return None
    safe = d.fix.safety == "safe"
    label = translate(N_("safe fix") if safe else N_("unsafe fix: changes a figure, check it"),
                      lang)
    what = d.fix.description or describe_fix(document.source, d, lang) or d.code
    edits = [types.TextEdit(range=span(document, e.start, e.end), new_text=e.replacement)
             for e in d.fix.edits]
    return types.CodeAction(
        title=f"numlint {d.code}: {what} ({label})",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[to_lsp(document, d, index)],
        edit=types.WorkspaceEdit(changes={document.uri: edits}),
        is_preferred=safe,
    )
