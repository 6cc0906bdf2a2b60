"""Running the rules on a document, each one fenced off from the others.

A rule that raises, runs past its time budget, or yields something that is not a valid
finding becomes one ``internal-error`` diagnostic naming it; what the other rules found is
kept intact. How the time is bounded (no exception is ever injected into a rule) is
explained in :mod:`numlint.deadline`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from .diagnostics import SEVERITIES
from .document import Document
from .i18n import N_
from .records import Record
from .rules.api import Finding, Rule

INTERNAL_ERROR_CODE = "NL000"
INTERNAL_ERROR_NAME = "internal-error"


class RuleFinding(Record):
    """A finding and the rule that made it (None for numlint's own internal errors)."""

    rule: type[Rule] | None
    finding: Finding

    __slots__ = __match_args__ = ("rule", "finding")

    def __init__(self, rule: type[Rule] | None, finding: Finding) -> None:
        object.__setattr__(self, "rule", rule)
        object.__setattr__(self, "finding", finding)


class InvalidFinding(TypeError):
    """A rule yielded something numlint cannot report."""


class Overrun(Exception):
    """A rule ran past its time budget."""


FIGURE_RULES = frozenset({
    "NL001", "NL101", "NL102", "NL103", "NL104", "NL105", "NL201", "NL202", "NL203",
    "NL204", "NL205", "NL206", "NL301", "NL302", "NL303", "NL304", "NL305", "NL306",
})
"""numlint's own rules that report on figures and the relations between them, nothing
else (NL001 reports on the source, from :func:`numlint.suppressions.apply_suppressions`):
a document without a figure gives them nothing to say, and they are not called on it. A
new built-in rule is listed here, or not, on purpose: the engine's tests fail on one that
is neither here nor in :data:`TEXT_RULES`."""

TEXT_RULES: frozenset[str] = frozenset()
"""numlint's own rules that may report on a text without figures: always called."""

_BUILTIN: dict[type, bool] = {}


def is_builtin(rule_class: type[Rule]) -> bool:
    """numlint's own rules run in the caller's thread, plugins in a fenced one (see
    :mod:`numlint.deadline`)."""
    known = _BUILTIN.get(rule_class)
    if known is None:
        known = _BUILTIN[rule_class] = rule_class.__module__.split(".", 1)[0] == "numlint"
    return known


def run_rules(
    document: Document,
    rules: Sequence[tuple[type[Rule], Mapping[str, Any]]],
    *,
    budget: float | None = None,
) -> Iterator[RuleFinding]:
    """Run each rule with ``budget`` seconds at most; a failure is reported, not raised.

    numlint's own rules are called directly: nothing is set up or torn down per rule
    (no thread, no timer, no lock), so a check costs what its rules cost; on a document
    without figures, those of :data:`FIGURE_RULES` are not called at all. A plugin's rule
    is always called, in a thread of its own."""
    figures = bool(document.mentions)
    for rule_class, settings in rules:
        if is_builtin(rule_class):
            if not figures and rule_class.code in FIGURE_RULES:
                continue
            try:
                findings = [_checked(f, document)
                            for f in rule_class().check(document, settings)]
            except (Exception, SystemExit) as error:  # one rule must not take others down
                yield RuleFinding(None, internal_error(rule_class, error))
                continue
        else:
            outcome = _plugin_findings(rule_class, settings, document, budget)
            if isinstance(outcome, Finding):  # the plugin's failure, as its NL000
                yield RuleFinding(None, outcome)
                continue
            findings = outcome
        for finding in findings:
            yield RuleFinding(rule_class, finding)


def _plugin_findings(rule_class: type[Rule], settings: Mapping[str, Any], document: Document,
                     budget: float | None) -> list[Finding] | Finding:
    """A plugin's findings, bounded by ``budget``; its internal error when it failed."""
    from .deadline import run_in_thread  # its worker threads: only when a plugin runs

    def findings_of() -> list[Finding]:
        return [_checked(f, document) for f in rule_class().check(document, settings)]

    outcome = run_in_thread(findings_of, budget)
    if isinstance(outcome.error, KeyboardInterrupt):
        raise outcome.error
    if outcome.overran or outcome.error is not None:
        error = outcome.error or Overrun(
            f"ran longer than its budget of {budget:g} s and was abandoned")
        return internal_error(rule_class, error)
    return outcome.value or []


def internal_error(rule_class: type[Rule], error: BaseException) -> Finding:
    return Finding(
        0,
        0,
        N_("Rule {code} ({name}) failed and was skipped: {error}"),
        {
            "code": getattr(rule_class, "code", "?"),
            "name": getattr(rule_class, "name", rule_class.__name__),
            "error": f"{type(error).__name__}: {error}",
        },
        evidence={"rule": getattr(rule_class, "code", rule_class.__name__)},
    )


def _is_offset(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _checked(finding: object, document: Document) -> Finding:
    if not isinstance(finding, Finding):
        raise InvalidFinding(f"yielded {type(finding).__name__}, not a Finding")
    length = len(document.text)
    if not (_is_offset(finding.start) and _is_offset(finding.end)
            and 0 <= finding.start <= finding.end <= length):
        raise InvalidFinding(f"finding span {finding.start!r}-{finding.end!r} is outside the text")
    if finding.severity is not None and finding.severity not in SEVERITIES:
        raise InvalidFinding(f"unknown severity {finding.severity!r}")
    if not isinstance(finding.message, str):
        raise InvalidFinding("finding message is not a string")
    if not isinstance(finding.params, Mapping) or not isinstance(finding.evidence, Mapping):
        raise InvalidFinding("finding params and evidence must be mappings")
    if not isinstance(finding.edits, tuple | list):
        raise InvalidFinding("finding edits must be a tuple of TextEdit")
    for edit in finding.edits:
        if not (_is_offset(getattr(edit, "start", None)) and _is_offset(getattr(edit, "end", None))
                and 0 <= edit.start <= edit.end <= length
                and isinstance(edit.replacement, str)):
            raise InvalidFinding(f"edit {edit!r} is outside the text")
    return finding
