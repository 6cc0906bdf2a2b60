"""The peer numlint is measured against: Microsoft Recognizers-Text, French currency model.

Recognizers-Text (PyPI ``recognizers-text-number-with-unit``, last released as 1.0.2a2 in
2019) is the best-known open recognizer of amounts in French text. It is not a dependency
of numlint and must not be installed in numlint's environment: give the benchmark another
interpreter that has it, through ``NUMLINT_PEER_PYTHON``::

    python3.11 -m venv PEER_VENV
    PEER_VENV/bin/pip install recognizers-text-number-with-unit==1.0.2a2 emoji==0.6.0
    NUMLINT_PEER_PYTHON=PEER_VENV/bin/python python benchmarks/bench.py

(``emoji`` must stay below 1.0: ``recognizers_text`` imports ``emoji.UNICODE_EMOJI``,
removed in emoji 1.0.) When the peer can be imported in the running interpreter it is
timed in-process; otherwise this file is run by the peer's interpreter (``--serve``),
which times the same texts, passed through a temporary JSON file, and writes the timings
back. Only the standard library is used here, so that any Python >= 3.7 can run it.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

PEER_PYTHON_ENV = "NUMLINT_PEER_PYTHON"
PEER_DISTRIBUTION = "recognizers-text-number-with-unit"
SUBPROCESS_TIMEOUT = 1800
CLOCKS = {"cpu": time.process_time, "wall": time.perf_counter}
"""``cpu``: CPU time of the process (one core's work, whatever else runs); ``wall``."""


class PeerUnavailable(Exception):
    """The peer cannot be run here; the message says why."""


@dataclass
class PeerRun:
    """Timings of the peer on a list of texts: ``times[repeat][text]``, in seconds."""

    version: str
    python: str
    build_seconds: float
    times: list[list[float]]
    results: list[int] = field(default_factory=list)
    """How many amounts the peer returned for each text (last repeat)."""
    failures: list[int] = field(default_factory=list)
    """Exceptions the peer raised and swallowed for each text (its ``parse`` then returns
    what it had so far, or nothing, and its time under-counts its work)."""
    in_process: bool = True

    @property
    def label(self) -> str:
        return f"Recognizers-Text {self.version}, Python {self.python}"


def run_peer(texts: list[str], repeats: int, clock: str = "wall") -> PeerRun:
    """Time the peer on ``texts``, here if it imports, else under ``$NUMLINT_PEER_PYTHON``."""
    try:
        return time_texts(texts, repeats, clock)
    except ImportError as error:
        reason = f"recognizers_text / recognizers_number_with_unit cannot be imported ({error})"
    python = os.environ.get(PEER_PYTHON_ENV)
    if not python:
        raise PeerUnavailable(f"{reason}; set {PEER_PYTHON_ENV} to a Python that has them")
    return _run_elsewhere(python, texts, repeats, clock)


def time_texts(texts: list[str], repeats: int, clock: str = "wall") -> PeerRun:
    """Build the French currency model once, then time ``model.parse`` on every text."""
    now = CLOCKS[clock]
    model, build_seconds = _currency_model()
    failures = _count_failures(model)
    model.parse("1 €")  # warm-up: first-use work is not the steady state
    times: list[list[float]] = []
    results: list[int] = []
    failed: list[int] = []
    for _ in range(repeats):
        results, failed, one_pass = [], [], []
        for text in texts:
            before = failures["count"]
            start = now()
            found = model.parse(text)
            one_pass.append(now() - start)
            results.append(len(found))
            failed.append(failures["count"] - before)
        times.append(one_pass)
    return PeerRun(
        version=_version(),
        python=platform.python_version(),
        build_seconds=build_seconds,
        times=times,
        results=results,
        failures=failed,
    )


def _currency_model() -> tuple[Any, float]:
    from recognizers_number_with_unit import NumberWithUnitRecognizer
    from recognizers_text import Culture

    start = time.perf_counter()
    model = NumberWithUnitRecognizer(Culture.French).get_currency_model()
    return model, time.perf_counter() - start


def _count_failures(model: Any) -> dict[str, int]:
    """Count the exceptions that ``model.parse`` swallows (it returns ``[]`` on any error)."""
    counter = {"count": 0}
    for item in getattr(model, "extractor_parser", ()):
        item.parser = _CountingParser(item.parser, counter)
    return counter


class _CountingParser:
    def __init__(self, parser: Any, counter: dict[str, int]) -> None:
        self._parser = parser
        self._counter = counter

    def parse(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return self._parser.parse(*args, **kwargs)
        except Exception:
            self._counter["count"] += 1
            raise

    def __getattr__(self, name: str) -> Any:
        return getattr(self._parser, name)


def _version() -> str:
    try:
        from importlib.metadata import version
    except ImportError:  # pragma: no cover - Python < 3.8
        return "?"
    try:
        return version(PEER_DISTRIBUTION)
    except Exception:
        return "?"


def _run_elsewhere(python: str, texts: list[str], repeats: int, clock: str) -> PeerRun:
    with tempfile.TemporaryDirectory(prefix="numlint-peer-") as folder:
        request, answer = Path(folder) / "texts.json", Path(folder) / "times.json"
        job = {"texts": texts, "repeats": repeats, "clock": clock}
        request.write_text(json.dumps(job), encoding="utf-8")
        try:
            done = subprocess.run(
                [python, str(Path(__file__).resolve()), "--serve", str(request), str(answer)],
                capture_output=True,
                text=True,
                timeout=SUBPROCESS_TIMEOUT,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise PeerUnavailable(f"{PEER_PYTHON_ENV}={python} could not run: {error}") from None
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["no message"])[-1]
            raise PeerUnavailable(f"the peer failed under {PEER_PYTHON_ENV}={python}: {last}")
        data = json.loads(answer.read_text(encoding="utf-8"))
    return PeerRun(**{**data, "in_process": False})


def serve(request: Path, answer: Path) -> int:
    """Subprocess side: time the texts of ``request``, write the :class:`PeerRun` to ``answer``."""
    data = json.loads(request.read_text(encoding="utf-8"))
    try:
        run = time_texts(data["texts"], int(data["repeats"]), data.get("clock", "wall"))
    except ImportError as error:
        print(f"cannot import the peer: {error}", file=sys.stderr)
        return 3
    answer.write_text(json.dumps(asdict(run)), encoding="utf-8")
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--serve":
        sys.exit(serve(Path(sys.argv[2]), Path(sys.argv[3])))
    print(f"usage: {sys.argv[0]} --serve REQUEST.json ANSWER.json", file=sys.stderr)
    sys.exit(2)
