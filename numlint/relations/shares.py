"""Finding partitions: percentages that split one whole (``45 % sont favorables, 38 %
opposés et 27 % sans opinion``).

A list of percentages is a partition only when the sentence presents it as one: each
item starts with its percentage, items are joined by commas or *et*, and nothing hints
at different bases (*des hommes* … *des femmes*), a comparison (*45 % contre 38 %*,
*dont*, *parmi*, *respectivement*), or a change (*une hausse de 3 %*). A vote's *pour* and
*contre* label items: *45 % pour, 40 % contre et 15 % d'abstention* is a partition.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..cache import compile_pattern
from ..matching import match_at
from ..mentions import Mention
from .change_words import stated_before
from .model import Partition
from .wording import SPACE as _S

_ITEM_GAP = compile_pattern(
    r"(?i)[^\d.!?\n;]{0,60}?(?:,|" + _S + r"et|" + _S + r"ou)" + _S + r"+\Z"
)
_OTHER_BASES = compile_pattern(
    r"(?i)(?<![\p{L}])(?:dont|parmi|d['’]entre|respectivement|soit|hausse|baisse|plus|"
    r"moins|hors|sauf|auprès|chez|selon|sur|après|avant|en" + _S + r"+\d{4})(?![\p{L}])"
)
_COMPARED = compile_pattern(r"(?i)(?<![\p{L}])contre" + _S + r"+\Z")
"""``45 % contre 38 %``: a comparison. Not ``40 % contre et 25 % d'abstention``, where
*contre* is what the 40 % voted."""
_BASE_AFTER = compile_pattern(
    r"(?i)" + _S + r"*(?P<base>(?:des|du|de" + _S + r"+la|de" + _S + r"+l['’]|d['’])" + _S
    + r"*[\p{L}\-]+)"
)
_LIST_OPENER = compile_pattern(r"(?r)(?:^|[:.!?\n(]|—|–)[^\d:.!?\n(]{0,40}\Z")


def find_partitions(text: str, mentions: Sequence[Mention]) -> list[Partition]:
    partitions = []
    run: list[Mention] = []
    for mention in mentions:
        if run and _continues(text, run[-1], mention):
            run.append(mention)
            continue
        if len(run) >= 3 and _is_partition(text, run):
            partitions.append(Partition(tuple(run)))
        run = [mention] if _is_item(text, mention) else []
    if len(run) >= 3 and _is_partition(text, run):
        partitions.append(Partition(tuple(run)))
    return partitions


def _is_item(text: str, mention: Mention) -> bool:
    return (
        mention.kind == "percent"
        and mention.written_hedge is None
        and mention.range_role is None
        and 0 <= mention.value < 100
        and stated_before(text, max(0, mention.start - 40), mention.start) is None
    )


def _continues(text: str, previous: Mention, mention: Mention) -> bool:
    if not _is_item(text, mention):
        return False
    gap = text[previous.end : mention.start]
    return (
        _ITEM_GAP.fullmatch(gap) is not None
        and _OTHER_BASES.search(gap) is None
        and _COMPARED.search(gap) is None
    )


def _is_partition(text: str, run: Sequence[Mention]) -> bool:
    if _LIST_OPENER.search(text, max(0, run[0].start - 41), run[0].start) is None:
        return False
    bases = set()
    for mention in run:
        base = match_at(_BASE_AFTER, text, mention.end)
        if base is not None:
            bases.add(" ".join(base.group("base").lower().split()))
    return len(bases) <= 1
