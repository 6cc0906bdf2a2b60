"""Shares the numbers alone tie: a percentage two amounts of its sentence match only once
one of them is read 1 000 times off (held-out round 7f, rh207), in short variants with
the spacing, apostrophes and markup real copy uses."""

from __future__ import annotations

import pytest

import numlint

NBSP, NNBSP = "\u00a0", "\u202f"


def _nl205(text: str, fmt: str = "text") -> list[numlint.Diagnostic]:
    return [d for d in numlint.check(text, format=fmt) if d.code == "NL205"]


_RICE = (
    "Le riz atteint une production mondiale de {part} de tonnes, ce qui représente 27{sp}%"
    " de la production totale des céréales (1{sp}867{sp}millions de tonnes en 1989)."
)
_TAX = "Avec 38 % des recettes, l’impôt apporte {part} d’euros sur 4{sp}215 millions d’euros."


@pytest.mark.parametrize("sp", [" ", NBSP, NNBSP])
def test_a_part_a_thousand_times_off_its_share_is_a_slip(sp: str) -> None:
    text = _RICE.format(sp=sp, part=f"504{sp}milliards")
    [finding] = _nl205(text)
    assert text[finding.start : finding.end] == f"504{sp}milliards de tonnes"
    assert finding.severity == "warning"
    evidence = finding.evidence
    assert evidence["percent"] == f"27{sp}%"
    assert evidence["whole"] == f"1{sp}867{sp}millions de tonnes"
    assert "part × 10^-3 or whole × 10^3" in evidence["reading"]
    assert "26.995 %" in evidence["reading"]
    assert 0 < evidence["chance"] <= 0.03
    assert finding.fix is None or not finding.fix.edits  # which figure slipped is open


def test_the_part_may_come_after_its_share_and_its_whole_last() -> None:
    text = _TAX.format(sp=NNBSP, part=f"1{NNBSP}602 milliards")
    [finding] = _nl205(text)
    assert text[finding.start : finding.end] == f"1{NNBSP}602 milliards d’euros"


def test_the_slip_is_found_in_a_cms_page() -> None:
    html = "<p>" + _RICE.format(sp="&nbsp;", part="504&#8239;milliards") + "</p>"
    [finding] = _nl205(html, "html")
    assert html[finding.start : finding.end].startswith("504&#8239;milliards")


def test_a_whole_a_thousand_times_off_is_read_too() -> None:
    text = _RICE.format(sp=" ", part="504 millions").replace("867 millions", "867 milliards")
    [finding] = _nl205(text)
    assert text[finding.start : finding.end] == "504 millions de tonnes"
    assert "whole × 10^-3" in finding.evidence["reading"]


def test_the_share_as_printed_is_silent() -> None:
    assert _nl205(_RICE.format(sp=NNBSP, part=f"504{NNBSP}millions")) == []
    assert _nl205(_TAX.format(sp=NBSP, part=f"1{NBSP}602 millions")) == []


def test_round_figures_that_match_by_chance_are_silent() -> None:
    # 1,6 / 4,2 is 38 % within a margin wide enough that luck often lands in it
    text = "Le plan de 4,2 milliards d’euros consacre 38 % à la recherche, soit 1,6 million."
    assert _nl205(text) == []


def test_a_percentage_of_change_is_no_share() -> None:
    share = _TAX.format(sp=" ", part="1 602 milliards")
    change = share.replace("Avec 38 % des recettes", "En hausse de 38 %")
    assert len(_nl205(share)) == 1
    assert _nl205(change) == []


def test_amounts_of_two_measures_are_not_weighed() -> None:
    text = ("La ville de 4 215 habitants consacre 38 % de son budget, soit 1 602 milliards"
            " d’euros, aux écoles.")
    assert _nl205(text) == []
