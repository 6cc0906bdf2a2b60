"""The state folder of a run, next to its output: what is finished, so that a rerun after
an interruption does not redo it.

``findings.parquet.state/`` holds ``manifest.json`` (the inputs, their sizes and times,
the options: a rerun with other inputs or options is refused rather than mixed), one set
of files per finished partition (``part-000042.findings.json``, ``.figures.json``,
``.articles.json``: each part's columns, as the worker sealed them, see :mod:`.tables`;
then ``.done`` written last), and ``journal.jsonl`` (which run
finished which partition). Every file is written to a temporary name and renamed, so an
interruption leaves either a whole partition or none.
"""

from __future__ import annotations

import functools
import json
import os
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import Localized, NumlintError
from ..i18n import N_
from .inputs import Partition
from .tables import PARTS, SCHEMAS, SealedPartition, decode

STATE_SUFFIX = ".state"


class StateError(Localized, NumlintError):
    """A state folder that does not belong to this run."""

    def __init__(self, message: str, params: Mapping[str, Any] | None = None) -> None:
        super().__init__(self.localize(message, params))

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.message, self.params))


def atomic_write(path: Path, write: Callable[[Path], object]) -> None:
    """``write`` to a temporary file beside ``path``, then rename it over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp",
                                         dir=path.parent)
    os.close(handle)
    try:
        write(Path(temporary))
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it private: as open() would
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class State:
    def __init__(self, output: Path, manifest: dict[str, Any]) -> None:
        self.folder = output.with_name(output.name + STATE_SUFFIX)
        self.manifest = manifest
        self.run = 1

    def open(self, fresh: bool = False) -> None:
        """Create the folder, or resume it; refuse one made for other inputs or options."""
        path = self.folder / "manifest.json"
        if fresh and self.folder.exists():
            for child in self.folder.iterdir():
                child.unlink()
        if path.exists():
            try:
                recorded = json.loads(path.read_text(encoding="utf-8"))
            except ValueError:
                recorded = None
            if recorded != self.manifest:
                raise StateError(
                    N_("{folder}: this state folder was made for other inputs or options; "
                       "rerun with --fresh to start over (its finished partitions are "
                       "dropped)"), {"folder": str(self.folder)})
            self.run = 1 + max((entry["run"] for entry in self.journal()), default=0)
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps(self.manifest, indent=1, sort_keys=True)
        atomic_write(path, lambda temporary: temporary.write_text(text, encoding="utf-8"))

    def _file(self, index: int, part: str) -> Path:
        return self.folder / f"part-{index:06d}.{part}"

    def done(self, partitions: Sequence[Partition]) -> set[int]:
        return {p.index for p in partitions if self._file(p.index, "done").exists()}

    def save(self, result: SealedPartition) -> None:
        for part in PARTS:
            atomic_write(self._file(result.index, f"{part}.json"),
                         functools.partial(Path.write_bytes, data=result.files[part]))
        counts = json.dumps({"articles": result.count("articles"),
                             "findings": result.count("findings")})
        atomic_write(self._file(result.index, "done"),
                     lambda temporary: temporary.write_text(counts, encoding="utf-8"))
        with (self.folder / "journal.jsonl").open("a", encoding="utf-8") as journal:
            journal.write(json.dumps({"run": self.run, "partition": result.index}) + "\n")

    def journal(self) -> list[dict[str, int]]:
        path = self.folder / "journal.jsonl"
        if not path.exists():
            return []
        entries = []
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                entries.append(json.loads(line))
            except ValueError:
                continue  # a line cut by an interruption: its partition has no .done
        return entries

    def tables(self, partitions: Sequence[Partition], part: str) -> Iterator[Any]:
        """One part of each partition, in partition order, as Arrow tables (one at a
        time: an archive's findings need not fit in memory at once)."""
        for partition in partitions:
            yield decode(part, self._file(partition.index, f"{part}.json").read_bytes())

    def table(self, partitions: Sequence[Partition], part: str) -> Any:
        """One part of every partition, in partition order, as one Arrow table."""
        import pyarrow as pa

        tables = list(self.tables(partitions, part))
        if not tables:
            return SCHEMAS[part]().empty_table()
        return pa.concat_tables(tables)
