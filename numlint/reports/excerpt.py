"""The source line of a finding, and a marker line under the figure, as a terminal shows them.

Columns of diagnostics count code points; a terminal counts cells. Tabs are expanded,
wide characters (CJK, most emoji) take two cells, combining marks and zero-width
characters none, control characters are shown as a space. A long line (a Markdown
paragraph is often one line) is cut to a window around the figure, with ``…`` where it
was cut.
"""

from __future__ import annotations

import unicodedata

from ..diagnostics import Diagnostic
from ..records import Record
from ..sources.lines import LINE_BREAK as _LINE_BREAK

TAB_SIZE = 4
ELLIPSIS = "…"


class Excerpt(Record):
    text: str
    """The line (or the window of it) as it should be printed."""
    marker: str
    """Spaces, then ``^`` under the figure's first cell and ``~`` under the rest."""

    __slots__ = __match_args__ = ("text", "marker")

    def __init__(self, text: str, marker: str) -> None:
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "marker", marker)


def line_text(source: str, number: int) -> str:
    """Line ``number`` (1-based) of ``source``, without its line break."""
    start = 0
    for _ in range(number - 1):
        match = _LINE_BREAK.search(source, start)
        if match is None:
            return ""
        start = match.end()
    match = _LINE_BREAK.search(source, start)
    return source[start : match.start() if match else len(source)]


def cell_width(char: str) -> int:
    """Terminal cells taken by ``char`` (tabs aside)."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 2
    return 1


def _cells(line: str) -> list[tuple[str, int]]:
    """Each character of ``line`` as printed, with its width in cells."""
    cells: list[tuple[str, int]] = []
    column = 0
    for char in line:
        if char == "\t":
            shown = " " * (TAB_SIZE - column % TAB_SIZE)
            cells.append((shown, len(shown)))
        elif unicodedata.category(char) == "Cc":
            cells.append((" ", 1))
        else:
            cells.append((char, cell_width(char)))
        column += cells[-1][1]
    return cells


def excerpt(source: str, diagnostic: Diagnostic, width: int = 100) -> Excerpt:
    """The line of ``diagnostic`` and its marker, at most ``width`` cells wide."""
    line = line_text(source, diagnostic.line)
    cells = _cells(line)
    first = min(diagnostic.column - 1, len(cells))
    last = diagnostic.end_column - 1 if diagnostic.end_line == diagnostic.line else len(cells)
    last = max(min(last, len(cells)), first + 1)
    offsets = [0]
    for _, size in cells:
        offsets.append(offsets[-1] + size)
    offsets.append(offsets[-1] + 1)  # a marker may stand just after the end of the line
    start_cell, end_cell = offsets[first], max(offsets[last], offsets[first] + 1)
    left, right = _window(start_cell, end_cell, offsets[len(cells)], width)
    shown: list[str] = []
    if left > 0:
        shown.append(ELLIPSIS)
    for (char, _), begin, end in zip(cells, offsets, offsets[1:], strict=False):
        if begin >= left and end <= right:
            shown.append(char)
    cut_right = right < offsets[len(cells)]
    if cut_right:
        shown.append(ELLIPSIS)
    shift = (1 if left > 0 else 0) - left
    marker_start = start_cell + shift
    marker_end = min(end_cell, right) + shift
    marker = " " * marker_start + "^" + "~" * max(marker_end - marker_start - 1, 0)
    return Excerpt("".join(shown).rstrip(), marker)


def _window(start: int, end: int, total: int, width: int) -> tuple[int, int]:
    """The cells ``[left, right)`` to print so that the figure is in view."""
    if total <= width:
        return 0, total
    room = width - 2  # the ellipses
    span = end - start
    if span >= room:
        return start, start + room
    left = max(0, start - (room - span) // 2)
    right = min(total, left + room)
    left = max(0, right - room)
    return left, right
