"""Per-worker throughput of ``check()`` in a pool of two processes, against one process.

    python benchmarks/pool.py               # 5 rounds, the corpus once per worker
    python benchmarks/pool.py --rounds 9

A newsroom checks its archive, or a CMS its queue, with a pool of worker processes. Each
worker should do what a lone process does: nothing numlint holds (the rule budget's
watcher, the rates, the compiled patterns) may serialize the workers or be lost in a
forked child. Each round starts one fresh worker alone, then two fresh workers together
(released at the same moment by a barrier, after each has checked the corpus once on its
own to warm up), each checking every corpus document once more. Rounds alternate, so
both sides see the same load.

The figure is the median per-worker throughput of the pair over the median of the lone
worker, in CPU time (the work of one core, whatever else the machine runs) and in wall
time (what a user sees; meaningful only on a machine with two idle cores — the load
average is printed with it). Workers are forked, as a ``multiprocessing`` pool on Linux
does by default, so a lock or thread that a fork breaks shows up here as a hang or a
slower pair.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from multiprocessing.synchronize import Barrier
from pathlib import Path

import numlint

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import CorpusDocument, corpus_folder, load_documents, total_bytes

TARGET_RATIO = 0.90
"""A worker of a 2-process pool does at least 90 % of what one process does (issue 16)."""

@dataclass(frozen=True)
class Timing:
    cpu: float
    wall: float


def _work(documents: Sequence[CorpusDocument], barrier: Barrier | None, results) -> None:
    for document in documents:  # a first pass: patterns compiled, rates of every date read
        numlint.check(document.text, date=document.date, format="text")
    if barrier is not None:
        barrier.wait()
    cpu, wall = time.process_time(), time.perf_counter()
    for document in documents:
        numlint.check(document.text, date=document.date, format="text")
    results.put(Timing(time.process_time() - cpu, time.perf_counter() - wall))


def run_workers(documents: Sequence[CorpusDocument], count: int,
                context: multiprocessing.context.BaseContext) -> list[Timing]:
    """``count`` fresh workers, released together, each checking every document once."""
    results = context.Queue()
    barrier = context.Barrier(count) if count > 1 else None
    workers = [context.Process(target=_work, args=(documents, barrier, results))
               for _ in range(count)]
    for worker in workers:
        worker.start()
    timings = [results.get(timeout=600) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    if any(worker.exitcode != 0 for worker in workers):
        raise RuntimeError(f"a worker failed: exit codes {[w.exitcode for w in workers]}")
    return timings


@dataclass(frozen=True)
class PoolMeasure:
    alone: list[Timing]
    paired: list[Timing]
    nbytes: int

    def ratio(self, clock: str) -> float:
        """Median per-worker throughput in the pair / median throughput alone."""
        alone = statistics.median(getattr(timing, clock) for timing in self.alone)
        paired = statistics.median(getattr(timing, clock) for timing in self.paired)
        return alone / paired

    def mbps(self, timings: Sequence[Timing], clock: str) -> float:
        return self.nbytes / 1e6 / statistics.median(getattr(t, clock) for t in timings)


def measure(documents: Sequence[CorpusDocument], rounds: int) -> PoolMeasure:
    """Alternating rounds: one worker alone, then two together."""
    context = multiprocessing.get_context("fork")
    alone: list[Timing] = []
    paired: list[Timing] = []
    for _ in range(rounds):
        alone += run_workers(documents, 1, context)
        paired += run_workers(documents, 2, context)
    return PoolMeasure(alone, paired, total_bytes(documents))


def report(result: PoolMeasure) -> list[str]:
    lines = []
    for clock in ("cpu", "wall"):
        ratio = result.ratio(clock)
        verdict = "✓" if ratio >= TARGET_RATIO else "✗"
        lines.append(
            f"{clock:>4}: one process {result.mbps(result.alone, clock):.2f} MB/s, each of two "
            f"{result.mbps(result.paired, clock):.2f} MB/s: ×{ratio:.2f} "
            f"(target ≥ ×{TARGET_RATIO:.2f}) {verdict}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="rounds of alone + paired")
    args = parser.parse_args(argv)
    documents = load_documents()
    if not documents:
        print(f"no corpus under {corpus_folder()}: nothing to measure", file=sys.stderr)
        return 0
    before = os.getloadavg()
    result = measure(documents, args.rounds)
    after = os.getloadavg()
    print(f"{len(documents)} corpus documents ({result.nbytes / 1e6:.2f} MB) per worker, "
          f"{args.rounds} rounds, medians; load {before[0]:.1f} before, {after[0]:.1f} after")
    print("\n".join(report(result)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
