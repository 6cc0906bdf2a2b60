"""The figures of an article that the cross-document check compares.

Only amounts and quantities written with a scale (``97,4 milliards de dollars``, ``12 M€``,
``3 millions de tonnes``) take part: a slip of scale is what the check looks for. Only the
paragraphs that hold a scale word are scanned again, so this costs a small fraction of
the check itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import regex

from ..batch import excerpt as excerpt_of
from ..mentions import Mention, scanner_for
from ..rewrite import rescale
from ..sources import ProseDocument

SHIFTS = (-6, -3, 3, 6)
"""The scale slips the cross-document check considers (a thousand, a million times)."""

_SCALED = regex.compile(
    r"(?i:\b(?:milli(?:on|ard)s?|billions?|mds?|mrds?|mio|mia)\b)|\d\s?[kMG](?:€|\$|£|W|t\b)",
)
_WORD = regex.compile(r"\p{L}[\p{L}’'-]*\p{L}")
CONTEXT_WORDS = 12
"""Words on each side of the figure that describe what it counts."""

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
               currency_defaults: Any = None) -> list[Figure]:
    text = prose.text
    scanner = scanner_for(currency_defaults)
    found: list[Figure] = []
    position = 0
    for paragraph in text.split("\n"):
        start, position = position, position + len(paragraph) + 1
        if not _SCALED.search(paragraph):
            continue
        for mention in scanner.scan(paragraph, timeout=1.0):
            figure = _figure(doc_id, prose, date, paragraph, start, mention)
            if figure is not None:
                found.append(figure)
    return found


def _figure(doc_id: str, prose: ProseDocument, date: str | None, paragraph: str,
            offset: int, mention: Mention) -> Figure | None:
    measure = mention.currency if mention.kind == "money" else mention.unit
    if measure is None or mention.scale_exponent < 3 or mention.inherited:
        return None
    digits = mention.value.scaleb(-mention.scale_exponent).normalize()
    start, end = prose.to_source(offset + mention.start, offset + mention.end)
    rewrites = {}
    for shift in SHIFTS:
        rewrite = rescale(paragraph, mention, shift)
        if rewrite is not None:
            edit_start, edit_end = prose.to_source(offset + rewrite.start, offset + rewrite.end)
            rewrites[shift] = [edit_start, edit_end, rewrite.replacement, rewrite.figure]
    return Figure(
        doc_id=doc_id,
        date=date,
        measure=measure,
        digits=f"{abs(digits):f}",
        exponent=mention.scale_exponent,
        start=start,
        end=end,
        line=prose.line_col(start)[0],
        column=prose.line_col(start)[1],
        end_line=prose.line_col(end)[0],
        end_column=prose.line_col(end)[1],
        text=prose.source[start:end],
        excerpt=excerpt_of(prose.source, start, end),
        context=" ".join(sorted(context_words(paragraph, mention.start, mention.end))),
        rewrites=json.dumps(rewrites, ensure_ascii=False, sort_keys=True),
    )


def context_words(paragraph: str, start: int, end: int) -> set[str]:
    """Content words near ``paragraph[start:end]``: what the figure is about."""
    before = [m.group().lower() for m in _WORD.finditer(paragraph, 0, start)][-CONTEXT_WORDS:]
    after = [m.group().lower() for m in _WORD.finditer(paragraph, end)][:CONTEXT_WORDS]
    return {word.replace("’", "'") for word in (*before, *after)
            if len(word) >= 4 and word not in STOPWORDS}
