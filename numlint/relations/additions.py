"""Finding additions written out: ``545 millions de dollars (342 + 203)``, ``120 + 80 =
200 tonnes``. The writer shows the sum; its parts written bare borrow the scale word,
currency or unit of the total (*342* is 342 millions de dollars), so a slip in one of them
shows as a sum that no longer holds.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..cache import compile_pattern
from ..matching import match_at
from ..mentions import Mention
from ..mentions.lists import borrowing
from .model import Sum
from .wording import SPACE as _S

_PLUS = compile_pattern(_S + r"*\+" + _S + r"*\Z")
_OPEN = compile_pattern(_S + r"*\(" + _S + r"*\Z")
_CLOSE = compile_pattern(_S + r"*\)")
_EQUALS = compile_pattern(_S + r"*=" + _S + r"*\Z")
_MOST_PARTS = 8


def find_additions(text: str, mentions: Sequence[Mention]) -> list[Sum]:
    """Each total followed by its addition in parentheses, and each addition ending in
    ``= total``."""
    readings = ((_added_after(text, mentions, index), _added_before(text, mentions, index))
                for index in range(len(mentions)))
    return [found for pair in readings for found in pair if found is not None]


def _added_after(text: str, mentions: Sequence[Mention], index: int) -> Sum | None:
    """``545 millions de dollars (342 + 203)``: a parenthesis holding nothing but an
    addition of the figure before it."""
    whole = mentions[index]
    if index + 2 >= len(mentions):
        return None
    if not _OPEN.fullmatch(text, whole.end, mentions[index + 1].start):
        return None
    parts = _run(text, mentions, index + 1)
    if len(parts) < 2 or match_at(_CLOSE, text, parts[-1].end) is None:
        return None
    return _sum(parts, whole)


def _added_before(text: str, mentions: Sequence[Mention], index: int) -> Sum | None:
    """``120 + 80 = 200 tonnes``: an addition, then ``=`` and its total."""
    whole = mentions[index]
    if index < 2 or not _EQUALS.fullmatch(text, mentions[index - 1].end, whole.start):
        return None
    first = index - 1
    while first > 0 and index - first < _MOST_PARTS and _PLUS.fullmatch(
            text, mentions[first - 1].end, mentions[first].start):
        first -= 1
    parts = mentions[first:index]
    if len(parts) < 2:
        return None
    return _sum(parts, whole)


def _run(text: str, mentions: Sequence[Mention], start: int) -> list[Mention]:
    parts = [mentions[start]]
    for later in mentions[start + 1 : start + _MOST_PARTS]:
        if not _PLUS.fullmatch(text, parts[-1].end, later.start):
            break
        parts.append(later)
    return parts


def _sum(parts: Sequence[Mention], whole: Mention) -> Sum | None:
    """The parts counted like the total: a bare part borrows what the total names; parts
    that name something else make no sum of this total."""
    if whole.kind == "percent" or whole.range_role is not None:
        return None
    counted: list[Mention] = []
    for part in parts:
        if part.range_role is not None or part.kind == "percent":
            return None
        if part.kind == "number" and not part.scale_exponent and (
                whole.kind != "number" or whole.scale_exponent):
            part = borrowing(part, whole)  # "(342 + 203)": millions de dollars, as the total
        if (part.kind, part.currency, part.unit, part.per) != (
                whole.kind, whole.currency, whole.unit, whole.per):
            return None
        counted.append(part)
    return Sum(tuple(counted), whole, "total", "+")
