"""Stage 1 of numlint: a source (plain text, Markdown, HTML) -> the prose to scan.

:func:`read_source` returns a :class:`ProseDocument`: the prose text, an exact map from
its offsets back to the source (so findings are reported, and fixes applied, in the
source), line/column of source offsets, and the publication date the document states.
"""

from __future__ import annotations

from ..errors import NumlintError
from .html import read_html
from .markdown import read_markdown
from .prose import OBJECT, Format, OffsetMap, ProseDocument, Segment
from .text import read_text


class SourceError(NumlintError):
    """The source cannot be read as asked (an unknown format)."""


FORMATS: tuple[Format, ...] = ("text", "markdown", "html")


def read_source(
    source: str, format: Format, *, skip_boilerplate: bool | None = None
) -> ProseDocument:
    """Read ``source`` as ``format`` ("text", "markdown" or "html").

    Never fails on the content: broken Markdown or HTML is read as a browser or a
    CommonMark renderer would, as far as the prose is concerned. ``skip_boilerplate``
    (HTML): leave out navigation, site header and footer, cookie banners; None (the
    default) does so on a whole page (``<html>`` or ``<body>`` present) only.
    """
    if skip_boilerplate not in (None, True, False):
        raise TypeError(
            f"skip_boilerplate must be True, False or None, not {skip_boilerplate!r}"
        )
    if format == "text":
        return read_text(source)
    if format == "markdown":
        return read_markdown(source)
    if format == "html":
        return read_html(source, skip_boilerplate=skip_boilerplate)
    raise SourceError(f"unknown source format {format!r}: expected one of {', '.join(FORMATS)}")


__all__ = [
    "FORMATS",
    "OBJECT",
    "Format",
    "OffsetMap",
    "ProseDocument",
    "Segment",
    "SourceError",
    "read_source",
]
