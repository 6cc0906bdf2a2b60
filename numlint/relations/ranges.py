"""Ranges, and ranges converted bound by bound.

The scanner links the two bounds of ``entre 5 et 6 milliards de dirhams``, ``de 21 à 30 m``,
``74 à 95 mph`` or ``10–15 M€`` (the first bound, written bare, shares the scale word,
currency or unit written once after the second). This reads each linked pair as a
:class:`~.model.Range`: how it opens (*entre* is always a range; *de A à B* may also say
where a figure went, ``passe de 30 à 21 m``, so the words of change before it are noted).

A range converted into another one (``entre 30.000 et 40.000 pieds, soit entre 9.200 et
12.200 mètres``, ``entre 9 000 et 12 000 mètres (30 000 à 40 000 pieds)``) claims two
equivalences, lower bound with lower bound and upper with upper: they are weighed by the
conversion rules like any other (NL101, NL102), never the nearest figures paired.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from itertools import pairwise

from ..cache import compile_pattern
from ..conversion import TEMPERATURES
from ..mentions import Mention
from .model import Equivalence, Marker, Range
from .wording import APOSTROPHE as _APOS
from .wording import SPACE as _S

_OPENER = compile_pattern(
    r"(?ri)(?<![\p{L}])(?P<opener>entre|de|d" + _APOS + r"|from)" + _S + r"*\Z"
)
_CHANGE_CUE = compile_pattern(
    r"(?i)(?<![\p{L}])(?P<cue>pass(?:e|é|er|ait|aient|ant|ent|era|eront)(?![\p{L}])|passée?s?"
    r"|passage(?=" + _S + r"+(?:d(?:e|u)(?![\p{L}])|d" + _APOS + r"))"
    r"|baiss|rabaiss|abaiss|ramen|ramèn|rédui|réduct|diminu|recul|chut|tomb|retomb"
    r"|descend|évolu|gliss|fondu|perd|perte|divis|contract|repli|effondr|plong|dégringol"
    r"|déviss|allég|ajust|réajust|corrig|modifi|changé|révis|revu|régress|rétréc|décr"
    r"|fléchi|rogn|amput|sabr|plafonn|réévalu|augment|hauss|croiss|accr|grimp|progress"
    r"|bondi|envol|multipli|gonfl|relev|rehauss|porté|monté)\p{L}*"
)
"""Words that make ``de A à B`` a move from A to B (``est passé de 30 à 21 m``)."""
_CONVERTING_GAP = compile_pattern(
    r"(?i)" + _S + r"*(?:[,;:]" + _S + r"*)?(?P<parenthesis>\(" + _S + r"*)?"
    r"(?:(?P<linker>soit(?:" + _S + r"+l" + _APOS + r"équivalent" + _S + r"+d(?:e|" + _APOS
    + r"))?|c" + _APOS + r"est-à-dire|c\.-à-d\.|l" + _APOS + r"équivalent" + _S
    + r"+d(?:e|" + _APOS + r")|ou|=|≈)" + _S + r"*)?"
)
"""What stands between a range and the range that converts it: ``, soit``, ``(``."""
_CLOSES = compile_pattern(r"(?i)" + _S + r"*(?:[,;]" + _S + r"*[^()\n]{1,80})?\)")
_NOT_THE_SAME = compile_pattern(
    r"(?i)" + _S + r"*(?:de" + _S + r"+plus|de" + _S + r"+moins|en" + _S + r"+plus|en" + _S
    + r"+moins|supplémentaires?|de" + _S + r"+(?:hausse|baisse))(?![\p{L}])"
)
OPENER_REACH = 12
"""How far before a bound its opener may be written (``entre environ``)."""
NORMAL_SPAN = Decimal(10)
THOUSANDS_SPAN = 5
"""``30 à 40 000 euros`` reads 30 000 to 40 000 when the second bound's thousands are
at most this many times the first bound (``2 à 3 000``, not ``1 à 50 000``)."""
"""Upper bound over lower bound that real ranges stay under (``de 3 à 5``, ``de 1 à 8``)."""


def find_ranges(text: str, mentions: Sequence[Mention]) -> list[Range]:
    """Every range the scanner linked, with its opener, separator and change cue."""
    found = []
    for low, high in pairwise(mentions):
        if low.range_role != "low" or high.range_role != "high":
            continue
        if low.range_partner is None or low.range_partner[0] != high.start:
            continue  # (the context may since have read a currency after the second bound)
        start = low.hedged_start
        opened = _OPENER.search(text, max(0, start - OPENER_REACH), start)
        opener = opened.group("opener") if opened else None
        separator = text[low.end : high.start].strip(" \u00a0\u202f\u2009") or "-"
        if separator == "et" and (opener or "").lower() != "entre":
            continue  # "les pièces de 1 et 2 centimes": a list, not a range
        low = _with_shared_thousands(low, high)
        if low.inherited and high.sub_unit and not low.sub_unit:  # "de 50 à 70 centimes"
            low = replace(low, value=low.value.scaleb(-2), decimals=low.decimals + 2,
                          sub_unit=True)
        cue = None
        if opener is None or opener.lower() != "entre":
            before = opened.start() if opened else start
            cue = _change_cue(text, before)
        found.append(Range(low, high, opener, separator, cue))
    return _with_converted_bounds(text, mentions, _with_bracketed_pairs(text, mentions, found))


def _with_bracketed_pairs(text: str, mentions: Sequence[Mention],
                          found: list[Range]) -> list[Range]:
    """``entre 30’000 et 40’000 pieds ( 9’200 et 12’200 mètres )``: the two figures in the
    parenthesis right after an *entre* range are its bounds converted, a range too, though
    no *entre* opens them (the scanner links none)."""
    if not found:
        return found
    ranges = {r.high.start: r for r in found if (r.opener or "").lower() == "entre"}
    added = []
    for index in range(1, len(mentions) - 1):
        before, low, high = mentions[index - 1 : index + 2]
        ranged = ranges.get(before.start)
        if ranged is None or low.range_role is not None or high.range_role is not None:
            continue
        if _OPENS_BRACKET.fullmatch(text, before.end, low.start) is None:
            continue
        if _AND.fullmatch(text, low.end, high.start) is None:
            continue
        if _CLOSES.match(text, high.end) is None or low.kind != high.kind:
            continue
        if low.unit != high.unit or low.currency != high.currency:
            continue
        added.append(Range(low, high, None, "et"))
    return sorted([*found, *added], key=lambda r: r.low.start) if added else found


def _with_converted_bounds(text: str, mentions: Sequence[Mention],
                           found: list[Range]) -> list[Range]:
    """``entre 25 000 F CFA (38 €) et 45 000 F CFA (69 €)``: each bound of an *entre* range
    followed by its own conversion in parentheses; the scanner links no bounds that are not
    neighbours, so the range is read here (the conversions stay equivalences of their own)."""
    added = []
    for index in range(len(mentions) - 3):
        low, low_converted, high, high_converted = mentions[index : index + 4]
        if low.range_role is not None or high.range_role is not None or low.kind != high.kind:
            continue
        if low.kind not in ("money", "quantity") or (low.currency, low.unit) != (
                high.currency, high.unit) or low.per != high.per:
            continue
        if _OPENS_BRACKET.fullmatch(text, low.end, low_converted.hedged_start) is None:
            continue
        if _CLOSED_AND.fullmatch(text, low_converted.end, high.hedged_start) is None:
            continue
        if _OPENS_BRACKET.fullmatch(text, high.end, high_converted.hedged_start) is None or (
                _CLOSES.match(text, high_converted.end) is None):
            continue
        start = low.hedged_start
        opened = _OPENER.search(text, max(0, start - OPENER_REACH), start)
        if opened is not None and opened.group("opener").lower() == "entre":
            added.append(Range(low, high, "entre", "et"))
    return sorted([*found, *added], key=lambda r: r.low.start) if added else found



_OPENS_BRACKET = compile_pattern(r"(?i)" + _S + r"*\(" + _S + r"*")
_CLOSED_AND = compile_pattern(r"(?i)" + _S + r"*\)" + _S + r"+et" + _S + r"+")
_AND = compile_pattern(r"(?i)" + _S + r"+et" + _S + r"+")


def _with_shared_thousands(low: Mention, high: Mention) -> Mention:
    """``(est. 30 à 40 000 euros)``: a short first bound before a round second one a
    thousand times larger shares its thousands (30 000 to 40 000), as copy writes it."""
    if not low.inherited or low.scale_exponent or high.scale_exponent or low.decimals:
        return low
    digits = "".join(ch for ch in high.number.text if ch.isdigit())
    if not 0 < low.value < 1000 or "," in high.number.text or not digits.endswith("000"):
        return low
    head = high.value.scaleb(-3)
    if not low.value < head <= low.value * THOUSANDS_SPAN:
        return low
    return replace(low, value=low.value.scaleb(3), scale_exponent=3)


def range_start(text: str, found: Range) -> int:
    """Where the range is written from: its opener, else its hedge, else its first bound."""
    start = found.low.hedged_start
    opened = _OPENER.search(text, max(0, start - OPENER_REACH), start)
    return opened.start() if opened else start


def _change_cue(text: str, before: int) -> str | None:
    sentence = max(text.rfind(stop, 0, before) for stop in (".", "!", "?", "\n", ";"))
    # (a few characters past ``before``: ``passage`` is a cue only before its ``de``)
    cues = [cue.group() for cue in _CHANGE_CUE.finditer(text, sentence + 1, before + 4)
            if cue.end() <= before]
    return cues[-1] if cues else None


def bound_equivalences(text: str, ranges: Sequence[Range]) -> list[Equivalence]:
    """Lower with lower, upper with upper, for each range converted into the next one."""
    found: list[Equivalence] = []
    for first, second in pairwise(ranges):
        claim = _converting_gap(text, first, second)
        if claim is None or not _converts(first.high, second.high):
            continue
        marker, linker = claim
        one, other = _hedged(first), _hedged(second)
        if _suspicion(first) > _suspicion(second):
            one, other = other, one  # the slip is in the first range: report it there
        for a, b in ((one[0], other[0]), (one[1], other[1])):
            found.append(Equivalence(a, b, marker, linker))
    return found


def _converting_gap(text: str, first: Range, second: Range) -> tuple[Marker, str] | None:
    gap = _CONVERTING_GAP.fullmatch(text, first.high.end, range_start(text, second))
    if gap is None or not (gap.group("parenthesis") or gap.group("linker")):
        return None
    if _NOT_THE_SAME.match(text, second.high.end):
        return None
    if gap.group("parenthesis"):
        if _CLOSES.match(text, second.high.end) is None:
            return None
        return "parenthesis", gap.group("linker") or "("
    linker = gap.group("linker")
    return ("soit" if linker.lower().startswith("soit") else "equivalent"), linker


def _converts(first: Mention, second: Mention) -> bool:
    """Into another currency or unit, counted per the same thing."""
    if first.kind != second.kind or first.per != second.per:
        return False
    if first.kind == "money":
        return None not in (first.currency, second.currency) and first.currency != second.currency
    if first.kind == "quantity":
        return None not in (first.unit, second.unit) and first.unit != second.unit
    return False


def _hedged(found: Range) -> tuple[Mention, Mention]:
    """The bounds, the hedge in front of the range applying to both (``environ 3 à 5``),
    the first one naming the unit it shares (for messages)."""
    low, high = found.low, found.high
    if low.inherited and (low.written_unit is None or low.currency != high.currency):
        # the currency the context gave the second bound (``livres`` in a London story)
        low = replace(low, kind=high.kind, currency=high.currency, written_unit=high.written_unit,
                      currency_inherited=high.currency_inherited)
    if low.hedge_kind is not None and high.hedge_kind is None:
        high = replace(high, written_hedge=low.written_hedge, hedge_kind=low.hedge_kind)
    if low.hedge_kind is None and high.hedge_kind is None:
        # bounds are rough by nature: "entre 30.000 et 40.000 pieds, soit entre 9.200 et
        # 12.200 mètres" rounds 9 144 m up; only a slip of more than 10 % is inexact
        low, high = replace(low, hedge_kind="about"), replace(high, hedge_kind="about")
    return low, high


def _suspicion(found: Range) -> float:
    """How far the range's span (upper over lower) is from a real range's: an inverted
    range or one spanning a thousand is the side of a conversion that holds the slip."""
    low, high = found.low.value, found.high.value
    if low <= 0 or high <= 0 or found.high.unit in TEMPERATURES:
        return 0.0
    span = math.log10(high / low)
    if span < 0:
        return -span
    return max(0.0, span - math.log10(NORMAL_SPAN))
