"""Finding equivalences: two neighbouring figures that claim to be the same amount.

Real copy is full of figures side by side that are *not* the same amount: a difference
(``soit 3 millions d'euros de plus``), a share of another base (``99,4 %, soit 82,3 % des
inscrits``), a figure for another group (``17 % (35 % dans les pays riches)``), a rate per
another kind of period (``200 euros par jour, soit 44 000 euros par an``: worked days or
calendar days?). So an equivalence needs three things: a connector between the figures
(with nothing else, or with the first figure's complement — ``10 000 mètres d'altitude
(environ 33 000 pieds)`` — when the second converts it into another currency or unit; a
disjunction the sentence negates, ``ne mesure pas 1 000 m ou 1 000 km``, is no claim);
the second figure closing the claim (a parenthesis closed, no difference word after it);
and figures of one dimension counted the same way. A rate restated per month or per year
(``20 000 euros par an, soit 1 667 euros par mois``) is the same amount counted another
way: :mod:`numlint.conversion` multiplies it by 12.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise
from typing import Literal

import regex

from ..cache import compile_pattern
from ..conversion import denominators_between, periods_per_year, restates_loosely
from ..matching import match_at
from ..mentions import Mention
from .anaphora import find_anaphoric_conversions
from .model import Equivalence, Marker
from .paired_lists import find_paired_lists
from .period_restatements import find_period_restatements
from .rate_statements import find_rate_statements
from .wording import APOSTROPHE as _APOS
from .wording import SPACE as _S

_LINKERS = (
    r"soit|c" + _APOS + r"est[-\s\u00a0]à[-\s\u00a0]dire|c\.-à-d\.|i\.\s?e\.|l" + _APOS
    + r"équivalent"
    + _S + r"+d(?:e|" + _APOS + r")|équivalant" + _S + r"+à|équivalent" + _S + r"+à"
    + r"|soit" + _S + r"+l" + _APOS + r"équivalent" + _S + r"+d(?:e|" + _APOS + r")"
    + r"|soit" + _S + r"+encore|ou|ou" + _S + r"+encore|=|≈|~"
    + r"|(?:qui" + _S + r"+)?représent(?:e|ent|ant|aient|ait)|valorisée?s?" + _S + r"+à"
    + r"|équiva(?:ut|lent|lait|laient)" + _S + r"+à|(?:est|sont)" + _S + r"+(?:en" + _S
    + r"+moyenne" + _S + r"+)?égale?s?" + _S + r"+à"
    + r"|(?:qui" + _S + r"+)?correspond(?:ent|ait|aient)?" + _S + r"+à|correspondant" + _S
    + r"+à|ou" + _S + r"+l" + _APOS + r"équivalent" + _S + r"+d(?:e|" + _APOS + r")"
    + r"|autrement" + _S + r"+dit|en" + _S + r"+d" + _APOS + r"autres" + _S + r"+termes"
    + r"|(?:qui" + _S + r"+)?(?:vaut|valent|valait|valaient)|valant"
)
_FAR_LINKER = compile_pattern(
    r"(?i)[^\d.!?\n;()]{0,140}?,?" + _S + r"*(?:ce" + _S + r"+qui|qui|cela)" + _S
    + r"+(?:correspond(?:ait)?|représent(?:e|ait)|équiva(?:ut|lait)|fai(?:t|sait))" + _S
    + r"+(?:à" + _S + r"*)?\Z"
)
"""A figure, a clause about it, then the restatement: ``100 000 roubles étaient facturés
pour chaque jour de blocage, ce qui correspond à un peu moins de 950 euros``."""
_COMPLEMENT = (
    r"(?:" + _S + r"+(?:d" + _APOS + r"|(?:de|du|des)" + _S + r"+)\p{L}[\p{L}\-]*"
    + r"(?:" + _S + r"+\p{L}[\p{L}\-]*)?)"
)
"""The complement of the first figure before its conversion: ``10 000 mètres d'altitude
(environ 33 000 pieds)``, ``49,4 milliards de dollars de dette (…)`` (one or two words
after *de*, no digit, no punctuation)."""
_GAP = {
    "complement": compile_pattern(
        r"(?i)" + _COMPLEMENT + r"(?:" + _S + r"+par" + _S
        + r"+(?:jour|semaine|mois|an|année))?(?:" + _S + r"*,)?" + _S + r"*(?:\(" + _S
        + r"*)?(?:(?P<linker>" + _LINKERS + r")" + _S + r"*)?\Z"
    ),
    "loose": compile_pattern(
        r"(?i)(?:,?" + _S + r"+\p{L}[\p{L}\-]*(?:" + _APOS + r"\p{L}[\p{L}\-]*)?){1,6}" + _S
        + r"*\(" + _S + r"*(?:(?P<linker>" + _LINKERS + r")" + _S + r"*)?\Z"
    ),
    "closed": compile_pattern(
        r"(?i)(?:" + _S + r"+\p{L}{1,4}\.?){0,2}" + _S + r"*\)" + _S + r"*(?:[,;:]" + _S
        + r"*)?(?:(?P<linker>" + _LINKERS + r")" + _S + r"*)?\Z"
    ),
    "parenthesis": compile_pattern(
        r"(?i)" + _S + r"*\(" + _S + r"*(?:(?P<linker>" + _LINKERS + r")" + _S + r"*)?\Z"
    ),
    "linked": compile_pattern(
        r"(?i)(?:" + _S + r"+(?:en" + _S + r"+moyenne|au" + _S + r"+total|en" + _S
        + r"+tout))?" + _S + r"*[,;:]?" + _S + r"*(?:\(" + _S + r"*)?(?P<linker>" + _LINKERS + r")"
        + _S + r"*\Z"
    ),
    "comma": compile_pattern(r"(?i)" + _S + r"*,?" + _S + r"*\Z"),
    "dash": compile_pattern(
        r"(?i)" + _S + r"+[-–—]" + _S + r"+(?:(?P<linker>" + _LINKERS + r")" + _S + r"*)?\Z"
    ),
}
_POSTPOSED = (
    r"(?:environ|seulement|à" + _S + r"+peine|tout" + _S + r"+au" + _S + r"+plus"
    r"|terrestres?|solaires?|calendaires?|pleine?s?|entière?s?|entiers?|métriques?"
    r"|courants?|constants?|actuel(?:le)?s?|nets?|nettes?|bruts?|brutes?|HT|TTC)(?![\p{L}])"
)
"""Words a conversion may end on, inside its parenthesis: a hedge (``29 029 pieds
environ``), what counts the unit (``trois années terrestres``, ``euros courants``), a tax
basis (``1 200 euros nets``); they qualify the amount, they do not bring in another."""
_CLOSING_PARENTHESIS = compile_pattern(
    r"(?i)" + _COMPLEMENT + r"?" + _S + r"*(?:" + _POSTPOSED + _S + r"*){0,2}"
    r"(?:,?" + _S + r"*(?:au|aux|selon" + _S + r"+le)" + _S
    + r"+(?:taux|cours|change)[^()\n]{0,40})?"
    r"(?:[,;]" + _S + r"*[^()\n]{1,80})?"
    r"\)"
)
"""The end of a parenthesis holding a conversion: right after it, or after the amount's
complement (``(800'000 litres de pétrole)``), a rate note (``au taux du jour``) or a second
item (``(8,7 mds EUR, 0,5 % du PIB)``)."""
_LEFT_OPEN = compile_pattern(r"," + _S + r"+\p{L}[^()\n]*?[.!?](?:" + _S + r"|\Z)")
"""A parenthesis the writer forgot to close, the sentence ending first: ``(14,4 milliards
de dollars, creusant le déficit.``: read as closed, for a conversion into another currency."""
_SEA_LEVEL = _S + r"+du" + _S + r"+niveau" + _S + r"+(?:de" + _S + r"+la" + _S + r"+mer|moyen)"
"""``au-dessus du niveau de la mer``: where an altitude is measured from, not an amount
added to it (``8 848 m au-dessus du niveau de la mer (29 029 pieds)``)."""
_NOT_THE_SAME_AMOUNT = compile_pattern(
    r"(?i)" + _S + r"*(?:de" + _S + r"+plus|de" + _S + r"+moins|en" + _S + r"+plus|en" + _S
    + r"+moins|supplémentaires?|additionnel(?:le)?s?|de" + _S + r"+(?:hausse|baisse|mieux"
    r"|différence|diminution|progression|recul|croissance|réduction|gain|perte|déficit"
    r"|surcoût)|d" + _APOS + r"(?:augmentation|écart|économies?|excédent)"
    r"|par" + _S + r"+rapport|au-dess(?:us|ous)(?!" + _SEA_LEVEL + r")|au-delà|en" + _S
    + r"+deçà|du" + _S
    + r"+total|de" + _S + r"+l" + _APOS + r"ensemble|du" + _S + r"+PIB|dont|chacun)"
    r"(?![\p{L}])"
)
_ANOTHER_QUANTITY = compile_pattern(
    r"(?i)(?<![\p{L}])(?:dont|et|ou|plus|moins|contre|puis|après|avant|hors|sans|chacun"
    r"|chacune|chaque|par|sur|sauf|outre|face|vs|versus)(?![\p{L}])"
)
"""Words that bring in a second amount rather than lead to a conversion."""
_UNIT_TOKEN = compile_pattern(_S + r"+(\p{L}{1,4})\.?" + _S + r"+")
_NOT_UNITS = frozenset({"et", "ou", "à", "au", "aux", "de", "du", "des", "en", "sur", "par",
                        "puis", "soit", "dont", "les", "la", "le", "un", "une", "sans"})
_PERIOD_WORDS = {"jour": "jour", "semaine": "semaine", "mois": "mois", "an": "an",
                 "année": "an"}
_SENTENCE_PERIOD = compile_pattern(
    r"(?i)(?<![\p{L}])(?:chaque|par)" + _S + r"+(?P<period>jour|semaine|mois|an|année)"
    r"(?![\p{L}])"
)
_NEGATION = compile_pattern(
    r"(?i)(?<![\p{L}])(?:ne|n" + _APOS + r")" + _S + r"*\p{L}[\p{L}\-]*" + _S + r"+(?:pas|plus"
    r"|jamais|guère)(?![\p{L}])|(?<![\p{L}])ni(?![\p{L}])"
)
_NOUN_AFTER = compile_pattern(
    r"(?i)" + _S + r"*(?:d(?:e|" + _APOS + r")" + _S + r"*)?(?P<noun>\p{L}[\p{L}\-]{2,})"
)


def find_equivalences(text: str, mentions: Sequence[Mention]) -> list[Equivalence]:
    """Equivalences between each figure and the next one, where the text claims one, and
    the exchange rates it states (see :mod:`.rate_statements`), and the items of a list
    converted into a list (see :mod:`.paired_lists`), and a conversion opening the next
    sentence (see :mod:`.anaphora`). A figure worth zero converts nothing: ``un 3,
    Déversement de pétrole de 000 barils, environ 126, 000 gallons`` is a number split by
    a machine translation, not 0 barrels said to be 126 gallons."""
    rates = [
        *find_rate_statements(text, mentions), *find_paired_lists(text, mentions),
        *find_anaphoric_conversions(text, mentions), *find_period_restatements(text, mentions),
    ]
    stated = {frozenset((r.first.span, r.second.span)) for r in rates}
    found = [e for e in _neighbours(text, mentions)
             if frozenset((e.first.span, e.second.span)) not in stated]
    claimed = [e for e in (*found, *rates) if e.first.value and e.second.value]
    if SENTENCE_CANDIDATES:
        claimed += sentence_candidates(text, mentions, claimed)
    return sorted(claimed, key=lambda e: sorted((e.first.start, e.second.start)))


SENTENCE_CANDIDATES = True
"""Whether :func:`sentence_candidates` runs (a switch for measuring it both ways)."""
_CANDIDATE_REACH = 150
"""Characters at most between two amounts only their numbers may tie."""
_SENTENCE_STOP = compile_pattern(r"[.!?;](?:[\s\u00a0\u202f»”]|\Z)|\n")


def sentence_candidates(text: str, mentions: Sequence[Mention],
                        claimed: Sequence[Equivalence]) -> list[Equivalence]:
    """Neighbouring amounts of one sentence in two currencies or units that no wording
    ties (marker ``sentence``): candidates the verdict weighs on their numbers alone, as a
    slip of a power of 1 000 (see :func:`numlint.verdict.judge`). Figures already in a
    claim, bounds, list items, and pairs a word makes two amounts (*et*, *dont*, *contre*,
    *plus*…) are left out."""
    taken = {figure.span for e in claimed for figure in (e.first, e.second)}
    amounts = [m for m in mentions if m.kind in ("money", "quantity")]
    return [Equivalence(first, second, "sentence", "")
            for first, second in pairwise(amounts)
            if first.span not in taken and second.span not in taken
            and _may_be_one_amount(first, second) and _nothing_sets_apart(text, first, second)]


def _may_be_one_amount(first: Mention, second: Mention) -> bool:
    """Two amounts of one kind in two currencies or units, counted per the same thing,
    neither a bound, a list item or zero."""
    return (
        not _in_a_range_or_list(first) and not _in_a_range_or_list(second)
        and first.per == second.per and _converts(first, second)
        and bool(first.value) and bool(second.value)
    )


def _nothing_sets_apart(text: str, first: Mention, second: Mention) -> bool:
    """Within one sentence and :data:`_CANDIDATE_REACH`, with no word between the two
    figures that makes them two amounts, and the first not a part (*dont*)."""
    start = second.hedged_start
    if start - first.end > _CANDIDATE_REACH or _SENTENCE_STOP.search(text, first.end, start):
        return False
    if _ANOTHER_QUANTITY.search(text, first.end, start) or _ANOTHER_ROLE.search(
            text, first.end, start) or _NOT_THE_SAME_AMOUNT.match(text, second.end):
        return False
    return _A_PART_BEFORE.search(text, max(0, first.start - 24), first.start) is None and (
        not _rejected_options(text, first))


_ANOTHER_ROLE = compile_pattern(
    r"(?i)(?<![\p{L}])(?:pour|atteint|atteignent|atteindre|atteignait|totalis\p{L}*"
    r"|dépass\p{L}*|s" + _APOS + r"élève(?:nt)?|s" + _APOS + r"élevait)(?![\p{L}])"
)
"""Words between two amounts that give the second another role (a purpose, a total):
``450 000 euros pour la culture, atteint 500 millions de dollars``."""
_A_PART_BEFORE = compile_pattern(r"(?i)(?<![\p{L}])(?:dont|parmi|y" + _S + r"+compris)"
                                 r"(?![\p{L}])[^\d.!?;]*\Z")
"""``dont`` | 450 000 euros: the first amount is a part of another, not a conversion's."""


def _neighbours(text: str, mentions: Sequence[Mention]) -> list[Equivalence]:
    found = []
    for index, (written_first, second) in enumerate(pairwise(mentions)):
        if index > 0 and _ends_a_compound(text, mentions[index - 1], written_first):
            continue  # "14 lb 8 oz (6,57 kg)": the conversion is of the whole, not of 8 oz
        first = _with_sentence_period(text, _troy_read(text, written_first), second)
        second = _troy_read(text, second)
        first = _sharing_period(text, first, second)
        first, second, period_shared = _period_written_once(text, first, second)
        second = _sharing_price_unit(text, first, second)
        first, second, open_figure = _open_currency_read(first, second)
        first, second, restated = _restated_per_period(text, first, second)
        marker = restated or _marker_between(text, first, second)
        if marker is None:
            continue
        kind, linker = marker
        if period_shared or restates_loosely(first.per, second.per, first.kind):
            kind = "loose"  # the period is read, or its factor uncertain: a power of 1 000
        if (
            _same_dimension(first, second, kind)
            and _second_closes_claim(text, first, second, kind)
            and _counted_alike(text, first, second)
        ):
            readings = OPEN_CURRENCIES if open_figure is not None else ()
            found.append(Equivalence(first, second, kind, linker, readings, open_figure))
    return found


OPEN_CURRENCIES = ("CHF", "XOF", "FRF", "BEF")
"""What *francs* written alone may be in an undated text: Swiss, CFA (the XAF is worth the
same), French or Belgian francs."""


def _open_currency_read(first: Mention, second: Mention) -> tuple[
        Mention, Mention, Literal["first", "second"] | None]:
    """The pair with a figure in *francs* of no known currency read in the first of
    :data:`OPEN_CURRENCIES` (the verdict weighs every one), and which figure that is."""
    def is_open(figure: Mention) -> bool:
        return (figure.kind == "money" and figure.currency is None
                and (figure.written_unit.text if figure.written_unit else "").lower() in _FRANCS)

    if is_open(second) and first.kind == "money" and first.currency is not None:
        return first, replace(second, currency=OPEN_CURRENCIES[0], currency_assumed=True), "second"
    if is_open(first) and second.kind == "money" and second.currency is not None:
        return replace(first, currency=OPEN_CURRENCIES[0], currency_assumed=True), second, "first"
    return first, second, None


_FRANCS = frozenset({"franc", "francs"})


def _marker_between(text: str, first: Mention, second: Mention) -> tuple[Marker, str] | None:
    if _in_a_range_or_list(first) or _in_a_range_or_list(second):
        return None
    gap_end = _gap_end(text, first, second)
    if gap_end is None:
        return None
    gap = text[first.end : gap_end]
    if len(gap) > 60:
        return _far_marker(text, first, second, gap_end, len(gap))
    parenthesis = _gap_match("parenthesis", gap, "(" in gap)
    if parenthesis is not None:
        return "parenthesis", (parenthesis.group("linker") or "(")
    linked = _GAP["linked"].fullmatch(gap)
    if linked is not None:
        return _linked_marker(text, first, gap, linked.group("linker"))
    if second.hedge_kind in ("about", "nearly") and "," in gap and _GAP["comma"].fullmatch(gap):
        return "hedge-after-comma", (second.written_hedge.text if second.written_hedge else ",")
    return (_converted_marker(text, first, second, gap, gap_end)
            or _closed_marker(text, first, second, gap)
            or _loose_marker(text, first, second, gap))


def _in_a_range_or_list(figure: Mention) -> bool:
    """A bound of a range or an item of a list is no single amount to pair with the next
    figure (``1 000, 5 000 et 50 000 wons, environ 70 centimes, 3,50 euros…``)."""
    return figure.range_role is not None or figure.list_span is not None


def _gap_end(text: str, first: Mention, second: Mention) -> int | None:
    """Where the words between the two figures end: before the second one's hedge."""
    if second.written_hedge is None:
        return second.start
    gap_end = text.rfind(second.written_hedge.text, first.end, second.start)
    return gap_end if gap_end >= 0 else None


def _far_marker(text: str, first: Mention, second: Mention, gap_end: int,
                length: int) -> tuple[Marker, str] | None:
    """A gap of more than 60 characters: only a linker that says so (``ce qui correspond
    à``), within 160 characters, between figures that convert."""
    if length <= 160 and _converts(first, second) and _FAR_LINKER.fullmatch(
            text, first.end, gap_end):
        return "equivalent", "ce qui correspond à"
    return None


def _linked_marker(text: str, first: Mention, gap: str,
                   linker: str) -> tuple[Marker, str] | None:
    """A gap that is a linker (``soit``, ``ou``, ``l'équivalent de``…): ``ou`` between
    rejected options (``ne mesure pas 1 000 mètres ou 1 000 kilomètres``) is none."""
    if "(" in gap:
        return "parenthesis", linker
    if linker.lower().startswith("ou"):
        return None if _rejected_options(text, first) else ("ou", linker)
    return ("soit" if linker.lower().startswith("soit") else "equivalent"), linker


def _converted_marker(text: str, first: Mention, second: Mention, gap: str,
                      gap_end: int) -> tuple[Marker, str] | None:
    """Wordings that count only between figures that convert (or, for a complement, that
    are counted per different things): a dash, a complement before a parenthesis, a far
    linker."""
    converts = _converts(first, second)
    dash = _gap_match("dash", gap, converts and _has_dash(gap))
    if dash is not None and (dash.group("linker") or second.written_hedge is not None):
        return "equivalent", dash.group("linker") or "–"  # "4 milliards de pesetas - environ…"
    complement = _gap_match("complement", gap, converts or first.per != second.per)
    if complement is not None and (
        "(" in gap or complement.group("linker")
    ) and not _NOT_THE_SAME_AMOUNT.match(text, first.end):
        linker = complement.group("linker") or "("
        return ("parenthesis" if "(" in gap else "equivalent"), linker
    if converts and _FAR_LINKER.fullmatch(text, first.end, gap_end):
        return "equivalent", "ce qui correspond à"
    return None


def _gap_match(name: str, gap: str, worth_trying: bool) -> regex.Match[str] | None:
    """``_GAP[name]`` over the whole gap, tried only when ``worth_trying``: the literal
    characters the pattern needs are in the gap, or the figures are such that its match
    would count (the same answers for a fraction of the cost)."""
    return _GAP[name].fullmatch(gap) if worth_trying else None


def _has_dash(gap: str) -> bool:
    return "-" in gap or "–" in gap or "—" in gap


def _loose_marker(text: str, first: Mention, second: Mention,
                  gap: str) -> tuple[Marker, str] | None:
    """A conversion in parentheses after a few words that are not the first figure's
    complement: a weak tie, weighed only where the numbers agree on it."""
    if "(" not in gap or not _converts(first, second):
        return None
    loose = _GAP["loose"].fullmatch(gap)
    if loose is not None and not (
        _ANOTHER_QUANTITY.search(gap) or _NOT_THE_SAME_AMOUNT.match(text, first.end)
    ):
        return "loose", loose.group("linker") or "("
    return None


def _closed_marker(text: str, first: Mention, second: Mention,
                   gap: str) -> tuple[Marker, str] | None:
    """``du Japon (700 millions de dollars EU) soit 380 milliards de Fcfa``: the first
    figure closes its own parenthesis before its conversion; a weak tie, weighed only where
    the numbers agree on it (``loose``)."""
    if ")" not in gap or not _converts(first, second):
        return None
    closed = _GAP["closed"].fullmatch(gap)
    if closed is None or not _in_parenthesis(text, first):
        return None
    if not (closed.group("linker") or second.hedge_kind in ("about", "nearly")):
        return None
    if _ANOTHER_QUANTITY.search(gap):
        return None
    hedge = second.written_hedge
    return "loose", closed.group("linker") or (hedge.text if hedge else ")")


def _in_parenthesis(text: str, figure: Mention) -> bool:
    """Whether ``figure`` stands in a parenthesis opened before it in its sentence."""
    opened = text.rfind("(", 0, figure.start)
    return opened >= 0 and not any(mark in text[opened : figure.start]
                                   for mark in (")", ".", "!", "?", "\n"))


_DURATIONS = frozenset({"year", "month", "week", "day", "hour", "minute", "second"})
_DURATION_JOINT = compile_pattern(r"(?i)" + _S + r"*(?:,|et)?" + _S + r"*|" + _S + r"*,"
                                  + _S + r"*et" + _S + r"*")


def _ends_a_compound(text: str, previous: Mention, figure: Mention) -> bool:
    """``14 lb 8 oz``, ``1 h 30 min``, ``5 pieds 10 pouces``: one quantity in two units."""
    if figure.kind != "quantity" or previous.kind not in ("quantity", "number"):
        return False
    gap = text[previous.end : figure.start]
    if previous.kind == "quantity":
        if previous.unit in _DURATIONS and figure.unit in _DURATIONS and (
                _DURATION_JOINT.fullmatch(gap)):
            return previous.unit != figure.unit  # "27 ans, 7 mois et 6 jours": one duration
        return previous.unit != figure.unit and not gap.strip(" \u00a0\u202f")
    unit = _UNIT_TOKEN.fullmatch(gap)  # "14 lb 8 oz": a unit numlint does not know
    return unit is not None and unit.group(1).lower() not in _NOT_UNITS


def _with_sentence_period(text: str, first: Mention, second: Mention) -> Mention:
    """``Chaque jour, le monde consomme 80 millions de barils, soit 30 milliards de barils
    par an``: the period the sentence opens with counts the first figure, when the
    second is restated per another period."""
    if first.per is not None or second.per is None:
        return first
    sentence_start = max(text.rfind(stop, 0, first.start) for stop in (".", "!", "?", "\n"))
    period = _SENTENCE_PERIOD.search(text, sentence_start + 1, first.start)
    if period is not None:
        return replace(first, per=_PERIOD_WORDS[period.group("period").lower()])
    adjectives = _PERIOD_ADJECTIVE.findall(text, sentence_start + 1, first.start)
    if not adjectives:
        return first
    return replace(first, per=_ADJECTIVE_PERIODS[adjectives[-1].lower()[:4]])


_PERIOD_ADJECTIVE = compile_pattern(
    r"(?i)(?<![\p{L}])(?P<period>annuel(?:le)?s?|mensuel(?:le)?s?|quotidien(?:ne)?s?"
    r"|hebdomadaires?)(?![\p{L}])"
)
"""``la consommation moyenne annuelle d'eau par habitant est de 54 m3, soit 148 litres par
jour``: the adjective the sentence gives the first figure's noun counts it per year."""
_ADJECTIVE_PERIODS = {"annu": "an", "mens": "mois", "quot": "jour", "hebd": "semaine"}


def _sharing_period(text: str, first: Mention, second: Mention) -> Mention:
    """``27 mètres cubes, soit 27'000 litres par seconde``: a restatement after *soit*
    whose period is written on the second figure only counts the first per that period
    too (a flow, not a volume)."""
    if first.kind != "quantity" or second.kind != "quantity" or first.per is not None:
        return first
    if first.unit is None or second.unit is None or "/" in first.unit:
        return first
    if _SOIT_ONLY.fullmatch(text, first.end, second.hedged_start) is None:
        return first
    if second.per is not None:
        return replace(first, per=second.per)
    _, slash, period = second.unit.rpartition(" / ")
    if not slash:
        return first
    from ..unit_factors import unit_factor  # the table: only for a flow restated

    shared = f"{first.unit} / {period}"
    own, other = unit_factor(shared), unit_factor(second.unit)
    if own is None or other is None or own.dimensions != other.dimensions:
        return first
    return replace(first, unit=shared)


_PRECIOUS_METAL = compile_pattern(
    r"(?i)" + _S + r"*(?:d" + _APOS + _S + r"*(?:or|argent)|de" + _S
    + r"+(?:platine|palladium))(?![\p{L}])"
)


def _troy_read(text: str, figure: Mention) -> Mention:
    """``141 425 onces d'or (4,4 tonnes)``: an ounce of gold, silver, platinum or palladium
    is the troy ounce (31,1 g), not the avoirdupois one (28,35 g) a bare *once* stands for."""
    if figure.kind != "quantity" or figure.unit != "ounce":
        return figure
    if match_at(_PRECIOUS_METAL, text, figure.end) is None:
        return figure
    return replace(figure, unit="troy_ounce")


def _period_written_once(text: str, first: Mention, second: Mention) -> tuple[
        Mention, Mention, bool]:
    """A flow or a wage converted with its period written on one side only is counted per
    that period on both: ``5'000 barils par jour (800'000 litres de pétrole)``, ``60.000
    barils par jour, soit environ 9,5 millions de litres``, ``300 000 francs CFA par mois
    (457 euros)``, and ``100'000 barils de pétrole par jour (15,9 millions de litres par
    jour)``, where the period follows the first figure's complement. Only between figures
    that convert, right after a parenthesis or *soit*. The third value says whether the
    second figure's period was read rather than written: such a pair is weighed as a
    ``loose`` tie (a power of 1 000 only), the second amount being maybe a total over
    another period (``1 000 euros par mois, soit 13 000 dollars sur l'année``)."""
    if not _converts(first, second):
        return first, second, False
    periods = periods_per_year(first.kind)
    gap_end = second.hedged_start
    if first.per in periods and second.per is None:
        if _OPENS_PARENTHESIS.fullmatch(text, first.end, gap_end) or _SOIT_ONLY.fullmatch(
                text, first.end, gap_end):
            return first, replace(second, per=first.per), True
        return first, second, False
    if first.per is None and second.per in periods:
        written = _own_period(text, first.end)
        if written is not None and _PERIOD_WORDS[written.group("period").lower()] == second.per:
            return replace(first, per=second.per), second, False
    return first, second, False


def _sharing_price_unit(text: str, first: Mention, second: Mention) -> Mention:
    """``1 700 francs CFA le kilo (≈ 2,59 euros)``: a price per item converted in the
    parenthesis right after it is the price of the same item."""
    if first.kind != "money" or second.kind != "money" or second.per is not None:
        return second
    if first.per is None or first.per in periods_per_year("money"):
        return second
    gap_end = second.hedged_start
    if _OPENS_PARENTHESIS.fullmatch(text, first.end, gap_end) is None:
        return second
    return replace(second, per=first.per)


def _restated_per_period(text: str, first: Mention, second: Mention) -> tuple[
        Mention, Mention, tuple[Marker, str] | None]:
    """``329 litres d'eau par jour soit, globalement, une utilisation annuelle de 120 mètres
    cubes``: *soit* then a noun the adjective counts per another period than the first
    figure's. Both figures are read per their period (the rules weigh the rate)."""
    if second.per is not None or first.kind != second.kind:
        return first, second, None
    gap_start, own = first.end, first.per
    if own is None:
        written = _own_period(text, first.end)
        if written is None:
            return first, second, None
        gap_start, own = written.end(), _PERIOD_WORDS[written.group("period").lower()]
    gap_end = second.hedged_start
    if gap_end - gap_start > 80:
        return first, second, None
    found = _SOIT_PER_PERIOD.fullmatch(text, gap_start, gap_end)
    if found is None:
        return first, second, None
    per = _ADJECTIVE_PERIODS[found.group("period").lower()[:4]]
    if per == own:
        return first, second, None
    return replace(first, per=own), replace(second, per=per), ("soit", "soit")


def _own_period(text: str, end: int) -> regex.Match[str] | None:
    """``match_at(_OWN_PERIOD, text, end)``, after a cheap look at what follows: spaces
    (``str.isspace`` takes in every character of ``_S``), then *d*."""
    if not text[end : end + 1].isspace():
        return None
    word = text[end : end + 40].lstrip()
    if word and word[0] not in "dD":
        return None
    return match_at(_OWN_PERIOD, text, end)


_OWN_PERIOD = compile_pattern(
    r"(?i)" + _S + r"+d(?:e|" + _APOS + r")" + _S + r"*\p{L}+" + _S + r"+par" + _S
    + r"+(?P<period>jour|semaine|mois|an|année)(?![\p{L}])"
)
"""``329 litres`` | `` d'eau par jour``: the period the figure's noun is counted per."""
_SOIT_PER_PERIOD = compile_pattern(
    r"(?i)" + _S + r"*,?" + _S + r"*soit" + _S + r"*(?:,[^,.;:()\d]{1,30}," + _S + r"*)?"
    r"(?:une?|la|le|l" + _APOS + r")" + _S + r"*\p{L}+(?:" + _S + r"+\p{L}+)?" + _S + r"+"
    + r"(?P<period>annuel(?:le)?s?|mensuel(?:le)?s?|quotidien(?:ne)?s?|hebdomadaires?)"
    + r"(?:" + _S + r"+\p{L}+)?" + _S + r"+(?:de|d" + _APOS + r")" + _S + r"*"
)
"""``soit, globalement, une utilisation annuelle de`` | 120 mètres cubes."""
_OPENS_PARENTHESIS = compile_pattern(
    r"(?i)" + _S + r"*\(" + _S + r"*(?:(?:" + _LINKERS + r")" + _S + r"*)?"
)
_SOIT_ONLY = compile_pattern(
    r"(?i)" + _S + r"*,?" + _S + r"*(?:soit|c" + _APOS + r"est-à-dire)" + _S + r"+\Z"
)


def _converts(first: Mention, second: Mention) -> bool:
    """Into another currency or unit: with words between the figures, only a conversion
    is read as a claim (``12 millions d'euros de budget (15 millions d'euros)`` is not)."""
    if first.kind != second.kind:
        return False
    if first.kind == "money":
        return None not in (first.currency, second.currency) and (
            first.currency != second.currency
        )
    if first.kind == "quantity":
        return None not in (first.unit, second.unit) and first.unit != second.unit
    return False


def _rejected_options(text: str, first: Mention) -> bool:
    """``ne mesure pas 1 000 mètres ou 1 000 kilomètres``, ``ni 3 km ni 3 miles``: options
    the sentence sets aside, not one amount in two units."""
    sentence_start = max(text.rfind(stop, 0, first.start) for stop in (".", "!", "?", "\n"))
    before = text[sentence_start + 1 : first.start]
    return _NEGATION.search(before) is not None


def _same_dimension(first: Mention, second: Mention, marker: Marker) -> bool:
    """Money with money, a quantity with a quantity; percentages never (their bases differ).

    ``ou`` and a bare comma only link a figure to its conversion into another currency
    or unit: with the same unit, ``3 ou 4 millions d'euros`` is a choice, not a claim.
    """
    if first.kind != second.kind or first.kind == "percent":
        return False
    restated_per_period = first.per != second.per
    if restated_per_period and not _periods_convert(first, second):
        return False
    if first.kind == "money":
        if first.currency is None or second.currency is None:
            return False
        converts = first.currency != second.currency
    elif first.kind == "quantity":
        if first.unit is None or second.unit is None:
            return False
        converts = first.unit != second.unit
    else:
        converts = False
        if restated_per_period and first.per is not None and second.per is not None:
            pass  # "6250 par heure, environ 104 par minute": one count per two periods
        elif not (first.scale_exponent or second.scale_exponent) or min(
            abs(first.value), abs(second.value)
        ) < 1000:
            return False  # "programme 105, soit 718 millions": not one amount counted twice
    return converts or restated_per_period or marker not in ("ou", "hedge-after-comma")


def _periods_convert(first: Mention, second: Mention) -> bool:
    """Whether a rate per one period can be restated per the other: by the periods of its
    kind, by the items it is counted per, or loosely (a power of 1 000 only)."""
    periods = periods_per_year(first.kind)
    return (
        (first.per in periods and second.per in periods)
        or denominators_between(first.per, second.per) is not None
        or restates_loosely(first.per, second.per, first.kind)
    )


def _second_closes_claim(text: str, first: Mention, second: Mention, marker: Marker) -> bool:
    if match_at(_NOT_THE_SAME_AMOUNT, text, second.end):
        return False
    if marker == "parenthesis":
        return match_at(_CLOSING_PARENTHESIS, text, second.end) is not None or (
            _converts(first, second) and match_at(_LEFT_OPEN, text, second.end) is not None
        )
    return True


def _counted_alike(text: str, first: Mention, second: Mention) -> bool:
    """Bare numbers must count the same thing: ``13 millions d'habitants (13 millions)``."""
    if first.kind != "number":
        return True
    after_second = match_at(_NOUN_AFTER, text, second.end)
    if after_second is None:
        return True
    after_first = match_at(_NOUN_AFTER, text, first.end)
    return after_first is not None and (
        after_first.group("noun").lower() == after_second.group("noun").lower()
    )
