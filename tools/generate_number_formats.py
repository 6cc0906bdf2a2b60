"""Regenerate the number and date formats of numlint's messages from CLDR (via Babel).

    python tools/generate_number_formats.py          # rewrite numlint/data/number_formats.json
    python tools/generate_number_formats.py --check  # exit 1 if the file is not current

A message shows amounts (``94,3 milliards EUR``), ratios and dates in its reader's
language. Babel formats them from its locale data, whose first load costs a check about
20 ms; the few symbols and patterns the messages use are gathered here instead, at build
time, into package data that :mod:`numlint.number_format` reads (a test checks the file
is current and that the formatting is Babel's).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "numlint" / "data" / "number_formats.json"
LOCALES = {"fr": "fr_FR", "en": "en_GB"}
"""numlint's languages and the Babel locale each one's messages are shown in."""


def table_text() -> str:
    from babel import Locale

    sys.path.insert(0, str(ROOT))
    from numlint.number_format import PLURAL_RULES

    document = {}
    for lang, identifier in LOCALES.items():
        locale = Locale.parse(identifier)
        symbols = locale.number_symbols["latn"]
        compact = {
            form: {magnitude: pattern.pattern for magnitude, pattern in patterns.items()}
            for form, patterns in locale.compact_decimal_formats["long"].items()
        }
        for patterns in compact.values():
            for pattern in patterns.values():
                _check_compact(pattern, identifier)
        if locale.date_formats["long"].pattern != "d MMMM y":
            raise SystemExit(f"{identifier}: a long date that is not 'd MMMM y'")
        if dict(locale.plural_form.rules) != PLURAL_RULES[lang]:
            raise SystemExit(f"{identifier}: plural rules numlint.number_format does not know")
        if symbols["minusSign"] != "-":
            raise SystemExit(f"{identifier}: a minus sign other than '-'")
        document[lang] = {
            "decimal": symbols["decimal"],
            "group": symbols["group"],
            "compact_long": compact,
            "months": [locale.months["format"]["wide"][month] for month in range(1, 13)],
        }
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _check_compact(pattern: str, identifier: str) -> None:
    """The compact patterns numlint.number_format applies: digits, a space, a word."""
    if not re.fullmatch(r"0{1,3} [^\d'#,.;¤%‰E@*-]+|[^\d'#,.;¤%‰E@*-]+", pattern):
        raise SystemExit(f"{identifier}: a compact pattern numlint cannot apply: {pattern!r}")


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from generated_file import write_or_check

    return write_or_check(TABLE, table_text(), argv, ROOT, Path(__file__).name)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
