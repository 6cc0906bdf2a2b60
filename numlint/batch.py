"""The batch face: :func:`check_frame` checks a table of articles, for dataframe engines.

One row per article in, one row per finding out, with the fixed Arrow schema
:data:`FINDINGS_SCHEMA`. A pandas DataFrame gives back a DataFrame, a pyarrow Table a
Table, a dict of arrays (a Ray batch) a dict of lists. An article numlint cannot check (no
text, an unknown format, a failure) is a finding of its own, code ``NL000`` with its
``reason``: a document is never dropped silently.

It drops into Dask ``map_partitions`` (``meta=findings_meta()``), Spark ``mapInPandas``
(:func:`check_batches`, ``schema=SPARK_SCHEMA``) and Ray ``map_batches``. The heavy parts
(patterns, rule registry, rate table) are built once per process, at the first call
(:func:`warm_up`), never per document. Needs the ``archive`` extra (pyarrow, pandas).
"""

from __future__ import annotations

import datetime
import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

from .config import Config, as_config
from .diagnostics import Diagnostic
from .engine import INTERNAL_ERROR_CODE, INTERNAL_ERROR_NAME

if TYPE_CHECKING:
    import pandas
    import pyarrow

    from .pipeline import Run
    from .sources import Format

FORMATS = ("text", "markdown", "html")
DEFAULT_FORMAT = "markdown"
"""The format of an article when the frame has no format column (as :func:`numlint.check`)."""

COLUMNS: tuple[tuple[str, str], ...] = (
    ("doc_id", "string"),
    ("code", "string"),
    ("name", "string"),
    ("severity", "string"),
    ("start", "int64"),
    ("end", "int64"),
    ("line", "int64"),
    ("column", "int64"),
    ("end_line", "int64"),
    ("end_column", "int64"),
    ("message", "string"),
    ("figure", "string"),
    ("fix", "string"),
    ("fix_safety", "string"),
    ("fix_description", "string"),
    ("fix_edits", "string"),
    ("evidence", "string"),
    ("reason", "string"),
    ("excerpt", "string"),
)
"""The findings schema, column by column (documented in docs/archive.md):

``doc_id`` the article's id; ``code``, ``name``, ``severity``, ``message`` as
:class:`numlint.Diagnostic`; ``start``/``end`` source offsets (end exclusive), ``line``,
``column``, ``end_line``, ``end_column`` 1-based; ``figure`` the source text of the span;
``fix`` the span as the suggested fix would rewrite it (null without a fix),
``fix_safety``, ``fix_description``, ``fix_edits`` (JSON list of ``{start, end,
replacement}``); ``evidence`` a JSON object (keys sorted); ``reason`` why an ``NL000``
row was made (``no-text``, ``bad-format``, ``bad-date``, ``failed``, ``timeout``,
``crashed``, ``unreadable``, ``partition-failed``), null otherwise; ``excerpt`` the source
around the span (on one line, for reports).
"""

SPARK_SCHEMA = ", ".join(
    f"{name} {'string' if kind == 'string' else 'long'}" for name, kind in COLUMNS
)
"""The schema as Spark DDL, for ``mapInPandas(check_batches, schema=SPARK_SCHEMA)``."""


def findings_schema() -> pyarrow.Schema:
    import pyarrow as pa

    kinds = {"string": pa.string(), "int64": pa.int64()}
    return pa.schema([pa.field(name, kinds[kind], nullable=True) for name, kind in COLUMNS])


def findings_meta() -> pandas.DataFrame:
    """An empty DataFrame with the findings' columns and dtypes (Dask's ``meta``)."""
    return findings_schema().empty_table().to_pandas()


# -- warm-up ---------------------------------------------------------------------------

_warmed = False


def warm_up(config: Config | Mapping[str, Any] | None = None) -> None:
    """Build what a check needs once in this process (patterns, rules, rates)."""
    global _warmed
    if _warmed:
        return
    from .pipeline import check

    # digits, number words, a sign and a code before their amount, a unit conversion and
    # a percentage: every head and tail pattern of the scanner is compiled here, once
    check("Le budget de 97,4 milliards de dollars (près de 95 milliards d'euros), trois "
          "millions de plus, soit +12 % ; 10 km (6,2 miles), $5 ou EUR 4,5.",
          format="text", date=datetime.date(2025, 2, 11), config=config)
    from .mentions.standard import default_scanner

    default_scanner().context.warm()
    _warmed = True


# -- one article -----------------------------------------------------------------------


def document_rows(
    doc_id: str,
    text: Any,
    *,
    date: Any = None,
    format: Any = None,
    config: Config | None = None,
    default_format: str = DEFAULT_FORMAT,
) -> list[dict[str, Any]]:
    """The finding rows of one article (an ``NL000`` row with its reason if it cannot be
    checked). Never raises on the content of the row."""
    return checked_document(doc_id, text, date=date, format=format, config=config,
                            default_format=default_format)[0]


def checked_document(
    doc_id: str,
    text: Any,
    *,
    date: Any = None,
    format: Any = None,
    config: Config | None = None,
    default_format: str = DEFAULT_FORMAT,
) -> tuple[list[dict[str, Any]], Run | None]:
    """:func:`document_rows`, and the check's :class:`~numlint.pipeline.Run` (None when the
    article could not be checked): the archive audit reads the article's figures from it
    rather than reading and scanning the article a second time."""
    from .pipeline import run

    if not isinstance(text, str):
        why = f"the text is {_describe(text)}, not a string"
        return [failure_row(doc_id, "no-text", why)], None
    chosen = default_format if _missing(format) else format
    if chosen not in FORMATS:
        why = f"unknown format {chosen!r}: expected one of {', '.join(FORMATS)}"
        return [failure_row(doc_id, "bad-format", why)], None
    try:
        day = as_date(date)
    except ValueError as error:
        return [failure_row(doc_id, "bad-date", str(error))], None
    try:
        checked = run(text, format=cast("Format", chosen), date=day, config=config)
    except Exception as error:  # a bug in one article must not lose the others
        return [failure_row(doc_id, "failed", f"{type(error).__name__}: {error}")], None
    return [diagnostic_row(doc_id, text, d) for d in checked.diagnostics], checked


def diagnostic_row(doc_id: str, source: str, diagnostic: Diagnostic) -> dict[str, Any]:
    fix = diagnostic.fix
    fixed = None
    if fix is not None:
        inside = [e for e in fix.edits if diagnostic.start <= e.start <= e.end <= diagnostic.end]
        if len(inside) == len(fix.edits):
            shifted = [type(e)(e.start - diagnostic.start, e.end - diagnostic.start,
                               e.replacement) for e in inside]
            fixed = type(fix)(tuple(shifted)).apply(source[diagnostic.start : diagnostic.end])
    return {
        "doc_id": doc_id,
        "code": diagnostic.code,
        "name": diagnostic.name,
        "severity": diagnostic.severity,
        "start": diagnostic.start,
        "end": diagnostic.end,
        "line": diagnostic.line,
        "column": diagnostic.column,
        "end_line": diagnostic.end_line,
        "end_column": diagnostic.end_column,
        "message": diagnostic.message,
        "figure": source[diagnostic.start : diagnostic.end],
        "fix": fixed,
        "fix_safety": None if fix is None else fix.safety,
        "fix_description": None if fix is None else fix.description,
        "fix_edits": None if fix is None else json.dumps(
            [{"start": e.start, "end": e.end, "replacement": e.replacement} for e in fix.edits],
            ensure_ascii=False),
        "evidence": json.dumps(dict(diagnostic.evidence), ensure_ascii=False, sort_keys=True,
                               default=str),
        "reason": "failed" if diagnostic.code == INTERNAL_ERROR_CODE else None,
        "excerpt": excerpt(source, diagnostic.start, diagnostic.end),
    }


def failure_row(doc_id: str, reason: str, detail: str) -> dict[str, Any]:
    """The row standing for an article that was not checked, and why."""
    return {
        "doc_id": doc_id,
        "code": INTERNAL_ERROR_CODE,
        "name": INTERNAL_ERROR_NAME,
        "severity": "error",
        "start": 0,
        "end": 0,
        "line": 1,
        "column": 1,
        "end_line": 1,
        "end_column": 1,
        "message": f"numlint did not check this article: {detail}",
        "figure": "",
        "fix": None,
        "fix_safety": None,
        "fix_description": None,
        "fix_edits": None,
        "evidence": json.dumps({"reason": reason, "detail": detail}, ensure_ascii=False,
                               sort_keys=True),
        "reason": reason,
        "excerpt": "",
    }


EXCERPT_CHARS = 80


def excerpt(source: str, start: int, end: int) -> str:
    """The source around ``start``..``end`` on one line (line breaks and runs of spaces
    become one space; no-break spaces are kept, they are part of the figures)."""
    before = source[max(0, start - EXCERPT_CHARS) : start]
    after = source[end : end + EXCERPT_CHARS]
    return one_line(f"{before}{source[start:end]}{after}").strip(" ")


_BREAKS = re.compile(r"[ \t]*[\r\n]+[ \t]*|[ \t]{2,}|\t")


def one_line(text: str) -> str:
    return _BREAKS.sub(" ", text)


def as_date(value: Any) -> datetime.date | None:
    """A date column's value as a date: date, datetime, pandas Timestamp, ISO text, or
    missing (None, NaN, NaT, ``""``)."""
    if _missing(value):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return datetime.date.fromisoformat(text[:10])
        except ValueError:
            raise ValueError(f"unreadable date {value!r} (expected YYYY-MM-DD)") from None
    to_pydatetime = getattr(value, "to_pydatetime", None)  # numpy.datetime64 via pandas
    if to_pydatetime is not None:
        return to_pydatetime().date()
    if type(value).__name__ == "datetime64":
        import pandas

        return pandas.Timestamp(value).date()
    raise ValueError(f"unreadable date {value!r} ({type(value).__name__})")


def _missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float | Decimal) and math.isnan(value):
        return True
    if isinstance(value, str) and not value.strip():
        return True
    return type(value).__name__ in ("NaTType", "NAType")


def _describe(value: Any) -> str:
    return "missing" if _missing(value) else f"a {type(value).__name__}"


# -- frames ----------------------------------------------------------------------------


def check_rows(
    records: Iterable[Mapping[str, Any]],
    *,
    text: str = "text",
    date: str = "date",
    format: str = "format",
    id: str = "id",
    config: Config | Mapping[str, Any] | None = None,
    default_format: str = DEFAULT_FORMAT,
) -> list[dict[str, Any]]:
    """The finding rows of articles given as mappings (the core of :func:`check_frame`)."""
    settings = as_config(config)
    warm_up(settings)
    rows: list[dict[str, Any]] = []
    for index, record in enumerate(records):
        doc_id = record.get(id)
        doc_id = str(index) if _missing(doc_id) else str(doc_id)
        rows.extend(document_rows(doc_id, record.get(text), date=record.get(date),
                                  format=record.get(format), config=settings,
                                  default_format=default_format))
    return rows


def check_frame(
    frame: Any,
    text: str = "text",
    date: str = "date",
    format: str = "format",
    id: str = "id",
    *,
    config: Config | Mapping[str, Any] | None = None,
    default_format: str = DEFAULT_FORMAT,
) -> Any:
    """Check every article of ``frame`` and return its findings, the same kind of frame.

    ``text``, ``date``, ``format`` and ``id`` name the columns; only the text column is
    required (no id column: the row's position in the frame; no format:
    ``default_format``, Markdown unless told; no date: the date the article states, else
    the latest rate). ``config`` is a
    :class:`numlint.Config` (picklable) or a ``[tool.numlint]`` mapping.
    """
    columns = {"text": text, "date": date, "format": format, "id": id}
    kind, records = _records(frame, text)
    rows = check_rows(records, config=config, default_format=default_format, **columns)
    return _frame_of(kind, rows)


def check_batches(batches: Iterable[Any], **options: Any) -> Iterator[Any]:
    """:func:`check_frame` over an iterator of frames: Spark's ``mapInPandas`` shape."""
    for batch in batches:
        yield check_frame(batch, **options)


def _records(frame: Any, text: str) -> tuple[str, list[Mapping[str, Any]]]:
    module = type(frame).__module__.split(".")[0]
    if module == "pandas":
        if text not in frame.columns:
            raise KeyError(f"the frame has no text column {text!r} (columns: "
                           f"{', '.join(map(str, frame.columns))})")
        return "pandas", frame.to_dict("records")
    if module == "pyarrow":
        if text not in frame.column_names:
            raise KeyError(f"the table has no text column {text!r} (columns: "
                           f"{', '.join(frame.column_names)})")
        return "arrow", frame.to_pylist()
    if isinstance(frame, Mapping):
        if text not in frame:
            raise KeyError(f"the batch has no text column {text!r} (columns: "
                           f"{', '.join(map(str, frame))})")
        names = list(frame)
        values = [list(frame[name]) for name in names]
        return "dict", [dict(zip(names, row, strict=True)) for row in zip(*values, strict=True)]
    raise TypeError(f"check_frame expects a pandas DataFrame, a pyarrow Table or a dict of "
                    f"columns, not {type(frame).__name__}")


def _frame_of(kind: str, rows: list[dict[str, Any]]) -> Any:
    import pyarrow as pa

    table = pa.Table.from_pylist(rows, schema=findings_schema())
    if kind == "pandas":
        return table.to_pandas()
    if kind == "dict":
        return table.to_pydict()
    return table


__all__ = [
    "COLUMNS",
    "SPARK_SCHEMA",
    "check_batches",
    "check_frame",
    "check_rows",
    "findings_meta",
    "findings_schema",
    "warm_up",
]
