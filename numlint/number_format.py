"""Numbers and dates shown in messages, as Babel shows them, without Babel's locale data.

A message shows its amounts compactly (``94,3 milliards EUR``), its ratios and rates with
their digits grouped (``1 000``, ``1,0324``) and its dates long (``11 février 2025``).
Babel does that from its CLDR locale data, whose first load costs a check about 20 ms.
The symbols and patterns those formats use are generated at build time into
``numlint/data/number_formats.json`` (``tools/generate_number_formats.py``), and applied
here the way Babel applies them (a test compares both on many values). Each function
returns None where it does not answer (a value that is not finite, a language not in the
table, a pattern without digits): the caller asks Babel then.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

PLURAL_RULES: dict[str, dict[str, str]] = {
    "fr": {
        "many": "e in 0 and i not in 0 and i mod 1000000 in 0 and v in 0 or e not in 0..5",
        "one": "i in 0..1",
    },
    "en": {"one": "i in 1 and v in 0"},
}
"""CLDR's plural rules of the message languages, as :func:`_plural_form` evaluates them
(the generator refuses a Babel whose rules differ)."""


@cache
def _table() -> dict[str, Any]:
    from .package_data import read_bytes

    table: dict[str, Any] = json.loads(read_bytes("data/number_formats.json"))
    return table


def grouped(value: Decimal, max_fraction: int, lang: str) -> str | None:
    """``value`` with its digits grouped by three and at most ``max_fraction`` decimals,
    trailing zeros dropped (Babel's ``format_decimal`` with ``#,##0.##…``), rounded in the
    current decimal context."""
    symbols = _table().get(lang)
    if symbols is None or not value.is_finite():
        return None
    return _applied(value, max_fraction, symbols, group=True, suffix="")


def compact(value: Decimal, lang: str, fraction_digits: int = 1) -> str | None:
    """``value`` in words of its magnitude (``94,3 milliards``), as Babel's
    ``format_compact_decimal(…, format_type="long")``; None below the smallest magnitude."""
    symbols = _table().get(lang)
    if symbols is None or not value.is_finite():
        return None
    patterns = symbols["compact_long"]
    magnitudes = sorted((int(m) for m in patterns["other"]), reverse=True)
    for index, magnitude in enumerate(magnitudes):
        if abs(value) < magnitude:
            continue
        digits = patterns["other"][str(magnitude)].count("0")
        if digits == 0:
            return None
        divisor = magnitude // 10 ** (digits - 1)
        rounded = round(value / divisor, fraction_digits)
        if index > 0 and abs(rounded) * divisor >= magnitudes[index - 1]:
            # rounded up into the next magnitude (999,96 millions): that one's words
            return compact(Decimal(magnitudes[index - 1]).copy_sign(value), lang,
                           fraction_digits)
        form = _plural_form(lang, abs(rounded).normalize())
        if form not in patterns:
            form = "other"
        if rounded == 1 and str(magnitude) in patterns.get("1", {}):
            form = "1"
        if str(magnitude) not in patterns[form]:
            form = "other"
        pattern = patterns[form][str(magnitude)]
        zeros = pattern.count("0")
        if zeros == 0:
            return None
        shown = _precision(rounded)
        return _applied(rounded, shown, symbols, group=False, suffix=pattern[zeros:],
                        width=zeros)
    return None


def long_date(day: date, lang: str) -> str | None:
    """``11 février 2025``: Babel's long date (CLDR's ``d MMMM y`` in both languages)."""
    symbols = _table().get(lang)
    if symbols is None:
        return None
    return f"{day.day} {symbols['months'][day.month - 1]} {day.year}"


def _applied(value: Decimal, max_fraction: int, symbols: dict[str, Any], *, group: bool,
             suffix: str, width: int = 1) -> str:
    """A number pattern applied: the sign apart, the magnitude rounded to
    ``max_fraction`` decimals in the current context, its integer digits padded to
    ``width`` and grouped by three (``group``), its decimals without trailing zeros."""
    sign = "-" if value.is_signed() else ""
    rounded = abs(value).normalize().quantize(Decimal(10) ** -max_fraction)
    whole, _, decimals = f"{rounded:f}".partition(".")
    whole = whole.rjust(width, "0")
    if group:
        whole = _groups_of_three(whole, symbols["group"])
    decimals = decimals.rstrip("0") if max_fraction else ""
    shown = whole + (symbols["decimal"] + decimals if decimals else "")
    return sign + shown + suffix


def _groups_of_three(digits: str, separator: str) -> str:
    head = len(digits) % 3 or 3
    return separator.join([digits[:head]] + [digits[i:i + 3]
                                             for i in range(head, len(digits), 3)])


def _precision(value: Decimal) -> int:
    """The decimals of ``value`` written without trailing zeros (0 for an integer)."""
    exponent = value.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _plural_form(lang: str, number: Decimal) -> str:
    """The CLDR plural category of ``number`` (no trailing zeros) in ``lang``: the
    operands ``i`` (integer digits) and ``v`` (visible decimals) of :data:`PLURAL_RULES`;
    ``e`` (a compact exponent) is 0 here."""
    integer = int(number)
    decimals = _precision(number)
    if lang == "fr":
        if integer in (0, 1):
            return "one"
        if integer != 0 and integer % 1_000_000 == 0 and decimals == 0:
            return "many"
        return "other"
    return "one" if integer == 1 and decimals == 0 else "other"
