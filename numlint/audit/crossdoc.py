"""NL901 cross-document-scale: the same figure at another scale in another article.

What it does
    Across an archive, finds a figure written at one scale in an article (``97,4 millions
    de dollars``) while other articles of the same period give the same digits in the
    same currency or unit at a scale a thousand or a million times apart (``97,4
    milliards de dollars``), around the same words.

Why it matters
    No single-article check can see it: the article is consistent with itself. When five
    articles about Figma and Adobe say 97,4 milliards and a sixth says 97,4 millions, the
    sixth is almost certainly the slip.

How the evidence is weighed
    "The same figure" means: same digits as written (``97,4``), same ISO currency or pint
    unit, scales apart by 3 or 6 powers of ten, both articles dated and at most
    ``window_days`` apart, and at least ``min_shared_words`` content words shared within
    a dozen words of each figure (round digits such as ``2`` or ``10`` need one more).
    The figure is reported only when at least ``min_support`` other articles agree with
    each other and outnumber the articles at its own scale. It is always a warning, never
    an error: the archive may be right and the majority wrong. The evidence lists the
    other articles, their figures and the shared words.

Example
    Articles 1-5 (March 2025): ``Adobe rachète Figma pour 97,4 milliards de dollars``.
    Article 6 (March 2025): ``Adobe a racheté Figma pour 97,4 millions de dollars`` ->
    NL901 on ``97,4 millions de dollars``, fix ``97,4 milliards de dollars``.
"""

from __future__ import annotations

import bisect
import datetime
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..i18n import DEFAULT_LANGUAGE, N_, plural_form, render

CODE = "NL901"
NAME = "cross-document-scale"
MAX_EXAMPLES = 10
"""Other articles listed in the evidence (the count is always complete)."""
SCALE_SHIFTS = (-6, -3, 3, 6)
"""How far apart, in powers of ten, a slip of scale puts the figure."""


@dataclass(frozen=True)
class CrossSettings:
    window_days: int = 30
    min_support: int = 2
    min_shared_words: int = 2
    lang: str = DEFAULT_LANGUAGE
    """The language of the messages (the configuration's, as for the other findings)."""


def check(figures: Iterable[Mapping[str, Any]],
          settings: CrossSettings | None = None) -> list[dict[str, Any]]:
    """The NL901 finding rows (the batch findings schema) of an archive's figures."""
    settings = settings or CrossSettings()
    groups: dict[tuple[str, str], list[Mapping[str, Any]]] = defaultdict(list)
    for figure in figures:
        if figure.get("date"):
            groups[(figure["measure"], figure["digits"])].append(figure)
    rows = []
    for (_, digits), group in sorted(groups.items()):
        if len({f["exponent"] for f in group}) < 2:
            continue
        group.sort(key=lambda f: (f["doc_id"], f["start"]))  # the same, whatever the order
        dated = _Dated(group, settings.window_days)
        needed = settings.min_shared_words + (1 if _round(digits) else 0)
        for index in range(len(group)):
            row = _weigh(dated, index, needed, digits, settings)
            if row is not None:
                rows.append(row)
    return sorted(rows, key=lambda r: (r["doc_id"], r["start"], r["end"]))


class _Dated:
    """A group's figures with their day, article and context words read once, and each
    scale's figures in date order, so that a figure is weighed against the figures of
    its window at the scales that matter only (a common figure such as « 1 milliard
    d'euros » makes groups of thousands in an archive)."""

    def __init__(self, group: list[Mapping[str, Any]], window_days: int) -> None:
        self.group = group
        self.window_days = window_days
        self.days = [datetime.date.fromisoformat(f["date"]).toordinal() for f in group]
        self.words = [frozenset(f["context"].split()) for f in group]
        self.docs = [f["doc_id"] for f in group]
        self.exponents = [f["exponent"] for f in group]
        by_scale: dict[int, list[int]] = defaultdict(list)
        for index in sorted(range(len(group)), key=lambda i: (self.days[i], i)):
            by_scale[self.exponents[index]].append(index)
        self.scales = {exponent: (order, [self.days[i] for i in order])
                       for exponent, order in by_scale.items()}

    def near(self, index: int, exponent: int) -> list[int]:
        """The figures at scale ``exponent`` within the window of figure ``index``, in
        the group's order (within an article, one day, the figures keep their order, so
        the first figure of each other article is the same one whatever the scale)."""
        order, days = self.scales[exponent]
        day = self.days[index]
        low = bisect.bisect_left(days, day - self.window_days)
        high = bisect.bisect_right(days, day + self.window_days)
        return sorted(order[low:high])

    def agreeing(self, index: int, others: list[int], needed: int) -> dict[str, int]:
        """The other articles among ``others`` with a figure sharing ``needed`` context
        words with figure ``index``: article -> its first such figure."""
        words, doc = self.words[index], self.docs[index]
        found: dict[str, int] = {}
        for other in others:
            other_doc = self.docs[other]
            if other_doc == doc or other_doc in found:
                continue
            if len(words & self.words[other]) >= needed:
                found[other_doc] = other
        return found


def candidates(figures: Any) -> list[dict[str, Any]]:
    """The rows of an Arrow table of figures that may take part: dated, and in a group of
    the same digits and measure written at two scales at least (a small part of an
    archive's figures, so the check never holds them all as Python objects)."""
    import pyarrow.compute as pc

    dated = figures.filter(pc.is_valid(figures["date"]))
    if dated.num_rows == 0:
        return []
    scales = dated.group_by(["measure", "digits"]).aggregate([("exponent", "count_distinct")])
    mixed = scales.filter(pc.greater_equal(scales["exponent_count_distinct"], 2))
    if mixed.num_rows == 0:
        return []
    kept = dated.join(mixed.select(["measure", "digits"]), keys=["measure", "digits"],
                      join_type="inner")
    return kept.to_pylist()


def _weigh(dated: _Dated, index: int, needed: int, digits: str,
           settings: CrossSettings) -> dict[str, Any] | None:
    """The row of figure ``index`` if the articles at another scale outnumber the rest.

    The same verdict as comparing the figure with every figure of its window: only the
    scales 10³ and 10⁶ away (and its own, once another scale has enough support) are
    read, and an article is counted once."""
    here = dated.exponents[index]
    support, exponent, agreeing = 0, 0, {}
    for shift in SCALE_SHIFTS:
        if here + shift not in dated.scales:
            continue
        window = dated.near(index, here + shift)
        if len(window) < max(1, settings.min_support, support):
            continue  # fewer figures than the support already found
        found = dated.agreeing(index, window, needed)
        if found and (len(found), here + shift) > (support, exponent):
            support, exponent, agreeing = len(found), here + shift, found
    if support < settings.min_support:
        return None
    same = len(dated.agreeing(index, dated.near(index, here), needed))
    if support <= same + 1:
        return None
    figure, day, words = dated.group[index], dated.days[index], dated.words[index]
    others = sorted(({"doc_id": doc, "date": dated.group[other]["date"],
                      "figure": dated.group[other]["text"],
                      "shared_words": sorted(words & dated.words[other]),
                      "days_apart": abs(dated.days[other] - day)}
                     for doc, other in agreeing.items()),
                    key=lambda o: (o["days_apart"], o["doc_id"]))
    shift = exponent - figure["exponent"]
    rewrite = json.loads(figure["rewrites"]).get(str(shift))
    evidence = {
        "digits": digits,
        "measure": figure["measure"],
        "scale_here": figure["exponent"],
        "scale_elsewhere": exponent,
        "articles_elsewhere": support,
        "articles_at_this_scale": same,
        "window_days": settings.window_days,
        "other_articles": others[:MAX_EXAMPLES],
        "weighed": "same digits and measure, scale apart by a power of 1000, dated within "
                   "the window, shared context words; a warning, never an error",
    }
    example = others[0]
    return {
        "doc_id": figure["doc_id"], "code": CODE, "name": NAME, "severity": "warning",
        "start": figure["start"], "end": figure["end"],
        "line": figure["line"], "column": figure["column"],
        "end_line": figure["end_line"], "end_column": figure["end_column"],
        "message": render(plural_form(support, (
            N_("“{figure}”: {n} other article within {days} days gives the same figure at "
               "another scale (“{example}”, {example_id})"),
            N_("“{figure}”: {n} other articles within {days} days give the same figure at "
               "another scale (“{example}”, {example_id})")), settings.lang), {
            "figure": figure["text"], "n": support, "days": settings.window_days,
            "example": example["figure"], "example_id": example["doc_id"]}, settings.lang),
        "figure": figure["text"],
        "fix": None if rewrite is None else rewrite[3],
        "fix_safety": None if rewrite is None else "unsafe",
        "fix_description": None if rewrite is None else render(
            N_("Write “{replacement}”"), {"replacement": rewrite[3]}, settings.lang),
        "fix_edits": None if rewrite is None else json.dumps(
            [{"start": rewrite[0], "end": rewrite[1], "replacement": rewrite[2]}],
            ensure_ascii=False),
        "evidence": json.dumps(evidence, ensure_ascii=False, sort_keys=True),
        "reason": None,
        "excerpt": figure["excerpt"],
    }


def _round(digits: str) -> bool:
    """Digits that many unrelated figures share (1, 2, 10, 100…)."""
    value = Decimal(digits)
    return value == value.to_integral_value() and (value <= 10 or value % 10 == 0)
