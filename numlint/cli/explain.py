"""``numlint explain CODE``: a rule's documentation, from the rule itself."""

from __future__ import annotations

import argparse
import json
import textwrap
from typing import Any, TextIO

from ..evidence import show_date
from ..i18n import DEFAULT_LANGUAGE, N_, render, translate
from ..rules.api import Example, Rule
from ..rules.registry import CODE_FORMAT, installed_rules
from ..rules.texts import explanation, has_translation, summary
from ..testing.cases import parse_marked
from .errors import EXIT_CLEAN, UsageError
from .language import command_language
from .rules import describe


def find_rule(code_or_name: str) -> type[Rule]:
    registry = installed_rules()
    wanted = code_or_name.strip()
    rule = registry.find(wanted.upper() if CODE_FORMAT.match(wanted.upper()) else wanted)
    if rule is None:
        raise UsageError(N_("explain: unknown rule {rule} (see numlint rules)"),
                         {"rule": repr(code_or_name)})
    return rule


def run(args: argparse.Namespace, out: TextIO) -> int:
    rule = find_rule(args.rule)
    lang = command_language(args)
    if args.output_format == "json":
        json.dump(as_json(rule, lang), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write(as_text(rule, lang))
    return EXIT_CLEAN


def as_text(rule: type[Rule], lang: str = DEFAULT_LANGUAGE) -> str:
    default = N_("Enabled by default.") if rule.enabled_by_default else N_(
        "Disabled by default.")
    severity = translate(_SEVERITIES.get(rule.severity, rule.severity), lang)
    parts = [
        f"# {rule.code} {rule.name}\n",
        render(N_("Severity: {severity}."), {"severity": severity}, lang)
        + f" {translate(default, lang)}\n",
        f"{summary(rule, lang)}\n",
        explanation(rule, lang).strip() + "\n",
    ]
    if rule.settings:
        lines = [f"## {translate(N_('Settings'), lang)}\n"]
        for setting in rule.settings:
            lines.append(f"- `{setting.name}` " + render(
                N_("({kind}, default {default}): {description}"),
                {"kind": setting.kind.__name__, "default": toml_literal(setting.default),
                 "description": translate(setting.description, lang)}, lang))
        lines.append("\n```toml")
        lines.append(f"[tool.numlint.rules.{rule.code}]")
        lines += [f"{s.name} = {toml_literal(s.default)}" for s in rule.settings]
        lines.append("```\n")
        parts.append("\n".join(lines))
    if rule.examples:
        parts.append(f"## {translate(N_('Examples'), lang)}\n\n"
                     + "\n".join(_example(e, lang) for e in rule.examples))
    return "\n".join(parts)


_SEVERITIES = {"error": N_("error"), "warning": N_("warning"), "info": N_("info")}


def _example(example: Example, lang: str = DEFAULT_LANGUAGE) -> str:
    marked = parse_marked(example.text)
    label = translate(N_("Valid") if example.valid else N_("Invalid"), lang)
    facts = [example.format] if example.format != "text" else []
    if example.date:
        facts.append(render(N_("dated {date}"), {"date": show_date(example.date.isoformat(), lang)},
                            lang))
    lines = [f"{label}" + (f" ({', '.join(facts)})" if facts else "")
             + translate(N_(":"), lang)]
    lines.append(textwrap.indent(marked.text.rstrip("\n"), "    "))
    for start, end in marked.spans:
        lines.append("  " + render(N_("flags: “{span}”"), {"span": marked.text[start:end]},
                                   lang))
    if example.fixed is not None:
        lines.append("  " + translate(N_("fixed:"), lang))
        lines.append(textwrap.indent(example.fixed.rstrip("\n"), "    "))
    if example.note:
        lines.append("  " + render(N_("note: {note}"), {"note": translate(example.note, lang)},
                                   lang))
    return "\n".join(lines) + "\n"


def as_json(rule: type[Rule], lang: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
    """The rule's documentation; ``summary`` and ``explanation`` in ``lang`` (``lang``
    says which), every other field a stable identifier or value."""
    return {
        **describe(rule, lang),
        "lang": lang if has_translation(rule, lang) else "en",
        "explanation": explanation(rule, lang),
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
