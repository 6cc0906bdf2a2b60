"""Fenced and indented code blocks: skipped, each one block boundary in the prose."""

from __future__ import annotations

import re

from .columns import indent

_FENCE = re.compile(r"`{3,}|~{3,}")
_FENCE_CLOSE = re.compile(r"(`{3,}|~{3,})[ \t]*\Z")


class Fence:
    __slots__ = ("char", "end", "length", "start")

    def __init__(self, char: str, length: int, start: int, end: int) -> None:
        self.char, self.length, self.start, self.end = char, length, start, end


class IndentedCode:
    __slots__ = ("blanks", "end", "start")

    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end
        self.blanks: list[tuple[int, int]] = []  # blank lines after the last code line


def fence_open(src: str, p: int, ce: int) -> tuple[str, int] | None:
    """The fence character and length of a code fence opening at ``p``, or None (a
    backtick fence whose info string holds a backtick is not one)."""
    m = _FENCE.match(src, p, ce)
    if m is None or (src[p] == "`" and src.find("`", m.end(), ce) >= 0):
        return None
    return src[p], m.end() - p


def closes(fence: Fence, src: str, pos: int, col: int, ce: int) -> bool:
    """Does the line content from ``pos`` (at column ``col``) close ``fence``?"""
    p, pcol = indent(src, pos, col, ce)
    if pcol - col > 3:
        return False
    m = _FENCE_CLOSE.match(src, p, ce)
    return bool(m and m.group(1)[0] == fence.char and len(m.group(1)) >= fence.length)
