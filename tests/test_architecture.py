"""The seams of the package, checked: what a rule may import, the exception root, the
plugin API's names, static types (mypy) and the complexity of functions (radon).

See ARCHITECTURE.md for why each seam is where it is.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import sys
import tomllib
from pathlib import Path

import pytest

import numlint
from numlint.rules import api

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "numlint"
API = "numlint.rules.api"

RULE_ENTRY_POINTS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
    "project"]["entry-points"]["numlint.rules"]
SUPPRESSIONS = "numlint.suppressions"
"""NL001's class lives with the suppression filter it reports for: its findings come from
the pipeline's last step, not from :meth:`Rule.check`, so it is engine, not a rule."""


def _module_file(module: str) -> Path:
    return ROOT.joinpath(*module.split(".")).with_suffix(".py")


def _imports(module: str) -> list[tuple[str, int]]:
    """Absolute names of the modules ``module`` imports (at any depth of its code)."""
    tree = ast.parse(_module_file(module).read_text(encoding="utf-8"))
    package = module.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                name = f"{base}.{node.module}" if node.module else base
            else:
                name = node.module or ""
            found.append((name, node.lineno))
    return found


def _rule_modules() -> list[str]:
    modules = sorted({value.split(":")[0] for value in RULE_ENTRY_POINTS.values()})
    assert SUPPRESSIONS in modules
    return [m for m in modules if m != SUPPRESSIONS]


def _allowed(name: str) -> bool:
    top = name.split(".")[0]
    return name == API or (top != "numlint" and top in sys.stdlib_module_names)


def test_every_built_in_rule_imports_only_the_plugin_api() -> None:
    """A plugin can do whatever a built-in rule does: they import the same module. A
    rule's own helper module in ``numlint/rules`` (shared by two rules) obeys the same
    rule, so what it uses is in the API too."""
    modules = _rule_modules()
    assert len(modules) >= 17
    seen, pending, problems = set(), list(modules), []
    while pending:
        module = pending.pop()
        if module in seen:
            continue
        seen.add(module)
        for name, line in _imports(module):
            if _allowed(name):
                continue
            if name.startswith("numlint.rules.") and _module_file(name).exists() and (
                name not in modules
            ):
                pending.append(name)  # a helper of the rules: checked the same way
                continue
            problems.append(f"{module}:{line} imports {name}")
    assert problems == []


def test_a_rule_does_not_import_another_rule() -> None:
    modules = set(_rule_modules())
    problems = [f"{module} imports {name}" for module in sorted(modules)
                for name, _ in _imports(module) if name in modules]
    assert problems == []


def test_the_import_check_sees_a_forbidden_import(tmp_path: Path) -> None:
    """The check above would catch a rule reaching into numlint's internals."""
    assert not _allowed("numlint.assessment")
    assert not _allowed("numlint.rules.registry")
    assert not _allowed("regex")  # a third-party package is not the API either
    assert _allowed(API) and _allowed("decimal") and _allowed("collections.abc")


def test_every_name_of_the_plugin_api_resolves() -> None:
    for name in api.__all__:
        assert getattr(api, name) is not None, name
    assert api.assess is importlib.import_module("numlint.assessment").assess
    assert api.COARSE_SOURCE == importlib.import_module("numlint.rates.coarse").SOURCE
    with pytest.raises(AttributeError):
        api.not_a_name  # noqa: B018


def test_the_plugin_api_is_documented_name_by_name() -> None:
    """Its docstring names every name it exports, so a rule author finds them there."""
    doc = api.__doc__ or ""
    missing = [name for name in api.__all__
               if name != "RULE_ATTRIBUTES" and f"`{name}`" not in doc]
    assert missing == []


def test_every_error_numlint_raises_about_its_input_has_one_root() -> None:
    """Each exception class of numlint that is a ValueError (what the caller gave cannot
    be used) derives from numlint.NumlintError, so ``except NumlintError`` catches them."""
    outside = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        if module.endswith("__main__"):
            continue
        try:
            loaded = importlib.import_module(module)
        except ImportError:  # an optional face whose packages are not installed
            assert module.split(".")[1] in ("lsp", "serve", "audit", "batch"), module
            continue
        for _, value in inspect.getmembers(loaded, inspect.isclass):
            if (value.__module__ == module and issubclass(value, ValueError)
                    and not issubclass(value, numlint.NumlintError)):
                outside.append(f"{module}.{value.__name__}")
    assert outside == []


DEPRECATED_MENTION_ALIASES = sorted(
    name for name, value in vars(numlint.Mention).items()
    if isinstance(value, property) and (value.__doc__ or "").startswith("Deprecated:")
)
"""The flat names of a mention's written pieces (``number_text``, ``scale_span``,
``hedge``…), kept as read-only properties for plugins written against them."""
OWN_CODE = ("numlint", "tests", "benchmarks", "tools", "examples")
ALIAS_TESTS = "# parts-codemod: skip-file"
"""The mark of the one test module that reads the aliases on purpose."""


def _alias_reads(path: Path) -> list[str]:
    """``file:line: .name`` for each read of a deprecated alias in a module of ours."""
    source = path.read_text(encoding="utf-8")
    if ALIAS_TESTS in source or path == PACKAGE / "mentions" / "model.py":
        return []
    return [f"{path.relative_to(ROOT)}:{line}: .{name}" for line, name in _alias_names(source)]


def _alias_names(source: str) -> list[tuple[int, str]]:
    return [(node.lineno, node.attr) for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Attribute) and node.attr in DEPRECATED_MENTION_ALIASES
            and not (isinstance(node.value, ast.Name) and node.value.id == "self")]


def test_numlint_reads_the_parts_of_a_mention_not_its_deprecated_aliases() -> None:
    """A mention's written pieces are :class:`Part` values (``mention.number.text``,
    ``mention.scale.span``); the flat names stay for third-party rules only. numlint's own
    code (package, tests, benchmarks, tools, examples) reads the parts, so the aliases can
    go one day (``self.hedge`` is another class's field: ``Assessment.hedge``)."""
    assert {"number_text", "scale_span", "unit_text", "hedge", "per_span"} <= set(
        DEPRECATED_MENTION_ALIASES)
    reads = [read for folder in OWN_CODE for path in sorted((ROOT / folder).rglob("*.py"))
             for read in _alias_reads(path)]
    assert reads == []


def test_the_alias_check_sees_an_alias_read() -> None:
    """The check above would catch code still reading ``mention.unit_text``."""
    source = "def f(mention):\n    return mention.unit_text, self.hedge, mention.number.text\n"
    assert _alias_names(source) == [(2, "unit_text")]
