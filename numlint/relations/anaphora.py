"""Finding a conversion written in the next sentence, of the figure the sentence before
ended on: ``… de 10 000 wons et de 50 000 wons. Ce dernier, l'équivalent d'environ
40 euros, représentait…``.

Across a sentence a pairing needs strong evidence, so all of it is required: the figure
ends its sentence, or its line (a heading: *13 milliards de francs CFA* then *Cette
somme est l'équivalent de 20 millions d'euros*); the next one opens on a pronoun or noun
that points back to it (*ce dernier*, *celui-ci*, *cette somme*, *ce montant*), then an
equivalence linker (*soit*, *l'équivalent de*, *équivalant à*, *qui équivaut à*,
*c'est-à-dire*), perhaps after *est* or *représente*; and the conversion is into another
currency (marker ``anaphora``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from itertools import pairwise

import regex

from ..cache import compile_pattern
from ..mentions import Mention
from .model import Equivalence
from .wording import APOSTROPHE as _APOS
from .wording import SPACE as _S


@cache
def _pattern() -> regex.Pattern[str]:
    back = (
        r"(?:ce" + _S + r"+dernier|cette" + _S + r"+dernière|celui-ci|celle-ci|cette" + _S
        + r"+somme|ce" + _S + r"+montant)"
    )
    linker = (
        r"(?P<linker>soit|c" + _APOS + r"est-à-dire|l" + _APOS + r"équivalent" + _S + r"+d(?:e|"
        + _APOS + r")|équivalant" + _S + r"+à|(?:qui" + _S + r"+)?équiva(?:ut|lait)" + _S
        + r"+à)"
    )
    ending = r"(?:" + _S + r"*[.;]" + _S + r"+|[ \t\u00a0\u202f]*\n" + _S + r"*)"
    verb = r"(?:(?:est|était|représente|représentait)" + _S + r"+)?"
    return compile_pattern(
        r"(?i)" + ending + back + _S + r"*,?" + _S + r"*" + verb + linker + _S + r"*"
    )


def find_anaphoric_conversions(text: str, mentions: Sequence[Mention]) -> list[Equivalence]:
    """Each conversion of the figure that ended the sentence before (see the module doc)."""
    found = []
    for first, second in pairwise(mentions):
        if first.kind != "money" or second.kind != "money":
            continue
        if None in (first.currency, second.currency) or first.currency == second.currency:
            continue
        gap_end = second.hedged_start
        link = _pattern().fullmatch(text, first.end, gap_end)
        if link is not None:
            found.append(Equivalence(first, second, "anaphora", link.group("linker")))
    return found
