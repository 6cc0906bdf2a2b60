"""The CMS face: :func:`check` runs the whole pipeline on one article.

source -> prose (sources) -> mentions -> relations -> rules -> diagnostics at source
offsets. Pure and thread-safe: everything it builds is local to the call, except the
compiled patterns, the rule registry and the rate table, which are built once and never
change afterwards.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from contextlib import suppress
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .config import Config, ConfigError, as_config
from .conversion import resolve_currencies
from .diagnostics import Diagnostic, Edit, Fix
from .document import Document
from .engine import (
    INTERNAL_ERROR_CODE,
    INTERNAL_ERROR_NAME,
    RuleFinding,
    internal_error,
    run_rules,
)
from .errors import phrase_of
from .i18n import LANGUAGES, N_, render
from .mentions import scanner_for
from .rates import RatesError, RateTable, embedded_table, load_ecb_file
from .relations import find_relations
from .rules.registry import installed_rules
from .sources import ProseDocument, read_source
from .suppressions import apply_suppressions

if TYPE_CHECKING:
    from .mentions.scanner import Scanner

Format = Literal["text", "markdown", "html"]


def check(
    text: str,
    *,
    format: Format = "markdown",
    date: date | dt.datetime | str | None = None,
    config: Config | Mapping[str, Any] | None = None,
    lang: str | None = None,
    skip_boilerplate: bool | None = None,
) -> list[Diagnostic]:
    """Check one article and return its diagnostics, sorted by position.

    ``date`` is the article's date (rates are taken for it); when None, the date found
    in the document (front matter, meta tags) is used, else the rate table's latest date,
    and the evidence of each diagnostic says which. ``lang`` overrides the configured
    language of the messages (``fr`` by default, or ``en``). ``skip_boilerplate``
    overrides the configured reading of HTML page boilerplate (navigation, site header and
    footer, cookie banners): None skips it on a whole page only.
    """
    return run(text, format=format, date=date, config=config, lang=lang,
               skip_boilerplate=skip_boilerplate).diagnostics


class Run:
    """What one check produced: the diagnostics, and the analysed article they came from
    (None when the text could not be analysed), for faces that report more than findings
    (:func:`numlint.verify`). A plain class: a dataclass costs every start a millisecond."""

    __slots__ = ("diagnostics", "document", "lang", "prose")

    def __init__(self, diagnostics: list[Diagnostic], prose: ProseDocument | None,
                 document: Document | None, lang: str) -> None:
        self.diagnostics = diagnostics
        self.prose = prose
        """None when the text was too large to be read."""
        self.document = document
        self.lang = lang


def run(
    text: str,
    *,
    format: Format = "markdown",
    date: date | dt.datetime | str | None = None,
    config: Config | Mapping[str, Any] | None = None,
    lang: str | None = None,
    skip_boilerplate: bool | None = None,
) -> Run:
    """:func:`check`, keeping the analysed article."""
    if not isinstance(text, str):
        raise TypeError(f"check() expects the article as str, not {type(text).__name__}")
    article_date = as_date(date)
    settings = as_config(config)
    language = settings.lang if lang is None else checked_language(lang)
    registry = installed_rules()
    plan = settings.plan(registry.rules)
    rules = plan.rules
    too_large = settings.limits.exceeded_by(text)
    if too_large:
        return Run([_internal(*too_large, language)], None, None, language)
    if len(text) >= RATES_FIRST_CHARS:
        with suppress(Exception):  # a rule that asks for a rate meets it again, and says so
            rate_table_of(settings)()
    prose = read_source(text, format, skip_boilerplate=settings.skip_boilerplate
                        if skip_boilerplate is None else skip_boilerplate)
    try:
        document = analyse(prose, date=article_date, config=settings,
                           rule_settings=plan.settings_by_code)
    except TimeoutError:
        return Run([_internal(N_("The text could not be scanned in time; it was not checked."),
                              {}, language)], prose, None, language)
    except Exception as error:  # a bug must not take a publishing hook down: say it
        return Run([_internal(N_("numlint failed on this text and did not check it: {error}"),
                              {"error": f"{type(error).__name__}: {error}"}, language)],
                   prose, None, language)
    found = run_rules(document, rules, budget=rule_budget(prose.text))
    diagnostics = sorted(
        (_rendered(item, prose, document, language) for item in found),
        key=lambda d: (d.start, d.end, d.code),
    )
    diagnostics[:0] = [
        _internal(N_("Part of the analysis failed and was skipped ({failure}); the rules ran "
                     "on the rest."), {"failure": failure}, language)
        for failure in document.relations.failures
    ]
    kept = apply_suppressions(diagnostics, prose, plan.codes, lang=language)
    return Run(kept, prose, document, language)


def rule_budget(text: str) -> float:
    """Seconds a rule may take on ``text``: generous, and linear in its size."""
    return 2.0 + len(text) / 1_000_000


def scan_timeout(text: str) -> float:
    """Seconds one match of the scanner may take: a last guard, never reached on prose."""
    return 1.0 + len(text) / 10_000_000


def as_date(value: object) -> date | None:
    """The article's date from what a caller has: a date, a datetime (its day, as Django
    and Wagtail publish dates are) or an ISO string; anything else is the caller's error."""
    if value is None or type(value) is dt.date:
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value.strip()).date()
        except ValueError:
            raise ValueError(f"date {value!r} is not an ISO date (like 2025-02-11)") from None
    raise TypeError(f"date must be a date, a datetime or an ISO string, "
                    f"not {type(value).__name__}")


def checked_language(lang: object) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r} (choose from {', '.join(LANGUAGES)})")
    return lang


def analyse(prose: ProseDocument, *, date: date | None, config: Config,
            rule_settings: Mapping[str, Mapping[str, Any]] | None = None) -> Document:
    """Stages 2 to 4: mentions and relations of the prose, and the date they are read at.

    ``rule_settings`` are the settings of the rules that will run, by code: a rule that
    must agree with another (NL102 leaves NL101's slips to it) reads them there."""
    scanner = config.derived("scanner", _scanner)
    origin: Literal["given", "document"] | None = None
    article_date = date
    if article_date is not None:
        origin = "given"
    elif prose.date is not None:
        article_date, origin = prose.date, "document"
    scanned = tuple(scanner.scan(prose.text, timeout=scan_timeout(prose.text)))
    mentions = resolve_currencies(scanned, article_date)
    relations = find_relations(prose.text, mentions)
    return Document(
        text=prose.text,
        mentions=mentions,
        relations=relations,
        article_date=article_date,
        article_date_origin=origin,
        rate_table=rate_table_of(config),
        rule_settings=rule_settings or {},
    )


RATES_FIRST_CHARS = 1_000_000
"""A source this long has the rate table loaded before it is read, not when a rule first
asks for a rate: the load's scratch objects (several times the table's size) are then
reused by the prose and its figures instead of adding to the check's peak. A shorter one
loads it only if a rule asks (the load would cost more than its check)."""


def rate_table_of(config: Config) -> Callable[[], RateTable]:
    """How a check gets its rate table: the user's file, else the embedded ECB history."""
    rates_file = config.rates
    return (lambda: user_rates(rates_file)) if rates_file else embedded_table


def _scanner(config: Config) -> Scanner:
    return scanner_for(config.currencies)


@lru_cache(maxsize=4)
def user_rates(path: str) -> RateTable:
    """A user's ECB rates file, read and checked once per process (the command line loads
    it before any output, so that a bad file stops the run; checks then reuse it)."""
    try:
        return load_ecb_file(Path(path))
    except RatesError as error:
        raise ConfigError(N_("{error}"), {"error": phrase_of(error)}) from None


def _internal(message: str, params: Mapping[str, Any], lang: str) -> Diagnostic:
    """numlint's own failure, at the top of the text (NL000)."""
    return Diagnostic(
        code=INTERNAL_ERROR_CODE,
        name=INTERNAL_ERROR_NAME,
        severity="error",
        message=render(message, params, lang),
        start=0,
        end=0,
        line=1,
        column=1,
        end_line=1,
        end_column=1,
    )


def _rendered(item: RuleFinding, prose: ProseDocument, document: Document,
              lang: str) -> Diagnostic:
    """The finding as a diagnostic; a finding that cannot be rendered (a stray ``{x}`` in
    its message, parameters that are no mapping) is its rule's failure, reported as such."""
    try:
        return _diagnostic(item, prose, document, lang)
    except Exception as error:
        if item.rule is None:
            raise
        failed = RuleFinding(None, internal_error(item.rule, error))
        return _diagnostic(failed, prose, document, lang)


def _diagnostic(item: RuleFinding, prose: ProseDocument, document: Document,
                lang: str) -> Diagnostic:
    finding, rule = item.finding, item.rule
    start, end = prose.to_source(finding.start, finding.end)
    line, column = prose.line_col(start)
    end_line, end_column = prose.line_col(end)
    fix, fix_refused = None, ""
    if finding.edits:
        from .sources.edits import SourceEdit, to_source_edit  # only for a fix

        mapped = [to_source_edit(prose, e.start, e.end, e.replacement) for e in finding.edits]
        refusals = [m for m in mapped if isinstance(m, str)]
        if refusals:
            fix_refused = refusals[0]
        else:
            edits = tuple(Edit(m.start, m.end, m.replacement) for m in mapped
                          if isinstance(m, SourceEdit))
            fix = Fix(edits, finding.safety, render(finding.fix_description, {}, lang)
                      if finding.fix_description else "")
    evidence = dict(finding.evidence)
    if rule is not None and ("rate" in evidence or "rate_date" in evidence):
        evidence.setdefault("date", document.date.isoformat())
        evidence.setdefault("date_origin", document.date_origin)
    return Diagnostic(
        code=rule.code if rule else INTERNAL_ERROR_CODE,
        name=rule.name if rule else INTERNAL_ERROR_NAME,
        severity=finding.severity or (rule.severity if rule else "error"),
        message=render(finding.message, finding.params, lang),
        start=start,
        end=end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        fix=fix,
        fix_refused=fix_refused,
        evidence=evidence,
    )
