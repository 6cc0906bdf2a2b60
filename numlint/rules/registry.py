"""Finding the rules: every class registered under the entry-point group ``numlint.rules``.

numlint's own rules are registered there too (see ``pyproject.toml``), so the plugin
path is the only path (read without ``importlib.metadata`` while no plugin is installed:
see :mod:`numlint.rules.registry_entry_points`). A plugin that cannot be loaded is not
fatal: it is reported, and the other rules run.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from ..i18n import DEFAULT_LANGUAGE, N_, Phrase, show
from ..records import Record
from .api import RULE_ATTRIBUTES, Rule
from .registry_entry_points import entry_points

ENTRY_POINT_GROUP = "numlint.rules"
CODE_FORMAT = re.compile(r"^[A-Z]{2,5}[0-9]{3}$")


class LoadError(Record):
    """A registered rule that could not be used, and why."""

    entry_point: str
    reason: str
    """Why, in English."""
    message: Phrase | None
    """Why, as a message numlint translates (None: ``reason`` as it is); not compared."""

    __slots__ = __match_args__ = ("entry_point", "reason", "message")

    def __init__(self, entry_point: str, reason: str, message: Phrase | None = None) -> None:
        object.__setattr__(self, "entry_point", entry_point)
        object.__setattr__(self, "reason", reason)
        object.__setattr__(self, "message", message)

    def _values(self) -> tuple[str, str]:
        return self.entry_point, self.reason

    def localized(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return show(self.message, lang) if self.message is not None else self.reason


class Registry(Record):
    rules: tuple[type[Rule], ...]
    errors: tuple[LoadError, ...]

    __slots__ = __match_args__ = ("rules", "errors")

    def __init__(self, rules: tuple[type[Rule], ...], errors: tuple[LoadError, ...] = ()) -> None:
        object.__setattr__(self, "rules", rules)
        object.__setattr__(self, "errors", errors)

    def find(self, code_or_name: str) -> type[Rule] | None:
        for rule in self.rules:
            if code_or_name in (rule.code, rule.name):
                return rule
        return None


_lock = threading.Lock()
_installed: Registry | None = None
_extended: ContextVar[Registry | None] = ContextVar("numlint_extended_rules", default=None)


def installed_rules() -> Registry:
    """The rules installed in this environment, loaded once per process (plus those
    :func:`with_rules` adds in the current context)."""
    extended = _extended.get()
    if extended is not None:
        return extended
    global _installed
    if _installed is None:
        with _lock:
            if _installed is None:
                _installed = load_rules()
    return _installed


@contextmanager
def with_rules(rules: Sequence[type[Rule]]) -> Iterator[Registry]:
    """Run with ``rules`` installed too, in this context only (threads and other tasks
    do not see them): a rule is testable before its plugin is installed. A given rule
    takes the place of an installed one with the same code."""
    for rule in rules:
        problem = validate_rule_class(rule)
        if problem is not None:
            raise TypeError(f"{rule!r} {problem}")
    given = {rule.code: rule for rule in rules}
    base = installed_rules()
    kept = [rule for rule in base.rules if rule.code not in given]
    registry = Registry(tuple(sorted([*kept, *given.values()], key=lambda r: r.code)),
                        base.errors)
    token = _extended.set(registry)
    try:
        yield registry
    finally:
        _extended.reset(token)


def load_rules() -> Registry:
    rules: dict[str, type[Rule]] = {}
    errors: list[LoadError] = []
    # numlint's own rules first: a plugin that claims one of their codes is the one refused
    ordered = sorted(entry_points(group=ENTRY_POINT_GROUP),
                     key=lambda e: (not _is_builtin(e), e.name, e.value))
    for entry_point in ordered:
        label = f"{entry_point.name} = {entry_point.value}"
        try:
            loaded = entry_point.load()
        except Exception as error:
            errors.append(_load_error(label, Phrase(N_("cannot be imported: {error}"),
                                                    {"error": repr(error)})))
            continue
        problem = rule_class_problem(loaded)
        if problem is None and loaded.code in rules and rules[loaded.code] is not loaded:
            owner = rules[loaded.code]
            problem = Phrase(N_("code {code} is already used by {owner}; this plugin's rule "
                                "was not loaded"),
                             {"code": loaded.code,
                              "owner": f"{owner.__module__}.{owner.__name__}"})
        if problem is not None:
            errors.append(_load_error(label, problem))
            continue
        rules[loaded.code] = loaded
    return Registry(tuple(sorted(rules.values(), key=lambda r: r.code)), tuple(errors))


def _is_builtin(entry_point: Any) -> bool:
    distribution = getattr(entry_point, "dist", None)
    name = getattr(distribution, "name", None) if distribution is not None else None
    return entry_point.module.split(".", 1)[0] == "numlint" and name in (None, "numlint")


def _load_error(label: str, problem: Phrase) -> LoadError:
    return LoadError(label, show(problem, "en"), problem)


def validate_rule_class(candidate: object) -> str | None:
    """Why ``candidate`` is not a usable rule class (in English), or None if it is."""
    problem = rule_class_problem(candidate)
    return None if problem is None else show(problem, "en")


def rule_class_problem(candidate: object) -> Phrase | None:
    """Why ``candidate`` is not a usable rule class, as a message, or None if it is."""
    if not (isinstance(candidate, type) and issubclass(candidate, Rule)):
        return Phrase(N_("is not a subclass of numlint.rules.api.Rule"))
    missing = [name for name in RULE_ATTRIBUTES if not getattr(candidate, name, None)]
    if missing:
        return Phrase(N_("does not declare {names}"), {"names": ", ".join(missing)})
    if not CODE_FORMAT.match(candidate.code):
        return Phrase(N_("code {code} is not like NL101 (2-5 capitals, 3 digits)"),
                      {"code": repr(candidate.code)})
    if candidate.severity not in ("error", "warning", "info"):
        return Phrase(N_("severity {severity} is not error, warning or info"),
                      {"severity": repr(candidate.severity)})
    return None
