"""Finding changes stated as an amount: the difference between two figures, written out.

Real copy states many changes by how much rather than by what rate: ``les recettes
fiscales devraient passer de 2409,7 milliards FCfa en 2019 à 2352,8 milliards FCfa en
2020, soit une baisse de 56,9 milliards FCfa``; ``Les recettes de fonctionnement sont en
hausse de 18,3 M€ au budget primitif 2024 pour s'établir à 384,4 M€, soit une hausse de
5 %``. The first gives both endpoints and the amount (the amount must be their
difference); the second the amount, the end and a rate (the start is the end less the
amount, and the rate must be the amount over it). Each needs the words of a change right
before the amount (*soit une baisse de*, *en hausse de*) and a verb that ties the figures
(*passer de … à*, *pour s'établir à*): a figure merely near another is never read as its
change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import regex

from ..cache import compile_pattern
from ..matching import match_at
from ..mentions import Mention
from .change_more import find_more_than_before
from .change_words import CHANGE_WORD, FALL_STEMS, RISE_STEMS
from .change_words import direction_of as _direction
from .model import AmountChange
from .wording import APOSTROPHE as _APOS
from .wording import OF as _DE
from .wording import SPACE as _S
from .wording import same_quantity

_YEAR = (
    r"(?:,?" + _S + r"*(?:en|au|fin|début|mi-?|à" + _S + r"+fin)?" + _S + r"*\d{4}" + _S
    + r"*,?)?"
)
"""A year between the figures: ``2409,7 milliards FCfa en 2019`` | à."""
_VERB_BEFORE_START = compile_pattern(
    r"(?ri)(?<![\p{L}])(?:pass|évolu|" + "|".join(RISE_STEMS + FALL_STEMS) + r")[\p{L}]*"
    + _S + r"+" + _DE + _S + r"*\Z"
)
"""``devraient passer de`` | 2409,7: a verb of change before the start."""
_START_TO_END = compile_pattern(
    r"(?i)" + _S + r"*" + _YEAR + _S + r"*(?:à|jusqu" + _APOS + r"à)" + _S + r"+\Z"
)
_STATED = (
    _S + r"*[,;]?" + _S + r"*(?:\(" + _S + r"*)?(?:soit|c" + _APOS + r"est-à-dire)?" + _S
    + r"*(?:une?" + _S + r"+)?" + CHANGE_WORD + r"(?:" + _S
    + r"+(?:absolue|nette|globale|totale))?" + _S + r"+" + _DE + _S + r"*\Z"
)
_END_TO_AMOUNT = compile_pattern(r"(?i)" + _S + r"*" + _YEAR + _STATED)
"""From the end to the amount: `` en 2020, soit une baisse de`` | 56,9 milliards."""
_AMOUNT_BEFORE = compile_pattern(
    r"(?ri)(?<![\p{L}])(?:en" + _S + r"+)?" + CHANGE_WORD + _S + r"+" + _DE + _S + r"*\Z"
)
"""``sont en hausse de`` | 18,3 M€, ``ont augmenté de`` | 12 millions."""
_SETTLES = (
    r"(?:s" + _APOS + r"établir|atteindre|se" + _S + r"+(?:fixer|situer|chiffrer|monter)"
    r"|s" + _APOS + r"élever|ressortir|culminer|totaliser|plafonner)"
)
_AMOUNT_TO_END = compile_pattern(
    r"(?i)(?:[^\d.!?;\n()]|(?<!\d)\d{4}(?!\d)){0,80}?(?:" + _S + r"|,)pour" + _S + r"+"
    + _SETTLES + _S + r"+(?:à" + _S + r"+)?\Z"
)
"""From the amount to the end: `` au budget primitif 2024 pour s'établir à`` | 384,4 M€."""
_END_TO_RATE = compile_pattern(r"(?i)" + _S + r"*(?:en" + _S + r"+\d{4})?" + _STATED)
"""From the end to the rate: ``, soit une hausse de`` | 5 %."""
_WITHIN = 60
_NOUN_TO_RATE = compile_pattern(
    r"(?i)(?:" + _S + r"+(?!(?:et|ou|dont|contre|qui|que)(?![\p{L}]))\p{L}[\p{L}'’\-]*)"
    r"{0,5}?" + _S + r"*(?:en" + _S + r"+\d{4})?" + _STATED
)
"""From a figure and the noun it counts to its rate: `` élèves du second degré, soit une
hausse de`` | 0,8%."""
_COMPARED_BEFORE = compile_pattern(
    r"(?i)(?<![\p{L}])(?:contre|au" + _S + r"+lieu" + _S + r"+d(?:e|" + _APOS + r")|par" + _S
    + r"+rapport" + _S + r"+(?:à|aux?)|comparée?s?" + _S + r"+(?:à|aux?))" + _S
    + r"*(?:les?|la|l" + _APOS + r")?" + _S + r"*\Z"
)
"""Words that make the figure after them the earlier one compared with: ``contre`` |
126,4 milliards."""
_RATE_TO_SIGNED_AMOUNT = compile_pattern(r"(?i)" + _S + r"*\(" + _S + r"*\Z")
"""From the rate to the amount it is of, signed in a parenthesis: ``, soit une hausse de
0,8%`` | `` (`` | +42.900 élèves)."""
_RATE_TO_TOTAL = compile_pattern(
    r"(?i)" + _S + r"*(?:\(|,?" + _S + r"*(?:pour|soit))" + _S + r"*(?:(?:un|le|l" + _APOS
    + r")" + _S + r"*)?(?:effectif|montant|nombre|chiffre|total)(?:" + _S
    + r"+(?:total|global))?" + _S + r"*(?::|de|d" + _APOS + r")?" + _S + r"*\Z"
)
"""From the rate to the end named a total: ``, soit une hausse de 0,74%`` | `` (effectif
total : `` | 4.398.836), `` pour un total de`` | 91 048."""
_AMOUNT_TO_START = compile_pattern(
    r"(?i)(?:" + _S + r"+\p{L}+){0,3}?" + _S + r"*,?" + _S + r"*(?:en" + _S
    + r"+)?(?:passant|pour" + _S + r"+passer)" + _S + r"+" + _DE + _S + r"*\Z"
    r"|" + _S + r"+sur(?:" + _S + r"+\p{L}+){1,4}?" + _S + r"+qui" + _S
    + r"+(?:doit|doivent|devrait|devraient|va|vont|passe|passent)(?:" + _S
    + r"+passer)?" + _S + r"+" + _DE + _S + r"*\Z"
)
"""From the amount to the start: ``un surcoût de 150 euros par an`` | ``, passant de`` |
1 700 à 1 850 euros; ``une baisse de 83 milliards`` | `` sur le budget national qui doit
passer de`` | 4071 à 3988 milliards (the amount taken from the figure that moves)."""


def find_amount_changes(text: str, mentions: Sequence[Mention]) -> list[AmountChange]:
    found: list[AmountChange] = []
    for index in range(len(mentions) - 2):
        change = _endpoints_then_amount(text, mentions, index)
        if change is None:
            change = _amount_then_end(text, mentions, index)
        if change is None:
            change = _end_rate_then_amount(text, mentions, index)
        if change is None:
            change = _amount_rate_then_total(text, mentions, index)
        if change is None:
            change = _amount_then_endpoints(text, mentions, index)
        if change is None:
            change = find_more_than_before(text, mentions, index)
        if change is not None:
            found.append(change)
    return found


def _endpoints_then_amount(text: str, mentions: Sequence[Mention],
                           index: int) -> AmountChange | None:
    """``passer de A en 2019 à B en 2020, soit une baisse de D``."""
    start, end, amount = mentions[index : index + 3]
    if text[start.end : end.hedged_start].rstrip()[-1:] not in ("à", "À"):
        return None  # "à" then spaces: how every match of _START_TO_END ends
    if _START_TO_END.fullmatch(text, start.end, end.hedged_start) is None:
        return None
    stated = _END_TO_AMOUNT.fullmatch(text, end.end, amount.hedged_start)
    if stated is None:
        return None
    before = start.hedged_start
    if _VERB_BEFORE_START.search(text, max(0, before - _WITHIN), before) is None:
        return None
    return _change(amount, end, stated, start=start)


def _amount_then_end(text: str, mentions: Sequence[Mention],
                     index: int) -> AmountChange | None:
    """``en hausse de D … pour s'établir à B, soit une hausse de p %``."""
    amount, end, rate = mentions[index : index + 3]
    if rate.kind != "percent" or "pour" not in text[amount.end : end.hedged_start]:
        return None  # (a cheap look first: the verb that settles the end)
    if _AMOUNT_TO_END.fullmatch(text, amount.end, end.hedged_start) is None:
        return None
    if _END_TO_RATE.fullmatch(text, end.end, rate.hedged_start) is None:
        return None
    stated = _AMOUNT_BEFORE.search(text, max(0, amount.hedged_start - _WITHIN), amount.hedged_start)
    if stated is None:
        return None
    return _change(amount, end, stated, rate=rate)


def _end_rate_then_amount(text: str, mentions: Sequence[Mention],
                          index: int) -> AmountChange | None:
    """``5.579.000 élèves, soit une hausse de 0,8% (+42.900 élèves)``: the end, its rate,
    then the amount, signed, in a parenthesis."""
    end, rate, amount = mentions[index : index + 3]
    if rate.kind != "percent" or amount.number.text[:1] not in "+-−":
        return None
    if _COMPARED_BEFORE.search(text, max(0, end.hedged_start - 30), end.hedged_start):
        return None  # "144,7 milliards contre 126,4 milliards, soit +14,4 % (+18,3)": a start
    stated = _NOUN_TO_RATE.fullmatch(text, end.end, rate.hedged_start)
    if stated is None or _RATE_TO_SIGNED_AMOUNT.fullmatch(
            text, rate.end, amount.hedged_start) is None:
        return None
    return _change(amount, end, stated, rate=rate)


def _amount_rate_then_total(text: str, mentions: Sequence[Mention],
                            index: int) -> AmountChange | None:
    """``augmentent de 32.336 élèves, soit une hausse de 0,74% (effectif total :
    4.398.836)``: the amount, its rate, then the end named a total."""
    amount, rate, end = mentions[index : index + 3]
    if rate.kind != "percent" or end.kind == "percent" or "soit" not in text[
            amount.end : rate.hedged_start]:
        return None
    if _NOUN_TO_RATE.fullmatch(text, amount.end, rate.hedged_start) is None:
        return None
    if _RATE_TO_TOTAL.fullmatch(text, rate.end, end.hedged_start) is None:
        return None
    stated = _AMOUNT_BEFORE.search(text, max(0, amount.hedged_start - _WITHIN), amount.hedged_start)
    return None if stated is None else _change(amount, end, stated, rate=rate)


def _amount_then_endpoints(text: str, mentions: Sequence[Mention],
                           index: int) -> AmountChange | None:
    """``un surcoût de 150 euros par an, passant de 1 700 à 1 850 euros``: the amount,
    then the endpoints it is the difference of (counted per the amount's period)."""
    amount, start, end = mentions[index : index + 3]
    if "pass" not in text[amount.end : start.hedged_start]:
        return None  # (a cheap look first: the verb that leads to the start)
    if _AMOUNT_TO_START.fullmatch(text, amount.end, start.hedged_start) is None:
        return None
    if _START_TO_END.fullmatch(text, start.end, end.hedged_start) is None:
        return None
    stated = _AMOUNT_BEFORE.search(text, max(0, amount.hedged_start - _WITHIN), amount.hedged_start)
    if stated is None:
        return None
    if amount.per is not None and start.per is None and end.per is None:
        start, end = replace(start, per=amount.per), replace(end, per=amount.per)
    return _change(amount, end, stated, start=start)


def _change(amount: Mention, end: Mention, stated: regex.Match[str], *,
            start: Mention | None = None, rate: Mention | None = None) -> AmountChange | None:
    """The change, with its figures counted alike (a bare figure borrows what the others
    name), or None when they count different things."""
    direction = _direction(stated.group("word"), amount.number.text)
    if direction == 0 or end.kind == "percent":
        return None
    if end.range_role is not None and start is None:
        return None  # "de 3 à 5 millions": a range, unless a verb of change opens it
    counted = same_quantity(amount, end)
    begun = same_quantity(start, end) if start is not None else None
    if counted is None or (start is not None and begun is None):
        return None
    if match_at(_LEFT_OVER, stated.string, amount.end) is not None:
        return None
    wording = " ".join(stated.group(0).split())
    return AmountChange(counted, end, direction, begun, rate, _WORDING.sub("", wording))


_WORDING = compile_pattern(
    r"^[^\p{L}\d]*(?:(?:(?:en|au|fin|début|mi-?)\s+)?\d{4}[,\s]*)?|[\s(]+$"
)
"""The year and punctuation a stated change's words may open with, left out of them."""
_LEFT_OVER = compile_pattern(r"(?i)" + _S + r"*%")
"""An amount that is in fact a percentage read apart: never a change amount."""

