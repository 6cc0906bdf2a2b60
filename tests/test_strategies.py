"""The Hypothesis strategies shipped to rule authors, held to what they promise.

Each generated item states its own value, currency and span; numlint's scanner must read
it back exactly, consistent equivalences must pass the conversion rules, and a slip
injected into one must be caught by NL101, whose fix gives the consistent text back.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import numlint
from numlint.testing.strategies import (
    GROUP_SEPARATORS,
    amounts,
    currencies,
    equivalences,
    in_sentences,
    numbers,
    write_number,
)

quick = settings(max_examples=60, deadline=None)


@pytest.mark.parametrize(
    ("value", "places", "written"),
    [
        (Decimal("1234.5"), 1, "1\u202f234,5"),
        (Decimal("1234567.891"), 2, "1\u202f234\u202f567,89"),
        (Decimal("999"), 0, "999"),
        (Decimal("0.5"), 1, "0,5"),
        (Decimal("160000"), 0, "160\u202f000"),
        (Decimal("12"), 2, "12,00"),
    ],
)
def test_write_number(value: Decimal, places: int, written: str) -> None:
    assert write_number(value, places) == written


@quick
@given(numbers())
def test_numbers_are_read_back_exactly(number) -> None:
    assert [(m.span, m.value) for m in numlint.mentions(number.text)] == [
        (number.span, number.value)
    ]
    grouping = {c for c in number.text if not c.isdigit() and c != ","}
    assert grouping <= set(GROUP_SEPARATORS) and len(grouping) <= 1


@quick
@given(in_sentences(amounts(bare=True)))
def test_amounts_in_sentences_are_read_back_exactly(amount) -> None:
    found = [m for m in numlint.mentions(amount.text) if m.span == amount.span]
    assert found, (amount.text, amount.span, numlint.mentions(amount.text))
    [mention] = found
    assert mention.value == amount.value
    assert mention.currency == amount.currency
    assert mention.text == amount.written
    assert mention.number.text == amount.number


@quick
@given(st.data())
def test_amounts_cover_the_real_forms(data) -> None:
    amount = data.draw(amounts(currencies(("EUR",), ("name",))))
    assert amount.currency == "EUR"
    assert amount.currency_text in ("euro", "euros")
    if amount.scale in ("million", "milliard", "millions", "milliards"):
        assert amount.written.endswith(("d'euros", "d’euros"))


def test_amounts_draw_every_form() -> None:
    seen: set[str] = set()

    # derandomized: a random draw of 200 could miss a rare form and fail now and then
    @settings(max_examples=300, deadline=None, database=None, derandomize=True)
    @given(amounts())
    def collect(amount) -> None:
        seen.update(
            form for form, present in {
                "word": amount.scale in ("millions", "milliards", "million", "milliard"),
                "abbreviation": amount.scale in ("k", "M", "Md", "Mds"),
                "nbsp": "\u00a0" in amount.text,
                "narrow": "\u202f" in amount.text,
                "decimal": "," in amount.number,
                "symbol": amount.currency_text in ("€", "$", "£", "¥", "US$", "C$"),
                "code": amount.currency_text in ("EUR", "USD", "GBP", "JPY", "CHF", "CNY"),
            }.items() if present
        )

    collect()
    assert seen == {"word", "abbreviation", "nbsp", "narrow", "decimal", "symbol", "code"}


def test_unknown_currencies_are_refused() -> None:
    with pytest.raises(ValueError, match="no French forms for XYZ"):
        currencies(("XYZ",))
    with pytest.raises(ValueError, match="no French forms for XYZ"):
        equivalences(pairs=(("EUR", "XYZ"),))


@quick
@given(equivalences())
def test_consistent_equivalences_pass_the_conversion_rules(numlint_check, sample) -> None:
    assert sample.slip == 0 and sample.consistent == sample.text
    assert sample.text[sample.first.start : sample.first.end] == sample.first.written
    assert sample.second.value.is_finite()
    found = numlint_check(sample.text, rule=["NL101", "NL102", "NL103", "NL104"],
                          date=sample.date)
    assert found == [], [d.message for d in found]


@quick
@given(equivalences(slip=True))
def test_a_slip_is_caught_by_nl101_and_fixed_back(numlint_check, sample) -> None:
    assert sample.slip in (3, -3)
    found = numlint_check(sample.text, rule="NL101", date=sample.date)
    assert [(d.start, d.end) for d in found] == [sample.span]
    assert found[0].fix is not None
    assert found[0].fix.apply(sample.text) == sample.consistent


@quick
@given(equivalences(on=st.dates(date(2005, 1, 3), date(2024, 12, 31)),
                    pairs=(("EUR", "GBP"), ("CHF", "EUR")), markers=("soit",), hedges=("",)))
def test_equivalences_follow_the_rate_of_their_date(numlint_check, sample) -> None:
    assert ", soit " in sample.text and "(" not in sample.text
    expected = sample.first.value * sample.rate
    assert abs(sample.second.value - expected) <= expected * Decimal("0.005")
    assert numlint_check(sample.text, rule="NL101", date=sample.date) == []
