"""The root of numlint's exceptions, so that a caller can catch "any numlint error".

Each error is also a :class:`ValueError` (what the caller gave cannot be used), as the
error classes were before the root existed; none of them is an internal failure, which
:func:`numlint.check` reports as an NL000 diagnostic instead of raising.
"""

from __future__ import annotations


class NumlintError(ValueError):
    """Any error numlint raises about what it was given: configuration, rates, source."""
