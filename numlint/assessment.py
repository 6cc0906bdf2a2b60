"""Weighing an equivalence: what the first figure is worth in the second one's unit, and
which values the second figure's wording allows.

``97,4 milliards de dollars (près de 95 milliards d'euros)``: the first figure is worth
94,34 milliards d'euros at the ECB rate of the day; "près de 95" allows a true value a
little under 95 (down to -10 %) or just over (+2 %), widened by the rounding of both
figures and by the spread between newsroom and ECB rates. The rules decide what to report;
this module only measures.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal, localcontext
from typing import Any, Protocol

from .conversion import TEMPERATURES, Converted
from .document import Document
from .mentions import Mention
from .mentions.scales import english_exponents
from .rates import RatesError
from .rates.coarse import SOURCE as COARSE_SOURCE
from .records import Record
from .relations import Equivalence
from .rounding import rounded

DEFAULT_TOLERANCES: dict[str, float] = {
    "about_tolerance": 0.10,
    "nearly_below": 0.10,
    "nearly_above": 0.02,
    "rate_tolerance": 0.03,
    "undated_rate_tolerance": 0.10,
    "rate_window_days": 7,
}
"""How far a stated conversion may stray, by the hedge in front of it (see NL102)."""

ENGLISH_SCALES: dict[str, int] = english_exponents()
"""What ``billion`` and ``trillion`` mean to an English writer (French: 12 and 18)."""


class Assessment(Record):
    equivalence: Equivalence
    expected: Decimal
    """The first figure expressed in the second one's currency or unit."""
    stated: Decimal
    """The second figure."""
    low: Decimal
    high: Decimal
    """The values of ``expected`` that the second figure's wording allows."""
    converted: Converted
    hedge_kind: str | None
    temperature: bool
    window: _Window | None
    """How ``low`` and ``high`` were drawn, to draw them again for another figure."""
    rate_window: RateWindow | None
    """The first figure converted at each rate of the business days before the article's
    date: a conversion that matches any of them is consistent."""

    __slots__ = __match_args__ = ("equivalence", "expected", "stated", "low", "high", "converted",
        "hedge_kind", "temperature", "window", "rate_window")

    def __init__(self, equivalence: Equivalence, expected: Decimal, stated: Decimal, low: Decimal,
                 high: Decimal, converted: Converted, hedge_kind: str | None, temperature: bool,
                 window: _Window | None = None, rate_window: RateWindow | None = None) -> None:
        object.__setattr__(self, "equivalence", equivalence)
        object.__setattr__(self, "expected", expected)
        object.__setattr__(self, "stated", stated)
        object.__setattr__(self, "low", low)
        object.__setattr__(self, "high", high)
        object.__setattr__(self, "converted", converted)
        object.__setattr__(self, "hedge_kind", hedge_kind)
        object.__setattr__(self, "temperature", temperature)
        object.__setattr__(self, "window", window)
        object.__setattr__(self, "rate_window", rate_window)

    @property
    def expected_range(self) -> tuple[Decimal, Decimal]:
        if self.rate_window is None:
            return self.expected, self.expected
        return self.rate_window.lowest, self.rate_window.highest

    @property
    def consistent(self) -> bool:
        lowest, highest = self.expected_range
        return self.low <= highest and lowest <= self.high

    @property
    def ratio(self) -> Decimal | None:
        """expected / stated, or None where a ratio means nothing (zero, temperatures)."""
        if self.temperature or self.stated == 0 or self.expected == 0:
            return None
        with localcontext() as context:
            context.prec = 28
            return abs(self.expected) / abs(self.stated)

    def fits_when_stated_is(self, stated: Decimal) -> bool:
        """Would the claim hold if the second figure were ``stated`` instead (the same
        digits with another scale word)?"""
        if self.stated == 0 or self.temperature or self.window is None:
            return False
        with localcontext() as context:
            context.prec = 28
            low, high = self.window.around(stated, abs(stated / self.stated))
            lowest, highest = self.expected_range
            return low <= highest and lowest <= high


ENGLISH_RESIDUAL = Decimal("1.25")
"""How far off a conversion may remain once read the English way for the English sense to
explain it (the rest, a rate of another day, is NL102's)."""


def english_explains(assessment: Assessment, figure: Mention) -> bool:
    """Does reading ``figure``'s *billion*/*trillion* the English way make the claim hold,
    or leave it less than :data:`ENGLISH_RESIDUAL` off?"""
    english = english_reading(figure)
    equivalence = assessment.equivalence
    if english is None or figure.value == 0:
        return False
    if figure is equivalence.second:
        if assessment.fits_when_stated_is(english):
            return True
    elif first_written_as(assessment, english):
        return True
    ratio = assessment.ratio
    if ratio is None:
        return False
    with localcontext() as context:
        context.prec = 28
        shift = abs(english / figure.value)
        remaining = ratio * shift if figure is equivalence.first else ratio / shift
        return 1 / ENGLISH_RESIDUAL < remaining < ENGLISH_RESIDUAL


def first_written_as(assessment: Assessment, value: Decimal) -> bool:
    """Would the claim hold if the first figure were worth ``value`` (its English reading:
    ``4 trillions`` as 4 × 10^12)? Its rounding, carried into the second figure's unit,
    scales with it."""
    first = assessment.equivalence.first
    if assessment.window is None or assessment.temperature or first.value == 0:
        return False
    with localcontext() as context:
        context.prec = 28
        factor = abs(value / first.value)
        window = replace(assessment.window, carried=assessment.window.carried * factor)
        low, high = window.around(assessment.stated)
        lowest, highest = (bound * factor for bound in assessment.expected_range)
        return low <= highest and lowest <= high


def assess(
    equivalence: Equivalence, document: Document, tolerances: Mapping[str, Any] | None = None
) -> Assessment | None:
    """Measure an equivalence; None when its figures cannot be compared (no rate, no unit).

    Several rules weigh the same equivalences (NL101, NL102, NL104): the result is kept on
    the document, per equivalence and tolerances, so the rate lookup and unit conversion
    happen once."""
    settings = tuple(sorted((tolerances or {}).items()))
    seen = document.assessments_by_id.get((id(equivalence), settings))
    if seen is not None and seen[0] is equivalence:
        return seen[1]
    key = (equivalence, settings)
    kept = document.assessments
    if key not in kept:
        kept[key] = _assess(equivalence, document, tolerances)
    document.assessments_by_id[(id(equivalence), settings)] = (equivalence, kept[key])
    return kept[key]


def _assess(
    equivalence: Equivalence, document: Document, tolerances: Mapping[str, Any] | None
) -> Assessment | None:
    first, second = equivalence.first, equivalence.second
    converted = document.converter.express(first, second)
    if converted is None:
        return None
    settings = {**DEFAULT_TOLERANCES, **(tolerances or {})}
    temperature = second.unit in TEMPERATURES
    hedge = _effective_hedge(first, second)
    if converted.periods is not None and hedge is None:
        hedge = "about"  # a year may hold 13 monthly salaries: a restated rate is approximate
    with localcontext() as context:
        context.prec = 28
        expected = converted.value
        stated = second.value
        # a temperature is converted by formula, to the degree: its digits are meant
        own_rounding = abs(second.precision) if temperature else conversion_rounding(second)
        carried = _converted_rounding(first, converted)
        slack = Decimal(str(_rate_slack(converted, document, settings)))
        window = _Window(own_rounding, carried, hedge, slack, settings)
        if temperature:
            spread = max(own_rounding, Decimal(2) if hedge == "about" else Decimal(0))
            low, high = stated - spread - carried, stated + spread + carried
        else:
            low, high = window.around(stated)
        rate_window = _rate_window(equivalence, converted, document,
                                   int(settings["rate_window_days"]))
        return Assessment(
            equivalence, expected, stated, low, high, converted, hedge, temperature, window,
            rate_window,
        )


class RateWindow(Record):
    first_day: date
    last_day: date
    lowest: Decimal
    highest: Decimal
    """The first figure converted at the lowest and highest cross rate of those days."""

    __slots__ = __match_args__ = ("first_day", "last_day", "lowest", "highest")

    def __init__(self, first_day: date, last_day: date, lowest: Decimal, highest: Decimal) -> None:
        object.__setattr__(self, "first_day", first_day)
        object.__setattr__(self, "last_day", last_day)
        object.__setattr__(self, "lowest", lowest)
        object.__setattr__(self, "highest", highest)


def _rate_window(equivalence: Equivalence, converted: Converted, document: Document,
                 days: int) -> RateWindow | None:
    """Wire copy converts at the rate of a few days before publication: the conversion
    at each ECB rate of the ``days`` business days up to the article's date. Undated
    text has no window (no day to count back from: see NL102's undated tolerance)."""
    first, second = equivalence.first, equivalence.second
    if (converted.method != "ecb-rate" or converted.rate is None or not document.dated
            or days <= 1 or first.currency is None or second.currency is None):
        return None
    key = (first.currency, second.currency, days)
    rates = document.rate_days.get(key)
    if rates is None:
        rates = document.rate_days[key] = _rates_of_days(document, *key)
    if len(rates) < 2:
        return None
    with localcontext() as context:
        context.prec = 28
        lowest = converted.value * min(rates.values()) / converted.rate
        highest = converted.value * max(rates.values()) / converted.rate
    return RateWindow(min(rates), max(rates), min(lowest, highest), max(lowest, highest))


def _rates_of_days(document: Document, source: str, target: str,
                   days: int) -> dict[date, Decimal]:
    """The ECB rate from ``source`` to ``target`` of each of the ``days`` business days up
    to the document's date (fewer where the table ends)."""
    rates: dict[date, Decimal] = {}
    day = document.date
    for _ in range(days * 2 + 6):  # weekends and holidays: enough calendar days back
        if len(rates) >= days:
            break
        try:
            conversion = document.rates.convert(1, source, target, day)
        except RatesError:
            break
        rates.setdefault(conversion.date, conversion.rate)
        day = min(day, conversion.date) - timedelta(days=1)
    return rates


@dataclass(frozen=True, slots=True)
class _Window:
    """What the second figure's wording allows around it: its own rounding (which scales
    with it), the first figure's rounding carried over (which does not), the hedge's
    share and the rate's spread."""

    own_rounding: Decimal
    carried: Decimal
    hedge: str | None
    slack: Decimal
    settings: Mapping[str, Any]

    def around(self, stated: Decimal, factor: Decimal = Decimal(1)) -> tuple[Decimal, Decimal]:
        """The window around ``stated``, the figure written ``factor`` times larger."""
        with localcontext() as context:
            context.prec = 28
            magnitude, own = abs(stated), self.own_rounding * factor
            low, high = _bounds(magnitude, self.hedge, self.settings)
            low = min(low, magnitude - own) - self.carried
            high = max(high, magnitude + own) + self.carried
            low, high = low * (1 - self.slack), high * (1 + self.slack)
            return (-high, -low) if stated < 0 else (low, high)


def conversion_rounding(figure: Mention) -> Decimal:
    """How much the writer may have rounded a conversion: its last printed digit, or the
    last non-zero one of a whole number (``3 900 pieds`` for 3 937 is a rounding to the
    hundred, not a slip). Only for conversions: elsewhere ``200`` is usually exact."""
    precision = abs(figure.precision)
    if figure.decimals:
        return precision
    digits = "".join(ch for ch in figure.number.text if ch.isdigit())
    zeros = len(digits) - len(digits.rstrip("0"))
    if not digits or zeros == 0 or zeros == len(digits):
        return precision
    return max(precision, Decimal(5).scaleb(figure.scale_exponent + zeros - 1))


def _effective_hedge(first: Mention, second: Mention) -> str | None:
    """The second figure's hedge; when it has none, an approximate first figure makes the
    conversion approximate too (``près de 100 millions de dollars (92 millions d'euros)``)."""
    if second.hedge_kind is not None:
        return second.hedge_kind
    if first.hedge_kind in ("about", "nearly"):
        return "about"
    return None


def _bounds(stated: Decimal, hedge: str | None, settings: Mapping[str, Any]) -> tuple[
    Decimal, Decimal
]:
    def share(key: str) -> Decimal:
        return Decimal(str(settings[key]))

    if hedge == "about":
        return stated * (1 - share("about_tolerance")), stated * (1 + share("about_tolerance"))
    if hedge == "nearly":
        return stated * (1 - share("nearly_below")), stated * (1 + share("nearly_above"))
    if hedge == "above":
        return stated, stated * BOUND_HEDGE_REACH
    if hedge == "below":
        return stated / BOUND_HEDGE_REACH, stated
    return stated, stated


BOUND_HEDGE_REACH = Decimal(10)
"""How far past its bound a conversion after *plus de* / *moins de* may be: the writer
rounds towards the bound, not by a thousand (*3 milliards de dollars, soit un peu plus de
2,9 millions d'euros* is a scale slip, not a true statement)."""


def _converted_rounding(first: Mention, converted: Converted) -> Decimal:
    """The first figure's own rounding, carried into the second one's unit."""
    if first.value == 0:
        return Decimal(0)
    return abs(first.precision * converted.value / first.value)


COARSE_RATE_SLACK = 0.5
"""The spread allowed around a yearly order of magnitude (:mod:`numlint.rates.coarse`)."""


def _rate_slack(converted: Converted, document: Document, settings: Mapping[str, Any]) -> float:
    if converted.method == "coarse-rate":
        return COARSE_RATE_SLACK
    if converted.method != "ecb-rate":
        return 0.0
    if not document.dated or converted.rate_fallback == "latest":
        return float(settings["undated_rate_tolerance"])
    return float(settings["rate_tolerance"])


def english_reading(mention: Mention) -> Decimal | None:
    """The value of a ``billion``/``trillion`` figure read the English way, else None."""
    if mention.scale is None:
        return None
    english = ENGLISH_SCALES.get(mention.scale.text.lower())
    if english is None:
        return None
    return _plain_value(mention.value.scaleb(english - mention.scale_exponent))


def english_singular(mention: Mention) -> bool:
    """``3 billion de dollars``: *billion*/*trillion* left singular after a written number of
    two or more, as English writes it (French says *3 billions*, or meant *milliards*).
    NL104 reports it; NL305 leaves it to NL104."""
    written = (mention.scale.text if mention.scale else "").lower()
    if written not in ("billion", "trillion") or not mention.number.text[:1].isdigit():
        return False
    return abs(mention.value).scaleb(-mention.scale_exponent) >= 2


def _plain_value(value: Decimal) -> Decimal:
    return rounded(value, Decimal(1)) if value == value.to_integral_value() else value


def evidence_of(assessment: Assessment, document: Document) -> dict[str, Any]:
    """What a reviewer needs to check the finding by hand."""
    first, second = assessment.equivalence.first, assessment.equivalence.second
    evidence: dict[str, Any] = {
        "first": first.text,
        "second": second.text,
        "first_value": str(first.value),
        "second_value": str(second.value),
        "expected": plain(assessment.expected),
        "allowed": [plain(assessment.low), plain(assessment.high)],
        "hedge": second.written_hedge.text if second.written_hedge else None,
        "relation": assessment.equivalence.marker,
    }
    ratio = assessment.ratio
    if ratio is not None:
        evidence["ratio"] = plain(ratio)
    if assessment.equivalence.open_figure is not None:
        evidence["open_currency"] = (
            f"« {getattr(assessment.equivalence, assessment.equivalence.open_figure).text} »"
            f" names no known currency: read as {', '.join(assessment.equivalence.readings)}"
            " here, and weighed in every franc it may be (CHF, XOF, FRF, BEF)")
    converted = assessment.converted
    if converted.method == "ecb-rate" and converted.rate_date is not None:
        evidence["rate"] = rate_statement(first.currency or "", second.currency or "",
                                          converted, document)
        evidence["rate_date"] = converted.rate_date.isoformat()
        evidence["rate_source"] = document.rates.source
        if converted.rate_fallback:
            evidence["rate_fallback"] = converted.rate_fallback
    if assessment.rate_window is not None:
        window = assessment.rate_window
        evidence["rate_window"] = {
            "from": window.first_day.isoformat(),
            "to": window.last_day.isoformat(),
            "expected": [plain(window.lowest), plain(window.highest)],
        }
    if converted.method == "coarse-rate":
        evidence["rate"] = converted.coarse_statement
        evidence["rate_source"] = COARSE_SOURCE
        evidence["rate_precision"] = "order of magnitude (yearly average): never used for NL102"
    evidence.update(_unit_evidence(first, second))
    inherited = {
        figure.text: f"{figure.currency}, assumed from « {document.text[slice(*source)]} »"
        for figure in (first, second)
        if figure.currency_inherited and (source := figure.currency_source_span) is not None
    }
    if inherited:
        evidence["currency_from_context"] = inherited  # not written with the figure
    evidence["date"] = document.date.isoformat()
    evidence["date_origin"] = document.date_origin
    return evidence


def _unit_evidence(first: Mention, second: Mention) -> dict[str, Any]:
    """The two units when they differ, and which figure's unit is one reading of two."""
    evidence: dict[str, Any] = {}
    if first.unit and second.unit and first.unit != second.unit:
        evidence["units"] = [first.unit, second.unit]
    assumed = [figure.text for figure in (first, second) if figure.unit_assumed]
    if assumed:  # bare « milles »: read as the statute mile, which it may not be
        evidence["unit_assumed"] = {
            text: "statute mile (1 609 m) or nautical mile (1 852 m): a slip of magnitude only"
            for text in assumed
        }
    return evidence


def rate_statement(source: str, target: str, converted: Converted, document: Document) -> str:
    """The rate as the ECB prints it: ``1 EUR = 1.0324 USD``."""
    if converted.rate_date is not None and "EUR" in (source, target):
        other = target if source == "EUR" else source
        per_eur = document.rates.rate(other, converted.rate_date).per_eur
        return f"1 EUR = {per_eur} {other}"
    return f"1 {source} = {plain(converted.rate or Decimal(0))} {target}"


def plain(value: Decimal) -> str:
    """Six significant digits in plain notation: enough for a reviewer, easy to read."""
    if not value.is_finite():
        return "inf" if value > 0 else "-inf"
    if value == 0:
        return "0"
    with localcontext() as context:
        context.prec = 6
        rounded = +value
    text = f"{rounded:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


class Interval(Record):
    """The values a rounded or hedged figure allows."""

    low: Decimal
    high: Decimal

    __slots__ = __match_args__ = ("low", "high")

    def __init__(self, low: Decimal, high: Decimal) -> None:
        object.__setattr__(self, "low", low)
        object.__setattr__(self, "high", high)

    def overlaps(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high

    @property
    def middle(self) -> Decimal:
        return (self.low + self.high) / 2


class Rounded(Protocol):
    """What a change is computed from: a value and how much its writer may have rounded it
    (a :class:`Mention`, or a figure a rule reads another way without copying it)."""

    @property
    def value(self) -> Decimal: ...

    @property
    def precision(self) -> Decimal: ...


def relative_change(start: Rounded, end: Rounded) -> Interval | None:
    """The change from ``start`` to ``end`` in percent, over the rounding of both."""
    a, b = abs(start.precision), abs(end.precision)
    if start.value <= 0 or start.value - a <= 0:
        return None
    with localcontext() as context:
        context.prec = 28
        low = ((end.value - b) / (start.value + a) - 1) * 100
        high = ((end.value + b) / (start.value - a) - 1) * 100
    return Interval(low, high)


def point_change(start: Rounded, end: Rounded) -> Interval:
    """The change from ``start`` to ``end`` in points (both percentages)."""
    spread = abs(start.precision) + abs(end.precision)
    difference = end.value - start.value
    return Interval(difference - spread, difference + spread)


def ratio_of(start: Mention, end: Mention) -> Interval | None:
    """``end / start`` over the rounding of both."""
    a, b = abs(start.precision), abs(end.precision)
    if start.value <= 0 or start.value - a <= 0 or end.value < 0:
        return None
    with localcontext() as context:
        context.prec = 28
        return Interval((end.value - b) / (start.value + a), (end.value + b) / (start.value - a))


def stated_change(stated: Mention, direction: int, hedge: str | None = None,
                  about: Decimal = Decimal("0.10")) -> Interval:
    """What a stated change allows, signed by its direction (``une baisse de 2 %`` -> -2)."""
    magnitude = abs(stated.value)
    rounding = abs(stated.precision)
    low, high = magnitude - rounding, magnitude + rounding
    kind = hedge or stated.hedge_kind
    if kind == "about":
        low, high = min(low, magnitude * (1 - about)), max(high, magnitude * (1 + about))
    elif kind == "nearly":
        low, high = min(low, magnitude * (1 - about)), max(high, magnitude * Decimal("1.02"))
    elif kind == "above":
        high = Decimal("Infinity")
    elif kind == "below":
        low = Decimal(0)
    sign = -1 if direction < 0 else 1
    return Interval(min(sign * low, sign * high), max(sign * low, sign * high))


def multiple_allows(factor: Decimal, hedge: str | None) -> Interval:
    """What ``a doublé`` (2), ``a presque triplé``, ``divisé par deux`` (0,5) allow as a ratio:
    writers round multiples, so ±10 % unless the wording says more or less."""
    with localcontext() as context:
        context.prec = 28
        if hedge == "above":
            return Interval(factor * Decimal("0.98"), Decimal("Infinity"))
        if hedge == "nearly":
            return Interval(factor * Decimal("0.75"), factor * Decimal("1.02"))
        if hedge == "about":
            return Interval(factor * Decimal("0.8"), factor * Decimal("1.2"))
        if hedge == "times-more":  # "trois fois plus": ×3, or ×4 read as "+300 %"
            return Interval(factor * Decimal("0.8"), (factor + 1) * Decimal("1.2"))
        return Interval(factor * Decimal("0.9"), factor * Decimal("1.1"))


def change_of_multiple(factor: Decimal) -> Decimal:
    """The change in percent a multiple means: doubling is +100 %, halving -50 %."""
    with localcontext() as context:
        context.prec = 28
        return (factor - 1) * 100
