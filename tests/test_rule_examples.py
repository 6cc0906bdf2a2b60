"""Every built-in rule's documented examples hold: they are its documentation and its tests."""

from __future__ import annotations

import pytest

from numlint.rules.registry import installed_rules
from numlint.testing.cases import check_case, parse_marked

BUILTIN = [rule for rule in installed_rules().rules if rule.__module__.startswith("numlint.")]
EXAMPLES = [
    pytest.param(rule, example, id=f"{rule.code}-{'valid' if example.valid else 'invalid'}-{i}")
    for rule in BUILTIN
    for i, example in enumerate(rule.examples)
]


def test_builtin_rules_are_registered_through_entry_points() -> None:
    codes = {rule.code for rule in BUILTIN}
    assert {"NL101", "NL102", "NL103", "NL104"} <= codes
    assert not installed_rules().errors


@pytest.mark.parametrize(("rule", "example"), EXAMPLES)
def test_example(rule, example) -> None:
    marked = parse_marked(example.text)
    assert bool(marked.spans) != example.valid, "an invalid example must mark its finding"
    result = check_case(
        rule.code, example.text, fixed=example.fixed, format=example.format, date=example.date
    )
    assert result.passed, "; ".join(result.problems)


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda r: r.code)
def test_rule_documents_itself(rule) -> None:
    assert rule.summary.endswith(".")
    assert "## What it does" in rule.explanation
    assert "## Why it matters" in rule.explanation
    assert any(e.valid for e in rule.examples)
    assert any(not e.valid for e in rule.examples)


def test_parse_marked_reports_offsets_of_the_clean_text() -> None:
    marked = parse_marked("a {{b}} c {{dd}}")
    assert marked.text == "a b c dd"
    assert [marked.text[s:e] for s, e in marked.spans] == ["b", "dd"]
