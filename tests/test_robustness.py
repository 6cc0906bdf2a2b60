"""Solid under any input: no exception, valid spans, determinism, linear time, no network.

Hypothesis runs a few dozen examples by default; ``--hypothesis-profile=thorough`` runs
thousands (see tests/conftest.py). Linearity is checked by a ratio of CPU times measured
in the same test, never by an absolute duration.
"""

from __future__ import annotations

import gc
import itertools
import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import numlint
from numlint.sources import read_source
from numlint.suppressions import apply_suppressions

FORMATS = ("text", "markdown", "html")
FIGURE_PIECES = [
    *"0123456789 ,.%€$()<>&;*_`[]#-\n\u00a0\u202f’'",
    "millions", "milliards", " de dollars", " d’euros", "soit ", "près de ", "<p>", "</p>",
    "<!--", "-->", "&nbsp;", "```", "---\n", "billion", "passant de ", " à ", "hausse de ",
    "a doublé", "Md€", " km", "°C", "francs",
]
FIGURE_ALPHABET = st.sampled_from(FIGURE_PIECES)
figure_like_text = st.lists(FIGURE_ALPHABET, max_size=60).map("".join)
any_text = st.one_of(st.text(max_size=300), figure_like_text)


def _assert_valid(source: str, diagnostics: list[numlint.Diagnostic]) -> None:
    for d in diagnostics:
        assert 0 <= d.start <= d.end <= len(source)
        assert d.line >= 1 and d.column >= 1
        assert (d.end_line, d.end_column) >= (d.line, d.column)
        if d.fix is not None:
            for edit in d.fix.edits:
                assert 0 <= edit.start <= edit.end <= len(source)


@settings(deadline=None)  # the first example builds the patterns and loads the rules
@given(text=any_text, fmt=st.sampled_from(FORMATS))
def test_check_never_raises_and_spans_are_valid(text: str, fmt: str) -> None:
    diagnostics = numlint.check(text, format=fmt)
    _assert_valid(text, diagnostics)
    assert not [d for d in diagnostics if d.code == "NL000"]  # no stage or rule failed
    assert numlint.check(text, format=fmt) == diagnostics


@settings(deadline=None)
@given(text=any_text)
def test_mentions_never_raise_and_spans_are_valid(text: str) -> None:
    found = numlint.mentions(text)
    for m in found:
        assert text[m.start : m.end] == m.text
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


@settings(deadline=None, max_examples=25)
@given(text=figure_like_text, fmt=st.sampled_from(FORMATS))
def test_eight_threads_get_the_same_diagnostics(text: str, fmt: str) -> None:
    expected = numlint.check(text, format=fmt)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: numlint.check(text, format=fmt), range(8)))
    assert all(result == expected for result in results)


def _cpu_seconds(run: Callable[[], object], repeat: int = 3) -> float:
    """Best of a few CPU times: noise only ever adds time. The garbage collector is held
    off while timing: its passes cost in proportion to everything the process holds (the
    suite's earlier tests included), not to the input under test."""
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(repeat):
            started = time.process_time()
            run()
            best = min(best, time.process_time() - started)
    finally:
        gc.enable()
    return max(best, 1e-4)


SMALL, LARGE = 20_000, 200_000
ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "a million digits": lambda n: "1" * n,
    "nested parentheses": lambda n: "(" * (n // 2 - 20) + "3 millions d'euros" + ")" * (n // 2),
    "millions millions": lambda n: "3 " + "millions " * (n // 9),
    "a table of figures": lambda n: "| a | b |\n|---|---|\n"
    + "| 1 234 € | 5,6 % |\n" * (n // 21),
    "one long line": lambda n: ("97,4 milliards de dollars (près de 95 millions d'euros) "
                                * (n // 56 + 1))[:n],
    "malformed html": lambda n: ("<p a='<b>1 million <" + "&" * 7 + "<!--") * (n // 30),
    "binary garbage": lambda n: os.urandom(n).decode("utf-8", errors="replace")[:n],
    "unclosed markdown": lambda n: ("[97,4 **milliards `de (dollars " * (n // 31 + 1))[:n],
}


@pytest.mark.parametrize("name", list(ADVERSARIAL))
@pytest.mark.parametrize("fmt", FORMATS)
def test_adversarial_inputs_take_linear_time(name: str, fmt: str) -> None:
    build = ADVERSARIAL[name]
    small, large = build(SMALL), build(LARGE)
    _assert_valid(large, numlint.check(large, format=fmt))
    ratio = _cpu_seconds(lambda: numlint.check(large, format=fmt), repeat=2) / _cpu_seconds(
        lambda: numlint.check(small, format=fmt)
    )
    assert ratio < 40, f"10x the input took {ratio:.0f}x the time: not linear"


def test_no_network_at_import_or_during_a_check(tmp_path: Path) -> None:
    article = tmp_path / "article.md"
    article.write_text(
        "---\ndate: 2025-02-11\n---\nla somme de 97,4 milliards de dollars "
        "(près de 95 millions d'euros)\n",
        encoding="utf-8",
    )
    script = textwrap.dedent(
        f"""
        import socket

        def refuse(*args, **kwargs):
            raise AssertionError("network access")

        socket.socket.connect = refuse
        socket.socket.connect_ex = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse

        import numlint
        text = open({str(article)!r}, encoding="utf-8").read()
        assert [d.code for d in numlint.check(text)] == ["NL101"]
        assert numlint.mentions(text)
        import numlint.pipeline, numlint.conversion
        numlint.conversion.unit_registry()
        print("ok")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


@pytest.mark.parametrize("name", ["a table of figures", "one long line"])
def test_relations_take_linear_time_in_the_number_of_figures(name: str) -> None:
    # Stage 4 alone, on many figures: a walk over all earlier figures per figure would
    # hide in the whole check's time at the sizes above, not here.
    from numlint.relations import find_relations

    build = ADVERSARIAL[name]
    small, large = build(50_000), build(500_000)
    mentions = {text: tuple(numlint.mentions(text)) for text in (small, large)}
    ratio = _cpu_seconds(lambda: find_relations(large, mentions[large])) / _cpu_seconds(
        lambda: find_relations(small, mentions[small])
    )
    assert ratio < 30, f"10x the figures took {ratio:.0f}x the time: not linear"


@pytest.mark.parametrize(
    "text",
    [
        "7" * 60 + "K € (3 €)",  # found by atheris: a scaled 60-digit run overflowed quantize
        "9" * 40 + " milliards de dollars (" + "9" * 40 + " millions d'euros)",
        "Le prix passe de 0,000000001 euro à 5 000 milliards d'euros, soit une hausse de 5 %.",
        "Un plan de 1 euro, dont " + "5" * 50 + " milliards pour la recherche.",
        "Avec 1 mort, c'est " + "3" * 45 + " fois plus que les 2 morts de 2019.",
    ],
)
def test_absurd_magnitudes_are_read_exactly_and_checked_without_failing(text: str) -> None:
    diagnostics = numlint.check(text, format="text")
    assert not [d for d in diagnostics if d.code == "NL000"], diagnostics
    _assert_valid(text, diagnostics)
    if text.startswith("7"):
        [mention, _] = numlint.mentions(text)
        assert mention.value == Decimal("7" * 60 + "000")  # exact, not rounded to 28 digits


def _html_suppressions(n: int) -> tuple[str, list[numlint.Diagnostic]]:
    """``n`` disable-line comments, each over a line with one NL101 finding."""
    line = "<p><!-- numlint-disable-line NL101 -->97,4 milliards de dollars</p>\n"
    diagnostics = [
        numlint.Diagnostic(
            code="NL101", name="conversion-magnitude", severity="error", message="slip",
            start=i * len(line) + 40, end=i * len(line) + 44, line=i + 1, column=41,
            end_line=i + 1, end_column=45,
        )
        for i in range(n)
    ]
    return line * n, diagnostics


def _suppressed(
    source: str, diagnostics: list[numlint.Diagnostic], codes: set[str]
) -> list[numlint.Diagnostic]:
    """The diagnostics left by the suppression comments of an HTML ``source``, read as
    :func:`numlint.check` reads it."""
    return apply_suppressions(diagnostics, read_source(source, "html"), codes)


SCANS: dict[str, tuple[int, Callable[[int], object]]] = {
    # family: (small size, run it at a size)
    "mentions of a run of $": (2_000, lambda n: numlint.mentions("$" * n)),
    "mentions of a run of € and NBSP": (2_000, lambda n: numlint.mentions("€\u00a0" * (n // 2))),
    "check of a run of $": (10_000, lambda n: numlint.check("$" * n, format="text")),
    "a vote listed over and over": (
        11_000, lambda n: numlint.check("45\u202f% pour, " * (n // 11), format="text")
    ),
    "html suppression comments": (
        300 * 69,
        lambda n: _suppressed(*_html_suppressions(n // 69), {"NL101"}),
    ),
}


@pytest.mark.parametrize("name", list(SCANS))
def test_scans_and_suppressions_take_linear_time(name: str) -> None:
    """Each pass, not just the main pattern: the anchor passes, the matches helpers make
    after each figure (``regex`` looks ahead to the end of the text for a required
    string), and suppression ranges against diagnostics."""
    small, run = SCANS[name]
    run(small)  # warm: patterns compiled, caches filled
    ratio = _cpu_seconds(lambda: run(small * 10), repeat=2) / _cpu_seconds(lambda: run(small))
    assert ratio < 40, f"10x the input took {ratio:.0f}x the time: not linear"


def test_suppressions_still_hide_what_they_cover_at_scale() -> None:
    source, diagnostics = _html_suppressions(50)
    assert _suppressed(source, diagnostics, {"NL101", "NL001"}) == []
    kept = _suppressed(source.replace("NL101", "NL102", 1), diagnostics, {"NL101", "NL001"})
    assert [d.line for d in kept if d.code == "NL101"] == [1]
