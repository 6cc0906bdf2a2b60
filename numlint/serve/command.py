"""The ``numlint serve`` subcommand: its options, and starting Uvicorn.

Only argparse is imported here, so that ``numlint --help`` works without the ``serve``
extra; a missing extra is a one-line error when the command runs.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from ..cli.errors import CliError
from ..config import Config

EXTRA_HINT = "numlint serve needs the 'serve' extra: pip install 'numlint[serve]'"


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    serve = commands.add_parser(
        "serve", help="serve LanguageTool's HTTP API (for LibreOffice, browsers, LTeX...)",
        description="Answer LanguageTool's /v2/check and /v2/languages with numlint's "
        "findings, alone or merged into an existing LanguageTool server's (--upstream).",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8081, help="port (default: 8081)")
    serve.add_argument("--upstream", metavar="URL",
                       help="a LanguageTool server to forward to (http://lt:8010)")
    serve.add_argument("--config", metavar="FILE",
                       help="configuration file (default: found from the current folder)")
    serve.add_argument("--max-bytes", type=int, default=1_000_000, metavar="N",
                       help="largest request accepted (default: 1000000; larger: 413)")
    serve.add_argument("--docs-url", metavar="URL",
                       help="base URL of the rule pages, for each match's rule.urls")
    serve.add_argument("--allow-origin", action="append", default=[], metavar="ORIGIN",
                       help="let web pages of ORIGIN call the server (CORS), e.g. "
                       "app://obsidian.md; '*' for any (repeatable)")
    serve.add_argument("--threads", type=int, default=os.cpu_count() or 1, metavar="N",
                       help="articles checked at once (default: the number of cores)")
    serve.set_defaults(command="serve")


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from .app import ServeSettings, create_app
    except ImportError as error:
        raise CliError(f"{EXTRA_HINT} ({error})") from None
    if args.max_bytes <= 0 or args.threads <= 0:
        raise CliError("serve: --max-bytes and --threads must be positive")
    settings = ServeSettings(config=server_config(args.config), upstream=args.upstream,
                             max_bytes=args.max_bytes, docs_url=args.docs_url,
                             threads=args.threads, allow_origins=tuple(args.allow_origin))
    try:
        uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="info")
    except SystemExit as exit_:  # Uvicorn exits when it cannot listen; its log says why
        if exit_.code not in (0, None):
            raise CliError(f"serve: could not serve on {args.host}:{args.port} "
                           "(see the log above)") from None
    return 0


def server_config(path: str | None) -> Config:
    """The configuration given, else the one found from the current folder, else defaults."""
    from ..config_files import ConfigFinder, load_config_file
    from ..rules.registry import installed_rules

    found = Path(path) if path else ConfigFinder().find(Path.cwd())
    if found is None:
        return Config()
    return load_config_file(found, installed_rules().rules).config
