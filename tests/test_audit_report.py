"""The audit report: self-contained HTML, rendered by a real headless Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

pytest.importorskip("matplotlib", reason="the archive extra is not installed (matplotlib)")
pytest.importorskip("pyarrow", reason="the archive extra is not installed (pyarrow)")

from audit_support import article, write_jsonl

from numlint.audit.report import render
from numlint.cli import main


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    records = [article(n) for n in range(24)]
    records[3]["text"] = None
    records[5]["date"] = None
    source = write_jsonl(folder / "archive.jsonl", records)
    page = folder / "report.html"
    assert main(["audit", "-q", str(source), "-o", str(folder / "f.parquet"), "--report",
                 str(page), "--format-in", "text", "--partition-size", "5"]) == 1
    return page


def test_the_page_is_self_contained(report: Path) -> None:
    page = report.read_text(encoding="utf-8")
    assert page.count("<svg") == 2
    assert "<script" not in page and "<img" not in page and "<link" not in page
    fetched = re.findall(r'(?:src|href)="([^"#]+)"', page)
    assert fetched == []  # nothing to fetch: no network, no file beside it
    without_namespaces = re.sub(r'xmlns(?::\w+)?="[^"]*"', "", page)
    assert re.search(r"https?://", without_namespaces) is None
    assert "95\u202fmilliards d’euros" in page  # the fix, in the slips table
    assert "<mark>95\u202fmillions d’euros</mark>" in page
    assert "sans date" in page and "no-text" in page


def test_an_empty_archive_still_renders() -> None:
    page = render([], [])
    assert page.count("<svg") == 2 and "Aucune erreur possible" in page


def test_markup_in_the_archive_is_escaped() -> None:
    finding = {"doc_id": "<b>x</b>", "code": "NL101", "name": "n", "severity": "error",
               "start": 0, "end": 1, "line": 1, "message": "<script>alert(1)</script>",
               "figure": "1", "fix": None, "excerpt": "1 <img src=x>", "evidence": "{}",
               "reason": None}
    page = render([finding], [{"doc_id": "<b>x</b>", "date": None, "bytes": 1, "findings": 1,
                               "failed": None}])
    assert "<script>alert" not in page and "<img src=x>" not in page
    assert "&lt;script&gt;" in page


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH (Debian: apt-get install "
                    "chromium); the report is not opened in a browser")
def test_chromium_renders_the_report_without_errors(report: Path, tmp_path: Path) -> None:
    assert CHROMIUM is not None
    common = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
              "--disable-background-networking", "--disable-component-update",
              "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
              "--enable-logging=stderr", "--v=0", "--window-size=1200,1600"]
    dom = subprocess.run([*common, "--dump-dom", report.as_uri()], capture_output=True,
                         text=True, timeout=120, check=False)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "Uncaught" not in dom.stderr and "ERROR:CONSOLE" not in dom.stderr
    assert dom.stdout.count("<svg") == 2
    assert 'id="plot-rules"' in dom.stdout and 'id="plot-share"' in dom.stdout
    assert "Constats par règle et par mois" in dom.stdout
    shot = tmp_path / "report.png"
    screenshot = subprocess.run([*common, f"--screenshot={shot}", report.as_uri()],
                                capture_output=True, text=True, timeout=120, check=False)
    assert screenshot.returncode == 0, screenshot.stderr[-2000:]
    assert "Uncaught" not in screenshot.stderr and "ERROR:CONSOLE" not in screenshot.stderr
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
