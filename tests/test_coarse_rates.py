"""Currencies the ECB does not publish: a yearly order of magnitude catches ×1 000 slips
(NL101) and is never used to call a conversion a few percent off (NL102)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

import numlint
from numlint.rates.coarse import SOURCE, coarse_rate

DAY = datetime.date(2024, 5, 2)


def check(text: str, on: datetime.date = DAY) -> list[numlint.Diagnostic]:
    return numlint.check(text, format="text", date=on)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("un budget de 500 milliards de roubles (5 millions d'euros)", "5 millions d'euros"),
        ("5 milliards de dinars algériens (34 000 euros)", "34 000 euros"),
        ("10 millions de dinars tunisiens (3 000 dollars)", "3 000 dollars"),
        ("un budget de 500\u00a0milliards de roubles (5\u202fmillions d\u2019euros)",
         "5\u202fmillions d\u2019euros"),
    ],
)
def test_a_thousandfold_slip_is_caught_and_the_evidence_names_the_coarse_table(
    text: str, figure: str
) -> None:
    [error] = check(text)
    assert error.code == "NL101"
    assert text[error.start : error.end] == figure
    assert error.evidence["rate_source"] == SOURCE
    assert error.evidence["rate"].startswith("1 EUR ≈ ")
    assert "never used for NL102" in error.evidence["rate_precision"]


@pytest.mark.parametrize(
    "text",
    [
        "un budget de 500 milliards de roubles (5 milliards d'euros)",
        "un budget de 500 milliards de roubles (4 milliards d'euros)",  # 20 % off: not judged
        "5 milliards de dinars algériens (30 millions d'euros)",
        "10 millions de dinars tunisiens (3 millions de dollars)",
    ],
)
def test_a_coarse_rate_never_judges_a_few_percent(text: str) -> None:
    assert check(text) == []


def test_a_tenfold_gap_is_not_trusted_to_a_coarse_rate() -> None:
    """±25 % on a yearly average: only a ratio of 30 or more is reported."""
    assert check("un budget de 500 milliards de roubles (50 milliards d'euros)") == []


def test_the_rouble_uses_the_ecb_while_the_ecb_quoted_it() -> None:
    [error] = check("500 milliards de roubles (5 millions d'euros)", datetime.date(2021, 6, 1))
    assert "ECB" in error.evidence["rate_source"]


def test_the_table_is_trusted_one_year_past_its_last_row_and_not_before_its_first() -> None:
    assert coarse_rate("NGN", datetime.date(2024, 7, 1)) is not None
    last = coarse_rate("NGN", datetime.date(2026, 7, 1))
    assert last is not None and last.year == 2025
    assert coarse_rate("NGN", datetime.date(2027, 7, 1)) is None
    assert coarse_rate("NGN", datetime.date(2010, 7, 1)) is None
    assert coarse_rate("XXX", DAY) is None
    rate = coarse_rate("MAD", DAY)
    assert rate is not None and isinstance(rate.per_eur, Decimal)
