"""Cold start of ``numlint check`` on one small Markdown file, in each state of the cache.

    python benchmarks/cold_start.py            # 15 interleaved runs of each command
    python benchmarks/cold_start.py --runs 31

Four commands run in turn, round after round (so load on a shared machine hits them
alike): ``python -c pass`` (the baseline), then ``numlint check examples/article.md``

- with ``NUMLINT_NO_CACHE=1`` (no cache at all),
- with an empty cache folder (``NUMLINT_CACHE_DIR`` made new for each run: the first run
  on a new machine, which also pays writing the cache),
- with a warm cache (one folder, filled by a first run).

Each figure is the median CPU time (user + system) of the runs minus the baseline's
median. The bytecode of numlint's modules is written by a first run, as on a user's
machine. Targets (issue #14 / #16): ≤ 150 ms without a cache or with an empty one,
≤ 120 ms with a warm one.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
ARTICLE = REPOSITORY / "examples" / "article.md"
TARGETS_MS = {"no cache": 150.0, "empty cache": 150.0, "warm cache": 120.0}


def _environment(**changes: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.pop("NUMLINT_NO_CACHE", None)
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def _cpu_of(command: list[str], env: dict[str, str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, capture_output=True, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} exited {done.returncode}: {done.stderr[-500:]!r}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _check_command() -> list[str]:
    script = Path(sys.executable).with_name("numlint")
    if script.is_file():
        return [str(script), "check", str(ARTICLE)]
    return [sys.executable, "-m", "numlint", "check", str(ARTICLE)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    check = _check_command()
    baseline = [sys.executable, "-c", "pass"]
    scratch = Path(tempfile.mkdtemp(prefix="numlint-cold-"))
    try:
        warm_folder = scratch / "warm"
        states = {
            "no cache": lambda: _environment(NUMLINT_NO_CACHE="1"),
            "empty cache": lambda: _environment(
                NUMLINT_CACHE_DIR=tempfile.mkdtemp(dir=scratch, prefix="empty-")
            ),
            "warm cache": lambda: _environment(NUMLINT_CACHE_DIR=str(warm_folder)),
        }
        for env in (_environment(), states["warm cache"]()):  # bytecode, then warm cache
            subprocess.run(check, capture_output=True, env=env)
        times: dict[str, list[float]] = {"python -c pass": []} | {s: [] for s in states}
        for _ in range(args.runs):
            times["python -c pass"].append(_cpu_of(baseline, _environment()))
            for state, env in states.items():
                times[state].append(_cpu_of(check, env()))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    base = statistics.median(times["python -c pass"])
    print(f"cold start of `numlint check {ARTICLE.name}`: median CPU time (user + system) "
          f"of {args.runs} runs, {sys.version.split()[0]}")
    print()
    print("| state | median | above `python -c pass` | target | |")
    print("|---|---|---|---|---|")
    print(f"| `python -c pass` | {base * 1000:.1f} ms | | | |")
    failed = False
    for state in states:
        median = statistics.median(times[state])
        above = (median - base) * 1000
        ok = above <= TARGETS_MS[state]
        failed |= not ok
        print(f"| {state} | {median * 1000:.1f} ms | {above:+.1f} ms | ≤ {TARGETS_MS[state]:g} ms"
              f" | {'✓' if ok else '✗'} |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
