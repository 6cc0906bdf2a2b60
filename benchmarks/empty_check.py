"""Per-call cost of ``check('')`` and of a one-figure sentence: numlint's fixed cost.

Prints the best of several ``timeit`` repeats in microseconds per call (CPU-bound, so
best-of is the honest figure on a shared machine). Run: ``python benchmarks/empty_check.py``.
"""

from __future__ import annotations

import timeit

import numlint

CASES = {
    "check('')": "",
    "check(one figure)": "Le budget atteint 97,4 milliards de dollars.",
}


def per_call_microseconds(text: str, number: int = 2_000, repeat: int = 7) -> float:
    numlint.check(text)  # warm: scanner, rules and rates loaded
    runs = timeit.repeat(lambda: numlint.check(text), number=number, repeat=repeat)
    return min(runs) / number * 1e6


def main() -> None:
    for name, text in CASES.items():
        print(f"{name:<20} {per_call_microseconds(text):8.1f} µs per call")


if __name__ == "__main__":
    main()
