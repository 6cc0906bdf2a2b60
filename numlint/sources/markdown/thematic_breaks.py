"""Thematic breaks (``***``, ``---``, ``___``): they end a block and leave nothing."""

from __future__ import annotations

import re

_THEMATIC = re.compile(r"(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})\Z")


def is_thematic_break(src: str, p: int, ce: int) -> bool:
    """Is the line content ``src[p:ce]`` a thematic break?"""
    return src[p] in "*-_" and _THEMATIC.match(src, p, ce) is not None
