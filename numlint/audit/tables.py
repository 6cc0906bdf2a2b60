"""A partition's results as Parquet files, and the Arrow schemas they are written with.

A partition is sealed where it was checked, in a worker process or on a Dask worker: its
rows become columns, an Arrow table (``Table.from_pydict``, in C++) and a Parquet file in
memory, one per part. The main process, which hears from every worker, only receives
those bytes and writes them to the state folder as they are: it decodes nothing and
builds nothing per article, so it never competes for a core with the workers it feeds,
and a Dask client receives a few compressed bytes per partition rather than pickled
Python values.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..batch import COLUMNS as FINDING_COLUMNS
from ..batch import findings_schema

PARTS = ("findings", "figures", "articles")

FIGURE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("doc_id", "string"), ("date", "string"), ("measure", "string"), ("digits", "string"),
    ("exponent", "int64"), ("start", "int64"), ("end", "int64"), ("line", "int64"),
    ("column", "int64"), ("end_line", "int64"), ("end_column", "int64"), ("text", "string"),
    ("excerpt", "string"), ("context", "string"), ("rewrites", "string"),
)
"""What NL901 needs of each scaled figure of an article."""

ARTICLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("doc_id", "string"), ("date", "string"), ("bytes", "int64"), ("findings", "int64"),
    ("failed", "string"),
)
"""One line per article, for the report."""

COLUMNS = {"findings": FINDING_COLUMNS, "figures": FIGURE_COLUMNS,
           "articles": ARTICLE_COLUMNS}


def _schema(columns: tuple[tuple[str, str], ...]) -> Any:
    import pyarrow as pa

    kinds = {"string": pa.string(), "int64": pa.int64()}
    return pa.schema([pa.field(name, kinds[kind], nullable=True) for name, kind in columns])


def figures_schema() -> Any:
    return _schema(FIGURE_COLUMNS)


def articles_schema() -> Any:
    return _schema(ARTICLE_COLUMNS)


SCHEMAS: dict[str, Callable[[], Any]] = {
    "findings": findings_schema, "figures": figures_schema, "articles": articles_schema,
}


@dataclass(frozen=True)
class SealedPartition:
    """One finished partition: for each part (``PARTS``), a Parquet file's bytes."""

    index: int
    files: dict[str, bytes]
    counts: dict[str, int]

    @classmethod
    def of(cls, index: int, rows: dict[str, list[dict[str, Any]]]) -> SealedPartition:
        return cls(index, {part: _parquet(part, rows[part]) for part in PARTS},
                   {part: len(rows[part]) for part in PARTS})

    def table(self, part: str) -> Any:
        """One part as an Arrow table (for tests and reports; the audit writes bytes)."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        return pq.read_table(pa.BufferReader(self.files[part]), schema=SCHEMAS[part]())

    def rows(self, part: str) -> list[dict[str, Any]]:
        return self.table(part).to_pylist()

    def count(self, part: str) -> int:
        return self.counts[part]


def _parquet(part: str, rows: list[dict[str, Any]]) -> bytes:
    """The rows of one part as the bytes of a Parquet file (built column by column)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = {name: [row[name] for row in rows] for name, _ in COLUMNS[part]}
    table = pa.Table.from_pydict(columns, schema=SCHEMAS[part]())
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return sink.getvalue().to_pybytes()
