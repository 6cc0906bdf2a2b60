"""Shares the numbers alone reveal: a percentage that two amounts of a sentence match
only once one of them is read 1 000 times off.

A share states a part as a percentage of a whole and often gives the part's amount too
(*504 millions de tonnes, ce qui représente 27 % de la production totale (1 867 millions
de tonnes)*). When a scale word slips (*504 milliards*), part / whole no longer matches
the percentage, but does again, to the printed digits, by a factor of 1 000. No wording
pattern lists every way copy ties the three; the numbers can, when they are precise
enough that such a match is rarely luck.

The search is bounded and weighed like :mod:`.coincidences`:

- within one sentence, a percentage stated as a share (not a change, not a bound, not a
  rate per period) and the amounts of one measure (:func:`.parts.measure`);
- a percentage that some pair matches as printed is explained: silent;
- the ratio of a pair read 1 000 times off either way is a reading; each reading within
  a decade of the percentage counts against the finding with the width, in decades, of
  the margin the printed roundings leave (a ratio's mantissa is about evenly spread over
  a decade): the sum is the chance such a search matches by luck (:attr:`Weighing.chance`),
  kept only when at most :data:`_MOST_CHANCE` and when exactly one reading matches.

The ratio cannot tell whether the part is 1 000 times too small or the whole 1 000 times
too large: the rule reports the part, names both readings and proposes no rewrite.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations

from ..cache import compile_pattern
from ..mentions import Mention
from .change_words import CHANGE_WORD_AFTER, POINTS_AFTER, stated_before
from .model import Sum, Weighing
from .parts import compatible, measure

_MOST_CHANCE = 0.03
"""The largest chance of a match by luck at which a reading is still reported."""
_SHIFTS = (3, -3)
_MOST_FIGURES = 12
"""Amounts or percentages in one sentence beyond which it is a table, not prose: not
searched (the pairs grow with their square)."""
_LOOSE = {"about": 0.1, "nearly": 0.1}
"""Slack of a hedged figure (*environ*, *près de*)."""
_SENTENCE_END = compile_pattern(r"[.!?;\n](?:[\s\u00a0\u202f»”)]|\Z)")


@dataclass(frozen=True, slots=True)
class _Amount:
    mention: Mention
    value: float
    relative: float
    """Its printed rounding over its value."""
    loose: float


def find_coincident_shares(text: str, mentions: Sequence[Mention]) -> list[Sum]:
    """Percentages two amounts of their sentence match only once one is rescaled."""
    found = []
    for sentence in _sentences(text, mentions):
        if len(sentence) > 2 * _MOST_FIGURES:
            continue
        shares = [m for m in sentence if _is_share(text, m)]
        if not shares or len(shares) > _MOST_FIGURES:
            continue
        amounts = [a for m in sentence if (a := _amount(m)) is not None]
        if len(amounts) > _MOST_FIGURES:
            continue
        pairs = [(one, other) for one, other in combinations(amounts, 2)
                 if compatible(_kind(one), _kind(other))
                 and not (_kind(one)[0] == _kind(other)[0] == "scaled")]
        if not pairs:
            continue
        for share in shares:
            weighed = _weigh(share, pairs, len(amounts))
            if weighed is not None:
                found.append(weighed)
    return found


def _kind(amount: _Amount) -> tuple[str, ...]:
    kind = measure(amount.mention)
    assert kind is not None
    return kind


def _sentences(text: str, mentions: Sequence[Mention]) -> Iterator[list[Mention]]:
    sentence: list[Mention] = []
    for mention in mentions:
        if sentence and _SENTENCE_END.search(text, sentence[-1].end, mention.start):
            yield sentence
            sentence = []
        sentence.append(mention)
    if sentence:
        yield sentence


def _is_share(text: str, mention: Mention) -> bool:
    """A percentage stated as a share: not a change (*en hausse de 30 %*, *30 % de
    hausse*), not points, not a bound or a rate per period."""
    return (
        mention.kind == "percent" and mention.per is None and mention.range_role is None
        and 0 < mention.value < 100 and mention.hedge_kind not in ("above", "below")
        and stated_before(text, max(0, mention.hedged_start - 40), mention.hedged_start)
        is None
        and CHANGE_WORD_AFTER.match(text, mention.end) is None
        and POINTS_AFTER.match(text, mention.end) is None
    )


def _amount(mention: Mention) -> _Amount | None:
    if measure(mention) is None or not mention.value or mention.hedge_kind in (
            "above", "below"):
        return None
    value = abs(mention.value)
    digits = "".join(ch for ch in mention.number.text if ch.isdigit())
    exact = not mention.scale_exponent and not mention.decimals and digits[-1:] != "0"
    rounding = Decimal(0) if exact else abs(mention.precision)
    return _Amount(mention, float(value), float(rounding / value),
                   _LOOSE.get(mention.hedge_kind or "", 0.0))


def _weigh(share: Mention, pairs: Sequence[tuple[_Amount, _Amount]],
           figures: int) -> Sum | None:
    percent = float(share.value)
    rounding = float(abs(share.precision)) + _LOOSE.get(share.hedge_kind or "", 0.0) * percent
    chance, tried = 0.0, 0
    hits: list[tuple[_Amount, _Amount, int, float]] = []
    for one, other in pairs:
        slack = rounding + percent * (one.relative + other.relative + max(one.loose,
                                                                           other.loose))
        low, high = max(percent - slack, 1e-12), percent + slack
        for shift in (0, *_SHIFTS):
            part, whole = sorted((one, other), key=lambda a: a.value * 10.0**(
                shift if a is one else 0))
            ratio = 100 * part.value * 10.0**(shift if part is one else 0) / (
                whole.value * 10.0**(shift if whole is one else 0))
            if shift == 0 and low <= ratio <= high:
                return None  # a pair matches it as printed: nothing slipped
            if shift == 0 or not percent / 10 < ratio < percent * 10:
                continue
            tried += 1
            chance += min(1.0, math.log10(high / low))
            if low <= ratio <= high:
                hits.append((part, whole, shift if part is one else -shift, ratio))
    if len(hits) != 1 or chance > _MOST_CHANCE:
        return None
    part, whole, shift, ratio = hits[0]
    digits = -math.log10(abs(ratio - percent) / percent) if ratio != percent else math.inf
    return Sum((part.mention,), whole.mention, "coincident", share.text,
               share.value / 100,
               Weighing(part.mention, shift, round(chance, 4), tried, figures,
                        round(min(digits, 9.0), 1)))
