"""NL202 percent-points."""

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
    compile_pattern,
    match_at,
    point_change,
    relative_change,
    rounded,
    stated_change,
)

_POINTS = compile_pattern(
    r"(?i)[\s\u00a0\u202f]*points?(?:[\s\u00a0\u202f]+de[\s\u00a0\u202f]+pourcentage)?"
)


class PercentPoints(Rule):
    code = "NL202"
    name = "percent-points"
    severity = "warning"
    summary = "A change between two percentages confuses percent and percentage points."
    explanation = """\
## What it does

When a percentage moves from one value to another, its change can be said two ways: in
*points* (the difference) or in *percent* (relative to the start). *Le chômage passe de
9,4 % à 9,2 %* is a fall of 0,2 point, or of 2,1 %. This rule reports a change stated in
one unit whose value is right only in the other: *baisse de 0,2 %* (it is 0,2 point),
*baisse de 27 points, de 52 % à 38 %* (it is 14 points, or 27 %).

The fix changes the unit word (*0,2 %* → *0,2 point*); it is unsafe, because the writer
may have meant the other figure.

It reads the changes NL201 reads with a connector tying the rate to its endpoints
(*passant de*, *contre … soit*, *au lieu de*, a gain glued to its unit: *8,7points*); a
rate the text ties to them loosely (a sentence away, a table row) is left to NL201.

## Why it matters

Points and percent differ by a factor of ten or more on rates like unemployment or
inflation: confusing them turns a small fall into a large one.
"""
    examples = (
        Example(
            "Le chômage baisse de {{0,2 %}}, passant de 9,4 % à 9,2 %.",
            valid=False,
            fixed="Le chômage baisse de 0,2 point, passant de 9,4 % à 9,2 %.",
        ),
        Example(
            "Le score recule de {{27}} points, passant de 52 % à 38 %.",
            valid=False,
            fixed="Le score recule de 27 %, passant de 52 % à 38 %.",
        ),
        Example("Le chômage baisse de 0,2 point, passant de 9,4 % à 9,2 %.", valid=True),
        Example("Le chômage baisse de 2,1 %, passant de 9,4 % à 9,2 %.", valid=True),
        Example(
            "Le taux de couverture se situe à 78 % au lieu de 69,3 %, soit un gain de "
            "{{8,7 %}}.",
            valid=False,
            fixed="Le taux de couverture se situe à 78 % au lieu de 69,3 %, soit un gain de "
            "8,7 points.",
        ),
        Example(
            "Le taux de couverture se situe à 78 % au lieu de 69,3 %, soit un gain de "
            "8,7points.",
            valid=True,
        ),
    )

    def check(self, document: Document, settings: Mapping[str, Any]) -> Iterator[Finding]:
        for change in document.relations.changes:
            if change.start is None or change.end is None or change.stated is None:
                continue
            if change.tie != "grammar":
                continue  # which rates a loose tie is about is a guess: no unit to correct
            if change.start.kind == change.end.kind == "percent":
                finding = _confusion(document, change)
                if finding is not None:
                    yield finding


def _space_between(text: str, start: int, end: int) -> str:
    """The writer's own space between number and unit, a no-break space if there was none."""
    return text[start:end] if start < end and not text[start:end].strip() else "\u00a0"


def _confusion(document: Document, change: Change) -> Finding | None:
    start, end, stated = change.start, change.end, change.stated
    assert start is not None and end is not None and stated is not None
    claimed = stated_change(stated, change.direction)
    points, relative = point_change(start, end), relative_change(start, end)
    if relative is None:
        return None
    text = document.text
    params = {
        "stated": stated.text,
        "start": start.text,
        "end": end.text,
        "stated_number": stated.number.text,
        "points": rounded(abs(points.middle), Decimal("0.1")),
        "percent": rounded(abs(relative.middle), Decimal("0.1")),
    }
    number_end = stated.number.end
    if change.stated_as == "percent" and not relative.overlaps(claimed) and points.overlaps(
        claimed
    ):
        message = N_("“{stated}”: from {start} to {end} the change is {stated_number} points, "
                     "that is {percent} %.")
        unit = "points" if abs(stated.value) >= 2 else "point"
        unit_start = stated.written_unit.start if stated.written_unit else stated.end
        space = _space_between(text, number_end, unit_start)
        edit = TextEdit(number_end, stated.end, space + unit)
    elif change.stated_as == "points" and not points.overlaps(claimed) and relative.overlaps(
        claimed
    ):
        message = N_("“{stated_number} points”: from {start} to {end} the change is {points} "
                     "points, that is {stated_number} %.")
        words = match_at(_POINTS, text, stated.end)
        if words is None:
            return None
        space = _space_between(text, number_end, words.end() - len(words.group().lstrip()))
        edit = TextEdit(number_end, words.end(), space + "%")
    else:
        return None
    return Finding(
        stated.start,
        stated.end,
        message,
        params,
        edits=(edit,),
        fix_description=N_("Use the unit in which the stated change is right"),
        evidence={
            "start": start.text,
            "end": end.text,
            "stated": stated.text,
            "points": f"{points.middle:.4f}",
            "percent": f"{relative.middle:.4f}",
        },
    )
