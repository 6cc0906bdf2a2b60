"""Finding sums: figures the text adds up, and wholes it splits.

Two forms, each with the words that make it one:

- a total: ``3 millions d'hommes et 2 millions de femmes, soit 5 millions au total`` —
  parts joined by commas or *et*, then a total named as such (*au total*, *un total
  de*, *en tout*): it must be their sum;
- a named total then its parts after *se répartit en* (*se décompose en*…), in full;
- a whole and its subsets: ``un plan de 3 milliards d'euros, dont 500 millions pour la
  recherche`` — the figures after *dont* are parts of the one before. They may overlap
  (*1 200 salariés, dont 800 femmes et 600 cadres*), so only a part larger than the
  whole is impossible.

All the figures of a sum count the same thing the same way: money in one currency, a
quantity in one unit, or plain numbers; percentages are shares, see :mod:`.shares`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import regex

from ..cache import compile_pattern
from ..matching import folded, match_at
from ..mentions import Mention
from .additions import find_additions
from .coincidences import find_coincident_sums
from .fractions import find_fractions
from .model import Sum
from .parts import compatible, find_listed_parts, measure
from .remainders import find_remainders
from .share_coincidences import find_coincident_shares
from .wording import APOSTROPHE as _APOS
from .wording import SPACE as _S

_LONGEST_GAP = 70
"""Characters at most between two figures of one sum (the patterns allow 70 or fewer)."""
_FARTHEST_SUBSET = 100
"""Characters at most between a whole and its first part after *dont* (*62 154 hectares
ont été détruits par les flammes en France depuis le 1er janvier, dont 47 000…*)."""
_MOST_PARTS = 40
"""Parts read at most in one sum: copy lists a few; a table of figures is not a sum."""
_PART_GAP = compile_pattern(
    r"(?i)[^\d.!?\n;:()]{0,70}?(?:," + _S + r"*(?:et" + _S + r"+)?|" + _S + r"+et" + _S
    + r"+)\Z"
)
"""From one part to the next: ``d'hommes et`` | ``de femmes,``."""
_TOTAL_WORDS = (
    r"(?:au" + _S + r"+total|en" + _S + r"+tout|(?:un|le)" + _S + r"+total" + _S
    + r"+(?:de" + _S + r"+|d" + _APOS + r")|un" + _S + r"+ensemble" + _S + r"+de)"
)
_TO_TOTAL = compile_pattern(
    r"(?i)[^\d.!?\n;()]{0,50}?[,;:]?" + _S + r"*(?:\(" + _S + r"*)?(?:(?:soit|pour|c"
    + _APOS + r"est-à-dire)" + _S + r"+)?(?P<named>" + _TOTAL_WORDS + _S + r"*,?" + _S
    + r"*)?\Z"
)
"""From the last part to the total: ``de femmes, soit`` | ``, au total,``."""
_TOTAL_AFTER = compile_pattern(
    r"(?i)(?:" + _S + r"+[\p{L}’'\-]+){0,2}?" + _S + r"*,?" + _S + r"*(?:au" + _S
    + r"+total|en" + _S + r"+tout)(?![\p{L}])"
)
"""``soit 5 millions`` | `` au total``, ``soit 15`` | `` victimes au total``: the total
named after it."""
_NAMED_TOTAL_BEFORE = compile_pattern(
    r"(?i)(?<![\p{L}])(?:total|totale|globale?|au" + _S + r"+total|en" + _S
    + r"+tout)(?![\p{L}])[^\d.!?\n;]*\Z"
)
"""``Le budget total atteint`` | 12 millions: a total named before the figure."""
_TO_BREAKDOWN = compile_pattern(
    r"(?i)[^\d!?\n()]{0,60}?(?:(?:se|s" + _APOS + r")" + _S
    + r"*(?:répartit|répartissent|décompose|décomposent|ventile|ventilent)|répartie?s?"
    r"|ventilée?s?)" + _S + r"+(?:en|entre|ainsi|comme" + _S + r"+suit)" + _S + r"*:?" + _S
    + r"*\Z"
)
"""From the total to its first part: ``. Il se répartit en``."""
_CLAUSE_REST = compile_pattern(r"[^.!?\n;]*")
_LIST_GOES_ON = compile_pattern(
    r"(?i)\d|(?<![\p{L}])(?:reste|restant|notamment|entre" + _S + r"+autres|etc|dont"
    r"|autres|divers|plus)(?![\p{L}])"
)
"""After the last part: the list is not complete (or another figure is in it)."""
_SUBSET_WORDS = (
    r"(?:dont|incluant|y" + _S + r"+compris|parmi" + _S + r"+(?:lesquel(?:le)?s|eux|elles)"
    r"|comprenant)"
)
_THE_ONE = (
    r"(?:(?:une?|l" + _APOS + r"une?|celle|celui|ceux|celles)" + _S + r"+(?:de|d" + _APOS
    + r"|à)" + _S + r"*)?"
)
_TO_SUBSETS = compile_pattern(
    r"(?i)(?:" + _S + r"*\))?[^.!?\n;()]{0,90}?(?:," + _S + r"*|" + _S + r"*\(" + _S + r"*|"
    + _S + r"+(?=dont" + _S + r"))" + _SUBSET_WORDS
    + _S + r"+" + _THE_ONE + r"(?:(?:plus|moins|seulement|encore)" + _S + r"+)?\Z"
)
"""From a whole to its first part: ``3 milliards d'euros,`` | ``dont``, ``63 millions
d'euros en six opérations,`` | ``dont une de``, ``, incluant celle de``; the whole may be
the conversion in a parenthesis: ``2,2 milliards de dollars (1,6 milliard d'euros`` |
``), dont``; an adverb the scanner does not read as a hedge may follow *dont* (``180 M€,
dont plus`` | 116 M€: a part all the same); or *dont* with no comma (``3 593 élèves sont
scolarisés dans le premier degré dont`` | 1 249 en maternelle)."""
_SUBSET_HINT = compile_pattern(r"(?i)(?<![\p{L}])" + _SUBSET_WORDS + r"(?![\p{L}])")
_ON_ITS_OWN = compile_pattern(
    r"(?i)(?<![\p{L}])à" + _S + r"+(?:lui|elle|eux|elles)" + _S + r"+seule?s?(?![\p{L}])"
    r"[^\d.!?\n;]{0,25}\Z"
    r"|(?<![\p{L}])(?:l" + _APOS + r"essentiel|la" + _S + r"+(?:majeure|plus" + _S
    + r"+grande)" + _S + r"+partie|la" + _S + r"+majorité|une" + _S + r"+(?:bonne" + _S
    + r"+)?partie)(?![\p{L}])[^\d.!?\n;()]{0,25}?(?:," + _S + r"*soit|\()" + _S + r"*\Z"
)
"""``absorbent à elles seules`` | 29 millions, ``des 5,4 milliards $ …, l'essentiel, soit``
| 4,3 milliards $: the figure is a part of a whole given before."""
_ON_ITS_OWN_STEMS = ("seul", "essentiel", "partie", "majorit")
"""A piece of each alternative of :data:`_ON_ITS_OWN`, looked for before the pattern."""
_WHOLE_NOUN = (
    r"(?:total|objectif|budget|montant|enveloppe|cagnotte|dotation|somme|effectif|ensemble"
    r"|production|population)(?:" + _S + r"+(?:totale?|globale?|annuelle?|initiale?"
    r"|prévue?))?"
)
"""A noun that names a whole, maybe with its adjective (*une cagnotte totale*)."""
_PART_OF = compile_pattern(
    r"(?i)" + _S + r"*(?:[\p{L}\-]+" + _S + r"+)?sur" + _S + r"+(?:les|(?:un|une)" + _S
    + r"+" + _WHOLE_NOUN + _S + r"+(?:de|d" + _APOS + r"))" + _S + r"*\Z"
)
"""From a part to its whole: ``262,6 milliards collectés`` | ``sur les`` | ``7 700
milliards annoncés``, ``4 millions de dollars`` | ``sur une cagnotte totale de`` | 10
millions."""
_BASE_FIRST = compile_pattern(
    r"(?i)(?:\A|[.!?:\n]" + _S + r"*)(?:sur|parmi|dans)" + _S + r"+(?:les|(?:un|une|le|la"
    r"|l" + _APOS + r")" + _S + r"*" + _WHOLE_NOUN + r"(?:" + _S + r"+(?:primitif|rectificatif"
    r"|définitif|initial|public|communal|national))?(?:" + _S + r"+\d{4})?" + _S
    + r"+(?:de|d" + _APOS + r"))" + _S + r"*\Z"
)
"""``Sur une enveloppe globale de`` | 2 530 milliards, les autorités ont réservé 1431
milliards…, ``Dans un budget primitif 2009 de`` | 697 millions d'euros en hausse de 8 %,
les investissements de 187 millions…: a sentence that opens on the whole its figures are
taken from (the budget's kind and year may follow its noun)."""
_BASE_TO_PART = compile_pattern(r"[^.!?\n;]{0,120}?\Z")


def find_sums(text: str, mentions: Sequence[Mention]) -> list[Sum]:
    """Totals with their parts, wholes with the parts their *dont* lists, parts listed
    after a whole (:mod:`.parts`), parts stated as a fraction of it (:mod:`.fractions`)
    and additions written out (:mod:`.additions`)."""
    found: list[Sum] = [
        *find_listed_parts(text, mentions), *find_fractions(text, mentions),
        *find_additions(text, mentions), *find_remainders(text, mentions),
        *find_coincident_sums(text, mentions), *find_coincident_shares(text, mentions),
    ]
    for index, mention in enumerate(mentions):
        subsets = _subsets_after(text, mentions, index)
        if subsets:
            found.append(Sum(tuple(subsets), mention, "subsets"))
        if len(subsets) >= 2:  # "8,9 milliards, dont 5,2 milliards … et 3,7 milliards"
            found.append(Sum(tuple(subsets), mention, "listed", "dont"))
        based = _part_of_base_before(text, mentions, index)
        if based is not None:
            found.append(based)
        total = _total_of_parts_ending(text, mentions, index)
        if total is not None:
            found.append(total)
        breakdown = _breakdown_after(text, mentions, index)
        if breakdown is not None:
            found.append(breakdown)
        taken_from = _part_of_whole_after(text, mentions, index)
        if taken_from is not None:
            found.append(taken_from)
        alone = _part_on_its_own(text, mentions, index)
        if alone is not None:
            found.append(alone)
    return found


def _part_on_its_own(text: str, mentions: Sequence[Mention], index: int) -> Sum | None:
    """``La RTS consacre 36 millions de francs par an à l'actualité […]. Les deux éditions
    du journal absorbent à elles seules 29 millions.``: *à elles seules* makes the figure a
    part of the amount the sentence before (or its own) gave, which it cannot exceed. A
    whole counted per year takes in a part said without its period."""
    part = mentions[index]
    start = part.hedged_start
    window = text[max(0, start - 40) : start].lower()
    if not any(stem in window for stem in _ON_ITS_OWN_STEMS):
        return None  # (a cheap look first)
    said = _ON_ITS_OWN.search(text, max(0, start - 40), start)
    if said is None:
        return None
    sentence = max(text.rfind(mark, 0, start) for mark in (". ", "! ", "? ", "\n"))
    previous = max(text.rfind(mark, 0, max(sentence, 0)) for mark in (". ", "! ", "? ", "\n"))
    for earlier in range(index - 1, -1, -1):
        whole = mentions[earlier]
        if whole.end <= previous:
            return None
        if whole.kind not in ("money", "quantity"):
            continue  # "les deux éditions": a count of the subject, not the whole
        meant = replace(part, per=whole.per) if part.per is None else part
        if _alike(whole, meant, text, subset=True) or _alike(whole, part, text, subset=True):
            return Sum((part,), whole, "subsets", said.group(0))
    return None


def _breakdown_after(text: str, mentions: Sequence[Mention], index: int) -> Sum | None:
    """``Le budget total atteint 12 millions d'euros. Il se répartit en 5 millions pour la
    santé et 4 millions pour l'éducation.``: a named total, then its parts listed after
    *se répartit en*, *se décompose en*, *se ventile en* — in full: a list that goes on
    (*le reste*, *notamment*, *etc.*) or names another figure before the clause ends is
    not read."""
    total = mentions[index]
    if index + 2 >= len(mentions) or total.range_role is not None:
        return None
    before = max(0, total.start - 40), total.hedged_start
    if not _may_name_total(text[before[0] : before[1]]) or not _NAMED_TOTAL_BEFORE.search(
            text, *before):
        return None
    first = mentions[index + 1]
    if _TO_BREAKDOWN.fullmatch(text, total.end, first.hedged_start) is None:
        return None
    parts = [first]
    for later in mentions[index + 2 : index + 1 + _MOST_PARTS]:
        gap_end = later.hedged_start
        if gap_end - parts[-1].end > _LONGEST_GAP:
            break
        if not _PART_GAP.fullmatch(text, parts[-1].end, gap_end):
            break
        parts.append(later)
    if len(parts) < 2 or not all(_alike(total, part, text, same_noun=False) for part in parts):
        return None
    rest = _CLAUSE_REST.match(text, parts[-1].end)
    if rest is None or _LIST_GOES_ON.search(rest.group(0)):
        return None
    return Sum(tuple(parts), total, "total")


def _may_name_total(words: str) -> bool:
    """Whether ``words`` may hold one of :data:`_NAMED_TOTAL_BEFORE`'s words (a cheap test
    before the pattern: each has one of these stems, and no letter that ``str.lower``
    keeps apart from its case-blind match)."""
    lowered = words.lower()
    return "total" in lowered or "global" in lowered or "tout" in lowered


def _subsets_after(text: str, mentions: Sequence[Mention], index: int) -> list[Mention]:
    whole = mentions[index]
    if not _may_name_subsets(text, whole.end):
        return []
    if _noun_after(text, whole) in _NOT_COUNTS:
        return []  # "trois fois plus que prévu, dont…": a multiplier, not a whole
    first = _first_subset(text, mentions, index)
    if first is None:
        return []
    parts = [mentions[first]]
    for candidate in mentions[first + 1 : first + _MOST_PARTS]:
        gap_end = candidate.hedged_start
        if gap_end - parts[-1].end > _LONGEST_GAP:
            break
        if not _PART_GAP.fullmatch(text, parts[-1].end, gap_end):
            break
        if not _alike(whole, candidate, text, subset=True):
            break
        parts.append(candidate)
    return parts


_SUBSET_STEMS = ("dont", "nclu", "compr", "parm")
"""A piece of each word of :data:`_SUBSET_WORDS` without *i* or *s* (whose case-blind
matches include ``İ`` and ``ſ``, which ``str.lower`` does not turn into them)."""


def _may_name_subsets(text: str, end: int) -> bool:
    """Whether the words after a figure ending at ``end`` may hold *dont* (*incluant*…)
    close enough for :func:`_first_subset`: a cheap test before its patterns."""
    after = text[end : end + _FARTHEST_SUBSET].lower()
    return any(stem in after for stem in _SUBSET_STEMS)


def _first_subset(text: str, mentions: Sequence[Mention], index: int) -> int | None:
    """The first part after *dont* (*incluant*, *parmi lesquels*…) of ``mentions[index]``:
    figures of another kind may come between (``63 millions d'euros en six opérations,
    dont une de 47 millions``)."""
    whole = mentions[index]
    between: list[Mention] = []
    for later in range(index + 1, min(len(mentions), index + 4)):
        candidate = mentions[later]
        gap_end = candidate.hedged_start
        if gap_end - whole.end > _FARTHEST_SUBSET:
            return None
        alike = _alike(whole, candidate, text, subset=True)
        if _SUBSET_HINT.search(text, whole.end, gap_end) is not None:
            if _bare(candidate) and (between or _other_measure_earlier(text, mentions,
                                                                      index)):
                # « 300 km en 3 jours, dont 150 »: a bare part could belong to either
                # figure; which whole it counts in is a guess, so no verdict.
                return None
            if alike and _TO_SUBSETS.fullmatch(text, whole.end, gap_end):
                return later
            return None
        if _too_small_to_count(whole, candidate):
            continue  # "8,9 milliards au cours des 5 prochaines années, dont…": no part
        if alike:
            return None  # another figure of the same kind first: not this whole's part
        between.append(candidate)
    return None


def _too_small_to_count(whole: Mention, figure: Mention) -> bool:
    """A small plain number written without scale (*5 prochaines années*) in the clause of
    a whole given in millions or more: a duration or a rank, not a part of it."""
    return (figure.kind == "number" and not figure.scale_exponent and abs(figure.value) < 100
            and whole.scale_exponent >= 6)


def _bare(mention: Mention) -> bool:
    return mention.currency is None and mention.unit is None


def _other_measure_earlier(text: str, mentions: Sequence[Mention], index: int) -> bool:
    """Whether a figure before ``mentions[index]`` in its sentence counts something else
    than it (*300 km en 3 jours, dont 150*): a bare part could then count in either.
    A written-out small number (*ces trois hélicoptères atteindrait environ 500.000
    dollars, dont 440.000*) counts nothing a part could, and a figure of the whole's own
    measure (*27,5 milliards et le secteur public, 22,5 milliards, dont 20 milliards*)
    leaves the part to the whole it follows."""
    start = mentions[index].start
    sentence_start = max(text.rfind(mark, 0, start) for mark in (". ", "! ", "? ", "\n"))
    whole = measure(mentions[index])
    for earlier in range(index - 1, -1, -1):
        figure = mentions[earlier]
        if figure.end <= sentence_start:
            return False
        kind = measure(figure)
        if figure.kind == "number" and kind is None:
            continue  # *trois*, *deux*: no measure a part could count in
        if whole is None or kind is None or not compatible(whole, kind):
            return True
    return False


def _part_of_whole_after(text: str, mentions: Sequence[Mention], index: int) -> Sum | None:
    """``262,6 milliards collectés sur les 7 700 milliards annoncés``: a part, then the
    whole it is taken from."""
    if index + 1 >= len(mentions):
        return None
    part, whole = mentions[index], mentions[index + 1]
    gap_end = whole.hedged_start
    if gap_end - part.end > 40 or "sur" not in text[part.end : gap_end]:
        return None
    if _PART_OF.fullmatch(text, part.end, gap_end) is None:
        return None
    if whole.kind == "number" and not whole.scale_exponent and part.scale_exponent:
        return None  # "22 milliards sur les 100": the whole's scale word is left out
    if not (_alike(whole, part, text) or _alike(part, whole, text)):
        return None
    return Sum((part,), whole, "subsets")


def _part_of_base_before(text: str, mentions: Sequence[Mention], index: int) -> Sum | None:
    """``Sur une enveloppe globale de 2 530 milliards de francs CFA, les autorités ont
    réservé 1431 milliards``: the sentence opens on the whole, and the first figure of its
    kind after it in the sentence is taken from it (no part may exceed it)."""
    whole = mentions[index]
    start = whole.hedged_start
    window = text[max(0, start - 40) : start].lower()
    if "sur" not in window and "parmi" not in window and "dans" not in window:
        return None  # (a cheap look first)
    if _BASE_FIRST.search(text, max(0, start - 40), start) is None:
        return None
    for later in mentions[index + 1 : index + 4]:
        gap_end = later.hedged_start
        if _BASE_TO_PART.fullmatch(text, whole.end, gap_end) is None:
            return None
        if "," in text[whole.end : gap_end] and (
                _alike(whole, later, text) or _understood(whole, later, text)):
            return Sum((later,), whole, "subsets", "sur")
    return None


def _total_of_parts_ending(text: str, mentions: Sequence[Mention], index: int) -> Sum | None:
    """The total that follows ``mentions[index]``, when it closes a run of parts."""
    if index + 1 >= len(mentions):
        return None
    last, total = mentions[index], mentions[index + 1]
    gap_end = total.hedged_start
    if gap_end - last.end > _LONGEST_GAP:
        return None
    gap = text[last.end : gap_end]
    named_before = any(word in gap for word in ("total", "tout", "ensemble"))
    named_after = None if named_before else _total_named_after(text, total.end)
    if not named_before and named_after is None:
        return None  # "2 et 3 millions, soit 5 millions": a total only when named
    joined = _TO_TOTAL.fullmatch(text, last.end, gap_end)
    if joined is None:
        return None
    if named_before and joined.group("named") is None:
        named_after = _total_named_after(text, total.end)
    if joined.group("named") is None and not named_after:
        return None
    parts = [last]
    for earlier_index in range(index - 1, max(-1, index - _MOST_PARTS), -1):
        earlier = mentions[earlier_index]
        gap_end = parts[0].hedged_start
        if gap_end - earlier.end > _LONGEST_GAP:
            break
        if not _PART_GAP.fullmatch(text, earlier.end, gap_end):
            break
        parts.insert(0, earlier)
    if len(parts) < 2 or not all(
        _alike(total, part, text, same_noun=False) for part in parts
    ):
        return None
    return Sum(tuple(parts), total, "total")


_TOTAL_AFTER_WINDOW = 120
_TOTAL_AFTER_TOKENS = 4
"""Pieces between spaces at most before the *total* (*tout*) of a match of
:data:`_TOTAL_AFTER`: two words, a comma, *au* (*en*)."""


def _total_named_after(text: str, end: int) -> regex.Match[str] | None:
    """``match_at(_TOTAL_AFTER, text, end)``, after a cheap look that spares most figures
    the pattern: a match ends with *total* or *tout*, so when neither is in the next
    :data:`_TOTAL_AFTER_WINDOW` characters, a match would have to run past them with no
    more than :data:`_TOTAL_AFTER_TOKENS` pieces between spaces (``str.split`` cuts at
    every character of ``_S``) before them."""
    window = text[end : end + _TOTAL_AFTER_WINDOW]
    words = folded(window)
    if "total" not in words and "tout" not in words:
        if len(window) < _TOTAL_AFTER_WINDOW:
            return None  # the text ends in the window
        if len(window[: _TOTAL_AFTER_WINDOW - len("total")].split()) > _TOTAL_AFTER_TOKENS:
            return None
    return match_at(_TOTAL_AFTER, text, end)


def _alike(whole: Mention, part: Mention, text: str, *, same_noun: bool = True,
           subset: bool = False) -> bool:
    """Whether ``part`` counts what ``whole`` counts; a named total may gather several
    nouns (``3 morts et 12 blessés, soit 15 victimes``): ``same_noun=False``. After
    *dont* (``subset``), a bare number that names nothing counts what the whole counts
    (``62 154 hectares, dont plus de 47 000 depuis avril``)."""
    if _understood(whole, part, text):
        return True  # "3 milliards d'euros, dont 500 millions pour la recherche"
    if subset and _bare_count_of(whole, part, text):
        return True
    if part.kind != whole.kind or part.kind == "percent" or part.per != whole.per:
        return False
    if part.range_role is not None or whole.range_role is not None:
        return False
    if part.kind == "money":
        return part.currency is not None and part.currency == whole.currency
    if part.kind == "quantity":
        return part.unit is not None and part.unit == whole.unit
    return not same_noun or _same_noun(_noun_after(text, whole), _counted_by(text, part))


def _counted_by(text: str, figure: Mention) -> str | None:
    """What a plain number counts: the noun after it (``58 parties``), or after the *de*
    of its scale word (``50 milliards d'investissements``: not the ``34 accords`` the
    sentence opened on)."""
    if figure.scale_exponent and match_at(_COUNTED_NOUN, text, figure.end) is not None:
        counted = match_at(_NOUN_AFTER_DE, text, figure.end)
        return counted.group(1).lower() if counted is not None else None
    return _noun_after(text, figure)


def _noun_after(text: str, figure: Mention) -> str | None:
    """What a plain number counts, when a noun follows it (``58 parties``), else None
    (``670 en France``, ``2 millions de femmes``)."""
    word = match_at(_WORD_AFTER, text, figure.end)
    if word is None or word.group(1).lower() in _NOT_A_NOUN:
        return None
    if word.group(1).lower().endswith(_VERB_ENDINGS):
        return None  # ``dont 440.000 appartenaient au gouvernement``: a verb follows
    return word.group(1).lower()


def _same_noun(whole: str | None, part: str | None) -> bool:
    """``58 parties, dont 62 buts`` count two things; ``1 700 personnes, dont 670 en
    France`` one (the part names none)."""
    if whole is None or part is None:
        return True
    return whole.rstrip("sx") == part.rstrip("sx")


def _understood(whole: Mention, part: Mention, text: str) -> bool:
    """A bare scaled number after an amount counts in the amount's currency or unit,
    unless a noun says what it counts (``dont 2 millions de foyers``)."""
    return (
        whole.kind in ("money", "quantity")
        and part.kind == "number"
        and part.scale_exponent > 0
        and part.range_role is None
        and match_at(_COUNTED_NOUN, text, part.end) is None
    )


def _bare_count_of(whole: Mention, part: Mention, text: str) -> bool:
    """``47 000`` in ``62 154 hectares, dont 47 000 depuis avril``: a plain number after
    *dont* that no noun follows counts in the whole's unit or currency."""
    return (
        whole.kind in ("money", "quantity")
        and part.kind == "number"
        and part.range_role is None
        and part.number.text[:1].isdigit()
        and abs(part.value) >= 100
        and _noun_after(text, part) is None
        and match_at(_COUNTED_NOUN, text, part.end) is None
    )


_WORD_AFTER = compile_pattern(r"" + _S + r"+(\p{L}[\p{L}\-]*)")
_NOT_A_NOUN = frozenset({
    "à", "au", "aux", "avec", "chez", "dans", "de", "des", "du", "en", "entre", "et", "ou",
    "par", "pour", "sans", "selon", "sous", "sur", "vers", "d", "l", "la", "le", "les",
    "qui", "que", "dont", "sont", "ont", "seront", "étaient", "avaient", "depuis", "après",
    "avant", "pendant", "contre", "cette", "ce", "cet", "ces",
})
"""Words after a number that do not say what it counts."""
_VERB_ENDINGS = ("aient", "èrent")
"""Endings of verbs (imperfect, simple past plural) no French noun has."""
_NOT_COUNTS = frozenset({"fois"})
"""Words after a number that make it something other than a count (a multiplier)."""
_COUNTED_NOUN = compile_pattern(
    r"(?i)" + _S + r"*(?:de(?![\p{L}])|d" + _APOS + r")(?!" + _S + r"*(?:l" + _APOS
    + r"|(?:la|le|les)" + _S + r"))" + _S + r"*\p{L}"
)
"""``2 millions de foyers`` counts a noun; ``5 millions de l'État`` says where from."""
_NOUN_AFTER_DE = compile_pattern(
    r"(?i)" + _S + r"*(?:de(?![\p{L}])|d" + _APOS + r")" + _S + r"*(\p{L}[\p{L}\-]*)"
)

