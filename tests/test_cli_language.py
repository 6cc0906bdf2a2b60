"""Every word the command line prints is in the user's language (issue 12): the help and
argparse's own words, the errors of each command, ``rates`` and ``audit``.

The regression tests do not list the strings they expect translated: they run a command
in English and in French and look for any run of English words of the English output,
or any English message of the catalog, left in the French one. A new option whose help
is not routed through the catalog, or a new error written as a bare string, fails them.
"""

from __future__ import annotations

import argparse
import gettext
import re
from pathlib import Path

import pytest
from audit_support import article, write_jsonl
from babel.messages.pofile import read_po

from numlint.cli import main
from numlint.cli.language import startup_language

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "numlint" / "locale" / "fr" / "LC_MESSAGES" / "numlint.po"

COMMANDS = ("", "check", "explain", "rules", "rates", "audit", "serve", "lsp")

ENGLISH_RUN = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?(?:,? +[A-Za-z]+(?:['’][a-z]+)?){3,}")
"""Four English-looking words in a row: the smallest piece of prose an option's help or an
error is made of (single words such as option names and metavars are left alone)."""


@pytest.fixture(autouse=True)
def _no_configuration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test runs in an empty folder: no configuration file chooses the language."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "100")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def flat(text: str) -> str:
    """Text with its line wrapping and no-break spaces undone (help wraps by width)."""
    return " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())


def english_runs(english: str) -> set[str]:
    return {match.group(0) for match in ENGLISH_RUN.finditer(flat(english))}


def untranslated_catalog_fragments(french: str) -> list[str]:
    """The English msgids of the catalog (or their literal pieces between placeholders, of
    four words or more) that appear in ``french``, where their translation differs."""
    with CATALOG.open("rb") as handle:
        catalog = read_po(handle, locale="fr", domain="numlint")
    shown = flat(french)
    found = []
    for message in catalog:
        if not message.id or not message.string or message.string == message.id:
            continue
        for piece in re.split(r"\{[^}]*\}|%\([^)]*\)[sr]|%[sr]", str(message.id)):
            piece = flat(piece).strip(" .,:;()")
            if len(piece.split()) >= 4 and piece in shown and piece not in flat(
                    str(message.string)):
                found.append(piece)
    return found


def assert_translated(english: str, french: str) -> None:
    assert english.strip() and french.strip()
    left = sorted(run for run in english_runs(english) if run in flat(french))
    assert left == [], f"English left in the French output: {left}"
    assert untranslated_catalog_fragments(french) == []


def help_of(capsys: pytest.CaptureFixture[str], command: str, *lang: str) -> str:
    words = [command] if command else []
    status, out, err = run(capsys, *words, "--help", *lang)
    assert (status, err) == (0, "")
    return out


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c or "numlint")
def test_every_help_is_french_by_default_and_english_on_request(capsys, command):
    french = help_of(capsys, command)
    english = help_of(capsys, command, "--lang", "en")
    assert english.startswith("usage: numlint")
    assert french.startswith("utilisation : numlint")
    assert "options :" in french and "options:" in english
    assert_translated(english, french)


ERRORS = [
    ("check", "--bogus"),
    ("check", "--date", "2025-13-01", "x.md"),
    ("check", "--date", "11/02/2025", "x.md"),
    ("check", "--date"),
    ("check", "--fail-on", "bad", "x.md"),
    ("check", "--select", ",", "x.md"),
    ("check", "--select", "NL999", "x.md"),
    ("check", "--ignore", "no-such-rule", "x.md"),
    ("check", "--statistics", "--output-format", "sarif", "x.md"),
    ("check", "--verified", "--fix", "x.md"),
    ("check", "--stdin-filename", "a.md", "x.md"),
    ("check", "absent.md"),
    ("check", "--config", "absent.toml", "x.md"),
    ("check", "--rates", "bad.csv", "x.md"),
    ("check", "--rates", "absent.csv", "x.md"),
    ("explain", "NL999"),
    ("explain",),
    ("rates", "--rates", "bad.csv"),
    ("rates", "--rates", "header.csv"),
    ("frobnicate",),
    (),
    ("audit", "x.jsonl"),
    ("audit", "x.jsonl", "-o", "f.parquet", "--workers", "0"),
    ("audit", "x.jsonl", "-o", "f.parquet", "--timeout", "soon"),
    ("audit", "absent.jsonl", "-o", "f.parquet"),
    ("audit", "x.txt", "-o", "f.parquet"),
    ("audit", "x.jsonl", "-o", "f.parquet", "--columns", "body"),
    ("serve", "--max-bytes", "0"),
    ("serve", "--port", "eighty"),
]


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    (tmp_path / "x.md").write_text("Un texte.\n", encoding="utf-8")
    (tmp_path / "x.txt").write_text("Un texte.\n", encoding="utf-8")
    (tmp_path / "bad.csv").write_text("Date,USD,\n2025-02-11,1.03x,\n", encoding="utf-8")
    (tmp_path / "header.csv").write_text("Day,USD\n2025-02-11,1.03\n", encoding="utf-8")
    write_jsonl(tmp_path / "x.jsonl", [article(1)])
    return tmp_path


@pytest.mark.parametrize("argv", ERRORS, ids=lambda a: " ".join(a) or "nothing")
def test_every_error_is_french_by_default_and_english_on_request(capsys, inputs, argv):
    status, out, french = run(capsys, *argv)
    status_en, out_en, english = run(capsys, *argv, "--lang", "en")
    assert (status, out, status_en, out_en) == (2, "", 2, "")
    for err in (french, english):
        assert err.startswith("numlint: error: ") and err.count("\n") == 1, err
    assert french != english
    assert_translated(english.removeprefix("numlint: error: "),
                      french.removeprefix("numlint: error: "))


def test_a_broken_configuration_is_reported_in_french_then_in_english(capsys, tmp_path):
    (tmp_path / "x.md").write_text("Un texte.\n", encoding="utf-8")
    for table, english in [
        ('currencies = { dollars = "CAN" }', "currency 'dollars': unknown ISO 4217 code 'CAN'"),
        ("rules = 3", "'rules' must hold one table per rule code or name"),
        ("max-bytes = -1", "'max-bytes' must be a whole number above zero, not -1"),
        ("[rules.NL101]\nfactor = -2", "setting 'factor' expects a finite number"),
        ('exclude = "public"', "'exclude' must be a list of patterns (strings)"),
        ('rates = "absent.csv"', "'rates': "),
    ]:
        (tmp_path / "numlint.toml").write_text(table + "\n", encoding="utf-8")
        french = run(capsys, "check", "x.md")[2]
        in_english = run(capsys, "check", "--lang", "en", "x.md")[2]
        assert english in in_english, in_english
        assert english not in french and french.startswith("numlint: error: numlint.toml : ")
        assert_translated(in_english, french)


def test_the_configuration_sets_the_language_of_the_help_and_the_errors(capsys, tmp_path):
    (tmp_path / "numlint.toml").write_text('lang = "en"\n', encoding="utf-8")
    assert help_of(capsys, "check").startswith("usage: numlint check")
    assert run(capsys, "check", "--bogus")[2].startswith(
        "numlint: error: unrecognized arguments: --bogus")
    assert help_of(capsys, "check", "--lang", "fr").startswith("utilisation :")
    french = tmp_path / "fr.toml"
    french.write_text('lang = "fr"\n', encoding="utf-8")
    assert run(capsys, "rates", "--config", str(french))[1].startswith("Taux en vigueur : ")
    assert run(capsys, "rules")[1].split()[:2] == ["CODE", "NAME"]


def test_the_language_is_read_before_parsing(tmp_path):
    assert startup_language(["check", "--lang", "en"], tmp_path) == "en"
    assert startup_language(["check", "--lang=en", "x.md"], tmp_path) == "en"
    assert startup_language(["check", "--lang", "de"], tmp_path) == "fr"
    assert startup_language(["check", "--", "--lang", "en"], tmp_path) == "fr"
    (tmp_path / "pyproject.toml").write_text('[tool.numlint]\nlang = "en"\n', encoding="utf-8")
    assert startup_language(["check"], tmp_path) == "en"
    assert startup_language(["check", "--lang", "fr"], tmp_path) == "fr"
    (tmp_path / "numlint.toml").write_text("lang = [broken\n", encoding="utf-8")
    assert startup_language(["check"], tmp_path) == "fr"  # reported when loaded for real


def test_argparse_is_left_as_it_was(capsys):
    before = (argparse._, argparse.ngettext)  # type: ignore[attr-defined]
    run(capsys, "check", "--bogus")
    run(capsys, "--help")
    assert (argparse._, argparse.ngettext) == before == (gettext.gettext, gettext.ngettext)
    other = argparse.ArgumentParser(prog="other")
    assert other.format_usage().startswith("usage: other")


RATES = "Date,USD,JPY,\n2025-02-12,1.0400,160.00,\n2025-02-11,1.0324,158.00,\n"


def test_rates_in_french_and_in_english(capsys, tmp_path):
    (tmp_path / "eurofxref.csv").write_text(RATES, encoding="utf-8")
    french = run(capsys, "rates", "--rates", "eurofxref.csv")[1]
    english = run(capsys, "rates", "--rates", "eurofxref.csv", "--lang", "en")[1]
    assert french.splitlines() == [
        "Taux en vigueur : taux de référence de la BCE (fichier eurofxref.csv)",
        "  choisie par : --rates eurofxref.csv",
        "  dates :       du 2025-02-11 au 2025-02-12 (2 jours)",
        "  devises :     3 (EUR, JPY, USD)",
    ]
    assert english.splitlines() == [
        "Rates in force: ECB euro reference rates (file eurofxref.csv)",
        "  chosen by:  --rates eurofxref.csv",
        "  dates:      2025-02-11 to 2025-02-12 (2 days)",
        "  currencies: 3 (EUR, JPY, USD)",
    ]
    embedded = run(capsys, "rates")[1]
    days = int(re.search(r"\(([\d\u202f\u00a0 ]+) jours\)", embedded).group(1).replace(
        "\u202f", "").replace("\u00a0", "").replace(" ", ""))
    assert days > 1000 and "  choisie par : par défaut (table intégrée)" in embedded
    json_fr = run(capsys, "rates", "--output-format", "json")[1]
    assert '"chosen_by": "default (embedded table)"' in json_fr  # for programs: English


def test_audit_summary_in_french_and_in_english(capsys, tmp_path):
    pytest.importorskip("pyarrow", reason="the archive extra: pip install 'numlint[archive]'")
    source = write_jsonl(tmp_path / "export.jsonl", [article(n) for n in range(3)])
    status, french, _ = run(capsys, "audit", str(source), "-o", "f.parquet", "--fresh")
    assert status == 1
    status, english, _ = run(capsys, "audit", str(source), "-o", "g.parquet", "--lang", "en")
    assert status == 1
    numbers = re.findall(r"\d+", english)
    shape = re.sub(r"\d+", "N", english)
    assert shape == ("N articles in N partitions (N already done, N run now): N findings, "
                     "N across articles, N articles not checked -> g.parquet\n")
    articles, partitions, done, now, findings, cross, failed = map(int, numbers)
    assert (articles, partitions, done, now, failed) == (3, 1, 0, 1, 0)
    assert findings >= 1 and cross <= findings
    assert french == (f"3 articles en 1 partition (0 déjà faites, 1 faites maintenant) : "
                      f"{findings} constat{'s' if findings > 1 else ''}, dont {cross} entre "
                      f"articles ; non vérifiés : 0 article -> f.parquet\n")


def test_audit_errors_of_its_own_modules_are_translated(capsys, tmp_path):
    pytest.importorskip("pyarrow", reason="the archive extra: pip install 'numlint[archive]'")
    source = write_jsonl(tmp_path / "export.jsonl", [article(0)])  # its slip: status 1
    assert run(capsys, "audit", "-q", str(source), "-o", "f.parquet")[0] == 1
    args = ("audit", "-q", str(source), "-o", "f.parquet", "--partition-size", "7")
    french, english = run(capsys, *args)[2], run(capsys, *args, "--lang", "en")[2]
    assert "this state folder was made for other inputs or options" in english
    assert "ce dossier d’état a été fait pour d’autres entrées ou options" in french
    assert_translated(english, french)
