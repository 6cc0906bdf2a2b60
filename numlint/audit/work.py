"""What a worker does with one partition: findings, figures and a line per article.

The same function runs in the processes engine, on a Dask worker and in tests, so every
engine gives the same results, article for article.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..batch import DEFAULT_FORMAT, FORMATS, as_date, checked_document, failure_row, warm_up
from ..config import Config
from .beacon import OUTSIDE
from .figures import figures_of
from .inputs import Article, ColumnMap, Partition, read
from .tables import SealedPartition


@dataclass(frozen=True)
class Job:
    """Everything a worker needs, picklable: the column map and the configuration."""

    columns: ColumnMap = field(default_factory=ColumnMap)
    config: Config = field(default_factory=Config)
    timeout: float = 60.0
    """Seconds one article may take (the processes engine kills a worker past it)."""
    default_format: str = DEFAULT_FORMAT
    """The format of an article whose format field is empty or absent."""
    cross: bool = True
    """Collect the scaled figures for the cross-document check (NL901)."""


@dataclass
class ArticleResult:
    findings: list[dict[str, Any]]
    figures: list[dict[str, Any]]
    article: dict[str, Any]


@dataclass
class PartitionResult:
    """A partition's rows while it is being checked; :meth:`seal` makes them tables."""

    index: int
    findings: list[dict[str, Any]] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)
    articles: list[dict[str, Any]] = field(default_factory=list)

    def add(self, result: ArticleResult) -> None:
        self.findings.extend(result.findings)
        self.figures.extend(result.figures)
        self.articles.append(result.article)

    def seal(self) -> SealedPartition:
        return SealedPartition.of(self.index, {"findings": self.findings,
                                               "figures": self.figures,
                                               "articles": self.articles})


def process_article(article: Article, job: Job) -> ArticleResult:
    """The findings of one article, its scaled figures, and its line in the report."""
    checked = None
    if "error" in article.extra:
        findings = [failure_row(article.id, "unreadable", article.extra["error"])]
    else:
        findings, checked = checked_document(article.id, article.text, date=article.date,
                                             format=article.format, config=job.config,
                                             default_format=job.default_format)
    day = None
    with contextlib.suppress(ValueError):  # a bad date is already an NL000 row
        day = as_date(article.date)
    fmt = job.default_format if article.format in (None, "") else article.format
    size = 0
    if isinstance(article.text, str) and fmt in FORMATS:
        size = len(article.text.encode("utf-8"))
    figures: list[dict[str, Any]] = []
    if checked is not None and checked.prose is not None:
        day = day or checked.prose.date
        if job.cross and checked.document is not None:
            when = day.isoformat() if day else None
            figures = [f.as_row() for f in figures_of(article.id, checked.prose, when,
                                                      checked.document.mentions)]
    return ArticleResult(findings, figures, article_row(article.id, day, size, findings))


def article_row(doc_id: str, day: Any, size: int,
                findings: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "date": day.isoformat() if day else None,
        "bytes": size,
        "findings": sum(1 for f in findings if f["code"] != "NL000"),
        "failed": next((f["reason"] for f in findings if f["code"] == "NL000"), None),
    }


def articles_of(partition: Partition, job: Job) -> Iterator[tuple[int, Article]]:
    yield from enumerate(read(partition, job.columns))


ProcessArticle = Callable[[Article, Job], ArticleResult]
OnStart = Callable[[int], None]


def check_partition(partition: Partition, job: Job,
                    process: ProcessArticle = process_article,
                    skipped: Mapping[int, str] | None = None,
                    on_start: OnStart | None = None) -> SealedPartition:
    """All of a partition, sealed.

    ``skipped`` maps the positions of articles not to check again (one that timed out or
    killed a worker on an earlier try) to the reason their row gives; ``on_start`` hears
    the position of each article before it is checked (the processes engine times it),
    then :data:`~.beacon.OUTSIDE` once every article is checked."""
    result = PartitionResult(partition.index)
    for position, article in articles_of(partition, job):
        if skipped and position in skipped:
            result.add(timeout_result(article.id, job.timeout, skipped[position]))
            continue
        if on_start is not None:
            on_start(position)
        result.add(process(article, job))
    if on_start is not None:
        on_start(OUTSIDE)
    return result.seal()


def process_partition(partition: Partition, job: Job) -> SealedPartition:
    """All of a partition, in one call (the Dask engine's task)."""
    warm_up(job.config)
    return check_partition(partition, job)


def timeout_result(doc_id: str, seconds: float, why: str = "timeout") -> ArticleResult:
    detail = (f"it took longer than {seconds:g} s; the worker was stopped and replaced"
              if why == "timeout" else "the worker checking it died; it was replaced")
    findings = [failure_row(doc_id, why, detail)]
    return ArticleResult(findings, [], article_row(doc_id, None, 0, findings))
