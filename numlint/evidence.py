"""The evidence line of a finding, in the reader's language.

A diagnostic's ``evidence`` is a mapping of machine-readable facts (``"rate": "1 EUR =
1.0324 USD"``, ``"rate_date": "2025-02-11"``, ``"ratio": "993.087"``): JSON, SARIF and the
server's ``numlint`` field give it as it is, so it never changes with the language. This
module only *shows* it to a person::

    fr: 1 EUR = 1,0324 USD le 11/02/2025, taux de référence de la BCE (…) ; rapport 993,087 ;
        date de l’article 11/02/2025 (tirée du document)
    en: 1 EUR = 1.0324 USD on 2025-02-11, ECB euro reference rates (…); ratio 993.087;
        article date 2025-02-11 (from the document)

The rate, ratio and article date are shown for every rule. A rule shows its own facts by
declaring ``evidence_labels`` (see ``docs/writing-a-rule.md``): a message id per evidence
key, marked with :func:`~numlint.i18n.N_` so that the French catalog has it, whose
``{placeholders}`` are evidence keys::

    evidence_labels = {"multiple": N_("multiple {multiple}")}

Values are shown as a reader of the language expects them: a number string (``"993.087"``)
with the decimal comma in French, an ISO date (``"2025-02-11"``) as ``11/02/2025``, the
figures inside a statement (``"1 EUR = 1.0324 USD"``) likewise, a list joined with commas.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from .i18n import DEFAULT_LANGUAGE, N_, show, translate

_RATE_ON = N_("{rate} on {rate_date}")
_RATIO = N_("ratio {ratio}")
_ARTICLE_DATE = N_("article date {date}")
_SEPARATOR = N_("; ")

_DATE_ORIGINS = {
    "given": N_("given"),
    "document": N_("from the document"),
    "latest-rate": N_("no date found: the latest rate was used"),
}
_FALLBACKS = {
    "previous-business-day": N_("previous-business-day"),
    "latest": N_("latest"),
}
_SOURCES = (
    N_("ECB euro reference rates"),
    N_("rates given in code"),
    N_("fixed euro conversion rate"),
    N_("no conversion"),
)
_SOURCE_DETAILS = {"file": N_("file")}
_WHOLE_SOURCES = (  # translated whole: the catalog has them as they are written
    N_("numlint coarse yearly table (IMF IFS / central banks yearly averages, ±25 %)"),
)

_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INLINE_NUMBER = re.compile(r"(?<![\w.,])-?\d+\.\d+(?![\w.,])")


def describe_evidence(evidence: Mapping[str, Any], lang: str = DEFAULT_LANGUAGE,
                      labels: Mapping[str, str] | None = None) -> str:
    """The facts a reviewer checks by hand, on one line in ``lang`` ("" when none).

    ``labels`` are the rule's ``evidence_labels``: shown after the common facts, for the
    keys the evidence has, in the order the rule declares them."""
    parts = []
    if "rate" in evidence:
        parts.append(_rate(evidence, lang))
    if "ratio" in evidence:
        parts.append(fill(_RATIO, evidence, lang))
    if "date" in evidence and "rate" in evidence:
        text = fill(_ARTICLE_DATE, evidence, lang)
        origin = _DATE_ORIGINS.get(str(evidence.get("date_origin")))
        parts.append(text + (f" ({translate(origin, lang)})" if origin else ""))
    for key, label in (labels or {}).items():
        if key in evidence:
            parts.append(fill(label, evidence, lang))
    return translate(_SEPARATOR, lang).join(parts)


def fill(label: str, evidence: Mapping[str, Any], lang: str = DEFAULT_LANGUAGE) -> str:
    """``label`` (a message id) in ``lang``, its ``{keys}`` filled with evidence values
    shown for ``lang`` (a key the evidence lacks is shown as ``?``)."""
    from string import Formatter

    keys = {name for _, name, _, _ in Formatter().parse(label) if name}
    values = {key: show_value(evidence.get(key, "?"), lang) for key in keys}
    return translate(label, lang).format(**values)


def show_value(value: Any, lang: str = DEFAULT_LANGUAGE) -> str:
    """An evidence value as a reader of ``lang`` expects it (see the module docstring)."""
    if isinstance(value, list | tuple):
        return ", ".join(show_value(item, lang) for item in value)
    if isinstance(value, Mapping):
        return ", ".join(f"{key} {show_value(item, lang)}" for key, item in value.items())
    if isinstance(value, bool) or value is None:
        return str(value).lower()
    if isinstance(value, int | float | Decimal):
        return show(Decimal(str(value)), lang)
    text = str(value)
    if _NUMBER.match(text):
        try:
            return show(Decimal(text), lang)
        except InvalidOperation:  # pragma: no cover - the pattern only lets numbers through
            return text
    if _ISO_DATE.match(text):
        return show_date(text, lang)
    return show_figures(text, lang)


def show_date(iso: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """``2025-02-11`` as ``11/02/2025`` in French; as is in English (and when not a date)."""
    if lang == "en":
        return iso
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def show_figures(text: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The decimal numbers written with a point inside ``text`` (``1 EUR = 1.0324 USD``)
    with the decimal separator of ``lang``."""
    if lang == "en":
        return text
    return _INLINE_NUMBER.sub(lambda m: show(Decimal(m.group()), lang), text)


def _rate(evidence: Mapping[str, Any], lang: str) -> str:
    rate = show_figures(str(evidence["rate"]), lang)
    if evidence.get("rate_date"):
        rate = translate(_RATE_ON, lang).format(
            rate=rate, rate_date=show_date(str(evidence["rate_date"]), lang))
    fallback = evidence.get("rate_fallback")
    if fallback:
        rate += f" ({translate(_FALLBACKS.get(str(fallback), str(fallback)), lang)})"
    if evidence.get("rate_source"):
        rate += f", {show_source(str(evidence['rate_source']), lang)}"
    return rate


def show_source(source: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A rate table's description (``ECB euro reference rates (file x.csv)``) in ``lang``:
    its known words translated, names and versions kept."""
    if lang == "en":
        return source
    translated = translate(source, lang)
    if translated != source:
        return translated
    for known in _SOURCES:
        if source.startswith(known):
            rest = source[len(known):]
            for word, label in _SOURCE_DETAILS.items():
                rest = rest.replace(f"({word} ", f"({translate(label, lang)} ")
            return translate(known, lang) + rest
    return source
