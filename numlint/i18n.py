"""Messages in French (the default) or English, through gettext catalogs read with Babel.

Message ids are English and marked with :func:`N_` where they are written, so that
``pybabel extract`` finds them (see ``docs/contributing.md``). The French catalog lives in
``numlint/locale/fr/LC_MESSAGES/numlint.po``; it is read once, on first use.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from importlib import resources
from typing import Any

DEFAULT_LANGUAGE = "fr"
LANGUAGES = ("fr", "en")

_lock = threading.Lock()
_catalogs: dict[str, dict[str, str]] = {}


def N_(message: str) -> str:
    """Mark a message id for extraction; it is translated when the diagnostic is rendered."""
    return message


def translate(message: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The message in ``lang``; a message without translation (a plugin's own) is kept."""
    if lang == "en":
        return message
    return _catalog(lang).get(message) or message


def render(message: str, params: Mapping[str, Any], lang: str = DEFAULT_LANGUAGE) -> str:
    """Translate ``message`` and fill its ``{placeholders}`` with params shown for ``lang``."""
    shown = {key: show(value, lang) for key, value in params.items()}
    return translate(message, lang).format(**shown)


def plural(number: int, forms: tuple[str, str], lang: str = DEFAULT_LANGUAGE) -> str:
    """``forms`` (the singular and plural message ids, with ``{n}``) for ``number`` in
    ``lang``: French puts 0 and 1 in the singular (« 0 erreur »), English only 1."""
    return render(plural_form(number, forms, lang), {"n": number}, lang)


def plural_form(number: int, forms: tuple[str, str], lang: str = DEFAULT_LANGUAGE) -> str:
    """The one of ``forms`` (singular, plural message ids) that ``number`` takes in
    ``lang``, for a message with more placeholders than ``{n}``."""
    singular = number in (0, 1) if lang == "fr" else number == 1
    return forms[0] if singular else forms[1]


@dataclass(frozen=True, slots=True)
class Phrase:
    """A message fragment used as a parameter of another message: translated too."""

    message: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Amount:
    """A computed amount for a message, shown compactly: ``94,3 milliards EUR``."""

    value: Decimal
    unit: str = ""


def show(value: Any, lang: str = DEFAULT_LANGUAGE) -> str:
    """A value as a reader of ``lang`` expects it: ``1,0324`` in French, ``1.0324`` in English."""
    if isinstance(value, Amount):
        with _digits_for(value.value):
            return _show_amount(value, lang)
    if isinstance(value, Phrase):
        return render(value.message, value.params, lang)
    if type(value) is int and 0 <= value < 1000:
        return str(value)  # what Babel shows in both languages; loading it costs ~15 ms
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        from babel.numbers import format_decimal

        with _digits_for(Decimal(value)):
            return format_decimal(value, format="#,##0.####", locale=_locale(lang))
    if isinstance(value, date):
        from babel.dates import format_date

        return format_date(value, format="long", locale=_locale(lang))
    return str(value)


_UNGROUPED = re.compile(r"(-?)(\d{4,})(\D.*)", re.DOTALL)
"""A compact amount past Babel's largest scale word keeps its digits ungrouped."""


def _show_amount(amount: Amount, lang: str) -> str:
    from babel.numbers import format_compact_decimal, format_decimal

    value = amount.value
    if abs(value) >= 1_000_000:
        shown = format_compact_decimal(
            value, format_type="long", fraction_digits=1, locale=_locale(lang)
        )
        past_the_largest_word = _UNGROUPED.match(shown)  # « 12000 billions »
        if past_the_largest_word:
            sign, digits, rest = past_the_largest_word.groups()
            shown = sign + format_decimal(int(digits), locale=_locale(lang)) + rest
    else:
        shown = format_decimal(value, format=_pattern_for(value), locale=_locale(lang))
    return f"{shown} {amount.unit}".strip()


def _pattern_for(value: Decimal) -> str:
    """One decimal from 1 on (``94,3``); below 1, two significant digits (``0,04``, not
    ``0``: a message saying « environ 0 kg » explains nothing)."""
    if value == 0 or abs(value) >= 1 or not value.is_finite():
        return "#,##0.#"
    return "#,##0." + "#" * (1 - value.adjusted())


def _digits_for(value: Decimal) -> Any:
    """A decimal context with room for all the digits of ``value``: Babel rounds in the
    current one, whose 28 digits a pasted run of digits would overflow."""
    from decimal import getcontext, localcontext

    digits = max(getcontext().prec, value.adjusted() + 8) if value.is_finite() else None
    return localcontext(prec=digits) if digits else localcontext()


_LOCALES: dict[str, Any] = {}


def _locale(lang: str) -> Any:
    """Babel's locale for ``lang``, parsed once (parsing it per message was a third of the
    cost of rendering a diagnostic) — again if Babel was imported anew since (a test
    runner that restores ``sys.modules`` leaves a Locale of the old module behind, which
    the new one refuses)."""
    from babel import Locale

    kept = _LOCALES.get(lang)
    if type(kept) is not Locale:
        kept = _LOCALES[lang] = Locale.parse("fr_FR" if lang == "fr" else "en_GB")
    return kept


def _catalog(lang: str) -> dict[str, str]:
    catalog = _catalogs.get(lang)
    if catalog is None:
        with _lock:
            catalog = _catalogs.get(lang)
            if catalog is None:
                catalog = _load_catalog(lang)
                _catalogs[lang] = catalog
    return catalog


def _load_catalog(lang: str) -> dict[str, str]:
    """The translations of the catalog for ``lang``, kept in numlint's cache folder once
    read: Babel parses a .po file in Python (~8 ms, paid by every command otherwise)."""
    from .cache import digest_of, memo_json

    path = resources.files("numlint").joinpath(f"locale/{lang}/LC_MESSAGES/numlint.po")
    data = path.read_bytes()
    return memo_json(f"catalog-{lang}", [digest_of(data).hexdigest()], lambda: _read_po(data, lang))


def _read_po(data: bytes, lang: str) -> dict[str, str]:
    from io import BytesIO

    from babel.messages.pofile import read_po

    po = read_po(BytesIO(data), locale=lang, domain="numlint")
    return {
        str(entry.id): str(entry.string)
        for entry in po
        if entry.id and isinstance(entry.id, str) and entry.string and not entry.fuzzy
    }
