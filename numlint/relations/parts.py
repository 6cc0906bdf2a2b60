"""Finding listed parts: figures a text lists after a whole it has just given.

``Ce nouveau plan d'aide de 483 milliards de dollars […]. Ce plan comporte 320 milliards
de dollars pour les PME, 60 milliards de prêts, 75 milliards d'aide aux hôpitaux et 25
milliards pour le dépistage.`` — the list is a breakdown of the whole, though no *au
total* says so. Real copy writes such breakdowns in many ways: a verb (*comprend*,
*comporte*, *inclut*, *ventilé*), a bulleted release (*Réservations globales : 471,1 MEUR
• Logement : 357,4 MEUR • Tertiaire : 113,8 MEUR*), an addition (*75 millions, plus 15
millions*), or nothing at all (*243 000 personnes. Les Fééries ont accueilli 27 000
spectateurs, les Lives 25 000 participants…*).

A list found here is only a candidate: its parts may be a few of many, or figures of
other years. The finder says which words tie it to the whole (``tie``, empty when none);
a list of three or more is also weighed as its first figure's breakdown (a bulleted
release opens with its total). The rule (NL205) reads a list only where the numbers
themselves agree on it (the parts add up to the whole once one figure is read a thousand
times larger or smaller), or, when words tie it, where a part exceeds the whole.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..cache import compile_pattern
from ..mentions import Mention
from .model import Sum
from .wording import SPACE as _S

_FARTHEST_PART = 130
"""Characters at most between two parts of one list in a sentence."""
_FARTHEST_BULLET = 200
"""Characters at most between two parts of a bulleted list (a line holds a label)."""
_DURATIONS = frozenset({"second", "minute", "hour", "day", "week", "month", "year"})
"""Units of figures that are spans of time: a list of them (*29,27 jours au solstice
d'été et 29,84 jours au solstice d'hiver*) is rarely a breakdown."""
_FARTHEST_WHOLE = 420
"""Characters at most between a whole and the first part listed after it."""
_MOST_PARTS = 8
_WHOLES_TRIED = 2
"""Wholes weighed for one list: the nearest figures of its kind before it (*un déficit
de 86,8 milliards, contre 1,4 milliard en 2019. Ce déficit s'élevait à 42,8 milliards en
avril et à 43,9 milliards en mai*)."""

_JOINED = compile_pattern(r"(?i)(?:,|:|" + _S + r"(?:et|plus)" + _S + r")")
"""Words that join the items of a list in one sentence."""
_BULLET = compile_pattern(r"\n[\s\u00a0\u202f]*[•–\-*·▪►]")
"""A line break then a bullet: the next item of a bulleted list."""
_SENTENCE_END = compile_pattern(r"[.!?;](?:[\s\u00a0\u202f»”)]|\Z)")
_NOT_A_LIST = compile_pattern(
    r"(?i)(?<![\p{L}])(?:contre|comparé|comparativement|rapport|après|avant|puis|soit"
    r"|hausse|baisse|progression|recul|fois|sur|au" + _S + r"+lieu|entre|voire|ou|dont"
    r"|passe|passent|passera|passeront|passant|passé|portée?s?|porté|atteint|atteindra)"
    r"(?![\p{L}])|%"
)
"""Words between two figures that make them a comparison, a change or a choice, not
items of one list."""
_TIES = compile_pattern(
    r"(?i)(?<![\p{L}])(?:compren(?:d|nent)|comport(?:e|ent)|inclu(?:t|ent)|compos(?:e|ent)"
    r"|composée?s?|ventilée?s?|répartie?s?|répartit|répartissent|décompos(?:e|ent)"
    r"|détaillée?s?|provien(?:t|nent))(?![\p{L}])"
)
"""Words before a list that make it the breakdown of the whole before it."""
_SOME_OF = compile_pattern(
    r"(?i)(?<![\p{L}])(?:en" + _S + r"+particulier|notamment)(?![\p{L}])"
)
"""Words between a whole and a list of some of its parts, in one sentence (*près d'un
milliard […], en particulier 479 millions pour … et 119 millions pour …*): no part may
exceed the whole."""
_BASE_OF = compile_pattern(
    r"(?i)(?:\A|[.!?:\n]" + _S + r"*)(?:sur|parmi)" + _S + r"+ces" + _S + r"*\Z"
)
"""``Sur ces`` | 50 milliards, A investira 27,5 milliards et B 22,5 milliards: a sentence
that opens by taking the whole up again, as the base of the breakdown that follows."""
_OWN_CHANGE = compile_pattern(
    r"(?i)(?:(?:en" + _S + r"+)?(?:hausse|baisse|repli|progression|recul|croissance"
    r"|augmentation|diminution|chute|retrait)" + _S + r"+(?:de" + _S + r"+)?|[(]?[+\-−]?"
    + _S + r"*)\Z"
)
"""The words of an item's own change right before its rate: ``en repli de`` | 16,5 %,
``(+`` | 5,3 %."""
_OWN_CHANGE_LETTERS = 16
"""Characters outside ``_S`` in the longest match of :data:`_OWN_CHANGE` (``en`` +
``augmentation`` + ``de``): the rest of a match is spaces."""
_INTRODUCED = compile_pattern(r":(?:[\s\u00a0\u202f]|\Z)")
"""``21.000 hectares ont brûlé en Gironde:`` | 14.000 en juillet et 6.800 depuis: a colon
after the whole, in its sentence, opens its breakdown."""
_NAMED = compile_pattern(
    r"(?i)(?<![\p{L}])(?:total|totale|globale?s?|ensemble)(?![\p{L}])[^\d.!?;]*\Z"
)
"""``un montant total de`` | 1,8 milliard: a whole named as such."""
_CLOSING = compile_pattern(
    r"(?i)(?<![\p{L}])(?:au" + _S + r"+total|en" + _S + r"+tout|(?:un|le)" + _S
    + r"+total" + _S + r"+(?:de|d['’])|(?:un|le)" + _S + r"+montant" + _S
    + r"+(?:total|global)" + _S + r"+(?:de|d['’]))(?![\p{L}])[^\d.!?;]*\Z"
)
"""``- Au total, cela représente`` | 510 635 postes: the last item of a list named its
total (in its own clause: no figure, no sentence end between)."""
_ADDED = compile_pattern(r"(?i)," + _S + r"*plus" + _S + r"+\Z")
"""``75 millions de livres pour Lukaku, plus`` | 15 millions: an addition."""
_STRONG_BEFORE = 160
"""How far before the first part a tying word is looked for (in its sentence)."""


def find_listed_parts(text: str, mentions: Sequence[Mention]) -> list[Sum]:
    """Each list of figures of one kind, with the wholes it may break down."""
    found: list[Sum] = []
    index = 0
    while index < len(mentions):
        run = _run_from(text, mentions, index)
        if len(run) < 2:
            index += 1
            continue
        parts = tuple(mentions[i] for i in run)
        if not _taken_up(text, parts[0]):  # "Sur ces 50 milliards, A …": the whole opens it
            for whole in _wholes_before(text, mentions, run[0], parts):
                found.append(Sum(parts, whole, "listed", _tie(text, whole, parts)))
        if len(parts) >= 3:  # "Réservations globales : 471,1 MEUR • Logement : 357,4 MEUR…"
            found.append(Sum(parts[1:], parts[0], "listed", _tie(text, parts[0], parts[1:])))
            closing = _closing_total(text, parts)
            if closing:  # "- 255 665 postes ; - 254 969 postes ; - Au total, … 510 635 postes"
                found.append(Sum(parts[:-1], parts[-1], "listed", closing))
        index = run[-1] + 1
    return found


def _closing_total(text: str, parts: Sequence[Mention]) -> str:
    """The words naming the last item of a list its total (*Au total, cela représente*,
    *soit un total de*), written in its own clause, or ""."""
    last, before = parts[-1], parts[-2]
    named = _CLOSING.search(text, max(before.end, last.hedged_start - 60), last.hedged_start)
    return named.group(0).strip(" ,") if named is not None else ""


def measure(mention: Mention) -> tuple[str, ...] | None:
    """What a figure counts, for lists: money in a currency, a quantity in a unit, a bare
    scaled number (*60 milliards*: the list's currency), a count; None for what no list
    of parts holds (percentages, small or written-out numbers, ranges)."""
    if mention.range_role is not None or mention.per is not None:
        return None
    if mention.kind == "money" and mention.currency_inherited and not mention.written_unit:
        return ("scaled",)  # *29,7 millions* after *en euros*: bare, the list's currency
    if mention.kind == "money" and mention.currency:
        return ("money", mention.currency)
    if mention.kind == "money" and mention.written_unit:
        # *45,3 millions de francs*: a currency named but not resolved, one all the same
        return ("money", "?" + mention.written_unit.text.lower())
    if mention.kind == "quantity" and mention.unit:
        return None if mention.unit in _DURATIONS else ("quantity", mention.unit)
    if mention.kind != "number":
        return None
    if mention.scale_exponent:  # *60 milliards*, and *un milliard* written out
        return ("scaled",)
    if not mention.number.text[:1].isdigit():
        return None
    return ("count",) if abs(mention.value) >= 100 else None


def _part_measure(mention: Mention) -> tuple[str, ...] | None:
    """What a figure counts as an item of a list: as :func:`measure`, but a bare number
    written out (*ils demandent un milliard*) is a whole at most, never a listed part."""
    kind = measure(mention)
    if kind == ("scaled",) and not mention.number.text[:1].isdigit():
        return None
    return kind


def compatible(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """Two measures one list can hold: the same, or a bare scaled number beside money or
    another bare scaled number, or a bare count beside a quantity (*3 400 hectares … et
    7 200 dans celui de Landiras*)."""
    if first == second:
        return True
    pair = {first[0], second[0]}
    return pair in ({"scaled", "money"}, {"count", "quantity"})


def _run_from(text: str, mentions: Sequence[Mention], start: int) -> list[int]:
    """Indexes of the list of parts that starts at ``mentions[start]``: figures of one
    measure, each joined to the one before by a comma, *et*, *plus*, a colon or a bullet;
    figures of other kinds may come between (*357,4 MEUR (+3,5 %)*)."""
    first = _part_measure(mentions[start])
    if first is None:
        return []
    run = [start]
    anchor = first
    between: list[Mention] = []
    for later in range(start + 1, min(len(mentions), start + 4 * _MOST_PARTS)):
        if len(run) == _MOST_PARTS:
            break
        candidate = mentions[later]
        kind = _part_measure(candidate)
        previous = mentions[run[-1]]
        if candidate.start - previous.end > _FARTHEST_BULLET:
            break
        if kind is None or not compatible(anchor, kind):
            if kind is not None and kind[0] == anchor[0] == "money" and not _conversion_of(
                    text, previous, candidate):
                break  # another currency: another list
            between.append(candidate)
            continue
        if not _joins(_gap_without_own_changes(text, previous.end, candidate.hedged_start,
                                               between)):
            break
        between = []
        run.append(later)
        if anchor[0] in ("scaled", "count") and kind[0] in ("money", "quantity"):
            anchor = kind
    return run


def _conversion_of(text: str, part: Mention, candidate: Mention) -> bool:
    """``500 millions de dollars (plus de 1316 MDT), …``: money of another currency in the
    parenthesis right after a part is that part converted, not the start of another list."""
    return _OPENS_CONVERSION.fullmatch(text, part.end, candidate.hedged_start) is not None


_OPENS_CONVERSION = compile_pattern(r"[\s\u00a0\u202f]*\((?:[^\d()\n]{0,20})?")


def _gap_without_own_changes(text: str, start: int, end: int,
                             between: Sequence[Mention]) -> str:
    """``text[start:end]`` with the change each item of a list carries blanked out
    (*1 053,5 milliards FCFA (+5,3%) et de recettes non fiscales en repli de 16,5% pour
    …*): the rate of an item is no comparison between items."""
    gap = text[start:end]
    for figure in between:
        if figure.kind != "percent" or figure.end > end:
            continue
        own = _OWN_CHANGE.search(text, _own_change_from(text, start, figure.start),
                                 figure.start)
        begin = own.start() if own is not None else figure.start
        gap = gap[: begin - start] + " " * (figure.end - begin) + gap[figure.end - start :]
    return gap


def _own_change_from(text: str, start: int, end: int) -> int:
    """Where the search for :data:`_OWN_CHANGE` ending at ``end`` may begin and find the
    match a search from ``start`` finds: a match holds at most
    :data:`_OWN_CHANGE_LETTERS` characters that are no space (``str.isspace`` takes in
    every character of ``_S``), so none starts at or before the one more from the end."""
    letters, begin = 0, end
    while begin > start:
        if not text[begin - 1].isspace():
            letters += 1
            if letters > _OWN_CHANGE_LETTERS:
                return begin
        begin -= 1
    return start


def _joins(gap: str) -> bool:
    if _BULLET.search(gap):
        return True
    return (
        len(gap) <= _FARTHEST_PART
        and "\n" not in gap
        and _SENTENCE_END.search(gap) is None
        and _JOINED.search(gap) is not None
        and _NOT_A_LIST.search(gap) is None
    )


def _wholes_before(text: str, mentions: Sequence[Mention], first: int,
                   parts: Sequence[Mention]) -> list[Mention]:
    """The nearest figures of the list's kind before it, within a few sentences."""
    kinds = [kind for kind in map(measure, parts) if kind is not None]
    named = [kind for kind in kinds if kind[0] in ("money", "quantity")]
    wholes: list[Mention] = []
    start = parts[0].start
    for earlier in range(first - 1, -1, -1):
        whole = mentions[earlier]
        if start - whole.end > _FARTHEST_WHOLE or len(wholes) == _WHOLES_TRIED:
            break
        if not _could_be_whole(text, whole, parts, kinds, named):
            continue
        if len(_SENTENCE_END.findall(text, whole.end, start)) > 2:
            break
        wholes.append(whole)
    return wholes


def _could_be_whole(text: str, whole: Mention, parts: Sequence[Mention],
                    kinds: Sequence[tuple[str, ...]],
                    named: Sequence[tuple[str, ...]]) -> bool:
    """Whether ``whole`` measures what the parts do (``kinds``; ``named`` those with a
    currency or unit) closely enough to be their whole."""
    kind = measure(whole)
    if kind is None or not all(compatible(kind, part) for part in kinds):
        return False
    if (kind[0] == "count" and named) or (kind[0] == "quantity" and not named):
        return False  # a count is no whole for hectares, nor hectares for a count
    if kind[0] == "scaled" and not any(part[0] == "money" for part in kinds):
        # a bare figure is a whole only for parts that name the currency, or that words
        # tie to it in its sentence (*près d'un milliard […], en particulier 479 millions
        # pour … et 119 millions pour …*)
        one_sentence = _SENTENCE_END.search(text, whole.end, parts[0].start) is None
        return one_sentence and bool(_tie(text, whole, parts))
    return True


def _tie(text: str, whole: Mention, parts: Sequence[Mention]) -> str:
    """The word that makes the list a breakdown of ``whole``, or ""."""
    named = _NAMED.search(text, max(whole.start - 40, 0), whole.start)
    if named is not None:
        return named.group(0)
    if _SENTENCE_END.search(text, whole.end, parts[0].start) is None:  # in one sentence
        gap = (whole.end, parts[0].hedged_start)
        based = _BASE_OF.search(text, max(whole.start - 20, 0), whole.hedged_start)
        if based is not None and "," in text[gap[0]:gap[1]] and "\n" not in text[gap[0]:gap[1]]:
            return based.group(0).strip(" .!?:\n\u00a0\u202f")
        tie = _INTRODUCED.search(text, *gap) or _SOME_OF.search(text, *gap)
        if tie is not None and "\n" not in text[gap[0]:gap[1]]:
            return tie.group(0).strip()
    sentence = max(
        (m.end() for m in _SENTENCE_END.finditer(text, whole.end, parts[0].start)),
        default=whole.end,
    )
    window = max(sentence, parts[0].start - _STRONG_BEFORE)
    tie = _TIES.search(text, window, parts[0].hedged_start)
    if tie is None:
        tie = _TIES.search(text, parts[0].end, parts[1].hedged_start)
    if tie is None:
        tie = _ADDED.search(text, parts[0].end, parts[1].hedged_start)
    return tie.group(0).strip(" ,") if tie is not None else ""


def _taken_up(text: str, mention: Mention) -> bool:
    """Whether a sentence opens by taking ``mention`` up as the base of what follows."""
    start = mention.hedged_start
    return _BASE_OF.search(text, max(start - 20, 0), start) is not None

