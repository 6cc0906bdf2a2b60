"""The data a mention carries: one figure found in the text, already normalized."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, NamedTuple

Kind = Literal["money", "percent", "quantity", "number"]


class Part(NamedTuple):
    """One written piece of a figure: its text as written and where it is.

    ``text[part.start:part.end] == part.text`` in the text the mention was read from. A
    named tuple: made on the scanner's hot path (one per number, scale word, currency or
    unit, hedge, "per" complement), it costs a tuple.
    """

    text: str
    span: tuple[int, int]

    @property
    def start(self) -> int:
        return self.span[0]

    @property
    def end(self) -> int:
        return self.span[1]


NO_NUMBER = Part("", (0, 0))
"""The default number of a mention built by hand without one."""


def _deprecated(old: str, new: str) -> None:
    warnings.warn(f"Mention.{old} is deprecated: read Mention.{new}", DeprecationWarning,
                  stacklevel=3)


@dataclass(frozen=True, slots=True)
class Mention:
    """One figure of the text: a number, an amount of money, a percentage or a quantity.

    Offsets are character offsets into the text given to :func:`numlint.mentions`
    (end exclusive), so ``text[m.start:m.end] == m.text``. The span covers the figure
    itself (sign, number, scale word, currency or unit), not the hedge in front of it.

    Each written piece is a :class:`Part` (its text and span): :attr:`number`,
    :attr:`scale`, :attr:`written_unit`, :attr:`written_hedge`, :attr:`written_per`, and
    the pieces borrowed from a range or list, :attr:`shared_scale`, :attr:`shared_unit`.
    The other fields are normalized values (``value``, ``currency``, ``unit``,
    ``scale_exponent``, ``hedge_kind``, ``per``…). The flat names of numlint 0.x
    (``number_text``, ``scale_span``, ``unit_text``, ``hedge``…) remain as read-only
    deprecated aliases.
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
    written_hedge: Part | None = None
    """The approximation or bound in front of the figure as written (``près de``); it
    stays outside ``start``..``end``."""
    hedge_kind: str | None = None
    """What the hedge means: ``about``, ``nearly``, ``above``, ``below``, ``exactly``."""

    number: Part = NO_NUMBER
    """The number as written, without scale word (``97,4``, ``quatre-vingt-dix-sept``)."""
    decimals: int = 0
    """How many digits are printed after the decimal mark (``97,4`` -> 1)."""
    scale: Part | None = None
    """The scale word or abbreviation as written (``milliards``, ``Md``, ``k``)."""
    scale_exponent: int = 0
    """Power of ten the scale word stands for (mille 3, million 6, milliard 9, billion 12)."""
    written_unit: Part | None = None
    """The currency or unit as written (``dollars``, ``€``, ``km``), None for bare numbers
    (``unit`` is the pint name it stands for, ``currency`` the ISO code)."""
    per: str | None = None
    """What the figure is counted per, normalized (``mois``, ``an``, ``habitant``), or None."""
    written_per: Part | None = None
    """The "per" complement as written (``par mois``, ``le baril``, ``annuels``): it closes
    the span, so ``end == written_per.end``."""
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

    shared_scale: Part | None = None
    """The scale word this figure borrows, where the lender wrote it (``millions`` for
    ``3`` in ``de 3 à 5 millions``, ``3,2 et 2,1 millions``): a fix of the scale edits
    that word."""
    shared_unit: Part | None = None
    """The currency or unit this figure borrows from a range or list, where it is written."""
    list_span: tuple[int, int] | None = None
    """For an item of a list sharing a scale or unit (``3, 4 ou 5 millions de tonnes``),
    the span of the whole list, set on every item, the last one included: ``50 000 wons``
    closing ``1 000, 5 000 et 50 000 wons`` is no single amount to pair with the next figure."""
    currency_inherited: bool = False
    """True when the currency is not written with the figure but read from its context
    (``2 500 milliards`` after ``wons``, ``1 200 livres`` in a London story): weaker
    evidence than a written currency."""
    currency_source_span: tuple[int, int] | None = None
    """Where the context that gave the inherited currency is written (a span, not a
    :class:`Part`: it may cover several words around the figure, ``livres (2 990 euros``)."""
    typo_split: bool = False
    """True when the number was written split by a typo and read whole (``42, 6 millions``
    is 42,6 millions): ``number.text`` keeps the typo."""

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    @property
    def unit_label(self) -> str:
        """What an amount like this one is counted in, for a message: the ISO code of its
        currency, else its unit as written, else ``""``."""
        if self.currency:
            return self.currency
        return self.written_unit.text if self.written_unit is not None else ""

    @property
    def hedged_start(self) -> int:
        """Where the figure begins with its hedge (``près de`` | 95): what the words
        before a figure end at, for a relation finder looking back from it."""
        return self.written_hedge.start if self.written_hedge is not None else self.start

    @property
    def precision(self) -> Decimal:
        """Half a unit of the last printed digit, scale applied: how much the writer may
        have rounded (``95 millions`` -> 500000, ``94,3 %`` -> 0.05)."""
        return Decimal(5).scaleb(self.scale_exponent - self.decimals - 1)

    # -- deprecated aliases: the flat fields of numlint 0.x, read-only ------------------
    # Plugins written against them keep working (with a DeprecationWarning); numlint's own
    # code reads the parts (tests/test_architecture.py checks it).

    @property
    def number_text(self) -> str:
        """Deprecated: ``number.text``."""
        _deprecated("number_text", "number.text")
        return self.number.text

    @property
    def number_span(self) -> tuple[int, int]:
        """Deprecated: ``number.span``."""
        _deprecated("number_span", "number.span")
        return self.number.span

    @property
    def scale_text(self) -> str | None:
        """Deprecated: ``scale.text`` (``scale`` is None when no scale word is written)."""
        _deprecated("scale_text", "scale.text")
        return None if self.scale is None else self.scale.text

    @property
    def scale_span(self) -> tuple[int, int] | None:
        """Deprecated: ``scale.span``."""
        _deprecated("scale_span", "scale.span")
        return None if self.scale is None else self.scale.span

    @property
    def unit_text(self) -> str | None:
        """Deprecated: ``written_unit.text``."""
        _deprecated("unit_text", "written_unit.text")
        return None if self.written_unit is None else self.written_unit.text

    @property
    def unit_span(self) -> tuple[int, int] | None:
        """Deprecated: ``written_unit.span``."""
        _deprecated("unit_span", "written_unit.span")
        return None if self.written_unit is None else self.written_unit.span

    @property
    def hedge(self) -> str | None:
        """Deprecated: ``written_hedge.text`` (``hedge_kind`` is what it means)."""
        _deprecated("hedge", "written_hedge.text")
        return None if self.written_hedge is None else self.written_hedge.text

    @property
    def hedge_span(self) -> tuple[int, int] | None:
        """Deprecated: ``written_hedge.span``."""
        _deprecated("hedge_span", "written_hedge.span")
        return None if self.written_hedge is None else self.written_hedge.span

    @property
    def per_span(self) -> tuple[int, int] | None:
        """Deprecated: ``written_per.span``."""
        _deprecated("per_span", "written_per.span")
        return None if self.written_per is None else self.written_per.span

    @property
    def shared_scale_span(self) -> tuple[int, int] | None:
        """Deprecated: ``shared_scale.span``."""
        _deprecated("shared_scale_span", "shared_scale.span")
        return None if self.shared_scale is None else self.shared_scale.span

    @property
    def shared_unit_span(self) -> tuple[int, int] | None:
        """Deprecated: ``shared_unit.span``."""
        _deprecated("shared_unit_span", "shared_unit.span")
        return None if self.shared_unit is None else self.shared_unit.span
