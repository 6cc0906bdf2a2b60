"""A regression guard for the readers: the visible text numlint reads from each example of
the CommonMark 0.31.2 spec, against a reference rendering of the same example.

- Markdown: the example rendered by markdown-it-py (CommonMark preset), its visible text
  taken with the standard library's ``html.parser``;
- HTML: the spec's own expected HTML of each example, read by numlint's HTML reader, against
  the visible text ``html.parser`` finds in it.

Both sides are normalised the way numlint writes prose: whitespace collapsed, code, images
and autolinks (which numlint reads as one object, never as prose) left out. The examples
that differ are listed below, each with its reason: a deliberate difference, or a known gap.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from numlint.sources import OBJECT, read_source

markdown_it = pytest.importorskip(
    "markdown_it", reason="markdown-it-py (the test extra) renders the reference Markdown"
)

SPEC = json.loads(
    (Path(__file__).parent / "data" / "commonmark-0.31.2-spec.json").read_text("utf-8")
)

DELIBERATE = {
    356: "a digit never joins a digit across markup: 5*6*78 is not the figure 5678",
    611: "GFM bare URLs: https://example.com is an object, never prose",
    608: "GFM bare URLs: the URL inside '< https://foo.bar >' is an object",
    626: "'<!--->' is a comment in CommonMark 0.31.2 (the spec's HTML agrees with numlint); "
         "markdown-it-py keeps the 0.30 rule",
}
KNOWN_GAPS = {
    7: "tabs in list prefixes: '-\\t\\tfoo' is a code block in a list item, read as prose",
    148: "an HTML block ending inside <pre>: the Markdown after the blank line is read",
    156: "an HTML block started by an incomplete tag (<div id=\"foo\") is skipped whole",
    157: "an HTML block started by an incomplete tag (<div class) is skipped whole",
    158: "an HTML block started by an incomplete tag (<div *???) is skipped whole",
    197: "a link reference title cut by a blank line: read as a definition",
    211: "a reference definition inside an indented code block still defines the label",
    212: "a reference definition inside a fenced code block still defines the label",
    213: "a reference definition cannot interrupt a paragraph: read as a definition",
    216: "a reference definition followed by '===' (not a setext heading)",
    541: "multi-line link labels are not matched to their definition",
}

_URI = re.compile(r"[A-Za-z][A-Za-z0-9.+-]{1,31}:\S*|[^\s@<>]+@[^\s@<>]+")
_BLOCKS = frozenset({"br", "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "hr",
                     "td", "th", "tr", "div", "ul", "ol", "table", "pre"})


class _Visible(HTMLParser):
    """Visible text, as numlint reads prose: code, images and autolinks left out."""

    _SKIPPED = frozenset({"code", "pre", "script", "style", "textarea", "title"})

    def __init__(self, *, autolinks: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.autolinks = autolinks  # leave out links whose text is their address
        self.parts: list[str] = []
        self.skipped = 0
        self.link: int | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIPPED:
            self.skipped += 1
        if tag == "a" and self.autolinks:
            self.link = len(self.parts)
        if tag in _BLOCKS or tag == "img":
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIPPED and self.skipped:
            self.skipped -= 1
        if tag == "a" and self.link is not None:
            if _URI.fullmatch("".join(self.parts[self.link :])):
                del self.parts[self.link :]  # an autolink
            self.link = None
        if tag in _BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.skipped:
            self.parts.append(data)


def _normal(text: str) -> str:
    return " ".join(text.replace(OBJECT, " ").split())


def _visible(html: str, *, autolinks: bool = True) -> str:
    parser = _Visible(autolinks=autolinks)
    parser.feed(html)
    parser.close()
    return _normal("".join(parser.parts))


def _markdown_differences() -> dict[int, tuple[str, str]]:
    renderer = markdown_it.MarkdownIt("commonmark")
    found = {}
    for example in SPEC:
        reference = _visible(renderer.render(example["markdown"]))
        read = _normal(read_source(example["markdown"], "markdown").text)
        if read != reference:
            found[example["example"]] = (reference, read)
    return found


def _html_differences() -> dict[int, tuple[str, str]]:
    found = {}
    for example in SPEC:
        reference = _visible(example["html"], autolinks=False)
        read = _normal(read_source(example["html"], "html").text)
        if read != reference:
            found[example["example"]] = (reference, read)
    return found


def test_the_spec_data_is_whole():
    assert len(SPEC) == 652
    assert [e["example"] for e in SPEC] == list(range(1, 653))


def test_markdown_reads_the_visible_text_of_every_spec_example_but_the_listed_ones(capsys):
    differences = _markdown_differences()
    listed = DELIBERATE.keys() | KNOWN_GAPS.keys()
    unexpected = {k: v for k, v in differences.items() if k not in listed}
    assert unexpected == {}, "new differences (reference, numlint): " + repr(unexpected)
    fixed = sorted(listed - differences.keys())
    assert fixed == [], f"examples now read like the reference: drop them from the lists {fixed}"
    with capsys.disabled():
        print(f"\nCommonMark 0.31.2, Markdown reader: {len(SPEC) - len(differences)}/{len(SPEC)}"
              f" examples as markdown-it-py ({len(DELIBERATE)} deliberate differences, "
              f"{len(KNOWN_GAPS)} known gaps)")


HTML_DIFFERENCES = {
    148: "<pre> inside a table cell, closed after </p>: html.parser keeps skipping code",
    156: "a tag cut by the end of input is no text for browsers (WHATWG), text for html.parser",
    157: "a tag cut by the end of input is no text for browsers (WHATWG), text for html.parser",
    158: "a tag cut by the end of input is no text for browsers (WHATWG), text for html.parser",
    356: "a digit never joins a digit across markup: 5<em>6</em>78 is not the figure 5678",
    626: "'<!-->' is an empty comment for browsers (WHATWG); html.parser reads on to '-->'",
}


def test_html_reads_the_visible_text_of_every_spec_rendering(capsys):
    differences = _html_differences()
    unexpected = {k: v for k, v in differences.items() if k not in HTML_DIFFERENCES}
    assert unexpected == {}, "new differences (html.parser, numlint): " + repr(unexpected)
    fixed = sorted(HTML_DIFFERENCES.keys() - differences.keys())
    assert fixed == [], f"examples now read like html.parser: drop them from the list {fixed}"
    with capsys.disabled():
        print(f"\nCommonMark 0.31.2 renderings, HTML reader: "
              f"{len(SPEC) - len(differences)}/{len(SPEC)} as html.parser")
