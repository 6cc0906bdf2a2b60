"""Synthetic rule plugins for the command-line tests, and the tests of plugins in the CLI.

The built-in rules' fixes may change; these rules have fixes whose safety is known:

- TST001 ``hello`` -> ``bonjour``, a safe fix (warning);
- TST002 ``HELLO`` -> ``hello``, an unsafe fix (info), which TST001 then fixes again;
- TST003 ``bye`` (warning, disabled by default, no fix).

Other test modules use :func:`install_plugins` and :func:`run`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

import pytest

from numlint.cli import main
from numlint.rules import registry as registry_module
from numlint.rules.api import Finding, Rule, TextEdit
from numlint.rules.registry import LoadError, Registry, installed_rules

DEFINING = "la somme de 97,4 milliards de dollars (près de 95 millions d'euros)"
ARTICLE = f"---\ndate: 2025-02-11\n---\n\n{DEFINING}\n"
CLEAN = "---\ndate: 2025-02-11\n---\n\nLe budget atteint 3 millions d'euros.\n"
_DOC = "## What it does\n\nA test rule.\n\n## Why it matters\n\nTests.\n"


class Hello(Rule):
    code = "TST001"
    name = "hello-bonjour"
    severity = "warning"
    summary = "Say bonjour."
    explanation = _DOC

    def check(self, document: Any, settings: Mapping[str, Any]) -> Iterator[Finding]:
        for match in re.finditer(r"\bhello\b", document.text):
            yield Finding(match.start(), match.end(), "Write “bonjour”",
                          edits=(TextEdit(match.start(), match.end(), "bonjour"),),
                          safety="safe", fix_description="Write bonjour")


class Shout(Rule):
    code = "TST002"
    name = "no-shouting"
    severity = "info"
    summary = "Do not shout."
    explanation = _DOC

    def check(self, document: Any, settings: Mapping[str, Any]) -> Iterator[Finding]:
        for match in re.finditer(r"\bHELLO\b", document.text):
            yield Finding(match.start(), match.end(), "Do not shout",
                          edits=(TextEdit(match.start(), match.end(), "hello"),),
                          safety="unsafe")


class Bye(Rule):
    code = "TST003"
    name = "no-bye"
    severity = "warning"
    summary = "No bye."
    explanation = _DOC
    enabled_by_default = False

    def check(self, document: Any, settings: Mapping[str, Any]) -> Iterator[Finding]:
        for match in re.finditer(r"\bbye\b", document.text):
            yield Finding(match.start(), match.end(), "No bye")


PLUGINS = (Hello, Shout, Bye)
BROKEN = LoadError("TST999 = maison.broken:Rule", "cannot be imported: ModuleNotFoundError()")


def install_plugins(monkeypatch: pytest.MonkeyPatch, *, broken: bool = False) -> Registry:
    """Make the synthetic rules installed (and, with ``broken``, one plugin that failed)."""
    base = installed_rules()
    registry = Registry(
        tuple(sorted((*base.rules, *PLUGINS), key=lambda r: r.code)),
        (*base.errors, BROKEN) if broken else base.errors,
    )
    monkeypatch.setattr(registry_module, "_installed", registry)
    return registry


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``numlint ARGV`` in process: exit status, stdout, stderr."""
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def assert_one_line_error(err: str, *fragments: str) -> None:
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("numlint: error: ")
    for fragment in fragments:
        assert fragment in lines[0]


# -- plugins as the CLI sees them ---------------------------------------------------------


def test_plugin_rules_run_and_are_listed_with_their_origin(monkeypatch, capsys, tmp_path):
    install_plugins(monkeypatch)
    status, out, _ = run(capsys, "rules", "--lang", "en")
    assert status == 0
    lines = {line.split()[0]: line for line in out.splitlines()[1:] if line.strip()}
    assert "TST001" in lines and "hello-bonjour" in lines["TST001"]
    assert lines["TST001"].split()[4] == "test_cli_plugins"  # from: the plugin's package
    assert lines["TST003"].split()[3] == "disabled"
    assert lines["NL101"].split()[3:5] == ["enabled", "numlint"]
    page = tmp_path / "a.md"
    page.write_text("hello\n", encoding="utf-8")
    status, out, _ = run(capsys, "check", str(page))
    assert status == 1 and "TST001" in out


def test_a_plugin_that_failed_to_load_is_listed_and_warned_about(monkeypatch, capsys, tmp_path):
    install_plugins(monkeypatch, broken=True)
    status, out, _ = run(capsys, "rules")
    assert status == 0
    assert "Extensions qui n’ont pas pu être chargées :" in out
    assert "Plugins that failed to load:" in run(capsys, "rules", "--lang", "en")[1]
    assert "TST999 = maison.broken:Rule: cannot be imported" in out
    page = tmp_path / "a.md"
    page.write_text(CLEAN, encoding="utf-8")
    status, out, err = run(capsys, "check", str(page))
    assert status == 0
    assert ("numlint: warning: l’extension de règles TST999 = maison.broken:Rule n’a pas été "
            "chargée" in err)
    status, out, err = run(capsys, "check", "--lang", "en", str(page))
    assert "numlint: warning: rule plugin TST999 = maison.broken:Rule was not loaded" in err
    status, out, err = run(capsys, "check", "--lang", "en", "--quiet", str(page))  # -q too
    assert err == ("numlint: warning: rule plugin TST999 = maison.broken:Rule was not "
                   "loaded: cannot be imported: ModuleNotFoundError()\n")


class Clash(Rule):
    """A house plugin that takes a built-in rule's code."""

    code = "NL101"
    name = "house-conversion"
    severity = "warning"
    summary = "A clash."
    explanation = _DOC

    def check(self, document: Any, settings: Mapping[str, Any]) -> Iterator[Finding]:
        return iter(())


def test_a_plugin_whose_code_clashes_is_reported_even_with_quiet(monkeypatch, capsys,
                                                                 tmp_path):
    """On c6497f2 ``-q`` hid that one rule had been pushed out by another."""
    from importlib.metadata import EntryPoint

    real = registry_module.entry_points

    def with_clash(*, group: str):
        clash = EntryPoint(name="aaa-house", value="test_cli_plugins:Clash", group=group)
        return (*real(group=group), clash)

    monkeypatch.setattr(registry_module, "entry_points", with_clash)
    monkeypatch.setattr(registry_module, "_installed", None)
    page = tmp_path / "a.md"
    page.write_text(ARTICLE, encoding="utf-8")
    err = run(capsys, "check", "--quiet", str(page))[2]
    [line] = err.splitlines()
    assert line.startswith("numlint: warning: l’extension de règles ")
    assert "le code NL101 est déjà pris par numlint." in line
    err = run(capsys, "check", "--lang", "en", "--quiet", str(page))[2]
    [line] = err.splitlines()
    assert line.startswith("numlint: warning: rule plugin ")
    assert "was not loaded" in line and "NL101" in line


def test_rules_json_lists_errors(monkeypatch, capsys):
    import json

    install_plugins(monkeypatch, broken=True)
    status, out, _ = run(capsys, "rules", "--output-format", "json")
    data = json.loads(out)
    assert status == 0
    assert {"code": "TST003", "name": "no-bye", "severity": "warning",
            "enabled_by_default": False, "origin": "test_cli_plugins",
            "summary": "No bye."} in data["rules"]
    assert data["errors"] == [{"entry_point": BROKEN.entry_point, "reason": BROKEN.reason}]


def test_an_error_stays_the_only_line_even_with_a_broken_plugin(monkeypatch, capsys, tmp_path):
    install_plugins(monkeypatch, broken=True)
    status, out, err = run(capsys, "check", str(tmp_path / "absent.md"))
    assert (status, out) == (2, "")
    assert_one_line_error(err, "absent.md")
