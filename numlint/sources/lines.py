"""Lines of a source: the one place that says where a line starts and ends.

Diagnostics, suppression comments (``disable-line``, ``disable-next-line``), SARIF
regions and terminal excerpts all count lines the same way: a line ends at ``\\n``,
``\\r\\n`` or ``\\r`` (as editors and Python's ``str.splitlines`` do for these three), and
line and column numbers are 1-based, columns counting code points.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right

LINE_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Start offsets of the lines of ``source``, built once; each lookup is a bisection."""

    __slots__ = ("source", "starts")

    def __init__(self, source: str) -> None:
        self.source = source
        typecode = "i" if len(source) < 2**31 - 1 and array("i").itemsize >= 4 else "q"
        self.starts = array(typecode, [0])
        self.starts.extend(m.end() for m in LINE_BREAK.finditer(source))

    def __len__(self) -> int:
        """The number of lines (a source ending with a line break has an empty last line)."""
        return len(self.starts)

    def number(self, offset: int) -> int:
        """1-based line of a source offset (a line break belongs to the line it ends)."""
        return bisect_right(self.starts, offset)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a source offset."""
        if not 0 <= offset <= len(self.source):
            raise ValueError(f"offset {offset} outside the source (0, {len(self.source)})")
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def bounds(self, number: int) -> tuple[int, int]:
        """Start and end (before its line break) of 1-based line ``number``."""
        start = self.starts[number - 1]
        end = self.starts[number] if number < len(self.starts) else len(self.source)
        while end > start and self.source[end - 1] in "\r\n":
            end -= 1
        return start, end

    def next_start(self, number: int) -> int:
        """Where the line after 1-based line ``number`` starts (the end of the source
        after the last line)."""
        return self.starts[number] if number < len(self.starts) else len(self.source)

    def text(self, number: int) -> str:
        """1-based line ``number`` without its line break ('' past the last line)."""
        if not 1 <= number <= len(self.starts):
            return ""
        start, end = self.bounds(number)
        return self.source[start:end]

    def blank(self, number: int) -> bool:
        return not self.text(number).strip()
