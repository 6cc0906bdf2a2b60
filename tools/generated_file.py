"""Write a generated file, or check that it is current (``--check``): the tools' one main."""

from __future__ import annotations

from pathlib import Path


def write_or_check(table: Path, text: str, argv: list[str], root: Path, tool: str) -> int:
    """Write ``text`` to ``table``; with ``--check`` in ``argv``, exit status 1 when the
    file differs instead (the tests and CI run that)."""
    if "--check" in argv:
        if not table.exists() or table.read_text(encoding="utf-8") != text:
            print(f"{table.relative_to(root)} is not current: run {tool}")
            return 1
        return 0
    table.parent.mkdir(parents=True, exist_ok=True)
    table.write_text(text, encoding="utf-8")
    return 0
