"""Sums the numbers alone reveal: parts that add up to a whole once one figure is rescaled.

Real copy often gives a whole and its parts with no word that ties them: *les dépenses
atteignent 3 229,886 milliards …, le budget présente un déficit de 580,986 milliards*
after *les recettes s'élèvent à 2 648,900 milliards* (expenses = revenue + deficit), or a
results page listing votes, blank and void ballots and the voters they make up. No
wording pattern can list them all; the numbers can. When one figure of such a paragraph
slipped by a scale word (*2 648,900 millions*), the figures no longer add up, but they do
again, to the printed digit, once that figure is read 1 000 times larger or smaller: a
coincidence that chance rarely produces when the figures have several significant digits.

The search is bounded and weighed:

- only within a passage (no two neighbouring figures more than :data:`_FARTHEST_GAP`
  characters apart: a whole and its parts may be in two short paragraphs), among figures
  of one measure
  (money in one currency, a quantity in one unit, plain counts; not percentages, rates
  or figures per period), when there are at least three and their sizes are far enough
  apart for a 1 000 rescale to matter (a cheap look first);
- at most :data:`_WINDOW` neighbouring figures at once; subsets of two to
  :data:`_MOST_PARTS` parts, and runs of consecutive figures up to :data:`_LONGEST_RUN`;
- every sum the search could have hit counts against it: the chance of a coincidence as
  close as the one found is the sum, over every rescaled reading tried whose sizes could
  add up at all, of the width the printed rounding leaves divided by the whole
  (:attr:`Weighing.chance`). Round or hedged figures (*2, 3 et 5 millions*, *environ 6,5
  millions*) leave a wide margin and weigh little; a reading is kept only when that
  chance is at most :data:`_MOST_CHANCE`, and only when every reading that agrees names
  the same slipped figure.

The rule (NL205) reports the slipped figure at warning level, with what was weighed.
The search itself runs on floats: it weighs thousands of candidate readings and yields a
chance, not a value; the sum a finding states is added again in ``Decimal`` by the rule.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import combinations

from ..cache import compile_pattern
from ..mentions import Mention
from .model import Sum, Weighing
from .parts import compatible, measure
from .wording import APOSTROPHE as _APOS
from .wording import SPACE as _S

_WINDOW = 8
"""Neighbouring figures of one measure weighed together."""
_MOST_PARTS = 4
"""Parts of a sum drawn from anywhere in the window."""
_LONGEST_RUN = 6
"""Parts of a sum when they are consecutive figures (a list written in order)."""
_MOST_FIGURES = 32
"""Figures of one measure in a block beyond which it is a table, not prose: not searched."""
_SHIFTS = (3, -3)
"""One scale word slipped: a figure read a thousand times off."""
_SPREAD = 100.0
"""Ratio of the largest to the smallest figure below which no 1 000 rescale can make a
sum of at most :data:`_LONGEST_RUN` parts agree."""
_MATERIAL = 0.05
"""Share of the whole a rescaled part must reach: one that vanishes proves nothing."""
_MOST_CHANCE = 0.03
"""The largest chance of a coincidence at which a reading is still reported."""
_LOOSE = {"about": 0.1, "nearly": 0.1, "above": 0.1, "below": 0.1}
"""Slack of a hedged figure (*environ*, *près de*, *plus de*)."""
_SMALL_COUNT = 10
"""A plain count written in digits from this size on may be a part (*55* void ballots)."""
_FARTHEST_GAP = 300
"""Characters at most between two neighbouring figures of one passage: a short paragraph
may give the whole and the next ones its parts (``<p>`` by ``<p>`` in a CMS)."""
_COUNTS_A_NOUN = compile_pattern(
    r"(?i)" + _S + r"*(?:de(?![\p{L}])|d" + _APOS + r")(?!" + _S + r"*(?:l" + _APOS
    + r"|(?:la|le|les)" + _S + r"))" + _S + r"*\p{L}"
)
"""``7,2 millions d'unités`` counts a noun: no bare amount of the paragraph's currency."""


@dataclass(frozen=True, slots=True)
class _Figure:
    mention: Mention
    value: float
    rounding: float
    """How much the printed figure may have been rounded (half its last digit; none for a
    count written in full)."""
    unit: float
    """The step of its last printed digit."""
    loose: float


def find_coincident_sums(text: str, mentions: Sequence[Mention]) -> list[Sum]:
    """Sums of one measure that agree only once one of their figures is rescaled."""
    found: list[Sum] = []
    for passage in _passages(mentions):
        if not _spread(passage):
            continue  # (a cheap look first)
        for group in _groups(text, passage):
            if len(group) < 3 or len(group) > _MOST_FIGURES:
                continue
            for start in range(0, max(1, len(group) - _WINDOW + 1), _WINDOW // 2):
                window = group[start : start + _WINDOW]
                weighed = _weigh(window)
                if weighed is not None and not any(_same(weighed, f) for f in found):
                    found.append(weighed)
    return found


def _spread(passage: Sequence[Mention]) -> bool:
    """Whether the passage holds three figures or more whose sizes are far enough apart
    for a 1 000 rescale to matter."""
    if len(passage) < 3:
        return False
    sizes = [float(abs(m.value)) for m in passage if m.value and m.kind != "percent"]
    return len(sizes) >= 3 and max(sizes) >= _SPREAD * min(sizes)


def _same(one: Sum, other: Sum) -> bool:
    """Two windows' readings of one slip (the same whole and rescaled figure)."""
    assert one.weighed is not None and other.weighed is not None
    return (one.total.span == other.total.span
            and one.weighed.figure.span == other.weighed.figure.span)


def _passages(mentions: Sequence[Mention]) -> Iterator[list[Mention]]:
    """The mentions in runs where no two neighbours are more than :data:`_FARTHEST_GAP`
    characters apart."""
    passage: list[Mention] = []
    for mention in mentions:
        if passage and mention.start - passage[-1].end > _FARTHEST_GAP:
            yield passage
            passage = []
        passage.append(mention)
    if passage:
        yield passage


def _measure(text: str, mention: Mention) -> tuple[str, ...] | None:
    """What a figure counts for this search: as :func:`.parts.measure`, a bound of a
    range included (*de 4071 à 3988 milliards* is two amounts), a small count in digits
    (*55* void ballots), and no bare scaled number that names what it counts (*7,2
    millions d'unités*)."""
    if mention.range_role is not None:
        mention = replace(mention, range_role=None)
    kind = measure(mention)
    if kind == ("scaled",) and _COUNTS_A_NOUN.match(text, mention.end):
        return None
    if kind is not None or mention.kind != "number" or mention.per is not None:
        return kind
    if (not mention.scale_exponent and not mention.decimals
            and mention.number.text[:1].isdigit() and abs(mention.value) >= _SMALL_COUNT):
        return ("count",)
    return None


def _groups(text: str, block: Sequence[Mention]) -> list[list[_Figure]]:
    """The block's figures by measure, in text order: one group per currency or unit
    named (bare scaled figures and counts join the amounts they may count in), else one
    of bare scaled figures and one of counts."""
    measured = [(m, k) for m in block if (k := _measure(text, m)) is not None]
    named = sorted({k for _, k in measured if k[0] in ("money", "quantity")})
    keys = named or sorted({k for _, k in measured})
    groups = []
    for key in keys:
        members = [m for m, k in measured if k == key or (
            k[0] not in ("money", "quantity") and compatible(key, k))]
        sizes = [float(abs(m.value)) for m in members if m.value]
        if len(members) >= 3 and sizes and max(sizes) >= _SPREAD * min(sizes):
            groups.append([_figure(m) for m in members])
    return groups


def _figure(mention: Mention) -> _Figure:
    step = float(abs(mention.precision)) * 2
    rounding = step / 2
    if not mention.scale_exponent and not mention.decimals:
        # a count written in full is exact (*3 morts*), one ending in zeros may be
        # rounded to them (*2 000 manifestants*)
        digits = "".join(ch for ch in mention.number.text if ch.isdigit())
        zeros = min(len(digits) - len(digits.rstrip("0")), 3)
        step = 10.0**zeros
        rounding = step / 2 if zeros else 0.0
    return _Figure(mention, float(abs(mention.value)), rounding, step,
                   _LOOSE.get(mention.hedge_kind or "", 0.0))


@dataclass
class _Search:
    """What one window's search tried and hit."""

    chance: float = 0.0
    tried: int = 0
    hits: list[tuple[float, _Figure, tuple[_Figure, ...], _Figure, int]] | None = None


def _weigh(window: Sequence[_Figure]) -> Sum | None:
    values = [f.value for f in window if f.value > 0]
    if len(values) < 3 or max(values) < _SPREAD * min(values):
        return None  # sizes too close: no 1 000 rescale can make them add up
    search = _search(window)
    hits = search.hits or []
    if not hits or search.chance > _MOST_CHANCE:
        return None
    slipped = {(id(h[3]), h[4]) for h in hits}
    if len(slipped) != 1:
        return None  # two figures could be the slip: the numbers do not say which
    width, whole, parts, figure, shift = min(hits, key=lambda h: (h[0], -len(h[2])))
    digits = -math.log10(width / _rescaled(whole, figure, shift)) if width else math.inf
    return Sum(
        tuple(p.mention for p in parts), whole.mention, "coincident",
        fraction=None,
        weighed=Weighing(figure.mention, shift, round(search.chance, 4), search.tried,
                         len(window), round(digits, 1)),
    )


def _search(window: Sequence[_Figure]) -> _Search:
    """Every reading of the window with one figure rescaled, the rescaled figure as the
    whole or as one of the parts."""
    search = _Search(hits=[])
    for figure, shift in _rescalable(window):
        size = figure.value * 10.0**shift
        # parts larger than their whole cannot add up to it: left out before the search
        others = [f for f in window if f is not figure and f.value <= size * 1.1]
        for parts in _subsets(others):  # the rescaled figure as the whole
            _try(search, figure, parts, figure, shift)
        for whole in window:  # the rescaled figure as one of the parts
            if whole is figure or not _MATERIAL * whole.value <= size <= whole.value * 1.1:
                continue
            rest = [f for f in window if f is not whole and (
                f is figure or f.value <= whole.value * 1.1)]
            for parts in _subsets(rest, containing=figure):
                _try(search, whole, parts, figure, shift)
    return search


def _rescalable(window: Sequence[_Figure]) -> Iterator[tuple[_Figure, int]]:
    """Each figure and shift whose rescaled size lies among the others' (from a
    twentieth of the smallest to what six of the largest add up to): any reading whose
    sizes could add up rescales one of these, so the search tries no other."""
    for figure in window:
        others = [f.value for f in window if f is not figure and f.value > 0]
        if not others:
            continue
        low, high = _MATERIAL * min(others), _LONGEST_RUN * 1.1 * max(others)
        for shift in _SHIFTS:
            if low <= figure.value * 10.0**shift <= high:
                yield figure, shift


def _subsets(others: Sequence[_Figure], containing: _Figure | None = None
             ) -> Iterator[tuple[_Figure, ...]]:
    """Parts to weigh against one whole: small subsets, and longer runs in text order
    (only those holding ``containing``, when given)."""
    if containing is None:
        for size in range(2, min(_MOST_PARTS, len(others)) + 1):
            yield from combinations(others, size)
    else:
        rest = [f for f in others if f is not containing]
        for size in range(1, min(_MOST_PARTS - 1, len(rest)) + 1):
            for chosen in combinations(rest, size):
                yield (containing, *chosen)
    for size in range(_MOST_PARTS + 1, min(_LONGEST_RUN, len(others)) + 1):
        for start in range(len(others) - size + 1):
            run = tuple(others[start : start + size])
            if containing is None or any(f is containing for f in run):
                yield run


def _rescaled(figure: _Figure, changed: _Figure, shift: int) -> float:
    return figure.value * 10.0**shift if figure is changed else figure.value


def _try(search: _Search, whole: _Figure, parts: tuple[_Figure, ...], figure: _Figure,
         shift: int) -> None:
    """The reading of ``parts`` against ``whole`` with ``figure`` rescaled: counted when
    its sizes could add up (with the chance it gives), kept when it does."""
    stated = _rescaled(whole, figure, shift)
    sizes = [_rescaled(p, figure, shift) for p in parts]
    if max(sizes) > stated * 1.1 or sum(sizes) < stated * 0.9:
        return  # no digits could make these add up
    if figure is not whole and _rescaled(figure, figure, shift) < _MATERIAL * stated:
        return
    if _agrees(whole, parts, None, 0) is not None:
        return  # they add up as printed: nothing slipped
    width = _width(whole, parts, figure, shift, stated)
    search.tried += 1
    search.chance += min(1.0, width / stated)
    if _agrees(whole, parts, figure, shift) is not None and _all_needed(
            whole, parts, figure, shift):
        assert search.hits is not None
        search.hits.append((width, whole, parts, figure, shift))


def _width(whole: _Figure, parts: Sequence[_Figure], figure: _Figure, shift: int,
           stated: float) -> float:
    """How wide the margin is within which the parts agree with the whole: twice the
    printed roundings and hedges, at least the step of the finest printed digit."""
    figures = (whole, *parts)
    slack = sum(_rescaled_rounding(f, figure, shift) for f in figures)
    slack += max(f.loose for f in figures) * stated
    step = min(f.unit * (10.0**shift if f is figure else 1.0) for f in figures)
    return max(2 * slack, step)


def _rescaled_rounding(f: _Figure, changed: _Figure, shift: int) -> float:
    return f.rounding * 10.0**shift if f is changed else f.rounding


def _all_needed(whole: _Figure, parts: tuple[_Figure, ...], figure: _Figure,
                shift: int) -> bool:
    """Whether every part counts: with one left out the sum no longer agrees (a part
    within the rounding of the whole, *un milliard* beside *250 milliards*, proves
    nothing, and the sum is then only a restatement)."""
    return all(
        _agrees(whole, parts[:i] + parts[i + 1 :], figure, shift) is None
        for i in range(len(parts))
    )


def _agrees(whole: _Figure, parts: Sequence[_Figure], figure: _Figure | None,
            shift: int) -> float | None:
    """The gap when the parts add up to the whole within their rounding, else None."""
    changed = figure if figure is not None else whole
    shift = shift if figure is not None else 0
    stated = _rescaled(whole, changed, shift)
    added = sum(_rescaled(p, changed, shift) for p in parts)
    figures = (whole, *parts)
    slack = sum(_rescaled_rounding(f, changed, shift) for f in figures)
    slack += max(f.loose for f in figures) * stated
    gap = abs(added - stated)
    return gap if gap <= slack + 1e-9 * stated else None
