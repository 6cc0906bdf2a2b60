"""Markdown (CommonMark, with GitHub's tables, strikethrough and bare URLs, and front
matter) -> prose, scanned by hand.

Why by hand: the scanner's findings must land on exact source offsets, inside inline
content. markdown-it-py (and mistune, marko) give at best the line range of a block and
no offsets at all for inline tokens, after tabs, entities and escapes have been
rewritten; and numlint takes no dependency for this. So this module follows the
CommonMark algorithm where it decides what is prose:

- blocks, line by line: containers (block quotes, list items, with laziness), fenced and
  indented code, HTML blocks (their content is read by the HTML reader), ATX and setext
  headings, thematic breaks, GitHub tables, link reference definitions, footnotes;
- inlines, per block, in :mod:`.markdown_inline`: code spans, escapes, entities,
  autolinks and raw HTML, links and images, emphasis by the delimiter-run algorithm.

It only ever copies source slices or writes short replacements for them, so whatever it
gets wrong about rendering, the offsets stay exact. Separators: see
:class:`~numlint.sources.document.ProseDocument`; list markers, heading and quote markers
and table pipes end a block; an image is one :data:`OBJECT` (its alt text is skipped,
like HTML ``alt`` attributes), as are code spans, autolinks, bare URLs and footnote
references (``[^1]``).

Not modelled (no effect on offsets, little on prose): tab stops inside container
prefixes are rounded to whole tabs, list item looseness, the HTML content between an
inline ``<code>`` and ``</code>`` (read as Markdown, as CommonMark does), and link
labels spanning lines in the first pass that collects reference definitions.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Final

from .dates import DateCollector, front_matter_date
from .document import LocalSink, ProseDocument, TextBuilder
from .html import render_html
from .markdown_inline import CLOSE_TAG, OPEN_TAG, normalize_label, render_inline

# ---------------------------------------------------------------------------- blocks

_EOL = re.compile(r"\r\n|\r|\n")
_YAML_FRONT_MATTER = re.compile(
    r"---[ \t]*(?:\r\n|\r|\n)(?:(.*?)(?:\r\n|\r|\n))??(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|\Z)",
    re.DOTALL,
)
_TOML_FRONT_MATTER = re.compile(
    r"\+\+\+[ \t]*(?:\r\n|\r|\n)(?:(.*?)(?:\r\n|\r|\n))??\+\+\+[ \t]*(?:\r\n|\r|\n|\Z)",
    re.DOTALL,
)
# Front matter must open with a key (or a comment): a thematic break at the top of an
# article, followed much later by another one, is not front matter.
_FRONT_MATTER_KEY = {
    "yaml": re.compile(r"\s*(?:#|[\"']?[\w-]+[\"']?[ \t]*:)"),
    "toml": re.compile(r"\s*(?:#|\[|[\"']?[\w.-]+[\"']?[ \t]*=)"),
}
# Line-scoped patterns are matched with endpos at the end of the line's content.
_ATX = re.compile(r"#{1,6}(?=[ \t]|\Z)")
_FENCE = re.compile(r"`{3,}|~{3,}")
_FENCE_CLOSE = re.compile(r"(`{3,}|~{3,})[ \t]*\Z")
_THEMATIC = re.compile(r"(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})\Z")
_SETEXT = re.compile(r"(?:=+|-+)[ \t]*\Z")
_TASK_BOX = re.compile(r"\[[ xX]\][ \t]+(?=\S)")
_BULLET = re.compile(r"[-+*](?=[ \t]|\Z)")
_ORDERED = re.compile(r"([0-9]{1,9})[.)](?=[ \t]|\Z)")
_DELIMITER_ROW = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*+\|?[ \t]*\Z")
_CELL_SPLIT = re.compile(r"\\.|\|")
_HTML_BLOCK_NAMES = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|"
    "details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|"
    "h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|"
    "noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|"
    "thead|title|tr|track|ul"
)
_HTML_STARTS: Final = (  # (kind, start, end); kinds 6 and 7 end at a blank line
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
_MAX_NESTING: Final = 64
"""Deeper quote and list markers are read as text: every line walks the open containers,
so unbounded nesting would make ``1. 1. 1. …`` followed by blank lines quadratic."""
# First pass: the labels of reference definitions, anywhere (a line's container markers
# and list markers allowed before). A superset of the real ones is harmless: a stray
# label only lets a "[text]" lose its brackets.
_DEFINITION = re.compile(
    r"^(?:[ \t>]|[-+*][ \t]|[0-9]{1,9}[.)][ \t])*+\[((?:[^\\\[\]\r\n]|\\.){1,999})\]:",
    re.MULTILINE,
)
_REFERENCE_DEFINITION = re.compile(
    r"""[ ]{0,3}\[(?!\^)((?:[^\\\[\]]|\\.){1,999})\]:
        [ \t]*(?:\r\n|\r|\n)?[ \t]*
        (?:<(?:[^<>\\\r\n]|\\.)*>|[^\s<]\S*)
        (?:(?:[ \t]+|[ \t]*(?:\r\n|\r|\n)[ \t]*)
           ("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?
        [ \t]*(?:\r\n|\r|\n|\Z)""",
    re.VERBOSE | re.DOTALL,
)
_FOOTNOTE_DEFINITION = re.compile(r"[ ]{0,3}\[\^[^\]\s]{1,999}\]:[ \t]*")


class _Container:
    __slots__ = ("empty", "width")

    def __init__(self, width: int | None, empty: bool = False) -> None:
        self.width = width  # None: a block quote; else a list item's content indent
        self.empty = empty  # a list item that began with a blank line and has no content


class _Paragraph:
    __slots__ = ("lines", "start")

    def __init__(self, start: int, line: tuple[int, int, int]) -> None:
        self.start = start  # where the first line's prefix starts
        self.lines = [line]  # (content start, content end, line end)


class _Fence:
    __slots__ = ("char", "end", "length", "start")

    def __init__(self, char: str, length: int, start: int, end: int) -> None:
        self.char, self.length, self.start, self.end = char, length, start, end


class _IndentedCode:
    __slots__ = ("blanks", "end", "start")

    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end
        self.blanks: list[tuple[int, int]] = []  # blank lines after the last code line


class _HtmlBlock:
    __slots__ = ("end", "lines", "start")

    def __init__(self, start: int, end: re.Pattern[str] | None) -> None:
        self.start = start
        self.end = end  # what ends it; None: a blank line
        self.lines: list[tuple[int, int, int]] = []


class _Table:
    __slots__ = ("columns",)

    def __init__(self, columns: int) -> None:
        self.columns = columns  # cells past the header's count are not rendered


_Leaf = _Paragraph | _Fence | _IndentedCode | _HtmlBlock | _Table


def _indent(src: str, pos: int, col: int, end: int) -> tuple[int, int]:
    """Skip spaces and tabs: the position and column of the first other character."""
    while pos < end:
        c = src[pos]
        if c == " ":
            col += 1
        elif c == "\t":
            col += 4 - col % 4
        else:
            break
        pos += 1
    return pos, col


def _advance(src: str, pos: int, col: int, target: int, end: int) -> tuple[int, int]:
    """Consume indentation up to column target (a tab that overshoots is taken whole)."""
    while col < target and pos < end and src[pos] in " \t":
        col = col + 1 if src[pos] == " " else col + 4 - col % 4
        pos += 1
    return pos, col


class _BlockReader:
    __slots__ = ("builder", "containers", "dates", "labels", "leaf", "src")

    def __init__(self, src: str, builder: TextBuilder, labels: frozenset[str],
                 dates: DateCollector) -> None:
        self.src = src
        self.builder = builder
        self.labels = labels
        self.dates = dates
        self.containers: list[_Container] = []
        self.leaf: _Leaf | None = None

    def run(self, start: int) -> None:
        src, n = self.src, len(self.src)
        pos = start
        while pos < n:
            m = _EOL.search(src, pos)
            content_end, line_end = (m.start(), m.end()) if m else (n, n)
            self._line(pos, content_end, line_end)
            pos = line_end
        self._close_leaf()

    # -- one line

    def _line(self, ls: int, ce: int, le: int) -> None:
        src, containers = self.src, self.containers
        pos, col = ls, 0
        matched = 0
        for container in containers:
            p2, col2 = _indent(src, pos, col, ce)
            if container.width is None:
                if col2 - col > 3 or p2 >= ce or src[p2] != ">":
                    break
                pos, col = self._after_quote_marker(p2, col2, ce)
            elif p2 < ce:
                if col2 - col < container.width:
                    break
                pos, col = _advance(src, pos, col, col + container.width, ce)
                container.empty = False
            elif container.empty:  # an item may begin with one blank line, not two
                break
            matched += 1
        all_matched = matched == len(containers)
        leaf = self.leaf
        if all_matched:
            if type(leaf) is _Fence:
                self._fence_line(leaf, pos, col, ce, le)
                return
            if type(leaf) is _HtmlBlock and self._html_line(leaf, pos, col, ce, le):
                return
            leaf = self.leaf
        p2, col2 = _indent(src, pos, col, ce)
        if not all_matched:
            if (type(leaf) is _Paragraph and p2 < ce
                    and not self._starts_block(p2, col2 - col, ce, True, False)):
                leaf.lines.append((p2, ce, le))  # lazy continuation line
                return
            self._close_leaf()
            del containers[matched:]
        # new containers
        while len(containers) < _MAX_NESTING:
            p2, col2 = _indent(src, pos, col, ce)
            if col2 - col >= 4 or p2 >= ce:
                break
            if src[p2] == ">":
                self._close_leaf()
                containers.append(_Container(None))
                pos, col = self._after_quote_marker(p2, col2, ce)
                continue
            item = self._list_item(p2, col2, col, ce, type(self.leaf) is _Paragraph)
            if item is None:
                break
            self._close_leaf()
            pos, col, width = item
            containers.append(_Container(width, pos >= ce))
        self._leaf_line(ls, pos, col, ce, le)

    def _after_quote_marker(self, p: int, col: int, ce: int) -> tuple[int, int]:
        pos, col = p + 1, col + 1
        if pos < ce and self.src[pos] in " \t":
            col = col + 1 if self.src[pos] == " " else col + 4 - col % 4
            pos += 1
        return pos, col

    def _list_item(self, p: int, col: int, base: int, ce: int,
                   interrupting: bool) -> tuple[int, int, int] | None:
        """Content position, column and width of a list item starting at p, or None."""
        src = self.src
        if src[p] in "*-" and _THEMATIC.match(src, p, ce):
            return None
        m = _BULLET.match(src, p, ce) or _ORDERED.match(src, p, ce)
        if m is None:
            return None
        marker_col = col + m.end() - p
        content, content_col = _indent(src, m.end(), marker_col, ce)
        blank = content >= ce
        if interrupting and (blank or (m.lastindex and int(m.group(1)) != 1)):
            return None  # a list interrupting a paragraph: non-empty, and from 1
        if blank:
            return content, content_col, marker_col - base + 1
        if content_col - marker_col > 4:  # indented code in the item: one space is the gap
            return m.end() + 1, marker_col + 1, marker_col - base + 1
        box = _TASK_BOX.match(src, content, ce)
        if box:  # a GFM task-list box is a checkbox, not prose; the item keeps its width
            return box.end(), content_col + box.end() - content, content_col - base
        return content, content_col, content_col - base

    def _starts_block(self, p: int, indent: int, ce: int, paragraph: bool,
                      restricted: bool, code: bool = False) -> bool:
        """Does the (non-blank) line at p start a block, rather than go on the open one?

        ``paragraph``: a paragraph (or table) is open, which neither indented code (unless
        ``code``) nor a lone HTML tag can interrupt; ``restricted``: the paragraph is in
        the innermost container, so a list must start with a non-empty item numbered 1.
        """
        if indent >= 4:
            return code or not paragraph
        src = self.src
        c = src[p]
        if c == ">":
            return True
        if c in "`~":
            return self._fence_open(p, ce) is not None
        if c == "#":
            return _ATX.match(src, p, ce) is not None
        if c in "*-_" and _THEMATIC.match(src, p, ce):
            return True
        if c == "<":
            return self._html_start(p, ce, paragraph) is not None
        return self._list_item(p, 0, 0, ce, restricted) is not None

    def _fence_open(self, p: int, ce: int) -> tuple[str, int] | None:
        m = _FENCE.match(self.src, p, ce)
        if m is None or (self.src[p] == "`" and self.src.find("`", m.end(), ce) >= 0):
            return None
        return self.src[p], m.end() - p

    def _html_start(self, p: int, ce: int, paragraph: bool) -> _HtmlBlock | None:
        for kind, start, end in _HTML_STARTS:
            m = start.match(self.src, p, ce)
            if m is None:
                continue
            if kind == 7 and (paragraph or (m.group(1) or m.group(2) or "").lower()
                              in _RAW_NAMES):
                return None
            return _HtmlBlock(p, end)
        return None

    # -- leaves

    def _leaf_line(self, ls: int, pos: int, col: int, ce: int, le: int) -> None:
        src, leaf = self.src, self.leaf
        p, pcol = _indent(src, pos, col, ce)
        indent = pcol - col
        if p >= ce:  # blank line
            if type(leaf) is _IndentedCode:
                leaf.blanks.append((ce, le))
                return
            self._close_leaf()
            self.builder.copy(ce, le)
            return
        if type(leaf) is _Paragraph:
            if indent >= 4:
                leaf.lines.append((p, ce, le))
                return
            if _SETEXT.match(src, p, ce):
                self.leaf = None
                self._flush_paragraph(leaf)
                self.builder.brk(ls, le)
                return
            if self._table_start(leaf, ls, p, ce, le):
                return
            if not self._starts_block(p, indent, ce, True, True):
                leaf.lines.append((p, ce, le))
                return
            self._close_leaf()
        elif type(leaf) is _IndentedCode:
            if indent >= 4:
                leaf.end = le
                leaf.blanks.clear()
                return
            self._close_leaf()
        elif type(leaf) is _Table:
            if not self._starts_block(p, indent, ce, True, False, code=True):
                self._table_row(p, ce, le, leaf.columns)
                return
            self._close_leaf()
        self._open_leaf(ls, pos, p, indent, ce, le)

    def _open_leaf(self, ls: int, pos: int, p: int, indent: int, ce: int, le: int) -> None:
        src = self.src
        if indent >= 4:
            self.leaf = _IndentedCode(ls, le)
            return
        c = src[p]
        if c in "`~" and (fence := self._fence_open(p, ce)) is not None:
            self.leaf = _Fence(fence[0], fence[1], ls, le)
            return
        if c == "#" and (m := _ATX.match(src, p, ce)):
            self._heading(ls, m.end(), ce, le)
            return
        if c in "*-_" and _THEMATIC.match(src, p, ce):
            self.builder.brk(ls, le)
            return
        if c == "<" and (block := self._html_start(p, ce, False)) is not None:
            block.start = ls
            self.leaf = block
            self._html_line(block, pos, 0, ce, le)
            return
        self.leaf = _Paragraph(ls, (p, ce, le))

    def _heading(self, ls: int, start: int, ce: int, le: int) -> None:
        src = self.src
        start, _ = _indent(src, start, 0, ce)
        end = ce
        while end > start and src[end - 1] in " \t":
            end -= 1
        k = end
        while k > start and src[k - 1] == "#":
            k -= 1
        if k < end and (k == start or src[k - 1] in " \t"):  # closing sequence
            end = k
            while end > start and src[end - 1] in " \t":
                end -= 1
        self.builder.brk(ls, start)
        if end > start:
            self._inline([(start, end)])
        self.builder.copy(ce, le)

    def _fence_line(self, fence: _Fence, pos: int, col: int, ce: int, le: int) -> None:
        fence.end = le
        p, pcol = _indent(self.src, pos, col, ce)
        if pcol - col <= 3:
            m = _FENCE_CLOSE.match(self.src, p, ce)
            if m and m.group(1)[0] == fence.char and len(m.group(1)) >= fence.length:
                self._close_leaf()

    def _html_line(self, block: _HtmlBlock, pos: int, col: int, ce: int, le: int) -> bool:
        """Add a line to an HTML block; False if it is the blank line that ends it."""
        if block.end is None and _indent(self.src, pos, col, ce)[0] >= ce:
            self._close_leaf()
            return False
        block.lines.append((pos, ce, le))
        if block.end is not None and block.end.search(self.src, pos, ce):
            self._close_leaf()
        return True

    def _table_start(self, paragraph: _Paragraph, ls: int, p: int, ce: int, le: int) -> bool:
        """Turn the paragraph's last line into a table header if this is a delimiter row."""
        src = self.src
        if not _DELIMITER_ROW.match(src, p, ce) or src.find("|", p, ce) < 0:
            return False
        hs, he, hl = paragraph.lines[-1]
        header = _cells(src, hs, he)
        if len(header) != len(_cells(src, p, ce)) or src.find("|", hs, he) < 0:
            return False
        self.leaf = None
        prefix_start = paragraph.start
        if len(paragraph.lines) > 1:
            paragraph.lines.pop()
            self._flush_paragraph(paragraph)
            prefix_start = hs
        self.builder.brk(prefix_start, hs)
        self._table_row(hs, he, hl, len(header))
        self.builder.brk(ls, le)
        self.leaf = _Table(len(header))
        return True

    def _table_row(self, start: int, end: int, line_end: int, columns: int) -> None:
        before = start
        for a, b in _cells(self.src, start, end)[:columns]:
            self.builder.brk(before, a)
            if b > a:
                self._inline([(a, b)])
            before = b
        self.builder.brk(before, end)  # the last pipe, or the cells that are not shown
        self.builder.copy(end, line_end)

    def _close_leaf(self) -> None:
        leaf, self.leaf = self.leaf, None
        if leaf is None or type(leaf) is _Table:
            return
        builder = self.builder
        if type(leaf) is _Paragraph:
            self._flush_paragraph(leaf)
        elif type(leaf) is _Fence:
            builder.brk(leaf.start, leaf.end)
        elif type(leaf) is _IndentedCode:
            builder.brk(leaf.start, leaf.end)
            for ce, le in leaf.blanks:
                builder.copy(ce, le)
        elif type(leaf) is _HtmlBlock:
            builder.brk(leaf.start, leaf.lines[0][0])
            *body, (cs, ce, le) = leaf.lines
            sink = LocalSink(builder, [(s, e) for s, _, e in body] + [(cs, ce)])
            render_html(sink.text(), sink, self.dates)
            builder.copy(ce, le)

    def _flush_paragraph(self, paragraph: _Paragraph) -> None:
        *body, (cs, ce, le) = paragraph.lines
        self.builder.brk(paragraph.start, paragraph.lines[0][0])
        pieces = [(s, e) for s, _, e in body] + [(cs, ce)]
        sink = LocalSink(self.builder, pieces)
        text = sink.text()
        start = 0
        while m := _REFERENCE_DEFINITION.match(text, start):
            if not m.group(1).strip():
                break
            sink.brk(start, m.end())
            start = m.end()
        if m := _FOOTNOTE_DEFINITION.match(text, start):
            sink.brk(start, m.end())
            start = m.end()
        if start < len(text):
            render_inline(text, sink, self.labels, start, self.dates)
        self.builder.copy(ce, le)

    def _inline(self, pieces: list[tuple[int, int]]) -> None:
        sink = LocalSink(self.builder, pieces)
        render_inline(sink.text(), sink, self.labels, 0, self.dates)


def _cells(src: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cells of a table row, trimmed; outer pipes are optional."""
    bounds = [start - 1]
    bounds.extend(m.start() for m in _CELL_SPLIT.finditer(src, start, end)
                  if m.group() == "|")
    bounds.append(end)
    cells = []
    for left, right in pairwise(bounds):
        a, _ = _indent(src, left + 1, 0, right)
        b = right
        while b > a and src[b - 1] in " \t":
            b -= 1
        cells.append((a, b))
    if len(cells) > 1 and cells[0][0] == cells[0][1] and len(bounds) > 2:
        cells.pop(0)  # leading pipe
    if len(cells) > 1 and cells[-1][0] == cells[-1][1]:
        cells.pop()  # trailing pipe
    return cells


def _labels(src: str) -> frozenset[str]:
    return frozenset(
        normalize_label(m.group(1)) for m in _DEFINITION.finditer(src)
        if not m.group(1).startswith("^") and m.group(1).strip()
        and _REFERENCE_DEFINITION.match(src, m.start(1) - 1)
    )


def read_markdown(source: str) -> ProseDocument:
    builder = TextBuilder(source)
    dates = DateCollector()
    start = 1 if source.startswith("\ufeff") else 0
    found = None
    for pattern, kind in ((_YAML_FRONT_MATTER, "yaml"), (_TOML_FRONT_MATTER, "toml")):
        m = pattern.match(source, start)
        if m and (not m.group(1) or _FRONT_MATTER_KEY[kind].match(m.group(1))):
            found = front_matter_date(m.group(1) or "", kind)  # type: ignore[arg-type]
            builder.brk(start, m.end())
            start = m.end()
            break
    _BlockReader(source, builder, _labels(source), dates).run(start)
    text, offsets = builder.build()
    return ProseDocument(source, "markdown", text, found or dates.best(), offsets,
                         tuple(builder.comments))
