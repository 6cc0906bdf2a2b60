"""Shared by the audit tests: a small synthetic archive, and the audit run from Python."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

PARAGRAPHS = (
    "Le groupe a annoncé un plan de 97,4\u00a0milliards de dollars (près de 95\u202fmillions "
    "d’euros) pour ses usines.",
    "Le budget de la ville atteint 1\u202f234,5\u00a0millions d’euros, soit 1,2 milliard "
    "d’euros.",
    "La production a progressé de 12 % en un an, à 3,5 millions de tonnes.",
    "Les ventes sont passées de 40 à 50 millions d’euros, soit une hausse de 25 %.",
    "Rien à signaler dans ce paragraphe, qui parle de tout autre chose.",
)


def article(number: int, size: int = 1) -> dict[str, Any]:
    """Article ``number``: a mix of the paragraphs, ``size`` times over, dated by number."""
    body = "\n\n".join(PARAGRAPHS[(number + k) % len(PARAGRAPHS)] for k in range(3 * size))
    return {"id": f"art-{number:04d}", "text": body,
            "date": f"2025-{1 + number % 12:02d}-{1 + number % 27:02d}", "format": "text"}


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path


def read_findings(path: Path) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    return pq.read_table(path).to_pylist()
