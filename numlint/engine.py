"""Running the rules on a document, each one fenced off from the others.

A rule that raises, runs past its time budget, or yields something that is not a valid
finding becomes one ``internal-error`` diagnostic naming it; what the other rules found is
kept intact.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .diagnostics import SEVERITIES
from .document import Document
from .i18n import N_
from .rules.api import Finding, Rule
from .watchdog import BudgetExceeded, time_budget

INTERNAL_ERROR_CODE = "NL000"
INTERNAL_ERROR_NAME = "internal-error"


@dataclass(frozen=True, slots=True)
class RuleFinding:
    """A finding and the rule that made it (None for numlint's own internal errors)."""

    rule: type[Rule] | None
    finding: Finding


class InvalidFinding(TypeError):
    """A rule yielded something numlint cannot report."""


def run_rules(
    document: Document,
    rules: Sequence[tuple[type[Rule], Mapping[str, Any]]],
    *,
    budget: float | None = None,
) -> Iterator[RuleFinding]:
    """Run each rule with ``budget`` seconds at most; a failure is reported, not raised."""
    for rule_class, settings in rules:
        try:
            with time_budget(budget):
                findings = [
                    _checked(f, document) for f in rule_class().check(document, settings)
                ]
        except BudgetExceeded:
            overrun = TimeoutError(f"ran longer than its budget of {budget:g} s")
            yield RuleFinding(None, internal_error(rule_class, overrun))
            continue
        except Exception as error:  # one rule must not take the others down
            yield RuleFinding(None, internal_error(rule_class, error))
            continue
        for finding in findings:
            yield RuleFinding(rule_class, finding)


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


def _checked(finding: object, document: Document) -> Finding:
    if not isinstance(finding, Finding):
        raise InvalidFinding(f"yielded {type(finding).__name__}, not a Finding")
    length = len(document.text)
    if not (
        isinstance(finding.start, int)
        and isinstance(finding.end, int)
        and 0 <= finding.start <= finding.end <= length
    ):
        raise InvalidFinding(f"finding span {finding.start!r}-{finding.end!r} is outside the text")
    if finding.severity is not None and finding.severity not in SEVERITIES:
        raise InvalidFinding(f"unknown severity {finding.severity!r}")
    if not isinstance(finding.message, str):
        raise InvalidFinding("finding message is not a string")
    for edit in finding.edits:
        if not (0 <= edit.start <= edit.end <= length and isinstance(edit.replacement, str)):
            raise InvalidFinding(f"edit {edit!r} is outside the text")
    return finding
