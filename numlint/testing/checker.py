"""What the ``numlint_check`` fixture gives a test: run rules on a text, get diagnostics.

::

    def test_my_rule(numlint_check):
        found = numlint_check("Le budget atteint 4,237 milliards d'euros.", rule="EX001")
        assert [d.code for d in found] == ["EX001"]

        numlint_check.expect("Le budget atteint {{4,237 milliards d'euros}}.", rule="EX001",
                             fixed="Le budget atteint 4,2 milliards d'euros.")

A rule that raises does not hide behind an ``NL000`` internal-error diagnostic here: the
checker runs it again, unfenced, so that the test fails with the rule's own traceback.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from ..diagnostics import Diagnostic, apply_edits
from .cases import INTERNAL_ERROR, CaseResult, check_case

Rules = str | Sequence[str] | None


WARM_UP = (
    "Un contrat de 2,4 milliards de dollars (environ 2,3 milliards d'euros) "
    "pour une ligne de 12 km (soit 12 000 m)."
)
"""A sentence that loads what a first check loads: the scanner, the rules, the rate
table and pint."""


class Checker:
    """Runs numlint on texts for a test; the same object serves a whole session."""

    def warm_up(self) -> None:
        """Load everything a first check loads, so that the first test does not pay
        for it (a Hypothesis deadline would count it against one example)."""
        from ..pipeline import check

        check(WARM_UP, format="text", date=date(2025, 2, 11))

    def __call__(
        self,
        text: str,
        *,
        rule: Rules = None,
        format: str = "text",
        date: date | None = None,
        config: Mapping[str, Any] | None = None,
        lang: str = "fr",
        raise_errors: bool = True,
    ) -> list[Diagnostic]:
        """The diagnostics of ``rule`` (a code, a list of codes, or None for every rule
        enabled by default) on ``text``. ``format`` is ``text`` unless told (samples are
        sentences), ``date`` the article's date. With ``raise_errors``, a rule that
        fails raises its exception instead of yielding an ``NL000`` diagnostic."""
        from ..pipeline import check

        settings = _settings(rule, config)
        found = check(text, format=format, date=date, config=settings, lang=lang)
        if raise_errors:
            for diagnostic in found:
                if diagnostic.code == INTERNAL_ERROR:
                    _raise_internal_error(diagnostic, text, format, date, settings)
        return found

    def expect(
        self,
        sample: str,
        *,
        rule: str | Sequence[str],
        fixed: str | None = None,
        messages: Sequence[str] = (),
        codes: Sequence[str] | None = None,
        safety: str | None = None,
        fixable: bool | None = None,
        format: str = "text",
        date: date | None = None,
        config: Mapping[str, Any] | None = None,
        lang: str = "fr",
    ) -> CaseResult:
        """Check a marked sample (``{{…}}`` around each expected finding) the way a case
        file does; fails the test with the case report if anything differs."""
        result = check_case(
            rule, sample, fixed=fixed, format=format, date=date, config=config,
            messages=messages, lang=lang, codes=codes, safety=safety, fixable=fixable,
        )
        if not result.passed:
            raise AssertionError("numlint case failed:\n" + result.report())
        return result

    def fixed(
        self,
        text: str,
        *,
        rule: Rules = None,
        safe_only: bool = False,
        format: str = "text",
        date: date | None = None,
        config: Mapping[str, Any] | None = None,
    ) -> str:
        """``text`` with the fixes of every finding applied (only safe ones if asked)."""
        found = self(text, rule=rule, format=format, date=date, config=config)
        edits = [
            edit
            for d in found
            if d.fix is not None and (d.fix.safety == "safe" or not safe_only)
            for edit in d.fix.edits
        ]
        return apply_edits(text, edits)


def _settings(rule: Rules, config: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    if rule is None:
        return config
    selected = [rule] if isinstance(rule, str) else list(rule)
    return {**(config or {}), "select": selected}


def _raise_internal_error(
    diagnostic: Diagnostic,
    text: str,
    format: str,
    on: date | None,
    settings: Mapping[str, Any] | None,
) -> None:
    """Run the rule that failed again, outside the engine's fence, so it raises."""
    from ..config import as_config
    from ..pipeline import analyse
    from ..rules.registry import installed_rules
    from ..sources import read_source

    failed = diagnostic.evidence.get("rule")
    config = as_config(settings)
    if failed is not None:
        document = analyse(read_source(text, format), date=on, config=config)  # type: ignore[arg-type]
        for rule, rule_settings in config.resolve(installed_rules().rules):
            if rule.code == failed:
                list(rule().check(document, rule_settings))
    raise AssertionError(f"{diagnostic.code} {diagnostic.message}")
