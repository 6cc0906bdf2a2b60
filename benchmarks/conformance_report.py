"""The conformance table of numlint's scanner against peers' French test cases.

    python benchmarks/conformance_report.py            # the per-file table
    python benchmarks/conformance_report.py --failures # and every failing case, with why

Same scoring and same table as ``tests/test_conformance.py`` (both use
``tests/conformance_support.py``); reads ``../shared/conformance/`` or
``$NUMLINT_SHARED/conformance`` and skips (exit 0) when it is absent.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import conformance_support as support


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true", help="list the failing cases")
    args = parser.parse_args()
    if support.conformance_folder() is None:
        print(f"skipped: no conformance data under {support.shared_folder() / 'conformance'}")
        return 0
    scores = support.score_all()
    print(support.format_table(scores))
    if args.failures:
        for score in scores:
            for outcome in score.failures:
                print(f"{outcome.case_id}: {outcome.why}")
    return 0 if all(score.meets_target for score in scores) else 1


if __name__ == "__main__":
    sys.exit(main())
