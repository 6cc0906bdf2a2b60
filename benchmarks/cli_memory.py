"""Peak memory of ``numlint check`` on figure-dense Markdown, against the input's size.

    python benchmarks/cli_memory.py                 # 2 MB, one file and the same in 20 files
    python benchmarks/cli_memory.py --mb 100        # the size of issue 11's report (slow)

Each measure is a fresh process (``subprocess`` + ``os.wait4``'s ``ru_maxrss``): the
command line on one file, on a folder holding the same text split in files, and, for
comparison, ``numlint.check()`` alone on the text (what the library holds, whatever the
command line does). The target is a peak of at most 10 times the input plus a constant:
the command line on one small figure-dense file (``warm run``: the interpreter, numlint,
its rules, the rate table, Babel's locale data and the compiled patterns, all loaded
once whatever the input). ``python -c "import numlint"`` and an empty run are shown for
reference. The default limits (``max-bytes`` 10 MB, ``max-figures`` 100 000) refuse one
file of more than about 2 MB of this text: past that size the one-file rows measure the
refusal, and the folder run (files of at most 1 MB) is the one that counts.
"""

from __future__ import annotations

import argparse
import math
import os
import subprocess
import sys
import tempfile
from pathlib import Path

PARAGRAPH = (
    "Le groupe a annoncé un chiffre d'affaires de 97,4 milliards de dollars (près de "
    "95 millions d'euros), en hausse de 12 % sur un an, soit 3,5 Md€ de plus ; la dette "
    "atteint 1 234,56 millions d'euros, pour 450 k€ de frais et 2 Mds de titres.\n\n"
)
HEADER = "---\ndate: 2025-02-11\n---\n\n"
CHECK_ONLY = (
    "import sys, numlint; "
    "numlint.check(open(sys.argv[1], encoding='utf-8').read(), format='markdown')"
)
TARGET_RATIO = 10


def dense_markdown(size: int) -> str:
    return HEADER + PARAGRAPH * max(1, size // len(PARAGRAPH.encode("utf-8")))


def peak_rss(command: list[str]) -> tuple[int, int]:
    """(peak resident set size in bytes, exit status) of ``command``."""
    with open(os.devnull, "wb") as devnull:
        process = subprocess.Popen(command, stdout=devnull, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
    factor = 1 if sys.platform == "darwin" else 1024  # macOS counts bytes, Linux kB
    return usage.ru_maxrss * factor, os.waitstatus_to_exitcode(status)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0, help="input size in MB")
    parser.add_argument("--files", type=int, default=0,
                        help="files of the folder run (default: 20, or one a MB)")
    args = parser.parse_args()
    size = int(args.mb * 1_000_000)
    args.files = args.files or max(20, math.ceil(args.mb))
    numlint = [sys.executable, "-m", "numlint", "check"]
    with tempfile.TemporaryDirectory(prefix="numlint-memory-") as folder:
        base = Path(folder)
        (base / "empty.md").write_text("Rien.\n", encoding="utf-8")
        (base / "warm.md").write_text(dense_markdown(10_000), encoding="utf-8")
        one = base / "one.md"
        one.write_text(dense_markdown(size), encoding="utf-8")
        split = base / "split"
        split.mkdir()
        for n in range(args.files):
            (split / f"a{n:03}.md").write_text(dense_markdown(size // args.files),
                                               encoding="utf-8")
        input_bytes = one.stat().st_size
        warm, _ = peak_rss([*numlint, str(base / "warm.md")])
        rows = [
            ("python -c 'import numlint'", peak_rss([sys.executable, "-c", "import numlint"])),
            ("numlint check, empty file", peak_rss([*numlint, str(base / "empty.md")])),
            ("numlint check, warm run (10 kB)", (warm, 0)),
            ("numlint check, one file", peak_rss([*numlint, str(one)])),
            (f"numlint check, {args.files} files", peak_rss([*numlint, str(split)])),
            ("numlint check --output-format json, one file",
             peak_rss([*numlint, "--output-format", "json", str(one)])),
            ("numlint.check() alone", peak_rss([sys.executable, "-c", CHECK_ONLY, str(one)])),
        ]
    print(f"input: {input_bytes / 1e6:.1f} MB of figure-dense Markdown; target: peak ≤ "
          f"{TARGET_RATIO} × input + warm run ({warm / 1e6:.0f} MB)")
    failed = False
    for label, (peak, status) in rows:
        ratio = (peak - warm) / input_bytes
        verdict = "ok" if ratio <= TARGET_RATIO else "OVER"
        failed |= ratio > TARGET_RATIO and label.startswith("numlint check")
        print(f"  {label:48} {peak / 1e6:8.0f} MB  (exit {status})  "
              f"{ratio:5.1f} × input above the warm run  {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
