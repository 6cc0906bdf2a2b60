"""NL206 range-inverted."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal, localcontext
from typing import Any

from .api import (
    LONG_SCALES,
    N_,
    TEMPERATURES,
    Document,
    Example,
    Finding,
    Range,
    Rule,
    ScaleFix,
    assess,
    plain,
    scale_fix,
)

STRONG = Decimal(10)
"""Lower bound over upper bound from which an inverted range is an order-of-magnitude slip
(a range written downwards, *entre 5 et 3*, is rarer but no slip of scale)."""
NORMAL_SPAN = Decimal(10)
"""Upper over lower bound that a range reread after the fix may span."""
CLOCK_UNITS = {"hour": Decimal(24), "minute": Decimal(60)}
"""*de 22 heures à 6 heures* is a night, not an inverted range; a first bound no clock
shows (*d'une durée de 15 000 à 20 minutes*) is no time of day."""
SHIFTS = (3, 6, 9, 12)
UNSCALED_PLAUSIBLE = Decimal(100)
UNSCALED_CERTAIN = Decimal(10_000)
"""A first bound written in full digits before a scale word (*entre 500 000 et 2 millions
d'euros*) may mean its digits alone: silent when they make a range of under 100 times,
a warning under 10 000 times (*de 5 000 à 6 millions d'habitants*), an error beyond."""


class RangeInverted(Rule):
    code = "NL206"
    name = "range-inverted"
    severity = "error"
    summary = "A range's bounds cannot both be right: the lower one exceeds the upper one."
    explanation = """\
## What it does

Reads the ranges of the text — *entre A et B*, *de A à B*, *A à B*, *A-B* — where the
scale word, currency or unit is usually written once, after the second bound, and shared
by the first (*entre 5 et 6 milliards de dirhams*: 5 milliards to 6 milliards). When the
first bound, read with what it shares, is larger than the second — *entre 5 000 et
6 milliards* is 5 000 milliards to 6 milliards — one of the two is wrong: usually the
first bound, retyped a thousand times too large. The fix rewrites its digits so that the
range reads upwards again (*entre 5 et 6 milliards*); it changes a figure, so it is
unsafe.

It warns, without a fix, when the first bound may stand for the scale below the one it
shares: *entre 800 et 1 milliard* (800 milliards, or 800 millions?). Spell it out. A short
first bound before round thousands shares them, as copy writes it: *(est. 30 à 40 000
euros)* is 30 000 to 40 000 euros, no slip.

## Why it matters

A range whose lower bound exceeds its upper bound has a slip in it that no reader can
correct: both bounds are printed, and one is off by a thousand.

## When it stays silent

*De A à B* also says where a figure went: after a word of change (*est passé de 30 à
21 m*, *ramené de 65 à 62 ans*, *une baisse de…*) it is a change, not a range. A range
written downwards by less than ten times (*de 5 à 3*) may be a change told without its
verb. Years (*de 2019 à 2023*), scores, references and page ranges are not read as
amounts; clock times (*de 22 heures à 6 heures*: a first bound a clock can show),
temperatures and negative figures are left out. *Entre A et B* is always a range:
written downwards by less than ten times it is only warned about.

When the range is converted into another range (*entre 9 000 et 12 000 mètres (30 000 à
40 000 pieds)*), the conversion is weighed bound by bound by NL101 and NL102, which
report the bound that does not match, with the rate or factor used.
"""
    examples = (
        Example(
            "nos prévisions variaient entre {{5 000}} et 6 milliards de dirhams.",
            valid=False,
            fixed="nos prévisions variaient entre 5 et 6 milliards de dirhams.",
        ),
        Example(
            "La baleine bleue mesure de {{21 000}} à 30 m.",
            valid=False,
            fixed="La baleine bleue mesure de 21 à 30 m.",
        ),
        Example(
            "Le résultat est attendu entre {{400 000}} et 420 millions d’euros.",
            valid=False,
            fixed="Le résultat est attendu entre 400 et 420 millions d’euros.",
        ),
        Example("nos prévisions variaient entre 5 et 6 milliards de dirhams.", valid=True),
        Example(
            "Sa longueur est passée de 21 000 à 30 m en dix ans.",
            valid=True,
            note="A change, not a range: *passée de A à B*.",
        ),
        Example("Le magasin ouvre de 22 heures à 6 heures.", valid=True),
        Example("Les réserves ont baissé de 9 à 4 millions de tonnes.", valid=True),
    )

    def check(self, document: Document, settings: Mapping[str, Any]) -> Iterator[Finding]:
        text = document.text
        for found in document.relations.ranges:
            if not _comparable(found):
                continue
            low, high = found.low.value, found.high.value
            with localcontext() as context:
                context.prec = 28
                finding = _inverted(text, found, low / high) if low > high else None
            if finding is not None and not _converted_wrongly(document, finding):
                yield finding


def _converted_wrongly(document: Document, finding: Finding) -> bool:
    """A bound the conversion rules already report (``entre 30 000 000 et 40.000 pieds,
    soit entre 9.200 et 12.200 mètres``: NL101 names the bound and the factor)."""
    for equivalence in document.relations.equivalences:
        second = equivalence.second
        if (second.start, second.end) != (finding.start, finding.end):
            continue
        assessment = assess(equivalence, document)
        if assessment is not None and not assessment.consistent:
            return True
    return False


def _comparable(found: Range) -> bool:
    low, high = found.low, found.high
    if not low.inherited and (
        low.kind != high.kind or low.currency != high.currency or low.unit != high.unit
    ):
        return False  # "de 21 m à 30 km": two units, left to the writer
    if low.per != high.per:
        return False
    if high.unit in TEMPERATURES:
        return False
    if high.unit in CLOCK_UNITS and low.value <= CLOCK_UNITS[high.unit]:
        return False
    return low.value > 0 and high.value > 0


def _read_as(text: str, found: Range) -> str:
    """The first bound as the reader takes it: its digits and what it shares."""
    low, high = found.low, found.high
    if not low.inherited:
        return low.text
    forms = LONG_SCALES.get(high.scale_exponent)
    if forms and high.scale and (high.scale.text or "").lower() in forms:
        digits = low.value.scaleb(-low.scale_exponent)
        word = forms[1] if digits >= 2 else forms[0]
        return f"{low.text} {word}{text[high.scale.end : high.end]}"
    return low.text + text[high.number.end : high.end]


def _evidence(text: str, found: Range, ratio: Decimal) -> dict[str, Any]:
    return {
        "range": text[found.low.start : found.high.end],
        "opener": found.opener,
        "separator": found.separator,
        "low_value": plain(found.low.value),
        "high_value": plain(found.high.value),
        "shared": _shared(text, found),
        "ratio": plain(ratio),
        "change_cue": found.change_cue,
    }


def _shared(text: str, found: Range) -> str | None:
    """The scale word, currency or unit the first bound takes from the second."""
    if not found.low.inherited:
        return None
    return text[found.high.number.end : found.high.end].strip() or None


def _inverted(text: str, found: Range, ratio: Decimal) -> Finding | None:
    """The first bound larger than the second: error where the evidence is strong."""
    low, high = found.low, found.high
    entre = (found.opener or "").lower() == "entre"
    if not entre and (found.change_cue is not None or ratio < STRONG):
        return None  # "est passé de 30 à 21 m", or "de 5 à 3" told without its verb
    evidence = _evidence(text, found, ratio)
    shift = _fitting_shift(found)
    elided = _elided_scale(found)
    if elided is not None and shift == 3:
        # "entre 800 et 1 milliard": the writer left out "millions" after 800
        evidence["weighed"] = "a bare first bound under 1 000 with a scale word: its own scale " \
            "may have been left out"
        return Finding(
            low.start, low.end,
            N_("“{low}” reads as “{read}”, more than the upper bound “{high}”: if {meant} "
               "is meant, write the scale word after it."),
            {"low": low.text, "read": _read_as(text, found), "high": high.text,
             "meant": elided},
            evidence=evidence, severity="warning",
        )
    strong = ratio >= STRONG and (entre or low.inherited)
    evidence["weighed"] = (
        "entre A et B is always a range" if entre else "no word of change before de A à B"
    ) + ("; the first bound shares the second's scale or unit" if low.inherited else "")
    unscaled = _unscaled_span(found)
    if unscaled is not None:
        # "entre 500 000 et 2 millions d'euros": the digits alone already make the range
        if unscaled < UNSCALED_PLAUSIBLE:
            return None
        evidence["unscaled_span"] = plain(unscaled)
        if unscaled < UNSCALED_CERTAIN:
            strong = False
            evidence["weighed"] += (
                "; read without the shared scale word the range would span "
                f"{plain(unscaled)} times: possible, so only a warning"
            )
    start, end = (low.start, low.end) if low.inherited else (low.start, high.end)
    fix = ScaleFix()
    if shift is not None and low.inherited and ratio >= STRONG:
        fix = scale_fix(text, low, -shift, number_only=True)
    fix.noted_in(evidence)
    return Finding(
        start, end,
        N_("This range runs downwards: its first bound, “{read}”, is {factor} times its "
           "second, “{high}”.{suggestion}"),
        {"read": _read_as(text, found), "high": high.text,
         "factor": _shown_factor(ratio), "suggestion": fix.suggestion},
        edits=fix.edits,
        fix_description=N_("Rewrite the first bound so that the range runs upwards"),
        evidence=evidence,
        severity="error" if strong else "warning",
    )


def _unscaled_span(found: Range) -> Decimal | None:
    """Upper bound over the first bound's digits taken alone, when the first bound shares
    a scale word (``500 000`` before ``2 millions``: 4), else None."""
    low, high = found.low, found.high
    if not low.inherited or not low.scale_exponent:
        return None
    digits = low.value.scaleb(-low.scale_exponent)
    if digits > high.value:
        return None
    return high.value / digits


def _fitting_shift(found: Range) -> int | None:
    """The power of ten that, taken off the first bound, makes the range run upwards
    over a usual span (``5 000`` -> ``5`` before ``6 milliards``)."""
    low, high = found.low.value, found.high.value
    for shift in SHIFTS:
        fixed = low.scaleb(-shift)
        if fixed <= high and high / fixed < NORMAL_SPAN:
            return shift
    return None


def _elided_scale(found: Range) -> str | None:
    """``entre 800 et 1 milliard``: a bare first bound under 1 000 sharing a scale word
    may stand for the scale below (800 millions); that reading, when it fits."""
    low = found.low
    if not low.inherited or low.scale_exponent < 6:
        return None
    digits = low.value.scaleb(-low.scale_exponent)
    if digits >= 1000:
        return None  # 5 000 millions would be written 5 milliards
    singular, plural = LONG_SCALES[low.scale_exponent - 3]
    return f"{low.number.text} {plural if digits >= 2 else singular}"


def _shown_factor(ratio: Decimal) -> Decimal:
    if ratio >= 10:
        return ratio.quantize(Decimal(1))
    return ratio.quantize(Decimal("0.1"))
