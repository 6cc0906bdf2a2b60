"""Code spans: a run of backticks up to the next run of the same length; one object."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from ..prose import OBJECT

if TYPE_CHECKING:
    from .inline import InlineReader

_BACKTICKS = re.compile(r"`+")


def code_span(reader: InlineReader, j: int, t: int) -> tuple[int, int]:
    text = reader.text
    end = _BACKTICKS.match(text, j).end()  # type: ignore[union-attr]
    size = end - j
    if reader.backtick_runs is None:  # every run, once per block: linear in the block
        runs: dict[int, list[int]] = {}
        for run in _BACKTICKS.finditer(text):
            runs.setdefault(run.end() - run.start(), []).append(run.start())
        reader.backtick_runs = runs
    starts = reader.backtick_runs.get(size, [])
    k = bisect_left(starts, end)
    if k == len(starts):
        return end, t  # no closing run: the backticks are literal
    close = starts[k] + size
    reader.literal(t, j)
    reader.nodes.append((j, close, OBJECT))
    return close, close
