"""Bounding a rule's time without async exceptions.

numlint used to raise an exception inside a rule that overran (``PyThreadState_SetAsyncExc``).
That cannot stop code stuck in C, lands at an arbitrary bytecode (inside a rule's
``finally``), and on CPython 3.11 clearing it left every later tracer spinning. There is
no such injection any more:

- numlint's own rules run in the calling thread, with no time limit: they are linear in
  the text (the robustness tests hold them to it), the scanner's match has its own
  timeout, and a first call may legitimately spend a second loading pint or the rate
  table, which must not cost the article its findings;
- a plugin's rule runs in a thread of its own, and the caller stops waiting at the
  deadline: the rule is reported and its thread abandoned (a daemon, never reused; it
  goes on until it ends by itself). This
  bounds a loop, a ``sleep``, a rule that swallows every exception or one that calls
  :func:`numlint.check` itself. Code that holds the interpreter lock in C (a catastrophic
  ``re`` pattern) cannot be bounded from inside the process at all; the command line's
  ``--timeout`` runs files in worker processes for that.

Nothing here is shared between calls: no watcher thread, no lock, nothing a forked child
could inherit half-held.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Outcome(Generic[T]):
    """What a bounded call did: its value, the exception it raised, or that it overran."""

    value: T | None = None
    error: BaseException | None = None
    overran: bool = False


def run_in_thread(call: Callable[[], T], seconds: float | None) -> Outcome[T]:
    """Run ``call`` in a thread of its own and wait for it ``seconds`` at most (None: as
    long as it takes).

    Every exception ``call`` raises is returned, ``KeyboardInterrupt`` included (the caller
    re-raises that one: it is the user's); past the deadline the thread is left to finish
    on its own and ``overran`` is set.
    """
    box: list[Outcome[T]] = []

    def target() -> None:
        try:
            box.append(Outcome(value=call()))
        except BaseException as error:  # transported to the caller, never lost
            box.append(Outcome(error=error))

    worker = threading.Thread(target=target, name="numlint-plugin-rule", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive() or not box:
        return Outcome(overran=True)
    return box[0]
