"""Markdown inlines -> prose: the CommonMark inline algorithm, on one block's content.

Code spans (backtick runs matched by length), backslash escapes, entities, autolinks and
raw HTML, links and images (bracket stack, inline and reference forms), emphasis by the
delimiter-run algorithm (flanking rules, rule of three: ``5*3`` keeps its star while
``**97,4** milliards`` loses both pairs), GitHub's strikethrough and bare URLs. A soft
line break reads as a space, as CommonMark renders it. :mod:`.markdown` cuts the blocks
and hands each one's content here through a :class:`~.document.LocalSink`.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from typing import Final

from .dates import DateCollector
from .document import OBJECT, Sink, wrapped_lines
from .figures import break_joins, superscript_call
from .html import BLOCK_TAGS, OBJECT_TAGS, attributes, decode_entity, may_date

_ASCII_PUNCT: Final = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_INLINE_SPECIAL = re.compile(r"[\\`*_~\[\]<&]|!\[|(?i:https?://|ftp://|www\.)")
_BACKTICKS = re.compile(r"`+")
_AUTOLINK = re.compile(r"<[A-Za-z][A-Za-z0-9.+-]{1,31}:[^\s<>]*>")
_EMAIL_AUTOLINK = re.compile(
    r"<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>"
)
_ATTRIBUTE = r"""(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)"""
OPEN_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)" + _ATTRIBUTE + r"*+\s*/?>")
CLOSE_TAG = re.compile(r"</([A-Za-z][A-Za-z0-9-]*)\s*>")
_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<]*", re.IGNORECASE)  # GFM autolinks
_URL_TRAILING: Final = frozenset("?!.,:*_~'\"»’”")
_ENTITY_LIKE = re.compile(r"&[A-Za-z0-9]+;")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]{1,999}\]")
_LINK_LABEL = re.compile(r"\[((?:[^\\\[\]]|\\.){0,999})\]", re.DOTALL)
_TITLE = re.compile(r""""(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)""", re.DOTALL)
_BREAK = object()  # a node replacement meaning "end the block here"

_WHITESPACE, _PUNCTUATION, _OTHER = range(3)


def _char_kind(ch: str) -> int:
    if ch.isspace():
        return _WHITESPACE
    if ch in _ASCII_PUNCT or unicodedata.category(ch)[0] in "PS":
        return _PUNCTUATION
    return _OTHER


def normalize_label(label: str) -> str:
    """A link label as CommonMark compares them: case-folded, inner whitespace collapsed."""
    return " ".join(label.split()).casefold()


class _Delim:
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
        self.prev: _Delim | None = None
        self.next: _Delim | None = None

    @property
    def remaining(self) -> int:
        return self.length - self.left - self.right


class _Bracket:
    __slots__ = ("bottom", "end", "image", "index", "removed", "start")

    def __init__(self, start: int, end: int, image: bool, index: int, bottom: _Delim) -> None:
        self.start = start
        self.end = end
        self.image = image
        self.index = index
        self.bottom = bottom
        self.removed = False


def render_inline(text: str, sink: Sink, labels: frozenset[str], start: int = 0,
                  dates: DateCollector | None = None) -> None:
    """Write the prose of the inline content ``text[start:]`` to ``sink``."""
    _InlineReader(text, sink, labels, dates).run(start)


class _InlineReader:
    __slots__ = ("_backtick_runs", "_floor", "_missing", "brackets", "dates", "head", "labels",
                 "n", "nodes", "sink", "tail", "text")

    def __init__(self, text: str, sink: Sink, labels: frozenset[str],
                 dates: DateCollector | None) -> None:
        self.text = text
        self.n = len(text)
        self.sink = sink
        self.labels = labels
        self.dates = dates
        # nodes: (start, end) copy; (start, end, replacement); _Delim; _Bracket
        self.nodes: list[object] = []
        self.head = self.tail = _Delim("", -1, 0, False, False)
        self.brackets: list[_Bracket] = []
        self._floor = 0  # link openers below this stack index are inactive
        self._backtick_runs: dict[int, list[int]] | None = None
        self._missing: dict[str, int] = {}  # needle -> offset from which it never occurs

    def run(self, i: int) -> None:
        text, n, nodes = self.text, self.n, self.nodes
        t = i  # start of the literal text not yet in nodes
        while True:
            m = _INLINE_SPECIAL.search(text, i)
            if m is None:
                break
            j = m.start()
            c = text[j]
            if c == "\\":
                nxt = text[j + 1 : j + 2]
                if nxt and nxt in _ASCII_PUNCT:
                    self._literal(t, j)
                    nodes.append((j + 1, j + 2))
                    i = t = j + 2
                elif nxt in ("\n", "\r"):  # hard line break: the line ending stays
                    self._literal(t, j)
                    eol = j + (3 if text.startswith("\r\n", j + 1) else 2)
                    if break_joins(text, j, eol):  # inside a figure: one space
                        nodes.append((j, eol, " "))
                    else:
                        nodes.append((j + 1, eol))
                    i = t = eol
                else:
                    i = j + 1
            elif c == "`":
                i, t = self._code_span(j, t)
            elif c in "*_~":
                i, t = self._delimiter(j, t)
            elif c == "[" or c == "!":
                i, t = self._open_bracket(j, t)
            elif c == "]":
                i, t = self._close_bracket(j, t)
            elif c == "<":
                i, t = self._angle(j, t)
            elif c == "&":
                decoded = decode_entity(text, j, markdown=True)
                if decoded is None:
                    i = j + 1
                else:
                    self._literal(t, j)
                    nodes.append((j, decoded[1], decoded[0]))
                    i = t = decoded[1]
            else:
                i, t = self._bare_url(j, t)
        self._literal(t, n)
        self._emphasis(self.head)
        self._emit()

    def _literal(self, start: int, end: int) -> None:
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

    # -- code spans, autolinks, raw HTML, URLs

    def _code_span(self, j: int, t: int) -> tuple[int, int]:
        end = _BACKTICKS.match(self.text, j).end()  # type: ignore[union-attr]
        size = end - j
        if self._backtick_runs is None:
            runs: dict[int, list[int]] = {}
            for run in _BACKTICKS.finditer(self.text):
                runs.setdefault(run.end() - run.start(), []).append(run.start())
            self._backtick_runs = runs
        starts = self._backtick_runs.get(size, [])
        k = bisect_left(starts, end)
        if k == len(starts):
            return end, t  # no closing run: the backticks are literal
        close = starts[k] + size
        self._literal(t, j)
        self.nodes.append((j, close, OBJECT))
        return close, close

    def _find(self, needle: str, start: int) -> int:
        """text.find, remembering failures so that many unclosed openers stay linear."""
        missing = self._missing.get(needle)
        if missing is not None and start >= missing:
            return -1
        k = self.text.find(needle, start)
        if k < 0:
            self._missing[needle] = start
        return k

    def _angle(self, j: int, t: int) -> tuple[int, int]:
        """At a ``<``: a comment, processing instruction, CDATA or declaration (nothing in
        the prose), an autolink (an object), a tag (its replacement), or a plain ``<``."""
        text = self.text
        replacement: object = None
        end = self._declaration_end(j) if text.startswith(("<!", "<?"), j) else -1
        if end < 0:
            end, replacement = self._link_or_tag(j)
        if end < 0:
            return j + 1, t
        self._literal(t, j)
        if text.startswith("<!--", j):
            self.sink.comment(j, end)
        if replacement is not None:
            self.nodes.append((j, end, replacement))
        return end, end

    def _declaration_end(self, j: int) -> int:
        """End of the comment, processing instruction, CDATA section or declaration at
        ``j`` (-1 if none is complete there)."""
        text = self.text
        if text.startswith("<!--", j):
            if text.startswith(">", j + 4):
                return j + 5
            if text.startswith("->", j + 4):
                return j + 6
            k = self._find("-->", j + 4)
            return k + 3 if k >= 0 else -1
        if text.startswith("<?", j):
            k = self._find("?>", j + 2)
            return k + 2 if k >= 0 else -1
        if text.startswith("<![CDATA[", j):
            k = self._find("]]>", j + 9)
            return k + 3 if k >= 0 else -1
        if text[j + 2 : j + 3].isalpha():
            k = self._find(">", j + 2)
            return k + 1 if k >= 0 else -1
        return -1

    def _link_or_tag(self, j: int) -> tuple[int, object]:
        """End and replacement of the autolink or the tag at ``j`` ((-1, None) if none)."""
        text = self.text
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
        if self.dates is not None and text[j + 1] != "/" and may_date(
                name, text, m.end(1), end):
            self.dates.element(name, attributes(text, m.end(1), end - 1))
        return end, replacement

    def _bare_url(self, j: int, t: int) -> tuple[int, int]:
        text = self.text
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
        self._literal(t, j)
        self.nodes.append((j, end, OBJECT))
        return end, end

    # -- emphasis

    def _delimiter(self, j: int, t: int) -> tuple[int, int]:
        text = self.text
        c = text[j]
        end = j + 1
        while end < self.n and text[end] == c:
            end += 1
        if c == "~" and end - j > 2:
            return end, t
        before = _char_kind(text[j - 1]) if j > 0 else _WHITESPACE
        after = _char_kind(text[end]) if end < self.n else _WHITESPACE
        left = after != _WHITESPACE and (after != _PUNCTUATION or before != _OTHER)
        right = before != _WHITESPACE and (before != _PUNCTUATION or after != _OTHER)
        if c == "_":
            can_open = left and (not right or before == _PUNCTUATION)
            can_close = right and (not left or after == _PUNCTUATION)
        else:
            can_open, can_close = left, right
        if not (can_open or can_close):
            return end, t
        self._literal(t, j)
        d = _Delim(c, j, end - j, can_open, can_close)
        d.prev = self.tail
        self.tail.next = d
        self.tail = d
        self.nodes.append(d)
        return end, end

    def _unlink(self, d: _Delim) -> None:
        assert d.prev is not None
        d.prev.next = d.next
        if d.next is not None:
            d.next.prev = d.prev
        else:
            self.tail = d.prev

    def _emphasis(self, bottom: _Delim) -> None:
        """CommonMark's "process emphasis" for the delimiters above bottom, which are
        then dropped from the stack."""
        openers_bottom: dict[tuple[object, ...], _Delim] = {}
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
                    self._unlink(opener)
                if cur.remaining == 0:
                    nxt = cur.next
                    self._unlink(cur)
                    cur = nxt
            else:
                openers_bottom[key] = cur.prev  # type: ignore[assignment]
                nxt = cur.next
                if not cur.can_open:
                    self._unlink(cur)
                cur = nxt
        bottom.next = None
        self.tail = bottom

    # -- links and images

    def _open_bracket(self, j: int, t: int) -> tuple[int, int]:
        text = self.text
        m = _FOOTNOTE_REF.match(text, j) if text.startswith("[^", j) else None
        self._literal(t, j)
        if m is not None:  # a footnote call leaves nothing, like the superscript it renders
            return m.end(), m.end()
        size = 2 if text[j] == "!" else 1
        bracket = _Bracket(j, j + size, size == 2, len(self.nodes), self.tail)
        self.nodes.append(bracket)
        self.brackets.append(bracket)
        return j + size, j + size

    def _close_bracket(self, j: int, t: int) -> tuple[int, int]:
        brackets = self.brackets
        if not brackets:
            return j + 1, t
        bracket = brackets.pop()
        active = bracket.image or len(brackets) >= self._floor
        self._floor = min(self._floor, len(brackets))
        end = self._link_end(bracket, j) if active else -1
        if end < 0:
            return j + 1, t
        self._literal(t, j)
        if bracket.image:
            bracket.bottom.next = None
            self.tail = bracket.bottom
            del self.nodes[bracket.index :]
            self.nodes.append((bracket.start, end, OBJECT))
        else:
            self._emphasis(bracket.bottom)
            bracket.removed = True
            self._floor = len(brackets)  # no link inside a link: older openers are dead
        return end, end

    def _link_end(self, bracket: _Bracket, j: int) -> int:
        """End of the link whose text closes at j, or -1 if ``]`` is not a link's."""
        text, n = self.text, self.n
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
                    return m.end() if normalize_label(label) in self.labels else -1
                if not label:
                    ok = inner is not None and normalize_label(inner) in self.labels
                    return m.end() if ok else -1
        if inner is not None and inner.strip() and normalize_label(inner) in self.labels:
            return j + 1
        return -1

    def _emit(self) -> None:
        sink = self.sink
        for node in self.nodes:
            if type(node) is tuple:
                if len(node) == 2:
                    sink.copy(node[0], node[1])
                elif node[2] is _BREAK:
                    sink.brk(node[0], node[1])
                else:
                    sink.put(node[2], node[0], node[1])
            elif type(node) is _Delim:
                start = node.start + node.left
                end = node.start + node.length - node.right
                if end > start:
                    sink.copy(start, end)
            elif not node.removed:  # type: ignore[attr-defined]
                sink.copy(node.start, node.end)  # type: ignore[attr-defined]


def _can_match(opener: _Delim, closer: _Delim) -> bool:
    if closer.char == "~":
        return opener.length == closer.length
    # the rule of three, on the lengths of the whole runs
    return not (
        (closer.can_open or opener.can_close)
        and closer.length % 3 != 0
        and (opener.length + closer.length) % 3 == 0
    )


def _tag_replacement(name: str) -> object:
    if name == "br":
        return "\n"
    if name in OBJECT_TAGS:
        return OBJECT
    if name in BLOCK_TAGS:
        return _BREAK
    return None


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
        if c == "\\" and k + 1 < n and text[k + 1] in _ASCII_PUNCT:
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
