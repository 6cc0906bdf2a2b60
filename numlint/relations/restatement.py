"""Finding restatements: a later figure that repeats an earlier one.

``13 milliards de dollars`` … ``ces 13 millions de dollars``: the demonstrative says it is
the same figure, so its scale must be the same (a *pointer*).

Without a pointer, the same number with another scale is usually another figure (``1
milliard pour le fret, 1 million pour les études``), but not always: news copy states an
amount in its lede and again in the quote that follows (``26 milliards de dirhams`` …
``le montant déclaré était de 26 millions de dirhams``). So a pair without a pointer is
kept only where the numbers themselves point at one figure: the same number before the
scale word, in the same currency or unit, scales exactly 1 000 apart, a few hundred
characters apart, and no figure of that scale written with it elsewhere. Then what ties
them decides how sure we are (see :class:`~.model.Restatement`): an amount word or a
definite article in front of the later figure, or nothing but a *distinctive* number (two
significant digits or more: ``26``, ``7,6``; round numbers — ``1``, ``4``, ``100``,
``2,5`` — repeat by chance, and are kept only with a tie).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from decimal import Decimal
from typing import Literal

import regex

from ..cache import compile_pattern
from ..matching import folded
from ..mentions import Mention
from .model import Restatement
from .wording import SPACE as _S

_POINTER = compile_pattern(
    r"(?ri)(?<![\p{L}])(?P<pointer>ces(?:" + _S + r"+mêmes)?|lesdits|lesdites"
    r"|(?:cette|la|une)" + _S + r"+(?:somme|enveloppe|manne|dotation|facture|perte|dette)"
    + _S + r"+de|(?:ce|le)" + _S + r"+(?:montant|chiffre|total|budget|coût|déficit)" + _S
    + r"+de)" + _S + r"+\Z"
)
_AMOUNT_TIE = compile_pattern(
    r"(?ri)(?<![\p{L}])(?P<tie>(?:(?:le|la|ce|cet|cette|son|sa|leur)" + _S + r"+|l['’])"
    r"(?:montant|somme|prix|coût|total|facture|enveloppe|valeur|budget|chiffre|dotation)"
    r"(?:" + _S + r"+[\p{L}'’-]+){0,5}?" + _S + r"+(?:à|de|d['’]|:))" + _S + r"*\Z"
)
"""A definite amount word in the clause before the figure: ``le montant déclaré était
de``, ``Le prix de cette transaction s'élève à`` (no punctuation on the way)."""
_DEFINITE = compile_pattern(r"(?ri)(?<![\p{L}])(?P<tie>les)" + _S + r"+\Z")
"""``les 4,2 millions d'euros``: the definite article gives the figure as already known."""
_COUNTED_NOUN_AFTER = compile_pattern(r"(?i)" + _S + r"*(?:de|d['’])" + _S + r"*\p{L}")
"""``3,5 millions de visiteurs``: a bare number followed by what it counts."""
_SENTENCE_END = compile_pattern(r"[.!?;…](?:" + _S + r"|\Z)|\n")

WINDOW = 800
"""How far back (characters) a figure without pointer is compared: the same paragraph,
or the next one, not the whole article."""
_ROUND_PAIRS = frozenset({"15", "25", "75"})
"""Two significant digits that are still round numbers (``1,5 million``, ``25 millions``)."""


def find_restatements(text: str, mentions: Sequence[Mention]) -> list[Restatement]:
    """Each figure introduced by a pointer, tied to the last earlier figure it repeats;
    and each figure repeating an earlier number 1 000 times off (see the module doc)."""
    found = []
    earlier_by_number: dict[str, list[Mention]] = {}
    """The figures read so far, by their number's digits (one look per pointer, not a
    walk back through the whole article)."""
    earlier_by_mantissa: dict[Decimal, deque[Mention]] = {}
    """The scaled figures of the last :data:`WINDOW` characters, by the number written
    before their scale word (older ones are dropped: the walk stays linear)."""
    for later in mentions:
        digits = _digits(later.number.text)
        pointer = _pointer_before(text, later.start)
        if pointer is not None and later.written_hedge is None and digits:
            first = _last_with_same_kind(earlier_by_number.get(digits, ()), later)
            if first is not None:
                found.append(Restatement(first, later, pointer.group("pointer")))
        elif _scaled(later):
            unpointed = _unpointed(text, _within_window(earlier_by_mantissa, later), later)
            if unpointed is not None:
                found.append(unpointed)
        if digits:
            earlier_by_number.setdefault(digits, []).append(later)
        if _scaled(later):
            earlier_by_mantissa.setdefault(_mantissa(later), deque()).append(later)
    return found


_POINTER_ENDS = ("ces", "mêmes", "lesdits", "lesdites", "de")
"""How the last word of every :data:`_POINTER` ends."""


def _pointer_before(text: str, start: int) -> regex.Match[str] | None:
    """``_POINTER.search`` in the 30 characters before ``start``, after a cheap look at the
    last word there: a match is a pointer then spaces, so the last piece between spaces
    (``str.split`` cuts at every character of ``_S``) ends with its last word."""
    window = max(0, start - 30)
    pieces = folded(text[window:start]).split()
    if not pieces or not pieces[-1].endswith(_POINTER_ENDS):
        return None
    return _POINTER.search(text, window, start)


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


# -- without a pointer -------------------------------------------------------------------


def _scaled(mention: Mention) -> bool:
    """A figure with its own scale word, not a bound of a range or an item of a list."""
    return (
        mention.scale_exponent >= 3
        and mention.scale is not None
        and mention.range_role is None
        and mention.list_span is None
        and not mention.inherited
    )


def _mantissa(mention: Mention) -> Decimal:
    """The number written before the scale word (``quatre milliards`` and ``4 milliards``
    alike: 4)."""
    return abs(mention.value).scaleb(-mention.scale_exponent).normalize()


def distinctive(mention: Mention) -> bool:
    """Whether the number before the scale word is unlikely to repeat by chance: two
    significant digits or more, and not a round half (``26``, ``7,6``; not ``4``, ``100``,
    ``2,5``, ``25``)."""
    digits = "".join(str(d) for d in _mantissa(mention).as_tuple().digits).strip("0")
    return len(digits) >= 2 and digits not in _ROUND_PAIRS


def _within_window(by_mantissa: dict[Decimal, deque[Mention]], later: Mention) -> deque[Mention]:
    """The earlier figures with ``later``'s number at most :data:`WINDOW` characters back."""
    candidates = by_mantissa.get(_mantissa(later))
    if candidates is None:
        return deque()
    while candidates and later.start - candidates[0].end > WINDOW:
        candidates.popleft()
    return candidates


def _unpointed(text: str, candidates: Sequence[Mention], later: Mention) -> Restatement | None:
    """``later`` as a restatement of the last candidate 1 000 times off, or None when
    nothing says they are one figure (see the module doc)."""
    near = [c for c in candidates
            if later.start - c.end <= WINDOW and _counts_alike(c, later, text)]
    if not near or any(c.scale_exponent == later.scale_exponent for c in near):
        return None  # nothing alike nearby, or the later figure repeats one with its scale
    first = near[-1]
    if abs(first.scale_exponent - later.scale_exponent) != 3:
        return None
    return tied_restatement(text, first, later, distinctive(later))


def tied_restatement(text: str, first: Mention, later: Mention,
                     is_distinctive: bool) -> Restatement | None:
    """``later`` restating ``first`` 1 000 times off, tied by an amount word or a definite
    article before it, or by a distinctive number in another sentence; else None."""
    before = later.hedged_start
    tie: Literal["amount", "definite", "none"] = "none"
    tied = _AMOUNT_TIE.search(text, max(0, before - 80), before)
    if tied is not None:
        tie = "amount"
    else:
        tied = _DEFINITE.search(text, max(0, before - 8), before)
        if tied is not None:
            tie = "definite"
    if tied is None and (not is_distinctive or _same_sentence(text, first, later)):
        return None  # a round number, or two figures of one sentence: two amounts
    return Restatement(first, later, tied.group("tie") if tied else "", tie, is_distinctive)


def _counts_alike(first: Mention, later: Mention, text: str) -> bool:
    """Whether the two figures count the same kind of thing (the later one may leave out
    the currency: ``pour 7,6 millions`` after ``7,6 millions de livres``)."""
    if first.per and later.per and first.per != later.per:
        return False
    if first.kind == later.kind == "money":
        return (
            first.currency == later.currency
            or later.currency_inherited
            or first.currency_inherited
        )
    if first.kind == later.kind == "quantity":
        return first.unit is not None and first.unit == later.unit
    if later.kind == "number" and first.kind in ("money", "quantity"):
        return _COUNTED_NOUN_AFTER.match(text, later.end) is None
    return False


def _same_sentence(text: str, first: Mention, later: Mention) -> bool:
    return _SENTENCE_END.search(text, first.end, later.start) is None
