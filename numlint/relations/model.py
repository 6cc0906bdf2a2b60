"""Claims that tie two figures together."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from ..mentions import Mention

Marker = Literal[
    "parenthesis", "soit", "equivalent", "ou", "hedge-after-comma", "loose", "rate", "list",
    "anaphora", "sentence",
]
"""How the text ties the two figures. ``loose``: a conversion in parentheses after a few
words that are not the first figure's complement (``3 milliards de dollars avec Airbus
(2,9 milliards d'euros)``): weak structure, so rules read it only where the numbers
themselves agree on it (a ratio near 1 or near a power of 1 000). ``rate``: an exchange
rate stated (``1,0205 € pour 1 £``), maybe of another day than the article's: checked for
its order of magnitude only. ``list``: one item of a list of amounts converted item by
item into a list (``1 000, 5 000 et 50 000 wons, environ 70 centimes, 3,50 euros et
36 euros``). ``anaphora``: a conversion of the figure the sentence before ended on
(``… et de 50 000 wons. Ce dernier, l'équivalent d'environ 40 euros``). ``sentence``: two
neighbouring amounts of one sentence in two currencies or units that no wording ties
(``un salaire de 4 000 francs suisses percevait en réalité 2 842 euros``): only the numbers
can tie them, so they are read only as a slip of a power of 1 000, at warning level."""


@dataclass(frozen=True, slots=True)
class Equivalence:
    """``first`` and ``second`` claim to be the same amount, e.g. a conversion:
    ``97,4 milliards de dollars (près de 95 milliards d'euros)``. ``second`` is the
    derived figure (the conversion), the one a correction would normally change."""

    first: Mention
    second: Mention
    marker: Marker
    marker_text: str
    readings: tuple[str, ...] = ()
    """Where one figure's currency is named but open (*9,9 milliards de francs* in an
    undated text: Swiss, CFA, French or Belgian francs), the currencies it may be, the
    figure read in the first; a verdict holds only if it holds in every one of them."""
    open_figure: Literal["first", "second"] | None = None
    """Which figure's currency is open, for :attr:`readings`."""


@dataclass(frozen=True, slots=True)
class Restatement:
    """``later`` refers back to ``first`` (``ces 13 millions de dollars``): the same figure,
    so its number and scale should be the same."""

    first: Mention
    later: Mention
    reference: str
    """The words that point back (``ces``, ``cette somme de``), or those that tie the
    later figure to the earlier claim (``le montant déclaré était de``, ``les``); empty
    when only the numbers tie them."""
    tie: Literal["pointer", "amount", "definite", "none"] = "pointer"
    """What says it is the same figure: a pointer right before it (``ces``, ``cette somme
    de``: the text says so); an amount word of the later clause (``le prix de cette
    transaction s'élève à``) or a definite article (``les 4,2 millions``) before the same
    number 1 000 times off; or nothing but the same distinctive number 1 000 times off."""
    distinctive: bool = True
    """Whether the later figure's number is unlikely to repeat by chance (two significant
    digits or more, not a round half: ``26``, ``7,6``; not ``4``, ``100``, ``2,5``)."""


ChangeTie = Literal["grammar", "context", "table"]
"""``grammar``: a verb or connector joins the endpoints and the stated change (*passe de A
à B, soit*; *B contre A, en hausse de p %*; *p % : B contre A*; *B, en baisse de p % par
rapport à A*). ``context``: the change is stated after one figure (*B, soit une baisse de
p %*) and the start is an earlier figure of the same quantity, in its sentence or the two
before, that the text does not name, or the endpoints are in the next sentence; weak, so a
rule reads it only where the numbers agree on it. ``table``: a row *B A p %*, whose order
only the columns' headings give."""


@dataclass(frozen=True, slots=True)
class Change:
    """A figure moving from ``start`` to ``end``, and what the text says of the move:
    a stated change (``soit une hausse de 25 %``, ``de 0,2 point``) and/or a multiple
    (``a doublé``, ``divisé par deux``). Endpoints are None for a multiple stated with a
    percentage only (``a quadruplé, soit une hausse de 300 %``)."""

    start: Mention | None
    end: Mention | None
    stated: Mention | None
    stated_as: Literal["percent", "points"] | None
    direction: int
    """+1 for a rise, -1 for a fall, as the words or the sign say; 0 when unstated."""
    multiple: Decimal | None = None
    multiple_text: str | None = None
    multiple_span: tuple[int, int] | None = None
    multiple_hedge: str | None = None
    """``above`` (a plus que doublé), ``nearly`` (a presque doublé), ``about``,
    ``times-more`` (*trois fois plus*: ×3, or ×4 to some writers), or None."""
    comparison: bool = False
    """True for two figures compared (*600 millions, soit six fois plus que les 100
    millions de 2020*): ``end`` is ``multiple`` times ``start``, no move in time."""
    tie: ChangeTie = "grammar"
    """How the text ties the stated change to its endpoints (see :data:`ChangeTie`)."""
    alternatives: tuple[Mention, ...] = ()
    """Other figures that may be the start, where the text does not say which one is (a
    ``context`` tie), or ``start`` read without the scale it borrows (``contre 1,709``)."""
    basis: str | None = None
    """Words saying the rate is on another basis than the endpoints (*à périmètre
    constant*, *en volume*), or None."""


@dataclass(frozen=True, slots=True)
class AmountChange:
    """A change stated as an amount rather than a rate: *passer de 2 409,7 à 2 352,8
    milliards, soit une baisse de 56,9 milliards* (``start``, ``end`` and the ``amount``),
    or *en hausse de 18,3 M€ … pour s'établir à 384,4 M€, soit une hausse de 5 %* (the
    ``amount``, the ``end`` and the ``rate``; the start is the end less the amount)."""

    amount: Mention
    end: Mention
    direction: int
    """+1 for a rise, -1 for a fall, as the words say."""
    start: Mention | None = None
    rate: Mention | None = None
    wording: str = ""
    """The words that state the change (*soit une baisse de*, *en hausse de*)."""


@dataclass(frozen=True, slots=True)
class Partition:
    """Percentages the text presents as the parts of one whole."""

    shares: tuple[Mention, ...]


@dataclass(frozen=True, slots=True)
class Sum:
    """Figures the text adds up: the ``parts`` of a ``total`` (``kind`` ``"total"``: their
    sum), or parts of a whole listed after *dont* (``"subsets"``: each at most the whole,
    they may overlap)."""

    parts: tuple[Mention, ...]
    total: Mention
    kind: Literal["total", "subsets", "listed", "fraction", "coincident"]
    """``listed``: parts the text lists after a whole, in the same or a following sentence
    (``un plan de 483 milliards de dollars. Ce plan comporte 320 milliards…, 60 milliards…``),
    tied by ``tie`` or by nothing but the numbers: a rule reads them where the numbers agree
    on it. ``fraction``: one part stated as ``fraction`` of the whole (``deux tiers du
    montant (24 millions $)``)."""
    tie: str = ""
    """The words that tie the parts to the whole (``comporte``, ``dont``), "" for none."""
    fraction: Decimal | None = None
    weighed: Weighing | None = None
    """``coincident``: parts no word ties to their whole, that add up to it only once
    one figure is rescaled (:mod:`.coincidences`), and what the search weighed."""


@dataclass(frozen=True, slots=True)
class Weighing:
    """How a sum found by its numbers alone was weighed (:mod:`.coincidences`)."""

    figure: Mention
    """The figure that, rescaled, makes the sum agree."""
    shift: int
    """The powers of ten it is read off by (3: it is written 1 000 times too small)."""
    chance: float
    """The chance that a search this wide finds a coincidence this close by luck: the sum,
    over every reading tried whose sizes could add up, of its margin over its whole."""
    tried: int
    """Readings tried whose sizes could add up."""
    figures: int
    """Figures of the measure weighed together."""
    digits: float
    """Significant digits to which the rescaled sum agrees with its whole."""


@dataclass(frozen=True, slots=True)
class Range:
    """Two bounds the text gives as one range: ``entre 5 et 6 milliards de dirhams``,
    ``de 21 à 30 m``, ``74 à 95 mph``, ``10–15 M€``. ``low`` is the bound written first;
    when it is written bare it shares the scale word, currency or unit of ``high``
    (``low.inherited``)."""

    low: Mention
    high: Mention
    opener: str | None
    """``entre``, ``de``, ``d’``, ``from`` as written, or None (``30 000 à 40 000 pieds``)."""
    separator: str
    """``et``, ``à``, ``au``, ``-`` or ``–``."""
    change_cue: str | None = None
    """A word of change before ``de A à B`` (``passe``, ``baisse``, ``ramené``): then it
    may say where a figure went, not the span it lies in."""


@dataclass(frozen=True, slots=True)
class Relations:
    equivalences: tuple[Equivalence, ...] = ()
    restatements: tuple[Restatement, ...] = ()
    changes: tuple[Change, ...] = ()
    partitions: tuple[Partition, ...] = ()
    sums: tuple[Sum, ...] = ()
    comparisons: tuple[Change, ...] = ()
    """Figures said to be so many times another: changes with ``comparison`` set."""
    ranges: tuple[Range, ...] = ()
    amount_changes: tuple[AmountChange, ...] = ()
    """Changes stated as an amount (*soit une baisse de 56,9 milliards*)."""
    failures: tuple[str, ...] = ()
    """Finders that failed, with their error: their relations are missing."""
