"""numlint.mentions(): every figure of French copy, at its exact place, with its value.

Each case states the figure's exact span (found by its text in the sentence), its Decimal
value and what it is (money, percent, quantity, number) in sentences written like real
articles: no-break spaces (U+00A0), narrow no-break spaces (U+202F) and typographic
apostrophes wherever French typography puts them.
"""

from __future__ import annotations

import itertools
import subprocess
import sys
from decimal import Decimal

import pytest

import numlint
from numlint import Mention

NBSP, NNBSP = "\u00a0", "\u202f"


def find(text: str, figure: str, occurrence: int = 0, **options) -> Mention:
    """The mention spanning exactly ``figure`` (its n-th occurrence) in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(figure, start + 1)
    found = numlint.mentions(text, **options)
    spans = [m for m in found if (m.start, m.end) == (start, start + len(figure))]
    assert spans, f"{figure!r} is not a mention of {text!r}: {[m.text for m in found]}"
    [mention] = spans
    assert mention.text == figure == text[mention.start : mention.end]
    return mention


def texts(text: str, **options) -> list[str]:
    return [m.text for m in numlint.mentions(text, **options)]


# -- numbers in digits ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "figure", "value", "decimals"),
    [
        ("La ville compte 1 234 567 habitants.", "1 234 567", "1234567", 0),
        (f"La ville compte 1{NBSP}234{NBSP}567 habitants.", f"1{NBSP}234{NBSP}567", "1234567", 0),
        (f"Il reste 1{NNBSP}234,56 litres.", f"1{NNBSP}234,56 litres", "1234.56", 2),
        ("Le compte affiche 1.234,56 au bilan.", "1.234,56", "1234.56", 2),
        ("Le franc valait 1’234’567 unités.", "1’234’567", "1234567", 0),
        ("Une hausse de 97,4 points.", "97,4", "97.4", 1),
        ("Le solde est de -3,5 points.", "-3,5", "-3.5", 1),
        ("Le solde est de −2 points.", "−2", "-2", 0),
        ("On observe +12 points.", "+12", "12", 0),
        ("Le chiffre 4,800 est cité.", "4,800", "4.800", 3),
    ],
)
def test_digits_with_french_grouping_and_signs(text, figure, value, decimals) -> None:
    mention = find(text, figure)
    assert mention.value == Decimal(value)
    assert isinstance(mention.value, Decimal)
    assert mention.decimals == decimals


def test_a_sign_joins_the_number_span() -> None:
    mention = find("Le PIB recule de -3,5 %.", "-3,5 %")
    assert (mention.kind, mention.value, mention.number.text) == ("percent", Decimal("-3.5"),
                                                                  "-3,5")


@pytest.mark.parametrize(
    ("text", "figure", "value"),
    [
        ("Une récession de moins 8,7 % est attendue.", "moins 8,7 %", "-8.7"),
        ("Il fera moins 15 degrés cette nuit.", "moins 15 degrés", "-15"),
        ("La croissance serait de moins dix pour cent.", "moins dix pour cent", "-10"),
    ],
)
def test_moins_before_a_number_is_a_minus_sign(text, figure, value) -> None:
    assert find(text, figure).value == Decimal(value)


@pytest.mark.parametrize(
    ("text", "figure", "hedge"),
    [
        ("Il faudra au moins 8 % de croissance.", "8 %", "au moins"),
        ("Une marge de plus ou moins 3 % est admise.", "3 %", "plus ou moins"),
        ("C’est d’au moins 20 millions d’euros.", "20 millions d’euros", "au moins"),
    ],
)
def test_moins_in_a_hedge_is_no_sign(text, figure, hedge) -> None:
    mention = find(text, figure)
    assert mention.value > 0
    assert mention.written_hedge is not None and mention.written_hedge.text == hedge


def test_moins_between_two_numbers_is_arithmetic_not_a_sign() -> None:
    assert [m.value for m in numlint.mentions("huit moins quatre font quatre")] == [
        Decimal(8), Decimal(4), Decimal(4)
    ]


# -- scale words and abbreviations ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "figure", "value", "currency", "scale_text", "exponent"),
    [
        ("Le plan coûte 3,5 Md€ sur deux ans.", "3,5 Md€", "3500000000", "EUR", "Md", 9),
        (f"Le plan coûte 3,5{NBSP}Md{NBSP}€ sur deux ans.", f"3,5{NBSP}Md{NBSP}€",
         "3500000000", "EUR", "Md", 9),
        ("Une levée de 12 M$ auprès de fonds.", "12 M$", "12000000", "USD", "M", 6),
        ("Un budget de 450 k€ cette année.", "450 k€", "450000", "EUR", "k", 3),
        ("Tesla a levé $4,5 milliards en mars.", "$4,5 milliards", "4500000000", "USD",
         "milliards", 9),
        ("Un contrat de 800 millions US$ signé.", "800 millions US$", "800000000", "USD",
         "millions", 6),
        ("La dette atteint 2 Mds € fin juin.", "2 Mds €", "2000000000", "EUR", "Mds", 9),
        ("La dette atteint 2 mds € fin juin.", "2 mds €", "2000000000", "EUR", "mds", 9),
        ("Un plan de 95 mrd d’euros.", "95 mrd d’euros", "95000000000", "EUR", "mrd", 9),
        ("Le fonds pèse 3 Mrd CHF.", "3 Mrd CHF", "3000000000", "CHF", "Mrd", 9),
        ("la somme de 97,4 milliards de dollars", "97,4 milliards de dollars",
         "97400000000", "USD", "milliards", 9),
        ("soit 95 millions d’euros", "95 millions d’euros", "95000000", "EUR", "millions", 6),
        ("Un investissement de 1,2 million d’euros.", "1,2 million d’euros", "1200000", "EUR",
         "million", 6),
        ("Le déficit atteint 1 billion de dollars.", "1 billion de dollars",
         "1000000000000", "USD", "billion", 12),
        ("L’opération coûte 3,5 G€.", "3,5 G€", "3500000000", "EUR", "G", 9),
    ],
)
def test_scale_words_and_abbreviations_glued_or_spaced(
    text, figure, value, currency, scale_text, exponent
) -> None:
    mention = find(text, figure)
    assert (mention.kind, mention.value, mention.currency) == ("money", Decimal(value), currency)
    assert mention.scale is not None
    assert (mention.scale.text, mention.scale_exponent) == (scale_text, exponent)
    assert text[mention.scale.start : mention.scale.end] == scale_text


def test_a_scale_abbreviation_alone_still_scales() -> None:
    mention = find("Il y a 2 Mds de transactions.", "2 Mds")
    assert (mention.kind, mention.value) == ("number", Decimal(2_000_000_000))


def test_precision_is_half_the_last_printed_digit_scale_applied() -> None:
    assert find("près de 95 millions d’euros", "95 millions d’euros").precision == Decimal(
        500000
    )
    assert find("un taux de 94,3 %", "94,3 %").precision == Decimal("0.05")


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("la 5G arrive", "5"),
        ("un réseau 4G", "4"),
        ("10G", "10"),
    ],
)
def test_g_glued_to_a_number_is_a_name_not_a_scale(text, figure) -> None:
    assert all(m.scale_exponent != 9 for m in numlint.mentions(text))


def test_t_alone_is_tonnes_on_signs_not_a_trillion() -> None:
    assert all(m.value < 10 for m in numlint.mentions("Interdit aux plus de 3,5 T."))


# -- numbers in words ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "figure", "value"),
    [
        ("Il manque deux milliards.", "deux milliards", "2000000000"),
        ("Elle a quatre-vingt-dix-sept ans.", "quatre-vingt-dix-sept ans", "97"),
        ("Il y a mille raisons.", "mille", "1000"),
        ("vingt et un pays", "vingt et un", "21"),
        ("soixante-dix-huit voix", "soixante-dix-huit", "78"),
        ("un million et demi de personnes", "un million et demi", "1500000"),
        ("Ils sont 3 millions et demi.", "3 millions et demi", "3500000"),
        ("cinq milliards et trois quarts", "cinq milliards et trois quarts", "5750000000"),
        ("Un demi-million d’œufs ont été cassés.", "Un demi-million", "500000"),
        ("un milliard vingt-cinq millions", "un milliard vingt-cinq millions", "1025000000"),
        ("deux cent mille", "deux cent mille", "200000"),
        ("dix-neuf cent soixante-treize", "dix-neuf cent soixante-treize", "1973"),
    ],
)
def test_number_words(text, figure, value) -> None:
    assert find(text, figure).value == Decimal(value)


def test_a_spelled_scale_word_is_reported_as_the_scale() -> None:
    mention = find("Il manque deux milliards d’euros.", "deux milliards d’euros")
    assert mention.scale is not None
    assert (mention.number.text, mention.scale.text, mention.scale_exponent) == (
        "deux", "milliards", 9
    )
    assert (mention.kind, mention.currency) == ("money", "EUR")


@pytest.mark.parametrize(
    "text",
    [
        "Il a écrit un livre sur une île.",
        "Un homme et une femme sont venus.",
        "C’est un logement neuf et spacieux.",
        "Le neuf février, il a parlé.",
        "Il brigue un cinquième mandat.",
        "le vingt-cinquième anniversaire",
        "Le troisième tour",
    ],
)
def test_articles_adjectives_dates_and_ranks_are_not_figures(text) -> None:
    assert texts(text) == []


@pytest.mark.parametrize(
    ("text", "figure", "value"),
    [
        ("les trois quarts des Français", "trois quarts", "0.75"),
        ("les deux tiers des crédits", "deux tiers", "0.6666666666666666666666666667"),
        ("un cinquième des voix", "un cinquième", "0.2"),
        ("quatre centièmes de seconde", "quatre centièmes de seconde", "0.04"),
        ("Il reste ¾ du budget.", "¾", "0.75"),
        ("Un délai de 2 ½ ans.", "2 ½ ans", "2.5"),
        ("une densité de deux virgule cinq", "deux virgule cinq", "2.5"),
        ("cent vingt virgule zéro cinq", "cent vingt virgule zéro cinq", "120.05"),
        ("Il faut 3 douzaines d’œufs.", "3 douzaines", "36"),
        ("une douzaine de pays", "une douzaine", "12"),
    ],
)
def test_fractions_decimals_in_words_and_dozens(text, figure, value) -> None:
    assert find(text, figure).value == Decimal(value)


# -- currencies -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "figure", "value", "currency", "assumed"),
    [
        ("Un crédit de EUR 1000 sur 3 ans.", "EUR 1000", "1000", "EUR", False),
        ("Il coûte 20 USD.", "20 USD", "20", "USD", False),
        (f"Le billet coûte 20{NBSP}€.", f"20{NBSP}€", "20", "EUR", False),
        ("Il gagne 10 dollars canadiens.", "10 dollars canadiens", "10", "CAD", False),
        ("un chiffre de 10,05 milliards de $ HK", "10,05 milliards de $ HK", "10050000000",
         "HKD", False),
        ("Il gagne 10 dollars.", "10 dollars", "10", "USD", True),
        ("Le prix atteint 50 $.", "50 $", "50", "USD", True),
        ("Il perçoit 1 000 $ US.", "1 000 $ US", "1000", "USD", False),
        ("Il perçoit 1 000 $US.", "1 000 $US", "1000", "USD", False),
        ("Il vaut 30 livres sterling.", "30 livres sterling", "30", "GBP", False),
        ("Il vaut 30 £.", "30 £", "30", "GBP", False),
        ("Un prêt de 5 francs suisses.", "5 francs suisses", "5", "CHF", False),
        ("Il reçoit cinq millions de yens.", "cinq millions de yens", "5000000", "JPY", True),
        ("Un don de 100 yuans.", "100 yuans", "100", "CNY", True),
        ("Une amende de 528 millions de francs.", "528 millions de francs", "528000000", None,
         False),
        ("Il n’a pas un dollar.", "un dollar", "1", "USD", True),
        ("Un prêt de 95 milliards de renminbis.", "95 milliards de renminbis", "95000000000",
         "CNY", True),
        ("Un prêt de 10 milliards de francs CFA.", "10 milliards de francs CFA", "10000000000",
         "XOF", True),
        ("Un budget de 3 000 francs CFP.", "3 000 francs CFP", "3000", "XPF", False),
    ],
)
def test_currencies_by_code_symbol_and_name(text, figure, value, currency, assumed) -> None:
    mention = find(text, figure)
    assert (mention.kind, mention.value, mention.currency) == ("money", Decimal(value), currency)
    assert mention.currency_assumed is assumed


def test_a_house_can_say_what_dollar_means() -> None:
    text = "Le projet coûte 12 $ et 10 dollars."
    canadian = {"$": "CAD", "dollars": "CAD"}
    assert [m.currency for m in numlint.mentions(text, currency_defaults=canadian)] == [
        "CAD", "CAD"
    ]
    assert [m.currency for m in numlint.mentions(text)] == ["USD", "USD"]


def test_livres_alone_are_books_or_pounds_not_money() -> None:
    [mention] = numlint.mentions("Elle a vendu trois livres et 12 livres de farine.")[:1]
    assert mention.kind == "number"
    assert all(m.kind != "money" for m in numlint.mentions("12 livres de farine"))


@pytest.mark.parametrize(
    ("text", "figure", "value", "currency"),
    [
        ("ça ne coûte que 15 dollars et 15 cents.", "15 dollars et 15 cents", "15.15", "USD"),
        ("treize euros et quarante-cinq centimes", "treize euros et quarante-cinq centimes",
         "13.45", "EUR"),
        ("Le ticket vaut 2 euros 50.", "2 euros 50", "2.50", "EUR"),
        ("1 USD 23 cents", "1 USD 23 cents", "1.23", "USD"),
    ],
)
def test_sub_units_after_an_amount(text, figure, value, currency) -> None:
    mention = find(text, figure)
    assert (mention.value, mention.currency, mention.decimals) == (Decimal(value), currency, 2)


def test_acronyms_that_are_iso_codes_are_not_money() -> None:
    found = numlint.mentions("À la COP21 puis à la COP 26, le TOP 10 des pays.")
    assert all(m.kind != "money" for m in found)


# -- percentages ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "figure", "value"),
    [
        ("une hausse de 12 % sur un an", "12 %", "12"),
        ("une hausse de 12% sur un an", "12%", "12"),
        (f"une hausse de 12{NNBSP}% sur un an", f"12{NNBSP}%", "12"),
        ("une hausse de 12 pour cent", "12 pour cent", "12"),
        ("une hausse de 3,5 pour-cent", "3,5 pour-cent", "3.5"),
        ("vingt pour cent des votants", "vingt pour cent", "20"),
    ],
)
def test_percentages(text, figure, value) -> None:
    mention = find(text, figure)
    assert (mention.kind, mention.value) == ("percent", Decimal(value))


# -- ranges and hedges ---------------------------------------------------------------------


def test_a_range_gives_its_scale_and_currency_to_both_bounds() -> None:
    text = "un coût de 3 à 5 millions d’euros"
    low, high = numlint.mentions(text)
    assert (low.text, low.value, low.currency, low.kind) == ("3", Decimal(3_000_000), "EUR",
                                                             "money")
    assert low.inherited and low.range_role == "low" and low.range_partner == high.span
    assert (high.text, high.value, high.range_role, high.inherited) == (
        "5 millions d’euros", Decimal(5_000_000), "high", False
    )
    assert low.scale_exponent == high.scale_exponent == 6


def test_entre_et_is_a_range() -> None:
    low, high = numlint.mentions("entre 2 et 3 milliards")
    assert (low.value, high.value) == (Decimal(2_000_000_000), Decimal(3_000_000_000))
    assert low.scale_exponent == high.scale_exponent == 9
    low, high = numlint.mentions("entre 10 et 20 euro")
    assert (low.currency, high.currency, low.value, high.value) == ("EUR", "EUR", 10, 20)


def test_two_numbers_joined_by_et_without_an_opener_are_no_range() -> None:
    first, second = numlint.mentions("Il a 3 chats et 5 millions d’euros.")
    assert first.range_role is second.range_role is None and first.kind == "number"


@pytest.mark.parametrize(
    ("text", "figure", "hedge", "kind"),
    [
        ("près de 95 millions d’euros", "95 millions d’euros", "près de", "nearly"),
        ("environ 3 %", "3 %", "environ", "about"),
        ("à peu près 40 %", "40 %", "à peu près", "about"),
        ("plus de 10 euros", "10 euros", "plus de", "above"),
        ("moins de 10 dollars", "10 dollars", "moins de", "below"),
        ("exactement £9", "£9", "exactement", "exactly"),
        ("quasi 9 %", "9 %", "quasi", "nearly"),
        ("pas plus de 10 dollars", "10 dollars", "pas plus de", "below"),
        ("près d’un milliard", "un milliard", "près d’", "nearly"),
    ],
)
def test_hedges_in_front_of_a_figure(text, figure, hedge, kind) -> None:
    mention = find(text, figure)
    assert mention.written_hedge is not None
    assert (mention.written_hedge.text, mention.hedge_kind) == (hedge, kind)
    assert text[mention.written_hedge.start : mention.written_hedge.end] == hedge
    assert mention.written_hedge.end <= mention.start


# -- rates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "figure", "per", "per_text"),
    [
        ("Il gagne 20 000 euros par an.", "20 000 euros par an", "an", "par an"),
        ("soit 1 667 euros par mois", "1 667 euros par mois", "mois", "par mois"),
        ("80 dollars le baril", "80 dollars le baril", "baril", "le baril"),
        ("20 000 euros annuels", "20 000 euros annuels", "an", "annuels"),
    ],
)
def test_a_rate_closes_the_figure(text, figure, per, per_text) -> None:
    mention = find(text, figure)
    assert mention.per == per
    assert mention.written_per is not None and mention.end == mention.written_per.end
    assert text[mention.written_per.start : mention.written_per.end] == per_text


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("14 millions de dollars l’année dernière", "14 millions de dollars"),
        ("un déficit de 6,7 % l’an prochain", "6,7 %"),
        ("un calibre de 7,62 mm le baril", "7,62 mm"),
    ],
)
def test_a_date_or_an_article_after_a_figure_is_no_rate(text, figure) -> None:
    mention = find(text, figure)
    assert mention.per is None and mention.written_per is None


# -- units ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit"),
    [
        ("Un trajet de 42 km.", "42 km", "42", "kilometer"),
        ("Un trajet de 42 kilomètres.", "42 kilomètres", "42", "kilometer"),
        ("Il a marché 3 kilometres.", "3 kilometres", "3", "kilometer"),
        ("La récolte : 1 200 tonnes.", "1 200 tonnes", "1200", "metric_ton"),
        ("Il consomme 3 500 kWh.", "3 500 kWh", "3500", "kilowatt_hour"),
        ("La centrale produit 1 300 MW.", "1 300 MW", "1300", "megawatt"),
        ("soit 1,3 GW", "1,3 GW", "1.3", "gigawatt"),
        (f"Il fait 37{NNBSP}°C.", f"37{NNBSP}°C", "37", "degree_Celsius"),
        ("Il fait 37 degrés Celsius.", "37 degrés Celsius", "37", "degree_Celsius"),
        ("Il fait 98,6 degrés fahrenheit.", "98,6 degrés fahrenheit", "98.6",
         "degree_Fahrenheit"),
        ("Il fait 10 degrés sous zéro.", "10 degrés sous zéro", "-10", "degree"),
        ("Il a gelé : -5 °C.", "-5 °C", "-5", "degree_Celsius"),
        ("La forêt couvre 145 000 hectares.", "145 000 hectares", "145000", "hectare"),
        ("Un appartement de 45 m².", "45 m²", "45", "meter ** 2"),
        ("Il boit 2 litres d’eau.", "2 litres", "2", "liter"),
        ("un demi-litre de lait", "un demi-litre", "0.5", "liter"),
        ("Il a 29 ans.", "29 ans", "29", "year"),
        ("4000000 de degrés", "4000000 de degrés", "4000000", "degree"),
    ],
)
def test_units_with_pint_names(text, figure, value, unit) -> None:
    mention = find(text, figure)
    assert (mention.kind, mention.value, mention.unit) == ("quantity", Decimal(value), unit)


def test_every_unit_the_lexicon_can_produce_is_a_pint_unit() -> None:
    import pint

    from numlint.mentions.standard import default_scanner

    registry = pint.UnitRegistry()
    for pint_name in set(default_scanner().units.by_form.values()):
        registry.parse_units(pint_name)  # raises on a name pint does not know


def test_an_elided_article_after_a_number_is_no_unit() -> None:
    mention = find("près de 3 millions de l’enveloppe", "3 millions")
    assert mention.kind == "number"


# -- what stays out ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "En 2020, le pays a changé.",
        "Le 18 septembre 2020 à Paris.",
        "le 3 mars",
        "Rendez-vous à 21 h 30 ou à 18h.",
        "Rendez-vous à 10:30.",
        "Appelez le 01 23 45 67 89 ou le +33 1 23 45 67 89.",
        "L’article 49.3 et le 49-3.",
        "GPT-4 et GPT-3.5 sont cités.",
        "Le score est de 3-1.",
        "Il habite 75001 Paris.",
        "La COVID-19 a frappé.",
        "La 5G arrive.",
        "La COP 26 de Glasgow.",
        "le 1er mai, la 2e fois, le 3ème jour",
        "Voir https://example.org/page?id=2020&x=30%25 et www.site.fr/12.",
        "le 18/09/2020 et le 2020-09-18",
        "l’article 12 de la loi",
        "L’adresse IP 192.168.1.2",
        "« 1° De contribuer ; 2° De développer »",
    ],
)
def test_dates_times_phones_references_versions_scores_postcodes_and_names_stay_out(
    text,
) -> None:
    assert texts(text) == []


# -- the contract --------------------------------------------------------------------------------


ARTICLE = (
    f"Le gouvernement a débloqué 97,4{NBSP}milliards de dollars (près de 95{NNBSP}millions "
    f"d’euros) en 2020. Entre 2 et 3{NBSP}milliards d’euros iront aux hôpitaux, soit "
    f"12{NNBSP}% du total ; le reste, environ 1{NNBSP}234,5{NBSP}M€, financera "
    f"quatre-vingt-dix-sept projets sur 42{NBSP}km. Un tiers des communes l’ont demandé."
)


def test_an_article_with_mixed_spaces_gives_each_figure_at_its_place() -> None:
    found = numlint.mentions(ARTICLE)
    assert [(m.text, m.kind, m.value, m.currency, m.unit) for m in found] == [
        (f"97,4{NBSP}milliards de dollars", "money", Decimal("97400000000"), "USD", None),
        (f"95{NNBSP}millions d’euros", "money", Decimal("95000000"), "EUR", None),
        ("2", "money", Decimal("2000000000"), "EUR", None),
        (f"3{NBSP}milliards d’euros", "money", Decimal("3000000000"), "EUR", None),
        (f"12{NNBSP}%", "percent", Decimal(12), None, None),
        (f"1{NNBSP}234,5{NBSP}M€", "money", Decimal("1234500000"), "EUR", None),
        ("quatre-vingt-dix-sept", "number", Decimal(97), None, None),
        (f"42{NBSP}km", "quantity", Decimal(42), None, "kilometer"),
        ("Un tiers", "number", Decimal(1) / Decimal(3), None, None),
    ]
    for mention in found:
        assert ARTICLE[mention.start : mention.end] == mention.text
    hedges = [m.written_hedge.text if m.written_hedge else None for m in (found[1], found[5])]
    assert hedges == ["près de", "environ"]


def test_mentions_are_sorted_disjoint_and_deterministic() -> None:
    first = numlint.mentions(ARTICLE * 3)
    assert first == numlint.mentions(ARTICLE * 3)
    assert all(a.end <= b.start for a, b in itertools.pairwise(first))
    assert len(first) == 27


def test_number_scale_and_unit_spans_point_into_the_text() -> None:
    for mention in numlint.mentions(ARTICLE):
        for part in (mention.number, mention.scale, mention.written_unit):
            if part is not None:
                assert mention.start <= part.start <= part.end <= mention.end
                assert ARTICLE[part.start : part.end] == part.text


def test_importing_numlint_loads_no_scanner_no_babel_and_no_pint() -> None:
    code = (
        "import sys, numlint\n"
        "heavy = [m for m in ('numlint.mentions.scanner', 'numlint.mentions.pattern', "
        "'babel', 'pint') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
        "assert numlint.mentions('3 %')[0].value == 3\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_spaced_lower_case_au_after_dollars_is_french_not_australian() -> None:
    [twenty, five] = numlint.mentions("20 $ au total, puis 5 $ AU")
    assert (twenty.text, twenty.currency) == ("20 $", "USD")
    assert (five.text, five.currency) == ("5 $ AU", "AUD")
