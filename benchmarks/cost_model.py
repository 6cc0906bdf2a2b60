"""Where check()'s time goes on real copy: a linear cost model, fitted by least squares.

    python benchmarks/cost_model.py            # every corpus document, 5 timed runs each
    python benchmarks/cost_model.py --runs 3 --every 3   # one document in three

Each corpus document's check() time (process CPU time, median of its runs) is modelled as

    time = a + b · kB + c · figures + d · relations + e · findings

and the five terms are printed with R²: the fixed cost per document, per kB of text, per
figure, per relation and per finding. A speed change shows in the term it moves, which a
single MB/s figure hides. ``bench.py`` prints the same model with its table.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import CorpusDocument, load_documents, stratified_sample

import numlint
from numlint.config import Config
from numlint.pipeline import analyse
from numlint.sources import read_source

TERMS = ("per document", "per kB", "per figure", "per relation", "per finding")


@dataclass(frozen=True)
class Observation:
    features: tuple[float, ...]
    seconds: float


def observe(document: CorpusDocument, runs: int) -> Observation:
    prose = read_source(document.text, "text")
    analysed = analyse(prose, date=document.date, config=Config())
    relations = analysed.relations
    related = sum(len(group) for group in (
        relations.equivalences, relations.restatements, relations.changes,
        relations.partitions, relations.sums, relations.comparisons))
    times = []
    for _ in range(runs):
        start = time.process_time()
        findings = numlint.check(document.text, format="text", date=document.date)
        times.append(time.process_time() - start)
    features = (1.0, document.nbytes / 1000, float(len(analysed.mentions)), float(related),
                float(len(findings)))
    return Observation(features, statistics.median(times))


def least_squares(observations: Sequence[Observation]) -> tuple[list[float], float]:
    """Coefficients minimising the squared error, and R² (normal equations, no numpy)."""
    size = len(observations[0].features)
    gram = [[sum(o.features[i] * o.features[j] for o in observations) for j in range(size)]
            for i in range(size)]
    moment = [sum(o.features[i] * o.seconds for o in observations) for i in range(size)]
    coefficients = _solve(gram, moment)
    mean = statistics.fmean(o.seconds for o in observations)
    residual = sum((o.seconds - _predict(coefficients, o)) ** 2 for o in observations)
    total = sum((o.seconds - mean) ** 2 for o in observations)
    return coefficients, (1 - residual / total) if total else 1.0


def _predict(coefficients: Sequence[float], observation: Observation) -> float:
    return sum(c * f for c, f in zip(coefficients, observation.features, strict=True))


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting; a term never observed gets 0."""
    size = len(vector)
    rows = [[*row, value] for row, value in zip(matrix, vector, strict=True)]
    for column in range(size):
        pivot = max(range(column, size), key=lambda r: abs(rows[r][column]))
        if abs(rows[pivot][column]) < 1e-12:
            continue
        rows[column], rows[pivot] = rows[pivot], rows[column]
        for r in range(size):
            if r != column:
                factor = rows[r][column] / rows[column][column]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[column], strict=True)]
    return [rows[i][size] / rows[i][i] if abs(rows[i][i]) >= 1e-12 else 0.0
            for i in range(size)]


def fit(documents: Sequence[CorpusDocument], runs: int) -> tuple[list[float], float, int]:
    for document in documents[:20]:  # warm-up: patterns, catalogs, rate table
        numlint.check(document.text, format="text", date=document.date)
    observations = [observe(document, runs) for document in documents]
    coefficients, r2 = least_squares(observations)
    return coefficients, r2, len(observations)


def model_lines(coefficients: Sequence[float], r2: float, count: int) -> list[str]:
    terms = ", ".join(f"{c * 1e6:.0f} µs {name}"
                      for c, name in zip(coefficients, TERMS, strict=True))
    return [f"cost model over {count} corpus documents (least squares, R² {r2:.2f}): {terms}"]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per document")
    parser.add_argument("--every", type=int, default=1, help="one document in N (all sizes)")
    options = parser.parse_args(argv)
    documents = load_documents()
    if not documents:
        print("no corpus found (../shared/corpus)", file=sys.stderr)
        return 2
    documents = stratified_sample(documents, options.every)
    print("\n".join(model_lines(*fit(documents, options.runs))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
