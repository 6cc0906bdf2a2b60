"""The data a mention carries: one figure found in the text, already normalized."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

Kind = Literal["money", "percent", "quantity", "number"]


@dataclass(frozen=True, slots=True)
class Mention:
    """One figure of the text: a number, an amount of money, a percentage or a quantity.

    Offsets are character offsets into the text given to :func:`numlint.mentions`
    (end exclusive), so ``text[m.start:m.end] == m.text``. The span covers the figure
    itself (sign, number, scale word, currency or unit), not the hedge in front of it.
    """

    start: int
    end: int
    text: str
    kind: Kind
    value: Decimal
    """The value with the scale applied (``97,4 milliards`` -> 97400000000); a percentage
    as written (``12 %`` -> 12); a quantity in its own unit (``3 km`` -> 3)."""
    currency: str | None = None
    """ISO 4217 code, or None (not money, or money in a currency we will not guess)."""
    unit: str | None = None
    """pint unit name (``kilometer``, ``kilowatt_hour``, ``degree_Celsius``) or None."""
    hedge: str | None = None
    """The approximation or bound in front of the figure as written (``près de``)."""
    hedge_kind: str | None = None
    """What the hedge means: ``about``, ``nearly``, ``above``, ``below``, ``exactly``."""

    number_text: str = ""
    """The number as written, without scale word (``97,4``, ``quatre-vingt-dix-sept``)."""
    number_span: tuple[int, int] = (0, 0)
    decimals: int = 0
    """How many digits are printed after the decimal mark (``97,4`` -> 1)."""
    scale_text: str | None = None
    """The scale word or abbreviation as written (``milliards``, ``Md``, ``k``)."""
    scale_span: tuple[int, int] | None = None
    scale_exponent: int = 0
    """Power of ten the scale word stands for (mille 3, million 6, milliard 9, billion 12)."""
    unit_text: str | None = None
    """The currency or unit as written (``dollars``, ``€``, ``km``), None for bare numbers."""
    unit_span: tuple[int, int] | None = None
    per: str | None = None
    """What the figure is counted per, normalized (``mois``, ``an``, ``habitant``), or None."""
    range_role: Literal["low", "high"] | None = None
    """For a bound of a range (``de 3 à 5 millions``), which bound this is."""
    range_partner: tuple[int, int] | None = None
    """Span of the other bound of the range."""
    inherited: bool = False
    """True when scale, unit or currency come from the other bound of a range
    (``3`` in ``de 3 à 5 millions d'euros``)."""
    currency_assumed: bool = False
    """True when the currency comes from a house default (``dollars`` -> USD) rather than
    from an unambiguous code, symbol or qualified name."""

    unit_assumed: bool = False
    """True when the unit is one reading of a name that stands for two (bare ``milles``:
    the statute mile in Québec, the nautical mile at sea): it can show a slip of a
    thousand, never a conversion a few percent off."""

    sub_unit: bool = False
    """True when the currency is written as its hundredth (``15 centimes``, ``470 pence``):
    ``value`` is then in the main unit (0.15, 4.70) and ``decimals`` counts two more."""

    shared_scale_span: tuple[int, int] | None = None
    """Where the scale word this figure borrows is written (``millions`` for ``3`` in
    ``de 3 à 5 millions``, ``3,2 et 2,1 millions``): a fix of the scale edits that word."""
    shared_unit_span: tuple[int, int] | None = None
    """Where the currency or unit this figure borrows from a range or list is written."""
    list_span: tuple[int, int] | None = None
    """For an item of a list sharing a scale or unit (``3, 4 ou 5 millions de tonnes``),
    the span of the whole list, set on every item, the last one included: ``50 000 wons``
    closing ``1 000, 5 000 et 50 000 wons`` is no single amount to pair with the next figure."""
    currency_inherited: bool = False
    """True when the currency is not written with the figure but read from its context
    (``2 500 milliards`` after ``wons``, ``1 200 livres`` in a London story): weaker
    evidence than a written currency."""
    currency_source_span: tuple[int, int] | None = None
    """Where the context that gave the inherited currency is written."""
    typo_split: bool = False
    """True when the number was written split by a typo and read whole (``42, 6 millions``
    is 42,6 millions): ``number_text`` keeps the typo."""

    hedge_span: tuple[int, int] | None = None
    """Where the hedge is written (it stays outside ``start``..``end``)."""
    per_span: tuple[int, int] | None = None
    """Where the "per" complement is written (``par mois``, ``le baril``, ``annuels``): it
    closes the span, so ``end == per_span[1]``."""

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    @property
    def precision(self) -> Decimal:
        """Half a unit of the last printed digit, scale applied: how much the writer may
        have rounded (``95 millions`` -> 500000, ``94,3 %`` -> 0.05)."""
        return Decimal(5).scaleb(self.scale_exponent - self.decimals - 1)
