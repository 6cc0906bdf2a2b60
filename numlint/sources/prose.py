"""The prose read from a source, and the exact map from its offsets back to the source.

Readers (plain text, Markdown, HTML) walk the source once, in order, and write the prose
through a :class:`TextBuilder`: either a verbatim copy of a source range, or replacement
text standing for a source range (a decoded entity, a separator for a skipped piece).
The map is kept as three parallel arrays of runs, not per character, so a 10 MB text
costs a few bytes per run and a lookup is one bisection.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from datetime import date
from typing import Literal, Protocol

from ..records import Record
from .figures import break_joins
from .lines import LineIndex
from .spill import Spill

Format = Literal["text", "markdown", "html"]
_Date = date  # the type, for where a field named ``date`` hides it

OBJECT = "\ufffc"
"""Stands in the prose for a skipped piece that the reader sees inline (code span, URL,
image): not a letter, digit or space, so the prose on both sides never glues into one
token and no figure can run through it."""

_WRAP = re.compile(r"(?<![ \t\r\n])([ \t]*)(?:\r\n|\r|\n)[ \t]*(?![ \t\r\n])")
"""A line break that only wraps the text: one line ending between two non-blank lines,
with the spaces around it (group 1: the spaces before it)."""
_BREAK_CHARS = frozenset("\r\n")
_BLANK_CHARS = frozenset(" \t\r\n")


class Segment(Record):
    """One run of the map: ``text[text_start:text_end]`` comes from
    ``source[source_start:source_end]``. A verbatim run is a copy, character for
    character; in any other run (a decoded entity, a separator) every character stands
    for the whole source range."""

    text_start: int
    text_end: int
    source_start: int
    source_end: int
    verbatim: bool

    __slots__ = __match_args__ = ("text_start", "text_end", "source_start", "source_end",
        "verbatim")

    def __init__(self, text_start: int, text_end: int, source_start: int, source_end: int,
                 verbatim: bool) -> None:
        object.__setattr__(self, "text_start", text_start)
        object.__setattr__(self, "text_end", text_end)
        object.__setattr__(self, "source_start", source_start)
        object.__setattr__(self, "source_end", source_end)
        object.__setattr__(self, "verbatim", verbatim)


class _Frozen:
    """Attributes set once, by ``__init__``: a plain slotted class, not a frozen
    dataclass, whose creation costs every start about a millisecond."""

    __slots__ = ()

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}")

    def __getstate__(self) -> list[object]:  # pickle and copy, as for a frozen dataclass
        names: tuple[str, ...] = type(self).__slots__
        return [getattr(self, name) for name in names]

    def __setstate__(self, state: list[object]) -> None:
        names: tuple[str, ...] = type(self).__slots__
        for name, value in zip(names, state, strict=True):
            object.__setattr__(self, name, value)


class OffsetMap(_Frozen):
    """Runs of the text with where they come from in the source, sorted by both.

    ``source_lengths[k]`` is the length of a verbatim run (the same in text and source),
    or ``~length`` (negative) of the source range that a replacement run stands for.
    """

    __slots__ = ("source_lengths", "source_starts", "text_length", "text_starts")
    text_starts: array
    source_starts: array
    source_lengths: array
    text_length: int

    def __init__(self, text_starts: array, source_starts: array, source_lengths: array,
                 text_length: int) -> None:
        for name, value in (("text_starts", text_starts), ("source_starts", source_starts),
                            ("source_lengths", source_lengths), ("text_length", text_length)):
            object.__setattr__(self, name, value)

    def __repr__(self) -> str:
        return (f"OffsetMap(text_starts={self.text_starts!r}, "
                f"source_starts={self.source_starts!r}, "
                f"source_lengths={self.source_lengths!r}, text_length={self.text_length!r})")

    def __len__(self) -> int:
        return len(self.text_starts)

    def char_span(self, offset: int) -> tuple[int, int]:
        """Source range the text character at offset comes from."""
        k = bisect_right(self.text_starts, offset) - 1
        start, length = self.source_starts[k], self.source_lengths[k]
        if length >= 0:
            pos = start + offset - self.text_starts[k]
            return pos, pos + 1
        return start, start + ~length

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        if not 0 <= start <= end <= self.text_length:
            raise ValueError(f"span ({start}, {end}) outside the text (0, {self.text_length})")
        if start == end:
            if start < self.text_length:
                pos = self.char_span(start)[0]
            elif self.text_length:
                pos = self.char_span(start - 1)[1]
            else:
                pos = 0
            return pos, pos
        return self.char_span(start)[0], self.char_span(end - 1)[1]

    def segments(self) -> tuple[Segment, ...]:
        if not self.text_starts:
            return ()
        ends = [*self.text_starts[1:], self.text_length]
        return tuple(
            Segment(t, e, s, s + (n if n >= 0 else ~n), n >= 0)
            for t, e, s, n in zip(
                self.text_starts, ends, self.source_starts, self.source_lengths, strict=True
            )
        )


class ProseDocument(_Frozen):
    """A source read for the scanner: its prose :attr:`text`, the map back to
    :attr:`source`, and the publication :attr:`date` found in it (None if none).

    Separators in the text: a block boundary is at least one blank line (``\\n\\n``); a
    line break inside a block (``<br>``, a Markdown hard break) is kept as is, while a
    line ending that only wraps the source (a soft break in a Markdown paragraph, a line
    ending inside HTML text) is one space, as the reader sees it, so that a figure wrapped
    across two lines (``97,4⏎milliards``) is still one figure; an
    inline piece that is skipped but seen by the reader (code, URL, image) is one
    :data:`OBJECT` character; markup that the reader does not see (tags, emphasis
    markers, comments, link syntax) leaves nothing.
    """

    __slots__ = ("_lines", "comments", "date", "format", "offsets", "source", "text")
    source: str
    format: Format
    text: str
    date: date | None
    offsets: OffsetMap
    comments: tuple[tuple[int, int], ...]
    """Source spans of the comments the reader skipped, in order: only real ones (not a
    comment shown in a code block, a code span or an attribute value)."""
    _lines: list[LineIndex]

    def __init__(self, source: str, format: Format, text: str, date: _Date | None,
                 offsets: OffsetMap, comments: tuple[tuple[int, int], ...] = ()) -> None:
        for name, value in (("source", source), ("format", format), ("text", text),
                            ("date", date), ("offsets", offsets), ("comments", comments),
                            ("_lines", [])):
            object.__setattr__(self, name, value)

    def __repr__(self) -> str:
        return f"ProseDocument(format={self.format!r}, date={self.date!r})"

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Source span (end exclusive) of the text span ``text[start:end]``.

        It runs from where the first character comes from to just after where the last
        one comes from, so it includes any markup in between; an empty span maps to the
        place of the character at ``start`` (or just after the last one at the end).
        """
        return self.offsets.to_source(start, end)

    @property
    def lines(self) -> LineIndex:
        """The source's line index (built on first use, then kept)."""
        if not self._lines:
            self._lines.append(LineIndex(self.source))
        return self._lines[0]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a source offset; lines end at \\n, \\r\\n or \\r."""
        return self.lines.line_col(offset)

    @property
    def segments(self) -> tuple[Segment, ...]:
        """The runs of the map, in order (built on demand: one object per run)."""
        return self.offsets.segments()


def offset_typecode(length: int) -> str:
    """The narrowest signed array type that holds every offset (and its ``~``) of a
    source of ``length`` characters and of the prose read from it (which a reader never
    makes more than a few times longer): 4 bytes a run below 512 M characters, else 8."""
    return "i" if length < 2**29 and array("i").itemsize >= 4 else "q"


class Sink(Protocol):
    """Where a reader writes prose, addressed in the offsets of the string it reads."""

    def copy(self, start: int, end: int) -> None: ...

    def put(self, text: str, start: int, end: int) -> None: ...

    def brk(self, start: int, end: int) -> None: ...

    def comment(self, start: int, end: int) -> None:
        """``source[start:end]`` is a comment the reader skipped."""


def wrapped_lines(
    text: str, start: int, end: int, *, hard_breaks: bool
) -> list[tuple[int, int, str | None]]:
    """``text[start:end]`` as pieces to write: ``(s, e, None)`` to copy verbatim and
    ``(s, e, " ")`` where a wrapping line ending (and the spaces around it) reads as one
    space. With ``hard_breaks`` (Markdown), a line ending after two spaces stays a break.
    """
    pieces: list[tuple[int, int, str | None]] = []
    at = start
    for wrap in _WRAP.finditer(text, start, end):
        if (hard_breaks and len(wrap.group(1)) >= 2 and "\t" not in wrap.group(1)
                and not break_joins(text, wrap.start(), wrap.end())):
            continue
        if wrap.start() > at:
            pieces.append((at, wrap.start(), None))
        pieces.append((wrap.start(), wrap.end(), " "))
        at = wrap.end()
    if end > at:
        pieces.append((at, end, None))
    return pieces


SPILL_PARTS = 4096
"""Pieces of prose joined at a time; a text that has more goes to a :class:`Spill`."""
SPILL_CHARS = 1 << 16
"""Characters of prose, in more than one piece, joined at a time (copies that follow each
other are one piece, so a few thousand pieces can hold a long stretch of the text)."""


class TextBuilder:
    """Collects the prose and its map while a reader walks the source in order.

    Calls must come in source order (each range starting at or after the end of the
    previous one): the map is then sorted both ways, which :meth:`OffsetMap.to_source`
    relies on.
    """

    __slots__ = (
        "_blank_end",
        "_breaks",
        "_last_digit",
        "_last_end",
        "_last_verbatim",
        "_len",
        "_lengths",
        "_parts",
        "_pending_end",
        "_pending_start",
        "_source_starts",
        "_spill",
        "_spilled",
        "_text_starts",
        "comments",
        "source",
    )

    def __init__(self, source: str) -> None:
        self.source = source
        self._parts: list[str] = []
        self._spill: Spill | None = None  # the text so far, once it is long (see .spill)
        self._spilled = 0  # the length of the text in the spill
        typecode = offset_typecode(len(source))
        self._text_starts = array(typecode)
        self._source_starts = array(typecode)
        self._lengths = array(typecode)
        self._len = 0
        self._last_end = -1
        self._last_verbatim = False
        self._last_digit = False
        self._breaks = 0  # line breaks in the trailing whitespace of the text so far
        # the verbatim copy not yet appended: copies that follow each other in the source
        # (a paragraph's lines, the line endings between blocks) become one slice
        self._pending_start = self._pending_end = -1
        self._blank_end = -1  # the end of a pending copy known to end with a blank line
        self.comments: list[tuple[int, int]] = []

    def copy(self, start: int, end: int) -> None:
        """Copy ``source[start:end]`` verbatim."""
        if end <= start:
            return
        # a copy goes on the pending one unless it splits a \r\n (which counts as one break)
        if start == self._pending_end and (
            self.source[start] != "\n" or self.source[start - 1] != "\r"
        ):
            self._pending_end = end
            return
        if self._pending_end >= 0:
            self._append(self.source[self._pending_start : self._pending_end],
                         self._pending_start, self._pending_end, True)
        self._pending_start, self._pending_end = start, end

    def _flush(self) -> None:
        """Append the pending copy (before anything that reads or writes the text so far)."""
        if self._pending_end >= 0:
            start, end = self._pending_start, self._pending_end
            self._pending_start = self._pending_end = -1
            self._append(self.source[start:end], start, end, True)

    def put(self, text: str, start: int, end: int) -> None:
        """Write text standing for ``source[start:end]`` (which may be empty)."""
        if text:
            self._flush()
            self._append(text, start, end, False)

    def brk(self, start: int, end: int) -> None:
        """End the current block: make sure the text ends with a blank line.

        Nothing at the very start, nothing when the text already ends with one; the
        newlines stand for ``source[start:end]``, the markup or skipped block they replace.
        """
        if self._pending_end >= 0:
            if self._pending_ends_block():
                return
            self._flush()
        if self._len and self._breaks < 2:
            self.put("\n" * (2 - self._breaks), start, end)

    def comment(self, start: int, end: int) -> None:
        """Record that ``source[start:end]`` is a comment (it leaves no prose)."""
        self.comments.append((start, end))

    def _append(self, piece: str, start: int, end: int, verbatim: bool) -> None:
        if self._last_digit and start > self._last_end >= 0 and "0" <= piece[0] <= "9":
            # markup between two digits: they never join into one number
            self._append(OBJECT, self._last_end, start, False)
        last = piece[-1]
        self._last_digit = "0" <= last <= "9"
        if verbatim and self._last_verbatim and start == self._last_end:
            self._lengths[-1] += end - start
        else:
            self._text_starts.append(self._len)
            self._source_starts.append(start)
            self._lengths.append(end - start if verbatim else ~(end - start))
        self._last_verbatim = verbatim
        self._last_end = end
        self._len += len(piece)
        parts = self._parts
        parts.append(piece)
        if len(parts) >= SPILL_PARTS or (
            self._len - self._spilled >= SPILL_CHARS and len(parts) > 1
        ):
            if self._spill is None:
                self._spill = Spill(2 * len(self.source))
            self._spill.write("".join(parts))
            parts.clear()
            self._spilled = self._len
        if last in _BLANK_CHARS:
            self._track_breaks(piece)
        else:
            self._breaks = 0

    def _pending_ends_block(self) -> bool:
        """Would the text end with a blank line (two breaks, as :meth:`_track_breaks`
        counts them) once the pending copy is appended? A yes is remembered for that copy,
        so that blocks ending one after the other do not walk its blanks again."""
        src, start, end = self.source, self._pending_start, self._pending_end
        if end == self._blank_end:
            return True
        i = end - 1
        count = 0
        while i >= start and src[i] in _BLANK_CHARS:
            if src[i] == "\n" or (src[i] == "\r" and (i + 1 == end or src[i + 1] != "\n")):
                count += 1
                if count == 2:
                    break
            i -= 1
        if count == 2 or (i < start and self._breaks + count >= 2):
            self._blank_end = end
            return True
        return False

    def _track_breaks(self, piece: str) -> None:
        i = len(piece) - 1
        if piece[i] not in _BLANK_CHARS:
            self._breaks = 0
            return
        count = 0
        while i >= 0 and piece[i] in _BLANK_CHARS:
            # \r\n counts once: count the \r only when no \n follows it
            if piece[i] == "\n" or (
                piece[i] == "\r" and (i + 1 == len(piece) or piece[i + 1] != "\n")
            ):
                count += 1
            i -= 1
        self._breaks = count if i >= 0 else self._breaks + count

    def build(self) -> tuple[str, OffsetMap]:
        # a short text is one join of its pieces (a whole plain text, its one piece, is the
        # source itself: no copy); a long one was spilled a chunk at a time
        self._flush()
        text = "".join(self._parts)
        self._parts.clear()
        if self._spill is not None:
            self._spill.write(text)
            text = self._spill.text()
            self._spill = None
        return text, OffsetMap(self._text_starts, self._source_starts, self._lengths, len(text))


class LocalSink:
    """A :class:`Sink` over a local string made of source slices put end to end (the
    lines of a Markdown block without their container prefixes).

    ``pieces`` are ``(start, end)`` source ranges; local offsets run through them in order.
    """

    __slots__ = ("_builder", "_length", "_local_starts", "_source_starts")

    def __init__(self, builder: TextBuilder, pieces: list[tuple[int, int]]) -> None:
        self._builder = builder
        self._local_starts: list[int] = []
        self._source_starts: list[int] = []
        at = 0
        for start, end in [p for p in pieces if p[1] > p[0]] or pieces[:1]:
            self._local_starts.append(at)
            self._source_starts.append(start)
            at += end - start
        self._length = at

    def text(self) -> str:
        source = self._builder.source
        ends = [*self._local_starts[1:], self._length]
        return "".join(
            source[s : s + e - t]
            for t, e, s in zip(self._local_starts, ends, self._source_starts, strict=True)
        )

    def position(self, offset: int) -> int:
        """Source position of a local offset (the end of the last piece at the end)."""
        k = bisect_right(self._local_starts, offset) - 1 if offset else 0
        return self._source_starts[k] + offset - self._local_starts[k]

    def _end_position(self, start: int, end: int) -> int:
        return self.position(end - 1) + 1 if end > start else self.position(start)

    def copy(self, start: int, end: int) -> None:
        if end <= start:
            return
        starts = self._local_starts
        k = bisect_right(starts, start) - 1
        while start < end:
            piece_end = starts[k + 1] if k + 1 < len(starts) else self._length
            stop = min(end, piece_end)
            if stop > start:
                s = self._source_starts[k] + start - starts[k]
                self._builder.copy(s, s + stop - start)
            start = stop
            k += 1

    def put(self, text: str, start: int, end: int) -> None:
        self._builder.put(text, self.position(start), self._end_position(start, end))

    def brk(self, start: int, end: int) -> None:
        self._builder.brk(self.position(start), self._end_position(start, end))

    def comment(self, start: int, end: int) -> None:
        self._builder.comment(self.position(start), self._end_position(start, end))
