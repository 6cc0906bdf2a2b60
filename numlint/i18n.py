"""Messages in French (the default) or English, through gettext catalogs read with Babel.

Message ids are English and marked with :func:`N_` where they are written, so that
``pybabel extract`` finds them (see ``docs/contributing.md``). The French catalog lives in
``numlint/locale/fr/LC_MESSAGES/numlint.po``; it is read once, on first use.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from datetime import date
from decimal import Decimal, getcontext
from typing import Any

from .records import Record

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


class Phrase(Record):
    """A message fragment used as a parameter of another message: translated too."""

    message: str
    params: Mapping[str, Any]

    __slots__ = __match_args__ = ("message", "params")

    def __init__(self, message: str, params: Mapping[str, Any] | None = None) -> None:
        object.__setattr__(self, "message", message)
        object.__setattr__(self, "params", {} if params is None else params)


class Amount(Record):
    """A computed amount for a message, shown compactly: ``94,3 milliards EUR``."""

    value: Decimal
    unit: str

    __slots__ = __match_args__ = ("value", "unit")

    def __init__(self, value: Decimal, unit: str = "") -> None:
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "unit", unit)


def show(value: Any, lang: str = DEFAULT_LANGUAGE) -> str:
    """A value as a reader of ``lang`` expects it: ``1,0324`` in French, ``1.0324`` in English."""
    if isinstance(value, Phrase):
        return render(value.message, value.params, lang)
    if type(value) is int and 0 <= value < 1000:
        return str(value)  # what Babel shows in both languages; loading it costs ~15 ms
    if not isinstance(value, Amount | Decimal | int | date) or isinstance(value, bool):
        return str(value)
    context = getcontext()
    key = (type(value), repr(value), lang, context.prec, context.rounding)
    shown = _shown.get(key)
    if shown is None:
        if len(_shown) >= _MOST_SHOWN:
            _shown.clear()
        shown = _shown[key] = _formatted(value, lang)
    return shown


_shown: dict[tuple[type, str, str, int, str], str] = {}
"""What was shown, by value as written and language (a check shows the same rates and
amounts in several messages, a batch in many documents)."""
_MOST_SHOWN = 4096


def _formatted(value: Amount | Decimal | int | date, lang: str) -> str:
    """``value`` shown in ``lang``: as Babel shows it, from the formats generated into
    package data (:mod:`.number_format`), or by Babel itself for what they do not cover."""
    from . import number_format

    if isinstance(value, Amount):
        with _digits_for(value.value):
            return _show_amount(value, lang)
    if isinstance(value, Decimal | int):
        with _digits_for(Decimal(value)):
            return number_format.grouped(Decimal(value), 4, lang) or _babel_decimal(
                value, "#,##0.####", lang)
    shown = number_format.long_date(value, lang)
    if shown is not None:
        return shown
    from babel.dates import format_date

    return format_date(value, format="long", locale=_locale(lang))


def _babel_decimal(value: Decimal | int, pattern: str | None, lang: str) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, format=pattern, locale=_locale(lang))


_UNGROUPED = r"(-?)(\d{4,})(\D.*)"
"""A compact amount past Babel's largest scale word keeps its digits ungrouped."""


def _show_amount(amount: Amount, lang: str) -> str:
    from . import number_format

    value = amount.value
    if abs(value) >= 1_000_000:
        shown = number_format.compact(value, lang)
        if shown is None:
            from babel.numbers import format_compact_decimal

            shown = format_compact_decimal(
                value, format_type="long", fraction_digits=1, locale=_locale(lang)
            )
        past_the_largest_word = re.match(_UNGROUPED, shown, re.DOTALL)  # « 12000 billions »
        if past_the_largest_word:
            sign, digits, rest = past_the_largest_word.groups()
            whole = int(digits)
            shown = sign + (number_format.grouped(Decimal(whole), 3, lang)
                            or _babel_decimal(whole, None, lang)) + rest
    else:
        decimals = _decimals_for(value)
        shown = number_format.grouped(value, decimals, lang) or _babel_decimal(
            value, "#,##0." + "#" * decimals, lang)
    return f"{shown} {amount.unit}".strip()


def _decimals_for(value: Decimal) -> int:
    """One decimal from 1 on (``94,3``); below 1, two significant digits (``0,04``, not
    ``0``: a message saying « environ 0 kg » explains nothing)."""
    if value == 0 or abs(value) >= 1 or not value.is_finite():
        return 1
    return 1 - value.adjusted()


def _digits_for(value: Decimal) -> Any:
    """A decimal context with room for all the digits of ``value``: Babel rounds in the
    current one, whose 28 digits a pasted run of digits would overflow."""
    from decimal import localcontext

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
    """The translations of the catalog for ``lang``, read from its ``.po`` file by
    :func:`read_plain_po` (~2 ms; Babel's reader imports and parses for ~15 ms), or by
    Babel when the file holds what that reader leaves to it."""
    data = _catalog_bytes(lang)
    try:
        plain = read_plain_po(data.decode("utf-8"))
    except UnicodeDecodeError:
        plain = None
    return plain if plain is not None else _read_po(data, lang)


def _catalog_bytes(lang: str) -> bytes:
    from .package_data import read_bytes

    return read_bytes(f"locale/{lang}/LC_MESSAGES/numlint.po")


def _read_po(data: bytes, lang: str) -> dict[str, str]:
    from io import BytesIO

    from babel.messages.pofile import read_po

    po = read_po(BytesIO(data), locale=lang, domain="numlint")
    return {
        str(entry.id): str(entry.string)
        for entry in po
        if entry.id and isinstance(entry.id, str) and entry.string and not entry.fuzzy
    }


_ESCAPES = {"\\": "\\", '"': '"', "n": "\n", "t": "\t", "r": "\r"}
_ESCAPE = re.compile(r"\\(.)")


def read_plain_po(text: str) -> dict[str, str] | None:
    """The translated, non-fuzzy messages of a ``.po`` text, as Babel's reader gives them,
    for the plain files numlint writes (``msgid``/``msgstr`` pairs, comments, flags,
    strings over several lines, the escapes ``\\ \" \n \t \r``). None when the text
    holds anything else (plurals, contexts, obsolete entries, other escapes, a message
    twice, a malformed line): then Babel reads it."""
    found: dict[str, str] = {}
    seen: set[str] = set()
    flags: list[str] = []
    msgid: list[str] | None = None
    msgstr: list[str] | None = None

    def finish() -> bool:
        """Keep the entry under way; False when it is not one this reader handles."""
        nonlocal msgid, msgstr
        if msgid is None:
            return True
        if msgstr is None:
            return False
        key, value = _joined(msgid), _joined(msgstr)
        if key is None or value is None or key in seen:
            return False
        seen.add(key)
        if key and value and "fuzzy" not in flags:
            found[key] = value
        flags.clear()
        msgid = msgstr = None
        return True

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line[0] == "#":
            if line[1:2] in ("-", "~") or not finish():
                return None
            if line[1:2] == ",":
                flags.extend(flag.strip() for flag in line[2:].lstrip().split(","))
            continue
        if line[0] == '"':
            current = msgid if msgstr is None else msgstr
            if current is None:
                return None
            current.append(line)
            continue
        keyword, _, argument = line.partition(" ")
        if keyword == "msgid":
            if not finish():
                return None
            msgid = [argument.strip()]
        elif keyword == "msgstr" and msgid is not None and msgstr is None:
            msgstr = [argument.strip()]
        else:
            return None
    return found if finish() else None


def _joined(parts: list[str]) -> str | None:
    """The string of a message's quoted lines, unescaped (None: not plain)."""
    pieces = []
    for part in parts:
        if len(part) < 2 or part[0] != '"' or part[-1] != '"':
            return None
        body = part[1:-1]
        if "\\" in body:
            if any(match.group(1) not in _ESCAPES for match in _ESCAPE.finditer(body)):
                return None
            body = _ESCAPE.sub(lambda match: _ESCAPES[match.group(1)], body)
        pieces.append(body)
    return "".join(pieces)
