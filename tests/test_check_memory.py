"""What a long check does to keep its peak down, with the same findings (issue 11)."""

from __future__ import annotations

import datetime

import pytest

import numlint
from numlint import pipeline
from numlint.rates import RatesError

DEFINING = "la somme de 97,4 milliards de dollars (près de 95 millions d’euros)"
DAY = datetime.date(2025, 2, 11)


def test_a_long_source_has_its_rate_table_before_it_is_read(monkeypatch):
    """The table's scratch objects are then reused by the prose and the figures instead of
    adding to the peak (10 MB of HTML: 104 → 100 MB)."""
    events: list[str] = []
    table = pipeline.embedded_table
    read = pipeline.read_source
    monkeypatch.setattr(pipeline, "embedded_table", lambda: events.append("rates") or table())
    monkeypatch.setattr(pipeline, "read_source",
                        lambda *a, **k: events.append("read") or read(*a, **k))
    short = numlint.check(DEFINING, format="text", date=DAY)
    assert events == ["read", "rates"]  # a short one: only when a rule asks
    events.clear()
    monkeypatch.setattr(pipeline, "RATES_FIRST_CHARS", len(DEFINING))
    assert numlint.check(DEFINING, format="text", date=DAY) == short
    assert events[:2] == ["rates", "read"]
    assert [d.code for d in short] == ["NL101"]


@pytest.mark.parametrize("error", [RatesError("no table"), RuntimeError("no table")])
def test_a_rate_table_that_fails_first_is_reported_as_when_a_rule_asks(error, monkeypatch):
    def broken():
        raise error

    monkeypatch.setattr(pipeline, "embedded_table", broken)
    asked = numlint.check(DEFINING, format="text", date=DAY, lang="en")
    monkeypatch.setattr(pipeline, "RATES_FIRST_CHARS", 0)
    assert numlint.check(DEFINING, format="text", date=DAY, lang="en") == asked
    if isinstance(error, RuntimeError):  # a rule's failure, not the whole check's
        assert asked and {d.code for d in asked} == {"NL000"}
        assert all("no table" in d.message for d in asked)
