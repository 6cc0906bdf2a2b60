"""The block structure, line by line, as CommonMark builds it: containers (with lazy
continuation lines) around one open leaf block; each construct's own reading is in its
module, and a finished paragraph or heading goes to the inline reader."""

from __future__ import annotations

from ..dates import DateCollector
from ..html import render_html
from ..prose import LocalSink, TextBuilder
from .code_blocks import Fence, IndentedCode, closes, fence_open
from .columns import EOL, advance, indent
from .containers import MAX_NESTING, Container, after_quote_marker, list_item
from .headings import ATX, atx_content, is_setext_underline
from .html_blocks import HtmlBlock, html_block_start
from .inline import INLINE_SPECIAL, render_inline, write_plain
from .references import definitions
from .tables import Table, cells, header_columns
from .thematic_breaks import is_thematic_break

_MAY_START_BLOCK = frozenset(" \t>`~#*-_+<=|:0123456789")
"""The first characters of a line that may open a container or a block other than a
paragraph, underline a setext heading or be a table's delimiter row (or be indentation);
a line starting with any other character opens or continues a paragraph."""


class Paragraph:
    __slots__ = ("lines", "start")

    def __init__(self, start: int, line: tuple[int, int, int]) -> None:
        self.start = start  # where the first line's prefix starts
        self.lines = [line]  # (content start, content end, line end)


Leaf = Paragraph | Fence | IndentedCode | HtmlBlock | Table


class BlockReader:
    __slots__ = ("builder", "containers", "dates", "labels", "leaf", "src")

    def __init__(self, src: str, builder: TextBuilder, labels: frozenset[str],
                 dates: DateCollector) -> None:
        self.src = src
        self.builder = builder
        self.labels = labels
        self.dates = dates
        self.containers: list[Container] = []
        self.leaf: Leaf | None = None

    def run(self, start: int) -> None:
        src, n = self.src, len(self.src)
        pos = start
        search = EOL.search
        while pos < n:
            m = search(src, pos)
            content_end, line_end = (m.start(), m.end()) if m else (n, n)
            if self.containers or not self._plain_line(pos, content_end, line_end):
                self._line(pos, content_end, line_end)
            pos = line_end
        self._close_leaf()

    def _plain_line(self, ls: int, ce: int, le: int) -> bool:
        """The common lines outside any container, taken without the general walk: a blank
        line, or a line whose first character starts no block (a letter, a quote...) that
        opens or goes on a paragraph. False (nothing done) for any other line."""
        leaf = self.leaf
        if leaf is not None and type(leaf) is not Paragraph:
            return False
        if ls == ce:  # blank: the paragraph ends
            self._close_leaf()
            self.builder.copy(ce, le)
            return True
        if self.src[ls] in _MAY_START_BLOCK:
            return False
        if leaf is None:
            self.leaf = Paragraph(ls, (ls, ce, le))
        else:
            leaf.lines.append((ls, ce, le))
        return True

    # -- one line

    def _line(self, ls: int, ce: int, le: int) -> None:
        pos, col, matched = self._continued_containers(ls, ce)
        containers = self.containers
        all_matched = matched == len(containers)
        leaf = self.leaf
        if all_matched:
            if type(leaf) is Fence:
                self._fence_line(leaf, pos, col, ce, le)
                return
            if type(leaf) is HtmlBlock and self._html_line(leaf, pos, col, ce, le):
                return
            leaf = self.leaf
        if not all_matched:
            p2, col2 = indent(self.src, pos, col, ce)
            if (type(leaf) is Paragraph and p2 < ce
                    and not self._starts_block(p2, col2 - col, ce, True, False)):
                leaf.lines.append((p2, ce, le))  # lazy continuation line
                return
            self._close_leaf()
            del containers[matched:]
        pos, col = self._new_containers(pos, col, ce)
        self._leaf_line(ls, pos, col, ce, le)

    def _continued_containers(self, ls: int, ce: int) -> tuple[int, int, int]:
        """Position and column after the prefixes of the open containers the line goes
        on, and how many it goes on."""
        src = self.src
        pos, col = ls, 0
        matched = 0
        for container in self.containers:
            p2, col2 = indent(src, pos, col, ce)
            if container.width is None:
                if col2 - col > 3 or p2 >= ce or src[p2] != ">":
                    break
                pos, col = after_quote_marker(src, p2, col2, ce)
            elif p2 < ce:
                if col2 - col < container.width:
                    break
                pos, col = advance(src, pos, col, col + container.width, ce)
                container.empty = False
            elif container.empty:  # an item may begin with one blank line, not two
                break
            matched += 1
        return pos, col, matched

    def _new_containers(self, pos: int, col: int, ce: int) -> tuple[int, int]:
        """Open the block quotes and list items the line starts; where its content is."""
        src, containers = self.src, self.containers
        while len(containers) < MAX_NESTING:
            p2, col2 = indent(src, pos, col, ce)
            if col2 - col >= 4 or p2 >= ce:
                break
            if src[p2] == ">":
                self._close_leaf()
                containers.append(Container(None))
                pos, col = after_quote_marker(src, p2, col2, ce)
                continue
            item = list_item(src, p2, col2, col, ce, type(self.leaf) is Paragraph)
            if item is None:
                break
            self._close_leaf()
            pos, col, width = item
            containers.append(Container(width, pos >= ce))
        return pos, col

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
            return fence_open(src, p, ce) is not None
        if c == "#":
            return ATX.match(src, p, ce) is not None
        if is_thematic_break(src, p, ce):
            return True
        if c == "<":
            return html_block_start(src, p, ce, paragraph) is not None
        return list_item(src, p, 0, 0, ce, restricted) is not None

    # -- leaves

    def _leaf_line(self, ls: int, pos: int, col: int, ce: int, le: int) -> None:
        src, leaf = self.src, self.leaf
        p, pcol = indent(src, pos, col, ce)
        indent_ = pcol - col
        if p >= ce:  # blank line
            if type(leaf) is IndentedCode:
                leaf.blanks.append((ce, le))
                return
            self._close_leaf()
            self.builder.copy(ce, le)
            return
        if type(leaf) is Paragraph:
            if self._paragraph_line(leaf, ls, p, indent_, ce, le):
                return
        elif type(leaf) is IndentedCode:
            if indent_ >= 4:
                leaf.end = le
                leaf.blanks.clear()
                return
            self._close_leaf()
        elif type(leaf) is Table:
            if not self._starts_block(p, indent_, ce, True, False, code=True):
                self._table_row(p, ce, le, leaf.columns)
                return
            self._close_leaf()
        self._open_leaf(ls, pos, p, indent_, ce, le)

    def _paragraph_line(self, paragraph: Paragraph, ls: int, p: int, indent: int, ce: int,
                        le: int) -> bool:
        """A non-blank line while a paragraph is open: True if the paragraph took it (a
        line of it, a setext underline, a table's delimiter row), False if the paragraph
        is closed and the line opens a block."""
        src = self.src
        if indent >= 4:
            paragraph.lines.append((p, ce, le))
            return True
        if is_setext_underline(src, p, ce):
            self.leaf = None
            self._flush_paragraph(paragraph)
            self.builder.brk(ls, le)
            return True
        if self._table_start(paragraph, ls, p, ce, le):
            return True
        if not self._starts_block(p, indent, ce, True, True):
            paragraph.lines.append((p, ce, le))
            return True
        self._close_leaf()
        return False

    def _open_leaf(self, ls: int, pos: int, p: int, indent: int, ce: int, le: int) -> None:
        src = self.src
        if indent >= 4:
            self.leaf = IndentedCode(ls, le)
            return
        c = src[p]
        if c in "`~" and (fence := fence_open(src, p, ce)) is not None:
            self.leaf = Fence(fence[0], fence[1], ls, le)
            return
        if c == "#" and (m := ATX.match(src, p, ce)):
            self._heading(ls, m.end(), ce, le)
            return
        if is_thematic_break(src, p, ce):
            self.builder.brk(ls, le)
            return
        if c == "<" and (block := html_block_start(src, p, ce, False)) is not None:
            block.start = ls
            self.leaf = block
            self._html_line(block, pos, 0, ce, le)
            return
        self.leaf = Paragraph(ls, (p, ce, le))

    def _heading(self, ls: int, start: int, ce: int, le: int) -> None:
        start, end = atx_content(self.src, start, ce)
        self.builder.brk(ls, start)
        if end > start:
            self._inline([(start, end)])
        self.builder.copy(ce, le)

    def _fence_line(self, fence: Fence, pos: int, col: int, ce: int, le: int) -> None:
        fence.end = le
        if closes(fence, self.src, pos, col, ce):
            self._close_leaf()

    def _html_line(self, block: HtmlBlock, pos: int, col: int, ce: int, le: int) -> bool:
        """Add a line to an HTML block; False if it is the blank line that ends it."""
        if block.end is None and indent(self.src, pos, col, ce)[0] >= ce:
            self._close_leaf()
            return False
        block.lines.append((pos, ce, le))
        if block.end is not None and block.end.search(self.src, pos, ce):
            self._close_leaf()
        return True

    def _table_start(self, paragraph: Paragraph, ls: int, p: int, ce: int, le: int) -> bool:
        """Turn the paragraph's last line into a table header if this is a delimiter row."""
        hs, he, hl = paragraph.lines[-1]
        columns = header_columns(self.src, (hs, he), p, ce)
        if columns is None:
            return False
        self.leaf = None
        prefix_start = paragraph.start
        if len(paragraph.lines) > 1:
            paragraph.lines.pop()
            self._flush_paragraph(paragraph)
            prefix_start = hs
        self.builder.brk(prefix_start, hs)
        self._table_row(hs, he, hl, columns)
        self.builder.brk(ls, le)
        self.leaf = Table(columns)
        return True

    def _table_row(self, start: int, end: int, line_end: int, columns: int) -> None:
        before = start
        for a, b in cells(self.src, start, end)[:columns]:
            self.builder.brk(before, a)
            if b > a:
                self._inline([(a, b)])
            before = b
        self.builder.brk(before, end)  # the last pipe, or the cells that are not shown
        self.builder.copy(end, line_end)

    def _close_leaf(self) -> None:
        leaf, self.leaf = self.leaf, None
        if leaf is None or type(leaf) is Table:
            return
        builder = self.builder
        if type(leaf) is Paragraph:
            self._flush_paragraph(leaf)
        elif type(leaf) is Fence:
            builder.brk(leaf.start, leaf.end)
        elif type(leaf) is IndentedCode:
            builder.brk(leaf.start, leaf.end)
            for ce, le in leaf.blanks:
                builder.copy(ce, le)
        elif type(leaf) is HtmlBlock:
            builder.brk(leaf.start, leaf.lines[0][0])
            *body, (cs, ce, le) = leaf.lines
            sink = LocalSink(builder, [(s, e) for s, _, e in body] + [(cs, ce)])
            render_html(sink.text(), sink, self.dates)
            builder.copy(ce, le)

    def _flush_paragraph(self, paragraph: Paragraph) -> None:
        lines = paragraph.lines
        first = lines[0][0]
        cs, ce, le = lines[-1]
        self.builder.brk(paragraph.start, first)
        if len(lines) == 1 or all(lines[k][2] == lines[k + 1][0] for k in range(len(lines) - 1)):
            # the lines follow each other in the source (no container prefix, no indent):
            # without inline markup (nor a definition, which starts with "["), copied as is
            text = self.src[first:ce]
            if INLINE_SPECIAL.search(text) is None:
                write_plain(text, self.builder, 0, ce - first, first)
                self.builder.copy(ce, le)
                return
        pieces = [(s, e) for s, _, e in lines[:-1]] + [(cs, ce)]
        sink = LocalSink(self.builder, pieces)
        text = sink.text()
        start = 0
        for definition_start, definition_end in definitions(text):
            sink.brk(definition_start, definition_end)
            start = definition_end
        if start < len(text):
            render_inline(text, sink, self.labels, start, self.dates)
        self.builder.copy(ce, le)

    def _inline(self, pieces: list[tuple[int, int]]) -> None:
        sink = LocalSink(self.builder, pieces)
        render_inline(sink.text(), sink, self.labels, 0, self.dates)
