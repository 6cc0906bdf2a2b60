"""Stage 4 of the pipeline: the claims that tie figures together."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..mentions import Mention
from .change import find_changes
from .change_amounts import find_amount_changes
from .comparison import find_comparisons
from .equivalence import find_equivalences
from .model import (
    AmountChange,
    Change,
    Equivalence,
    Marker,
    Partition,
    Range,
    Relations,
    Restatement,
    Sum,
)
from .ranges import bound_equivalences, find_ranges
from .restatement import find_restatements
from .shares import find_partitions
from .sums import find_sums
from .written_out import find_written_out_restatements

__all__ = [
    "AmountChange",
    "Change",
    "Equivalence",
    "Marker",
    "Partition",
    "Range",
    "Relations",
    "Restatement",
    "Sum",
    "find_relations",
]


def _restatements(text: str, mentions: Sequence[Mention]) -> list[Restatement]:
    """Restatements of scaled or pointed figures, and of figures written out in full."""
    return find_restatements(text, mentions) + find_written_out_restatements(text, mentions)


_FINDERS: tuple[tuple[str, Callable[[str, Sequence[Mention]], list[Any]]], ...] = (
    ("equivalences", find_equivalences),
    ("restatements", _restatements),
    ("changes", find_changes),
    ("comparisons", find_comparisons),
    ("partitions", find_partitions),
    ("sums", find_sums),
    ("ranges", find_ranges),
    ("amount_changes", find_amount_changes),
)


_NONE = Relations()


def find_relations(text: str, mentions: Sequence[Mention]) -> Relations:
    """Every kind of relation between the mentions of ``text``.

    A finder that fails (a bug, on some odd text) is left out and named in
    ``failures``: the rules still run on what the other finders found.
    """
    if not mentions:  # no figure, no relation between figures
        return _NONE
    found: dict[str, tuple[Any, ...]] = {}
    failures: list[str] = []
    for kind, finder in _FINDERS:
        try:
            found[kind] = tuple(finder(text, mentions))
        except Exception as error:  # one finder must not take the check down
            failures.append(f"{kind}: {type(error).__name__}: {error}")
    if found.get("ranges"):  # a range converted into another: weighed bound by bound
        try:
            bounds = tuple(bound_equivalences(text, found["ranges"]))
        except Exception as error:
            failures.append(f"range conversions: {type(error).__name__}: {error}")
        else:
            found["equivalences"] = found.get("equivalences", ()) + bounds
    return Relations(**found, failures=tuple(failures))
