"""Start-up cost of ``numlint check`` on one small file, above ``python -c pass``.

    python benchmarks/startup.py             # 9 runs of each command, interleaved
    python benchmarks/startup.py --runs 15
    python benchmarks/startup.py --against ../main/venv/bin/python   # A/B, interleaved

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
"""Modules a check of a small file should not need (reported when imported and
``python -c pass`` does not import them too)."""

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
    parser.add_argument("--against", metavar="PYTHON",
                        help="another interpreter with numlint installed (e.g. a checkout of "
                             "main's venv): its commands run interleaved with these, A/B")
    args = parser.parse_args(argv)
    runs = max(7, args.runs)
    pythons = {"": sys.executable, **({"B ": args.against} if args.against else {})}
    with tempfile.TemporaryDirectory() as folder:
        commands: dict[str, list[str]] = {}
        for label, python in pythons.items():
            commands[label + "pass"] = [python, "-c", "pass"]
            for name, text in FILES.items():
                path = Path(folder, name)
                path.write_text(text, encoding="utf-8")
                commands[label + name] = [python, "-m", "numlint", "check", str(path)]
        for command in commands.values():  # bytecode and numlint's cache
            _run(command)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, command in commands.items():
                times[name].append(timed(command))
        baseline = {label: set(imported(commands[label + "pass"])) for label in pythons}
        # what the interpreter imports anyway (an editable install's finder pulls in
        # pathlib and urllib.parse at start) is no cost of numlint's
        watched = {name: [m for m in imported(command) if m not in baseline[label]]
                   for label in pythons for name, command in commands.items()
                   if name.startswith(label) and not name.endswith("pass")
                   and (label or not name.startswith("B "))}

    def median_ms(name: str, index: int) -> float:
        return statistics.median(t[index] for t in times[name]) * 1000

    print(f"{runs} runs each, medians; CPU = user + system of the process"
          + (f"; B = {args.against}, interleaved" if args.against else ""))
    print(f"{'command':<30} {'CPU ms':>8} {'above':>8} {'wall ms':>8} {'above':>8}  "
          f"{'target':>8}  imported")
    for label in pythons:
        print(f"{label + 'python -c pass':<30} {median_ms(label + 'pass', 0):8.1f} {'':>8} "
              f"{median_ms(label + 'pass', 1):8.1f}")
        for name in FILES:
            key = label + name
            cpu_above = median_ms(key, 0) - median_ms(label + "pass", 0)
            wall_above = median_ms(key, 1) - median_ms(label + "pass", 1)
            target = TARGETS_MS[name]
            verdict = "ok" if cpu_above <= target else "MISSED"
            print(f"{label + 'numlint check ' + name:<30} {median_ms(key, 0):8.1f} "
                  f"{cpu_above:8.1f} {median_ms(key, 1):8.1f} {wall_above:8.1f}  "
                  f"≤{target:4.0f} {verdict:<6} {', '.join(watched[key]) or '-'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
