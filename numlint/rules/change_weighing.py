"""Weighing a stated change against its endpoints: every reading the text allows, whether
the rate fits one of them, how far off it is, and whether one figure written 1 000 times
off (a scale word shifted, a number with three zeros too many) would make it right."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext

from .api import Change, Interval, Mention, point_change, relative_change, stated_change

LARGE_FACTOR = Decimal("1.5")
"""A rate and the change its endpoints give that differ by this factor (or in sign) are
far apart: no rounding of the figures explains it."""
LARGE_POINTS = Decimal(1)
"""…and by at least one point: +0,4 % against +0,7 % is a rounding quarrel, not a slip."""
SLIP_FACTORS = (Decimal(1000), Decimal("0.001"))


@dataclass(frozen=True, slots=True)
class Slip:
    """One figure 1 000 times off that would make the rate right: ``start`` → ``end`` is
    the reading, ``figure`` the one of them to scale by ``factor``."""

    start: Mention
    end: Mention
    figure: Mention
    factor: Decimal


@dataclass(frozen=True, slots=True)
class _Read:
    """A figure as the weighing reads it, read otherwise than written (1 000 times off,
    or its size below zero) without copying its whole mention."""

    kind: str
    value: Decimal
    precision: Decimal


Weighed = Mention | _Read


def weighed_readings(change: Change) -> list[tuple[Mention, Mention]]:
    """The (start, end) pairs the text may mean: the named endpoints, every other figure
    that may be the start, and, where the words do not say which comes first (a table row,
    a loose tie), both orders."""
    start, end = change.start, change.end
    assert start is not None and end is not None
    readings = [(start, end), *((other, end) for other in change.alternatives)]
    if change.tie in ("table", "context"):
        # the columns, or nothing in the words, say which figure is the earlier one
        readings.extend((b, a) for a, b in list(readings))
    return readings


def _unsigned(change: Change, start: Weighed, end: Weighed) -> bool:
    """No sign to compare: a table's unsigned rate, or two balances below zero (a deficit
    that *s'allège* has a smaller size, whichever way the writer counts the sign)."""
    return change.direction == 0 or (start.value < 0 and end.value < 0)


def computed_change(change: Change, start: Weighed, end: Weighed) -> Interval | None:
    """The change from ``start`` to ``end`` over their rounding, in the stated unit; below
    zero, the change of their size (*-76,4 → -52,1 Mds* is -31,8 %)."""
    if change.stated_as == "points":
        if not start.kind == end.kind == "percent":
            return None
        return point_change(start, end)
    if start.value < 0 and end.value < 0:
        start = _Read(start.kind, -start.value, start.precision)
        end = _Read(end.kind, -end.value, end.precision)
    return relative_change(start, end)


def _claimed(change: Change) -> Interval:
    assert change.stated is not None
    return stated_change(change.stated, change.direction)


def fits(change: Change, start: Weighed, end: Weighed,
         claimed: Interval | None = None) -> bool:
    """Does the rate hold for this reading, given the rounding of every figure?
    ``claimed`` is the stated change's interval, when the caller already has it."""
    actual = computed_change(change, start, end)
    if actual is None:
        return False
    if claimed is None:
        claimed = _claimed(change)
    if actual.overlaps(claimed):
        return True
    if _unsigned(change, start, end):
        return actual.overlaps(Interval(-claimed.high, -claimed.low))
    return False


def is_large(change: Change, start: Mention, end: Mention) -> bool:
    """Far apart: by a factor of :data:`LARGE_FACTOR` or in sign, and by a point or more,
    between the nearest values rate and endpoints allow."""
    actual = computed_change(change, start, end)
    if actual is None:
        return False
    claimed = _claimed(change)
    if _unsigned(change, start, end):
        actual = Interval(min(abs(actual.low), abs(actual.high)) if actual.low * actual.high > 0
                          else Decimal(0), max(abs(actual.low), abs(actual.high)))
        claimed = Interval(abs(claimed.low) if claimed.low * claimed.high > 0 else Decimal(0),
                           max(abs(claimed.low), abs(claimed.high)))
    if actual.high < claimed.low:
        near_actual, near_claimed = actual.high, claimed.low
    else:
        near_actual, near_claimed = actual.low, claimed.high
    if abs(near_actual - near_claimed) < LARGE_POINTS:
        return False
    if near_actual * near_claimed <= 0:
        return True
    small, big = sorted((abs(near_actual), abs(near_claimed)))
    return big >= small * LARGE_FACTOR


def scale_slip(change: Change, readings: list[tuple[Mention, Mention]]) -> Slip | None:
    """The first reading and figure that, written 1 000 times larger or smaller, make the
    rate right (``3,8 millions`` for ``3,8 milliards``)."""
    claimed = _claimed(change)
    for start, end in readings:
        for figure in (end, start):
            for factor in SLIP_FACTORS:
                scaled = _scaled(figure, factor)
                reading: tuple[Weighed, Weighed] = (
                    (scaled, end) if figure is start else (start, scaled))
                if not _surely_off(change, claimed, *reading) and fits(
                        change, *reading, claimed=claimed):
                    return Slip(start, end, figure, factor)
    return None


_FLOAT_SLACK = 1e-6
"""How far (relatively) two float bounds must be apart to tell a reading off without the
Decimal work: float rounding (about 1e-15 of the values) cannot cross it."""


def _surely_off(change: Change, claimed: Interval, start: Weighed, end: Weighed) -> bool:
    """True only when the reading's change (:func:`relative_change`, in floats) is so far
    outside the claimed interval, and outside its opposite for an unsigned rate, that
    :func:`fits` must say no: most readings 1 000 times off are off by far more."""
    if change.stated_as == "points":
        return False  # a difference, no division: fits is as cheap
    first, last = float(start.value), float(end.value)
    if first < 0 and last < 0:
        first, last = -first, -last
    a, b = abs(float(start.precision)), abs(float(end.precision))
    if first <= 0 or first - a <= 0:
        return False
    low = ((last - b) / (first + a) - 1) * 100
    high = ((last + b) / (first - a) - 1) * 100
    slack = _FLOAT_SLACK * (abs(low) + abs(high) + 1)

    def apart(lowest: float, highest: float) -> bool:
        return low - slack > highest or high + slack < lowest

    claimed_low, claimed_high = float(claimed.low), float(claimed.high)
    if not apart(claimed_low, claimed_high):
        return False
    return not _unsigned(change, start, end) or apart(-claimed_high, -claimed_low)


def _scaled(figure: Mention, factor: Decimal) -> _Read:
    """``figure`` written ``factor`` times larger: its rounding moves with its scale (the
    :attr:`Mention.precision` of the figure with its scale exponent shifted by 3)."""
    with localcontext() as context:
        context.prec = 28
        shift = 3 if factor > 1 else -3
        value = figure.value * factor
    return _Read(figure.kind, value,
                 Decimal(5).scaleb(figure.scale_exponent + shift - figure.decimals - 1))
