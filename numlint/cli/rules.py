"""``numlint rules``: every installed rule, built-in or plugin, and the plugins that failed."""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from ..rules.api import Rule
from ..rules.registry import installed_rules
from .errors import EXIT_CLEAN


def run(args: argparse.Namespace, out: TextIO) -> int:
    registry = installed_rules()
    if args.output_format == "json":
        json.dump({
            "rules": [describe(rule) for rule in registry.rules],
            "errors": [{"entry_point": e.entry_point, "reason": e.reason}
                       for e in registry.errors],
        }, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_CLEAN
    rows = [("CODE", "NAME", "SEVERITY", "DEFAULT", "FROM", "SUMMARY")]
    rows += [
        (rule.code, rule.name, rule.severity,
         "enabled" if rule.enabled_by_default else "disabled", origin(rule), rule.summary)
        for rule in registry.rules
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        out.write("  ".join([*cells, row[5]]).rstrip() + "\n")
    if registry.errors:
        out.write("\nPlugins that failed to load:\n")
        for error in registry.errors:
            out.write(f"  {error.entry_point}: {error.reason}\n")
    return EXIT_CLEAN


def origin(rule: type[Rule]) -> str:
    """``numlint`` for a built-in rule, else the top-level package of the plugin."""
    return rule.__module__.partition(".")[0]


def describe(rule: type[Rule]) -> dict[str, object]:
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity,
        "enabled_by_default": bool(rule.enabled_by_default),
        "origin": origin(rule),
        "summary": rule.summary,
    }
