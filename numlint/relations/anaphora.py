"""Finding a conversion written in the next sentence, of the figure the sentence before
ended on: ``… de 10 000 wons et de 50 000 wons. Ce dernier, l'équivalent d'environ
40 euros, représentait…``.

Across a sentence a pairing needs strong evidence, so all of it is required: the figure
ends its sentence, or its line (a heading: *13 milliards de francs CFA* then *Cette
somme est l'équivalent de 20 millions d'euros*); the next one opens on a pronoun or noun
that points back to it (*ce dernier*, *celui-ci*, *cette somme*, *ce montant*), then an
equivalence linker (*soit*, *l'équivalent de*, *équivalant à*, *qui équivaut à*,
*c'est-à-dire*), perhaps after *est* or *représente*; and the conversion is into another
currency (marker ``anaphora``). With looser evidence — a clause after the figure, a noun
naming what it measured (*cette estimation*), *qui correspond à*, a quantity into another
unit — the pair is a ``loose`` tie, weighed only as a slip of a power of 1 000.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
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


@cache
def _loose_pattern() -> regex.Pattern[str]:
    """The same, with looser evidence: a clause after the figure before its sentence ends
    (no digit in it), a noun naming what the figure measured (*cette estimation*, *ce
    volume*…) and *qui correspond à*, *représente*: ``… pourrait s'élever à 100.000
    barils dans le pire des cas, selon un document interne.`` | ``Cette estimation, qui
    correspond à`` | ``15,9 millions de litres par jour``. The sentence may also open on a
    pronoun, after a clause (``à 23 kilomètres par seconde.`` | ``Cela se traduit par`` |
    ``82 000 kilomètres par heure``; ``0,049 unité astronomique (ua) de la Terre. Si cette
    distance est proche …, elle représente tout de même`` | ``7,4 millions de kilomètres``),
    and the figure's tail hold a parenthesis without digits (an abbreviation)."""
    tail = r"(?:[^\d.!?;\n()]|\([^\d()\n]{0,24}\)){0,160}?"
    ending = r"(?:" + _S + r"*[.;]" + _S + r"+|[ \t\u00a0\u202f]*\n" + _S + r"*)"
    back = (
        r"(?:ce" + _S + r"+dernier|cette" + _S + r"+dernière|celui-ci|celle-ci|(?:cette|ce|cet)"
        + _S + r"+(?:somme|montant|estimation|chiffre|volume|quantité|production|total"
        r"|débit|surface|superficie|distance|poids)"
        r"|(?:(?:si|même" + _S + r"+si|bien" + _S + r"+que)" + _S + r"[^\d.!?;\n]{0,80}?,"
        + _S + r"*)?(?:cela|ceci|ça|elle|il))"
    )
    linker = (
        r"(?P<linker>soit|l" + _APOS + r"équivalent" + _S + r"+d(?:e|" + _APOS + r")|équivalant"
        + _S + r"+à|(?:qui" + _S + r"+)?(?:équiva(?:ut|lait)|correspond(?:ait)?|représente"
        r"|représentait)" + _S + r"+à?|se" + _S + r"+tradui(?:t|sait)" + _S + r"+par)"
    )
    adverb = (
        r"(?:(?:tout" + _S + r"+de" + _S + r"+même|quand" + _S + r"+même|donc|ainsi)" + _S
        + r"+)?"
    )
    return compile_pattern(
        r"(?i)" + tail + ending + back + _S + r"*,?" + _S + r"*" + linker + _S + r"*" + adverb
    )


def _convert(first: Mention, second: Mention) -> bool:
    """Two amounts of one kind in two currencies, or two quantities in two units."""
    if first.kind != second.kind or first.kind not in ("money", "quantity"):
        return False
    own, other = ((first.currency, second.currency) if first.kind == "money"
                  else (first.unit, second.unit))
    return None not in (own, other) and own != other


def find_anaphoric_conversions(text: str, mentions: Sequence[Mention]) -> list[Equivalence]:
    """Each conversion of the figure that ended the sentence before (see the module doc);
    with looser evidence (:func:`_loose_pattern`), a ``loose`` tie the verdict weighs
    only as a slip of a power of 1 000."""
    found = []
    for first, second in pairwise(mentions):
        if not _convert(first, second):
            continue
        gap_end = second.hedged_start
        link = _pattern().fullmatch(text, first.end, gap_end) if first.kind == "money" else None
        if link is not None:
            found.append(Equivalence(first, second, "anaphora", link.group("linker")))
            continue
        if gap_end - first.end > 240:
            continue
        link = _loose_pattern().fullmatch(text, first.end, gap_end)
        if link is not None:
            if first.per is None and second.per is not None:
                # "100.000 barils … Cette estimation, qui correspond à … litres par jour":
                # read per the same period (a total over another period is no power of
                # 1 000 away, and a loose tie weighs nothing else)
                first = replace(first, per=second.per)
            found.append(Equivalence(first, second, "loose", link.group("linker")))
    return found
