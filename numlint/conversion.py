"""Stage 3 of the pipeline: expressing one figure in the currency or unit of another.

This is where a rate is looked up (ECB reference rates of the document's date, from the
embedded table or a file the user gave; the fixed rates of the currencies the euro
replaced) and where units are converted (by the factors generated from pint for the
units numlint reads, else through one pint registry built on first use: pint costs a
quarter of a second to load, and most articles never need it).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal, localcontext
from typing import Any, Literal

from .mentions import Mention
from .mentions.currencies import normalize_written
from .mentions.lexicon import PERIODS_PER_YEAR
from .rates import RatesError, RateTable
from .rates.coarse import coarse_rate
from .rates.legacy import FRANC_WORDS, FRENCH_FRANC_LAST_DAY, fixed_rate

Method = Literal["same", "ecb-rate", "fixed-rate", "coarse-rate", "pint"]

TEMPERATURES = frozenset({"degree_Celsius", "degree_Fahrenheit", "kelvin"})
"""Units with an offset: compared by difference, never by ratio."""


@dataclass(frozen=True, slots=True)
class Converted:
    """A figure expressed in another currency or unit."""

    value: Decimal
    method: Method
    rate: Decimal | None = None
    """Money: units of the target currency for one unit of the source currency."""
    rate_date: date | None = None
    rate_fallback: str | None = None
    periods: Decimal | None = None
    """For a rate restated per another period, how many of the first figure's periods
    make one of the second's (12 from ``par mois`` to ``par an``); None when the same."""
    coarse: tuple[tuple[str, Decimal, int], ...] = ()
    """For ``coarse-rate``: the (currency, units per euro, year) of each yearly average
    used (:mod:`numlint.rates.coarse`): an order of magnitude, not the rate of the day."""

    @property
    def coarse_statement(self) -> str:
        """``1 EUR ≈ 100 RUB (2024)``: what the evidence shows of a coarse rate."""
        return ", ".join(f"1 EUR ≈ {per_eur} {code} ({year})" for code, per_eur, year in
                         self.coarse)


class Converter:
    """Converts figures for one document (its date, its rate table)."""

    def __init__(self, on: date, rates: Callable[[], RateTable]) -> None:
        self.on = on
        self._rates = rates

    def express(self, figure: Mention, like: Mention) -> Converted | None:
        """``figure`` in the currency or unit of ``like``, per its period; None when they
        cannot compare."""
        if figure.kind != like.kind:
            return None
        periods = periods_between(figure.per, like.per, periods_per_year(figure.kind))
        if periods is None:
            periods = denominators_between(figure.per, like.per)
        if periods is None:
            periods = periods_between(figure.per, like.per, LOOSE_PERIODS_PER_YEAR)
        if periods is None:
            return None
        if figure.kind == "money":
            converted = self._money(figure, like)
        elif figure.kind == "quantity":
            converted = _quantity(figure, like)
        else:
            converted = Converted(figure.value, "same")
        if converted is None or periods == 1:
            return converted
        with localcontext() as context:
            context.prec = 28
            return replace(converted, value=converted.value * periods, periods=periods)

    def in_currency(self, figure: Mention, target: str) -> Converted | None:
        """A money figure in ``target`` (``"EUR"``), per its own period; None when no rate
        (ECB, fixed or coarse) reaches its currency."""
        if figure.kind != "money":
            return None
        return self._money_to(figure, target)

    def _money(self, figure: Mention, like: Mention) -> Converted | None:
        return self._money_to(figure, like.currency)

    def _money_to(self, figure: Mention, target: str | None) -> Converted | None:
        source = figure.currency
        if source is None or target is None:
            return None
        if source == target:
            return Converted(figure.value, "same")
        source_fixed, target_fixed = fixed_rate(source), fixed_rate(target)
        if source_fixed is None and target_fixed is None:
            return self._at_market_rate(figure.value, source, target)
        with localcontext() as context:
            context.prec = 28
            # Through the euro: legacy currencies at their fixed rate, others at the ECB's.
            euros = figure.value / source_fixed if source_fixed else None
            if euros is None:
                market = self._at_market_rate(figure.value, source, "EUR")
                if market is None:
                    return None
                euros = market.value
                if market.method == "coarse-rate" and target_fixed is not None:
                    return replace(market, value=euros * target_fixed, rate=None)
            if target_fixed is not None:
                return Converted(euros * target_fixed, "fixed-rate",
                                 rate=(target_fixed / source_fixed) if source_fixed else None)
            market = self._at_market_rate(euros, "EUR", target)
            if market is None:
                return None
            if market.method == "coarse-rate":
                return market
            return Converted(market.value, "ecb-rate", rate=None, rate_date=market.rate_date,
                             rate_fallback=market.rate_fallback)

    def _at_market_rate(self, value: Decimal, source: str, target: str) -> Converted | None:
        if source == target:
            return Converted(value, "same")
        try:
            conversion = self._rates().convert(value, source, target, self.on)
        except RatesError:
            return self._at_coarse_rate(value, source, target)
        return Converted(
            conversion.value,
            "ecb-rate",
            rate=conversion.rate,
            rate_date=conversion.date,
            rate_fallback=conversion.fallback,
        )

    def _at_coarse_rate(self, value: Decimal, source: str, target: str) -> Converted | None:
        """When the ECB does not quote a side: its yearly order of magnitude, the other
        side at the ECB rate of the day (or the same table)."""
        per_eur: list[Decimal] = []
        used: list[tuple[str, Decimal, int]] = []
        for code in (source, target):
            if code == "EUR":
                per_eur.append(Decimal(1))
                continue
            try:
                per_eur.append(self._rates().rate(code, self.on).per_eur)
                continue
            except RatesError:
                pass
            coarse = coarse_rate(code, self.on)
            if coarse is None:
                return None
            per_eur.append(coarse.per_eur)
            used.append((code, coarse.per_eur, coarse.year))
        if not used:
            return None
        with localcontext() as context:
            context.prec = 28
            rate = per_eur[1] / per_eur[0]
            return Converted(value * rate, "coarse-rate", rate=rate, coarse=tuple(used))


def periods_per_year(kind: str) -> dict[str, int]:
    """The periods a rate of this kind may be restated in. Money per day or week stays out
    (worked days or calendar days?); a flow of barrels, tonnes or passengers runs every
    day: ``2 millions de barils par jour, soit 730 millions par an`` is ×365."""
    return PERIODS_PER_YEAR if kind == "money" else CALENDAR_PERIODS_PER_YEAR


CALENDAR_PERIODS_PER_YEAR: dict[str, int] = {**PERIODS_PER_YEAR, "semaine": 52, "jour": 365}

LOOSE_PERIODS_PER_YEAR: dict[str, int] = {
    **CALENDAR_PERIODS_PER_YEAR, "heure": 8760, "minute": 525_600, "seconde": 31_536_000,
}
"""Every period a rate may be restated in when only a slip of a power of 1 000 is weighed:
money per day or week (worked or calendar days, a factor of 1,7 at most, far from 1 000:
``92,5 M€/an, soit 253 500 €/jour``), a count or a flow per hour, minute or second
(``6250 par heure, environ 104 par minute``: copy does not say whether it runs all day)."""


def restates_loosely(per: str | None, other: str | None, kind: str) -> bool:
    """Whether a rate per ``per`` restated per ``other`` converts only by
    :data:`LOOSE_PERIODS_PER_YEAR`, not by the periods of its kind: such a pair is weighed
    as a ``loose`` tie (a power of 1 000 only, never a few percent)."""
    return (per != other and periods_between(per, other, periods_per_year(kind)) is None
            and periods_between(per, other, LOOSE_PERIODS_PER_YEAR) is not None)


def periods_between(
    per: str | None, other: str | None, periods: dict[str, int] = PERIODS_PER_YEAR
) -> Decimal | None:
    """By how much a rate per ``per`` is multiplied to be per ``other`` (12 from a month to
    a year, 1/12 back), 1 when the same, None when they do not convert."""
    if per == other:
        return Decimal(1)
    if per not in periods or other not in periods:
        return None
    with localcontext() as context:
        context.prec = 28
        return Decimal(periods[per]) / Decimal(periods[other])


DENOMINATORS: dict[str, tuple[str, Decimal]] = {
    "kilo": ("mass", Decimal(1)), "tonne": ("mass", Decimal(1000)),
    "kWh": ("energy", Decimal(1)), "MWh": ("energy", Decimal(1000)),
    "millilitre": ("volume", Decimal(1)), "litre": ("volume", Decimal(1000)),
    "gallon": ("volume", Decimal("3785.411784")), "baril": ("volume", Decimal("158987.294928")),
}
"""Quantities a price may be counted per, with their size in the smallest of their kind:
``400 dollars la tonne soit 1 270 ariary le kilo`` is one price per two sizes of one thing,
and so are ``2 dollars le gallon, soit 0,50 $ le litre`` (the US gallon, as French copy
quoting American prices means it) and ``80 dollars le baril`` per litre."""


def denominators_between(per: str | None, other: str | None) -> Decimal | None:
    """By how much a price per ``per`` is multiplied to be per ``other`` (1/1 000 from a
    tonne to a kilo), None unless both are sizes of one kind (:data:`DENOMINATORS`)."""
    own, target = DENOMINATORS.get(per or ""), DENOMINATORS.get(other or "")
    if own is None or target is None or own[0] != target[0] or own == target:
        return None
    return target[1] / own[1]


def resolve_currencies(mentions: tuple[Mention, ...], on: date | None) -> tuple[Mention, ...]:
    """Give ``francs`` (``F``, ``FF``) the French franc in an article dated before the euro
    cash changeover; Swiss and Belgian francs are named as such and already resolved.
    Undated, ``francs`` stay open: numlint does not guess silently."""
    if on is None or on > FRENCH_FRANC_LAST_DAY:
        return mentions
    return tuple(
        replace(m, currency="FRF", currency_assumed=True)
        if m.kind == "money" and m.currency is None and m.written_unit is not None
        and normalize_written(m.written_unit.text) in FRANC_WORDS
        else m
        for m in mentions
    )


def _quantity(figure: Mention, like: Mention) -> Converted | None:
    if figure.unit is None or like.unit is None:
        return None
    if figure.unit == like.unit:
        return Converted(figure.value, "same")
    from .unit_factors import unit_factor  # the table: only when two units are compared

    source, target = unit_factor(figure.unit), unit_factor(like.unit)
    if source is not None and target is not None:
        if source.dimensions != target.dimensions:
            return None
        with localcontext() as context:
            context.prec = 28
            return Converted(figure.value * source.factor / target.factor, "pint")
    registry = unit_registry()
    try:
        quantity = registry.Quantity(figure.value, figure.unit)
        if quantity.dimensionality != registry.Quantity(1, like.unit).dimensionality:
            return None
        value = quantity.to(like.unit).magnitude
    except Exception:
        return None
    with localcontext() as context:
        context.prec = 28
        return Converted(+Decimal(value), "pint")


_registry_lock = threading.Lock()
_registry: Any = None


def unit_registry() -> Any:
    """The one pint registry (Decimal magnitudes), built on first use and shared."""
    global _registry
    if _registry is None:
        with _registry_lock:
            if _registry is None:
                import pint

                _registry = pint.UnitRegistry(non_int_type=Decimal)
    return _registry
