"""One verdict per conversion: what an equivalence between two figures comes to.

Three rules report conversions — NL101 (a slip of magnitude), NL102 (a few percent off),
NL104 (an English *billion*) — and :mod:`numlint.verification` says which conversions
hold. They all read the verdict this module gives, weighed once per equivalence with
one set of settings (NL101's ``factor``, NL102's tolerances), so no case falls between
two rules and none is reported twice.

The order of the questions is the order of the evidence: a conversion that holds is
consistent; one that an English *billion* explains is that; one off by ``factor`` or
more is a slip of magnitude (by thirty times or more where the rate is only an order of
magnitude, or stated by the text; only near a power of 1 000 where nothing but
proximity ties the figures); what is left is a few percent off, and is reported only
where the rate and the wording can judge a few percent.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from .assessment import Assessment, assess, english_explains, english_reading
from .records import Record

if TYPE_CHECKING:
    from .document import Document
    from .mentions import Mention
    from .relations import Equivalence

Kind = Literal["consistent", "english-scale", "magnitude", "inexact", "unjudged"]
Reason = Literal[
    "no-comparison",  # no rate for the currencies, or units that do not convert
    "loose-tie",  # only proximity ties the figures, and the gap is no power of 1 000
    "sentence-tie",  # only one sentence ties the figures: judged as a scale slip or not at all
    "coarse-gap",  # a yearly order of magnitude (or a stated rate): under thirty times
    "assumed-dollar",  # « 125 millions $ »: the currency is a guess
    "assumed-unit",  # bare « milles »: statute or nautical mile
    "coarse-rate",  # a yearly order of magnitude cannot judge a few percent
    "stated-rate",  # a rate the text states may be another day's
    "english-scale",  # billion/trillion: NL104 weighs those
    "undated",  # the latest rate is a guess for an undated text
    "open-currency",  # « francs » alone: some of the currencies it may be fit
    "",
]

COARSE_FACTOR = Decimal(30)
"""The smallest gap reported where the rate is only an order of magnitude."""
NEAR = Decimal("1.25")
"""How close to a power of 1 000 a ratio is still a scale slip (a rate and a rounding)."""


class Verdict(Record):
    kind: Kind
    assessment: Assessment | None
    reason: Reason
    """For ``unjudged`` (and a consistent conversion the rate can only roughly confirm):
    what was weighed and kept the conversion from a verdict."""
    english: tuple[Mention, ...]
    """For ``english-scale``: the figures whose English reading makes the claim hold."""

    __slots__ = __match_args__ = ("kind", "assessment", "reason", "english")

    def __init__(self, kind: Kind, assessment: Assessment | None, reason: Reason = "",
                 english: tuple[Mention, ...] = ()) -> None:
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "assessment", assessment)
        object.__setattr__(self, "reason", reason)
        object.__setattr__(self, "english", english)


def judge(equivalence: Equivalence, document: Document) -> Verdict:
    """The verdict on ``equivalence``, worked out once per check."""
    seen = document.verdicts_by_id.get(id(equivalence))
    if seen is not None and seen[0] is equivalence:
        return seen[1]
    kept = document.verdicts
    if equivalence not in kept:
        kept[equivalence] = _judge(equivalence, document)
    document.verdicts_by_id[id(equivalence)] = (equivalence, kept[equivalence])
    return kept[equivalence]


def tolerances(document: Document) -> dict[str, object]:
    """NL102's settings as configured: the tolerances every verdict is drawn with."""
    return dict(document.settings_of("NL102"))


def _judge(equivalence: Equivalence, document: Document) -> Verdict:
    if len(equivalence.readings) > 1:
        return _judge_open(equivalence, document)
    settings = tolerances(document)
    assessment = assess(equivalence, document, settings)
    if assessment is None:
        return Verdict("unjudged", None, "no-comparison")
    if equivalence.marker == "sentence":
        return _judge_candidate(assessment, document)
    if assessment.consistent:
        return Verdict("consistent", assessment)
    english = tuple(f for f in (equivalence.first, equivalence.second)
                    if english_explains(assessment, f))
    if english:
        return Verdict("english-scale", assessment, english=english)
    factor = Decimal(str(document.settings_of("NL101")["factor"]))
    ratio = assessment.ratio
    coarse = assessment.converted.coarse or equivalence.marker == "rate"
    least = max(factor, COARSE_FACTOR) if coarse else factor
    if ratio is not None and not 1 / least < ratio < least:
        if equivalence.marker == "loose" and not near_power_of_thousand(ratio):
            return Verdict("unjudged", assessment, "loose-tie")
        return Verdict("magnitude", assessment)
    if ratio is not None and not 1 / factor < ratio < factor:
        return Verdict("unjudged", assessment, "coarse-gap")
    return _inexact(assessment, document, bool(settings.get("check_undated")))


def _judge_candidate(assessment: Assessment, document: Document) -> Verdict:
    """Two amounts only their sentence ties: a slip of magnitude when the gap is the
    signature of a scale word (a power of 1 000, ±25 %, beyond NL101's factor); anything
    else — agreement included, which may be chance — stays unjudged."""
    ratio = assessment.ratio
    factor = Decimal(str(document.settings_of("NL101")["factor"]))
    if (ratio is not None and not assessment.consistent and not 1 / factor < ratio < factor
            and near_power_of_thousand(ratio)):
        return Verdict("magnitude", assessment)
    return Verdict("unjudged", assessment, "sentence-tie")


def _judge_open(equivalence: Equivalence, document: Document) -> Verdict:
    """A figure whose currency is open (*francs*): a slip of magnitude only if it is one
    whatever the currency; anything else is left unjudged, the currency being a guess."""
    verdicts = []
    for currency in equivalence.readings:
        figure = getattr(equivalence, equivalence.open_figure or "second")
        read = replace(figure, currency=currency)
        one = replace(equivalence, readings=(currency,),
                      **{equivalence.open_figure or "second": read})
        verdicts.append(judge(one, document))
    if all(verdict.kind == "magnitude" for verdict in verdicts):
        return verdicts[0]
    return Verdict("unjudged", verdicts[0].assessment, "open-currency")


def _inexact(assessment: Assessment, document: Document, check_undated: bool) -> Verdict:
    """A few percent off: reported only where the rate and the wording can judge it."""
    equivalence = assessment.equivalence
    first, second = equivalence.first, equivalence.second
    if dollar_sign_after(first) or dollar_sign_after(second):
        return Verdict("unjudged", assessment, "assumed-dollar")
    if first.unit_assumed or second.unit_assumed:
        return Verdict("unjudged", assessment, "assumed-unit")
    if equivalence.marker == "loose":
        return Verdict("unjudged", assessment, "loose-tie")
    if equivalence.marker == "rate":
        return Verdict("unjudged", assessment, "stated-rate")
    method = assessment.converted.method
    if method == "coarse-rate":
        return Verdict("unjudged", assessment, "coarse-rate")
    if english_reading(second) or english_reading(first):
        return Verdict("unjudged", assessment, "english-scale")
    if method == "ecb-rate" and not (document.dated or check_undated):
        return Verdict("unjudged", assessment, "undated")
    return Verdict("inexact", assessment)


def near_power_of_thousand(ratio: Decimal) -> bool:
    """1 000, 10^6, 10^-3… within the spread of a rate and a rounding (±25 %)."""
    powers = (-12, -9, -6, -3, 3, 6, 9, 12)
    return any(1 / NEAR < ratio.scaleb(-power) < NEAR for power in powers)


def dollar_sign_after(figure: Mention) -> bool:
    """``125 millions $``: a bare dollar sign after the figure, the Canadian way."""
    return (
        figure.currency_assumed and figure.written_unit is not None
        and figure.written_unit.text == "$" and figure.written_unit.start > figure.number.start
    )
