"""Numbers split by a typo: ``42, 6 millions d'euros`` is 42,6 millions, not 42 then 6.

A comma followed by one space and one to three digits that a scale word or a currency
closes (three before a unit: ``1, 852 km``) is a decimal comma with a stray space: a list
would say ``42 ou 6 millions``. The
figure is read whole and marked (:attr:`.Mention.typo_split`) so a rule can flag the typo.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from .digits import plain, shifted
from .model import Mention, Part
from .pattern import DURATION_UNITS

_SPACES = " \u00a0\u202f"
_MAX_DECIMALS = 3


def merge_split_numbers(mentions: list[Mention], text: str) -> list[Mention]:
    """The mentions with each typo-split pair read as one figure."""
    merged: list[Mention] = []
    skip_next = False
    for index, first in enumerate(mentions):
        if skip_next:
            skip_next = False
            continue
        second = mentions[index + 1] if index + 1 < len(mentions) else None
        if second is not None and _is_split(first, second, text):
            merged.append(_joined(first, second, text))
            skip_next = True
        else:
            merged.append(first)
    return merged


def _is_split(first: Mention, second: Mention, text: str) -> bool:
    between = text[first.end : second.start]
    if len(between) != 2 or between[0] != "," or between[1] not in _SPACES:
        return False
    if first.kind != "number" or first.scale_exponent or first.per or first.range_role:
        return False
    if not first.number.text.isdigit() or first.number.text != first.text:
        return False
    if second.written_hedge is not None or second.number.start != second.start:
        return False
    digits = second.number.text
    if not (digits.isascii() and digits.isdigit() and len(digits) <= _MAX_DECIMALS):
        return False
    if not (second.scale_exponent or second.kind == "money" or _a_measure(second, digits)):
        return False
    return not _continues_a_list(text, first.start)


def _a_measure(second: Mention, digits: str) -> bool:
    """``1, 852 km``: three digits before a unit are the decimals of a measure; fewer are
    the second item of a spoken list (``22, 23 ans``, ``24, 48 heures``), and a duration
    is counted, not measured (``7, 10 jours``)."""
    return (
        second.unit is not None and len(digits) == _MAX_DECIMALS
        and second.unit not in DURATION_UNITS
    )


def _continues_a_list(text: str, start: int) -> bool:
    """``2, 3, 4 millions``: the pair is the end of a list, not a split number."""
    before = text[max(0, start - 3) : start]
    return len(before) == 3 and before[0].isdigit() and before[1] == ","


def _joined(first: Mention, second: Mention, text: str) -> Mention:
    decimals = len(second.number.text)
    number = Decimal(f"{first.number.text}.{second.number.text}")
    value = plain(shifted(number, second.scale_exponent)) if second.scale_exponent else number
    if second.sub_unit:
        value = value.scaleb(-2)
    number_start, number_end = first.start, second.number.end
    return replace(
        second,
        start=first.start,
        text=text[first.start : second.end],
        value=value,
        number=Part(text[number_start:number_end], (number_start, number_end)),
        decimals=decimals + (2 if second.sub_unit else 0),
        written_hedge=first.written_hedge,
        hedge_kind=first.hedge_kind,
        typo_split=True,
    )
