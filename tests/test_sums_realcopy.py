"""Parts and wholes as real copy writes them (held-out paragraphs rh04, rh08, rh09, rh11,
rh14): a colon opening a breakdown, a sentence that takes the whole up again (*Sur ces
50 milliards*), a share said after its amount (*soit 6,6 % des 5,95 milliards*), a part
after *dont* followed by a verb. Each case is checked with NBSP, narrow NBSP, the
typographic apostrophe and inside HTML markup."""

from __future__ import annotations

import html as html_escape

import pytest
from test_relations_realcopy import DAY, variants

import numlint


def nl205(text: str, fmt: str = "text") -> list[str]:
    return [text[d.start : d.end] for d in numlint.check(text, format=fmt, date=DAY)
            if d.code == "NL205"]


def plain(figure: str) -> str:
    return figure.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2019", "'")


SLIPS = [
    # a colon after the whole, in its sentence, opens its breakdown
    ("Près de 21.000 hectares ont déjà brûlé en Gironde: 14 000 000 en juillet et 6.800"
     " depuis la reprise.", "14 000 000"),
    # the whole taken up again at the head of the sentence that breaks it down
    ("Le plan prévoit 50 milliards. Sur ces 50 milliards, l'entreprise privée investira"
     " environ 27,5 millions de dollars et le secteur public, 22,5 milliards de dollars.",
     "27,5 millions de dollars"),
    # a share said after its amount: of the figure after « des », or of an earlier whole
    ("La Région ne recevra que 395 milliards pour projets, soit 6,6 % des 5,95 milliards"
     " dévolus à la Belgique.", "395 milliards"),
    ("Le montant global atteint 2,07 milliards de dirhams. Les infrastructures en prennent"
     " 1,8 million de DH, soit près de 87 % de l'enveloppe globale.", "1,8 million de DH"),
    # « en particulier »: some of the parts of a bare whole, in its sentence
    ("Le gros morceau (près d'un milliard) va à la santé, en particulier l'achat de matériel"
     " pour 479 milliards et le testing pour 119 millions.", "479 milliards"),
    # « dont » then a bare part and a verb: the part counts in the whole's currency
    ("Le total atteindrait environ 500.000 dollars, dont 440 000 000 appartenaient à"
     " l'État.", "440 000 000"),
    # a bare part after « dont »: earlier figures of the same measure leave it to its whole
    ("Le privé investira 27,5 milliards de dollars et le public 22,5 millions, dont"
     " 20 milliards par Hydro-Québec.", "20 milliards"),
]
CONSISTENT = [
    "Près de 21.000 hectares ont déjà brûlé en Gironde: 14.000 en juillet et 6.800 depuis"
    " la reprise.",
    "Sur ces 50 milliards, l'entreprise privée investira environ 27,5 milliards et le"
    " secteur public, 22,5 milliards, dont 20 milliards par Hydro-Québec.",
    "La Région ne recevra que 395 millions pour projets, soit 6,6 % des 5,95 milliards"
    " dévolus à la Belgique.",
    "Le montant global atteint 2,07 milliards de dirhams. Les infrastructures en prennent"
    " 1,8 milliard de DH, soit près de 87 % de l'enveloppe globale.",
    "Le total atteindrait environ 500.000 dollars, dont 440.000 appartenaient à l'État.",
    "Le gros morceau (près d'un milliard) va à la santé, en particulier l'achat de matériel"
    " pour 479 millions et le testing pour 119 millions.",
    # a bare whole in another sentence: « notamment » ties nothing to it
    "Le plan coûte un milliard. Il finance notamment 479 milliards de routes et 119 millions"
    " de ponts.",
    # a count word earlier in the sentence is no rival whole
    "Les deux groupes emploient au total quelque 120 000 salariés, dont 8 500 en France.",
    # a figure of another measure earlier in the sentence: the bare part is ambiguous
    "Il a parcouru 300 km en 3 jours, dont 150 000 le premier jour.",
    # « de ces » in mid-sentence, another speaker's figure: no base of a breakdown
    "Vous confirmez l'expulsion de ces 231 personnes ?\nIl y a 22.000 personnes fichées,"
    " puisqu'il n'y a que 8000 fiches actives sur ces 22.000.",
    # a share of something no figure gives
    "Le secteur pèse 18,97 milliards de dirhams (environ 2 milliards de dollars), soit 59 %"
    " de l'ensemble des investissements.",
    # « sur ces » in mid-sentence is no base of a breakdown
    "Il n'y a que 8000 fiches actives sur ces 22.000, 5000 en France et 3000 ailleurs.",
]


@pytest.mark.parametrize(("text", "figure"), SLIPS)
def test_a_part_that_does_not_fit_its_whole_is_flagged(text: str, figure: str) -> None:
    for variant in variants(text):
        found = nl205(variant)
        assert [plain(f) for f in found] == [figure], (variant, found)


@pytest.mark.parametrize("text", CONSISTENT)
def test_consistent_or_unrelated_figures_stay_silent(text: str) -> None:
    for variant in variants(text):
        assert nl205(variant) == [], variant


@pytest.mark.parametrize(("text", "figure"), SLIPS)
def test_the_same_slip_is_found_inside_html_markup(text: str, figure: str) -> None:
    escaped = html_escape.escape(text, quote=False).replace("\u00a0", "&nbsp;")
    source = "<p>" + escaped.replace("\n", "</p>\n<p>") + "</p>"
    source = source.replace(figure, f"<strong>{figure}</strong>", 1)
    assert [plain(f) for f in nl205(source, "html")] == [figure], source
