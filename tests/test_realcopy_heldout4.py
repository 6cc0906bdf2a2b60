"""Wordings of the fourth held-out round of real copy (rh53–rh78), one test per capability
added after it. Each slip is the mutant of a real sentence (its source given); each
original must stay silent. Every case is checked with NBSP, narrow NBSP and the
typographic apostrophe, and in HTML."""

from __future__ import annotations

import pytest
from test_realcopy_heldout3 import _plain, assert_silent, flagged
from test_relations_realcopy import variants

# eaufrance.fr (volume-deau-potable-consomme-par-habitant-par-jour-en-2021): the sentence's
# adjective (« annuelle ») counts the first figure per year, the second is per day
WATER = ("En France, en 2021, la consommation moyenne annuelle d'eau potable par habitant est"
         " de 54 m3, soit {daily} par jour.")
# le7.info (le-futuroscope-bat-des-records) and parcplaza.net (2015/11): an amount more
# than before after « soit », with its rate after it or stated before the end
VISITS = ("A fin août, le parc aura accueilli {end} visites depuis le début de saison, soit"
          " 125 000 visites supplémentaires (+10%) par rapport à la saison 2009.")
HOLIDAYS = ("La quinzaine des vacances de la Toussaint a permis au Futuroscope d’enregistrer une"
            " hausse de 14% de sa fréquentation par rapport à la même période en 2014. Le Parc"
            " aura accueilli {end} visiteurs sur les vacances, soit 18 000 visiteurs de plus.")
# lci.fr (dorian): « à son passage » is no change from one bound to the other
SURGE = ("Dorian « engendre à son passage une marée de tempête de {low} à 7 mètres. Il tombe"
         " entre 300 à 600 mm de précipitations ».")
# teranganews.sn (?p=166097): a price per kilo converted in the parenthesis after it
COFFEE = ("Le président a également précisé que le prix du café sera de 1 700 francs CFA le"
          " kilo (≈ {converted}).")

# siaepap.fr (l-eau-potable/consommation): « soit » then a noun its adjective counts per year
HOUSEHOLD = ("Selon l’INSEE, un foyer français de 2,5 personnes en moyenne utilise 329 litres"
             " d’eau par jour soit, globalement, une utilisation annuelle de {yearly}.")
# latribune.fr (en-inde-nicolas-sarkozy…): « dont » after the conversion's parenthesis
MIRAGE = ("Son montant est estimé à 2,2 milliards de dollars (1,6 milliard d'euros), dont"
          " {part} pour les missiles du missilier MBDA.")

# dataero.fr (a-quelle-altitude-volent-les-avions-de-ligne): a range converted in the
# parenthesis after it, with no « entre » of its own
ALTITUDE = ("Il est vrai que les avions de ligne à réaction volent en général entre 30’000 et"
            " 40’000 pieds ( 9’200 et {high} ), contre plutôt 17’000 à 25’000 pieds.")

# aujourdhui.ma (…record-de-29-milliards-de-dirhams-51778): a whole, a part, « les … restants »
INVESTMENT = ("Sa Majesté le Roi Mohammed VI a présidé hier la cérémonie de signature de sept"
              " projets d’un investissement global de 28,66 milliards de dirhams. De ce montant"
              " global, une enveloppe de {part} a été réservée au développement de quatre projets"
              " touristiques. Les 740 millions de dirhams restants concernent des projets"
              " industriels.")


@pytest.mark.parametrize(("template", "key", "slip", "right", "code"), [
    (INVESTMENT, "part", "27,92 millions de dirhams", "27,92 milliards de dirhams", "NL205"),
    (ALTITUDE, "high", "12’200 kilomètres", "12’200 mètres", "NL101"),
    (HOUSEHOLD, "yearly", "120 kilomètres cubes", "120 mètres cubes", "NL101"),
    (MIRAGE, "part", "900 milliards d'euros", "900 millions d'euros", "NL205"),
    (WATER, "daily", "148 millilitres", "148 litres", "NL101"),
    (VISITS, "end", "1 400 000 000", "1 400 000", "NL201"),
    (HOLIDAYS, "end", "143 000 000", "143 000", "NL201"),
    (SURGE, "low", "5 000", "5", "NL206"),
    (COFFEE, "converted", "2,59 yens", "2,59 euros", "NL101"),
])
def test_a_slip_of_round_four_is_flagged_and_its_original_is_not(
        template: str, key: str, slip: str, right: str, code: str) -> None:
    assert_flags_around(template.format(**{key: slip}), code, slip)
    assert_silent(template.format(**{key: right}), code)


def assert_flags_around(text: str, code: str, slip: str) -> None:
    """A finding of ``code`` whose figure holds the slipped one (with its unit, if any)."""
    for variant in [*variants(text), text]:
        assert any(_plain(slip) in figure for figure in flagged(variant, code)), variant


def test_a_passage_of_one_bound_to_the_other_is_still_a_change() -> None:
    assert_silent("Le passage de 30 000 à 21 mètres de long a surpris.", "NL206")
