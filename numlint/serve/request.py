"""A ``/v2/check`` request, read from LanguageTool's form fields into what numlint runs.

LanguageTool's fields: ``text`` or ``data`` (annotated JSON), ``language``, ``enabledRules``,
``disabledRules``, ``enabledOnly``, ``level``. numlint's extensions: ``date`` (the
article's date, YYYY-MM-DD, for exchange rates) and ``format`` (``text``, ``markdown`` or
``html``: how ``text`` is read; with ``data``, how the whole document is read for the date
it states, guessed from a front matter or an ``<html>``/``<meta>`` start when not given).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from ..config import Config
from ..errors import NumlintError
from ..i18n import LANGUAGES
from ..sources import FORMATS, Format, read_source
from .annotated import AnnotatedText, AnnotationError, parse_annotated

RULE_PREFIX = "NUMLINT_"
FRENCH = re.compile(r"^(fr|fr[-_][A-Za-z0-9-]+|auto)$", re.IGNORECASE)


class BadRequest(NumlintError):
    """The request cannot be checked; the message says why (answered with status 400)."""


@dataclass(frozen=True)
class CheckRequest:
    text: str
    """The text numlint checks (for ``data``: the annotated text's prose)."""
    format: Format
    date: date | None
    config: Config
    language: str
    """The language code as asked (``fr-FR``, ``auto``...)."""
    french: bool
    picky: bool
    annotated: AnnotatedText | None = None
    date_from_document: bool = False
    """The date was read from the markup of ``data`` (front matter, meta tags), not given:
    the evidence says so, as ``check()`` does for a document it reads itself."""

    @property
    def source(self) -> str:
        """The text the answered offsets refer to (markup included for ``data``)."""
        return self.annotated.source if self.annotated else self.text


def read_request(fields: Mapping[str, str], base: Config) -> CheckRequest:
    """The request of ``fields`` (form or query), checked against ``base``, the server's
    configuration; raises :class:`BadRequest`."""
    language = fields.get("language", "").strip()
    if not language:
        raise BadRequest("Missing 'language' parameter (numlint checks French: language=fr)")
    if "text" in fields and "data" in fields:
        raise BadRequest("Give either 'text' or 'data', not both")
    if "text" not in fields and "data" not in fields:
        raise BadRequest("Missing 'text' or 'data' parameter")
    format_ = fields.get("format", "text")
    if format_ not in FORMATS:
        raise BadRequest(f"Unknown 'format' {format_!r}: expected one of {', '.join(FORMATS)}")
    article_date = _date(fields.get("date"))
    annotated = None
    date_from_document = False
    if "data" in fields:
        try:
            annotated = parse_annotated(fields["data"])
        except AnnotationError as error:
            raise BadRequest(str(error)) from None
        text = annotated.plain
        if article_date is None:
            article_date = _stated_date(annotated.source, format_)
            date_from_document = article_date is not None
        format_ = "text"
    else:
        text = fields["text"]
    return CheckRequest(
        text=text,
        format=format_,  # type: ignore[arg-type]
        date=article_date,
        config=_config(fields, base),
        language=language,
        french=bool(FRENCH.match(language)),
        picky=fields.get("level", "default").strip().lower() == "picky",
        annotated=annotated,
        date_from_document=date_from_document,
    )


def _stated_date(source: str, format_: str) -> date | None:
    """The date a document whose markup the client separated states (front matter, meta
    tags); its format as given, else guessed from how it starts."""
    if format_ == "text":
        head = source.lstrip("\ufeff")[:1000].lstrip()
        if source.lstrip("\ufeff").startswith("---"):
            format_ = "markdown"
        elif head.startswith("<") and re.search(r"<(html|head|meta)\b", head, re.IGNORECASE):
            format_ = "html"
        else:
            return None
    return read_source(source, format_).date  # type: ignore[arg-type]


def _date(value: str | None) -> date | None:
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise BadRequest(f"'date' must be a date as YYYY-MM-DD, not {value!r}") from None


def _config(fields: Mapping[str, str], base: Config) -> Config:
    """The server's configuration with the request's rule choices (LanguageTool's rule ids
    that are not numlint's are left to LanguageTool)."""
    enabled = _codes(fields.get("enabledRules", ""))
    disabled = _codes(fields.get("disabledRules", ""))
    only = fields.get("enabledOnly", "false").strip().lower() == "true"
    if only and not enabled and not fields.get("enabledCategories"):
        raise BadRequest("'enabledOnly=true' requires 'enabledRules' or 'enabledCategories'")
    config = base
    if only:
        config = replace(config, select=enabled, extend_select=())
    elif enabled:
        config = replace(config, extend_select=(*config.extend_select, *enabled))
    if disabled:
        config = replace(config, ignore=(*config.ignore, *disabled))
    lang = fields.get("lang", "").strip().lower()
    if lang:
        if lang not in LANGUAGES:
            raise BadRequest(f"Unknown 'lang' {lang!r}: the messages are in "
                             f"{' or '.join(LANGUAGES)}")
        config = replace(config, lang=lang)
    return replace(config, origin="request")


def _codes(value: str) -> tuple[str, ...]:
    ids = (part.strip() for part in value.split(","))
    return tuple(i.removeprefix(RULE_PREFIX) for i in ids if i.upper().startswith(RULE_PREFIX))
