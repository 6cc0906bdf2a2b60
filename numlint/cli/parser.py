"""The command line: ``numlint check|explain|rules|rates|audit|serve|lsp``, parsed with
argparse, in the user's language.

argparse's own errors (usage text, then exit 2) are turned into :class:`UsageError`, so
that every error of numlint is one line on stderr and ``main()`` returns instead of
exiting. The help and argparse's words are in the language given to
:func:`build_parser` (see :mod:`numlint.cli.language` for how it is known so early).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from datetime import date
from typing import Any, NoReturn

from .. import __version__
from ..diagnostics import SEVERITIES
from ..i18n import DEFAULT_LANGUAGE, LANGUAGES, N_, render, translate
from ..reports import FORMATS as OUTPUT_FORMATS
from ..sources import FORMATS as INPUT_FORMATS
from .argparse_messages import argparse_speaking, parsing_language
from .errors import UsageError
from .terminal import terminal_columns

_DATE = r"^\d{4}-\d{2}-\d{2}$"  # compiled by re when --date is given

Translate = Callable[[str], str]


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter at argparse's own width (the terminal's, less 2), found without
    importing shutil, which argparse would import for it."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position,
                         terminal_columns(80) - 2 if width is None else width)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are :class:`UsageError` in its language."""

    lang: str = DEFAULT_LANGUAGE

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        command = self.prog.removeprefix("numlint").strip()
        if command:
            raise UsageError(N_("{command}: {message} (see numlint {command} --help)"),
                             {"command": command, "message": message})
        raise UsageError(N_("{message} (see numlint --help)"), {"message": message})

    def parse_args(self, args=None, namespace=None):
        with argparse_speaking(self.lang):
            return super().parse_args(args, namespace)


def translator(lang: str) -> Translate:
    """The help texts' translation function for ``lang``."""
    return lambda message: translate(message, lang)


def iso_date(text: str) -> date:
    if not re.match(_DATE, text):
        raise argparse.ArgumentTypeError(_arg_text(
            N_("expected a date as YYYY-MM-DD, not {text}"), text=repr(text)))
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(_arg_text(
            N_("{text} is not a valid date: {error}"), text=repr(text),
            error=translate(str(error), parsing_language()))) from None


def code_list(text: str) -> list[str]:
    """``NL101,NL2`` -> ``["NL101", "NL2"]`` (codes, code prefixes or rule names)."""
    codes = [part.strip() for part in text.split(",") if part.strip()]
    if not codes:
        raise argparse.ArgumentTypeError(_arg_text(N_("expected comma-separated rule codes")))
    return codes


def _arg_text(message: str, **params: str) -> str:
    """A value's error, for argparse to show, in the language it is parsing in."""
    return render(message, params, parsing_language())


def build_parser(lang: str = DEFAULT_LANGUAGE, command: str | None = None) -> Parser:
    """The whole command line, or, when ``command`` names one, only that command's parser
    under the top-level one (``numlint check …`` parses the same either way: argparse only
    consults the subcommand named; building the others is a fifth of a small check's
    start)."""
    t = translator(lang)
    with argparse_speaking(lang):  # argparse writes -h's help as the parser is made
        parser = Parser(
            prog="numlint",
            description=t(N_("Numeric-consistency linter for French editorial text.")),
            epilog=t(N_("Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage, "
                        "configuration or input error.")),
        )
        parser.lang = lang
        parser.add_argument("--version", action="version", version=f"numlint {__version__}",
                            help=t(N_("show program's version number and exit")))
        commands = parser.add_subparsers(dest="command", metavar=t(N_("COMMAND")),
                                         parser_class=Parser)
        builders = _COMMANDS if command not in _COMMANDS else {command: _COMMANDS[command]}
        for build in builders.values():
            build(commands, t)
    return parser


def _audit(commands: argparse._SubParsersAction, t: Translate) -> None:
    from ..audit.command import add_parser

    add_parser(commands, t)


def _serve(commands: argparse._SubParsersAction, t: Translate) -> None:
    from ..serve.command import add_parser

    add_parser(commands, t)


def _lsp(commands: argparse._SubParsersAction, t: Translate) -> None:
    from ..lsp.command import add_parser

    add_parser(commands, t)


def add_lang(parser: argparse.ArgumentParser, t: Translate, help: str) -> None:
    """The ``--lang`` option; given, it is also the language of the command's help and
    errors (see :mod:`numlint.cli.language`)."""
    parser.add_argument("--lang", choices=LANGUAGES, help=t(help))


def _check(commands: argparse._SubParsersAction, t: Translate) -> None:
    check = commands.add_parser(
        "check",
        help=t(N_("check files, folders or standard input")),
        description=t(N_("Check Markdown, HTML and text files (folders recursively: .md, "
                         ".markdown, .html, .htm, .txt), or standard input given as '-'.")),
    )
    check.add_argument("paths", nargs="*", metavar=t(N_("PATH")),
                       help=t(N_("files, folders, or - for standard input (default: .)")))
    check.add_argument("--stdin-filename", metavar=t(N_("NAME")),
                       help=t(N_("the name standard input is reported under (its extension "
                                 "sets the format, its folder the configuration)")))
    check.add_argument("--format-in", choices=INPUT_FORMATS,
                       help=t(N_("read every input as this format, whatever its extension")))
    check.add_argument("--date", type=iso_date, metavar=t(N_("YYYY-MM-DD")),
                       help=t(N_("the articles' date, for exchange rates (default: the date "
                                 "each document states, else the latest rate)")))
    add_lang(check, t, N_("language of the messages and of the report (default: the "
                          "configuration's lang, else fr)"))
    check.add_argument("--select", type=code_list, action="append", metavar=t(N_("CODES")),
                       help=t(N_("run only these rules (codes, prefixes or names, "
                                 "comma-separated); replaces select, extend-select and "
                                 "ignore of the configuration")))
    check.add_argument("--extend-select", type=code_list, action="append",
                       metavar=t(N_("CODES")), help=t(N_("run these rules too")))
    check.add_argument("--ignore", type=code_list, action="append", metavar=t(N_("CODES")),
                       help=t(N_("do not run these rules")))
    check.add_argument("--output-format", choices=OUTPUT_FORMATS, default="text",
                       help=t(N_("report format (default: text)")))
    check.add_argument("--fix", action="store_true",
                       help=t(N_("apply the safe fixes to the files")))
    check.add_argument("--unsafe-fixes", action="store_true",
                       help=t(N_("with --fix or --diff, apply the unsafe fixes too (they "
                                 "change a figure)")))
    check.add_argument("--diff", action="store_true",
                       help=t(N_("print the fixes as a unified diff instead of writing them")))
    check.add_argument("--rates", metavar=t(N_("FILE")),
                       help=t(N_("an ECB rates file (.csv or .zip) to use instead of the "
                                 "embedded table")))
    check.add_argument("--fail-on", choices=SEVERITIES,
                       help=t(N_("lowest severity that makes the exit status 1 (default: "
                                 "configuration, else warning)")))
    check.add_argument("--config", metavar=t(N_("FILE")),
                       help=t(N_("use this configuration file for every input (no "
                                 "discovery)")))
    check.add_argument("--no-respect-gitignore", dest="respect_gitignore",
                       action="store_false",
                       help=t(N_("walk folders without reading .gitignore files (the "
                                 "configuration's exclude patterns still apply)")))
    check.add_argument("-q", "--quiet", action="store_true",
                       help=t(N_("print the findings only: no summary, no hints, no "
                                 "progress")))
    check.add_argument("--statistics", action="store_true",
                       help=t(N_("print the number of findings per rule instead of each "
                                 "finding")))
    check.add_argument("--verified", action="store_true",
                       help=t(N_("also list the relations numlint confirmed (text or json "
                                 "output)")))
    check.set_defaults(command="check")


def _explain(commands: argparse._SubParsersAction, t: Translate) -> None:
    explain = commands.add_parser(
        "explain", help=t(N_("print a rule's documentation")),
        description=t(N_("Print a rule's documentation: summary, explanation, settings, "
                         "examples.")),
    )
    explain.add_argument("rule", metavar=t(N_("CODE")),
                         help=t(N_("a rule code (NL101) or name")))
    explain.add_argument("--output-format", choices=("text", "json"), default="text")
    add_lang(explain, t, N_("language of the documentation (default: the configuration's "
                            "lang, else fr)"))


def _rules(commands: argparse._SubParsersAction, t: Translate) -> None:
    rules = commands.add_parser(
        "rules", help=t(N_("list the installed rules")),
        description=t(N_("List every installed rule, built-in or plugin, and the plugins "
                         "that failed to load.")),
    )
    rules.add_argument("--output-format", choices=("text", "json"), default="text")
    add_lang(rules, t, N_("language of the summaries (default: the configuration's lang, "
                          "else fr)"))


def _rates(commands: argparse._SubParsersAction, t: Translate) -> None:
    rates = commands.add_parser(
        "rates", help=t(N_("show the exchange-rate table in force")),
        description=t(N_("Show which ECB rate table is in force (source, first and last "
                         "date, currencies), or check a rates file.")),
    )
    rates.add_argument("--rates", metavar=t(N_("FILE")),
                       help=t(N_("check and describe this ECB file")))
    rates.add_argument("--config", metavar=t(N_("FILE")),
                       help=t(N_("read the rates setting from this configuration file")))
    rates.add_argument("--output-format", choices=("text", "json"), default="text")
    add_lang(rates, t, N_("language of the description (default: the configuration's "
                          "lang, else fr)"))


_COMMANDS: dict[str, Callable[[argparse._SubParsersAction, Translate], None]] = {
    "check": _check, "explain": _explain, "rules": _rules, "rates": _rates,
    "audit": _audit, "serve": _serve, "lsp": _lsp,
}
"""Each subcommand's parser builder, in the order ``numlint --help`` lists them."""
