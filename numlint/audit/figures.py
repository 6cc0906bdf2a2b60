"""The figures of an article that the cross-document check compares.

Only amounts and quantities written with a scale (``97,4 milliards de dollars``, ``12 M€``,
``3 millions de tonnes``) take part: a slip of scale is what the check looks for. Only a few words
around each scale word are scanned again, so this costs a fraction of the check itself.
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

_SYMBOLS = frozenset("€$£")
_NEEDLES = ("illi", "ILLI", "Md", "MD", "Mrd", "Mio", "Mia", "€", "$", "£", "kW", "MW",
            "GW", "kt", "Mt", "Gt")
"""Substrings every scale word (million, milliard, billion, Md, Mrd, Mio, Mia) or scaled
symbol (k€, M$, GW, Mt…) contains: where a scaled figure may be (a currency symbol
alone is enough: ``12 M€`` and ``12 M €`` alike)."""
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
    scanner = scanner_for(currency_defaults)
    found: list[Figure] = []
    for offset, paragraph, spans in _paragraph_windows(prose.text):
        for start, end in spans:
            window = paragraph[start:end]
            for mention in scanner.scan(window, timeout=1.0):
                figure = _figure(doc_id, prose, date, paragraph, offset, start, window, mention)
                if figure is not None:
                    found.append(figure)
    return found


WINDOW_BEFORE = 48
WINDOW_AFTER = 40
_SPACES = frozenset(" \u00a0\u202f")


def _paragraph_windows(text: str) -> list[tuple[int, str, list[tuple[int, int]]]]:
    """The paragraphs (lines) of ``text`` that may hold a scaled figure, with the windows
    to scan in each: plain substring searches find the places (ten times faster than one
    pattern over the whole text), and only a few words around each are scanned."""
    hits: dict[int, list[tuple[int, int]]] = {}
    for needle in _NEEDLES:
        found = text.find(needle)
        while found >= 0:
            if needle not in _SYMBOLS or _scaled_symbol(text, found):
                start = text.rfind("\n", 0, found) + 1
                hits.setdefault(start, []).append((found - start, found - start + len(needle)))
            found = text.find(needle, found + len(needle))
    result = []
    for start in sorted(hits):
        end = text.find("\n", start)
        paragraph = text[start : len(text) if end < 0 else end]
        result.append((start, paragraph, windows(paragraph, sorted(hits[start]))))
    return result


def _scaled_symbol(text: str, at: int) -> bool:
    """A currency symbol after a scale letter (``12 M€``, ``450 k$``, ``3 G£``)."""
    before = text[max(0, at - 3) : at].rstrip(" \u00a0\u202f")
    return before[-1:] in ("k", "K", "M", "G")


def windows(paragraph: str, hits: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Stretches of ``paragraph`` around ``hits``, merged, cut between words so that no
    number or currency name is cut in two."""
    spans: list[tuple[int, int]] = []
    for hit_start, hit_end in hits:
        start = _word_start(paragraph, max(0, hit_start - WINDOW_BEFORE))
        end = min(len(paragraph), hit_end + WINDOW_AFTER)
        while end < len(paragraph) and not paragraph[end].isspace():
            end += 1
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def _word_start(paragraph: str, start: int) -> int:
    """Back to the start of the word at ``start``, and of a number grouped with spaces."""
    while start > 0 and not paragraph[start - 1].isspace():
        start -= 1
    while (start > 1 and paragraph[start - 1] in _SPACES and paragraph[start - 2].isdigit()
           and paragraph[start].isdigit()):
        start -= 1
        while start > 0 and not paragraph[start - 1].isspace():
            start -= 1
    return start


def _figure(doc_id: str, prose: ProseDocument, date: str | None, paragraph: str,
            offset: int, at: int, window: str, mention: Mention) -> Figure | None:
    """The figure of ``mention``, found in ``window`` (at ``at`` in the paragraph that
    starts at ``offset`` in the prose text), or None if it has no scale or no measure."""
    measure = mention.currency if mention.kind == "money" else mention.unit
    if measure is None or mention.scale_exponent < 3 or mention.inherited:
        return None
    digits = mention.value.scaleb(-mention.scale_exponent).normalize()
    base = offset + at
    start, end = prose.to_source(base + mention.start, base + mention.end)
    rewrites = {}
    for shift in SHIFTS:
        rewrite = rescale(window, mention, shift)
        if rewrite is not None:
            edit_start, edit_end = prose.to_source(base + rewrite.start, base + rewrite.end)
            rewrites[shift] = [edit_start, edit_end, rewrite.replacement, rewrite.figure]
    (line, column), (end_line, end_column) = prose.line_col(start), prose.line_col(end)
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
        context=" ".join(sorted(context_words(paragraph, at + mention.start,
                                              at + mention.end))),
        rewrites=json.dumps(rewrites, ensure_ascii=False, sort_keys=True),
    )


def context_words(paragraph: str, start: int, end: int) -> set[str]:
    """Content words near ``paragraph[start:end]``: what the figure is about."""
    reach = 20 * CONTEXT_WORDS  # characters enough for a dozen words
    near_before = paragraph[max(0, start - reach) : start]
    before = [m.group().lower() for m in _WORD.finditer(near_before)][-CONTEXT_WORDS:]
    after = [m.group().lower() for m in _WORD.finditer(paragraph, end, end + reach)]
    after = after[:CONTEXT_WORDS]
    return {word.replace("’", "'") for word in (*before, *after)
            if len(word) >= 4 and word not in STOPWORDS}
