"""The engine's fixed cost: what it may leave out on a document without figures, and what
not; the worker threads that bound plugins' rules without a thread start per rule."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import numlint
from numlint import deadline
from numlint.config import DEFAULT_CONFIG, Config, ConfigError
from numlint.deadline import run_in_thread
from numlint.engine import FIGURE_RULES, TEXT_RULES, is_builtin, run_rules
from numlint.pipeline import analyse
from numlint.rules.api import Finding, Rule
from numlint.rules.registry import installed_rules
from numlint.sources import read_source

BUILTIN = [rule for rule in installed_rules().rules if is_builtin(rule)]

FIGURE_FREE = [
    "",
    "   \n\n",
    "Le gouvernement a présenté son budget mardi, sans surprise.",
    "# Titre\n\nUn paragraphe *sans* chiffre, avec un [lien](https://example.org/a-b).",
    "<p>Les prix\u00a0? Ils montent, dit-on, l’année durant\u202f!</p>",
    "<!-- numlint-disable NL101 -->\nRien à signaler ici.",
    "Des milliers de manifestants, des millions d’euros : aucun nombre écrit.",
]


def test_every_builtin_rule_is_classified_for_figure_free_documents() -> None:
    codes = {rule.code for rule in BUILTIN}
    assert codes, "no built-in rule found"
    assert codes <= FIGURE_RULES | TEXT_RULES, sorted(codes - FIGURE_RULES - TEXT_RULES)
    assert not FIGURE_RULES & TEXT_RULES


def _document(text: str, format: str = "markdown"):
    plan = DEFAULT_CONFIG.plan(installed_rules().rules)
    return analyse(read_source(text, format), date=None, config=DEFAULT_CONFIG,
                   rule_settings=plan.settings_by_code)


def _all_rules_findings(document) -> list[tuple[str, Finding]]:
    found = []
    for rule in BUILTIN:
        found += [(rule.code, f) for f in rule().check(document, rule.default_settings())]
    return found


@pytest.mark.parametrize("text", FIGURE_FREE)
def test_a_figure_rule_called_on_a_figure_free_document_finds_nothing(text: str) -> None:
    for format in ("markdown", "html", "text"):
        document = _document(text, format)
        assert document.mentions == ()
        assert _all_rules_findings(document) == []


_PIECES = st.sampled_from([
    *"abcdefghijklmnopqrstuvwxyzéèàçôœ ABCDEFGHIJKLMNOPQRSTUVWXYZ,.;:!?()«»%€$£/-*#<>\n",
    "\u00a0", "\u202f", "’", " km ", " milliards ", " euros ", " soit ", " dont ",
    " contre ", " environ ", "<!-- numlint-disable -->", "https://"])


@given(st.lists(_PIECES, max_size=60).map("".join), st.sampled_from(["markdown", "text"]))
def test_on_any_text_without_a_figure_the_figure_rules_find_nothing(text: str,
                                                                     format: str) -> None:
    document = _document(text, format)
    assume(not document.mentions)
    assert _all_rules_findings(document) == []


def test_a_figure_free_document_calls_no_figure_rule(monkeypatch) -> None:
    called: list[str] = []
    for rule in BUILTIN:
        original = rule.check
        monkeypatch.setattr(rule, "check", lambda self, document, settings, _o=original,
                            _c=rule.code: called.append(_c) or _o(self, document, settings))
    rules = DEFAULT_CONFIG.resolve(installed_rules().rules)
    assert list(run_rules(_document("Aucun chiffre ici."), rules)) == []
    assert called == [rule.code for rule, _ in rules if rule.code in TEXT_RULES]
    list(run_rules(_document("Il a payé 12 euros."), rules))
    assert set(called) >= {rule.code for rule, _ in rules}


class _EmptyNotice(Rule):
    code, name, severity = "XE101", "empty-notice", "warning"
    summary, explanation = "Reports a text without figures.", "A plugin for the engine's tests."

    def check(self, document, settings):
        if not document.mentions:
            yield Finding(0, len(document.text), "no figure at all")


def test_a_plugin_rule_is_still_called_on_a_figure_free_document(monkeypatch) -> None:
    from numlint.rules import registry

    real = registry.installed_rules()
    monkeypatch.setattr(registry, "_installed", registry.Registry((*real.rules, _EmptyNotice)))
    config = Config.from_mapping({"extend-select": ["XE101"]})
    for text in ("", "Aucun chiffre ici."):
        assert [d.code for d in numlint.check(text, config=config)] == ["XE101"]
    assert numlint.check("Il a payé 12 euros.", config=config) == []


def test_the_rule_plan_is_worked_out_once_per_configuration() -> None:
    rules = installed_rules().rules
    config = Config.from_mapping({"ignore": ["NL105"]})
    assert config.plan(rules) is config.plan(rules)
    assert "NL105" not in config.plan(rules).codes
    settings = dict(config.plan(rules).settings_by_code)
    with pytest.raises(TypeError):  # shared by every check: read-only
        settings["NL101"]["factor"] = 1  # type: ignore[index]
    assert DEFAULT_CONFIG.plan(rules) is DEFAULT_CONFIG.plan(rules)


# -- plugins' worker threads (numlint.deadline) ---------------------------------------------

def _plugin_workers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "numlint-plugin-rules"]


def test_a_plugin_call_reuses_its_thread_worker_instead_of_starting_one() -> None:
    run_in_thread(lambda: None, 5.0)
    before = len(_plugin_workers())
    served = [run_in_thread(threading.current_thread, 5.0).value for _ in range(20)]
    assert len({id(thread) for thread in served}) == 1  # all kept alive: no id reused
    assert served[0] is not threading.current_thread()
    assert len(_plugin_workers()) == before


def test_an_overrun_abandons_the_worker_and_the_next_call_gets_a_new_one() -> None:
    release = threading.Event()
    first = run_in_thread(threading.get_ident, 5.0).value
    stuck = run_in_thread(lambda: release.wait(10), 0.05)
    assert stuck.overran and stuck.value is None
    after = run_in_thread(threading.get_ident, 5.0).value
    assert after != first
    abandoned = [t for t in _plugin_workers() if t.ident == first]
    release.set()
    for thread in abandoned:
        thread.join(10)  # it ends once its call returns, never served again
        assert not thread.is_alive()


def test_errors_and_interrupts_are_carried_back_to_the_caller() -> None:
    def fails() -> None:
        raise ValueError("boom")

    def interrupted() -> None:
        raise KeyboardInterrupt

    assert isinstance(run_in_thread(fails, 5.0).error, ValueError)
    assert isinstance(run_in_thread(interrupted, 5.0).error, KeyboardInterrupt)
    assert run_in_thread(lambda: 7, 5.0).value == 7  # the same worker goes on serving


def test_a_worker_serves_one_thread_so_concurrent_checks_stay_concurrent() -> None:
    started = threading.Barrier(2, timeout=10)
    results: list[bool] = []

    def both_running() -> bool:
        started.wait()  # only passes when the other thread's call runs at the same time
        return True

    threads = [threading.Thread(target=lambda: results.append(
        run_in_thread(both_running, 10.0).value)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert results == [True, True]


def test_a_worker_ends_once_the_thread_it_serves_has_ended(monkeypatch) -> None:
    monkeypatch.setattr(deadline, "_IDLE_CHECK_SECONDS", 0.05)
    served: list[int] = []
    caller = threading.Thread(target=lambda: served.append(
        run_in_thread(threading.get_ident, 5.0).value))
    caller.start()
    caller.join(10)
    [worker] = [t for t in _plugin_workers() if t.ident == served[0]]
    worker.join(10)
    assert not worker.is_alive()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork (POSIX)")
def test_a_forked_child_runs_plugin_rules_after_its_parent_did() -> None:
    """The parent's worker does not exist in the child: the child starts its own."""
    code = textwrap.dedent("""
        import os
        from numlint.deadline import run_in_thread
        parent = run_in_thread(os.getpid, 5.0).value
        pid = os.fork()
        if pid == 0:
            child = run_in_thread(os.getpid, 5.0)
            os._exit(0 if child.value == os.getpid() != parent else 1)
        _, status = os.waitpid(pid, 0)
        print(os.waitstatus_to_exitcode(status))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "0"


def test_a_configuration_pickles_without_what_checks_derived_from_it() -> None:
    import pickle

    config = Config.from_mapping({"ignore": ["NL105"], "currencies": {"dollars": "CAD"}})
    numlint.check("Il a payé 12 dollars (11 euros).", config=config)  # plan, scanner kept
    numlint.check("Il a payé 12 dollars (11 euros).")
    for original in (config, DEFAULT_CONFIG):
        data = pickle.dumps(original)
        assert len(data) < 4_000  # the fields only: no scanner, no rule plan
        copy = pickle.loads(data)
        assert copy == original
        assert copy.plan(installed_rules().rules).codes == original.plan(
            installed_rules().rules).codes


# -- a configuration given as a mapping: read once per content ------------------------------

def test_the_same_mapping_gives_the_same_configuration_and_plan() -> None:
    from numlint.config import as_config

    mapping = {"ignore": ["NL105"], "rules": {"NL101": {"factor": 5}}}
    first = as_config(mapping)
    assert as_config(mapping) is first
    assert as_config({"rules": {"NL101": {"factor": 5}}, "ignore": ["NL105"]}) is first
    assert as_config({"ignore": ["NL105"], "rules": {"NL101": {"factor": 5.0}}}) is not first
    assert as_config({"ignore": "NL105", "rules": {"NL101": {"factor": 5}}}) is not first


def test_a_mapping_changed_by_its_caller_is_read_again() -> None:
    from numlint.config import as_config

    mapping = {"rules": {"NL101": {"factor": 5}}}
    first = as_config(mapping)
    mapping["rules"]["NL101"]["factor"] = 50  # nested: the kept configuration has a copy
    second = as_config(mapping)
    assert second is not first
    assert first.rules["NL101"]["factor"] == 5 and second.rules["NL101"]["factor"] == 50
    text = "un vol à 10 000 mètres (33 pieds)"  # ×1 000 off: a slip at factor 5, not 50
    assert "NL101" in [d.code for d in numlint.check(text, format="text", config=mapping)]
    mapping["ignore"] = ["NL101"]
    assert "NL101" not in [d.code for d in numlint.check(text, format="text", config=mapping)]


def test_a_bad_mapping_is_refused_at_every_call() -> None:
    from numlint.config import ConfigError

    for _ in range(2):
        with pytest.raises(ConfigError, match="unknown rule code"):
            numlint.check("", config={"select": ["XX1"]})


def test_a_relative_rates_file_is_found_again_from_another_folder(tmp_path, monkeypatch) -> None:
    from numlint.config import ConfigError, as_config

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "eurofxref.csv").write_text(
        "Date,USD,JPY,\n2025-02-11,1.0324,158.00,\n", encoding="utf-8")
    mapping = {"rates": "eurofxref.csv"}
    monkeypatch.chdir(tmp_path / "a")
    assert as_config(mapping).rates == str(tmp_path / "a" / "eurofxref.csv")
    monkeypatch.chdir(tmp_path / "b")
    with pytest.raises(ConfigError, match=r"eurofxref\.csv"):
        as_config(mapping)


def test_a_mapping_with_values_that_cannot_be_compared_is_read_every_time() -> None:
    from numlint.config import as_config

    nan = {"rules": {"NL102": {"about_tolerance": float("nan")}}}
    for _ in range(2):
        with pytest.raises(ConfigError, match="about_tolerance"):
            as_config(nan)
    odd = {"ignore": ("NL105",), "lang": "fr"}
    assert as_config(odd).ignore == ("NL105",)
