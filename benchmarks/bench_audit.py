"""Throughput and memory of ``numlint audit`` per worker, against check() in one process.

    python benchmarks/bench_audit.py                      # the corpus replicated to 100 MB
    python benchmarks/bench_audit.py --size 20MB          # smaller, on a busy machine
    python benchmarks/bench_audit.py --workers 1 2 --engines processes dask

The corpus (``../shared/corpus``, read through benchmarks/corpus.py) is replicated into a
JSON Lines archive of ``--size`` bytes of text (ids made unique per copy). Each audit run
(an engine, NL901 on or off, N workers: ``numlint audit`` as a subprocess, wall time from
start to the output written, start-up, reading, state files, NL901 and the final Parquet
included) is paired with its baseline, started at the same moment and running beside it:
N plain Python processes, each reading its share of the articles (every N-th line) and
calling ``numlint.check()`` on each, imports included as for the audit. On a machine
shared with other jobs the load changes from one minute to the next; a baseline measured
at another time says more about the load than about the audit, a baseline measured beside
it meets the same load. Measured:

- MB/s per worker, and the wall ratio (the plain processes' wall time over the audit's:
  100 % when a worker checks as fast as a plain process; the two also share the cores, so
  whichever finishes first lets the other speed up at the end);
- CPU seconds of the whole audit (every process, from ``wait4``) against the plain
  processes' (the CPU ratio: plain / audit, 100 % when the audit costs nothing beyond
  check()), and of the main process alone (sampled): unlike wall time, these hold on a
  busy machine, and they tell extra work (start-up, sealing, writing, NL901) apart from
  waiting for a core;
- peak RSS of each worker process (sampled every 0.1 s with psutil) and of the main one;
- the projected time for 1 million articles (of the archive's mean size, and of 4 kB) on
  N cores from those figures.

``--alone`` also times the plain processes alone once a round (the figure one core gives
without anything beside it); ``--rounds`` repeats every measure and the last table gives
the medians. The machine's load average is printed with each row.
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


def run_audit(archive: Path, engine: str, workers: int, cross: bool, folder: Path,
              round_number: int = 1, plain: list[Path] | None = None) -> dict[str, float]:
    """One audit run; with ``plain``, the plain check() processes on those shares of the
    archive start at the same moment and run beside it, so both meet the same load."""
    output = folder / f"{engine}-{workers}-{cross}-{round_number}" / "findings.parquet"
    output.parent.mkdir(parents=True)
    command = [sys.executable, "-m", "numlint", "audit", str(archive), "-o", str(output),
               "--engine", engine, "--workers", str(workers), "--format-in", "text", "-q",
               *([] if cross else ["--no-cross-check"])]
    errors = output.parent / "stderr.txt"
    start = time.perf_counter()
    with errors.open("w") as sink:
        process = subprocess.Popen(command, stderr=sink)
    others = [subprocess.Popen([sys.executable, __file__, "--single-process", str(path)])
              for path in plain or []]
    sampler = RssSampler(process.pid)
    sampler.start()
    waits = [Reaper(p, start) for p in (process, *others)]
    for reaper in waits:
        reaper.join()
    sampler.stop.set()
    sampler.join()
    audit, *baseline = waits
    if audit.status not in (0, 1):
        raise SystemExit(f"numlint audit failed ({audit.status}): "
                         f"{errors.read_text(errors='replace')[-2000:]}")
    if any(reaper.status != 0 for reaper in baseline):
        raise SystemExit("the plain check() processes failed")
    worker_rss = [rss for pid, (line, rss) in sampler.peaks.items()
                  if pid != process.pid and "resource_tracker" not in line
                  and "forkserver" not in line and rss > 30e6]
    return {"seconds": audit.seconds, "cpu": audit.cpu, "main_cpu": sampler.cpu,
            "main_rss": sampler.peaks.get(process.pid, ("", 0))[1],
            "worker_rss": max(worker_rss, default=0),
            "workers_seen": len(worker_rss),
            "plain_seconds": max((r.seconds for r in baseline), default=float("nan")),
            "plain_cpu": sum(r.cpu for r in baseline) if baseline else float("nan")}


class Reaper(threading.Thread):
    """Waits for one child: its wall seconds from ``start`` and its CPU seconds, with those
    of every descendant it waited for (``wait4``'s usage)."""

    def __init__(self, process: subprocess.Popen[bytes], start: float) -> None:
        super().__init__(daemon=True)
        self.process, self.start_time = process, start
        self.seconds = self.cpu = 0.0
        self.status = -1
        self.start()

    def run(self) -> None:
        _, status, usage = os.wait4(self.process.pid, 0)
        self.seconds = time.perf_counter() - self.start_time
        self.cpu = usage.ru_utime + usage.ru_stime
        self.status = os.waitstatus_to_exitcode(status)
        self.process.returncode = self.status


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
    parser.add_argument("--alone", action="store_true",
                        help="also time the plain check() processes alone, once a round")
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
    if args.alone:
        for workers in args.workers:
            seconds, cpu = single_processes(split[workers])
            print(f"{workers} plain process(es) side by side, alone, check() on each "
                  f"article: {seconds:.1f} s, {size / seconds / 1e6 / workers:.2f} MB/s per "
                  f"core, {cpu:.1f} CPU s (load {load()})")
    print(f"{'engine':9} {'NL901':5} {'workers':>7} {'wall s':>7} {'MB/s/worker':>11} "
          f"{'plain s':>7} {'wall ratio':>10} {'CPU s':>6} {'plain CPU':>9} {'CPU ratio':>9} "
          f"{'main CPU':>8} {'RSS/worker':>10} {'main RSS':>8} {'load':>5}")
    for engine in args.engines:
        for cross in (c == "on" for c in args.cross):
            for workers in args.workers:
                figures = run_audit(archive, engine, workers, cross, folder, number,
                                    split[workers])
                figures.update(rate=size / figures["seconds"] / 1e6 / workers,
                               wall_ratio=figures["plain_seconds"] / figures["seconds"],
                               cpu_ratio=figures["plain_cpu"] / figures["cpu"],
                               load=os.getloadavg()[0])
                measures.setdefault((engine, workers, cross), []).append(figures)
                print_row(engine, workers, cross, figures)


def print_row(engine: str, workers: int, cross: bool, figures: dict[str, float]) -> None:
    print(f"{engine:9} {'on' if cross else 'off':5} {workers:7d} {figures['seconds']:7.1f} "
          f"{figures['rate']:11.2f} {figures['plain_seconds']:7.1f} "
          f"{figures['wall_ratio']:10.0%} {figures['cpu']:6.1f} {figures['plain_cpu']:9.1f} "
          f"{figures['cpu_ratio']:9.0%} {figures['main_cpu']:8.1f} "
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
