"""A table of ECB euro reference rates, looked up by date, all in Decimal.

Rows are kept as the raw text of the file (the part after the date) and a cell
is turned into a Decimal only when a lookup needs it, then memoized: loading the
~7000-row ECB history stays cheap and no float is ever involved.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from decimal import (
    ROUND_HALF_EVEN,
    Context,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    Overflow,
    localcontext,
)
from typing import Literal

from numlint.i18n import N_, Phrase, show
from numlint.rates.errors import RatesFileError, RateUnavailable

from ..records import Record

Fallback = Literal["previous-business-day", "latest"]
"""Why the rate's date differs from the requested one (None when it does not)."""

DEFAULT_MAX_FALLBACK_DAYS = 10
"""How many calendar days a lookup may walk back before giving up."""

EUR = "EUR"
_ONE = Decimal(1)
_CONTEXT = Context(
    prec=28, rounding=ROUND_HALF_EVEN, traps=[InvalidOperation, DivisionByZero, Overflow]
)
_MISSING = frozenset({"N/A", ""})
_PAIRS_KEPT = 4096
"""Conversion pairs kept per table (a server checking years of articles clears it)."""


class Rate(Record):
    """How many units of ``currency`` one euro bought on ``date``."""

    currency: str
    per_eur: Decimal
    date: date
    """The date of the rate actually used."""
    requested: dt.date
    """The date that was asked for."""
    fallback: Fallback | None
    """None when ``date == requested``, else why another date was used."""

    __slots__ = __match_args__ = ("currency", "per_eur", "date", "requested", "fallback")

    def __init__(self, currency: str, per_eur: Decimal, date: dt.date, requested: dt.date,
                 fallback: Fallback | None) -> None:
        object.__setattr__(self, "currency", currency)
        object.__setattr__(self, "per_eur", per_eur)
        object.__setattr__(self, "date", date)
        object.__setattr__(self, "requested", requested)
        object.__setattr__(self, "fallback", fallback)


class Conversion(Record):
    """The result of converting ``amount`` from one currency to another."""

    value: Decimal
    from_currency: str
    to_currency: str
    rate: Decimal
    """The cross rate used: units of ``to_currency`` per 1 ``from_currency``."""
    date: date
    """The date of the rates actually used."""
    requested: dt.date
    fallback: Fallback | None
    amount: Decimal
    """The amount that was converted, in ``from_currency``."""

    __slots__ = __match_args__ = ("value", "from_currency", "to_currency", "rate", "date",
        "requested", "fallback", "amount")

    def __init__(self, value: Decimal, from_currency: str, to_currency: str, rate: Decimal,
                 date: dt.date, requested: dt.date, fallback: Fallback | None,
                 amount: Decimal) -> None:
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "from_currency", from_currency)
        object.__setattr__(self, "to_currency", to_currency)
        object.__setattr__(self, "rate", rate)
        object.__setattr__(self, "date", date)
        object.__setattr__(self, "requested", requested)
        object.__setattr__(self, "fallback", fallback)
        object.__setattr__(self, "amount", amount)


_Pair = tuple[str, str, date, Decimal, Decimal, Decimal, date, "Fallback | None"]
"""A conversion's source and target codes, requested date, both rates per EUR, cross
rate, the rates' date and why it differs."""


class RateTable:
    """ECB reference rates by business day; immutable once built.

    Build one with :func:`numlint.rates.embedded_table`, :func:`numlint.rates.load_ecb_file`
    or :meth:`from_rates`; the constructor takes the already-split file and is internal.
    """

    __slots__ = (
        "_cells",
        "_codes",
        "_columns",
        "_currencies",
        "_dates",
        "_file",
        "_line_numbers",
        "_max_fallback_days",
        "_pairs",
        "_ranges",
        "_rows",
        "_source",
    )

    def __init__(
        self,
        *,
        source: str,
        file: str,
        codes: tuple[str, ...],
        dates: tuple[date, ...],
        rows: tuple[str, ...],
        line_numbers: tuple[int, ...],
        max_fallback_days: int = DEFAULT_MAX_FALLBACK_DAYS,
    ) -> None:
        if not dates or not (len(dates) == len(rows) == len(line_numbers)):
            raise ValueError("a RateTable needs at least one row, with matching lengths")
        if max_fallback_days < 0:
            raise ValueError("max_fallback_days must be >= 0")
        self._source = source
        self._file = file
        self._codes = codes
        self._columns = {code: index for index, code in enumerate(codes)}
        self._currencies = frozenset((*codes, EUR))
        self._dates = dates
        self._rows = rows
        self._line_numbers = line_numbers
        self._max_fallback_days = max_fallback_days
        # Memos only: they never change what a lookup returns.
        self._cells: dict[tuple[int, int], Decimal | None] = {}
        self._ranges: dict[str, tuple[date, date] | None] = {}
        self._pairs: dict[tuple[str, str, date], _Pair] = {}

    @classmethod
    def from_rates(
        cls,
        rates: Mapping[date, Mapping[str, Decimal]],
        *,
        source: str = "rates given in code",
        max_fallback_days: int = DEFAULT_MAX_FALLBACK_DAYS,
    ) -> RateTable:
        """Build a table from ``{date: {"USD": Decimal("1.0324"), ...}}`` (tests, fixtures).

        A currency absent from a date's mapping counts as not quoted that day.
        """
        codes = tuple(sorted({code for day in rates.values() for code in day}))
        problems = check_codes(codes)
        if problems:
            raise ValueError(show(problems[0], "en"))
        by_day = {_as_date(day): quotes for day, quotes in rates.items()}
        days = sorted(by_day)
        rows = tuple(
            ",".join(_format_rate(by_day[day].get(code)) for code in codes) for day in days
        )
        table = cls(
            source=source,
            file="<rates given in code>",
            codes=codes,
            dates=tuple(days),
            rows=rows,
            line_numbers=tuple(range(2, len(days) + 2)),
            max_fallback_days=max_fallback_days,
        )
        table.validate()
        return table

    # -- description -------------------------------------------------------------------

    @property
    def source(self) -> str:
        """Human description of where the rates come from, for evidence messages."""
        return self._source

    @property
    def first_date(self) -> date:
        return self._dates[0]

    @property
    def last_date(self) -> date:
        return self._dates[-1]

    @property
    def currencies(self) -> frozenset[str]:
        """ISO 4217 codes the table knows, EUR included."""
        return self._currencies

    @property
    def max_fallback_days(self) -> int:
        return self._max_fallback_days

    def __len__(self) -> int:
        return len(self._dates)

    def __repr__(self) -> str:
        return (
            f"<RateTable {self._source!r}: {len(self._dates)} days, "
            f"{self.first_date} to {self.last_date}, {len(self._currencies)} currencies>"
        )

    # -- lookups -----------------------------------------------------------------------

    def rate(self, currency: str, on: date) -> Rate:
        """The rate of ``currency`` (units per 1 EUR) for the business day ``on``.

        Falls back to the last earlier day quoting the currency, at most
        ``max_fallback_days`` back; a date after ``last_date`` uses the latest rate.
        EUR is 1 on any date. Raises :class:`RateUnavailable` otherwise.
        """
        code = self._code(currency)
        on = _as_date(on)
        if code == EUR:
            return Rate(currency=EUR, per_eur=_ONE, date=on, requested=on, fallback=None)
        row, fallback = self._locate(on, (code,))
        per_eur = self._rate_at(row, code)
        return Rate(
            currency=code, per_eur=per_eur, date=self._dates[row], requested=on, fallback=fallback
        )

    def convert(
        self, amount: Decimal | int, from_currency: str, to_currency: str, on: date
    ) -> Conversion:
        """Convert ``amount`` with the rates of ``on``, crossing through EUR.

        Both rates come from the same business day (the latest one, within the fallback
        bound, that quotes both currencies). Floats are refused: they cannot carry an
        amount as written.
        """
        amount = _as_amount(amount)
        plain = type(from_currency) is str and type(to_currency) is str and type(on) is date
        pair = self._pairs.get((from_currency, to_currency, on)) if plain else None
        if pair is None:
            pair = self._pair(from_currency, to_currency, on)
            if plain:
                if len(self._pairs) >= _PAIRS_KEPT:
                    self._pairs.clear()
                self._pairs[(from_currency, to_currency, on)] = pair
        source, target, requested, from_rate, to_rate, cross, day, fallback = pair
        if source == target:
            return Conversion(amount, source, target, _ONE, requested, requested, None, amount)
        with localcontext(_CONTEXT):
            value = amount * to_rate / from_rate
        return Conversion(
            value=value,
            from_currency=source,
            to_currency=target,
            rate=cross,
            date=day,
            requested=requested,
            fallback=fallback,
            amount=amount,
        )

    def _pair(self, from_currency: str, to_currency: str, on: date) -> _Pair:
        """What converting between two currencies on a date uses, whatever the amount
        (memoized by :meth:`convert`: an article converts the same pair again and again)."""
        source, target = self._code(from_currency), self._code(to_currency)
        on = _as_date(on)
        if source == target:
            return (source, target, on, _ONE, _ONE, _ONE, on, None)
        needed = tuple(code for code in (source, target) if code != EUR)
        row, fallback = self._locate(on, needed)
        from_rate, to_rate = self._rate_at(row, source), self._rate_at(row, target)
        with localcontext(_CONTEXT):
            cross = to_rate / from_rate
        return (source, target, on, from_rate, to_rate, cross, self._dates[row], fallback)

    def quoted_range(self, currency: str) -> tuple[date, date] | None:
        """First and last day the table quotes ``currency``, or None if it never does."""
        code = self._code(currency)
        if code == EUR:
            return (self.first_date, self.last_date)
        if code not in self._ranges:
            self._ranges[code] = self._scan_range(self._columns[code])
        return self._ranges[code]

    def validate(self) -> None:
        """Check every cell now; raises :class:`RatesFileError` at the first bad one.

        User-given files are checked this way on load, so a bad file fails at once
        rather than in the middle of a run.
        """
        for row in range(len(self._rows)):
            fields = self._fields(row)
            for col, code in enumerate(self._codes):
                self._parse(fields[col], row, code)

    # -- internals ---------------------------------------------------------------------

    def _code(self, currency: str) -> str:
        if not isinstance(currency, str):
            raise TypeError(f"a currency is an ISO 4217 code (str), not {type(currency).__name__}")
        code = currency.strip().upper()
        if code not in self._currencies:
            raise RateUnavailable(
                f"unknown currency {currency!r}: not quoted in {self._source}", currency=code
            )
        return code

    def _locate(self, on: date, codes: tuple[str, ...]) -> tuple[int, Fallback | None]:
        """Row of the latest day <= ``on`` quoting all ``codes``, within the bound."""
        if on < self.first_date:
            raise RateUnavailable(
                f"no {'/'.join(codes)} rate for {on.isoformat()}: {self._source} cover "
                f"{self.first_date.isoformat()} to {self.last_date.isoformat()} only",
                currency=codes[0],
                requested=on,
            )
        kind: Fallback
        if on > self.last_date:
            row, anchor, kind = len(self._dates) - 1, self.last_date, "latest"
        else:
            row, anchor, kind = bisect_right(self._dates, on) - 1, on, "previous-business-day"
        limit = anchor - timedelta(days=self._max_fallback_days)
        columns = [self._columns[code] for code in codes]
        while row >= 0 and self._dates[row] >= limit:
            if all(self._cell(row, col) is not None for col in columns):
                return row, (None if self._dates[row] == on else kind)
            row -= 1
        raise self._not_quoted(on, anchor, codes)

    def _not_quoted(self, on: date, anchor: date, codes: tuple[str, ...]) -> RateUnavailable:
        spans = []
        for code in codes:
            span = self.quoted_range(code)
            quoted = "never" if span is None else f"{span[0].isoformat()} to {span[1].isoformat()}"
            spans.append(f"{code} is quoted {quoted}")
        after = "" if anchor == on else f" (after the table's last day, {anchor.isoformat()})"
        return RateUnavailable(
            f"no ECB rate for {'/'.join(codes)} on {on.isoformat()}{after} nor in the "
            f"{self._max_fallback_days} days before; {'; '.join(spans)} in {self._source}",
            currency=codes[0],
            requested=on,
        )

    def _rate_at(self, row: int, code: str) -> Decimal:
        if code == EUR:
            return _ONE
        value = self._cell(row, self._columns[code])
        if value is None:  # _locate only returns rows quoting the currency
            raise AssertionError(f"{code} not quoted on {self._dates[row]}")
        return value

    def _cell(self, row: int, col: int) -> Decimal | None:
        key = (row, col)
        try:
            return self._cells[key]
        except KeyError:
            pass
        value = self._parse(self._fields(row)[col], row, self._codes[col])
        self._cells[key] = value  # idempotent: a race only computes the same value twice
        return value

    def _fields(self, row: int) -> list[str]:
        fields = self._rows[row].split(",")
        expected = len(self._columns)
        if len(fields) == expected + 1 and not fields[-1].strip():
            fields.pop()  # the ECB ends every line with a comma
        if len(fields) != expected:
            raise self._file_error(
                row, N_("expected {expected} rates after the date, found {found}"),
                {"expected": str(expected), "found": str(len(fields))})
        return fields

    def _parse(self, text: str, row: int, code: str) -> Decimal | None:
        text = text.strip()
        if text in _MISSING:
            return None
        if not _is_number(text):
            raise self._file_error(row, N_("bad {code} rate {text} (expected e.g. 1.0324)"),
                                   {"code": code, "text": repr(text[:20])})
        value = Decimal(text)
        if not value:
            raise self._file_error(row, N_("{code} rate is zero"), {"code": code})
        return value

    def _file_error(self, row: int, problem: str,
                    params: dict[str, str] | None = None) -> RatesFileError:
        return RatesFileError(self._file, problem, self._line_numbers[row], params)

    def _scan_range(self, col: int) -> tuple[date, date] | None:
        """Scan from both ends, without memoizing: only error messages need this."""
        code = self._codes[col]
        count = len(self._rows)
        first = next(
            (r for r in range(count) if self._parse(self._fields(r)[col], r, code) is not None),
            None,
        )
        if first is None:
            return None
        last = next(
            r
            for r in range(count - 1, first - 1, -1)
            if self._parse(self._fields(r)[col], r, code) is not None
        )
        return (self._dates[first], self._dates[last])


def _as_date(on: date) -> date:
    if isinstance(on, datetime):  # a datetime does not compare with the table's dates
        return on.date()
    if not isinstance(on, date):
        raise TypeError(f"expected a datetime.date, not {type(on).__name__}")
    return on


def _as_amount(amount: Decimal | int) -> Decimal:
    if isinstance(amount, bool) or not isinstance(amount, Decimal | int):
        raise TypeError(
            f"amount must be a Decimal or an int, not {type(amount).__name__} "
            "(floats cannot hold amounts exactly)"
        )
    value = Decimal(amount)
    if not value.is_finite():
        raise ValueError(f"amount must be finite, not {value}")
    return value


def _format_rate(value: Decimal | None) -> str:
    if value is None:
        return "N/A"
    if not isinstance(value, Decimal) or not value.is_finite() or value <= 0:
        raise ValueError(f"a rate must be a positive finite Decimal, not {value!r}")
    return format(value, "f")


def _is_number(text: str) -> bool:
    """Whether ``text`` is ASCII digits, with a decimal part after a point or not
    (``[0-9]+(?:\\.[0-9]+)?``, without compiling a pattern at every start)."""
    whole, point, decimals = text.partition(".")
    return (whole.isascii() and whole.isdigit()
            and (not point or (decimals.isascii() and decimals.isdigit())))


def _is_code(code: str) -> bool:
    """Whether ``code`` is three ASCII capitals (``[A-Z]{3}``)."""
    return len(code) == 3 and code.isascii() and code.isalpha() and code.isupper()


def check_codes(codes: Iterable[str]) -> list[Phrase]:
    """Problems with header currency codes (empty when they are fine), as messages."""
    problems = []
    seen: set[str] = set()
    for code in codes:
        if not _is_code(code):
            problems.append(Phrase(N_("bad currency code {code} (expected 3 capital letters)"),
                                   {"code": repr(code[:20])}))
        elif code == EUR:
            problems.append(Phrase(N_("EUR cannot be a column: rates are per 1 EUR")))
        elif code in seen:
            problems.append(Phrase(N_("currency {code} appears twice"), {"code": code}))
        seen.add(code)
    return problems
