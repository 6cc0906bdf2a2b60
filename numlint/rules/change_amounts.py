"""How NL201 weighs a change stated as an amount (:class:`AmountChange`): the amount must
be the difference of the endpoints, or, given the end and a rate, the rate must be the
amount over the start it implies (the end less the amount). Every figure may have been
rounded to its last digit; a figure written 1 000 times off that would make it hold is
named in the evidence."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal, localcontext
from typing import Any

from .api import (
    N_,
    Amount,
    AmountChange,
    Document,
    Finding,
    Interval,
    Mention,
    rounded,
    stated_change,
)

_FAR = Decimal("1.5")
"""The amount and the difference the endpoints give are far apart when one is this many
times the other (or of the other sign): no rounding explains it."""
_FACTORS = (Decimal(1000), Decimal("0.001"))
_SLIP_MESSAGES = {
    (True, True): N_("“{amount}”: from {start} to {end} the change is {computed}; it would be "
                     "the stated change with “{figure}” 1 000 times larger."),
    (True, False): N_("“{amount}”: from {start} to {end} the change is {computed}; it would "
                      "be the stated change with “{figure}” 1 000 times smaller."),
    (False, True): N_("“{rate}”: a change of {amount} to {end} is a change of {computed} %; "
                      "it would be the stated rate with “{figure}” 1 000 times larger."),
    (False, False): N_("“{rate}”: a change of {amount} to {end} is a change of {computed} "
                       "%; it would be the stated rate with “{figure}” 1 000 times smaller."),
}
"""The message when one figure written 1 000 times off makes the change hold: (the start
is given, the figure should be larger)."""


def amount_change_findings(document: Document) -> Iterator[Finding]:
    for change in document.relations.amount_changes:
        finding = _finding(change)
        if finding is not None:
            yield finding


def _finding(change: AmountChange) -> Finding | None:
    if change.start is None and change.rate is None:
        return None
    if _holds(change):
        return None
    slip = _slip(change)
    if change.start is not None:
        actual = _difference(change.start, change.end)
        claimed = stated_change(change.amount, change.direction)
        far = _far(actual, claimed)
        figure, message = change.amount, N_(
            "“{amount}”: from {start} to {end} the change is {computed}.")
        params: dict[str, Any] = {
            "amount": change.amount.text, "start": change.start.text,
            "end": change.end.text, "computed": _amount(actual, change.end)}
    else:
        assert change.rate is not None
        actual = _rate(change.amount, change.end, change.direction) or Interval(
            Decimal(0), Decimal(0))
        claimed = stated_change(change.rate, change.direction)
        far = _far(actual, claimed)
        figure, message = change.rate, N_(
            "“{rate}”: a change of {amount} to {end} is a change of {computed} %.")
        params = {"rate": change.rate.text, "amount": change.amount.text,
                  "end": change.end.text, "computed": rounded(actual.middle, Decimal("0.1"))}
    if slip is not None:
        figure = slip[0]
        params["figure"] = slip[0].text
        message = _SLIP_MESSAGES[(change.start is not None, slip[1] > 1)]
    evidence: dict[str, Any] = {
        "wording": change.wording, "amount": change.amount.text, "end": change.end.text,
        "start": change.start.text if change.start is not None else None,
        "rate": change.rate.text if change.rate is not None else None,
        "computed_low": f"{actual.low:f}", "computed_high": f"{actual.high:f}",
        "severity_reason": (
            "the words tie the amount to its endpoints and it is off by far more than the "
            "rounding of the figures" if far else
            "off by more than the rounding of the figures, but not by far"),
    }
    if slip is not None:
        evidence["slip"] = {"figure": slip[0].text, "factor": f"{slip[1]:f}"}
    return Finding(figure.start, figure.end, message, params, evidence=evidence,
                   severity="error" if far else None)


def _holds(change: AmountChange, scaled: Mention | None = None,
           factor: Decimal = Decimal(1)) -> bool:
    """Whether the stated amount (or rate) fits the figures, ``scaled`` read ``factor``
    times larger."""
    def read(figure: Mention) -> Mention:
        return _scaled(figure, factor) if figure is scaled else figure

    amount, end = read(change.amount), read(change.end)
    if change.start is not None:
        return _difference(read(change.start), end).overlaps(
            stated_change(amount, change.direction))
    assert change.rate is not None
    actual = _rate(amount, end, change.direction)
    return actual is not None and actual.overlaps(stated_change(change.rate, change.direction))


def _slip(change: AmountChange) -> tuple[Mention, Decimal] | None:
    figures = (change.end, change.amount, change.start)
    for figure in figures:
        for factor in _FACTORS:
            if figure is not None and _holds(change, figure, factor):
                return figure, factor
    return None


def _difference(start: Mention, end: Mention) -> Interval:
    spread = abs(start.precision) + abs(end.precision)
    moved = end.value - start.value
    return Interval(moved - spread, moved + spread)


def _rate(amount: Mention, end: Mention, direction: int) -> Interval | None:
    """The rate of a change of ``amount`` (signed by ``direction``) ending at ``end``,
    over the rounding of both."""
    a, e = abs(amount.precision), abs(end.precision)
    sign = 1 if direction > 0 else -1
    with localcontext() as context:
        context.prec = 28
        values = []
        for moved in (abs(amount.value) - a, abs(amount.value) + a):
            for ended in (end.value - e, end.value + e):
                start = ended - sign * moved
                if start <= 0:
                    return None
                values.append(sign * moved / start * 100)
    return Interval(min(values), max(values))


def _far(actual: Interval, claimed: Interval) -> bool:
    if actual.high < claimed.low:
        near_actual, near_claimed = actual.high, claimed.low
    else:
        near_actual, near_claimed = actual.low, claimed.high
    if near_actual * near_claimed <= 0:
        return True
    small, big = sorted((abs(near_actual), abs(near_claimed)))
    return big >= small * _FAR


def _scaled(figure: Mention, factor: Decimal) -> Mention:
    shift = 3 if factor > 1 else -3
    return replace(figure, value=figure.value * factor,
                   scale_exponent=figure.scale_exponent + shift)


def _amount(interval: Interval, like: Mention) -> Amount:
    return Amount(interval.middle, like.unit_label)
