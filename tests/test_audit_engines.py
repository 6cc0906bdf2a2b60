"""The audit's engines: a stuck or dying worker is replaced and its article is a row; the
Dask engine on a real LocalCluster of 2 worker processes finds what one process finds."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

pytest.importorskip("pyarrow", reason="the archive extra is not installed (pyarrow)")
from audit_support import article, read_findings, write_jsonl

from numlint.audit.engines import ProcessesEngine
from numlint.audit.inputs import Article, plan
from numlint.audit.run import Options, audit
from numlint.audit.tables import SealedPartition
from numlint.audit.work import ArticleResult, Job, process_article


def stall_or_crash(item: Article, job: Job) -> ArticleResult:
    """Hangs on an article that says STALL, dies on one that says CRASH (for the tests)."""
    if "STALL" in item.text:
        time.sleep(600)
    if "CRASH" in item.text:
        os._exit(3)
    return process_article(item, job)


def run_engine(tmp_path: Path, texts: list[str], workers: int) -> list[SealedPartition]:
    records = [dict(article(n), text=text) for n, text in enumerate(texts)]
    partitions = plan([str(write_jsonl(tmp_path / "in.jsonl", records))], size=3)
    results: list[SealedPartition] = []
    ProcessesEngine(workers=workers, process=stall_or_crash).run(
        partitions, Job(timeout=3.0, default_format="text"), results.append)
    return sorted(results, key=lambda r: r.index)


def test_a_stuck_article_times_out_and_the_rest_of_its_partition_is_checked(
        tmp_path: Path) -> None:
    slip = article(0)["text"]
    texts = [slip, "STALL", slip, slip, "CRASH", slip, slip]
    results = run_engine(tmp_path, texts, workers=2)
    assert [r.index for r in results] == [0, 1, 2]
    articles = [a for r in results for a in r.rows("articles")]
    assert [a["doc_id"] for a in articles] == [f"art-{n:04d}" for n in range(7)]
    assert [a["failed"] for a in articles] == [None, "timeout", None, None, "crashed", None,
                                               None]
    findings = [f for r in results for f in r.rows("findings")]
    stuck = next(f for f in findings if f["doc_id"] == "art-0001")
    assert stuck["code"] == "NL000" and "3 s" in stuck["message"]
    checked = {f["doc_id"] for f in findings if f["code"] == "NL101"}
    assert checked == {"art-0000", "art-0002", "art-0003", "art-0005", "art-0006"}


def test_dask_local_cluster_of_two_workers_matches_one_process(tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="dask.distributed is not installed")
    records = [article(n) for n in range(30)]
    records[7]["text"] = None  # a failure row travels through Dask too
    source = str(write_jsonl(tmp_path / "in.jsonl", records))
    job = Job(default_format="text")
    one = audit(Options([source], tmp_path / "one" / "f.parquet", partition_size=4), job)
    dask = audit(Options([source], tmp_path / "dask" / "f.parquet", engine="dask",
                         workers=2, partition_size=4), job)
    assert dask.redone == one.redone == list(range(8))
    expected = read_findings(tmp_path / "one" / "f.parquet")
    assert read_findings(tmp_path / "dask" / "f.parquet") == expected
    assert dask.articles == one.articles == 30 and dask.failed_articles == 1
    assert ("art-0007", "no-text") in {(r["doc_id"], r["reason"]) for r in expected}
    assert len({r["doc_id"] for r in expected if r["code"] == "NL101"}) >= 10


def test_workers_that_keep_dying_outside_any_article_stop_the_run(tmp_path: Path) -> None:
    from numlint.audit.engines import EngineError

    source = write_jsonl(tmp_path / "in.jsonl", [article(0)])
    partitions = plan([str(source)])
    source.unlink()  # every worker now dies reading its partition
    with pytest.raises(EngineError, match="died 3 times outside any article"):
        ProcessesEngine(workers=1).run(partitions, Job(), lambda result: None)


def test_the_beacon_tells_which_article_a_worker_is_on_and_since_when() -> None:
    import multiprocessing

    from numlint.audit.beacon import OUTSIDE, Beacon

    beacon = Beacon(multiprocessing.get_context("spawn"))
    assert beacon.read() is not None and beacon.read()[0] == OUTSIDE
    before = time.monotonic()
    beacon.enter(7)
    position, started = beacon.read() or (None, 0.0)
    assert position == 7 and before <= started <= time.monotonic()
    beacon.leave()
    assert beacon.read()[0] == OUTSIDE == beacon.last()  # type: ignore[index]


def test_a_partition_comes_back_as_json_columns_with_its_counts(tmp_path: Path) -> None:
    results = run_engine(tmp_path, [article(n)["text"] for n in range(4)], workers=1)
    assert [r.index for r in results] == [0, 1]
    for result in results:
        assert all(data[:1] == b"{" for data in result.files.values())
        for part in ("articles", "findings", "figures"):
            assert result.count(part) == len(result.rows(part)) == result.table(part).num_rows
        assert result.count("findings") > 0 and result.count("figures") > 0
        assert result.table("findings").to_pylist() == result.rows("findings")


def test_a_worker_never_imports_pyarrow(tmp_path: Path) -> None:
    """pyarrow (and the pandas its first array imports) would add some 90 MB a worker."""
    import subprocess
    import sys

    source = write_jsonl(tmp_path / "in.jsonl", [article(n) for n in range(3)])
    code = ("import sys; from numlint.audit.inputs import plan; "
            "from numlint.audit.work import Job, check_partition; "
            f"sealed = check_partition(plan([{str(source)!r}])[0], Job()); "
            "print(sealed.count('findings'), 'pyarrow' in sys.modules, "
            "'pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert int(out[0]) > 0 and out[1:] == ["False", "False"]
