"""Declarative case files (``*.numlint.toml``): reading and checking them.

A case file holds ``[[valid]]`` and ``[[invalid]]`` samples for one rule or several.
Top-level keys are defaults for every case of the file; a case may override them::

    rule = "NL101"
    date = 2025-02-11

    [[invalid]]
    name = "usd-eur-millions"
    text = "la somme de 97,4 milliards de dollars (près de {{95 millions d'euros}})"
    messages = ["1 000 fois plus"]
    fixed = "la somme de 97,4 milliards de dollars (près de 95 milliards d'euros)"

    [[valid]]
    text = "la somme de 97,4 milliards de dollars (près de 95 milliards d'euros)"

Everything is checked when the file is read, so that a typo (``fixd``, a valid sample
with marks, an unknown format) is an error naming the file and the case, not a case that
silently tests nothing. The pytest plugin turns each case into a test item.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, cast

from ..errors import NumlintError
from ..sources import Format
from .cases import CaseResult, check_case, parse_marked

FORMATS = ("text", "markdown", "html")
LANGUAGES = ("fr", "en")
KINDS = ("valid", "invalid")
CODE = re.compile(r"^[A-Z]{2,5}[0-9]{3}$")
NAME = re.compile(r"^[\w.-]+$")

DEFAULT_KEYS = frozenset({"rule", "format", "date", "lang", "config"})
"""Keys allowed at the top of a file, as defaults for its cases."""
COMMON_KEYS = DEFAULT_KEYS | {"name", "text", "note", "skip", "xfail"}
INVALID_KEYS = COMMON_KEYS | {"messages", "codes", "fixed", "safety", "fixable"}
KEYS = {"valid": COMMON_KEYS, "invalid": INVALID_KEYS}
_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*(valid|invalid)[ \t]*\]\]", re.MULTILINE)


class CaseFileError(NumlintError):
    """A case file that cannot be read; the message names the file and the case."""


@dataclass(frozen=True)
class Case:
    """One sample of a case file, with everything it expects."""

    id: str
    """``NL101-invalid-usd-eur-millions``, or ``NL101-invalid-2`` for an unnamed case."""
    kind: str
    rules: tuple[str, ...]
    text: str
    format: Format = "text"
    date: date | None = None
    lang: str = "fr"
    config: Mapping[str, Any] = field(default_factory=dict)
    messages: tuple[str, ...] = ()
    codes: tuple[str, ...] | None = None
    fixed: str | None = None
    safety: str | None = None
    fixable: bool | None = None
    note: str = ""
    skip: str | None = None
    xfail: str | None = None
    line: int | None = None
    """1-based line of the case's ``[[valid]]``/``[[invalid]]`` header, when known."""

    def run(self) -> CaseResult:
        return check_case(
            self.rules,
            self.text,
            fixed=self.fixed,
            format=self.format,
            date=self.date,
            config=self.config,
            messages=self.messages,
            lang=self.lang,
            codes=self.codes,
            safety=self.safety,
            fixable=self.fixable,
        )


def load_case_file(path: Path, label: str | None = None) -> list[Case]:
    """Read and check every case of a file; ``label`` names the file in errors."""
    shown = label or str(path)
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CaseFileError(f"{shown}: cannot be read: {error}") from None
    return parse_case_file(source, shown)


def parse_case_file(source: str, label: str = "<case file>") -> list[Case]:
    data = _toml(source, label)
    defaults = {key: data[key] for key in DEFAULT_KEYS if key in data}
    header_lines = _header_lines(source)
    cases: list[Case] = []
    counters: dict[tuple[tuple[str, ...], str], int] = {}
    for kind in KINDS:
        entries = _entries(data, kind, label)
        lines = header_lines[kind] if len(header_lines[kind]) == len(entries) else []
        for index, entry in enumerate(entries):
            line = lines[index] if lines else None
            try:
                cases.append(_case(kind, {**defaults, **entry}, line, counters))
            except CaseFileError as error:
                raise CaseFileError(f"{_where(label, kind, index, line, entry)}: {error}") \
                    from None
    _check_unique(cases, label)
    return sorted(cases, key=lambda c: (c.line or 0))


def _toml(source: str, label: str) -> dict[str, Any]:
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        raise CaseFileError(f"{label}: not valid TOML: {error}") from None
    unknown = sorted(set(data) - DEFAULT_KEYS - set(KINDS))
    if unknown:
        raise CaseFileError(
            f"{label}: unknown top-level key {unknown[0]!r} (defaults may be "
            f"{', '.join(sorted(DEFAULT_KEYS))}; cases go in [[valid]] and [[invalid]])"
        )
    return data


def _header_lines(source: str) -> dict[str, list[int]]:
    """The 1-based line of each ``[[valid]]``/``[[invalid]]`` header, by kind."""
    lines: dict[str, list[int]] = {kind: [] for kind in KINDS}
    for match in _HEADER.finditer(source):
        lines[match.group(1)].append(source.count("\n", 0, match.start()) + 1)
    return lines


def _entries(data: Mapping[str, Any], kind: str, label: str) -> list[dict[str, Any]]:
    entries = data.get(kind, [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise CaseFileError(f"{label}: {kind!r} must be a list of tables ([[{kind}]])")
    return entries


def _where(label: str, kind: str, index: int, line: int | None,
           entry: Mapping[str, Any]) -> str:
    where = f"{label}: {kind} case #{index + 1}" + (f" (line {line})" if line else "")
    if isinstance(entry.get("name"), str):
        where += f" {entry['name']!r}"
    return where


def _check_unique(cases: list[Case], label: str) -> None:
    seen: set[str] = set()
    for case in cases:
        if case.id in seen:
            raise CaseFileError(f"{label}: two cases are named {case.id!r}: give them "
                                "different names")
        seen.add(case.id)
    if not cases:
        raise CaseFileError(f"{label}: no case: add [[valid]] or [[invalid]] tables")


def _case(
    kind: str,
    entry: dict[str, Any],
    line: int | None,
    counters: dict[tuple[tuple[str, ...], str], int],
) -> Case:
    _check_keys(kind, entry)
    rules = _rules(entry.get("rule"))
    text = _required_string(entry, "text")
    spans = _marked_spans(kind, text)
    messages = entry.get("messages", ())
    return Case(
        id=_case_id(entry, rules, kind, counters),
        kind=kind,
        rules=rules,
        text=text,
        format=cast(Format, _choice(entry, "format", FORMATS, "text")),
        date=_date(entry.get("date")),
        lang=_choice(entry, "lang", LANGUAGES, "fr"),
        config=_config(entry),
        messages=(messages,) if isinstance(messages, str) else _strings(entry, "messages"),
        codes=_codes(entry, spans, rules),
        fixed=_string(entry, "fixed"),
        safety=_choice(entry, "safety", ("safe", "unsafe"), None),
        fixable=_fixable(entry),
        note=_string(entry, "note") or "",
        skip=_string(entry, "skip"),
        xfail=_string(entry, "xfail"),
        line=line,
    )


def _check_keys(kind: str, entry: Mapping[str, Any]) -> None:
    unknown = sorted(set(entry) - KEYS[kind])
    if not unknown:
        return
    hint = ""
    if kind == "valid" and unknown[0] in INVALID_KEYS:
        hint = " (a valid sample expects no finding)"
    raise CaseFileError(
        f"unknown key {unknown[0]!r}{hint}; {'an' if kind == 'invalid' else 'a'} {kind} "
        "case takes "
        f"{', '.join(sorted(KEYS[kind]))}"
    )


def _marked_spans(kind: str, text: str) -> int:
    """How many spans ``text`` marks with ``{{ }}``, checked against the case's kind."""
    try:
        marked = parse_marked(text)
    except ValueError as error:
        raise CaseFileError(f"'text': {error}") from None
    if kind == "valid" and marked.spans:
        raise CaseFileError("a valid sample must not mark a span with {{ }}")
    if kind == "invalid" and not marked.spans:
        raise CaseFileError("an invalid sample must mark each expected finding with {{ }}")
    return len(marked.spans)


def _codes(entry: Mapping[str, Any], spans: int,
           rules: tuple[str, ...]) -> tuple[str, ...] | None:
    if "codes" not in entry:
        return None
    codes = _strings(entry, "codes")
    if len(codes) != spans:
        raise CaseFileError(f"'codes' lists {len(codes)} code(s) for {spans} marked span(s)")
    stray = [c for c in codes if c not in rules]
    if stray:
        raise CaseFileError(f"'codes': {stray[0]} is not among the rules run "
                            f"({', '.join(rules)})")
    return codes


def _case_id(entry: Mapping[str, Any], rules: tuple[str, ...], kind: str,
             counters: dict[tuple[tuple[str, ...], str], int]) -> str:
    name = _string(entry, "name")
    if name is not None and not NAME.match(name):
        raise CaseFileError(f"'name' {name!r} may hold only letters, digits, '-', '_', '.'")
    key = (rules, kind)
    counters[key] = counters.get(key, 0) + 1
    return f"{'+'.join(rules)}-{kind}-{name or counters[key]}"


def _config(entry: Mapping[str, Any]) -> dict[str, Any]:
    config = entry.get("config", {})
    if not isinstance(config, dict):
        raise CaseFileError("'config' must be a table, like [tool.numlint]")
    if "select" in config:
        raise CaseFileError("'config' must not set 'select': the case's 'rule' chooses "
                            "the rules run")
    return config


def _fixable(entry: Mapping[str, Any]) -> bool | None:
    fixable = entry.get("fixable")
    if fixable is not None and not isinstance(fixable, bool):
        raise CaseFileError("'fixable' must be true or false")
    return fixable


def _rules(value: Any) -> tuple[str, ...]:
    if value is None:
        raise CaseFileError("no 'rule': give the code of the rule under test "
                            "(in the case, or at the top of the file)")
    rules = [value] if isinstance(value, str) else value
    if not isinstance(rules, list) or not rules or not all(isinstance(r, str) for r in rules):
        raise CaseFileError("'rule' must be a rule code or a list of codes")
    for rule in rules:
        if not CODE.match(rule):
            raise CaseFileError(f"'rule': {rule!r} is not a rule code like NL101")
    return tuple(rules)


def _string(entry: Mapping[str, Any], key: str, *, required: bool = False) -> str | None:
    value = entry.get(key)
    if value is None:
        if required:
            raise CaseFileError(f"no {key!r}")
        return None
    if not isinstance(value, str):
        raise CaseFileError(f"{key!r} must be a string, not {type(value).__name__}")
    return value


def _required_string(entry: Mapping[str, Any], key: str) -> str:
    value = _string(entry, key, required=True)
    assert value is not None  # required: _string raised otherwise
    return value


def _strings(entry: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CaseFileError(f"{key!r} must be a list of strings")
    return tuple(value)


def _choice(entry: Mapping[str, Any], key: str, allowed: tuple[str, ...],
            default: str | None) -> Any:
    value = entry.get(key, default)
    if value is not default and value not in allowed:
        raise CaseFileError(f"{key!r} must be one of {', '.join(allowed)}, not {value!r}")
    return value


def _date(value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        raise CaseFileError("'date' must be a date (2025-02-11), not a date and time")
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise CaseFileError(f"'date' must be a date like 2025-02-11, not {value!r}")
