"""Errors raised by :mod:`numlint.rates`.

Every error carries a one-line message meant to be shown to the user as is.
"""

from __future__ import annotations

from datetime import date

from ..errors import NumlintError


class RatesError(NumlintError):
    """Base class of every error raised by :mod:`numlint.rates`."""


class RatesFileError(RatesError):
    """A rate file is missing, unreadable or malformed.

    The message names the file and, where it helps, the line (1-based).
    """

    def __init__(self, file: str, problem: str, line: int | None = None) -> None:
        self.file = file
        self.problem = problem
        self.line = line
        where = file if line is None else f"{file}, line {line}"
        super().__init__(f"{where}: {problem}")

    def __reduce__(self) -> tuple[type[RatesFileError], tuple[str, str, int | None]]:
        # Keeps the error picklable (multiprocessing) despite the custom signature.
        return (type(self), (self.file, self.problem, self.line))


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
