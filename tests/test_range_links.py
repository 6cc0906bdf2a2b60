"""The scanner links the bounds of a range: two bare numbers after *entre* … *et*, and an
*entre* range whose bounds a clause set off by commas separates (issue #10: rh21, rh17 of
benchmarks/real_copy/paragraphs.jsonl).

Wordings from the Tribune de Genève, « La RTS dévoile le coût de ses programmes »
(https://www.tdg.ch/economie/entreprises/rts-devoile-cout-programmes/story/25236514) and
swissinfo.ch, « La RTS consacre 36 millions de francs par an pour l’actualité TV »
(https://www.swissinfo.ch/fre/toute-l-actu-en-bref/la-rts-consacre-36-millions-de-francs-par-an-pour-l-actualit%25C3%25A9-tv/42128002).
"""

from __future__ import annotations

import pytest

import numlint

NBSP, NNBSP = "\u00a0", "\u202f"
RH21 = ("Elle lui coûte moins de 5000 francs par épisode, c’est moins qu’une fiction française "
        "(entre 12’000 et 17’000) ou qu’une émission de Sport Dimanche (50’000).")
RH17 = ("Les séries d’émissions du vendredi soir coûtent entre 115’000 francs, dans le cadre "
        "d’une coproduction nationale telle que “Cuisine de chez nous”, et 140’000 francs "
        "lorsqu’il s’agit d’une production propre comme “Descente en cuisine”.")


def roles(text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.range_role) for m in numlint.mentions(text)]


@pytest.mark.parametrize("space", [" ", NBSP, NNBSP])
def test_two_bare_numbers_after_entre_are_a_range(space) -> None:
    text = RH21.replace("12’000 et 17’000", f"12’000{space}et{space}17’000")
    assert ("12’000", "low") in roles(text) and ("17’000", "high") in roles(text)
    assert [d.code for d in numlint.check(text)] == []
    slipped = numlint.check(text.replace("12’000", "12’000’000"))
    assert [d.code for d in slipped] == ["NL206"]


@pytest.mark.parametrize(
    "text",
    ["il est passé de 3 à 5", "les pièces de 3 et 5", "3 et 5", "ils étaient 12 à 17"],
)
def test_bare_numbers_without_entre_et_are_no_range(text) -> None:
    assert all(role is None for _, role in roles(text))


def test_an_entre_range_may_hold_a_clause_between_its_bounds() -> None:
    assert roles(RH17) == [("115’000 francs", "low"), ("140’000 francs", "high")]
    assert [d.code for d in numlint.check(RH17)] == []
    slipped = numlint.check(RH17.replace("115’000 francs", "115’000’000 francs"))
    assert [d.code for d in slipped] == ["NL206"]


@pytest.mark.parametrize(
    "text",
    [
        # no "entre": two amounts of a sentence
        "Elles coûtent 115’000 francs, dans le cadre d’une coproduction, et 140’000 francs.",
        # not the same currency: no range
        "entre 115’000 francs, dans le cadre d’une coproduction, et 140’000 euros",
        # a sentence ends between them
        "entre 115’000 francs. Dans le cadre d’une coproduction, et 140’000 francs",
        # a bare second bound
        "entre 115’000 francs, dans le cadre d’une coproduction, et 140’000",
    ],
)
def test_a_clause_between_figures_is_no_range_otherwise(text) -> None:
    assert all(role is None for _, role in roles(text))
