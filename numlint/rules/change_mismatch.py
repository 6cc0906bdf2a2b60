"""NL201 change-mismatch."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any

from .api import (
    N_,
    Change,
    Document,
    Example,
    Finding,
    Interval,
    Mention,
    Rule,
    TextEdit,
    point_change,
    relative_change,
    rounded,
    stated_change,
)
from .change_amounts import amount_change_findings
from .change_weighing import Slip, computed_change, fits, is_large, scale_slip, weighed_readings


class ChangeMismatch(Rule):
    code = "NL201"
    name = "change-mismatch"
    severity = "warning"
    summary = "A stated change does not match the figures it moves between."
    explanation = """\
## What it does

Finds a change stated with its endpoints and recomputes it from them. The wordings real
copy uses are read: *passe de 200 à 250 millions d'euros, soit une hausse de 50 %*; *ont
augmenté de 406 %, passant de 19,4 à 100,2 millions*; *35,2 Mds DH contre 33,4 Mds DH à
fin juillet 2014, en allégement de 5,4 %*; *se situe à 78 % au lieu de 69,3 %, soit un
gain de 8,7 points*; *un accroissement de 5,5 % : 35,2 Mds DH contre 33,4 Mds DH*; *5,43
réaux, ce qui représente une baisse de 2,25 % par rapport à 5,55 réaux*; *1,577 millions
… contre 1,709 un an plus tôt* (the earlier figure borrows the scale word, and is weighed
read both ways); a sign written apart (*(- 28 %)*); two balances below zero (*-52,1 contre
-76,4 Mds, en allégement de 31,8 %*: the change of their size).

A change stated as an amount is weighed too: *passer de 2 409,7 milliards en 2019 à 2 352,8
milliards en 2020, soit une baisse de 56,9 milliards* (the amount must be the difference of
the endpoints); *en hausse de 18,3 M€ … pour s'établir à 384,4 M€, soit une hausse de 5 %*
(the rate must be the amount over the start it implies, 366,1 M€).

The tolerance is the rounding of the printed figures: 200 and 250 allow anything from
+24,7 % to +25,3 %, so 50 % is wrong; 406 % is wrong too, since 19,4 → 100,2 is +416,5 %.
A stated rise between endpoints that fall (or the reverse) is reported as well.

**Severity.** Where a connector ties the rate to its endpoints (*soit*, *contre*, *en
hausse de … par rapport à*, *passant de*), a rate far off — by half as much again or in
sign, and by a point or more — is an **error**; a rate off by less, but by more than the
rounding, is a warning. Where the words do not say which figures the rate is about — a
start one or two sentences back (*elles avaient récolté 8,4 milliards … Cette année, le
montant plafonne à 3,8 milliards, soit une baisse de 55 %*), a rate in the sentence
before its endpoints, a table row *B A p %*, a rate on another basis (*à périmètre
constant*, *en volume*) — only a **warning**, and only when one figure written 1 000 times
larger or smaller would make the rate right: the numbers then agree on a scale slip. The
evidence lists the tie, every reading weighed and the slip.

When the endpoints are percentages and the stated change is right *in points*, NL202
reports it instead. The fix writes the recomputed change at the writer's precision; it
changes a figure, so it is unsafe. No fix is offered when a figure 1 000 times off explains
the mismatch: the figure is wrong, not the rate.

## Why it matters

Growth rates are the figures readers quote. A wrong one is usually a computation from
the wrong base year or a transposed digit, and nothing else in the text will catch it; a
scale word slipped on one endpoint (*millions* for *milliards*) shows as a rate that no
longer fits.

## When it stays silent

*de 3 à 5 millions* without a verb of change is a range. A rate whose base the text does
not give (*10,2 millions de visiteurs, soit une hausse de 25 % par rapport à 2017*) has
nothing to be checked against; a rate of another figure of the sentence (*les ventes
atteignent 120 millions contre 100 millions, et la marge progresse de 3 %*) or against
another year than the figure nearby (*88,5 % … le précédent record, 87,9 % en 2014 … en
hausse de 0,7 point par rapport à 2015*) is left alone: a loose tie is reported only on a
scale slip.
"""
    examples = (
        Example(
            "Les recettes devraient passer de 2409,7 milliards en 2019 à 2352,8 milliards en "
            "2020, soit une baisse de {{96,9 milliards}}.",
            valid=False,
            note="A change stated as an amount: 2 409,7 − 2 352,8 = 56,9.",
        ),
        Example(
            "Les recettes sont en hausse de 18,3 M€ pour s'établir à 384,4 M€, soit une hausse "
            "de 5 %.",
            valid=True,
            note="The start the amount implies is 366,1 M€: +5,0 %.",
        ),
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
        Example(
            "Les recettes atteignent 35,2 Mds DH contre 33,4 Mds DH à fin juillet 2014, en "
            "hausse de {{55 %}}.",
            valid=False,
            fixed="Les recettes atteignent 35,2 Mds DH contre 33,4 Mds DH à fin juillet 2014, "
            "en hausse de 5 %.",
            note="Far off with a connector tying it: an error.",
        ),
        Example(
            "Le taux de couverture se situe à 78 % au lieu de 69,3 %, soit un gain de {{3,7}} "
            "points.",
            valid=False,
            fixed="Le taux de couverture se situe à 78 % au lieu de 69,3 %, soit un gain de 8,7 "
            "points.",
        ),
        Example(
            "L'euro s'est négocié à 5,43 réaux en moyenne, ce qui représente une baisse de "
            "2,25 % par rapport à 5,55 réaux la veille.",
            valid=True,
            note="The base after the rate; 5,545 → 5,435 allows -2,3 %.",
        ),
        Example(
            "Le déficit s'établit à -52,1 Mds DH contre -76,4 Mds DH, en allégement de 31,8 %.",
            valid=True,
            note="Two balances below zero: the change of their size.",
        ),
        Example(
            "Un accroissement de {{5,5 %}} : 35,2 M DH contre 33,4 Mds DH au titre de la même "
            "période de 2014.",
            valid=False,
            note="35,2 milliards would make the rate right: a scale slip, so no fix of the rate.",
        ),
        Example(
            "Elles avaient récolté 8,4 milliards d'euros au premier semestre 2022. Cette "
            "année, le montant plafonne à 3,8 millions d'euros, soit une baisse de {{55%}}.",
            valid=False,
            note="The start is a sentence back: a warning, only because 3,8 milliards would "
            "make the rate right.",
        ),
        Example(
            "Elles avaient récolté 8,4 milliards d'euros au premier semestre 2022. Cette "
            "année, le montant plafonne à 5,1 milliards d'euros, soit une baisse de 55%.",
            valid=True,
            note="The base may be a figure the text does not give: silent.",
        ),
        Example(
            "Volume annuel traité (m³) 10 588 684 000 8 815 789 {{20,1%}}",
            valid=False,
            note="A table row: the columns give the order, so both are weighed.",
        ),
    )

    def check(self, document: Document, settings: Mapping[str, Any]) -> Iterator[Finding]:
        for change in document.relations.changes:
            if change.start is None or change.end is None or change.stated is None:
                continue
            finding = _mismatch(document, change)
            if finding is not None:
                yield finding
        yield from amount_change_findings(document)


def _mismatch(document: Document, change: Change) -> Finding | None:
    start, end, stated = change.start, change.end, change.stated
    assert start is not None and end is not None and stated is not None
    weighed = _unexplained(change, start, end, stated)
    if weighed is None:
        return None
    readings, actual = weighed
    slip = scale_slip(change, readings)
    strong = change.tie == "grammar" and change.basis is None
    if not strong and slip is None:
        return None  # a loose tie: only the numbers agreeing on a slip make it a finding
    large = strong and is_large(change, start, end)
    if slip is not None:
        start, end = slip.start, slip.end
        actual = computed_change(change, start, end) or actual
    computed = _point_estimate(change, start, end)
    params = {"stated": stated.text, "start": start.text, "end": end.text,
              "computed": rounded(computed, Decimal(1).scaleb(-max(stated.decimals, 1)))}
    if slip is not None and change.stated_as != "points":
        params["figure"] = slip.figure.text
    return Finding(
        stated.start,
        stated.end,
        _message(change, slip),
        params,
        edits=_fix(change, start, end, computed, slip),
        fix_description=N_("Write the change computed from the endpoints"),
        evidence=_evidence(change, start, end, actual, readings, slip, large),
        severity="error" if large else None,
    )


def _unexplained(
    change: Change, start: Mention, end: Mention, stated: Mention
) -> tuple[list[tuple[Mention, Mention]], Interval] | None:
    """The readings weighed and the change the endpoints give, when no reading makes the
    stated change right (nor the other unit, for two percentages: NL202's case)."""
    both_percent = start.kind == end.kind == "percent"
    if change.stated_as == "points" and not both_percent:
        return None
    readings = weighed_readings(change)
    if any(fits(change, *reading) for reading in readings):
        return None
    actual = computed_change(change, start, end)
    if actual is None:
        return None
    if both_percent:
        claimed = stated_change(stated, change.direction)
        other = relative_change(start, end) if change.stated_as == "points" else point_change(
            start, end
        )
        if other is not None and other.overlaps(claimed):
            return None  # right in the other unit: NL202 percent-points reports it
    return readings, actual


def _message(change: Change, slip: Slip | None) -> str:
    if slip is not None and change.stated_as != "points":
        return (
            N_("“{stated}”: from {start} to {end} the change is {computed} %; it would be "
               "the stated change with “{figure}” 1 000 times smaller.")
            if slip.factor < 1 else
            N_("“{stated}”: from {start} to {end} the change is {computed} %; it would be "
               "the stated change with “{figure}” 1 000 times larger.")
        )
    if change.stated_as == "points":
        return N_("“{stated}”: from {start} to {end} the change is {computed} points.")
    return N_("“{stated}”: from {start} to {end} the change is {computed} %.")


def _fix(change: Change, start: Mention, end: Mention, computed: Decimal,
         slip: Slip | None) -> tuple[TextEdit, ...]:
    """The stated change rewritten as computed, when the direction agrees and no slip of
    an endpoint explains it better."""
    stated = change.stated
    assert stated is not None
    replacement = _written_like(stated, abs(computed))
    if (slip is None and replacement is not None and change.direction != 0
            and (computed > 0) == (change.direction > 0) and not _negative(start, end)):
        return (TextEdit(*stated.number.span, replacement),)
    return ()


def _evidence(
    change: Change, start: Mention, end: Mention, actual: Interval,
    readings: Sequence[tuple[Mention, Mention]], slip: Slip | None, large: bool,
) -> dict[str, Any]:
    """What was weighed: the tie, every reading tried, the slip that explains it."""
    stated = change.stated
    assert stated is not None
    evidence: dict[str, Any] = {
        "start": start.text,
        "end": end.text,
        "stated": stated.text,
        "stated_as": change.stated_as,
        "direction": change.direction,
        "computed_low": f"{actual.low:.4f}",
        "computed_high": f"{actual.high:.4f}",
        "tie": change.tie,
        "weighed": [
            f"{a.text} → {b.text}: {_shown(computed_change(change, a, b))}" for a, b in readings
        ],
        "severity_reason": (
            "a connector ties the rate to its endpoints and it is off by far more than the "
            "rounding of the figures" if large else
            "the rate is off by more than the rounding of the figures, but not by far"
            if change.tie == "grammar" and change.basis is None else
            "the text does not say which figures the rate is about: reported only because "
            "one figure read 1 000 times off makes it right"
        ),
    }
    if change.basis is not None:
        evidence["basis"] = change.basis
    if _negative(start, end):
        evidence["negative"] = "both figures are below zero: the change of their size"
    if slip is not None:
        evidence["slip"] = {
            "figure": slip.figure.text,
            "factor": "1000" if slip.factor > 1 else "0.001",
            "reading": f"{slip.start.text} → {slip.end.text}",
        }
    return evidence


def _shown(interval: Interval | None) -> str:
    if interval is None:
        return "not computable"
    return f"{interval.low:.2f} % to {interval.high:.2f} %"


def _point_estimate(change: Change, start: Mention, end: Mention) -> Decimal:
    """The change the printed endpoints give, before any rounding allowance."""
    if change.stated_as == "points":
        return end.value - start.value
    if _negative(start, end):
        return (abs(end.value) / abs(start.value) - 1) * 100
    return (end.value / start.value - 1) * 100


def _negative(start: Mention, end: Mention) -> bool:
    return start.value < 0 and end.value < 0


def _written_like(stated: Mention, value: Decimal) -> str | None:
    """``value`` with the decimals of the stated figure (at least enough to differ)."""
    if not stated.number.text[:1].isdigit() and stated.number.text[:1] not in "+-−":
        return None
    decimals = stated.decimals
    shown = rounded(value, Decimal(1).scaleb(-decimals))
    text = f"{shown:f}".replace(".", ",")
    sign = stated.number.text[0] if stated.number.text[0] in "+-−" else ""
    return sign + text
