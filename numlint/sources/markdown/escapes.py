"""Backslash escapes, hard line breaks written with a backslash, and entities."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from ..figures import break_joins
from ..html import decode_entity

if TYPE_CHECKING:
    from .inline import InlineReader

ASCII_PUNCT: Final = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def backslash(reader: InlineReader, j: int, t: int) -> tuple[int, int]:
    """At a ``\\``: an escaped punctuation character is copied alone; before a line
    ending it is a hard break (the line ending stays, or one space inside a figure)."""
    text, nodes = reader.text, reader.nodes
    nxt = text[j + 1 : j + 2]
    if nxt and nxt in ASCII_PUNCT:
        reader.literal(t, j)
        nodes.append((j + 1, j + 2))
        return j + 2, j + 2
    if nxt in ("\n", "\r"):
        reader.literal(t, j)
        eol = j + (3 if text.startswith("\r\n", j + 1) else 2)
        if break_joins(text, j, eol):  # inside a figure: one space
            nodes.append((j, eol, " "))
        else:
            nodes.append((j + 1, eol))
        return eol, eol
    return j + 1, t


def entity(reader: InlineReader, j: int, t: int) -> tuple[int, int]:
    """At a ``&``: a named or numeric character reference is its character."""
    decoded = decode_entity(reader.text, j, markdown=True)
    if decoded is None:
        return j + 1, t
    reader.literal(t, j)
    reader.nodes.append((j, decoded[1], decoded[0]))
    return decoded[1], decoded[1]
