"""French number words: ``quatre-vingt-dix-sept``, ``deux cent mille``, ``un milliard vingt-cinq
millions``, and what French builds on them: decimals (``deux virgule cinq``), fractions
(``trois quarts``, ``un cinquième``, ``cent et trois quarts``, ``un million et demi``,
``un demi-million``).

The scanner hands over a run of number words (split on spaces, hyphens, ``et`` and
``virgule``); this module turns it into one or more numbers. A run that is not one number
(``un deux trois``, ``cinquante soixante``) is cut where the grammar breaks, as a reader would.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Context, Decimal

import regex

from . import scales
from .lexicon import FRACTION_NOUNS

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
SCALES: dict[str, int] = scales.number_word_exponents()
NUMBER_WORDS: frozenset[str] = frozenset(
    [*UNITS, *TEENS, *TENS, *HUNDRED, *THOUSAND, *SCALES]
)
"""The cardinal number words."""


def _ordinal_of(cardinal: str) -> str:
    """``cinq`` -> ``cinquième``, ``neuf`` -> ``neuvième``, ``quatre`` -> ``quatrième``."""
    stem = {"cinq": "cinqu", "neuf": "neuv"}.get(cardinal, cardinal)
    if stem.endswith("e"):
        stem = stem[:-1]
    return stem + "ième"


ORDINALS: dict[str, str] = {}
"""An ordinal as written (accented or not, singular or plural) -> its cardinal word.
Only as the denominator of a fraction (``un cinquième``, ``trois centièmes``): a rank
(``le cinquième mandat``) is not an amount and is never read as one."""
for _cardinal in (
    "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", *TEENS,
    "vingt", "trente", "quarante", "cinquante", "soixante", "septante", "huitante",
    "octante", "nonante", "cent", "mille", "million", "milliard", "billion", "trillion",
):
    _ordinal = _ordinal_of(_cardinal)
    for _form in (_ordinal, _ordinal.replace("ième", "ieme")):
        ORDINALS[_form] = _cardinal
        ORDINALS[_form + "s"] = _cardinal
ONLY_IN_COMPOUNDS = frozenset({"un", "deux", "trois"})
"""``unième`` only ends a compound (``vingt et unième``); alone, the half and the third are
``demi`` and ``tiers``, and ``deuxième``, ``troisième`` are ranks."""

_OPEN = ("start", "hundred", "thousand", "scale")
"""After these, any unit, teen or ten may come (``cent deux``, ``mille onze``)."""

_TOKEN = regex.compile(r"[^\s\-‑]+")
_DIVISION = Context(prec=28)
_HALF = Decimal("0.5")


@dataclass(frozen=True, slots=True)
class WordNumber:
    """One number read from words: its value and the slice of the run it covers."""

    value: Decimal
    start: int
    end: int
    last_scale: str | None
    """The scale word that ends the number (``millions`` in ``deux millions``), if any."""
    last_scale_start: int = 0
    last_scale_end: int = 0
    decimals: int = 0
    """Digits after the decimal mark the words stand for (``deux virgule cinq`` -> 1; a
    fraction counts as many as its denominator has digits)."""


def read_word_numbers(run: str) -> list[WordNumber]:
    """Read the numbers spelled out in ``run`` (offsets relative to ``run``)."""
    tokens = [
        (m.group().lower(), m.start(), m.end(), m.start() > 0 and run[m.start() - 1] in "-‑")
        for m in _TOKEN.finditer(run)
    ]
    numbers: list[WordNumber] = []
    i = 0
    while i < len(tokens):
        number, after = _parse_phrase(tokens, i)
        if number is not None:
            numbers.append(number)
        i = max(after, i + 1)
    return numbers


class _State:
    """Accumulates one cardinal left to right.

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
        if word in UNITS:
            return self._unit(word, UNITS[word], previous_word)
        if word in TEENS:
            return self._teen(TEENS[word], previous_word)
        if word in TENS:
            return self._ten(word, TENS[word], previous_word)
        if word in HUNDRED:
            return self._hundred()
        if word in THOUSAND:
            return self._thousand()
        if word in SCALES:
            return self._scale(word, SCALES[word])
        return False

    def _unit(self, word: str, value: int, previous_word: str) -> bool:
        last = self.last
        follows_dix = last == "teen" and previous_word == "dix" and value >= 7
        follows_et = last == "et" and value == 1
        # "vingt-deux", "quatre-vingt-un"; but "vingt un" is two numbers ("vingt et un")
        after_ten = last == "ten" and (value != 1 or self.group % 100 == 80)
        if word.startswith("z") or not (last in _OPEN or after_ten or follows_dix or follows_et):
            return False
        self.group += value
        self.last = "unit"
        return True

    def _teen(self, value: int, previous_word: str) -> bool:
        last = self.last
        after_sixty_or_eighty = last == "ten" and self.group % 100 in (60, 80) and (
            previous_word in ("soixante", "vingt", "vingts")
        )  # soixante-dix, quatre-vingt-douze
        soixante_et_onze = last == "et" and value == 11 and self.group % 100 == 60
        if not (last in _OPEN or after_sixty_or_eighty or soixante_et_onze):
            return False
        self.group += value
        self.last = "teen"
        return True

    def _ten(self, word: str, value: int, previous_word: str) -> bool:
        if word.startswith("vingt") and self.last == "unit" and self.group % 100 == 4 and (
            previous_word == "quatre"
        ):
            self.group += 80 - 4  # quatre-vingt(s)
        elif self.last in _OPEN:
            self.group += value
        else:
            return False
        self.last = "ten"
        return True

    def _hundred(self) -> bool:
        last = self.last
        if self.group >= 100 or last == "ten":
            return False
        if last == "start" or last in ("thousand", "scale"):
            self.group = 100
        elif last in ("unit", "teen") and 2 <= self.group < 20:
            self.group *= 100  # deux cents, dix-neuf cent; "un cent" is not French
        else:
            return False
        self.last = "hundred"
        return True

    def _thousand(self) -> bool:
        if self.thousands or self.last == "thousand" or self.min_scale <= 3:
            return False
        self.thousands = (self.group or 1) * 1000
        self.group = 0
        self.last = "thousand"
        return True

    def _scale(self, word: str, exponent: int) -> bool:
        if exponent >= self.min_scale or self.last == "scale":
            return False
        multiplier = self.thousands + self.group
        if multiplier == 0:
            if self.last != "start":
                return False
            multiplier = 1
        self.total += multiplier * 10**exponent
        self.thousands = 0
        self.group = 0
        self.min_scale = exponent
        self.last = "scale"
        self.last_scale = word
        return True


@dataclass(frozen=True, slots=True)
class _Cardinal:
    value: int
    next: int
    """Index of the first token after the number."""
    end: int
    last_scale: str | None
    scale_start: int
    scale_end: int


_Tokens = list[tuple[str, int, int, bool]]
"""Each word of the run: lower case, start, end, and whether a hyphen joins it to the
previous one (``vingt-cinquième`` is one rank, ``trois cinquièmes`` a fraction)."""


def _parse_cardinal(tokens: _Tokens, i: int) -> _Cardinal | None:
    """The longest whole number starting at token ``i``."""
    first = tokens[i][0]
    if first not in NUMBER_WORDS or first in SCALES or first == "cents":
        return None
    if first.startswith("z"):  # zéro stands alone
        return _Cardinal(0, i + 1, tokens[i][2], None, 0, 0)
    state = _State()
    end = tokens[i][1]
    end_index = i - 1
    scale_start = scale_end = 0
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
            scale_start, scale_end = tokens[j][1], tokens[j][2]
        previous = word
        end = tokens[j][2]
        end_index = j
        j += 1
    if end_index < i:
        return None
    last_scale = state.last_scale if state.last == "scale" else None
    return _Cardinal(state.value(), end_index + 1, end, last_scale, scale_start, scale_end)


def _whole_value(words: list[str]) -> int | None:
    """The value of ``words`` if they make exactly one cardinal (``million`` alone too, for
    ``millionième``)."""
    if len(words) == 1 and words[0] in SCALES:
        return 10 ** SCALES[words[0]]
    tokens = [(w, 0, 0, False) for w in words]
    cardinal = _parse_cardinal(tokens, 0)
    if cardinal is None or cardinal.next != len(tokens):
        return None
    return cardinal.value


@dataclass(frozen=True, slots=True)
class _Denominator:
    value: int
    next: int
    ordinal: str | None
    """The cardinal word of the ordinal that ends it (None for ``tiers``, ``quarts``)."""
    plural: bool


def _denominator(tokens: _Tokens, j: int) -> _Denominator | None:
    """``quarts``, ``cinquième``, ``vingt-cinquièmes``, ``vingt et unième`` at token ``j``."""
    if j >= len(tokens) or tokens[j][0] == "et":
        return None
    word = tokens[j][0]
    if word in FRACTION_NOUNS:
        return _Denominator(FRACTION_NOUNS[word], j + 1, None, word.endswith("s"))
    for k in range(j, min(len(tokens), j + 8)):
        written = tokens[k][0]
        if written in ORDINALS:
            cardinal = ORDINALS[written]
            if k == j and cardinal in ONLY_IN_COMPOUNDS:
                return None
            value = _whole_value([t[0] for t in tokens[j:k]] + [cardinal])
            if not value:
                return None
            return _Denominator(value, k + 1, cardinal, written.endswith("s"))
        if written not in NUMBER_WORDS and written != "et":
            return None
    return None


def _rank_end(tokens: _Tokens, j: int) -> int | None:
    """If number words from ``j`` end in an ordinal, the index after it: a rank
    (``vingt-cinquième``, ``vingt et unième``, ``mille deux cent trentième``)."""
    if j < len(tokens) and tokens[j][0] == "et":
        following = tokens[j + 1][0] if j + 1 < len(tokens) else ""
        return j + 2 if ORDINALS.get(following) in ("un", "onze") else None
    for k in range(j, min(len(tokens), j + 8)):
        if tokens[k][0] in ORDINALS:
            return k + 1
        if tokens[k][0] not in NUMBER_WORDS and tokens[k][0] != "et":
            return None
    return None


def _is_fraction(tokens: _Tokens, numerator: _Cardinal, denominator: _Denominator) -> bool:
    """``un cinquième``, ``trois cinquièmes``, ``quatre centièmes``, ``deux tiers``; not the
    ranks ``vingt-cinquième``, ``quatre centième``, ``mille deux cent trentième``, nor the
    ambiguous ``vingt cinquièmes`` (twenty fifths, or the twenty-fifth ones)."""
    if denominator.ordinal is None:
        return True
    if tokens[numerator.next][3]:
        return False  # hyphenated: one compound ordinal
    if numerator.value == 1:
        return True
    first = numerator.next - 1
    while first > 0 and tokens[first - 1][0] in NUMBER_WORDS | {"et"}:
        first -= 1
    words = [t[0] for t in tokens[first : numerator.next]]
    words += [t[0] for t in tokens[numerator.next : denominator.next - 1]]
    one_rank = _whole_value([*words, denominator.ordinal]) is not None
    if not denominator.plural:
        return not one_rank
    return not (one_rank and denominator.ordinal in UNITS)


def divide(numerator: int | Decimal, denominator: int) -> Decimal:
    """``numerator / denominator`` to 28 significant digits, whatever the caller's decimal
    context: a fraction's value is the same in every thread."""
    return _DIVISION.divide(Decimal(numerator), Decimal(denominator))


def _decimal_digits(tokens: _Tokens, k: int) -> tuple[str, int] | None:
    """After ``virgule``: ``cinq`` -> "5", ``zéro cinq`` -> "05", ``cent douze`` -> "112"."""
    digits = ""
    while k < len(tokens) and tokens[k][0] in ("zéro", "zero"):
        digits += "0"
        k += 1
    if k < len(tokens):
        cardinal = _parse_cardinal(tokens, k)
        if cardinal is not None and cardinal.last_scale is None and cardinal.value:
            digits += str(cardinal.value)
            k = cardinal.next
    return (digits, k) if digits else None


def _fraction_after_et(tokens: _Tokens, k: int) -> tuple[Decimal, int, int] | None:
    """``demi``, ``trois quarts``, ``un cinquième`` after ``et``: value, next index, places."""
    if k >= len(tokens):
        return None
    if tokens[k][0] in ("demi", "demie"):
        return _HALF, k + 1, 1
    cardinal = _parse_cardinal(tokens, k)
    if cardinal is None or cardinal.last_scale is not None:
        return None
    denominator = _denominator(tokens, cardinal.next)
    if denominator is None or not _is_fraction(tokens, cardinal, denominator):
        return None
    den = denominator.value
    return divide(cardinal.value, den), denominator.next, len(str(den))


def _after_fraction(
    tokens: _Tokens, k: int, value: Decimal, start: int, end: int, places: int
) -> tuple[WordNumber, int]:
    """A fraction, and the scale word it may govern (``un demi-million``)."""
    if k < len(tokens) and tokens[k][0] in SCALES:
        scale_word, scale_start, scale_end, _ = tokens[k]
        scaled = value.scaleb(SCALES[scale_word])
        return WordNumber(scaled, start, scale_end, scale_word, scale_start, scale_end,
                          places), k + 1
    return WordNumber(value, start, end, None, decimals=places), k


def _parse_phrase(tokens: _Tokens, i: int) -> tuple[WordNumber | None, int]:
    """The number phrase starting at token ``i`` (None if there is none, or only a rank)
    and the index after it."""
    word, start = tokens[i][0], tokens[i][1]
    if word in ("demi", "demie"):  # "demi-litre", "demi-million"
        return _after_fraction(tokens, i + 1, _HALF, start, tokens[i][2], 1)
    cardinal = _parse_cardinal(tokens, i)
    if cardinal is None:
        return None, i + 1
    j = cardinal.next
    if cardinal.last_scale is None:
        if j < len(tokens) and tokens[j][0] == "virgule":
            digits = _decimal_digits(tokens, j + 1)
            if digits is not None:
                written, k = digits
                value = Decimal(f"{cardinal.value}.{written}")
                return WordNumber(value, start, tokens[k - 1][2], None,
                                  decimals=len(written)), k
        denominator = _denominator(tokens, j)
        if denominator is not None and cardinal.value and _is_fraction(
            tokens, cardinal, denominator
        ):
            den, k = denominator.value, denominator.next
            return _after_fraction(tokens, k, divide(cardinal.value, den), start,
                                   tokens[k - 1][2], len(str(den)))
    if j + 1 < len(tokens) and tokens[j][0] == "et":
        fraction = _fraction_after_et(tokens, j + 1)
        if fraction is not None:
            part, k, places = fraction
            if cardinal.last_scale is not None:
                part = part.scaleb(SCALES[cardinal.last_scale])
            return WordNumber(
                Decimal(cardinal.value) + part, start, tokens[k - 1][2], cardinal.last_scale,
                cardinal.scale_start, cardinal.scale_end, places,
            ), k
    if cardinal.last_scale is None:
        rank_end = _rank_end(tokens, j)
        if rank_end is not None:
            return None, rank_end  # "vingt-cinquième", "mille deux cent trentième": a rank
    return WordNumber(
        Decimal(cardinal.value), start, cardinal.end, cardinal.last_scale,
        cardinal.scale_start, cardinal.scale_end,
    ), j
