"""« Le milliard de dollars »: a singular scale word after *le* counts one (issue #10, rc128
of benchmarks/real_copy/paragraphs.jsonl; wording from Entreprendre, « Start-up : c'est le
bon moment pour les levées de fonds »,
https://www.entreprendre.fr/start-up-cest-le-bon-moment-pour-les-levees-de-fonds/)."""

from __future__ import annotations

from decimal import Decimal

import pytest

import numlint

NBSP, NNBSP = "\u00a0", "\u202f"
RC128 = ("Le milliard de dollars (890 M€) a été atteint avec quelques opérations majeures : "
         "100 M€ pour le réseau d’objets connectés Sigfox, 70 M€ pour le site de ventes "
         "événementielles Showroomprivé.")


@pytest.mark.parametrize("space", [" ", NBSP, NNBSP])
@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_le_milliard_of_a_currency_is_one_milliard(space, apostrophe) -> None:
    text = f"son montant dépasse le{space}milliard d{apostrophe}euros annuel"
    [mention] = numlint.mentions(text)
    assert (mention.value, mention.currency, mention.per) == (Decimal(10**9), "EUR", "an")
    assert mention.scale is not None
    assert (mention.number.text, mention.scale.text) == ("le", "milliard")
    assert text[mention.start : mention.end] == mention.text
    assert mention.text.startswith("le") and mention.text.endswith("annuel")


def test_the_real_copy_conversion_is_weighed() -> None:
    first = numlint.mentions(RC128)[0]
    assert (first.text, first.value, first.currency) == (
        "Le milliard de dollars", Decimal(10**9), "USD")
    assert [d.code for d in numlint.check(RC128)] == []
    slipped = numlint.check(RC128.replace("(890 M€)", "(890 Md€)"))
    assert [d.code for d in slipped] == ["NL101"]


@pytest.mark.parametrize(
    "text",
    ["des milliards de dollars", "le milliard", "Le milliard de personnes",
     "80 dollars le million de dollars", "un tiers du milliard de dollars"],
)
def test_no_number_is_read_without_article_and_currency(text) -> None:
    assert all(m.number.text != "le" and m.value != 10**9 and m.value != 10**6
               for m in numlint.mentions(text))
