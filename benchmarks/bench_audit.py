"""Throughput and memory of ``numlint audit`` per worker, against check() in one process.

    python benchmarks/bench_audit.py                      # the corpus replicated to 100 MB
    python benchmarks/bench_audit.py --size 20MB          # smaller, on a busy machine
    python benchmarks/bench_audit.py --workers 1 2 --engines processes dask

The corpus (``../shared/corpus``, read through benchmarks/corpus.py) is replicated into a
JSON Lines archive of ``--size`` bytes of text (ids made unique per copy). Measured:

- the single-process figure: a fresh Python process that reads the same archive and calls
  ``numlint.check()`` on each article (MB/s on one core, imports included as for the
  audit: it is what one core does without the audit);
- each engine and worker count: ``numlint audit`` as a subprocess, wall time from start to
  the output written (start-up, reading, state files, the cross-document check and the
  final Parquet included), MB/s per worker, and its ratio to the single-process figure;
- CPU seconds: of the whole run (every process, from ``getrusage``) against the single
  process's, and of the main process alone (sampled): unlike wall time, these hold on a
  busy machine, and they tell extra work (start-up, sealing, writing, NL901) apart from
  waiting for a core;
- peak RSS of each worker process (sampled every 0.1 s with psutil) and of the main one;
- the projected time for 1 million 4 kB articles (4 GB) on N cores from those figures.

Speed on a machine shared with other jobs varies: the machine's load average is printed
with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from corpus import corpus_folder, load_documents

ARTICLES = 1_000_000
ARTICLE_BYTES = 4_000


def parse_size(text: str) -> int:
    units = {"kb": 10**3, "mb": 10**6, "gb": 10**9, "b": 1}
    lowered = text.strip().lower()
    for unit, factor in units.items():
        if lowered.endswith(unit):
            return int(float(lowered[: -len(unit)]) * factor)
    return int(lowered)


def build_archive(path: Path, size: int) -> tuple[int, int]:
    """The corpus repeated into ``path`` until ``size`` bytes of text; (articles, bytes)."""
    documents = load_documents()
    written = count = copy = 0
    with path.open("w", encoding="utf-8") as handle:
        while written < size:
            for document in documents:
                handle.write(json.dumps({
                    "id": f"{document.id}-{copy}", "text": document.text,
                    "date": document.date.isoformat() if document.date else None,
                }, ensure_ascii=False) + "\n")
                written += document.nbytes
                count += 1
                if written >= size:
                    break
            copy += 1
    return count, written


def children_cpu() -> float:
    """CPU seconds of every finished descendant so far (those waited for, recursively)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def single_process(archive: Path) -> tuple[float, float]:
    """Wall and CPU seconds of a fresh Python process that reads the archive and calls
    check() on each article: what one core does without the audit (imports included, as
    for it)."""
    start, cpu = time.perf_counter(), children_cpu()
    subprocess.run([sys.executable, __file__, "--single-process", str(archive)], check=True)
    return time.perf_counter() - start, children_cpu() - cpu


def check_each(archive: Path) -> None:
    import datetime

    import numlint

    with archive.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            day = datetime.date.fromisoformat(record["date"]) if record["date"] else None
            numlint.check(record["text"], format="text", date=day)


class RssSampler(threading.Thread):
    """Peak RSS of a process and of each of its descendants."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peaks: dict[int, tuple[str, int]] = {}
        self.cpu = 0.0
        """The root process's CPU seconds at the last sample."""
        self.stop = threading.Event()

    def run(self) -> None:
        import psutil

        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self.stop.is_set():
            try:
                family = [root, *root.children(recursive=True)]
            except psutil.Error:
                return
            try:
                times = root.cpu_times()
                self.cpu = times.user + times.system
            except psutil.Error:
                pass
            for process in family:
                try:
                    rss = process.memory_info().rss
                    line = " ".join(process.cmdline())[-60:]
                except psutil.Error:
                    continue
                if rss > self.peaks.get(process.pid, ("", 0))[1]:
                    self.peaks[process.pid] = (line, rss)
            self.stop.wait(0.1)


def run_audit(archive: Path, engine: str, workers: int, cross: bool,
              folder: Path) -> dict[str, float]:
    output = folder / f"{engine}-{workers}-{cross}" / "findings.parquet"
    output.parent.mkdir(parents=True)
    command = [sys.executable, "-m", "numlint", "audit", str(archive), "-o", str(output),
               "--engine", engine, "--workers", str(workers), "--format-in", "text", "-q",
               *([] if cross else ["--no-cross-check"])]
    start, cpu = time.perf_counter(), children_cpu()
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    sampler = RssSampler(process.pid)
    sampler.start()
    _, errors = process.communicate()
    elapsed, cpu = time.perf_counter() - start, children_cpu() - cpu
    sampler.stop.set()
    sampler.join()
    if process.returncode not in (0, 1):
        raise SystemExit(f"numlint audit failed ({process.returncode}): {errors[-2000:]}")
    worker_rss = [rss for pid, (line, rss) in sampler.peaks.items()
                  if pid != process.pid and "resource_tracker" not in line
                  and "forkserver" not in line and rss > 30e6]
    return {"seconds": elapsed, "cpu": cpu, "main_cpu": sampler.cpu,
            "main_rss": sampler.peaks.get(process.pid, ("", 0))[1],
            "worker_rss": max(worker_rss, default=0),
            "workers_seen": len(worker_rss)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=parse_size, default=parse_size("100MB"),
                        help="bytes of text in the archive (default: 100MB)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--engines", nargs="+", default=["processes"],
                        choices=("processes", "dask"))
    parser.add_argument("--single-process", type=Path, metavar="ARCHIVE",
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.single_process:
        check_each(args.single_process)
        return 0
    if not load_documents():
        print(f"no corpus under {corpus_folder()}: nothing to measure", file=sys.stderr)
        return 0
    try:
        import psutil  # noqa: F401
    except ImportError:
        print("psutil is needed for the RSS figures: pip install 'numlint[archive]'",
              file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory(prefix="numlint-bench-audit-") as temporary:
        folder = Path(temporary)
        archive = folder / "archive.jsonl"
        articles, size = build_archive(archive, args.size)
        print(f"archive: {articles} articles, {size / 1e6:.1f} MB of text "
              f"(load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores)")
        seconds, single_cpu = single_process(archive)
        baseline = size / seconds / 1e6
        print(f"single process, check() on each article: {seconds:.1f} s, "
              f"{baseline:.2f} MB/s on one core, {single_cpu:.1f} CPU s")
        print(f"{'engine':10} {'NL901':5} {'workers':>7} {'wall s':>8} {'MB/s':>7} "
              f"{'MB/s/worker':>11} {'vs 1 core':>9} {'CPU s':>7} {'vs 1 core':>9} "
              f"{'main CPU s':>10} {'peak RSS/worker':>15} {'main RSS':>9}")
        per_worker = {}
        runs = [(engine, workers, cross) for engine in args.engines
                for cross in (False, True) for workers in args.workers]
        for engine, workers, cross in runs:
            figures = run_audit(archive, engine, workers, cross, folder)
            rate = size / figures["seconds"] / 1e6
            per_worker[(engine, workers, cross)] = rate / workers
            print(f"{engine:10} {'on' if cross else 'off':5} {workers:7d} "
                  f"{figures['seconds']:8.1f} {rate:7.2f} "
                  f"{rate / workers:11.2f} {rate / workers / baseline:8.0%} "
                  f"{figures['cpu']:7.1f} {figures['cpu'] / single_cpu:8.0%} "
                  f"{figures['main_cpu']:10.1f} "
                  f"{figures['worker_rss'] / 1e6:12.0f} MB "
                  f"{figures['main_rss'] / 1e6:6.0f} MB")
        total = ARTICLES * ARTICLE_BYTES
        most = max(args.workers)
        rate = min(r for (_, w, c), r in per_worker.items() if w == most and c)
        print(f"projection for {ARTICLES:,} articles of {ARTICLE_BYTES} bytes "
              f"({total / 1e9:.0f} GB), with NL901, at the slowest measured {rate:.2f} MB/s "
              f"per worker with {most} workers:")
        for cores in (1, 2, 8, 32, 128):
            print(f"  {cores:4d} cores: {total / (rate * 1e6 * cores) / 60:8.1f} min"
                  + ("" if cores <= most else "  (assumes the per-worker rate holds: "
                     "not measured past the cores of this machine)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
