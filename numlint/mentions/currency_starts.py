"""Whether a currency symbol or code may start at a position: a test that spares a pattern.

The head pattern may open with a currency (``$15``, ``USD 15``) and the tail reads one
after a number (``15 $``, ``15 EUR``): both with a pattern of every symbol and code,
which costs the ``regex`` module milliseconds to compile and a call to run. Most places
hold no symbol: this test says so from the first two characters, and only where it cannot
does the scanner run (and, the first time, compile) the pattern.

It may say yes where no symbol follows, never no where one does: a symbol without letters
or a code starts with its own character (they match as written); a symbol with letters
(``US$``, ``£GB``, ``F CFA``) matches in any case, so its first two characters are compared
lower-cased, a space of it being any space or none (the trie glues them). A letter outside
ASCII may fold onto an ASCII one (the Kelvin sign, the long s): there the answer is yes.
"""

from __future__ import annotations

from .currencies import CurrencyLexicon
from .trie import SPACES


class CurrencyStarts:
    """What a currency symbol or code may start with (see the module doc); build once."""

    __slots__ = ("_code_lengths", "_codes", "_firsts", "_pairs")

    def __init__(self, currencies: CurrencyLexicon) -> None:
        self._codes = frozenset(currencies.codes)
        self._code_lengths = tuple(sorted({len(code) for code in currencies.codes}))
        firsts: set[str] = {code[0] for code in currencies.codes}
        pairs: set[str] = set()
        for symbol in currencies.symbols:
            first = symbol[0]
            if not any(ch.isalpha() for ch in symbol) or not first.isalpha():
                firsts.add(first)
                continue
            pairs |= {first.lower() + second for second in _seconds(symbol)}
            if len(symbol) == 1:
                pairs.add(first.lower())
        assert not any(ch.isdecimal() for ch in firsts), "the scanner reads a digit as no currency"
        self._firsts = frozenset(firsts)
        """Characters at which a match always needs the pattern."""
        self._pairs = frozenset(pairs)
        """First two characters, lower-cased, of the symbols that start with a letter."""

    def may_start(self, text: str, at: int) -> bool:
        """Whether a currency symbol or code may be written at ``at``."""
        ch = text[at]
        if ch in self._firsts:
            return not ch.isalpha() or self._code(text, at) or self._pair(text, at)
        return ch.isalpha() and self._pair(text, at)

    def _code(self, text: str, at: int) -> bool:
        return any(text[at : at + length] in self._codes for length in self._code_lengths)

    def _pair(self, text: str, at: int) -> bool:
        pair = text[at : at + 2]
        if pair[:1].lower() in self._pairs:
            return True  # a one-letter symbol
        if not pair.isascii():
            folds = any(ch.isalpha() and not ch.isascii() for ch in pair)
            return folds or pair.lower() in self._pairs
        return pair.lower() in self._pairs


def _seconds(symbol: str) -> set[str]:
    """What may follow a lettered symbol's first letter in the text, lower-cased: its second
    character, or after a space any space or what follows the spaces (glued)."""
    rest = symbol[1:]
    if not rest:
        return set()  # a one-letter symbol: its letter alone is in the pairs
    if rest[0] not in SPACES:
        return {rest[0].lower()}
    after = rest.lstrip("".join(SPACES))
    return set(SPACES) | ({after[0].lower()} if after else {""})
