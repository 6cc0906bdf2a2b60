"""Autolinks (``<https://…>``, ``<nom@exemple.fr>``: one object) and raw HTML inline:
comments, processing instructions, CDATA and declarations leave nothing (a comment is
recorded, for suppressions); a tag leaves its replacement (a line break for ``<br>``, an
object for ``<img>``, a block boundary for a block-level tag, else nothing)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..figures import break_joins, superscript_call
from ..html import BLOCK_TAGS, OBJECT_TAGS, attributes, may_date
from ..prose import OBJECT

if TYPE_CHECKING:
    from .inline import InlineReader

_AUTOLINK = re.compile(r"<[A-Za-z][A-Za-z0-9.+-]{1,31}:[^\s<>]*>")
_EMAIL_AUTOLINK = re.compile(
    r"<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>"
)
_ATTRIBUTE = r"""(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)"""
OPEN_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)" + _ATTRIBUTE + r"*+\s*/?>")
CLOSE_TAG = re.compile(r"</([A-Za-z][A-Za-z0-9-]*)\s*>")
BREAK = object()
"""A node replacement meaning "end the block here" (a block-level tag written inline)."""


def angle(reader: InlineReader, j: int, t: int) -> tuple[int, int]:
    """At a ``<``: a comment, processing instruction, CDATA or declaration (nothing in
    the prose), an autolink (an object), a tag (its replacement), or a plain ``<``."""
    text = reader.text
    replacement: object = None
    end = _declaration_end(reader, j) if text.startswith(("<!", "<?"), j) else -1
    if end < 0:
        end, replacement = _link_or_tag(reader, j)
    if end < 0:
        return j + 1, t
    reader.literal(t, j)
    if text.startswith("<!--", j):
        reader.sink.comment(j, end)
    if replacement is not None:
        reader.nodes.append((j, end, replacement))
    return end, end


def _declaration_end(reader: InlineReader, j: int) -> int:
    """End of the comment, processing instruction, CDATA section or declaration at ``j``
    (-1 if none is complete there)."""
    text = reader.text
    if text.startswith("<!--", j):
        if text.startswith(">", j + 4):
            return j + 5
        if text.startswith("->", j + 4):
            return j + 6
        k = reader.find("-->", j + 4)
        return k + 3 if k >= 0 else -1
    if text.startswith("<?", j):
        k = reader.find("?>", j + 2)
        return k + 2 if k >= 0 else -1
    if text.startswith("<![CDATA[", j):
        k = reader.find("]]>", j + 9)
        return k + 3 if k >= 0 else -1
    if text[j + 2 : j + 3].isalpha():
        k = reader.find(">", j + 2)
        return k + 1 if k >= 0 else -1
    return -1


def _link_or_tag(reader: InlineReader, j: int) -> tuple[int, object]:
    """End and replacement of the autolink or the tag at ``j`` ((-1, None) if none)."""
    text = reader.text
    m = _AUTOLINK.match(text, j) or _EMAIL_AUTOLINK.match(text, j)
    if m:
        return m.end(), OBJECT
    m = OPEN_TAG.match(text, j) or CLOSE_TAG.match(text, j)
    if not m:
        return -1, None
    name = m.group(1).lower()
    end, replacement = m.end(), _tag_replacement(name)
    if name == "br" and break_joins(text, j, end):
        replacement = " "
    elif name == "sup" and text[j + 1] != "/" and not m.group().endswith("/>"):
        call = superscript_call(text, end)
        if call is not None:
            end, replacement = call[0], OBJECT if call[1] else None
    if reader.dates is not None and text[j + 1] != "/" and may_date(
            name, text, m.end(1), end):
        reader.dates.element(name, attributes(text, m.end(1), end - 1))
    return end, replacement


def _tag_replacement(name: str) -> object:
    if name == "br":
        return "\n"
    if name in OBJECT_TAGS:
        return OBJECT
    if name in BLOCK_TAGS:
        return BREAK
    return None
