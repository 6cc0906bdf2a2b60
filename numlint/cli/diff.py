"""Unified diffs of fixed files (``--diff``), readable by ``git apply`` and ``patch -p1``."""

from __future__ import annotations

import re
from pathlib import PurePath

_LINE = r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z"  # compiled by re for --diff only
_NO_NEWLINE = "\\ No newline at end of file\n"


def unified_diff(before: str, after: str, path: str) -> str:
    import difflib  # only for --diff

    name = PurePath(path).as_posix()
    old, new = (name, name) if PurePath(path).is_absolute() else (f"a/{name}", f"b/{name}")
    lines = difflib.unified_diff(
        split_lines(before), split_lines(after), old, new
    )
    out = []
    for line in lines:
        out.append(line)
        if not line.endswith(("\n", "\r")):
            out.append("\n" + _NO_NEWLINE)
    return "".join(out)


def split_lines(text: str) -> list[str]:
    """Lines with their endings; only CR, LF and CRLF end a line (not U+2028 or NEL)."""
    return re.findall(_LINE, text)
