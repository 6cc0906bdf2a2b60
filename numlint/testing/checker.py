"""What the ``numlint_check`` fixture gives a test: run rules on a text, get diagnostics.

::

    def test_my_rule(numlint_check):
        found = numlint_check("Le budget atteint 4,237 milliards d'euros.", rule="EX001")
        assert [d.code for d in found] == ["EX001"]

        numlint_check.expect("Le budget atteint {{4,237 milliards d'euros}}.", rule="EX001",
                             fixed="Le budget atteint 4,2 milliards d'euros.")

``rule`` may also be a rule class (or a list mixing classes and codes): the class runs
as if it were installed, so a rule is testable before its plugin is installed (as
ESLint's ``RuleTester`` does)::

    numlint_check.expect("Le budget atteint {{4,237 milliards d'euros}}.", rule=MyRule)

A rule that raises does not hide behind an ``NL000`` internal-error diagnostic here: the
checker runs it again, unfenced, so that the test fails with the rule's own traceback.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Any

from ..diagnostics import Diagnostic, apply_edits
from .cases import INTERNAL_ERROR, CaseResult, check_case

if TYPE_CHECKING:
    from ..rules.api import Rule
    from ..sources.prose import Format

Rules = str | type["Rule"] | Sequence[str | type["Rule"]] | None
"""A rule code, a rule class, a list of them, or None (every rule enabled by default)."""


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
        format: Format = "text",
        date: date | None = None,
        config: Mapping[str, Any] | None = None,
        lang: str = "fr",
        raise_errors: bool = True,
    ) -> list[Diagnostic]:
        """The diagnostics of ``rule`` (a code, a rule class, a list of them, or None for
        every rule enabled by default) on ``text``. ``format`` is ``text`` unless told
        (samples are sentences), ``date`` the article's date. With ``raise_errors``, a
        rule that fails raises its exception instead of yielding an ``NL000``
        diagnostic."""
        from ..pipeline import check

        codes, classes = _split(rule)
        settings = _settings(codes, config)
        with _installing(classes):
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
        rule: str | type[Rule] | Sequence[str | type[Rule]],
        fixed: str | None = None,
        messages: Sequence[str] = (),
        codes: Sequence[str] | None = None,
        safety: str | None = None,
        fixable: bool | None = None,
        format: Format = "text",
        date: date | None = None,
        config: Mapping[str, Any] | None = None,
        lang: str = "fr",
    ) -> CaseResult:
        """Check a marked sample (``{{…}}`` around each expected finding) the way a case
        file does; fails the test with the case report if anything differs."""
        selected, classes = _split(rule)
        with _installing(classes):
            result = check_case(
                selected or [], sample, fixed=fixed, format=format, date=date,
                config=config, messages=messages, lang=lang, codes=codes, safety=safety,
                fixable=fixable,
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
        format: Format = "text",
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


def _split(rule: Rules) -> tuple[list[str] | None, list[type[Rule]]]:
    """The codes to select (None: the default rules) and the rule classes given."""
    if rule is None:
        return None, []
    given = [rule] if isinstance(rule, str | type) else list(rule)
    classes = [r for r in given if isinstance(r, type)]
    return [r if isinstance(r, str) else getattr(r, "code", "") for r in given], classes


@contextmanager
def _installing(classes: list[type[Rule]]) -> Iterator[None]:
    """Run with ``classes`` installed too (a rule tested before its plugin is)."""
    if not classes:
        yield
        return
    from ..rules.registry import with_rules

    with with_rules(classes):
        yield


def _settings(codes: list[str] | None, config: Mapping[str, Any] | None
              ) -> Mapping[str, Any] | None:
    if codes is None:
        return config
    return {**(config or {}), "select": codes}


def _raise_internal_error(
    diagnostic: Diagnostic,
    text: str,
    format: Format,
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
        document = analyse(read_source(text, format), date=on, config=config)
        for rule, rule_settings in config.resolve(installed_rules().rules):
            if rule.code == failed:
                list(rule().check(document, rule_settings))
    raise AssertionError(f"{diagnostic.code} {diagnostic.message}")
