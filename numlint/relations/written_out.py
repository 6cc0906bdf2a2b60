"""Finding restatements a thousand times off between figures written out in full:
``19270 € par an`` in the lede, ``19 270 000 € par an`` in the body; ``661 €`` then ``661
000 € par mois``.

Without a scale word the number itself carries the slip (three zeros typed or lost, a
``k€`` misread), so the figures are compared by their significant digits: the same ones,
values exactly 1 000 apart, in the same currency or unit, within about a paragraph, and no
figure of the later value before it. As for scaled figures (:mod:`.restatement`), an
amount word or a definite article before the later figure ties them; without one, only a
distinctive number in another sentence does (``1927``, ``661``; not ``30``, ``1 500``).
Only the numbers tie such a pair, so the rule weighs it as a warning at most.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from decimal import Decimal

from ..mentions import Mention
from .model import Restatement
from .restatement import WINDOW, _counts_alike, tied_restatement

_ROUND = frozenset({"15", "25", "75"})
THOUSAND = Decimal(1000)


def find_written_out_restatements(text: str, mentions: Sequence[Mention]) -> list[Restatement]:
    """Each figure written out in full repeating the significant digits of an earlier one
    1 000 times off (see the module doc)."""
    found = []
    earlier: dict[str, deque[Mention]] = {}
    for later in mentions:
        if not _written_out(later):
            continue
        key = _significand(later.value)
        candidates = earlier.setdefault(key, deque())
        while candidates and later.start - candidates[0].end > WINDOW:
            candidates.popleft()
        restatement = _restating(text, candidates, later)
        if restatement is not None:
            found.append(restatement)
        candidates.append(later)
    return found


def _written_out(mention: Mention) -> bool:
    """An amount or a quantity with no scale word, not a bound nor an item of a list."""
    return (
        mention.kind in ("money", "quantity")
        and mention.scale is None
        and not mention.scale_exponent
        and mention.range_role is None
        and mention.list_span is None
        and not mention.inherited
        and abs(mention.value) >= 1
    )


def _significand(value: Decimal) -> str:
    """The significant digits (``19 270 000`` and ``19270``: ``1927``)."""
    return "".join(str(d) for d in abs(value).normalize().as_tuple().digits).rstrip("0")


def _restating(text: str, candidates: Sequence[Mention], later: Mention) -> Restatement | None:
    alike = [c for c in candidates if _counts_alike(c, later, text)]
    if not alike or any(c.value == later.value for c in alike):
        return None  # nothing alike nearby, or the later figure repeats one at its value
    first = alike[-1]
    if abs(later.value) not in (abs(first.value) * THOUSAND, abs(first.value) / THOUSAND):
        return None
    return tied_restatement(text, first, later, _distinctive(later.value))


def _distinctive(value: Decimal) -> bool:
    digits = _significand(value)
    return len(digits) >= 2 and digits not in _ROUND
