"""The ``numlint serve`` subcommand: its options, and starting Uvicorn.

Only argparse is imported here, so that ``numlint --help`` works without the ``serve``
extra; a missing extra is a one-line error when the command runs.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from ..cli.errors import CliError
from ..config import Config
from ..i18n import N_, Phrase

EXTRA_HINT = N_("numlint serve needs the 'serve' extra: pip install 'numlint[serve]'")


def add_parser(commands: argparse._SubParsersAction,
               t: Callable[[str], str] = str) -> None:
    from ..cli.parser import add_lang

    serve = commands.add_parser(
        "serve", help=t(N_("serve LanguageTool's HTTP API (for LibreOffice, browsers, "
                           "LTeX...)")),
        description=t(N_("Answer LanguageTool's /v2/check and /v2/languages with numlint's "
                         "findings, alone or merged into an existing LanguageTool server's "
                         "(--upstream).")),
    )
    serve.add_argument("--host", default="127.0.0.1",
                       help=t(N_("address (default: 127.0.0.1)")))
    serve.add_argument("--port", type=int, default=8081, help=t(N_("port (default: 8081)")))
    serve.add_argument("--upstream", metavar="URL",
                       help=t(N_("a LanguageTool server to forward to (http://lt:8010)")))
    serve.add_argument("--config", metavar=t(N_("FILE")),
                       help=t(N_("configuration file (default: found from the current "
                                 "folder)")))
    serve.add_argument("--max-bytes", type=int, default=1_000_000, metavar="N",
                       help=t(N_("largest request accepted (default: 1000000; larger: 413)")))
    serve.add_argument("--docs-url", metavar="URL",
                       help=t(N_("base URL of the rule pages, for each match's rule.urls")))
    serve.add_argument("--allow-origin", action="append", default=[],
                       metavar=t(N_("ORIGIN")),
                       help=t(N_("let web pages of ORIGIN call the server (CORS), e.g. "
                                 "app://obsidian.md; '*' for any (repeatable)")))
    serve.add_argument("--threads", type=int, default=os.cpu_count() or 1, metavar="N",
                       help=t(N_("articles checked at once (default: the number of cores)")))
    add_lang(serve, t, N_("language of the answers when a request does not ask, and of "
                          "the command's messages (default: the configuration's lang, "
                          "else fr)"))
    serve.set_defaults(command="serve")


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from .app import ServeSettings, create_app
    except ImportError as error:
        raise CliError(N_("{hint} ({error})"),
                       {"hint": Phrase(EXTRA_HINT), "error": str(error)}) from None
    if args.max_bytes <= 0 or args.threads <= 0:
        raise CliError(N_("serve: --max-bytes and --threads must be positive"))
    config = server_config(args.config)
    if getattr(args, "lang", None):
        config = replace(config, lang=args.lang)
    settings = ServeSettings(config=config, upstream=args.upstream,
                             max_bytes=args.max_bytes, docs_url=args.docs_url,
                             threads=args.threads, allow_origins=tuple(args.allow_origin))
    try:
        uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="info")
    except SystemExit as exit_:  # Uvicorn exits when it cannot listen; its log says why
        if exit_.code not in (0, None):
            raise CliError(N_("serve: could not serve on {host}:{port} (see the log above)"),
                           {"host": args.host, "port": str(args.port)}) from None
    return 0


def server_config(path: str | None) -> Config:
    """The configuration given, else the one found from the current folder, else defaults."""
    from ..config_files import ConfigFinder, load_config_file
    from ..rules.registry import installed_rules

    found = Path(path) if path else ConfigFinder().find(Path.cwd())
    if found is None:
        return Config()
    return load_config_file(found, installed_rules().rules).config
