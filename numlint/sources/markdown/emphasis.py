"""Emphasis, strong emphasis and GitHub's strikethrough, by CommonMark's delimiter-run
algorithm: flanking rules, and the rule of three (``5*3`` keeps its star while
``**97,4** milliards`` loses both pairs). The markers used up leave nothing."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from .escapes import ASCII_PUNCT

if TYPE_CHECKING:
    from .inline import InlineReader

_WHITESPACE, _PUNCTUATION, _OTHER = range(3)


class Delim:
    """A run of ``*``, ``_`` or ``~`` that may open or close emphasis; ``left`` and
    ``right`` count the characters used up as markup at each end."""

    __slots__ = ("can_close", "can_open", "char", "left", "length", "next", "prev",
                 "right", "start")

    def __init__(self, char: str, start: int, length: int, can_open: bool,
                 can_close: bool) -> None:
        self.char = char
        self.start = start
        self.length = length
        self.can_open = can_open
        self.can_close = can_close
        self.left = self.right = 0
        self.prev: Delim | None = None
        self.next: Delim | None = None

    @property
    def remaining(self) -> int:
        return self.length - self.left - self.right


def _char_kind(ch: str) -> int:
    if ch.isspace():
        return _WHITESPACE
    if ch in ASCII_PUNCT or unicodedata.category(ch)[0] in "PS":
        return _PUNCTUATION
    return _OTHER


def delimiter(reader: InlineReader, j: int, t: int) -> tuple[int, int]:
    """At a ``*``, ``_`` or ``~``: push the run on the delimiter stack if it may open or
    close emphasis."""
    text, n = reader.text, reader.n
    c = text[j]
    end = j + 1
    while end < n and text[end] == c:
        end += 1
    if c == "~" and end - j > 2:
        return end, t
    before = _char_kind(text[j - 1]) if j > 0 else _WHITESPACE
    after = _char_kind(text[end]) if end < n else _WHITESPACE
    left = after != _WHITESPACE and (after != _PUNCTUATION or before != _OTHER)
    right = before != _WHITESPACE and (before != _PUNCTUATION or after != _OTHER)
    if c == "_":
        can_open = left and (not right or before == _PUNCTUATION)
        can_close = right and (not left or after == _PUNCTUATION)
    else:
        can_open, can_close = left, right
    if not (can_open or can_close):
        return end, t
    reader.literal(t, j)
    d = Delim(c, j, end - j, can_open, can_close)
    d.prev = reader.tail
    reader.tail.next = d
    reader.tail = d
    reader.nodes.append(d)
    return end, end


def _unlink(reader: InlineReader, d: Delim) -> None:
    assert d.prev is not None
    d.prev.next = d.next
    if d.next is not None:
        d.next.prev = d.prev
    else:
        reader.tail = d.prev


def process(reader: InlineReader, bottom: Delim) -> None:
    """CommonMark's "process emphasis" for the delimiters above bottom, which are then
    dropped from the stack."""
    openers_bottom: dict[tuple[object, ...], Delim] = {}
    cur = bottom.next
    while cur is not None:
        if not cur.can_close:
            cur = cur.next
            continue
        char = cur.char
        key = (char, cur.length) if char == "~" else (char, cur.can_open, cur.length % 3)
        stop = openers_bottom.get(key, bottom)
        opener = cur.prev
        while opener is not None and opener is not stop and opener is not bottom:
            if opener.char == char and opener.can_open and _can_match(opener, cur):
                break
            opener = opener.prev
        else:
            opener = None
        if opener is not None:
            use = cur.length if char == "~" else (
                2 if opener.remaining >= 2 and cur.remaining >= 2 else 1)
            opener.right += use
            cur.left += use
            opener.next, cur.prev = cur, opener  # delimiters in between stay literal
            if opener.remaining == 0:
                _unlink(reader, opener)
            if cur.remaining == 0:
                nxt = cur.next
                _unlink(reader, cur)
                cur = nxt
        else:
            openers_bottom[key] = cur.prev  # type: ignore[assignment]
            nxt = cur.next
            if not cur.can_open:
                _unlink(reader, cur)
            cur = nxt
    bottom.next = None
    reader.tail = bottom


def _can_match(opener: Delim, closer: Delim) -> bool:
    if closer.char == "~":
        return opener.length == closer.length
    # the rule of three, on the lengths of the whole runs
    return not (
        (closer.can_open or opener.can_close)
        and closer.length % 3 != 0
        and (opener.length + closer.length) % 3 == 0
    )
