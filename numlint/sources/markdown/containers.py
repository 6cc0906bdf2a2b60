"""Container blocks: block quotes and list items (bullets, ordered, GitHub task boxes)."""

from __future__ import annotations

import re
from typing import Final

from .columns import indent
from .thematic_breaks import is_thematic_break

_TASK_BOX = re.compile(r"\[[ xX]\][ \t]+(?=\S)")
_BULLET = re.compile(r"[-+*](?=[ \t]|\Z)")
_ORDERED = re.compile(r"([0-9]{1,9})[.)](?=[ \t]|\Z)")
MAX_NESTING: Final = 64
"""Deeper quote and list markers are read as text: every line walks the open containers,
so unbounded nesting would make ``1. 1. 1. …`` followed by blank lines quadratic."""


class Container:
    __slots__ = ("empty", "width")

    def __init__(self, width: int | None, empty: bool = False) -> None:
        self.width = width  # None: a block quote; else a list item's content indent
        self.empty = empty  # a list item that began with a blank line and has no content


def after_quote_marker(src: str, p: int, col: int, ce: int) -> tuple[int, int]:
    """Position and column after the ``>`` at ``p`` and the one space it takes."""
    pos, col = p + 1, col + 1
    if pos < ce and src[pos] in " \t":
        col = col + 1 if src[pos] == " " else col + 4 - col % 4
        pos += 1
    return pos, col


def list_item(src: str, p: int, col: int, base: int, ce: int,
              interrupting: bool) -> tuple[int, int, int] | None:
    """Content position, column and width of a list item starting at p, or None."""
    if is_thematic_break(src, p, ce):
        return None
    m = _BULLET.match(src, p, ce) or _ORDERED.match(src, p, ce)
    if m is None:
        return None
    marker_col = col + m.end() - p
    content, content_col = indent(src, m.end(), marker_col, ce)
    blank = content >= ce
    if interrupting and (blank or (m.lastindex and int(m.group(1)) != 1)):
        return None  # a list interrupting a paragraph: non-empty, and from 1
    if blank:
        return content, content_col, marker_col - base + 1
    if content_col - marker_col > 4:  # indented code in the item: one space is the gap
        return m.end() + 1, marker_col + 1, marker_col - base + 1
    box = _TASK_BOX.match(src, content, ce)
    if box:  # a GFM task-list box is a checkbox, not prose; the item keeps its width
        return box.end(), content_col + box.end() - content, content_col - base
    return content, content_col, content_col - base
