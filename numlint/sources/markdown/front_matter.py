"""YAML (``---``) and TOML (``+++``) front matter: skipped, and read for the date."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from ..dates import front_matter_date


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]:
    """(front matter, its first key) for YAML then TOML: compiled for the first source
    that opens with ``---`` or ``+++``, not at every start."""
    yaml = re.compile(
        r"---[ \t]*(?:\r\n|\r|\n)(?:(.*?)(?:\r\n|\r|\n))??(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|\Z)",
        re.DOTALL,
    )
    toml = re.compile(
        r"\+\+\+[ \t]*(?:\r\n|\r|\n)(?:(.*?)(?:\r\n|\r|\n))??\+\+\+[ \t]*(?:\r\n|\r|\n|\Z)",
        re.DOTALL,
    )
    # Front matter must open with a key (or a comment): a thematic break at the top of an
    # article, followed much later by another one, is not front matter.
    return ((yaml, re.compile(r"\s*(?:#|[\"']?[\w-]+[\"']?[ \t]*:)")),
            (toml, re.compile(r"\s*(?:#|\[|[\"']?[\w.-]+[\"']?[ \t]*=)")))


def front_matter(source: str, start: int) -> tuple[int, date | None] | None:
    """Where the front matter opening at ``start`` ends, and the date it gives; None when
    the source does not open with front matter."""
    if not source.startswith(("---", "+++"), start):
        return None
    for (pattern, key), kind in zip(_patterns(), ("yaml", "toml"), strict=True):
        m = pattern.match(source, start)
        if m and (not m.group(1) or key.match(m.group(1))):
            return m.end(), front_matter_date(m.group(1) or "", kind)  # type: ignore[arg-type]
    return None
