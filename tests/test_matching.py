"""match_at gives exactly what ``pattern.match`` gives, reading only a window after pos."""

from __future__ import annotations

import time

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import numlint
from numlint.matching import match_at
from numlint.mentions.scanner import _helpers
from numlint.mentions.standard import default_scanner
from numlint.relations import change, equivalence, shares, sums

PATTERNS = {
    "scanner": default_scanner().pattern,
    "scanner_demi": default_scanner()._demi_pattern,
    "scanner_digits": default_scanner()._digit_pattern,
    "scanner_words": default_scanner()._word_pattern,
    "neuf_noun_follows": _helpers().neuf_noun_follows,
    "month_follows": _helpers().month_follows,
    "base_after": shares._BASE_AFTER,
    "change_word_after": change._CHANGE_WORD_AFTER,
    "points_after": change._POINTS_AFTER,
    "noun_after": equivalence._NOUN_AFTER,
    "closing_parenthesis": equivalence._CLOSING_PARENTHESIS,
    "counted_noun": sums._COUNTED_NOUN,
    "total_after": sums._TOTAL_AFTER,
}
PIECES = st.sampled_from([
    "45\u202f% pour, ", "soit ", "(près de 95 millions d’euros)", "de 3 à 5 %", " ", "\u00a0",
    "\u202f", "’", "1 234,5", "$", "€", "et ", "contre ", "des hommes", " points", "milliards",
    " de dollars", "neuf ", "personnes", "février", ", ", ")", "hausse de ", "au total", "\n",
])
texts = st.lists(PIECES, min_size=1, max_size=80).map("".join)


@pytest.mark.parametrize("name", list(PATTERNS))
@given(text=texts, data=st.data())
def test_match_at_is_pattern_match(name: str, text: str, data: st.DataObject) -> None:
    pattern: regex.Pattern[str] = PATTERNS[name]
    pos = data.draw(st.integers(0, len(text)))
    window = data.draw(st.sampled_from((64, 128, 512)))
    expected = pattern.match(text, pos)
    found = match_at(pattern, text, pos, window=window, margin=window // 2)
    assert (found is None) == (expected is None)
    if expected is not None and found is not None:
        assert (found.span(), found.groups()) == (expected.span(), expected.groups())


def test_match_at_reads_a_window_not_the_rest_of_the_text() -> None:
    """regex looks for a required string up to the end of the text: not match_at."""
    numlint.mentions("1 $")
    long_text = "45 % pour, " * 40_000

    def cpu(run) -> float:
        started = time.process_time()
        for _ in range(50):
            run()
        return max(time.process_time() - started, 1e-4)

    whole = cpu(lambda: shares._BASE_AFTER.match(long_text, 4))
    bounded = cpu(lambda: match_at(shares._BASE_AFTER, long_text, 4))
    assert match_at(shares._BASE_AFTER, long_text, 4) is None
    assert whole / bounded > 20, f"match_at only {whole / bounded:.0f}x cheaper"


def test_a_lazy_pattern_compiles_on_first_use_and_matches_like_the_pattern() -> None:
    from numlint.matching import LazyPattern, lazy_pattern

    source = r"(?i)(?P<n>\d+)\s*(?P<unit>\p{L}+)"
    lazy = lazy_pattern(source)
    assert isinstance(lazy, LazyPattern) and "_compiled" not in vars(lazy)
    text = "3 Kg, 12 tonnes"
    expected = regex.compile(source)
    assert [m.groupdict() for m in lazy.finditer(text)] == [
        m.groupdict() for m in expected.finditer(text)]
    assert "_compiled" in vars(lazy) and lazy.groupindex == expected.groupindex
    assert match_at(lazy, text, 6).span() == expected.match(text, 6).span()
