"""Hypothesis strategies for French-formatted figures, to property-test a rule.

Every generated item knows what it is: its text, its value, its currency and where it
sits in the text, so a test can state what the rule must find::

    from hypothesis import given
    from numlint.testing.strategies import equivalences

    @given(equivalences(slip=True))
    def test_a_scale_slip_is_caught(numlint_check, sample):
        found = numlint_check(sample.text, rule="NL101", date=sample.date)
        assert [(d.start, d.end) for d in found] == [sample.span]

- :func:`numbers`: ``1 234,56`` with a real group separator (space, U+00A0, U+202F) and
  a decimal comma;
- :func:`currencies`: a currency written as a symbol (``€``), a code (``USD``) or a
  French name (``livres sterling``);
- :func:`amounts`: a number with an optional scale word or abbreviation (``millions``,
  ``Md``, ``M€``) and a currency;
- :func:`in_sentences`: the same items inside a French sentence, spans shifted;
- :func:`equivalences`: a figure and its conversion, in parentheses or after *soit*,
  consistent at the ECB rate of a date, or with a scale slip injected
  (*millions* ↔ *milliards*, ``M`` ↔ ``Md``).

This is the only numlint module that imports Hypothesis.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from functools import lru_cache
from typing import Literal

from hypothesis import strategies as st

GROUP_SEPARATORS = (" ", "\u00a0", "\u202f")
"""What French copy puts between groups of three digits (and before a symbol)."""

CurrencyForm = Literal["symbol", "code", "name"]
FORMS: tuple[CurrencyForm, ...] = ("symbol", "code", "name")

CURRENCY_NAMES: dict[str, tuple[tuple[str, str], ...]] = {
    "EUR": (("euro", "euros"),),
    "USD": (("dollar", "dollars"), ("dollar américain", "dollars américains")),
    "GBP": (("livre sterling", "livres sterling"),),
    "JPY": (("yen", "yens"),),
    "CHF": (("franc suisse", "francs suisses"),),
    "CNY": (("yuan", "yuans"),),
    "CAD": (("dollar canadien", "dollars canadiens"),),
}
"""French names (singular, plural) that name one currency without a house default."""

CURRENCY_SYMBOLS: dict[str, tuple[str, ...]] = {
    "EUR": ("€",),
    "USD": ("$", "US$"),
    "GBP": ("£",),
    "JPY": ("¥",),
    "CAD": ("C$",),
}
"""Symbols numlint reads without configuration (``$`` is USD unless a house says not)."""

CURRENCY_CODES = tuple(CURRENCY_NAMES)

SCALE_WORDS: dict[int, tuple[str, str]] = {6: ("million", "millions"), 9: ("milliard", "milliards")}
SCALE_ABBREVIATIONS: dict[int, tuple[str, ...]] = {3: ("k",), 6: ("M",), 9: ("Md", "Mds")}
SLIPS = {"million": "milliard", "millions": "milliards", "milliard": "million",
         "milliards": "millions", "M": "Md", "Md": "M"}
"""A wrong scale word or abbreviation for another, a thousandfold apart."""

DEFAULT_DATE = date(2025, 2, 11)
DEFAULT_PAIRS: tuple[tuple[str, str], ...] = (
    ("USD", "EUR"),
    ("EUR", "USD"),
    ("GBP", "EUR"),
    ("EUR", "GBP"),
    ("JPY", "EUR"),
    ("CHF", "EUR"),
    ("USD", "GBP"),
)

PREFIXES = (
    "Le budget atteint ",
    "L'entreprise a levé ",
    "La facture s'élève à ",
    "Ils ont investi ",
    "Le rachat, conclu pour ",
)
SUFFIXES = (".", " en tout.", ", selon le rapport.", " sur la table.")


@dataclass(frozen=True, slots=True)
class Currency:
    """A currency as written: ``code`` is its ISO 4217 code."""

    code: str
    written: str
    form: CurrencyForm
    plural: str = ""
    """For a name, its plural (``written`` is then the singular)."""


@dataclass(frozen=True, slots=True)
class Amount:
    """A figure written the French way, and what it means.

    ``text`` is the text the figure is in (the figure alone, or a sentence);
    ``text[span[0]:span[1]]`` is the figure, which is what numlint's mention covers.
    """

    text: str
    value: Decimal
    """The value with its scale applied (``97,4 milliards`` -> 97400000000)."""
    currency: str | None
    """ISO 4217 code, None for a bare number."""
    span: tuple[int, int]
    number: str
    """The number as written (``97,4``, ``1 234``)."""
    scale: str | None = None
    """The scale word or abbreviation as written (``milliards``, ``Md``)."""
    currency_text: str | None = None

    @property
    def start(self) -> int:
        return self.span[0]

    @property
    def end(self) -> int:
        return self.span[1]

    @property
    def written(self) -> str:
        return self.text[self.span[0] : self.span[1]]

    def within(self, before: str, after: str) -> Amount:
        """The same figure with ``before`` and ``after`` around its text."""
        shift = len(before)
        return replace(self, text=before + self.text + after,
                       span=(self.span[0] + shift, self.span[1] + shift))


@dataclass(frozen=True, slots=True)
class Equivalence:
    """A figure and the figure that claims to be its conversion.

    ``second`` is the conversion, where a rule reports a wrong one. When ``slip`` is not
    0 its scale was replaced by one ``10**slip`` times larger; ``consistent`` is the text
    before the slip, i.e. what a correct fix gives.
    """

    text: str
    first: Amount
    second: Amount
    marker: Literal["parenthesis", "soit"]
    hedge: str
    date: date
    rate: Decimal
    """Units of the second currency for one unit of the first, ECB rate of ``date``."""
    slip: int = 0
    consistent: str = ""

    @property
    def span(self) -> tuple[int, int]:
        """Where the second figure is: the span a rule flags when the claim is false."""
        return self.second.span


# -- numbers ---------------------------------------------------------------------------------


def write_number(value: Decimal, places: int, separator: str = "\u202f") -> str:
    """``value`` with ``places`` decimals, a decimal comma and digits grouped by three
    from 1 000 up (``1234.5`` -> ``1 234,5``)."""
    quantized = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
    sign, digits, _ = quantized.as_tuple()
    text = "".join(map(str, digits)).rjust(places + 1, "0")
    whole, fraction = (text[:-places], text[-places:]) if places else (text, "")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    written = separator.join(groups) + ("," + fraction if fraction else "")
    return ("-" if sign else "") + written


@st.composite
def _number(
    draw: st.DrawFn,
    min_value: int,
    max_value: int,
    places: int,
    separators: Sequence[str],
) -> Amount:
    decimals = draw(st.integers(0, places))
    low, high = min_value * 10**decimals, max_value * 10**decimals
    units = draw(st.integers(low, high))
    value = Decimal(units).scaleb(-decimals)
    text = write_number(value, decimals, draw(st.sampled_from(separators)))
    return Amount(text, value, None, (0, len(text)), text)


def numbers(
    min_value: int = 0,
    max_value: int = 10**9,
    *,
    places: int = 2,
    separators: Sequence[str] = GROUP_SEPARATORS,
) -> st.SearchStrategy[Amount]:
    """Numbers written the French way: ``1 234 567,89``, ``12``, ``0,5``; up to ``places``
    decimals, grouped with one of ``separators``."""
    return _number(min_value, max_value, places, tuple(separators))


# -- currencies ------------------------------------------------------------------------------


def currencies(
    codes: Sequence[str] = CURRENCY_CODES, forms: Sequence[CurrencyForm] = FORMS
) -> st.SearchStrategy[Currency]:
    """Currencies among ``codes``, written in one of ``forms``: a symbol, the ISO code
    or a French name (only where numlint reads it without a house default)."""
    unknown = [code for code in codes if code not in CURRENCY_NAMES]
    if unknown:
        raise ValueError(f"no French forms for {unknown[0]} (known: {', '.join(CURRENCY_CODES)})")
    choices: list[Currency] = []
    for code in codes:
        if "symbol" in forms:
            symbols = CURRENCY_SYMBOLS.get(code, ())
            choices += [Currency(code, symbol, "symbol") for symbol in symbols]
        if "code" in forms:
            choices.append(Currency(code, code, "code"))
        if "name" in forms:
            choices += [Currency(code, one, "name", many) for one, many in CURRENCY_NAMES[code]]
    if not choices:
        raise ValueError(f"no currency among {list(codes)} is written as {list(forms)}")
    return st.sampled_from(choices)


# -- amounts ---------------------------------------------------------------------------------


def _with_currency(
    number: str,
    value: Decimal,
    scale: str | None,
    abbreviated: bool,
    currency: Currency | None,
    space: str,
    apostrophe: str,
) -> tuple[str, str | None]:
    """The figure's text and the currency as written in it."""
    head = number if scale is None else f"{number}{space}{scale}"
    if currency is None:
        return head, None
    if currency.form == "name":
        if scale is not None and not abbreviated:
            name = currency.plural
            glue = f"d{apostrophe}" if name[0] in "aeiou" else "de "
            return f"{head} {glue}{name}", name
        name = currency.written if abs(value) < 2 else currency.plural
        return f"{head} {name}", name
    if currency.form == "symbol" and abbreviated and len(currency.written) == 1:
        return f"{head}{currency.written}", currency.written  # 3,5 Md€, 12 M$
    return f"{head}{space}{currency.written}", currency.written


@st.composite
def _amount(
    draw: st.DrawFn,
    currency_strategy: st.SearchStrategy[Currency | None],
    scales: bool,
    separators: Sequence[str],
    max_plain: int,
) -> Amount:
    currency = draw(currency_strategy)
    separator = draw(st.sampled_from(separators))
    space = draw(st.sampled_from((" ", "\u00a0")))
    apostrophe = draw(st.sampled_from(("'", "’")))
    kind = draw(st.sampled_from(("plain", "word", "abbreviation"))) if scales else "plain"
    if kind == "abbreviation" and (currency is None or currency.form == "name"):
        kind = "word"
    if kind == "plain":
        places = 0 if currency is not None and currency.code == "JPY" else 2
        number = draw(_number(0, max_plain, places, (separator,)))
        text, written = _with_currency(number.text, number.value, None, False, currency,
                                       space, apostrophe)
        return Amount(text, number.value, currency.code if currency else None, (0, len(text)),
                      number.text, None, written)
    if kind == "word":
        exponent = draw(st.sampled_from(sorted(SCALE_WORDS)))
    else:
        exponent = draw(st.sampled_from(sorted(SCALE_ABBREVIATIONS)))
    number = draw(_number(1, 999, 1, (separator,)))
    if kind == "word":
        singular, plural = SCALE_WORDS[exponent]
        scale = singular if number.value < 2 else plural
    else:
        scale = draw(st.sampled_from(SCALE_ABBREVIATIONS[exponent]))
    value = number.value.scaleb(exponent)
    text, written = _with_currency(number.text, value, scale, kind == "abbreviation", currency,
                                   space, apostrophe)
    return Amount(text, value, currency.code if currency else None, (0, len(text)),
                  number.text, scale, written)


def amounts(
    currency: st.SearchStrategy[Currency] | None = None,
    *,
    scales: bool = True,
    bare: bool = False,
    separators: Sequence[str] = GROUP_SEPARATORS,
    max_plain: int = 10**7,
) -> st.SearchStrategy[Amount]:
    """Amounts of money as French copy writes them: ``1 234,56 €``, ``12 M$``,
    ``97,4 milliards de dollars``, ``1,5 million d’euros``, ``450 USD``.

    ``currency`` draws the currency (default: :func:`currencies`); ``scales`` allows
    scale words and abbreviations; ``bare`` yields numbers with no currency at all
    (``3 millions``) among them; amounts without scale go up to ``max_plain``.
    """
    drawn: st.SearchStrategy[Currency | None] = currency if currency is not None else currencies()
    if bare:
        drawn = st.one_of(st.none(), drawn)
    return _amount(drawn, scales, tuple(separators), max_plain)


def in_sentences(items: st.SearchStrategy[Amount]) -> st.SearchStrategy[Amount]:
    """Each amount inside a short French sentence (``Le budget atteint … au total.``),
    with its span moved accordingly."""
    return st.builds(
        lambda amount, before, after: amount.within(before, after),
        items,
        st.sampled_from(PREFIXES),
        st.sampled_from(SUFFIXES),
    )


# -- equivalences ----------------------------------------------------------------------------


@lru_cache(maxsize=64)
def _convert(value: Decimal, source: str, target: str, on: date) -> tuple[Decimal, Decimal]:
    from ..rates import embedded_table

    conversion = embedded_table().convert(value, source, target, on)
    return conversion.value, conversion.rate


def _round_significant(value: Decimal, digits: int) -> tuple[Decimal, int]:
    """``value`` rounded to ``digits`` significant digits and how many decimals it has."""
    exponent = value.adjusted() - digits + 1
    rounded = value.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_EVEN)
    return rounded, max(0, -exponent)


@st.composite
def _second(
    draw: st.DrawFn, value: Decimal, currency: Currency, with_scale: bool, separator: str,
    space: str, apostrophe: str,
) -> Amount:
    """The conversion as a writer prints it: three significant digits, a scale word or
    abbreviation once it reaches a million."""
    exponent = 9 if value >= Decimal("1e9") else 6 if value >= Decimal("1e6") else 0
    if with_scale and exponent == 0:
        raise ValueError("a scaled conversion needs a value of a million or more")
    shown, places = _round_significant(value.scaleb(-exponent), 3)
    if exponent == 0 and currency.code == "JPY":
        shown, places = shown.quantize(Decimal(1)), 0
    places = min(places, 2)
    number = write_number(shown, places, separator)
    abbreviated = bool(exponent) and currency.form != "name" and draw(st.booleans())
    scale = _scale_for(exponent, shown, abbreviated, draw, variants=False) if exponent else None
    stated = shown.scaleb(exponent)
    text, written = _with_currency(number, stated, scale, abbreviated, currency, space,
                                   apostrophe)
    return Amount(text, stated, currency.code, (0, len(text)), number, scale, written)


def _scale_for(
    exponent: int, number: Decimal, abbreviated: bool, draw: st.DrawFn, variants: bool = True
) -> str:
    if abbreviated:
        if exponent == 6:
            return "M"
        return draw(st.sampled_from(("Md", "Mds"))) if variants else "Md"
    singular, plural = SCALE_WORDS[exponent]
    return singular if number < 2 else plural


@st.composite
def _equivalence(
    draw: st.DrawFn,
    dates: st.SearchStrategy[date],
    pairs: Sequence[tuple[str, str]],
    slip: bool,
    markers: Sequence[str],
    hedges: Sequence[str],
    forms: Sequence[CurrencyForm],
) -> Equivalence:
    on = draw(dates)
    source, target = draw(st.sampled_from(pairs))
    source_currency = draw(currencies((source,), forms))
    target_currency = draw(currencies((target,), forms))
    separator = draw(st.sampled_from(GROUP_SEPARATORS))
    space = draw(st.sampled_from((" ", "\u00a0")))
    apostrophe = draw(st.sampled_from(("'", "’")))
    _, unit_rate = _convert(Decimal(1), source, target, on)
    # A first figure whose conversion reaches the millions, where scale words live.
    exponent = 9 if unit_rate < Decimal("0.5") else draw(st.sampled_from((6, 9)))
    number = draw(_number(2 if exponent == 6 else 1, 999, 1, (separator,)))
    abbreviated = source_currency.form != "name" and draw(st.booleans())
    scale = _scale_for(exponent, number.value, abbreviated, draw)
    value = number.value.scaleb(exponent)
    first_text, first_written = _with_currency(number.text, value, scale, abbreviated,
                                               source_currency, space, apostrophe)
    expected, rate = _convert(value, source, target, on)
    second = draw(_second(expected, target_currency, slip, separator, space, apostrophe))
    marker = draw(st.sampled_from(markers))
    hedge = draw(st.sampled_from(hedges))
    before = draw(st.sampled_from(PREFIXES))
    after = draw(st.sampled_from(SUFFIXES))
    between = f" ({hedge}" if marker == "parenthesis" else f", soit {hedge}"
    closing = ")" if marker == "parenthesis" else ""
    consistent = f"{before}{first_text}{between}{second.text}{closing}{after}"
    shift = 0
    if slip:
        assert second.scale is not None
        wrong = SLIPS[second.scale]
        shift = 3 if wrong in ("milliard", "milliards", "Md") else -3
        at = second.text.index(second.scale, len(second.number))
        slipped = second.text[:at] + wrong + second.text[at + len(second.scale) :]
        second = replace(second, text=slipped, value=second.value.scaleb(shift), scale=wrong,
                         span=(0, len(slipped)))
    head = f"{before}{first_text}{between}"
    text = f"{head}{second.text}{closing}{after}"
    first = Amount(text, value, source, (len(before), len(before) + len(first_text)),
                   number.text, scale, first_written)
    second = replace(second, text=text,
                     span=(len(head), len(head) + len(second.text)))
    return Equivalence(text, first, second, marker, hedge.strip(), on, rate,  # type: ignore[arg-type]
                       shift, consistent)


def equivalences(
    *,
    on: date | st.SearchStrategy[date] = DEFAULT_DATE,
    pairs: Sequence[tuple[str, str]] = DEFAULT_PAIRS,
    slip: bool = False,
    markers: Sequence[Literal["parenthesis", "soit"]] = ("parenthesis", "soit"),
    hedges: Sequence[str] = ("", "près de ", "environ "),
    forms: Sequence[CurrencyForm] = FORMS,
) -> st.SearchStrategy[Equivalence]:
    """A sentence with an amount and its conversion (``97,4 milliards de dollars (près de
    94,3 milliards d'euros)``, ``12 M£, soit 14,2 M€``).

    The conversion is the first figure at the ECB reference rate of ``on`` (a date or a
    strategy of dates), rounded to three significant digits: consistent for NL101 and
    NL102. With ``slip=True`` the conversion's scale is swapped for one a thousand times
    off (*millions* ↔ *milliards*, ``M`` ↔ ``Md``), the classic slip; ``consistent``
    keeps the text before the slip.
    """
    for pair in pairs:
        for code in pair:
            if code not in CURRENCY_NAMES:
                raise ValueError(f"no French forms for {code}")
    dates = on if isinstance(on, st.SearchStrategy) else st.just(on)
    return _equivalence(dates, tuple(pairs), slip, tuple(markers), tuple(hedges), tuple(forms))
