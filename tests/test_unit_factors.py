"""The generated unit factors: current with pint, and converting as pint does."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from decimal import Decimal
from itertools import permutations
from pathlib import Path

import pytest

import numlint
from numlint.conversion import TEMPERATURES, unit_registry
from numlint.mentions.units import CLDR_TO_PINT, HOUSE_UNITS
from numlint.unit_factors import unit_factor

ROOT = Path(__file__).resolve().parents[1]


def _generator():
    spec = importlib.util.spec_from_file_location(
        "generate_unit_factors", ROOT / "tools" / "generate_unit_factors.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_table_is_current_with_pint_and_the_lexicon() -> None:
    generator = _generator()
    assert generator.TABLE.read_text(encoding="utf-8") == generator.table_text(), (
        "run: python tools/generate_unit_factors.py")


def test_every_unit_the_lexicon_produces_is_in_the_table_but_temperatures() -> None:
    units = set(CLDR_TO_PINT.values()) | set(HOUSE_UNITS.values())
    missing = sorted(u for u in units - TEMPERATURES if unit_factor(u) is None)
    assert missing == []
    assert all(unit_factor(u) is None for u in TEMPERATURES)


def _pairs_of_one_dimension() -> list[tuple[str, str]]:
    units = sorted((set(CLDR_TO_PINT.values()) | set(HOUSE_UNITS.values())) - TEMPERATURES)
    return [(a, b) for a, b in permutations(units, 2)
            if unit_factor(a).dimensions == unit_factor(b).dimensions]


def test_the_table_converts_as_pint_does_for_every_pair_of_one_dimension() -> None:
    registry = unit_registry()
    pairs = _pairs_of_one_dimension()
    assert len(pairs) > 200  # lengths, masses, energies... all compared
    value = Decimal("97.4")
    for a, b in pairs:
        by_table = value * unit_factor(a).factor / unit_factor(b).factor
        by_pint = Decimal(registry.Quantity(value, a).to(b).magnitude)
        assert abs(by_table - by_pint) <= abs(by_pint) * Decimal("1e-20"), (a, b)


@pytest.mark.parametrize("text", [
    "un vol à 10 000 mètres (environ 33 000 pieds)",
    "10 km (6,2 miles)",
    "une tonne (1 000 kilos)",
])
def test_a_usual_unit_conversion_is_weighed_without_loading_pint(text: str) -> None:
    code = (
        "import sys, numlint\n"
        f"found = numlint.check({text!r}, format='text')\n"
        "assert 'pint' not in sys.modules, 'pint was loaded'\n"
        "print(len(found))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(len(numlint.check(text, format="text")))


def test_a_unit_slip_is_still_caught_through_the_table() -> None:
    [finding] = [d for d in numlint.check("un vol à 10 000 mètres (33 pieds)", format="text")
                 if d.code == "NL101"]
    assert finding.severity == "error"


def test_temperatures_still_go_through_pint() -> None:
    # An offset unit has no factor: 20 °C (68 °F) is consistent only by difference.
    assert [d.code for d in numlint.check("20 °C (68 °F)", format="text")] == []
    # Temperatures are weighed by difference, never by ratio: a wrong one is inexact.
    assert [d.code for d in numlint.check("20 °C (6 800 °F)", format="text")] == ["NL102"]
