"""What follows a figure's number, and the name lookups of the scan, without big patterns.

The scan was one pattern holding every CLDR currency and unit name (about 100 000
characters: a second for the ``regex`` module to compile, every start). It is now a
head pattern (:attr:`.pattern.Sources.head`: a skip, or a figure up to its scale) and
this reader for the rest, which tries, in the order the one pattern did:

1. a percent sign or word;
2. a gap (or the hyphen of ``demi-``), an optional ``de``/``d’``, a currency: symbols and
   codes by a small pattern, then names by a :class:`.trie.FormSet` walk; its cents;
3. the same gap, a unit: names by a walk, then symbols by a small pattern; ``sous zéro``;
4. then, in every case, an optional "per" complement.

Each part after the number is optional, so the one pattern committed to the first
success of each in turn: reading them one after the other gives the same groups.
``tests/test_scanner_split.py`` checks it against the one pattern
(:func:`.pattern.reference_pattern_source`).

The lookup the head leaves out is here too: whether ``un``/``une`` opens a run of number
words (:meth:`Tail.un_opens`, and :meth:`Tail.anchor_un_opens` for the anchor pass).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property

import regex

from ..matching import match_at
from .currencies import CurrencyLexicon
from .currency_starts import CurrencyStarts
from .pattern import (
    BELOW_ZERO_PREFIXES,
    PER_PREFIXES,
    SUB_UNIT_PREFIXES,
    Sources,
    after_un_forms,
    compile_source,
)
from .trie import SPACES, FormSet, form_keys, lowered_names
from .units import UnitLexicon

TAIL_GROUPS = (
    "percent", "currency", "cents", "cents_words", "cent_unit", "cents_bare", "unit",
    "below_zero", "per_article", "per", "per_adjective",
)
"""The groups of a figure read here rather than by the head pattern."""
_SUB_UNIT_GROUPS = ("cents", "cents_words", "cent_unit", "cents_bare")
_PER_GROUPS = ("per_article", "per", "per_adjective")
_HYPHENS = "-‑"
_UN_SEPARATORS = SPACES | frozenset(_HYPHENS)
_DEMI = regex.compile(r"(?i)demi")

Spans = dict[str, tuple[int, int]]


class _Compiled:
    """A pattern of the tail, compiled from the source of its name in
    :class:`.pattern.Sources` the first time it is read, then kept on the instance."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, tail: Tail, owner: type | None = None) -> regex.Pattern[str]:
        sources = tail._sources
        pattern = compile_source(getattr(sources, self.name), sources)
        tail.__dict__[self.name] = pattern  # read from the instance from now on
        return pattern


class Tail:
    """Reads what follows the number of a figure (see the module doc); build once."""

    def __init__(self, sources: Sources, currencies: CurrencyLexicon, units: UnitLexicon):
        self._sources = sources
        self._currencies = currencies
        self._units = units

    # Each pattern and name set is built the first time a text needs it: a start pays
    # only for what its text holds (a compile costs the ``regex`` module milliseconds).
    percent = _Compiled()
    de = _Compiled()
    demi_hyphen = _Compiled()
    currency_signs = _Compiled()
    sub_unit = _Compiled()
    unit_symbols = _Compiled()
    below_zero = _Compiled()
    per = _Compiled()

    @cached_property
    def currency_starts(self) -> CurrencyStarts:
        return CurrencyStarts(self._currencies)

    @cached_property
    def currency_names(self) -> FormSet:
        return lowered_names(tuple(self._currencies.names))

    @cached_property
    def unit_names(self) -> FormSet:
        return FormSet(self._units.names)

    @cached_property
    def after_un(self) -> FormSet:
        return FormSet(self._after_un_forms)

    @cached_property
    def _after_un_forms(self) -> frozenset[str]:
        return after_un_forms(self._currencies, self._units)

    @cached_property
    def _un_keys(self) -> tuple[frozenset[str], frozenset[str]]:
        """The forms that are one word (a word of the text opens ``un`` if it is one), and
        the first words of the others (only after one is a walk needed)."""
        keyed = [form_keys(form) for form in self._after_un_forms]
        words = frozenset(k for k in keyed if _ANCHOR_WORD.fullmatch(k))
        heads = frozenset(_first_word(k) for k in keyed if not _ANCHOR_WORD.fullmatch(k))
        return words, heads

    def read(self, text: str, end: int) -> tuple[Spans, int]:
        """The spans of :data:`TAIL_GROUPS` that match after ``end``, and the figure's end."""
        spans: Spans = {}
        found = match_at(self.percent, text, end) if _may_start(text, end, _PERCENT) else None
        if found is not None:
            spans["percent"] = found.span("percent")
            end = found.end()
        else:
            end = self._currency_or_unit(text, end, spans)
        per = (
            match_at(self.per, text, end)
            if _may_start(text, end, _PER) and _may_read_per(text, end) else None
        )
        if per is not None and per.end() > end:
            _copy(per, _PER_GROUPS, spans)
            end = per.end()
        return spans, end

    def _currency_or_unit(self, text: str, end: int, spans: Spans) -> int:
        """A currency and its cents, else a unit and ``sous zéro``, at the first start that
        has one; the figure's end."""
        starts = self._starts(text, end)
        readers = (
            ("currency", self._currency_at, "sub_unit", _SUB_UNIT_GROUPS, SUB_UNIT_PREFIXES),
            ("unit", self._unit_at, "below_zero", ("below_zero",), BELOW_ZERO_PREFIXES),
        )
        for name, find, rest_name, rest_groups, rest_prefixes in readers:
            for start in starts:
                found = find(text, start)
                if found is None:
                    continue
                spans[name] = (start, found)
                rest = (
                    match_at(getattr(self, rest_name), text, found)
                    if found < len(text) and text[found] in SPACES
                    and _may_open(text, found, rest_prefixes, digits=name == "currency")
                    else None
                )
                if rest is None or rest.end() == found:
                    return found
                _copy(rest, rest_groups, spans)
                return rest.end()
        return end

    def _starts(self, text: str, end: int) -> list[int]:
        """Where a currency or unit may start after a number ending at ``end``, in the order
        the one pattern tried them: after the hyphen of ``demi-``, then after a gap of up
        to two spaces; each with ``de``/``des``/``d’`` first, then without."""
        gaps = []
        if end < len(text) and text[end] in _HYPHENS and match_at(self.demi_hyphen, text, end):
            gaps.append(end + 1)
        gap = end
        while gap < len(text) and gap - end < 2 and text[gap] in SPACES:
            gap += 1
        gaps.append(gap)
        starts = []
        for start in gaps:
            de = match_at(self.de, text, start) if text[start : start + 1] in _DE else None
            if de is not None:
                starts.append(de.end())
            starts.append(start)
        return starts

    def _currency_at(self, text: str, start: int) -> int | None:
        if start < len(text) and self.currency_starts.may_start(text, start):
            sign = match_at(self.currency_signs, text, start)
            if sign is not None:
                return sign.end()
        return self.currency_names.match_letter_end(text, start)

    def _unit_at(self, text: str, start: int) -> int | None:
        name_end = self.unit_names.match_letter_end(text, start)
        if name_end is not None:
            return name_end
        if text[start : start + 1] not in self._unit_symbol_starts:
            return None  # no symbol starts here (they match as written)
        symbol = match_at(self.unit_symbols, text, start)
        return symbol.end() if symbol is not None else None

    @cached_property
    def _unit_symbol_starts(self) -> frozenset[str]:
        starts = frozenset(symbol[0] for symbol in self._units.symbols)
        assert not starts & SPACES, "a unit symbol starts with its first character"
        return starts

    def un_opens(self, text: str, start: int) -> bool:
        """Whether the ``un``/``une`` at ``start`` opens a run of number words: a separator,
        then a number, scale, currency or unit word (``un million``, ``une tonne``)."""
        after = start + 2
        if text[after : after + 1].lower() == "e" and text[after + 1 : after + 2] in _UN_SEPARATORS:
            after += 1
        word = _after_separator(text, after)
        return word is not None and self.after_un.match_letter_end(text, word) is not None

    def anchor_un_opens(self, lowered: str, after: int) -> bool:
        """The anchor pass's test for ``un``/``une`` ending at ``after`` in the lower-cased
        text: separators, then a form (its spaces any run) not followed by a letter or a
        non-decimal numeral (what ``(?![^\\W\\d_])`` says in ``re``)."""
        while after < len(lowered) and (lowered[after] in SPACES or lowered[after] in _HYPHENS):
            after += 1
        if after >= len(lowered) or not self.after_un.may_start(lowered[after]):
            return False
        word = _first_word(lowered, after)
        un_words, un_heads = self._un_keys
        if word in un_words:
            return True  # a whole word, then what is no word character: the lookahead holds
        if word not in un_heads:
            return False  # no form is this word, nor starts with it then a separator
        for end in self.after_un.ends(lowered, after, spaces=None):
            if end >= len(lowered):
                return True
            following = lowered[end]
            if not following.isalnum() or following.isdecimal():
                return True
        return False

    def demi_unit_follows(self, text: str) -> bool:
        """Whether a unit name follows a ``demi``/``demie`` and a separator in ``text``
        (``demi-heure``, ``demi litre``): only then can the head's ``demi`` units match."""
        for found in _DEMI.finditer(text):
            end = found.end()
            for after in (end, end + 1) if text[end : end + 1] in ("e", "E") else (end,):
                word = _after_separator(text, after)
                if word is not None and self.unit_names.match_letter_end(text, word) is not None:
                    return True
        return False


def _after_separator(text: str, at: int) -> int | None:
    """Where the word after the separator at ``at`` starts (a run of spaces or one
    hyphen: ``(?:SP+|-|‑)``), or None when no separator is there."""
    if at >= len(text):
        return None
    if text[at] in _HYPHENS:
        return at + 1
    if text[at] not in SPACES:
        return None
    while at < len(text) and text[at] in SPACES:
        at += 1
    return at


_ANCHOR_WORD = re.compile(r"[^\W\d_]+")
r"""A word as the anchor pass's ``(?![^\W\d_])`` sees one (on the lower-cased text)."""


def _first_word(text: str, at: int = 0) -> str:
    """The run of :data:`_ANCHOR_WORD` characters at ``at`` (empty if none)."""
    found = _ANCHOR_WORD.match(text, at)
    return found.group() if found is not None else ""


_PERCENT = frozenset("%‰pP")
"""What a percent sign or word starts with (``%``, ``‰``, ``pour cent``…)."""
_PER = SPACES | frozenset("/lLpPcC")
"""What a "per" complement starts with: a space, ``/``, ``le``/``la``/``l’``, ``par``,
``chaque`` (after no gap)."""


def _may_read_per(text: str, at: int) -> bool:
    """Whether the "per" pattern may read more than nothing at ``at``: after any spaces, a
    slash or two characters of :data:`.pattern.PER_PREFIXES` (any case; a letter outside
    ASCII may fold onto one). Most figures are followed by ``de``, a verb, a comma: no
    pattern call."""
    return _may_open(text, at, PER_PREFIXES, firsts=_SLASH)


_SLASH = frozenset("/")


def _may_open(
    text: str, at: int, prefixes: frozenset[str], *, firsts: frozenset[str] = frozenset(),
    digits: bool = False,
) -> bool:
    """Whether, after any spaces at ``at``, the text starts with one of ``firsts``, a digit
    (``digits``) or two characters of ``prefixes`` in any case (a letter outside ASCII may
    fold onto one: yes there): the test that spares a small pattern where it cannot read
    anything."""
    while at < len(text) and text[at] in SPACES:
        at += 1
    pair = text[at : at + 2]
    if not pair:
        return False
    if pair[0] in firsts or (digits and pair[0].isdecimal()) or pair.lower() in prefixes:
        return True
    return any(ch.isalpha() and not ch.isascii() for ch in pair)
_DE = frozenset("dD")


def _may_start(text: str, at: int, first: frozenset[str]) -> bool:
    """Whether the small pattern whose matches start with one of ``first`` after up to two
    spaces (a ``GAP``) can match at ``at``: a cheap test that spares most regex calls."""
    for position in range(at, min(at + 3, len(text))):
        ch = text[position]
        if ch in first:
            return True
        if ch not in SPACES:
            return False
    return False


def _copy(match: regex.Match[str], names: Iterable[str], spans: Spans) -> None:
    for name in names:
        span = match.span(name)
        if span[0] >= 0:
            spans[name] = span
