"""Markdown inlines -> prose: the CommonMark inline algorithm, on one block's content.

The reader walks the content once, from one special character to the next, and hands
each construct to its module: code spans (:mod:`.code_spans`), backslash escapes and
entities (:mod:`.escapes`), autolinks and raw HTML (:mod:`.raw_html`), GitHub's bare
URLs (:mod:`.bare_urls`), emphasis and strikethrough by the delimiter-run algorithm
(:mod:`.emphasis`), links and images by the bracket stack (:mod:`.links`). Each records
*nodes* (copy a range, put a replacement, a delimiter, a bracket); once the content is
read, emphasis is resolved and the nodes are written to the sink in order. A soft line
break reads as a space, as CommonMark renders it. :mod:`.blocks` cuts the blocks and
hands each one's content here through a :class:`~numlint.sources.prose.LocalSink`.
"""

from __future__ import annotations

import re

from ..dates import DateCollector
from ..prose import Sink, wrapped_lines
from . import bare_urls, code_spans, emphasis, escapes, links, raw_html
from .emphasis import Delim
from .links import Bracket
from .raw_html import BREAK

INLINE_SPECIAL = re.compile(
    r"[\\`*_~\[\]<&!hHfFwW]"
    r"(?:(?<=[\\`*_~\[\]<&])|(?<=!)(?=\[)|(?<=[hH])(?i:ttps?://)|(?<=[fF])(?i:tp://)"
    r"|(?<=[wW])(?i:ww\.))"
)
"""Where an inline construct may start: ``\\`*_~[]<&``, ``![``, a bare URL's scheme or
``www.``. Written as one character class then a check of what it found, so that the
``re`` engine skips from one candidate character to the next in C instead of trying the
alternatives at every position (the plain alternation ran six times slower)."""


def render_inline(text: str, sink: Sink, labels: frozenset[str], start: int = 0,
                  dates: DateCollector | None = None) -> None:
    """Write the prose of the inline content ``text[start:]`` to ``sink``."""
    if INLINE_SPECIAL.search(text, start) is None:
        write_plain(text, sink, start, len(text))
    else:
        InlineReader(text, sink, labels, dates).run(start)


def write_plain(text: str, sink: Sink, start: int, end: int, shift: int = 0) -> None:
    """Write ``text[start:end]``, content without any inline construct, to ``sink``,
    ``shift`` added to its offsets: copied, a soft line break read as a space."""
    if text.find("\n", start, end) < 0 and text.find("\r", start, end) < 0:
        sink.copy(start + shift, end + shift)
        return
    for piece_start, piece_end, replacement in wrapped_lines(text, start, end, hard_breaks=True):
        if replacement is None:
            sink.copy(piece_start + shift, piece_end + shift)
        else:
            sink.put(replacement, piece_start + shift, piece_end + shift)


class InlineReader:
    """The state the inline constructs share while one block's content is read."""

    __slots__ = ("backtick_runs", "brackets", "dates", "floor", "head", "labels", "missing",
                 "n", "nodes", "sink", "tail", "text")

    def __init__(self, text: str, sink: Sink, labels: frozenset[str],
                 dates: DateCollector | None) -> None:
        self.text = text
        self.n = len(text)
        self.sink = sink
        self.labels = labels
        self.dates = dates
        # nodes: (start, end) copy; (start, end, replacement); Delim; Bracket
        self.nodes: list[object] = []
        self.head = self.tail = Delim("", -1, 0, False, False)
        self.brackets: list[Bracket] = []
        self.floor = 0  # link openers below this stack index are inactive
        self.backtick_runs: dict[int, list[int]] | None = None
        self.missing: dict[str, int] = {}  # needle -> offset from which it never occurs

    def run(self, i: int) -> None:
        text = self.text
        t = i  # start of the literal text not yet in nodes
        while True:
            m = INLINE_SPECIAL.search(text, i)
            if m is None:
                break
            j = m.start()
            c = text[j]
            if c == "\\":
                i, t = escapes.backslash(self, j, t)
            elif c == "`":
                i, t = code_spans.code_span(self, j, t)
            elif c in "*_~":
                i, t = emphasis.delimiter(self, j, t)
            elif c == "[" or c == "!":
                i, t = links.open_bracket(self, j, t)
            elif c == "]":
                i, t = links.close_bracket(self, j, t)
            elif c == "<":
                i, t = raw_html.angle(self, j, t)
            elif c == "&":
                i, t = escapes.entity(self, j, t)
            else:
                i, t = bare_urls.bare_url(self, j, t)
        self.literal(t, self.n)
        emphasis.process(self, self.head)
        self._emit()

    def literal(self, start: int, end: int) -> None:
        """Plain text; a soft line break in it reads as a space (CommonMark renders it so)."""
        if end <= start:
            return
        text = self.text
        chunk = text[start:end]
        if "\n" not in chunk and "\r" not in chunk:
            self.nodes.append((start, end))
            return
        for piece_start, piece_end, replacement in wrapped_lines(
            text, start, end, hard_breaks=True
        ):
            if replacement is None:
                self.nodes.append((piece_start, piece_end))
            else:
                self.nodes.append((piece_start, piece_end, replacement))

    def find(self, needle: str, start: int) -> int:
        """text.find, remembering failures so that many unclosed openers stay linear."""
        missing = self.missing.get(needle)
        if missing is not None and start >= missing:
            return -1
        k = self.text.find(needle, start)
        if k < 0:
            self.missing[needle] = start
        return k

    def _emit(self) -> None:
        sink = self.sink
        for node in self.nodes:
            if type(node) is tuple:
                if len(node) == 2:
                    sink.copy(node[0], node[1])
                elif node[2] is BREAK:
                    sink.brk(node[0], node[1])
                else:
                    sink.put(node[2], node[0], node[1])
            elif type(node) is Delim:
                start = node.start + node.left
                end = node.start + node.length - node.right
                if end > start:
                    sink.copy(start, end)
            elif not node.removed:  # type: ignore[attr-defined]
                sink.copy(node.start, node.end)  # type: ignore[attr-defined]
