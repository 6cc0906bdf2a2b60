"""A short run of the atheris harness (fuzz/fuzz_check.py); run it longer by hand."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

HARNESS = Path(__file__).resolve().parents[1] / "fuzz" / "fuzz_check.py"


@pytest.mark.skipif(
    importlib.util.find_spec("atheris") is None,
    reason="atheris is not installed (it has wheels for CPython 3.11-3.12 on x86_64 Linux)",
)
def test_a_short_fuzzing_run_finds_no_crash(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(HARNESS), "-atheris_runs=3000", f"-artifact_prefix={tmp_path}/"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Done 3000" in result.stderr
    assert not list(tmp_path.glob("crash-*"))
