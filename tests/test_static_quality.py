"""Static quality as a habit (issue 14.7): the package type-checks with mypy, the code is
ruff-clean, and no function is more complex than radon's grade C (cyclomatic complexity 20).

What is not there yet is listed below with its count, and the lists may only shrink: a
new error, a new complex function or a count that grew fails; so does a listed entry that
is now clean (remove it, so it cannot come back unnoticed).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "numlint"
MAX_COMPLEXITY = 20

MYPY_ERRORS_LEFT: dict[str, int] = {
    # file: errors left (none today: the package type-checks; keep it so)
}
COMPLEX_LEFT = {
    # qualified name: complexity today (to split into steps: issue 14.4 and 14.6)
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


def test_ruff_finds_nothing() -> None:
    """The rules chosen in pyproject.toml, on everything the project ships or runs."""
    pytest.importorskip("ruff", reason="ruff is in the test extra")
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is None:
        pytest.skip("the ruff command is not on this machine")
    folders = [name for name in ("numlint", "tests", "benchmarks", "tools")
               if (ROOT / name).is_dir()]
    result = subprocess.run([ruff, "check", "--no-cache", *folders], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
