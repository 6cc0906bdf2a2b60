"""NL205 sum-mismatch."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from ..document import Document
from ..i18n import N_, Amount, Phrase
from ..mentions import Mention
from ..relations import Sum
from ..rewrite import SCALE_SHIFTS, rescale
from .api import Example, Finding, Rule, TextEdit

_LOOSE = {"about": Decimal("0.1"), "nearly": Decimal("0.1")}
"""How far a hedged figure may be from the one it stands for (``environ``, ``près de``)."""


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
        for found in document.relations.sums:
            if found.kind == "total":
                finding = _total_finding(document.text, found)
                if finding is not None:
                    yield finding
            else:
                yield from _subset_findings(document.text, found)


def _total_finding(text: str, found: Sum) -> Finding | None:
    total, parts = found.total, found.parts
    added = sum((part.value for part in parts), Decimal(0))
    parts_rounding = sum((_rounding(part) for part in parts), Decimal(0))
    loose = max(_LOOSE.get(m.hedge_kind or "", Decimal(0)) for m in (total, *parts))

    def fits(shift: int) -> bool:
        stated = total.value.scaleb(shift)
        rounding = parts_rounding + _rounding(total).scaleb(shift)
        return abs(added - stated) <= rounding + loose * abs(stated)

    if fits(0):
        return None
    shift = next((s for s in SCALE_SHIFTS if fits(s)), None)
    return _finding(
        text, total, shift,
        N_("“{total}” is given as the total of {count} figures that add up to {sum}."
           "{suggestion}"),
        {"total": total.text, "count": len(parts), "sum": _amount(added, total)},
        {"parts": [part.text for part in parts], "sum": str(added),
         "rounding": str(parts_rounding + _rounding(total))},
    )


def _subset_findings(text: str, found: Sum) -> Iterator[Finding]:
    whole = found.total
    if whole.hedge_kind in ("above", "below"):
        return  # "plus de 3 millions": no upper bound to exceed
    ceiling = abs(whole.value) * (1 + _LOOSE.get(whole.hedge_kind or "", Decimal(0)))
    ceiling += abs(whole.precision)
    for part in found.parts:
        if part.hedge_kind == "below":
            continue
        floor = abs(part.value) * (1 - _LOOSE.get(part.hedge_kind or "", Decimal(0)))
        if floor - abs(part.precision) <= ceiling:
            continue
        shift = next((s for s in SCALE_SHIFTS
                      if s < 0 and abs(part.value.scaleb(s)) <= ceiling), None)
        yield _finding(
            text, part, shift,
            N_("“{part}” is a part of “{whole}”, yet larger.{suggestion}"),
            {"part": part.text, "whole": whole.text},
            {"whole": whole.text, "whole_value": str(whole.value),
             "part_value": str(part.value)},
        )


def _finding(text: str, figure: Mention, shift: int | None, message: str,
             params: dict[str, Any], evidence: dict[str, Any]) -> Finding:
    rewrite = rescale(text, figure, shift) if shift is not None else None
    params["suggestion"] = ""
    edits: tuple[TextEdit, ...] = ()
    if rewrite is not None:
        edits = (TextEdit(rewrite.start, rewrite.end, rewrite.replacement),)
        params["suggestion"] = Phrase(N_(" Did you mean “{fixed}”?"), {"fixed": rewrite.figure})
        evidence["suggestion"] = rewrite.figure
    return Finding(figure.start, figure.end, message, params, edits=edits,
                   fix_description=N_("Rewrite the figure with the scale that fits"),
                   evidence=evidence)


def _rounding(figure: Mention) -> Decimal:
    """How much a figure of a sum may have been rounded: nothing for a count written in
    full (*3 morts*, *12 blessés*), half its last digit otherwise (*3,2 millions*)."""
    digits = "".join(ch for ch in figure.number_text if ch.isdigit())
    if not figure.scale_exponent and not figure.decimals and digits and digits[-1] != "0":
        return Decimal(0)
    return abs(figure.precision)


def _amount(value: Decimal, like: Mention) -> Amount:
    return Amount(value, like.currency or like.unit_text or "")
