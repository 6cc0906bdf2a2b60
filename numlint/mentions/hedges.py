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


_APOSTROPHE_END = "'"
"""The key of the hedges that end with an apostrophe (``d’au moins``, ``jusqu’à``: no, that
one ends with a letter), whatever the word before it."""


@cache
def _hedge_pattern(last_word: str) -> regex.Pattern[str]:
    """The hedges whose last word is ``last_word`` (see :func:`_last_word`), longest first:
    any hedge that ends before a figure ends with the word there, so the others could not
    match. A text pays the compile of the few last words it has, not of all 53 hedges."""
    hedges = "|".join(
        regex.escape(h).replace("'", "['’ʼ]").replace(r"\ ", r"[\s\u00a0\u202f]+")
        for h in sorted(lexicon.HEDGES, key=len, reverse=True)
        if _last_word(h) == last_word
    )
    return regex.compile(r"(?ri)(?<![\p{L}])(?P<hedge>" + hedges + r")[\s\u00a0\u202f]*\Z")


def hedge_before(text: str, start: int) -> Hedge:
    """The hedge that ends just before ``start``, if any."""
    last_word = _word_ending_a_hedge(text, start)
    if last_word is None:
        return NO_HEDGE
    found = _hedge_pattern(last_word).search(text, max(0, start - _HEDGE_LOOKBACK), start)
    if found is None:
        return NO_HEDGE
    written = found.group("hedge")
    key = normalize_written(written)
    return Part(written, found.span("hedge")), lexicon.HEDGES.get(key)


def _word_ending_a_hedge(text: str, start: int) -> str | None:
    """The word before ``start`` if it could close a hedge (``de``, ``environ``; ``'`` for
    an apostrophe, as in ``d’``), else None.

    Most figures follow no hedge; this look at one word spares them the backward search.
    """
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0:
        return None
    if text[end - 1] in "'’ʼ":
        return _APOSTROPHE_END
    begin = end
    while begin > 0 and end - begin < _LONGEST_HEDGE_WORD and text[begin - 1].isalpha():
        begin -= 1
    word = text[begin:end].lower()
    return word if word in _hedge_last_words() else None


def _last_word(hedge: str) -> str | None:
    """The letters that end ``hedge`` (``près de`` -> ``de``), ``'`` when it ends with an
    apostrophe, None when neither (no such hedge could follow a word the scanner sees)."""
    if hedge.endswith("'"):
        return _APOSTROPHE_END
    last = regex.search(r"\p{L}+\Z", hedge.split()[-1].replace("-", " "))
    return last.group().lower() if last is not None else None


@cache
def _hedge_last_words() -> frozenset[str]:
    """The last word of every hedge, its letters only (``près de`` -> ``de``)."""
    return frozenset(
        word for word in map(_last_word, lexicon.HEDGES)
        if word is not None and word != _APOSTROPHE_END
    )
