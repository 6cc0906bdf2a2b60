"""The scanner's lexicons in package data are the ones CLDR and numlint's lists give."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from numlint.mentions.currencies import build_currency_lexicon
from numlint.mentions.standard import LEXICONS, standard_scanner
from numlint.mentions.units import build_unit_lexicon

REPOSITORY = Path(__file__).resolve().parent.parent
TOOL = REPOSITORY / "tools" / "generate_lexicons.py"


def test_the_generated_lexicons_are_current() -> None:
    """The file equals what ``tools/generate_lexicons.py`` writes (run it after a change to
    the lexicon code, the house lists or Babel)."""
    done = subprocess.run(
        [sys.executable, str(TOOL), "--check"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_standard_scanner_reads_the_lexicons_cldr_gives() -> None:
    scanner = standard_scanner()
    currencies, units = build_currency_lexicon(), build_unit_lexicon()
    assert scanner.currencies.by_form == currencies.by_form
    assert (scanner.currencies.assumed, scanner.currencies.codes) == (
        currencies.assumed, currencies.codes)
    assert sorted(scanner.currencies.names) == sorted(currencies.names)
    assert sorted(scanner.currencies.symbols) == sorted(currencies.symbols)
    assert scanner.units.by_form == units.by_form
    assert sorted(scanner.units.names) == sorted(units.names)
    assert sorted(scanner.units.symbols) == sorted(units.symbols)
    assert LEXICONS.is_file() and LEXICONS.parent.name == "data"


def test_a_start_reads_no_babel() -> None:
    code = (
        "import sys, numlint\n"
        "assert numlint.mentions('3 millions de dollars')[0].currency == 'USD'\n"
        "assert 'babel' not in sys.modules, 'babel loaded'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
