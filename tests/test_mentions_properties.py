"""Properties of numlint.mentions() over generated input.

- Whatever Babel (CLDR) formats for fr_FR, fr_BE, fr_CH and fr_CA — decimals, currencies,
  percentages, compact short and long forms — put in a French sentence, is found as exactly
  one mention covering exactly the formatted string, with the same Decimal value and
  currency. fr_CA rows use ``currency_defaults={"$": "CAD"}`` (``$`` is the Canadian dollar
  there), as a Quebec newsroom configures.
- Whatever the text, ``mentions()`` does not raise and its spans are valid, sorted and
  disjoint.

The default Hypothesis profile runs 100 examples per property; ``--hypothesis-profile
thorough`` (tests/conftest.py) runs thousands.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from decimal import Decimal

from babel import numbers as babel_numbers
from hypothesis import assume, given
from hypothesis import strategies as st

import numlint

LOCALES = ("fr_FR", "fr_BE", "fr_CH", "fr_CA")
CURRENCIES = ("EUR", "USD", "GBP", "CHF", "JPY", "CAD")
CANADIAN = {"$": "CAD"}
SENTENCES = (
    "Le budget atteint {} cette année.",
    "Selon le rapport, {} ont été versés.",
    "« Nous avons reçu {} », a-t-il dit.",
    "Il évoque environ {}, sans plus de détail.",
    "{} : c’est le chiffre retenu.",
    "Le montant ({}) a été confirmé.",
)
KINDS = {"number": "number", "currency": "money", "percent": "percent"}

numlint.mentions("3,5 Md€")  # build the scanner before Hypothesis times the examples
numlint.mentions("3,5 Md€", currency_defaults=CANADIAN)  # and the fr_CA one


@dataclass(frozen=True)
class Formatted:
    text: str
    value: Decimal
    kind: str
    currency: str | None
    locale: str


def _plain_decimal(draw, max_digits: int = 12) -> Decimal:
    whole = draw(st.integers(min_value=0, max_value=10**max_digits - 1))
    cents = draw(st.integers(min_value=0, max_value=99))
    negative = draw(st.booleans())
    value = Decimal(whole) + Decimal(cents).scaleb(-2)
    return -value if negative and value else value


@st.composite
def decimals(draw) -> Formatted:
    locale = draw(st.sampled_from(LOCALES))
    value = _plain_decimal(draw)
    text = babel_numbers.format_decimal(value, locale=locale, decimal_quantization=False)
    return Formatted(text, value, "number", None, locale)


@st.composite
def currencies(draw) -> Formatted:
    locale = draw(st.sampled_from(LOCALES))
    currency = draw(st.sampled_from(CURRENCIES))
    value = _plain_decimal(draw)
    if currency == "JPY":
        value = value.to_integral_value()
    text = babel_numbers.format_currency(value, currency, locale=locale)
    return Formatted(text, value, "currency", currency, locale)


@st.composite
def percents(draw) -> Formatted:
    locale = draw(st.sampled_from(LOCALES))
    percent = draw(st.integers(min_value=-10**6, max_value=10**6))
    text = babel_numbers.format_percent(Decimal(percent).scaleb(-2), locale=locale)
    return Formatted(text, Decimal(percent), "percent", None, locale)


@st.composite
def compacts(draw) -> Formatted:
    """``3,5 Md``, ``1,2 million``, ``12,5 k€``: exact by construction (a mantissa below
    1000 with at most two decimals, times a power of a thousand)."""
    locale = draw(st.sampled_from(LOCALES))
    width = draw(st.sampled_from(("short", "long")))
    mantissa = Decimal(draw(st.integers(min_value=1, max_value=99_999))).scaleb(-2)
    value = mantissa.scaleb(draw(st.sampled_from((3, 6, 9, 12))))
    currency = draw(st.sampled_from((None, *CURRENCIES)))
    if currency is None:
        text = babel_numbers.format_compact_decimal(
            value, format_type=width, locale=locale, fraction_digits=2
        )
    else:  # CLDR has no long compact currency format for French
        text = babel_numbers.format_compact_currency(
            value, currency, format_type="short", locale=locale, fraction_digits=2
        )
    assume(any(ch.isdigit() for ch in text))
    # fr_CA writes 10^9 and 10^12 as G and T: numlint reads "3,5 G" after a decimal and
    # "3 G$" glued to a currency, but not "3 G" (a network, "la 5G") nor "1,5 T" (tonnes).
    if locale == "fr_CA" and currency is None and width == "short":
        assume("T" not in text and not ("G" in text and "," not in text))
    return Formatted(text, value, "currency" if currency else "number", currency, locale)


_UNDER_GROUPED = re.compile(r"(\d{4,})(?=(['’\u202f\u00a0 ])\d{3}(?!\d))")


def grouped_as_copy_writes(formatted: str) -> str:
    """Babel 2.19 writes fr_CH 812738044268.5 as ``812738044'268,5`` (only the last group
    cut off) where earlier releases, and Swiss copy, write ``812'738'044'268,5``: the rest
    of the integer part is grouped the same way, so the property holds whatever grouping
    the installed Babel chooses (numlint reads the copy, not a formatter's quirk)."""

    def regroup(match: re.Match[str]) -> str:
        digits, separator = match.group(1), match.group(2)
        head = len(digits) % 3 or 3
        groups = [digits[:head], *(digits[i : i + 3] for i in range(head, len(digits), 3))]
        return separator.join(groups)

    return _UNDER_GROUPED.sub(regroup, formatted)


def test_babel_grouping_is_completed_as_copy_writes() -> None:
    assert grouped_as_copy_writes("812738044'268,5") == "812'738'044'268,5"
    assert grouped_as_copy_writes("1234'567,50\u00a0CHF") == "1'234'567,50\u00a0CHF"
    assert grouped_as_copy_writes("812\u202f738\u202f044") == "812\u202f738\u202f044"
    assert grouped_as_copy_writes("1234500%") == "1234500%"


@given(
    st.one_of(decimals(), currencies(), percents(), compacts()),
    st.sampled_from(SENTENCES),
)
def test_what_babel_formats_is_found_whole_with_its_value(
    formatted: Formatted, sentence: str
) -> None:
    written = grouped_as_copy_writes(formatted.text)
    text = sentence.format(written)
    defaults = CANADIAN if formatted.locale == "fr_CA" else None
    found = numlint.mentions(text, currency_defaults=defaults)
    start = sentence.index("{}")
    assert [(m.start, m.end) for m in found] == [(start, start + len(written))], (
        [m.text for m in found]
    )
    [mention] = found
    assert mention.value == formatted.value
    assert mention.kind == KINDS[formatted.kind]
    assert mention.currency == formatted.currency


FIGURE_ALPHABET = st.sampled_from([
    *"0123456789 ,.%€$£-+−’'()/:\n\u00a0\u202f\u2009½",
    "millions", "milliards", "Md€", "M$", "k€", " de dollars", " d’euros", "un ", "une ",
    "deux", "vingt", "-et-un", " et demi", "quatre-vingt", "cent", "mille", " km", "°C",
    "degrés", "moins ", "près de ", "entre ", " à ", " et ", "cinquième", "tiers", "quarts",
    "virgule", "par an", "l’an dernier", "COP", "USD", "$ US", "livres", "sous zéro",
    "cents", "douzaine", "https://x.fr/", "2020", "h", "er",
])
texts = st.one_of(st.text(max_size=200), st.lists(FIGURE_ALPHABET, max_size=40).map("".join))


@given(texts)
def test_any_text_gives_valid_sorted_disjoint_mentions(text: str) -> None:
    found = numlint.mentions(text)
    for mention in found:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
        assert isinstance(mention.value, Decimal)
        assert mention.kind in ("money", "percent", "quantity", "number")
        low, high = mention.number.span
        assert mention.start <= low <= high <= mention.end
        if mention.written_hedge is not None:
            assert mention.written_hedge.end <= mention.start
        for part in (mention.number, mention.scale, mention.written_unit, mention.written_hedge,
                     mention.written_per, mention.shared_scale, mention.shared_unit):
            # a part is the text written at its span, never empty: "if mention.scale" is
            # the same test as "is not None"
            assert part is None or (part.text and text[part.start : part.end] == part.text)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
    assert numlint.mentions(text) == found
