"""A run over many files holds one file at a time: each file's findings are written and
let go before the next file is checked (issue 11: 100 MB of Markdown peaked at 5 GB)."""

from __future__ import annotations

import gc
import io
import json
from pathlib import Path

import pytest

import numlint.cli.check as check_module
from numlint.cli import main
from numlint.diagnostics import Diagnostic

SLIP = "La société a levé 97,4 milliards de dollars (près de 95 millions d'euros).\n"


def _folder(tmp_path: Path, count: int) -> Path:
    for n in range(count):
        (tmp_path / f"a{n:02}.md").write_text(f"# Article {n}\n\n{SLIP}", encoding="utf-8")
    return tmp_path


def _live_diagnostics() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, Diagnostic))


@pytest.mark.parametrize("output_format", ["text", "json", "github"])
def test_a_finished_file_is_written_and_let_go_before_the_next(
        tmp_path, monkeypatch, capsys, output_format):
    folder = _folder(tmp_path, 4)
    monkeypatch.chdir(folder)
    seen: list[tuple[int, int]] = []
    chunks: list[str] = []
    before = _live_diagnostics()
    real_check = check_module.check

    def spying_check(text, **kwargs):
        # when a file is checked, every earlier file's finding is on stdout already and
        # none of them is still held
        out = capsys.readouterr().out
        seen.append((out.count("NL101"), _live_diagnostics() - before))
        chunks.append(out)
        return real_check(text, **kwargs)

    monkeypatch.setattr(check_module, "check", spying_check)
    status = main(["check", "--output-format", output_format, "--date", "2025-02-11", "."])
    out = "".join(chunks) + capsys.readouterr().out
    assert status == 1
    assert [held for _, held in seen] == [0, 0, 0, 0]
    assert [written for written, _ in seen] == [0, 1, 1, 1]  # each before the next file
    assert out.count("NL101") == 4
    if output_format == "json":
        assert len(json.loads(out)) == 4


def test_the_streamed_reports_are_those_of_the_whole_run(tmp_path, monkeypatch, capsys):
    """The text, JSON and statistics written file by file are those of one report of every
    file (the writers' own path for a run kept whole: --fix, --verified)."""
    from numlint.pipeline import check
    from numlint.reports import FileReport, Options, Report, open_writer, write_report
    from numlint.rules.registry import installed_rules

    sources = [f"# {n}\n\n{SLIP * n}" for n in range(4)]
    files = tuple(FileReport(f"a{n}.md", text, tuple(check(text, date="2025-02-11")))
                  for n, text in enumerate(sources))
    rules = installed_rules().rules
    for output_format in ("text", "json", "github", "sarif"):
        for statistics in (False, True):
            if statistics and output_format not in ("text", "json"):
                continue
            options = Options(statistics=statistics)

            whole, streamed = io.StringIO(), io.StringIO()
            write_report(Report(files, rules), output_format, whole, options)
            writer = open_writer(output_format, streamed, options, rules)
            for file in files:
                writer.add(file)
            writer.close()
            assert streamed.getvalue() == whole.getvalue(), (output_format, statistics)
    empty = io.StringIO()
    write_report(Report((FileReport("b.md", "Rien."),), rules), "json", empty, Options())
    assert json.loads(empty.getvalue()) == []
