"""ATX (``## Titre``) and setext (underlined) headings: one block of their own."""

from __future__ import annotations

import re

ATX = re.compile(r"#{1,6}(?=[ \t]|\Z)")
_SETEXT = re.compile(r"(?:=+|-+)[ \t]*\Z")


def is_setext_underline(src: str, p: int, ce: int) -> bool:
    return _SETEXT.match(src, p, ce) is not None


def atx_content(src: str, start: int, ce: int) -> tuple[int, int]:
    """The heading text of an ATX heading whose marker ends at ``start``: without the
    spaces around it and without a closing sequence of ``#``."""
    while start < ce and src[start] in " \t":
        start += 1
    end = ce
    while end > start and src[end - 1] in " \t":
        end -= 1
    k = end
    while k > start and src[k - 1] == "#":
        k -= 1
    if k < end and (k == start or src[k - 1] in " \t"):  # closing sequence
        end = k
        while end > start and src[end - 1] in " \t":
            end -= 1
    return start, end
