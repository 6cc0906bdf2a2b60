"""The hedge written before a figure: ``près de``, ``environ``, ``plus de``, ``d’au moins``."""

from __future__ import annotations

from functools import cache

import regex

from . import lexicon
from .currencies import normalize_written
from .model import Part

_HEDGE_LOOKBACK = 40
_LONGEST_HEDGE_WORD = 20

Hedge = tuple[Part | None, str | None]
"""The hedge as written (text and span) and what it means (``about``, ``nearly``…); or
Nones."""
NO_HEDGE: Hedge = (None, None)


@cache
def _hedge_pattern() -> regex.Pattern[str]:
    hedges = "|".join(
        regex.escape(h).replace("'", "['’ʼ]").replace(r"\ ", r"[\s\u00a0\u202f]+")
        for h in sorted(lexicon.HEDGES, key=len, reverse=True)
    )
    return regex.compile(r"(?ri)(?<![\p{L}])(?P<hedge>" + hedges + r")[\s\u00a0\u202f]*\Z")


def hedge_before(text: str, start: int) -> Hedge:
    """The hedge that ends just before ``start``, if any."""
    if not _may_end_a_hedge(text, start):
        return NO_HEDGE
    found = _hedge_pattern().search(text, max(0, start - _HEDGE_LOOKBACK), start)
    if found is None:
        return NO_HEDGE
    written = found.group("hedge")
    key = normalize_written(written)
    return Part(written, found.span("hedge")), lexicon.HEDGES.get(key)


def _may_end_a_hedge(text: str, start: int) -> bool:
    """Whether the word before ``start`` could close a hedge (``de``, ``environ``, ``d’``).

    Most figures follow no hedge; this look at one word spares them the backward search.
    """
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0:
        return False
    if text[end - 1] in "'’ʼ":
        return True
    begin = end
    while begin > 0 and end - begin < _LONGEST_HEDGE_WORD and text[begin - 1].isalpha():
        begin -= 1
    return text[begin:end].lower() in _hedge_last_words()


@cache
def _hedge_last_words() -> frozenset[str]:
    """The last word of every hedge, its letters only (``près de`` -> ``de``)."""
    words = set()
    for hedge in lexicon.HEDGES:
        last = regex.search(r"\p{L}+\Z", hedge.split()[-1].replace("-", " "))
        if last is not None:
            words.add(last.group().lower())
    return frozenset(words)
