"""Factors of the units numlint reads, so that the usual conversions need no pint.

``import pint`` and building a ``UnitRegistry`` cost a quarter of a second or more on a
cold start, more than the whole check of an article. The units the lexicon can produce
are few, so their factor to pint's base units is generated once from pint
(``tools/generate_unit_factors.py``, checked current by a test) and kept as package data;
pint is still the reference, and is loaded for anything the table does not hold.
"""

from __future__ import annotations

import json
import threading
from decimal import Decimal

from .records import Record


class UnitFactor(Record):
    factor: Decimal
    """How many base units one of this unit makes."""
    dimensions: tuple[tuple[str, int], ...]

    __slots__ = __match_args__ = ("factor", "dimensions")

    def __init__(self, factor: Decimal, dimensions: tuple[tuple[str, int], ...]) -> None:
        object.__setattr__(self, "factor", factor)
        object.__setattr__(self, "dimensions", dimensions)


_lock = threading.Lock()
_table: dict[str, UnitFactor] | None = None


def unit_factor(unit: str) -> UnitFactor | None:
    """The factor of a pint unit name, or None when the table does not hold it."""
    return _factors().get(unit)


def _factors() -> dict[str, UnitFactor]:
    global _table
    if _table is None:
        with _lock:
            if _table is None:
                from .package_data import read_bytes

                document = json.loads(read_bytes("data/unit_factors.json").decode("utf-8"))
                _table = {
                    unit: UnitFactor(Decimal(entry["factor"]),
                                     tuple(sorted(entry["dimensions"].items())))
                    for unit, entry in document["units"].items()
                }
    return _table
