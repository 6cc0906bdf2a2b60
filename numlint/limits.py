"""How much one check() takes on: past it, the article is reported as not checked.

A publishing hook must never hang on a pasted data dump. The cost of a check follows its
figures (tens of microseconds each) far more than its bytes, so both are bounded. The
figures are estimated before any work by counting the runs of digits, a pass of the
standard ``re`` engine at hundreds of MB/s; figures written in words are not counted.
"""

from __future__ import annotations

import math
import re
from typing import Any

from .errors import LocalizedValueError
from .i18n import N_
from .records import Record

_DIGIT_RUN = re.compile(r"\d+")

DEFAULT_MAX_BYTES = 10_000_000
DEFAULT_MAX_FIGURES = 100_000


class Limits(Record):
    max_bytes: int
    """Largest text checked, in UTF-8 bytes (10 MB by default)."""
    max_figures: int
    """Most runs of digits in a text checked (100 000 by default)."""

    __slots__ = __match_args__ = ("max_bytes", "max_figures")

    def __init__(self, max_bytes: int = DEFAULT_MAX_BYTES,
                 max_figures: int = DEFAULT_MAX_FIGURES) -> None:
        object.__setattr__(self, "max_bytes", max_bytes)
        object.__setattr__(self, "max_figures", max_figures)

    def exceeded_by(self, text: str) -> tuple[str, dict[str, Any]] | None:
        """Why ``text`` is too large (a message id and its parameters), or None."""
        if len(text) * 4 > self.max_bytes:  # else even 4-byte characters fit
            size = utf8_size(text)
            if size > self.max_bytes:
                return (N_("The text is too large to be checked ({size} bytes, the limit is "
                           "{limit}); it was not checked."),
                        {"size": size, "limit": self.max_bytes})
        if len(text) > 2 * self.max_figures:  # runs of digits need a separator each
            for count, _ in enumerate(_DIGIT_RUN.finditer(text), start=1):
                if count > self.max_figures:
                    return (N_("The text has too many figures to be checked (more than "
                               "{limit}); it was not checked."), {"limit": self.max_figures})
        return None


SLICE = 1 << 20
"""Characters encoded at a time to measure a text: a 10 MB article is not copied whole."""


def utf8_size(text: str) -> int:
    """The size of ``text`` in UTF-8, encoded a slice at a time (a surrogate pair split
    between two slices counts 3 + 3 bytes, as ``surrogatepass`` encodes it whole)."""
    if text.isascii():
        return len(text)
    return sum(len(text[i : i + SLICE].encode("utf-8", "surrogatepass"))
               for i in range(0, len(text), SLICE))


def positive_whole(value: Any, name: str) -> int:
    """A limit from configuration: a whole number above zero."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) \
            or value != int(value) or value <= 0:
        raise LocalizedValueError(N_("{name} must be a whole number above zero, not {value}"),
                                  {"name": repr(name), "value": repr(value)})
    return int(value)
