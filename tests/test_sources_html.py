"""numlint.sources, HTML: the prose text, spans mapped back, broken input."""

from __future__ import annotations

import re

import pytest

from numlint.sources import OBJECT, ProseDocument, read_source


def page(source: str) -> ProseDocument:
    return read_source(source, "html")


def text(source: str) -> str:
    return page(source).text


def source_of(doc: ProseDocument, needle: str) -> str:
    start = doc.text.index(needle)
    a, b = doc.to_source(start, start + len(needle))
    return doc.source[a:b]


def blocks(source: str) -> list[str]:
    runs = re.split(r"\n[ \t]*\n+", text(source).strip("\n"))
    return [run.strip(" ") for run in runs if run.strip(" ")]


# ------------------------------------------------------------------ inline markup


@pytest.mark.parametrize(
    ("source", "mapped"),
    [
        ("<p><strong>97,4 milliards</strong> de dollars</p>",
         "97,4 milliards</strong> de dollars"),
        ("<p>97,4 <em>milliards</em> de <a href='/12'>dollars</a></p>",
         "97,4 <em>milliards</em> de <a href='/12'>dollars"),
        ("<p><b>97</b>,<i>4</i> milliards de dollars</p>", "97</b>,<i>4</i> milliards de dollars"),
        ("<p>97,4 <span class=\"x\" data-n='13'>milliards</span> de dollars</p>",
         "97,4 <span class=\"x\" data-n='13'>milliards</span> de dollars"),
    ],
)
def test_inline_tags_leave_nothing(source: str, mapped: str) -> None:
    doc = page(source)
    assert "97,4 milliards de dollars" in doc.text
    assert source_of(doc, "97,4 milliards de dollars") == mapped
    assert "13" not in doc.text


def test_unknown_and_custom_tags_are_inline() -> None:
    assert text("<p>12<o:p></o:p> <my-chip>%</my-chip></p>").strip() == "12 %"


# -------------------------------------------------------------------- block tags


def test_block_tags_end_the_block() -> None:
    assert blocks("<p>12</p><p>34</p>") == ["12", "34"]
    assert blocks("<div>12</div>34<h2>56</h2>") == ["12", "34", "56"]
    assert blocks("<table><tr><td>12</td><td>34</td></tr></table>") == ["12", "34"]
    assert blocks("<ul><li>12<li>34</ul>") == ["12", "34"]
    assert blocks("<dl><dt>12</dt><dd>34</dd></dl><hr>56") == ["12", "34", "56"]


def test_br_is_one_line_break() -> None:
    doc = page("12<br>34<br/>56</br>78")
    assert doc.text == "12\n34\n56\n78"
    start = doc.text.index("\n")
    assert doc.to_source(start, start + 1) == (2, 6)


def test_a_line_ending_inside_text_reads_as_a_space() -> None:
    # Browsers show it as a space: a figure wrapped in the source stays one figure.
    doc = page("<p>Le déficit\n  atteint 97,4\r\nmilliards</p>")
    assert "Le déficit atteint 97,4 milliards" in doc.text
    assert source_of(doc, "déficit atteint 97,4 milliards") == (
        "déficit\n  atteint 97,4\r\nmilliards"
    )
    start = doc.text.index(" atteint")
    assert doc.to_source(start, start + 1) == (13, 16)


def test_blank_lines_and_preformatted_text_keep_their_line_endings() -> None:
    assert text("Un\n\nDeux") == "Un\n\nDeux"
    assert "12\n13" in text("<pre>12\n13</pre>")
    assert "14 15" in text("<pre>12\n13</pre><p>14\n15</p>")


# ---------------------------------------------------------------------- entities


def test_entities_decode_and_map_to_the_whole_entity() -> None:
    doc = page("<p>12&nbsp;% et 1&#8239;234 et 5&#x202f;€ &amp; l&rsquo;an</p>")
    assert doc.text.strip() == "12\u00a0% et 1\u202f234 et 5\u202f€ & l’an"
    assert source_of(doc, "\u00a0") == "&nbsp;"
    assert source_of(doc, "12\u00a0%") == "12&nbsp;%"
    assert source_of(doc, "1\u202f234") == "1&#8239;234"
    assert source_of(doc, "5\u202f€") == "5&#x202f;€"


def test_entities_as_browsers_read_them() -> None:
    assert text("&foo; &amp &eacute &notit; &#0; &#128; &#x110000; &#99999999999999;") == (
        "&foo; & é ¬it; \ufffd € \ufffd \ufffd")
    assert text("AT&T R&D & co &; &#; &#x;") == "AT&T R&D & co &; &#; &#x;"


# ----------------------------------------------------------------- skipped things


@pytest.mark.parametrize(
    "source",
    [
        "<p>Avant</p><script>var x = 12; '</p>'</script><p>Après</p>",
        "<p>Avant</p><style>p { width: 12px }</style><p>Après</p>",
        "<p>Avant</p><template><p>12</p></template><p>Après</p>",
        "<p>Avant</p><noscript><p>12</p></noscript><p>Après</p>",
        "<html><head><title>Titre 12</title><meta charset=utf-8></head><body><p>Avant</p>"
        "<p>Après</p></body></html>",
        "<p>Avant</p><!-- 12 --><p>Après</p>",
        "<p>Avant</p><![CDATA[ 12 ]]><p>Après</p>",
        "<p>Avant</p><?php echo 12; ?><p>Après</p>",
        "<!DOCTYPE html><p>Avant</p><p title='12' data-x=\"13\">Après</p>",
        "<p>Avant</p><SCRIPT type=text/javascript>x = '</scrip 12'</SCRIPT ><p>Après</p>",
    ],
)
def test_skipped_content(source: str) -> None:
    assert blocks(source) == ["Avant", "Après"]


def test_inline_objects() -> None:
    doc = page("<p>Voir <code>x = 12</code>, <img src=13.png alt='14 %'> et "
               "<svg><text>15</text></svg> fin</p>")
    assert doc.text.strip() == f"Voir {OBJECT}, {OBJECT} et {OBJECT} fin"
    start = doc.text.index(OBJECT)
    a, b = doc.to_source(start, start + 1)
    assert doc.source[a:b] == "<code>x = 12</code>"


def test_unclosed_code_stops_at_the_next_block() -> None:
    assert blocks("<p><code>x = 12</p><p>Après 13</p>") == [OBJECT, "Après 13"]


def test_comment_and_tags_inside_a_figure_leave_nothing() -> None:
    doc = page("97,4<!-- x --> <b></b>milliards")
    assert doc.text == "97,4 milliards"


# ------------------------------------------------------------------ broken input


@pytest.mark.parametrize(
    ("source", "prose"),
    [
        ("<p>unclosed <b>bold <i>12", "unclosed bold 12"),
        ("a < b et c > d", "a < b et c > d"),
        ("x <3 y <", "x <3 y <"),
        ("x </", "x </"),
        ("x </> y </ 12> z", "x  y  z"),
        ("x <!-- jamais fermé 12", "x "),
        ("x <!--> y <!---> z", "x  y  z"),
        ("x <script>jamais fermé 12", "x \n\n"),
        ("x <p title='12", "x "),
        ("x <b>12</b", "x 12"),
        ("<p>12</p\n><p\nclass=x>34</p>", "12\n\n34\n\n"),
        ("x <a b=\"jamais>12", "x 12"),
    ],
)
def test_broken_html_never_raises(source: str, prose: str) -> None:
    assert text(source) == prose


def test_deeply_nested_and_repeated_broken_markup_is_fast() -> None:
    for unit in ["<b>", "<", "<a ", "&", "<!--", "</", "<code>", "<svg>", "<x y='"]:
        doc = page(unit * 20000 + "fin 12")
        assert len(doc.text) <= len(doc.source)
