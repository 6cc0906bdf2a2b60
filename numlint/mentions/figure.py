"""A figure read at an anchor, seen as one match: the head's groups and the tail's spans.

The scanner reads a figure in two steps (:mod:`.tail`); :class:`Figure` answers
``span``, ``start``, ``end`` and ``group`` for the groups of both, as the one match of
the reference pattern (:func:`.pattern.reference_pattern_source`) would.
"""

from __future__ import annotations

import regex

from .tail import TAIL_GROUPS, Spans

_TAIL = frozenset(TAIL_GROUPS)
_NO_TAIL: dict[str, str | None] = dict.fromkeys(TAIL_GROUPS)
_UNMATCHED = (-1, -1)


class Figure:
    """The head match, the tail's spans and the figure's end."""

    __slots__ = ("_end", "head", "spans", "text")

    def __init__(self, head: regex.Match[str], text: str, spans: Spans, end: int) -> None:
        self.head = head
        self.text = text
        self.spans = spans
        self._end = end

    def span(self, name: str) -> tuple[int, int]:
        if name in _TAIL:
            return self.spans.get(name, _UNMATCHED)
        span: tuple[int, int] = self.head.span(name)
        return span

    def start(self, name: str | None = None) -> int:
        return self.head.start() if name is None else self.span(name)[0]

    def end(self, name: str | None = None) -> int:
        return self._end if name is None else self.span(name)[1]

    def group(self, name: str) -> str | None:
        start, end = self.span(name)
        return None if start < 0 else self.text[start:end]

    def groups_by_name(self, head_names: tuple[str, ...]) -> dict[str, str | None]:
        """Every group's text (None when it did not take part), the head's named in order."""
        groups: dict[str, str | None] = dict(zip(head_names, self.head.groups(), strict=True))
        groups.update(_NO_TAIL)  # the tail's groups, in their order, then those it read
        text = self.text
        for name, (start, end) in self.spans.items():
            groups[name] = text[start:end]
        return groups
