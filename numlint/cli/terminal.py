"""What the terminal can take: colour (only on a TTY, never with NO_COLOR)."""

from __future__ import annotations

import os
import sys
from typing import TextIO

DEFAULT_WIDTH = 100


def isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False


def use_color(stream: TextIO) -> bool:
    """Colour when ``stream`` is a terminal, unless NO_COLOR is set; FORCE_COLOR forces it.

    See https://no-color.org: any non-empty NO_COLOR turns colour off.
    """
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return isatty(stream) and os.environ.get("TERM") != "dumb"


def excerpt_width(stream: TextIO) -> int:
    """How wide a source excerpt may be: the terminal's width, else 100 cells."""
    if not isatty(stream):
        return DEFAULT_WIDTH
    columns = terminal_columns(DEFAULT_WIDTH + 10)
    return max(40, columns - 10)  # room for the "123 | " gutter


def terminal_columns(fallback: int) -> int:
    """``shutil.get_terminal_size((fallback, 24)).columns``, without importing shutil
    (which loads bz2 and lzma on every start): ``$COLUMNS``, else the
    width of the terminal on standard output, else ``fallback``."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or fallback  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return fallback
