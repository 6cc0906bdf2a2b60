"""How fast is the figure scanner? One run, one table.

    python benchmarks/bench_mentions.py              # 7 repeats (about a minute)
    python benchmarks/bench_mentions.py --repeat 5

Measures, on the whole shared corpus of real French text (``../shared/corpus/*.jsonl``, or
``$NUMLINT_SHARED/corpus``), in one run:

- ``mentions()`` throughput (MB/s, MB = 10^6 UTF-8 bytes) and its median and p99 time per
  article;
- the floor: one ``finditer`` pass of a single ``regex`` pattern for French amounts (digits
  with French grouping, a scale word, a currency or %), which finds figures without reading
  them; and the ratio of the two;
- ``import numlint`` in a fresh interpreter: median of several ``python -c "import numlint"``
  minus median of ``python -c pass``.

Every figure is the median of the repeats. Skips (exit 0) when the corpus is absent.
Targets: mentions() >= 10 MB/s, import < 150 ms.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import regex

import numlint

FLOOR_PATTERN = regex.compile(
    r"(?<![\p{L}\p{N}])[\-−+]?\d{1,3}(?:[\x20\u00a0\u202f.]\d{3})*(?:,\d+)?"
    r"(?:[\x20\u00a0\u202f]*(?:milliards?|millions?|mille|Mds?|M|k))?"
    r"(?:[\x20\u00a0\u202f]*(?:d['’]|de[\x20\u00a0\u202f]+)?(?:€|\$|£|%|euros?|dollars?))?"
)
"""French amounts the cheap way: ``1 234,5 millions d'euros``, ``12 %``, ``3,5 Md€``."""


def shared_folder() -> Path:
    """``$NUMLINT_SHARED``, else the ``shared`` folder beside the repository."""
    configured = os.environ.get("NUMLINT_SHARED")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[1].parent / "shared"


def corpus_texts() -> list[str]:
    texts = []
    for path in sorted((shared_folder() / "corpus").glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            texts.extend(json.loads(line)["text"] for line in handle if line.strip())
    return texts


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def time_mentions(texts: list[str], repeat: int) -> tuple[list[float], list[list[float]]]:
    """Total seconds per repeat, and each article's seconds per repeat."""
    totals: list[float] = []
    per_article: list[list[float]] = [[] for _ in texts]
    for _ in range(repeat):
        gc.collect()
        total = 0.0
        for index, text in enumerate(texts):
            started = time.perf_counter()
            numlint.mentions(text)
            elapsed = time.perf_counter() - started
            per_article[index].append(elapsed)
            total += elapsed
        totals.append(total)
    return totals, per_article


def time_floor(texts: list[str], repeat: int) -> list[float]:
    totals = []
    for _ in range(repeat):
        gc.collect()
        started = time.perf_counter()
        for text in texts:
            for _match in FLOOR_PATTERN.finditer(text):
                pass
        totals.append(time.perf_counter() - started)
    return totals


def import_seconds(runs: int) -> float:
    """Median ``import numlint`` in a fresh interpreter, minus the interpreter's start."""

    def median_run(code: str) -> float:
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            times.append(time.perf_counter() - started)
        return statistics.median(times)

    return max(0.0, median_run("import numlint") - median_run("pass"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="repeats (at least 5)")
    parser.add_argument("--import-runs", type=int, default=9)
    args = parser.parse_args()
    repeat = max(5, args.repeat)
    texts = corpus_texts()
    if not texts:
        print(f"skipped: no corpus under {shared_folder() / 'corpus'}")
        return 0
    size_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    numlint.mentions("Échauffement : 3,5 Md€.")  # build the scanner outside the timings
    totals, per_article = time_mentions(texts, repeat)
    floor = time_floor(texts, repeat)
    found = sum(len(numlint.mentions(t)) for t in texts)
    article_medians = [statistics.median(times) for times in per_article]
    mentions_s = statistics.median(totals)
    floor_s = statistics.median(floor)
    imported = import_seconds(args.import_runs)

    rows = [
        ("corpus", f"{len(texts)} articles, {size_mb:.2f} MB, {found} mentions"),
        ("mentions() throughput", f"{size_mb / mentions_s:.1f} MB/s  (target >= 10)"),
        ("mentions() per article, median", f"{statistics.median(article_medians) * 1e3:.2f} ms"),
        ("mentions() per article, p99", f"{percentile(article_medians, 0.99) * 1e3:.2f} ms"),
        ("floor: one regex finditer pass", f"{size_mb / floor_s:.1f} MB/s"),
        ("mentions() / floor (time)", f"{mentions_s / floor_s:.1f}x"),
        ("import numlint (fresh process)", f"{imported * 1e3:.0f} ms  (target < 150)"),
    ]
    width = max(len(name) for name, _ in rows)
    print(f"numlint {numlint.__version__}, Python {sys.version.split()[0]}, "
          f"medians of {repeat} repeats")
    print(f"{'measure':<{width}}  value")
    print(f"{'-' * width}  {'-' * 40}")
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
