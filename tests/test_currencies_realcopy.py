"""Currencies and amounts as real copy writes them: bare « livres » (sterling, other
pounds, or a weight), dinars settled by their country, stated exchange rates, lists
converted item by item, a conversion opening the next sentence — and the traps that look
like them (prices per item, returns per euro invested, lists that are not conversions)."""

from __future__ import annotations

import datetime

import pytest

import numlint
from numlint.relations import find_relations

DAY = datetime.date(2023, 6, 27)
NBSP, NNBSP = "\u00a0", "\u202f"


def errors(text: str, date: datetime.date | None = DAY) -> list[tuple[str, str]]:
    return [(d.code, text[d.start : d.end]) for d in numlint.check(text, date=date)
            if d.severity in ("error", "warning")]


def equivalences(text: str) -> list[tuple[str, str, str]]:
    found = find_relations(text, numlint.mentions(text)).equivalences
    return [(e.first.text, e.second.text, e.marker) for e in found]


# --- « livres » ---------------------------------------------------------------------------


def test_livres_beside_a_mass_are_a_weight() -> None:
    [_kilos, pounds] = numlint.mentions("Le bébé pesait 19,1 kilos (42 livres).")
    assert (pounds.kind, pounds.unit, pounds.text) == ("quantity", "pound", "42 livres")
    assert errors("Le bébé pesait 19,1 kilos (42 livres).") == []
    assert errors("Le bébé pesait 19,1 kilos (42 000 livres).") == [("NL101", "42 000 livres")]


def test_livres_take_the_pounds_the_paragraph_named() -> None:
    text = "Un dollar valait 26,11 livres turques et un euro 28,63 livres."
    *_, lira = numlint.mentions(text)
    assert (lira.currency, lira.currency_inherited) == ("TRY", True)
    assert text[slice(*lira.currency_source_span)] == "livres turques"


def test_livres_converted_into_another_currency_are_sterling() -> None:
    text = f"L'amende est limitée à 2{NNBSP}500 livres (2{NNBSP}990 euros) sur autoroute."
    pounds = numlint.mentions(text)[0]
    assert (pounds.kind, pounds.currency, pounds.currency_assumed) == ("money", "GBP", True)
    slip = text.replace("2\u202f990 euros", "2\u202f990 yens")
    assert errors(slip, None) == [("NL101", "2\u202f990 yens")]
    [finding] = numlint.check(slip)
    assert finding.evidence["currency_from_context"] == {
        "2\u202f500 livres": "GBP, assumed from « livres (2\u202f990 yens »"
    }


@pytest.mark.parametrize("text", [
    "Il a vendu 1 200 livres à Paris.",
    "Il a vendu 1 200 livres (environ 300 kilos de papier).",
    "La bibliothèque compte 3 000 livres, soit 40 % du fonds.",
])
def test_livres_that_are_books_stay_numbers(text) -> None:
    assert numlint.mentions(text)[0].kind in ("number", "quantity")
    assert numlint.mentions(text)[0].currency is None


def test_dinars_take_the_currency_of_the_country_named() -> None:
    text = "Les exportations tunisiennes ont atteint 29,6 milliards de dinars."
    [dinars] = numlint.mentions(text)
    assert (dinars.currency, dinars.currency_inherited) == ("TND", True)
    both = "En Tunisie comme en Algérie, 3 milliards de dinars."
    assert numlint.mentions(both)[0].currency is None  # two countries: left open


# --- stated exchange rates ------------------------------------------------------------------


def test_a_rate_stated_with_pour_is_checked_for_its_magnitude_only() -> None:
    text = "la livre est tombée à 1,0205 € pour 1 £ (soit 0,9799 £ pour 1 €)."
    assert [m for _, _, m in equivalences(text)] == ["rate", "rate"]
    assert errors(text, datetime.date(2018, 6, 29)) == []  # another day's rate: no NL102
    slip = text.replace("1,0205 €", "1,0205 ¥")
    assert errors(slip, datetime.date(2018, 6, 29)) == [("NL101", "1,0205 ¥")]


def test_a_gapped_rate_takes_the_verb_of_the_first() -> None:
    text = "Un dollar valait 26,11 livres turques et un euro 28 630 livres."
    assert equivalences(text)[-1] == ("un euro", "28 630 livres", "rate")
    assert errors(text) == [("NL101", "28 630 livres")]


@pytest.mark.parametrize("text", [
    "Les pommes coûtent 5 euros pour un kilo.",
    "L'État verse 2 euros pour 1 euro investi.",
    "La région donne 3 euros pour un euro de dons collectés.",
    "Il a touché deux euros pour un euro, une belle affaire.",
])
def test_prices_per_item_and_returns_are_not_rates(text) -> None:
    assert [m for _, _, m in equivalences(text) if m == "rate"] == []
    assert errors(text) == []


def test_a_same_currency_rate_in_rate_wording_is_a_slip() -> None:
    text = ("le CFA fut arrimé à l'euro à raison de 665,957 euros pour 1 euro, "
            "afin de garder le taux de 100 pour 1.")
    assert errors(text, None) == [("NL101", "665,957 euros")]
    assert errors(text.replace("665,957 euros", "655,957 francs CFA"), None) == []


# --- lists converted into lists --------------------------------------------------------------

LIST = ("quatre billets de 1 000, 5 000, 10 000 et 50 000 wons, environ 70 centimes, "
        "3,50 euros, 7 euros et 36 euros.")


def test_a_list_converted_into_a_list_is_paired_item_by_item() -> None:
    pairs = equivalences(LIST)
    assert [(a, b) for a, b, m in pairs if m == "list"] == [
        ("1 000", "70 centimes"), ("5 000", "3,50 euros"), ("10 000", "7 euros"),
        ("50 000 wons", "36 euros"),
    ]
    assert errors(LIST, None) == []
    assert errors(LIST.replace("7 euros", "7 yens"), None) == [("NL101", "7 yens")]
    assert errors(LIST.replace("70 centimes", "70 000 centimes"), None) == [
        ("NL101", "70 000 centimes")
    ]


@pytest.mark.parametrize("text", [
    "Les menus coûtent 10, 20 et 30 euros, environ 5, 6 et 7 dollars pour les enfants.",
    "Les billets de 10 et 20 euros, environ 5 et 8 dollars.",
])
def test_lists_that_are_not_conversions_are_not_paired(text) -> None:
    assert [m for _, _, m in equivalences(text) if m == "list"] == []


# --- across a sentence, between dashes -------------------------------------------------------


def test_a_conversion_of_the_figure_ending_the_sentence_before() -> None:
    text = ("ceux de 1 000 wons, de 10 000 wons et de 50 000 wons. Ce dernier, "
            "l'équivalent d'environ 40 euros, représentait 80 % du total.")
    assert ("50 000 wons", "40 euros", "anaphora") in equivalences(text)
    assert errors(text.replace("40 euros", "40 yens"), None) == [("NL101", "40 yens")]
    other = "ceux de 50 000 wons. Ce dernier représente 40 euros de frais."
    assert [m for _, _, m in equivalences(other) if m == "anaphora"] == []


def test_a_conversion_between_dashes() -> None:
    text = ("sa clause de quatre milliards de pesetas - environ 23,5 millions d'euros en "
            "monnaie d'aujourd'hui - pour le faire venir")
    assert errors(text, None) == []
    slip = text.replace("millions d'euros", "milliards d'euros")
    assert errors(slip, None) == [("NL101", "23,5 milliards d'euros")]
    assert equivalences("un budget de 3 millions d'euros - 2 millions d'euros pour l'État") == []


def test_a_parenthesis_left_open_till_the_sentence_ends() -> None:
    text = ("les importations à 40,1 milliards de dinars tunisiens (14,4 milliards de dollars, "
            "creusant le déficit. Pour 2021, le déficit (la différence) a augmenté.")
    assert errors(text, None) == []
    slip = text.replace("14,4 milliards", "14,4 millions")
    assert errors(slip, None) == [("NL101", "14,4 millions de dollars")]
    same = "Il a payé 40 millions d'euros (dont 3 millions d'euros, en liquide. Puis rien."
    assert equivalences(same) == []
