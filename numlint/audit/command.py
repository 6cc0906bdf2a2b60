"""``numlint audit INPUT... --output findings.parquet``: the command line of the audit."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

DEFAULT_PARTITION_SIZE = 500
"""Articles per partition: big enough to amortize the bookkeeping, small enough that an
interruption loses little (defined here so that ``numlint --help`` imports no reader)."""



def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    audit = commands.add_parser(
        "audit", help="audit a whole archive (JSON Lines or Parquet) into a findings table",
        description="Check every article of JSON Lines or Parquet exports, resumably, on "
        "local processes or a Dask cluster; write the findings as Parquet and, optionally, "
        "a self-contained HTML report. Needs: pip install 'numlint[archive]'.",
    )
    audit.add_argument("inputs", nargs="+", metavar="INPUT",
                       help=".jsonl/.ndjson or .parquet files, one article per line or row")
    audit.add_argument("--output", "-o", required=True, metavar="FINDINGS.parquet",
                       help="the findings table (its state folder sits beside it)")
    audit.add_argument("--report", metavar="REPORT.html", help="also write the HTML report")
    audit.add_argument("--engine", choices=("processes", "dask"), default="processes")
    audit.add_argument("--workers", type=_positive, default=1, metavar="N",
                       help="worker processes (default: 1)")
    audit.add_argument("--scheduler", metavar="ADDRESS",
                       help="a running Dask scheduler (tcp://host:8786) instead of a local "
                       "cluster; implies --engine dask")
    audit.add_argument("--columns", action="append", default=[], metavar="FIELD=COLUMN,...",
                       help="input columns of the fields text, date, format, id "
                       "(default: the same names)")
    audit.add_argument("--format-in", choices=("text", "markdown", "html"), default="markdown",
                       help="format of the articles whose format field is empty or absent "
                       "(default: markdown)")
    audit.add_argument("--partition-size", type=_positive, default=DEFAULT_PARTITION_SIZE,
                       metavar="N", help=f"articles per partition (default: "
                       f"{DEFAULT_PARTITION_SIZE})")
    audit.add_argument("--timeout", type=_seconds, default=60.0, metavar="SECONDS",
                       help="seconds one article may take (default: 60)")
    audit.add_argument("--window-days", type=_positive, default=30, metavar="DAYS",
                       help="cross-document check: days between two articles (default: 30)")
    audit.add_argument("--no-cross-check", action="store_true",
                       help="skip the cross-document check (NL901) and the pass over the "
                       "figures it needs")
    audit.add_argument("--fresh", action="store_true",
                       help="drop the state of an earlier run and start over")
    audit.add_argument("--config", metavar="FILE", help="a numlint configuration file")
    audit.add_argument("-q", "--quiet", action="store_true", help="no progress, no summary")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected at least 1, not {value}")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected seconds, not {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"expected more than 0 seconds, not {text}")
    return value


def run(args: argparse.Namespace, stdout: TextIO = sys.stdout,
        stderr: TextIO = sys.stderr) -> int:
    from ..cli.errors import CliError
    from ..config import Config

    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise CliError("numlint audit needs pyarrow: pip install 'numlint[archive]'") from None
    if args.report:
        try:
            import matplotlib  # noqa: F401
        except ImportError:
            raise CliError("--report needs matplotlib: pip install 'numlint[archive]'") from None
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
        job = Job(ColumnMap.parse(args.columns), config, args.timeout, args.format_in,
                  cross=not args.no_cross_check)
        options = Options(
            inputs=args.inputs, output=Path(args.output),
            report=Path(args.report) if args.report else None,
            engine="dask" if args.scheduler else args.engine, workers=args.workers,
            scheduler=args.scheduler, partition_size=args.partition_size, fresh=args.fresh,
            progress=not args.quiet,
            cross=crossdoc.CrossSettings(window_days=args.window_days),
        )
        summary = audit(options, job, stderr)
    except (InputError, StateError, EngineError, IncompleteRun) as error:
        raise CliError(str(error)) from None
    except OSError as error:
        raise CliError(f"{error.filename or args.output}: {error.strerror or error}") from None
    if not args.quiet:
        stdout.write(
            f"{summary.articles} articles in {summary.partitions} partitions "
            f"({summary.resumed} already done, {len(summary.redone)} run now): "
            f"{summary.findings} findings, {summary.cross_findings} across articles, "
            f"{summary.failed_articles} articles not checked -> {args.output}\n")
    return 1 if summary.findings else 0
