"""``numlint rules``: every installed rule, built-in or plugin, and the plugins that failed."""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from ..i18n import DEFAULT_LANGUAGE, N_, translate
from ..rules.api import Rule
from ..rules.registry import installed_rules
from ..rules.texts import summary
from .errors import EXIT_CLEAN
from .language import command_language


def run(args: argparse.Namespace, out: TextIO) -> int:
    registry = installed_rules()
    lang = command_language(args)
    if args.output_format == "json":
        json.dump({
            "rules": [describe(rule, lang) for rule in registry.rules],
            "errors": [{"entry_point": e.entry_point, "reason": e.reason}
                       for e in registry.errors],
        }, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_CLEAN
    rows = [tuple(translate(h, lang) for h in _HEADERS)]
    rows += [
        (rule.code, rule.name, translate(_WORDS[rule.severity], lang),
         translate(_WORDS["enabled" if rule.enabled_by_default else "disabled"], lang),
         origin(rule), summary(rule, lang))
        for rule in registry.rules
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        out.write("  ".join([*cells, row[5]]).rstrip() + "\n")
    if registry.errors:
        out.write("\n" + translate(N_("Plugins that failed to load:"), lang) + "\n")
        for error in registry.errors:
            out.write(f"  {error.entry_point}: {load_error_reason(error, lang)}\n")
    return EXIT_CLEAN


def load_error_reason(error: object, lang: str) -> str:
    """A load error's reason in ``lang`` (a registry's own errors may only have ``reason``)."""
    localized = getattr(error, "localized", None)
    return localized(lang) if callable(localized) else str(getattr(error, "reason", error))


def origin(rule: type[Rule]) -> str:
    """``numlint`` for a built-in rule, else the top-level package of the plugin."""
    return rule.__module__.partition(".")[0]


_HEADERS = (N_("CODE"), N_("NAME"), N_("SEVERITY"), N_("DEFAULT"), N_("FROM"), N_("SUMMARY"))
_WORDS = {"error": N_("error"), "warning": N_("warning"), "info": N_("info"),
          "enabled": N_("enabled"), "disabled": N_("disabled")}


def describe(rule: type[Rule], lang: str = DEFAULT_LANGUAGE) -> dict[str, object]:
    """The rule's identity (stable identifiers) and its summary in ``lang``."""
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity,
        "enabled_by_default": bool(rule.enabled_by_default),
        "origin": origin(rule),
        "summary": summary(rule, lang),
    }
