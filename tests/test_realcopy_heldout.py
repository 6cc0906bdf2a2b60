"""Wordings of the held-out real-copy paragraphs (rh02, rh17) outside sums: a heading's
figure converted on the next line (*13 milliards de francs CFA* / *Cette somme est
l'équivalent de 20 millions d'euros*), a duration range whose first bound no clock shows.
Each case is checked with NBSP, narrow NBSP, the typographic apostrophe and in HTML."""

from __future__ import annotations

import pytest
from test_relations_realcopy import DAY, variants

import numlint


def found(text: str, code: str, fmt: str = "text") -> list[str]:
    return [text[d.start : d.end].replace("\u00a0", " ").replace("\u202f", " ")
            .replace("\u2019", "'") for d in numlint.check(text, format=fmt, date=DAY)
            if d.code == code]


HEADING = "13 milliards de francs CFA\nCette somme {verb} l'équivalent de {euros} d'euros."


@pytest.mark.parametrize("verb", ["est", "représente"])
def test_a_heading_converted_on_the_next_line_is_weighed(verb: str) -> None:
    for variant in variants(HEADING.format(verb=verb, euros="20 milliards")):
        assert found(variant, "NL101") == ["20 milliards d'euros"], variant
    for variant in variants(HEADING.format(verb=verb, euros="20 millions")):
        assert found(variant, "NL101") == [], variant


def test_a_heading_converted_in_the_next_html_block_is_weighed() -> None:
    html = ("<h2>13 milliards de francs CFA</h2>\n<p>Cette somme est l&#8217;équivalent de"
            " <strong>20 milliards d’euros</strong>.</p>")
    assert found(html, "NL101", "html") == ["20 milliards d'euros"]


def test_a_figure_not_ending_its_line_is_not_taken_up_by_the_next() -> None:
    text = ("13 milliards de francs CFA pour le Cameroun\nCette somme est l'équivalent de"
            " 20 milliards d'euros.")
    for variant in variants(text):
        assert found(variant, "NL101") == [], variant


DURATION = "Le coût des jeux, d'une durée de {low} à 20 minutes, varie entre 6000 et 15 000 francs."


def test_a_duration_range_with_a_first_bound_no_clock_shows_is_inverted() -> None:
    for variant in variants(DURATION.format(low="15 000")):
        assert found(variant, "NL206") == ["15 000"], variant
    typeset = DURATION.format(low="15\u202f000").replace("20 minutes", "20&nbsp;minutes")
    html = "<p>" + typeset + "</p>"
    assert found(html, "NL206", "html") == ["15 000"]


@pytest.mark.parametrize("text", [
    DURATION.format(low="15"),
    "La permanence est ouverte de 45 à 10 minutes avant l'heure.",
    "Le service fonctionne de 22 heures à 6 heures.",
])
def test_clock_readings_and_consistent_durations_stay_silent(text: str) -> None:
    for variant in variants(text):
        assert found(variant, "NL206") == [], variant
