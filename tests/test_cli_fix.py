"""``--fix``, ``--unsafe-fixes`` and ``--diff``: what is written, what is not, and how."""

from __future__ import annotations

import io
import json
import os
import stat
from pathlib import Path

import pytest
from test_cli_plugins import ARTICLE, DEFINING, assert_one_line_error, install_plugins, run

import numlint.cli.inputs as inputs_module


@pytest.fixture(autouse=True)
def plugins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    install_plugins(monkeypatch)
    monkeypatch.chdir(tmp_path)


def write(name: str, text: str) -> Path:
    path = Path(name)
    path.write_text(text, encoding="utf-8")
    return path


def snapshot(*paths: Path) -> list[tuple[bytes, int]]:
    return [(p.read_bytes(), p.stat().st_mtime_ns) for p in paths]


MIXED = f"{ARTICLE}\nhello\n"
"""The defining slip (unsafe fix) and a hello (safe fix)."""


def test_fix_applies_the_safe_fixes_only_and_reports_what_is_left(capsys):
    page = write("a.md", MIXED)
    status, out, err = run(capsys, "check", "--fix", "a.md")
    assert page.read_text(encoding="utf-8") == ARTICLE + "\nbonjour\n"
    assert status == 1  # the unsafe NL101 is left
    assert "TST001" not in out
    assert out.startswith("a.md:5:48: NL101")
    assert "1 correction écrite dans 1 fichier ; reste 1 constat (1 erreur, 0 avertissement) " \
        "dans 1 fichier" in out
    assert err == ""
    write("a.md", MIXED)
    out = run(capsys, "check", "--fix", "--lang", "en", "a.md")[1]
    assert "1 fix written to 1 file; 1 finding (1 error, 0 warnings) in 1 file left" in out


def test_unsafe_fixes_apply_the_magnitude_fix_too(capsys):
    page = write("a.md", MIXED)
    status, out, _ = run(capsys, "check", "--fix", "--unsafe-fixes", "a.md")
    fixed = page.read_text(encoding="utf-8")
    assert "(près de 95 milliards d'euros)" in fixed and "bonjour" in fixed
    assert status == 0
    assert "2 corrections écrites dans 1 fichier ; reste 0 constat dans 1 fichier" in out


def test_fixes_are_applied_in_passes_until_nothing_is_left(capsys):
    page = write("a.md", "HELLO\n")
    assert run(capsys, "check", "--fix", "a.md")[0] == 0  # an info: does not fail
    assert page.read_text(encoding="utf-8") == "HELLO\n"  # unsafe: not applied
    run(capsys, "check", "--fix", "--unsafe-fixes", "a.md")
    assert page.read_text(encoding="utf-8") == "bonjour\n"  # HELLO -> hello -> bonjour


def test_diff_prints_the_fixes_and_writes_nothing(capsys):
    page = write("a.md", MIXED)
    before = snapshot(page)
    status, out, err = run(capsys, "check", "--diff", "a.md")
    assert snapshot(page) == before
    assert status == 1
    assert out.splitlines()[:2] == ["--- a/a.md", "+++ b/a.md"]
    assert "-hello\n+bonjour\n" in out
    assert "milliards d'euros)" not in out.replace(DEFINING, "")
    assert err == "1 correction serait appliquée dans 1 fichier\n"
    assert run(capsys, "check", "--diff", "--lang", "en", "a.md")[2] == (
        "1 fix would be applied to 1 file\n")
    status, out, _ = run(capsys, "check", "--diff", "--unsafe-fixes", "a.md")
    assert "+la somme de 97,4 milliards de dollars (près de 95 milliards d'euros)" in out
    assert snapshot(page) == before


def test_diff_without_fixes_exits_0(capsys):
    page = write("a.md", ARTICLE)
    assert run(capsys, "check", "--diff", "a.md") == (0, "", "Aucune correction à appliquer\n")
    assert run(capsys, "check", "--diff", "--lang", "en", "a.md") == (0, "",
                                                                     "No fixes to apply\n")
    assert page.read_text(encoding="utf-8") == ARTICLE


def test_the_diff_applies_with_patch(capsys, tmp_path):
    import shutil
    import subprocess

    if shutil.which("patch") is None:
        pytest.skip("no patch command")
    page = write("a.md", "x\r\nhello\r\nend")
    out = run(capsys, "check", "--diff", "a.md")[1]
    (tmp_path / "fix.diff").write_text(out, encoding="utf-8", newline="")
    subprocess.run(["patch", "-p1", "-i", "fix.diff"], check=True, capture_output=True)
    assert page.read_bytes() == b"x\r\nbonjour\r\nend"


def test_an_unreadable_input_is_reported_left_alone_and_the_others_fixed(capsys):
    """As ruff does with E902: the bad file is a finding of its own, exit 2."""
    good = write("a.md", MIXED)
    bad = Path("b.md")
    bad.write_bytes(b"hello \xe9t\xe9\n")
    before = snapshot(good, bad)
    status, out, err = run(capsys, "check", "--fix", "--unsafe-fixes", "--output-format",
                           "json", ".")
    assert status == 2 and "Traceback" not in err
    findings = json.loads(out)
    assert [(f["path"], f["code"]) for f in findings if f["code"] == "NL902"] == [
        ("b.md", "NL902")]
    assert snapshot(bad) == before[1:]
    assert good.read_bytes() != before[0][0]


def test_nothing_is_written_when_the_configuration_is_broken(capsys):
    Path("sub").mkdir()
    good = write("a.md", MIXED)
    other = write("sub/c.md", MIXED)
    write("sub/numlint.toml", "select = [\n")
    before = snapshot(good, other)
    status, _, err = run(capsys, "check", "--fix", ".")
    assert status == 2
    assert_one_line_error(err, "numlint.toml : TOML invalide")
    assert snapshot(good, other) == before


def test_nothing_is_written_when_one_file_cannot_be_written(capsys, monkeypatch):
    first = write("a.md", MIXED)
    second = write("b.md", MIXED)
    before = snapshot(first, second)
    real_access = os.access
    monkeypatch.setattr(inputs_module.os, "access",
                        lambda path, mode: False if str(path).endswith("b.md")
                        else real_access(path, mode))
    status, out, err = run(capsys, "check", "--fix", ".")
    assert (status, out) == (2, "")
    assert_one_line_error(err, "b.md : impossible d’écrire (permission refusée)")
    assert snapshot(first, second) == before


def test_a_failed_write_leaves_the_file_whole_and_no_temporary_file(capsys, monkeypatch):
    page = write("a.md", MIXED)
    before = snapshot(page)

    def fail(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(inputs_module.os, "replace", fail)
    status, out, err = run(capsys, "check", "--fix", "--lang", "en", "a.md")
    assert status == 2 and "Traceback" not in err
    assert err.splitlines() == [
        "numlint: error: a.md: cannot be written: No space left on device",
        "numlint: fixes written to 0 of 1 file (none); every file is whole",
    ]
    assert "0 fixes written to 0 files, 1 fix not written (1 file unchanged); " in out
    status, out, err = run(capsys, "check", "--fix", "a.md")
    assert err.splitlines() == [
        "numlint: error: a.md : impossible d’écrire : plus d’espace libre sur le disque",
        "numlint: corrections écrites dans 0 sur 1 fichier (aucun) ; chaque fichier est entier",
    ]
    assert "0 correction écrite dans 0 fichier, 1 correction non écrite (1 fichier " \
        "inchangé) ; reste " in out
    assert snapshot(page) == before
    assert sorted(os.listdir(".")) == ["a.md"]


def _pages(*names: str) -> list[Path]:
    return [write(name, MIXED) for name in names]


def _second_write_raises(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    """The second file's write (its fsync) raises ``error``; the others go through."""
    real_fsync = os.fsync
    calls = []

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:
            raise error
        real_fsync(fd)

    monkeypatch.setattr(inputs_module.os, "fsync", fsync)


def test_disk_full_mid_run_writes_the_others_and_says_exactly_which(capsys, monkeypatch):
    """On c6497f2 the run stopped at the full disk, with no word of what was written."""
    a, b, c = _pages("a.md", "b.md", "c.md")
    before_b = snapshot(b)
    _second_write_raises(monkeypatch, OSError(28, "No space left on device"))
    status, out, err = run(capsys, "check", "--fix", "--lang", "en", ".")
    assert status == 2
    assert err.splitlines() == [
        "numlint: error: b.md: cannot be written: No space left on device",
        "numlint: fixes written to 2 of 3 files (a.md, c.md); every file is whole",
    ]
    # the summary counts the fixes on disk, not those computed: b.md's is not there
    assert "2 fixes written to 2 files, 1 fix not written (1 file unchanged); " in out
    assert "bonjour" in a.read_text(encoding="utf-8") and "bonjour" in c.read_text(
        encoding="utf-8")
    assert snapshot(b) == before_b
    assert sorted(os.listdir(".")) == ["a.md", "b.md", "c.md"]


def test_a_file_changed_since_it_was_read_is_not_overwritten(capsys, monkeypatch):
    """Two concurrent --fix on one file: the second rename lost the first's update."""
    import numlint.cli.fixes as fixes_module  # imported by a check with --fix only

    [page] = _pages("a.md")
    real_fix_text = fixes_module.fix_text

    def another_run_writes_meanwhile(*args, **kwargs):
        fixed = real_fix_text(*args, **kwargs)
        page.write_text(MIXED + "ajout d'une autre session\n", encoding="utf-8")
        return fixed

    monkeypatch.setattr(fixes_module, "fix_text", another_run_writes_meanwhile)
    status, _, err = run(capsys, "check", "--fix", "--lang", "en", "a.md")
    assert status == 2
    assert err.splitlines()[0] == (
        "numlint: error: a.md: changed on disk since it was checked: not written "
        "(run numlint again)")
    assert page.read_text(encoding="utf-8") == MIXED + "ajout d'une autre session\n"
    assert sorted(os.listdir(".")) == ["a.md"]


def test_an_interrupt_in_the_write_phase_is_reported_and_leaves_no_temporary_file(
    capsys, monkeypatch
):
    """On c6497f2 Ctrl-C while writing left a .NAME.XXXX.numlint file and no report."""
    a, b, c = _pages("a.md", "b.md", "c.md")
    before = snapshot(b, c)
    _second_write_raises(monkeypatch, KeyboardInterrupt())
    status, out, err = run(capsys, "check", "--fix", "--lang", "en", ".")
    assert status == 130
    assert "1 fix written to 1 file, 2 fixes not written (2 files unchanged); " in out
    assert err.splitlines() == [
        "numlint: error: b.md: not written (interrupted)",
        "numlint: error: c.md: not written (interrupted)",
        "numlint: fixes written to 1 of 3 files (a.md); every file is whole",
        "numlint: interrupted",
    ]
    assert "bonjour" in a.read_text(encoding="utf-8")
    assert snapshot(b, c) == before
    assert sorted(os.listdir(".")) == ["a.md", "b.md", "c.md"]


@pytest.mark.skipif(not hasattr(__import__("signal"), "pthread_sigmask"),
                    reason="no signal masks on this system")
def test_sigint_is_held_while_a_file_is_written():
    import signal

    from numlint.cli.writes import _interrupts_held

    with _interrupts_held():
        assert signal.SIGINT in signal.pthread_sigmask(signal.SIG_BLOCK, set())
    assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, set())


def test_line_endings_byte_order_mark_and_permissions_are_kept(capsys):
    page = Path("a.md")
    page.write_bytes(b"\xef\xbb\xbfTitre\r\n\r\nhello \xc3\xa0 vous\r\n")
    page.chmod(0o640)
    run(capsys, "check", "--fix", "a.md")
    assert page.read_bytes() == b"\xef\xbb\xbfTitre\r\n\r\nbonjour \xc3\xa0 vous\r\n"
    assert stat.S_IMODE(page.stat().st_mode) == 0o640


def test_a_symbolic_link_is_followed_and_kept(capsys):
    target = write("real.md", "hello\n")
    link = Path("link.md")
    link.symlink_to(target.name)
    run(capsys, "check", "--fix", "link.md")
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == "bonjour\n"


def test_stdin_fix_writes_the_fixed_text_on_stdout_and_the_report_on_stderr(
    capsys, monkeypatch
):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(MIXED.encode())))
    status, out, err = run(capsys, "check", "--fix", "-")
    assert out == ARTICLE + "\nbonjour\n"
    assert err.startswith("-:5:48: NL101")
    assert status == 1


def test_an_unused_suppression_is_removed_by_fix(capsys):
    page = write("a.md", "Intro\n\n<!-- numlint-disable-next-line TST001 -->\nRien ici.\n")
    status, out, _ = run(capsys, "check", "a.md")
    assert status == 1 and "NL001" in out
    assert "= correction (sûre) : supprimer « <!-- numlint-disable-next-line TST001 --> »" in out
    run(capsys, "check", "--fix", "a.md")
    assert page.read_text(encoding="utf-8") == "Intro\n\nRien ici.\n"
