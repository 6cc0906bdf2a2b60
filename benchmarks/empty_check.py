"""Per-call cost of ``check('')`` and of a one-figure sentence: numlint's fixed cost.

Prints, in microseconds per call, the best and the median of several ``timeit`` repeats
(CPU-bound, so the best is the steadiest figure on a shared machine; the median says how
much the load moved it). Run: ``python benchmarks/empty_check.py``.
"""

from __future__ import annotations

import statistics
import time
import timeit
from collections.abc import Callable

import numlint

CASES = {
    "check('')": "",
    "check(one figure)": "Le budget atteint 97,4 milliards de dollars.",
}


def repeats_microseconds(text: str, number: int = 2_000, repeat: int = 7,
                         timer: Callable[[], float] = time.perf_counter) -> list[float]:
    """Microseconds per call of each repeat (``number`` calls each), after a warm call."""
    numlint.check(text)  # warm: scanner, rules and rates loaded
    runs = timeit.repeat(lambda: numlint.check(text), number=number, repeat=repeat,
                         timer=timer)
    return [run / number * 1e6 for run in runs]


def per_call_microseconds(text: str, number: int = 2_000, repeat: int = 7,
                          timer: Callable[[], float] = time.perf_counter) -> float:
    """The best repeat, in microseconds per call."""
    return min(repeats_microseconds(text, number, repeat, timer))


def main() -> None:
    for name, text in CASES.items():
        runs = repeats_microseconds(text)
        print(f"{name:<20} {min(runs):8.1f} µs per call (best of {len(runs)}), "
              f"median {statistics.median(runs):.1f} µs")


if __name__ == "__main__":
    main()
