"""Tests of EX001 scale-decimals, with numlint's pytest plugin (fixture and strategies).

The same rule is also checked by the case file next to this module,
``scale_decimals.numlint.toml``, which pytest collects by itself.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from numlint.testing.strategies import amounts, in_sentences

from numlint_house import ScaleDecimals


@pytest.mark.parametrize("example", ScaleDecimals.examples, ids=lambda e: e.text[:30])
def test_documented_examples(numlint_check, example):
    numlint_check.expect(example.text, rule="EX001", fixed=example.fixed,
                         format=example.format, date=example.date)


def test_the_message_says_what_the_house_allows(numlint_check):
    [finding] = numlint_check("Il a coûté 3,456 milliards de dollars.", rule="EX001")
    assert finding.message == "« 3,456 milliards de dollars » : la maison garde 1 décimale " \
        "au plus avant « milliards »."


def test_a_house_may_allow_two_decimals(numlint_check):
    config = {"rules": {"EX001": {"max_decimals": 2}}}
    assert numlint_check("Le club a été vendu 12,75 M€.", rule="EX001", config=config) == []
    assert numlint_check("Le club a été vendu 12,755 M€.", rule="EX001", config=config)


@given(in_sentences(amounts()))
def test_amounts_with_one_decimal_at_most_pass(numlint_check, amount):
    assert numlint_check(amount.text, rule="EX001") == []


@given(in_sentences(amounts()).filter(lambda a: a.scale not in (None, "k")))
def test_three_decimals_before_a_scale_are_flagged(numlint_check, amount):
    extra = "37" if "," in amount.number else ",237"
    at = amount.start + len(amount.number)
    text = amount.text[:at] + extra + amount.text[at:]
    found = numlint_check(text, rule="EX001")
    assert [(d.start, d.end) for d in found] == [(amount.start, amount.end + len(extra))]
