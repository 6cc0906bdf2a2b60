"""``numlint rates``: which ECB table is in force, or what a given rates file holds."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import TextIO

from ..config_files import ConfigFinder, display, load_config_file
from ..rates import RateTable, embedded_table, load_ecb_file
from ..rules.registry import installed_rules
from .errors import EXIT_CLEAN


def run(args: argparse.Namespace, out: TextIO) -> int:
    table, chosen_by = table_in_force(args)
    info = {
        "source": table.source,
        "chosen_by": chosen_by,
        "first_date": table.first_date.isoformat(),
        "last_date": table.last_date.isoformat(),
        "days": len(table),
        "currencies": sorted(table.currencies),
    }
    if args.output_format == "json":
        json.dump(info, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_CLEAN
    out.write(
        f"Rates in force: {info['source']}\n"
        f"  chosen by:  {chosen_by}\n"
        f"  dates:      {info['first_date']} to {info['last_date']} ({_days(len(table))})\n"
        f"  currencies: {len(table.currencies)} ({', '.join(info['currencies'])})\n"
    )
    return EXIT_CLEAN


def table_in_force(args: argparse.Namespace) -> tuple[RateTable, str]:
    """``--rates``, else the ``rates`` of the configuration, else the embedded table."""
    if args.rates:
        return load_ecb_file(os.path.abspath(args.rates)), f"--rates {args.rates}"
    config_path = Path(args.config) if args.config else ConfigFinder().find(Path.cwd())
    if config_path is not None:
        config_file = load_config_file(config_path, installed_rules().rules)
        if config_file.config.rates:
            return (load_ecb_file(config_file.config.rates),
                    f"rates = {display(Path(config_file.config.rates))} in "
                    f"{display(config_file.path)}")
    return embedded_table(), "default (embedded table)"


def _days(number: int) -> str:
    return f"{number} day" if number == 1 else f"{number} days"
