"""A partition's results, column by column, and the Arrow schemas they are read with.

A partition is sealed where it was checked, in a worker process or on a Dask worker: its
rows become columns, and each part's columns one compact JSON document (C-encoded, a few
milliseconds for a partition). The main process, which hears from every worker, writes
those bytes to the state folder as they are: it decodes nothing and builds nothing per
article while the workers run, so it never competes for a core with the workers it
feeds. The Arrow tables are built once, at the end, from the state folder
(``Table.from_pydict``, in C++). Workers never import pyarrow: a worker stays small (the
first Arrow array built from Python values imports pandas, some 50 MB).
"""

from __future__ import annotations

import json
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
    """One finished partition: for each part (``PARTS``), its columns as JSON bytes."""

    index: int
    files: dict[str, bytes]
    counts: dict[str, int]

    @classmethod
    def of(cls, index: int, rows: dict[str, list[dict[str, Any]]]) -> SealedPartition:
        return cls(index, {part: encode(part, rows[part]) for part in PARTS},
                   {part: len(rows[part]) for part in PARTS})

    def table(self, part: str) -> Any:
        """One part as an Arrow table (where pyarrow is loaded: the main process)."""
        return decode(part, self.files[part])

    def rows(self, part: str) -> list[dict[str, Any]]:
        columns = json.loads(self.files[part])
        names = list(columns)
        return [dict(zip(names, values, strict=True))
                for values in zip(*columns.values(), strict=True)]

    def count(self, part: str) -> int:
        return self.counts[part]


def encode(part: str, rows: list[dict[str, Any]]) -> bytes:
    """The rows of one part as one JSON object of columns (name -> list of values)."""
    columns = {name: [row[name] for row in rows] for name, _ in COLUMNS[part]}
    return json.dumps(columns, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def decode(part: str, data: bytes) -> Any:
    """:func:`encode`'s bytes as an Arrow table of the part's schema."""
    import pyarrow as pa

    return pa.Table.from_pydict(json.loads(data), schema=SCHEMAS[part]())
