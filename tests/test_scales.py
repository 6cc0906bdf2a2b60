"""The scale records are the one place a scale is defined: every table derived from them
agrees with them, and what the scanner reads, a fix can write back."""

from __future__ import annotations

from decimal import Decimal

import pytest

import numlint
from numlint import assessment, rewrite
from numlint.mentions import lexicon, words
from numlint.mentions.scales import SCALES


def test_one_record_per_power_of_ten_in_increasing_order() -> None:
    exponents = [scale.exponent for scale in SCALES]
    assert exponents == sorted(set(exponents))
    assert all(exponent % 3 == 0 for exponent in exponents)


def test_no_word_or_abbreviation_names_two_scales() -> None:
    words_seen = [word for scale in SCALES for word in scale.words]
    abbreviations_seen = [a for scale in SCALES for a in scale.abbreviations]
    assert len(words_seen) == len(set(words_seen))
    assert len(abbreviations_seen) == len(set(abbreviations_seen))


def test_the_plural_takes_an_s_except_mille() -> None:
    for scale in SCALES:
        expected = scale.singular if scale.singular == "mille" else scale.singular + "s"
        assert scale.plural == expected


def test_an_english_reading_is_the_short_scale() -> None:
    """French counts in millions (10^6n), English in thousands (10^(3n+3))."""
    english = [scale for scale in SCALES if scale.english_exponent is not None]
    assert {scale.singular for scale in english} == {"billion", "trillion"}
    for scale in english:
        assert scale.english_exponent == scale.exponent // 2 + 3


def test_derived_tables_hold_exactly_the_records() -> None:
    by_word = {word: scale.exponent for scale in SCALES for word in scale.words}
    by_abbreviation = {a: scale.exponent for scale in SCALES for a in scale.abbreviations}
    scanned_words, scanned_abbreviations = lexicon.SCALE_WORDS, lexicon.SCALE_ABBREVIATIONS
    assert scanned_words == by_word
    assert scanned_abbreviations == by_abbreviation
    glued_only = lexicon.ABBREVIATIONS_NEEDING_CURRENCY
    assert glued_only <= set(by_abbreviation)
    assert set(words.SCALES) <= set(by_word)
    assert "mille" not in words.SCALES  # a cardinal of the number-word grammar
    assert set(assessment.ENGLISH_SCALES) == {"billion", "billions", "trillion", "trillions"}
    assert {exponent for exponent, _ in rewrite.LONG_SCALES.items()} == {
        scale.exponent for scale in SCALES if scale.rewritable}


def test_every_abbreviation_style_writes_abbreviations_of_its_power() -> None:
    for family in rewrite.ABBREVIATION_FAMILIES:
        for exponent, abbreviation in family.items():
            assert lexicon.SCALE_ABBREVIATIONS[abbreviation] == exponent, (family, abbreviation)


@pytest.mark.parametrize("scale", [s for s in SCALES if s.rewritable], ids=lambda s: s.singular)
def test_what_a_fix_writes_the_scanner_reads_at_that_power(scale) -> None:
    for number, word in (("2", scale.plural), ("1", scale.singular)):
        figures = numlint.mentions(f"Le budget atteint {number} {word} de dollars.")
        assert len(figures) == 1
        assert figures[0].value == Decimal(number).scaleb(scale.exponent)
