"""Stage 4 of the pipeline: the claims that tie figures together."""

from __future__ import annotations

from collections.abc import Sequence

from ..mentions import Mention
from .change import find_changes
from .equivalence import find_equivalences
from .model import Change, Equivalence, Marker, Partition, Relations, Restatement, Sum
from .restatement import find_restatements
from .shares import find_partitions
from .sums import find_sums

__all__ = [
    "Change",
    "Equivalence",
    "Marker",
    "Partition",
    "Relations",
    "Restatement",
    "Sum",
    "find_relations",
]


def find_relations(text: str, mentions: Sequence[Mention]) -> Relations:
    return Relations(
        equivalences=tuple(find_equivalences(text, mentions)),
        restatements=tuple(find_restatements(text, mentions)),
        changes=tuple(find_changes(text, mentions)),
        partitions=tuple(find_partitions(text, mentions)),
        sums=tuple(find_sums(text, mentions)),
    )
