"""Rounding a ``Decimal`` to a quantum whatever its size.

``Decimal.quantize`` raises ``InvalidOperation`` when the result needs more digits than
the context's precision (28): a pasted run of 40 digits, or the ratio of two absurd
figures, would take a rule down. Rounding here gives the context the digits it needs.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal, localcontext


def rounded(value: Decimal, quantum: Decimal, rounding: str = ROUND_HALF_EVEN) -> Decimal:
    """``value`` rounded to the exponent of ``quantum`` (``Decimal("0.1")``: one decimal)."""
    if not value.is_finite():
        return value
    exponent = quantum.as_tuple().exponent
    assert isinstance(exponent, int)
    with localcontext() as context:
        context.prec = max(28, value.adjusted() - exponent + 2)
        return value.quantize(Decimal(1).scaleb(exponent), rounding=rounding)
