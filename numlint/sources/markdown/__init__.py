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
- inlines, per block, in :mod:`.inline`: code spans, escapes, entities, autolinks and
  raw HTML, links and images, emphasis by the delimiter-run algorithm.

One module per construct (``containers``, ``code_blocks``, ``html_blocks``, ``headings``,
``thematic_breaks``, ``tables``, ``references``, ``front_matter``; ``code_spans``,
``escapes``, ``raw_html``, ``bare_urls``, ``emphasis``, ``links``), each saying what it
reads and what it leaves in the prose; :mod:`.blocks` and :mod:`.inline` walk the text
and hand each construct to its module. ``tests/test_sources_reference.py`` compares the
visible text with markdown-it-py's rendering of the CommonMark examples and lists the
deliberate differences.

It only ever copies source slices or writes short replacements for them, so whatever it
gets wrong about rendering, the offsets stay exact. Separators: see
:class:`~numlint.sources.prose.ProseDocument`; list markers, heading and quote markers
and table pipes end a block; an image is one :data:`OBJECT` (its alt text is skipped,
like HTML ``alt`` attributes), as are code spans, autolinks, bare URLs and footnote
references (``[^1]``).

Not modelled (no effect on offsets, little on prose): tab stops inside container
prefixes are rounded to whole tabs, list item looseness, the HTML content between an
inline ``<code>`` and ``</code>`` (read as Markdown, as CommonMark does), and link
labels spanning lines in the first pass that collects reference definitions.
"""

from __future__ import annotations

from ..dates import DateCollector
from ..prose import ProseDocument, TextBuilder
from .blocks import BlockReader
from .front_matter import front_matter
from .references import reference_labels


def read_markdown(source: str) -> ProseDocument:
    builder = TextBuilder(source)
    dates = DateCollector()
    start = 1 if source.startswith("\ufeff") else 0
    found = None
    matter = front_matter(source, start)
    if matter is not None:
        end, found = matter
        builder.brk(start, end)
        start = end
    BlockReader(source, builder, reference_labels(source), dates).run(start)
    text, offsets = builder.build()
    return ProseDocument(source, "markdown", text, found or dates.best(), offsets,
                         tuple(builder.comments))


__all__ = ["read_markdown"]
