"""The ``numlint`` command: ``check``, ``explain``, ``rules``, ``rates``.

:func:`main` returns the exit status instead of exiting, so it can be called from
Python (tests, other tools): 0 clean, 1 findings at or above the failing severity,
2 a usage, configuration or input error, always reported as one line on stderr
(``numlint: error: …``), never as a traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from ..config import ConfigError
from ..i18n import N_, render, translate
from ..rates import RatesError
from .errors import EXIT_ERROR, CliError, one_line

INTERRUPTED = 130


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv`` (default: ``sys.argv[1:]``) and return its status."""
    from .language import startup_language
    from .parser import build_parser

    words = list(sys.argv[1:] if argv is None else argv)
    lang = startup_language(words)
    parser = build_parser(lang, words[0] if words else None)  # only the command given
    try:
        args = parser.parse_args(words)
        args.startup_lang = lang
        return _dispatch(args, lang)
    except SystemExit as exit_:  # --help, --version
        return exit_.code if isinstance(exit_.code, int) else EXIT_ERROR
    except (CliError, ConfigError, RatesError) as error:
        return _fail(one_line(error, lang))
    except KeyboardInterrupt:
        sys.stderr.write(f"numlint: {translate(N_('interrupted'), lang)}\n")
        return INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_ERROR
    except Exception as error:  # a bug: still one line, unless asked for the traceback
        if os.environ.get("NUMLINT_DEBUG"):
            raise
        return _fail(render(
            N_("internal error: {kind}: {error} (set NUMLINT_DEBUG=1 for the traceback, and "
               "please report it)"), {"kind": type(error).__name__, "error": one_line(error)},
            lang))


def _dispatch(args: object, lang: str) -> int:
    command = getattr(args, "command", None)
    if command == "check":
        from .check import Streams, run

        stdin = getattr(sys.stdin, "buffer", None)
        return run(args, Streams(sys.stdout, sys.stderr, stdin))  # type: ignore[arg-type]
    if command == "explain":
        from .explain import run as explain

        return explain(args, sys.stdout)  # type: ignore[arg-type]
    if command == "rules":
        from .rules import run as rules

        return rules(args, sys.stdout)  # type: ignore[arg-type]
    if command == "rates":
        from .rates import run as rates

        return rates(args, sys.stdout)  # type: ignore[arg-type]
    if command == "audit":
        from ..audit.command import run as audit

        return audit(args)  # type: ignore[arg-type]
    if command == "serve":
        from ..serve.command import run as serve

        return serve(args)  # type: ignore[arg-type]
    if command == "lsp":
        from ..lsp.command import run as lsp

        return lsp(args)  # type: ignore[arg-type]
    return _fail(translate(N_("a command is required: check, explain, rules, rates, audit, "
                              "serve or lsp (see numlint --help)"), lang))


def _fail(message: str) -> int:
    sys.stderr.write(f"numlint: error: {message}\n")
    return EXIT_ERROR


def _silence_stdout() -> None:
    """After a closed pipe (``numlint check . | head``), keep Python from a second error."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


__all__ = ["main"]
