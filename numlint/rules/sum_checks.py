"""How NL205 weighs figures the text adds up: shared by its kinds of sums.

A list of parts found without words that make it a sum (:mod:`numlint.relations.parts`)
or a fraction of a whole (:mod:`numlint.relations.fractions`) is weighed by its numbers:
it is reported only when reading one figure a thousand (or a million) times larger or
smaller makes the figures agree, or, when words tie the list to its whole, when a part
exceeds every whole it may belong to.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any

from .api import N_, Amount, Finding, Mention, Sum, scale_fix

LOOSE = {"about": Decimal("0.1"), "nearly": Decimal("0.1")}
"""How far a hedged figure may be from the one it stands for (``environ``, ``près de``)."""
_BOUND = {"above": Decimal("0.1"), "below": Decimal("0.1")}
"""A bound (*plus de*, *jusqu'à*) read as loosely as a hedge when parts are added up."""
_SHIFTS = (3, -3, 6, -6)
"""One scale word slipped: a figure read a thousand or a million times off."""
_AGREES = Decimal("0.03")
"""Slack within which a list agrees with its whole as printed: copy rounds its totals
(*480 milliards* of parts for a plan of *483 milliards*)."""
_MATERIAL = Decimal("0.05")
"""Share of the whole a rescaled part must reach: a part read a thousand times smaller
vanishes from any sum, so that it "fits" proves nothing."""
_FEWEST_UNTIED = 3
"""Parts a list needs when no word ties it to its whole: two figures adding up to a
third once one is rescaled may be chance."""
_TOTAL_NAMES = ("total", "global", "ensemble", "en tout")
"""Words of a tie that name the whole the total of the list."""
_TIED_SLACK = Decimal("0.01")
"""Slack for a slipped figure when words tie the list to its whole; none without them:
the numbers alone must then agree to their printed rounding."""


def listed_findings(text: str, sums: Sequence[Sum]) -> Iterator[Finding]:
    """Each list of parts, weighed against the wholes it may break down."""
    by_list: dict[Mention, list[Sum]] = {}
    for relation in sums:  # one list, read with the wholes before it or as its own total
        by_list.setdefault(relation.parts[-1], []).append(relation)
    for relations in by_list.values():
        finding = _listed_finding(text, relations)
        if finding is not None:
            yield finding


def _listed_finding(text: str, relations: list[Sum]) -> Finding | None:
    # the whole nearest its parts is read first: a list that opens on its own total (*un
    # bonus de 5 millions. Il se décompose ainsi : - 2 millions …*) is not the breakdown of
    # a figure of the sentence before
    relations = sorted(relations, key=_distance)
    readings = [(r.total, [r.parts[:k] for k in range(2, len(r.parts) + 1)], r.tie)
                for r in relations]
    # where words name a whole the list's total, that whole is the one it is weighed
    # against: another figure it happens to agree with (the sentence before) is no excuse
    weighed = [reading for reading in readings if _names_total(reading[2])] or readings
    if any(_agree(whole, prefix, _AGREES)
           for whole, prefixes, _ in weighed for prefix in prefixes):
        return None
    slipped = _first_slip(text, readings)
    if slipped is not None:
        return slipped
    tied = [r for r in relations if r.tie and r.total.start < r.parts[0].start]
    if not tied:
        return None
    wholes, tie, parts = [r.total for r in tied], tied[0].tie, tied[0].parts
    for part in parts:
        if all(_exceeds(part, whole) for whole in wholes):
            return finding(
                text, part, _shift_within(part, wholes[0]),
                N_("“{part}” is a part of “{whole}”, yet larger.{suggestion}"),
                {"part": part.text, "whole": wholes[0].text},
                {"whole": wholes[0].text, "whole_value": str(wholes[0].value),
                 "part_value": str(part.value), "tie": tie},
            )
    return None


def _distance(relation: Sum) -> int:
    """Characters between a whole and the nearest of its parts."""
    whole, parts = relation.total, relation.parts
    if whole.end <= parts[0].start:
        return parts[0].start - whole.end
    return max(0, whole.start - parts[-1].end)


def _first_slip(text: str,
                readings: Sequence[tuple[Mention, Sequence[Sequence[Mention]], str]]
                ) -> Finding | None:
    """The first reading whose figures add up once one of them is rescaled."""
    for whole, prefixes, tie in readings:
        if not tie and len(prefixes[-1]) < _FEWEST_UNTIED:
            continue
        slack = _TIED_SLACK if tie else Decimal(0)
        for prefix in prefixes:
            slip = _slipped(whole, prefix, slack)
            if slip is not None:
                figure, shift = slip
                return _slip_finding(text, figure, shift, whole, prefix, tie)
    return None


def _names_total(tie: str) -> bool:
    """Whether the words tying a list to its whole name it the total (*un total de*,
    *Au total, cela représente*, *montant global*), not merely introduce a list (*:*)."""
    lowered = tie.lower()
    return any(word in lowered for word in _TOTAL_NAMES)


def _slipped(whole: Mention, parts: Sequence[Mention],
             slack: Decimal) -> tuple[Mention, int] | None:
    """The one figure (and how many powers of ten) that, rescaled, makes ``parts`` add
    up to ``whole``; None when none does."""
    for figure in (*parts, whole):
        others = [part for part in parts if part is not figure]
        if figure is not whole and _agree(whole, others, _AGREES):
            continue  # the whole is one part repeated: rescaling another proves nothing
        for shift in _SHIFTS:
            if not _agree(whole, parts, slack, figure, shift):
                continue
            rescaled = abs(figure.value).scaleb(shift)
            stated = abs(whole.value).scaleb(shift if figure is whole else 0)
            if figure is whole or rescaled >= _MATERIAL * stated:
                return figure, shift
    return None


def _agree(whole: Mention, parts: Sequence[Mention], slack: Decimal,
           changed: Mention | None = None, shift: int = 0) -> bool:
    """Whether ``parts`` add up to ``whole`` within the rounding of every printed figure,
    their hedges and ``slack`` (``changed`` read ``shift`` powers of ten off)."""
    def value(figure: Mention) -> Decimal:
        return abs(figure.value).scaleb(shift if figure is changed else 0)

    def rounded(figure: Mention) -> Decimal:
        return list_rounding(figure).scaleb(shift if figure is changed else 0)

    added = sum((value(part) for part in parts), Decimal(0))
    stated = value(whole)
    allowed = sum((rounded(figure) for figure in (whole, *parts)), Decimal(0))
    loose = max(_looseness(figure) for figure in (whole, *parts))
    return abs(added - stated) <= allowed + (loose + slack) * stated


def _exceeds(part: Mention, whole: Mention) -> bool:
    if whole.hedge_kind == "above" or part.hedge_kind == "below":
        return False
    ceiling = abs(whole.value) * (1 + _looseness(whole)) + list_rounding(whole)
    floor = abs(part.value) * (1 - _looseness(part)) - list_rounding(part)
    return floor > ceiling


def _shift_within(part: Mention, whole: Mention) -> int | None:
    ceiling = abs(whole.value) * (1 + _looseness(whole)) + list_rounding(whole)
    return next((s for s in (-3, -6) if abs(part.value).scaleb(s) <= ceiling), None)


def _looseness(figure: Mention) -> Decimal:
    kind = figure.hedge_kind or ""
    return LOOSE.get(kind, _BOUND.get(kind, Decimal(0)))


def coincidence_finding(text: str, relation: Sum) -> Finding | None:
    """Parts no word ties to their whole that agree with it, to their printed digits,
    only once one figure is rescaled (:mod:`numlint.relations.coincidences`)."""
    weighed = relation.weighed
    if weighed is None:
        return None
    if relation.fraction is not None:
        return _share_coincidence_finding(text, relation)
    tie = (f"none: of {weighed.figures} figures of this measure, {weighed.tried} rescaled"
           f" sums could add up (subsets of at most 4 parts, runs of at most 6); this one"
           f" agrees to {weighed.digits:g} significant digits, a search this wide finds"
           f" one so close by chance about {weighed.chance:.1%} of the time")
    return _slip_finding(text, weighed.figure, weighed.shift, relation.total,
                         relation.parts, tie,
                         {"chance": weighed.chance, "sums_tried": weighed.tried,
                          "agreeing_digits": weighed.digits})


def _share_coincidence_finding(text: str, relation: Sum) -> Finding:
    """A percentage two amounts match only once one is read 1 000 times off
    (:mod:`numlint.relations.share_coincidences`): either the part or the whole slipped,
    so no rewrite is proposed."""
    [part], whole, weighed = relation.parts, relation.total, relation.weighed
    assert weighed is not None
    ratio = abs(part.value).scaleb(weighed.shift) / abs(whole.value) * 100
    return finding(
        text, part, None,
        N_("“{part}” is {percent} of “{whole}” only if one of them is read {factor} times"
           " off: one scale word may have slipped."),
        {"part": part.text, "percent": relation.tie, "whole": whole.text,
         "factor": 10 ** abs(weighed.shift)},
        {"percent": relation.tie, "part": part.text, "whole": whole.text,
         "reading": (f"part × 10^{weighed.shift} or whole × 10^{-weighed.shift}:"
                     f" {ratio:.5g} %"),
         "tie": (f"none: of {weighed.figures} amounts of this sentence, {weighed.tried}"
                 f" rescaled ratios could match; this one agrees to {weighed.digits:g}"
                 f" significant digits, a search this wide finds one so close by chance"
                 f" about {weighed.chance:.1%} of the time"),
         "chance": weighed.chance, "ratios_tried": weighed.tried},
    )


def _slip_finding(text: str, figure: Mention, shift: int, whole: Mention,
                  parts: Sequence[Mention], tie: str,
                  weighed: dict[str, Any] | None = None) -> Finding:
    evidence: dict[str, Any] = {
        "whole": whole.text, "parts": [part.text for part in parts],
        "tie": tie or "none: the figures agree only once this one is rescaled",
        "rescaled_by": f"10^{shift}", **(weighed or {}),
    }
    if figure is whole:
        added = sum((abs(part.value) for part in parts), Decimal(0))
        return finding(
            text, whole, shift,
            N_("“{total}” is given as the total of {count} figures that add up to {sum}."
               "{suggestion}"),
            {"total": whole.text, "count": len(parts), "sum": amount(added, whole)},
            evidence,
        )
    return finding(
        text, figure, shift,
        N_("“{part}” is one of {count} figures that add up to “{whole}” only with another"
           " scale.{suggestion}"),
        {"part": figure.text, "count": len(parts), "whole": whole.text},
        evidence,
    )


def fraction_findings(text: str, relation: Sum) -> Iterator[Finding]:
    """A part stated as a fraction of a whole, whose amount is a power of 1 000 off."""
    [part], whole, share = relation.parts, relation.total, relation.fraction
    if share is None or whole.hedge_kind in ("above", "below"):
        return
    expected = abs(whole.value) * share
    allowed = list_rounding(whole) * share + list_rounding(part)
    loose = max(_looseness(part), _looseness(whole)) + Decimal("0.05")

    def fits(shift: int) -> bool:
        stated = abs(part.value).scaleb(shift)
        return abs(stated - expected) <= allowed.scaleb(max(shift, 0)) + loose * expected

    if fits(0):
        return
    shift = next((s for s in _SHIFTS if fits(s)), None)
    if shift is None:
        return  # another whole, or a fraction loosely said: not ours to judge
    yield finding(
        text, part, shift,
        N_("“{part}” is given as {fraction} of “{whole}”, that is about {expected}."
           "{suggestion}"),
        {"part": part.text, "fraction": relation.tie, "whole": whole.text,
         "expected": amount(expected, whole)},
        {"whole": whole.text, "fraction": str(share), "expected": str(expected),
         "rescaled_by": f"10^{shift}"},
    )


def list_rounding(figure: Mention) -> Decimal:
    """How much a figure of a list may have been rounded: as :func:`rounding`, and a
    plain figure ending in zeros may be rounded to them (*447 000 dollars*)."""
    base = rounding(figure)
    if figure.scale_exponent or figure.decimals:
        return base
    digits = "".join(ch for ch in figure.number.text if ch.isdigit())
    zeros = min(len(digits) - len(digits.rstrip("0")), 3)
    return max(base, Decimal(5).scaleb(zeros - 1)) if zeros else base


def finding(text: str, figure: Mention, shift: int | None, message: str,
             params: dict[str, Any], evidence: dict[str, Any]) -> Finding:
    fix = scale_fix(text, figure, shift)
    params["suggestion"] = fix.suggestion
    return Finding(figure.start, figure.end, message, params, edits=fix.edits,
                   fix_description=N_("Rewrite the figure with the scale that fits"),
                   evidence=fix.noted_in(evidence))


def rounding(figure: Mention) -> Decimal:
    """How much a figure of a sum may have been rounded: nothing for a count written in
    full (*3 morts*, *12 blessés*), half its last digit otherwise (*3,2 millions*)."""
    digits = "".join(ch for ch in figure.number.text if ch.isdigit())
    if not figure.scale_exponent and not figure.decimals and digits and digits[-1] != "0":
        return Decimal(0)
    return abs(figure.precision)


def amount(value: Decimal, like: Mention) -> Amount:
    return Amount(value, like.unit_label)
