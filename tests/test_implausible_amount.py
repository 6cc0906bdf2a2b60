"""NL105: an amount no economy could hold is reported, with or without a conversion."""

from __future__ import annotations

import datetime

import pytest

import numlint

DAY = datetime.date(2024, 5, 2)


def found(text: str, fmt: str = "text") -> list[numlint.Diagnostic]:
    return [d for d in numlint.check(text, format=fmt, date=DAY) if d.code == "NL105"]


@pytest.mark.parametrize(
    "text",
    [
        "La Russie prévoit un déficit de 2,41 trillions de roubles.",
        "La Russie prévoit un déficit de 2,41\u00a0trillions de roubles.",
        "La Russie prévoit un déficit de 2,41\u202ftrillions de roubles.",
        "Un plan de 5 trillions de dollars d\u2019investissements.",
    ],
)
def test_a_french_trillion_of_a_rated_currency_is_an_error_with_the_english_reading(
    text: str,
) -> None:
    [error] = found(text)
    assert error.severity == "error"
    assert "trillion" in text[error.start : error.end]
    assert "billion" in error.message  # the English reading, written the French way
    assert float(error.evidence["euros"]) > float(error.evidence["bound_eur"])
    assert error.evidence["rate_source"]


def test_a_coarse_rate_is_named_in_the_evidence() -> None:
    [error] = found("un déficit de 2,41 trillions de roubles")
    assert error.evidence["rate_method"] == "coarse-rate"
    assert "coarse" in error.evidence["rate_source"]


def test_without_a_rate_a_trillion_is_a_warning_that_says_no_rate_was_found() -> None:
    # kwanzas: neither the ECB nor the coarse table has a rate (roupies are read as INR)
    [warning] = found("un budget de 1,65 trillion de kwanzas")
    assert warning.severity == "warning"
    assert "no rate" in warning.evidence["rate"]
    assert "1,65 billion de kwanzas" in warning.message


def test_it_is_found_in_html_at_its_place() -> None:
    html = "<p>Un déficit de <b>2,41 trillions de roubles</b> est prévu.</p>"
    [error] = found(html, "html")
    assert html[error.start : error.end] == "2,41 trillions de roubles"


@pytest.mark.parametrize(
    "text",
    [
        "Le marché mondial des dérivés pèse 600 000 milliards de dollars.",
        "La dette mondiale dépasse 300 billions de dollars.",
        "Le budget russe atteint 36 000 milliards de roubles.",
        "Le PIB de l'Inde dépasse 300 000 milliards de roupies.",
        "2,41 milliards de roubles",
    ],
)
def test_large_but_possible_amounts_are_silent(text: str) -> None:
    assert found(text) == []


def test_an_english_trillion_whose_conversion_holds_is_left_to_nl104() -> None:
    text = "Le plan atteint 4 trillions de yuans, soit environ 400 milliards d’euros."
    found_codes = [d.code for d in numlint.check(text, format="text",
                                                 date=datetime.date(2010, 9, 20))]
    assert found_codes == ["NL104"]
    [nl104] = [d for d in numlint.check(text, format="text", date=datetime.date(2010, 9, 20))]
    assert nl104.fix is not None and "4 billions de yuans" in nl104.fix.apply(text)


def test_a_slipped_conversion_of_an_english_trillion_is_still_an_error() -> None:
    """The first figure's rounding scales with its English reading: ±0,5 trillion (10^18)
    must not make 400 millions look like the conversion of 4 × 10^12 yuans."""
    text = "Le plan atteint 4 trillions de yuans, soit environ 400 millions d’euros."
    found_codes = {d.code for d in numlint.check(text, format="text",
                                                 date=datetime.date(2010, 9, 20))}
    assert "NL101" in found_codes


def test_an_amount_past_the_largest_scale_word_is_shown_with_its_digits_grouped():
    (found,) = [d for d in numlint.check("Le groupe a levé 12 000 000 milliards d’euros.",
                                         format="text", date="2025-02-11")
                if d.code == "NL105"]
    assert "environ 12\u202f000 billions EUR" in found.message
    (english,) = [d for d in numlint.check("Le groupe a levé 12 000 000 milliards d’euros.",
                                           format="text", date="2025-02-11", lang="en")
                  if d.code == "NL105"]
    assert "12,000 trillion EUR" in english.message


def test_an_english_singular_billion_gets_one_finding_with_one_fix():
    found = numlint.check("Le contrat vaut 3 billion de dollars.", format="text")
    assert [d.code for d in found] == ["NL104"]
    assert [e.replacement for e in found[0].fix.edits] == ["milliards"]
    plural = numlint.check("Le contrat vaut 1,5 billions de dollars.", format="text")
    assert "NL305" in [d.code for d in plural]  # a French agreement slip is still one
