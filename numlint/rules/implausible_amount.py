"""NL105 implausible-amount."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar

from .api import (
    COARSE_SOURCE,
    ENGLISH_SCALES,
    N_,
    Amount,
    Document,
    Example,
    Finding,
    Mention,
    Phrase,
    Rule,
    Setting,
    assess,
    english_explains,
    plain,
    rescale,
)

TRILLION_EXPONENT = 18
"""A French *trillion*: 10^18, a million times any economy's yearly output."""


class ImplausibleAmount(Rule):
    code = "NL105"
    name = "implausible-amount"
    severity = "error"
    evidence_labels: ClassVar[Mapping[str, str]] = {
        "euros": N_("{euros} EUR, above the bound of {bound_eur} EUR")}
    summary = "An amount larger than any economy: a scale word is wrong."
    explanation = """\
## What it does

Converts each amount of money into euros (ECB rate of the article's date, the fixed rates
of the currencies the euro replaced, or the coarse yearly table for currencies the ECB
does not publish) and reports an amount above a plausibility bound: by default a million
billion euros (10^15 €), about ten times the world's yearly output. Nothing an article
counts in money (a budget, a debt, a market, even the notional of all derivatives) is that
large.

The usual cause is the English *trillion* (10^12) left in French copy, where *trillion*
means 10^18: the message then says what the English reading gives. Where a conversion
beside the figure holds in the English reading, NL104 reports it instead.

When the currency has no rate at all, an amount in French *trillions* (10^18) is still
reported as a warning, and the evidence says that no rate was found, so the bound could
not be checked in euros.

## Why it matters

A figure a million times too large is read by everyone and caught by no one when no
conversion sits beside it to give it away.
"""
    examples = (
        Example(
            "La Russie prévoit un déficit de {{2,41 trillions de roubles}} en 2024.",
            valid=False,
            date=date(2024, 5, 2),
        ),
        Example(
            "Le marché mondial des dérivés pèse 600 000 milliards de dollars.",
            valid=True,
        ),
        Example("La dette mondiale dépasse 300 billions de dollars.", valid=True),
    )
    settings = (
        Setting("bound_eur", 1e15, "Largest plausible amount, in euros."),
    )

    def check(self, document: Document, settings: Mapping[str, Any]) -> Iterator[Finding]:
        bound = Decimal(str(settings["bound_eur"]))
        explained = _explained_by_english_reading(document)
        for figure in document.mentions:
            if figure.kind != "money" or figure.value == 0 or figure.span in explained:
                continue
            if figure.currency is None:
                if figure.scale_exponent >= TRILLION_EXPONENT and figure.written_unit:
                    yield _without_rate(document.text, figure)
                continue
            if abs(figure.value) <= bound and figure.currency == "EUR":
                continue
            converted = document.converter.in_currency(figure, "EUR")
            if converted is None:
                if figure.scale_exponent >= TRILLION_EXPONENT:
                    yield _without_rate(document.text, figure)
                continue
            if abs(converted.value) > bound:
                yield _finding(figure, converted.value, bound, converted.method, document)


def _explained_by_english_reading(document: Document) -> set[tuple[int, int]]:
    """Figures whose conversion holds read the English way: NL104 reports those, with
    the conversion as its evidence."""
    explained = set()
    for equivalence in document.relations.equivalences:
        if equivalence.marker == "sentence":
            continue  # only the numbers tie those: no reading of them explains a figure
        assessment = assess(equivalence, document)
        if assessment is None or assessment.consistent:
            continue
        for figure in (equivalence.first, equivalence.second):
            if english_explains(assessment, figure):
                explained.add(figure.span)
    return explained


def _english_hint(text: str, figure: Mention) -> Phrase | str:
    """`` Read in English, it would be “2,41 billions de roubles”.``, where that applies."""
    english = ENGLISH_SCALES.get((figure.scale.text if figure.scale else "").lower())
    if english is None:
        return ""
    rewrite = rescale(text, figure, english - figure.scale_exponent)
    if rewrite is None:
        return ""
    return Phrase(N_(" Read in English, it would be “{english}”."), {"english": rewrite.figure})


def _finding(figure: Mention, euros: Decimal, bound: Decimal, method: str,
             document: Document) -> Finding:
    evidence = {
        "figure": figure.text,
        "value": str(figure.value),
        "euros": plain(euros),
        "bound_eur": plain(bound),
        "rate_method": method,
        "rate_source": _source(method, document),
        "date": document.date.isoformat(),
    }
    return Finding(
        figure.start,
        figure.end,
        N_("“{figure}” is about {euros}: no economy is that large.{hint}"),
        {"figure": figure.text, "euros": Amount(euros, "EUR"),
         "hint": _english_hint(document.text, figure)},
        evidence=evidence,
    )


def _source(method: str, document: Document) -> str:
    if method == "coarse-rate":
        return COARSE_SOURCE
    if method == "ecb-rate":
        return document.rates.source
    return "fixed euro conversion rate" if method == "fixed-rate" else "no conversion"


def _without_rate(text: str, figure: Mention) -> Finding:
    return Finding(
        figure.start,
        figure.end,
        N_("“{figure}”: a French trillion is 10^18, more than any economy counts in any "
           "currency.{hint}"),
        {"figure": figure.text, "hint": _english_hint(text, figure)},
        evidence={
            "figure": figure.text,
            "value": str(figure.value),
            "rate": f"no rate for “{figure.written_unit.text if figure.written_unit else None}”: "
            "the bound was not checked in euros",
        },
        severity="warning",
    )
