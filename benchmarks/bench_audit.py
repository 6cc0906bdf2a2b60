"""Throughput and memory of ``numlint audit`` per worker, against check() in one process.

    python benchmarks/bench_audit.py                      # the corpus replicated to 100 MB
    python benchmarks/bench_audit.py --size 20MB          # smaller, on a busy machine
    python benchmarks/bench_audit.py --workers 1 2 --engines processes dask

The corpus (``../shared/corpus``, read through benchmarks/corpus.py) is replicated into a
JSON Lines archive of ``--size`` bytes of text (ids made unique per copy). Measured:

- the single-process figure: a fresh Python process that reads the same archive and calls
  ``numlint.check()`` on each article (MB/s on one core, imports included as for the
  audit: it is what one core does without the audit); and, for N workers, the same with N
  such processes side by side, each on its share of the articles (every N-th line): the
  per-core figure when N cores are busy at once, which is what N workers are fairly
  compared with (cores that share caches, memory and a busy machine's other jobs are each
  slower than one core alone);
- each engine and worker count: ``numlint audit`` as a subprocess, wall time from start to
  the output written (start-up, reading, state files, the cross-document check and the
  final Parquet included), MB/s per worker, and its ratio to the single-process figure;
- CPU seconds: of the whole run (every process, from ``getrusage``) against the single
  process's, and of the main process alone (sampled): unlike wall time, these hold on a
  busy machine, and they tell extra work (start-up, sealing, writing, NL901) apart from
  waiting for a core;
- peak RSS of each worker process (sampled every 0.1 s with psutil) and of the main one;
- the projected time for 1 million articles (of the archive's mean size, and of 4 kB) on
  N cores from those figures.

Speed on a machine shared with other jobs varies: the machine's load average is printed
with the figures, ``--rounds`` repeats every measure (the baselines in each round, so each
audit run is compared with baselines measured under the same load) and the last table
gives the medians. CPU-second ratios hold on a busy machine; wall-time ratios do not.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
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


def shares(archive: Path, count: int) -> list[Path]:
    """The archive dealt into ``count`` files, every ``count``-th line to each."""
    if count == 1:
        return [archive]
    paths = [archive.with_name(f"share-{count}-{n}.jsonl") for n in range(count)]
    handles = [path.open("w", encoding="utf-8") for path in paths]
    with archive.open(encoding="utf-8") as source:
        for number, line in enumerate(source):
            handles[number % count].write(line)
    for handle in handles:
        handle.close()
    return paths


def single_processes(paths: list[Path]) -> tuple[float, float]:
    """Wall and CPU seconds of fresh Python processes side by side, each reading one of
    ``paths`` and calling check() on each article: what the cores do without the audit
    (imports included, as for it)."""
    start, cpu = time.perf_counter(), children_cpu()
    running = [subprocess.Popen([sys.executable, __file__, "--single-process", str(path)])
               for path in paths]
    for process in running:
        if process.wait() != 0:
            raise SystemExit("the single-process baseline failed")
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
    """Peak RSS of a process and of each of its descendants.

    A child caught between fork and exec still has its parent's command line and counts
    the parent's pages in its RSS: such samples are the parent's, not a worker's, and are
    left out (they once made a worker look 175 MB large)."""

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
                root_line = root.cmdline()
            except psutil.Error:
                root_line = []
            for process in family:
                try:
                    rss = process.memory_info().rss
                    command = process.cmdline()
                except psutil.Error:
                    continue
                if process is not root and command == root_line:
                    continue  # forked, not yet exec'd: the parent's pages
                line = " ".join(command)[-60:]
                if rss > self.peaks.get(process.pid, ("", 0))[1]:
                    self.peaks[process.pid] = (line, rss)
            self.stop.wait(0.1)


def run_audit(archive: Path, engine: str, workers: int, cross: bool,
              folder: Path, round_number: int = 1) -> dict[str, float]:
    output = folder / f"{engine}-{workers}-{cross}-{round_number}" / "findings.parquet"
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
    parser.add_argument("--cross", nargs="+", default=["off", "on"], choices=("off", "on"),
                        help="NL901 off, on, or both (default: both)")
    parser.add_argument("--rounds", type=int, default=1,
                        help="repeat every measure (medians at the end)")
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
        print(f"archive: {articles} articles, {size / 1e6:.1f} MB of text, "
              f"{size / articles / 1e3:.1f} kB per article")
        split = {workers: shares(archive, workers) for workers in args.workers}
        measures: dict[tuple[str, int, bool], list[dict[str, float]]] = {}
        for round_number in range(1, args.rounds + 1):
            run_round(round_number, args, archive, split, size, folder, measures)
        if args.rounds > 1:
            print_medians(measures)
        project(measures, articles, size, args.workers)
    return 0


def run_round(number: int, args: argparse.Namespace, archive: Path,
              split: dict[int, list[Path]], size: int, folder: Path,
              measures: dict[tuple[str, int, bool], list[dict[str, float]]]) -> None:
    print(f"\nround {number} (load average {load()})")
    baseline: dict[int, tuple[float, float]] = {}
    for workers in args.workers:
        seconds, cpu = single_processes(split[workers])
        baseline[workers] = (size / seconds / 1e6 / workers, cpu)
        print(f"{workers} plain process(es) side by side, check() on each article: "
              f"{seconds:.1f} s, {baseline[workers][0]:.2f} MB/s per core, {cpu:.1f} CPU s "
              f"(load {load()})")
    alone = baseline[min(args.workers)][0] if 1 in args.workers else None
    print(f"{'engine':9} {'NL901':5} {'workers':>7} {'wall s':>7} {'MB/s/worker':>11} "
          f"{'vs alone':>8} {'vs side':>7} {'CPU s':>6} {'CPU ratio':>9} {'main CPU':>8} "
          f"{'RSS/worker':>10} {'main RSS':>8} {'load':>5}")
    for engine in args.engines:
        for cross in (c == "on" for c in args.cross):
            for workers in args.workers:
                figures = run_audit(archive, engine, workers, cross, folder, number)
                rate = size / figures["seconds"] / 1e6 / workers
                side, side_cpu = baseline[workers]
                figures.update(rate=rate, vs_side=rate / side,
                               vs_alone=rate / alone if alone else float("nan"),
                               cpu_ratio=side_cpu / figures["cpu"], load=os.getloadavg()[0])
                measures.setdefault((engine, workers, cross), []).append(figures)
                print_row(engine, workers, cross, figures)


def print_row(engine: str, workers: int, cross: bool, figures: dict[str, float]) -> None:
    print(f"{engine:9} {'on' if cross else 'off':5} {workers:7d} {figures['seconds']:7.1f} "
          f"{figures['rate']:11.2f} {figures['vs_alone']:8.0%} {figures['vs_side']:7.0%} "
          f"{figures['cpu']:6.1f} {figures['cpu_ratio']:9.0%} {figures['main_cpu']:8.1f} "
          f"{figures['worker_rss'] / 1e6:7.0f} MB {figures['main_rss'] / 1e6:5.0f} MB "
          f"{figures['load']:5.2f}")


def print_medians(measures: dict[tuple[str, int, bool], list[dict[str, float]]]) -> None:
    print("\nmedians (peak RSS: the highest)")
    for (engine, workers, cross), runs in measures.items():
        median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
        median["worker_rss"] = max(run["worker_rss"] for run in runs)
        median["main_rss"] = max(run["main_rss"] for run in runs)
        print_row(engine, workers, cross, median)


def project(measures: dict[tuple[str, int, bool], list[dict[str, float]]], articles: int,
            size: int, workers: list[int]) -> None:
    """The time for a million articles on N cores, two ways: at the slowest per-worker
    wall rate measured with NL901 at the most workers (what this machine, busy as it was,
    did), and at the CPU seconds per MB of that run, every process counted (what N cores
    of this kind do when nothing else runs on them). Medians over the rounds."""
    most = max(workers)
    chosen = [(statistics.median(run["rate"] for run in runs),
               size / 1e6 / statistics.median(run["cpu"] for run in runs), engine)
              for (engine, count, cross), runs in measures.items() if count == most and cross]
    if not chosen:
        return
    rate, cpu_rate, engine = min(chosen)
    mean = size / articles
    print(f"\nprojection for {ARTICLES:,} articles with NL901, from the slowest run with "
          f"{most} workers ({engine}): {rate:.2f} MB/s per worker in wall time on this "
          f"machine (load {load()}), {cpu_rate:.2f} MB per CPU second of the whole "
          "run (every process counted)")
    for label, each in ((f"{mean / 1e3:.1f} kB (this corpus)", mean),
                        (f"{ARTICLE_BYTES / 1e3:.0f} kB", ARTICLE_BYTES)):
        total = ARTICLES * each
        print(f"  articles of {label}, {total / 1e9:.1f} GB:")
        for name, per_core in (("at this machine's wall rate", rate),
                               ("on cores of their own (CPU rate)", cpu_rate)):
            times = ", ".join(f"{cores} cores {total / (per_core * 1e6 * cores) / 60:.0f} min"
                              for cores in (1, 2, 8, 32))
            print(f"    {name}: {times}")
    print(f"  past {most} cores this assumes the per-worker rate holds (not measured here); "
          "it leaves out the cluster's start-up and the final pass (NL901, writing the "
          "output), which the main process does alone")


def load() -> str:
    return f"{os.getloadavg()[0]:.2f}"


if __name__ == "__main__":
    sys.exit(main())
