"""NL303 figure-spacing."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .api import (
    N_,
    NARROW_NO_BREAK_SPACE,
    NO_BREAK_SPACE,
    Document,
    Example,
    Finding,
    Mention,
    Rule,
    TextEdit,
)

_BREAKING = " \t"


class FigureSpacing(Rule):
    code = "NL303"
    name = "figure-spacing"
    severity = "info"
    summary = "A figure glued to its unit sign, or cut by a breaking space."
    explanation = """\
## What it does

French typography puts a no-break space between a number and the sign that follows it
(*12 %*, *20 €*, *5 km*, *3,5 Md€*), and never lets a line break cut a figure: the spaces
inside a number (*1 234 567*) are narrow no-break spaces. This rule reports a sign glued
to its number (*12%*, *20€*) and ordinary spaces inside a figure or before its sign, and
puts the right space: U+00A0 before a sign (as CLDR's French formats do), U+202F between
groups of digits. Words (*millions*, *euros*) are not signs and are left alone. Safe fix.

Off by default: most copy is typed with ordinary spaces and a CMS often fixes them at
rendering; turn it on where the text itself must be right.

## Why it matters

A line break between *12* and *%*, or inside *1 234 567*, makes a figure unreadable.
"""
    enabled_by_default = False
    examples = (
        Example("Le taux atteint {{12%}}.", valid=False, fixed="Le taux atteint 12\u00a0%."),
        Example("Il coûte {{20 €}}.", valid=False, fixed="Il coûte 20\u00a0€."),
        Example("Le taux atteint 12\u00a0% et le prix 20\u00a0€, pour 12 millions d'euros.",
                valid=True),
    )

    def check(self, document: Document, settings: Mapping[str, Any]) -> Iterator[Finding]:
        text = document.text
        for mention in document.mentions:
            edits = [*_inside_number(text, mention), *_before_sign(text, mention)]
            if not edits:
                continue
            yield Finding(
                mention.start,
                mention.end,
                N_("“{figure}”: use no-break spaces inside a figure and before its sign."),
                {"figure": mention.text},
                edits=tuple(edits),
                safety="safe",
                fix_description=N_("Put no-break spaces"),
            )


def _inside_number(text: str, mention: Mention) -> list[TextEdit]:
    start, end = mention.number.span
    if not mention.number.text[:1].isdigit():
        return []
    return [
        TextEdit(i, i + 1, NARROW_NO_BREAK_SPACE)
        for i in range(start, end)
        if text[i] in _BREAKING
    ]


def _before_sign(text: str, mention: Mention) -> list[TextEdit]:
    """The space between the number (or its scale abbreviation) and a sign after it."""
    if mention.written_unit is None or mention.written_unit is None:
        return []
    sign_start = mention.written_unit.start
    if sign_start < mention.number.end or any(ch.isalpha() for ch in mention.written_unit.text[:1]):
        return []  # a currency in front, or a word (euros, kilomètres)
    before = mention.scale.end if mention.scale else mention.number.end
    if mention.scale and any(ch.isalpha() and ch.islower() for ch in mention.scale.text[1:]):
        return []  # "millions €": a word before the sign
    gap = text[before:sign_start]
    if gap in (NO_BREAK_SPACE, NARROW_NO_BREAK_SPACE):
        return []
    if mention.scale and gap == "":
        return []  # "3,5 Md€": the abbreviation and the sign form one symbol
    if gap.strip(_BREAKING) != "":
        return []
    return [TextEdit(before, sign_start, NO_BREAK_SPACE)]
