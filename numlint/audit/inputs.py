"""Reading an archive: JSON Lines and Parquet files, cut into partitions.

A :class:`Partition` is a description (file, byte range or row range), not data: the
worker that processes it reads it itself, so a cluster never ships the archive through
the client, and a partition's identity is stable from one run to the next (which is
what makes a run resumable).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..errors import Localized, NumlintError
from ..i18n import N_
from .command import DEFAULT_PARTITION_SIZE

FIELDS = ("text", "date", "format", "id")


class InputError(Localized, NumlintError):
    """An input numlint cannot read; the message names the file and why."""

    def __init__(self, message: str, params: Mapping[str, Any] | None = None) -> None:
        super().__init__(self.localize(message, params))

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.message, self.params))


@dataclass(frozen=True)
class ColumnMap:
    """Which input column holds each field (``text=body,date=published``)."""

    text: str = "text"
    date: str = "date"
    format: str = "format"
    id: str = "id"

    @classmethod
    def parse(cls, specs: Sequence[str]) -> ColumnMap:
        names: dict[str, str] = {}
        for spec in specs:
            for part in spec.split(","):
                if not part.strip():
                    continue
                key, sep, column = part.partition("=")
                key, column = key.strip(), column.strip()
                if not sep or not column:
                    raise InputError(N_("--columns: expected FIELD=COLUMN, not {part}"),
                                     {"part": repr(part.strip())})
                if key not in FIELDS:
                    raise InputError(N_("--columns: unknown field {key} (fields: {fields})"),
                                     {"key": repr(key), "fields": ", ".join(FIELDS)})
                names[key] = column
        return cls(**names)

    def as_dict(self) -> dict[str, str]:
        return {"text": self.text, "date": self.date, "format": self.format, "id": self.id}


@dataclass(frozen=True)
class Partition:
    """Articles ``start``..``stop`` of one file: byte offsets of a JSON Lines file, or
    row offsets inside row group ``group`` of a Parquet file."""

    index: int
    path: str
    kind: Literal["jsonl", "parquet"]
    start: int
    stop: int
    group: int = 0
    first_line: int = 1
    """Line (JSON Lines) or row (Parquet) number of the first article, for default ids."""


@dataclass(frozen=True)
class Article:
    id: str
    text: Any
    date: Any
    format: Any
    extra: Mapping[str, Any] = field(default_factory=dict)


def plan(paths: Sequence[str], size: int = DEFAULT_PARTITION_SIZE,
         columns: ColumnMap | None = None) -> list[Partition]:
    """The partitions of the inputs, in input order; unreadable inputs, and Parquet files
    without the text column, are errors."""
    if size < 1:
        raise InputError(N_("--partition-size must be at least 1"))
    partitions: list[Partition] = []
    for name in paths:
        path = Path(name)
        if not path.is_file():
            raise InputError(N_("{path}: no such file"), {"path": name})
        if not os.access(path, os.R_OK):
            raise InputError(N_("{path}: not readable"), {"path": name})
        kind = kind_of(path)
        if kind == "parquet":
            cuts = _plan_parquet(path, size, (columns or ColumnMap()).text)
        else:
            cuts = _plan_jsonl(path, size)
        for start, stop, group, first in cuts:
            partitions.append(Partition(len(partitions), str(path.resolve()), kind, start,
                                        stop, group, first))
    return partitions


def kind_of(path: Path) -> Literal["jsonl", "parquet"]:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] in (".parquet", ".pq"):
        return "parquet"
    if suffixes and suffixes[-1] in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    raise InputError(N_("{path}: unknown input type (expected .jsonl, .ndjson or .parquet)"),
                     {"path": str(path)})


def _plan_jsonl(path: Path, size: int) -> list[tuple[int, int, int, int]]:
    cuts: list[tuple[int, int, int, int]] = []
    start, count, line, first = 0, 0, 0, 1
    offset = 0
    with path.open("rb") as handle:
        for raw in handle:
            line += 1
            offset += len(raw)
            if raw.strip():
                count += 1
            if count == size:
                cuts.append((start, offset, 0, first))
                start, count, first = offset, 0, line + 1
    if count:
        cuts.append((start, offset, 0, first))
    return cuts


def _plan_parquet(path: Path, size: int, text: str) -> list[tuple[int, int, int, int]]:
    import pyarrow.parquet as pq

    try:
        handle = pq.ParquetFile(path)
    except Exception as error:
        raise InputError(N_("{path}: not a readable Parquet file ({error})"),
                         {"path": str(path), "error": str(error)}) from None
    names = handle.schema_arrow.names
    if text not in names:
        raise InputError(N_("{path}: no text column {text} (columns: {columns}; see --columns)"),
                         {"path": str(path), "text": repr(text), "columns": ", ".join(names)})
    metadata = handle.metadata
    cuts = []
    row = 1
    for group in range(metadata.num_row_groups):
        rows = metadata.row_group(group).num_rows
        for start in range(0, rows, size):
            cuts.append((start, min(start + size, rows), group, row + start))
        row += rows
    return cuts


def read(partition: Partition, columns: ColumnMap) -> list[Article]:
    """The articles of a partition (a malformed line is an article without text)."""
    if partition.kind == "parquet":
        return _read_parquet(partition, columns)
    return _read_jsonl(partition, columns)


def _read_jsonl(partition: Partition, columns: ColumnMap) -> list[Article]:
    with open(partition.path, "rb") as handle:
        handle.seek(partition.start)
        data = handle.read(partition.stop - partition.start)
    articles = []
    name = Path(partition.path).name
    for number, raw in enumerate(data.split(b"\n"), start=partition.first_line):
        if not raw.strip():
            continue
        default_id = f"{name}:{number}"
        try:
            record = json.loads(raw)
        except ValueError as error:
            articles.append(Article(default_id, None, None, None,
                                    {"error": f"line {number}: not JSON ({error})"}))
            continue
        if not isinstance(record, dict):
            articles.append(Article(default_id, None, None, None,
                                    {"error": f"line {number}: not a JSON object"}))
            continue
        articles.append(_article(record, columns, default_id))
    return articles


def _read_parquet(partition: Partition, columns: ColumnMap) -> list[Article]:
    import pyarrow.parquet as pq

    handle = pq.ParquetFile(partition.path)
    wanted = [c for c in columns.as_dict().values() if c in handle.schema_arrow.names]
    table = handle.read_row_group(partition.group, columns=wanted)
    table = table.slice(partition.start, partition.stop - partition.start)
    name = Path(partition.path).name
    return [_article(record, columns, f"{name}:{partition.first_line + offset}")
            for offset, record in enumerate(table.to_pylist())]


def _article(record: Mapping[str, Any], columns: ColumnMap, default_id: str) -> Article:
    raw_id = record.get(columns.id)
    return Article(
        id=default_id if raw_id in (None, "") else str(raw_id),
        text=record.get(columns.text),
        date=record.get(columns.date),
        format=record.get(columns.format),
    )
