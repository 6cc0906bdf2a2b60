"""Offsets in UTF-16 code units, as LanguageTool clients expect, from Python offsets.

A Python ``str`` index counts code points; a character outside the Basic Multilingual Plane
(an emoji, some CJK) is one code point but two UTF-16 units. Texts without such characters
(nearly all copy) take the fast path: the offsets are the same.
"""

from __future__ import annotations

from bisect import bisect_left


class Utf16Index:
    """Converts code-point offsets of one text to UTF-16 offsets."""

    def __init__(self, text: str) -> None:
        self._astral = [i for i, char in enumerate(text) if ord(char) > 0xFFFF]

    def to_utf16(self, offset: int) -> int:
        """The UTF-16 offset of code-point ``offset``."""
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)


def utf16_length(text: str) -> int:
    """The length of ``text`` in UTF-16 code units."""
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)
