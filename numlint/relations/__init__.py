"""Stage 4 of the pipeline: the claims that tie figures together."""

from __future__ import annotations

from collections.abc import Sequence

from ..mentions import Mention
from .equivalence import find_equivalences
from .model import Equivalence, Marker, Relations, Restatement
from .restatement import find_restatements

__all__ = ["Equivalence", "Marker", "Relations", "Restatement", "find_relations"]


def find_relations(text: str, mentions: Sequence[Mention]) -> Relations:
    return Relations(
        equivalences=tuple(find_equivalences(text, mentions)),
        restatements=tuple(find_restatements(text, mentions)),
    )
