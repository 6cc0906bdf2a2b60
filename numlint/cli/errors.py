"""Errors that end a command with exit status 2 and a one-line message."""

from __future__ import annotations

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


class CliError(Exception):
    """A usage, configuration or input problem; its message is shown as is, on one line."""


class UsageError(CliError):
    """The command line cannot be followed (an unknown option, a bad value)."""


class InputError(CliError):
    """A path is missing, unreadable, not UTF-8, or cannot be written."""


def one_line(message: object) -> str:
    """``message`` on one line: a multi-line error (TOML's) is joined with " | "."""
    lines = [line.strip() for line in str(message).splitlines() if line.strip()]
    return " | ".join(lines) or type(message).__name__
