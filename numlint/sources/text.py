"""Plain text: the prose is the source itself, character for character."""

from __future__ import annotations

from .prose import ProseDocument, TextBuilder


def read_text(source: str) -> ProseDocument:
    builder = TextBuilder(source)
    builder.copy(0, len(source))
    text, offsets = builder.build()
    return ProseDocument(source, "text", text, None, offsets)
