"""GitHub's bare URLs (``https://…``, ``www.…``): one object, trailing punctuation left."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from ..prose import OBJECT

if TYPE_CHECKING:
    from .inline import InlineReader

_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<]*", re.IGNORECASE)
_URL_TRAILING: Final = frozenset("?!.,:*_~'\"»’”")
_ENTITY_LIKE = re.compile(r"&[A-Za-z0-9]+;")


def bare_url(reader: InlineReader, j: int, t: int) -> tuple[int, int]:
    text = reader.text
    if j > 0 and not (text[j - 1].isspace() or text[j - 1] in "*_~("):
        return j + 1, t
    end = _URL.match(text, j).end()  # type: ignore[union-attr]
    body = j + (4 if text[j] in "wW" else text.index("://", j) + 3 - j)
    unbalanced = text.count(")", j, end) - text.count("(", j, end)
    while end > body:  # GitHub's rules for the end of a bare URL
        last = text[end - 1]
        if last in _URL_TRAILING or (last == ")" and unbalanced > 0):
            unbalanced -= last == ")"
            end -= 1
        elif last == ";" and _ENTITY_LIKE.fullmatch(text, max(text.rfind("&", j, end), j),
                                                     end):
            end = text.rfind("&", j, end)
        else:
            break
    if end <= body or not text[body].isalnum():
        return j + 1, t
    reader.literal(t, j)
    reader.nodes.append((j, end, OBJECT))
    return end, end
