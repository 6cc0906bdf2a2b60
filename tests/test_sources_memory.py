"""What reading a source costs in memory: the prose and its map, not copies of them
(issue 11: 10 MB of HTML must be checked in about 100 MB)."""

from __future__ import annotations

import sys
import tracemalloc

import pytest

from numlint.sources import read_source

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
