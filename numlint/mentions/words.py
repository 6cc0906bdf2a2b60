"""French number words: ``quatre-vingt-dix-sept``, ``deux cent mille``, ``un milliard vingt-cinq
millions``.

The scanner hands over a run of number words (split on spaces, hyphens and ``et``); this
module turns it into one or more numbers. A run that is not one number (``un deux trois``,
``cinquante soixante``) is cut where the grammar breaks, as a reader would.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import regex

UNITS: dict[str, int] = {
    "zéro": 0, "zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4,
    "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
}
TEENS: dict[str, int] = {
    "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
    "seize": 16,
}
TENS: dict[str, int] = {
    "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50,
    "soixante": 60, "septante": 70, "huitante": 80, "octante": 80, "nonante": 90,
}
HUNDRED = {"cent", "cents"}
THOUSAND = {"mille", "mil"}
SCALES: dict[str, int] = {
    "million": 6, "millions": 6, "milliard": 9, "milliards": 9,
    "billion": 12, "billions": 12, "billiard": 15, "billiards": 15,
    "trillion": 18, "trillions": 18,
}
NUMBER_WORDS: frozenset[str] = frozenset(
    [*UNITS, *TEENS, *TENS, *HUNDRED, *THOUSAND, *SCALES]
)

_OPEN = ("start", "hundred", "thousand", "scale")
"""After these, any unit, teen or ten may come (``cent deux``, ``mille onze``)."""

_TOKEN = regex.compile(r"[^\s\-‑]+")


@dataclass(frozen=True, slots=True)
class WordNumber:
    """One number read from words: its value and the slice of the run it covers."""

    value: int
    start: int
    end: int
    last_scale: str | None
    """The scale word that ends the number (``millions`` in ``deux millions``), if any."""
    last_scale_start: int = 0


def read_word_numbers(run: str) -> list[WordNumber]:
    """Read the numbers spelled out in ``run`` (offsets relative to ``run``)."""
    tokens = [(m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(run)]
    numbers: list[WordNumber] = []
    i = 0
    while i < len(tokens):
        parsed = _parse_one(tokens, i)
        if parsed is None:
            i += 1
            continue
        number, i = parsed
        numbers.append(number)
    return numbers


class _State:
    """Accumulates one number left to right.

    ``total`` holds what was closed by a scale word (million and up), ``thousands`` what
    was closed by ``mille``, ``group`` the current group below one thousand. ``last`` is
    the class of the previous word, which decides what may follow.
    """

    __slots__ = ("group", "last", "last_scale", "min_scale", "thousands", "total")

    def __init__(self) -> None:
        self.total = 0
        self.thousands = 0
        self.group = 0
        self.last = "start"
        self.last_scale: str | None = None
        self.min_scale = 99

    def value(self) -> int:
        return self.total + self.thousands + self.group

    def accept(self, word: str, previous_word: str) -> bool:
        """Take ``word`` if it continues the number; return False to end the number here."""
        last = self.last
        if word == "et":
            return False  # handled by the caller
        if word in UNITS:
            value = UNITS[word]
            follows_dix = last == "teen" and previous_word == "dix" and value >= 7
            follows_et = last == "et" and value == 1
            if word.startswith("z") or not (
                last in _OPEN or last == "ten" or follows_dix or follows_et
            ):
                return False
            self.group += value
            self.last = "unit"
            return True
        if word in TEENS:
            value = TEENS[word]
            after_sixty_or_eighty = last == "ten" and self.group % 100 in (60, 80) and (
                previous_word in ("soixante", "vingt", "vingts")
            )  # soixante-dix, quatre-vingt-douze
            soixante_et_onze = last == "et" and value == 11 and self.group % 100 == 60
            if not (last in _OPEN or after_sixty_or_eighty or soixante_et_onze):
                return False
            self.group += value
            self.last = "teen"
            return True
        if word in TENS:
            value = TENS[word]
            if word.startswith("vingt") and last == "unit" and self.group % 100 == 4 and (
                previous_word == "quatre"
            ):
                self.group += 80 - 4  # quatre-vingt(s)
            elif last in _OPEN:
                self.group += value
            else:
                return False
            self.last = "ten"
            return True
        if word in HUNDRED:
            small = self.group % 100 if self.group < 100 else None
            if small is None or last in ("ten",):
                return False
            if last == "start":
                self.group = 100
            elif last in ("unit", "teen") and self.group < 20:
                self.group *= 100  # deux cents, dix-neuf cent
            elif last in ("thousand", "scale"):
                self.group = 100
            else:
                return False
            self.last = "hundred"
            return True
        if word in THOUSAND:
            if self.thousands or last == "thousand" or self.min_scale <= 3:
                return False
            self.thousands = (self.group or 1) * 1000
            self.group = 0
            self.last = "thousand"
            return True
        if word in SCALES:
            exponent = SCALES[word]
            if exponent >= self.min_scale or last == "scale":
                return False
            multiplier = self.thousands + self.group
            if multiplier == 0:
                if last != "start":
                    return False
                multiplier = 1
            self.total += multiplier * 10**exponent
            self.thousands = 0
            self.group = 0
            self.min_scale = exponent
            self.last = "scale"
            self.last_scale = word
            return True
        return False


def _parse_one(
    tokens: list[tuple[str, int, int]], i: int
) -> tuple[WordNumber, int] | None:
    """Parse the longest number starting at token ``i``; return it and the next index."""
    first = tokens[i][0]
    if first == "et" or first not in NUMBER_WORDS:
        return None
    if first in SCALES or first in ("cents",):
        return None
    if first.startswith("z"):  # zéro stands alone
        return WordNumber(0, tokens[i][1], tokens[i][2], None), i + 1
    state = _State()
    start = tokens[i][1]
    end = start
    end_index = i
    last_scale_start = 0
    j = i
    previous = ""
    while j < len(tokens):
        word = tokens[j][0]
        if word == "et":
            # "vingt et un", "soixante et onze": only between a ten and un/une/onze.
            if j + 1 < len(tokens) and state.last == "ten" and tokens[j + 1][0] in (
                "un", "une", "onze"
            ) and state.group % 10 == 0:
                state.last = "et"
                j += 1
                continue
            break
        if not state.accept(word, previous):
            break
        if word in SCALES:
            last_scale_start = tokens[j][1]
        previous = word
        end = tokens[j][2]
        end_index = j
        j += 1
    if end_index < i or state.last == "et":
        return None
    last_scale = state.last_scale if state.last == "scale" else None
    return (
        WordNumber(state.value(), start, end, last_scale, last_scale_start),
        end_index + 1,
    )


def word_value(text: str) -> Decimal | None:
    """The value of ``text`` if it is exactly one spelled-out number, else None."""
    numbers = read_word_numbers(text)
    if len(numbers) != 1 or numbers[0].start != 0 or numbers[0].end != len(text.rstrip()):
        return None
    return Decimal(numbers[0].value)
