"""NL102 and the rates of the days before publication: wire copy converts at the rate of
a few days earlier, so a conversion that matches any ECB rate of the 7 business days up to
the article's date is not inexact, and the evidence says which days and values were
allowed."""

from __future__ import annotations

import datetime

import numlint

FRIDAY = datetime.date(2025, 4, 11)  # 1 EUR = 1,0950 USD on 8 April, 1,1346 on the 11th
AT_MONDAYS_RATE = "un contrat de 100,4 millions de dollars (91,5 millions d\u2019euros)"


def nl102(text: str, config: dict | None = None,
          on: datetime.date | None = FRIDAY) -> list[numlint.Diagnostic]:
    return [d for d in numlint.check(text, format="text", date=on, config=config)
            if d.code == "NL102"]


def test_a_conversion_at_the_rate_of_a_few_days_before_is_not_inexact() -> None:
    assert nl102(AT_MONDAYS_RATE) == []
    narrow = nl102(AT_MONDAYS_RATE, {"rules": {"NL102": {"rate_window_days": 1}}})
    assert len(narrow) == 1, "at the day's rate alone, 91,5 is 3,4 % off 88,5"


def test_a_conversion_outside_every_rate_of_the_window_is_reported_with_the_window() -> None:
    [finding] = nl102("un contrat de 100,4 millions de dollars (95,5\u00a0millions d'euros)")
    window = finding.evidence["rate_window"]
    assert (window["from"], window["to"]) == ("2025-04-03", "2025-04-11")
    low, high = (float(value) for value in window["expected"])
    assert 88.4e6 < low < 88.6e6 and 91.6e6 < high < 91.8e6


def test_undated_text_has_no_window() -> None:
    """No day to count back from: undated conversions keep the undated tolerance."""
    [relation] = numlint.verify(AT_MONDAYS_RATE, format="text").relations
    assert "rate_window" not in relation.evidence
