"""The currencies the euro replaced, at their irrevocable conversion rates.

These rates were fixed by Council regulations (for the first eleven, on 31 December 1998)
and never change, so an archive article's ``7,90 francs (1,20 euro)`` can be checked at
any date. Rates are units of the currency for one euro, like the ECB's.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

FIXED_PER_EUR: dict[str, Decimal] = {
    "ATS": Decimal("13.7603"),
    "BEF": Decimal("40.3399"),
    "DEM": Decimal("1.95583"),
    "ESP": Decimal("166.386"),
    "FIM": Decimal("5.94573"),
    "FRF": Decimal("6.55957"),
    "IEP": Decimal("0.787564"),
    "ITL": Decimal("1936.27"),
    "LUF": Decimal("40.3399"),
    "NLG": Decimal("2.20371"),
    "PTE": Decimal("200.482"),
    "GRD": Decimal("340.750"),
    "SIT": Decimal("239.640"),
    "CYP": Decimal("0.585274"),
    "MTL": Decimal("0.429300"),
    "SKK": Decimal("30.1260"),
    "EEK": Decimal("15.6466"),
    "LVL": Decimal("0.702804"),
    "LTL": Decimal("3.45280"),
    "HRK": Decimal("7.53450"),
    "BGN": Decimal("1.95583"),
}

FRENCH_FRANC_LAST_DAY = date(2002, 2, 17)
"""Last day the franc was legal tender in France: before it, ``francs`` alone are French."""

FRANC_WORDS = frozenset({"franc", "francs", "f", "ff", "frf", "francs français", "franc français"})


PEGGED_PER_EUR: dict[str, Decimal] = {
    "XOF": Decimal("655.957"),
    "XAF": Decimal("655.957"),
    "XPF": Decimal("119.331742"),
}
"""Currencies pegged to the euro by treaty since 1999 (the CFA francs of West and Central
Africa, the CFP franc of the Pacific): the ECB does not quote them, their rate is fixed."""


def fixed_rate(code: str) -> Decimal | None:
    """Units of ``code`` for one euro, if ``code`` is a currency the euro replaced or one
    pegged to it."""
    return FIXED_PER_EUR.get(code) or PEGGED_PER_EUR.get(code)
