"""The root of numlint's exceptions, so that a caller can catch "any numlint error".

Each error is also a :class:`ValueError` (what the caller gave cannot be used), as the
error classes were before the root existed; none of them is an internal failure, which
:func:`numlint.check` reports as an NL000 diagnostic instead of raising.
"""

from __future__ import annotations

from .i18n import N_, Phrase


class NumlintError(ValueError):
    """Any error numlint raises about what it was given: configuration, rates, source."""


def os_reason(error: OSError) -> Phrase:
    """The system's reason (``Permission denied``), translated when the catalog has it."""
    return Phrase(_escape(error.strerror or type(error).__name__))


def _escape(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


_OS_REASONS = (  # the system's words as the catalog knows them (os.strerror is English)
    N_("Permission denied"),
    N_("No such file or directory"),
    N_("Is a directory"),
    N_("Not a directory"),
    N_("File name too long"),
    N_("Too many levels of symbolic links"),
    N_("No space left on device"),
    N_("Read-only file system"),
    N_("Disk quota exceeded"),
)
