"""Wordings of the third held-out round of real copy (rh27–rh52), one test per capability
added after it. Each slip is the mutant of a real sentence (its source given); each
original must stay silent. Every case is checked with NBSP, narrow NBSP and the
typographic apostrophe, and in HTML."""

from __future__ import annotations

import html as html_escape

import pytest
from test_relations_realcopy import DAY, variants

import numlint


def flagged(text: str, code: str, fmt: str = "text") -> list[str]:
    return [_plain(text[d.start : d.end]) for d in numlint.check(text, format=fmt, date=DAY)
            if d.code == code]


def _plain(figure: str) -> str:
    return figure.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2019", "'")


def _in_html(text: str) -> str:
    return "".join(f"<p>{html_escape.escape(line, quote=False)}</p>\n"
                   for line in text.split("\n"))


def assert_flags(text: str, code: str, figure: str) -> None:
    for variant in variants(text):
        assert figure in flagged(variant, code), variant
    assert figure in flagged(_in_html(text), code, "html")


def assert_silent(text: str, code: str) -> None:
    for variant in variants(text):
        assert flagged(variant, code) == [], variant
    assert flagged(_in_html(text), code, "html") == []


# --- lists of parts -----------------------------------------------------------------

# bfmbusiness.bfmtv.com (la-suisse-inflige-une-amende-a-huit-banques…): bare parts whose
# currency the page's « en euros » gives, after a whole in « francs » numlint cannot resolve
SANCTIONS = (
    "Concernant l'enquête sur le cartel dans les produits dérivés de taux d'intérêt en euros"
    " (entre septembre 2005 et mai 2008), les sanctions s'élèvent à environ 45,3 millions de"
    " francs, Barclays ({barclays}), Royal Bank of Scotland (RBS, 12,3 millions) et la Société"
    " Générale (3,3 millions)."
)
# ifrap.org (ou-sont-les-500000-sureffectifs-publics): a bulleted list closed by its total
SURPLUS = (
    "Les résultats sont les suivants :\n- {state} postes sont en surnombre dans la fonction"
    " publique d'État (EQTP) ;\n- 254 969 postes sont en surnombre dans la fonction publique"
    " territoriale (EQTP) ;\n- Au total, cela représente un potentiel de suradministration"
    " 510 635 postes."
)
# radioalgerie.dz (article 150497): a named total whose parts another whole nearly matches
SENEGAL = (
    "Le Togo a obtenu deux approbations pour 14 milliards de FCFA, dont 10 milliards pour"
    " l'alimentation en eau potable dans des centres semi-urbains.\nEn faveur du Sénégal, un"
    " total de 30 milliards de FCFA a été approuvé, soit {first} à l'aménagement et au"
    " bitumage de la Boucle du Blouf et les 15 milliards restant à la Caisse des dépôts et"
    " consignations (CDC)."
)


@pytest.mark.parametrize(("template", "key", "slip", "right"), [
    (SANCTIONS, "barclays", "29,7 milliards", "29,7 millions"),
    (SURPLUS, "state", "255 665 000", "255 665"),
    (SENEGAL, "first", "15 millions", "15 milliards"),
])
def test_a_list_that_adds_up_only_once_a_part_is_rescaled_is_flagged(
        template: str, key: str, slip: str, right: str) -> None:
    assert_flags(template.format(**{key: slip}), "NL205", slip)
    assert_silent(template.format(**{key: right}), "NL205")


def test_a_colon_inside_a_label_does_not_make_a_part_the_whole() -> None:
    # laquotidienne.fr (gard-un-grand-pas-pour-le-pont): « les Lives au Pont : 25.000 »
    text = ("ce succès en séduisant cet été 243.000 personnes.\nLes Fééries du Pont ont"
            " notamment accueillis 27.000 spectateurs, les Lives au Pont : 25.000 participants,"
            " le Son et Lumière, mise en lumière, guinguettes ont séduit quelques 158.000"
            " personnes et quand à l'Exposition « Vestiges », c'est 33.000 visiteurs cet été.")
    assert_silent(text, "NL205")


# --- an addition written out, a list whose items carry their own change -------------

# letemps.ch (plus-grosses-amendes-lhistoire-banques-suisses): the parts written bare
UBS = ("L’amende reçue aujourd’hui par UBS de 545 millions de dollars ({first} + 203) est la"
       " cinquième plus importante de l’histoire bancaire helvétique")
# news.adakar.com (147755): « (+5,3%) » and « en repli de 16,5% » between the parts
RECEIPTS = (
    "En effet, le fisc sénégalais a collecté 1 126,3 milliards FCFA à fin avril 2024.\nAinsi,"
    " les recettes recouvrées sont composées, essentiellement, de recettes fiscales pour un"
    " montant de {first} (+5,3%) et de recettes non fiscales en repli de 16,5% pour une"
    " valeur de 72,8 milliards FCFA."
)


def test_an_addition_in_parentheses_is_the_sum_of_its_bare_parts() -> None:
    assert_flags(UBS.format(first="342 000"), "NL205", "545 millions de dollars")
    assert_silent(UBS.format(first="342"), "NL205")


def test_a_list_is_read_through_the_change_each_item_carries() -> None:
    slip = "1 053,5 millions FCFA"
    assert_flags(RECEIPTS.format(first=slip), "NL205", slip)
    assert_silent(RECEIPTS.format(first="1 053,5 milliards FCFA"), "NL205")


def test_a_comparison_between_items_still_breaks_the_list() -> None:
    text = ("Les recettes sont composées de 1 053,5 milliards FCFA, en hausse de 5,3% contre"
            " 72,8 milliards FCFA l'an dernier.")
    assert_silent(text, "NL205")


# --- a conversion after the figure's own parenthesis --------------------------------

# fratmat.info (cooperation-la-france-accorde-un-pret-de-140-milliards-fcfa-a-la-bad)
DONORS = ("D’autres pays ont aussi annoncé leur contribution à la reconstitution du fonds. Il"
          " s’agit du Japon (700 millions de dollars EU) soit {japan} de Fcfa et l’Inde (15"
          " millions de dollars EU), environ {india} de Fcfa.")


@pytest.mark.parametrize(("japan", "india", "slip"), [
    ("380 millions", "8 milliards", "380 millions de Fcfa"),
    ("380 milliards", "8 millions", "8 millions de Fcfa"),
])
def test_a_conversion_after_a_closed_parenthesis_is_weighed(japan: str, india: str,
                                                            slip: str) -> None:
    assert_flags(DONORS.format(japan=japan, india=india), "NL101", slip)


def test_a_conversion_after_a_closed_parenthesis_within_reach_is_silent() -> None:
    text = DONORS.format(japan="380 milliards", india="8 milliards")
    for code in ("NL101", "NL102"):
        assert_silent(text, code)


def test_an_aside_closed_before_another_amount_is_no_conversion() -> None:
    text = ("Le Japon (700 millions de dollars) et l'Inde, environ 8 milliards de Fcfa,"
            " contribuent.")
    assert_silent(text, "NL101")


# --- a change stated as an amount ----------------------------------------------------

# leral.net (Renflouement-de-ses-caisses…): both endpoints and the amount
RECEIPTS_FALL = ("Et, les recettes fiscales devraient passer de 2409,7 milliards FCfa en 2019 à"
                 " {end} en 2020, soit une baisse de 56,9 milliards FCfa en glissement"
                 " annuel.")
# 7jours.fr (budget-rennes-metropole…): the amount, the end and the rate
RENNES = ("Les recettes de fonctionnement sont en hausse de 18,3 M€ au budget primitif 2024"
          " pour s’établir à {end}, soit une hausse de 5 % par rapport à 2023.")


@pytest.mark.parametrize(("template", "slip", "right"), [
    (RECEIPTS_FALL, "2352,8 millions FCfa", "2352,8 milliards FCfa"),
    (RENNES, "384,4 Md€", "384,4 M€"),
])
def test_a_change_stated_as_an_amount_is_weighed(template: str, slip: str,
                                                  right: str) -> None:
    text = template.format(end=slip)
    assert_flags(text, "NL201", slip)
    assert_silent(template.format(end=right), "NL201")


def test_an_amount_a_few_percent_off_its_endpoints_is_a_warning() -> None:
    # the page's own slip: 859,1 − 713 = 146,1, not 141
    text = ("Les recettes douanières chutent aussi passant de 859,1 milliards FCfa à 713"
            " milliards FCfa, soit une baisse absolue de 141 milliards FCfa.")
    found = [d for d in numlint.check(text, format="text", date=DAY) if d.code == "NL201"]
    assert [(text[d.start : d.end], d.severity) for d in found] == [
        ("141 milliards FCfa", "warning")]


def test_a_range_without_a_verb_of_change_is_no_amount_change() -> None:
    text = ("Le coût est estimé de 859,1 milliards FCfa à 713 milliards FCfa, soit une baisse"
            " de 14 milliards FCfa du budget.")
    assert_silent(text, "NL201")


# --- a share whose whole the words name ---------------------------------------------

# reporterdafrique.info (togo-faire-du-budget-national-un-levier-de-gestion-optimal)
TOGO = ("Selon des sources officielles, à fin mars 2023, les dépenses du budget général sont"
        " estimées à {spent} de francs CFA. Elles correspondent à 23,11% de la prévision"
        " annuelle de 1 953,48 milliards de francs CFA.\nLe taux de réalisation des recettes"
        " du budget général est ressorti à 18,53%, soit un montant de {collected} de francs sur"
        " une prévision annuelle de 1 953,48 milliards.")


@pytest.mark.parametrize(("spent", "collected", "slip"), [
    ("451,53 millions", "362,05 milliards", "451,53 millions de francs CFA"),
    ("451,53 milliards", "362,05 millions", "362,05 millions de francs"),
])
def test_a_share_of_a_named_whole_is_weighed(spent: str, collected: str, slip: str) -> None:
    assert_flags(TOGO.format(spent=spent, collected=collected), "NL205", slip)


def test_shares_of_a_named_whole_that_hold_are_silent() -> None:
    assert_silent(TOGO.format(spent="451,53 milliards", collected="362,05 milliards"), "NL205")


# --- « francs » of no known currency ------------------------------------------------

# rfj.ch (Google-va-acheter-Motorola-Mobility-pour-12-5-milliards-de-dollars), undated
GOOGLE = ("Le géant américain de l'internet Google va acheter le fabricant de téléphones"
          " portables Motorola Mobility pour 12,5 milliards de dollars ({francs} de francs)"
          " en numéraire.")


def test_francs_of_no_known_currency_are_a_slip_only_if_no_franc_fits() -> None:
    text = GOOGLE.format(francs="9,9 millions")
    for variant in variants(text):
        found = [d for d in numlint.check(variant, format="text") if d.code == "NL101"]
        assert [_plain(variant[d.start : d.end]) for d in found] == ["9,9 millions de francs"]
        assert found[0].severity == "error"
        assert "open_currency" in found[0].evidence


@pytest.mark.parametrize("text", [
    GOOGLE.format(francs="9,9 milliards"),
    # a CFA franc amount fits, though a Swiss one would be 1 000 times off
    "La BOAD a approuvé 92,5 milliards de francs (164,5 millions de dollars) de prêts.",
])
def test_francs_that_one_franc_fits_are_left_unjudged(text: str) -> None:
    for variant in variants(text):
        assert [d.code for d in numlint.check(variant, format="text")
                if d.code in ("NL101", "NL102", "NL104")] == [], variant


# --- a period written on the second figure only --------------------------------------

# rtn.ch (20210719-Les-poissons-se-rient-des-crues)
FLOW = ("Au plus fort des épisodes orageux des mois de juin et juillet, le débit a atteint 27"
        " mètres cubes, soit {flow} par seconde.")


def test_a_period_written_on_the_restatement_only_is_shared() -> None:
    assert_flags(FLOW.format(flow="27'000 millilitres"), "NL101", "27'000 millilitres par seconde")
    for code in ("NL101", "NL102"):
        assert_silent(FLOW.format(flow="27'000 litres"), code)


def test_a_period_is_not_shared_without_soit() -> None:
    text = "La cuve contient 27 mètres cubes (27 litres par seconde à la vidange)."
    assert_silent(text, "NL101")


# --- a net change said with the changes it results from ------------------------------

# economieducameroun.info (gestion-publique-budget-du-cameroun-en-2023-…)
CAMEROON = ("– Il augmente de 264,7 milliards de FCFA par rapport à la loi de finances"
            " rectificative de 2022, résultant d’une hausse de {slip} de FCFA du budget général"
            " et d’une baisse de 32,4 milliards du budget des CAS [Compte d’Affectation"
            " Spéciale].")
# rh16 (Keystone-ATS, RTS): the whole is a yearly amount, the part is said without a period
RTS = ("La Radio Télévision Suisse (RTS) consacre 36 millions de francs par an à l’actualité"
       " quotidienne et aux événements d’actualité télévisuels. Les deux éditions"
       " quotidiennes du journal – Le 12h45 et Le 19h30 – absorbent à elles seules {slip}.")


@pytest.mark.parametrize(("template", "slip", "flagged_figure", "right"), [
    # the net change is the rises less the falls
    (CAMEROON, "297,1 millions", "264,7 milliards de FCFA", "297,1 milliards"),
    # a part « à elles seules » cannot exceed the whole before it (a yearly amount)
    (RTS, "29 milliards", "29 milliards", "29 millions"),
])
def test_a_part_that_no_longer_fits_its_whole_is_flagged(
        template: str, slip: str, flagged_figure: str, right: str) -> None:
    assert_flags(template.format(slip=slip), "NL205", flagged_figure)
    assert_silent(template.format(slip=right), "NL205")


def test_changes_all_of_one_direction_are_no_net_change() -> None:
    text = ("Il augmente de 264,7 milliards de FCFA, résultant d'une hausse de 297,1 milliards"
            " de FCFA du budget général et d'une hausse de 32,4 milliards du budget des CAS.")
    assert_silent(text, "NL205")


def test_on_its_own_far_from_any_amount_is_no_part() -> None:
    text = ("Le club a dépensé 36 millions de francs en 2019. Trois saisons plus tard, sans"
            " aucun budget connu, le public a rempli à lui seul 29 000 places.")
    assert_silent(text, "NL205")


@pytest.mark.parametrize("verb", ["Résultant", "RÉSULTANT"])
def test_a_capitalised_result_verb_still_ties_a_net_change(verb: str) -> None:
    """The cheap look before the case-blind pattern is case-blind too: the net change is
    read as the sum of its changes (W = A − B), not left to the numbers alone."""
    from numlint.relations.additions import find_additions

    text = CAMEROON.format(slip="297,1 milliards").replace("résultant", verb)
    slipped = CAMEROON.format(slip="297,1 millions").replace("résultant", verb)
    [net] = find_additions(text, numlint.mentions(text))
    assert [p.text for p in net.parts] == ["297,1 milliards de FCFA", "32,4 milliards"]
    assert_silent(text, "NL205")
    assert_flags(slipped, "NL205", "297,1 millions de FCFA")
