"""numlint's pytest plugin for rule authors (entry point ``pytest11``, name ``numlint``).

- collects ``*.numlint.toml`` case files: each ``[[valid]]`` / ``[[invalid]]`` sample is a
  test item (see :mod:`numlint.testing.casefile`);
- provides the ``numlint_check`` fixture (see :class:`numlint.testing.checker.Checker`).

It is loaded in every pytest run of an environment where numlint is installed, so this
module imports nothing heavy: the scanner, pint, Babel and the rule registry are loaded
only when a case runs or the fixture is used. ``pytest -p no:numlint`` turns it off.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from .casefile import Case
    from .checker import Checker

CASE_FILE_SUFFIX = ".numlint.toml"


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.name.endswith(CASE_FILE_SUFFIX):
        return CaseFile.from_parent(parent, path=file_path)
    return None


class CaseFailed(AssertionError):
    """A case whose findings differ from what it expects; the message is the report."""


class CaseFile(pytest.File):
    """A ``*.numlint.toml`` file: one item per case."""

    def collect(self) -> Iterator[pytest.Item]:
        from .casefile import CaseFileError, load_case_file

        try:
            label = str(self.path.relative_to(self.config.rootpath))
        except ValueError:
            label = str(self.path)
        try:
            cases = load_case_file(self.path, label)
        except CaseFileError as error:
            raise self.CollectError(str(error)) from None
        for case in cases:
            item = CaseItem.from_parent(self, name=case.id, case=case)
            if case.skip is not None:
                item.add_marker(pytest.mark.skip(reason=case.skip))
            if case.xfail is not None:
                item.add_marker(pytest.mark.xfail(reason=case.xfail, strict=True))
            yield item


class CaseItem(pytest.Item):
    """One sample of a case file, checked with :func:`numlint.testing.cases.check_case`."""

    def __init__(self, *, case: Case, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case = case

    def runtest(self) -> None:
        from ..config import ConfigError

        try:
            result = self.case.run()
        except ConfigError as error:
            raise CaseFailed(_config_problem(error, self.case)) from None
        if not result.passed:
            note = f"note: {self.case.note}\n" if self.case.note else ""
            raise CaseFailed(f"{note}{result.report()}")

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, CaseFailed):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        line = self.case.line - 1 if self.case.line else None
        return self.path, line, f"case {self.name}"


def _config_problem(error: Exception, case: Case) -> str:
    message = f"the case cannot run: {error}"
    if "unknown rule code" in str(error):
        from ..rules.registry import installed_rules

        codes = ", ".join(rule.code for rule in installed_rules().rules)
        message += (f"\nIs the plugin that provides {', '.join(case.rules)} installed? "
                    f"Installed rules: {codes}")
    return message


@pytest.fixture(scope="session")
def numlint_check() -> Checker:
    """Run numlint rules on a text: ``numlint_check(text, rule="NL101", date=...)``
    returns the diagnostics; ``numlint_check.expect(marked_sample, rule=..., fixed=...)``
    checks a ``{{…}}``-marked sample like a case file does."""
    from .checker import Checker

    checker = Checker()
    checker.warm_up()
    return checker
