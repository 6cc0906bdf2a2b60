"""Scale, currency and unit shared across a list: ``3,2 et 2,1 millions``, ``3, 4 ou
5 millions de tonnes``.

French writes the scale word and the currency once, after the last item. Each bare item
before it (joined by a comma, ``et`` or ``ou``) takes them, and says where the shared words
are written (:attr:`.Mention.shared_scale_span`, :attr:`.Mention.shared_unit_span`).
Ranges (``de 3 à 5 millions``) are linked by the scanner; this reads what is left.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import regex

from .digits import plain, shifted
from .model import Mention

_JOIN = r"[\x20\u00a0\u202f]*,[\x20\u00a0\u202f]+|[\x20\u00a0\u202f]+(?:et|ou)[\x20\u00a0\u202f]+"


@cache
def _join() -> regex.Pattern[str]:
    return regex.compile(_JOIN)


def share_across_lists(mentions: list[Mention], text: str) -> list[Mention]:
    """The mentions with each bare list item given the scale and unit of the last one."""
    shared = list(mentions)
    list_end: int | None = None  # index of the last item of the list being read
    for index in range(len(shared) - 2, -1, -1):
        item, after = shared[index], shared[index + 1]
        if not (
            _is_bare(item)
            and _gives(after)
            and _join().fullmatch(text, item.end, after.start) is not None
        ):
            _close(shared, index + 1, list_end)
            list_end = None
            continue
        shared[index] = borrowing(item, after)
        list_end = index + 1 if list_end is None else list_end
    _close(shared, 0, list_end)
    return shared


def _close(shared: list[Mention], first: int, last: int | None) -> None:
    """Give every item of ``shared[first : last + 1]`` the span of the whole list."""
    if last is None:
        return
    span = (shared[first].start, shared[last].end)
    for index in range(first, last + 1):
        shared[index] = replace(shared[index], list_span=span)


def _is_bare(mention: Mention) -> bool:
    return (
        mention.kind == "number"
        and mention.scale_exponent == 0
        and mention.per is None
        and mention.range_role is None
        and not mention.typo_split
        and mention.written_hedge is None
    )


def _gives(mention: Mention) -> bool:
    """A figure whose scale or unit the items before it share: scaled, money or quantity."""
    if mention.range_role is not None or mention.per is not None:
        return False
    return bool(mention.scale_exponent) or mention.kind in ("money", "quantity")


def borrowing(item: Mention, last: Mention) -> Mention:
    """``item`` written bare, with the scale word, currency or unit of ``last``."""
    exponent = last.scale_exponent
    value = item.value
    if exponent:
        value = plain(shifted(value, exponent))
    if last.sub_unit:
        value = value.scaleb(-2)
    return replace(
        item,
        kind=last.kind,
        value=value,
        scale_exponent=exponent,
        decimals=item.decimals + (2 if last.sub_unit else 0),
        currency=last.currency,
        unit=last.unit,
        unit_assumed=last.unit_assumed,
        currency_assumed=last.currency_assumed,
        currency_inherited=last.currency_inherited,
        currency_source_span=last.currency_source_span,
        sub_unit=last.sub_unit,
        inherited=True,
        shared_scale=last.scale or last.shared_scale,
        shared_unit=last.written_unit or last.shared_unit,
    )
