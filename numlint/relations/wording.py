"""What the relation finders share: how French copy spaces and elides between figures,
the number words of multiples, and when two figures count the same thing."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from ..mentions import Mention
from ..mentions.lists import borrowing
from ..unit_factors import unit_factor

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
    return len(mention.written_hedge.text) + 1 if mention.written_hedge else 0


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


ELIDED_SCALE_BELOW = 1000
"""A bare number under this borrows the scale word of the figure it is compared with
(``1,577 millions … contre 1,709``); ``2,5 millions contre 900 000`` keeps its own value."""


def elided_like(bare: Mention, model: Mention) -> Mention:
    """The figure a comparison writes without what it shares with the other one: ``contre
    près de 135,9 Mds`` after ``131,7 Mds de DH`` is in dirhams, ``contre 1,709`` after
    ``1,577 millions`` is 1,709 millions. Any other figure is returned as it is."""
    if bare.kind != "number" or model.kind == "percent" or bare.per is not None:
        return bare
    if model.kind == "number" and not model.scale_exponent:
        return bare
    if bare.scale_exponent or not model.scale_exponent or abs(bare.value) >= ELIDED_SCALE_BELOW:
        if model.kind == "number":
            return bare
        return replace(bare, kind=model.kind, currency=model.currency, unit=model.unit,
                       currency_assumed=model.currency_assumed, inherited=True)
    return borrowing(bare, model)


def same_quantity(figure: Mention, model: Mention) -> Mention | None:
    """``figure`` counted like ``model`` when both count the same quantity, else None: a bare
    figure borrows what the comparison leaves out (:func:`elided_like`), and a unit ten, a
    thousand or a million times another is normalized (``700 Mt`` against ``690 millions de
    tonnes`` is 700 000 000 tonnes), so that only the values differ."""
    meant = elided_like(figure, model)
    if comparable(meant, model):
        return meant
    if meant.kind != "quantity" or model.kind != "quantity" or meant.per != model.per:
        return None
    if meant.unit is None or model.unit is None:
        return None
    own, other = unit_factor(meant.unit), unit_factor(model.unit)
    if own is None or other is None or own.dimensions != other.dimensions:
        return None
    ratio = own.factor / other.factor
    shift = ratio.adjusted()
    if ratio != Decimal(1).scaleb(shift):
        return None  # miles against kilometres: not a change of one quantity
    return replace(meant, value=meant.value * ratio, unit=model.unit,
                   scale_exponent=meant.scale_exponent + shift)
