"""Markup that would change a figure: superscripts, digits across tags, hard breaks."""

from __future__ import annotations

from datetime import date

import pytest

import numlint
from numlint.sources import OBJECT, read_source

DAY = date(2025, 2, 11)
NBSP, NNBSP = "\u00a0", "\u202f"


def _text(source: str, format: str) -> str:
    return read_source(source, format).text.strip()  # type: ignore[arg-type]


def _codes(source: str, format: str) -> list[tuple[str, str]]:
    return [(d.code, source[d.start : d.end])
            for d in numlint.check(source, format=format, date=DAY)]


# -- superscripts and digits across tags


@pytest.mark.parametrize("format", ["html", "markdown"])
@pytest.mark.parametrize(
    ("source", "prose"),
    [
        ("12<sup>1</sup> euros", "12 euros"),
        (f"3,5<sup>2</sup>{NBSP}%", f"3,5{NBSP}%"),
        ("12<sup>[1]</sup> euros", "12 euros"),
        ("12<sup><a href='#note1'>1</a></sup> euros", "12 euros"),
        ('12<a class="footnote-ref" href="#fn1" id="fnref1" role="doc-noteref"><sup>1</sup></a>'
         " euros", "12 euros"),
        (f"10<sup>6</sup>{NNBSP}tonnes", f"10{OBJECT}{NNBSP}tonnes"),
        ("10<sup>-3</sup> m", f"10{OBJECT} m"),
        ("de 10<sup>1</sup> à 12", "de 10 à 12"),
        ("2 km<sup>2</sup>", "2 km2"),
        ("le 1<sup>er</sup> janvier", "le 1er janvier"),
        ("CO<sub>2</sub>", "CO2"),
        ("3 m<sup>3</sup>", "3 m3"),
        ("5 ft<sup>2</sup>", "5 ft2"),
        ("des dollars<sup>1</sup> (près", "des dollars (près"),
        ("des dollars<sup>2</sup> (près", "des dollars (près"),
        ("des euros <sup>(3)</sup>.", "des euros ."),
        ("2020</time><time class='updated'>20 janvier", f"2020{OBJECT}20 janvier"),
        ("<b>1</b><i>234</i>", f"1{OBJECT}234"),
    ],
)
def test_a_digit_never_joins_a_digit_across_markup(source, prose, format):
    assert _text(source, format) == prose


def test_a_markdown_footnote_call_leaves_nothing():
    assert _text("Un coût de 45[^1] euros.\n\n[^1]: Source.\n", "markdown").startswith(
        "Un coût de 45 euros."
    )
    assert _text("En 2020[^1]2 cas.\n\n[^1]: x\n", "markdown").startswith(f"En 2020{OBJECT}2")


@pytest.mark.parametrize("format", ["html", "markdown"])
def test_a_footnote_call_does_not_change_the_figure_it_follows(format):
    source = "Le coût atteint 97,4 milliards de dollars<sup>1</sup> (près de 95 millions d’euros)."
    [found] = [d for d in numlint.check(source, format=format, date=DAY) if d.code == "NL101"]
    assert source[found.start : found.end] == "95 millions d’euros"
    assert "121" not in str(numlint.check("Il paie 12<sup>1</sup> euros.", format=format))


@pytest.mark.parametrize("format", ["html", "markdown"])
def test_a_footnote_on_an_endpoint_raises_no_false_change_mismatch(format):
    right = "Le budget passe de 10<sup>1</sup> à 12 millions d’euros, soit une hausse de 20 %."
    assert _codes(right, format) == []
    wrong = right.replace("20 %", "80 %")
    assert _codes(wrong, format) == [("NL201", "80 %")]


def test_a_date_split_over_two_time_elements_is_not_one_figure():
    source = ('<p>Publié le <time datetime="2020-01-12">12 janvier 2020</time>'
              '<time class="updated" datetime="2020-01-20">20 janvier</time></p>')
    assert "202020" not in _text(source, "html")
    assert _codes(source, "html") == []


# -- hard breaks inside a figure


@pytest.mark.parametrize(
    ("source", "format", "prose"),
    [
        ("97,4<br>milliards", "html", "97,4 milliards"),
        ("97,4<br />milliards", "html", "97,4 milliards"),
        ("97,4<BR>\n  milliards", "html", "97,4  milliards"),
        ("<strong>1,6</strong><br><em>million</em> d’emplois", "html", "1,6 million d’emplois"),
        ("12<br>€", "html", "12 €"),
        ("97,4\\\nmilliards", "markdown", "97,4 milliards"),
        ("97,4  \nmilliards", "markdown", "97,4 milliards"),
        ("97,4<br>milliards", "markdown", "97,4 milliards"),
        # what still separates: two breaks, a digit after, no digit before
        ("97,4<br><br>milliards", "html", "97,4\n\nmilliards"),
        ("2024<br>12 candidats", "html", "2024\n12 candidats"),
        ("Tome<br>deux", "html", "Tome\ndeux"),
        ("Tome\\\ndeux", "markdown", "Tome\ndeux"),
        ("Tome  \ndeux", "markdown", "Tome  \ndeux"),
    ],
)
def test_a_single_hard_break_inside_a_figure_reads_as_a_space(source, format, prose):
    assert _text(source, format) == prose


def test_nl201_across_a_br():
    source = "<p>Le budget passe de 120 à 180<br>millions d’euros, soit une hausse de 80 %.</p>"
    assert _codes(source, "html") == [("NL201", "80 %")]


def test_nl301_across_a_self_closing_br_with_a_fix_that_keeps_the_break():
    source = "<p>Un rachat de 97.4<br />milliards de dollars.</p>"
    [found] = numlint.check(source, format="html", date=DAY)
    assert (found.code, source[found.start : found.end]) == (
        "NL301", "97.4<br />milliards de dollars")
    assert found.fix is not None
    assert found.fix.apply(source) == "<p>Un rachat de 97,4<br />milliards de dollars.</p>"


@pytest.mark.parametrize(
    ("source", "format"),
    [
        ("la somme de 97,4 milliards de dollars (près de 95<br>millions d’euros)", "html"),
        ("la somme de 97,4 milliards de dollars (près de 95\\\nmillions d’euros)", "markdown"),
        ("la somme de 97,4 milliards de dollars (près de 95  \nmillions d’euros)", "markdown"),
        ("la somme de 97,4<br/>milliards de dollars (près de 95 millions d’euros)", "html"),
    ],
)
def test_nl101_on_a_conversion_wrapped_by_a_hard_break(source, format):
    [found] = numlint.check(source, format=format, date=DAY)
    assert found.code == "NL101"
    assert source[found.start : found.end].startswith("95")
    assert source[found.start : found.end].endswith("millions d’euros")
    assert found.fix is not None
    fixed = found.fix.apply(source)
    assert fixed == source.replace("95<br>millions", "95<br>milliards").replace(
        "millions d’euros", "milliards d’euros")
