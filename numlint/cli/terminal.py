"""What the terminal can take: colour (only on a TTY, never with NO_COLOR)."""

from __future__ import annotations

import os
import shutil
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
    columns = shutil.get_terminal_size((DEFAULT_WIDTH + 10, 24)).columns
    return max(40, columns - 10)  # room for the "123 | " gutter
