"""Markup that would change a figure: superscripts after a number, hard breaks inside one.

Both readers (HTML, and raw HTML or hard breaks in Markdown) ask these questions of the
string they read, so that a figure reads the same whatever the markup around it:

- ``12<sup>1</sup> euros`` is a footnote call: the superscript leaves nothing, and the
  prose reads ``12 euros`` (not ``121 euros``); after a word too (``dollars<sup>1</sup>``
  is ``dollars``, not ``dollars1``), except a unit's exponent (``km<sup>2</sup>``). The
  same for a call wrapped in a link (Pandoc's ``<a class="footnote-ref"><sup>1</sup></a>``)
  or holding one (``<sup><a href="#note1">[1]</a></sup>``). A Markdown footnote call
  (``[^1]``) leaves nothing either.
- ``10<sup>6</sup>`` (a bare 10, a superscript of 2 or more, or negative) is a power of
  ten. numlint does not compute it: it reads as ``10`` and an object, so no figure (and
  no unit after it) is taken from it, rather than a wrong one (``106 tonnes``).
- a single hard break (``<br>``, a Markdown ``\\`` or two trailing spaces) between a
  digit and a word, a currency symbol or ``%`` reads as a space: CMS "key figure" blocks
  and narrow columns put ``1,6<br>million d'emplois`` on two lines, and the figure is
  still 1,6 million. Two breaks, or a break before another digit, still separate.
"""

from __future__ import annotations

import re
from typing import Final

_SHORT: Final = 200  # how far a question may look: the readers stay linear
_SUP_CLOSE = re.compile(r"</sup\s*>", re.IGNORECASE)
_TAGS = re.compile(r"<[^<>]*>")
_CALL = re.compile(r"\s*(?:\[\s*\d{1,4}\s*\]|\(\s*\d{1,4}\s*\)|\d{1,4})\s*\Z")
_POWER = re.compile(r"\s*[-\u2212]?\d{1,3}\s*\Z")
_INLINE = r"(?:<(?![bB][rR]\b)[^<>\n]*>|[*_])"
_WORD_AFTER = re.compile(r"(?:[ \t\r\n]|" + _INLINE + r")*(?:[^\W\d_]|[%‰€$£¥])")
_NOT_BEFORE_TEN: Final = frozenset("0123456789.,\u00a0\u202f")


def superscript_call(text: str, content_start: int) -> tuple[int, bool] | None:
    """For a ``<sup>`` whose start tag ends at ``content_start``: the end of its
    ``</sup>`` and whether it is a power of ten, when it is a footnote call (a number,
    after a digit or a word) or a power of ten; None for any other superscript
    (``1<sup>er</sup>``, and ``m<sup>2</sup>``, ``km<sup>3</sup>``: 2 or 3 after a word
    of at most three letters is a unit's exponent, and glues).
    """
    tag_start = text.rfind("<", 0, content_start)
    last = visible_end(text, tag_start)
    if last is None or not (_is_digit(text[last - 1]) or text[last - 1].isalpha()):
        return None
    close = _SUP_CLOSE.search(text, content_start, content_start + _SHORT)
    if close is None:
        return None
    content = _TAGS.sub("", text[content_start : close.start()]).strip()
    if text[last - 1].isalpha():
        word = last - 1
        while word > 0 and last - word <= 3 and text[word - 1].isalpha():
            word -= 1
        if _CALL.match(content) is None:
            return None
        if last - word <= 3 and not text[word - 1 : word].isalpha() and content in ("2", "3"):
            return None  # an exponent of a unit symbol: km², m³, ft²
        return close.end(), False
    power = (
        text.startswith("10", last - 2)
        and (last < 3 or text[last - 3] not in _NOT_BEFORE_TEN)
        and _POWER.match(content) is not None
        and content.lstrip("-\u2212") not in ("0", "1")
    )
    if power or _CALL.match(content):
        return close.end(), power
    return None


def visible_end(text: str, position: int) -> int | None:
    """Where the last visible character before ``position`` ends, past spaces and inline
    markup (tags, ``*``, ``_``); None past a ``<br>``, or too far back."""
    floor = max(0, position - _SHORT)
    i = position
    while i > floor:
        c = text[i - 1]
        if c in " \t*_":
            i -= 1
        elif c == ">":
            k = text.rfind("<", floor, i - 1)
            if k < 0 or "\n" in text[k:i] or text[k + 1 : k + 3].lower() == "br":
                return None
            i = k
        else:
            return i
    return None


def follows_digit(text: str, position: int) -> bool:
    """Does a digit come just before ``position``, past spaces and inline markup?"""
    last = visible_end(text, position)
    return last is not None and _is_digit(text[last - 1])


def _is_digit(c: str) -> bool:
    return "0" <= c <= "9"


def break_joins(text: str, start: int, end: int) -> bool:
    """Is the hard break ``text[start:end]`` inside a figure: a digit before it, a word,
    currency symbol or ``%`` after it (past spaces and inline markup, not another break)?"""
    return follows_digit(text, start) and _WORD_AFTER.match(text, end, end + _SHORT) is not None
