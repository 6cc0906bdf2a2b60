"""Bounding a rule's time without async exceptions.

numlint used to raise an exception inside a rule that overran (``PyThreadState_SetAsyncExc``).
That cannot stop code stuck in C, lands at an arbitrary bytecode (inside a rule's
``finally``), and on CPython 3.11 clearing it left every later tracer spinning. There is
no such injection any more:

- numlint's own rules run in the calling thread, with no time limit: they are linear in
  the text (the robustness tests hold them to it), the scanner's match has its own
  timeout, and a first call may legitimately spend a second loading pint or the rate
  table, which must not cost the article its findings;
- a plugin's rule runs in a worker thread, and the caller stops waiting at the deadline:
  the rule is reported and the worker abandoned (a daemon, never reused; it goes on until
  the rule ends by itself, then ends too). This bounds a loop, a ``sleep``, a rule that
  swallows every exception or one that calls :func:`numlint.check` itself. Code that
  holds the interpreter lock in C (a catastrophic ``re`` pattern) cannot be bounded from
  inside the process at all; the command line's ``--timeout`` runs files in worker
  processes for that.

Nothing is set up per rule when nothing overruns: each calling thread has one worker,
started on its first plugin rule and reused by the next (a thread start per rule cost more
than most rules). A worker serves only the thread that started it (concurrent checks stay
concurrent), ends when that thread has ended, and belongs to the process that started it:
a forked child, which inherits no thread, starts its own, and nothing it could inherit
half-held (a lock, a queue) is ever used again.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Outcome(Generic[T]):
    """What a bounded call did: its value, the exception it raised, or that it overran."""

    value: T | None = None
    error: BaseException | None = None
    overran: bool = False


def run_in_thread(call: Callable[[], T], seconds: float | None) -> Outcome[T]:
    """Run ``call`` in this thread's worker and wait for it ``seconds`` at most (None: as
    long as it takes).

    Every exception ``call`` raises is returned, ``KeyboardInterrupt`` included (the caller
    re-raises that one: it is the user's); past the deadline the worker is left to finish
    on its own, a new one serves the next call, and ``overran`` is set.
    """
    worker = _worker()
    done = threading.Event()
    box: list[Outcome[Any]] = []
    worker.calls.put((call, done, box))
    try:
        done.wait(seconds)
    except BaseException:  # interrupted while waiting: the call may still be running
        _abandon(worker)
        raise
    if box:  # appended before ``done`` is set: complete, even if the wait just timed out
        return box[0]
    _abandon(worker)
    return Outcome(overran=True)


def _abandon(worker: _Worker) -> None:
    """Never hand ``worker`` a call again: it ends once its current call returns."""
    worker.abandoned = True
    if getattr(_local, "worker", None) is worker:
        _local.worker = None


_local = threading.local()


def _worker() -> _Worker:
    worker: _Worker | None = getattr(_local, "worker", None)
    if worker is None or worker.pid != os.getpid():  # none yet, abandoned, or forked
        worker = _local.worker = _Worker(threading.current_thread())
    return worker


_IDLE_CHECK_SECONDS = 5.0
"""How often an idle worker looks whether the thread it serves has ended."""


class _Worker:
    """A daemon thread that runs one calling thread's plugin rules, one after another."""

    def __init__(self, caller: threading.Thread) -> None:
        self.pid = os.getpid()
        self.caller = caller
        self.abandoned = False
        self.calls: queue.SimpleQueue[tuple[Callable[[], Any], threading.Event,
                                            list[Outcome[Any]]]] = queue.SimpleQueue()
        threading.Thread(target=self._serve, name="numlint-plugin-rules", daemon=True).start()

    def _serve(self) -> None:
        while not self.abandoned:
            try:
                call, done, box = self.calls.get(timeout=_IDLE_CHECK_SECONDS)
            except queue.Empty:
                if not self.caller.is_alive():  # nobody left to put a call
                    return
                continue
            try:
                box.append(Outcome(value=call()))
            except BaseException as error:  # transported to the caller, never lost
                box.append(Outcome(error=error))
            finally:
                done.set()
                del call, done, box
