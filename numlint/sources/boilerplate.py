"""Page boilerplate: the parts of a whole HTML page that are not the article.

Given a whole page (``<html>`` or ``<body>`` present) rather than the article body, the
navigation, site header and footer, side columns and cookie banners hold most of the
figures on a page (on one measured news page, 44 of 58) and none of them is the
article's. They are skipped by default on a whole page, read on a fragment; the
``skip_boilerplate`` setting forces either way.

What counts, following the ARIA landmark rules:

- ``nav`` and any element with ``role="navigation"``, ``"banner"`` or ``"contentinfo"``;
- ``header``, ``footer`` and ``aside`` outside ``article``, ``main`` and ``section`` (the
  header of an article holds its title and standfirst, an aside inside it is a box of
  the article, both written by the newsroom);
- elements whose ``id`` or ``class`` names a cookie or consent banner (``cookie``,
  ``consent``, ``gdpr``, ``rgpd``, ``didomi``, ``onetrust``, ``tarteaucitron``,
  ``axeptio``, ``cookiebot``, ``cmp``…).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Final

ALWAYS: Final = frozenset({"nav"})
OUTSIDE_ARTICLE: Final = frozenset({"header", "footer", "aside"})
SECTIONING: Final = frozenset({"article", "main", "section"})
_ROLES: Final = frozenset({"navigation", "banner", "contentinfo"})
_HINT = re.compile(
    r"role|cookie|consent|gdpr|rgpd|didomi|onetrust|tarteaucitron|axeptio|cmp", re.IGNORECASE
)
_BANNER = re.compile(
    # a name starting a word of the id or class (tarteaucitronRoot, cookie-law-info-bar),
    # and "cmp" (consent management platform) as a word of its own
    r"(?<![a-z])(?:cookie|consent|gdpr|rgpd|didomi|onetrust|tarteaucitron|axeptio"
    r"|sp_message|cmp(?![a-z]))",
    re.IGNORECASE,
)
_WHOLE_PAGE = re.compile(r"<(?:html|body)[\t\n\f\r />]", re.IGNORECASE)


def is_whole_page(source: str) -> bool:
    """Is this HTML a whole page (an ``<html>`` or ``<body>`` tag) rather than a fragment?"""
    return _WHOLE_PAGE.search(source) is not None


def is_boilerplate(
    name: str,
    text: str,
    start: int,
    end: int,
    *,
    in_article: bool,
    read_attributes: Callable[[str, int, int], Mapping[str, str]],
) -> bool:
    """Is the element ``name`` whose attributes are ``text[start:end]`` page boilerplate?
    (Attributes are read only when the tag may name a role or a banner.)"""
    if name in ALWAYS or (name in OUTSIDE_ARTICLE and not in_article):
        return True
    if _HINT.search(text, start, end) is None:
        return False
    found = read_attributes(text, start, end)
    if found.get("role", "").strip().lower() in _ROLES:
        return True
    return any(_BANNER.search(found.get(key, "")) for key in ("id", "class"))
