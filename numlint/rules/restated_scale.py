"""NL103 restated-scale."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .api import N_, Document, Example, Finding, Phrase, Rule, TextEdit, rescale


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

## Why it matters

When a figure is written twice, one of the two is wrong, and a reader cannot tell which.

## When it stays silent

The same number with another scale and no word pointing back is usually another figure
(*1 milliard pour le fret, 1 million pour les études*): numlint does not guess.
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
    )

    def check(self, document: Document, settings: Mapping[str, Any]) -> Iterator[Finding]:
        for restatement in document.relations.restatements:
            first, later = restatement.first, restatement.later
            if later.scale_exponent == first.scale_exponent:
                continue
            shift = first.scale_exponent - later.scale_exponent
            rewrite = rescale(document.text, later, shift)
            message = N_(
                "“{later}” restates “{first}” with another scale: one of them is wrong."
                "{suggestion}"
            )
            params: dict[str, Any] = {"later": later.text, "first": first.text, "suggestion": ""}
            edits: tuple[TextEdit, ...] = ()
            if rewrite is not None:
                edits = (TextEdit(rewrite.start, rewrite.end, rewrite.replacement),)
                params["suggestion"] = Phrase(
                    N_(" Did you mean “{fixed}”?"), {"fixed": rewrite.figure}
                )
            yield Finding(
                later.start,
                later.end,
                message,
                params,
                edits=edits,
                fix_description=N_("Use the scale of the first mention"),
                evidence={
                    "first": first.text,
                    "later": later.text,
                    "first_value": str(first.value),
                    "later_value": str(later.value),
                    "pointer": restatement.reference,
                },
            )
