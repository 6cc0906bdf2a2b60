"""The trie-shaped word lists: both spellings match exactly the forms they are built from."""

from __future__ import annotations

import re

import regex
from hypothesis import given
from hypothesis import strategies as st

from numlint.mentions.trie import trie_pattern

WORD = st.text(alphabet="abcé' ", min_size=1, max_size=6).filter(
    lambda w: w.strip() == w and "  " not in w  # lexicon forms: words and single spaces
)


def _matches(pattern: str, text: str, *, for_re: bool) -> bool:
    engine = re if for_re else regex
    return engine.fullmatch("(?:" + pattern + ")", text) is not None


@given(st.lists(WORD, min_size=1, max_size=12), st.booleans())
def test_a_trie_matches_its_forms_and_nothing_else(forms, for_re) -> None:
    pattern = trie_pattern(forms, for_re=for_re)
    for form in forms:
        assert _matches(pattern, form, for_re=for_re), (form, pattern)
    for form in forms:
        for cut in range(1, len(form)):
            prefix = form[:cut]
            if prefix.rstrip() == prefix and prefix not in forms:
                assert not _matches(pattern, prefix, for_re=for_re), (prefix, pattern)


def test_the_regex_spelling_has_no_repeat() -> None:
    # The regex engine resets every repeat of a pattern at each match attempt: the
    # scanner's tries must not add one per node.
    pattern = trie_pattern(["dollar", "dollars", "dollar us", "dollar canadien"])
    assert not re.search(r"(?<!\\)[?*+](?![:=!<])|\{\d", pattern.replace("(?:", "")), pattern
    assert trie_pattern(["dollar", "dollars"], for_re=True) == "dollar(?:s)?"


def test_spaces_inside_a_form() -> None:
    pattern = trie_pattern(["dollar us"])
    assert _matches(pattern, "dollar\u00a0us", for_re=False)
    assert _matches(pattern, "dollar \u202fus", for_re=False)
    assert not _matches(pattern, "dollarus", for_re=False)
    glued = trie_pattern(["$ us"], glued_spaces=True)
    assert _matches(glued, "$us", for_re=False) and _matches(glued, "$ us", for_re=False)
