"""Numbers written with digits in French copy: ``1 234,56``, ``1.234,56``, ``97,4``, ``1’000``."""

from __future__ import annotations

from decimal import Decimal

GROUP_SEPARATORS = " \u00a0\u202f\u2009.'’"
"""Space, no-break space, narrow no-break space, thin space, dot and apostrophes (Swiss)."""

_DROP_GROUPS = str.maketrans("", "", GROUP_SEPARATORS)


def parse_digits(written: str, *, dot_is_decimal: bool = False) -> tuple[Decimal, int] | None:
    """The value of a French digit string and how many decimals it prints.

    A comma is the decimal mark; spaces (of any width), dots and apostrophes group
    thousands. ``dot_is_decimal`` reads a lone dot as a decimal point (``1.5 milliard``),
    which the scanner allows only when a scale word, unit or currency follows.
    Returns None when the groups are not all of three digits.
    """
    if written.isdigit():  # most figures: "12", "2025"
        return Decimal(written), 0
    text = written.strip()
    if dot_is_decimal:
        whole, _, fraction = text.partition(".")
        if not whole.isdigit() or not fraction.isdigit():
            return None
        return Decimal(f"{whole}.{fraction}"), len(fraction)
    whole, comma, fraction = text.partition(",")
    if comma and not fraction.isdigit():
        return None
    if whole and not _groups_are_valid(whole):
        return None
    digits = whole.translate(_DROP_GROUPS) or "0"
    if not digits.isdigit():
        return None
    if comma:
        return Decimal(f"{digits}.{fraction}"), len(fraction)
    return Decimal(digits), 0


def _groups_are_valid(whole: str) -> bool:
    """``1 234 567`` and ``1.234.567`` are valid; ``12 34`` is not a number but two."""
    separators = {ch for ch in whole if ch in GROUP_SEPARATORS}
    if not separators:
        return whole.isdigit()
    spaces: dict[str, str | int | None] = {ch: " " for ch in separators}
    groups = whole.translate(str.maketrans(spaces)).split(" ")
    first, rest = groups[0], groups[1:]
    return (
        1 <= len(first) <= 3
        and first.isdigit()
        and all(len(g) == 3 and g.isdigit() for g in rest)
    )


def shifted(value: Decimal, places: int) -> Decimal:
    """``value`` × 10^``places``, exactly: ``Decimal.scaleb`` rounds to the context's 28
    digits, and a pasted run of 60 digits is still a number to read without loss."""
    sign, digits, exponent = value.as_tuple()
    return Decimal((sign, digits, exponent + places))  # type: ignore[operator]


def plain(value: Decimal) -> Decimal:
    """``9.74E+10`` -> ``97400000000``: a scaled value as written in full (exactly; a
    ``quantize`` fails beyond the context's precision)."""
    sign, digits, exponent = value.as_tuple()
    if isinstance(exponent, int) and exponent > 0:
        return Decimal((sign, (*digits, *(0,) * exponent), 0))
    return value
