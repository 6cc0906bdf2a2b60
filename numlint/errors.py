"""The root of numlint's exceptions, so that a caller can catch "any numlint error".

Each error is also a :class:`ValueError` (what the caller gave cannot be used), as the
error classes were before the root existed; none of them is an internal failure, which
:func:`numlint.check` reports as an NL000 diagnostic instead of raising.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .i18n import DEFAULT_LANGUAGE, N_, Phrase, render, translate


class NumlintError(ValueError):
    """Any error numlint raises about what it was given: configuration, rates, source."""


class Localized:
    """An error whose message is a message id (marked with ``N_``) and its params, shown
    in the user's language by :meth:`localized`; ``str(error)`` stays the English text."""

    message: str
    params: dict[str, Any]

    def localize(self, message: str, params: Mapping[str, Any] | None = None) -> str:
        """Keep the message id and params; the English text, for ``str(error)``."""
        self.message = message
        self.params = dict(params or {})
        return self.localized("en")

    def localized(self, lang: str = DEFAULT_LANGUAGE) -> str:
        if not self.params:
            return translate(self.message, lang)
        return render(self.message, self.params, lang)

    def phrase(self) -> Phrase:
        """The error as a parameter of another message (a wrapping error's)."""
        return Phrase(self.message, self.params) if self.params else Phrase(self.message)


class LocalizedValueError(Localized, NumlintError):
    """A ValueError in the user's language (a bad setting or limit)."""

    def __init__(self, message: str, params: Mapping[str, Any] | None = None) -> None:
        super().__init__(self.localize(message, params))

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.message, self.params))


def phrase_of(error: BaseException) -> Phrase:
    """``error`` as a message parameter: translated when it is :class:`Localized`, else its
    text as is (looked up in the catalog, in case it is one of its messages)."""
    if isinstance(error, Localized):
        return error.phrase()
    return Phrase(_escape(str(error)))


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
