"""One verdict per conversion (numlint.verdict): NL101, NL102, NL104 and verify() read the
same verdict, so a conversion gets at most one of their findings, and the one its verdict
names."""

from __future__ import annotations

import datetime

import pytest

import numlint
from numlint.pipeline import run
from numlint.verdict import judge

DAY = datetime.date(2025, 2, 11)
RULE_OF = {"magnitude": "NL101", "inexact": "NL102", "english-scale": "NL104"}

SAMPLES = [
    # (text, dated, expected kind, expected reason)
    ("la somme de 97,4 milliards de dollars (près de 95 milliards d'euros)", True,
     "consistent", ""),
    ("la somme de 97,4 milliards de dollars (près de 95 millions d'euros)", True,
     "magnitude", ""),
    ("un plan de 2 milliards de dollars (1,9 billion d'euros)", True, "english-scale", ""),
    ("un plan de 100 millions de dollars (soit 80 millions d'euros)", True, "inexact", ""),
    ("un plan de 100 millions de dollars (soit 70 millions d'euros)", False, "unjudged",
     "undated"),
    ("un contrat de 125 millions $ (soit 70 millions d'euros)", True, "unjudged",
     "assumed-dollar"),
    ("un contrat de 3 milliards de dollars signé avec Airbus (20 millions d'euros)", True,
     "unjudged", "loose-tie"),
    ("Le tunnel de 57 km (soit 57 000 km) a coûté cher.", False, "magnitude", ""),
    ("Le projet de 4,2 milliards d'euros (soit 42 milliards d'euros) est voté.", False,
     "magnitude", ""),
]


def verdicts(text: str, dated: bool) -> list[tuple[object, object]]:
    document = run(text, format="text", date=DAY if dated else None).document
    assert document is not None
    return [(e, judge(e, document)) for e in document.relations.equivalences]


@pytest.mark.parametrize(("text", "dated", "kind", "reason"), SAMPLES)
def test_each_conversion_gets_the_verdict_its_evidence_supports(text, dated, kind, reason):
    ((_, verdict),) = verdicts(text, dated)
    assert (verdict.kind, verdict.reason) == (kind, reason)


@pytest.mark.parametrize(("text", "dated", "kind", "reason"), SAMPLES)
def test_a_conversion_gets_the_one_finding_its_verdict_names(text, dated, kind, reason):
    found = numlint.check(text, format="text", date=DAY if dated else None)
    ((equivalence, verdict),) = verdicts(text, dated)
    spans = {equivalence.first.span, equivalence.second.span}
    reported = [d.code for d in found
                if d.code in RULE_OF.values() and (d.start, d.end) in spans]
    assert verdict.kind == kind
    assert reported == ([RULE_OF[verdict.kind]] if verdict.kind in RULE_OF else [])


def test_the_verdict_reads_nl101s_factor_and_nl102s_tolerances():
    text = "Le projet de 4,2 milliards d'euros (soit 21 milliards d'euros) est voté."
    assert [d.code for d in numlint.check(text, format="text")] == ["NL101"]
    tenfold = {"rules": {"NL101": {"factor": 10}}}
    assert [d.code for d in numlint.check(text, format="text", config=tenfold)] == ["NL102"]
    near = "un plan de 100 millions de dollars (soit 85 millions d'euros)"
    assert [d.code for d in numlint.check(near, format="text", date=DAY)] == ["NL102"]
    loose = {"rules": {"NL102": {"rate_tolerance": 0.2}}}
    assert numlint.check(near, format="text", date=DAY, config=loose) == []


def test_verify_says_why_a_conversion_was_not_judged():
    (relation,) = numlint.verify("un contrat de 3 milliards de dollars signé avec Airbus "
                                 "(20 millions d'euros)", format="text", date=DAY).relations
    assert relation.status == "unverified"
    assert "proximité" in relation.reason
