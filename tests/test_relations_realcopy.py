"""Relations as real copy writes them: words between a figure and its conversion, verbs
that state an equivalence, a parenthesis holding more than the conversion, options set
aside, rates per day. Each case is checked with the spaces and apostrophes of real copy
(NBSP, narrow NBSP, typographic apostrophe) and inside HTML markup."""

from __future__ import annotations

import datetime

import pytest

import numlint

DAY = datetime.date(2025, 2, 11)


def variants(text: str) -> list[str]:
    """The same sentence as keyboards, CMSs and typographers write it."""
    return [
        text,
        text.replace("\u0020", "\u00a0"),
        text.replace("\u0020", "\u202f"),
        text.replace("'", "\u2019"),
    ]


def codes(text: str, fmt: str = "text") -> list[str]:
    return [d.code for d in numlint.check(text, format=fmt, date=DAY)]


SLIPS = [
    ("L'avion vole à 10 000 mètres d'altitude (environ 33 000 km).", "33 000 km"),
    ("une dette de 49,4 milliards de dollars de dette publique (45 millions d'euros)",
     "45 millions d'euros"),
    ("Ces dépenses représentent 97,4 milliards de dollars, soit un peu moins de 95 millions"
     " d'euros.", "95 millions d'euros"),
    ("un plan de 9,4 milliards de dollars (8,7 millions EUR, 0,5 % du PIB)", "8,7 millions EUR"),
    ("La production atteint 2 millions de barils par jour, soit 730 000 barils par an.",
     "730 000 barils par an"),
    ("une part de 5 milliards de dollars, qui représentent 4,8 millions d'euros",
     "4,8 millions d'euros"),
    ("un chantier de 3 milliards de dollars, soit un peu plus de 2,9 millions d'euros",
     "2,9 millions d'euros"),
    ("une dette de 3 milliards de dollars, soit moins de 3 millions d'euros",
     "3 millions d'euros"),
    ("un contrat de 3 milliards de dollars signé avec Airbus (2,9 millions d'euros)",
     "2,9 millions d'euros"),
    ("un prêt de 40 millions de dollars au Sénégal (37 000 euros)", "37 000 euros"),
    ("Le péage de 100 000 dollars était facturé pour chaque jour de retard, ce qui"
     " correspond à un peu moins de 95 000 yens.", "95 000 yens"),
    ("Il sait qu'1 euro équivaut à environ 105 dollars.", "105 dollars"),
    ("Chaque jour, le monde consomme environ 80 millions de barils de pétrole, soit près de"
     " 30 millions de barils par an.", "30 millions de barils par an"),
    ("Un mètre cube d'eau correspond à 1 000 millilitres d'eau.", "1 000 millilitres"),
    ("un gallon est en moyenne égal à 3,785 millilitres", "3,785 millilitres"),
    ("une hauteur de 8 844 430 m au-dessus du niveau de la mer (29 029 pieds).",
     "29 029 pieds"),
]
CONSISTENT = [
    "L'avion vole à 10 000 mètres d'altitude (environ 33 000 pieds).",
    "une dette de 49,4 milliards de dollars de dette publique (47,8 milliards d'euros)",
    "Ces dépenses représentent 97,4 milliards de dollars, soit un peu moins de 95 milliards"
    " d'euros.",
    "un plan de 9,4 milliards de dollars (9,1 mds EUR, 0,5 % du PIB)",
    "La production atteint 2 millions de barils par jour, soit 730 millions de barils par an.",
    "La tour ne mesure pas 1 000 mètres ou 1 000 kilomètres.",
    "Elle n'a parcouru ni 3 km ni 3 000 km.",
    "12 millions d'euros de budget (15 millions d'euros en 2024)",
    "Il gagne 200 euros par jour, soit 4 400 euros par an.",
    "un chantier de 3 milliards de dollars, soit plus de 2 milliards d'euros",
    "un chantier de 3 milliards de dollars, soit moins de 3 milliards d'euros",
    # a few words, then a figure that is not a conversion: only a power of 1 000 is read
    "un contrat de 3 milliards de dollars signé avec Airbus (2 milliards d'euros)",
    "un contrat de 3 milliards de dollars signé avec Airbus (20 millions d'euros)",
    "un contrat de 3 milliards de dollars et un autre (2,9 millions d'euros)",
    "Le péage de 100 000 dollars était facturé pour chaque jour de retard, ce qui"
    " correspond à un peu moins de 95 000 euros.",
    "Il sait qu'1 euro équivaut à environ 1,03 dollar.",
    "Chaque jour, le monde consomme environ 80 millions de barils de pétrole, soit près de"
    " 30 milliards de barils par an.",
    "Chaque jour, il gagne 200 euros de salaire, soit 4 euros par an.",
    "la balance indiquait 14 lb 8 oz (6,57 kg), puis 72 lb 0 oz (32,65 kg)",
    "Un mètre cube d'eau correspond à 1 000 litres d'eau.",
    "un gallon est en moyenne égal à 3,785 litres",
    "un baril est en moyenne égal à 0,1364 tonne, c'est-à-dire",
    "une hauteur de 8 844,43 m au-dessus du niveau de la mer (29 029 pieds).",
    # above something else than the sea: another figure, not a conversion
    "un sommet à 300 m au-dessus de la vallée (300 000 m de dénivelé cumulé)",
    "La hausse de 3 % correspond à 2 milliards d'euros de recettes.",
]


@pytest.mark.parametrize(("text", "figure"), SLIPS)
def test_a_slip_with_words_between_is_an_error_on_the_conversion(text: str, figure: str) -> None:
    for variant in variants(text):
        found = numlint.check(variant, format="text", date=DAY)
        errors = [d for d in found if d.code == "NL101"]
        assert len(errors) == 1, (variant, found)
        written = variant[errors[0].start : errors[0].end]
        assert written.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2019", "'") == (
            figure
        )


@pytest.mark.parametrize("text", CONSISTENT)
def test_consistent_or_unrelated_figures_stay_silent(text: str) -> None:
    for variant in variants(text):
        assert not [c for c in codes(variant) if c in ("NL101", "NL102")], variant


def test_the_same_slip_is_found_inside_html_markup() -> None:
    html = (
        "<p>Une dette de <strong>49,4 milliards de dollars</strong> de dette publique "
        "(<em>45 millions d’euros</em>).</p>"
    )
    assert codes(html, "html") == ["NL101"]


def test_a_day_rate_of_money_is_not_restated_per_year() -> None:
    """Worked days or calendar days: copy does not say, so no claim is read."""
    assert codes("Il gagne 200 euros par jour, soit 4 euros par an.") == []


def test_an_exchange_rate_with_three_decimals_is_not_an_english_thousands_comma() -> None:
    for text in ("La parité est fixe : 1 € pour 655,957 Fcfa.",
                 "soit 6,559 francs pour un euro",
                 "1\u00a0euro\u00a0=\u00a01,955 mark"):
        assert "NL306" not in codes(text), text
    assert codes("Le billet coûte 1,500 dollars.") == ["NL306"]


def test_a_dollar_sign_after_the_figure_is_not_judged_to_a_few_percent() -> None:
    """``125 millions $`` is how Quebec writes CAD: 85 M€ are 126 M CAD, 92 M USD."""
    quebec = "Il a été vendu 85 millions d'euros (environ 125 millions $)."
    assert codes(quebec) == []
    [relation] = numlint.verify(quebec, format="text", date=DAY).relations
    assert relation.status == "unverified" and "supposée" in relation.reason
    assert codes("Il a été vendu 85 millions d'euros (environ 125 milliards $).") == ["NL101"]
    assert codes("Il a été vendu 85 millions d'euros (environ 125 millions de dollars).") == [
        "NL102"
    ]


def test_the_last_item_of_a_list_is_not_paired_with_the_next_list() -> None:
    """The lists are paired item by item: 70 000 euros is the conversion of 1 000 wons
    (a slip, 1 000 times off), not of 50 000 wons (which would be a slip of 2 000)."""
    text = ("quatre billets de 1 000, 5 000, 10 000 et 50 000 wons, environ 70 000 euros,"
            " 3,50 euros, 7 euros et 36 euros")
    found = [d for d in numlint.check(text, format="text") if d.code in ("NL101", "NL102")]
    assert [(d.code, text[d.start : d.end], d.evidence["first"]) for d in found] == [
        ("NL101", "70 000 euros", "1 000")
    ]
    assert found[0].evidence["relation"] == "list"
    assert codes("un billet de 50 000 wons, environ 33 000 euros") == ["NL101"]


def test_an_english_trillion_a_rate_drift_away_is_nl104_not_an_error() -> None:
    """Undated, at the latest rate, 1,65 × 10^12 roupies are 12 % off 19,82 Md$: the
    scale word is the slip that matters, NL104 says so."""
    text = "L'Inde a collecté 1,65 trillion de roupies indiennes (19,82 milliards de dollars)."
    found = numlint.check(text, format="text")
    assert "NL101" not in [d.code for d in found]
    assert [d.severity for d in found if d.code == "NL105"] == []
