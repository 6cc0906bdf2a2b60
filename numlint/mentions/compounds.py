"""Imperial compounds: ``14 lb 8 oz``, ``5 pieds 11 pouces``, ``6 ft 2 in`` are one figure.

Copy that quotes a weight or a height the imperial way writes it in two units, the larger
first; its conversion (``14 lb 8 oz (6,57 kg)``) is of the whole. The two mentions are read
as one quantity in the larger unit (14,5 lb), spanning both, so the conversion is weighed
against the whole and not against the ounces alone.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from .model import Mention

_PARTS: dict[tuple[str, str], int] = {
    ("pound", "ounce"): 16,
    ("foot", "inch"): 12,
    ("yard", "foot"): 3,
    ("mile", "yard"): 1760,
}
"""(larger unit, smaller unit) -> how many of the smaller make one of the larger."""
_SPACES = " \u00a0\u202f"
_DECIMALS = 4


def merge_compounds(mentions: list[Mention], text: str) -> list[Mention]:
    """The mentions with each imperial compound read as one quantity."""
    merged: list[Mention] = []
    for mention in mentions:
        previous = merged[-1] if merged else None
        if previous is not None and _is_compound(previous, mention, text):
            merged[-1] = _joined(previous, mention, text)
        else:
            merged.append(mention)
    return merged


def _is_compound(larger: Mention, smaller: Mention, text: str) -> bool:
    if larger.kind != "quantity" or smaller.kind != "quantity":
        return False
    per_part = _PARTS.get((larger.unit or "", smaller.unit or ""))
    if per_part is None or larger.per or smaller.per or larger.scale_exponent:
        return False
    if smaller.written_hedge is not None or smaller.scale_exponent or larger.range_role:
        return False
    gap = text[larger.end : smaller.start]
    if gap.strip(_SPACES) or not gap or len(gap) > 2:
        return False
    return 0 <= smaller.value < per_part and larger.value >= 0


def _joined(larger: Mention, smaller: Mention, text: str) -> Mention:
    per_part = _PARTS[(larger.unit or "", smaller.unit or "")]
    exact = larger.value + smaller.value / Decimal(per_part)
    value = exact.quantize(Decimal(1).scaleb(-_DECIMALS)).normalize()
    return replace(
        larger,
        end=smaller.end,
        text=text[larger.start : smaller.end],
        value=value,
        decimals=_decimals_for(per_part),
    )


def _decimals_for(per_part: int) -> int:
    """Decimals whose half-unit covers half of the smaller unit: ``18 lb 4 oz`` is good to
    half an ounce (1/32 lb), so it reads as 18,25 lb ± 0,05, not ± 0,005."""
    half_part = Decimal(1) / (2 * per_part)
    decimals = 0
    while Decimal(5).scaleb(-decimals - 2) >= half_part:
        decimals += 1
    return decimals
