"""numlint.sources: properties that hold for any input, checked with hypothesis."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from numlint.sources import OBJECT, ProseDocument, read_source

FORMATS = ("text", "markdown", "html")
_PIECES = [
    *"<>&`*_[]()!#-+|~\\\n \t=:;\"'/.0123456789aAbpz",
    "<p>", "</p>", "<b>", "</b>", "<br>", "<!--", "-->", "```", "    ", "> ", "- ", "1. ",
    "&nbsp;", "&#8239;", "&#x202F;", "&amp", "<script>", "</script>", "https://", "www.",
    "<code>", "</code>", "\r\n", "\r", "---", "+++", "[^1]", "]: ", "<![CDATA[", "<?",
    "<svg/>", "<a href='", "**", "__", "~~", "| --- |", "![", "](", "\u00a0", "é",
    "<sup>", "</sup>", "<br />", "  \n", "\\\n", "<html>", "<body>", "<nav>", "</nav>",
    "<header>", "</header>", "<article>", "<div class='cookie'>", "</div>", "[ ] ", "ftp://",
    "10", "€", "millions",
]
markupish = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


def check_map(doc: ProseDocument) -> None:
    source, text = doc.source, doc.text
    segments = doc.segments
    assert [s.text_start for s in segments[:1]] in ([], [0])
    assert (segments[-1].text_end if segments else 0) == len(text)
    for before, after in pairwise(segments):
        assert before.text_end == after.text_start
        assert before.source_end <= after.source_start
    for s in segments:
        assert 0 <= s.source_start <= s.source_end <= len(source)
        if s.verbatim:
            assert text[s.text_start : s.text_end] == source[s.source_start : s.source_end]
    previous = 0
    for start in range(len(text) + 1):
        a, b = doc.to_source(start, start)
        assert a == b and previous <= a <= len(source)
        previous = a
        for end in (start + 1, start + 3, len(text)):
            if end <= len(text):
                a2, b2 = doc.to_source(start, end)
                assert a2 == a and 0 <= a2 <= b2 <= len(source)


@settings(max_examples=300, deadline=None)
@given(markupish, st.sampled_from(("markdown", "html")))
def test_two_digits_side_by_side_in_the_prose_are_side_by_side_in_the_source(
    source: str, fmt: str
) -> None:
    """Markup between two digits never lets them join into one number."""
    doc = read_source(source, fmt)  # type: ignore[arg-type]
    text = doc.text
    for i in range(len(text) - 1):
        if text[i] in "0123456789" and text[i + 1] in "0123456789":
            assert doc.to_source(i, i + 1)[1] == doc.to_source(i + 1, i + 2)[0], (i, text)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60), st.sampled_from(FORMATS))
def test_any_text_reads_and_maps(source: str, fmt: str) -> None:
    doc = read_source(source, fmt)  # type: ignore[arg-type]
    check_map(doc)
    if fmt == "text":
        assert doc.text == source


@settings(max_examples=300, deadline=None)
@given(markupish, st.sampled_from(("markdown", "html")))
def test_any_markup_reads_and_maps(source: str, fmt: str) -> None:
    check_map(read_source(source, fmt))  # type: ignore[arg-type]


words = st.lists(st.sampled_from(["le", "PIB", "12", "3,5", "%", "milliards", "d’euros"]),
                 min_size=1, max_size=6).map(" ".join)


@settings(max_examples=100, deadline=None)
@given(words, words, st.sampled_from([
    "`{}`", "``{}``", "<https://x.fr/{}>", "https://x.fr/{}", "![{}](i.png)", "<!-- {} -->",
    '[a](https://x.fr/{} "{}")', '<span title="{}">a</span>',
]))
def test_markdown_skipped_inline_content_never_reaches_the_text(
    before: str, after: str, wrapper: str
) -> None:
    skipped = wrapper.format("QZX9", "QZX 8")
    doc = read_source(f"{before} {skipped} {after}", "markdown")
    assert "QZX" not in doc.text
    assert doc.text.startswith(before) and doc.text.endswith(after)
    check_map(doc)


@settings(max_examples=100, deadline=None)
@given(words, words, st.sampled_from(["<script>{}</script>", "<style>{}</style>",
                                      "<!--{}-->", "<a href='{}'>x</a>", "<code>{}</code>",
                                      "<template>{}</template>", "<img alt=\"{}\">"]))
def test_html_skipped_content_never_reaches_the_text(
    before: str, after: str, wrapper: str
) -> None:
    doc = read_source(f"<p>{before} {wrapper.format('QZX 9')} {after}</p>", "html")
    assert "QZX" not in doc.text
    assert before in doc.text and after in doc.text


@settings(max_examples=100, deadline=None)
@given(st.lists(words, min_size=1, max_size=5), st.sampled_from(["**", "*", "_", "~~"]),
       st.sampled_from(["strong", "em", "span", "a"]))
def test_inline_markup_inside_prose_maps_back_over_the_markup(
    parts: list[str], marker: str, tag: str
) -> None:
    prose = " ".join(parts) + " fin"
    inner = parts[0]
    marked = f"{marker}{inner}{marker}" + prose[len(inner):]
    tagged = f"<{tag}>{inner}</{tag}>" + prose[len(inner):]
    for source, fmt, opening in ((marked, "markdown", marker), (tagged, "html", f"<{tag}>")):
        doc = read_source(source, fmt)  # type: ignore[arg-type]
        assert doc.text == prose
        assert doc.to_source(0, len(prose)) == (len(opening), len(source))
        a, b = doc.to_source(0, len(inner))
        assert source[a:b] == inner
        assert OBJECT not in doc.text
