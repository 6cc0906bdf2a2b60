"""Lines and indentation columns, as CommonMark counts them (a tab to the next multiple
of four)."""

from __future__ import annotations

import re

EOL = re.compile(r"\r\n|\r|\n")


def indent(src: str, pos: int, col: int, end: int) -> tuple[int, int]:
    """Skip spaces and tabs: the position and column of the first other character."""
    while pos < end:
        c = src[pos]
        if c == " ":
            col += 1
        elif c == "\t":
            col += 4 - col % 4
        else:
            break
        pos += 1
    return pos, col


def advance(src: str, pos: int, col: int, target: int, end: int) -> tuple[int, int]:
    """Consume indentation up to column target (a tab that overshoots is taken whole)."""
    while col < target and pos < end and src[pos] in " \t":
        col = col + 1 if src[pos] == " " else col + 4 - col % 4
        pos += 1
    return pos, col
