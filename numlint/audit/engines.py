"""The engines that run the partitions: local processes, or a Dask cluster.

Both call ``on_done(sealed)`` once per finished partition, in the main process, which
records it in the state folder; an engine never writes results itself. A partition is
sealed into Parquet files where it was checked (see :mod:`.tables`), so the main process
only receives bytes and writes them, and stays out of the workers' way.

The processes engine gives each worker one partition at a time (a description: the
worker reads the articles itself) and hears from it once, when the partition is done.
Which article a worker is on is in shared memory (:mod:`.beacon`), which the main process
reads five times a second: an article that runs past the timeout is known without a
message per article; its worker is killed, and a new worker checks the partition again
with that article as an ``NL000`` row (``timeout``, or ``crashed`` for one that killed
its worker). Checking is deterministic, so the articles checked twice give the same rows.
The next partition is handed out before a finished one is saved, so no worker waits for
the main process's writes. The Dask engine sends whole partitions as tasks; Dask retries
a task whose worker died, and a partition that still fails becomes one ``NL000`` row per
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
from .beacon import OUTSIDE, Beacon
from .inputs import Partition
from .tables import SealedPartition
from .work import (
    ArticleResult,
    Job,
    PartitionResult,
    ProcessArticle,
    article_row,
    articles_of,
    check_partition,
    process_article,
    process_partition,
)

OnDone = Callable[[SealedPartition], None]
MAX_DEATHS = 3


class EngineError(Localized, RuntimeError):
    """The engine could not run (no Dask installed, no scheduler at the address)."""

    def __init__(self, message: str, params: Mapping[str, Any] | None = None) -> None:
        super().__init__(self.localize(message, params))

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.message, self.params))


# -- processes -------------------------------------------------------------------------


def _worker_main(connection: Connection, job: Job, process: ProcessArticle,
                 beacon: Beacon) -> None:
    warm_up(job.config)
    while True:
        task = connection.recv()
        if task is None:
            return
        partition, skipped = task
        connection.send(check_partition(partition, job, process, skipped, beacon.enter))


@dataclass
class _Task:
    partition: Partition
    skipped: dict[int, str] = field(default_factory=dict)
    """Articles of an earlier try that timed out or killed their worker, and why."""


@dataclass
class _Worker:
    process: Any
    connection: Connection
    beacon: Beacon
    task: _Task | None = None

    def overdue(self, timeout: float) -> int | None:
        """The position of the article it has been checking for longer than ``timeout``
        seconds, if any."""
        where = self.beacon.read()
        if where is None or where[0] == OUTSIDE or time.monotonic() - where[1] <= timeout:
            return None
        return where[0]


@dataclass
class ProcessesEngine:
    workers: int = 1
    process: ProcessArticle = process_article
    """What a worker does with an article (a module-level function: it is pickled)."""
    _context: Any = field(default_factory=lambda: multiprocessing.get_context("spawn"))
    _deaths: dict[tuple[int, int], int] = field(default_factory=dict)

    def run(self, partitions: Sequence[Partition], job: Job, on_done: OnDone) -> None:
        queue = [_Task(p) for p in reversed(partitions)]
        pool = [self._start(job) for _ in range(min(self.workers, len(partitions)))]
        try:
            while queue or any(w.task is not None for w in pool):
                self._hand_out(pool, queue)
                ready = wait([w.connection for w in pool if w.task is not None], 0.2)
                finished: list[SealedPartition] = []
                for index, worker in enumerate(pool):
                    if worker.connection in ready:
                        try:
                            finished.extend(self._receive(worker))
                        except (EOFError, OSError):
                            pool[index] = self._replace(worker, job, queue, "crashed")
                    elif worker.task is not None:
                        stuck = worker.overdue(job.timeout)
                        if stuck is not None:
                            pool[index] = self._replace(worker, job, queue, "timeout", stuck)
                self._hand_out(pool, queue)  # before saving: no worker waits for the writes
                for sealed in finished:
                    on_done(sealed)
        finally:
            for worker in pool:
                self._stop(worker)

    @staticmethod
    def _hand_out(pool: list[_Worker], queue: list[_Task]) -> None:
        for worker in pool:
            if worker.task is None and queue:
                worker.task = queue.pop()
                worker.connection.send((worker.task.partition, worker.task.skipped))

    def _start(self, job: Job) -> _Worker:
        ours, theirs = self._context.Pipe()
        beacon = Beacon(self._context)
        process = self._context.Process(target=_worker_main,
                                        args=(theirs, job, self.process, beacon), daemon=True)
        process.start()
        theirs.close()
        return _Worker(process, ours, beacon)

    @staticmethod
    def _receive(worker: _Worker) -> list[SealedPartition]:
        sealed = worker.connection.recv()
        worker.task = None
        return [sealed]

    def _replace(self, worker: _Worker, job: Job, queue: list[_Task], why: str,
                 position: int | None = None) -> _Worker:
        """Kill a stuck or dead worker; its article becomes a row, its partition is redone.

        ``position`` is the article it was stuck on (a dead worker's is in its beacon). A
        worker that dies outside any article (at start-up, reading or sealing its
        partition) is retried; the third time at the same place ends the run with an
        error."""
        self._stop(worker, kill=True)
        task = worker.task
        if task is not None:
            if position is None:
                position = worker.beacon.last()
            if position != OUTSIDE:
                task.skipped[position] = why
            else:
                place = (task.partition.index, len(task.skipped))
                self._deaths[place] = self._deaths.get(place, 0) + 1
                if self._deaths[place] >= MAX_DEATHS:
                    raise EngineError(
                        N_("worker processes died {deaths} times outside any article "
                           "(partition {partition} of {path}); is numlint installed for "
                           "the workers' Python?"),
                        {"deaths": str(MAX_DEATHS), "partition": str(place[0]),
                         "path": task.partition.path})
            queue.append(task)
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


QUIET_CLUSTER = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.scheduler.worker-saturation": 1.0,
    "distributed.scheduler.work-stealing": False,
}
"""The local cluster's settings: no dashboard reads the statistical profiler (a stack
sample of the task every 10 ms) nor the 0.5 s system monitor, which with the 20 ms ticks
cost some 2 % of a core in each worker and in the scheduler even when idle; and a worker
is given one partition at a time, as in the processes engine, so none holds a second
partition at the end while another is idle (no stealing needed)."""


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
                import dask

                with dask.config.set(QUIET_CLUSTER):  # the nannies pass it to the workers
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


def failed_partition(partition: Partition, job: Job, error: BaseException) -> SealedPartition:
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
    return result.seal()


def engine_for(name: str, workers: int, scheduler: str | None) -> Any:
    if name == "dask":
        return DaskEngine(workers=workers, scheduler=scheduler)
    return ProcessesEngine(workers=workers)
