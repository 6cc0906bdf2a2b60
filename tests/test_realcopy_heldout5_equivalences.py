"""Equivalence wordings of the fifth held-out round of real copy (rh79–rh104), one test per
general reading added after it. The sentences are short variants of the real ones (the
paragraph each comes from is named); each slip must be flagged and each original stay
silent, with NBSP, narrow NBSP and the typographic apostrophe, and in HTML."""

from __future__ import annotations

import pytest
from test_realcopy_heldout3 import assert_silent, flagged
from test_realcopy_heldout4 import assert_flags_around
from test_relations_realcopy import DAY

import numlint
from numlint.pipeline import run


def money(text: str) -> list[tuple[str, str | None, str]]:
    """The money figures the scanner reads: (text, currency, value)."""
    document = run(text, format="text").document
    assert document is not None
    return [(m.text, m.currency, str(m.value)) for m in document.mentions if m.kind == "money"]


# rh85, rh102 (kapitalis.com, webmanagercenter.com): Maghreb copy glues the scale to the
# currency's letters — « MDT » millions of dinars, « MdDT », « MMDH » milliards of dirhams
@pytest.mark.parametrize(("written", "currency", "value"), [
    ("921 MDT", "TND", "921000000"),
    ("1,57 MdDT", "TND", "1570000000"),
    ("983 millions DT", "TND", "983000000"),
    ("12 MMDH", "MAD", "12000000000"),
    ("3 MDH", "MAD", "3000000"),
    ("5 MDA", "DZD", "5000000"),
    ("1 000 DA", "DZD", "1000"),
    ("12 milliards de F.CFA", "XOF", "12000000000"),
])
def test_a_scale_glued_to_a_maghreb_currency_is_read(written: str, currency: str,
                                                     value: str) -> None:
    for text in (f"Le montant atteint {written} cette année.",
                 f"Le montant atteint {written.replace(' ', chr(0x202F))} cette année."):
        assert [(currency, value)] == [(c, v) for _, c, v in money(text)], text


@pytest.mark.parametrize("text", [
    "Le numéro 10 Da Silva a marqué.",
    "MM. Dupont et Durand ont signé 3 MM de contrats.",
    "Il a couru 3 dt ce matin.",
])
def test_capital_letters_alone_are_no_dinars(text: str) -> None:
    assert money(text) == []


@pytest.mark.parametrize(("template", "slip", "right"), [
    ("La Tunisie a obtenu un prêt de 80 millions d'euros, soit {x}.", "268 000 MDT", "268 MDT"),
    ("Le plan coûte 1,2 milliard d'euros (soit {x}).", "4 MDT", "4 MdDT"),
    ("Le port a coûté 12 MMDH ({x}).", "1,1 million d'euros", "1,1 milliard d'euros"),
])
def test_a_conversion_into_a_glued_scale_is_weighed(template: str, slip: str,
                                                    right: str) -> None:
    assert_flags_around(template.format(x=slip), "NL101", slip)
    assert_silent(template.format(x=right), "NL101")


# rh85 (kapitalis.com): each part of a whole followed by its conversion in parentheses
LOANS = ("Ils ont signé deux prêts de 630 millions de dollars (plus de 1 658 MDT), qui"
         " comprennent {part} (plus de 1 316 MDT), comme appui au budget, et 130 millions de"
         " dollars (plus de 342 MDT) pour les villes.")


def test_the_conversion_of_a_part_does_not_end_its_list() -> None:
    assert_flags_around(LOANS.format(part="500 milliards de dollars"), "NL205",
                        "500 milliards de dollars")
    assert_silent(LOANS.format(part="500 millions de dollars"), "NL205")


# rh93 (rts.ch): the conversion ends on a word that qualifies its unit or its amount
@pytest.mark.parametrize(("template", "slip", "right"), [
    ("Elle tourne autour de son étoile en 687 jours ({x} terrestre).",
     "1 880 années", "1,88 année"),
    ("L'orbite dure 1107 jours (un peu plus de {x} terrestres).",
     "3 000 années", "trois années"),
    ("Le sommet culmine à 8 848 m ({x} environ).", "29 029 kilomètres", "29 029 pieds"),
])
def test_a_qualifier_closing_the_conversion_keeps_it_one(template: str, slip: str,
                                                         right: str) -> None:
    assert_flags_around(template.format(x=slip), "NL101", slip)
    assert_silent(template.format(x=right), "NL101")


def test_a_qualifier_list_is_no_open_door() -> None:
    # words that bring in another amount still end the claim
    assert_silent("Le budget est de 12 millions d'euros (15 millions d'euros l'an dernier).",
                  "NL101")


# rh97 (promovacances.be): an « entre » range whose bounds each carry their conversion
STAY = ("Les chambres coûtent en moyenne entre {low} (38 €) et 45 000 F CFA (69 €) la"
        " nuit.")


def test_a_range_of_converted_bounds_is_weighed_as_a_range() -> None:
    assert_flags_around(STAY.format(low="25 000 000 F CFA"), "NL206", "25 000 000 F CFA")
    assert_silent(STAY.format(low="25 000 F CFA"), "NL206")
    assert_silent(STAY.format(low="25 000 F CFA"), "NL101")


# rh96 (lexpressmada.com): a price per tonne restated as a price per kilo
RICE = "Le riz importé coûte 400 dollars la tonne, soit {x} le kilo."


def test_a_price_per_tonne_restated_per_kilo_is_weighed() -> None:
    assert_flags_around(RICE.format(x="370 euros"), "NL101", "370 euros")
    assert_silent(RICE.format(x="0,37 euro"), "NL101")
    assert flagged("Le riz coûte 400 euros la tonne, soit 400 euros le kilo.", "NL101")


def test_prices_per_different_things_are_not_compared() -> None:
    assert_silent("Le riz coûte 400 euros la tonne, soit 400 euros le kWh.", "NL101")


# rh91 (scienceaq.com): a machine translation splits « 3,000-barrel » into « 3, … 000 »
def test_a_figure_worth_zero_converts_nothing() -> None:
    text = "Une fuite de 000 barils, environ 126 000 gallons, a atteint la plage."
    assert_silent(text, "NL102")
    assert_silent(text, "NL101")


# rh94 (travailler-en-suisse.ch): a conversion told in prose, tied by no wording numlint
# reads — one sentence, two currencies, neighbours: weighed on the numbers alone
SALARY = ("Un frontalier, avec un salaire net de 4 000 francs suisses (impôt à la source"
          " déduit), percevait en réalité {converted} sur son compte bancaire français.")


def warnings_of(text: str, code: str) -> list[str]:
    return [d.severity for d in numlint.check(text, format="text", date=DAY) if d.code == code]


def test_a_conversion_only_its_sentence_ties_is_a_scale_slip_at_most() -> None:
    slip = SALARY.format(converted="4 250 millions d’euros")
    assert_flags_around(slip, "NL101", "4 250 millions d'euros")
    assert warnings_of(slip, "NL101") == ["warning"]  # only the numbers tie the figures
    for converted in ("4 250 euros", "4 250 yens", "4 250 000 yens"):
        assert_silent(SALARY.format(converted=converted), "NL101")
        assert_silent(SALARY.format(converted=converted), "NL102")


@pytest.mark.parametrize("text", [
    "Il a reçu un prêt de 500 millions de dollars et un don de 450 000 euros.",
    "Le FMI a versé 341,8 millions d’euros, contre 371,4 milliards de dollars pour la BM.",
    "Le budget, dont 450 000 euros pour la culture, atteint 500 millions de dollars.",
    "Il a levé 500 millions de dollars. Le club a payé 450 000 euros.",
])
def test_two_amounts_a_word_sets_apart_are_no_candidates(text: str) -> None:
    assert_silent(text, "NL101")


def test_an_agreement_only_the_numbers_make_is_not_confirmed() -> None:
    right = numlint.verify(SALARY.format(converted="4 250 euros"), format="text", date=DAY)
    assert not [r for r in right.relations if r.kind == "conversion"]
    slip = numlint.verify(SALARY.format(converted="4 250 millions d'euros"), format="text",
                          date=DAY)
    assert [r.status for r in slip.relations if r.kind == "conversion"] == ["inconsistent"]


# rh58 (algerie360.com), in the earlier rounds: « s'échange … contre » with where in between
EXCHANGE = ("En effet, un euro s’échange aux guichets de la banque d’Algérie contre pas moins"
            " de {price} à l’achat.")


def test_a_rate_told_with_where_it_is_quoted_is_a_rate() -> None:
    assert_flags_around(EXCHANGE.format(price="157 120 dinars algériens"), "NL101",
                        "157 120 dinars algériens")
    assert_silent(EXCHANGE.format(price="157,12 dinars algériens"), "NL101")
    # a black-market rate is another day's or another market's: only its magnitude counts
    assert_silent("Un dollar s’échangeait hier sur le marché noir contre 240 dinars"
                  " algériens.", "NL101")


# the wordings of a conversion real copy uses beyond « soit » and the parenthesis (own
# variants): a linker ties the figures (an error), other words leave them to their numbers
CONTRACT = "Le contrat vaut 97,4 milliards de dollars{link}{converted}."


@pytest.mark.parametrize(("link", "severity"), [
    (", correspondant à ", "error"),
    (", qui correspondent à ", "error"),
    (" ou l'équivalent de ", "error"),
    (", autrement dit ", "error"),
    (", en d'autres termes ", "error"),
    (", qui vaut ", "error"),
    (", valant ", "error"),
    (", convertis en ", "warning"),
    (", soit en euros ", "warning"),
    (", au change actuel ", "warning"),
])
def test_a_wording_of_conversion_is_weighed(link: str, severity: str) -> None:
    slip = CONTRACT.format(link=link, converted="95 millions d'euros")
    assert_flags_around(slip, "NL101", "95 millions d'euros")
    assert warnings_of(slip, "NL101") == [severity]
    right = CONTRACT.format(link=link, converted="95 milliards d'euros")
    assert_silent(right, "NL101")
    assert_silent(right, "NL102")
