"""Finding a rate restated per another period where the period is written in words, not
on the figure: ``1,35 million de décès au cours d'une année. Cela donne 3 700 tués sur la
route chaque jour``, ``400 kWh par mois. Cela représente environ 4 800 kWh tous les ans``,
``160 euros de plus chaque année sur la facture, soit environ 13 euros par mois``.

The scanner reads a period only right after a figure's unit (``400 kWh par mois``); copy
also writes it after the figure's noun (*3 700 tués sur la route chaque jour*), as *tous
les ans* or *chaque année*, or at the head of the sentence (*au cours d'une année*). Each
figure here gets the period its clause gives it, and the pair is an equivalence when
*soit* joins them in one sentence, or when the next sentence opens on *cela* and a verb
that restates (*cela représente*, *cela donne*, *ce qui fait*).

Words are weaker evidence than a period on the figure, and the nouns may differ (*décès*,
*tués*), so the pair is marked ``loose``: rules report it only when the gap between the
figures is the signature of a slip (a ratio near a power of 1 000), never a few percent.
Money is restated per month or year only (worked days or calendar days, see
:func:`numlint.conversion.periods_per_year`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from regex import escape as regex_escape

from ..cache import compile_pattern
from ..conversion import periods_per_year
from ..matching import match_at
from ..mentions import Mention
from .model import Equivalence
from .wording import APOSTROPHE as _APOS
from .wording import SPACE as _S

_PERIOD = (
    r"(?P<period>jours?|journées?|semaines?|mois|ans|an|années?)(?![\p{L}])"
)
_EVERY = r"(?:par|chaque|tou(?:s|tes)" + _S + r"+les)" + _S + r"+"
_WORDS = r"(?:" + _S + r"+(?!(?:et|ou|soit|dont|contre)(?![\p{L}]))\p{L}[\p{L}'’ʼ\-]*)"
_PERIOD_AFTER = compile_pattern(r"(?i)" + _WORDS + r"{0,5}?" + _S + r"+" + _EVERY + _PERIOD)
"""``3 700`` | `` tués sur la route chaque jour``: the period of the figure's noun."""
_PERIOD_BEFORE = compile_pattern(
    r"(?i)(?<![\p{L}])(?:au" + _S + r"+cours" + _S + r"+d" + _APOS + r"une?|en" + _S
    + r"+une?|sur" + _S + r"+une?|chaque|par)" + _S + r"+" + _PERIOD + r"[^\d.!?;()]*\Z"
)
"""``on recense au cours d'une année`` | 1,35 million: a period heading the clause."""
_TAIL = compile_pattern(r"(?i)" + _WORDS + r"{0,4}")
_ADVERBS = (
    r"(?:(?:donc|ainsi|alors|en" + _S + r"+moyenne|quasiment|presque|pratiquement|près" + _S
    + r"+de|environ|plus" + _S + r"+de|moins" + _S + r"+de)" + _S + r"+)*"
)
_ASIDE = r"(?:" + _S + r"*\([^()\d\n]{0,60}\))?"
"""``10 millions de tonnes de déchets`` | `` (hors agriculture et construction)``: an aside
between the figure and the link."""
_RESTATED_NOUN = (
    r"(?:(?:une?|le|la|l" + _APOS + r")" + _S + r"*\p{L}{3,}(?:" + _S + r"+\p{L}{3,})?"
    + _S + r"+(?:de" + _S + r"+|d" + _APOS + r"))?"
)
"""``ce qui représente`` | ``une production mondiale d'`` | environ 4 milliards: the noun
the restatement is counted in."""
_SAME_SENTENCE = compile_pattern(
    r"(?i)" + _ASIDE + _S + r"*,?" + _S + r"*(?:soit|c" + _APOS + r"est-à-dire|ce" + _S
    + r"+qui" + _S + r"+(?:fait|représente|donne))" + _S + r"+" + _RESTATED_NOUN + _S + r"*"
    + _ADVERBS + r"\Z"
)
_NEXT_SENTENCE = compile_pattern(
    r"(?i)[^\d.!?;()\n]{0,90}?[.!?]" + _S + r"+(?:cela|ça|ceci)" + _S + r"+(?:donne"
    r"|représente|fait|correspond" + _S + r"+à|revient" + _S + r"+à|équivaut" + _S
    + r"+à)" + _S + r"+" + _ADVERBS + r"\Z"
)
_NOT_THE_SAME = compile_pattern(
    r"(?i)" + _S + r"*(?:\p{L}+" + _S + r"+)?(?:de" + _S + r"+(?:plus|moins)|en" + _S
    + r"+(?:plus|moins)|supplémentaires?|d" + _APOS + r"économies?)(?![\p{L}])"
)
"""``cela représente 50 euros de plus par mois``: a difference, not the rate restated."""


_ADJECTIVE = (
    r"(?P<adjective>annuel(?:le)?s?|mensuel(?:le)?s?|quotidien(?:ne)?s?|hebdomadaires?)"
)
_ADJECTIVE_PERIODS = {"annu": "an", "mens": "mois", "quot": "jour", "hebd": "semaine"}
_SOIT_NOUN = compile_pattern(
    r"(?i)(?:\A|[.!?:\n])" + _S + r"*soit" + _S + r"+(?:une?|le|la|l" + _APOS + r")" + _S
    + r"*(?P<noun>\p{L}{3,})" + _S + r"+" + _ADJECTIVE + r"(?:" + _S + r"+\p{L}+)?" + _S
    + r"+(?:de|d" + _APOS + r")" + _S + r"*" + _ADVERBS + r"(?:un" + _S + r"+peu" + _S
    + r"+(?:plus|moins)" + _S + r"+d(?:e|" + _APOS + r")" + _S + r"*)?\Z"
)
"""``Soit un salaire annuel brut d'un peu plus de`` | 84 000 francs: a sentence opening on
*soit* that names the noun it restates per another period."""
_FARTHEST_NOUN = 300
"""Characters at most between the figure and its restatement under the same noun."""


def find_period_restatements(text: str, mentions: Sequence[Mention]) -> list[Equivalence]:
    """Each pair of neighbouring figures restating one rate per another period, the
    periods given in words (see the module doc), and each rate a sentence opening on
    *Soit un salaire annuel de* restates from the same noun counted per another period
    before it (:func:`_same_noun_restatements`)."""
    found = _same_noun_restatements(text, mentions)
    for first, second in pairwise(mentions):
        if not _countable_alike(first, second) or not _may_link(text, first, second):
            continue
        own = _period_of(text, first, sentence_head=True)
        other = _period_of(text, second, sentence_head=False)
        if own is None or other is None or own[0] == other[0]:
            continue
        periods = periods_per_year(first.kind)
        if own[0] not in periods or other[0] not in periods:
            continue
        gap_end = second.hedged_start
        tail = match_at(_TAIL, text, own[1])
        if _SAME_SENTENCE.fullmatch(text, tail.end() if tail else own[1], gap_end):
            if first.per is not None and second.per is not None:
                continue  # both periods on the figures: equivalence.py reads the pair
        elif _NEXT_SENTENCE.fullmatch(text, own[1], gap_end) is None:
            continue
        if match_at(_NOT_THE_SAME, text, second.end):
            continue
        found.append(Equivalence(
            replace(first, per=own[0]), replace(second, per=other[0]), "loose",
            text[own[1]:gap_end].strip(),
        ))
    return found


def _same_noun_restatements(text: str, mentions: Sequence[Mention]) -> list[Equivalence]:
    """``le salaire mensuel brut s'élevait à 7024 francs, …: - Femmes: 6 666 francs -
    Hommes: 7 276 francs. Soit un salaire annuel brut d'un peu plus de 84 000 francs``: the
    restatement names the noun and the period of the figure it restates, which need not
    be the figure right before it (here the men's salary)."""
    found = []
    for index, second in enumerate(mentions):
        start = second.hedged_start
        if index == 0 or "oit" not in text[max(0, start - 80) : start]:
            continue
        opening = _SOIT_NOUN.search(text, max(0, start - 80), start)
        if opening is None:
            continue
        noun, per = opening.group("noun"), _adjective_period(opening.group("adjective"))
        named = compile_pattern(
            r"(?i)(?<![\p{L}])" + regex_escape(noun) + r"s?" + _S + r"+" + _ADJECTIVE
            + r"[^\d.!?;\n]{0,40}\Z"
        )
        for earlier in range(index - 1, -1, -1):
            first = mentions[earlier]
            if start - first.end > _FARTHEST_NOUN:
                break
            before = first.hedged_start
            said = named.search(text, max(0, before - 80), before)
            if said is None:
                continue
            own = _adjective_period(said.group("adjective"))
            second = _borrowing_currency(second, first)
            if own != per and _countable_alike(first, second) and own in periods_per_year(
                    first.kind) and per in periods_per_year(first.kind):
                found.append(Equivalence(replace(first, per=own), replace(second, per=per),
                                         "loose", opening.group(0).strip(" .:\n")))
            break
    return found


def _borrowing_currency(figure: Mention, model: Mention) -> Mention:
    """``84 000 francs`` restating ``7024 francs suisses``: a currency name the restatement
    shortens (its paragraph may not say which francs) is the one it restates."""
    written = figure.written_unit.text.lower() if figure.written_unit else ""
    named = model.written_unit.text.lower() if model.written_unit else ""
    if (figure.kind == "money" and figure.currency is None and model.currency is not None
            and written and named.split()[:1] == [written]):
        return replace(figure, currency=model.currency)
    return figure


def _adjective_period(word: str) -> str:
    return _ADJECTIVE_PERIODS[word.lower()[:4]]


_LINK_STEMS = ("soit", "cela", "ça", "ceci", "ce qui", "c'est", "c’est")


def _may_link(text: str, first: Mention, second: Mention) -> bool:
    """Whether the words between the figures may hold one of the links (a cheap look
    before the patterns)."""
    between = text[first.end : second.start].lower()
    return len(between) < 200 and any(stem in between for stem in _LINK_STEMS)


def _countable_alike(first: Mention, second: Mention) -> bool:
    """Two figures that may be one rate counted twice: money in currencies, quantities in
    units, or large plain counts (``1,35 million``, ``3 700``); never in a range or list."""
    if first.kind != second.kind or first.range_role or second.range_role:
        return False
    if first.kind == "money":
        return first.currency is not None and second.currency is not None
    if first.kind == "quantity":
        return first.unit is not None and second.unit is not None
    return first.kind == "number" and min(abs(first.value), abs(second.value)) >= 1000


def _period_of(text: str, figure: Mention, *, sentence_head: bool) -> tuple[str, int] | None:
    """The figure's period and where the words that give it end: its own, the one its
    noun is counted per, or (for the first figure) the one heading its clause."""
    if figure.per is not None:
        return figure.per, figure.end
    after = match_at(_PERIOD_AFTER, text, figure.end)
    if after is not None:
        return _period_named(after.group("period")), after.end()
    if sentence_head:
        start = figure.hedged_start
        before = _PERIOD_BEFORE.search(text, max(0, start - 60), start)
        if before is not None:
            return _period_named(before.group("period")), figure.end
    return None


def _period_named(word: str) -> str:
    """The period a word names, as :mod:`numlint.conversion` counts it (*jours*,
    *journée* → ``jour``; *années*, *ans* → ``an``)."""
    lowered = word.lower()
    if lowered.startswith("jour"):
        return "jour"
    if lowered.startswith("sem"):
        return "semaine"
    return "mois" if lowered == "mois" else "an"
