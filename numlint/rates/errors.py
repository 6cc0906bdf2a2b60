"""Errors raised by :mod:`numlint.rates`.

Every error carries a one-line message meant to be shown to the user as is.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from ..errors import Localized, NumlintError
from ..i18n import N_, Phrase, show


class RatesError(NumlintError):
    """Base class of every error raised by :mod:`numlint.rates`."""


class RatesFileError(Localized, RatesError):
    """A rate file is missing, unreadable or malformed.

    The message names the file and, where it helps, the line (1-based). ``problem`` is a
    message id (marked with ``N_``) that ``params`` fill: the error is shown in the
    user's language by :meth:`localized`; ``str(error)`` is the English text.
    """

    def __init__(self, file: str, problem: str, line: int | None = None,
                 params: Mapping[str, Any] | None = None) -> None:
        self.file = file
        self.line = line
        self.problem_id = problem
        self.problem_params = dict(params or {})
        issue = Phrase(problem, self.problem_params) if self.problem_params else Phrase(problem)
        self.problem = show(issue, "en")
        """The problem in English (``problem_id`` and ``problem_params`` translate it)."""
        where: Any = file if line is None else Phrase(N_("{file}, line {line}"),
                                                      {"file": file, "line": str(line)})
        super().__init__(self.localize(N_("{where}: {problem}"),
                                       {"where": where, "problem": issue}))

    def __reduce__(self) -> tuple[object, ...]:
        # Keeps the error picklable (multiprocessing) despite the custom signature.
        return (type(self), (self.file, self.problem_id, self.line, self.problem_params))


class RateUnavailable(RatesError, LookupError):
    """No rate can honestly be given: unknown currency, date out of range, or not quoted."""

    def __init__(
        self, message: str, *, currency: str | None = None, requested: date | None = None
    ) -> None:
        self.currency = currency
        self.requested = requested
        super().__init__(message)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_unavailable, (str(self), self.currency, self.requested))


def _rebuild_unavailable(
    message: str, currency: str | None, requested: date | None
) -> RateUnavailable:
    return RateUnavailable(message, currency=currency, requested=requested)
