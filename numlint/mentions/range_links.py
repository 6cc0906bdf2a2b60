"""The two bounds of a range, linked: ``de 3 à 5 millions d'euros``, ``entre 12’000 et
17’000``, ``entre 115’000 francs, dans le cadre d’une coproduction, et 140’000 francs``.

The first bound, written bare, takes the scale and unit of the second. Two bare numbers
are a range only after *entre* … *et* (*de 3 à 5* may say where a figure went, *3 et 5* is
a list). A clause set off by commas may stand between the bounds of an *entre* range when
both bounds carry the same currency or unit (copy explains the first before giving the
second): nothing else written between them is a range.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import regex

from ..matching import lazy_pattern
from ..records import Record
from .digits import plain, shifted
from .model import Mention

_SPACE = r"[\x20\u00a0\u202f]"
OPENER_REACH = 12
"""How far before the first bound its opener (*entre*, *de*) may be written."""
CLAUSE_REACH = 160
"""The longest clause between the bounds of an *entre* range (a sentence's incise)."""


class _Patterns(Record):
    join: regex.Pattern[str]
    opener: regex.Pattern[str]
    clause: regex.Pattern[str]
    """``, dans le cadre d’une coproduction nationale, et``: an incise, then *et*."""
    counted: regex.Pattern[str]
    """A plural noun after a bare second bound (``280 foyers``), no tally's (*voix*)."""

    __slots__ = __match_args__ = ("join", "opener", "clause", "counted")

    def __init__(self, join: regex.Pattern[str], opener: regex.Pattern[str],
                 clause: regex.Pattern[str], counted: regex.Pattern[str]) -> None:
        object.__setattr__(self, "join", join)
        object.__setattr__(self, "opener", opener)
        object.__setattr__(self, "clause", clause)
        object.__setattr__(self, "counted", counted)


@cache
def _patterns() -> _Patterns:
    return _Patterns(
        join=regex.compile(
            _SPACE + r"+(?:à|et|au)" + _SPACE + r"+|" + _SPACE + r"*[-–‑]" + _SPACE + "*"
        ),
        opener=lazy_pattern(
            r"(?ri)(?<![\p{L}])(?P<opener>de|d['’]|entre|from)" + _SPACE + r"+\Z"
        ),
        clause=lazy_pattern(
            r",(?=" + _SPACE + r"*\p{L})[^.;:!?()\[\]\n\d]{1,"
            + str(CLAUSE_REACH) + r"}?," + _SPACE + r"+et" + _SPACE + r"+\Z"
        ),
        counted=lazy_pattern(
            _SPACE + r"+(?!(?:voix|points|buts|sièges|essais|sets|jeux|fois|dans|sous|vers"
            r"|depuis|plus|moins|après|lors|puis|alors|très|mais|jamais|toujours)(?![\p{L}]))"
            r"\p{Ll}\p{L}{1,}[sx](?![\p{L}'’-])"
        ),
    )


def link_ranges(mentions: list[Mention], text: str) -> list[Mention]:
    """The mentions with the bounds of each range marked, the first sharing the second's
    scale, currency or unit when written bare."""
    linked = list(mentions)
    for i in range(len(linked) - 1):
        high = linked[i + 1]
        low = _bound(linked[i], high, text)
        if low is None:
            continue
        linked[i] = replace(low, range_role="low", range_partner=high.span)
        linked[i + 1] = replace(high, range_role="high", range_partner=low.span)
    return linked


def _bound(low: Mention, high: Mention, text: str) -> Mention | None:
    """``low`` as the first bound of a range closed by ``high``, or None."""
    patterns = _patterns()
    if not patterns.join.fullmatch(text, low.end, high.start):
        # the opener looked up only for bounds of one measure (most pairs are not)
        split = _same_measure(low, high) and _opener(low, text) == "entre"
        return low if split and patterns.clause.fullmatch(text, low.end, high.start) else None
    opener = _opener(low, text)
    separator = text[low.end : high.start].strip()
    if separator in ("et", "au") and opener is None:
        return None
    if (separator == "à" and opener is None and low.kind == high.kind == "number"
            and not _counts_a_noun(high, text)):
        return None
    bare = low.kind == "number" and low.scale_exponent == 0
    if bare and high.kind == "number" and high.scale_exponent == 0:
        return low if opener == "entre" or (separator == "à" and opener is None) else None
    if bare:
        return _inherit(low, high)
    return low if low.kind == high.kind else None


def _counts_a_noun(high: Mention, text: str) -> bool:
    """Whether a plural noun follows the second bound, the thing both bounds count
    (``220 à 280 foyers``, ``150 à 200 personnes``): a range, not a score (*3 à 1 hier*)
    nor a tally of two sides (*91 à 8 voix*, *21 à 17 points*)."""
    return _patterns().counted.match(text, high.end) is not None


def _opener(low: Mention, text: str) -> str | None:
    found = _patterns().opener.search(text, max(0, low.start - OPENER_REACH), low.start)
    return None if found is None else found.group("opener").lower()


def _same_measure(low: Mention, high: Mention) -> bool:
    """Both bounds written with the same currency or unit (``115’000 francs … 140’000
    francs``): what lets a clause stand between them."""
    if low.kind != high.kind or low.kind not in ("money", "quantity"):
        return False
    if low.written_unit is None or high.written_unit is None:
        return False
    return (low.currency, low.unit, low.written_unit.text.lower()) == (
        high.currency, high.unit, high.written_unit.text.lower()
    )


_SHARED = ("kind", "scale_exponent", "currency", "unit", "currency_assumed", "unit_assumed",
           "per")
"""What the first bound written bare takes from the second (``3`` in ``de 3 à 5 millions
d'euros``), besides the scaled value and the spans of what it shares."""


def _inherit(low: Mention, high: Mention) -> Mention:
    exponent = high.scale_exponent
    shared = {name: getattr(high, name) for name in _SHARED}
    return replace(
        low,
        value=plain(shifted(low.value, exponent)) if exponent else low.value,
        inherited=True,
        shared_scale=high.scale if exponent else None,
        shared_unit=high.written_unit,
        **shared,
    )
