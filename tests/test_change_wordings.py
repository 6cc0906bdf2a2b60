"""NL201 on the change wordings real copy uses (issue #10): which figures a stated rate is
about, how strongly the text ties them, and what the finding's severity and evidence say."""

from __future__ import annotations

from decimal import Decimal

import pytest

import numlint
from numlint.mentions import mentions
from numlint.relations import find_relations


def _nl201(text: str) -> list[numlint.Diagnostic]:
    return [d for d in numlint.check(text, format="text") if d.code == "NL201"]


def _changes(text: str):
    return find_relations(text, mentions(text)).changes


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # « B contre A », the time phrase after the earlier figure, then the rate
        ("Le déficit s'établit à -52,1Mds DH contre -76,4Mds DH à fin juillet 2014, en "
         "allégement de 31,8%.", "-76,4Mds DH", "-52,1Mds DH"),
        ("Les recettes atteignent 20,9Mds DH contre 17,5Mds DH un an auparavant, soit +19%.",
         "17,5Mds DH", "20,9Mds DH"),
        # « p % : B contre A » (no verb)
        ("Les recettes enregistrent un accroissement de 5,5% : 35,2Mds DH contre 33,4Mds DH "
         "au titre de la même période de 2014.", "33,4Mds DH", "35,2Mds DH"),
        # « au lieu de », a gain in points glued to its number
        ("Le taux de couverture se situe à 78% au lieu de 69,3%, soit un gain de 8,7points.",
         "69,3%", "78%"),
        # the base after the rate
        ("L'euro s'est négocié à 5,43 réaux brésiliens en moyenne, ce qui représente une baisse "
         "de 2,25 % par rapport à 5,55 real brésiliens la veille.", "5,55 real", "5,43 réaux"),
        ("Les recettes ont atteint 4 390,4 milliards de FCFA, en progression de 16,9% par "
         "rapport à 2024 où elles se sont situées à 3 755,9 milliards de francs CFA.",
         "3 755,9 milliards de francs CFA", "4 390,4 milliards de FCFA"),
        # a clause between the figure and « contre »; the earlier figure borrows « millions »
        ("En 2022, 1,577 millions de voitures neuves ont été immatriculées contre 1,709 un an "
         "plus tôt, soit une baisse de 7,7 % sur un an.", "1,709", "1,577 millions"),
    ],
)
def test_the_endpoints_of_each_wording_are_read(text: str, start: str, end: str) -> None:
    found = [c for c in _changes(text) if c.stated is not None]
    assert len(found) == 1
    change = found[0]
    assert change.tie == "grammar"
    assert change.start is not None and change.end is not None
    assert change.start.text == start and change.end.text == end
    assert _nl201(text) == []  # the real copy is right: silent


def test_a_borrowed_scale_word_is_weighed_both_ways() -> None:
    """``contre 1,709`` is 1,709 millions; its literal reading is kept as an alternative."""
    text = ("En 2022, 1,577 millions de voitures neuves ont été immatriculées contre 1,709 un "
            "an plus tôt, soit une baisse de 7,7 %.")
    (change,) = [c for c in _changes(text) if c.stated is not None]
    assert change.start is not None and change.start.value == 1709000
    assert [a.value for a in change.alternatives] == [Decimal("1.709")]


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("Les recettes atteignent 35,2 milliards de dirhams contre 33,4 milliards de dirhams, "
         "soit une hausse de 55 %.", "55 %"),
        ("Le déficit s'établit à -52,1 milliards de dirhams contre -76,4 milliards de dirhams, "
         "en allégement de 13,8 %.", "13,8 %"),
        ("Le taux de couverture se situe à 78 % au lieu de 69,3 %, soit un gain de 3,7 points.",
         "3,7"),
        ("Les recettes atteignent 35,2 milliards de dirhams, en progression de 55 % par rapport "
         "à 2014 (33,4 milliards).", "55 %"),
    ],
)
def test_a_tied_rate_far_off_is_an_error(text: str, marked: str) -> None:
    (finding,) = _nl201(text)
    assert finding.severity == "error"
    assert text[finding.start : finding.end] == marked
    assert finding.evidence["tie"] == "grammar"
    assert "far more than the rounding" in finding.evidence["severity_reason"]


def test_a_tied_rate_a_little_off_stays_a_warning() -> None:
    text = "Les ventes ont augmenté de 406 %, passant de 19,4 à 100,2 millions."
    (finding,) = _nl201(text)
    assert finding.severity == "warning"


def test_a_scale_slip_in_a_tied_pair_names_the_figure_and_offers_no_rate_fix() -> None:
    text = ("Les recettes enregistrent un accroissement de 5,5 % : 35,2 millions de DH contre "
            "33,4 milliards de DH au titre de la même période de 2014.")
    (finding,) = _nl201(text)
    assert finding.severity == "error"
    assert finding.evidence["slip"]["figure"] == "35,2 millions de DH"
    assert finding.fix is None  # the rate is right: a scale word is wrong
    assert "1 000" in finding.message


def test_a_negative_balance_is_weighed_by_its_size() -> None:
    text = ("Le déficit s'établit à -52,1 milliards de dirhams contre -76,4 milliards de "
            "dirhams, en allégement de 31,8 %.")
    assert _nl201(text) == []
    slipped = text.replace("-52,1 milliards", "-52,1 millions")
    (finding,) = _nl201(slipped)
    assert "below zero" in finding.evidence["negative"]


def test_a_sign_written_apart_gives_the_direction() -> None:
    text = ("Puisque 19.297 de ces visites ont eu lieu la première semaine, le nombre moyen de "
            "visiteurs serait donc tombé à 13.884 pour chacune des cinq semaines suivantes "
            "(- 28 %) !")
    (change,) = [c for c in _changes(text) if c.stated is not None]
    assert change.direction == -1
    assert change.tie == "context"
    assert _nl201(text) == []
    slipped = text.replace("13.884", "13 884 000")
    (finding,) = _nl201(slipped)
    assert finding.severity == "warning"
    assert finding.evidence["slip"]["factor"] == "0.001"


def test_an_unnamed_start_a_sentence_back_is_reported_only_on_a_scale_slip() -> None:
    text = ("Elles avaient récolté 2,315 milliards d'euros en juin dernier, atteignant "
            "8,4 milliards d'euros sur le premier semestre 2022. Cette année, le montant total "
            "plafonne à 3,8 milliards d'euros, soit une baisse de 55%.")
    assert _nl201(text) == []
    (finding,) = _nl201(text.replace("3,8 milliards", "3,8 millions"))
    assert finding.severity == "warning"
    assert finding.evidence["tie"] == "context"
    assert finding.evidence["slip"]["reading"] == "8,4 milliards d'euros → 3,8 millions d'euros"
    # an earlier figure that is merely different is not reported: the start may be unwritten
    assert _nl201(text.replace("3,8 milliards", "5,1 milliards")) == []


def test_a_rate_in_the_sentence_before_its_endpoints() -> None:
    text = ("Le déficit commercial a été allégé de 3,1% à fin août 2013. Le solde s'est établi à "
            "131,7 Mds de DH à fin août 2013, contre près de 135,9 Mds un an auparavant.")
    assert _nl201(text) == []
    (finding,) = _nl201(text.replace("131,7 Mds de DH", "131,7 M de DH"))
    assert finding.severity == "warning"


def test_a_comparative_with_its_base_after() -> None:
    text = ("L'année 2022 finit sur 642 669 immatriculations, soit 9,4 % ou 66 936 unités de "
            "moins que l'année précédente, qui avait connu 709 605 réimmatriculations.")
    assert _nl201(text) == []
    (finding,) = _nl201(text.replace("642 669", "642 669 000"))
    assert finding.severity == "warning"


def test_a_table_row_is_read_both_ways_and_only_a_slip_is_reported() -> None:
    text = ("Description 2022 2021 Écart 2022/2021\n"
            "Volume annuel traité (m³) 10 588 684 8 815 789 20,1%\n"
            "Volume moyen journalier traité (m³) 29 011 24 119 20,1%")
    # the second row is 20,3 % as printed: a rounding quarrel, not a slip
    assert _nl201(text) == []
    (finding,) = _nl201(text.replace("10 588 684", "10 588 684 000"))
    assert finding.severity == "warning"
    assert finding.evidence["tie"] == "table"


@pytest.mark.parametrize(
    "text",
    [
        # the rate is against 2019, not against the 20,5 millions of 2022
        "Avec les 21,6 millions de passagers enregistrés à fin octobre, l’année 2023 dépasse "
        "déjà 2022 durant laquelle le volume du trafic avait plafonné à 20,5 millions de "
        "passagers. Un nouveau record se profile donc, les performances actuelles dépassant "
        "de 3% celles de 2019.",
        # 0,7 point against 2015, whose rate is not given; 87,9 % is of 2014
        "Avec 88,5 % d’admis, le taux de réussite n’a jamais été aussi élevé. Le précédent "
        "record datait de 2014, avec 87,9 %. Cette cuvée 2016 est en hausse de 0,7 point par "
        "rapport à celle de 2015.",
        # another basis than the endpoints'
        "Le chiffre d'affaires atteint 1,2 milliard d'euros contre 1 milliard, soit une hausse "
        "de 8 % à périmètre constant.",
        # a rate of another quantity after a coordinating « et »
        "Les ventes atteignent 120 millions d'euros contre 100 millions, et la marge progresse "
        "de 3 %.",
        # a rate against a figure the paragraph does not give
        "En novembre 2022, il s’est vendu 133.960 voitures, contre 121.994 en novembre 2021 "
        "(soit +9,8%). En cumul, PFA en a comptabilisé 1.371.009, ce qui est inférieur de 8,65% "
        "au bilan des onze premiers mois de 2021.",
    ],
)
def test_no_finding_where_the_rate_is_about_something_else(text: str) -> None:
    assert [d for d in numlint.check(text, format="text") if d.severity in ("error", "warning")
            and d.code.startswith("NL2")] == []


def test_the_other_basis_is_named_and_only_a_slip_reported() -> None:
    text = ("Le chiffre d'affaires atteint 1,2 million d'euros contre 1 milliard d'euros, soit une "
            "hausse de 20 % à changes constants.")
    (finding,) = _nl201(text)
    assert finding.severity == "warning"
    assert finding.evidence["basis"] == "à changes constants"


def test_moroccan_dirham_abbreviation_and_glued_points_are_read() -> None:
    found = mentions("35,2Mds DH contre 33,4 Mds DH, soit un gain de 8,7points")
    assert [(m.text, m.currency) for m in found[:2]] == [
        ("35,2Mds DH", "MAD"), ("33,4 Mds DH", "MAD"),
    ]
    assert found[2].text == "8,7"
    assert mentions("la 5G et la DH") == []


def test_a_rate_that_leads_to_its_figure_and_a_base_later_in_the_sentence() -> None:
    text = ("Par contre, une augmentation de 18,6% durant cette période a été observée sur les "
            "exportations hors hydrocarbures, en atteignant 402 millions USD, tandis qu’elles "
            "n’ont pas dépassé les 339 millions USD au cours du premier bimestre 2020.")
    assert _nl201(text) == []
    (finding,) = _nl201(text.replace("402 millions", "402 milliards"))
    assert finding.evidence["slip"]["figure"] == "402 milliards USD"


def test_a_loose_tie_is_weighed_both_ways() -> None:
    """The figure the rate follows is the earlier one here (*Elle a été de A l'année
    précédente, ce qui signifie une diminution de p %*)."""
    text = ("La production est estimée à 20.970.000 quintaux. Elle a été de 23.472.000 quintaux "
            "l'année précédente, ce qui signifie une diminution de 10,7%.")
    assert _nl201(text) == []
    (finding,) = _nl201(text.replace("20.970.000", "20 970 000 000"))
    assert finding.severity == "warning"


def test_units_a_power_of_ten_apart_count_the_same_quantity() -> None:
    text = ("La FAO prévoit 690 millions de tonnes de blé. Bien qu'en légère baisse (- 1,4 %) "
            "par rapport à celle de 2011 (700 Mt), elle resterait élevée.")
    assert _nl201(text) == []
    (finding,) = _nl201(text.replace("690 millions", "690 milliards"))
    assert finding.evidence["tie"] == "context"


@pytest.mark.parametrize(
    "text",
    [
        # the imports' rate, next to the exports' figure
        "Les exportations se sont établies à 35,6 milliards de dollars. Le montant des "
        "importations a enregistré une baisse annuelle de 1 %, à 34,8 milliards de dollars.",
        # a threshold, not the base
        "La production est estimée à 29,7 millions de tonnes, en recul de 15% par rapport à "
        "l'année dernière. Seules deux autres récoltes n'ont pas franchi les 30 millions de "
        "tonnes.",
        # each « (B, ± p %) » is against a figure the text does not give
        "La production est prévue inchangée dans l'UE (138 Mt), en nette hausse aux Etats-Unis "
        "(60 Mt, + 10,3 %), en petite hausse en Inde (88,3 Mt, + 1,6 %), en légère baisse en "
        "Chine (115,5 Mt, - 2 %).",
        # a signed rate that is itself one of the compared figures
        "La récession a été réévaluée à -10 % pour 2020 au lieu de -11%.",
    ],
)
def test_no_finding_on_rates_of_other_figures(text: str) -> None:
    assert _nl201(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # the rate is year on year, the compared figure of the month before
        "Le trafic a atteint 2 millions de passagers en juillet, contre 1,5 million en juin, "
        "soit une hausse de 12 % sur un an.",
        # a forecast is not the earlier figure
        "Le bénéfice atteint 308 millions d'euros, contre 309 millions d'euros attendus par "
        "les analystes, en hausse de 18 %.",
        # « contre » after a rate compares it with another entity's figure
        "Renault vend 120 000 voitures, en hausse de 5 %, contre 100 000 pour Peugeot.",
        # a yearly average over twenty years
        "La population est passée de 60 à 68 millions entre 2000 et 2020, soit une hausse de "
        "0,6 % par an.",
    ],
)
def test_no_finding_where_the_rate_is_on_another_base(text: str) -> None:
    assert _nl201(text) == []


def test_a_rate_on_another_period_is_weighed_as_a_loose_tie() -> None:
    text = ("Le trafic a atteint 2 millions de passagers en juillet, contre 1,5 milliard en "
            "juin, soit une hausse de 12 % sur un an.")
    (change,) = [c for c in _changes(text) if c.stated is not None]
    assert change.basis == "another period than the compared figure"
    (finding,) = _nl201(text)  # 2 milliards would allow +12 %: a warning, never an error
    assert finding.severity == "warning"
    assert finding.evidence["basis"] == "another period than the compared figure"


def test_percent_points_reads_only_tied_changes() -> None:
    tied = "Le taux de couverture se situe à 78 % au lieu de 69,3 %, soit un gain de 8,7 %."
    assert [d.code for d in numlint.check(tied, format="text")
            if d.severity in ("error", "warning")] == ["NL202"]
    loose = ("Le taux atteint 7,4 % contre 7,2 % fin 2022. Le chômage des jeunes, lui, "
             "augmente de 0,2 %.")
    assert [d for d in numlint.check(loose, format="text") if d.code == "NL202"] == []
