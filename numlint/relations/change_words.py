"""The words French copy states a change with: the stems of rise and fall (*hausse*,
*allégement*, *gain*), the sign written apart (*(- 28 %)*), the comparatives (*9,4 % de moins
que*), and the bases a rate may be on that its endpoints are not (*à périmètre constant*)."""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from ..cache import compile_pattern
from ..matching import folded, match_at
from ..mentions import Mention
from .wording import APOSTROPHE as _APOS
from .wording import OF as _DE
from .wording import SPACE as _S

RISE_STEMS = (
    "hausse", "hauss", "augment", "progress", "croissance", "croît", "crû", "cru", "bond",
    "grimp", "envol", "gagn", "gain", "accru", "accroissement", "accroît", "rebond", "mont",
    "relev", "redress", "amélior", "bonifi", "étoff", "creus", "supérieur", "surcoût",
)
FALL_STEMS = (
    "baisse", "baiss", "diminu", "recul", "chute", "chut", "repli", "perd", "perte",
    "contract", "rédu", "réduction", "fond", "effondr", "décroissance", "décr", "abaiss",
    "dégringol", "plong", "ralenti", "allég", "allèg", "atténu", "régress", "fléchi",
    "inférieur", "détérior", "dégrad", "tass", "érosion", "érod",
)
CHANGE_WORD = r"(?P<word>(?:" + "|".join(RISE_STEMS + FALL_STEMS) + r")[\p{L}]*)"
"""A word of rise or fall, its stem and ending (pattern text, group ``word``)."""
_CHANGE_ADJECTIVE = (
    r"(?:" + _S + r"+(?:globale?s?|totale?s?|nette?s?|sensibles?|légères?|fortes?"
    r"|nouvelles?|moyennes?|annuelles?|brute?s?|significati(?:f|ve)s?|importante?s?"
    r"|marquée?s?|modestes?|limitée?s?|faibles?|continue?s?|record))?"
)
"""An adjective after the change word: ``une baisse globale de`` | 9 %."""
_CHANGE_ADVERB = (
    r"(?:(?:seulement|quasiment|presque|pratiquement|à" + _S + r"+peine|tout" + _S
    + r"+juste)" + _S + r"+)?"
)
"""An adverb between *de* and the figure: ``une baisse de seulement`` | 2 %."""
STATED_BEFORE = compile_pattern(
    r"(?ri)(?<![\p{L}])" + CHANGE_WORD + _CHANGE_ADJECTIVE + _S + r"+(?:" + _DE + _S + r"*"
    + _CHANGE_ADVERB + r")?\Z"
)
"""A change word right before the stated figure: ``une hausse de`` | 25 %, ``une baisse
globale de`` | 9 %, ``une baisse de seulement`` | 2 %."""


def stated_before(text: str, start: int, end: int) -> regex.Match[str] | None:
    """``STATED_BEFORE.search(text, start, end)``, after a cheap look for one of its stems
    (most figures follow no change word)."""
    if _stems().search(folded(text[start:end])) is None:
        return None
    return STATED_BEFORE.search(text, start, end)


@lru_cache(maxsize=1)
def _stems() -> re.Pattern[str]:
    """Any stem of a change word, in :func:`.matching.folded` text (each stem of
    :data:`CHANGE_WORD` is lower-case)."""
    return re.compile("|".join(re.escape(stem) for stem in RISE_STEMS + FALL_STEMS))


CHANGE_WORD_AFTER = compile_pattern(
    r"(?i)" + _S + r"*(?:points?" + _S + r"+)?(?:de" + _S + r"+|d" + _APOS + r")" + CHANGE_WORD
)
"""``25 % de hausse``, ``3 points d'augmentation``: the change word after the figure."""
POINTS_AFTER = compile_pattern(
    r"(?i)" + _S + r"*(?P<points>points?|pts?)(?:" + _S + r"+de" + _S
    + r"+pourcentage)?(?!\p{L})"
)
"""``8,7 points``, ``8,7points``, ``0,5 pt``: a change counted in percentage points."""
_DETACHED_SIGN = compile_pattern(
    r"(?r)(?:\(|\bsoit|[:,])" + _S + r"*(?P<sign>[-−–+])" + _S + r"+\Z"
)
"""``(- 28 %)``, ``soit + 12 %``: a sign written apart from its number."""
_COMPARATIVE_AFTER = compile_pattern(
    r"(?i)" + _S + r"*(?:ou" + _S + r"+[\d\s\u00a0\u202f.,]+[\p{L}]*" + _S + r"+)?"
    r"(?:de" + _S + r"+|en" + _S + r"+)(?P<comparative>moins|plus)(?!\p{L})"
)
"""``9,4 % ou 66 936 unités de moins que`` | ``12 % de plus qu'en 2022``."""
_OTHER_BASIS = compile_pattern(
    r"(?i)(?<!\p{L})(?:à|a)" + _S + r"+(?:périmètre|taux|changes?|données|structure|devises?)"
    + _S + r"+(?:constante?s?|comparables?|courante?s?)"
    r"|(?<!\p{L})(?:en|sur" + _S + r"+une)" + _S + r"+(?:données|base)" + _S
    + r"+(?:comparables?|organique|homogènes?|constantes?)"
    r"|(?<!\p{L})hors" + _S + r"+(?:effets?|inflation|change|acquisitions?|périmètre|taxes?|"
    r"éléments|exceptionnels?)"
    r"|(?<!\p{L})(?:organique|interne|en" + _S + r"+volume|en" + _S + r"+termes" + _S
    + r"+réels|corrigée?s?|cvs|en" + _S + r"+euros" + _S + r"+constants|en" + _S
    + r"+moyenne" + _S + r"+annuelle|par" + _S + r"+an)(?!\p{L})"
)
"""A basis the rate is on that its endpoints may not be: *à périmètre constant*,
*hors effets de change*, *en volume*, *croissance interne*, *par an* (a yearly average over
several years)."""


def direction_of(word: str, number_text: str) -> int:
    """+1 for a rise, -1 for a fall, by the sign or the change word; 0 when neither says."""
    if number_text[:1] in "-−":
        return -1
    if number_text[:1] == "+":
        return 1
    return _word_direction(word.lower())


@lru_cache(maxsize=1024)
def _word_direction(lowered: str) -> int:
    if any(lowered.startswith(stem) for stem in FALL_STEMS):
        return -1
    if any(lowered.startswith(stem) for stem in RISE_STEMS):
        return 1
    return 0


def may_state(text: str, figure: Mention) -> bool:
    """A percentage, or a number of points: the only figures a rate is stated in."""
    if figure.kind == "percent":
        return True
    if figure.kind != "number" or text[figure.end : figure.end + 4].lstrip()[:1] not in "pP":
        return False  # (a cheap look first: most numbers are not followed by "points")
    return match_at(POINTS_AFTER, text, figure.end) is not None


def detached_sign(text: str, figure: Mention) -> int:
    """The sign written apart in front of ``figure`` (``(- 28 %)``), 0 when there is none."""
    found = _DETACHED_SIGN.search(text, max(0, figure.start - 12), figure.start)
    if found is None:
        return 0
    return 1 if found.group("sign") == "+" else -1


def stated_as(
    text: str, candidate: Mention, word: regex.Match[str] | None
) -> tuple[Mention, bool, int] | None:
    """``candidate`` as a stated change (the figure, whether in points, its direction), or
    None when it is neither a percentage nor points, or when nothing says which way."""
    points = candidate.kind == "number" and match_at(POINTS_AFTER, text, candidate.end) is not None
    if candidate.kind != "percent" and not points:
        return None
    direction = direction_of(word.group("word") if word else "", candidate.number.text)
    if direction == 0:
        direction = detached_sign(text, candidate)
    if direction == 0:
        direction = comparative_after(text, candidate)
    if direction == 0:
        return None
    return candidate, points, direction


def comparative_after(text: str, candidate: Mention) -> int:
    """``9,4 % … de moins que``: -1; ``de plus``: +1; else 0."""
    end = candidate.end
    points = match_at(POINTS_AFTER, text, end)
    if points is not None:
        end = points.end()
    found = match_at(_COMPARATIVE_AFTER, text, end)
    if found is None or found.end() - end > 40:
        return 0
    return -1 if found.group("comparative").lower() == "moins" else 1


def other_basis(text: str, stated: Mention) -> str | None:
    """The words saying the rate is on another basis than its endpoints (*à périmètre
    constant*, *en volume*), written within a few words after or before it."""
    for start, end in ((stated.end, stated.end + 45), (max(0, stated.start - 45), stated.start)):
        window_end = min(len(text), end)
        stop = _clause_stop(text, start, window_end, forward=start == stated.end)
        found = _OTHER_BASIS.search(text, *stop)
        if found is not None:
            return found.group()
    return None


def _clause_stop(text: str, start: int, end: int, *, forward: bool) -> tuple[int, int]:
    """The part of ``start..end`` in the rate's own clause (up to a full stop or a
    semicolon)."""
    piece = text[start:end]
    if not any(stop in piece for stop in _CLAUSE_STOPS):
        return start, end  # (a cheap look first: most windows hold no stop)
    stops = [i for i, ch in enumerate(piece) if ch in _CLAUSE_STOPS and not _decimal_dot(piece, i)]
    if not stops:
        return start, end
    return (start, start + stops[0]) if forward else (start + stops[-1] + 1, end)


_CLAUSE_STOPS = ".;!?\n"


def _decimal_dot(piece: str, index: int) -> bool:
    return piece[index] == "." and 0 < index < len(piece) - 1 and piece[index - 1].isdigit() and (
        piece[index + 1].isdigit()
    )


_MONTHS = (
    r"janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre"
    r"|novembre|décembre|decembre"
)
_PERIODS = (
    ("year", compile_pattern(
        r"(?i)(?<!\p{L})(?:un" + _S + r"+an|l" + _APOS + r"an|l" + _APOS + r"année|année"
        r"|annuel(?:le)?|douze" + _S + r"+mois|12" + _S + r"+mois|(?:19|20)\d\d)(?!\p{L})")),
    ("quarter", compile_pattern(r"(?i)(?<!\p{L})trimestr\p{L}*")),
    ("month", compile_pattern(
        r"(?i)(?<!\p{L})(?:mois|mensuel(?:le)?|" + _MONTHS + r")(?!\p{L})")),
)
_RATE_PERIOD = compile_pattern(
    r"(?i)" + _S + r"*(?:,|\))?" + _S + r"*(?:sur|en|par" + _S + r"+rapport" + _S
    + r"+(?:à|au|aux)|comparée?s?" + _S + r"+(?:à|au|aux)|vs\.?)" + _S
    + r"+[\p{L}\d'’\s\u00a0\u202f]{1,30}"
)
"""What may follow a rate to name its own base: ``sur un an``, ``en glissement annuel``,
``par rapport au mois précédent``."""


def period_of(text: str, start: int, end: int) -> str | None:
    """The length of period words in ``start..end`` name (``year``, ``quarter``,
    ``month``), or None when they name none or several."""
    found = {name for name, pattern in _PERIODS if pattern.search(text, start, end)}
    if "year" in found and "month" in found:
        found.discard("month")  # "en juin 2022": a month of another year, yearly
    return found.pop() if len(found) == 1 else None


def rate_period(text: str, stated: Mention) -> str | None:
    """The period the rate names for itself right after it (``+12 % sur un an``)."""
    end = stated.end
    points = match_at(POINTS_AFTER, text, end)
    if points is not None:
        end = points.end()
    found = match_at(_RATE_PERIOD, text, end)
    if found is None:
        return None
    return period_of(text, found.start(), found.end())
