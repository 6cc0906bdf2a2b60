"""The write phase of ``--fix``: every file whole, and a report of exactly what was written.

Each file is replaced atomically (:func:`numlint.cli.inputs.write_atomically`), only if
its bytes are still those that were checked. One file that cannot be written (disk full,
changed on disk) does not stop the others. An interrupt (Ctrl-C, SIGINT) is held while
one file is written and honoured between files, so that the report names exactly the
files written and those not written.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from .errors import InputError
from .inputs import Text, write_atomically


@dataclass(frozen=True)
class Pending:
    """A fixed text to write over ``path``, read with ``digest``."""

    path: Path
    display: str
    text: Text
    digest: str | None


@dataclass
class WriteOutcome:
    written: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    """One line per file not written: its name and why."""
    interrupted: bool = False

    @property
    def complete(self) -> bool:
        return not self.failed and not self.interrupted


def write_all(pending: Sequence[Pending]) -> WriteOutcome:
    """Write every pending fix it can; KeyboardInterrupt ends the loop between files."""
    outcome = WriteOutcome()
    remaining = list(pending)
    try:
        while remaining:
            item = remaining[0]
            with _interrupts_held():
                try:
                    write_atomically(item.path, item.text, item.display, item.digest)
                except InputError as error:
                    outcome.failed.append(str(error))
                else:
                    outcome.written.append(item.display)
                remaining.pop(0)
    except KeyboardInterrupt:
        outcome.interrupted = True
        outcome.failed.extend(f"{item.display}: not written (interrupted)"
                              for item in remaining)
    return outcome


def report_writes(outcome: WriteOutcome, err: TextIO) -> None:
    """On stderr, when not every fix was written: each file not written, and the count."""
    if outcome.complete:
        return
    for line in outcome.failed:
        err.write(f"numlint: error: {line}\n")
    written = ", ".join(outcome.written) or "none"
    err.write(f"numlint: fixes written to {len(outcome.written)} of "
              f"{len(outcome.written) + len(outcome.failed)} files ({written}); "
              "every file is whole\n")


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """SIGINT blocked for the block (Unix, main thread); delivered when it ends."""
    can_block = (hasattr(signal, "pthread_sigmask")
                 and threading.current_thread() is threading.main_thread())
    if not can_block:
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
