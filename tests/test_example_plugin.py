"""The example plugin (``examples/plugin/``) works as an installed third-party package.

It is installed with pip into a temporary folder, never into the environment running the
tests, and used from other Python processes that find it on ``PYTHONPATH``: numlint
discovers it through its entry point like any plugin a newsroom would install.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = ROOT / "examples" / "plugin"
SENTENCE = "Le budget atteint 4,237 milliards d'euros."


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of a process that has the plugin installed."""
    work = tmp_path_factory.mktemp("example-plugin")
    source = work / "source"
    shutil.copytree(PLUGIN, source, ignore=shutil.ignore_patterns(
        "build", "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis"))
    target = work / "site"
    pip = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-build-isolation",
         "--no-index", "--quiet", "--disable-pip-version-check", "--target", str(target),
         str(source)],
        capture_output=True, text=True, timeout=300,
    )
    if pip.returncode != 0:
        pytest.skip("cannot build the example plugin offline (needs setuptools>=70.1, from "
                    f"the test extra): {pip.stderr.strip().splitlines()[-1:]}")
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST_")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(target), env.get("PYTHONPATH")]))
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def run(env: dict[str, str], *args: str, stdin: str | None = None,
        cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], env=env, input=stdin, capture_output=True,
                          text=True, timeout=300, cwd=cwd)


def test_the_plugin_is_not_in_this_environment() -> None:
    from numlint.rules.registry import installed_rules

    assert installed_rules().find("EX001") is None


def test_the_registry_lists_the_plugin(installed: dict[str, str]) -> None:
    code = (
        "import json\n"
        "from numlint.rules.registry import installed_rules\n"
        "registry = installed_rules()\n"
        "rule = registry.find('EX001')\n"
        "print(json.dumps({'module': rule.__module__, 'name': rule.name,\n"
        "                  'settings': rule.default_settings(),\n"
        "                  'errors': [e.reason for e in registry.errors],\n"
        "                  'by_name': registry.find('scale-decimals') is rule}))\n"
    )
    result = run(installed, "-c", code)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "module": "numlint_house.scale_decimals",
        "name": "scale-decimals",
        "settings": {"max_decimals": 1},
        "errors": [],
        "by_name": True,
    }


def test_check_reports_the_plugins_finding_with_its_fix(installed: dict[str, str]) -> None:
    code = (
        "import json, numlint\n"
        f"text = {SENTENCE!r}\n"
        "found = numlint.check(text, format='text')\n"
        "three = {'rules': {'EX001': {'max_decimals': 3}}}\n"
        "two = numlint.check(text, format='text', config=three)\n"
        "print(json.dumps({'found': [d.to_dict() for d in found],\n"
        "                  'fixed': [d.fix.apply(text) for d in found if d.fix],\n"
        "                  'with_three': [d.code for d in two]}))\n"
    )
    result = run(installed, "-c", code)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    [finding] = report["found"]
    assert (finding["code"], finding["name"], finding["severity"]) == (
        "EX001", "scale-decimals", "warning")
    assert (finding["start"], finding["end"]) == (18, 41)
    assert finding["message"] == (
        "« 4,237 milliards d'euros » : la maison garde 1 décimale au plus avant « milliards ».")
    assert finding["fix"]["safety"] == "unsafe"
    assert report["fixed"] == ["Le budget atteint 4,2 milliards d'euros."]
    assert report["with_three"] == []


def test_the_command_line_lists_and_explains_the_plugin(
    installed: dict[str, str], tmp_path: Path
) -> None:
    if not (ROOT / "numlint" / "__main__.py").exists():
        pytest.skip("python -m numlint is not there yet")
    rules = run(installed, "-m", "numlint", "rules")
    assert rules.returncode == 0, rules.stderr
    [line] = [line for line in rules.stdout.splitlines() if line.startswith("EX001")]
    assert line.split()[:5] == ["EX001", "scale-decimals", "avertissement", "activée",
                                "numlint_house"]
    explain = run(installed, "-m", "numlint", "explain", "EX001")
    assert explain.returncode == 0, explain.stderr
    assert "## Why it matters" in explain.stdout  # no French text: the English one
    assert "max_decimals" in explain.stdout
    check = run(installed, "-m", "numlint", "check", "--format-in", "text", "-", stdin=SENTENCE,
                cwd=tmp_path)
    assert check.returncode == 1, check.stderr
    assert "EX001" in check.stdout


def test_the_plugins_own_tests_pass_with_numlints_pytest_plugin(
    installed: dict[str, str], tmp_path: Path
) -> None:
    tests = tmp_path / "plugin"
    shutil.copytree(PLUGIN, tests, ignore=shutil.ignore_patterns(
        "build", "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis", "src"))
    result = run(installed, "-m", "pytest", "-q", "-p", "no:cacheprovider", cwd=tests)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    summary = result.stdout.strip().splitlines()[-1]
    assert "failed" not in summary and "passed" in summary, summary
    passed = int(summary.split(" passed")[0].split()[-1])
    assert passed >= 15, summary
