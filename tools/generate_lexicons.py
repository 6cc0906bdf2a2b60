"""Regenerate the scanner's lexicons from CLDR (via Babel).

    python tools/generate_lexicons.py          # rewrite numlint/data/scanner_lexicons.json
    python tools/generate_lexicons.py --check  # exit 1 if the file is not current

The standard scanner reads French currency and unit names for five French locales from
Babel's CLDR data. Reading them takes a tenth of a second and loads Babel's locale files;
they only change with numlint's lexicon code or Babel, so they are gathered here once, at
build time, into package data that :mod:`numlint.mentions.standard` loads (a test checks
the file is current).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "numlint" / "data" / "scanner_lexicons.json"


def table_text() -> str:
    sys.path.insert(0, str(ROOT))
    from numlint.mentions.currencies import build_currency_lexicon
    from numlint.mentions.units import build_unit_lexicon

    currencies, units = build_currency_lexicon(), build_unit_lexicon()
    document = {
        "currencies": {
            "by_form": dict(sorted(currencies.by_form.items())),
            "assumed": sorted(currencies.assumed),
            "codes": sorted(currencies.codes),
            "names": _longest_first(currencies.names),
            "symbols": _longest_first(currencies.symbols),
        },
        "units": {
            "by_form": dict(sorted(units.by_form.items())),
            "symbols": _longest_first(units.symbols),
            "names": _longest_first(units.names),
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _longest_first(forms: tuple[str, ...]) -> list[str]:
    """As the lexicons order them (longest first), ties in a fixed order: the same file
    whatever the hash seed."""
    return sorted(forms, key=lambda form: (-len(form), form))


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from generated_file import write_or_check

    return write_or_check(TABLE, table_text(), argv, ROOT, Path(__file__).name)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
