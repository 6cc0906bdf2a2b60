"""The standard scanner, built from CLDR once per machine.

Building it means reading Babel's locale data for five French locales and turning
hundreds of currency and unit names into trie-shaped patterns: about a tenth of a second,
paid again by every new process (each pre-commit run, each command). The result depends
only on numlint's scanner code and the Babel, regex and Python versions, so it is kept
as JSON in numlint's cache folder (see :mod:`numlint.cache`) under a key made of
exactly those.
"""

from __future__ import annotations

import sys
import threading
from importlib import metadata
from pathlib import Path
from typing import Any

import regex

from ..cache import digest_of, memo_json
from .currencies import CurrencyLexicon, build_currency_lexicon
from .pattern import anchor_sources, pattern_source
from .scanner import Scanner
from .units import UnitLexicon, build_unit_lexicon


def standard_scanner() -> Scanner:
    data = memo_json("scanner", _key_parts(), _build)
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
    anchors = tuple(sorted(data["anchors"].items()))
    return Scanner(currencies, units, sources=(data["pattern"], anchors))


def _build() -> dict[str, Any]:
    currencies, units = build_currency_lexicon(), build_unit_lexicon()
    return {
        "currencies": {
            "by_form": currencies.by_form,
            "assumed": sorted(currencies.assumed),
            "codes": sorted(currencies.codes),
            "names": list(currencies.names),
            "symbols": list(currencies.symbols),
        },
        "units": {
            "by_form": units.by_form,
            "symbols": list(units.symbols),
            "names": list(units.names),
        },
        "pattern": pattern_source(currencies, units),
        "anchors": anchor_sources(currencies, units),
    }


def _key_parts() -> list[str]:
    """What the scanner is made of: this package's code and the libraries it reads."""
    code = digest_of()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        code.update(path.read_bytes())
    return [
        code.hexdigest(),
        metadata.version("babel"),
        regex.__version__,
        sys.version,
    ]


_LOCK = threading.Lock()
_DEFAULT: Scanner | None = None


def default_scanner() -> Scanner:
    """The scanner with the standard lexicons, built on first use and shared."""
    global _DEFAULT
    if _DEFAULT is None:
        with _LOCK:
            if _DEFAULT is None:
                scanner = standard_scanner()
                _ = scanner.pattern, scanner.anchors, scanner._group_names
                scanner.context.warm()
                _DEFAULT = scanner
    return _DEFAULT
