"""Static quality as a habit (issue 14.7): the package type-checks with mypy, and no function
is more complex than radon's grade C (cyclomatic complexity 20).

What is not there yet is listed below with its count, and the lists may only shrink: a
new error, a new complex function or a count that grew fails; so does a listed entry that
is now clean (remove it, so it cannot come back unnoticed).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "numlint"
MAX_COMPLEXITY = 20

MYPY_ERRORS_LEFT = {
    # file: errors left
    "numlint/cache.py": 1,
}
COMPLEX_LEFT = {
    # qualified name: complexity today (to split into steps: issue 14.4 and 14.6)
    "numlint/relations/equivalence.py:_marker_between": 42,
    "numlint/relations/change.py:find_changes": 21,
    "numlint/rules/change_mismatch.py:_mismatch": 27,
}


def test_mypy_finds_no_new_error(tmp_path: Path) -> None:
    api = pytest.importorskip("mypy.api", reason="mypy is in the test extra")
    out, err, _ = api.run(["--cache-dir", str(tmp_path / "mypy"), "--config-file",
                           str(ROOT / "pyproject.toml"), str(PACKAGE)])
    assert "error: " not in err, err
    found = Counter(match.group(1) for match in re.finditer(
        r"^(numlint/\S+?\.py):\d+: error:", out.replace(str(ROOT) + "/", ""), re.M))
    grown = {path: count for path, count in found.items()
             if count > MYPY_ERRORS_LEFT.get(path, 0)}
    assert not grown, f"new mypy errors (errors per file): {grown}\n{out}"
    cleaned = sorted(path for path in MYPY_ERRORS_LEFT if found.get(path, 0) == 0)
    assert not cleaned, f"type-clean now: remove {cleaned} from MYPY_ERRORS_LEFT"


def test_no_function_grows_past_complexity_20() -> None:
    complexity = pytest.importorskip("radon.complexity", reason="radon is in the test extra")
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        for block in complexity.cc_visit(path.read_text(encoding="utf-8")):
            blocks = [block, *getattr(block, "methods", ())]
            for item in blocks:
                name = item.fullname if hasattr(item, "fullname") else item.name
                if item.complexity > MAX_COMPLEXITY:
                    found[f"{relative}:{name}"] = item.complexity
    grown = {name: value for name, value in found.items()
             if value > COMPLEX_LEFT.get(name, MAX_COMPLEXITY)}
    assert not grown, f"functions above complexity {MAX_COMPLEXITY}: {grown}"
    simpler = sorted(name for name in COMPLEX_LEFT if name not in found)
    assert not simpler, f"at most {MAX_COMPLEXITY} now: remove {simpler} from COMPLEX_LEFT"
