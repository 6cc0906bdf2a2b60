"""What the relation finders share: how French copy spaces and elides between figures,
the number words of multiples, and when two figures count the same thing."""

from __future__ import annotations

from dataclasses import replace

from ..mentions import Mention

SPACE = r"[\s\u00a0\u202f]"
"""A space of any width, or a line break (pattern text)."""
APOSTROPHE = r"['’ʼ]"
OF = r"(?:de|d" + APOSTROPHE + r")"
"""*de* or its elision *d'* (pattern text)."""

NUMBER_WORDS = {
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "cent": 100, "mille": 1000,
}
"""The number words a multiple is said with (*multiplié par dix*, *trois fois plus*)."""
MULTIPLE_HEDGES = {
    "plus que": "above", "un peu plus que": "above", "presque": "nearly", "quasi": "nearly",
    "quasiment": "nearly", "pratiquement": "nearly", "près de": "nearly", "environ": "about",
}
"""The words in front of a multiple, and how they bend it (*a presque doublé*)."""


def hedge_length(mention: Mention) -> int:
    """Characters the hedge in front of a figure takes, with its space (``près de`` 95)."""
    return len(mention.hedge) + 1 if mention.hedge else 0


def comparable(first: Mention, second: Mention) -> bool:
    """Two figures of one kind, counted per the same thing, in one currency or unit."""
    if first.kind != second.kind or first.per != second.per:
        return False
    if first.kind == "money":
        return first.currency == second.currency and first.currency is not None
    if first.kind == "quantity":
        return first.unit == second.unit and first.unit is not None
    return True


def counted_like(bare: Mention, model: Mention) -> Mention:
    """``41 milliards`` next to ``48,2 milliards de dollars``: a bare number of the same
    scale counts in the other figure's currency or unit; any other figure as it is."""
    if bare.kind == "number" and model.kind != "number" and (
        bare.scale_exponent == model.scale_exponent
    ):
        return replace(bare, kind=model.kind, currency=model.currency, unit=model.unit)
    return bare
