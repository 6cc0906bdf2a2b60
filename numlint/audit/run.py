"""An archive audit from start to finish: plan, run what is not done, check across
articles, write the findings (and the report) atomically."""

from __future__ import annotations

import contextlib
import itertools
import os
import sys
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from .. import __version__
from ..batch import findings_schema
from ..errors import Localized
from ..i18n import N_
from . import crossdoc
from .engines import engine_for
from .inputs import DEFAULT_PARTITION_SIZE, plan
from .state import State, atomic_write
from .tables import SealedPartition
from .work import Job


class IncompleteRun(Localized, RuntimeError):
    """The engine stopped before every partition was finished."""

    def __init__(self, message: str, params: Mapping[str, Any] | None = None) -> None:
        super().__init__(self.localize(message, params))

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.message, self.params))


STATE_FORMAT = 2
"""The layout of the state folder (2: each part's columns as JSON): a folder of another
layout is refused, as one made for other options."""


@dataclass
class Options:
    inputs: Sequence[str]
    output: Path
    report: Path | None = None
    engine: str = "processes"
    workers: int = 1
    scheduler: str | None = None
    partition_size: int = DEFAULT_PARTITION_SIZE
    fresh: bool = False
    progress: bool = False
    cross: crossdoc.CrossSettings = field(default_factory=crossdoc.CrossSettings)


@dataclass
class Summary:
    partitions: int
    resumed: int
    articles: int
    findings: int
    cross_findings: int
    failed_articles: int
    redone: list[int]


def manifest(options: Options, job: Job) -> dict[str, Any]:
    inputs = []
    for name in options.inputs:
        stat = os.stat(name)
        inputs.append({"path": str(Path(name).resolve()), "size": stat.st_size,
                       "mtime_ns": stat.st_mtime_ns})
    return {"numlint": __version__, "state": STATE_FORMAT, "inputs": inputs,
            "columns": job.columns.as_dict(),
            "partition_size": options.partition_size, "config": repr(job.config),
            "timeout": job.timeout, "format": job.default_format, "cross": job.cross}


def audit(options: Options, job: Job, stderr: TextIO | None = None) -> Summary:
    arrow = threading.Thread(target=_import_arrow, name="numlint-import-arrow", daemon=True)
    arrow.start()  # while the workers check: the final pass then only computes
    stderr = sys.stderr if stderr is None else stderr
    partitions = plan(options.inputs, options.partition_size, job.columns)
    state = State(options.output, manifest(options, job))
    state.open(fresh=options.fresh)
    done = state.done(partitions)
    todo = [p for p in partitions if p.index not in done]
    redone: list[int] = []
    bar = _progress(len(partitions), len(done), options.progress, stderr)

    def on_done(result: SealedPartition) -> None:
        state.save(result)
        redone.append(result.index)
        if bar is not None:
            bar.update(1)

    try:
        if todo:
            engine_for(options.engine, options.workers, options.scheduler).run(todo, job,
                                                                               on_done)
    finally:
        if bar is not None:
            bar.close()
    missing = [p.index for p in partitions if p.index not in state.done(partitions)]
    if missing:  # an engine that returned without every partition: never a silent hole
        raise IncompleteRun(N_("{missing} partitions were not finished (first: {first}); "
                               "rerun the same command to resume"),
                            {"missing": str(len(missing)), "first": str(missing[0])})
    arrow.join()
    import pyarrow.parquet as pq

    articles = state.table(partitions, "articles")
    cross: list[dict[str, Any]] = []
    if job.cross:
        figures = state.table(partitions, "figures")
        cross = crossdoc.check(crossdoc.candidates(figures), options.cross)
    rows = write_findings(options.output, state.tables(partitions, "findings"), cross)
    if options.report is not None:
        from .report import write_report

        write_report(options.report, pq.read_table(options.output), articles)
    failed = sum(1 for reason in articles.column("failed").to_pylist() if reason)
    return Summary(len(partitions), len(done), articles.num_rows, rows, len(cross),
                   failed, sorted(redone))


def _import_arrow() -> None:
    """What the final pass imports (pandas comes with the first Arrow table built from
    Python values), imported by a thread of the main process, which has nothing else to
    do while the workers check."""
    with contextlib.suppress(ImportError):
        import pandas  # noqa: F401
        import pyarrow.compute
        import pyarrow.parquet  # noqa: F401


ROW_GROUP = 65_536
"""Findings gathered into one Parquet row group of the output (partitions are smaller)."""


def write_findings(output: Path, tables: Iterable[Any], cross: list[dict[str, Any]]) -> int:
    """The findings table, partition after partition then the NL901 rows, written as it
    is read (an archive's findings are never all in memory); the number of rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = findings_schema()
    written = 0

    def write(temporary: Path) -> None:
        nonlocal written
        every = itertools.chain(tables, [pa.Table.from_pylist(cross, schema=schema)])
        with pq.ParquetWriter(temporary, schema) as writer:
            for group in row_groups(every):
                writer.write_table(group)
                written += group.num_rows

    atomic_write(output, write)
    return written


def row_groups(tables: Iterable[Any], rows: int = ROW_GROUP) -> Iterator[Any]:
    """The tables gathered into tables of ``rows`` rows or more (the last may be less)."""
    import pyarrow as pa

    pending: list[Any] = []
    for table in tables:
        pending.append(table)
        if sum(t.num_rows for t in pending) >= rows:
            yield pa.concat_tables(pending)
            pending = []
    if pending:
        yield pa.concat_tables(pending)


def _progress(total: int, done: int, enabled: bool, stream: TextIO) -> Any:
    if not enabled or not getattr(stream, "isatty", lambda: False)():
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    return tqdm(total=total, initial=done, unit="partition", file=stream,
                desc="numlint audit")
