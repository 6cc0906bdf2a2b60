"""Finding a change stated as an amount *more* (or *fewer*) than before, with its rate:
``le parc aura accueilli 1 400 000 visites, soit 125 000 visites supplémentaires (+10%)``,
``une hausse de 14 % de sa fréquentation … Le Parc aura accueilli 143 000 visiteurs,
soit 18 000 visiteurs de plus``. The end comes first, the amount after *soit* with the
words that make it a difference (*supplémentaires*, *de plus*, *de moins*), and a rate
either right after the amount or stated as a change right before the end. The start is
the end less the amount; NL201 checks the rate against it.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..cache import compile_pattern
from ..mentions import Mention
from .change_words import CHANGE_WORD
from .change_words import direction_of as _direction
from .model import AmountChange
from .wording import OF as _DE
from .wording import SPACE as _S
from .wording import same_quantity

_END_TO_AMOUNT = compile_pattern(
    r"(?i)(?:[^\d.!?;\n()]|(?<!\d)\d{4}(?!\d)|\([\p{L}\s\u00a0\u202f.\-]{1,20}\))"
    r"{0,80}?," + _S + r"*soit" + _S + r"+\Z"
)
"""``1 400 000 visites depuis le début de saison, soit`` | 125 000; an acronym in
parentheses may stand between (``53 224 enfants … des chèques-service accueil (CSA),
soit`` | 2 228)."""
_MORE = (
    r"(?P<more>supplémentaires?|de" + _S + r"+plus|en" + _S + r"+plus|de" + _S
    + r"+moins|en" + _S + r"+moins)"
)
_AMOUNT_TO_RATE = compile_pattern(
    r"(?i)" + _S + r"*(?:\p{L}+" + _S + r"+)?" + _MORE + r"(?:" + _S + r"+qu(?:e|['’])"
    r"[^\d()!?;.]{0,40}?)?" + _S + r"*\(" + _S + r"*[+\-−]?\Z"
)
"""``125 000 visites supplémentaires (`` | +10 %, ``2 228 de plus que lors de la dernière
rentrée (`` | +4%."""
_MORE_ENDS = compile_pattern(r"(?i)" + _S + r"*(?:\p{L}+" + _S + r"+)?" + _MORE + _S
                             + r"*[.;,)]")
"""``18 000 visiteurs de plus.``: the amount closes its clause."""
_MORE_AFTER = compile_pattern(r"(?i)" + _S + r"*(?:\p{L}+" + _S + r"+)?" + _MORE + r"(?!\p{L})")
_RATE_TO_END = compile_pattern(
    r"(?i)(?:[^\d!?;\n()]|(?<!\d)\d{4}(?!\d)){0,160}?\Z"
)
"""From a stated rate to the end: no other figure between (a year may be)."""
_RATE_STATED = compile_pattern(
    r"(?ri)(?<![\p{L}])(?:une?" + _S + r"+)?" + CHANGE_WORD + _S + r"+" + _DE + _S + r"*\Z"
)
_WITHIN = 40


def find_more_than_before(text: str, mentions: Sequence[Mention],
                          index: int) -> AmountChange | None:
    """The change whose end is ``mentions[index]`` or ``mentions[index + 1]``, if the
    text states it as an amount more than before, with a rate."""
    return _rate_after(text, *mentions[index : index + 3]) or _rate_before(
        text, *mentions[index : index + 3])


def _rate_after(text: str, end: Mention, amount: Mention,
                rate: Mention) -> AmountChange | None:
    """``1 400 000 visites …, soit 125 000 visites supplémentaires (+10%)``."""
    if rate.kind != "percent" or not _tied(text, end, amount):
        return None
    if _AMOUNT_TO_RATE.fullmatch(text, amount.end, rate.hedged_start) is None:
        return None
    return _change(text, end, amount, rate, direction=_more(text, amount))


def _rate_before(text: str, rate: Mention, end: Mention,
                 amount: Mention) -> AmountChange | None:
    """``une hausse de 14% … 143 000 visiteurs …, soit 18 000 visiteurs de plus``."""
    if rate.kind != "percent" or not _tied(text, end, amount):
        return None
    if _MORE_ENDS.match(text, amount.end) is None:
        return None
    if _RATE_TO_END.fullmatch(text, rate.end, end.hedged_start) is None:
        return None
    opening = _RATE_STATED.search(text, max(0, rate.hedged_start - _WITHIN), rate.hedged_start)
    rises = 0 if opening is None else _direction(opening.group("word"), rate.number.text)
    if rises != _more(text, amount):
        return None
    return _change(text, end, amount, rate, direction=rises)


def _tied(text: str, end: Mention, amount: Mention) -> bool:
    if end.kind == "percent" or amount.kind == "percent":
        return False
    if end.range_role is not None or amount.range_role is not None:
        return False
    return _END_TO_AMOUNT.fullmatch(text, end.end, amount.hedged_start) is not None


def _more(text: str, amount: Mention) -> int:
    found = _MORE_AFTER.match(text, amount.end)
    if found is None:
        return 0
    return -1 if "moins" in found.group("more").lower() else 1


def _change(text: str, end: Mention, amount: Mention, rate: Mention, *,
            direction: int) -> AmountChange | None:
    if direction == 0:
        return None
    counted = same_quantity(amount, end)
    if counted is None:
        return None
    wording = " ".join(text[amount.end : rate.hedged_start].split()).rstrip(" (")
    return AmountChange(counted, end, direction, None, rate, wording or "soit")

