"""Finding a remainder: the figure the text says is what is left of a whole once the parts
before it are taken out. ``un investissement global de 28,66 milliards de dirhams. […] De
ce montant global, une enveloppe de 27,92 milliards de dirhams a été réservée […]. Les 740
millions de dirhams restants concernent des projets industriels``: the whole, then its
parts, the last one *restant*. Found as parts listed after the whole (``listed``, tie
*restants*): the rule (NL205) reads them only where the numbers agree on it.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..cache import compile_pattern
from ..matching import folded
from ..mentions import Mention
from .model import Sum
from .parts import compatible, measure
from .wording import SPACE as _S

_LEFT_OVER = compile_pattern(
    r"(?i)" + _S + r"+(?P<tie>restant(?:e)?s?|qui" + _S + r"+rest(?:e|ent))(?![\p{L}])"
)
"""``740 millions de dirhams`` | `` restants``."""
_FARTHEST_WHOLE = 600
"""Characters at most between the whole and the remainder."""
_MOST_PARTS = 6


def _left_over(text: str, end: int) -> regex.Match[str] | None:
    """``_LEFT_OVER.match(text, end)``, after a cheap look at what follows: spaces
    (``str.isspace`` takes in every character of ``_S``), then *res…* or *qui*."""
    if not text[end : end + 1].isspace():
        return None
    word = text[end : end + 40].lstrip()
    if word and folded(word[:3]) not in ("res", "qui"):
        return None
    return _LEFT_OVER.match(text, end)


def find_remainders(text: str, mentions: Sequence[Mention]) -> list[Sum]:
    found: list[Sum] = []
    for index, rest in enumerate(mentions):
        left = _left_over(text, rest.end)
        if left is None or index < 2:
            continue
        own = measure(rest)
        if own is None:
            continue
        earlier = [m for m in mentions[max(0, index - _MOST_PARTS - 1) : index]
                   if rest.start - m.end <= _FARTHEST_WHOLE
                   and (kind := measure(m)) is not None and compatible(kind, own)]
        if len(earlier) < 2:
            continue
        whole, parts = earlier[0], earlier[1:]
        if any(part.value >= whole.value for part in parts):
            continue  # the first figure is no whole of those after it
        found.append(Sum((*parts, rest), whole, "listed", left.group("tie")))
    return found

