"""``numlint check``: options, exit codes and errors, run in process through ``main()``."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli_plugins import (
    ARTICLE,
    CLEAN,
    DEFINING,
    assert_one_line_error,
    install_plugins,
    run,
)

import numlint.cli.check as check_module


@pytest.fixture
def article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "article.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def codes(out: str) -> list[str]:
    return [item["code"] for item in json.loads(out)]


def test_the_defining_slip_is_reported_at_its_place_with_excerpt_evidence_and_fix(
    article, capsys
):
    status, out, err = run(capsys, "check", "article.md")
    assert status == 1
    assert err == ""
    lines = out.splitlines()
    assert lines[0].startswith("article.md:5:48: NL101 « 95 millions d'euros » ne peut pas")
    source_line = next(line for line in lines if line.startswith("5 | "))
    marker_line = lines[lines.index(source_line) + 1]
    caret = marker_line.index("^")
    assert source_line[caret:].startswith("95 millions d'euros")
    assert marker_line[caret:].startswith("^" + "~" * 18 + " erreur (conversion-magnitude)")
    assert "  = éléments : 1 EUR = 1,0324 USD le 11/02/2025, taux de référence de la BCE" in out
    assert "date de l’article 11/02/2025 (tirée du document)" in out
    assert ("  = correction (à confirmer) : « 95 millions d'euros » → « 95 milliards d'euros »"
            in out)
    assert "1 constat (1 erreur, 0 avertissement) dans 1 fichier" in lines
    assert any("--unsafe-fixes" in line for line in lines[-2:])


def test_the_report_speaks_english_with_lang_en(article, capsys):
    status, out, err = run(capsys, "check", "--lang", "en", "article.md")
    assert (status, err) == (1, "")
    lines = out.splitlines()
    assert lines[0].startswith("article.md:5:48: NL101 “95 millions d'euros” cannot be")
    assert any(line.endswith(" error (conversion-magnitude)") for line in lines)
    assert "  = evidence: 1 EUR = 1.0324 USD on 2025-02-11, ECB euro reference rates" in out
    assert "article date 2025-02-11 (from the document)" in out
    assert "  = fix (unsafe): “95 millions d'euros” → “95 milliards d'euros”" in out
    assert "1 finding (1 error, 0 warnings) in 1 file" in lines
    assert "1,0324" not in out and "éléments" not in out


def test_the_configuration_lang_sets_the_report_language(article, capsys):
    write(Path("numlint.toml"), 'lang = "en"\n')
    status, out, _ = run(capsys, "check", "article.md")
    assert status == 1 and "1 finding (1 error, 0 warnings) in 1 file" in out
    status, out, _ = run(capsys, "check", "--lang", "fr", "article.md")
    assert status == 1 and "1 constat (1 erreur, 0 avertissement) dans 1 fichier" in out


def test_a_clean_file_exits_0(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "ok.md", CLEAN)
    status, out, err = run(capsys, "check", "ok.md")
    assert (status, out, err) == (0, "0 constat dans 1 fichier\n", "")
    status, out, err = run(capsys, "check", "--lang", "en", "ok.md")
    assert (status, out, err) == (0, "0 findings in 1 file\n", "")


def test_python_dash_m_and_the_check_command_share_main(article):
    # A real ``python -m numlint``: run in-process, runpy would meet pytest's assertion
    # rewriting loader (numlint is a pytest plugin), which cannot hand it the module's code.
    completed = subprocess.run(
        [sys.executable, "-m", "numlint", "check", "--quiet", "article.md"],
        cwd=article.parent, capture_output=True, text=True, timeout=120, check=False,
    )
    assert completed.returncode == 1, completed.stderr
    assert completed.stdout.startswith("article.md:5:48: NL101")


# -- severity threshold -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "options", "status"),
    [
        ("hello\n", [], 1),  # a warning fails by default
        ("hello\n", ["--fail-on", "error"], 0),
        ("HELLO there\n", [], 0),  # an info does not
        ("HELLO there\n", ["--fail-on", "info"], 1),
        (ARTICLE, ["--fail-on", "error"], 1),
    ],
)
def test_fail_on(text, options, status, tmp_path, monkeypatch, capsys):
    install_plugins(monkeypatch)
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.md", text)
    assert run(capsys, "check", "a.md", *options)[0] == status


def test_fail_on_comes_from_the_configuration_and_the_command_line_wins(
    tmp_path, monkeypatch, capsys
):
    install_plugins(monkeypatch)
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.md", "hello\n")
    write(tmp_path / "numlint.toml", 'fail-on = "error"\n')
    assert run(capsys, "check", "a.md")[0] == 0
    assert run(capsys, "check", "a.md", "--fail-on", "warning")[0] == 1


# -- rule selection -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ([], ["NL101"]),
        (["--select", "NL102"], []),
        (["--select", "NL1"], ["NL101"]),
        (["--select", "nl101"], ["NL101"]),
        (["--ignore", "NL101"], []),
        (["--ignore", "conversion-magnitude"], []),
        (["--select", "NL102,NL101"], ["NL101"]),
        (["--select", "NL102", "--select", "NL101"], ["NL101"]),
        (["--select", "NL1", "--ignore", "NL101"], []),
    ],
)
def test_select_and_ignore(options, expected, article, capsys):
    status, out, _ = run(capsys, "check", "--output-format", "json", *options, "article.md")
    assert codes(out) == expected
    assert status == (1 if expected else 0)


def test_extend_select_adds_a_rule_disabled_by_default(tmp_path, monkeypatch, capsys):
    install_plugins(monkeypatch)
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.md", "bye\n")
    assert codes(run(capsys, "check", "--output-format", "json", "a.md")[1]) == []
    out = run(capsys, "check", "--output-format", "json", "--extend-select", "TST003", "a.md")[1]
    assert codes(out) == ["TST003"]


@pytest.mark.parametrize("option", ["--select", "--ignore", "--extend-select"])
def test_an_unknown_code_on_the_command_line_is_a_usage_error(option, article, capsys):
    status, out, err = run(capsys, "check", option, "NL999", "article.md")
    assert status == 2 and out == ""
    assert_one_line_error(err, option, "'NL999'")


# -- language, date, input format ---------------------------------------------------------


def test_lang_en(article, capsys):
    out = run(capsys, "check", "--lang", "en", "article.md")[1]
    assert "cannot be the equivalent of" in out.splitlines()[0]


def test_date_is_used_for_the_rates_and_said_in_the_evidence(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.txt", DEFINING + "\n")
    out = run(capsys, "check", "--output-format", "json", "--date", "2025-02-11", "a.txt")[1]
    [finding] = json.loads(out)
    assert finding["evidence"]["date"] == "2025-02-11"
    assert finding["evidence"]["date_origin"] == "given"
    assert finding["evidence"]["rate"] == "1 EUR = 1.0324 USD"
    out = run(capsys, "check", "--output-format", "json", "a.txt")[1]
    assert json.loads(out)[0]["evidence"]["date_origin"] == "latest-rate"


@pytest.mark.parametrize("bad", ["11/02/2025", "2025-02-30", "demain"])
def test_a_bad_date_is_a_usage_error(bad, article, capsys):
    status, _, err = run(capsys, "check", "--date", bad, "article.md")
    assert status == 2
    assert_one_line_error(err, "--date")


def test_format_in_forces_the_reading(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    # In Markdown, a fenced block is code: the slip inside is not prose.
    write(tmp_path / "a.md", f"```\n{DEFINING}\n```\n")
    assert run(capsys, "check", "--date", "2025-02-11", "a.md")[0] == 0
    status, out, _ = run(capsys, "check", "--date", "2025-02-11", "--format-in", "text", "a.md")
    assert status == 1 and "NL101" in out


def test_the_extension_chooses_the_format(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    html = f'<p title="{DEFINING}">rien</p>\n'
    write(tmp_path / "a.html", html)
    write(tmp_path / "a.txt", html)
    status, out, _ = run(capsys, "check", "--date", "2025-02-11", "a.html", "a.txt")
    assert status == 1
    assert out.startswith("a.txt:1:")  # attributes are not prose in HTML; text reads them
    assert "a.html:" not in out


# -- standard input -----------------------------------------------------------------------


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin(monkeypatch, capsys, tmp_path):
    monkeypatch.chdir(tmp_path)
    _stdin(monkeypatch, ARTICLE.encode())
    status, out, _ = run(capsys, "check", "-")
    assert status == 1
    assert out.startswith("-:5:48: NL101")


def test_stdin_filename_names_it_and_chooses_the_format(monkeypatch, capsys, tmp_path):
    monkeypatch.chdir(tmp_path)
    html = f'<meta name="date" content="2025-02-11"><p title="x">{DEFINING}</p>'
    _stdin(monkeypatch, html.encode())
    status, out, _ = run(capsys, "check", "-", "--stdin-filename", "site/page.html",
                         "--output-format", "json")
    [finding] = json.loads(out)
    assert status == 1
    assert finding["path"] == "site/page.html"
    assert html[finding["start"]:finding["end"]] == "95 millions d'euros"


def test_stdin_filename_alone_reads_stdin(monkeypatch, capsys, tmp_path):
    monkeypatch.chdir(tmp_path)
    _stdin(monkeypatch, CLEAN.encode())
    assert run(capsys, "check", "--stdin-filename", "a.md") == (0, "0 constat dans 1 fichier\n",
                                                                "")


def test_stdin_that_is_not_utf8(monkeypatch, capsys, tmp_path):
    monkeypatch.chdir(tmp_path)
    _stdin(monkeypatch, "prix : 3 € à régler\n".encode("cp1252"))
    status, out, err = run(capsys, "check", "--output-format", "json", "-")
    assert status == 2 and "Traceback" not in err
    [finding] = json.loads(out)
    assert (finding["code"], finding["name"]) == ("NL902", "io-error")
    assert finding["message"].startswith("UTF-8 invalide (ligne 1, octet 9)")
    _stdin(monkeypatch, "prix : 3 € à régler\n".encode("cp1252"))
    status, out, err = run(capsys, "check", "--lang", "en", "--output-format", "json", "-")
    assert json.loads(out)[0]["message"].startswith("not valid UTF-8 (line 1, byte 9)")


# -- errors: exit 2, one line, nothing on stdout ------------------------------------------


def test_a_missing_path(article, capsys):
    status, out, err = run(capsys, "check", "article.md", "absent.md")
    assert (status, out) == (2, "")
    assert_one_line_error(err, "absent.md : fichier ou dossier introuvable")
    status, out, err = run(capsys, "check", "--lang", "en", "article.md", "absent.md")
    assert (status, out) == (2, "")
    assert_one_line_error(err, "absent.md: no such file or directory")


def test_a_file_that_is_not_utf8_does_not_stop_the_folder(tmp_path, monkeypatch, capsys):
    """On c6497f2 one Latin-1 file ended the run: no finding for any other file."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "latin1.md").write_bytes("Titre\n\nLe prix : 3 € hors taxes\n".encode("cp1252"))
    write(tmp_path / "ok.md", ARTICLE)
    status, out, err = run(capsys, "check", ".")
    assert status == 2 and err == ""
    assert "latin1.md:1:1: NL902 UTF-8 invalide (ligne 3" in out
    assert "ok.md:5:48: NL101" in out
    status, out, _ = run(capsys, "check", "--output-format", "json", ".")
    assert [(f["path"], f["code"]) for f in json.loads(out)] == [
        ("latin1.md", "NL902"), ("ok.md", "NL101")]


def test_an_unreadable_file(article, monkeypatch, capsys):
    real_open = os.open

    def refuse(path, *args, **kwargs):
        if str(path).endswith("article.md"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    status, out, err = run(capsys, "check", "article.md")
    assert (status, err) == (2, "")
    assert out.startswith("article.md:1:1: NL902 illisible : permission refusée\n")
    status, out, err = run(capsys, "check", "--lang", "en", "article.md")
    assert out.startswith("article.md:1:1: NL902 cannot be read: Permission denied\n")


def test_an_unreadable_folder_is_reported_and_the_rest_checked(tmp_path, monkeypatch,
                                                               capsys):
    """On d4f21d9 a folder of the walk that could not be listed ended the run."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "locked").mkdir()
    write(tmp_path / "locked" / "hidden.md", ARTICLE)
    write(tmp_path / "ok.md", ARTICLE)
    real_scandir = os.scandir

    def refuse(path="."):
        if os.path.basename(os.fspath(path)) == "locked":
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)  # root reads everything: refuse by hand
    status, out, err = run(capsys, "check", "--output-format", "json", "--lang", "en", ".")
    assert (status, err) == (2, "")
    found = [(f["path"], f["code"]) for f in json.loads(out)]
    assert found == [("locked", "NL902"), ("ok.md", "NL101")]
    assert json.loads(out)[0]["message"] == "cannot be read: Permission denied"


def _fifo(path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    os.mkfifo(path)
    return path


def test_a_fifo_in_a_folder_is_reported_not_waited_on(article, capsys, tmp_path):
    _fifo(tmp_path / "pipe.md")
    status, out, err = run(capsys, "check", ".")
    assert status == 2 and err == ""
    assert "pipe.md:1:1: NL902 pas un fichier ordinaire" in out
    assert "article.md:5:48: NL101" in out


def test_a_fifo_as_rates_file_is_refused_not_waited_on(article, capsys, tmp_path):
    _fifo(tmp_path / "rates.csv")
    status, out, err = run(capsys, "check", "--rates", "rates.csv", "article.md")
    assert (status, out) == (2, "")
    assert_one_line_error(err, "rates.csv : pas un fichier ordinaire")
    status, out, err = run(capsys, "check", "--lang", "en", "--rates", "rates.csv", "article.md")
    assert (status, out) == (2, "")
    assert_one_line_error(err, "rates.csv: not a regular file")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
def test_dev_zero_is_refused_not_read_until_memory_runs_out(article, capsys):
    status, out, _ = run(capsys, "check", "/dev/zero")
    assert status == 2
    assert out.startswith("/dev/zero:1:1: NL902 pas un fichier ordinaire")


def test_an_input_over_the_size_limit_is_reported(article, capsys, monkeypatch):
    limit = len(ARTICLE.encode("utf-8"))
    monkeypatch.setattr("numlint.cli.inputs.MAX_INPUT_BYTES", limit)
    write(Path("big.md"), "97,4 milliards de dollars. " * limit)
    status, out, _ = run(capsys, "check", "big.md", "article.md")
    assert status == 2
    assert f"big.md:1:1: NL902 trop grand pour être vérifié (au-delà de la limite de {limit} " \
        "octets)" in out
    assert "article.md:5:48: NL101" in out


def test_a_too_long_path_is_a_one_line_error(article, capsys):
    status, out, err = run(capsys, "check", "a" * 5000 + ".md")
    assert (status, out) == (2, "")
    assert_one_line_error(err, "nom de fichier trop long")
    assert len(err) < 300


def test_deeply_nested_toml_is_a_one_line_error(article, capsys):
    write(Path("numlint.toml"), "a = " + "[" * 100_000 + "]" * 100_000 + "\n")
    status, out, err = run(capsys, "check", "article.md")
    assert (status, out) == (2, "")
    assert_one_line_error(err, "numlint.toml : TOML invalide : tableaux ou tables imbriqués "
                          "trop profondément")


def test_a_byte_order_mark_in_numlint_toml_is_accepted(article, capsys):
    Path("numlint.toml").write_bytes(b"\xef\xbb\xbfignore = [\"NL101\"]\n")
    assert run(capsys, "check", "article.md")[0] == 0


@pytest.mark.parametrize(
    ("config", "fragments"),
    [
        ("select = [NL101\n", ["numlint.toml: invalid TOML"]),
        ('selct = ["NL101"]\n', ["numlint.toml: unknown key 'selct'"]),
        ('ignore = ["NL999"]\n', ["numlint.toml: unknown rule code 'NL999'"]),
        ("[rules.NL101]\nfactor = \"trois\"\n", ["numlint.toml", "NL101", "factor"]),
        ("[rules.NL101]\nfacteur = 3\n", ["numlint.toml", "no setting 'facteur'"]),
        ('[currencies]\n"dollars" = "CAN"\n', ["numlint.toml", "unknown ISO 4217 code 'CAN'"]),
        ('lang = "de"\n', ["numlint.toml", "'lang' must be one of"]),
        ('[per-file-ignores]\n"*.md" = ["NL9"]\n', ["numlint.toml", "per-file-ignores", "NL9"]),
        ('rates = "absent.csv"\n', ["absent.csv"]),
    ],
)
def test_a_broken_configuration(config, fragments, article, capsys):
    write(article.parent / "numlint.toml", config)
    status, out, err = run(capsys, "check", "--lang", "en", "article.md")
    assert (status, out) == (2, "")
    assert_one_line_error(err, *fragments)


@pytest.mark.parametrize(
    ("config", "fragments"),
    [
        ("select = [NL101\n", ["numlint.toml : TOML invalide"]),
        ('selct = ["NL101"]\n', ["numlint.toml : clé inconnue 'selct'"]),
        ('ignore = ["NL999"]\n', ["numlint.toml : code de règle inconnu 'NL999'"]),
        ("[rules.NL101]\nfacteur = 3\n", ["la règle NL101 n’a pas de réglage 'facteur' "
                                          "(réglages : factor)"]),
        ('lang = "de"\n', ["numlint.toml : 'lang' doit valoir fr, en, pas 'de'"]),
    ],
)
def test_a_broken_configuration_is_reported_in_french_by_default(config, fragments, article,
                                                                 capsys):
    write(article.parent / "numlint.toml", config)
    status, out, err = run(capsys, "check", "article.md")
    assert (status, out) == (2, "")
    assert_one_line_error(err, *fragments)


def test_a_corrupt_rates_file(article, capsys):
    rates = write(article.parent / "rates.csv", "Date,USD,\n2025-02-11,1.03x,\n")
    status, out, err = run(capsys, "check", "--rates", str(rates), "article.md")
    assert (status, out) == (2, "")
    assert_one_line_error(err, "rates.csv, ligne 2 : taux USD incorrect '1.03x'")
    status, out, err = run(capsys, "check", "--lang", "en", "--rates", str(rates), "article.md")
    assert (status, out) == (2, "")
    assert_one_line_error(err, "rates.csv, line 2: bad USD rate '1.03x'")


def test_a_fresher_rates_file_is_used(article, capsys):
    rates = write(article.parent / "eurofxref.csv",
                  "Date,USD,JPY,\n2025-02-11,2.0000,160.00,\n")
    out = run(capsys, "check", "--rates", "eurofxref.csv", "--output-format", "json",
              "article.md")[1]
    [finding] = json.loads(out)
    assert finding["evidence"]["rate"] == "1 EUR = 2.0000 USD"
    assert "eurofxref.csv" in finding["evidence"]["rate_source"]
    assert rates.exists()


def test_usage_errors_are_one_line(capsys):
    for argv in (["check", "--output-format", "xml"], ["check", "--no-such-option"], [],
                 ["frobnicate"], ["check", "--statistics", "--output-format", "sarif", "x"]):
        status, out, err = run(capsys, *argv)
        assert status == 2, argv
        assert out == ""
        assert_one_line_error(err)


def test_stdin_filename_without_dash_among_paths(article, capsys):
    status, _, err = run(capsys, "check", "--stdin-filename", "x.md", "article.md")
    assert status == 2
    assert_one_line_error(err, "--stdin-filename")


def test_help_and_version(capsys):
    status, out, _ = run(capsys, "--version")
    assert status == 0 and out.startswith("numlint ")
    status, out, _ = run(capsys, "check", "--help")
    assert status == 0
    for option in ("--stdin-filename", "--format-in", "--date", "--lang", "--select",
                   "--ignore", "--extend-select", "--output-format", "--fix", "--unsafe-fixes",
                   "--diff", "--rates", "--fail-on", "--config", "--quiet", "--statistics"):
        assert option in out


def test_an_internal_error_is_one_line_too(article, monkeypatch, capsys):
    def broken(*args, **kwargs):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(check_module, "check", broken)
    status, out, err = run(capsys, "check", "article.md")
    assert (status, out) == (2, "")
    assert_one_line_error(err, "erreur interne : RuntimeError : boom | second line")
    monkeypatch.setenv("NUMLINT_DEBUG", "1")
    with pytest.raises(RuntimeError):
        run(capsys, "check", "article.md")


# -- output -------------------------------------------------------------------------------


def test_quiet_prints_findings_only(article, capsys):
    status, out, _ = run(capsys, "check", "--quiet", "article.md")
    assert status == 1
    assert "finding" not in out.splitlines()[-1]
    assert "--unsafe-fixes" not in out
    assert run(capsys, "check", "-q", "--select", "NL102", "article.md") == (0, "", "")


def test_statistics(tmp_path, monkeypatch, capsys):
    install_plugins(monkeypatch)
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.md", "hello hello\n\n" + ARTICLE)
    status, out, _ = run(capsys, "check", "--statistics", "a.md")
    assert status == 1
    assert out.splitlines()[:2] == ["2  TST001  hello-bonjour         avertissement",
                                    "1  NL101   conversion-magnitude  erreur"]
    out = run(capsys, "check", "--statistics", "--lang", "en", "a.md")[1]
    assert out.splitlines()[:2] == ["2  TST001  hello-bonjour         warning",
                                    "1  NL101   conversion-magnitude  error"]
    out = run(capsys, "check", "--statistics", "--output-format", "json", "a.md")[1]
    assert json.loads(out)[0] == {"code": "TST001", "name": "hello-bonjour",
                                  "severity": "warning", "count": 2}


def test_order_is_path_then_offset(tmp_path, monkeypatch, capsys):
    install_plugins(monkeypatch)
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "b.md", "hello\n")
    write(tmp_path / "a-z.md", "hello\n")
    write(tmp_path / "a" / "z.md", "hello hello\n")
    out = run(capsys, "check", "--output-format", "json", "b.md", ".")[1]
    found = [(f["path"], f["start"]) for f in json.loads(out)]
    assert found == [("a/z.md", 0), ("a/z.md", 6), ("a-z.md", 0), ("b.md", 0)]


def test_colour_only_on_a_terminal_and_never_with_no_color(article, monkeypatch, capsys):
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert "\x1b[" not in run(capsys, "check", "article.md")[1]  # captured: not a TTY
    terminal = Terminal()
    monkeypatch.setattr("sys.stdout", terminal)
    run(capsys, "check", "article.md")
    assert "\x1b[1;31mNL101\x1b[0m" in terminal.getvalue()
    monkeypatch.setenv("NO_COLOR", "1")
    terminal = Terminal()
    monkeypatch.setattr("sys.stdout", terminal)
    run(capsys, "check", "article.md")
    assert "\x1b[" not in terminal.getvalue() and "NL101" in terminal.getvalue()


@pytest.mark.parametrize("fmt", ["json", "sarif", "github"])
def test_machine_formats_print_nothing_else(fmt, article, capsys):
    status, out, err = run(capsys, "check", "--output-format", fmt, "article.md")
    assert status == 1 and err == ""
    assert "finding" not in out.lower().splitlines()[-1]
    if fmt != "github":
        json.loads(out)
    else:
        assert out.startswith("::error file=article.md,line=5,col=48,")
