"""NL101 conversion-magnitude."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from .api import (
    N_,
    SCALE_SHIFTS,
    Amount,
    Assessment,
    Document,
    Example,
    Finding,
    Rule,
    Setting,
    evidence_of,
    judge,
    rounded,
    scale_fix,
)

NEAR = Decimal("1.25")
"""How far off a conversion may still be once its scale is fixed, for the fix to be offered."""


class ConversionMagnitude(Rule):
    code = "NL101"
    name = "conversion-magnitude"
    severity = "error"
    summary = "A conversion is off by a factor of a thousand (or at least three)."
    explanation = """\
## What it does

Finds two figures that claim to be the same amount — a conversion in parentheses, after
*soit*, *c'est-à-dire*, *l'équivalent de*, or *ou* / a hedge between two currencies or
units — and converts the first into the currency or unit of the second: money with the
ECB reference rate of the article's date, physical quantities with pint. When the two
differ by a factor of three or more, the claim cannot be true.

When a single scale word or unit prefix explains the gap (*millions* for *milliards*,
*M* for *Md*, *m* for *km*, *kW* for *MW*), the fix rewrites the second figure with it.
The fix changes a figure, so it is marked unsafe: a person confirms it.

Words may stand between the figure and its conversion: its complement
(*10 000 mètres d'altitude (environ 33 000 pieds)*), or up to four other words before a
parenthesis (*3 milliards de dollars signés avec Airbus (2,9 millions d'euros)*). Those
other words make a weak claim, so the pair is reported only when the gap is itself the
signature of a scale slip: a factor near 1 000, 10^6… (±25 %). Two neighbouring amounts of
one sentence in two currencies or units that no wording ties at all (*avec un salaire de
4 000 francs suisses, il percevait 2 842 millions d'euros*) are reported on that signature
alone, as a warning.

Currencies the ECB does not publish (the rouble after March 2022, the naira, the
ariary, the dirham, the Algerian and Tunisian dinars…) are converted with a yearly order
of magnitude (see docs/rates.md): then only a gap of thirty times or more is reported,
and the evidence names that table. An exchange rate the text states (*1,0205 € pour
1 £*, *un dollar valait 26,11 livres turques*, *1 euro = 655,957 francs CFA*) may be that
of another day than the article's: it too is reported only thirty times off or more.

## Why it matters

A conversion a thousand times off is the most common numeric slip in published copy:
the scale word is retyped by hand while the number is copied. Readers notice, and the
correction costs the newsroom more than the check.

## When it stays silent

Differences (*soit 3 millions de plus*), shares of another base, figures per another
period (*par an* vs *par mois*), percentages, and figures whose currency is ambiguous
(*francs*, *livres*) are not equivalences. An English *billion* that explains the gap is
left to NL104, which explains it better.
"""
    examples = (
        Example(
            "la somme de 97,4 milliards de dollars (près de {{95 millions d'euros}})",
            valid=False,
            fixed="la somme de 97,4 milliards de dollars (près de 95 milliards d'euros)",
            date=date(2025, 2, 11),
        ),
        Example(
            "Le tunnel de 57 km (soit {{57 000 km}}) a coûté cher.",
            valid=False,
            fixed="Le tunnel de 57 km (soit 57 000 m) a coûté cher.",
        ),
        Example(
            "Le projet de 4,2 milliards d'euros (soit {{42 milliards d'euros}}) est voté.",
            valid=False,
            note="A factor of ten: no scale word explains it, so there is no fix.",
        ),
        Example(
            "une enveloppe de 40 millions de dollars ({{37 000 euros}})",
            valid=False,
            fixed="une enveloppe de 40 millions de dollars (37 millions d'euros)",
            date=date(2025, 2, 11),
            note="Written without a scale word, the amount gets the one copy uses for it.",
        ),
        Example(
            "un salaire de 4 500 euros par mois (soit {{54 euros par an}})",
            valid=False,
            fixed="un salaire de 4 500 euros par mois (soit 54\u202f000 euros par an)",
            note="A rate per month restated per year: twelve times, not a thousandth.",
        ),
        Example(
            "Une centrale de 1 300 MW ({{1,3 MW}}) a été mise en service.",
            valid=False,
            fixed="Une centrale de 1 300 MW (1,3 GW) a été mise en service.",
        ),
        Example(
            "la somme de 97,4 milliards de dollars (près de 95 milliards d'euros)",
            valid=True,
            date=date(2025, 2, 11),
        ),
        Example(
            "Le budget passe à 12 millions d'euros, soit 3 millions d'euros de plus qu'en 2019.",
            valid=True,
        ),
        Example("Il touche 20 000 euros par an, soit 1 667 euros par mois.", valid=True),
    )
    settings = (
        Setting("factor", 3.0, "Smallest ratio between the two figures reported as an error."),
    )

    def check(self, document: Document, settings: Mapping[str, Any]) -> Iterator[Finding]:
        found = list(self._findings(document, settings))
        ratios = {(f.start, f.end): f.evidence.get("ratio") for f in found}
        for finding in found:
            if not _shared_slip(document, finding, ratios):
                yield finding

    def _findings(self, document: Document, settings: Mapping[str, Any]) -> Iterator[Finding]:
        # one verdict per conversion (numlint.verdict), drawn with this rule's factor
        for equivalence in document.relations.equivalences:
            verdict = judge(equivalence, document)
            if verdict.kind == "magnitude" and verdict.assessment is not None:
                ratio = verdict.assessment.ratio
                if ratio is not None:
                    yield _finding(verdict.assessment, document, ratio)


def _shared_slip(document: Document, finding: Finding,
                 ratios: Mapping[tuple[int, int], Any]) -> bool:
    """``entre 2 et 3 milliards de dollars (entre 1,8 et 2,7 millions d'euros)``: both
    bounds off by one factor is the shared scale word's slip, reported on the bound that
    carries it; the bare bound's own finding would only repeat it with a worse fix."""
    bound = next((m for m in document.mentions if (m.start, m.end) == (finding.start,
                                                                         finding.end)), None)
    if bound is None or not bound.inherited or bound.range_partner is None:
        return False
    partner = next((r for span, r in ratios.items() if span[0] == bound.range_partner[0]),
                   None)
    mine = finding.evidence.get("ratio")
    if partner is None or mine is None:
        return False
    ratio = Decimal(mine) / Decimal(partner)
    return 1 / NEAR < ratio < NEAR


def _finding(assessment: Assessment, document: Document, ratio: Decimal) -> Finding:
    first, second = assessment.equivalence.first, assessment.equivalence.second
    fix = scale_fix(document.text, second, _shift_that_fits(assessment))
    larger = ratio > 1
    shown_ratio = ratio if larger else 1 / ratio
    params: dict[str, Any] = {
        "first": first.text,
        "second": second.text,
        "expected": Amount(assessment.expected, second.unit_label),
        "factor": _rounded_factor(shown_ratio),
        "suggestion": fix.suggestion,
    }
    if larger:
        message = N_(
            "“{second}” cannot be the equivalent of “{first}”: that is about {expected}, "
            "{factor} times more.{suggestion}"
        )
    else:
        message = N_(
            "“{second}” cannot be the equivalent of “{first}”: that is about {expected}, "
            "{factor} times less.{suggestion}"
        )
    evidence = fix.noted_in(evidence_of(assessment, document))
    candidate = assessment.equivalence.marker == "sentence"
    if candidate:
        evidence["weighed"] = ("no wording ties the two amounts, only their sentence and a "
                               "gap of a power of 1 000: a warning")
    return Finding(
        second.start,
        second.end,
        message,
        params,
        edits=fix.edits,
        fix_description=N_("Rewrite the conversion with the scale that fits"),
        evidence=evidence,
        severity="warning" if candidate else None,
    )


def _shift_that_fits(assessment: Assessment) -> int | None:
    """The scale change that makes the conversion right; failing that, the one that leaves
    it less than :data:`NEAR` off (``540 milliards`` for 516 millions: the scale is the
    slip, the last digits are NL102's to judge once it is fixed)."""
    for shift in SCALE_SHIFTS:
        if assessment.fits_when_stated_is(assessment.stated.scaleb(shift)):
            return shift
    ratio = assessment.ratio
    if ratio is None:
        return None
    for shift in SCALE_SHIFTS:
        remaining = ratio.scaleb(-shift)
        if 1 / NEAR < remaining < NEAR:
            return shift
    return None


def _rounded_factor(ratio: Decimal) -> Decimal:
    """1 003 -> 1 000: the order of magnitude a reader recognizes; else two digits."""
    for power in (3, 6, 9, 12):
        near = Decimal(10) ** power
        if abs(ratio - near) / near < Decimal("0.2"):
            return near
    return rounded(ratio, Decimal(1)) if ratio >= 10 else rounded(ratio, Decimal("0.1"))
