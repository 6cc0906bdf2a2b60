"""The progress line: on a terminal's stderr, for more than 20 files, never when piped."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from test_cli_plugins import CLEAN, run

from numlint.cli.progress import THRESHOLD, Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def many(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.chdir(tmp_path)
    for i in range(THRESHOLD + 5):
        (tmp_path / f"article-{i:02}.md").write_text(CLEAN, encoding="utf-8")
    return THRESHOLD + 5


def test_progress_on_a_terminal(many, monkeypatch, capsys):
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    status, out, _ = run(capsys, "check", ".")
    shown = terminal.getvalue()
    assert status == 0
    assert f"[ 1/{many}] article-00.md" in shown
    assert shown.endswith("\r\x1b[K")  # erased when done
    assert "\r" not in out and out == f"0 constat dans {many} fichiers\n"


def test_no_progress_when_piped(many, capsys):
    status, out, err = run(capsys, "check", ".")
    assert (status, err) == (0, "")
    assert "\r" not in out


def test_no_progress_for_a_few_files_or_when_quiet(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    for i in range(THRESHOLD):
        (tmp_path / f"a{i}.md").write_text(CLEAN, encoding="utf-8")
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    run(capsys, "check", ".")
    assert terminal.getvalue() == ""
    (tmp_path / "one-more.md").write_text(CLEAN, encoding="utf-8")
    run(capsys, "check", "--quiet", ".")
    assert terminal.getvalue() == ""
    run(capsys, "check", ".")
    assert "[ 1/21] a0.md" in terminal.getvalue()


def test_progress_line_is_cut_to_the_terminal():
    terminal = Terminal()
    progress = Progress(terminal, 30)
    progress.update(3, "x" * 200)
    assert len(terminal.getvalue().split("\x1b[K")[1]) <= 78
    progress.close()
    assert terminal.getvalue().endswith("\r\x1b[K")
