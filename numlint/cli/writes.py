"""The write phase of ``--fix``: every file whole, and a report of exactly what was written.

Each file is replaced atomically (:func:`numlint.cli.inputs.write_atomically`), only if
its bytes are still those that were checked. One file that cannot be written (disk full,
changed on disk) does not stop the others. An interrupt (Ctrl-C, SIGINT) is held while
one file is written and honoured between files, so that the report names exactly the
files written and those not written.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from ..i18n import DEFAULT_LANGUAGE, N_, plural, render, translate
from .errors import CliError, InputError
from .inputs import Text, write_atomically


class Pending:
    """A fixed text to write over ``path``, read with ``digest``."""

    __slots__ = ("digest", "display", "path", "text")

    def __init__(self, path: Path, display: str, text: Text, digest: str | None) -> None:
        self.path, self.display, self.text, self.digest = path, display, text, digest


class WriteOutcome:
    __slots__ = ("failed", "interrupted", "not_written", "written")

    def __init__(self) -> None:
        self.written: list[str] = []
        self.failed: list[CliError] = []
        """One error per file not written: its name and why."""
        self.not_written: list[str] = []
        """The names of the files not written (in the order of ``failed``)."""
        self.interrupted = False

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
                    outcome.failed.append(error)
                    outcome.not_written.append(item.display)
                else:
                    outcome.written.append(item.display)
                remaining.pop(0)
    except KeyboardInterrupt:
        outcome.interrupted = True
        outcome.failed.extend(CliError(N_("{path}: not written (interrupted)"),
                                       {"path": item.display}) for item in remaining)
        outcome.not_written.extend(item.display for item in remaining)
    return outcome


def report_writes(outcome: WriteOutcome, err: TextIO, lang: str = DEFAULT_LANGUAGE) -> None:
    """On stderr, when not every fix was written: each file not written, and the count."""
    if outcome.complete:
        return
    for error in outcome.failed:
        err.write(f"numlint: error: {error.localized(lang)}\n")
    written = ", ".join(outcome.written) or translate(N_("none"), lang)
    total = len(outcome.written) + len(outcome.failed)
    err.write("numlint: " + render(
        N_("fixes written to {written} of {files} ({names}); every file is whole"),
        {"written": len(outcome.written), "files": plural(total, _FILES, lang),
         "names": written}, lang) + "\n")


_FILES = (N_("{n} file"), N_("{n} files"))


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """SIGINT blocked for the block (Unix, main thread); delivered when it ends."""
    import signal  # only when a file is written (its enums cost a check ~2 ms)

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
