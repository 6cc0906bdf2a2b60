"""A time budget for plugin code, without a thread per call.

A rule that loops forever must not hang a publishing hook. Starting a thread for each
rule of each check would cost more than the check itself, so one long-lived daemon thread
watches the deadlines of all running rules and, when one passes, raises
:class:`BudgetExceeded` inside the thread running that rule (``PyThreadState_SetAsyncExc``).
The exception arrives at the rule's next Python bytecode; code stuck inside a C call
(a pathological regular expression) is bounded by that library's own timeout instead.
"""

from __future__ import annotations

import ctypes
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class BudgetExceeded(Exception):
    """Raised inside a rule that ran past its time budget."""


_lock = threading.Condition()
_deadlines: dict[int, tuple[float, int]] = {}
"""Thread id -> (deadline, token of the guarded block)."""
_tokens = iter(range(1, 1 << 62))
_fired: set[int] = set()
"""Tokens of the blocks the watchdog raised into (their exception may still be pending)."""
_watcher: threading.Thread | None = None


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Run the block with at most ``seconds`` of wall time (no limit when None)."""
    if seconds is None:
        yield
        return
    thread_id = threading.get_ident()
    with _lock:
        token = next(_tokens)
        _deadlines[thread_id] = (time.monotonic() + seconds, token)
        _ensure_watcher()
        _lock.notify()
    try:
        yield
    finally:
        with _lock:
            if _deadlines.get(thread_id, (0, 0))[1] == token:
                del _deadlines[thread_id]
            fired = token in _fired
            _fired.discard(token)
        if fired:
            # An exception injected just as the block ended must not escape to the caller.
            # Only then: on CPython 3.11 clearing leaves the eval breaker set, which makes
            # any tracer (debugger, coverage, profiler) spin afterwards.
            _clear_pending(thread_id)


def _ensure_watcher() -> None:
    global _watcher
    if _watcher is None or not _watcher.is_alive():
        _watcher = threading.Thread(target=_watch, name="numlint-watchdog", daemon=True)
        _watcher.start()


def _watch() -> None:
    while True:
        with _lock:
            if not _deadlines:
                _lock.wait()
                continue
            now = time.monotonic()
            expired = [tid for tid, (deadline, _) in _deadlines.items() if deadline <= now]
            for thread_id in expired:
                _fired.add(_deadlines.pop(thread_id)[1])
                _raise_in(thread_id, BudgetExceeded)
            if not expired:
                soonest = min(deadline for deadline, _ in _deadlines.values())
                _lock.wait(timeout=max(0.0, soonest - now))


def _raise_in(thread_id: int, exception: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exception) if exception else None
    )


def _clear_pending(thread_id: int) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), None)
