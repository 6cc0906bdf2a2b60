"""The text report: excerpt and marker (tabs, wide characters, long lines), evidence, summary."""

from __future__ import annotations

import io

import pytest

from numlint.diagnostics import Diagnostic, Edit, Fix
from numlint.reports import FileReport, Options, Report, write_report
from numlint.reports.excerpt import cell_width, excerpt, line_text
from numlint.reports.text import describe_evidence, describe_fix, summary


def at(source: str, figure: str, severity: str = "error", fix: Fix | None = None,
       occurrence: int = 0) -> Diagnostic:
    """A diagnostic on ``figure`` in ``source``, with its line and columns."""
    start = -1
    for _ in range(occurrence + 1):
        start = source.index(figure, start + 1)
    end = start + len(figure)

    def line_col(offset: int) -> tuple[int, int]:
        before = source[:offset]
        return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1

    (line, column), (end_line, end_column) = line_col(start), line_col(end)
    return Diagnostic("NL101", "conversion-magnitude", severity, "message", start, end,
                      line, column, end_line, end_column, fix)


def marked(source: str, figure: str, width: int = 100) -> tuple[str, str]:
    shown = excerpt(source, at(source, figure), width)
    return shown.text, shown.marker


def under(text: str, marker: str) -> str:
    """The characters of ``text`` above the ``^~~`` marker (one-cell characters only)."""
    start = marker.index("^")
    return text[start : len(marker)]


def test_the_marker_is_under_the_figure():
    text, marker = marked("près de 95 millions d'euros", "95 millions")
    assert under(text, marker) == "95 millions"
    assert marker == " " * 8 + "^" + "~" * 10


def test_tabs_are_expanded_to_tab_stops():
    text, marker = marked("\tab\t95 M€", "95 M€")
    assert "\t" not in text
    assert text == "    ab  95 M€"
    assert under(text, marker) == "95 M€"


def test_wide_characters_take_two_cells():
    _, marker = marked("東京で 95 M€ 😀", "95 M€")
    assert marker == " " * 7 + "^~~~~"  # 東京で: 3 wide characters, 6 cells, then a space
    assert cell_width("東") == 2 and cell_width("😀") == 2 and cell_width("é") == 1
    assert cell_width("\u0301") == 0  # a combining accent


def test_combining_marks_take_no_cell():
    _, marker = marked("e\u0301te\u0301 95 M€", "95 M€")
    assert marker == " " * 4 + "^~~~~"  # é, t, é, space


def test_a_long_line_is_cut_around_the_figure():
    source = "a" * 500 + " 95 millions d'euros " + "b" * 500
    text, marker = marked(source, "95 millions d'euros", width=80)
    assert len(text) <= 80
    assert text.startswith("…") and text.endswith("…")
    assert under(text, marker) == "95 millions d'euros"


def test_a_figure_at_the_end_of_a_long_line():
    source = "a" * 300 + " 95 M€"
    text, marker = marked(source, "95 M€", width=60)
    assert text.startswith("…") and not text.endswith("…")
    assert under(text, marker) == "95 M€"


def test_a_span_over_several_lines_is_marked_to_the_end_of_its_first_line():
    source = "x 95\nmillions"
    text, marker = marked(source, "95\nmillions")
    assert text == "x 95" and marker == "  ^~"


def test_an_empty_span_gets_one_caret():
    d = Diagnostic("NL000", "internal-error", "error", "boom", 0, 0, 1, 1, 1, 1)
    assert excerpt("abc", d).marker == "^"


def test_line_text_handles_every_line_ending():
    assert [line_text("a\r\nb\rc\nd", n) for n in (1, 2, 3, 4, 5)] == ["a", "b", "c", "d", ""]


def test_evidence_and_fix_lines():
    evidence = {"rate": "1 EUR = 1.0324 USD", "rate_date": "2025-02-11",
                "rate_source": "ECB", "ratio": "993.087", "date": "2025-02-11",
                "date_origin": "given"}
    assert describe_evidence(evidence, "en") == (
        "1 EUR = 1.0324 USD on 2025-02-11, ECB; ratio 993.087; article date 2025-02-11 (given)"
    )
    assert describe_evidence(evidence) == (
        "1 EUR = 1,0324 USD le 11/02/2025, ECB ; rapport 993,087 ; date de l’article "
        "11/02/2025 (donnée)"
    )
    assert describe_evidence({}) == ""
    source = "près de 95 millions d'euros"
    fix = Fix((Edit(11, 19, "milliards"),), "unsafe", "")
    assert describe_fix(source, at(source, "95 millions d'euros", fix=fix), "en") == (
        "fix (unsafe): “95 millions d'euros” → “95 milliards d'euros”"
    )
    assert describe_fix(source, at(source, "95 millions d'euros", fix=fix)) == (
        "correction (à confirmer) : « 95 millions d'euros » → « 95 milliards d'euros »"
    )
    removal = Fix((Edit(0, 8, ""),), "safe", "")
    assert describe_fix(source, at(source, "près de ", fix=removal), "en") == (
        "fix (safe): remove “près de”"
    )
    assert describe_fix(source, at(source, "près de ", fix=removal)) == (
        "correction (sûre) : supprimer « près de »"
    )


def test_the_evidence_of_a_real_rate_table_in_each_language():
    evidence = {"rate": "1 EUR = 1.0324 USD", "rate_date": "2025-02-11",
                "rate_fallback": "previous-business-day",
                "rate_source": "ECB euro reference rates (file eurofxref-hist.csv)",
                "ratio": "0.5", "date": "2025-02-12", "date_origin": "latest-rate"}
    assert describe_evidence(evidence) == (
        "1 EUR = 1,0324 USD le 11/02/2025 (jour ouvré précédent), taux de référence de la BCE "
        "(fichier eurofxref-hist.csv) ; rapport 0,5 ; date de l’article 12/02/2025 (aucune "
        "date trouvée : le dernier taux connu a servi)")
    assert describe_evidence(evidence, "en") == (
        "1 EUR = 1.0324 USD on 2025-02-11 (previous-business-day), ECB euro reference rates "
        "(file eurofxref-hist.csv); ratio 0.5; article date 2025-02-12 (no date found: the "
        "latest rate was used)")


def test_a_rule_shows_its_own_evidence_through_its_labels():
    from numlint.i18n import N_

    labels = {"multiple": N_("ratio {ratio}"), "missing": N_("ratio {ratio}")}
    evidence = {"multiple": "2.5", "ratio": "1234.5"}
    assert describe_evidence(evidence, "fr", labels) == (
        "rapport 1\u202f234,5 ; rapport 1\u202f234,5")
    assert describe_evidence(evidence, "en", labels) == "ratio 1,234.5; ratio 1,234.5"


def report(*diagnostics: Diagnostic, source: str = "x", files: int = 1) -> Report:
    extra = tuple(FileReport(f"f{i}.md", "") for i in range(files - 1))
    return Report((FileReport("a.md", source, diagnostics), *extra))


@pytest.mark.parametrize(
    ("severities", "files", "expected"),
    [
        ((), 1, "0 constat dans 1 fichier"),
        (("error",), 1, "1 constat (1 erreur, 0 avertissement) dans 1 fichier"),
        (("warning", "warning", "error"), 3,
         "3 constats (1 erreur, 2 avertissements) dans 3 fichiers"),
        (("info", "warning"), 2, "2 constats (0 erreur, 1 avertissement, 1 info) dans 2 fichiers"),
    ],
)
def test_summary_in_french(severities, files, expected):
    source = "95 95 95"
    found = [at(source, "95", s, occurrence=i) for i, s in enumerate(severities)]
    assert summary(report(*found, source=source, files=files)) == expected


@pytest.mark.parametrize(
    ("severities", "files", "expected"),
    [
        ((), 1, "0 findings in 1 file"),
        (("error",), 1, "1 finding (1 error, 0 warnings) in 1 file"),
        (("warning", "warning", "error"), 3, "3 findings (1 error, 2 warnings) in 3 files"),
        (("info", "warning"), 2, "2 findings (0 errors, 1 warning, 1 info) in 2 files"),
    ],
)
def test_summary(severities, files, expected):
    source = "95 95 95"
    found = [at(source, "95", s, occurrence=i) for i, s in enumerate(severities)]
    assert summary(report(*found, source=source, files=files), "en") == expected


def test_colour_codes_only_when_asked():
    source = "près de 95 millions"
    d = at(source, "95 millions")
    plain, colour = io.StringIO(), io.StringIO()
    write_report(report(d, source=source), "text", plain, Options())
    write_report(report(d, source=source), "text", colour, Options(color=True))
    assert "\x1b[" not in plain.getvalue()
    assert "\x1b[1;31mNL101\x1b[0m" in colour.getvalue()
    assert plain.getvalue().splitlines()[0] == "a.md:1:9: NL101 message"


def test_a_fix_over_a_wrapped_figure_is_described_on_one_line() -> None:
    source = "près de 95\nmillions d'euros et 12\u00a0%"
    start = source.index("millions")
    wrapped = at(source, "95\nmillions d'euros",
                 fix=Fix((Edit(start, start + len("millions"), "milliards"),), "unsafe", ""))
    assert describe_fix(source, wrapped, "en") == (
        "fix (unsafe): “95 millions d'euros” → “95 milliards d'euros”"
    )
    percent = source.index("\u00a0%")
    spacing = at(source, "12\u00a0%",
                 fix=Fix((Edit(percent, percent + 1, "\u202f"),), "safe", ""))
    assert describe_fix(source, spacing) == "correction (sûre) : « 12\u00a0% » → « 12\u202f% »"
