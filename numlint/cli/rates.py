"""``numlint rates``: which ECB table is in force, or what a given rates file holds.

The text output is in the command's language; the JSON output is for programs and keeps
its English values (``chosen_by``, ``source``) whatever the language.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import TextIO

from ..config_files import ConfigFinder, display, load_config_file
from ..evidence import show_source
from ..i18n import N_, Phrase, render, show, translate
from ..rates import RateTable, embedded_table, load_ecb_file
from ..rules.registry import installed_rules
from .errors import EXIT_CLEAN
from .language import command_language

_LABELS = (N_("chosen by:"), N_("dates:"), N_("currencies:"))
_DAYS = (N_("{n} day"), N_("{n} days"))


def run(args: argparse.Namespace, out: TextIO) -> int:
    table, chosen_by = table_in_force(args)
    currencies = sorted(table.currencies)
    info = {
        "source": table.source,
        "chosen_by": show(chosen_by, "en"),
        "first_date": table.first_date.isoformat(),
        "last_date": table.last_date.isoformat(),
        "days": len(table),
        "currencies": currencies,
    }
    if args.output_format == "json":
        json.dump(info, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_CLEAN
    lang = command_language(args)
    labels = [translate(label, lang) for label in _LABELS]
    width = max(len(label) for label in labels) + 1
    values = (
        show(chosen_by, lang),
        render(N_("{first} to {last} ({days})"), {
            "first": info["first_date"], "last": info["last_date"],
            "days": _days(len(table), lang)}, lang),
        f"{len(table.currencies)} ({', '.join(currencies)})",
    )
    out.write(render(N_("Rates in force: {source}"),
                     {"source": show_source(table.source, lang)}, lang) + "\n")
    for label, value in zip(labels, values, strict=True):
        out.write(f"  {label:<{width}}{value}\n")
    return EXIT_CLEAN


def table_in_force(args: argparse.Namespace) -> tuple[RateTable, Phrase]:
    """``--rates``, else the ``rates`` of the configuration, else the embedded table; and
    what chose it, as a message."""
    if args.rates:
        return (load_ecb_file(os.path.abspath(args.rates)),
                Phrase(N_("--rates {path}"), {"path": args.rates}))
    config_path = Path(args.config) if args.config else ConfigFinder().find(Path.cwd())
    if config_path is not None:
        config_file = load_config_file(config_path, installed_rules().rules)
        if config_file.config.rates:
            return (load_ecb_file(config_file.config.rates),
                    Phrase(N_("rates = {path} in {config}"), {
                        "path": display(Path(config_file.config.rates)),
                        "config": display(config_file.path)}))
    return embedded_table(), Phrase(N_("default (embedded table)"))


def _days(number: int, lang: str) -> str:
    """``1 day``, ``6 712 days``: the count as the reader writes numbers (English keeps the
    bare digits it always printed)."""
    shown = str(number) if lang == "en" else show(number, lang)
    singular = number == 1 if lang == "en" else number in (0, 1)
    return translate(_DAYS[0] if singular else _DAYS[1], lang).format(n=shown)
