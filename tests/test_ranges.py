"""Ranges: how they are read (relations), weighed (NL206) and converted bound by bound."""

from __future__ import annotations

from decimal import Decimal

import pytest

import numlint
from numlint.mentions import mentions
from numlint.relations import find_relations
from numlint.rewrite import rescale_number


def _ranges(text: str):
    return find_relations(text, mentions(text)).ranges


def _found(text: str, code: str, fmt: str = "text"):
    return [d for d in numlint.check(text, format=fmt) if d.code == code]


@pytest.mark.parametrize(
    ("text", "opener", "separator", "low"),
    [
        ("entre 5 et 6 milliards de dirhams", "entre", "et", Decimal("5E9")),
        ("de 21 à 30 m", "de", "à", Decimal(21)),
        ("(30 000 à 40 000 pieds)", None, "à", Decimal(30000)),
        ("les 10–15 M€ promis", None, "–", Decimal("1E7")),
        ("entre 74 à 95 km", "entre", "à", Decimal(74)),
    ],
)
def test_a_range_is_read_with_its_opener_and_shared_scale(text, opener, separator, low):
    (found,) = _ranges(text)
    assert found.opener == opener
    assert found.separator == separator
    assert found.low.value == low
    assert found.low.inherited


def test_de_a_after_a_change_word_keeps_the_cue():
    (found,) = _ranges("Le prix est passé de 30 à 21 euros.")
    assert found.change_cue == "passé"
    (plain_range,) = _ranges("Il mesure de 21 à 30 m.")
    assert plain_range.change_cue is None


def test_entre_is_never_read_as_a_change():
    (found,) = _ranges("Le prix a baissé, entre 30 et 21 euros.")
    assert found.change_cue is None


def test_de_a_et_b_is_a_list_not_a_range():
    assert _ranges("les pièces de 1 et 2 centimes") == ()


def test_a_range_converted_into_a_range_gives_two_bound_equivalences():
    text = "entre 9 000 et 12 000 mètres (30 000 à 40 000 pieds)"
    relations = find_relations(text, mentions(text))
    pairs = [(e.first.text, e.second.text, e.marker) for e in relations.equivalences]
    assert pairs == [("9 000", "30 000", "parenthesis"),
                     ("12 000 mètres", "40 000 pieds", "parenthesis")]


def test_the_suspect_range_takes_the_findings_place():
    """The inverted range holds the slip: its bound is the one a fix would change."""
    text = "entre 9 000 000 et 12 000 mètres (30 000 à 40 000 pieds)"
    relations = find_relations(text, mentions(text))
    assert [e.second.text for e in relations.equivalences] == ["9 000 000", "12 000 mètres"]


def test_ranges_of_one_unit_are_no_conversion():
    text = "entre 5 et 6 millions d'euros (soit entre 7 et 8 millions d'euros)"
    assert find_relations(text, mentions(text)).equivalences == ()


def test_strong_inversion_is_an_error_with_evidence():
    (finding,) = _found("Les prévisions variaient entre 5 000 et 6 milliards de dirhams.", "NL206")
    assert finding.severity == "error"
    assert finding.evidence["shared"] == "milliards de dirhams"
    assert finding.evidence["ratio"] == "833.333"
    assert "always a range" in finding.evidence["weighed"]


def test_a_bound_that_may_mean_its_digits_alone_is_only_a_warning():
    (finding,) = _found("Le résultat est attendu entre 400 000 et 420 millions d’euros.", "NL206")
    assert finding.severity == "warning"
    assert finding.evidence["unscaled_span"] == "1050"
    assert finding.fix is not None


def test_elided_scale_is_a_warning_without_fix():
    (finding,) = _found("Le coût est estimé entre 800 et 1 milliard d'euros.", "NL206")
    assert finding.severity == "warning"
    assert "800 millions" in finding.message
    assert finding.fix is None


def test_small_downwards_range_with_entre_is_a_warning():
    (finding,) = _found("Les pertes sont estimées entre 5 et 3 millions d'euros.", "NL206")
    assert finding.severity == "warning"


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_findings_point_at_the_wrong_bound_in_every_form(fmt):
    text = "Elle mesure de 21\u202f000 à 30\u00a0m et pèse 130 tonnes."
    source = f"<p>{text}</p>" if fmt == "html" else text
    (finding,) = _found(source, "NL206", fmt)
    assert source[finding.start : finding.end] == "21\u202f000"


def test_a_shared_scale_word_slip_is_reported_once_on_the_word():
    text = ("Le plan coûtera entre 2 et 3 milliards de dollars (soit entre 1,8 et 2,7 millions "
            "d'euros).")
    found = [d for d in numlint.check(text, format="text", date="2025-02-11")
             if d.code in ("NL101", "NL206")]
    assert [(d.code, text[d.start : d.end]) for d in found] == [
        ("NL101", "2,7 millions d'euros")
    ]


@pytest.mark.parametrize(
    ("written", "shift", "expected"),
    [("5 000", -3, "5"), ("30.000", 3, "30.000.000"), ("2\u00a0700", -3, "2,7"),
     ("9", 3, "9\u00a0000")],
)
def test_a_bound_is_rescaled_in_its_digits(written, shift, expected):
    text = f"entre {written} et 60 000 milliards de dirhams"
    low = mentions(text)[0]
    rewrite = rescale_number(text, low, shift)
    assert rewrite is not None
    assert rewrite.replacement == expected
    assert text[rewrite.start : rewrite.end] == written


def test_a_short_first_bound_shares_the_thousands_of_a_round_second_one():
    (found,) = _ranges("(est. 30 à 40 000 euros)")
    assert found.low.value == Decimal(30000)
    (wide,) = _ranges("entre 1 et 50 000 euros")
    assert wide.low.value == Decimal(1)


@pytest.mark.parametrize(
    "text", ["un montant de 5 000 à 6 milliards d'euros", "un fonds de 5 000 à 6 milliards d'euros",
             "le nombre de passagers, de 5 000 à 6 milliards"],
)
def test_nouns_that_look_like_change_words_are_no_cue(text):
    (found,) = _ranges(text)
    assert found.change_cue is None
