"""Finding a list of amounts converted item by item into a list: ``des billets de 1 000,
5 000, 10 000 et 50 000 wons, environ 70 centimes, 3,50 euros, 7 euros et 36 euros``.

Two runs of amounts stand side by side, each in one currency (the first often writes it
once, after its last item: see :mod:`numlint.mentions.lists`), the second in another,
with as many items. Each item is then the conversion of the item of the same rank
(marker ``list``). That reading is weighed, never assumed:

- the runs must be joined as a conversion is (a parenthesis, *soit*, *environ*, a comma
  before a hedge, *l'équivalent de*…);
- with three items or more, the numbers must say it too: the ratio of the paired items is
  the exchange rate, so it is the same for every pair but at most one (the slip numlint
  is there to find) — lists of prices in two currencies that are not conversions of each
  other fail this (``10, 20 et 30 euros, 5, 6 et 7 dollars``);
- with two items, the ratio cannot tell a slip from another pairing: only a parenthesis
  or *soit* around the second run pairs them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal, localcontext
from functools import cache
from itertools import pairwise

import regex

from ..cache import compile_pattern
from ..mentions import Mention
from .model import Equivalence
from .wording import APOSTROPHE as _APOS
from .wording import SPACE as _S

AGREE = Decimal("1.5")
"""How far two pairs' ratios may differ and still say the same rate (rounding, hedges)."""


@cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    linker = (
        r"(?:soit|c" + _APOS + r"est-à-dire|l" + _APOS + r"équivalent" + _S + r"+d(?:e|"
        + _APOS + r")|équivalant" + _S + r"+à|=)"
    )
    return {
        "item_gap": compile_pattern(r"(?i)(?:" + _S + r"*," + _S + r"*|" + _S + r"+et" + _S
                                    + r"+)"),
        "strong": compile_pattern(
            r"(?i)" + _S + r"*[,:]?" + _S + r"*(?:\(" + _S + r"*(?:" + linker + _S + r"*)?|"
            + linker + _S + r"*)"
        ),
        "weak": compile_pattern(r"(?i)" + _S + r"*,?" + _S + r"*"),
    }


def find_paired_lists(text: str, mentions: Sequence[Mention]) -> list[Equivalence]:
    """Each item of a list converted into the next list, paired with its conversion."""
    runs = _runs(text, mentions)
    found: list[Equivalence] = []
    for first, second in pairwise(runs):
        found.extend(_paired(text, first, second))
    return found


def _runs(text: str, mentions: Sequence[Mention]) -> list[list[Mention]]:
    """Maximal runs of amounts joined by commas and *et*, each mostly in one currency (one
    item in another currency is allowed in a run of three: it may be the slip)."""
    runs: list[list[Mention]] = []
    for mention in mentions:
        if not _item(mention):
            runs.append([])
            continue
        run = runs[-1] if runs else []
        if run and _joined(text, run[-1], mention):
            run.append(mention)
        else:
            runs.append([mention])
    return [run for run in runs if len(run) >= 2 and _currency(run) is not None]


def _currency(run: list[Mention]) -> str | None:
    """The currency of a run: every item's, or all but one's in a run of three or more."""
    codes = [m.currency for m in run]
    best = max(set(codes), key=lambda code: (codes.count(code), code or ""))
    others = len(codes) - codes.count(best)
    return best if others == 0 or (others == 1 and len(codes) >= 3) else None


def _item(mention: Mention) -> bool:
    return (
        mention.kind == "money" and mention.currency is not None and mention.per is None
        and mention.range_role is None
    )


def _joined(text: str, previous: Mention, mention: Mention) -> bool:
    if mention.written_hedge is not None:
        return False  # "1 000 wons, environ 70 centimes": a conversion, not the next item
    if previous.list_span is not None and previous.list_span == mention.list_span:
        return True
    return _patterns()["item_gap"].fullmatch(text, previous.end, mention.start) is not None


def _paired(text: str, first: list[Mention], second: list[Mention]) -> list[Equivalence]:
    if len(first) != len(second) or _currency(first) == _currency(second):
        return []
    if first[-1].end > second[0].start:
        return []
    gap_end = second[0].hedged_start
    strong = _patterns()["strong"].fullmatch(text, first[-1].end, gap_end)
    if strong is None:
        weak = _patterns()["weak"].fullmatch(text, first[-1].end, gap_end)
        if weak is None or second[0].written_hedge is None or len(first) < 3:
            return []  # "…wons, environ 70 centimes…": a hedge opens the conversions
    if len(first) >= 3 and not _one_rate(first, second):
        return []
    hedge = second[0].written_hedge
    linker = (text[first[-1].end : gap_end].strip() or ",") if strong else (
        hedge.text if hedge else ",")
    hedged = [second[0], *(
        replace(b, written_hedge=second[0].written_hedge, hedge_kind=second[0].hedge_kind)
        if b.written_hedge is None else b for b in second[1:]
    )]  # "environ 70 centimes, 3,50 euros et 7 euros": the hedge is said once for all
    return [Equivalence(a, b, "list", linker) for a, b in zip(first, hedged, strict=True)]


def _one_rate(first: list[Mention], second: list[Mention]) -> bool:
    """Do all the pairs but one at most say the same rate (within :data:`AGREE`)?"""
    with localcontext() as context:
        context.prec = 28
        ratios = [
            b.value / a.value for a, b in zip(first, second, strict=True)
            if a.value and a.currency == _currency(first) and b.currency == _currency(second)
        ]
        for pivot in ratios:
            agreeing = sum(1 for r in ratios if pivot / AGREE <= r <= pivot * AGREE)
            if agreeing >= len(first) - 1 and agreeing >= 2:
                return True
    return False
