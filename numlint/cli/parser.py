"""The command line: ``numlint check|explain|rules|rates``, parsed with argparse.

argparse's own errors (usage text, then exit 2) are turned into :class:`UsageError`, so
that every error of numlint is one line on stderr and ``main()`` returns instead of
exiting.
"""

from __future__ import annotations

import argparse
import re
from datetime import date
from typing import NoReturn

from .. import __version__
from ..diagnostics import SEVERITIES
from ..i18n import LANGUAGES
from ..reports import FORMATS as OUTPUT_FORMATS
from ..sources import FORMATS as INPUT_FORMATS
from .errors import UsageError

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        command = self.prog.removeprefix("numlint").strip()
        where = f"{command}: " if command else ""
        raise UsageError(f"{where}{message} (see numlint {command + ' ' if command else ''}--help)")


def iso_date(text: str) -> date:
    if not _DATE.match(text):
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, not {text!r}")
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a valid date: {error}") from None


def code_list(text: str) -> list[str]:
    """``NL101,NL2`` -> ``["NL101", "NL2"]`` (codes, code prefixes or rule names)."""
    codes = [part.strip() for part in text.split(",") if part.strip()]
    if not codes:
        raise argparse.ArgumentTypeError("expected comma-separated rule codes")
    return codes


def build_parser() -> Parser:
    parser = Parser(
        prog="numlint",
        description="Numeric-consistency linter for French editorial text.",
        epilog="Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage, "
        "configuration or input error.",
    )
    parser.add_argument("--version", action="version", version=f"numlint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    _check(commands)
    _explain(commands)
    _rules(commands)
    _rates(commands)
    from ..audit.command import add_parser as add_audit
    from ..lsp.command import add_parser as add_lsp
    from ..serve.command import add_parser as add_serve

    add_audit(commands)
    add_serve(commands)
    add_lsp(commands)
    return parser


def _check(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    check = commands.add_parser(
        "check",
        help="check files, folders or standard input",
        description="Check Markdown, HTML and text files (folders recursively: .md, "
        ".markdown, .html, .htm, .txt), or standard input given as '-'.",
    )
    check.add_argument("paths", nargs="*", metavar="PATH",
                       help="files, folders, or - for standard input (default: .)")
    check.add_argument("--stdin-filename", metavar="NAME",
                       help="the name standard input is reported under (its extension sets "
                       "the format, its folder the configuration)")
    check.add_argument("--format-in", choices=INPUT_FORMATS,
                       help="read every input as this format, whatever its extension")
    check.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD",
                       help="the articles' date, for exchange rates (default: the date "
                       "each document states, else the latest rate)")
    check.add_argument("--lang", choices=LANGUAGES,
                       help="language of the messages and of the report (default: the "
                       "configuration's lang, else fr)")
    check.add_argument("--select", type=code_list, action="append", metavar="CODES",
                       help="run only these rules (codes, prefixes or names, comma-separated); "
                       "replaces select, extend-select and ignore of the configuration")
    check.add_argument("--extend-select", type=code_list, action="append", metavar="CODES",
                       help="run these rules too")
    check.add_argument("--ignore", type=code_list, action="append", metavar="CODES",
                       help="do not run these rules")
    check.add_argument("--output-format", choices=OUTPUT_FORMATS, default="text",
                       help="report format (default: text)")
    check.add_argument("--fix", action="store_true",
                       help="apply the safe fixes to the files")
    check.add_argument("--unsafe-fixes", action="store_true",
                       help="with --fix or --diff, apply the unsafe fixes too (they change "
                       "a figure)")
    check.add_argument("--diff", action="store_true",
                       help="print the fixes as a unified diff instead of writing them")
    check.add_argument("--rates", metavar="FILE",
                       help="an ECB rates file (.csv or .zip) to use instead of the embedded "
                       "table")
    check.add_argument("--fail-on", choices=SEVERITIES,
                       help="lowest severity that makes the exit status 1 (default: "
                       "configuration, else warning)")
    check.add_argument("--config", metavar="FILE",
                       help="use this configuration file for every input (no discovery)")
    check.add_argument("--no-respect-gitignore", dest="respect_gitignore",
                       action="store_false",
                       help="walk folders without reading .gitignore files (the "
                       "configuration's exclude patterns still apply)")
    check.add_argument("-q", "--quiet", action="store_true",
                       help="print the findings only: no summary, no hints, no progress")
    check.add_argument("--statistics", action="store_true",
                       help="print the number of findings per rule instead of each finding")
    check.add_argument("--verified", action="store_true",
                       help="also list the relations numlint confirmed (text or json output)")
    check.set_defaults(command="check")


def _explain(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    explain = commands.add_parser(
        "explain", help="print a rule's documentation",
        description="Print a rule's documentation: summary, explanation, settings, examples.",
    )
    explain.add_argument("rule", metavar="CODE", help="a rule code (NL101) or name")
    explain.add_argument("--output-format", choices=("text", "json"), default="text")
    explain.add_argument("--lang", choices=LANGUAGES,
                         help="language of the documentation (default: fr)")


def _rules(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    rules = commands.add_parser(
        "rules", help="list the installed rules",
        description="List every installed rule, built-in or plugin, and the plugins that "
        "failed to load.",
    )
    rules.add_argument("--output-format", choices=("text", "json"), default="text")
    rules.add_argument("--lang", choices=LANGUAGES,
                       help="language of the summaries (default: fr)")


def _rates(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    rates = commands.add_parser(
        "rates", help="show the exchange-rate table in force",
        description="Show which ECB rate table is in force (source, first and last date, "
        "currencies), or check a rates file.",
    )
    rates.add_argument("--rates", metavar="FILE", help="check and describe this ECB file")
    rates.add_argument("--config", metavar="FILE",
                       help="read the rates setting from this configuration file")
    rates.add_argument("--output-format", choices=("text", "json"), default="text")
