"""Changes the text ties loosely: a rate stated after one figure whose start is an earlier
figure of the same quantity (*elles avaient récolté 8,4 milliards … Cette année, le montant
plafonne à 3,8 milliards, soit une baisse de 55 %*), a rate stated in the sentence before
its endpoints (*allégé de 3,1 %. Le solde s'est établi à 131,7 Mds, contre 135,9 Mds*), a
table row (*10 588 684 8 815 789 20,1%*).

Nothing in the words says which figures the rate is about, so these changes carry
``tie="context"`` or ``"table"`` and every figure that may be the start: a rule reads them
only where the numbers themselves agree on it (see NL201).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from ..cache import compile_pattern
from ..matching import match_at
from ..mentions import Mention
from .change_words import CHANGE_WORD_AFTER, may_state, other_basis, stated_as, stated_before
from .model import Change
from .wording import SPACE as _S
from .wording import hedge_length, same_quantity

DURATIONS = frozenset({"second", "minute", "hour", "day", "week", "month", "year"})
"""Units of a figure that says how long, not how much (*pour chacune des cinq semaines*)."""
SENTENCES_BACK = 2
"""How many sentences before the rate's own an unnamed start is looked for."""
MOST_CANDIDATES = 6
"""The nearest figures kept as possible starts: further ones are about something else."""
ALONE_REACH = 40
"""Mentions either side looked at to tell whether a rate's sentence holds another figure."""
ATTACHED_REACH = 120
"""Characters at most between a figure and the rate stated of it."""

_SENTENCE_END = compile_pattern(r"[.!?…](?=[\s\u00a0\u202f»”\")]*(?:\s|\Z))|\n")
_SENTENCE_END_BACK = compile_pattern(r"(?r)[.!?…](?=[\s\u00a0\u202f»”\")]*(?:\s|\Z))|\n")
SENTENCE_REACH = 600
"""How far a sentence's ends are looked for: a longer one is cut there."""
_LEADS_TO = compile_pattern(
    r"(?i)(?:pour" + _S + r"+atteindre|en" + _S + r"+atteignant|atteignant|pour" + _S
    + r"+s['’]établir" + _S + r"+à|,?" + _S + r"*à)" + _S + r"*(?:[\p{L}]+" + _S + r"+)?\Z"
)
"""From a rate to the figure it leads to: ``, en atteignant`` | 402 millions, ``, à`` |
34,8 milliards."""
_ROW_GAP = compile_pattern(r"[\x20\u00a0\u202f\t|/;]+")
_ROW_END = compile_pattern(r"[\x20\u00a0\u202f\t|]*(?:\n|\Z)")


@dataclass(frozen=True, slots=True)
class ComparedPair:
    """Two figures the text compares (*B contre A*, *B par rapport aux A*) with no rate
    stated next to them: a rate stated nearby may be theirs."""

    start: Mention
    end: Mention
    index: int
    """Index in the mentions of the first one written (``end``)."""
    alternatives: tuple[Mention, ...] = ()


def context_changes(
    text: str, mentions: Sequence[Mention], used: set[int], pairs: Sequence[ComparedPair]
) -> list[Change]:
    """The rates no grammar ties to their endpoints, with the figures they may be about."""
    starts = [m.start for m in mentions]
    position = {m.start: i for i, m in enumerate(mentions)}
    paired = {p.index for p in pairs} | {p.index + 1 for p in pairs}
    changes = []
    for i, figure in enumerate(mentions):
        if i in used or not may_state(text, figure):
            continue
        row = _table_row(text, mentions, i)
        if row is not None:
            changes.append(row)
            continue
        stated = _stated(text, figure)
        if stated is None:
            continue
        sentence = _sentence_around(text, figure.start)
        basis = other_basis(text, figure)
        pair = _pair_for(text, mentions, pairs, sentence, i)
        if pair is not None:
            changes.append(_change(pair.start, pair.end, stated, basis, pair.alternatives))
            continue
        later = _attached(text, mentions, i, sentence)
        if later is None or position[later.start] in paired:
            continue
        window_start = sentence[0]
        for _ in range(SENTENCES_BACK):
            window_start = _sentence_around(text, window_start - 1)[0] if window_start else 0
        window = mentions[bisect_left(starts, window_start) : bisect_left(starts, sentence[1])]
        candidates = _candidates(window, later, figure) or _earlier_said_after(
            text, mentions, starts, sentence, later, figure)
        if candidates:
            changes.append(_change(candidates[0], later, stated, basis, candidates[1:]))
    return changes


def _change(
    start: Mention, end: Mention, stated: tuple[Mention, bool, int], basis: str | None,
    alternatives: Sequence[Mention], tie: str = "context",
) -> Change:
    figure, points, direction = stated
    return Change(
        start, end, figure, "points" if points else "percent", direction,
        tie=tie,  # type: ignore[arg-type]
        alternatives=tuple(alternatives),
        basis=basis,
    )


def _stated(text: str, figure: Mention) -> tuple[Mention, bool, int] | None:
    """A percentage or points with a word, a sign or a comparative saying it is a change."""
    gap_end = figure.start - hedge_length(figure)
    word = stated_before(text, max(0, gap_end - 40), gap_end)
    if word is None:
        word = match_at(CHANGE_WORD_AFTER, text, figure.end)
        if word is not None and word.end() - figure.end > 25:
            word = None
    return stated_as(text, figure, word)


_EARLIER = compile_pattern(
    r"(?i)(?<![\p{L}])(?:derni(?:er|ère)|précédente?|plus" + _S + r"+tôt|auparavant"
    r"|avai(?:t|ent)|étai(?:t|ent))(?![\p{L}])"
)
"""Words that date a figure before the one a rate led to: *En février dernier, la
production … avait atteint* | 32,159 millions."""


def _earlier_said_after(
    text: str, mentions: Sequence[Mention], starts: Sequence[int], sentence: tuple[int, int],
    later: Mention, stated: Mention,
) -> list[Mention]:
    """The start given in the next sentence, dated before the end by its words (*a chuté
    de 0,6 % atteignant 31,958 millions. En février dernier, la production avait atteint
    32,159 millions*)."""
    if sentence[1] >= len(text):
        return []
    following = _sentence_around(text, sentence[1])
    window = mentions[bisect_left(starts, following[0]) : bisect_left(starts, following[1])]
    dated = [m for m in window if _EARLIER.search(text, following[0], m.start)]
    return _candidates(dated, later, stated)


def _sentence_around(text: str, position: int) -> tuple[int, int]:
    """The sentence (or line) ``position`` is in, looked for at most
    :data:`SENTENCE_REACH` characters either side."""
    if position < 0:
        return (0, 0)
    low = max(0, position - SENTENCE_REACH)
    before = _SENTENCE_END_BACK.search(text, low, position)
    start = before.end() if before is not None else low
    after = _SENTENCE_END.search(text, position, position + SENTENCE_REACH)
    end = after.end() if after is not None else min(len(text), position + SENTENCE_REACH)
    return start, end


def _counts(figure: Mention) -> bool:
    """A figure that may be an endpoint: not a rate, not a duration."""
    if figure.kind == "percent":
        return False
    return not (figure.kind == "quantity" and figure.unit in DURATIONS)


def _attached(
    text: str, mentions: Sequence[Mention], index: int, sentence: tuple[int, int]
) -> Mention | None:
    """The figure the rate is stated of: the one it leads to (*une hausse de 18,6 % …, en
    atteignant 402 millions*), else the nearest one before it in its sentence, else the
    nearest one after it there (*en baisse (- 1,4 %) par rapport à celle de 2011 (700 Mt)*)."""
    stated = mentions[index]
    following = [m for m in mentions[index + 1 :] if m.start < sentence[1]
                 and m.start - stated.end <= ATTACHED_REACH and _counts(m)]
    if following and _LEADS_TO.search(text, stated.end, following[0].start):
        return following[0]
    for figure in reversed(mentions[:index]):
        if figure.end <= sentence[0] or stated.start - figure.end > ATTACHED_REACH:
            break
        if _counts(figure):
            return figure
    return following[0] if following else None


def _candidates(window: Sequence[Mention], later: Mention, stated: Mention) -> list[Mention]:
    """Figures of ``later``'s quantity in the window that may be its start, nearest first."""
    found = []
    for figure in window:
        if figure is later or figure is stated or not _counts(figure):
            continue
        meant = same_quantity(figure, later)
        if meant is not None and meant.value != later.value:
            found.append(meant)
    found.sort(key=lambda figure: abs(figure.start - later.start))
    return found[:MOST_CANDIDATES]


def _pair_for(
    text: str, mentions: Sequence[Mention], pairs: Sequence[ComparedPair],
    sentence: tuple[int, int], index: int,
) -> ComparedPair | None:
    """A compared pair in the rate's sentence; or in the next or previous one when the
    rate's sentence holds no other figure (*allégé de 3,1 %. Le solde … contre …*)."""
    stated = mentions[index]

    def within(start: int, end: int) -> list[ComparedPair]:
        return [p for p in pairs if start <= p.end.start and p.start.end <= end
                and stated.start not in (p.start.start, p.end.start)]

    if not pairs:
        return None
    here = within(*sentence)
    if here:
        return min(here, key=lambda p: abs(p.index - index))
    start, end = sentence
    alone = not any(
        start <= m.start < end and m is not stated and _counts(m)
        for m in mentions[max(0, index - ALONE_REACH) : index + ALONE_REACH]
    )
    if not alone:
        return None
    following = _sentence_around(text, end) if end < len(text) else None
    previous = _sentence_around(text, start - 1) if start > 0 else None
    for nearby_sentence in (following, previous):
        if nearby_sentence is None:
            continue
        nearby = within(*nearby_sentence)
        if len(nearby) == 1:
            return nearby[0]
    return None


def _table_row(text: str, mentions: Sequence[Mention], index: int) -> Change | None:
    """``Volume annuel traité (m³) 10 588 684 8 815 789 20,1%``: two figures and a rate
    ending a line, with nothing but spaces between."""
    if index < 2 or mentions[index].kind != "percent":
        return None
    rate, second, first = mentions[index], mentions[index - 1], mentions[index - 2]
    if not (_ROW_GAP.fullmatch(text, first.end, second.start)
            and _ROW_GAP.fullmatch(text, second.end, rate.start)
            and match_at(_ROW_END, text, rate.end)):
        return None
    if not (_counts(first) and _counts(second) and same_quantity(second, first) is not None):
        return None
    direction = stated_as(text, rate, None)
    return Change(
        second, first, rate, "percent", 0 if direction is None else direction[2],
        tie="table", alternatives=(), basis=None,
    )
