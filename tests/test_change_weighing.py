"""The float bound that spares NL201 the Decimal work on readings 1 000 times off never
rules out a reading that fits (numlint.rules.change_weighing._surely_off)."""

from __future__ import annotations

import random
import re
from decimal import Decimal

from numlint.pipeline import run
from numlint.relations import Change
from numlint.rules.change_mismatch import ChangeMismatch
from numlint.rules.change_weighing import _claimed, _Read, _surely_off, fits


def _changes() -> list[Change]:
    found = []
    for example in ChangeMismatch.examples:
        text = re.sub(r"\{\{(.*?)\}\}", r"\1", example.text)
        document = run(text, format="text").document
        assert document is not None
        found += [c for c in document.relations.changes
                  if c.start is not None and c.end is not None and c.stated is not None]
    return found


def _read(value: Decimal, precision: Decimal, kind: str, draw: random.Random) -> _Read:
    shift = Decimal(10) ** draw.choice([0, 0, 3, -3, 6, draw.randint(-8, 8)])
    sign = Decimal(draw.choice(["1", "1", "-1", "1.0001", "0.9999"]))
    return _Read(kind, value * shift * sign, precision * Decimal(10) ** draw.choice([0, 1, -1]))


def test_a_reading_ruled_out_by_floats_never_fits() -> None:
    changes = _changes()
    assert changes, "the rule's examples state changes"
    draw = random.Random(16)
    ruled_out = 0
    for change in changes:
        assert change.start is not None and change.end is not None
        claimed = _claimed(change)
        for _ in range(300):
            start = _read(change.start.value, change.start.precision, change.start.kind, draw)
            end = _read(change.end.value, change.end.precision, change.end.kind, draw)
            if draw.random() < 0.3 and start.value > 0 and claimed.high.is_finite():
                # an end right on a bound of the claimed change: the closest call
                bound = draw.choice([claimed.low, claimed.high])
                end = _Read(end.kind, start.value * (1 + bound / 100), end.precision)
            off = _surely_off(change, claimed, start, end)
            ruled_out += off
            assert not (off and fits(change, start, end, claimed)), (change, start, end)
    assert ruled_out > 0, "the bound rules some readings out"
