"""What reading a source costs in memory: the prose and its map, not copies of them
(issue 11: 10 MB of HTML must be checked in about 100 MB)."""

from __future__ import annotations

import sys
import tracemalloc

import pytest

from numlint.sources import prose, read_source
from numlint.sources.prose import TextBuilder

PARAGRAPH = ("<p>Le groupe a versé <strong>97,4&nbsp;milliards</strong> de dollars "
             "(près de 95&#8239;millions d’euros), soit 12&nbsp;% de plus.</p>\n")
MARKDOWN = "Le groupe a versé **97,4 milliards** de dollars (près de 95 millions d’euros).\n\n"


@pytest.mark.parametrize(("source", "format"), [(PARAGRAPH * 3000, "html"),
                                                (MARKDOWN * 3000, "markdown")])
def test_reading_holds_the_prose_at_most_twice_while_it_is_built(source, format):
    tracemalloc.start()
    try:
        prose = read_source(source, format)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    text = sys.getsizeof(prose.text)
    runs = sum(a.itemsize * len(a) for a in (prose.offsets.text_starts,
                                              prose.offsets.source_starts,
                                              prose.offsets.source_lengths))
    assert peak <= 2 * text + 2 * runs + 200_000, (peak, text, runs)


def test_the_map_of_an_article_takes_four_bytes_a_run():
    prose = read_source(PARAGRAPH * 10, "html")
    assert len(prose.offsets) > 10
    for runs in (prose.offsets.text_starts, prose.offsets.source_starts,
                 prose.offsets.source_lengths):
        assert runs.itemsize == 4



def _traced_peak(work):
    tracemalloc.start()
    try:
        result = work()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _walked(source, format, monkeypatch):
    """The builder a reader filled from ``source``, before it built the text."""
    builders = []
    with monkeypatch.context() as patch:
        patch.setattr(TextBuilder, "build", lambda builder: builders.append(builder) or ("", None))
        read_source(source, format)
    return builders[0]


LONG = [(PARAGRAPH * 4000, "html"), (MARKDOWN * 5000, "markdown")]


@pytest.mark.parametrize(("source", "format"), LONG)
def test_a_long_prose_is_not_held_in_the_heap_while_the_source_is_read(source, format,
                                                                       monkeypatch):
    """The prose read so far goes to a spill outside the heap, a chunk at a time: while the
    reader walks the source, the heap holds the map, not a copy of the text (that copy,
    freed in the middle of the heap once joined, stayed resident for the rest of the check:
    17 MB for 10 MB of HTML)."""
    monkeypatch.setattr(prose, "SPILL_PARTS", 256, raising=False)
    builder, walk_peak = _traced_peak(lambda: _walked(source, format, monkeypatch))
    (text, offsets), build_peak = _traced_peak(builder.build)
    text_bytes = sys.getsizeof(text)
    runs = sum(a.itemsize * a.buffer_info()[1]
               for a in (offsets.text_starts, offsets.source_starts, offsets.source_lengths))
    assert text_bytes > 500_000
    # the map, and the pieces joined at a time (a bound that does not grow with the text)
    assert walk_peak <= 2 * runs + 100_000, (walk_peak, text_bytes, runs)
    assert build_peak <= 2 * text_bytes, (build_peak, text_bytes)


@pytest.mark.parametrize(("source", "format"), [
    (PARAGRAPH * 300, "html"),
    (MARKDOWN * 300, "markdown"),
    ("a\ud800\udc00b \U0001f600 é’\u202f1 " * 300, "text"),
    ("<p>a\ud800&#x1F600;\udc00b</p> é’&nbsp;1\r\n" * 300, "html"),
    ("*a*\ud800\udc00 `b` \U0001f600 é’\u202f1  \n" * 300, "markdown"),
])
def test_a_spilled_prose_is_the_text_joined_whole(source, format, monkeypatch):
    """Lone surrogates, pairs of them and characters beyond the BMP come back as written."""
    monkeypatch.setattr(prose, "SPILL_PARTS", 64)
    spilled = read_source(source, format)
    monkeypatch.setattr(prose, "SPILL_PARTS", 10**9)
    whole = read_source(source, format)
    assert spilled.text == whole.text
    assert spilled.offsets.segments() == whole.offsets.segments()


def test_a_spill_grows_past_its_first_guess():
    from numlint.sources.spill import Spill

    spill = Spill(0)
    pieces = ["\U0001f600\ud800 é’" * 50_000, "a" * 3_000_000, "\udc00\u202f" * 400_000]
    for piece in pieces:
        spill.write(piece)
    assert spill.text() == "".join(pieces)
