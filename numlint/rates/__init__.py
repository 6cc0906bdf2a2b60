"""ECB euro reference exchange rates by date, in Decimal, offline.

>>> from datetime import date
>>> from numlint.rates import embedded_table
>>> embedded_table().rate("USD", date(2025, 2, 11)).per_eur
Decimal('1.0324')

Importing this package reads nothing: the embedded table is loaded on first use.
See docs/rates.md for the data source and the date fallback rules.
"""

from numlint.rates.ecb import embedded_table, load_ecb_file
from numlint.rates.errors import RatesError, RatesFileError, RateUnavailable
from numlint.rates.table import DEFAULT_MAX_FALLBACK_DAYS, Conversion, Fallback, Rate, RateTable

__all__ = [
    "DEFAULT_MAX_FALLBACK_DAYS",
    "Conversion",
    "Fallback",
    "Rate",
    "RateTable",
    "RateUnavailable",
    "RatesError",
    "RatesFileError",
    "embedded_table",
    "load_ecb_file",
]
