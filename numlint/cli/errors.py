"""Errors that end a command with exit status 2 and a one-line message."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import os_reason
from ..i18n import DEFAULT_LANGUAGE, render, translate

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


class CliError(Exception):
    """A usage, configuration or input problem, shown on one line in the user's language.

    ``message`` is a message id (English, marked with :func:`~numlint.i18n.N_`) whose
    ``{placeholders}`` ``params`` fill; ``str(error)`` is the English text."""

    def __init__(self, message: str, params: Mapping[str, Any] | None = None) -> None:
        self.message = message
        self.params = dict(params or {})
        super().__init__(self.localized("en"))

    def localized(self, lang: str = DEFAULT_LANGUAGE) -> str:
        if not self.params:
            return translate(self.message, lang)
        return render(self.message, self.params, lang)


class UsageError(CliError):
    """The command line cannot be followed (an unknown option, a bad value)."""


class InputError(CliError):
    """A path is missing, unreadable, not UTF-8, or cannot be written."""


def one_line(message: object, lang: str = "en") -> str:
    """``message`` on one line, in ``lang`` when it can be translated: a multi-line error
    (TOML's) is joined with " | "."""
    localized = getattr(message, "localized", None)
    text = localized(lang) if callable(localized) else translate(str(message), lang)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return " | ".join(lines) or type(message).__name__


__all__ = ["EXIT_CLEAN", "EXIT_ERROR", "EXIT_FINDINGS", "CliError", "InputError", "UsageError",
           "one_line", "os_reason"]
