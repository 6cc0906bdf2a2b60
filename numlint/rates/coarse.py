"""Orders of magnitude for currencies the ECB does not publish.

The ECB quotes about thirty currencies, and stopped quoting the rouble on 1 March 2022.
Copy converts many more: nairas, ariary, dirhams, dinars, hryvnias. A slip of ×1 000 in
such a conversion must still be caught, and a yearly average is enough for that: the
rate of any day of the year is within about ±25 % of it (the Argentine peso, the naira
and the Egyptian pound moved more in a devaluation year: their tables have a row per year
and NL101 only trusts a ratio of 30 or more with them).

**Never used for NL102** (a conversion a few percent off): the rate of the day is not
known, only its order of magnitude.

Source: yearly averages of the official exchange rate against the euro, rounded to two
significant digits, as published in the IMF's International Financial Statistics and by
each central bank (Bank of Russia, Central Bank of Nigeria, Banky Foiben'i Madagasikara,
Bank Al-Maghrib, Banque d'Algérie, Banque centrale de Tunisie, Central Bank of Egypt,
Central Bank of Kenya, National Bank of Ukraine, Banco Central de la República Argentina,
State Bank of Pakistan, State Bank of Vietnam). See docs/rates.md.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ..records import Record

SOURCE = "numlint coarse yearly table (IMF IFS / central banks yearly averages, ±25 %)"
"""How the evidence names this table."""

FIRST_YEAR = 2015


def _years(*values: str) -> dict[int, Decimal]:
    return {FIRST_YEAR + offset: Decimal(value) for offset, value in enumerate(values)}


#                      2015    2016    2017    2018    2019    2020    2021    2022
#                      2023    2024    2025
_PER_EUR: dict[str, dict[int, Decimal]] = {
    "RUB": _years("68", "74", "66", "74", "72", "83", "87", "73", "92", "100", "94"),
    "NGN": _years("220", "280", "345", "360", "345", "410", "475", "450", "700", "1600",
                  "1750"),
    "MGA": _years("3300", "3500", "3550", "3950", "4000", "4350", "4500", "4300", "4800",
                  "4950", "5200"),
    "MAD": _years("10.8", "10.8", "10.9", "11.1", "10.8", "10.8", "10.6", "10.7", "11",
                  "10.8", "10.6"),
    "DZD": _years("111", "121", "125", "137", "134", "144", "159", "150", "147", "145",
                  "150"),
    "TND": _years("2.2", "2.4", "2.7", "3.1", "3.3", "3.2", "3.3", "3.2", "3.4", "3.4",
                  "3.4"),
    "EGP": _years("8.4", "10.5", "20", "21", "18.5", "18", "18.5", "20", "33", "52", "55"),
    "KES": _years("108", "112", "117", "119", "114", "121", "130", "124", "150", "145",
                  "150"),
    "UAH": _years("24", "28", "30", "32", "29", "31", "32", "34", "40", "43", "46"),
    "ARS": _years("10", "16", "19", "32", "54", "80", "112", "137", "320", "990", "1300"),
    "PKR": _years("116", "116", "122", "143", "176", "183", "193", "215", "305", "300",
                  "315"),
    "VND": _years("24500", "24800", "25600", "27400", "26000", "26300", "27000", "24900",
                  "25500", "27000", "29000"),
}

YEARS_BEYOND = 1
"""How many years past its last row a currency's table is still trusted."""


class CoarseRate(Record):
    currency: str
    per_eur: Decimal
    year: int
    """The year whose average is used (the article's, or the nearest one in the table)."""

    __slots__ = __match_args__ = ("currency", "per_eur", "year")

    def __init__(self, currency: str, per_eur: Decimal, year: int) -> None:
        object.__setattr__(self, "currency", currency)
        object.__setattr__(self, "per_eur", per_eur)
        object.__setattr__(self, "year", year)


def coarse_rate(currency: str, on: date) -> CoarseRate | None:
    """The yearly average for ``on``'s year, or None when the table has no row near it."""
    years = _PER_EUR.get(currency)
    if years is None:
        return None
    first, last = min(years), max(years)
    if on.year < first or on.year > last + YEARS_BEYOND:
        return None
    year = min(on.year, last)
    return CoarseRate(currency, years[year], year)
