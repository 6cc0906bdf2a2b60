"""Finding comparisons: a figure said to be so many times another.

``600 millions d'euros, soit six fois plus que les 100 millions de 2020``, ``le double
des``, ``la moitié de``, ``dix fois moins lourd que les 5 000 morts de 2019``. They are
:class:`~.model.Change` objects with ``comparison`` set: ``end`` is ``multiple`` times
``start``, as for a figure that doubled, without the move in time, so the rule that
weighs multiples (NL203) weighs them too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

import regex

from ..cache import compile_pattern
from ..mentions import Mention
from .model import Change
from .wording import APOSTROPHE as _APOS
from .wording import MULTIPLE_HEDGES, NUMBER_WORDS, comparable, counted_like, hedge_length
from .wording import SPACE as _S

_TIMES = compile_pattern(
    r"(?i)[^\d.!?\n;()]{0,40}?(?<![\p{L}])(?:(?P<hedge>presque|"
    r"environ|près" + _S + r"+de|plus" + _S + r"+de)" + _S + r"+)?(?:(?P<by>\d+(?:,\d+)?|"
    + "|".join(NUMBER_WORDS) + r")" + _S + r"+fois" + _S + r"+(?P<way>plus|moins)(?:" + _S
    + r"+[\p{L}’'\-]+){0,3}?" + _S + r"+(?:que|qu" + _APOS + r"|de|d" + _APOS + r")"
    r"|(?P<word>le" + _S + r"+double|le" + _S + r"+triple|le" + _S + r"+quadruple|la" + _S
    + r"+moitié|le" + _S + r"+tiers|le" + _S + r"+quart)" + _S + r"+(?:de|des|du|d" + _APOS
    + r"))" + _S + r"*(?:(?:les?|la|l" + _APOS + r"|ceux|celui|celles?)" + _S + r"*(?:(?:de|d"
    + _APOS + r")" + _S + r"*)?)?\Z"
)
"""From a figure to the one it is compared with: ``, soit six fois plus que les`` |
100 millions, ``le double des`` | 100 millions, ``dix fois moins lourd que les`` | 5 000."""
_TIMES_WORDS = {
    "le double": Decimal(2), "le triple": Decimal(3), "le quadruple": Decimal(4),
    "la moitié": Decimal("0.5"), "le tiers": Decimal(1) / 3, "le quart": Decimal("0.25"),
}


_TRIGGER = re.compile(r"fois|double|triple|quadruple|moitié|tiers|quart", re.IGNORECASE)
"""A word without which no comparison can be stated between two figures."""


def find_comparisons(text: str, mentions: Sequence[Mention]) -> list[Change]:
    """A figure said to be so many times another (``A, soit six fois plus que B``)."""
    found = []
    for index, figure in enumerate(mentions):
        # the multiplier may be a figure itself ("3 fois plus"): look one further
        for other in mentions[index + 1 : index + 3]:
            if other.start - figure.end > 90:
                break
            if not _TRIGGER.search(text, figure.end, other.start):
                continue  # most pairs: one quick search, not the whole pattern
            times = _TIMES.fullmatch(text, figure.end, other.start - hedge_length(other))
            if times is None:
                continue
            reference = counted_like(other, figure)  # "que les 100 millions" (d'euros)
            if comparable(reference, figure):
                found.append(_comparison(times, reference, figure))
            break
    return found


def _comparison(times: regex.Match[str], reference: Mention, figure: Mention) -> Change:
    if times.group("word"):
        word = " ".join(times.group("word").lower().split())
        factor, hedge, start = _TIMES_WORDS[word], "about", times.start("word")
    else:
        by = times.group("by").lower()
        factor = Decimal(NUMBER_WORDS[by]) if by in NUMBER_WORDS else Decimal(
            by.replace(",", ".")
        )
        more = times.group("way").lower() == "plus"
        factor = factor if more else 1 / factor
        hedge = "times-more" if more else "about"
        start = times.start("by")
    said = times.group("hedge")
    if said:
        hedge = MULTIPLE_HEDGES.get(" ".join(said.lower().split()), hedge)
        start = times.start("hedge")
    text, end = times.string, times.end("word") if times.group("word") else times.end("way")
    return Change(reference, figure, None, None, 0, factor, text[start:end], (start, end),
                  hedge, comparison=True)
