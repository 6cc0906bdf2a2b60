"""The scanner's anchor passes work chunk by chunk; chunking must never change a result."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import numlint
from numlint.mentions import scanner

PIECES = [
    " ", "\n", "97,4", " milliards", " de dollars", " (près de ", "95 millions", " d’euros)",
    "deux", " cent", " mille", "un", " million", "12 %", "3 km", "$", "4,5", " Md€", "soit ",
    "https://x.fr/1", "1 234,56", "quatre-vingt-dix-sept", "İ", "abc",
]
texts = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)


@settings(deadline=None, max_examples=150)
@given(text=texts, size=st.integers(min_value=1, max_value=40))
def test_small_chunks_find_what_one_chunk_finds(text: str, size: int) -> None:
    whole = numlint.mentions(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(scanner, "CHUNK", size)
        chunked = numlint.mentions(text)
    assert chunked == whole


def test_chunks_cover_the_text_and_end_after_spaces() -> None:
    text = ("mot " * 50_000) + ("x" * 100_000)
    spans = list(scanner._chunks(text))
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    assert all(text[end - 1] in " \n" for _, end in spans[:-2])
