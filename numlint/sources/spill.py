"""Where a reader's prose piles up while it is built: UTF-8, outside the Python heap.

A long article's prose used to be built as str chunks joined once at the end, which holds
the text twice while it is joined; worse, the chunks' memory is freed in the middle of the
process heap, where the objects made afterwards (figures, relations, all small) never reuse
it, so it stays resident for the rest of the check: 17 MB for a 10 MB HTML page. A
:class:`Spill` writes the chunks, encoded as UTF-8 (about half the size of a str of French
prose, which holds two bytes a character as soon as one ’ or narrow space occurs), into an
anonymous memory map, and decodes them once; closing the map hands its pages back to the
system at once.
"""

from __future__ import annotations

import mmap

_MINIMUM = 1 << 20


class Spill:
    """Text written in order, a chunk at a time, and read back once as one str.

    ``capacity`` is a first guess of the UTF-8 size in bytes; the map grows (a new map,
    twice the size, the bytes so far copied) when a chunk does not fit. Lone surrogates
    round-trip (``surrogatepass``), so any str comes back as it was written.
    """

    __slots__ = ("_map",)

    def __init__(self, capacity: int) -> None:
        self._map = mmap.mmap(-1, max(capacity, _MINIMUM))

    def write(self, text: str) -> None:
        data = text.encode("utf-8", "surrogatepass")
        old = self._map
        used = old.tell()
        if used + len(data) > len(old):
            new = mmap.mmap(-1, max(2 * len(old), used + len(data)))
            with memoryview(old) as view, view[:used] as kept:
                new.write(kept)
            old.close()
            self._map = new
        self._map.write(data)

    def text(self) -> str:
        """Everything written, as one str; the map is released (nothing can be written after)."""
        spilled = self._map
        try:
            with memoryview(spilled) as view, view[: spilled.tell()] as used:
                return str(used, "utf-8", "surrogatepass")
        finally:
            spilled.close()
