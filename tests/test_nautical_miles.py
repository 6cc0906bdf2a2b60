"""« mille » before « marin »/« nautique » is the nautical mile, not the number 1 000; bare
« milles » is a unit with two readings (statute in Québec, nautical at sea), good for a
slip of magnitude only (issue #10: rc052, rh19 of benchmarks/real_copy/paragraphs.jsonl).

Wordings from France Bleu, « Les mots de la voile : combien mesure un mille marin ? »
(https://www.francebleu.fr/infos/culture-loisirs/les-mots-de-la-voile-combien-mesure-un-mille-marin-1557931406)
and Skipper Crédit Mutuel, « Tout droit ou plus vite ? » (https://skippercreditmutuel.fr/?p=82813).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import numlint
from numlint.pipeline import run
from numlint.verdict import judge

NBSP, NNBSP = "\u00a0", "\u202f"
RC052 = ("retenez qu’un mille marin représente 1.852 mètres. Pour parler de la vitesse d’un "
         "bateau, on parle en nœuds. Un nœud représente environ 2km/h c'est-à-dire un mille "
         "marin par heure.")
RH19 = ("alors que le Class40 Crédit Mutuel sera encore à 600 milles du but (1100 km). C’est "
        "un petit peu plus que les bateaux qui l’entourent au classement général.")


def quantities(text: str) -> list[tuple[str, Decimal, str | None]]:
    return [(m.text, m.value, m.unit) for m in numlint.mentions(text) if m.kind == "quantity"]


@pytest.mark.parametrize("space", [" ", NBSP, NNBSP])
@pytest.mark.parametrize(
    ("written", "value"),
    [("un mille marin", 1), ("Un mille marin", 1), ("1 mille nautique", 1),
     ("un mille marins", 1), ("deux mille nautiques", 2), ("2,5 mille nautiques", Decimal("2.5")),
     ("3 milles marins", 3)],
)
def test_mille_before_marin_or_nautique_is_the_unit(space, written, value) -> None:
    text = f"on dit qu’{written.replace(' ', space)} vaut beaucoup"
    [(found, read, unit)] = quantities(text)
    assert (found, read, unit) == (written.replace(" ", space), Decimal(value), "nautical_mile")


@pytest.mark.parametrize(
    ("text", "value"),
    [("trois mille marins ont défilé", 3000),  # sailors: the number does not agree
     ("21 mille marins", 21000),
     ("mille marins ont défilé", 1000),
     ("un mille", 1000)],
)
def test_a_crowd_of_sailors_stays_a_number(text, value) -> None:
    assert [(m.kind, m.value) for m in numlint.mentions(text)] == [("number", Decimal(value))]


def test_the_nautical_mile_of_real_copy_is_checked_against_metres() -> None:
    found = numlint.mentions(RC052)
    assert [(m.text, m.unit) for m in found if m.kind == "quantity"] == [
        ("un mille marin", "nautical_mile"), ("1.852 mètres", "meter"), ("Un nœud", "knot"),
        ("2km/h", "kilometer_per_hour"), ("un mille marin par heure", "knot")]
    assert [d.code for d in numlint.check(RC052)] == []
    slipped = RC052.replace("1.852 mètres", "1.852 kilomètres")
    assert "NL101" in [d.code for d in numlint.check(slipped)]


def test_bare_milles_is_a_slip_only_unit() -> None:
    [miles, km] = [m for m in numlint.mentions(RH19) if m.kind == "quantity"]
    assert (miles.unit, miles.unit_assumed, km.unit_assumed) == ("mile", True, False)
    assert [d.code for d in numlint.check(RH19)] == []  # 600 nautical miles are 1 111 km
    slipped = numlint.check(RH19.replace("(1100 km)", "(1100 m)"))
    [finding] = [d for d in slipped if d.code == "NL101"]
    assert finding.evidence["unit_assumed"].keys() == {"600 milles"}


def test_a_few_percent_off_milles_gets_no_verdict_and_verify_says_why() -> None:
    document = run(RH19, format="text").document
    assert document is not None
    [equivalence] = document.relations.equivalences
    verdict = judge(equivalence, document)
    assert (verdict.kind, verdict.reason) == ("unjudged", "assumed-unit")
    [relation] = [r for r in numlint.verify(RH19, format="text").relations
                  if r.kind == "conversion"]
    assert relation.status == "unverified" and "milles" in relation.reason


def test_a_range_in_milles_shares_the_reading() -> None:
    low, high = numlint.mentions("entre 3 et 5 milles")
    assert (low.unit, low.unit_assumed, high.unit_assumed) == ("mile", True, True)
