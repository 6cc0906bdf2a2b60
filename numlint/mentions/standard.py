"""The standard scanner: numlint's own lexicons, shared by every check of the process.

Its currency and unit lexicons come from CLDR (five French locales, via Babel) and
numlint's house lists. They are gathered once, at build time, by
``tools/generate_lexicons.py`` into ``numlint/data/scanner_lexicons.json`` (a test checks
that the file is current): a start reads one small JSON file instead of Babel's locale
data. The patterns are compiled from these lexicons on first use.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

from .currencies import CurrencyLexicon
from .scanner import Scanner
from .units import UnitLexicon

LEXICONS = Path(__file__).resolve().parent.parent / "data" / "scanner_lexicons.json"
"""The lexicons generated at build time (``tools/generate_lexicons.py``)."""


def standard_scanner() -> Scanner:
    data = _lexicons()
    currencies = CurrencyLexicon(
        by_form=dict(data["currencies"]["by_form"]),
        assumed=frozenset(data["currencies"]["assumed"]),
        codes=frozenset(data["currencies"]["codes"]),
        names=tuple(data["currencies"]["names"]),
        symbols=tuple(data["currencies"]["symbols"]),
    )
    units = UnitLexicon(
        by_form=dict(data["units"]["by_form"]),
        symbols=tuple(data["units"]["symbols"]),
        names=tuple(data["units"]["names"]),
    )
    return Scanner(currencies, units)


def _lexicons() -> dict[str, Any]:
    with open(LEXICONS, encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


_LOCK = threading.Lock()
_DEFAULT: Scanner | None = None


def default_scanner() -> Scanner:
    """The scanner with the standard lexicons, built on first use and shared.

    What every scan reads is built here; the currency context's name tries (4 ms) only
    when a text has a bare number to give a currency to (:func:`numlint.batch.warm_up`
    builds them for a worker)."""
    global _DEFAULT
    if _DEFAULT is None:
        with _LOCK:
            if _DEFAULT is None:
                scanner = standard_scanner()
                _ = scanner.anchors, scanner._group_names, scanner.tail
                _DEFAULT = scanner
    return _DEFAULT
