"""The benchmark's cost model recovers the terms of a known linear cost."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _cost_model():
    sys.path.insert(0, str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location("cost_model", BENCHMARKS / "cost_model.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["cost_model"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_least_squares_recovers_a_known_cost_and_ignores_a_term_never_seen() -> None:
    model = _cost_model()
    truth = (240e-6, 43e-6, 48e-6, 61e-6, 0.0)
    observations = []
    for n in range(40):
        features = (1.0, float(n % 7 + 1), float((n * 3) % 11), float(n % 4), 0.0)
        seconds = sum(t * f for t, f in zip(truth, features, strict=True))
        observations.append(model.Observation(features, seconds))
    coefficients, r2 = model.least_squares(observations)
    assert r2 > 0.999999
    for found, expected in zip(coefficients, truth, strict=True):
        assert abs(found - expected) < 1e-9
    assert model.model_lines(coefficients, r2, 40)[0].startswith(
        "cost model over 40 corpus documents (least squares, R² 1.00): 240 µs per document")
