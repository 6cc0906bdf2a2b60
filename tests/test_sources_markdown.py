"""numlint.sources, Markdown: the prose text, and spans mapped back exactly."""

from __future__ import annotations

import re

import pytest

from numlint.sources import OBJECT, ProseDocument, read_source


def md(source: str) -> ProseDocument:
    return read_source(source, "markdown")


def text(source: str) -> str:
    return md(source).text


def source_of(doc: ProseDocument, needle: str) -> str:
    start = doc.text.index(needle)
    a, b = doc.to_source(start, start + len(needle))
    return doc.source[a:b]


def blocks(source: str) -> list[str]:
    """The blocks of the prose: runs separated by a blank line."""
    runs = re.split(r"\n[ \t]*\n+", md(source).text.strip("\n"))
    return [run.strip(" ") for run in runs if run.strip(" ")]


# ------------------------------------------------------------------- plain prose


def test_plain_paragraph_maps_exactly() -> None:
    doc = md("Il a dépensé 95 millions d’euros en 2024.")
    assert doc.text == doc.source
    assert source_of(doc, "95 millions d’euros") == "95 millions d’euros"


def test_prose_spans_map_exactly_in_a_full_article() -> None:
    source = (
        "---\ntitle: Budget\ndate: 2025-02-11\n---\n\n"
        "# Le budget 2025\n\n"
        "> Le déficit atteint **97,4 milliards de dollars**, selon le rapport.\n\n"
        "1. Premier poste : 95 millions d’euros\n"
        "2. Second poste : 1 234,56 €\n\n"
        "Voir [le rapport](https://exemple.fr/rapport-2025 \"Rapport 2025\") et `code 12`.\n"
    )
    doc = md(source)
    for figure in ["97,4 milliards de dollars", "95 millions d’euros", "1 234,56 €",
                   "le rapport", "Le budget 2025", "selon le rapport."]:
        assert source_of(doc, figure) == figure
    assert "2025-02-11" not in doc.text
    assert "1." not in doc.text and "2." not in doc.text
    assert "Rapport 2025" not in doc.text and "exemple" not in doc.text
    assert "12" not in doc.text


# ---------------------------------------------------------------------- emphasis


@pytest.mark.parametrize(
    ("source", "prose", "mapped"),
    [
        ("**97,4** milliards", "97,4 milliards", "97,4** milliards"),
        ("97,4 **milliards** de dollars", "97,4 milliards de dollars",
         "97,4 **milliards** de dollars"),
        ("**97,4 milliards** de dollars", "97,4 milliards de dollars",
         "97,4 milliards** de dollars"),
        ("*97,4* _milliards_", "97,4 milliards", "97,4* _milliards"),
        ("__97,4__ ~~milliards~~", "97,4 milliards", "97,4__ ~~milliards"),
        ("***97,4*** milliards", "97,4 milliards", "97,4*** milliards"),
    ],
)
def test_emphasis_markers_leave_nothing(source: str, prose: str, mapped: str) -> None:
    doc = md(source)
    assert doc.text == prose
    assert source_of(doc, prose) == mapped


@pytest.mark.parametrize(
    "source",
    ["5*3 = 15", "2 * 3 * 4", "snake_case_12", "a ** b", "x_1 et y_2", "a ~~~b~~~", "**pas fermé"],
)
def test_literal_stars_and_underscores_stay(source: str) -> None:
    assert text(source) == source


def test_nested_and_partial_emphasis() -> None:
    assert text("*a **b** c*") == "a b c"
    assert text("**a*") == "*a"  # one star is left over, as CommonMark renders it
    assert text("*a**") == "a*"
    assert text("_a_b_") == "a_b"


# ------------------------------------------------------------- escapes, entities


def test_backslash_escapes_keep_the_character() -> None:
    doc = md(r"\*12\* \_x\_ \# \[a\] \\ \q")
    assert doc.text == r"*12* _x_ # [a] \ \q"
    assert source_of(doc, "*12*") == r"*12\*"


def test_entities_are_decoded_and_map_to_the_whole_entity() -> None:
    doc = md("12&nbsp;% et 1&#8239;234 et 5&#x202F;€ &amp; &rsquo; &copy &bogus;")
    assert doc.text == "12\u00a0% et 1\u202f234 et 5\u202f€ & ’ &copy &bogus;"
    assert source_of(doc, "\u00a0") == "&nbsp;"
    assert source_of(doc, "1\u202f234") == "1&#8239;234"
    assert source_of(doc, "5\u202f€") == "5&#x202F;€"
    assert source_of(doc, "12\u00a0%") == "12&nbsp;%"


def test_entities_are_not_decoded_in_code() -> None:
    assert "\u00a0" not in text("`12&nbsp;%`")


# --------------------------------------------------------------------------- code


def test_code_spans_are_one_object() -> None:
    doc = md("Le `x = 12` vaut 13 et ``a ` 14`` fin")
    assert doc.text == f"Le {OBJECT} vaut 13 et {OBJECT} fin"
    start = doc.text.index(OBJECT)
    a, b = doc.to_source(start, start + 1)
    assert doc.source[a:b] == "`x = 12`"


def test_unmatched_backticks_are_literal() -> None:
    assert text("a ``b` 12") == "a ``b` 12"


@pytest.mark.parametrize(
    "source",
    [
        "Avant\n\n```python\nx = 12\n```\n\nAprès",
        "Avant\n\n~~~\nx = 12\n~~~\n\nAprès",
        "Avant\n\n````\n```\nx = 12\n```\n````\n\nAprès",
        "Avant\n\n    x = 12\n    y = 13\n\nAprès",
        "Avant\n\n<!-- commentaire 12\nsur deux lignes 13 -->\n\nAprès",
        "Avant\n\n[id]: https://exemple.fr/12 \"titre 13\"\n\nAprès",
        "Avant\n\n***\n\nAprès",
    ],
)
def test_skipped_blocks_leave_a_blank_line(source: str) -> None:
    assert blocks(source) == ["Avant", "Après"]
    assert not re.search(r"\d", text(source))


def test_unclosed_fence_runs_to_the_end() -> None:
    assert text("Texte\n\n```\n12\n\nencore 13") .strip() == "Texte"


def test_code_fence_closing_must_be_as_long() -> None:
    assert blocks("````\n```\n12\n````\nAprès") == ["Après"]


def test_indented_line_inside_a_paragraph_is_not_code() -> None:
    assert text("Texte qui\n    continue 12") == "Texte qui continue 12"


# ------------------------------------------------------------------ HTML, links


def test_inline_html_tags_leave_nothing() -> None:
    doc = md('Le <strong class="c12">97,4</strong> milliards<br>13 <img src="14.png"> fin')
    assert doc.text == f"Le 97,4 milliards\n13 {OBJECT} fin"
    assert source_of(doc, "97,4 milliards") == "97,4</strong> milliards"


def test_html_comments_inline_leave_nothing() -> None:
    assert text("12 <!-- 13 --> 14") == "12  14"


def test_html_block_is_read_as_html() -> None:
    source = '<div class="n12">\n<p>Le PIB : <b>97,4</b>&nbsp;%</p>\n</div>\n\nSuite'
    assert blocks(source) == ["Le PIB : 97,4\u00a0%", "Suite"]


def test_html_block_script_is_skipped() -> None:
    assert blocks("<script>\nvar x = 12;\n</script>\n\nTexte") == ["Texte"]


@pytest.mark.parametrize(
    ("source", "prose"),
    [
        ("[95 millions d’euros](https://x.fr/12 \"titre 13\")", "95 millions d’euros"),
        ("[95 millions d’euros](<https://x.fr/a b> 'titre 13')", "95 millions d’euros"),
        ("[95 millions](https://x.fr/(12)) d’euros", "95 millions d’euros"),
        ("[95 millions d’euros][ref]\n\n[ref]: https://x.fr/12", "95 millions d’euros"),
        ("[95 millions d’euros][]\n\n[95 millions d’euros]: /12", "95 millions d’euros"),
        ("[95 millions d’euros]\n\n[95 MILLIONS  d’euros]: /12 'titre'", "95 millions d’euros"),
    ],
)
def test_link_text_stays_destination_and_title_go(source: str, prose: str) -> None:
    doc = md(source)
    assert doc.text.strip("\n") == prose
    assert not re.search(r"1[23]", doc.text)


def test_link_maps_from_text_to_text() -> None:
    doc = md("Soit [95 millions d’euros](https://x.fr/12) au total")
    assert source_of(doc, "95 millions d’euros au") == "95 millions d’euros](https://x.fr/12) au"


def test_brackets_that_are_not_links_stay() -> None:
    assert text("[sic] et [12] et [a](b") == "[sic] et [12] et [a](b"


def test_images_are_one_object() -> None:
    doc = md("Voir ![graphique 12 %](img/13.png \"14\") ici")
    assert doc.text == f"Voir {OBJECT} ici"


def test_autolinks_and_bare_urls_are_one_object() -> None:
    doc = md("Voir <https://x.fr/12>, https://insee.fr/fr/2024. et www.insee.fr/13 ou <a@b.fr>")
    assert doc.text == f"Voir {OBJECT}, {OBJECT}. et {OBJECT} ou {OBJECT}"


def test_url_inside_a_word_is_not_a_url() -> None:
    assert text("xhttps://12") == "xhttps://12"


def test_footnotes() -> None:
    # a footnote call leaves nothing, like a superscript footnote call in HTML
    source = "Le PIB[^1] a crû de 12[^2] %.\n\n[^1]: Source : Insee, 2024."
    assert blocks(source) == ["Le PIB a crû de 12 %.", "Source : Insee, 2024."]


# ------------------------------------------------------------------------ blocks


def test_headings() -> None:
    assert blocks("# 12 milliards #\n## Deux ##\nTexte") == ["12 milliards", "Deux", "Texte"]
    assert blocks("Titre 12\n========\n\nSous-titre\n---\nTexte") == [
        "Titre 12", "Sous-titre", "Texte"]
    assert text("#5 n'est pas un titre") == "#5 n'est pas un titre"


def test_ordered_list_numbers_never_appear() -> None:
    source = "1. Premier : 12 %\n2. Second : 13 %\n10) Dixième : 14 %\n"
    assert blocks(source) == ["Premier : 12 %", "Second : 13 %", "Dixième : 14 %"]


def test_bullets_and_nested_lists() -> None:
    source = "- 12 %\n- 13 %\n    * imbriqué 14 %\n  suite\n+ 15 %"
    assert blocks(source) == ["12 %", "13 %", "imbriqué 14 % suite", "15 %"]


def test_figures_of_two_list_items_never_merge() -> None:
    doc = md("- 12\n- 34")
    assert "12\n\n34" in doc.text


def test_a_list_numbered_from_2_cannot_interrupt_a_paragraph() -> None:
    assert text("Il y a eu\n2024. Une année") == "Il y a eu 2024. Une année"
    assert blocks("Il y a eu\n1. Une année") == ["Il y a eu", "Une année"]


def test_blockquotes_and_laziness() -> None:
    assert blocks("> 12 %\n> suite\nparesseuse\n\n> > 13 %") == [
        "12 % suite paresseuse", "13 %"]
    doc = md("> Le déficit :\n> 97,4 milliards")
    assert source_of(doc, "97,4 milliards") == "97,4 milliards"


def test_tables() -> None:
    source = "| Poste | Montant |\n|:------|--------:|\n| Santé | 12 %  |\n| Défense | 13 % | x |\n"
    assert blocks(source) == ["Poste", "Montant", "Santé", "12 %", "Défense", "13 %"]
    doc = md(source)
    assert "-" not in doc.text and "|" not in doc.text
    assert source_of(doc, "12 %") == "12 %"


def test_pipes_without_a_delimiter_row_are_text() -> None:
    assert text("a | b\nc | d") == "a | b c | d"


def test_escaped_pipe_in_a_table_cell() -> None:
    assert blocks("| a |\n|---|\n| 1 \\| 2 |") == ["a", "1 | 2"]


def test_thematic_break_versus_list() -> None:
    assert blocks("Texte\n\n* * *\n\n- - -\n\nFin") == ["Texte", "Fin"]


def test_front_matter_is_skipped_only_at_the_very_start() -> None:
    assert text("---\ntitle: 12\n---\nTexte").strip() == "Texte"
    assert text("+++\ntitle = 12\n+++\nTexte").strip() == "Texte"
    assert text("\ufeff---\ntitle: 12\n---\nTexte").strip() == "Texte"
    assert blocks("Texte\n\n---\ntitle: 12\n---\n") == ["Texte", "title: 12"]
    # a thematic break first, another one later: no front matter in between
    assert blocks("---\n\nTexte 12\n\n---\n\nSuite") == ["Texte 12", "Suite"]
    assert text("---\n---\nTexte").strip() == "Texte"


def test_a_figure_wrapped_across_lines_is_one_figure() -> None:
    # A soft line break reads as a space (CommonMark renders it so); a hard one stays.
    doc = md("La somme de 97,4\nmilliards, puis 12  \n13 et 14\\\n15.")
    assert doc.text == "La somme de 97,4 milliards, puis 12  \n13 et 14\n15."
    assert source_of(doc, "97,4 milliards") == "97,4\nmilliards"
    quoted = md("> Près de 95\n> millions d’euros")
    assert quoted.text.strip() == "Près de 95 millions d’euros"
    assert source_of(quoted, "95 millions") == "95\n> millions"


def test_crlf_sources_map_exactly() -> None:
    source = "# Titre\r\n\r\n- 12 %\r\n- **13** %\r\n\r\nTexte sur\r\ndeux lignes 14\r\n"
    doc = md(source)
    assert source_of(doc, "13 %") == "13** %"
    assert source_of(doc, "deux lignes 14") == "deux lignes 14"
    assert "\r\n" in doc.text  # the source's own line endings are kept


def test_exact_text_of_a_small_document() -> None:
    source = "# T\n\nPara 1\nligne 2\n\n- a\n- b\n"
    assert text(source) == "T\n\nPara 1 ligne 2\n\na\n\nb\n"
    assert text("Texte 12\n") == "Texte 12\n"


def test_an_item_may_begin_with_one_blank_line_only() -> None:
    assert blocks("-\n  12 %") == ["12 %"]
    assert not re.search(r"\d", text("-\n\n    x = 12"))  # the item ended: indented code


def test_bare_ftp_urls_are_objects_like_web_ones() -> None:
    assert text("Voir ftp://ftp.insee.fr/2024/12 et FTP://x.fr/3.") == f"Voir {OBJECT} et {OBJECT}."
    assert text("xftp://12") == "xftp://12"


def test_task_list_boxes_are_not_prose() -> None:
    source = "- [ ] 12 tâches\n- [x] 3 faites\n  et 4 autres\n1. [X] 7 ok\n"
    doc = md(source)
    assert blocks(source) == ["12 tâches", "3 faites et 4 autres", "7 ok"]
    at = doc.text.index("3 faites")
    assert doc.to_source(at, at + 1) == (source.index("3 faites"), source.index("3 faites") + 1)
    assert text("Un [ ] dans le texte") == "Un [ ] dans le texte"
