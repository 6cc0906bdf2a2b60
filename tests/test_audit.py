"""numlint audit: inputs, column map, errors, atomic output, and resuming after a kill."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow", reason="the archive extra is not installed (pyarrow)")
import pyarrow.parquet as pq  # noqa: E402
from audit_support import article, read_findings, write_jsonl  # noqa: E402

from numlint.cli import main  # noqa: E402


def audit(*args: str) -> int:
    return main(["audit", "-q", *map(str, args)])


def test_jsonl_and_parquet_with_a_column_map_give_the_same_findings(tmp_path: Path) -> None:
    records = [article(n) for n in range(12)]
    jsonl = write_jsonl(tmp_path / "a.jsonl", records)
    renamed = [{"uid": r["id"], "body": r["text"], "published": r["date"]} for r in records]
    parquet = tmp_path / "a.parquet"
    pq.write_table(pa.Table.from_pylist(renamed), parquet, row_group_size=5)
    assert audit(jsonl, "-o", tmp_path / "j.parquet", "--format-in", "text",
                 "--partition-size", "4") == 1
    assert audit(parquet, "-o", tmp_path / "p.parquet", "--format-in", "text",
                 "--columns", "text=body,date=published", "--columns", "id=uid",
                 "--partition-size", "3") == 1
    from_jsonl = read_findings(tmp_path / "j.parquet")
    assert from_jsonl == read_findings(tmp_path / "p.parquet")
    assert {r["doc_id"] for r in from_jsonl if r["code"] == "NL101"} >= {"art-0000"}
    slip = next(r for r in from_jsonl if r["code"] == "NL101")
    text = records[int(slip["doc_id"][4:])]["text"]
    assert text[slip["start"] : slip["end"]] == slip["figure"] == "95\u202fmillions d’euros"
    assert slip["fix"] == "95\u202fmilliards d’euros"


def test_a_malformed_line_is_a_row_not_a_hole(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(article(0)) + "\n{pas du json\n[1, 2]\n"
                    + json.dumps({"id": "no-text"}) + "\n", encoding="utf-8")
    assert audit(path, "-o", tmp_path / "f.parquet") == 1
    failures = [(r["doc_id"], r["reason"]) for r in read_findings(tmp_path / "f.parquet")
                if r["code"] == "NL000"]
    assert failures == [("bad.jsonl:2", "unreadable"), ("bad.jsonl:3", "unreadable"),
                        ("no-text", "no-text")]


@pytest.mark.parametrize(("args", "message"), [
    (["missing.jsonl"], "missing.jsonl: no such file"),
    (["notes.txt"], "unknown input type"),
    (["ok.jsonl", "--columns", "texte=body"], "unknown field 'texte'"),
    (["ok.jsonl", "--columns", "text"], "expected FIELD=COLUMN"),
    (["ok.jsonl", "--workers", "0"], "expected at least 1"),
    (["ok.jsonl", "--timeout", "0"], "expected more than 0 seconds"),
    (["ok.jsonl", "--timeout", "nan"], "expected more than 0 seconds"),
])
def test_bad_input_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     args: list[str], message: str) -> None:
    write_jsonl(tmp_path / "ok.jsonl", [article(0)])
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    os.chdir(tmp_path)
    assert audit(*args, "-o", "f.parquet", "--lang", "en") == 2
    error = capsys.readouterr().err
    assert message in error and error.count("\n") == 1 and "Traceback" not in error
    assert not (tmp_path / "f.parquet").exists()


def test_a_state_folder_of_other_inputs_is_refused(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    first = write_jsonl(tmp_path / "a.jsonl", [article(0)])
    second = write_jsonl(tmp_path / "b.jsonl", [dict(article(0), id="other")])
    assert audit(first, "-o", tmp_path / "f.parquet") == 1
    assert audit(second, "-o", tmp_path / "f.parquet") == 2
    assert "--fresh" in capsys.readouterr().err
    assert audit(second, "-o", tmp_path / "f.parquet", "--fresh") == 1
    assert {r["doc_id"] for r in read_findings(tmp_path / "f.parquet")} == {"other"}


def _journal(state: Path) -> dict[int, set[int]]:
    runs: dict[int, set[int]] = {}
    for line in (state / "journal.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        runs.setdefault(entry["run"], set()).add(entry["partition"])
    return runs


def test_a_killed_run_resumes_without_redoing_finished_partitions(tmp_path: Path) -> None:
    partitions = 40
    records = [article(n, size=12) for n in range(partitions)]
    source = write_jsonl(tmp_path / "archive.jsonl", records)
    output = tmp_path / "out" / "findings.parquet"
    output.parent.mkdir()
    state = output.with_name("findings.parquet.state")
    command = [sys.executable, "-m", "numlint", "audit", str(source), "-o", str(output),
               "--partition-size", "1", "--format-in", "text", "-q"]
    process = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if state.exists() and len(list(state.glob("*.done"))) >= 3:
            os.killpg(process.pid, signal.SIGKILL)
            break
        time.sleep(0.005)
    process.wait()
    finished = {int(p.name[5:11]) for p in state.glob("*.done")}
    assert 3 <= len(finished) < partitions, "the kill did not land in the middle of the run"
    assert not output.exists()  # nothing half-written

    assert subprocess.run(command, check=False).returncode == 1
    runs = _journal(state)
    assert runs.get(1, set()) <= finished  # .done is written before the journal line
    assert runs[2] == set(range(partitions)) - finished  # the redone set, exactly

    fresh = tmp_path / "fresh" / "findings.parquet"
    fresh.parent.mkdir()
    assert audit(source, "-o", fresh, "--partition-size", "1", "--format-in", "text") == 1
    assert read_findings(output) == read_findings(fresh)
    assert len({r["doc_id"] for r in read_findings(output)}) == partitions


def test_a_parquet_input_without_the_text_column_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.parquet"
    pq.write_table(pa.Table.from_pylist([{"body": "x", "uid": "1"}]), path)
    assert audit(path, "-o", tmp_path / "f.parquet", "--lang", "en") == 2
    assert "no text column 'text' (columns: body, uid; see --columns)" in capsys.readouterr().err


def test_a_state_folder_of_another_layout_is_refused(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    source = write_jsonl(tmp_path / "a.jsonl", [article(0)])
    assert audit(source, "-o", tmp_path / "f.parquet") == 1
    manifest = tmp_path / "f.parquet.state" / "manifest.json"
    recorded = json.loads(manifest.read_text(encoding="utf-8"))
    assert recorded["state"] == 2 and list((tmp_path / "f.parquet.state").glob("*.json"))
    manifest.write_text(json.dumps(dict(recorded, state=1)), encoding="utf-8")
    assert audit(source, "-o", tmp_path / "f.parquet") == 2
    assert "--fresh" in capsys.readouterr().err
