"""Held-out round 6c (rh131–rh152): sums the numbers alone tie, and the wordings of its
misses, each read in general (short variants written for the test, with the spacing,
apostrophes and markup real copy uses)."""

from __future__ import annotations

import pytest

import numlint

NBSP, NNBSP = "\u00a0", "\u202f"


def _nl205(text: str, fmt: str = "text") -> list[numlint.Diagnostic]:
    return [d for d in numlint.check(text, format=fmt) if d.code == "NL205"]


# revenue + deficit = expenses, to the last printed digit, and no word says so
_BUDGET = (
    "Les recettes s’élèvent à {revenue} de francs CFA.\n"
    f"Quant aux dépenses, elles atteignent 1{NNBSP}934,7{NBSP}milliards de francs CFA, soit"
    " une progression de 4,1 %.\n"
    "Le budget présente un déficit global de 422,3 milliards de francs CFA."
)


def test_parts_that_add_up_only_once_one_is_rescaled_are_a_slip() -> None:
    text = _BUDGET.format(revenue=f"1{NNBSP}512,4{NBSP}millions")
    [finding] = _nl205(text)
    assert text[finding.start : finding.end].startswith(f"1{NNBSP}512,4")
    assert finding.severity == "warning"
    assert "milliards" in (finding.fix.edits[0].replacement if finding.fix else "")
    evidence = finding.evidence
    assert evidence["chance"] <= 0.03
    assert evidence["agreeing_digits"] >= 3
    assert "significant digits" in evidence["tie"]


def test_the_same_paragraph_as_printed_is_silent() -> None:
    assert _nl205(_BUDGET.format(revenue=f"1{NNBSP}512,4{NBSP}milliards")) == []


def test_the_coincidence_is_found_across_the_paragraphs_of_a_cms_page() -> None:
    html = "".join(
        f"<p>{line}</p>"
        for line in _BUDGET.format(revenue="1&nbsp;512,4&nbsp;millions").split("\n")
    )
    [finding] = _nl205(html, "html")
    assert html[finding.start : finding.end].startswith("1&nbsp;512,4")
    assert finding.evidence["rescaled_by"] == "10^3"


_RESULTS = (
    "Résultats du second tour\n\nJeanne MARTIN 65,23% {first} voix\nPaul DURAND 34,77% 913"
    " voix\nParticipation\n51,08 % (2 811)\nBlancs\n3,70 % (104)\nNuls\n1,85 % (52)"
)


def test_counts_that_make_up_the_voters_with_one_slipped_are_caught() -> None:
    text = _RESULTS.format(first=f"1{NBSP}742{NBSP}000")
    [finding] = _nl205(text)
    assert text[finding.start : finding.end] == f"1{NBSP}742{NBSP}000"
    assert _nl205(_RESULTS.format(first=f"1{NBSP}742")) == []


def test_round_figures_that_happen_to_add_up_once_rescaled_weigh_too_little() -> None:
    # 3 millions read 1 000 times larger + 2 milliards = 5 milliards: chance, not evidence
    text = ("Le plan prévoit 2 milliards d’euros pour l’école, 3 millions d’euros pour la"
            " santé et 5 milliards d’euros de dépenses nouvelles.")
    assert _nl205(text) == []


def test_a_hedged_sum_weighs_too_little() -> None:
    text = ("Bordeaux va toucher environ 8 millions d'euros. Car en plus des 20% (environ"
            " 6 500M) sur la plus value, Bordeaux touchera aussi 1,5% (environ 1M).")
    assert _nl205(text) == []


@pytest.mark.parametrize("apostrophe", ["’", "'"])
def test_a_part_after_dont_plus_is_a_part(apostrophe: str) -> None:
    text = (f"Le Département prévoit un investissement record de 240{NBSP}M€, dont plus"
            f" 152{NBSP}Md€ hors remboursement de la dette, un niveau jamais atteint"
            f" jusqu{apostrophe}ici.")
    [finding] = _nl205(text)
    assert text[finding.start : finding.end] == f"152{NBSP}Md€"
    assert _nl205(text.replace("Md€", "M€")) == []


def test_a_sentence_opening_in_a_budget_takes_its_parts_from_it() -> None:
    text = (f"Dans un budget primitif 2024 de 512 millions d’euros en hausse de 3,2{NBSP}%,"
            " les investissements en crédits de paiement de 143 milliards d’euros progressent"
            " de 6 %.")
    [finding] = _nl205(text)
    assert text[finding.start : finding.end] == "143 milliards d’euros"
    assert _nl205(text.replace("143 milliards", "143 millions")) == []


_DAILY = (
    f"Chaque jour, la métropole produit environ 20{NNBSP}000 tonnes de déchets (hors"
    " chantiers) ce qui représente une production annuelle d’environ {year} de tonnes par"
    " an."
)


def test_a_rate_restated_after_an_aside_and_its_noun_is_weighed() -> None:
    [finding] = [d for d in numlint.check(_DAILY.format(year="7 milliards"))
                 if d.code == "NL101"]
    assert "7 milliards" in _DAILY.format(year="7 milliards")[finding.start : finding.end]
    assert [d.code for d in numlint.check(_DAILY.format(year="7 millions"))] == []


@pytest.mark.parametrize("space", [" ", NBSP, NNBSP])
def test_an_amount_taken_from_a_figure_that_moves_is_its_change(space: str) -> None:
    text = (f"La loi de finances rectificative prévoit une baisse de plus de 64{space}milliards"
            f" sur le budget national qui doit passer de 3{space}127 à 3{space}063{space}{{scale}}"
            " de Fcfa.")
    [finding] = [d for d in numlint.check(text.format(scale="millions")) if d.code == "NL201"]
    assert finding.severity == "error"
    assert [d.code for d in numlint.check(text.format(scale="milliards"))] == []
