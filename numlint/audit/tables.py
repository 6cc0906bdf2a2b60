"""A partition's results, column by column, and the Arrow schemas they are written with.

A partition is sealed (its rows turned into columns) where it was checked, in a worker
process or on a Dask worker; the main process, which receives and writes every
partition, only builds Arrow tables from those columns. Columns pickle in a fraction of
the time rows do and become a table in C++ (``Table.from_pydict``), where rows need a
Python loop per value (``from_pylist``, ten times slower): the main process would
otherwise compete for a core with the workers it feeds. Workers never import pyarrow.
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
    """One finished partition: for each part (``PARTS``), its values column by column."""

    index: int
    columns: dict[str, dict[str, list[Any]]]

    @classmethod
    def of(cls, index: int, rows: dict[str, list[dict[str, Any]]]) -> SealedPartition:
        return cls(index, {part: {name: [row[name] for row in rows[part]]
                                  for name, _ in COLUMNS[part]} for part in PARTS})

    def table(self, part: str) -> Any:
        """One part as an Arrow table (in the main process, where pyarrow is loaded)."""
        import pyarrow as pa

        return pa.Table.from_pydict(self.columns[part], schema=SCHEMAS[part]())

    def rows(self, part: str) -> list[dict[str, Any]]:
        names = list(self.columns[part])
        return [dict(zip(names, values, strict=True))
                for values in zip(*self.columns[part].values(), strict=True)]

    def count(self, part: str) -> int:
        return len(self.columns[part]["doc_id"])
