"""« Le milliard de dollars »: a scale word after the definite article, as the number one.

Copy writes a round amount of one scale without its number: *le milliard de dollars a
été atteint*, *le million d’euros*. Read so only when the article stands alone before a
singular *million* or *milliard* and a currency follows (the tail reads it): *le milliard*
of a crowd, *des milliards* (no number) and *80 dollars le million* (a price, the
article after an amount) stay out. The article is the figure's number as written.
"""

from __future__ import annotations

from ..matching import lazy_pattern
from .lexicon import SCALE_WORDS

ALONE = frozenset({"million", "milliard"})
"""The singular scale words the article may count (*billion* is left to its own
ambiguity: English or French?)."""
_ARTICLE_BEFORE = lazy_pattern(
    r"(?r)(?:^|(?<=[\s(«“\"—–]))(?P<article>[Ll]e)[\x20\u00a0\u202f]+\Z"
)
_AMOUNT_BEFORE = lazy_pattern(r"(?r)[\d$€£¥%][\x20\u00a0\u202f]*\p{L}*[\x20\u00a0\u202f]*\Z")
"""``80 dollars le million``: what an amount leaves before a price's article."""


def article_before(text: str, scale_start: int, scale: str) -> tuple[int, int] | None:
    """The span of the ``le`` that counts the scale word ``scale`` at ``scale_start`` as
    one, or None."""
    if scale.lower() not in ALONE or scale.lower() not in SCALE_WORDS:
        return None
    found = _ARTICLE_BEFORE.search(text, max(0, scale_start - 8), scale_start)
    if found is None:
        return None
    start = found.start("article")
    if _AMOUNT_BEFORE.search(text, max(0, start - 30), start) is not None:
        return None
    return found.span("article")
