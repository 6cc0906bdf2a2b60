"""NL203 multiple-mismatch."""

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
    Rule,
    TextEdit,
    change_of_multiple,
    multiple_allows,
    ratio_of,
    rounded,
    stated_change,
)


class MultipleMismatch(Rule):
    code = "NL203"
    name = "multiple-mismatch"
    severity = "warning"
    summary = "A multiple (a doublé, divisé par deux) contradicts the figures it describes."
    explanation = """\
## What it does

Checks words of multiplication — *a doublé*, *triplé*, *quadruplé*, *décuplé*,
*multiplié par 3*, *divisé par deux* — against what they describe:

- the endpoints of the change (*a doublé, passant de 10 à 25 euros*: that is ×2,5);
- a percentage stated with them (*a quadruplé, soit une hausse de 400 %*: quadrupling is
  +300 %, and halving is −50 %);
- two figures compared (*600 millions d'euros, soit trois fois plus que les 100 millions
  de 2020*: that is six times; *le double de*, *la moitié de*, *dix fois moins que*).
  *Trois fois plus* is ×3 to most writers and ×4 (+300 %) to some: both are accepted.

Writers round multiples, so the ratio may be 10 % off (*a doublé* allows ×1,8 to ×2,2);
*plus que doublé* asks for at least ×2, *presque triplé* for a little under ×3.

For a percentage that contradicts its multiple, the fix writes the percentage the multiple
means (unsafe: a person checks which of the two is wrong).

## Why it matters

"Multiplied by four, that is +400 %" is one of the most common arithmetic slips in copy.
"""
    examples = (
        Example(
            "Le chiffre a quadruplé, soit une hausse de {{400 %}}.",
            valid=False,
            fixed="Le chiffre a quadruplé, soit une hausse de 300 %.",
        ),
        Example("Le prix a {{doublé}}, passant de 10 à 25 euros.", valid=False),
        Example("Le chiffre a quadruplé, soit une hausse de 300 %.", valid=True),
        Example("Le nombre de lits a doublé, passant de 5 000 à 10 000.", valid=True),
        Example("La dette a été divisée par deux, soit une baisse de 50 %.", valid=True),
        Example("Le prix a plus que doublé, passant de 10 à 25 euros.", valid=True),
        Example("Les ventes ont été {{multipliées par dix}} (de 10 à 50 millions).", valid=False),
        Example("Les ventes ont été multipliées par cinq, de 10 à 50 millions.", valid=True),
        Example(
            "Le budget atteint 600 millions d'euros, soit {{trois fois plus}} que les "
            "100 millions de 2020.",
            valid=False,
        ),
        Example(
            "Le budget atteint 400 millions d'euros, soit trois fois plus que les "
            "100 millions de 2020.",
            valid=True,
            note="×4 is +300 %: some writers say *trois fois plus*.",
        ),
        Example("Avec 50 morts, le bilan est {{dix fois moins}} lourd que les 5 000 de 2019.",
                valid=False),
    )

    def check(self, document: Document, settings: Mapping[str, Any]) -> Iterator[Finding]:
        for change in (*document.relations.changes, *document.relations.comparisons):
            if change.multiple is None or change.multiple_span is None:
                continue
            if change.start is not None and change.end is not None:
                finding = _against_endpoints(change)
            elif change.stated is not None and change.stated_as == "percent":
                finding = _against_percent(change)
            else:
                finding = None
            if finding is not None:
                yield finding


def _against_endpoints(change: Change) -> Finding | None:
    start, end = change.start, change.end
    assert start is not None and end is not None and change.multiple is not None
    ratio = ratio_of(start, end)
    allowed = multiple_allows(change.multiple, change.multiple_hedge)
    if ratio is None or ratio.overlaps(allowed):
        return None
    span = change.multiple_span or (0, 0)
    shown = rounded(end.value / start.value, Decimal("0.01")).normalize()
    if change.comparison and shown < 1:
        message = N_("“{multiple}”: {end} is {ratio} times less than {start}.")
        shown = rounded(start.value / end.value, Decimal("0.1")).normalize()
    elif change.comparison:
        message = N_("“{multiple}”: {end} is {ratio} times {start}.")
    else:
        message = N_("“{multiple}”: from {start} to {end} the figure is multiplied by {ratio}.")
    return Finding(
        span[0],
        span[1],
        message,
        {
            "multiple": change.multiple_text,
            "start": start.text,
            "end": end.text,
            "ratio": shown,
        },
        evidence={"multiple": str(change.multiple), "ratio_low": f"{ratio.low:.4f}",
                  "ratio_high": f"{ratio.high:.4f}"},
    )


def _against_percent(change: Change) -> Finding | None:
    stated, factor = change.stated, change.multiple
    assert stated is not None and factor is not None
    allowed = multiple_allows(factor, change.multiple_hedge)
    implied_low, implied_high = change_of_multiple(allowed.low), change_of_multiple(allowed.high)
    claimed = stated_change(stated, change.direction)
    if claimed.low <= implied_high and implied_low <= claimed.high:
        return None
    implied = rounded(change_of_multiple(factor), Decimal(1))
    edits: tuple[TextEdit, ...] = ()
    if stated.number.text[:1].isdigit() and (implied > 0) == (change.direction > 0):
        edits = (TextEdit(*stated.number.span, f"{abs(implied):f}".replace(".", ",")),)
    return Finding(
        stated.start,
        stated.end,
        N_("“{stated}” does not match “{multiple}”, which means a change of {implied} %."),
        {"stated": stated.text, "multiple": change.multiple_text, "implied": implied},
        edits=edits,
        fix_description=N_("Write the change the multiple means"),
        evidence={"multiple": str(factor), "implied_change": str(implied)},
    )
