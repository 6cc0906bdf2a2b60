"""NL201 change-mismatch."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from .api import (
    N_,
    Change,
    Document,
    Example,
    Finding,
    Mention,
    Rule,
    TextEdit,
    point_change,
    relative_change,
    rounded,
    stated_change,
)


class ChangeMismatch(Rule):
    code = "NL201"
    name = "change-mismatch"
    severity = "warning"
    summary = "A stated change does not match the figures it moves between."
    explanation = """\
## What it does

Finds a change stated next to its endpoints — *passe de 200 à 250 millions d'euros, soit
une hausse de 50 %*, *ont augmenté de 406 %, passant de 19,4 à 100,2 millions* — and
recomputes it from the endpoints. The tolerance is the rounding of the printed figures:
200 and 250 allow anything from +24,7 % to +25,3 %, so 50 % is wrong; 406 % is wrong
too, since 19,4 → 100,2 is +416,5 %. A stated rise between endpoints that fall (or the
reverse) is reported as well.

When the endpoints are percentages and the stated change is right *in points*, NL202
reports it instead. The fix writes the recomputed change at the writer's precision; it
changes a figure, so it is unsafe.

## Why it matters

Growth rates are the figures readers quote. A wrong one is usually a computation from
the wrong base year or a transposed digit, and nothing else in the text will catch it.

## When it stays silent

*de 3 à 5 millions* without a verb of change is a range. A percentage that is not tied
to the endpoints by a connector (*soit*, a comma, a parenthesis, *passant de*) may be
about something else, and is left alone.
"""
    examples = (
        Example(
            "Le budget passe de 200 à 250 millions d'euros, soit une hausse de {{50 %}}.",
            valid=False,
            fixed="Le budget passe de 200 à 250 millions d'euros, soit une hausse de 25 %.",
        ),
        Example(
            "Les ventes ont augmenté de {{406 %}}, passant de 19,4 à 100,2 millions.",
            valid=False,
            fixed="Les ventes ont augmenté de 416 %, passant de 19,4 à 100,2 millions.",
        ),
        Example(
            "Le budget passe de 200 à 250 millions d'euros, soit une hausse de 25 %.",
            valid=True,
        ),
        Example(
            "Les crédits augmentent de 60 % en 2021, passant de 11 à 18 millions d'euros.",
            valid=True,
            note="11 and 18 are rounded: anything from +52 % to +76 % is possible.",
        ),
        Example("Le coût est estimé de 3 à 5 millions d'euros, soit 20 % du budget.", valid=True),
        Example(
            "Le chiffre d'affaires, en hausse de {{50 %}} (de 200 à 250 millions d'euros).",
            valid=False,
            fixed="Le chiffre d'affaires, en hausse de 25 % (de 200 à 250 millions d'euros).",
            note="The change may be stated before its endpoints.",
        ),
        Example(
            "La dette a augmenté de {{30 %}} pour atteindre 110 milliards, contre 100 milliards "
            "en 2023.",
            valid=False,
            fixed="La dette a augmenté de 10 % pour atteindre 110 milliards, contre 100 milliards "
            "en 2023.",
        ),
        Example(
            "Les ventes ont reculé de 20 %, à 240 millions d'euros contre 300 millions.",
            valid=True,
        ),
    )

    def check(self, document: Document, settings: Mapping[str, Any]) -> Iterator[Finding]:
        for change in document.relations.changes:
            if change.start is None or change.end is None or change.stated is None:
                continue
            finding = _mismatch(document, change)
            if finding is not None:
                yield finding


def _mismatch(document: Document, change: Change) -> Finding | None:
    start, end, stated = change.start, change.end, change.stated
    assert start is not None and end is not None and stated is not None
    both_percent = start.kind == end.kind == "percent"
    if change.stated_as == "points" and not both_percent:
        return None
    claimed = stated_change(stated, change.direction)
    actual = point_change(start, end) if change.stated_as == "points" else relative_change(
        start, end
    )
    if actual is None or actual.overlaps(claimed):
        return None
    if both_percent:
        other = relative_change(start, end) if change.stated_as == "points" else point_change(
            start, end
        )
        if other is not None and other.overlaps(claimed):
            return None  # right in the other unit: NL202 percent-points reports it
    computed = _point_estimate(start, end, change.stated_as)
    params = {"stated": stated.text, "start": start.text, "end": end.text,
              "computed": rounded(computed, Decimal(1).scaleb(-max(stated.decimals, 1)))}
    if change.stated_as == "points":
        message = N_("“{stated}”: from {start} to {end} the change is {computed} points.")
    else:
        message = N_("“{stated}”: from {start} to {end} the change is {computed} %.")
    replacement = _written_like(stated, abs(computed))
    edits: tuple[TextEdit, ...] = ()
    if replacement is not None and (computed > 0) == (change.direction > 0):
        edits = (TextEdit(*stated.number_span, replacement),)
    return Finding(
        stated.start,
        stated.end,
        message,
        params,
        edits=edits,
        fix_description=N_("Write the change computed from the endpoints"),
        evidence={
            "start": start.text,
            "end": end.text,
            "stated": stated.text,
            "stated_as": change.stated_as,
            "direction": change.direction,
            "computed_low": f"{actual.low:.4f}",
            "computed_high": f"{actual.high:.4f}",
        },
    )


def _point_estimate(start: Mention, end: Mention, stated_as: str | None) -> Decimal:
    """The change the printed endpoints give, before any rounding allowance."""
    if stated_as == "points":
        return end.value - start.value
    return (end.value / start.value - 1) * 100


def _written_like(stated: Mention, value: Decimal) -> str | None:
    """``value`` with the decimals of the stated figure (at least enough to differ)."""
    if not stated.number_text[:1].isdigit() and stated.number_text[:1] not in "+-−":
        return None
    decimals = stated.decimals
    shown = rounded(value, Decimal(1).scaleb(-decimals))
    text = f"{shown:f}".replace(".", ",")
    sign = stated.number_text[0] if stated.number_text[0] in "+-−" else ""
    return sign + text
