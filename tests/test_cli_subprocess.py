"""End to end: ``python -m numlint`` in a child process, as a shell or CI runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from test_cli_plugins import ARTICLE

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def numlint(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    return subprocess.run([sys.executable, "-m", "numlint", *args], cwd=cwd, input=stdin,
                          capture_output=True, env=env, timeout=120)


def test_the_example_article(tmp_path):
    result = numlint("check", str(EXAMPLES / "article.md"), cwd=tmp_path)
    out = result.stdout.decode()
    assert result.returncode == 1
    assert ":9:118: NL101 « 95 millions d'euros »" in out.splitlines()[0]
    assert "\x1b[" not in out  # piped: no colour
    assert result.stderr == b""


def test_bad_input_is_its_own_finding_exit_2_and_no_traceback(tmp_path):
    (tmp_path / "a.md").write_bytes(b"\xff\xfe not utf-8")
    result = numlint("check", "a.md", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == b""
    assert result.stdout.decode().startswith("a.md:1:1: NL902 UTF-8 invalide")


def test_bad_input_is_one_line_on_stderr_and_no_traceback(tmp_path):
    result = numlint("check", "absent.md", cwd=tmp_path)
    err = result.stderr.decode()
    assert result.returncode == 2
    assert result.stdout == b""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("numlint: error: absent.md : fichier ou dossier introuvable")


def test_stdin_and_sarif(tmp_path):
    result = numlint("check", "-", "--stdin-filename", "articles/rachat.md",
                     "--output-format", "sarif", cwd=tmp_path, stdin=ARTICLE.encode())
    log = json.loads(result.stdout)
    [res] = log["runs"][0]["results"]
    assert result.returncode == 1
    assert res["ruleId"] == "NL101"
    location = res["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "articles/rachat.md"
    assert location["region"]["startLine"] == 5


def test_fix_in_a_child_process(tmp_path):
    page = tmp_path / "a.md"
    page.write_text(ARTICLE, encoding="utf-8")
    result = numlint("check", "--fix", "--unsafe-fixes", "a.md", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert "(près de 95 milliards d'euros)" in page.read_text(encoding="utf-8")
