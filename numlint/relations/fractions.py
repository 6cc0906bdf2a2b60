"""Finding fractions of a whole: ``deux tiers du montant alloué (environ 24 millions $)``.

A part is stated as a fraction (*la moitié*, *un tiers*, *deux tiers*, *trois quarts*, *un
cinquième*, or a percentage: *40 % du budget*) of something, and its amount follows in
parentheses or after *soit*. The whole is the nearest earlier figure of the same kind in
the paragraph; the rule (NL205) weighs the pair only where the numbers agree on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ..cache import compile_pattern
from ..matching import folded
from ..mentions import Mention
from .model import Sum
from .parts import compatible, measure
from .wording import APOSTROPHE as _APOS
from .wording import SPACE as _S

_OF_WHAT = (
    r"(?:du|des|de" + _S + r"+la|de" + _S + r"+l" + _APOS + r"|de" + _S + r"+(?:ce|cette|ces))"
    + _S + r"*[\p{L}’'\-]+(?:" + _S + r"+[\p{L}’'\-]+){0,3}?"
)
_TO_AMOUNT = r"" + _S + r"*(?:\(|," + _S + r"*soit|:)" + _S + r"*\Z"
_FRACTION_BEFORE = compile_pattern(
    r"(?i)(?<![\p{L}])(?P<count>la|une?|deux|trois|quatre|cinq|sept|neuf)" + _S
    + r"+(?P<unit>moitié|tiers|quarts?|cinquièmes?|dixièmes?)" + _S + r"+" + _OF_WHAT
    + _TO_AMOUNT
)
"""``deux tiers du montant alloué (`` | environ 24 millions $."""
_FRACTION_STEMS = ("moitié", "tiers", "quart", "cinquième", "dixième")
"""What every match of :data:`_FRACTION_BEFORE` holds (its ``unit`` words)."""
_PERCENT_OF = compile_pattern(r"(?i)" + _S + r"+" + _OF_WHAT + _TO_AMOUNT)
"""``40 %`` | `` du budget (`` | 1,2 milliard d'euros."""
_TAKEN_UP = (
    r"[.;]?" + _S + r"+(?:elles?|ils?|cela|ce" + _S + r"+montant|cette" + _S + r"+somme"
    r"|celles?-ci|ceux-ci)" + _S + r"+(?:correspond(?:ent|ait|aient)?" + _S
    + r"+à|représent(?:e|ent|ait|aient))"
)
"""``… 451,53 milliards de francs CFA.`` | `` Elles correspondent à`` | 23,11 %: the next
clause takes the amount up as a share."""
_TO_SHARE = compile_pattern(
    r"(?i)(?:(?:" + _S + r"+[\p{L}’'\-]+){0,4}?" + _S + r"*(?:," + _S + r"*soit|\(" + _S
    + r"*(?:soit)?)|" + _TAKEN_UP + r")" + _S + r"*\Z"
)
"""``395 millions pour projets`` | ``, soit`` | 6,6 %: a share said after its amount."""
_SHARE_OF = compile_pattern(
    r"(?i)" + _S + r"+(?:(?:du|des|de" + _S + r"+la|de" + _S + r"+(?:ce|cette|ces))"
    r"(?![\p{L}])|de" + _S + r"+l" + _APOS + r")" + _S + r"*"
)
"""6,6 % | `` des `` 5,95 milliards, 87 % | `` de l’``enveloppe globale."""
_NAMED_WHOLE = compile_pattern(
    r"(?i)" + _S + r"*(?:de" + _S + r"+la|du|des|de" + _S + r"+l" + _APOS + r"|sur" + _S
    + r"+(?:une?|les?|la|l" + _APOS + r"))" + _S + r"*[\p{L}’'\-]+(?:" + _S
    + r"+[\p{L}’'\-]+){0,3}?" + _S + r"+(?:de" + _S + r"+|d" + _APOS + r")\Z"
)
"""23,11 % | `` de la prévision annuelle de`` | 1 953,48 milliards: the whole named, then
given."""
_PERCENT_THEN_AMOUNT = compile_pattern(
    r"(?i)" + _S + r"*," + _S + r"*soit" + _S + r"+(?:un" + _S + r"+montant" + _S
    + r"+(?:de" + _S + r"+|d" + _APOS + r")|une" + _S + r"+somme" + _S + r"+de" + _S
    + r"+)?\Z"
)
"""``ressorti à 18,53 %`` | ``, soit un montant de`` | 362,05 milliards … sur une prévision
annuelle de 1 953,48 milliards: the share first, then its amount, then its whole."""
_COUNTS = {"la": 1, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
           "sept": 7, "neuf": 9}
_UNITS = {"moitié": 2, "tiers": 3, "quart": 4, "cinquième": 5, "dixième": 10}
_FARTHEST_WHOLE = 400
_SENTENCE_END = compile_pattern(r"[.!?;](?:[\s\u00a0\u202f»”)]|\Z)")


def find_fractions(text: str, mentions: Sequence[Mention]) -> list[Sum]:
    """Each amount stated as a fraction of an earlier figure, with that figure."""
    found = []
    for index, part in enumerate(mentions):
        kind = measure(part)
        if kind is None or kind[0] == "count":
            continue
        fraction = _fraction_before(text, mentions, index)
        if fraction is None:
            after = (_share_after(text, mentions, index, kind)
                     or _share_then_amount(text, mentions, index, kind))
            if after is not None:
                share, said, whole = after
                found.append(Sum((part,), whole, "fraction", said, share))
            continue
        share, opening = fraction
        earlier = _whole_before(text, mentions, index, opening, kind)
        if earlier is not None:
            found.append(Sum((part,), earlier, "fraction", text[opening:part.start].strip(),
                             share))
    return found


def _fraction_before(text: str, mentions: Sequence[Mention],
                     index: int) -> tuple[Decimal, int] | None:
    """The fraction stated just before ``mentions[index]`` and where its words start."""
    part = mentions[index]
    end = part.hedged_start
    begin = max(0, end - 90)
    words = folded(text[begin:end])
    if not any(stem in words for stem in _FRACTION_STEMS):
        return None  # no fraction word in the window: the pattern cannot match
    said = _FRACTION_BEFORE.search(text, begin, end)
    if said is not None:
        unit = said.group("unit").lower()
        unit = unit if unit == "tiers" else unit.rstrip("s")
        count = _COUNTS[said.group("count").lower()]
        if (unit == "moitié") != (said.group("count").lower() == "la"):
            return None
        return Decimal(count) / Decimal(_UNITS[unit]), said.start()
    if index == 0:
        return None
    percent = mentions[index - 1]
    if percent.kind != "percent" or not 0 < percent.value < 100:
        return None
    if _PERCENT_OF.fullmatch(text, percent.end, end) is None:
        return None
    return percent.value / 100, percent.hedged_start


def _share_after(text: str, mentions: Sequence[Mention], index: int,
                 kind: tuple[str, ...]) -> tuple[Decimal, str, Mention] | None:
    """``395 millions pour projets, soit 6,6 % des 5,95 milliards``, ``1,8 milliard de DH,
    soit près de 87% de l’enveloppe globale``: the share said after the amount, and its
    whole — the figure right after *des* (*du*, *de la*…), else the nearest earlier one of
    the part's kind, as for a share said before."""
    if index + 1 >= len(mentions):
        return None
    part, percent = mentions[index], mentions[index + 1]
    if percent.kind != "percent" or not 0 < percent.value < 100 or percent.per is not None:
        return None
    if _TO_SHARE.fullmatch(text, part.end, percent.hedged_start) is None:
        return None
    if index + 2 < len(mentions):
        named = _named_whole(text, percent, mentions[index + 2], kind)
        if named is not None:
            return percent.value / 100, text[percent.hedged_start:percent.end], named
    of = _SHARE_OF.match(text, percent.end)
    if of is None:
        return None
    said = text[percent.hedged_start:percent.end]
    if index + 2 < len(mentions) and (mentions[index + 2]).hedged_start == of.end():
        whole = mentions[index + 2]
        whole_kind = measure(whole)
        if whole_kind is None or not compatible(whole_kind, kind):
            return None
        return percent.value / 100, said, whole
    earlier = _whole_before(text, mentions, index, part.hedged_start, kind)
    return (percent.value / 100, said, earlier) if earlier is not None else None


def _named_whole(text: str, after: Mention, whole: Mention,
                 kind: tuple[str, ...]) -> Mention | None:
    """``whole`` when the words after ``after`` name it as the base of the share (*de la
    prévision annuelle de*, *sur une prévision annuelle de*) and it counts like the part."""
    if _NAMED_WHOLE.fullmatch(text, after.end, whole.hedged_start) is None:
        return None
    whole_kind = measure(whole)
    return whole if whole_kind is not None and compatible(whole_kind, kind) else None


def _share_then_amount(text: str, mentions: Sequence[Mention], index: int,
                       kind: tuple[str, ...]) -> tuple[Decimal, str, Mention] | None:
    """``est ressorti à 18,53 %, soit un montant de 362,05 milliards de francs sur une
    prévision annuelle de 1 953,48 milliards``: the share, its amount, then the whole."""
    if index == 0 or index + 1 >= len(mentions):
        return None
    percent, part = mentions[index - 1], mentions[index]
    if percent.kind != "percent" or not 0 < percent.value < 100 or percent.per is not None:
        return None
    if _PERCENT_THEN_AMOUNT.fullmatch(text, percent.end, part.hedged_start) is None:
        return None
    whole = _named_whole(text, part, mentions[index + 1], kind)
    if whole is None:
        return None
    return percent.value / 100, text[percent.hedged_start:percent.end], whole



def _whole_before(text: str, mentions: Sequence[Mention], index: int, opening: int,
                  kind: tuple[str, ...]) -> Mention | None:
    for earlier in range(index - 1, -1, -1):
        whole = mentions[earlier]
        if whole.end > opening:
            continue
        if opening - whole.end > _FARTHEST_WHOLE:
            return None
        if len(_SENTENCE_END.findall(text, whole.end, opening)) > 2:
            return None
        whole_kind = measure(whole)
        if whole_kind is None or not compatible(whole_kind, kind):
            continue
        if whole_kind[0] == "scaled" and kind[0] == "scaled":
            continue  # neither names what it counts
        return whole
    return None
