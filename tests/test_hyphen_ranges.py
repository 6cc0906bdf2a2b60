"""Ranges written with a hyphen (``370-390 millions d'euros``, ``10-15 %``): two figures,
the low bound taking the scale and currency of the high one, while references, scores
and years joined by a hyphen stay no figure at all. Also the nautical mile written out
(« 2860 milles nautiques »), which sailing copy converts."""

from __future__ import annotations

import datetime

import pytest

import numlint

SPACES = (" ", "\u00a0", "\u202f")


def bounds(text: str) -> list[tuple[str, str, str | None]]:
    return [(m.text, str(m.value), m.range_role) for m in numlint.mentions(text)]


@pytest.mark.parametrize("space", SPACES)
@pytest.mark.parametrize("hyphen", ["-", "\u2011"])
def test_a_hyphen_range_before_a_scale_word_is_two_bounds(space, hyphen):
    text = f"un budget de 370{hyphen}390{space}millions d’euros"
    (low, high) = numlint.mentions(text)
    assert (low.text, low.value, low.currency, low.range_role) == (
        "370", 370_000_000, "EUR", "low")
    assert (high.value, high.currency, high.range_role) == (390_000_000, "EUR", "high")


@pytest.mark.parametrize(("text", "expected"), [
    ("entre 10-15 % des ventes", [("10", "10", "low"), ("15 %", "15", "high")]),
    ("de 2,5-3 Md€", [("2,5", "2500000000", "low"), ("3 Md€", "3000000000", "high")]),
    ("pour 2-3 milliards de dollars", [("2", "2000000000", "low"),
                                       ("3 milliards de dollars", "3000000000", "high")]),
])
def test_percent_currency_sign_and_decimal_bounds(text, expected):
    assert bounds(text) == expected


@pytest.mark.parametrize("text", [
    "l’article 49-3 de la Constitution",
    "un score de 3-1 à la mi-temps",
    "les saisons 2019-2020 et 2020-2021",
    "un Airbus A-320 et un T-34-85",
    "la finale (0-1/1-1) en demi",
    "Matthieu 26:34-75 ; Marc 14:30-14:72",
    "le triplé 200 m-400 m-800 m",
])
def test_references_scores_and_years_stay_no_figure(text):
    assert [m for m in numlint.mentions(text) if m.range_role is not None] == []
    assert numlint.check(text, format="text") == []


def test_a_hyphen_range_converted_a_thousand_times_off_is_an_error_per_bound():
    text = ("Le projet coûtera 370-390 millions de dollars (entre 350 000 et 370 000 "
            "euros).")
    found = [d for d in numlint.check(text, format="text", date=datetime.date(2025, 2, 11))
             if d.code == "NL101"]
    assert found and all(d.severity == "error" for d in found)
    consistent = ("Le projet coûtera 370-390 millions de dollars (entre 350 et 370 millions "
                  "d’euros).")
    assert numlint.check(consistent, format="text", date=datetime.date(2025, 2, 11)) == []


def test_inside_html_with_an_entity():
    from numlint.sources import read_source

    prose = read_source("<p>un budget de <b>370-390&nbsp;millions</b> d’euros</p>", "html")
    low, high = numlint.mentions(prose.text)
    assert (low.range_role, low.value, high.range_role) == ("low", 370_000_000, "high")


@pytest.mark.parametrize("space", SPACES)
def test_nautical_miles_written_out_convert(space):
    right = f"une traversée de 5300 kilomètres (2860{space}milles nautiques)"
    assert numlint.check(right, format="text") == []
    slip = f"une traversée de 5300 mètres (2860{space}milles nautiques)"
    assert [d.code for d in numlint.check(slip, format="text")] == ["NL101"]
