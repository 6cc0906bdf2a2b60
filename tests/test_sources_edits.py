"""Fix edits mapped back to the source: entities written back, markup never crossed."""

from __future__ import annotations

from datetime import date

import pytest

import numlint
from numlint.diagnostics import apply_edits
from numlint.sources import read_source
from numlint.sources.edits import SourceEdit, to_source_edit

DAY = date(2025, 2, 11)


def _only(source: str, code: str, format: str = "html") -> numlint.Diagnostic:
    found = [d for d in numlint.check(source, format=format, date=DAY) if d.code == code]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("entity", "fixed"),
    [
        ("&nbsp;", "<p>Un rachat de 4,5&nbsp;milliards de dollars.</p>"),
        ("&#8239;", "<p>Un rachat de 4,5&#8239;milliards de dollars.</p>"),
        ("&#x202F;", "<p>Un rachat de 4,5&#x202F;milliards de dollars.</p>"),
    ],
)
def test_a_fix_over_an_entity_is_offered_and_keeps_the_entity_as_written(entity, fixed):
    source = f"<p>Un rachat de $4,5{entity}milliards.</p>"
    found = _only(source, "NL304")
    assert source[found.start : found.end] == f"$4,5{entity}milliards"
    assert found.fix is not None and found.fix_refused == ""
    assert apply_edits(source, found.fix.edits) == fixed


def test_a_markdown_entity_is_written_back_too():
    source = "Un rachat de $4,5&nbsp;milliards.\n"
    found = _only(source, "NL304", "markdown")
    assert found.fix is not None
    assert apply_edits(source, found.fix.edits) == "Un rachat de 4,5&nbsp;milliards de dollars.\n"


def test_the_characters_a_fix_keeps_are_not_rewritten():
    source = "la somme de 97,4 milliards de dollars (pr&egrave;s de 95&nbsp;millions d&rsquo;euros)"
    found = _only(source, "NL101")
    assert found.fix is not None
    fixed = source.replace("95&nbsp;millions", "95&nbsp;milliards")
    assert apply_edits(source, found.fix.edits) == fixed
    # only the changed letters are edited: no entity is rewritten
    assert all("&" not in source[e.start : e.end] for e in found.fix.edits)


def test_a_fix_that_would_cross_a_tag_is_refused_and_says_why():
    source = "<p>Un rachat de <b>$4,5</b>&nbsp;milliards.</p>"
    found = _only(source, "NL304")
    assert found.fix is None
    assert found.fix_refused == "would cross markup </b>"
    assert found.to_dict()["fix_refused"] == "would cross markup </b>"


def test_markdown_emphasis_inside_a_fix_is_markup_too():
    source = "Un rachat de **$4,5** milliards.\n"
    found = _only(source, "NL304", "markdown")
    assert found.fix is None
    assert found.fix_refused == "would cross markup **"


def test_a_fix_with_nothing_refused_has_no_reason_in_json():
    found = _only("<p>Un rachat de $4,5 milliards.</p>", "NL304")
    assert found.fix is not None
    assert found.to_dict()["fix_refused"] is None


def test_to_source_edit_trims_what_the_replacement_keeps():
    prose = read_source("<p>95&nbsp;<i>millions</i></p>", "html")
    start = prose.text.index("95")
    edit = to_source_edit(prose, start, start + len("95\u00a0millions"), "95\u00a0milliards")
    assert edit == SourceEdit(14, 22, "milliards")  # the changed word only, after the tags


def test_to_source_edit_refuses_a_tag_it_would_delete():
    prose = read_source("<p>95<br>millions</p>", "html")
    start = prose.text.index("95")
    assert to_source_edit(prose, start, prose.text.index("s") + 1, "x") == (
        "would cross markup <br>"
    )
