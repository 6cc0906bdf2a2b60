"""The figures of an article that the cross-document check compares.

Only amounts and quantities written with a scale (``97,4 milliards de dollars``, ``12 M€``,
``3 millions de tonnes``) take part: a slip of scale is what the check looks for. They
are taken from the mentions the check of the article found, so collecting them costs
almost nothing beyond the check itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import regex

from ..batch import excerpt as excerpt_of
from ..mentions import Mention
from ..rewrite import rescale
from ..sources import ProseDocument

SHIFTS = (-6, -3, 3, 6)
"""The scale slips the cross-document check considers (a thousand, a million times)."""

_WORD = regex.compile(r"\p{L}[\p{L}’'-]*\p{L}")
CONTEXT_WORDS = 12
"""Words on each side of the figure that describe what it counts."""
CONTEXT_REACH = 20 * CONTEXT_WORDS
"""Characters on each side of the figure enough for a dozen words."""

STOPWORDS = frozenset(
    """
alors aussi autre autres avant avec avoir cela celle celles celui cette ceux chaque comme
comment dans depuis donc dont elle elles encore entre était étaient être fait faire leur
leurs mais même moins notre nous pour plus près quand quel quelle quelque sans selon sera
sont sous soit tous tout toute toutes très vers votre vous ainsi après contre lors
millions million milliard milliards billion billions euros euro dollars dollar livres
environ presque environ année années mois jours contre cent cents total somme montant
""".split()  # noqa: SIM905 (a word list reads better as text)
)


@dataclass(frozen=True, slots=True)
class Figure:
    """One scaled figure of one article, as the cross-document check needs it."""

    doc_id: str
    date: str | None
    measure: str
    """ISO currency code or pint unit: what the figure counts in."""
    digits: str
    """The number as written without its scale, normalized (``97,4`` -> ``97.4``)."""
    exponent: int
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    excerpt: str
    context: str
    """The context words, lower-cased, sorted, space-separated."""
    rewrites: str
    """JSON: shift -> [start, end, replacement, figure] at source offsets."""

    def as_row(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


def figures_of(doc_id: str, prose: ProseDocument, date: str | None,
               mentions: Iterable[Mention]) -> list[Figure]:
    """The scaled figures among the ``mentions`` the check of ``prose`` found.

    They are the check's own mentions (:attr:`numlint.pipeline.Run.document`): the audit
    reads each article once, so a figure compared across articles is read exactly as the
    check of its article read it."""
    found: list[Figure] = []
    for mention in mentions:
        figure = _figure(doc_id, prose, date, mention)
        if figure is not None:
            found.append(figure)
    return found


def _figure(doc_id: str, prose: ProseDocument, date: str | None,
            mention: Mention) -> Figure | None:
    """The figure of ``mention`` (offsets in the prose text), or None if it has no scale
    or no measure, or took its currency from the context rather than writing it."""
    measure = mention.currency if mention.kind == "money" else mention.unit
    if measure is None or mention.scale_exponent < 3 or mention.inherited:
        return None
    text = prose.text
    digits = mention.value.scaleb(-mention.scale_exponent).normalize()
    start, end = prose.to_source(mention.start, mention.end)
    rewrites = {}
    for shift in SHIFTS:
        rewrite = rescale(text, mention, shift)
        if rewrite is not None:
            edit_start, edit_end = prose.to_source(rewrite.start, rewrite.end)
            rewrites[shift] = [edit_start, edit_end, rewrite.replacement, rewrite.figure]
    (line, column), (end_line, end_column) = prose.line_col(start), prose.line_col(end)
    # The context words are read within the figure's line, a few words on each side.
    reach = CONTEXT_REACH
    around = max(0, mention.start - reach)
    line_start = text.rfind("\n", around, mention.start) + 1 or around
    line_end = text.find("\n", mention.end, mention.end + reach)
    paragraph = text[line_start : min(len(text), mention.end + reach) if line_end < 0
                     else line_end]
    return Figure(
        doc_id=doc_id,
        date=date,
        measure=measure,
        digits=f"{abs(digits):f}",
        exponent=mention.scale_exponent,
        start=start,
        end=end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        text=prose.source[start:end],
        excerpt=excerpt_of(prose.source, start, end),
        context=" ".join(sorted(context_words(paragraph, mention.start - line_start,
                                              mention.end - line_start))),
        rewrites=json.dumps(rewrites, ensure_ascii=False, sort_keys=True),
    )


def context_words(paragraph: str, start: int, end: int) -> set[str]:
    """Content words near ``paragraph[start:end]``: what the figure is about."""
    reach = CONTEXT_REACH
    before = _WORD.findall(paragraph[max(0, start - reach) : start])[-CONTEXT_WORDS:]
    after = _WORD.findall(paragraph, end, end + reach)[:CONTEXT_WORDS]
    words = set()
    for word in (*before, *after):
        lowered = word.lower()
        if len(lowered) >= 4 and lowered not in STOPWORDS:
            words.add(lowered.replace("’", "'"))
    return words
