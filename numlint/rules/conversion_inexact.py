"""NL102 conversion-inexact."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from .api import (
    DEFAULT_TOLERANCES,
    N_,
    Amount,
    Assessment,
    Document,
    Example,
    Finding,
    Mention,
    Rule,
    Setting,
    TextEdit,
    agree,
    evidence_of,
    judge,
    rounded,
    shifted,
)


class ConversionInexact(Rule):
    code = "NL102"
    name = "conversion-inexact"
    severity = "warning"
    summary = "A conversion is outside the tolerance its wording allows."
    explanation = """\
## What it does

Checks each equivalence (see NL101) against the tolerance its wording allows:

| wording of the second figure | the first figure, converted, may be |
|---|---|
| none (*soit 95 milliards*) | within the rounding of the printed digits |
| *environ*, *quelque*, *autour de* | within ±10 % |
| *près de*, *presque*, *à peine* | from 10 % below to 2 % above |
| *plus de*, *au moins* | above it |
| *moins de*, *jusqu'à* | below it |
| a rate per month restated per year (*par mois, soit … par an*) | within ±10 % (13 salaries) |

A whole number that ends in zeros is read as rounded to its last other digit: *1 200
mètres (3 900 pieds)* is a conversion rounded to the hundred (3 937), not a slip.
Temperatures keep their digits: they are converted by formula, to the degree.

Currency conversions use the ECB reference rates of the 7 business days up to the
article's date (wire copy converts at the rate of a few days before publication): a
conversion that matches any of them, with a 3 % spread for the rate a newsroom actually
used, is not inexact. The evidence's `rate_window` gives those days and the values they
allow. When the article's date is unknown (no
`date` given, none in the document), the latest rate is only a guess — rates drift by a
third over a decade — so currency conversions are left to NL101 unless `check_undated`
is set (then with a 10 % spread and no window: there is no day to count back from).
Temperatures are compared by difference, not by ratio.
Gaps of a factor of three or more are NL101's. A bare *$* written after the figure
(*125 millions $*) is how Quebec writes the Canadian dollar: read as the US dollar by
default, it is not judged to a few percent.

The suggested fix keeps the writer's scale word and precision and changes the number.

## Why it matters

A conversion that is off by 15 % is wrong in print even if no reader can check it; it
usually comes from a rate of another year or a sum of the wrong lines.
"""
    examples = (
        Example(
            "un contrat de 2,4 milliards de dollars (environ {{2,9 milliards d'euros}})",
            valid=False,
            fixed="un contrat de 2,4 milliards de dollars (environ 2,3 milliards d'euros)",
            date=date(2025, 2, 11),
            note="At 1 EUR = 1,0324 USD, 2,4 Md$ are 2,32 Md€.",
        ),
        Example(
            "un contrat de 2,1 milliards de dollars ({{2,5 milliards d'euros}})",
            valid=False,
            fixed="un contrat de 2,1 milliards de dollars (2,0 milliards d'euros)",
            date=date(2025, 2, 11),
            note="The fix keeps the writer's precision: one decimal.",
        ),
        Example(
            "la somme de 97,4 milliards de dollars (près de 95 milliards d'euros)",
            valid=True,
            date=date(2025, 2, 11),
        ),
        Example("Il fait 30 °C (86 °F) à l'ombre.", valid=True),
        Example(
            "Il fait 30 °C ({{100 °F}}) à l'ombre.",
            valid=False,
            fixed="Il fait 30 °C (86 °F) à l'ombre.",
        ),
    )
    settings = (
        Setting("about_tolerance", DEFAULT_TOLERANCES["about_tolerance"],
                "Share either way allowed after environ, quelque, autour de."),
        Setting("nearly_below", DEFAULT_TOLERANCES["nearly_below"],
                "Share below allowed after près de, presque."),
        Setting("nearly_above", DEFAULT_TOLERANCES["nearly_above"],
                "Share above allowed after près de, presque."),
        Setting("rate_tolerance", DEFAULT_TOLERANCES["rate_tolerance"],
                "Spread allowed between the ECB rate and the rate the newsroom used."),
        Setting("undated_rate_tolerance", DEFAULT_TOLERANCES["undated_rate_tolerance"],
                "The same spread when the article's date is unknown."),
        Setting("rate_window_days", DEFAULT_TOLERANCES["rate_window_days"],
                "Business days up to the article's date whose ECB rates a conversion may "
                "use (wire copy converts at the rate of a few days before).", kind=int),
        Setting("check_undated", False,
                "Also check currency conversions of undated texts (at the latest rate).",
                kind=bool),
    )

    def check(self, document: Document, settings: Mapping[str, Any]) -> Iterator[Finding]:
        # one verdict per conversion (numlint.verdict), drawn with these tolerances: what
        # a rate or a wording cannot judge to a few percent is left unjudged there
        for equivalence in document.relations.equivalences:
            verdict = judge(equivalence, document)
            if verdict.kind == "inexact" and verdict.assessment is not None:
                yield _finding(verdict.assessment, document)


def _finding(assessment: Assessment, document: Document) -> Finding:
    first, second = assessment.equivalence.first, assessment.equivalence.second
    unit = second.unit_label
    params = {
        "first": first.text,
        "second": second.text,
        "expected": Amount(assessment.expected, unit),
    }
    message = N_("“{second}” does not match “{first}”, which comes to about {expected}.")
    edits = _renumbered(document.text, second, assessment.expected)
    return Finding(
        second.start,
        second.end,
        message,
        params,
        edits=edits,
        fix_description=N_("Write the converted value"),
        evidence=evidence_of(assessment, document),
    )


def _renumbered(text: str, mention: Mention, value: Decimal) -> tuple[TextEdit, ...]:
    """Edits that write ``value`` in place of the mention's number (and keep agreement)."""
    replacement = _number_like(mention, value)
    if replacement is None or replacement == mention.number.text:
        return ()
    edits = [TextEdit(*mention.number.span, replacement)]
    digits = "".join(ch for ch in replacement if ch.isdigit() or ch in ",-").replace(",", ".")
    agreement = agree(text, mention, Decimal(digits))
    if agreement is not None:
        edits.append(TextEdit(agreement.start, agreement.end, agreement.replacement))
    return tuple(edits)


def _number_like(mention: Mention, value: Decimal) -> str | None:
    """``value`` written like the mention's number: same scale word, same decimals."""
    if mention.inherited or not mention.number.text[:1].isdigit():
        return None  # a number in words, or a bound that borrows its scale: no rewrite
    scaled = shifted(value, -mention.scale_exponent)
    quantum = Decimal(1).scaleb(-mention.decimals)
    shown = rounded(scaled, quantum)
    text = f"{abs(shown):f}".replace(".", ",")
    whole, _, fraction = text.partition(",")
    separator = next((ch for ch in mention.number.text if ch in " \u00a0\u202f."), None)
    if separator is not None and len(whole) > 4:
        groups: list[str] = []
        while len(whole) > 3:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        whole = separator.join([whole, *groups])
    sign = "-" if shown < 0 else ""
    return sign + whole + ("," + fraction if fraction else "")
