"""Stage 2 of the pipeline: every figure of a prose text, normalized (see :func:`mentions`).

Importing this package is cheap: the scanner, its lexicons (Babel's CLDR data) and its
patterns are loaded on the first call.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

from .model import Kind, Mention, Part

if TYPE_CHECKING:
    from .scanner import Scanner

__all__ = ["Kind", "Mention", "Part", "mentions", "scanner_for"]


def mentions(
    text: str,
    *,
    currency_defaults: Mapping[str, str | None] | None = None,
    timeout: float | None = None,
) -> list[Mention]:
    """Every number, amount, percentage and quantity of ``text``, in order.

    ``currency_defaults`` overrides what an ambiguous written form means for this house,
    e.g. ``{"$": "CAD", "dollars": "CAD"}`` for a Quebec newsroom. ``timeout`` (seconds)
    bounds the scan: a pathological input raises ``TimeoutError`` instead of hanging.
    """
    return scanner_for(currency_defaults).scan(text, timeout=timeout)


def scanner_for(currency_defaults: Mapping[str, str | None] | None = None) -> Scanner:
    """The scanner for a house's currency defaults (the standard one when None)."""
    from .standard import default_scanner

    if not currency_defaults:
        return default_scanner()
    return _scanner_with(tuple(sorted(currency_defaults.items(), key=lambda kv: kv[0])))


@lru_cache(maxsize=16)
def _scanner_with(defaults: tuple[tuple[str, str | None], ...]) -> Scanner:
    from .scanner import Scanner
    from .standard import default_scanner

    base = default_scanner()
    return Scanner(base.currencies.with_defaults(dict(defaults)), base.units)
