"""Inline suppressions in Markdown and HTML comments, and NL001 unused-suppression."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

import numlint
from numlint.diagnostics import Diagnostic, apply_edits
from numlint.sources import read_source
from numlint.suppressions import apply_suppressions, find_directives

DAY = datetime.date(2025, 2, 11)
SLIP = "la somme de 97,4 milliards de dollars (près de 95 millions d'euros)"
SLIP_HTML = f"<p>{SLIP}</p>"


def found(source: str, fmt: str = "markdown", **config: object) -> list[tuple[str, int]]:
    """(code, line) of each finding."""
    return [(d.code, d.line) for d in numlint.check(source, format=fmt, date=DAY,
                                                     config=config or None)]


def nl001(source: str, fmt: str = "markdown") -> list[Diagnostic]:
    return [d for d in numlint.check(source, format=fmt, date=DAY) if d.code == "NL001"]


def test_without_comments_the_slip_is_found():
    assert found(f"{SLIP}\n\n{SLIP}\n") == [("NL101", 1), ("NL101", 3)]


# -- Markdown -----------------------------------------------------------------------------


def test_disable_until_enable():
    source = (f"<!-- numlint-disable NL101 -- vérifié -->\n{SLIP}\n<!-- numlint-enable -->\n\n"
              f"{SLIP}\n")
    assert found(source) == [("NL101", 5)]


def test_disable_without_enable_runs_to_the_end():
    assert found(f"{SLIP}\n\n<!-- numlint-disable NL101 -->\n\n{SLIP}\n\n{SLIP}\n") == [
        ("NL101", 1)
    ]


def test_bare_disable_covers_every_code():
    assert found(f"<!-- numlint-disable -->\n{SLIP}\n<!-- numlint-enable -->\n{SLIP}\n") == [
        ("NL101", 4)
    ]


def test_disable_other_code_does_not_hide_the_finding():
    assert ("NL101", 2) in found(f"<!-- numlint-disable NL104 -->\n{SLIP}\n")


def test_enable_one_code_inside_a_bare_disable():
    source = (f"<!-- numlint-disable -->\n{SLIP}\n<!-- numlint-enable NL101 -->\n{SLIP}\n"
              "<!-- numlint-enable -->\n")
    assert found(source) == [("NL101", 4)]


def test_enable_one_code_of_a_list():
    source = (f"<!-- numlint-disable NL101, NL102 -->\n{SLIP}\n<!-- numlint-enable NL101 -->\n"
              f"{SLIP}\n")
    assert [c for c in found(source) if c[0] != "NL001"] == [("NL101", 4)]


def test_disable_next_line_skips_blank_lines_and_covers_one_line():
    source = f"<!-- numlint-disable-next-line NL101 -->\n\n\n{SLIP}\n{SLIP}\n"
    assert found(source) == [("NL101", 5)]


def test_disable_line():
    source = f"{SLIP} <!-- numlint-disable-line NL101 -->\n{SLIP}\n"
    assert found(source) == [("NL101", 2)]


def test_rule_names_and_lowercase_codes():
    assert found(f"<!-- numlint-disable-next-line conversion-magnitude -->\n{SLIP}\n") == []
    assert found(f"<!-- numlint-disable-next-line nl101 -->\n{SLIP}\n") == []


def test_comments_in_code_are_examples_not_directives():
    for sample in (
        f"```markdown\n<!-- numlint-disable -->\n```\n\n{SLIP}\n",
        f"    <!-- numlint-disable -->\n\n{SLIP}\n",
        f"Écrivez `<!-- numlint-disable -->` avant : {SLIP}\n",
        f"---\nnote: '<!-- numlint-disable -->'\n---\n\n{SLIP}\n",
    ):
        assert [c for c, _ in found(sample)] == ["NL101"], sample
        assert find_directives(read_source(sample, "markdown")) == []


def test_a_comment_in_an_html_block_of_markdown_is_a_directive():
    source = f"<div>\n<!-- numlint-disable-next-line NL101 -->\n</div>\n\n{SLIP}\n"
    # the next non-blank line is "</div>": the directive hides nothing there
    assert [c for c, _ in found(source)] == ["NL001", "NL101"]
    source = f"<div>\n<!-- numlint-disable NL101 -->\n</div>\n\n{SLIP}\n"
    assert found(source) == []


def test_text_has_no_suppressions():
    source = f"<!-- numlint-disable -->\n{SLIP}\n"
    assert found(source, "text") == [("NL101", 2)]


# -- HTML ---------------------------------------------------------------------------------


def test_html_disable_enable_and_next_line():
    source = (f"<!-- numlint-disable NL101 -->\n{SLIP_HTML}\n<!-- numlint-enable -->\n"
              f"{SLIP_HTML}\n<!-- numlint-disable-next-line -->\n{SLIP_HTML}\n")
    assert found(source, "html") == [("NL101", 4)]


def test_html_comments_in_scripts_and_attributes_are_not_directives():
    source = (f"<script>var s = '<!-- numlint-disable -->';</script>\n"
              f'<p title="<!-- numlint-disable -->">x</p>\n<textarea><!-- numlint-disable -->'
              f"</textarea>\n{SLIP_HTML}\n")
    assert found(source, "html") == [("NL101", 4)]


# -- NL001 --------------------------------------------------------------------------------


def test_an_unused_next_line_suppression_is_reported_with_a_safe_fix():
    source = f"Intro.\n\n<!-- numlint-disable-next-line NL101 -->\nRien.\n\n{SLIP}\n"
    [finding] = nl001(source)
    assert source[finding.start:finding.end] == "<!-- numlint-disable-next-line NL101 -->"
    assert (finding.line, finding.column, finding.end_line) == (3, 1, 3)
    assert finding.severity == "warning" and finding.name == "unused-suppression"
    assert "NL101" in finding.message
    assert finding.fix is not None and finding.fix.safety == "safe"
    assert apply_edits(source, finding.fix.edits) == f"Intro.\n\nRien.\n\n{SLIP}\n"


def test_removal_keeps_the_rest_of_the_line():
    source = "Rien. <!-- numlint-disable-line -->\n"
    [finding] = nl001(source)
    assert apply_edits(source, finding.fix.edits) == "Rien. \n"


def test_only_the_unused_codes_are_removed():
    source = f"<!-- numlint-disable-next-line NL102 NL101 -- vérifié -->\n{SLIP}\n"
    [finding] = nl001(source)
    assert "NL102" in finding.message and "NL101" not in finding.message
    assert apply_edits(source, finding.fix.edits).startswith(
        "<!-- numlint-disable-next-line NL101 -- vérifié -->\n")


def test_unknown_codes_and_directives_are_reported_without_fix():
    [typo] = nl001(f"<!-- numlint-disable NL1O1 -->\n{SLIP}\n")
    assert "NL1O1" in typo.message and typo.fix is None
    [kind] = nl001(f"<!-- numlint-disabel NL101 -->\n{SLIP}\n")
    assert "numlint-disabel" in kind.message and kind.fix is None
    # a typo does not become "disable everything"
    assert ("NL101", 2) in found(f"<!-- numlint-disable NL1O1 -->\n{SLIP}\n")


def test_nl001_in_html_in_english():
    source = f"<!-- numlint-disable-next-line -->\n<p>Rien.</p>\n{SLIP_HTML}\n"
    [finding] = [d for d in numlint.check(source, format="html", date=DAY, lang="en")
                 if d.code == "NL001"]
    assert finding.message == "This suppression comment suppresses nothing"


def test_codes_that_did_not_run_are_not_judged():
    source = f"<!-- numlint-disable-next-line NL102 -->\nRien.\n\n{SLIP}\n"
    assert [c for c, _ in found(source)] == ["NL001", "NL101"]
    assert [c for c, _ in found(source, ignore=["NL102"])] == ["NL101"]
    assert [c for c, _ in found(source, select=["NL001"])] == []


def test_nl001_can_be_ignored_like_any_rule():
    source = "<!-- numlint-disable-next-line NL101 -->\nRien.\n"
    assert found(source, ignore=["NL001"]) == []
    assert found(source, ignore=["NL0"]) == []
    assert [c for c, _ in found(source, select=["NL0", "NL1"])] == ["NL001"]


def test_internal_errors_are_not_suppressible():
    internal = Diagnostic("NL000", "internal-error", "error", "boom", 30, 30, 2, 1, 2, 1)
    source = "<!-- numlint-disable -->\nRien du tout ici.\n"
    kept = apply_suppressions([internal], read_source(source, "markdown"), {"NL101"})
    assert kept == [internal]


def test_the_result_stays_sorted_and_the_fast_path_keeps_everything():
    source = f"{SLIP}\n\n<!-- numlint-disable-next-line NL101 -->\nRien.\n"
    assert [d.code for d in numlint.check(source, date=DAY)] == ["NL101", "NL001"]
    diagnostics = numlint.check(SLIP, date=DAY)
    prose = read_source(SLIP, "markdown")
    assert apply_suppressions(diagnostics, prose, {"NL101", "NL001"}) == diagnostics


PIECES = st.sampled_from([
    "<!-- numlint-disable -->", "<!-- numlint-enable -->", "<!-- numlint-disable NL101 -->",
    "<!-- numlint-disable-next-line -->", "<!-- numlint-disable-line NL1O1 -->",
    "<!-- numlint-", "-->", "<!--", "```", "`", "\n", "\n\n", "\r\n", " ", "    ",
    "<p>", "</p>", "<script>", "</script>", SLIP, "numlint-enable", "--", "---\n",
])


@given(pieces=st.lists(PIECES, max_size=25), fmt=st.sampled_from(["markdown", "html", "text"]))
def test_any_mix_of_comments_is_handled(pieces, fmt):
    source = "".join(pieces)
    diagnostics = numlint.check(source, format=fmt, date=DAY)
    assert diagnostics == sorted(diagnostics, key=lambda d: (d.start, d.end, d.code))
    for d in diagnostics:
        assert 0 <= d.start <= d.end <= len(source)
        if d.code == "NL001":
            assert source[d.start:d.end].startswith("<!--")
            if d.fix:
                apply_edits(source, d.fix.edits)


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_a_comment_that_is_not_closed_is_no_directive(fmt):
    source = f"{SLIP}\n\n<!-- numlint-disable\n{SLIP}\n"
    assert find_directives(read_source(source, fmt)) == []
    assert found(source, fmt) == [("NL101", 1)]  # the rest is comment for the reader


def test_when_a_rule_fails_no_directive_is_judged_unused():
    internal = Diagnostic("NL000", "internal-error", "error", "boom", 0, 0, 1, 1, 1, 1,
                          evidence={"rule": "NL101"})
    source = "<!-- numlint-disable-next-line NL101 -->\nRien.\n<!-- numlint-disable NL1O1 -->\n"
    kept = apply_suppressions([internal], read_source(source, "markdown"), {"NL001", "NL101"})
    assert [d.code for d in kept] == ["NL000", "NL001"]
    assert "NL1O1" in kept[1].message
    kept = apply_suppressions([], read_source(source, "markdown"), {"NL001", "NL101"})
    assert [d.line for d in kept] == [1, 3]


COMMENT = "<!-- numlint-disable NL101 -->"


@pytest.mark.parametrize(("fmt", "source"), [
    ("markdown", f"Avant {COMMENT} après.\n"),
    ("markdown", f"<div>\n{COMMENT}\n</div>\n"),
    ("markdown", f"> Cité {COMMENT}\n"),
    ("markdown", f"{COMMENT}\n\nTexte.\n"),
    ("html", f"<p>Avant {COMMENT} après.</p>"),
    ("html", f"<ul><li>{COMMENT}</li></ul>"),
])
def test_the_reader_records_each_real_comment_at_its_place(fmt: str, source: str) -> None:
    start = source.index(COMMENT)
    assert read_source(source, fmt).comments == ((start, start + len(COMMENT)),)


@pytest.mark.parametrize(("fmt", "source"), [
    ("markdown", f"`{COMMENT}`\n"),
    ("markdown", f"```\n{COMMENT}\n```\n"),
    ("markdown", f"    {COMMENT}\n"),
    ("markdown", f"---\nnote: '{COMMENT}'\n---\n\nTexte.\n"),
    ("html", f"<p title='{COMMENT}'>Texte</p>"),
    ("html", f"<script>var s = '{COMMENT}';</script><p>Texte</p>"),
    ("html", "<pre><code>&lt;!-- numlint-disable --&gt;</code></pre>"),
    ("text", COMMENT),
])
def test_what_only_looks_like_a_comment_is_not_recorded(fmt: str, source: str) -> None:
    assert read_source(source, fmt).comments == ()


def test_a_check_reads_its_source_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Suppressions are a filter over what the reader recorded: no second read."""
    import numlint.pipeline

    reads = []
    original = numlint.pipeline.read_source

    def counting(*args: object, **kwargs: object):
        reads.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(numlint.pipeline, "read_source", counting)
    monkeypatch.setattr("numlint.sources.read_source", counting)
    source = f"<!-- numlint-disable-next-line NL101 -->\n{SLIP}\n\n{SLIP}\n"
    assert [d.line for d in numlint.check(source, date=DAY)] == [4]
    assert len(reads) == 1
