"""HTML blocks (CommonMark's seven kinds): their content is read by the HTML reader."""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from .raw_html import CLOSE_TAG, OPEN_TAG

_HTML_BLOCK_NAMES = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|"
    "details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|"
    "h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|"
    "noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|"
    "thead|title|tr|track|ul"
)


@cache
def _html_starts() -> tuple[tuple[int, re.Pattern[str], re.Pattern[str] | None], ...]:
    """(kind, start, end) of each kind; kinds 6 and 7 end at a blank line. Compiled for the
    first line that opens with "<", not at every start."""
    return (
        (1, re.compile(r"<(?:script|pre|style|textarea)(?=[ \t>]|\Z)", re.IGNORECASE),
         re.compile(r"</(?:script|pre|style|textarea)>", re.IGNORECASE)),
        (2, re.compile(r"<!--"), re.compile(r"-->")),
        (3, re.compile(r"<\?"), re.compile(r"\?>")),
        (4, re.compile(r"<![A-Za-z]"), re.compile(r">")),
        (5, re.compile(r"<!\[CDATA\["), re.compile(r"\]\]>")),
        (6, re.compile(r"</?(?:" + _HTML_BLOCK_NAMES + r")(?=[ \t>]|/>|\Z)", re.IGNORECASE),
         None),
        (7, re.compile(r"(?:" + OPEN_TAG.pattern + "|" + CLOSE_TAG.pattern + r")[ \t]*\Z"),
         None),
    )


_RAW_NAMES: Final = frozenset({"script", "style", "pre", "textarea"})


class HtmlBlock:
    __slots__ = ("end", "lines", "start")

    def __init__(self, start: int, end: re.Pattern[str] | None) -> None:
        self.start = start
        self.end = end  # what ends it; None: a blank line
        self.lines: list[tuple[int, int, int]] = []


def html_block_start(src: str, p: int, ce: int, paragraph: bool) -> HtmlBlock | None:
    """The HTML block a line starting at ``p`` opens, or None; ``paragraph``: a paragraph
    is open, which a lone tag (kind 7) cannot interrupt."""
    for kind, start, end in _html_starts():
        m = start.match(src, p, ce)
        if m is None:
            continue
        if kind == 7 and (paragraph or (m.group(1) or m.group(2) or "").lower()
                          in _RAW_NAMES):
            return None
        return HtmlBlock(p, end)
    return None
