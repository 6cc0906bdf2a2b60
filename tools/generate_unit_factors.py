"""Regenerate the table of unit factors from pint.

    python tools/generate_unit_factors.py          # rewrite numlint/data/unit_factors.json
    python tools/generate_unit_factors.py --check  # exit 1 if the table is not current

Each unit numlint's lexicon can produce gets its factor to pint's base units and its
dimensionality, so that the usual conversions (kilometres and miles, tonnes and kilos)
need neither ``import pint`` nor a ``UnitRegistry`` on a cold start. Units with an
offset (temperatures) are left out: they are converted by pint, by difference.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "numlint" / "data" / "unit_factors.json"


def table_text() -> str:
    import pint

    sys.path.insert(0, str(ROOT))
    from numlint.conversion import TEMPERATURES
    from numlint.mentions.units import CLDR_TO_PINT, HOUSE_UNITS, PER_SECOND, SPEEDS

    registry = pint.UnitRegistry(non_int_type=Decimal)
    entries = {}
    units = {*CLDR_TO_PINT.values(), *HOUSE_UNITS.values(), *SPEEDS.values(),
             *PER_SECOND.values()}
    for unit in sorted(units):
        if unit in TEMPERATURES:
            continue
        base = registry.Quantity(Decimal(1), unit).to_base_units()
        dimensions = {str(k): int(v) for k, v in sorted(base.dimensionality.items())}
        entries[unit] = {"factor": str(+Decimal(base.magnitude)), "dimensions": dimensions}
    document = {"units": entries}
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from generated_file import write_or_check

    return write_or_check(TABLE, table_text(), argv, ROOT, Path(__file__).name)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
