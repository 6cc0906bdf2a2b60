"""numlint's pytest plugin, tested the way a rule author meets it: through pytest itself.

``pytester`` runs pytest in-process on generated files: a passing case file, a failing
one (its report), malformed ones (their collection errors), the ``numlint_check``
fixture, and the Hypothesis strategies in a generated test module.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

import pytest

from numlint.rules import registry as registry_module
from numlint.rules.api import Finding, Rule
from numlint.rules.registry import Registry, installed_rules
from numlint.testing.casefile import CaseFileError, parse_case_file
from numlint.testing.cases import check_case

pytest_plugins = ["pytester"]


@pytest.fixture(scope="module", autouse=True)
def _numlint_loaded_before_pytester() -> None:
    """Load numlint whole in this process first: an in-process pytester run forgets the
    modules it imported, and a half-forgotten numlint mixes two copies of its classes."""
    from numlint.testing.checker import Checker

    installed_rules()
    Checker().warm_up()

PASSING = """\
rule = "NL101"
date = 2025-02-11

[[invalid]]
name = "usd-eur-millions"
text = "la somme de 97,4 milliards de dollars (près de {{95 millions d'euros}})"
messages = ["1 000 fois plus"]
fixed = "la somme de 97,4 milliards de dollars (près de 95 milliards d'euros)"
safety = "unsafe"

[[invalid]]
format = "html"
text = "<p>La somme de <b>97,4 milliards</b> de dollars (près de {{95 millions d'euros}}).</p>"

[[valid]]
text = "la somme de 97,4 milliards de dollars (près de 95 milliards d'euros)"
"""

KNOWN_GAP = """
[[invalid]]
name = "known-gap"
text = "la somme de 97,4 milliards de dollars (près de {{95 millions d'euros}})"
fixed = "nothing like the fix"
xfail = "the fix is something else"

[[valid]]
name = "skipped"
text = "anything"
skip = "not today"
"""


def write_cases(pytester: pytest.Pytester, stem: str, content: str) -> None:
    """``stem.numlint.toml`` in pytester's folder (``makefile`` would drop ``.numlint``)."""
    pytester.path.joinpath(f"{stem}.numlint.toml").write_text(
        textwrap.dedent(content), encoding="utf-8"
    )


def test_the_plugin_is_registered_under_its_entry_point(pytestconfig) -> None:
    plugin = pytestconfig.pluginmanager.get_plugin("numlint")
    assert plugin is not None
    assert plugin.__name__ == "numlint.testing.pytest_plugin"


def test_importing_the_plugin_loads_nothing_heavy() -> None:
    code = (
        "import json, sys; import numlint.testing.pytest_plugin; "
        "print(json.dumps(sorted(sys.modules)))"
    )
    loaded = set(json.loads(subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout))
    heavy = {"pint", "babel", "regex", "hypothesis", "numlint.rules.registry",
             "numlint.mentions.scanner", "numlint.pipeline", "numlint.testing.cases"}
    assert not heavy & loaded, heavy & loaded
    assert "numlint.testing.pytest_plugin" in loaded


def test_a_passing_case_file_gives_one_item_per_case(pytester: pytest.Pytester) -> None:
    write_cases(pytester, "cases", PASSING + KNOWN_GAP)
    result = pytester.runpytest("-v")
    result.assert_outcomes(passed=3, xfailed=1, skipped=1)
    result.stdout.fnmatch_lines([
        "*cases.numlint.toml::NL101-invalid-usd-eur-millions PASSED*",
        "*cases.numlint.toml::NL101-invalid-2 PASSED*",
        "*cases.numlint.toml::NL101-valid-1 PASSED*",
        "*cases.numlint.toml::NL101-invalid-known-gap XFAIL*",
        "*cases.numlint.toml::NL101-valid-skipped SKIPPED*",
    ])


def test_a_failing_case_reports_sample_carets_and_fix_diff(pytester: pytest.Pytester) -> None:
    write_cases(pytester, "failing", """\
        rule = "NL101"
        date = 2025-02-11

        [[invalid]]
        name = "wrong-span-and-fix"
        note = "the mark misses the currency"
        text = "la somme de 97,4 milliards de dollars (près de {{95 millions}} d'euros)"
        fixed = "la somme de 97,4 milliards de dollars (près de 95 milliards d’euros)"
        messages = ["10 fois plus"]
        """)
    result = pytester.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        "*case NL101-invalid-wrong-span-and-fix*",
        "note: the mark misses the currency",
        "expected NL101 at 47-58 '95 millions', found NL101 at 47-66 \"95 millions d'euros\"",
        "message *does not contain '10 fois plus'",
        "the fixed text differs from the expected one",
        "sample (text, dated 2025-02-11, lang fr):",
        "  1 | la somme de 97,4 milliards de dollars (près de 95 millions d'euros)",
        "    |                                                ^^^^^^^^^^^ expected NL101",
        "    |                                                ^^^^^^^^^^^^^^^^^^^ found NL101",
        "diagnostics:",
        "  1:48-1:67 NL101 error: « 95 millions d'euros » ne peut pas être*",
        "      fix (unsafe): 50-58 -> 'milliards'",
        "fixed text (- expected, + actual):",
        "  - la somme de 97,4 milliards de dollars (près de 95 milliards d’euros)",
        "  + la somme de 97,4 milliards de dollars (près de 95 milliards d'euros)",
        "  first difference at line 1, column 62: expected '’' (U+2019 RIGHT SINGLE "
        "QUOTATION MARK), got \"'\" (U+0027 APOSTROPHE)",
    ])


def test_a_multiline_failure_puts_carets_under_the_right_line(pytester: pytest.Pytester) -> None:
    write_cases(pytester, "md", '''\
        rule = "NL103"
        format = "markdown"

        [[valid]]
        name = "restated"
        text = """La région a reçu 2,3 milliards d'euros.

        Mais ces 2,3 millions d'euros tardent.
        """
        ''')
    result = pytester.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        "expected no finding, found NL103 at 50-70 \"2,3 millions d'euros\"",
        "sample (markdown, lang fr):",
        "  1 | La région a reçu 2,3 milliards d'euros.",
        "  2 | ",
        "  3 | Mais ces 2,3 millions d'euros tardent.",
        "    |          ^^^^^^^^^^^^^^^^^^^^ found NL103",
    ])


def test_an_unknown_rule_fails_with_the_installed_rules(pytester: pytest.Pytester) -> None:
    write_cases(pytester, "plugin", """\
        [[valid]]
        rule = "ZZ999"
        text = "Rien à signaler."
        """)
    result = pytester.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        "the case cannot run: config: unknown rule code 'ZZ999'",
        "Is the plugin that provides ZZ999 installed? Installed rules: *NL101*",
    ])


@pytest.mark.parametrize(
    ("content", "error"),
    [
        ('rule = "NL101"\n[[invalid]]\ntext = "a {{b}}"\nfixd = "a c"\n',
         "invalid case #1 (line 2): unknown key 'fixd'; an invalid case takes codes, config"),
        ('rule = "NL101"\n[[valid]]\ntext = "x"\nfixed = "y"\n',
         "valid case #1 (line 2): unknown key 'fixed' (a valid sample expects no finding)"),
        ('rule = "NL101"\n[[valid]]\nname = "marks"\ntext = "a {{b}}"\n',
         "valid case #1 (line 2) 'marks': a valid sample must not mark a span"),
        ('rule = "NL101"\n[[invalid]]\ntext = "a b"\n',
         "invalid case #1 (line 2): an invalid sample must mark each expected finding"),
        ('rule = "NL101"\n[[invalid]]\ntext = "a {{b"\n',
         "invalid case #1 (line 2): 'text': unclosed {{ at 2"),
        ('rule = "NL101"\n[[invalid]]\ntext = "a b}}"\n',
         "invalid case #1 (line 2): 'text': }} without {{ at 3"),
        ('[[valid]]\ntext = "x"\n', "valid case #1 (line 1): no 'rule'"),
        ('rule = "NL101"\n[[valid]]\nname = "x"\n', "valid case #1 (line 2) 'x': no 'text'"),
        ('rule = "nl101"\n[[valid]]\ntext = "x"\n', "'rule': 'nl101' is not a rule code"),
        ('rule = "NL101"\nformat = "docx"\n[[valid]]\ntext = "x"\n',
         "'format' must be one of text, markdown, html, not 'docx'"),
        ('rule = "NL101"\ndate = "11/02/2025"\n[[valid]]\ntext = "x"\n',
         "'date' must be a date like 2025-02-11"),
        ('rule = "NL101"\ndate = 2025-02-11T10:00:00\n[[valid]]\ntext = "x"\n',
         "'date' must be a date (2025-02-11), not a date and time"),
        ('rule = ["NL101", "NL103"]\n[[invalid]]\ntext = "{{a}} {{b}}"\ncodes = ["NL101"]\n',
         "'codes' lists 1 code(s) for 2 marked span(s)"),
        ('rule = "NL101"\n[[invalid]]\ntext = "{{a}}"\ncodes = ["NL102"]\n',
         "'codes': NL102 is not among the rules run (NL101)"),
        ('rule = "NL101"\n[[valid]]\ntext = "x"\nconfig = { select = ["NL102"] }\n',
         "'config' must not set 'select'"),
        ('rule = "NL101"\n[[valid]]\nname = "a"\ntext = "x"\n[[valid]]\nname = "a"\ntext = "y"\n',
         "two cases are named 'NL101-valid-a'"),
        ('rule = "NL101"\n[[valid]]\nname = "a b"\ntext = "x"\n', "'name' 'a b' may hold only"),
        ('rule = "NL101"\nvalid = 3\n', "'valid' must be a list of tables ([[valid]])"),
        ('rule = "NL101"\nrules = "NL102"\n', "unknown top-level key 'rules'"),
        ('rule = "NL101"\n', "no case: add [[valid]] or [[invalid]] tables"),
        ('rule = "NL101"\n[[valid]\n', "not valid TOML"),
    ],
)
def test_malformed_case_files_are_rejected_with_the_file_and_case(content: str, error: str) -> None:
    with pytest.raises(CaseFileError) as raised:
        parse_case_file(content, "tests/cases/bad.numlint.toml")
    assert str(raised.value).startswith("tests/cases/bad.numlint.toml: ")
    assert error in str(raised.value)


def test_a_malformed_file_is_a_collection_error(pytester: pytest.Pytester) -> None:
    write_cases(pytester, "bad", """\
        rule = "NL101"

        [[valid]]
        text = "la somme de 97,4 milliards de dollars"

        [[invalid]]
        name = "typo"
        text = "la somme de {{95 millions d'euros}}"
        fixd = "la somme de 95 milliards d'euros"
        """)
    write_cases(pytester, "good", PASSING)
    result = pytester.runpytest("--continue-on-collection-errors")
    result.assert_outcomes(passed=3, errors=1)
    result.stdout.fnmatch_lines([
        "*ERROR collecting bad.numlint.toml*",
        "bad.numlint.toml: invalid case #1 (line 6) 'typo': unknown key 'fixd'; an invalid "
        "case takes codes, config, date, fixable, fixed, format, lang, messages, name, note, "
        "rule, safety, skip, text, xfail",
    ])
    assert "Traceback" not in result.stdout.str()


def test_other_toml_files_are_not_collected(pytester: pytest.Pytester) -> None:
    pytester.makefile(".toml", settings="[[valid]]\nnot = 'a case file'\n")
    result = pytester.runpytest()
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED


def test_the_fixture_runs_one_rule_all_rules_and_checks_samples(
    pytester: pytest.Pytester,
) -> None:
    pytester.makepyfile("""
        from datetime import date

        import pytest

        SLIP = "la somme de 97,4 milliards de dollars (près de 95 millions d'euros)"

        def test_one_rule(numlint_check):
            found = numlint_check(SLIP, rule="NL101", date=date(2025, 2, 11))
            assert [(d.code, d.start, d.end) for d in found] == [("NL101", 47, 66)]
            assert numlint_check(SLIP, rule="NL104", date=date(2025, 2, 11)) == []

        def test_all_rules_in_english(numlint_check):
            found = numlint_check(SLIP, date=date(2025, 2, 11), lang="en")
            assert "NL101" in {d.code for d in found}
            assert any("1,000 times more" in d.message for d in found)

        def test_markdown_and_config(numlint_check):
            text = "Le projet de 4,2 milliards d'euros (soit 42 milliards d'euros) est voté.\\n"
            assert numlint_check(text, rule="NL101", format="markdown")
            config = {"rules": {"NL101": {"factor": 20}}}
            assert numlint_check(text, rule="NL101", format="markdown", config=config) == []

        def test_fixed(numlint_check):
            assert numlint_check.fixed(SLIP, rule="NL101", date=date(2025, 2, 11)).endswith(
                "(près de 95 milliards d'euros)")
            assert numlint_check.fixed("Le billet coûte €20.", safe_only=True) == (
                "Le billet coûte 20\\u00a0€.")

        def test_expect_passes(numlint_check):
            result = numlint_check.expect(
                "la somme de 97,4 milliards de dollars (près de {{95 millions d'euros}})",
                rule="NL101", date=date(2025, 2, 11), messages=["1 000 fois plus"],
                fixed="la somme de 97,4 milliards de dollars (près de 95 milliards d'euros)")
            assert result.passed

        def test_expect_fails_with_the_report(numlint_check):
            numlint_check.expect("Le billet coûte {{€20}}.", rule="NL304",
                                 fixed="Le billet coûte 20 €.")

        def test_session_scoped(numlint_check, request):
            assert request.getfixturevalue("numlint_check") is numlint_check
    """)
    result = pytester.runpytest()
    result.assert_outcomes(passed=6, failed=1)
    result.stdout.fnmatch_lines([
        "*AssertionError: numlint case failed:*",
        "*the fixed text differs from the expected one*",
        "*first difference at line 1, column 19: expected ' ' (U+0020 SPACE), got '\\xa0'*",
    ])


class Crashing(Rule):
    code = "TST901"
    name = "crashing"
    severity = "warning"
    summary = "Divides by zero."
    explanation = "## What it does\n\nCrashes.\n\n## Why it matters\n\nTests.\n"

    def check(self, document: Any, settings: Mapping[str, Any]) -> Iterator[Finding]:
        yield Finding(0, 1, "never reported")
        _ = len(document.text) / 0


@pytest.fixture
def crashing_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    registry = Registry((*installed_rules().rules, Crashing))
    monkeypatch.setattr(registry_module, "_installed", registry)


@pytest.mark.usefixtures("crashing_rule")
def test_the_fixture_raises_the_rules_own_exception(numlint_check) -> None:
    with pytest.raises(ZeroDivisionError) as raised:
        numlint_check("Le budget atteint 3 millions d'euros.", rule="TST901")
    assert any(entry.name == "check" for entry in raised.traceback)
    found = numlint_check("Le budget atteint 3 millions d'euros.", rule="TST901",
                          raise_errors=False)
    assert [d.code for d in found] == ["NL000"]
    assert "ZeroDivisionError" in found[0].message


@pytest.mark.usefixtures("crashing_rule")
def test_a_case_of_a_crashing_rule_reports_the_internal_error() -> None:
    result = check_case("TST901", "Le budget atteint {{3 millions d'euros}}.")
    assert not result.passed
    assert any(p.startswith("internal error: ") and "ZeroDivisionError" in p
               for p in result.problems)
    assert "found" not in result.report().split("sample")[1].split("diagnostics")[0]


def test_strategies_in_a_generated_test_module(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(textwrap.dedent("""
        from hypothesis import given, settings

        import numlint
        from numlint.testing.strategies import amounts, equivalences, in_sentences

        @settings(max_examples=15)
        @given(equivalences(slip=True))
        def test_a_scale_slip_is_caught(numlint_check, sample):
            found = numlint_check(sample.text, rule="NL101", date=sample.date)
            assert [(d.start, d.end) for d in found] == [sample.span]

        @settings(max_examples=15)
        @given(in_sentences(amounts()))
        def test_amounts_are_read_back(amount):
            [mention] = [m for m in numlint.mentions(amount.text) if m.span == amount.span]
            assert (mention.value, mention.currency) == (amount.value, amount.currency)
    """))
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2)


def test_the_plugin_can_be_turned_off(pytester: pytest.Pytester) -> None:
    write_cases(pytester, "cases", PASSING)
    pytester.makepyfile("def test_uses_fixture(numlint_check):\n    pass\n")
    result = pytester.runpytest("-p", "no:numlint")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*fixture 'numlint_check' not found*"])


# -- a rule class given to the fixture, before any plugin installs it --------------------

class _EveryEuroAmount(Rule):
    """A plugin rule written against numlint.rules.api only, and never installed."""

    code = "EX901"
    name = "every-euro-amount"
    severity = "info"
    summary = "Reports every amount in euros."
    explanation = "Reports every amount in euros (a test rule)."

    def check(self, document, settings):
        from numlint.rules.api import N_

        for mention in document.mentions:
            if mention.currency == "EUR":
                yield Finding(mention.start, mention.end, N_("An amount in euros"))


def test_the_fixture_runs_a_rule_class_that_is_not_installed(numlint_check) -> None:
    assert installed_rules().find("EX901") is None
    found = numlint_check("Le budget atteint 3 millions d'euros et 12 km.", rule=_EveryEuroAmount)
    assert [(d.code, d.message) for d in found] == [("EX901", "An amount in euros")]
    numlint_check.expect("Il coûte {{3 millions d'euros}}, pas 12 km.", rule=_EveryEuroAmount)
    # alongside an installed rule, by code
    mixed = numlint_check("la somme de 97,4 milliards de dollars (près de 95 millions d'euros)",
                          rule=[_EveryEuroAmount, "NL101"], date=date(2025, 2, 11))
    assert sorted(d.code for d in mixed) == ["EX901", "NL101"]
    assert installed_rules().find("EX901") is None  # only while the check ran


def test_the_fixture_refuses_a_class_that_is_not_a_rule(numlint_check) -> None:
    class NoCode(Rule):
        name = "no-code"

    with pytest.raises(TypeError, match="does not declare"):
        numlint_check("3 millions d'euros", rule=NoCode)
