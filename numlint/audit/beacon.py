"""Where a worker process is, in shared memory: the article it started and when.

The processes engine must know which article a worker is on (to time it out, or to name
the one that killed it) without a message per article: a message wakes the main process
once per article and makes it compete for a core with the workers. A :class:`Beacon` is
three numbers in shared memory that the worker sets and the main process reads when it
looks (five times a second), guarded by a sequence number (a seqlock: one writer, odd
while a write is under way) so a read never pairs one article with another's start time.
"""

from __future__ import annotations

import time
from typing import Any

OUTSIDE = -1
"""The position of a worker that is not checking an article (reading, sealing, idle)."""

_SEQUENCE, _POSITION, _STARTED = 0, 1, 2


class Beacon:
    """Three doubles shared by one worker (the writer) and the main process (the reader)."""

    def __init__(self, context: Any) -> None:
        self._values = context.RawArray("d", 3)
        self._values[_POSITION] = OUTSIDE

    def enter(self, position: int) -> None:
        """The worker starts article ``position`` of its partition (``OUTSIDE``: none)."""
        values = self._values
        sequence = values[_SEQUENCE]
        values[_SEQUENCE] = sequence + 1
        values[_POSITION] = position
        values[_STARTED] = time.monotonic()
        values[_SEQUENCE] = sequence + 2

    def leave(self) -> None:
        self.enter(OUTSIDE)

    def read(self) -> tuple[int, float] | None:
        """(position, monotonic start time) as one write left them; None if the worker
        kept writing while we read (look again at the next round)."""
        values = self._values
        for _ in range(100):
            before = values[_SEQUENCE]
            if before % 2:
                continue
            position, started = values[_POSITION], values[_STARTED]
            if values[_SEQUENCE] == before:
                return int(position), started
        return None

    def last(self) -> int:
        """The position a dead worker left (it writes no more: no guard needed)."""
        return int(self._values[_POSITION])
