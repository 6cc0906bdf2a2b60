"""NL104 billion-false-friend."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from .api import (
    ENGLISH_SCALES,
    N_,
    Document,
    Example,
    Finding,
    Mention,
    Phrase,
    Rule,
    TextEdit,
    compile_pattern,
    english_reading,
    english_singular,
    judge,
    rescale,
)

_CONNECTOR = compile_pattern(r"(?i)[\s\u00a0\u202f]*(?:de|d['’])")


class BillionFalseFriend(Rule):
    code = "NL104"
    name = "billion-false-friend"
    severity = "warning"
    evidence_labels: ClassVar[Mapping[str, str]] = {
        "english_value": N_("value {french_value} read the French way, {english_value} the "
                            "English way")}
    summary = "“billion” or “trillion” used in its English sense."
    explanation = """\
## What it does

In French, *un billion* is a million millions (10^12) and *un trillion* 10^18; the English
*billion* is a French *milliard* (10^9). numlint reads *billion* the French way, and warns
where the text itself says the English sense was meant:

- an equivalence that holds only if *billion* means a *milliard*
  (*2 billions de dollars (1,9 milliard d'euros)*);
- English grammar left by a translation: a singular after a number of two or more
  (*3 billion de dollars*) or no *de* before the currency (*5 billion dollars*).

The fix writes *milliard(s)* (or *billion(s)* for a *trillion*); it changes a figure a
thousandfold, so it is unsafe.

## Why it matters

Agency copy translated from English is where this slip comes from, and it multiplies the
figure by a thousand. A French *billion* is rare in news copy: public debts, world GDP.
"""
    examples = (
        Example(
            "Le plan de {{2 billions de dollars}} (1,9 milliard d'euros) est adopté.",
            valid=False,
            fixed="Le plan de 2 milliards de dollars (1,9 milliard d'euros) est adopté.",
        ),
        Example(
            "Apple vaut désormais {{3 billion de dollars}} en Bourse.",
            valid=False,
            fixed="Apple vaut désormais 3 milliards de dollars en Bourse.",
        ),
        Example("La dette mondiale dépasse 300 billions de dollars.", valid=True),
        Example("Le PIB mondial atteint environ 100 billions de dollars.", valid=True),
    )

    def check(self, document: Document, settings: Mapping[str, Any]) -> Iterator[Finding]:
        reported: set[tuple[int, int]] = set()
        for equivalence in document.relations.equivalences:
            verdict = judge(equivalence, document)  # one verdict per conversion
            if verdict.kind != "english-scale":
                continue
            for figure in verdict.english:
                if figure.span not in reported:
                    reported.add(figure.span)
                    yield _finding(document, figure, Phrase(N_("an equivalence holds only then")))
        for figure in document.mentions:
            if figure.span in reported or english_reading(figure) is None:
                continue
            clue = _english_grammar(document.text, figure)
            if clue is not None:
                reported.add(figure.span)
                yield _finding(document, figure, clue)


def _english_grammar(text: str, figure: Mention) -> Phrase | None:
    if english_singular(figure):
        return Phrase(N_("the scale word stays singular after a plural number, as in English"))
    if figure.written_unit is not None and figure.scale is not None:
        between = text[figure.scale.end : figure.written_unit.start]
        if figure.written_unit.text[:1].isalpha() and not _CONNECTOR.match(between):
            return Phrase(N_("the currency follows without “de”, as in English"))
    return None


def _missing_connector(text: str, figure: Mention) -> tuple[int, int, str] | None:
    """``5 billion dollars``: the space before the currency becomes `` de `` (`` d'``)."""
    if figure.scale is None or figure.written_unit is None:
        return None
    start, end = figure.scale.end, figure.written_unit.start
    if not figure.written_unit.text[:1].isalpha() or _CONNECTOR.match(text, start, end):
        return None
    elided = figure.written_unit.text[:1].lower() in "aeiouyéèêh"
    return start, end, " d’" if elided and "’" in text else (" d'" if elided else " de ")


def _finding(document: Document, figure: Mention, clue: Phrase) -> Finding:
    text = document.text
    english = ENGLISH_SCALES[(figure.scale.text if figure.scale else "").lower()]
    rewrite = rescale(text, figure, english - figure.scale_exponent)  # trillion: billion
    edits: list[TextEdit] = []
    fixed = ""
    if rewrite is not None:
        edits.append(TextEdit(rewrite.start, rewrite.end, rewrite.replacement))
        fixed = rewrite.figure
        connector = _missing_connector(text, figure)
        if connector is not None:
            start, end, replacement = connector
            edits.append(TextEdit(start, end, replacement))
            fixed = (
                text[figure.start : rewrite.start] + rewrite.replacement
                + text[rewrite.end : start] + replacement + text[end : figure.end]
            )
    params = {"figure": figure.text, "clue": clue, "fixed": fixed}
    message = N_(
        "“{figure}”: in French a billion is a million millions (10^12), a trillion 10^18; "
        "here {clue}. If this translates the English word, write “{fixed}”."
    )
    return Finding(
        figure.start,
        figure.end,
        message,
        params,
        edits=tuple(edits),
        fix_description=N_("Write the French scale word for the English sense"),
        evidence={
            "figure": figure.text,
            "french_value": str(figure.value),
            "english_value": str(english_reading(figure)),
        },
    )
