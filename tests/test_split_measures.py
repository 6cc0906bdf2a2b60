"""A measure split by a typo after its decimal comma: « 1, 852 km » is 1,852 km (issue #10,
rc051 of benchmarks/real_copy/paragraphs.jsonl; wording from France Bleu, « Les mots de la
voile : combien mesure un mille marin ? »,
https://www.francebleu.fr/infos/culture-loisirs/les-mots-de-la-voile-combien-mesure-un-mille-marin-1557931406).
Spoken lists of counts (« 22, 23 ans », « 24, 48 heures », vie-publique.fr interviews of the
shared corpus) stay two figures."""

from __future__ import annotations

from decimal import Decimal

import pytest

import numlint

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize("space", [" ", NBSP, NNBSP])
def test_three_digits_after_a_comma_and_a_space_before_a_unit_are_decimals(space) -> None:
    text = f"Un mille marin c’est 1,{space}852 km. Environ deux kilomètres."
    found = [m for m in numlint.mentions(text) if m.unit == "kilometer"]
    assert [(m.text, m.value, m.decimals, m.typo_split) for m in found] == [
        (f"1,{space}852 km", Decimal("1.852"), 3, True),
        ("deux kilomètres", Decimal(2), 0, False),
    ]


@pytest.mark.parametrize(
    "text",
    ["les jeunes de 22, 23 ans", "dans les 24, 48 heures", "au bout de 7, 10 jours",
     "des boucles de 2, 3 km", "3, 4 ou 5 km", "1, 500 heures de vol"],
)
def test_spoken_lists_and_counts_stay_two_figures(text) -> None:
    found = numlint.mentions(text)
    assert len(found) >= 2 and not any(m.typo_split for m in found)
