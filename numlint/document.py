"""What a rule sees: the article's prose, its figures, the claims between them, its date."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from .conversion import Converter
from .mentions import Mention
from .rates import RateTable
from .relations import Relations

if TYPE_CHECKING:
    from .assessment import Assessment
    from .relations import Equivalence
    from .rules.api import Rule
    from .verdict import Verdict

DateOrigin = Literal["given", "document", "latest-rate"]
Day = date
"""A calendar day (``date`` is also the name of a property below)."""


@dataclass(frozen=True)
class Document:
    """One article, read and analysed, ready for the rules.

    Offsets (mentions, relations, findings) are offsets into :attr:`text`, the prose
    extracted from the source; numlint maps them back to the source for diagnostics.
    The rate table is only loaded if a rule asks for a rate.
    """

    text: str
    mentions: tuple[Mention, ...]
    relations: Relations
    article_date: date | None
    """The article's date: given by the caller or found in the document, else None."""
    article_date_origin: Literal["given", "document"] | None = None
    rate_table: Callable[[], RateTable] = field(default=lambda: _embedded(), repr=False)
    rule_settings: Mapping[str, Mapping[str, Any]] = field(default_factory=dict, repr=False)
    """The settings of the rules that run on this document, by code."""

    def settings_of(self, rule: type[Rule] | str) -> Mapping[str, Any]:
        """Another rule's settings as configured for this check (its defaults when it does
        not run): rules that split one decision read one setting. ``rule`` is a rule
        class or the code of an installed rule (so that a rule need not import another)."""
        if isinstance(rule, str):
            configured = self.rule_settings.get(rule)
            if configured:
                return configured
            from .rules.registry import installed_rules

            found = installed_rules().find(rule)
            if found is None:
                raise LookupError(f"no installed rule has the code {rule!r}")
            return found.default_settings()
        return self.rule_settings.get(rule.code) or rule.default_settings()

    @cached_property
    def rates(self) -> RateTable:
        return self.rate_table()

    @property
    def dated(self) -> bool:
        return self.article_date is not None

    @cached_property
    def date(self) -> date:
        """The date rates are taken for: the article's, else the rate table's latest."""
        return self.article_date or self.rates.last_date

    @property
    def date_origin(self) -> DateOrigin:
        return self.article_date_origin or "latest-rate"

    @cached_property
    def assessments(self) -> dict[tuple[Equivalence, tuple[tuple[str, Any], ...]],
                                  Assessment | None]:
        """Each equivalence measured once per check and tolerances, whichever rule asks
        first (:func:`numlint.assessment.assess`)."""
        return {}

    @cached_property
    def verdicts(self) -> dict[Equivalence, Verdict]:
        """Each equivalence judged once per check (:func:`numlint.verdict.judge`)."""
        return {}

    @cached_property
    def assessments_by_id(self) -> dict[tuple[int, tuple[tuple[str, Any], ...]],
                                        tuple[Equivalence, Assessment | None]]:
        """What :attr:`assessments` holds, found again by the identity of the equivalence
        asked about (hashing one hashes its two mentions, field by field), which it keeps
        alive."""
        return {}

    @cached_property
    def verdicts_by_id(self) -> dict[int, tuple[Equivalence, Verdict]]:
        """What :attr:`verdicts` holds, found again by the identity of the equivalence."""
        return {}

    @cached_property
    def rate_days(self) -> dict[tuple[str, str, int], dict[Day, Decimal]]:
        """The ECB rates of the days before the article's date, per currency pair and
        number of days, looked up once per check (:func:`numlint.assessment.assess`)."""
        return {}

    @cached_property
    def converter(self) -> Converter:
        return Converter(self.date, lambda: self.rates)


def _embedded() -> RateTable:
    from .rates import embedded_table

    return embedded_table()
