"""Currency names, codes and signs written anywhere in a text, found without a pattern of them.

The context reader (:mod:`.context`) looks for the currencies a paragraph names before a
bare figure. One pattern of the 600 CLDR names took the ``regex`` module a quarter of a
second to compile; :class:`WrittenCurrencies` finds the same thing, as that pattern's
``finditer`` did: at each place a word or sign starts, a name (any case, its spaces one
or two of any width, not followed by a letter), else an ISO code (upper case, alone),
else a sign. Only those places are looked at, found by a one-line pattern.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator

import regex

from .trie import APOSTROPHES, SPACES, FormSet, lowered_names


class WrittenCurrencies:
    """Where currency names, codes and signs are written (build once, use from any thread)."""

    def __init__(self, names: Iterable[str], codes: Iterable[str], signs: Iterable[str]):
        self._names = lowered_names(tuple(names))
        self._codes = frozenset(codes)
        self._code_lengths = sorted({len(code) for code in self._codes}, reverse=True)
        self._signs = FormSet(spelling for sign in signs for spelling in _glued(sign))
        starts = sorted({
            ch for key in self._names.first_keys | self._signs.first_keys if not key.isalpha()
            for ch in _SPELLINGS.get(key, key)
        })
        self._places = regex.compile(
            r"(?<!\p{L})\p{L}" + ("|[" + regex.escape("".join(starts)) + "]" if starts else "")
        )

    def finditer(self, text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
        """The spans of what is written between ``start`` and ``end``, in order, disjoint."""
        done = start
        for place in self._places.finditer(text, start, end):
            position = place.start()
            if position < done:
                continue
            found = self._at(text, position, end)
            if found is not None:
                done = found
                yield position, found

    def _at(self, text: str, position: int, end: int) -> int | None:
        after_letter = position > 0 and text[position - 1].isalpha()
        if not after_letter:
            name_end = self._names.match_letter_end(text, position, end)
            if name_end is not None:
                return name_end
            if position == 0 or not _is_number(text[position - 1]):
                for length in self._code_lengths:
                    code_end = position + length
                    if code_end <= end and text[position:code_end] in self._codes and (
                        code_end == end or not _is_letter_or_number(text[code_end])
                    ):
                        return code_end
        sign_ends = self._signs.ends(text, position, end)
        return sign_ends[0] if sign_ends else None


_SPELLINGS = {" ": SPACES, "'": APOSTROPHES}
"""What a space or apostrophe key of a :class:`.trie.FormSet` stands for."""


def _glued(sign: str) -> set[str]:
    """``sign`` with each of its spaces kept or left out: a sign's space may be none
    (``$ US``, ``$US``), as in ``trie_pattern(…, glued_spaces=True)``."""
    spellings = {""}
    for ch in sign:
        if ch in SPACES:
            spellings = {s + ch for s in spellings} | spellings
        else:
            spellings = {s + ch for s in spellings}
    return spellings


def _is_number(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "N"


def _is_letter_or_number(ch: str) -> bool:
    return ch.isalpha() or _is_number(ch)
