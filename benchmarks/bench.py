"""Is numlint fast enough for every save? One run, one table.

    python benchmarks/bench.py             # the table (about 8 minutes on 2 cores)
    python benchmarks/bench.py --quick     # fewer repetitions, for a quick look (~2 min)
    python benchmarks/bench.py --profile   # where check() spends its time on the corpus

The table goes to stdout as Markdown, ready to paste into ``benchmarks/README.md``;
progress goes to stderr. Inputs are the shared corpus of real French text (see
``corpus.py``), the example article and texts built from both. Figures are medians of
repeated runs (p99 where said); MB means 10^6 UTF-8 bytes. Times are CPU time of the
process by default (one core's work, steady on a shared machine); ``--clock wall`` for
elapsed time.

The peer, Recognizers-Text, is timed only when it can be imported here or when
``NUMLINT_PEER_PYTHON`` names an interpreter that has it (see ``peers.py``).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime
import gc
import math
import os
import platform
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import regex

import numlint

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import (
    CorpusDocument,
    corpus_folder,
    filled,
    joined,
    load_documents,
    stratified_sample,
    text_of_size,
    total_bytes,
)
from cost_model import fit, model_lines
from empty_check import CASES, per_call_microseconds
from peers import PeerRun, PeerUnavailable, run_peer
from pool import TARGET_RATIO as TARGET_POOL_RATIO
from pool import measure as measure_pool

REPOSITORY = Path(__file__).resolve().parents[1]
EXAMPLE_ARTICLE = REPOSITORY / "examples" / "article.md"
MB = 1_000_000

FLOOR = regex.compile(
    r"[-−+]?\d+(?:[\x20\u00a0\u202f.]\d{3})*(?:,\d+)?"
    r"(?:[\x20\u00a0\u202f]?(?:milliards?|millions?|mille|Mds?|M|k)\b)?"
    r"(?:[\x20\u00a0\u202f]?(?:%|€|\$|£|(?:d['’]|de\x20)?(?:euros?|dollars?|livres?)\b))?"
)
"""The floor: one pass of one pattern for French amounts (digits with French separators,
optional scale word, optional currency or percent). Nothing that reads the figures can
scan faster than this."""

TARGET_MBPS = 5.0
TARGET_PEER_RATIO = 100.0
TARGET_ARTICLE_MS = 1.0
ARTICLE_BYTES = (2_500, 3_500)
"""What counts as a 3 kB article among the corpus documents."""
TARGET_LINEARITY = 1.25
TARGET_COLD_MS = 120.0
TARGET_UNITS_COLD_MS = 200.0
UNITS_TEXT = "La course fait 10 km (6,2 miles).\n"
"""A text with a unit conversion: on a cold start it once paid ``import pint`` and a
``UnitRegistry`` (the generated table of unit factors spares both)."""
TARGET_EMPTY_US = 25.0
TARGET_RSS_MB = 80.0


@dataclass(frozen=True)
class Plan:
    """How many times each thing is measured."""

    repeats: int
    article_runs: int
    cold_runs: int
    rss_runs: int
    peer_repeats: int
    peer_every: int
    pool_rounds: int
    scaling_sizes: tuple[int, ...] = (10_000, 100_000, 1_000_000, 10_000_000)
    growth_sizes: tuple[int, ...] = (10_000, 30_000, 100_000, 300_000)


FULL = Plan(repeats=7, article_runs=300, cold_runs=15, rss_runs=5, peer_repeats=5, peer_every=1,
            pool_rounds=5)
QUICK = Plan(repeats=3, article_runs=60, cold_runs=10, rss_runs=3, peer_repeats=3, peer_every=16,
             pool_rounds=2)


@dataclass(frozen=True)
class Row:
    measure: str
    input: str
    result: str
    target: str = ""
    ok: bool | None = None


# -- measuring -----------------------------------------------------------------------------

_STARTED = time.perf_counter()
CLOCKS = {"cpu": time.process_time, "wall": time.perf_counter}
_clock = {"name": "cpu"}
"""The clock of every measurement, chosen once by ``--clock``."""


def use_clock(name: str) -> None:
    _clock["name"] = name


def note(message: str) -> None:
    print(f"[{time.perf_counter() - _STARTED:6.1f} s] {message}", file=sys.stderr, flush=True)


def timed(function: Callable[[], object]) -> float:
    now = CLOCKS[_clock["name"]]
    start = now()
    function()
    return now() - start


def timed_process(command: Sequence[str]) -> float:
    """Time of a fresh process: its CPU time (user + system) or the wall time to its end."""
    if _clock["name"] == "wall":
        return timed(lambda: subprocess.run(command, capture_output=True, env=USER_ENV))
    before = _children_cpu()
    subprocess.run(command, capture_output=True, env=USER_ENV)
    return _children_cpu() - before


USER_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
"""The environment of the cold starts: as on a user's machine, Python may keep the
bytecode of numlint's modules (a shell that sets ``PYTHONDONTWRITEBYTECODE`` would
otherwise make every start compile them all from source)."""


def _children_cpu() -> float:
    import resource  # Unix only, like the peak RSS probes

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def repeat_timed(function: Callable[[], object], runs: int) -> list[float]:
    gc.collect()
    return [timed(function) for _ in range(runs)]


def passes(
    function: Callable[[CorpusDocument], object],
    documents: Sequence[CorpusDocument],
    repeats: int,
) -> list[list[float]]:
    """``times[repeat][document]``: ``repeats`` passes over all the documents."""
    times = []
    for _ in range(repeats):
        gc.collect()
        times.append([timed(lambda d=document: function(d)) for document in documents])
    return times


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def p99(values: Sequence[float]) -> float:
    """Nearest-rank 99th percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.99 * len(ordered)) - 1)]


def pass_median(times: list[list[float]], indexes: Sequence[int] | None = None) -> float:
    """Median over the passes of the time of one pass (over ``indexes`` only, if given)."""
    if indexes is None:
        return median([sum(one) for one in times])
    return median([sum(one[i] for i in indexes) for one in times])


def per_item_medians(times: list[list[float]]) -> list[float]:
    return [median(column) for column in zip(*times, strict=True)]


# -- formatting ----------------------------------------------------------------------------


def mbps(nbytes: int, seconds: float) -> float:
    return nbytes / MB / seconds if seconds > 0 else math.inf


def size(nbytes: int) -> str:
    if nbytes >= MB:
        return f"{nbytes / MB:.2f} MB"
    return f"{nbytes / 1000:.1f} kB"


def ms(seconds: float) -> str:
    value = seconds * 1000
    return f"{value:.3g} ms" if value < 100 else f"{value:,.0f} ms"


def mark(ok: bool | None) -> str:
    return {True: "✓", False: "✗", None: ""}[ok]


def table(rows: Sequence[Row]) -> str:
    lines = ["| measure | input | result (median) | target | |", "|---|---|---|---|---|"]
    for row in rows:
        lines.append(
            f"| {row.measure} | {row.input} | {row.result} | {row.target} | {mark(row.ok)} |"
        )
    return "\n".join(lines)


def machine(load_before: str) -> list[str]:
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else "?"
    clock = ("process CPU time, i.e. one core's work whatever else runs (`--clock wall` for "
             "wall time)" if _clock["name"] == "cpu" else "wall time")
    return [
        f"- date: {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
        f"- CPU: {cpu_model()}, {os.cpu_count()} cores ({usable} usable); load average "
        f"{load_before} before the run, {load_average()} after",
        f"- Python {platform.python_version()} ({platform.python_implementation()}), "
        f"{platform.system()} {platform.release()}",
        f"- numlint {numlint.__version__}, regex {regex.__version__}, rules: {rule_codes()}",
        f"- clock: {clock}",
    ]


def load_average() -> str:
    if not hasattr(os, "getloadavg"):
        return "?"
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def rule_codes() -> str:
    from numlint.rules.registry import installed_rules

    return " ".join(rule.code for rule in installed_rules().rules)


# -- throughput ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CorpusTimes:
    """Per-document pass times of check(), mentions() and the floor, and one-text times."""

    check: list[list[float]]
    mentions: list[list[float]]
    floor: list[list[float]]
    check_joined: list[float]
    mentions_joined: list[float]
    floor_joined: list[float]


def check_document(document: CorpusDocument) -> object:
    return numlint.check(document.text, format="text", date=document.date)


def measure_corpus(documents: Sequence[CorpusDocument], plan: Plan) -> CorpusTimes:
    whole = joined(documents)
    note(f"check() on {len(documents)} documents, {plan.repeats} passes")
    check = passes(check_document, documents, plan.repeats)
    note("mentions() and the floor, document by document")
    mentions = passes(lambda d: numlint.mentions(d.text), documents, plan.repeats)
    floor = passes(lambda d: FLOOR.findall(d.text), documents, plan.repeats)
    note("the corpus as one text")
    return CorpusTimes(
        check=check,
        mentions=mentions,
        floor=floor,
        check_joined=repeat_timed(lambda: numlint.check(whole, format="text"), plan.repeats),
        mentions_joined=repeat_timed(lambda: numlint.mentions(whole), plan.repeats),
        floor_joined=repeat_timed(lambda: FLOOR.findall(whole), plan.repeats),
    )


def throughput_rows(documents: Sequence[CorpusDocument], times: CorpusTimes) -> list[Row]:
    nbytes = total_bytes(documents)
    one_text = len(joined(documents).encode("utf-8"))
    by_doc = f"corpus, {len(documents)} documents one by one, {size(nbytes)}"
    whole = f"corpus as one text, {size(one_text)}"
    rates = {
        "check": (mbps(nbytes, pass_median(times.check)),
                  mbps(one_text, median(times.check_joined))),
        "mentions": (mbps(nbytes, pass_median(times.mentions)),
                     mbps(one_text, median(times.mentions_joined))),
        "floor": (mbps(nbytes, pass_median(times.floor)),
                  mbps(one_text, median(times.floor_joined))),
    }
    target = f"≥ {TARGET_MBPS:g} MB/s"
    rows = [
        Row("`check(format=\"text\")`", by_doc, f"{rates['check'][0]:.2f} MB/s", target,
            rates["check"][0] >= TARGET_MBPS),
        Row("`check(format=\"text\")`", whole, f"{rates['check'][1]:.2f} MB/s", target,
            rates["check"][1] >= TARGET_MBPS),
        Row("`mentions()`", by_doc, f"{rates['mentions'][0]:.2f} MB/s"),
        Row("`mentions()`", whole, f"{rates['mentions'][1]:.2f} MB/s"),
        Row("floor: one `regex` pattern, one pass", by_doc, f"{rates['floor'][0]:.1f} MB/s"),
        Row("floor: one `regex` pattern, one pass", whole, f"{rates['floor'][1]:.1f} MB/s"),
    ]
    for name in ("check", "mentions"):
        slower = [rates["floor"][i] / rates[name][i] for i in (0, 1)]
        rows.append(Row(f"`{name}()` time / floor time", "one by one · one text",
                        f"×{slower[0]:.1f} · ×{slower[1]:.1f}"))
    return rows


# -- per article ---------------------------------------------------------------------------


def news_article(target_bytes: int = 3000) -> str | None:
    """The example article, its paragraphs cycled until it is about ``target_bytes`` long."""
    if not EXAMPLE_ARTICLE.is_file():
        return None
    source = EXAMPLE_ARTICLE.read_text(encoding="utf-8")
    front, body = "", source
    if source.startswith("---\n") and "\n---\n" in source[4:]:
        end = source.index("\n---\n", 4) + len("\n---\n")
        front, body = source[:end], source[end:]
    blocks = [block.strip() for block in body.split("\n\n") if block.strip()]
    heading = [b for b in blocks[:1] if b.startswith("#")]
    paragraphs = blocks[len(heading):] or blocks
    article = list(heading)
    while len((front + "\n\n".join(article)).encode("utf-8")) < target_bytes:
        article.append(paragraphs[(len(article) - len(heading)) % len(paragraphs)])
    return front + "\n" + "\n\n".join(article) + "\n"


def article_rows(
    documents: Sequence[CorpusDocument], times: CorpusTimes, article: str | None, plan: Plan
) -> tuple[list[Row], list[float]]:
    per_document = per_item_medians(times.check)
    sizes = [document.nbytes for document in documents]
    rows = [
        Row("`check()` per document", f"corpus documents ({size(int(median(sizes)))} median, "
            f"{size(p99(sizes))} p99)", f"{ms(median(per_document))} · p99 "
            f"{ms(p99(per_document))}")
    ]
    low, high = ARTICLE_BYTES
    news = [(d, t) for d, t in zip(documents, per_document, strict=True)
            if low <= d.nbytes <= high]
    if news:
        density = median([figures_per_kb(d.text) for d, _ in news])
        news_times = [t for _, t in news]
        rows.append(Row(
            "`check()` per 3 kB article",
            f"the {len(news)} corpus documents of {low / 1000:g}–{high / 1000:g} kB "
            f"(median {density:.1f} figures/kB)",
            f"{ms(median(news_times))} · p99 {ms(p99(news_times))}",
            f"≤ {TARGET_ARTICLE_MS:g} ms", median(news_times) * 1000 <= TARGET_ARTICLE_MS))
    if article is None:
        rows.append(Row("`check(format=\"markdown\")`", "3 kB article", "skipped: no "
                        "examples/article.md"))
        return rows, []
    note(f"the 3 kB article, {plan.article_runs} runs")
    runs = repeat_timed(lambda: numlint.check(article, format="markdown"), plan.article_runs)
    figures = len(numlint.mentions(article))
    rows.append(Row("`check(format=\"markdown\")`",
                    f"figure-dense article (examples/article.md to "
                    f"{size(len(article.encode()))}: {figures} figures, "
                    f"{figures_per_kb(article):.0f}/kB)",
                    f"{ms(median(runs))} · p99 {ms(p99(runs))} "
                    f"({median(runs) / figures * 1e6:.0f} µs per figure)",
                    f"≤ {TARGET_ARTICLE_MS:g} ms", median(runs) * 1000 <= TARGET_ARTICLE_MS))
    return rows, runs


def figures_per_kb(text: str) -> float:
    return len(numlint.mentions(text)) / (len(text.encode("utf-8")) / 1000)


# -- scaling -------------------------------------------------------------------------------


def scaling_rows(documents: Sequence[CorpusDocument], plan: Plan) -> list[Row]:
    rows, per_mb = [], {}
    for nbytes in plan.scaling_sizes:
        text = text_of_size(documents, nbytes)
        actual = len(text.encode("utf-8"))
        runs = plan.repeats if nbytes >= MB else plan.repeats * 5
        note(f"check() on {size(actual)}, {runs} runs")
        last: list[numlint.Diagnostic] = []

        def check_text(t: str = text, last: list[numlint.Diagnostic] = last) -> None:
            last[:] = numlint.check(t, format="text")

        seconds = median(repeat_timed(check_text, runs))
        per_mb[nbytes] = seconds / (actual / MB)
        cut = sum(1 for d in last if d.code == "NL000")
        warning = f" — {cut} rule(s) cut short (NL000)" if cut else ""
        rows.append(Row("`check()` scaling", f"corpus text, {size(actual)}",
                        f"{ms(seconds)} ({ms(per_mb[nbytes])} per MB){warning}"))
    if 1_000_000 in per_mb and 10_000_000 in per_mb:
        ratio = per_mb[10_000_000] / per_mb[1_000_000]
        rows.append(Row("`check()` linearity", "time per MB, 10 MB / 1 MB", f"{ratio:.2f}",
                        f"≤ {TARGET_LINEARITY:g} (1.00 = linear)", ratio <= TARGET_LINEARITY))
    return rows


# -- cold start ----------------------------------------------------------------------------

_CHECK_WITHOUT_CLI = (
    "import sys, numlint; numlint.check(open(sys.argv[1], encoding='utf-8').read())"
)


def cold_command(path: Path) -> tuple[list[str], str]:
    """The command a user runs on one file, and what it is (the CLI if it works yet)."""
    fallback = [sys.executable, "-c", _CHECK_WITHOUT_CLI, str(path)]
    script = Path(sys.executable).with_name("numlint")
    candidates = [[str(script), "check", str(path)]] if script.is_file() else []
    candidates.append([sys.executable, "-m", "numlint", "check", str(path)])
    reason = "numlint.cli cannot be imported"
    probe = subprocess.run([sys.executable, "-c", "from numlint.cli import main"],
                           capture_output=True, text=True)
    if probe.returncode == 0:
        for command in candidates:
            done = subprocess.run(command, capture_output=True, text=True)
            if done.returncode in (0, 1):
                shown = "numlint check" if command[0] == str(script) else "python -m numlint check"
                return command, f"`{shown} {path.name}`"
            reason = f"`{' '.join(command[-3:])}` exited {done.returncode}"
    label = f"no working CLI ({reason}): `python -c \"import numlint; numlint.check(…)\"`"
    return fallback, label


def cold_rows(plan: Plan) -> list[Row]:
    if not EXAMPLE_ARTICLE.is_file():
        return [Row("cold start", "examples/article.md", "skipped: file absent")]
    with tempfile.TemporaryDirectory() as folder:
        units_file = Path(folder, "units.md")
        units_file.write_text(UNITS_TEXT, encoding="utf-8")
        command, label = cold_command(EXAMPLE_ARTICLE)
        units_command = [*command[:-1], str(units_file)]
        baseline = [sys.executable, "-c", "pass"]
        note(f"cold start, {plan.cold_runs} runs each: {label}, and on a unit conversion")
        for warm in (baseline, command, units_command):  # bytecode and caches written
            subprocess.run(warm, capture_output=True, env=USER_ENV)
        empty, numlint_runs, units_runs = [], [], []
        for _ in range(plan.cold_runs):
            empty.append(timed_process(baseline))
            numlint_runs.append(timed_process(command))
            units_runs.append(timed_process(units_command))
    above = median(numlint_runs) - median(empty)
    units_above = median(units_runs) - median(empty)
    return [
        Row("cold start", "`python -c pass`", ms(median(empty))),
        Row("cold start", f"{label} (1 kB)", ms(median(numlint_runs))),
        Row("cold start above `python -c pass`", "difference of the medians", ms(above),
            f"≤ {TARGET_COLD_MS:g} ms", above * 1000 <= TARGET_COLD_MS),
        Row("cold start above `python -c pass`, a unit conversion",
            f"`{UNITS_TEXT.strip()}`", ms(units_above),
            f"≤ {TARGET_UNITS_COLD_MS:g} ms", units_above * 1000 <= TARGET_UNITS_COLD_MS),
    ]


def fixed_cost_rows() -> list[Row]:
    """What any document costs: ``check('')`` and one sentence with one figure (best of
    the repeats of ``benchmarks/empty_check.py``, on the run's clock)."""
    rows = []
    for name, text in CASES.items():
        micros = per_call_microseconds(text, timer=CLOCKS[_clock["name"]])
        target = (f"≤ {TARGET_EMPTY_US:g} µs", micros <= TARGET_EMPTY_US) if not text else ()
        rows.append(Row("fixed cost per document", f"`{name}`", f"{micros:.1f} µs (best of 7)",
                        *target))
    return rows


# -- memory --------------------------------------------------------------------------------

_RSS_PROBE = """
import resource, sys
mode, path = sys.argv[1], sys.argv[2]
import numlint
if mode != "import":
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    if mode == "check":
        numlint.check(text, format="text")
    elif mode == "article":
        numlint.check(text, format="markdown")
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(peak if sys.platform == "darwin" else peak * 1024)
"""


_LAUNCHER = "import subprocess, sys; sys.exit(subprocess.run(sys.argv[1:]).returncode)"
"""Linux carries a process's peak RSS across exec, so a probe started straight from this
big process would report this process's peak: probes are started by a small launcher."""


def peak_rss(mode: str, path: Path, runs: int) -> float:
    """Median over fresh processes of the peak RSS, in bytes."""
    peaks = []
    probe = [sys.executable, "-c", _RSS_PROBE, mode, str(path)]
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", _LAUNCHER, *probe],
                              capture_output=True, text=True, check=True)
        peaks.append(float(done.stdout.split()[-1]))
    return median(peaks)


def memory_rows(documents: Sequence[CorpusDocument], article: str | None, plan: Plan) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="numlint-bench-") as folder:
        big = Path(folder) / "10MB.txt"
        big.write_text(text_of_size(documents, 10 * MB), encoding="utf-8")
        small = Path(folder) / "article.md"
        small.write_text(article or "", encoding="utf-8")
        note(f"peak RSS, {plan.rss_runs} fresh processes each")
        rss = {
            "import": peak_rss("import", big, plan.rss_runs),
            "article": peak_rss("article", small, plan.rss_runs),
            "text": peak_rss("text", big, plan.rss_runs),
            "check": peak_rss("check", big, plan.rss_runs),
        }
    return [
        Row("peak RSS", "`import numlint` only", f"{rss['import'] / MB:.1f} MB"),
        Row("peak RSS", "`check()` of the 3 kB article (everything loaded)",
            f"{rss['article'] / MB:.1f} MB"),
        Row("peak RSS", "10 MB text read, not checked", f"{rss['text'] / MB:.1f} MB"),
        Row("peak RSS", "`check()` of the 10 MB text", f"{rss['check'] / MB:.1f} MB "
            f"(+{(rss['check'] - rss['text']) / MB:.0f} MB over the text read)",
            f"≤ {TARGET_RSS_MB:g} MB", rss["check"] / MB <= TARGET_RSS_MB),
    ]


# -- the peer ------------------------------------------------------------------------------


def pool_rows(documents: Sequence[CorpusDocument], plan: Plan) -> list[Row]:
    """Per-worker throughput in a 2-process pool against one process (``pool.py``)."""
    note(f"a 2-process pool against one process, {plan.pool_rounds} rounds")
    result = measure_pool(documents, plan.pool_rounds)
    cpu, wall = result.ratio("cpu"), result.ratio("wall")
    return [Row("per-worker throughput, 2-process pool / one process",
                f"the corpus checked by each worker, {plan.pool_rounds} alternating rounds",
                f"×{cpu:.2f} in CPU time (each of two {result.mbps(result.paired, 'cpu'):.2f} "
                f"MB/s), ×{wall:.2f} in wall time",
                f"≥ ×{TARGET_POOL_RATIO:.2f}", cpu >= TARGET_POOL_RATIO)]


def peer_rows(
    documents: Sequence[CorpusDocument],
    times: CorpusTimes,
    article: tuple[str, list[float]] | None,
    plan: Plan,
) -> list[Row]:
    sample = stratified_sample(documents, plan.peer_every)
    index = {id(document): i for i, document in enumerate(documents)}
    block = text_of_size(documents, plan.growth_sizes[0])
    growth = [filled(block, n) for n in plan.growth_sizes]
    texts = [d.text for d in sample] + growth + ([article[0]] if article else [])
    note(f"Recognizers-Text on {len(sample)} documents, {len(growth)} growing texts"
         f"{' and the article' if article else ''}, {plan.peer_repeats} passes")
    try:
        peer = run_peer(texts, plan.peer_repeats, _clock["name"])
    except PeerUnavailable as why:
        return [Row("Recognizers-Text, French currency model", "—", f"skipped: {why}")]
    peer_times = peer.times
    n = len(sample)
    nbytes = total_bytes(sample)
    ours = mbps(nbytes, pass_median(times.check, [index[id(d)] for d in sample]))
    theirs = mbps(nbytes, pass_median(peer_times, range(n)))
    failed = sum(peer.failures[:n])
    corpus_part = (f"corpus, {n} documents one by one" if plan.peer_every <= 1
                   else f"corpus sample, {n} documents (1 in {plan.peer_every})")
    where = "in-process" if peer.in_process else "subprocess"
    rows = [
        Row("Recognizers-Text, French currency model", f"{peer.label} ({where}); building the "
            "model", f"{peer.build_seconds:.2f} s (once)"),
        Row("Recognizers-Text `model.parse()`", f"{corpus_part}, {size(nbytes)}",
            f"{theirs:.3f} MB/s"
            + (f" ({failed} internal error(s) swallowed)" if failed else "")),
        Row("numlint `check()` / Recognizers-Text", "same documents, MB/s ratio",
            f"×{ours / theirs:.0f} ({ours:.2f} vs {theirs:.3f} MB/s)",
            f"≥ ×{TARGET_PEER_RATIO:g}", ours / theirs >= TARGET_PEER_RATIO),
    ]
    if article:
        theirs_article = median([one[-1] for one in peer_times])
        rows.append(Row("Recognizers-Text `model.parse()`", "the 3 kB article",
                        f"{ms(theirs_article)} (numlint ×{theirs_article / median(article[1]):.0f}"
                        " faster)"))
    rows.extend(growth_rows(growth, [[one[n + i] for one in peer_times]
                                     for i in range(len(growth))], peer, n, plan))
    return rows


def growth_rows(
    texts: Sequence[str], peer_runs: Sequence[list[float]], peer: PeerRun, offset: int, plan: Plan
) -> list[Row]:
    """The peer and check() on one block of text repeated to growing lengths."""
    rows, per_kb = [], []
    block_kb = len(texts[0].encode("utf-8")) / 1000
    for i, (text, runs) in enumerate(zip(texts, peer_runs, strict=True)):
        kb = len(text.encode("utf-8")) / 1000
        ours = median(repeat_timed(lambda t=text: numlint.check(t, format="text"),
                                   plan.repeats))
        theirs = median(runs)
        per_kb.append((theirs / kb, ours / kb))
        failed = peer.failures[offset + i]
        flag = f", {failed} internal error(s) swallowed" if failed else ""
        rows.append(Row(
            "growing length: Recognizers-Text vs `check()`",
            f"{block_kb:.0f} kB of corpus text repeated to {kb:.0f} kB",
            f"{ms(theirs)} ({ms(theirs / kb)}/kB{flag}) vs {ms(ours)} ({ms(ours / kb)}/kB)",
        ))
    if len(per_kb) >= 2:
        (peer_first, ours_first), (peer_last, ours_last) = per_kb[0], per_kb[-1]
        longest = len(texts[-1].encode("utf-8")) / 1000
        rows.append(Row(
            "growing length: time per kB, longest / shortest",
            f"{longest:.0f} kB / {block_kb:.0f} kB",
            f"Recognizers-Text {peer_last / peer_first:.2f} · numlint "
            f"{ours_last / ours_first:.2f} (1.00 = linear)",
        ))
    return rows


# -- the run -------------------------------------------------------------------------------


def run(plan: Plan, with_peer: bool, quick: bool) -> int:
    load_before = load_average()
    documents = load_documents()
    if not documents:
        print(f"no corpus under {corpus_folder()}: nothing to measure "
              "(set NUMLINT_SHARED to the shared folder)", file=sys.stderr)
        return 0
    note("warming up (patterns compiled, rules loaded, rates read)")
    for document in documents[:20]:
        check_document(document)
    article = news_article()
    times = measure_corpus(documents, plan)
    rows = throughput_rows(documents, times)
    article_part, article_runs = article_rows(documents, times, article, plan)
    rows += article_part
    rows += scaling_rows(documents, plan)
    rows += fixed_cost_rows()
    rows += cold_rows(plan)
    rows += memory_rows(documents, article, plan)
    rows += pool_rows(documents, plan)
    if with_peer:
        rows += peer_rows(documents, times, (article, article_runs) if article else None, plan)
    else:
        rows.append(Row("Recognizers-Text, French currency model", "—", "skipped: --no-peer"))
    print("\n".join(machine(load_before)))
    print(f"- {'quick run: ' if quick else ''}{plan.repeats} passes per throughput figure, "
          f"{plan.article_runs} runs of the article, {plan.cold_runs} cold starts, "
          f"{plan.peer_repeats} passes of the peer\n")
    print(table(rows))
    note("fitting the cost model (every corpus document)")
    print("\n" + "\n".join(model_lines(*fit(documents, 3 if quick else 5))))
    missed = [row for row in rows if row.ok is False]
    note(f"done: {len(missed)} target(s) missed")
    return 0


# -- profile -------------------------------------------------------------------------------

Key = tuple[str, int, str]


def profile(documents: Sequence[CorpusDocument], top: int) -> None:
    """cProfile of check() over the whole corpus, one document at a time, then a summary."""
    for document in documents:  # steady state: lazy loads (pint, rates) happen here
        check_document(document)
    profiler = cProfile.Profile()
    profiler.enable()
    for document in documents:
        check_document(document)
    profiler.disable()
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    total = sum(entry[2] for entry in stats.values())
    print(f"cProfile of check() on {len(documents)} corpus documents: {total:.2f} s of own time "
          "in all (the profiler inflates Python calls; compare stages, not absolutes)\n")
    print_stages(stats)
    print_modules(stats, total, top)
    print_functions(stats, top, by="own")
    print_functions(stats, top, by="cumulative")


def _is(key: Key, path_part: str, name: str) -> bool:
    return key[2] == name and path_part in key[0].replace("\\", "/")


def cumulative(stats: dict, path_part: str, name: str) -> float:
    return sum(v[3] for k, v in stats.items() if _is(k, path_part, name))


def from_callers(stats: dict, callee: Callable[[Key], bool], caller: tuple[str, str]) -> float:
    """Cumulative time of the ``callee`` functions when called by ``caller``."""
    seconds = 0.0
    for key, value in stats.items():
        if callee(key):
            seconds += sum(t[3] for c, t in value[4].items() if _is(c, *caller))
    return seconds


def stage_times(stats: dict) -> list[tuple[str, float]]:
    def regex_call(key: Key) -> bool:
        return key[0] == "~" and "Pattern" in key[2]

    scan = cumulative(stats, "mentions/scanner", "scan")
    loop = cumulative(stats, "mentions/scanner", "_matches")
    matches = from_callers(stats, regex_call, ("mentions/scanner", "_matches"))
    return [
        ("check() in all", cumulative(stats, "numlint/pipeline", "check")),
        ("sources: read_source", cumulative(stats, "numlint/sources", "read_source")),
        ("scanner: scan in all", scan),
        ("  anchor pass and loop (_matches minus pattern matches)", loop - matches),
        ("  pattern matches (regex match/search called by _matches)", matches),
        ("  mention assembly (scan minus _matches)", scan - loop),
        ("normalization: resolve_currencies", cumulative(stats, "numlint/conversion",
                                                         "resolve_currencies")),
        ("relations: find_relations", cumulative(stats, "numlint/relations", "find_relations")),
        ("rules: run_rules", cumulative(stats, "numlint/engine", "run_rules")),
        ("diagnostics: _diagnostic", cumulative(stats, "numlint/pipeline", "_diagnostic")),
        ("diagnostics: apply_suppressions", cumulative(stats, "numlint/suppressions",
                                                       "apply_suppressions")),
        ("config: as_config + resolve", cumulative(stats, "numlint/config", "as_config")
         + cumulative(stats, "numlint/config", "resolve")),
    ]


def print_stages(stats: dict) -> None:
    stages = stage_times(stats)
    whole = stages[0][1] or 1.0
    print("| stage | cumulative s | share of check() |\n|---|---|---|")
    for name, seconds in stages:
        print(f"| {name} | {seconds:.3f} | {100 * seconds / whole:.1f} % |")
    print()


def module_of(key: Key) -> str:
    path, _, name = key
    if path == "~":
        if "_regex" in name:
            return "(C) regex"
        if "re.Pattern" in name or "_sre" in name:
            return "(C) re"
        return "(C) builtins"
    parts = Path(path).with_suffix("").parts
    for anchor in ("numlint", "regex", "babel", "pint", "decimal", "importlib"):
        if anchor in parts:
            at = len(parts) - 1 - parts[::-1].index(anchor)
            return ".".join(parts[at:])
    return Path(path).stem


def print_modules(stats: dict, total: float, top: int) -> None:
    own: dict[str, float] = defaultdict(float)
    for key, value in stats.items():
        own[module_of(key)] += value[2]
    print("| module | own s | share |\n|---|---|---|")
    for module, seconds in sorted(own.items(), key=lambda kv: -kv[1])[:top]:
        print(f"| {module} | {seconds:.3f} | {100 * seconds / total:.1f} % |")
    print()


def print_functions(stats: dict, top: int, by: str) -> None:
    column = 2 if by == "own" else 3
    print(f"| function (by {by} time) | calls | own s | cumulative s |\n|---|---|---|---|")
    ranked = sorted(stats.items(), key=lambda kv: -kv[1][column])[:top]
    for key, value in ranked:
        where = key[2] if key[0] == "~" else f"{module_of(key)}:{key[1]} {key[2]}"
        print(f"| {where} | {value[1]} | {value[2]:.3f} | {value[3]:.3f} |")
    print()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--no-peer", action="store_true", help="do not time Recognizers-Text")
    parser.add_argument("--profile", action="store_true",
                        help="profile check() on the corpus instead of the table")
    parser.add_argument("--top", type=int, default=20, help="rows of each profile listing")
    parser.add_argument("--peer-every", type=int, metavar="N",
                        help="time the peer on one corpus document in N (default: all; "
                        "1 in 16 with --quick)")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="cpu",
                        help="cpu: process CPU time (default, steady on a shared machine); "
                        "wall: elapsed time")
    args = parser.parse_args(argv)
    use_clock(args.clock)
    if args.profile:
        documents = load_documents()
        if not documents:
            print(f"no corpus under {corpus_folder()}: nothing to profile", file=sys.stderr)
            return 0
        profile(documents, args.top)
        return 0
    plan = QUICK if args.quick else FULL
    if args.peer_every:
        plan = replace(plan, peer_every=args.peer_every)
    return run(plan, not args.no_peer, args.quick)


if __name__ == "__main__":
    sys.exit(main())
