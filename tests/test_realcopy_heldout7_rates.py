"""Held-out round 7f (rh205–rh226): rates restated per another period whose factor copy
leaves open (money per day or week, counts per hour or minute), and the wordings that
made false alarms (a duration written in pieces, a whole counting other things than its
part). Short variants written for the test, with the spacing, apostrophes and markup real
copy uses."""

from __future__ import annotations

import pytest

import numlint

NBSP, NNBSP = "\u00a0", "\u202f"


def _codes(text: str, fmt: str = "text") -> list[tuple[str, str, str]]:
    return [(d.code, d.severity, text[d.start : d.end]) for d in numlint.check(text, format=fmt)]


_INCOME = "Placée sur un livret, cette fortune lui rapporterait {year}/an, soit {day}/jour."


@pytest.mark.parametrize("day", [f"253{NNBSP}500{NBSP}000{NBSP}€", "253 500 000 €"])
def test_money_per_year_restated_per_day_a_thousand_times_off_is_a_slip(day: str) -> None:
    text = _INCOME.format(year=f"92,5{NBSP}M€", day=day)
    [(code, _, figure)] = _codes(text)
    assert code == "NL101"
    assert figure.startswith("253")


@pytest.mark.parametrize("day", [f"253{NNBSP}500{NBSP}€", "250 000 €", "380 000 €"])
def test_money_per_day_is_never_judged_to_the_percent(day: str) -> None:
    # 365 calendar days or about 250 worked ones: the page does not say which
    assert _codes(_INCOME.format(year="92,5 M€", day=day)) == []


def test_a_count_per_hour_restated_per_minute_a_thousand_times_off_is_a_slip() -> None:
    text = "Il en arrive 6250 par heure, soit environ 104 000 par minute, toutes causes confondues."
    [(code, _, figure)] = _codes(text)
    assert code == "NL101"
    assert "104" in figure
    assert _codes(text.replace("104 000", "104")) == []


def test_the_slip_is_found_in_cms_markup() -> None:
    html = (
        "<p>Cette fortune lui rapporterait 92,5&nbsp;M€/an, soit 253&nbsp;500&nbsp;000&nbsp;€"
        "/jour.</p>"
    )
    [(code, _, _)] = _codes(html, "html")
    assert code == "NL101"


@pytest.mark.parametrize("joint", [", 7 mois et ", f" 7{NBSP}mois, ", " et 7 mois et "])
def test_a_duration_written_in_pieces_is_not_converted_by_its_last_piece(joint: str) -> None:
    text = (
        "Un Français passerait 56 heures par semaine devant les écrans, ce qui représenterait"
        f" 27 ans{joint}6 jours (122 jours par an)."
    )
    assert _codes(text) == []


@pytest.mark.parametrize("apostrophe", ["’", "'"])
def test_a_count_of_deals_is_not_the_whole_of_an_amount(apostrophe: str) -> None:
    text = (
        "Parmi les 34 accords signés durant cette première journée, on trouve 50 milliards"
        f" d{apostrophe}investissements du géant saoudien de l{apostrophe}énergie."
    )
    assert _codes(text) == []


def test_a_part_counting_what_the_whole_counts_is_still_weighed() -> None:
    text = (
        "Parmi les 34 accords signés durant cette journée, on trouve 50 accords de défense."
    )
    assert [code for code, _, _ in _codes(text)] == ["NL205"]


# -- a figure written out in full, restated 1 000 times off --------------------------------

_WAGE = (
    "Une enquête révèle que les salariés touchent en moyenne 19270 € par an. Certains cadres"
    " ont vu leur salaire baisser.\nEn 2009, un travailleur touchait en moyenne {later} par an,"
    " soit 1605 € par mois."
)


@pytest.mark.parametrize(
    "later", [f"19{NNBSP}270{NNBSP}000{NBSP}€", "19 270 000 €", f"19{NBSP}270{NBSP}000 euros"]
)
def test_a_figure_written_out_a_thousand_times_off_is_a_warning(later: str) -> None:
    text = _WAGE.format(later=later)
    found = [(code, severity, figure) for code, severity, figure in _codes(text)
             if code == "NL103"]
    assert [(code, severity) for code, severity, _ in found] == [("NL103", "warning")]
    assert found[0][2].startswith("19")


def test_the_wage_as_printed_is_silent() -> None:
    assert [c for c, _, _ in _codes(_WAGE.format(later="19 270 €"))] == []


def test_a_written_out_restatement_is_found_in_cms_markup() -> None:
    html = "<p>" + _WAGE.format(later="19&nbsp;270&nbsp;000&nbsp;€").replace("\n", "</p><p>")
    html += "</p>"
    assert "NL103" in [c for c, _, _ in _codes(html, "html")]


@pytest.mark.parametrize(
    "text",
    [
        # a round number repeats by chance
        "Le ticket coûte 30 €. Plus loin, la salle a coûté 30 000 € à la commune.",
        # two amounts of one sentence
        "Il paie 661 € de loyer et 661 000 € d’emprunt, dit-il.",
        # another currency
        "Le loyer atteint 661 €. Le bien vaut 661 000 dollars.",
        # the later value was written before: a figure at its own value
        "Il a payé 661 000 € et 661 € de frais. Le bien vaut 661 000 €.",
    ],
)
def test_figures_the_numbers_do_not_tie_stay_silent(text: str) -> None:
    assert "NL103" not in [c for c, _, _ in _codes(text)]


def test_an_amount_word_ties_a_round_number_too() -> None:
    text = "Le loyer atteint 30 € par jour. Le montant total est de 30 000 € par jour, dit-il."
    assert "NL103" in [c for c, _, _ in _codes(text)]
