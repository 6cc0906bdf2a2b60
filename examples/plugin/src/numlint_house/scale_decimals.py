"""EX001 scale-decimals: a house rule of an example newsroom.

"4,237 milliards d'euros" pretends to a precision of a million euros that no reader
needs and few sources have: the house rounds figures written with a scale word
(millions, milliards, M, Md) to one decimal.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from numlint.rules.api import Document, Example, Finding, Mention, Rule, Setting, TextEdit

SIMPLE_NUMBER = re.compile(r"^(\d{1,3}(?:[ \u00a0\u202f]\d{3})*),(\d+)$")
"""A number as French copy prints it before a scale word: ``4,237``, ``1 234,56``."""


class ScaleDecimals(Rule):
    code = "EX001"
    name = "scale-decimals"
    severity = "warning"
    summary = "Too many decimals before a scale word (4,237 milliards)."
    explanation = """\
## What it does

Reports a figure written with a scale word or abbreviation of a million or more
(*millions*, *milliards*, *M€*, *Md$*) that has more decimals than the house allows
(one by default, setting `max_decimals`), and suggests the figure rounded half up:
*4,237 milliards d'euros* becomes *4,2 milliards d'euros*.

There is no fix when rounding would change the agreement of the scale word
(*1,96 million* would give *2 million*, which must be written *2 millions*): the
writer chooses.

## Why it matters

A scale word announces a rounded figure. Three decimals before *milliards* claim a
precision of a million euros: it distracts the reader and is rarely what the source
said. The house style guide asks for one decimal.
"""
    examples = (
        Example(
            "Le budget atteint {{4,237 milliards d'euros}}.",
            valid=False,
            fixed="Le budget atteint 4,2 milliards d'euros.",
        ),
        Example(
            "Le club a été vendu {{12,75 M€}}.",
            valid=False,
            fixed="Le club a été vendu 12,8 M€.",
            note="Rounded half up.",
        ),
        Example(
            "La prime coûte {{1,96 million d'euros}}.",
            valid=False,
            note="No fix: 2 million would need the plural.",
        ),
        Example("Le budget atteint 4,2 milliards d'euros.", valid=True),
        Example("Le billet coûte 12,75 €.", valid=True, note="No scale word: cents are exact."),
    )
    settings = (
        Setting("max_decimals", 1, "Decimals allowed before a scale word.", kind=int),
    )

    def check(self, document: Document, settings: Mapping[str, Any]) -> Iterator[Finding]:
        allowed = settings["max_decimals"]
        for mention in document.mentions:
            scale = mention.scale or mention.shared_scale  # "2,75 et 3,25 millions"
            if scale is None or mention.scale_exponent < 6 or mention.decimals <= allowed:
                continue
            rounded = _rounded(mention, allowed)
            edits: tuple[TextEdit, ...] = ()
            if rounded is not None:
                edits = (TextEdit(*mention.number.span, rounded),)
            yield Finding(
                mention.start,
                mention.end,
                "« {figure} » : la maison garde {allowed} au plus avant « {scale} ».",
                {
                    "figure": mention.text,
                    "scale": scale.text,
                    "allowed": _decimals(allowed),
                },
                edits=edits,
                safety="unsafe",
                fix_description="Arrondir le chiffre",
                evidence={"decimals": mention.decimals, "suggestion": rounded or ""},
            )


def _decimals(count: int) -> str:
    """``1 décimale``, ``2 décimales``, ``aucune décimale``: the message's French."""
    if count == 0:
        return "aucune décimale"
    return f"{count} décimale" + ("s" if count > 1 else "")


def _rounded(mention: Mention, places: int) -> str | None:
    """The number rounded to ``places`` decimals, written like the original; None when
    it cannot be rewritten simply or rounding changes the scale word's agreement."""
    match = SIMPLE_NUMBER.match(mention.number.text)
    if match is None:
        return None
    whole, fraction = match.groups()
    separator = next((c for c in whole if not c.isdigit()), "\u202f")
    value = Decimal(re.sub(r"\D", "", whole) + "." + fraction)
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if (value < 2) != (rounded < 2):
        return None
    digits, _, decimals = f"{rounded:f}".partition(".")
    decimals = decimals.rstrip("0")
    grouped = f"{int(digits):,}".replace(",", separator)
    return grouped + ("," + decimals if decimals else "")
