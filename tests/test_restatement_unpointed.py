"""NL103 without a pointer: the same number 1 000 times off, weighed by what ties the two
figures (an amount word, a definite article, or nothing but a distinctive number)."""

from __future__ import annotations

import pytest

import numlint

NBSP, NNBSP = "\u00a0", "\u202f"


def nl103(text: str) -> list[numlint.Diagnostic]:
    return [d for d in numlint.check(text, format="text") if d.code == "NL103"]


def test_an_amount_word_before_a_distinctive_number_is_an_error_with_a_fix():
    text = ("Le groupe cède sa filiale pour 26 milliards de dirhams. « Le montant déclaré "
            "était de 26 millions de dirhams », a précisé le ministre.")
    (found,) = nl103(text)
    assert found.severity == "error"
    assert text[found.start:found.end] == "26 millions de dirhams"
    assert found.evidence["tie"] == "amount"
    assert [e.replacement for e in found.fix.edits] == ["milliards"]


@pytest.mark.parametrize("space", [" ", NBSP, NNBSP])
@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_a_definite_article_ties_the_later_figure(space, apostrophe):
    text = (f"Le club a versé 7,6{space}millions d{apostrophe}euros pour l{apostrophe}attaquant. "
            f"Les 7,6{space}milliards d{apostrophe}euros ont été réglés en deux fois.")
    (found,) = nl103(text)
    assert found.severity == "error" and found.evidence["tie"] == "definite"


def test_a_distinctive_number_alone_in_another_sentence_is_a_warning():
    text = ("Le club a versé 7,6 millions d’euros pour l’attaquant. Le transfert, "
            "bouclé à 7,6 milliards d’euros, est un record.")
    (found,) = nl103(text)
    assert found.severity == "warning" and found.evidence["tie"] == "none"


def test_a_round_number_tied_by_an_article_is_only_a_warning():
    text = ("L’État a prévu 250 millions d’euros pour la formation. Les 250 milliards "
            "d’euros seront versés en 2026.")
    (found,) = nl103(text)
    assert found.severity == "warning"


@pytest.mark.parametrize("text", [
    # round numbers, nothing tying them
    "Le budget atteint 4 milliards d’euros. Les régions recevront en plus 4 millions d’euros.",
    # two amounts of one sentence
    "Il a levé 26 milliards de dollars pour le fret et 26 millions de dollars pour les études.",
    # another currency
    "La vente rapporte 26 milliards de dirhams. Le groupe a payé 26 millions d’euros.",
    # the later scale was written with that number before: two figures of the article
    "Le fonds gère 26 millions d’euros et en vise 26 milliards. L’an dernier, il gérait déjà "
    "26 millions d’euros.",
    # the same scale: a plain repetition
    "Le projet coûte 26 milliards d’euros. Le montant était de 26 milliards d’euros.",
])
def test_silent_where_two_figures_are_likely(text):
    assert nl103(text) == []


def test_far_apart_figures_are_not_compared():
    filler = "Le conseil a débattu longuement de la question sans conclure. " * 15
    text = ("La vente rapporte 26 milliards de dirhams. " + filler
            + "Le montant déclaré était de 26 millions de dirhams.")
    assert nl103(text) == []


def test_markup_between_the_figures_does_not_change_the_verdict():
    html = ("<p>Le groupe cède sa filiale pour 26&nbsp;milliards de dirhams.</p>"
            "<p>« Le montant déclaré était de <b>26&nbsp;millions de dirhams</b> », "
            "a précisé le ministre.</p>")
    (found,) = [d for d in numlint.check(html, format="html") if d.code == "NL103"]
    assert found.severity == "error"
    assert html[found.start:found.end].startswith("26&nbsp;millions")
