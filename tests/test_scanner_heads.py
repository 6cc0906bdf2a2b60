"""The small head patterns match what the whole head matches, where the scanner runs them.

The scanner runs, at each anchor, the smallest head that can match there
(:meth:`.scanner.Scanner._head_at`): without the currency in front where none may start
(:mod:`.currency_starts`), without the words where no letter starts. At every position of
these texts the head it picks must give the whole head's match, groups and all.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from numlint.mentions.currency_starts import CurrencyStarts
from numlint.mentions.standard import default_scanner

PIECES = st.sampled_from([
    "un", "une", "Un", "UNE", "demi", "-", "−", "+", " ", "\u00a0", "\u202f", "3", "12,5",
    "1 234", "0,5", "½", "million", "Milliards", "de", "d’", "dollars", "$", "€", "£", "¥",
    "US", "us", "USD", "EUR", "eur", "A", "a", "C", "ca", "CA", "Fr.", "fr", "F\u202fCFA",
    "f", "cfa", "DH", "dhs", "HK", "nzd", "NZ", "$US", "$ us", "US$", "CN¥", "R$", "S$", "£GB",
    "₤IT", "K", "ſ", "moins", "Moins", "deux", "trois", "quarts", "%", "km", "heure", "litre",
    "2020-2021", "18 septembre", "21 h", "http://a.fr/3", "www.b.fr", "le", "(", ",", ".",
    "\n", "x", "É", "İ", "Ⅰ", "MOINS", "moinſ", "dix", "Deux", "mille", "cinquième",
    "vingt-deux", "$15", "€ 2,5", "€ moins 5", "$ deux millions", "+33 1 23 45 67 89",
])


@pytest.fixture(scope="module")
def scanner():  # type: ignore[no-untyped-def]
    return default_scanner()


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=25).map("".join), st.booleans())
def test_the_head_picked_matches_as_the_whole_head(scanner, text: str, demi: bool) -> None:
    whole = scanner._demi_pattern if demi else scanner.pattern
    for position in range(len(text)):
        expected = whole.match(text, position)
        found = scanner._head_at(text, position, demi).match(text, position)
        assert (found is None) == (expected is None), (text, position)
        if found is not None and expected is not None:
            assert (found.span(), found.groups()) == (expected.span(), expected.groups()), (
                text, position)


def test_every_head_has_the_same_groups(scanner) -> None:
    heads = [scanner.pattern, scanner._demi_pattern, scanner._digit_pattern,
             scanner._word_pattern, scanner._demi_word_pattern, scanner._letter_pattern,
             scanner._sign_pattern]
    assert {tuple(sorted(head.groupindex.items())) for head in heads} == {
        tuple(sorted(scanner.pattern.groupindex.items()))}


@pytest.mark.parametrize("text", [
    "$", "US$ 5", "us$5", "€", "USD 5", "F CFA", "f\u202fcfa", "FCFA", "fr. 5", "CN¥", "£GB",
    "Kč", "DH 5", "dhs",
])
def test_a_currency_where_one_is_written_may_start(scanner, text: str) -> None:
    """Where the currency part of the head matches, the test says one may start."""
    starts = CurrencyStarts(scanner.currencies)
    currency = scanner.tail.currency_signs
    for position in range(len(text)):
        if currency.match(text, position) is not None:
            assert starts.may_start(text, position), (text, position)


def test_most_places_hold_no_currency(scanner) -> None:
    starts = CurrencyStarts(scanner.currencies)
    text = "le budget de 97,4 milliards de dollars, soit 12 % de mieux"
    assert not any(starts.may_start(text, position) for position in range(len(text)))
    assert starts.may_start("US$ 5", 0) and starts.may_start("€ 5", 0)


PREFIX_PIECES = st.sampled_from([
    "5", "12", " ", "\u00a0", "\u202f", "  ", "USD", "usd$", "$us", "$", "¥", "£", "-", "−",
    "+", "de", "a", "É", "é", "ſ", "K", "CHF", "x", ",", "(", "nzd$", "US$", "\n",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(PREFIX_PIECES, min_size=1, max_size=12).map("".join), st.integers(0, 6))
def test_the_prefix_test_never_spares_a_prefix(text: str, done: int) -> None:
    """Where the backward search for a currency code or sign before a digit finds one,
    the cheap test that spares it says one may be there."""
    from numlint.mentions.pattern import PREFIX_WINDOW
    from numlint.mentions.scanner import _may_follow_a_prefix, _prefix_before

    for position, ch in enumerate(text):
        if ch.isdigit() and position >= done:
            start = max(done, position - PREFIX_WINDOW)
            if _prefix_before().search(text, start, position) is not None:
                assert _may_follow_a_prefix(text, done, position), (text, position)


TAIL_PIECES = st.sampled_from([
    " ", "  ", "   ", "\u00a0", "/", "par", "Par", "le", "la", "l’", "chaque", "an", "mois",
    "brut", "nets", "HT", "TTC", "annuels", "Mensuel", "de", "euros", "km", "m", "°C", "kWh",
    "h", "μg", "x", "É", ",", "5",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(TAIL_PIECES, min_size=1, max_size=10).map("".join))
def test_the_tail_tests_never_spare_a_match(scanner, text: str) -> None:
    """Where the "per" pattern reads something, or a unit symbol matches, the cheap tests
    that spare those patterns let them run."""
    from numlint.mentions.tail import _may_read_per

    tail = scanner.tail
    for position in range(len(text)):
        per = tail.per.match(text, position)
        if per is not None and per.end() > position:
            assert _may_read_per(text, position), (text, position)
        if tail.unit_symbols.match(text, position) is not None:
            assert text[position] in tail._unit_symbol_starts, (text, position)


REST_PIECES = st.sampled_from([
    " ", "  ", "\u00a0", "et", "ET", "15", "5", "quinze", "Vingt", "cents", "centimes", "sous",
    "Sous", "zéro", "0", "en", "dessous", "-", "de", "au-dessous", "au", "x", "É", ".", "ce",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(REST_PIECES, min_size=1, max_size=10).map("".join))
def test_the_rest_tests_never_spare_a_match(scanner, text: str) -> None:
    """Where cents or ``sous zéro`` are read after a currency or a unit, the cheap test
    lets their pattern run."""
    from numlint.mentions.pattern import BELOW_ZERO_PREFIXES, SUB_UNIT_PREFIXES
    from numlint.mentions.tail import _may_open

    tail = scanner.tail
    for position in range(len(text)):
        cents = tail.sub_unit.match(text, position)
        if cents is not None and cents.end() > position:
            assert _may_open(text, position, SUB_UNIT_PREFIXES, digits=True), (text, position)
        below = tail.below_zero.match(text, position)
        if below is not None and below.end() > position:
            assert _may_open(text, position, BELOW_ZERO_PREFIXES), (text, position)
