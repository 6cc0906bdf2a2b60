"""HTML as a CMS stores it (a fragment or a whole page, often malformed) -> prose.

A hand-written tokenizer, close to the WHATWG one where it matters for text, rather than
``html.parser``: it gives exact offsets for every token (``HTMLParser`` only gives line
and column of tag starts), and its behaviour on broken input does not change between
Python releases. Every step moves forward, each region is searched once, so the reader
is linear in the size of the input and never raises.

What becomes of the markup:

- inline tags (``strong``, ``a``, ``span``, ``sup``, unknown tags...) leave nothing, so
  ``<strong>97,4</strong> milliards`` reads ``97,4 milliards``;
- block tags (``p``, ``div``, ``li``, ``td``, ``h1``...) end the block: a blank line;
- ``<br>`` is one ``\\n``, or one space inside a figure (``12<br>millions``; see
  :mod:`~numlint.sources.figures`, which also reads ``12<sup>1</sup>`` as a footnote call);
- a digit never joins a digit across a tag (``2020</time><time>20 janvier``): an
  :data:`~numlint.sources.prose.OBJECT` stands between them;
- ``<img>``, ``<input>``, ``<code>…</code>``, ``<svg>…</svg>``, ``<iframe>``... are seen
  by the reader but are not prose: one :data:`~numlint.sources.prose.OBJECT`;
- ``script``, ``style``, ``template``, ``noscript``, ``title`` and the like are skipped
  whole and end the block; comments, CDATA, doctypes and processing instructions leave
  nothing, like tags; attributes are never prose;
- entities are decoded as browsers do (``&nbsp;``, ``&#8239;``, ``&#x202f;``, even the
  legacy ``&eacute`` without ``;``); an unknown ``&foo;`` stays as written.

Text keeps its own whitespace and line endings: a CMS may give them meaning (WordPress
turns a line ending into ``<br>``).
"""

from __future__ import annotations

import re
from typing import Final

from .dates import DateCollector
from .figures import break_joins, superscript_call
from .prose import OBJECT, ProseDocument, Sink, TextBuilder, wrapped_lines

BLOCK_TAGS: Final = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "col",
    "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4",
    "h5", "h6", "head", "header", "hgroup", "hr", "html", "legend", "li", "listing", "main",
    "menu", "nav", "ol", "optgroup", "option", "p", "plaintext", "pre", "search", "section",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
OBJECT_TAGS: Final = frozenset({"img", "image", "input", "embed", "keygen"})
"""Void elements the reader sees as an object, not as text."""

_BREAK = "\n"
_PREFORMATTED: Final = frozenset({"pre", "listing", "plaintext"})
"""Elements whose line endings are shown as written."""
# Elements whose content is raw text, found by searching for their end tag.
RAW_TAGS: Final = {
    "script": _BREAK,
    "style": _BREAK,
    "title": _BREAK,
    "noscript": _BREAK,
    "noembed": _BREAK,
    "noframes": _BREAK,
    "xmp": _BREAK,
    "textarea": OBJECT,
    "iframe": OBJECT,
}
# Elements whose content is markup that is not prose: skipped up to the matching end tag.
NESTED_TAGS: Final = {
    "template": _BREAK,
    "code": OBJECT,
    "svg": OBJECT,
    "math": OBJECT,
    "video": OBJECT,
    "audio": OBJECT,
    "canvas": OBJECT,
    "object": OBJECT,
}
# Of those, the ones a block tag closes: an unclosed <code> must not eat the article.
_BREAKABLE: Final = frozenset({"code", "svg", "math"})
_FOREIGN: Final = frozenset({"svg", "math"})  # where "/>" really closes the element

_SPECIAL = re.compile(r"[<&]")
_TAG_NAME = re.compile(r"[A-Za-z][^\t\n\f\r />]*")
# Attributes as the tokenizer reads them; it stops only at ">" or at the end of input.
_TAG_BODY = re.compile(
    r"""(?:[\t\n\f\r /]+
        |[^\t\n\f\r />][^\t\n\f\r /=>]*
         (?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"[^"]*"|'[^']*'|[^\t\n\f\r >]*))?
        )*""",
    re.VERBOSE,
)
_ATTRIBUTE = re.compile(
    r"""([^\t\n\f\r /=>][^\t\n\f\r /=>]*)
        (?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"([^"]*)"|'([^']*)'|([^\t\n\f\r >]*)))?""",
    re.VERBOSE,
)
_COMMENT_END = re.compile(r"--!?>")
_HTML_ENTITY = re.compile(r"&(?:#[xX]([0-9A-Fa-f]+);?|#([0-9]+);?|([A-Za-z][A-Za-z0-9]*);?)")
_MARKDOWN_ENTITY = re.compile(
    r"&(?:#[xX]([0-9A-Fa-f]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]{0,31}));"
)
_LEGACY_MAX: list[int] = []  # the longest entity name that may go without ";" (built once)
_RAW_END: dict[str, re.Pattern[str]] = {}


def decode_entity(text: str, start: int, *, markdown: bool = False) -> tuple[str, int] | None:
    """Decode the character reference at ``text[start]`` (an ``&``).

    Returns the decoded text and the end of the reference, or None when it is not one.
    HTML follows the browsers (``;`` optional, legacy names, windows-1252 for 128-159);
    Markdown follows CommonMark (``;`` required, invalid code points -> U+FFFD).
    """
    m = (_MARKDOWN_ENTITY if markdown else _HTML_ENTITY).match(text, start)
    if m is None:
        return None
    key = m.group()
    cache = _DECODED[markdown]
    if key in cache:
        found = cache[key]
    else:
        found = _decode(m, markdown)
        if len(cache) < _DECODED_MAX:
            cache[key] = found
    return None if found is None else (found[0], start + found[1])


_DECODED: Final[tuple[dict[str, tuple[str, int] | None], ...]] = ({}, {})
"""Per syntax (HTML, Markdown): what the text of a reference decodes to and the length
it takes (None: not a reference), kept for the next time: an article uses a handful of
entities again and again."""
_DECODED_MAX: Final = 4096


def _decode(m: re.Match[str], markdown: bool) -> tuple[str, int] | None:
    """The decoded text of the reference ``m`` matched, and its length."""
    import html  # with its table of entities: only once a text has one
    from html.entities import html5

    hex_digits, digits, name = m.groups()
    if name is None:
        number = hex_digits if hex_digits is not None else digits
        base = 16 if hex_digits is not None else 10
        stripped = number.lstrip("0") or "0"
        if len(stripped) > 8:
            return "\ufffd", len(m.group())
        code = int(stripped, base)
        if markdown:
            valid = 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF
            return (chr(code) if valid else "\ufffd"), len(m.group())
        return html.unescape(f"&#{code};"), len(m.group())
    if m.group().endswith(";") and name + ";" in html5:
        return html5[name + ";"], len(m.group())
    if markdown:
        return None
    if not _LEGACY_MAX:
        _LEGACY_MAX.append(max(len(name) for name in html5 if not name.endswith(";")))
    for size in range(min(len(name), _LEGACY_MAX[0]), 1, -1):
        value = html5.get(name[:size])
        if value is not None:
            return value, 1 + size
    return None


def render_html(
    text: str, sink: Sink, dates: DateCollector | None = None, *, skip_boilerplate: bool = False
) -> None:
    """Write the prose of ``text`` (HTML) to ``sink``, in the offsets of ``text``; with
    ``skip_boilerplate``, leave out navigation, site header and footer, cookie banners
    (:mod:`~numlint.sources.boilerplate`)."""
    _HtmlReader(text, sink, dates, skip_boilerplate).run()


class _Skip:
    __slots__ = ("depth", "name", "replacement", "start")

    def __init__(self, name: str, start: int, replacement: str) -> None:
        self.name = name
        self.start = start
        self.replacement = replacement
        self.depth = 1


class _HtmlReader:
    __slots__ = ("boilerplate", "closers", "dates", "n", "preformatted", "sectioning", "sink",
                 "skip", "text")

    def __init__(self, text: str, sink: Sink, dates: DateCollector | None,
                 boilerplate: bool = False) -> None:
        self.text = text
        self.boilerplate = boilerplate
        self.sectioning = 0  # depth of open article, main and section elements
        self.closers: dict[str, int] = {}  # name -> position of its next end tag
        self.preformatted = 0  # depth of open <pre> and <listing> elements
        self.n = len(text)
        self.sink = sink
        self.dates = dates
        self.skip: _Skip | None = None

    def run(self) -> None:
        text, n = self.text, self.n
        i = 0
        while i < n:
            if self.skip is None:
                m = _SPECIAL.search(text, i)
                j = m.start() if m else n
                if j > i:
                    self._text(i, j)
                if j >= n:
                    break
                if text[j] == "&":
                    i = self._entity(j)
                    continue
            else:
                j = text.find("<", i)
                if j < 0:
                    break
            i = self._markup(j)
        if self.skip is not None:
            self._end_skip(n)

    def _text(self, start: int, end: int) -> None:
        """Text between tags; a line ending inside it reads as a space (as browsers show
        it), except in preformatted text."""
        text = self.text
        if self.preformatted or (text.find("\n", start, end) < 0
                                 and text.find("\r", start, end) < 0):
            self.sink.copy(start, end)
            return
        for piece_start, piece_end, replacement in wrapped_lines(
            text, start, end, hard_breaks=False
        ):
            if replacement is None:
                self.sink.copy(piece_start, piece_end)
            else:
                self.sink.put(replacement, piece_start, piece_end)

    def _entity(self, j: int) -> int:
        decoded = decode_entity(self.text, j)
        if decoded is None:
            self.sink.copy(j, j + 1)
            return j + 1
        value, end = decoded
        self.sink.put(value, j, end)
        return end

    def _comment(self, j: int) -> int:
        """Skip the comment at ``j`` (as browsers end it), recording it unless it lies in
        an element whose content is skipped; return where it ends."""
        text = self.text
        if text.startswith(">", j + 4):
            end = j + 5
        elif text.startswith("->", j + 4):
            end = j + 6
        else:
            m = _COMMENT_END.search(text, j + 4)
            end = m.end() if m else self.n
        if self.skip is None:
            self.sink.comment(j, end)
        return end

    def _markup(self, j: int) -> int:
        text, n = self.text, self.n
        nxt = text[j + 1 : j + 2]
        if nxt == "!":
            if text.startswith("<!--", j):
                return self._comment(j)
            if text.startswith("[CDATA[", j + 2):
                return _after(text, "]]>", j + 9)
            return _after(text, ">", j + 2)
        if nxt == "?":
            return _after(text, ">", j + 2)
        if nxt == "/":
            c = text[j + 2 : j + 3]
            if c.isascii() and c.isalpha():
                return self._end_tag(j)
            if c == ">":
                return j + 3
            if not c:
                if self.skip is None:
                    self.sink.copy(j, n)
                return n
            return _after(text, ">", j + 2)
        if nxt.isascii() and nxt.isalpha():
            return self._start_tag(j)
        if self.skip is None:
            self.sink.copy(j, j + 1)
        return j + 1

    def _tag(self, j: int, name_start: int) -> tuple[str, int, int, int]:
        """Name (lower case), body start, body end and end of the tag at j (n if cut)."""
        text = self.text
        name_end = _TAG_NAME.match(text, name_start).end()  # type: ignore[union-attr]
        body_end = _TAG_BODY.match(text, name_end).end()  # type: ignore[union-attr]
        end = body_end + 1 if body_end < self.n else self.n
        return text[name_start:name_end].lower(), name_end, body_end, end

    def _start_tag(self, j: int) -> int:
        name, body_start, body_end, end = self._tag(j, j + 1)
        if body_end >= self.n:  # cut by the end of input: no tag, as in a browser
            return self.n
        closed = body_end > body_start and self.text[body_end - 1] == "/"
        if self.skip is not None:
            after = self._start_tag_in_skip(name, j, end, closed)
            if after is not None:
                return after
        if self.dates is not None and may_date(name, self.text, body_start, body_end):
            self.dates.element(name, self._attributes(body_start, body_end))
        if name in RAW_TAGS:
            return self._raw_element(name, j, body_start, body_end, end)
        if name == "sup" and not closed:
            call = superscript_call(self.text, end)
            if call is not None:
                if call[1]:
                    self.sink.put(OBJECT, j, call[0])
                return call[0]
        if self.boilerplate and not closed and self._opens_boilerplate(
                name, j, body_start, body_end, end):
            return end
        self._write_start_tag(name, j, end, closed)
        return end

    def _start_tag_in_skip(self, name: str, j: int, end: int, closed: bool) -> int | None:
        """A start tag inside a skipped element: where reading goes on, or None when a
        block tag ended the skipped element and the tag is read as usual."""
        skip = self.skip
        assert skip is not None
        if name == skip.name:
            if not (closed and name in _FOREIGN):
                skip.depth += 1
            return end
        if skip.name in _BREAKABLE and name in BLOCK_TAGS:
            self._end_skip(j)
            return None
        if name in RAW_TAGS:
            return self._raw_end(name, end)[1]
        return end

    def _raw_element(self, name: str, j: int, body_start: int, body_end: int,
                     end: int) -> int:
        """A script, style, textarea…: its content is skipped whole (a JSON-LD script is
        read for the date); returns where the element ends."""
        content_end, raw_end = self._raw_end(name, end)
        if name == "script" and self.dates is not None:
            kind = self._attributes(body_start, body_end).get("type", "")
            if "ld+json" in kind.lower():
                self.dates.json_ld(self.text[end:content_end])
        self._replace(RAW_TAGS[name], j, raw_end)
        return raw_end

    def _opens_boilerplate(self, name: str, j: int, body_start: int, body_end: int,
                           end: int) -> bool:
        """With boilerplate skipped: does this start tag open navigation, a site header
        or footer, a cookie banner (then skipped)? Counts the sectioning elements open."""
        from .boilerplate import SECTIONING, is_boilerplate  # only when it is skipped

        if is_boilerplate(name, self.text, body_start, body_end,
                          in_article=self.sectioning > 0, read_attributes=attributes
                          ) and self._closed_later(name, end):
            self.skip = _Skip(name, j, _BREAK)
            return True
        if name in SECTIONING:
            self.sectioning += 1
        return False

    def _write_start_tag(self, name: str, j: int, end: int, closed: bool) -> None:
        """What a start tag leaves in the prose: an object, a line break, a block
        boundary, or the start of an element whose content is skipped."""
        if name in NESTED_TAGS and not (closed and name in _FOREIGN):
            self.skip = _Skip(name, j, NESTED_TAGS[name])
        elif name in OBJECT_TAGS or name in NESTED_TAGS:
            self.sink.put(OBJECT, j, end)
        elif name == "br":
            self.sink.put(" " if break_joins(self.text, j, end) else "\n", j, end)
        elif name in BLOCK_TAGS:
            self.sink.brk(j, end)
        if name in _PREFORMATTED and not closed:
            self.preformatted += 1

    def _end_tag(self, j: int) -> int:
        name, _, body_end, end = self._tag(j, j + 2)
        if body_end >= self.n:
            return self.n
        skip = self.skip
        if skip is not None:
            if name == skip.name:
                skip.depth -= 1
                if skip.depth == 0:
                    self._end_skip(end)
                return end
            if not (skip.name in _BREAKABLE and name in BLOCK_TAGS):
                return end
            self._end_skip(j)
        if self.sectioning and name in _sectioning():
            self.sectioning -= 1
        if name == "br":  # </br> is a <br> for browsers
            self.sink.put("\n", j, end)
        elif name in BLOCK_TAGS:
            self.sink.brk(j, end)
        if name in _PREFORMATTED and self.preformatted:
            self.preformatted -= 1
        return end

    def _closed_later(self, name: str, start: int) -> bool:
        """Is there an end tag for ``name`` after start? (An unclosed ``<header>`` must
        not skip the rest of the page.) Each search starts where the last one ended."""
        found = self.closers.get(name, -1)
        if found < start:
            found = _find_end_tag(self.text, name, start)
            self.closers[name] = found if found >= 0 else self.n
        return start <= found < self.n

    def _raw_end(self, name: str, start: int) -> tuple[int, int]:
        """End of the raw content opened at start, and end of its end tag."""
        found = _find_end_tag(self.text, name, start)
        if found < 0:
            return self.n, self.n
        return found, _after(self.text, ">", found + 2 + len(name))

    def _end_skip(self, end: int) -> None:
        skip = self.skip
        assert skip is not None
        self.skip = None
        self._replace(skip.replacement, skip.start, end)

    def _replace(self, replacement: str, start: int, end: int) -> None:
        if replacement == _BREAK:
            self.sink.brk(start, end)
        else:
            self.sink.put(replacement, start, end)

    def _attributes(self, start: int, end: int) -> dict[str, str]:
        return attributes(self.text, start, end)


def attributes(text: str, start: int, end: int) -> dict[str, str]:
    """The attributes in ``text[start:end]`` (the inside of a tag after its name): names
    in lower case, values decoded, the first of duplicates kept as browsers do."""
    from html import unescape

    found: dict[str, str] = {}
    for m in _ATTRIBUTE.finditer(text, start, end):
        name = m.group(1).lower()
        if name not in found:
            value = next((v for v in m.groups()[1:] if v is not None), "")
            found[name] = unescape(value) if "&" in value else value
    return found


def may_date(name: str, text: str, start: int, end: int) -> bool:
    """Is this start tag worth reading the attributes of, for a date?"""
    return name in ("meta", "time") or text.find("itemprop", start, end) >= 0


def _sectioning() -> frozenset[str]:
    from .boilerplate import SECTIONING  # counted only while boilerplate is skipped

    return SECTIONING


def _find_end_tag(text: str, name: str, start: int) -> int:
    """Position of the next ``</name`` end tag from start (any case), or -1."""
    pattern = _RAW_END.get(name)
    if pattern is None:
        pattern = _RAW_END[name] = re.compile(
            "</" + re.escape(name) + r"(?=[\t\n\f\r />])", re.IGNORECASE
        )
    m = pattern.search(text, start)
    return m.start() if m else -1


def _after(text: str, needle: str, start: int) -> int:
    """Position just after the next needle from start, or the end of text."""
    k = text.find(needle, start)
    return len(text) if k < 0 else k + len(needle)


def read_html(source: str, *, skip_boilerplate: bool | None = None) -> ProseDocument:
    """Read HTML; ``skip_boilerplate`` None skips page boilerplate only on a whole page."""
    builder = TextBuilder(source)
    dates = DateCollector()
    if skip_boilerplate is None:
        from .boilerplate import is_whole_page  # not for the HTML blocks of Markdown

        skip_boilerplate = is_whole_page(source)
    render_html(source, builder, dates, skip_boilerplate=skip_boilerplate)
    text, offsets = builder.build()
    return ProseDocument(source, "html", text, dates.best(), offsets, tuple(builder.comments))
