"""GitHub tables: a header row, a delimiter row, then body rows; each cell is a block."""

from __future__ import annotations

import re
from itertools import pairwise

from .columns import indent

_DELIMITER_ROW = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*+\|?[ \t]*\Z")
_CELL_SPLIT = re.compile(r"\\.|\|")


class Table:
    __slots__ = ("columns",)

    def __init__(self, columns: int) -> None:
        self.columns = columns  # cells past the header's count are not rendered


def header_columns(src: str, header: tuple[int, int], p: int, ce: int) -> int | None:
    """The number of columns when the line ``src[p:ce]`` is the delimiter row under the
    ``header`` line (start, end); None when they do not make a table."""
    if not _DELIMITER_ROW.match(src, p, ce) or src.find("|", p, ce) < 0:
        return None
    hs, he = header
    columns = len(cells(src, hs, he))
    if columns != len(cells(src, p, ce)) or src.find("|", hs, he) < 0:
        return None
    return columns


def cells(src: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cells of a table row, trimmed; outer pipes are optional."""
    bounds = [start - 1]
    bounds.extend(m.start() for m in _CELL_SPLIT.finditer(src, start, end)
                  if m.group() == "|")
    bounds.append(end)
    found = []
    for left, right in pairwise(bounds):
        a, _ = indent(src, left + 1, 0, right)
        b = right
        while b > a and src[b - 1] in " \t":
            b -= 1
        found.append((a, b))
    if len(found) > 1 and found[0][0] == found[0][1] and len(bounds) > 2:
        found.pop(0)  # leading pipe
    if len(found) > 1 and found[-1][0] == found[-1][1]:
        found.pop()  # trailing pipe
    return found
