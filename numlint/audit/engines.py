"""The engines that run the partitions: local processes, or a Dask cluster.

Both call ``on_done(result)`` once per finished partition, in the main process, which
records it in the state folder; an engine never writes results itself.

The processes engine gives each worker one partition at a time and hears from it before
and after every article, so an article that runs past the timeout is known: its worker
is killed, the article becomes an ``NL000`` row (``timeout``), and a new worker takes the
rest of the partition. The Dask engine sends whole partitions as tasks; Dask retries a
task whose worker died, and a partition that still fails becomes one ``NL000`` row per
article (``partition-failed``) rather than a hole in the output.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from ..batch import failure_row, warm_up
from ..errors import Localized
from ..i18n import N_
from .inputs import Article, Partition
from .work import (
    ArticleResult,
    Job,
    PartitionResult,
    article_row,
    articles_of,
    process_article,
    process_partition,
    timeout_result,
)

OnDone = Callable[[PartitionResult], None]
MAX_DEATHS = 3
ProcessArticle = Callable[[Article, Job], ArticleResult]


class EngineError(Localized, RuntimeError):
    """The engine could not run (no Dask installed, no scheduler at the address)."""

    def __init__(self, message: str, params: Mapping[str, Any] | None = None) -> None:
        super().__init__(self.localize(message, params))

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.message, self.params))


# -- processes -------------------------------------------------------------------------


def _worker_main(connection: Connection, job: Job, process: ProcessArticle) -> None:
    warm_up(job.config)
    while True:
        task = connection.recv()
        if task is None:
            return
        partition, skip = task
        for position, article in articles_of(partition, job, skip):
            connection.send(("start", position, article.id))
            connection.send(("article", position, process(article, job)))
        connection.send(("end", None, None))


@dataclass
class _Worker:
    process: Any
    connection: Connection
    partition: Partition | None = None
    result: PartitionResult | None = None
    article: tuple[int, str] | None = None
    started: float = 0.0


@dataclass
class ProcessesEngine:
    workers: int = 1
    process: ProcessArticle = process_article
    """What a worker does with an article (a module-level function: it is pickled)."""
    _context: Any = field(default_factory=lambda: multiprocessing.get_context("spawn"))
    _deaths: dict[tuple[int, int], int] = field(default_factory=dict)

    def run(self, partitions: Sequence[Partition], job: Job, on_done: OnDone) -> None:
        queue: list[tuple[Partition, int, PartitionResult | None]] = [
            (p, 0, None) for p in partitions]
        queue.reverse()
        pool = [self._start(job) for _ in range(min(self.workers, len(partitions)))]
        try:
            while queue or any(w.partition is not None for w in pool):
                for worker in pool:
                    if worker.partition is None and queue:
                        partition, skip, result = queue.pop()
                        worker.partition = partition
                        worker.result = result or PartitionResult(partition.index)
                        worker.connection.send((partition, skip))
                ready = wait([w.connection for w in pool if w.partition is not None], 0.2)
                for index, worker in enumerate(pool):
                    if worker.connection in ready:
                        try:
                            self._receive(worker, on_done)
                        except (EOFError, OSError):
                            pool[index] = self._replace(worker, job, queue, "crashed")
                    elif (worker.article is not None
                          and time.monotonic() - worker.started > job.timeout):
                        pool[index] = self._replace(worker, job, queue, "timeout")
        finally:
            for worker in pool:
                self._stop(worker)

    def _start(self, job: Job) -> _Worker:
        ours, theirs = self._context.Pipe()
        process = self._context.Process(target=_worker_main, args=(theirs, job, self.process),
                                        daemon=True)
        process.start()
        theirs.close()
        return _Worker(process, ours)

    def _receive(self, worker: _Worker, on_done: OnDone) -> None:
        while worker.connection.poll():
            kind, position, payload = worker.connection.recv()
            assert worker.result is not None
            if kind == "start":
                worker.article, worker.started = (position, payload), time.monotonic()
            elif kind == "article":
                worker.result.add(payload)
                worker.article = None
            else:
                on_done(worker.result)
                worker.partition = worker.result = worker.article = None
                return

    def _replace(self, worker: _Worker, job: Job, queue: list[Any], why: str) -> _Worker:
        """Kill a stuck or dead worker; its article becomes a row, the rest is requeued.

        A worker that dies outside any article (at start-up, reading its partition) is
        retried; the third time at the same place ends the run with an error."""
        self._stop(worker, kill=True)
        if worker.partition is not None and worker.result is not None:
            if worker.article is not None:
                position, doc_id = worker.article
                worker.result.add(timeout_result(doc_id, job.timeout, why))
                skip = position + 1
            else:
                skip = len(worker.result.articles)
                place = (worker.partition.index, skip)
                self._deaths[place] = self._deaths.get(place, 0) + 1
                if self._deaths[place] >= MAX_DEATHS:
                    raise EngineError(
                        N_("worker processes died {deaths} times outside any article "
                           "(partition {partition} of {path}); is numlint installed for "
                           "the workers' Python?"),
                        {"deaths": str(MAX_DEATHS), "partition": str(place[0]),
                         "path": worker.partition.path})
            queue.append((worker.partition, skip, worker.result))
        return self._start(job)

    @staticmethod
    def _stop(worker: _Worker, kill: bool = False) -> None:
        if not kill:
            try:
                worker.connection.send(None)
            except (OSError, ValueError):
                kill = True
            worker.process.join(2)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.connection.close()


# -- dask ------------------------------------------------------------------------------


@dataclass
class DaskEngine:
    workers: int = 2
    scheduler: str | None = None

    def run(self, partitions: Sequence[Partition], job: Job, on_done: OnDone) -> None:
        try:
            from distributed import Client, LocalCluster, as_completed
        except ImportError:
            raise EngineError(N_("the dask engine needs dask.distributed: "
                                 "pip install 'numlint[archive]'")) from None
        cluster = None
        try:
            if self.scheduler:
                client = Client(self.scheduler, timeout="10s")
            else:
                cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1,
                                       processes=True, dashboard_address=None)
                client = Client(cluster)
        except OSError as error:
            raise EngineError(N_("cannot reach the Dask scheduler {scheduler}: {error}"),
                              {"scheduler": str(self.scheduler), "error": str(error)}) from None
        try:
            client.run(warm_up, job.config)  # once per worker, not per task
            futures = {client.submit(process_partition, p, job, pure=False, retries=2,
                                     key=f"numlint-partition-{p.index}"): p
                       for p in partitions}
            for future in as_completed(futures):
                partition = futures[future]
                try:
                    result = future.result()
                except Exception as error:
                    result = failed_partition(partition, job, error)
                on_done(result)
                future.release()
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


def failed_partition(partition: Partition, job: Job, error: BaseException) -> PartitionResult:
    """One row per article of a partition whose task failed (read here, in the client)."""
    result = PartitionResult(partition.index)
    detail = f"its partition failed on every try: {type(error).__name__}: {error}"
    try:
        ids = [article.id for _, article in articles_of(partition, job)]
    except Exception:
        ids = [f"partition-{partition.index}"]
    for doc_id in ids:
        findings = [failure_row(doc_id, "partition-failed", detail)]
        result.add(ArticleResult(findings, [], article_row(doc_id, None, 0, findings)))
    return result


def engine_for(name: str, workers: int, scheduler: str | None) -> Any:
    if name == "dask":
        return DaskEngine(workers=workers, scheduler=scheduler)
    return ProcessesEngine(workers=workers)
