"""Equivalence readings of held-out round 6d of real copy (rh157–rh180), one test per
general reading added after it. The sentences are short variants of the real ones (the
paragraph each comes from is named); each slip must be flagged and each original stay
silent, with NBSP, narrow NBSP and the typographic apostrophe, and in HTML."""

from __future__ import annotations

import pytest
from test_realcopy_heldout3 import _in_html, assert_silent, flagged
from test_realcopy_heldout4 import assert_flags_around


def assert_flagged_everywhere(text: str, slip: str) -> None:
    """NL101 on the slipped figure in every variant, the HTML form included."""
    assert_flags_around(text, "NL101", slip)
    assert any(slip in figure for figure in flagged(_in_html(text), "NL101", "html")), text


# rh157 (lapresse.ca): a price per gallon restated per litre, in the same currency; a
# barrel is a size of the same kind (prices per two sizes of one thing compare)
@pytest.mark.parametrize(("original", "slip", "slipped"), [
    ("Le prix passe sous la barre des 2 dollars le gallon en moyenne, soit à peine plus de"
     " 0,50 $ US le litre.", "0,50 $ US le litre", "0,50 $ US le millilitre"),
    ("Dans le Missouri, on le trouve à 1,659 $ US le gallon (0,43 $ US le litre).",
     "0,43 $ US le litre", "0,43 $ US le millilitre"),
    ("Le brut cote 80 dollars le baril, soit 0,50 dollar le litre.", "0,50 dollar le litre",
     "0,50 dollar le millilitre"),
])
def test_a_price_per_gallon_or_barrel_restated_per_litre(original: str, slip: str,
                                                          slipped: str) -> None:
    assert_silent(original, "NL101")
    assert_flagged_everywhere(original.replace(slip, slipped), slipped.split(" ")[0])


# rh159, rh160, rh161 (2000watts.ch, lecho.be, captain-smart): a flow converted with its
# period written on one side only, or after the first figure's complement; rh166-like
# wages per month converted without « par mois »
@pytest.mark.parametrize(("original", "slip", "slipped"), [
    ("13 mai 2010: 5 000 barils par jour (800 000 litres de pétrole)", "800 000 litres",
     "800 000 millilitres"),
    ("La fuite pourrait atteindre 60.000 barils par jour, soit environ 9,5 millions de litres,"
     " ont annoncé mardi les autorités.", "9,5 millions de litres", "9,5 millions de millilitres"),
    ("Nous en sommes à 100 000 barils d’huile par jour (15,9 millions de litres par jour) en"
     " deux mois.", "15,9 millions de litres", "15,9 millions de millilitres"),
    ("Le salaire d’un cadre est de 300 000 francs CFA par mois (457 euros) à Dakar.",
     "457 euros", "457 000 euros"),
])
def test_a_period_written_once_counts_both_figures(original: str, slip: str,
                                                   slipped: str) -> None:
    assert_silent(original, "NL101")
    assert_flagged_everywhere(original.replace(slip, slipped), slipped.split(" ")[0])


@pytest.mark.parametrize("text", [
    "Il gagne 1 000 euros par mois, soit 13 000 dollars sur l’année.",
    "Il gagne 1 000 euros par mois (13 000 dollars) depuis janvier.",
])
def test_a_second_amount_without_period_may_be_a_yearly_total(text: str) -> None:
    assert_silent(text, "NL101")
    assert_silent(text, "NL102")


# rh180 (afrikinfos-mali.com): gold is weighed in troy ounces (31,1 g); weighed as the
# avoirdupois ounce (28,35 g), a right « onces d'or (4,4 tonnes) » was 10 % off
@pytest.mark.parametrize("text", [
    "La mine a produit 141 425 onces d’or (4,4 tonnes) l’an dernier.",
    "La mine a produit 141 425 onces d'or, soit 4,4 tonnes, l'an dernier.",
    "Un lingot de 400 onces troy, soit environ 12,4 kilos, vaut une fortune.",
])
def test_an_ounce_of_gold_is_the_troy_ounce(text: str) -> None:
    assert_silent(text, "NL102")
    assert_silent(text, "NL101")


def test_a_slip_on_an_ounce_of_gold_is_still_caught() -> None:
    assert_flagged_everywhere("La mine a produit 141 425 onces d’or (4,4 kilos) l’an dernier.",
                              "4,4")


# rh172 (maghrebemergent.net): bare « dinars » in a story naming several dinar countries
# (Tunisie, Algérie) are the dinars the paragraph names with their adjective
RANKING = (
    "En Algérie, le mouton a atteint les 477 dollars, soit {} dinars. Il est suivi de la"
    " Tunisie, avec 300 dollars le mouton, soit 44 000 dinars algériens."
)


def test_bare_dinars_take_the_currency_the_paragraph_names() -> None:
    assert_silent(RANKING.format("69 900"), "NL101")
    assert_flagged_everywhere(RANKING.format("69 900 000"), "69 900 000")


def test_two_dinar_countries_without_a_named_currency_stay_open() -> None:
    text = "En Tunisie et en Algérie, le mouton coûte 300 dollars, soit 44 000 000 dinars."
    assert_silent(text, "NL101")


# rh161 (captain-smart.blogg.org): the conversion opens the next sentence on a noun naming
# what the figure measured, after a clause that ended the sentence before
LEAK = (
    "BP estime que le débit pourrait s'élever à 100.000 barils dans le pire des cas, selon"
    " un document interne rendu public dimanche.\nCette estimation, qui correspond à {} par"
    " jour, est nettement plus élevée."
)


def test_a_conversion_in_the_next_sentence_after_a_clause() -> None:
    assert_silent(LEAK.format("15,9 millions de litres"), "NL101")
    assert_flagged_everywhere(LEAK.format("15,9 millions de millilitres"), "15,9")


@pytest.mark.parametrize("text", [
    "Le champ produit 100 000 barils, selon la compagnie. Cette production représente"
    " 2 millions de litres par mois.",
    "BP a versé 20 millions de dollars, selon le journal. Ce montant représente 30 millions"
    " d’euros.",
])
def test_a_loose_next_sentence_tie_weighs_only_a_power_of_a_thousand(text: str) -> None:
    assert_silent(text, "NL101")
    assert_silent(text, "NL102")
