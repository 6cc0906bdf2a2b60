"""Held-out round 7e (rh181–rh202, mixed families): speeds in kilometres per second, and
a conversion restated in the next sentence after a pronoun (*Cela se traduit par*, *…,
elle représente*), each read in general (short variants written for the test, with the
spacing, apostrophes and markup real copy uses)."""

from __future__ import annotations

import pytest

import numlint

NBSP, NNBSP = "\u00a0", "\u202f"


def _nl101(text: str, fmt: str = "text") -> list[numlint.Diagnostic]:
    return [d for d in numlint.check(text, format=fmt) if d.code == "NL101"]


@pytest.mark.parametrize("space", [" ", NBSP, NNBSP])
def test_kilometres_per_second_are_a_speed(space: str) -> None:
    [mention] = [m for m in numlint.mentions(f"une sonde lancée à 11,2{space}km/s vers Mars")
                 if m.kind == "quantity"]
    assert mention.written_unit is not None and mention.written_unit.text == "km/s"
    assert mention.unit == "kilometer / second"


@pytest.mark.parametrize("linker", ["ou", "soit", "c’est-à-dire"])
def test_a_speed_per_second_restated_per_hour_a_thousand_times_off_is_caught(
        linker: str) -> None:
    text = f"La comète file à 30{NBSP}km/s {linker} 108{NNBSP}000{NBSP}m/h."
    [finding] = _nl101(text)
    assert text[finding.start : finding.end].startswith(f"108{NNBSP}000")
    assert _nl101(text.replace("m/h", "km/h")) == []


def test_a_restatement_opening_the_next_sentence_on_cela_is_weighed() -> None:
    text = ("La sonde s’éloigne à 17 kilomètres par seconde.\n"
            "Cela se traduit par plus de 61 000 mètres par heure.")
    [finding] = _nl101(text)
    assert text[finding.start : finding.end].startswith("61 000")
    assert _nl101(text.replace("mètres par heure", "kilomètres par heure")) == []


def test_a_pronoun_after_a_clause_and_an_abbreviation_in_parentheses() -> None:
    text = (f"Il passera à 0,05{NBSP}unité astronomique (ua) de la Terre. Si cette distance"
            " paraît faible, elle représente tout de même 7,5 millions de mètres.")
    [finding] = _nl101(text)
    assert text[finding.start : finding.end].startswith("7,5 millions")
    assert _nl101(text.replace("de mètres", "de kilomètres")) == []


def test_the_restatement_in_html_paragraphs() -> None:
    html = ("<p>L’astéroïde volera à 23&nbsp;kilomètres par seconde.</p>"
            "<p>Cela se traduit par plus de 82&#8239;000 mètres par heure.</p>")
    [finding] = _nl101(html, "html")
    assert html[finding.start : finding.end].startswith("82&#8239;000")


def test_a_pronoun_with_no_equivalence_verb_ties_nothing() -> None:
    text = ("La sonde s’éloigne à 17 kilomètres par seconde. Elle a parcouru 61 000 mètres"
            " par heure lors de son premier essai.")
    assert _nl101(text) == []


def _nl206(text: str, fmt: str = "text") -> list[numlint.Diagnostic]:
    return [d for d in numlint.check(text, format=fmt) if d.code == "NL206"]


@pytest.mark.parametrize("space", [" ", NBSP, NNBSP])
def test_a_range_of_counts_with_its_noun_and_no_opener_is_read(space: str) -> None:
    text = (f"soit l’équivalent de l’électricité consommée par 220{space}000 à 280 foyers"
            " français")
    [finding] = _nl206(text)
    assert text[finding.start : finding.end].startswith(f"220{space}000")
    assert _nl206(text.replace(f"220{space}000", "220")) == []


def test_entre_with_a_instead_of_et_bounds_a_range_of_counts() -> None:
    html = "<p>Le club attend entre 1&#8239;500 à 200&nbsp;supporters.</p>"
    [finding] = _nl206(html, "html")
    assert html[finding.start : finding.end].startswith("1&#8239;500")


@pytest.mark.parametrize("tally", ["battu 30 à 2 hier soir", "adopté par 91 à 8 voix",
                                   "l’emporte 21 à 3 dans la soirée",
                                   "les 3 à 4 000 manifestants"])
def test_scores_tallies_and_shared_thousands_are_no_inverted_range(tally: str) -> None:
    assert _nl206(tally) == []
