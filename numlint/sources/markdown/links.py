"""Links and images, by CommonMark's bracket stack: inline (``[texte](url "titre")``),
full, collapsed and shortcut references, and footnote calls (``[^1]``). A link keeps its
text and loses its brackets and destination; an image is one object (its alt text is
skipped, like HTML ``alt`` attributes); a footnote call leaves nothing."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..prose import OBJECT
from . import emphasis
from .escapes import ASCII_PUNCT
from .references import normalize_label

if TYPE_CHECKING:
    from .emphasis import Delim
    from .inline import InlineReader

_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]{1,999}\]")
_LINK_LABEL = re.compile(r"\[((?:[^\\\[\]]|\\.){0,999})\]", re.DOTALL)
_TITLE = re.compile(r""""(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)""", re.DOTALL)


class Bracket:
    __slots__ = ("bottom", "end", "image", "index", "removed", "start")

    def __init__(self, start: int, end: int, image: bool, index: int, bottom: Delim) -> None:
        self.start = start
        self.end = end
        self.image = image
        self.index = index
        self.bottom = bottom
        self.removed = False


def open_bracket(reader: InlineReader, j: int, t: int) -> tuple[int, int]:
    """At a ``[`` or ``![``: a footnote call, or an opener on the bracket stack."""
    text = reader.text
    m = _FOOTNOTE_REF.match(text, j) if text.startswith("[^", j) else None
    reader.literal(t, j)
    if m is not None:  # a footnote call leaves nothing, like the superscript it renders
        return m.end(), m.end()
    size = 2 if text[j] == "!" else 1
    bracket = Bracket(j, j + size, size == 2, len(reader.nodes), reader.tail)
    reader.nodes.append(bracket)
    reader.brackets.append(bracket)
    return j + size, j + size


def close_bracket(reader: InlineReader, j: int, t: int) -> tuple[int, int]:
    """At a ``]``: close the last opener as a link or an image, if one ends here."""
    brackets = reader.brackets
    if not brackets:
        return j + 1, t
    bracket = brackets.pop()
    active = bracket.image or len(brackets) >= reader.floor
    reader.floor = min(reader.floor, len(brackets))
    end = _link_end(reader, bracket, j) if active else -1
    if end < 0:
        return j + 1, t
    reader.literal(t, j)
    if bracket.image:
        bracket.bottom.next = None
        reader.tail = bracket.bottom
        del reader.nodes[bracket.index :]
        reader.nodes.append((bracket.start, end, OBJECT))
    else:
        emphasis.process(reader, bracket.bottom)
        bracket.removed = True
        reader.floor = len(brackets)  # no link inside a link: older openers are dead
    return end, end


def _link_end(reader: InlineReader, bracket: Bracket, j: int) -> int:
    """End of the link whose text closes at j, or -1 if ``]`` is not a link's."""
    text, n, labels = reader.text, reader.n, reader.labels
    k = j + 1
    if k < n and text[k] == "(":
        end = _inline_link_tail(text, k + 1, n)
        if end >= 0:
            return end
    inner = text[bracket.end : j] if j - bracket.end <= 999 else None
    if k < n and text[k] == "[":
        m = _LINK_LABEL.match(text, k)
        if m is not None:
            label = m.group(1)
            if label.strip():
                return m.end() if normalize_label(label) in labels else -1
            if not label:
                ok = inner is not None and normalize_label(inner) in labels
                return m.end() if ok else -1
    if inner is not None and inner.strip() and normalize_label(inner) in labels:
        return j + 1
    return -1


def _skip_space(text: str, i: int, n: int) -> int:
    while i < n and text[i] in " \t\r\n":
        i += 1
    return i


def _inline_link_tail(text: str, i: int, n: int) -> int:
    """After ``](``: the end of ``destination "title")``, or -1."""
    i = _skip_space(text, i, n)
    if i < n and text[i] == ")":
        return i + 1
    dest = _destination(text, i, n)
    if dest < 0:
        return -1
    k = _skip_space(text, dest, n)
    if k < n and text[k] == ")":
        return k + 1
    if k == dest or k >= n:
        return -1
    m = _TITLE.match(text, k)
    if m is None:
        return -1
    k = _skip_space(text, m.end(), n)
    return k + 1 if k < n and text[k] == ")" else -1


def _destination(text: str, i: int, n: int) -> int:
    if i < n and text[i] == "<":
        k = i + 1
        while k < n:
            c = text[k]
            if c == ">":
                return k + 1
            if c in "<\r\n":
                return -1
            k += 2 if c == "\\" else 1
        return -1
    k, depth = i, 0
    while k < n:
        c = text[k]
        if c == "\\" and k + 1 < n and text[k + 1] in ASCII_PUNCT:
            k += 2
            continue
        if c == "(":
            depth += 1
            if depth > 32:
                return -1
        elif c == ")":
            if depth == 0:
                break
            depth -= 1
        elif c <= " " or c == "\x7f":
            break
        k += 1
    return k if depth == 0 and k > i else -1
