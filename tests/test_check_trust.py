"""check() inside a publishing hook: no silent unchecked article, no hang, no rule pushed out.

Each test reproduces a defect found by using numlint as a CMS and a shell would.
"""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
import textwrap
import threading
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import numlint
from numlint.config import Config, ConfigError
from numlint.rules.api import Example, Finding, Rule, TextEdit

DEFINING = "la somme de 97,4 milliards de dollars (près de 95 millions d'euros)"
HTML = "<p>la somme de 97,4&nbsp;milliards de dollars (près de 95&nbsp;millions d’euros)</p>"
DAY = datetime.date(2025, 2, 11)


def codes(diagnostics) -> list[str]:
    return sorted(d.code for d in diagnostics)


# -- the article's date and language, checked at the call --------------------------------

@pytest.mark.parametrize("when", [
    DAY,
    datetime.datetime(2025, 2, 11, 8, 30),
    datetime.datetime(2025, 2, 11, 8, 30, tzinfo=datetime.UTC),
    "2025-02-11",
    "2025-02-11T08:30:00+01:00",
])
def test_a_date_a_datetime_or_an_iso_string_checks_the_article(when) -> None:
    [finding] = numlint.check(HTML, format="html", date=when)
    assert finding.code == "NL101"
    assert finding.evidence["date"] == "2025-02-11"


@pytest.mark.parametrize("when, error", [
    (20250211, TypeError), (1739260800.0, TypeError), ("11/02/2025", ValueError),
    ("hier", ValueError),
])
def test_any_other_date_is_refused_at_the_call(when, error) -> None:
    with pytest.raises(error, match="date"):
        numlint.check(DEFINING, format="text", date=when)


@pytest.mark.parametrize("text", [DEFINING, "Un texte sans chiffre."])
def test_an_unknown_language_is_refused_at_the_call_whatever_the_text(text) -> None:
    with pytest.raises(ValueError, match=r"unknown language 'de'.*fr, en"):
        numlint.check(text, format="text", lang="de")
    with pytest.raises(ConfigError, match="'lang'"):
        numlint.check(text, format="text", config={"lang": "de"})


# -- every setting checked when the configuration is read ---------------------------------

@pytest.mark.parametrize("mapping, words", [
    ({"rates": "/nonexistent.zip"}, "'rates'.*nonexistent.zip"),
    ({"rates": 5}, "'rates'"),
    ({"rules": {"NL101": {"factor": float("inf")}}}, "factor"),
    ({"rules": {"NL102": {"about_tolerance": float("nan")}}}, "about_tolerance"),
    ({"rules": {"NL102": {"about_tolerance": -5}}}, "about_tolerance"),
    ({"rules": {"NL999": {}}}, "unknown rule"),
    ({"select": ["XX1"]}, "unknown rule code"),
    ({"max-bytes": 0}, "max-bytes"),
    ({"max-figures": "many"}, "max-figures"),
])
def test_a_bad_setting_is_a_configuration_error_when_read(mapping, words) -> None:
    with pytest.raises(ConfigError, match=words):
        Config.from_mapping(mapping)
    with pytest.raises(ConfigError, match=words):
        numlint.check(DEFINING, format="text", config=mapping)


def test_every_numlint_error_has_one_root() -> None:
    from numlint import NumlintError, RatesError, SourceError

    assert issubclass(ConfigError, NumlintError) and issubclass(RatesError, NumlintError)
    assert issubclass(SourceError, NumlintError)
    assert issubclass(NumlintError, ValueError)  # what callers caught before still works
    with pytest.raises(NumlintError):
        numlint.check(DEFINING, format="pdf")  # type: ignore[arg-type]


# -- one verdict per conversion -----------------------------------------------------------

def test_a_larger_magnitude_factor_leaves_the_slip_to_nl102() -> None:
    text = "Le contrat vaut 4,2 milliards d'euros, soit 21 milliards d'euros."
    assert codes(numlint.check(text, format="text")) == ["NL101"]
    raised = numlint.check(text, format="text", config={"rules": {"NL101": {"factor": 10}}})
    assert codes(raised) == ["NL102"]


# -- limits -------------------------------------------------------------------------------

def test_a_text_past_the_figure_limit_is_reported_not_checked() -> None:
    started = time.process_time()
    [finding] = numlint.check("1 " * 1_000_000, format="text")
    assert time.process_time() - started < 10  # ~50 s before the limit
    assert finding.code == "NL000" and "plus de 100\u202f000" in finding.message
    config = {"max-figures": 10}
    [small] = numlint.check("1 2 3 4 5 6 7 8 9 10 11", format="text", config=config, lang="en")
    assert small.message == ("The text has too many figures to be checked (more than 10); "
                             "it was not checked.")
    assert numlint.check("1 2 3", format="text", config=config) == []


def test_a_text_past_the_size_limit_is_reported_not_checked() -> None:
    [finding] = numlint.check("é" * 600, format="text", config={"max-bytes": 1000})
    assert finding.code == "NL000"
    assert "(1\u202f200 octets, la limite est de 1\u202f000)" in finding.message
    assert numlint.check("é" * 400, format="text", config={"max-bytes": 1000}) == []


# -- plugins: fenced, bounded, never pushing a built-in out -------------------------------

class _Plugin(Rule):
    name = "plugin"
    severity = "warning"
    summary = "A test plugin."
    explanation = "What it does: nothing useful.\n\nWhy it matters: it tests the fence."
    examples = (Example("Rien.", valid=True),)


def _registered(monkeypatch, *plugins: type[Rule]) -> dict:
    from numlint import pipeline
    from numlint.rules import registry

    real = registry.installed_rules()
    monkeypatch.setattr(registry, "_installed", registry.Registry((*real.rules, *plugins)))
    monkeypatch.setattr(pipeline, "rule_budget", lambda text: 0.5)
    return {"extend-select": [p.code for p in plugins]}


def _finding_rule(code: str, finding: Finding) -> type[Rule]:
    return type(f"Rule{code}", (_Plugin,), {
        "code": code, "check": lambda self, document, settings: iter([finding])})


@pytest.mark.parametrize("finding", [
    Finding(0, 2, "a literal {x} in the message"),
    Finding(0, 2, "params that are a list", params=[1]),  # type: ignore[arg-type]
    Finding(0, 2, "evidence that is a number", evidence=5),  # type: ignore[arg-type]
    Finding(0, 2, "float offsets", edits=(TextEdit(0.0, 2.5, "x"),)),  # type: ignore[arg-type]
    Finding(True, 2, "a bool start"),  # type: ignore[arg-type]
])
def test_a_finding_that_cannot_be_rendered_is_its_rules_failure(monkeypatch, finding) -> None:
    config = _registered(monkeypatch, _finding_rule("XT101", finding))
    diagnostics = numlint.check(DEFINING, format="text", date=DAY, config=config)
    assert codes(diagnostics) == ["NL000", "NL101"]
    [failed] = [d for d in diagnostics if d.code == "NL000"]
    assert "XT101" in failed.message


_RELEASED = threading.Event()
"""Set once a test is over: an abandoned plugin thread keeps running (nothing is injected
into it), so the stuck rules below end their loops then, not to slow the rest of the suite."""


@pytest.fixture(autouse=True)
def _release_abandoned_rules():
    _RELEASED.clear()
    yield
    _RELEASED.set()


def _stuck(code: str, body) -> type[Rule]:
    return type(f"Stuck{code}", (_Plugin,), {"code": code, "check": body})


def _sleeps(self, document, settings):
    time.sleep(100)
    yield from ()


def _swallows(self, document, settings):
    while not _RELEASED.is_set():
        try:
            while not _RELEASED.is_set():
                pass
        except BaseException:  # a rule that retries whatever happens
            continue
    yield from ()


def _checks_again(self, document, settings):
    while not _RELEASED.is_set():  # an inner check's own budget must not reset the outer one
        numlint.check(DEFINING, format="text")
    yield from ()


@pytest.mark.parametrize("body", [_sleeps, _swallows, _checks_again])
def test_a_stuck_plugin_is_abandoned_at_its_deadline_and_reported(monkeypatch, body) -> None:
    config = _registered(monkeypatch, _stuck("XT201", body))
    started = time.monotonic()
    diagnostics = numlint.check(DEFINING, format="text", date=DAY, config=config)
    assert time.monotonic() - started < 20
    assert codes(diagnostics) == ["NL000", "NL101"]
    [stopped] = [d for d in diagnostics if d.code == "NL000"]
    assert "XT201" in stopped.message and "budget" in stopped.message


def _exits(self, document, settings):
    raise SystemExit(3)
    yield


def _interrupted(self, document, settings):
    raise KeyboardInterrupt
    yield


def test_a_plugin_that_exits_is_reported_and_an_interrupt_reaches_the_caller(monkeypatch) -> None:
    config = _registered(monkeypatch, _stuck("XT301", _exits))
    assert codes(numlint.check(DEFINING, format="text", date=DAY, config=config)) == [
        "NL000", "NL101"]
    config = _registered(monkeypatch, _stuck("XT302", _interrupted))
    with pytest.raises(KeyboardInterrupt):
        numlint.check(DEFINING, format="text", date=DAY, config=config)


def _run(script: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(script)], capture_output=True,
                          text=True, timeout=120)


def test_a_tracer_works_after_a_plugin_overran() -> None:
    """The watchdog's async exceptions left CPython 3.11 spinning under any later tracer."""
    done = _run("""
        import sys, numlint
        from numlint import pipeline
        from numlint.engine import run_rules
        from numlint.rules.api import Rule
        class Loop(Rule):
            code, name, severity, summary, explanation = "XT401", "loop", "warning", "s", "e"
            def check(self, document, settings):
                while True:
                    pass
        pipeline.rule_budget = lambda text: 0.1
        from numlint.rules import registry
        real = registry.installed_rules()
        registry._installed = registry.Registry((*real.rules, Loop))
        found = numlint.check("97,4 milliards de dollars (près de 95 millions d’euros)",
                              format="text", config={"extend-select": ["XT401"]})
        assert "NL000" in [d.code for d in found]
        calls = []
        sys.settrace(lambda frame, event, arg: calls.append(event))
        def f():
            return 1
        f()
        sys.settrace(None)
        print(len(calls))
    """)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) >= 1


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork (POSIX)")
def test_a_forked_child_checks_after_its_parent_did() -> None:
    """A process pool's forked worker inherits nothing half-held (no watcher thread, no lock)."""
    done = _run("""
        import os, sys, threading, numlint
        text = "97,4 milliards de dollars (près de 95 millions d’euros)"
        numlint.check(text, format="text")
        worker = threading.Thread(target=lambda: [numlint.check(text) for _ in range(50)])
        worker.start()
        pid = os.fork()
        if pid == 0:
            found = numlint.check(text, format="text")
            os._exit(0 if [d.code for d in found] == ["NL101"] else 1)
        worker.join()
        _, status = os.waitpid(pid, 0)
        print(os.waitstatus_to_exitcode(status))
    """)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "0"


def test_a_plugin_cannot_push_a_builtin_rule_out(tmp_path) -> None:
    """A plugin class registered with code NL101: the built-in stays, the plugin is refused."""
    site = tmp_path / "site"
    package = site / "clash_plugin"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(textwrap.dedent("""
        from numlint.rules.api import Rule
        class Impostor(Rule):
            code, name, severity = "NL101", "impostor", "warning"
            summary, explanation = "Claims NL101.", "It should be refused."
            def check(self, document, settings):
                return iter(())
    """), encoding="utf-8")
    info = site / "clash_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: clash-plugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(
        "[numlint.rules]\nNL101 = clash_plugin:Impostor\nAAA = clash_plugin:Impostor\n")
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent("""
            import sys, numlint
            from numlint.rules.registry import installed_rules
            registry = installed_rules()
            print(registry.find("NL101").__module__)
            print(*sorted({e.entry_point for e in registry.errors}), sep="|")
            found = numlint.check("97,4 milliards de dollars (près de 95 millions d’euros)",
                                  format="text")
            print([d.code for d in found])
        """)],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(
            [str(site), *filter(None, [os.environ.get("PYTHONPATH")])])},
    )
    assert done.returncode == 0, done.stderr
    module, refused, found = done.stdout.strip().splitlines()
    assert module == "numlint.rules.conversion_magnitude"
    assert refused == "AAA = clash_plugin:Impostor|NL101 = clash_plugin:Impostor"
    assert found == "['NL101']"


@settings(max_examples=25, deadline=None)
@given(st.text(alphabet=st.characters(), max_size=50), st.integers(0, 3))
def test_the_size_limit_measures_utf8_a_slice_at_a_time(piece: str, repeat: int) -> None:
    from numlint import limits

    text = piece * repeat + "é" * (limits.SLICE + 3) + piece
    assert limits.utf8_size(text) == len(text.encode("utf-8", "surrogatepass"))
