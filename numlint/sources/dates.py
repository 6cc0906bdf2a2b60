"""The publication date a document states about itself.

Markdown states it in its front matter, HTML in meta tags, JSON-LD or ``<time>``. Values
are read without any YAML or TOML library: a top-level ``key: value`` (or ``key =
value``) line is all that front matter needs for a date. Only the calendar date is kept,
as written: ``2025-02-11T23:30:00-05:00`` is the 11th, the day the author saw. A value
that does not parse is no date, never an error.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from functools import cache
from typing import Literal

FrontMatter = Literal["yaml", "toml"]


@cache
def _compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern compiled on its first use: most documents state no date, and a check of
    one that does not compiles none of them."""
    return re.compile(pattern, flags)


_ISO = r"(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])"
_SLASHED = r"(\d{4})/(\d{1,2})/(\d{1,2})(?![\d])"
_COMPACT = r"(\d{4})(\d{2})(\d{2})(?:T|$)"
_DAY_FIRST = r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)"
_FRENCH_MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}
_WRITTEN_FRENCH = (r"(?:[^\W\d_]+\.?,?\s+)?(\d{1,2})(?:er|ᵉʳ)?\s+(" + "|".join(_FRENCH_MONTHS)
                   + r")\s+(\d{4})(?!\d)")

# Front matter keys, best first: publishDate is Hugo's explicit publication date, where
# date may be when the draft was started; Jekyll's "published" is usually a boolean.
_FRONT_MATTER_KEYS = ("publishdate", "publish_date", "pubdate", "datepublished", "published",
                      "date")
_FRONT_MATTER_LINE = {
    "yaml": r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$",
    "toml": r"^([A-Za-z_][\w-]*)[ \t]*=[ \t]*(.*?)[ \t]*$",
}

_PUBLISHED_TIME = frozenset({"article:published_time", "og:published_time",
                             "og:article:published_time", "published_time"})
_DATE_NAMES = frozenset({
    "date", "dc.date", "dc.date.issued", "dc.date.created", "dcterms.date", "dcterms.issued",
    "dcterms.created", "pubdate", "publishdate", "publish-date", "publish_date",
    "publication_date", "citation_publication_date", "sailthru.date", "parsely-pub-date",
})
_JSON_LD_DATE = r'"datePublished"\s*:\s*"([^"]*)"'

# Ranks of the HTML sources of a date, best first.
_META_PUBLISHED, _META_DATE, _ITEMPROP, _JSON_LD, _TIME_PUBLISHED, _TIME = range(6)


def parse_date(value: str) -> date | None:
    """The calendar date of a date or date-time as documents write them, or None.

    ISO 8601 (``2025-02-11``, with a time and offset or not), ``2025/02/11``,
    ``20250211``, RFC 2822 (``Tue, 11 Feb 2025 10:00:00 +0100``, RSS's pubDate), French
    (``mardi 11 février 2025``, ``1er mars 2025``) and day-first numbers when the day
    shows it (``25/02/2025``; ``11/02/2025`` may be 2 November to a US template: no date).
    """
    value = value.strip().strip("\"'").strip()
    for pattern in (_ISO, _SLASHED, _COMPACT):
        m = _compiled(pattern).match(value)
        if m:
            return _checked(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _compiled(_DAY_FIRST).match(value)
    if m:
        day, month = int(m.group(1)), int(m.group(3))
        return _checked(int(m.group(4)), month, day) if day > 12 else None
    m = _compiled(_WRITTEN_FRENCH, re.IGNORECASE).match(value)
    if m:
        month = _FRENCH_MONTHS[m.group(2).lower()]
        return _checked(int(m.group(3)), month, int(m.group(1)))
    if any(c.isalpha() for c in value[:4]):
        # email.utils pulls in socket, calendar and base64: only an RFC 2822 date needs it
        from email.utils import parsedate_tz

        parts = parsedate_tz(value)
        if parts is not None:
            return _checked(parts[0], parts[1], parts[2])
    return None


def _checked(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def front_matter_date(text: str, kind: FrontMatter) -> date | None:
    """Date of a front matter block (without its fences), from its top-level keys."""
    found: dict[str, date] = {}
    for m in _compiled(_FRONT_MATTER_LINE[kind], re.MULTILINE).finditer(text):
        key = m.group(1).lower()
        if key in _FRONT_MATTER_KEYS and key not in found:
            parsed = parse_date(_without_comment(m.group(2)))
            if parsed is not None:
                found[key] = parsed
    return next((found[k] for k in _FRONT_MATTER_KEYS if k in found), None)


def _without_comment(value: str) -> str:
    if value[:1] in "\"'":
        end = value.find(value[0], 1)
        return value[1:end] if end > 0 else value[1:]
    return value.split(" #", 1)[0]


class DateCollector:
    """Gathers the dates an HTML page states while it is read, and picks the best.

    Best first: ``meta article:published_time``; ``meta name="date"`` and its Dublin
    Core kin; ``itemprop="datePublished"``; JSON-LD ``datePublished``; ``<time pubdate>``
    or ``<time itemprop="datePublished">``; the first ``<time datetime>``. Within a rank
    the first value that parses wins.
    """

    __slots__ = ("_found",)

    def __init__(self) -> None:
        self._found: dict[int, date] = {}

    def _offer(self, rank: int, value: str | None) -> None:
        if value and rank not in self._found:
            parsed = parse_date(value)
            if parsed is not None:
                self._found[rank] = parsed

    def element(self, name: str, attributes: Mapping[str, str]) -> None:
        """A start tag (name in lower case, attribute names in lower case)."""
        itemprop = attributes.get("itemprop", "").lower() == "datepublished"
        if name == "meta":
            content = attributes.get("content")
            key = (attributes.get("property") or attributes.get("name") or "").lower()
            if key in _PUBLISHED_TIME:
                self._offer(_META_PUBLISHED, content)
            elif key in _DATE_NAMES:
                self._offer(_META_DATE, content)
            elif itemprop:
                self._offer(_ITEMPROP, content)
        elif name == "time":
            when = attributes.get("datetime")
            if itemprop or "pubdate" in attributes:
                self._offer(_TIME_PUBLISHED, when)
            self._offer(_TIME, when)
        elif itemprop:
            self._offer(_ITEMPROP, attributes.get("content") or attributes.get("datetime"))

    def json_ld(self, text: str) -> None:
        """The content of a ``<script type="application/ld+json">``."""
        for m in _compiled(_JSON_LD_DATE).finditer(text):
            self._offer(_JSON_LD, m.group(1))

    def best(self) -> date | None:
        return self._found[min(self._found)] if self._found else None
