"""The ``numlint lsp`` subcommand (argparse only here: the ``lsp`` extra loads on run)."""

from __future__ import annotations

import argparse

from ..cli.errors import CliError

EXTRA_HINT = "numlint lsp needs the 'lsp' extra: pip install 'numlint[lsp]'"


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    lsp = commands.add_parser(
        "lsp", help="run the language server (LSP over standard input and output)",
        description="A language server for Markdown, HTML and text files: diagnostics, "
        "hover with the evidence, code actions applying the fixes.",
    )
    lsp.add_argument("--stdio", action="store_true",
                     help="talk over standard input/output (the default, and the only way)")
    lsp.set_defaults(command="lsp")


def run(args: argparse.Namespace) -> int:
    try:
        from .server import build_server
    except ImportError as error:
        raise CliError(f"{EXTRA_HINT} ({error})") from None
    build_server().start_io()
    return 0
