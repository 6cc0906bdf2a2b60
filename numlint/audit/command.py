"""``numlint audit INPUT... --output findings.parquet``: the command line of the audit."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from ..i18n import N_, plural, render, show, translate

DEFAULT_PARTITION_SIZE = 500
"""Articles per partition: big enough to amortize the bookkeeping, small enough that an
interruption loses little (defined here so that ``numlint --help`` imports no reader)."""



def add_parser(commands: argparse._SubParsersAction,
               t: Callable[[str], str] = str) -> None:
    from ..cli.parser import add_lang

    audit = commands.add_parser(
        "audit", help=t(N_("audit a whole archive (JSON Lines or Parquet) into a findings "
                           "table")),
        description=t(N_("Check every article of JSON Lines or Parquet exports, resumably, "
                         "on local processes or a Dask cluster; write the findings as "
                         "Parquet and, optionally, a self-contained HTML report. Needs: pip "
                         "install 'numlint[archive]'.")),
    )
    audit.add_argument("inputs", nargs="+", metavar=t(N_("INPUT")),
                       help=t(N_(".jsonl/.ndjson or .parquet files, one article per line or "
                                 "row")))
    audit.add_argument("--output", "-o", required=True, metavar=t(N_("FINDINGS.parquet")),
                       help=t(N_("the findings table (its state folder sits beside it)")))
    audit.add_argument("--report", metavar=t(N_("REPORT.html")),
                       help=t(N_("also write the HTML report")))
    audit.add_argument("--engine", choices=("processes", "dask"), default="processes")
    audit.add_argument("--workers", type=_positive, default=1, metavar="N",
                       help=t(N_("worker processes (default: 1)")))
    audit.add_argument("--scheduler", metavar=t(N_("ADDRESS")),
                       help=t(N_("a running Dask scheduler (tcp://host:8786) instead of a "
                                 "local cluster; implies --engine dask")))
    audit.add_argument("--columns", action="append", default=[],
                       metavar=t(N_("FIELD=COLUMN,...")),
                       help=t(N_("input columns of the fields text, date, format, id "
                                 "(default: the same names)")))
    audit.add_argument("--format-in", choices=("text", "markdown", "html"), default="markdown",
                       help=t(N_("format of the articles whose format field is empty or "
                                 "absent (default: markdown)")))
    audit.add_argument("--partition-size", type=_positive, default=DEFAULT_PARTITION_SIZE,
                       metavar="N", help=t(N_("articles per partition (default: {n})")).format(
                           n=DEFAULT_PARTITION_SIZE))
    audit.add_argument("--timeout", type=_seconds, default=60.0, metavar=t(N_("SECONDS")),
                       help=t(N_("seconds one article may take (default: 60)")))
    audit.add_argument("--window-days", type=_positive, default=30, metavar=t(N_("DAYS")),
                       help=t(N_("cross-document check: days between two articles (default: "
                                 "30)")))
    audit.add_argument("--no-cross-check", action="store_true",
                       help=t(N_("skip the cross-document check (NL901) and the pass over the "
                                 "figures it needs")))
    audit.add_argument("--fresh", action="store_true",
                       help=t(N_("drop the state of an earlier run and start over")))
    audit.add_argument("--config", metavar=t(N_("FILE")),
                       help=t(N_("a numlint configuration file")))
    add_lang(audit, t, N_("language of the findings, the summary and the errors (default: "
                          "the configuration's lang, else fr)"))
    audit.add_argument("-q", "--quiet", action="store_true",
                       help=t(N_("no progress, no summary")))


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_arg_text(N_("expected a whole number, not {text}"),
                                                   text=repr(text))) from None
    if value < 1:
        raise argparse.ArgumentTypeError(_arg_text(N_("expected at least 1, not {value}"),
                                                   value=str(value)))
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_arg_text(N_("expected seconds, not {text}"),
                                                   text=repr(text))) from None
    if not value > 0:
        raise argparse.ArgumentTypeError(_arg_text(
            N_("expected more than 0 seconds, not {value}"), value=text))
    return value


def _arg_text(message: str, **params: str) -> str:
    from ..cli.argparse_messages import parsing_language

    return render(message, params, parsing_language())


def run(args: argparse.Namespace, stdout: TextIO | None = None,
        stderr: TextIO | None = None) -> int:
    from dataclasses import replace

    from ..cli.errors import CliError
    from ..cli.language import command_language
    from ..config import Config
    from ..errors import os_reason

    stdout = sys.stdout if stdout is None else stdout
    stderr = sys.stderr if stderr is None else stderr
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise CliError(N_("numlint audit needs pyarrow: pip install 'numlint[archive]'")) from None
    if args.report:
        try:
            import matplotlib  # noqa: F401
        except ImportError:
            raise CliError(N_("--report needs matplotlib: pip install 'numlint[archive]'")) \
                from None
    from . import crossdoc
    from .engines import EngineError
    from .inputs import ColumnMap, InputError
    from .run import IncompleteRun, Options, audit
    from .state import StateError
    from .work import Job

    try:
        config = Config()
        if args.config:
            from ..config_files import load_config_file
            from ..rules.registry import installed_rules

            config = load_config_file(Path(args.config), installed_rules().rules).config
        if getattr(args, "lang", None):
            config = replace(config, lang=args.lang)
        job = Job(ColumnMap.parse(args.columns), config, args.timeout, args.format_in,
                  cross=not args.no_cross_check)
        options = Options(
            inputs=args.inputs, output=Path(args.output),
            report=Path(args.report) if args.report else None,
            engine="dask" if args.scheduler else args.engine, workers=args.workers,
            scheduler=args.scheduler, partition_size=args.partition_size, fresh=args.fresh,
            progress=not args.quiet,
            cross=crossdoc.CrossSettings(window_days=args.window_days, lang=config.lang),
        )
        summary = audit(options, job, stderr)
    except (InputError, StateError, EngineError, IncompleteRun) as error:
        raise CliError(error.message, error.params) from None
    except OSError as error:
        raise CliError(N_("{path}: {reason}"), {
            "path": str(error.filename or args.output),
            "reason": os_reason(error) if error.strerror else str(error)}) from None
    if not args.quiet:
        lang = getattr(args, "lang", None) or (config.lang if args.config else None) \
            or command_language(args)
        stdout.write(summary_line(summary, str(args.output), lang) + "\n")
    return 1 if summary.findings else 0


_ARTICLES = (N_("{n} article"), N_("{n} articles"))
_PARTITIONS = (N_("{n} partition"), N_("{n} partitions"))
_FINDINGS = (N_("{n} finding"), N_("{n} findings"))


def summary_line(summary: Any, output: str, lang: str) -> str:
    """What the run did, on one line. English keeps the words it always printed (plural
    throughout, bare digits); French agrees each count and groups its digits."""
    def count(number: int, forms: tuple[str, str]) -> str:
        if lang == "en":
            return translate(forms[1], lang).format(n=number)
        return plural(number, forms, lang)

    return render(N_("{articles} in {partitions} ({resumed} already done, {redone} run now): "
                     "{findings}, {cross} across articles, {failed} not checked -> {output}"), {
        "articles": count(summary.articles, _ARTICLES),
        "partitions": count(summary.partitions, _PARTITIONS),
        "resumed": str(summary.resumed) if lang == "en" else show(summary.resumed, lang),
        "redone": str(len(summary.redone)) if lang == "en" else show(len(summary.redone), lang),
        "findings": count(summary.findings, _FINDINGS),
        "cross": str(summary.cross_findings) if lang == "en"
        else show(summary.cross_findings, lang),
        "failed": count(summary.failed_articles, _ARTICLES),
        "output": output}, lang)
