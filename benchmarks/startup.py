"""Start-up cost of ``numlint check`` on one small file, above ``python -c pass``.

    python benchmarks/startup.py             # 9 runs of each command, interleaved
    python benchmarks/startup.py --runs 15

Two files, each checked by a fresh ``python -m numlint check`` process: a small Markdown
article (a heading, one figure: what a pre-commit hook sees) and a sentence with a unit
conversion (``10 km (6,2 miles)``), which once paid ``import pint`` and a ``UnitRegistry``.
Each command runs ``--runs`` times, interleaved with ``python -c pass`` so that the
baseline sees the same load; the figure is the median of the process's CPU time (user +
system; wall time beside it), minus the baseline's median. The caches are warm: each
command runs once first, and ``PYTHONDONTWRITEBYTECODE`` is unset, as on a user's machine.
The last column says which of pint and the modules a small check should not need were
imported (``python -X importtime``).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

FILES = {
    "small.md": "# Le budget\n\nLe budget atteint 97,4 milliards de dollars cette année.\n",
    "units.md": "La course fait 10 km (6,2 miles).\n",
}
TARGETS_MS = {"small.md": 120.0, "units.md": 200.0}
WATCHED = ("pint", "numpy", "email.utils", "urllib.parse", "ipaddress", "babel.dates")
"""Modules a check of a small file should not need (reported when imported)."""

ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(command: Sequence[str], **options) -> subprocess.CompletedProcess:
    """``command`` in the temporary folder: ``-m`` puts the working folder first on the
    path, and a checkout's ``numlint/`` there would be imported instead of the installed one."""
    return subprocess.run(command, capture_output=True, env=ENV, check=False,
                          cwd=tempfile.gettempdir(), **options)


def timed(command: Sequence[str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one run of ``command``."""
    cpu, wall = _children_cpu(), time.perf_counter()
    _run(command)
    return _children_cpu() - cpu, time.perf_counter() - wall


def imported(command: Sequence[str]) -> list[str]:
    """The watched modules ``command`` imports."""
    done = _run([command[0], "-X", "importtime", *command[1:]], text=True)
    names = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()}
    return [name for name in WATCHED if name in names]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="runs of each command (≥ 7)")
    args = parser.parse_args(argv)
    runs = max(7, args.runs)
    baseline = [sys.executable, "-c", "pass"]
    with tempfile.TemporaryDirectory() as folder:
        commands = {}
        for name, text in FILES.items():
            path = Path(folder, name)
            path.write_text(text, encoding="utf-8")
            commands[name] = [sys.executable, "-m", "numlint", "check", str(path)]
        for command in (baseline, *commands.values()):  # bytecode and numlint's cache
            _run(command)
        times: dict[str, list[tuple[float, float]]] = {"pass": []}
        times.update({name: [] for name in commands})
        for _ in range(runs):
            for name, command in (("pass", baseline), *commands.items()):
                times[name].append(timed(command))
        watched = {name: imported(command) for name, command in commands.items()}

    def median_ms(name: str, index: int) -> float:
        return statistics.median(t[index] for t in times[name]) * 1000

    print(f"{runs} runs each, medians; CPU = user + system of the process")
    print(f"{'command':<28} {'CPU ms':>8} {'above':>8} {'wall ms':>8} {'above':>8}  "
          f"{'target':>8}  imported")
    print(f"{'python -c pass':<28} {median_ms('pass', 0):8.1f} {'':>8} "
          f"{median_ms('pass', 1):8.1f}")
    for name in commands:
        cpu_above = median_ms(name, 0) - median_ms("pass", 0)
        wall_above = median_ms(name, 1) - median_ms("pass", 1)
        target = TARGETS_MS[name]
        verdict = "ok" if cpu_above <= target else "MISSED"
        print(f"{'numlint check ' + name:<28} {median_ms(name, 0):8.1f} {cpu_above:8.1f} "
              f"{median_ms(name, 1):8.1f} {wall_above:8.1f}  ≤{target:4.0f} {verdict:<6} "
              f"{', '.join(watched[name]) or '-'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
