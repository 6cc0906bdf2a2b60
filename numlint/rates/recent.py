"""The embedded ECB history, its recent years first: most lookups need nothing older.

The ECB's history file lists the newest day first, and an article is checked near the
day it is written, or without a date (the latest rates). So the embedded zip is inflated
only as far as its first :data:`RECENT_BYTES` of CSV (about a year and ten months of
business days; the whole file is 1.9 MB, ~12 ms to inflate, ~15 ms more to split), and
the rest is read only when a lookup needs it. :class:`RecentFirstTable` answers every
question exactly as the whole table would: from the recent rows when they hold the
answer, from the whole table otherwise.

Only a plain zip is read this way (one deflated or stored CSV member, no encryption, no
archive comment); anything else goes the usual way (:mod:`numlint.rates.ecb`).
"""

from __future__ import annotations

import struct
import threading
from collections.abc import Callable
from datetime import date
from typing import Any

from numlint.rates.errors import RateUnavailable
from numlint.rates.table import Conversion, Rate, RateTable

RECENT_BYTES = 128 * 1024
"""How much of the CSV the recent rows are read from (~480 business days)."""

_LOCAL_HEADER = struct.Struct("<4sHHHHHIIIHH")
_END_RECORD = struct.Struct("<4sHHHHIIH")
_DEFLATED, _STORED = 8, 0


def recent_csv(zipped: bytes, max_csv_bytes: int) -> tuple[str, str, bool] | None:
    """The start of the zip's single CSV member, cut after its last whole line: the
    text, the member's name and whether that is the whole member. None when the zip is
    not the plain kind this reads (the caller then reads it whole, and reports why)."""
    import zlib

    if len(zipped) < _LOCAL_HEADER.size + _END_RECORD.size:
        return None
    end = _END_RECORD.unpack_from(zipped, len(zipped) - _END_RECORD.size)
    if end[0] != b"PK\x05\x06" or end[3] != 1 or end[4] != 1 or end[7] != 0:
        return None  # not exactly one member, or an archive comment: the usual way
    (signature, _, flags, method, _, _, checksum, packed, size, name_length,
     extra_length) = _LOCAL_HEADER.unpack_from(zipped, 0)
    start = _LOCAL_HEADER.size + name_length + extra_length
    try:
        name = zipped[_LOCAL_HEADER.size:_LOCAL_HEADER.size + name_length].decode("ascii")
    except UnicodeDecodeError:
        return None
    if (signature != b"PK\x03\x04" or flags & 0b1001 or method not in (_DEFLATED, _STORED)
            or not name.lower().endswith(".csv") or not 0 < size <= max_csv_bytes
            or start + packed > len(zipped)):
        return None  # encrypted, sizes after the data, another method, not one CSV
    member = zipped[start:start + packed]
    try:
        head = (zlib.decompressobj(-15).decompress(member, RECENT_BYTES)
                if method == _DEFLATED else member[:RECENT_BYTES])
    except zlib.error:
        return None
    whole = len(head) >= size
    if whole and zlib.crc32(head) != checksum:
        return None
    if not whole:
        head = head[:head.rfind(b"\n") + 1]
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    return (text, name, whole) if text.count("\n") >= 2 else None


class RecentFirstTable(RateTable):
    """The whole table's answers, from its recent rows when they suffice.

    A lookup is answered by the recent rows when they quote the currency within the
    fallback bound of the date asked (the very rows the whole table would use, since
    both hold the same days from the oldest recent one on); any other lookup, and what
    describes the whole table (first date, length), loads it, once.
    """

    __slots__ = ("_load", "_lock", "_recent", "_whole")

    def __init__(self, recent: RateTable, load: Callable[[], RateTable]) -> None:
        self._recent = recent
        self._load: Callable[[], RateTable] | None = load
        self._whole: RateTable | None = None
        self._lock = threading.Lock()

    def whole(self) -> RateTable:
        """The whole table, read on first need."""
        whole = self._whole
        if whole is None:
            with self._lock:
                if self._whole is None:
                    assert self._load is not None
                    self._whole, self._load = self._load(), None
                whole = self._whole
        return whole

    # what the recent rows say as the whole table does

    @property
    def source(self) -> str:
        return self._recent.source

    @property
    def last_date(self) -> date:
        return self._recent.last_date

    @property
    def currencies(self) -> frozenset[str]:
        return self._recent.currencies

    @property
    def max_fallback_days(self) -> int:
        return self._recent.max_fallback_days

    def rate(self, currency: str, on: date) -> Rate:
        try:
            return self._recent.rate(currency, on)
        except RateUnavailable:
            if self._unknown(currency):
                raise  # the same currencies, the same message
            return self.whole().rate(currency, on)

    def convert(self, amount: Any, from_currency: str, to_currency: str,
                on: date) -> Conversion:
        try:
            return self._recent.convert(amount, from_currency, to_currency, on)
        except RateUnavailable:
            if self._unknown(from_currency) or self._unknown(to_currency):
                raise
            return self.whole().convert(amount, from_currency, to_currency, on)

    def _unknown(self, currency: str) -> bool:
        return currency.strip().upper() not in self._recent.currencies

    # what needs the whole table

    @property
    def first_date(self) -> date:
        return self.whole().first_date

    def __len__(self) -> int:
        return len(self.whole())

    def __bool__(self) -> bool:
        return True  # a table has a row at least; ``len`` would read it whole

    def __repr__(self) -> str:
        return repr(self.whole())

    def quoted_range(self, currency: str) -> tuple[date, date] | None:
        return self.whole().quoted_range(currency)

    def validate(self) -> None:
        self.whole().validate()

    def __getattr__(self, name: str) -> Any:
        """Anything else (internals a test or a tool reads) from the whole table."""
        if name in RecentFirstTable.__slots__:
            raise AttributeError(name)
        return getattr(self.whole(), name)

    def __reduce_ex__(self, protocol: Any) -> Any:
        return (_same, (self.whole(),))  # pickled whole: no lock to carry


def _same(table: RateTable) -> RateTable:
    return table
