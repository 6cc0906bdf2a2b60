"""YAML (``---``) and TOML (``+++``) front matter: skipped, and read for the date."""

from __future__ import annotations

import re
from datetime import date

from ..dates import front_matter_date

_YAML_FRONT_MATTER = re.compile(
    r"---[ \t]*(?:\r\n|\r|\n)(?:(.*?)(?:\r\n|\r|\n))??(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|\Z)",
    re.DOTALL,
)
_TOML_FRONT_MATTER = re.compile(
    r"\+\+\+[ \t]*(?:\r\n|\r|\n)(?:(.*?)(?:\r\n|\r|\n))??\+\+\+[ \t]*(?:\r\n|\r|\n|\Z)",
    re.DOTALL,
)
# Front matter must open with a key (or a comment): a thematic break at the top of an
# article, followed much later by another one, is not front matter.
_FRONT_MATTER_KEY = {
    "yaml": re.compile(r"\s*(?:#|[\"']?[\w-]+[\"']?[ \t]*:)"),
    "toml": re.compile(r"\s*(?:#|\[|[\"']?[\w.-]+[\"']?[ \t]*=)"),
}


def front_matter(source: str, start: int) -> tuple[int, date | None] | None:
    """Where the front matter opening at ``start`` ends, and the date it gives; None when
    the source does not open with front matter."""
    for pattern, kind in ((_YAML_FRONT_MATTER, "yaml"), (_TOML_FRONT_MATTER, "toml")):
        m = pattern.match(source, start)
        if m and (not m.group(1) or _FRONT_MATTER_KEY[kind].match(m.group(1))):
            return m.end(), front_matter_date(m.group(1) or "", kind)  # type: ignore[arg-type]
    return None
