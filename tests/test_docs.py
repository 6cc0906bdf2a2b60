"""The documentation site: generated rule pages are current, the site builds strictly,
and the code the docs show does what the docs say."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from numlint.rules import registry as registry_module
from numlint.rules.registry import Registry, installed_rules, validate_rule_class
from numlint.testing.casefile import parse_case_file
from numlint.testing.cases import check_case

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "generate_rule_docs", ROOT / "tools" / "generate_rule_docs.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def code_blocks(page: str, language: str) -> list[str]:
    text = (DOCS / page).read_text(encoding="utf-8")
    return re.findall(rf"^```{language}\n(.*?)^```", text, flags=re.DOTALL | re.MULTILINE)


def test_generated_rule_pages_are_current() -> None:
    problems = load_generator().stale(ROOT)
    assert problems == [], "run: python tools/generate_rule_docs.py\n" + "\n".join(problems)


def test_every_builtin_rule_has_a_page_with_its_examples_and_settings() -> None:
    generator = load_generator()
    builtin = generator.builtin_rules()
    assert {"NL101", "NL102", "NL103", "NL104"} <= {rule.code for rule in builtin}
    index = (DOCS / "rules" / "index.md").read_text(encoding="utf-8")
    for rule in builtin:
        page = (DOCS / "rules" / f"{rule.code}.md").read_text(encoding="utf-8")
        assert page.count(f"# {rule.code} {rule.name}") == 1
        assert "## What it does" in page and "## Why it matters" in page
        assert page.count("**Reported**") == sum(not e.valid for e in rule.examples)
        assert page.count("**Not reported**") == sum(e.valid for e in rule.examples)
        for setting in rule.settings:
            assert f"| `{setting.name}` |" in page
        assert f"[{rule.code}]({rule.code}.md)" in index


def test_a_rule_page_shows_the_flagged_span_under_the_sample() -> None:
    page = (DOCS / "rules" / "NL101.md").read_text(encoding="utf-8")
    sample = "la somme de 97,4 milliards de dollars (près de 95 millions d'euros)"
    carets = " " * sample.index("95 millions") + "^" * len("95 millions d'euros")
    assert f"```text\n{sample}\n{carets}\n```" in page
    assert "[tool.numlint.rules.NL101]\nfactor = 3.0" in page


def test_the_site_builds_strictly(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs", reason="mkdocs is in the test extra: pip install -e '.[test]'")
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file",
         str(ROOT / "mkdocs.yml"), "--site-dir", str(site)],
        capture_output=True, text=True, timeout=300, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    for page in ("index.html", "writing-a-rule/index.html", "testing-a-rule/index.html",
                 "rules/index.html", "rules/NL101/index.html", "cli/index.html"):
        assert (site / page).is_file(), page
    nl101 = (site / "rules" / "NL101" / "index.html").read_text(encoding="utf-8")
    assert "conversion-magnitude" in nl101 and "Why it matters" in nl101


def test_the_case_file_example_of_the_docs_is_valid_and_passes() -> None:
    [example] = [block for block in code_blocks("testing-a-rule.md", "toml")
                 if "[[invalid]]" in block]
    cases = parse_case_file(example, "testing-a-rule.md")
    assert [case.id for case in cases] == [
        "NL101-invalid-usd-eur-millions",
        "NL101-invalid-markdown-front-matter",
        "NL101-valid-1",
        "NL101-valid-factor-setting",
    ]
    for case in cases:
        result = case.run()
        assert result.passed, result.report()


def test_the_rule_of_writing_a_rule_works(monkeypatch: pytest.MonkeyPatch) -> None:
    [source] = [block for block in code_blocks("writing-a-rule.md", "python")
                if "class RoundBillions(Rule)" in block]
    namespace: dict[str, object] = {}
    exec(compile(source, "writing-a-rule.md", "exec"), namespace)
    rule = namespace["RoundBillions"]
    assert validate_rule_class(rule) is None
    monkeypatch.setattr(registry_module, "_installed",
                        Registry((*installed_rules().rules, rule)))
    for example in rule.examples:  # type: ignore[attr-defined]
        result = check_case(rule.code, example.text)  # type: ignore[attr-defined]
        assert result.passed, result.report()


def test_the_docs_name_only_existing_modules_and_strategies() -> None:
    from numlint.testing import strategies

    text = (DOCS / "testing-a-rule.md").read_text(encoding="utf-8")
    for name in re.findall(r"^\| `(\w+)\(", text, flags=re.MULTILINE):
        assert hasattr(strategies, name), name
    for name in ("numbers", "currencies", "amounts", "in_sentences", "equivalences"):
        assert f"`{name}(" in text


# -- installation: every documented command works as written ---------------------------------

PAGES = sorted(DOCS.glob("*.md"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_the_docs_point_only_at_things_that_exist(page: Path) -> None:
    """No release tag, PyPI project or repository URL that does not exist (issue 11)."""
    text = page.read_text(encoding="utf-8")
    assert not re.search(r"rev:\s*v\d", text), "there is no release tag"
    assert "OWNER/" not in text, "a placeholder repository URL"
    assert not re.search(r"pip install (-U )?numlint\b", text), "numlint is not on PyPI"


def test_the_documented_hooks_are_valid_pre_commit_configuration() -> None:
    yaml = pytest.importorskip("yaml", reason="PyYAML comes with pre-commit (test extra)")
    blocks = [yaml.safe_load(block) for block in code_blocks("pre-commit.md", "yaml")]
    configs = [block for block in blocks if isinstance(block, dict) and "repos" in block]
    assert len(configs) == 2
    pinned, local = (config["repos"][0] for config in configs)
    assert re.fullmatch(r"[0-9a-f]{40}", pinned["rev"])
    assert pinned["hooks"] == [{"id": "numlint"}]
    [hook] = local["hooks"]
    published = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    for key in ("id", "name", "entry", "types_or", "require_serial"):
        assert hook[key] == published[key], key


def test_every_documented_check_option_exists() -> None:
    from numlint.cli.parser import build_parser

    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    options = set(re.findall(r"^\| `(--[a-z-]+)", text, flags=re.MULTILINE))
    assert "--no-respect-gitignore" in options
    check = build_parser()._subparsers._group_actions[0].choices["check"]  # type: ignore[union-attr]
    known = {flag for action in check._actions for flag in action.option_strings}
    assert options <= known, options - known


def _spaces(text: str) -> str:
    """No-break spaces as the plain spaces a page shows (the README types them so)."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")


@pytest.mark.parametrize("page", ["README.md", "docs/cli.md"])
def test_the_example_report_is_what_numlint_prints(page: str, capsys: pytest.CaptureFixture):
    """The text report of examples/article.md shown in the docs, line for line (French by
    default: the language the report speaks is the one the docs show)."""
    import os

    from numlint.cli import main

    text = (ROOT / page).read_text(encoding="utf-8")
    [block] = re.findall(r"^```text\n(examples/article\.md:.*?)^```", text,
                         flags=re.DOTALL | re.MULTILINE)
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        status = main(["check", "--no-respect-gitignore", "examples/article.md"])
    finally:
        os.chdir(cwd)
    out = capsys.readouterr().out
    assert status == 1
    shown = _spaces(block).splitlines()
    assert _spaces(out).splitlines()[:len(shown)] == shown
