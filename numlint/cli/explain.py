"""``numlint explain CODE``: a rule's documentation, from the rule itself."""

from __future__ import annotations

import argparse
import json
import textwrap
from typing import Any, TextIO

from ..rules.api import Example, Rule
from ..rules.registry import CODE_FORMAT, installed_rules
from ..testing.cases import parse_marked
from .errors import EXIT_CLEAN, UsageError
from .rules import describe


def find_rule(code_or_name: str) -> type[Rule]:
    registry = installed_rules()
    wanted = code_or_name.strip()
    rule = registry.find(wanted.upper() if CODE_FORMAT.match(wanted.upper()) else wanted)
    if rule is None:
        raise UsageError(f"explain: unknown rule {code_or_name!r} (see numlint rules)")
    return rule


def run(args: argparse.Namespace, out: TextIO) -> int:
    rule = find_rule(args.rule)
    if args.output_format == "json":
        json.dump(as_json(rule), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write(as_text(rule))
    return EXIT_CLEAN


def as_text(rule: type[Rule]) -> str:
    default = "enabled" if rule.enabled_by_default else "disabled"
    parts = [
        f"# {rule.code} {rule.name}\n",
        f"Severity: {rule.severity}. {default.capitalize()} by default.\n",
        f"{rule.summary}\n",
        rule.explanation.strip() + "\n",
    ]
    if rule.settings:
        lines = ["## Settings\n"]
        for setting in rule.settings:
            lines.append(f"- `{setting.name}` ({setting.kind.__name__}, default "
                         f"{toml_literal(setting.default)}): {setting.description}")
        lines.append("\n```toml")
        lines.append(f"[tool.numlint.rules.{rule.code}]")
        lines += [f"{s.name} = {toml_literal(s.default)}" for s in rule.settings]
        lines.append("```\n")
        parts.append("\n".join(lines))
    if rule.examples:
        parts.append("## Examples\n\n" + "\n".join(_example(e) for e in rule.examples))
    return "\n".join(parts)


def _example(example: Example) -> str:
    marked = parse_marked(example.text)
    label = "Valid" if example.valid else "Invalid"
    facts = [example.format] if example.format != "text" else []
    if example.date:
        facts.append(f"dated {example.date.isoformat()}")
    lines = [f"{label}" + (f" ({', '.join(facts)})" if facts else "") + ":"]
    lines.append(textwrap.indent(marked.text.rstrip("\n"), "    "))
    for start, end in marked.spans:
        lines.append(f"  flags: “{marked.text[start:end]}”")
    if example.fixed is not None:
        lines.append("  fixed:")
        lines.append(textwrap.indent(example.fixed.rstrip("\n"), "    "))
    if example.note:
        lines.append(f"  note: {example.note}")
    return "\n".join(lines) + "\n"


def as_json(rule: type[Rule]) -> dict[str, Any]:
    return {
        **describe(rule),
        "explanation": rule.explanation,
        "settings": [
            {"name": s.name, "type": s.kind.__name__, "default": s.default,
             "description": s.description}
            for s in rule.settings
        ],
        "examples": [
            {"text": e.text, "valid": e.valid, "fixed": e.fixed,
             "date": e.date.isoformat() if e.date else None, "format": e.format,
             "note": e.note}
            for e in rule.examples
        ],
    }


def toml_literal(value: object) -> str:
    """A setting's default as it is written in ``numlint.toml`` (also for the rule pages)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return repr(value)
