"""A progress line on stderr while many files are checked, only on a terminal."""

from __future__ import annotations

import time
from typing import TextIO

from .terminal import isatty

THRESHOLD = 20
"""Fewer files than this are done before a progress line would help."""
_INTERVAL = 0.1


class Progress:
    """``[ 12/240] articles/économie/…``, rewritten in place; erased when done."""

    def __init__(self, stream: TextIO, total: int, threshold: int = THRESHOLD) -> None:
        self.stream = stream
        self.total = total
        self.active = total > threshold and isatty(stream)
        self._last = 0.0
        self._shown = False

    def update(self, done: int, label: str) -> None:
        if not self.active:
            return
        now = time.monotonic()
        if self._shown and now - self._last < _INTERVAL and done < self.total:
            return
        self._last = now
        width = len(str(self.total))
        line = f"[{done:>{width}}/{self.total}] {label}"
        if len(line) > 78:
            line = line[:77] + "…"
        self.stream.write(f"\r\x1b[K{line}")
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False
