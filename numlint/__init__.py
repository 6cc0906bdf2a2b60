"""numlint: a numeric-consistency linter for French editorial text.

The public faces are :func:`mentions` (every figure of a text, normalized) and
:func:`check` (the findings of the rules on an article). Heavy parts (the pattern, pint,
the rate table) are built on first use, never at import.
"""

from __future__ import annotations

from .mentions import Mention, mentions

__all__ = ["Mention", "mentions"]
__version__ = "0.1.0"
