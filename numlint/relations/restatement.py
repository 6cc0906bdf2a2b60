"""Finding restatements: a later figure that points back to an earlier one.

``13 milliards de dollars`` … ``ces 13 millions de dollars``: the demonstrative says it is
the same figure, so its scale must be the same. Without such a pointer, the same number
with another scale is usually another figure (``1 milliard pour le fret, 1 million pour
les études``), so we do not guess.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..cache import compile_pattern
from ..mentions import Mention
from .model import Restatement
from .wording import SPACE as _S

_POINTER = compile_pattern(
    r"(?ri)(?<![\p{L}])(?P<pointer>ces(?:" + _S + r"+mêmes)?|lesdits|lesdites"
    r"|(?:cette|la|une)" + _S + r"+(?:somme|enveloppe|manne|dotation|facture|perte|dette)"
    + _S + r"+de|(?:ce|le)" + _S + r"+(?:montant|chiffre|total|budget|coût|déficit)" + _S
    + r"+de)" + _S + r"+\Z"
)


def find_restatements(text: str, mentions: Sequence[Mention]) -> list[Restatement]:
    """Each figure introduced by a pointer, tied to the last earlier figure it repeats."""
    found = []
    earlier_by_number: dict[str, list[Mention]] = {}
    """The figures read so far, by their number's digits (one look per pointer, not a
    walk back through the whole article)."""
    for later in mentions:
        digits = _digits(later.number_text)
        pointer = _POINTER.search(text, max(0, later.start - 30), later.start)
        if pointer is not None and later.hedge is None and digits:
            first = _last_with_same_kind(earlier_by_number.get(digits, ()), later)
            if first is not None:
                found.append(Restatement(first, later, pointer.group("pointer")))
        if digits:
            earlier_by_number.setdefault(digits, []).append(later)
    return found


def _last_with_same_kind(candidates: Sequence[Mention], later: Mention) -> Mention | None:
    for candidate in reversed(candidates):
        if _same_kind_of_figure(candidate, later):
            return candidate
    return None


def _same_kind_of_figure(first: Mention, later: Mention) -> bool:
    if later.kind == "number" and later.scale_exponent and first.kind in ("money", "number"):
        return True  # "ces 13 millions" refers to "13 milliards de dollars"
    return (first.kind, first.currency, first.unit) == (later.kind, later.currency, later.unit)


def _digits(number_text: str) -> str:
    if number_text.isdigit():
        return number_text
    return "".join(ch for ch in number_text if ch.isdigit() or ch == ",")
