"""NL205 sum-mismatch."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from .api import N_, SCALE_SHIFTS, Document, Example, Finding, Rule, Sum
from .sum_checks import (
    LOOSE,
    amount,
    coincidence_finding,
    finding,
    fraction_findings,
    listed_findings,
    rounding,
)


class SumMismatch(Rule):
    code = "NL205"
    name = "sum-mismatch"
    severity = "warning"
    summary = "A stated total is not the sum of its parts, or a part exceeds its whole."
    explanation = """\
## What it does

Checks the figures the text adds up:

- parts joined by commas or *et*, then a total named as such (*soit 5,3 millions au
  total*, *un total de*, *en tout*): the total must be their sum, within the rounding
  of every printed figure (none for a count written in full: *3 morts et 12 blessés,
  soit 15 victimes au total*);
- a total named as such, then the parts the same paragraph lists after *se répartit en*,
  *se décompose en*, *répartis entre* (*Le budget total atteint 12 millions d'euros. Il
  se répartit en 5 millions pour la santé et 4 millions pour l'éducation.*), when the
  list is complete (no *le reste*, *notamment*, *etc.*, no further figure);
- a whole and the parts its *dont* lists (*un plan de 3 milliards d'euros, dont
  500 millions pour la recherche*): no part may be larger than the whole.

- figures no word ties, when their numbers do: within a passage, parts that add up to
  another figure of the same currency or unit, to their last printed digit, only once one
  of them is read 1 000 times larger or smaller (*les recettes s'élèvent à 2 648,900
  millions … les dépenses atteignent 3 229,886 milliards … un déficit de 580,986
  milliards*). The search is bounded (eight neighbouring figures, subsets of four parts,
  runs of six) and weighed: the evidence says how many rescaled sums could have added up
  and the chance that a search this wide finds one so close by luck; above 3 %
  (round or hedged figures: *2, 3 et 5 millions*) it stays silent.

When one scale word explains the gap (*dont 500 milliards* in a 3-billion plan), the fix
rewrites it; the fix changes a figure, so it is unsafe.

## Why it matters

A total that is not the sum of its parts, or a part larger than its whole, has a wrong
figure in it: a typo, a scale word slipped, a line of a table left out.

## When it stays silent

Parts after *dont* may overlap (*1 200 salariés, dont 800 femmes et 600 cadres*), so
their sum is not checked, only each part against the whole. A total must be named
(*au total*, *en tout*, *un total de*): *soit* alone may introduce a conversion. Figures
that count different things (*dont 2 millions de foyers* in a budget) are left out, and
so are percentages (see NL204).
"""
    examples = (
        Example(
            "On compte 3,2 millions d'hommes et 2,1 millions de femmes, soit "
            "{{6,3 millions}} au total.",
            valid=False,
        ),
        Example(
            "On compte 3,2 millions d'hommes et 2,1 millions de femmes, soit 5,3 millions "
            "au total.",
            valid=True,
        ),
        Example("Le bilan fait 3 morts et 12 blessés, soit {{14}} victimes au total.",
                valid=False),
        Example(
            "Un plan de 3 milliards d'euros, dont {{500 milliards}} pour la recherche.",
            valid=False,
            fixed="Un plan de 3 milliards d'euros, dont 500 millions pour la recherche.",
        ),
        Example("Le groupe emploie 1 200 salariés, dont 800 femmes et 600 cadres.", valid=True),
        Example("Le groupe emploie 300 personnes (dont {{400}} en France).", valid=False),
        Example("Il a vendu 3 millions de disques, trois fois plus que prévu, dont 1 million "
                "en France.", valid=True),
        Example("Il marque 145 points en 58 parties, dont 62 buts.", valid=True,
                note="Parties and buts are two things counted: not a whole and its part."),
        Example("Un budget de 3 milliards d'euros, dont 2 millions de foyers profitent.",
                valid=True),
    )

    def check(self, document: Document, settings: Mapping[str, Any]) -> Iterator[Finding]:
        text, sums = document.text, document.relations.sums
        found: list[Finding] = []
        for relation in sums:
            if relation.kind == "total":
                finding = _total_finding(text, relation)
                found.extend([finding] if finding is not None else [])
            elif relation.kind == "subsets":
                found.extend(_subset_findings(text, relation))
            elif relation.kind == "fraction":
                found.extend(fraction_findings(text, relation))
        found.extend(listed_findings(text, [r for r in sums if r.kind == "listed"]))
        for relation in sums:  # the numbers alone, after every sum words tie
            if relation.kind == "coincident":
                coincident = coincidence_finding(text, relation)
                found.extend([coincident] if coincident is not None else [])
        seen: set[tuple[int, int]] = set()
        for finding in found:
            if (finding.start, finding.end) not in seen:
                seen.add((finding.start, finding.end))
                yield finding


def _total_finding(text: str, found: Sum) -> Finding | None:
    total, parts = found.total, found.parts
    added = sum((part.value for part in parts), Decimal(0))
    parts_rounding = sum((rounding(part) for part in parts), Decimal(0))
    loose = max(LOOSE.get(m.hedge_kind or "", Decimal(0)) for m in (total, *parts))

    def fits(shift: int) -> bool:
        stated = total.value.scaleb(shift)
        allowed = parts_rounding + rounding(total).scaleb(shift)
        return abs(added - stated) <= allowed + loose * abs(stated)

    if fits(0):
        return None
    shift = next((s for s in SCALE_SHIFTS if fits(s)), None)
    return finding(
        text, total, shift,
        N_("“{total}” is given as the total of {count} figures that add up to {sum}."
           "{suggestion}"),
        {"total": total.text, "count": len(parts), "sum": amount(added, total)},
        {"parts": [part.text for part in parts], "sum": str(added),
         "rounding": str(parts_rounding + rounding(total))},
    )


def _subset_findings(text: str, found: Sum) -> Iterator[Finding]:
    whole = found.total
    if whole.hedge_kind in ("above", "below"):
        return  # "plus de 3 millions": no upper bound to exceed
    ceiling = abs(whole.value) * (1 + LOOSE.get(whole.hedge_kind or "", Decimal(0)))
    ceiling += abs(whole.precision)
    for part in found.parts:
        if part.hedge_kind == "below":
            continue
        floor = abs(part.value) * (1 - LOOSE.get(part.hedge_kind or "", Decimal(0)))
        if floor - abs(part.precision) <= ceiling:
            continue
        shift = next((s for s in SCALE_SHIFTS
                      if s < 0 and abs(part.value.scaleb(s)) <= ceiling), None)
        yield finding(
            text, part, shift,
            N_("“{part}” is a part of “{whole}”, yet larger.{suggestion}"),
            {"part": part.text, "whole": whole.text},
            {"whole": whole.text, "whole_value": str(whole.value),
             "part_value": str(part.value)},
        )
