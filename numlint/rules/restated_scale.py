"""NL103 restated-scale."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .api import (
    N_,
    Document,
    Example,
    Finding,
    Restatement,
    Rule,
    Severity,
    scale_fix,
)


class RestatedScale(Rule):
    code = "NL103"
    name = "restated-scale"
    severity = "error"
    summary = "A figure restated later in the text has another scale word."
    explanation = """\
## What it does

Finds a figure that points back to an earlier one (*ces 13 millions de dollars*, *cette
somme de*, *ce montant de*) and checks that it repeats the same number with the same
scale word. The earlier figure is taken as the reference: the fix rewrites the later one.

It also finds a figure written without such a pointer that repeats the number of an
earlier one with a scale exactly 1 000 times off (*26 milliards de dirhams* in the lede,
*le montant déclaré était de 26 millions de dirhams* in the quote), in the same currency
or unit, within about a paragraph (800 characters), when that number is written with the
later scale nowhere before it; and a figure written out in full, without a scale word,
that repeats the significant digits of an earlier one exactly 1 000 times off (*19270 €
par an* in the lede, *19 270 000 € par an* in the body): three zeros typed or lost.

## Why it matters

When a figure is written twice, one of the two is wrong, and a reader cannot tell which.

## How sure it is

An error when the text says it is the same figure: a pointer, or an amount word (*le
montant … était de*, *le prix … s'élève à*) or a definite article (*les 26 millions*)
before a distinctive number (two significant digits or more, not a round half: *26*,
*7,6*). A warning when only the numbers tie the two figures (a distinctive number, in
another sentence; always for figures written out in full), or when the number is round
(*4*, *100*, *2,5*, *250*): round numbers repeat by chance. The evidence says what tied
them (`tie`: pointer, amount, definite, none).

## When it stays silent

A round number with nothing tying it to the earlier figure, and two figures of one
sentence (*1 milliard pour le fret, 1 million pour les études*): these are usually two
amounts, and numlint does not guess.
"""
    examples = (
        Example(
            "L'État a promis 13 milliards de dollars. Mais ces {{13 millions de dollars}} "
            "tardent.",
            valid=False,
            fixed="L'État a promis 13 milliards de dollars. Mais ces 13 milliards de dollars "
            "tardent.",
        ),
        Example(
            "L'État a promis 13 milliards de dollars. Mais ces 13 milliards tardent.",
            valid=True,
        ),
        Example("1 milliard pour le fret, 1 million pour les études.", valid=True),
        Example(
            "La cession rapporte 26 milliards de dirhams au groupe. « Le montant déclaré "
            "était de {{26 millions de dirhams}} », a précisé le ministre.",
            valid=False,
            fixed="La cession rapporte 26 milliards de dirhams au groupe. « Le montant "
            "déclaré était de 26 milliards de dirhams », a précisé le ministre.",
            note="No pointer: an amount word before the same distinctive number.",
        ),
        Example(
            "Le budget atteint 4 milliards d'euros. Les régions recevront 4 millions "
            "d'euros de plus.",
            valid=True,
            note="A round number repeats by chance: nothing ties the two figures.",
        ),
    )

    def check(self, document: Document, settings: Mapping[str, Any]) -> Iterator[Finding]:
        for restatement in document.relations.restatements:
            first, later = restatement.first, restatement.later
            if later.scale_exponent == first.scale_exponent:
                if later.value == first.value:
                    continue
                # written out in full, 1 000 times off: only the numbers tie them
                severity: Severity = "warning"
                fix = scale_fix(document.text, later, None)
            else:
                severity = _severity(restatement)
                shift = first.scale_exponent - later.scale_exponent
                fix = scale_fix(document.text, later, shift)
            if restatement.tie == "pointer":
                message = N_(
                    "“{later}” restates “{first}” with another scale: one of them is wrong."
                    "{suggestion}"
                )
            else:
                message = N_(
                    "“{later}” repeats the number of “{first}” with a scale 1 000 times "
                    "off: if it is the same amount, one of them is wrong.{suggestion}"
                )
            params: dict[str, Any] = {"later": later.text, "first": first.text,
                                      "suggestion": fix.suggestion}
            yield Finding(
                later.start,
                later.end,
                message,
                params,
                edits=fix.edits,
                fix_description=N_("Use the scale of the first mention"),
                evidence={
                    "first": first.text,
                    "later": later.text,
                    "first_value": str(first.value),
                    "later_value": str(later.value),
                    "pointer": restatement.reference,
                    "tie": restatement.tie,
                },
                severity=severity,
            )


def _severity(restatement: Restatement) -> Severity:
    """Error when the text says it is the same figure (a pointer, or an amount word or a
    definite article before a distinctive number); a warning on the numbers alone, or on a
    round number however tied (a round number repeats by chance)."""
    if restatement.tie == "pointer":
        return "error"
    if restatement.tie != "none" and restatement.distinctive:
        return "error"
    return "warning"
