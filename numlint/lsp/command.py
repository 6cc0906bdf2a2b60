"""The ``numlint lsp`` subcommand (argparse only here: the ``lsp`` extra loads on run).

The server speaks each document's configuration's language; the command's own words
(its help, a missing extra) are in the language the command line was started in.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from ..cli.errors import CliError
from ..i18n import N_, Phrase

EXTRA_HINT = N_("numlint lsp needs the 'lsp' extra: pip install 'numlint[lsp]'")


def add_parser(commands: argparse._SubParsersAction,
               t: Callable[[str], str] = str) -> None:
    lsp = commands.add_parser(
        "lsp", help=t(N_("run the language server (LSP over standard input and output)")),
        description=t(N_("A language server for Markdown, HTML and text files: diagnostics, "
                         "hover with the evidence, code actions applying the fixes.")),
    )
    lsp.add_argument("--stdio", action="store_true",
                     help=t(N_("talk over standard input/output (the default, and the only "
                               "way)")))
    lsp.set_defaults(command="lsp")


def run(args: argparse.Namespace) -> int:
    try:
        from .server import build_server
    except ImportError as error:
        raise CliError(N_("{hint} ({error})"),
                       {"hint": Phrase(EXTRA_HINT), "error": str(error)}) from None
    build_server().start_io()
    return 0
