"""LanguageTool's annotated text (the ``data`` field): prose to check, markup to skip.

``{"annotation": [{"text": "Un "}, {"markup": "<b>"}, {"text": "test"},
{"markup": "<p>", "interpretAs": "\\n\\n"}]}``: the text checked is the ``text`` parts and
the ``interpretAs`` of markup; the offsets answered are positions in the whole document
(markup included), as LanguageTool answers them.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ..errors import NumlintError


class AnnotationError(NumlintError):
    """The ``data`` field is not LanguageTool's annotated JSON."""


@dataclass(frozen=True, slots=True)
class _Part:
    plain_start: int
    plain_end: int
    source_start: int
    source_end: int
    is_text: bool


@dataclass(frozen=True)
class AnnotatedText:
    plain: str
    """What is checked: text parts and the ``interpretAs`` of markup."""
    source: str
    """The whole document: text parts and markup, which the answered offsets refer to."""
    parts: tuple[_Part, ...]

    def source_start(self, offset: int) -> int:
        """The source offset of a finding starting at plain ``offset``."""
        part = self._part_at(offset, end=False)
        if part is None:
            return len(self.source)
        if part.is_text:
            return part.source_start + offset - part.plain_start
        return part.source_start

    def source_end(self, offset: int) -> int:
        """The source offset of a finding ending at plain ``offset``."""
        part = self._part_at(offset, end=True)
        if part is None:
            return 0
        if part.is_text:
            return part.source_start + offset - part.plain_start
        return part.source_end

    def _part_at(self, offset: int, *, end: bool) -> _Part | None:
        index = self._index(offset)
        # parts that check nothing (markup without interpretAs) share a plain offset
        low = index - 1
        while low > 0 and self.parts[low - 1].plain_start == self.parts[low].plain_start:
            low -= 1
        candidates = [
            p for p in self.parts[max(0, low - 1): index + 1]
            if (p.plain_start < offset <= p.plain_end if end
                else p.plain_start <= offset < p.plain_end)
        ]
        texts = [p for p in candidates if p.is_text]
        chosen = texts or candidates
        return chosen[0] if chosen else None

    def _index(self, offset: int) -> int:
        return bisect_right(self._starts, offset)

    @cached_property
    def _starts(self) -> list[int]:
        return [p.plain_start for p in self.parts]


def parse_annotated(data: str) -> AnnotatedText:
    """Read the ``data`` field; raises :class:`AnnotationError` with what is wrong."""
    try:
        document = json.loads(data)
    except json.JSONDecodeError as error:
        raise AnnotationError(f"'data' is not valid JSON: {error}") from None
    items = document.get("annotation") if isinstance(document, dict) else None
    if not isinstance(items, list):
        raise AnnotationError("'data' must be a JSON object with an 'annotation' list")
    plain: list[str] = []
    source: list[str] = []
    parts: list[_Part] = []
    plain_at = source_at = 0
    for index, item in enumerate(items):
        text, shown, is_text = _item(item, index)
        parts.append(_Part(plain_at, plain_at + len(shown), source_at, source_at + len(text),
                           is_text))
        plain.append(shown)
        source.append(text)
        plain_at += len(shown)
        source_at += len(text)
    return AnnotatedText("".join(plain), "".join(source), tuple(parts))


def _item(item: Any, index: int) -> tuple[str, str, bool]:
    """(source text, checked text, is a text part) of one annotation item."""
    if not isinstance(item, dict):
        raise AnnotationError(f"annotation item {index} must be an object")
    if "text" in item and "markup" not in item:
        text = item["text"]
        if not isinstance(text, str):
            raise AnnotationError(f"annotation item {index}: 'text' must be a string")
        return text, text, True
    if "markup" in item and "text" not in item:
        markup, shown = item["markup"], item.get("interpretAs", "")
        if not isinstance(markup, str) or not isinstance(shown, str):
            raise AnnotationError(
                f"annotation item {index}: 'markup' and 'interpretAs' must be strings")
        return markup, shown, False
    raise AnnotationError(f"annotation item {index} must have either 'text' or 'markup'")
