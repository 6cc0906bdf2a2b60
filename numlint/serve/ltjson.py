"""numlint's diagnostics as LanguageTool's JSON answer (``/v2/check``, ``/v2/languages``).

Offsets and lengths are UTF-16 code units into the text the client sent (markup included
for annotated ``data``), as LanguageTool answers. The evidence a reviewer checks (rate,
date, ratio) ends the message and is in full in the extra ``numlint`` field of each match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from .. import __version__
from ..diagnostics import Diagnostic, Edit, apply_edits
from ..evidence import describe_evidence
from ..i18n import DEFAULT_LANGUAGE, N_, translate
from ..rules.registry import installed_rules
from ..rules.texts import summary as rule_summary
from .request import RULE_PREFIX, CheckRequest
from .utf16 import Utf16Index, utf16_length

API_VERSION = 1
CONTEXT_CHARS = 40
LANGUAGES = (
    {"name": "French", "code": "fr", "longCode": "fr"},
    {"name": "French (France)", "code": "fr", "longCode": "fr-FR"},
)
_ISSUE_TYPES = {"error": "inconsistency", "warning": "inconsistency", "info": "typographical"}
_CATEGORIES = {"1": N_("Figures that disagree"), "2": N_("Arithmetic of figures"),
               "3": N_("Typography of figures"), "0": "numlint"}
"""Category names, in the request's language; their ids (``NUMLINT_1``…) never change."""
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n\s*\n")


def software() -> dict[str, Any]:
    return {"name": "numlint", "version": __version__, "buildDate": None,
            "apiVersion": API_VERSION, "premium": False, "status": ""}


def language(request: CheckRequest) -> dict[str, Any]:
    code = "fr-FR" if request.language.lower() in ("fr-fr", "auto") else "fr"
    name = "French (France)" if code == "fr-FR" else "French"
    return {"name": name, "code": code,
            "detectedLanguage": {"name": name, "code": code, "confidence": 1.0}}


def answer(request: CheckRequest, diagnostics: Iterable[Diagnostic],
           docs_url: str | None = None) -> dict[str, Any]:
    """The whole ``/v2/check`` answer for ``diagnostics`` of ``request``; ``docs_url``, the
    base URL of the rule pages (``https://…/rules/``), gives each rule its ``urls``."""
    index = Utf16Index(request.source)
    return {
        "software": software(),
        "warnings": {"incompleteResults": False},
        "language": language(request),
        "matches": [match(request, d, index, docs_url) for d in diagnostics],
    }


def match(request: CheckRequest, d: Diagnostic, index: Utf16Index,
          docs_url: str | None = None) -> dict[str, Any]:
    """One diagnostic as a LanguageTool match; a fix becomes the replacement of the span it
    covers (the finding's span widened to its edits)."""
    source = request.source
    start, end, replacement = _span_and_replacement(request, d)
    lang = request.config.lang
    rule = installed_rules().find(d.code)
    evidence = describe_evidence(d.evidence, lang, getattr(rule, "evidence_labels", None))
    message = f"{d.message} [{evidence}]" if evidence else d.message
    summary = rule_summary(rule, lang) if rule is not None else d.name
    offset = index.to_utf16(start)
    return {
        "message": message,
        "shortMessage": summary,
        "replacements": [] if replacement is None else [{"value": replacement}],
        "offset": offset,
        "length": index.to_utf16(end) - offset,
        "context": _context(source, start, end),
        "sentence": _sentence(source, start, end),
        "type": {"typeName": "Other"},
        "rule": {
            "id": RULE_PREFIX + d.code,
            "description": summary,
            "issueType": _ISSUE_TYPES.get(d.severity, "inconsistency"),
            "category": _category(d.code, lang),
            "urls": [{"value": f"{docs_url.rstrip('/')}/{d.code}/"}] if docs_url else [],
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
        "numlint": {
            "code": d.code,
            "name": d.name,
            "severity": d.severity,
            "evidence": dict(d.evidence),
            "fix": None if d.fix is None
            else {"safety": d.fix.safety, "description": d.fix.description},
        },
    }


def _span_and_replacement(request: CheckRequest, d: Diagnostic) -> tuple[int, int, str | None]:
    """The finding's span in the client's text, and the fix's replacement of it."""
    edits = d.fix.edits if d.fix is not None else ()
    start = min(d.start, *(e.start for e in edits)) if edits else d.start
    end = max(d.end, *(e.end for e in edits)) if edits else d.end
    replacement = None
    if edits:
        replacement = apply_edits(
            request.text[start:end], [Edit(e.start - start, e.end - start, e.replacement)
                                      for e in edits])
    if request.annotated is not None:
        plain = request.text[start:end]
        start, end = (request.annotated.source_start(start),
                      request.annotated.source_end(end))
        end = max(start, end)
        if request.annotated.source[start:end] != plain:  # markup inside: keep it, no edit
            replacement = None
    return start, end, replacement


def _context(source: str, start: int, end: int) -> dict[str, Any]:
    """LanguageTool's context: the finding with up to 40 characters either side, on a line."""
    left = max(0, start - CONTEXT_CHARS)
    right = min(len(source), end + CONTEXT_CHARS)
    text = re.sub(r"\s", " ", source[left:right])
    return {"text": text, "offset": utf16_length(source[left:start]),
            "length": utf16_length(source[start:end])}


def _sentence(source: str, start: int, end: int) -> str:
    begin = 0
    finish = len(source)
    for boundary in _SENTENCE_END.finditer(source):
        if boundary.end() <= start:
            begin = boundary.end()
        elif boundary.start() >= end:
            finish = boundary.start()
            break
    return source[begin:finish].strip()


def _category(code: str, lang: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    group = code[2:3] if code.startswith("NL") else "0"
    return {"id": f"NUMLINT_{group}",
            "name": translate(_CATEGORIES.get(group, "numlint"), lang)}
