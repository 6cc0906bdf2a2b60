"""Stage 2 of the pipeline: every figure of a prose text, normalized (see :func:`mentions`)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from .model import Kind, Mention
from .scanner import Scanner, default_scanner

__all__ = ["Kind", "Mention", "mentions", "scanner_for"]


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
    if not currency_defaults:
        return default_scanner()
    return _scanner_with(tuple(sorted(currency_defaults.items(), key=lambda kv: kv[0])))


@lru_cache(maxsize=16)
def _scanner_with(defaults: tuple[tuple[str, str | None], ...]) -> Scanner:
    base = default_scanner()
    return Scanner(base.currencies.with_defaults(dict(defaults)), base.units)
