"""numlint.sources: the API, the offset map, plain text, line/column and dates."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest

from numlint.sources import OBJECT, ProseDocument, SourceError, read_source
from numlint.sources.dates import DateCollector, front_matter_date, parse_date
from numlint.sources.prose import TextBuilder


def source_of(doc: ProseDocument, needle: str, nth: int = 0) -> str:
    """The source text that the nth occurrence of needle in doc.text maps back to."""
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(needle, start + 1)
    a, b = doc.to_source(start, start + len(needle))
    return doc.source[a:b]


# --------------------------------------------------------------------------- API


def test_unknown_format_is_a_source_error_and_a_value_error() -> None:
    with pytest.raises(SourceError):
        read_source("x", "docx")  # type: ignore[arg-type]
    assert issubclass(SourceError, ValueError)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_document_keeps_source_and_format(fmt: str) -> None:
    source = "Le PIB a crû de 2,5 %."
    doc = read_source(source, fmt)  # type: ignore[arg-type]
    assert doc.source is source
    assert doc.format == fmt
    assert doc.text == source
    assert source_of(doc, "2,5 %") == "2,5 %"


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_empty_source(fmt: str) -> None:
    doc = read_source("", fmt)  # type: ignore[arg-type]
    assert doc.text == ""
    assert doc.date is None
    assert doc.to_source(0, 0) == (0, 0)
    assert doc.line_col(0) == (1, 1)


# ---------------------------------------------------------------------- plain text


def test_plain_text_is_the_identity() -> None:
    source = "**12** <b>13</b> &nbsp; `14`\r\n# 15"
    doc = read_source(source, "text")
    assert doc.text == source
    assert doc.date is None
    for start in range(len(source)):
        for end in range(start, len(source) + 1):
            assert doc.to_source(start, end) == (start, end)


# ---------------------------------------------------------------------- offset map


def test_map_through_removed_markup_and_entities() -> None:
    builder = TextBuilder("<b>97,4</b>&nbsp;milliards")
    builder.copy(3, 7)  # 97,4
    builder.put("\u00a0", 11, 17)  # &nbsp;
    builder.copy(17, 26)  # milliards
    text, offsets = builder.build()
    assert text == "97,4\u00a0milliards"
    assert offsets.to_source(0, 4) == (3, 7)
    assert offsets.to_source(4, 5) == (11, 17)  # one char stands for the whole entity
    assert offsets.to_source(0, len(text)) == (3, 26)  # includes </b> and &nbsp;
    assert offsets.to_source(5, 14) == (17, 26)
    assert offsets.to_source(4, 4) == (11, 11)  # empty span: where the char at 4 starts
    assert offsets.to_source(len(text), len(text)) == (26, 26)


def test_adjacent_copies_merge_into_one_run() -> None:
    builder = TextBuilder("abcdef")
    builder.copy(0, 2)
    builder.copy(2, 4)
    builder.copy(5, 6)
    text, offsets = builder.build()
    assert text == "abcdf"
    assert len(offsets) == 2
    assert offsets.to_source(3, 5) == (3, 6)


def test_replacement_runs_never_merge_and_are_not_verbatim() -> None:
    builder = TextBuilder("- a")
    builder.brk(0, 2)  # nothing at the start of the text
    builder.copy(2, 3)
    text, offsets = builder.build()
    assert text == "a"
    assert [s.verbatim for s in offsets.segments()] == [True]
    builder = TextBuilder("a\n- b")
    builder.copy(0, 1)
    builder.copy(1, 2)
    builder.brk(2, 4)
    builder.copy(4, 5)
    text, offsets = builder.build()
    assert text == "a\n\nb"  # one newline was there, the break adds the second
    segments = offsets.segments()
    assert [(s.verbatim, s.source_start, s.source_end) for s in segments] == [
        (True, 0, 2), (False, 2, 4), (True, 4, 5)]
    assert offsets.to_source(2, 3) == (2, 4)


def test_to_source_rejects_spans_outside_the_text() -> None:
    doc = read_source("abc", "markdown")
    for start, end in [(-1, 1), (2, 1), (0, 4)]:
        with pytest.raises(ValueError):
            doc.to_source(start, end)


def test_segments_cover_the_text_in_order() -> None:
    doc = read_source("# Titre\n\nLe **PIB** &amp; `x` 12", "markdown")
    segments = doc.segments
    assert segments[0].text_start == 0
    assert segments[-1].text_end == len(doc.text)
    for before, after in pairwise(segments):
        assert before.text_end == after.text_start
        assert before.source_end <= after.source_start
    for s in segments:
        if s.verbatim:
            assert doc.text[s.text_start : s.text_end] == doc.source[s.source_start : s.source_end]


# ---------------------------------------------------------------------- line/column


def test_line_col_with_lf_crlf_and_cr() -> None:
    source = "ab\ncd\r\nef\rgh"
    doc = read_source(source, "text")
    assert doc.line_col(0) == (1, 1)
    assert doc.line_col(2) == (1, 3)  # the \n itself is on line 1
    assert doc.line_col(3) == (2, 1)
    assert doc.line_col(5) == (2, 3)  # \r of \r\n
    assert doc.line_col(6) == (2, 4)  # \n of \r\n: still line 2
    assert doc.line_col(7) == (3, 1)
    assert doc.line_col(10) == (4, 1)
    assert doc.line_col(len(source)) == (4, 3)
    with pytest.raises(ValueError):
        doc.line_col(len(source) + 1)


def test_line_col_counts_characters_not_bytes() -> None:
    doc = read_source("é€😀\n  12 %", "html")
    assert doc.line_col(3) == (1, 4)
    start, _ = doc.to_source(doc.text.index("12"), doc.text.index("12") + 2)
    assert doc.line_col(start) == (2, 3)


def test_line_col_of_a_markdown_finding() -> None:
    source = "---\r\ndate: 2025-02-11\r\n---\r\n# Titre\r\n\r\nLe **PIB** : 97,4 milliards\r\n"
    doc = read_source(source, "markdown")
    i = doc.text.index("97,4 milliards")
    start, end = doc.to_source(i, i + len("97,4 milliards"))
    assert doc.line_col(start) == (6, 14)
    assert doc.line_col(end) == (6, 28)


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-02-11", date(2025, 2, 11)),
        ("'2025-02-11'", date(2025, 2, 11)),
        ('"2025-02-11"', date(2025, 2, 11)),
        ("2025-02-11T10:00:00+01:00", date(2025, 2, 11)),
        ("2025-02-11T23:30:00-05:00", date(2025, 2, 11)),  # the day as written
        ("2025-02-11 10:00", date(2025, 2, 11)),
        ("2025-2-3", date(2025, 2, 3)),
        ("2025/02/11", date(2025, 2, 11)),
        ("20250211", date(2025, 2, 11)),
        ("Tue, 11 Feb 2025 10:00:00 +0100", date(2025, 2, 11)),
        ("2025-02-30", None),
        ("2025-13-01", None),
        ("demain", None),
        ("", None),
        ("true", None),
        ("11/02/2025", None),  # 11 February or 2 November: no guess
        ("25/02/2025", date(2025, 2, 25)),
        ("25.02.2025", date(2025, 2, 25)),
        ("11 février 2025", date(2025, 2, 11)),
        ("mardi 11 février 2025 à 10 h", date(2025, 2, 11)),
        ("Mardi, 1er Mars 2025", date(2025, 3, 1)),
        ("31 février 2025", None),
    ],
)
def test_parse_date(value: str, expected: date | None) -> None:
    assert parse_date(value) == expected


def test_only_an_rfc_2822_date_loads_email_utils() -> None:
    """email.utils pulls in socket, calendar and base64: an ISO date must not pay for it."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from numlint.sources import read_source\n"
        "md = read_source('---\\ndate: 2025-02-11\\n---\\n# T\\n\\n12 euros.\\n', 'markdown')\n"
        "page = '<html><head><meta name=\"date\" content=\"{}\"></head><p>12 euros</p></html>'\n"
        "html = read_source(page.format('2025-02-11T08:00:00Z'), 'html')\n"
        "before = 'email.utils' in sys.modules\n"
        "rss = read_source(page.format('Tue, 11 Feb 2025 10:00:00 +0100'), 'html')\n"
        "print(md.date, html.date, before, rss.date, 'email.utils' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["2025-02-11", "2025-02-11", "False", "2025-02-11", "True"]


def test_front_matter_keys_and_priority() -> None:
    assert front_matter_date("title: x\ndate: 2025-02-11\n", "yaml") == date(2025, 2, 11)
    assert front_matter_date("date = 2025-02-11T10:00:00+01:00", "toml") == date(2025, 2, 11)
    assert front_matter_date('date = "2025-02-11"', "toml") == date(2025, 2, 11)
    assert front_matter_date("date: 2024-01-01\npublishDate: 2025-02-11", "yaml") == date(
        2025, 2, 11)
    assert front_matter_date("pubDate: 2025-02-11 # RSS", "yaml") == date(2025, 2, 11)
    assert front_matter_date("published: true\ndate: 2025-02-11", "yaml") == date(2025, 2, 11)
    assert front_matter_date("published: 2025-02-11", "yaml") == date(2025, 2, 11)
    # nested keys are not the page's date; a TOML line is not YAML
    assert front_matter_date("event:\n  date: 2025-02-11", "yaml") is None
    assert front_matter_date("date = 2025-02-11", "yaml") is None
    assert front_matter_date("date: someday", "yaml") is None


def test_date_collector_ranks() -> None:
    dates = DateCollector()
    dates.element("time", {"datetime": "2020-01-01"})
    assert dates.best() == date(2020, 1, 1)
    dates.element("time", {"datetime": "2020-02-02", "pubdate": ""})
    assert dates.best() == date(2020, 2, 2)
    dates.json_ld('{"@type": "NewsArticle", "datePublished": "2021-03-03T08:00:00Z"}')
    assert dates.best() == date(2021, 3, 3)
    dates.element("meta", {"itemprop": "datePublished", "content": "2022-04-04"})
    assert dates.best() == date(2022, 4, 4)
    dates.element("meta", {"name": "date", "content": "2023-05-05"})
    assert dates.best() == date(2023, 5, 5)
    dates.element("meta", {"property": "article:published_time", "content": "n'importe"})
    assert dates.best() == date(2023, 5, 5)  # unparseable: the next best stands
    dates.element("meta", {"property": "article:published_time", "content": "2024-06-06"})
    assert dates.best() == date(2024, 6, 6)


def test_markdown_dates() -> None:
    assert read_source("---\ndate: 2025-02-11\n---\nTexte", "markdown").date == date(2025, 2, 11)
    assert read_source('---\ndate: "2025-02-11T10:00:00+01:00"\n---\n', "markdown").date == date(
        2025, 2, 11)
    assert read_source("+++\ndate = 2025-02-11\n+++\nTexte", "markdown").date == date(2025, 2, 11)
    assert read_source("---\ndate: bientôt\n---\nTexte", "markdown").date is None
    assert read_source("Texte\n\ndate: 2025-02-11\n", "markdown").date is None
    # without front matter, an HTML block may say it
    html_block = '<time datetime="2024-12-31" pubdate>31 décembre</time>\n\nTexte'
    assert read_source(html_block, "markdown").date == date(2024, 12, 31)


def test_html_dates() -> None:
    page = (
        '<html><head><meta name="date" content="2023-01-01">'
        '<meta property="article:published_time" content="2025-02-11T10:00:00+01:00">'
        '</head><body><time datetime="2020-01-01">x</time></body></html>'
    )
    assert read_source(page, "html").date == date(2025, 2, 11)
    assert read_source('<meta itemprop="datePublished" content="2024-03-04">', "html").date == (
        date(2024, 3, 4))
    ld = '<script type="application/ld+json">{"datePublished":"2022-05-06"}</script><p>x</p>'
    doc = read_source(ld, "html")
    assert doc.date == date(2022, 5, 6)
    assert "2022" not in doc.text
    assert read_source('<time itemprop="datePublished" datetime="2021-07-08">', "html").date == (
        date(2021, 7, 8))
    assert read_source("<p>Publié le 2025-02-11</p>", "html").date is None
    assert read_source('<time datetime="hier">hier</time>', "html").date is None
    assert read_source('<META NAME="Date" CONTENT="2019-09-09">', "html").date == date(2019, 9, 9)


def test_object_character_is_not_a_word_or_space() -> None:
    assert not OBJECT.isalnum()
    assert not OBJECT.isspace()
