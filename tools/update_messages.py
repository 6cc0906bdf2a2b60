"""Refresh the French message catalog from the source.

    python tools/update_messages.py          # add new message ids, drop stale ones
    python tools/update_messages.py --check  # exit 1 if the catalog is not up to date

Message ids are the English strings marked with ``N_(...)`` in ``numlint/``; their French
translations are written by hand in ``numlint/locale/fr/LC_MESSAGES/numlint.po``.
"""

from __future__ import annotations

import sys
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "numlint"
CATALOG = PACKAGE / "locale" / "fr" / "LC_MESSAGES" / "numlint.po"


def extracted_ids() -> dict[str, list[tuple[str, int]]]:
    found: dict[str, list[tuple[str, int]]] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords={"N_": None},
    ):
        if isinstance(message, str):
            found.setdefault(message, []).append((f"numlint/{filename}", lineno))
    return found


def refreshed(current: Catalog, ids: dict[str, list[tuple[str, int]]]) -> Catalog:
    catalog = Catalog(locale="fr", domain="numlint", project="numlint", charset="utf-8",
                      fuzzy=False, creation_date=current.creation_date,
                      revision_date=current.revision_date)
    for message_id in sorted(ids):
        previous = current.get(message_id)
        catalog.add(message_id, previous.string if previous else "", locations=ids[message_id])
    return catalog


def render(catalog: Catalog) -> bytes:
    buffer = BytesIO()
    write_po(buffer, catalog, width=100, omit_header=False, sort_output=True)
    return buffer.getvalue()


def main(argv: list[str]) -> int:
    with CATALOG.open("rb") as handle:
        current = read_po(handle, locale="fr", domain="numlint")
    catalog = refreshed(current, extracted_ids())
    missing = [m.id for m in catalog if m.id and not m.string]
    if "--check" in argv:
        stale = {m.id for m in current if m.id} != {m.id for m in catalog if m.id}
        if stale or missing:
            print("catalog out of date" if stale else f"untranslated: {missing}")
            return 1
        return 0
    CATALOG.write_bytes(render(catalog))
    for message_id in missing:
        print(f"untranslated: {message_id}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
