"""A fix edit in prose offsets -> the same edit in the source, or why it cannot be made.

A rule edits the prose (``text``); the fix is applied to the source, which may hold
entities (``&nbsp;``) and markup (``<b>``, ``**``) among the characters edited. The
characters an edit keeps (its common prefix and suffix with the replacement) are left
out of it, so whatever the source had there stays as written. What remains is offered
when it spans only text and character references, each entity written back as the
source spelled it; it is refused, with the reason, when it would delete or cross markup.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from .prose import ProseDocument

_SHOWN = 24  # characters of markup quoted in a refusal


@dataclass(frozen=True, slots=True)
class SourceEdit:
    """``source[start:end]`` is to be replaced by ``replacement``."""

    start: int
    end: int
    replacement: str


def to_source_edit(
    prose: ProseDocument, start: int, end: int, replacement: str
) -> SourceEdit | str:
    """The source edit for replacing ``prose.text[start:end]`` by ``replacement``, or a
    short reason (``"would cross markup <b>"``) when no source edit can do it."""
    old = prose.text[start:end]
    keep = min(len(old), len(replacement))
    prefix = 0
    while prefix < keep and old[prefix] == replacement[prefix]:
        prefix += 1
    suffix = 0
    while suffix < keep - prefix and old[-1 - suffix] == replacement[-1 - suffix]:
        suffix += 1
    # whole words: "millions" -> "milliards" reads better than "on" -> "ard"
    while prefix and old[prefix - 1].isalnum():
        prefix -= 1
    while suffix and old[-suffix].isalnum():
        suffix -= 1
    start, end = start + prefix, end - suffix
    replacement = replacement[prefix : len(replacement) - suffix]
    if start == end:
        position = prose.to_source(start, start)[0]
        return SourceEdit(position, position, replacement)
    spellings: dict[str, str] = {}
    offsets, source = prose.offsets, prose.source
    k = bisect_right(offsets.text_starts, start) - 1
    previous_end = -1
    while k < len(offsets) and offsets.text_starts[k] < end:
        run_start, length = offsets.source_starts[k], offsets.source_lengths[k]
        run_end = run_start + (length if length >= 0 else ~length)
        if previous_end >= 0 and run_start != previous_end:
            return _refusal(source[previous_end:run_start])
        if length < 0:
            written = source[run_start:run_end]
            if not written.startswith("&"):
                return _refusal(written) if written.strip() else "would cross a line break"
            text_end = offsets.text_starts[k + 1] if k + 1 < len(offsets) else len(prose.text)
            spellings[prose.text[offsets.text_starts[k] : text_end]] = written
        previous_end = run_end
        k += 1
    source_start, source_end = prose.to_source(start, end)
    for decoded, written in spellings.items():
        replacement = replacement.replace(decoded, written)
    return SourceEdit(source_start, source_end, replacement)


def _refusal(markup: str) -> str:
    shown = " ".join(markup.split())
    if len(shown) > _SHOWN:
        shown = shown[: _SHOWN - 1] + "…"
    return f"would cross markup {shown}" if shown else "would cross a line break"
