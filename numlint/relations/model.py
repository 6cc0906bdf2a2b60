"""Claims that tie two figures together."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..mentions import Mention

Marker = Literal["parenthesis", "soit", "equivalent", "ou", "hedge-after-comma"]


@dataclass(frozen=True, slots=True)
class Equivalence:
    """``first`` and ``second`` claim to be the same amount, e.g. a conversion:
    ``97,4 milliards de dollars (près de 95 milliards d'euros)``. ``second`` is the
    derived figure (the conversion), the one a correction would normally change."""

    first: Mention
    second: Mention
    marker: Marker
    marker_text: str


@dataclass(frozen=True, slots=True)
class Restatement:
    """``later`` refers back to ``first`` (``ces 13 millions de dollars``): the same figure,
    so its number and scale should be the same."""

    first: Mention
    later: Mention
    reference: str
    """The words that point back (``ces``, ``cette somme de``)."""


@dataclass(frozen=True, slots=True)
class Relations:
    equivalences: tuple[Equivalence, ...] = ()
    restatements: tuple[Restatement, ...] = ()
