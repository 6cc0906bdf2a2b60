"""Finding changes: a figure that moves from one value to another, and what the text says
about the move.

``passe de 200 à 250 millions d'euros, soit une hausse de 50 %`` — endpoints (200 → 250),
a stated change (+50 %), sometimes a multiple (``a doublé``, ``divisé par deux``). The
endpoints need a verb of change in front (``passer de``, ``grimper de``) or the change
stated just before them (``en hausse de 25 % (de 200 à 250)``, ``a augmenté de 10 % pour
atteindre 110, contre 100``): ``de 3 à 5 millions`` alone is a range, not a change. The
stated change must sit next to them, with only a connector between (``soit``, a comma, a
parenthesis, ``pour atteindre``), so that a percentage about something else in the same
sentence is never taken for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from itertools import pairwise
from typing import Literal

import regex

from ..cache import compile_pattern
from ..matching import folded, match_at
from ..mentions import Mention
from .change_context import ComparedPair, context_changes
from .change_words import (
    CHANGE_WORD as _CHANGE_WORD,
)
from .change_words import (
    CHANGE_WORD_AFTER as _CHANGE_WORD_AFTER,
)
from .change_words import (
    FALL_STEMS,
    RISE_STEMS,
    may_state,
    other_basis,
    period_of,
    rate_period,
    stated_as,
    stated_before,
)
from .change_words import POINTS_AFTER as _POINTS_AFTER
from .change_words import direction_of as _direction
from .model import Change
from .wording import APOSTROPHE as _APOS
from .wording import (
    MULTIPLE_HEDGES,
    NUMBER_WORDS,
    comparable,
    hedge_length,
    same_quantity,
)
from .wording import OF as _DE
from .wording import SPACE as _S

_VERB_BEFORE_START = compile_pattern(
    r"(?ri)(?<![\p{L}])(?P<verb>pass[\p{L}]*|évolu[\p{L}]*|"
    + "|".join(s + r"[\p{L}]*" for s in RISE_STEMS + FALL_STEMS)
    + r")" + _S + r"+" + _DE + _S + r"*\Z"
)
"""``passant de`` | 200: a verb of change before the first endpoint."""
_BETWEEN_ENDPOINTS = compile_pattern(
    r"(?i)" + _S + r"*(?:,?" + _S + r"*(?:en|au|fin|début|mi-?)?" + _S + r"*\d{4}" + _S
    + r"*,?)?" + _S + r"*(?:à|jusqu" + _APOS + r"à)" + _S + r"+"
)
_TIME = (
    r"(?:(?:en|au|fin|début|mi-?|depuis|sur|par" + _S + r"+rapport" + _S + r"+à)" + _S
    + r"+[\p{L}\d\x20\u00a0\u202f]{1,22}?|un" + _S + r"+an" + _S + r"+plus" + _S
    + r"+tôt|l" + _APOS + r"an" + _S + r"+(?:dernier|passé)|l" + _APOS + r"année" + _S
    + r"+(?:dernière|précédente|passée)|auparavant|précédemment|il" + _S + r"+y" + _S
    + r"+a" + _S + r"+[\p{L}\d]+" + _S + r"+ans?)"
)
"""A time phrase that may stand between a figure and what is said of it."""
_CLAUSE_WORDS = (
    r"(?:et|mais|tandis|alors|où|qui|que|qu|dont|soit|contre|puis|car|si|lorsque|quand)"
)
_TOKEN = (
    r"(?:(?!" + _CLAUSE_WORDS + r"(?![\p{L}'’]))\p{L}[\p{L}'’\-]*|\d{4}(?!\d))"
)
_COMPLEMENT = r"(?:" + _TOKEN + r"(?:" + _S + r"+" + _TOKEN + r"){0,7})"
"""A few words that complete a figure without starting a clause of their own: ``à fin
juillet 2014``, ``brésiliens en moyenne``, ``de voitures neuves ont été immatriculées``,
``au titre de la même période de 2014`` (no *et*, *qui*, *dont*: they would open one)."""
_CONNECTOR = (
    r"(?:soit|c" + _APOS + r"est-à-dire|ce" + _S + r"+qui" + _S
    + r"+(?:représente|fait|correspond" + _S + r"+à|constitue))"
)
_AFTER_END_TO_STATED = compile_pattern(
    r"(?i)(?:" + _S + r"*(?:" + _TIME + r")?" + _S + r"*(?:[,;:]|\(|–|—)?" + _S
    + r"*" + _CONNECTOR + r"?"
    + r"|" + _S + r"*" + _COMPLEMENT + _S + r"*(?:(?:[,;:]|\(|–|—)" + _S + r"*"
    + _CONNECTOR + r"?|" + _CONNECTOR + r"))"
    + _S + r"*(?:en" + _S + r"+)?(?:une?" + _S + r"+)?\Z"
)
"""From a figure to the change stated of it: ``, soit une`` | hausse de 25 %, `` à fin
juillet 2014, en`` | allégement de 31,8 %. Words that complete the figure need a
connector after them (a comma, *soit*, *ce qui représente*), so that ``A et la marge
recule de`` | 3 % is not read as a change of A."""
_STATED_TO_VERB = compile_pattern(
    r"(?i)" + _S + r"*(?:(?:en|sur|depuis|par" + _S + r"+rapport" + _S + r"+à)" + _S
    + r"+[\p{L}\d\s\u00a0\u202f]{1,25}?)?" + _S + r"*[,;:]?" + _S + r"*(?:\(" + _S
    + r"*)?(?:en" + _S + r"+|pour" + _S + r"+|et" + _S + r"+|soit" + _S + r"+)?\Z"
)
_COMPARED_TO = (
    r"(?:contre|au" + _S + r"+lieu" + _S + r"+d(?:e" + _S + r"+|" + _APOS + r")"
    + r"|par" + _S + r"+rapport" + _S + r"+(?:à|aux?)|comparée?s?" + _S + r"+(?:à|aux?))"
)
_BEFORE_CONTRE = compile_pattern(
    r"(?i)" + _S + r"*(?:" + _TIME + r"|" + _COMPLEMENT + r")?" + _S + r"*,?" + _S + r"*"
    + _COMPARED_TO + _S + r"*(?:les?" + _S + r"+|la" + _S + r"+|l" + _APOS + r")?\Z"
)
"""``48,2 milliards en 2025, contre`` | ``41 milliards``, ``78 % au lieu de`` | 69,3 %,
``20 milliards USD en nette hausse par rapport aux`` | 19,5 milliards: the earlier figure
follows."""
_BASE_CUE = (
    r"(?:par" + _S + r"+rapport" + _S + r"+(?:à|aux?)|comparée?s?" + _S + r"+(?:à|aux?)"
    r"|comparativement" + _S + r"+(?:à|aux?))"
)
"""What introduces a base after its rate; not *contre*, which there compares the rate with
another (*en hausse de 5 % contre 3 % l'an dernier*) or the figure with another entity's."""
_BASE_AFTER = compile_pattern(
    r"(?i)" + _S + r"*(?:(?:points?|pts?)(?:" + _S + r"+de" + _S + r"+pourcentage)?)?"
    + _S + r"*(?:" + _TIME + r")?" + _S + r"*,?" + _S + r"*" + _BASE_CUE
    + r"(?:" + _S + r"*(?:les?" + _S + r"+|la" + _S + r"+|l" + _APOS + r"))?"
    + r"(?:" + _S + r"*[\p{L}\d'’\-]+){0,10}?" + _S + r"*\(?" + _S + r"*\Z"
)
"""From a stated change to its base written after it: ``en baisse de 2,25 %`` | `` par
rapport à`` | 5,55 real, ``en progression de 16,9 %`` | `` par rapport à 2024 où elles se
sont situées à`` | 3 755,9 milliards."""
_LEAD_TO_START = compile_pattern(
    r"(?i)" + _S + r"*(?:points?(?:" + _S + r"+de" + _S + r"+pourcentage)?)?" + _S
    + r"*[,;:]?" + _S + r"*(?:\(" + _S + r"*)?(?:(?:en" + _S + r"+)?passant" + _S
    + r"+|pour" + _S + r"+passer" + _S + r"+)?" + _DE + _S + r"*\Z"
)
"""``a bondi de 50 %`` | ``, de`` | 200 à 250: from a stated change to the first endpoint."""
_LEAD_TO_LATER = compile_pattern(
    r"(?i)" + _S + r"*(?:points?(?:" + _S + r"+de" + _S + r"+pourcentage)?)?" + _S
    + r"*[,;:]?" + _S + r"*(?:\(" + _S + r"*)?(?:(?:pour|et)" + _S + r"+(?:atteindre|s"
    + _APOS + r"établir" + _S + r"+à|se" + _S + r"+situer" + _S + r"+à|se" + _S
    + r"+hisser" + _S + r"+à|passer" + _S + r"+à|revenir" + _S + r"+à|tomber" + _S + r"+à)"
    + r"|atteignant|à)" + _S + r"*\Z"
    + r"|" + _S + r"*:" + _S + r"*\Z"
)
"""``a augmenté de 30 %`` | ``pour atteindre`` | 110 milliards, contre 100 milliards;
``un accroissement de 5,5 %`` | `` : `` | 35,2 Mds DH contre 33,4 Mds DH."""
_MULTIPLE = compile_pattern(
    r"(?i)(?<![\p{L}])(?:(?P<hedge>plus" + _S + r"+que|presque|quasi(?:ment)?|pratiquement"
    r"|près" + _S + r"+de|environ|un" + _S + r"+peu" + _S + r"+plus" + _S + r"+que)"
    + _S + r"+)?(?:(?P<word>doubl|tripl|quadrupl|quintupl|décupl|centupl)[\p{L}]*"
    r"|(?P<op>multipli|divis)[\p{L}]*" + _S + r"+par" + _S + r"+(?P<by>\d+(?:,\d+)?|deux"
    r"|trois|quatre|cinq|six|sept|huit|neuf|dix|cent|mille))(?!\p{L})"
)
_MULTIPLE_STEMS = ("doubl", "tripl", "upl", "multipli", "divis")
"""What every match of :data:`_MULTIPLE` holds (``upl``: *quadrupl*, *quintupl*, *décupl*,
*centupl*)."""
_MULTIPLE_WORDS = {
    "doubl": 2, "tripl": 3, "quadrupl": 4, "quintupl": 5, "décupl": 10, "centupl": 100,
}
_MULTIPLE_TO_NEXT = compile_pattern(
    r"(?i)[\p{L}\s\u00a0\u202f'’]{0,30}?[,;:(]?" + _S + r"*(?:(?:passant|pour" + _S
    + r"+passer|en" + _S + r"+passant|soit|c" + _APOS + r"est-à-dire)" + _S
    + r"+(?:une?" + _S + r"+)?(?:" + _CHANGE_WORD + _S + r"+" + _DE + _S + r"*)?"
    + r"(?:" + _DE + _S + r"*)?|" + _DE + _S + r"*)\Z"
)
"""From a multiple to the first endpoint: ``a doublé, passant de`` | 100, ``a été
multiplié par dix (de`` | 10 à 100."""


def find_changes(text: str, mentions: Sequence[Mention]) -> list[Change]:
    """Changes between endpoints, with the change or multiple stated next to them, and
    multiples stated with a percentage (``a quadruplé, soit une hausse de 300 %``); then
    the changes the text ties more loosely (see :mod:`.change_context`)."""
    changes = []
    index = {m.start: i for i, m in enumerate(mentions)}
    used: set[int] = set()
    pairs: list[ComparedPair] = []
    for i, (first, second) in enumerate(pairwise(mentions)):
        gap = text[first.end : second.start] if second.start - first.end <= 80 else ""
        side_by_side = "à" in gap and _side_by_side(text, first, second)
        alternatives: tuple[Mention, ...] = ()
        if side_by_side and _verb_before(text, first):
            stated = _stated_after(text, mentions, i + 2) or _stated_before(text, mentions, i)
        elif _COMPARED_CUE.search(gap) and (compared := _compared(text, first, second)):
            # "B en 2025, contre A un an plus tôt": the earlier figure comes second
            first, second, alternatives = compared[0], first, compared[1]
            stated = _stated_after(text, mentions, i + 2) or _stated_leading(
                text, mentions, i, _LEAD_TO_LATER)
            if stated is None:
                pairs.append(ComparedPair(first, second, i, alternatives))
                continue
            if _other_period(text, first, stated[0]):
                # "2 millions en juillet, contre 1,5 million en juin, soit +12 % sur un
                # an": the rate is against another period than the figure compared
                changes.append(replace(_change(text, first, second, stated, None, alternatives),
                                       basis="another period than the compared figure"))
                used.add(index[stated[0].start])
                continue
        elif side_by_side:
            # "de 3 à 5 millions" is a range; a change only when stated before it
            # ("a bondi de 25 %, de 200 à 250 millions") or with a multiple
            stated = _stated_leading(text, mentions, i, _LEAD_TO_START)
            if stated is None and _multiple_before(text, mentions, i) is None:
                continue
        else:
            continue
        multiple = _multiple_before(text, mentions, i)
        if stated is None and multiple is None:
            continue
        changes.append(_change(text, first, second, stated, multiple, alternatives))
        if stated is not None:
            used.add(index[stated[0].start])
    return changes + _after_the_pairs(text, mentions, index, used, pairs)


def _after_the_pairs(text: str, mentions: Sequence[Mention], index: dict[int, int],
                     used: set[int], pairs: list[ComparedPair]) -> list[Change]:
    """What the side-by-side pairs left: a base given after its rate, multiples stated
    with a percentage, then the changes the text ties more loosely. ``used`` (the stated
    figures already given to a change) grows as they are taken."""
    changes = []
    for change in _based_after(text, mentions, used):
        changes.append(change)
        if change.stated is not None:
            used.add(index[change.stated.start])
    changes.extend(_multiples_with_percent(text, mentions, used))
    changes.extend(context_changes(text, mentions, used, pairs))
    return changes


def _change(
    text: str,
    start: Mention,
    end: Mention,
    stated: tuple[Mention, bool, int] | None,
    multiple: tuple[Decimal, str, tuple[int, int], str | None] | None,
    alternatives: tuple[Mention, ...] = (),
) -> Change:
    figure, as_points, direction = stated or (None, False, 0)
    stated_kind: Literal["percent", "points"] | None = (
        None if figure is None else ("points" if as_points else "percent"))
    factor, factor_text, factor_span, factor_hedge = multiple or (None, None, None, None)
    return Change(
        start, end, figure, stated_kind, direction, factor, factor_text, factor_span,
        factor_hedge,
        alternatives=alternatives,
        basis=None if figure is None else other_basis(text, figure),
    )


_EXPECTED = compile_pattern(
    r"(?i)[\p{L}\s\u00a0\u202f'’\-]{0,30}?(?<!\p{L})(?:attendue?s?|prévue?s?|estimée?s?|"
    r"anticipée?s?|escomptée?s?|espérée?s?|visée?s?|budgétée?s?|projetée?s?|consensus|"
    r"analystes|objectif|prévisions?|pronostics?)(?!\p{L})"
)
"""Words after a compared figure saying it is a forecast or a target, not the figure of an
earlier time: ``contre 309 millions attendus par les analystes``."""
_COMPARED_CUE = compile_pattern(r"(?i)contre|lieu|rapport|compar")


def _compared(
    text: str, later: Mention, earlier: Mention
) -> tuple[Mention, tuple[Mention, ...]] | None:
    """``48,2 milliards de dollars en 2025, contre 41 milliards un an plus tôt``, ``78 % au
    lieu de 69,3 %``: the earlier figure as the text means it (``contre 1,709`` after
    ``1,577 millions`` borrows the scale word), and its literal reading when that differs."""
    gap_end = earlier.start - hedge_length(earlier)
    if not _BEFORE_CONTRE.fullmatch(text, later.end, gap_end):
        return None
    if match_at(_EXPECTED, text, earlier.end):
        return None  # "contre 309 millions attendus": a forecast, not the earlier figure
    meant = same_quantity(earlier, later)
    if meant is None:
        return None
    return meant, _literal(meant, earlier)


def _other_period(text: str, earlier: Mention, stated: Mention) -> bool:
    """Do the words after the earlier figure and the rate's own base name periods of
    different lengths (*en juin* against *sur un an*)?"""
    own = rate_period(text, stated)
    if own is None:
        return False
    compared = period_of(text, earlier.end, min(stated.start, earlier.end + 60))
    return compared is not None and compared != own


def _literal(meant: Mention, written: Mention) -> tuple[Mention, ...]:
    """The figure as written, when it borrowed a scale word (``contre 1,709`` may also be
    1,709): weighed too. A unit normalized (``700 Mt`` as tonnes) has no other reading."""
    if meant.scale_exponent == written.scale_exponent or written.unit not in (None, meant.unit):
        return ()
    return (written,)


def _based_after(text: str, mentions: Sequence[Mention], used: set[int]) -> list[Change]:
    """``5,43 réaux, ce qui représente une baisse de 2,25 % par rapport à 5,55 real``: the
    later figure, the change stated of it, then its base."""
    changes = []
    for i in range(len(mentions) - 2):
        if i + 1 in used or not may_state(text, mentions[i + 1]):
            continue
        later, base = mentions[i], mentions[i + 2]
        stated = _stated_after(text, mentions, i + 1)
        if stated is None:
            continue
        figure = stated[0]
        points = match_at(_POINTS_AFTER, text, figure.end)
        stated_end = points.end() if points else figure.end
        base_start = base.start - hedge_length(base)
        if base_start - stated_end > 80 or not _BASE_AFTER.fullmatch(text, stated_end, base_start):
            continue
        meant = same_quantity(base, later)
        if meant is None:
            continue
        changes.append(_change(text, meant, later, stated, None, _literal(meant, base)))
    return changes


def _side_by_side(text: str, first: Mention, second: Mention) -> bool:
    """``200 à 250 millions``: two comparable figures joined as endpoints are."""
    return bool(
        _BETWEEN_ENDPOINTS.fullmatch(text, first.end, second.start - hedge_length(second))
    ) and comparable(first, second)


def _verb_before(text: str, first: Mention) -> bool:
    """``passant de`` | 200: a verb of change says the endpoints are a change."""
    start = first.start - hedge_length(first)
    return _VERB_BEFORE_START.search(text, max(0, start - 40), start) is not None


def _stated_leading(
    text: str, mentions: Sequence[Mention], first_index: int, to_next: regex.Pattern[str]
) -> tuple[Mention, bool, int] | None:
    """The change stated just before the endpoints, with its change word in front of it
    (``en hausse de 25 % (de 200 à 250)``, ``a augmenté de 10 % pour atteindre 110, contre
    100``); ``to_next`` is what may stand between it and the next endpoint."""
    if first_index == 0:
        return None
    candidate, first = mentions[first_index - 1], mentions[first_index]
    if first.start - candidate.end > 60:
        return None
    if not to_next.fullmatch(text, candidate.end, first.start - hedge_length(first)):
        return None
    return _stated_with_word_in_front(text, candidate)


def _stated_after(
    text: str, mentions: Sequence[Mention], index: int
) -> tuple[Mention, bool, int] | None:
    if index >= len(mentions):
        return None
    candidate, previous = mentions[index], mentions[index - 1]
    gap_end = candidate.start - hedge_length(candidate)
    if gap_end - previous.end > 80:
        return None
    word = stated_before(text, previous.end, gap_end)
    connector_end = word.start() if word else gap_end
    if not _AFTER_END_TO_STATED.fullmatch(text, previous.end, connector_end):
        return None
    return stated_as(text, candidate, word or match_at(_CHANGE_WORD_AFTER, text, candidate.end))


def _stated_before(
    text: str, mentions: Sequence[Mention], first_index: int
) -> tuple[Mention, bool, int] | None:
    if first_index == 0:
        return None
    candidate, first = mentions[first_index - 1], mentions[first_index]
    verb = _VERB_BEFORE_START.search(text, max(0, first.start - 40 - hedge_length(first)),
                                     first.start - hedge_length(first))
    if verb is None or verb.start() - candidate.end > 60:
        return None
    points = match_at(_POINTS_AFTER, text, candidate.end)
    candidate_end = points.end() if points else candidate.end
    if not _STATED_TO_VERB.fullmatch(text, candidate_end, verb.start()):
        return None
    return _stated_with_word_in_front(text, candidate)


def _stated_with_word_in_front(
    text: str, candidate: Mention
) -> tuple[Mention, bool, int] | None:
    """``candidate`` as a stated change, when a change word stands right before it
    (``une hausse de`` | 25 %)."""
    word = stated_before(
        text, max(0, candidate.start - 40), candidate.start - hedge_length(candidate)
    )
    return None if word is None else stated_as(text, candidate, word)


def _multiple_before(
    text: str, mentions: Sequence[Mention], first_index: int
) -> tuple[Decimal, str, tuple[int, int], str | None] | None:
    first = mentions[first_index]
    found = _last_multiple_before(text, mentions, first_index)
    if found is None or not _MULTIPLE_TO_NEXT.fullmatch(
        text, found.end(), first.start - hedge_length(first)
    ):
        return None
    return _multiple_of(found)


def _last_multiple_before(
    text: str, mentions: Sequence[Mention], index: int
) -> regex.Match[str] | None:
    """The multiple word closest before ``mentions[index]``, with no figure in between
    (the ``deux`` of ``divisé par deux`` is part of the multiple, not in between)."""
    figure = mentions[index]
    begin = max(0, figure.start - 90)
    words = folded(text[begin : figure.start])
    if not any(stem in words for stem in _MULTIPLE_STEMS):
        return None  # no multiple word in the window: the pattern cannot match
    found = None
    for match in _MULTIPLE.finditer(text, begin, figure.start):
        found = match
    if found is None:
        return None
    between = [m for m in mentions[max(0, index - 3) : index] if m.start >= found.end()]
    return None if between else found


def _multiple_of(match: regex.Match[str]) -> tuple[Decimal, str, tuple[int, int], str | None]:
    hedge = match.group("hedge")
    hedge_kind = MULTIPLE_HEDGES.get(" ".join(hedge.lower().split())) if hedge else None
    if match.group("word"):
        factor = Decimal(_MULTIPLE_WORDS[match.group("word").lower()])
    else:
        by = match.group("by").lower()
        factor = Decimal(NUMBER_WORDS[by]) if by in NUMBER_WORDS else Decimal(
            by.replace(",", ".")
        )
        if match.group("op").lower() == "divis":
            factor = 1 / factor
    start = match.start("word") if match.group("word") else match.start("op")
    return factor, match.group(0), (start, match.end()), hedge_kind


def _multiples_with_percent(
    text: str, mentions: Sequence[Mention], used: set[int]
) -> list[Change]:
    changes = []
    for index, figure in enumerate(mentions):
        if index in used or figure.kind != "percent":
            continue
        found = _last_multiple_before(text, mentions, index)
        if found is None:
            continue
        gap_end = figure.start - hedge_length(figure)
        word = stated_before(text, found.end(), gap_end)
        if word is None or not _MULTIPLE_TO_NEXT.fullmatch(text, found.end(), gap_end):
            continue
        direction = _direction(word.group("word"), figure.number.text)
        if direction == 0:
            continue
        changes.append(Change(None, None, figure, "percent", direction, *_multiple_of(found)))
    return changes
