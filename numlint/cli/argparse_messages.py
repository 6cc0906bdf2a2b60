"""argparse's own words (``usage:``, ``options``, its errors) in the user's language.

argparse looks its messages up through :func:`gettext.gettext`, bound in its module as
``_`` and ``ngettext``; :func:`argparse_speaking` points those two names at numlint's
catalog for the time numlint builds and parses its command line, and puts them back
after, so that another program's parser in the same process is left as it was. The
message ids below are argparse's (Python 3.11 to 3.13), listed here so that
``tools/update_messages.py`` finds them; one argparse adds later stays English.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator
from contextvars import ContextVar

from ..i18n import DEFAULT_LANGUAGE, N_, translate

_speaking: ContextVar[str] = ContextVar("argparse_language", default=DEFAULT_LANGUAGE)

ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),  # argparse adds ":" to a heading: French ends it with " "
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("expected %s argument"),
    N_("expected %s arguments"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("%(prog)s: error: %(message)s\n"),
    # what date.fromisoformat says of a well-formed but impossible date
    N_("month must be in 1..12"),
    N_("day is out of range for month"),
)


def parsing_language() -> str:
    """The language of the parse under way (for the options' own value checks)."""
    return _speaking.get()


@contextlib.contextmanager
def argparse_speaking(lang: str) -> Iterator[None]:
    """argparse's messages in ``lang`` inside the block (English: argparse's own)."""
    token = _speaking.set(lang)
    if lang == "en":
        try:
            yield
        finally:
            _speaking.reset(token)
        return
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]

    def gettext(message: str) -> str:
        return translate(message, lang)

    def ngettext(singular: str, plural: str, number: int) -> str:
        return translate(singular if number in (0, 1) else plural, lang)  # French: 0, 1

    argparse._, argparse.ngettext = gettext, ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
        _speaking.reset(token)
