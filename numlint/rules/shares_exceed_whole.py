"""NL204 shares-exceed-whole."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .api import N_, Document, Example, Finding, Rule


class SharesExceedWhole(Rule):
    code = "NL204"
    name = "shares-exceed-whole"
    severity = "warning"
    summary = "Percentages that split one whole add up to more than 100 %."
    explanation = """\
## What it does

Finds a list of percentages the sentence presents as the parts of one whole — each item
opening with its percentage, joined by commas or *et*: *45 % sont favorables, 38 %
opposés et 27 % sans opinion* — and adds them up. Each printed share may be rounded by
half a unit of its last digit, so three whole percentages may add up to 101,5 % at
most; 110 % is impossible.

## Why it matters

A poll or a budget split whose parts exceed the whole has a wrong figure in it, usually
a transposed digit or a share taken from another question.

## When it stays silent

Lists that compare different bases (*45 % des hommes, 60 % des femmes*), that contain a
comparison or a subset (*contre*, *dont*, *parmi*, *respectivement*), a change (*une
hausse de 3 %*), a hedge (*plus de 40 %*) or a 100 % are not partitions. Lists that add
up to less than 100 % are fine: the rest may be unlisted.
"""
    examples = (
        Example(
            "Selon le sondage, {{45 % sont favorables, 38 % opposés et 27 %}} sans opinion.",
            valid=False,
        ),
        Example(
            "Selon le sondage, 45 % sont favorables, 38 % opposés et 17 % sans opinion.",
            valid=True,
        ),
        Example("Le taux atteint 45 % des hommes, 60 % des femmes et 30 % des jeunes.", valid=True),
        Example(
            "Les aides vont aux ETI à 42 %, aux grandes entreprises à 26 % et aux PME à 33 %.",
            valid=True,
            note="101 %: within the rounding of three whole percentages.",
        ),
        Example(
            "Résultat du vote : {{45 % pour, 40 % contre et 25 %}} d'abstention.",
            valid=False,
            note="*pour* and *contre* label the items of a vote.",
        ),
        Example("Selon le sondage, 45 % contre 38 % en mars, puis 30 %.", valid=True),
    )

    def check(self, document: Document, settings: Mapping[str, Any]) -> Iterator[Finding]:
        for partition in document.relations.partitions:
            shares = partition.shares
            total = sum(share.value for share in shares)
            rounding = sum(abs(share.precision) for share in shares)
            if total - rounding <= 100:
                continue
            yield Finding(
                shares[0].start,
                shares[-1].end,
                N_("These shares of one whole add up to {total} %: more than 100 %."),
                {"total": total},
                evidence={
                    "shares": [share.text for share in shares],
                    "total": str(total),
                    "rounding": str(rounding),
                },
            )
