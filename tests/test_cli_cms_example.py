"""The CMS publishing hook of docs/cms.md (examples/cms_hook.py) runs and does what it says."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HOOK = ROOT / "examples" / "cms_hook.py"
ARTICLE = (ROOT / "examples" / "article.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def hook():
    spec = importlib.util.spec_from_file_location("cms_hook", HOOK)
    module = importlib.util.module_from_spec(spec)
    sys.modules["cms_hook"] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules["cms_hook"]


def test_review_shows_the_slip_at_its_place_with_a_suggestion(hook):
    [finding] = hook.review(ARTICLE)
    d = finding.diagnostic
    assert d.code == "NL101" and d.severity == "error"
    assert finding.figure == "95&nbsp;millions d’euros" == ARTICLE[d.start:d.end]
    assert ARTICLE.splitlines()[d.line - 1][d.column - 1:].startswith("95&nbsp;millions")
    assert finding.context.startswith(" de dollars (près de ⟦95&nbsp;millions d’euros⟧)")
    assert finding.suggestion == "95&nbsp;milliards d’euros"
    assert finding.needs_confirmation


def test_the_hook_blocks_then_lets_the_corrected_article_through(hook):
    verdict = hook.before_publish(ARTICLE)
    assert verdict["publish"] is False
    [shown] = verdict["findings"]
    assert shown["code"] == "NL101" and shown["suggestion"] == "95&nbsp;milliards d’euros"
    findings = hook.review(ARTICLE)
    assert hook.apply_fixes(ARTICLE, findings, accept=lambda f: False) == ARTICLE
    corrected = hook.apply_fixes(ARTICLE, findings, accept=lambda f: True)
    assert "(près de 95&nbsp;milliards d’euros)" in corrected
    assert corrected.replace("milliards d’euros)", "millions d’euros)", 1) == ARTICLE
    assert hook.before_publish(corrected) == {"publish": True, "findings": []}


def test_the_script_runs(tmp_path):
    result = subprocess.run([sys.executable, str(HOOK), str(ROOT / "examples" / "article.html")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("error NL101 line 12, column 145:")
    assert "suggestion (to confirm): 95&nbsp;millions d’euros → 95&nbsp;milliards d’euros" \
        in result.stdout
    assert result.stdout.endswith("after the corrections: ready to publish\n")


def test_the_documentation_shows_this_very_code():
    page = (ROOT / "docs" / "cms.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", page, re.DOTALL)
    assert HOOK.read_text(encoding="utf-8") in blocks
