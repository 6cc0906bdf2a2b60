"""Finding additions written out: ``545 millions de dollars (342 + 203)``, ``120 + 80 =
200 tonnes``. The writer shows the sum; its parts written bare borrow the scale word,
currency or unit of the total (*342* is 342 millions de dollars), so a slip in one of them
shows as a sum that no longer holds.

A net change said with the changes it results from is one too: ``Il augmente de 264,7
milliards de FCFA …, résultant d'une hausse de 297,1 milliards de FCFA du budget général
et d'une baisse de 32,4 milliards du budget des CAS`` — the rises count for, the falls
against (264,7 = 297,1 − 32,4).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..cache import compile_pattern
from ..matching import folded, match_at
from ..mentions import Mention
from ..mentions.lists import borrowing
from .change_words import direction_of as _direction
from .change_words import stated_before
from .model import Sum
from .wording import APOSTROPHE as _APOS
from .wording import SPACE as _S
from .wording import same_quantity

_PLUS = compile_pattern(_S + r"*\+" + _S + r"*\Z")
_OPEN = compile_pattern(_S + r"*\(" + _S + r"*\Z")
_CLOSE = compile_pattern(_S + r"*\)")
_EQUALS = compile_pattern(_S + r"*=" + _S + r"*\Z")
_MOST_PARTS = 8
_RESULTS_FROM = compile_pattern(
    r"(?i)(?:[^\d.!?;\n]|(?<!\d)\d{4}(?!\d)){0,120}?(?<![\p{L}])(?:résultant|résulte|provenant|provient"
    r"|s" + _APOS + r"expliquant|s" + _APOS + r"explique)" + _S + r"+(?:par" + _S + r"+)?"
    r"(?:d" + _APOS + r"une?|de" + _S + r"+la|du|une?|la|le)" + _S + r"*[^\d.!?;\n]{0,20}\Z"
)
"""From a net change to its first part: ``par rapport à la loi de finances rectificative de
2022, résultant d'une hausse de`` | 297,1 milliards."""
_RESULT_STEMS = ("résult", "proven", "provien", "expliqu")
_NEXT_CHANGE = compile_pattern(
    r"(?i)[^\d.!?;\n]{0,80}?(?:,|" + _S + r"et)" + _S + r"+(?:d" + _APOS + r"une?|de"
    + _S + r"+la|du|une?|la|le)" + _S + r"*[^\d.!?;\n]{0,20}\Z"
)
"""From one part to the next: `` du budget général et d'une baisse de`` | 32,4 milliards."""


def find_additions(text: str, mentions: Sequence[Mention]) -> list[Sum]:
    """Each total followed by its addition in parentheses, and each addition ending in
    ``= total``."""
    readings = ((_added_after(text, mentions, index), _added_before(text, mentions, index),
                 _net_of_changes(text, mentions, index))
                for index in range(len(mentions)))
    return [found for pair in readings for found in pair if found is not None]


def _added_after(text: str, mentions: Sequence[Mention], index: int) -> Sum | None:
    """``545 millions de dollars (342 + 203)``: a parenthesis holding nothing but an
    addition of the figure before it."""
    whole = mentions[index]
    if index + 2 >= len(mentions) or "+" not in text[whole.end : mentions[index + 2].start]:
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
    if index < 2 or "=" not in text[mentions[index - 1].end : whole.start]:
        return None
    if not _EQUALS.fullmatch(text, mentions[index - 1].end, whole.start):
        return None
    first = index - 1
    while first > 0 and index - first < _MOST_PARTS and _PLUS.fullmatch(
            text, mentions[first - 1].end, mentions[first].start):
        first -= 1
    parts = mentions[first:index]
    if len(parts) < 2:
        return None
    return _sum(parts, whole)


def _net_of_changes(text: str, mentions: Sequence[Mention], index: int) -> Sum | None:
    """``augmente de W …, résultant d'une hausse de A … et d'une baisse de B``: W = A − B."""
    whole = mentions[index]
    if index + 2 >= len(mentions) or whole.kind == "percent":
        return None
    first = mentions[index + 1]
    gap = folded(text[whole.end : first.start])  # the pattern is case-blind: so is the look
    if not any(stem in gap for stem in _RESULT_STEMS):
        return None  # (a cheap look first: few gaps say what a change results from)
    if _RESULTS_FROM.fullmatch(text, whole.end, first.start) is None:
        return None
    whole_sign = _sign_before(text, whole)
    if whole_sign == 0:
        return None
    parts: list[Mention] = []
    for later in mentions[index + 1 : index + 1 + _MOST_PARTS]:
        if parts and _NEXT_CHANGE.fullmatch(text, parts[-1].end, later.start) is None:
            break
        sign = _sign_before(text, later)
        counted = same_quantity(later, whole) if sign else None
        if counted is None:
            break
        parts.append(counted if sign > 0 else replace(counted, value=-counted.value))
    if len(parts) < 2 or all(part.value > 0 for part in parts):
        return None  # only rises: a list of changes, not one net change of two directions
    signed = whole if whole_sign > 0 else replace(whole, value=-whole.value)
    return Sum(tuple(parts), signed, "total", "résultant de")


def _sign_before(text: str, figure: Mention) -> int:
    """+1 or -1 as the change word right before ``figure`` says (*une baisse de*), else 0."""
    said = stated_before(text, max(0, figure.start - 40), figure.start)
    return _direction(said.group("word"), figure.number.text) if said is not None else 0


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
