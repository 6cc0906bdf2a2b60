"""Finding exchange rates stated in the text: ``1,0205 € pour 1 £``, ``Un dollar valait
26,11 livres turques et un euro 28,63 livres``, ``1 euro = 655,957 francs CFA``.

A rate statement ties one unit of a currency to its price in another. It is an
equivalence of a special kind (marker ``rate``): the rate quoted may be that of another
day than the article's (``le 29 décembre 2008, la livre est tombée à 1,0205 €``), so the
rules check only its order of magnitude, never its last digits.

What is not a rate: a price per item (``5 euros pour un kilo``: the unit is no currency),
a return or a matching grant (``2 euros pour 1 euro investi``: a participle or a
complement follows the unit), and the same currency on both sides, unless the sentence
or the one before it speaks of a rate (``taux``, ``cours``, ``parité``, ``dépréciation``,
``à raison de``…): ``665,957 euros pour 1 euro`` is then no rate any currency can have.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import regex

from ..cache import compile_pattern
from ..mentions import Mention
from .model import Equivalence
from .wording import APOSTROPHE as _APOS
from .wording import SPACE as _S

_VALUED = (
    r"(?:valai(?:t|ent)|vau[tx]|valent|a" + _S + r"+valu|valant|s" + _APOS
    + r"échang(?:e|ent|eait|eaient)" + _S + r"+(?:à|(?:[^\d.!?;:()\n]{1,80}?" + _S
    + r")?contre)|cotée?s?" + _S + r"+à"
    r"|(?:se" + _S + r"+)?(?:vend|achet|négoci)(?:e|ent|ait|aient)" + _S + r"+à"
    r"|(?:était|est)" + _S + r"+(?:indexée?|cotée?|fixée?)" + _S + r"+à)"
)
"""``1 dollar valait 26,11 livres``: the unit first, its price after; *s'échange … contre*
may hold where (``un euro s'échange aux guichets de la banque d'Algérie contre``)."""


@cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    return {
        # "X A pour 1 B", "X A pour un B", "à raison de X A pour 1 B"
        "per": compile_pattern(r"(?i)" + _S + r"+pour" + _S + r"+"),
        "valued": compile_pattern(r"(?i)" + _S + r"+" + _VALUED + _S + r"+"),
        "equals": compile_pattern(r"(?i)" + _S + r"*[=:]" + _S + r"*"),
        "gapped": compile_pattern(r"(?i)" + _S + r"*(?:,|;|" + _S + r"et)" + _S + r"+"),
        "plain": compile_pattern(_S + r"+"),
        "not_a_rate_after": compile_pattern(
            r"(?i)" + _S + r"*(?:d(?:e|" + _APOS + r")|\p{L}{3,}(?:é|ée|és|ées|i|ie|is|ies|u"
            r"|us|ue|ues)(?!\p{L}))"
        ),
        "rate_words": compile_pattern(
            r"(?i)(?<!\p{L})(?:taux|cours|parité|change|cot(?:é|ée|és|ées|ation)"
            r"|arrimée?s?|dépréci\p{L}*|appréci\p{L}*|dévalu\p{L}*|s" + _APOS
            + r"échang\p{L}*|à" + _S + r"+raison" + _S + r"+de|valait|vaut)(?!\p{L})"
        ),
    }


def find_rate_statements(text: str, mentions: Sequence[Mention]) -> list[Equivalence]:
    """Each rate the text states, as an equivalence from the unit to its price."""
    found: list[Equivalence] = []
    for index in range(len(mentions) - 1):
        left, right = mentions[index], mentions[index + 1]
        statement = _statement(text, left, right)
        if statement is None and found and found[-1].second.end <= left.start:
            statement = _gapped(text, found[-1], left, right)
        if statement is not None:
            found.append(statement)
    return found


def _statement(text: str, left: Mention, right: Mention) -> Equivalence | None:
    if not _money(left) or not _money(right):
        return None
    gap_end = right.hedged_start
    patterns = _patterns()
    if _is_one(right) and patterns["per"].fullmatch(text, left.end, gap_end):
        unit, price, linker = right, left, "pour"
    elif _is_one(left) and patterns["valued"].fullmatch(text, left.end, gap_end):
        unit, price, linker = left, right, text[left.end : gap_end].strip()
    elif patterns["equals"].fullmatch(text, left.end, gap_end) and (
        _is_one(left) or _is_one(right)
    ):
        unit, price = (left, right) if _is_one(left) else (right, left)
        linker = "="
    else:
        return None
    if patterns["not_a_rate_after"].match(text, unit.end):
        return None  # "2 euros pour 1 euro investi", "5 euros pour un dollar de ventes"
    if unit.currency == price.currency and not _speaks_of_a_rate(text, left.start):
        return None  # "deux euros pour un euro": a ratio of sums, not a rate
    return Equivalence(unit, price, "rate", linker)


def _gapped(text: str, previous: Equivalence, left: Mention, right: Mention) -> Equivalence | None:
    """``Un dollar valait 26,11 livres turques et un euro 28,63 livres``: the verb of the
    first rate is left out of the second, written right after it."""
    if previous.marker_text == "pour" or not (_money(left) and _money(right)):
        return None
    patterns = _patterns()
    if not patterns["gapped"].fullmatch(text, previous.second.end, left.start):
        return None
    gap_end = right.hedged_start
    if not (_is_one(left) and patterns["plain"].fullmatch(text, left.end, gap_end)):
        return None
    if left.currency == right.currency:
        return None
    return Equivalence(left, right, "rate", previous.marker_text)


def _money(mention: Mention) -> bool:
    return (
        mention.kind == "money" and mention.currency is not None and mention.per is None
        and mention.range_role is None and mention.list_span is None
    )


def _is_one(mention: Mention) -> bool:
    """One unit of a currency: ``1 £``, ``un euro``, ``Un dollar`` (no scale word)."""
    return mention.value == 1 and not mention.scale_exponent and not mention.sub_unit


def _speaks_of_a_rate(text: str, position: int) -> bool:
    """The sentence of ``position``, or the one before, names a rate or its moves."""
    start = position
    for _ in range(2):
        start = max(text.rfind(stop, 0, max(start - 1, 0)) for stop in (". ", "! ", "? ", "\n"))
        if start < 0:
            start = 0
            break
    return _patterns()["rate_words"].search(text, start, position) is not None
