"""Link reference definitions (``[label]: url "title"``) and footnote definitions: they
leave nothing in the prose; their labels decide which ``[text]`` are links."""

from __future__ import annotations

import re

# First pass: the labels of reference definitions, anywhere (a line's container markers
# and list markers allowed before). A superset of the real ones is harmless: a stray
# label only lets a "[text]" lose its brackets.
_DEFINITION = re.compile(
    r"^(?:[ \t>]|[-+*][ \t]|[0-9]{1,9}[.)][ \t])*+\[((?:[^\\\[\]\r\n]|\\.){1,999})\]:",
    re.MULTILINE,
)
_REFERENCE_DEFINITION = re.compile(
    r"""[ ]{0,3}\[(?!\^)((?:[^\\\[\]]|\\.){1,999})\]:
        [ \t]*(?:\r\n|\r|\n)?[ \t]*
        (?:<(?:[^<>\\\r\n]|\\.)*>|[^\s<]\S*)
        (?:(?:[ \t]+|[ \t]*(?:\r\n|\r|\n)[ \t]*)
           ("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?
        [ \t]*(?:\r\n|\r|\n|\Z)""",
    re.VERBOSE | re.DOTALL,
)
_FOOTNOTE_DEFINITION = re.compile(r"[ ]{0,3}\[\^[^\]\s]{1,999}\]:[ \t]*")


def normalize_label(label: str) -> str:
    """A link label as CommonMark compares them: case-folded, inner whitespace collapsed."""
    return " ".join(label.split()).casefold()


def reference_labels(src: str) -> frozenset[str]:
    """The normalized labels the source defines (read before any block)."""
    if src.find("]:") < 0:  # what every definition has: most articles have none
        return frozenset()
    return frozenset(
        normalize_label(m.group(1)) for m in _DEFINITION.finditer(src)
        if not m.group(1).startswith("^") and m.group(1).strip()
        and _REFERENCE_DEFINITION.match(src, m.start(1) - 1)
    )


def definitions(text: str) -> list[tuple[int, int]]:
    """The spans of the reference definitions opening a paragraph's ``text``, then of a
    footnote definition's marker: what the paragraph starts with that is no prose."""
    spans = []
    start = 0
    while m := _REFERENCE_DEFINITION.match(text, start):
        if not m.group(1).strip():
            break
        spans.append((start, m.end()))
        start = m.end()
    if m := _FOOTNOTE_DEFINITION.match(text, start):
        spans.append((start, m.end()))
    return spans
