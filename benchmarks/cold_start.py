"""Cold start of ``numlint check`` on one small Markdown file, in each state of the cache.

    python benchmarks/cold_start.py            # 15 interleaved runs of each command
    python benchmarks/cold_start.py --runs 31
    python benchmarks/cold_start.py --against ../main/venv/bin/python   # A/B, interleaved

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
from collections.abc import Callable
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
ARTICLE = REPOSITORY / "examples" / "article.md"
TARGETS_MS = {"no cache": 150.0, "empty cache": 150.0, "warm cache": 120.0}
OUTSIDE = tempfile.gettempdir()
"""Where the commands run: ``python -m numlint`` puts the working folder first on the path,
so from a checkout's root it would import that checkout's ``numlint/``, whatever
``--against`` names (the interpreter's own install is what is measured)."""


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
    done = subprocess.run(command, capture_output=True, env=env, cwd=OUTSIDE)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} exited {done.returncode}: {done.stderr[-500:]!r}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _check_command(python: str) -> list[str]:
    script = Path(python).with_name("numlint")
    if script.is_file():
        return [str(script), "check", str(ARTICLE)]
    return [python, "-m", "numlint", "check", str(ARTICLE)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--against", metavar="PYTHON",
                        help="another interpreter with numlint installed: its commands run "
                             "interleaved with these (A/B), rows marked B")
    args = parser.parse_args(argv)
    pythons = {"": sys.executable, **({"B ": args.against} if args.against else {})}
    scratch = Path(tempfile.mkdtemp(prefix="numlint-cold-"))
    try:
        states: dict[str, Callable[[], dict[str, str]]] = {}
        for label in pythons:
            warm_folder = scratch / f"warm{len(states)}"
            states |= {
                label + "no cache": lambda: _environment(NUMLINT_NO_CACHE="1"),
                label + "empty cache": lambda: _environment(
                    NUMLINT_CACHE_DIR=tempfile.mkdtemp(dir=scratch, prefix="empty-")
                ),
                label + "warm cache": lambda folder=warm_folder: _environment(
                    NUMLINT_CACHE_DIR=str(folder)),
            }
        checks = {label: _check_command(python) for label, python in pythons.items()}
        for label, check in checks.items():  # bytecode, then warm cache
            for env in (_environment(), states[label + "warm cache"]()):
                subprocess.run(check, capture_output=True, env=env, cwd=OUTSIDE)
        times: dict[str, list[float]] = {}
        for _ in range(args.runs):
            for label, python in pythons.items():
                times.setdefault(label + "python -c pass", []).append(
                    _cpu_of([python, "-c", "pass"], _environment()))
                for state in ("no cache", "empty cache", "warm cache"):
                    times.setdefault(label + state, []).append(
                        _cpu_of(checks[label], states[label + state]()))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"cold start of `numlint check {ARTICLE.name}`: median CPU time (user + system) "
          f"of {args.runs} runs, {sys.version.split()[0]}"
          + (f"; B = {args.against}, interleaved" if args.against else ""))
    print()
    print("| state | median | above `python -c pass` | target | |")
    print("|---|---|---|---|---|")
    failed = False
    for label in pythons:
        base = statistics.median(times[label + "python -c pass"])
        print(f"| {label}`python -c pass` | {base * 1000:.1f} ms | | | |")
        for state in ("no cache", "empty cache", "warm cache"):
            median = statistics.median(times[label + state])
            above = (median - base) * 1000
            ok = above <= TARGETS_MS[state]
            failed |= not ok and not label
            print(f"| {label}{state} | {median * 1000:.1f} ms | {above:+.1f} ms | "
                  f"≤ {TARGETS_MS[state]:g} ms | {'✓' if ok else '✗'} |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
