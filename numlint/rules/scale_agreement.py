"""NL305 scale-agreement."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .api import (
    LONG_SCALES,
    N_,
    Document,
    Example,
    Finding,
    Rule,
    TextEdit,
    agree,
    english_singular,
)


class ScaleAgreement(Rule):
    code = "NL305"
    name = "scale-agreement"
    severity = "warning"
    summary = "“million”, “milliard” not agreeing with their number (1,5 milliard, 2 milliards)."
    explanation = """\
## What it does

*Million*, *milliard*, *billion* are nouns: they take an *s* from two on, and not
below. *1,5 milliard*, *1,9 million*, but *2 milliards*, *2,5 millions*. This rule
reports a scale word whose number does not agree with it and fixes it; the value does
not change, so the fix is safe. (*Mille* is invariable and never reported.)

## Why it matters

It is the most common typographic slip around figures in French copy, and the one
proofreaders are asked to catch first.

## When it stays silent

A singular *billion* or *trillion* after a number of two or more (*3 billion de
dollars*) is English grammar left by a translation: NL104 (billion-false-friend)
reports it, with the fix an editor wants (*3 milliards*), rather than a second finding
with another fix on the same words (*3 billions*, a thousand times more).
"""
    examples = (
        Example("La facture atteint {{1,5 milliards d'euros}}.", valid=False,
                fixed="La facture atteint 1,5 milliard d'euros."),
        Example("Un plan de {{20 milliard d'euros}}.", valid=False,
                fixed="Un plan de 20 milliards d'euros."),
        Example("La facture atteint 1,5 milliard d'euros, contre 2 milliards l'an passé.",
                valid=True),
        Example("Le contrat vaut 3 billion de dollars.", valid=True,
                note="English grammar: NL104 reports it, with its own fix."),
    )

    def check(self, document: Document, settings: Mapping[str, Any]) -> Iterator[Finding]:
        long_words = {word for pair in LONG_SCALES.values() for word in pair if word != "mille"}
        for mention in document.mentions:
            written = (mention.scale.text if mention.scale else "").lower()
            if written not in long_words or not mention.number.text[:1].isdigit():
                continue
            number = abs(mention.value).scaleb(-mention.scale_exponent)
            if english_singular(mention):
                continue  # English grammar: NL104's, with the fix "milliards"
            rewrite = agree(document.text, mention, number)
            if rewrite is None:
                continue
            yield Finding(
                mention.start,
                mention.end,
                N_("“{figure}”: the scale word agrees with its number ({fixed})."),
                {"figure": mention.text, "fixed": rewrite.figure},
                edits=(TextEdit(rewrite.start, rewrite.end, rewrite.replacement),),
                safety="safe",
                fix_description=N_("Make the scale word agree"),
            )
