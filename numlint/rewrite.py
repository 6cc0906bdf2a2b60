"""Rewriting a figure at another power of ten, the way its writer wrote it.

``95 millions d'euros`` -> ``95 milliards d'euros``; ``12 M$`` -> ``12 Md$``;
``500 m`` -> ``500 km``; ``1 milliard`` -> ``1 million``. Only the scale word or unit is
replaced, so markup around the figure stays untouched. Returns None when no single word
of the writer's style expresses the new power (the rule then reports without a fix).
"""

from __future__ import annotations

from decimal import Decimal

from .mentions import Mention, Part
from .mentions.scales import written_forms
from .records import Record

LONG_SCALES: dict[int, tuple[str, str]] = written_forms()
"""Singular and plural of each French scale word (``mille`` does not take an s)."""

SCALE_SHIFTS = (3, -3, 6, -6, 9, -9, 12, -12)
"""Powers of ten a single wrong scale word or unit prefix produces, nearest first."""

ABBREVIATION_FAMILIES: tuple[dict[int, str], ...] = (
    {3: "k", 6: "M", 9: "Md"},
    {3: "k", 6: "M", 9: "Mds"},
    {3: "K", 6: "M", 9: "Md"},
    {3: "k", 6: "M", 9: "Mrd"},
    {3: "k", 6: "M", 9: "Mrds"},
    {3: "k", 6: "Mio", 9: "Mia"},
    {3: "k", 6: "M", 9: "G", 12: "T"},
    {3: "k", 6: "M", 9: "Md", 12: "Bn"},
)
"""Abbreviation styles: a figure is rewritten within the family of its own abbreviation."""

UNIT_LADDERS: tuple[dict[int, tuple[str, str, str]], ...] = (
    {0: ("meter", "m", "mètres"), 3: ("kilometer", "km", "kilomètres")},
    {0: ("gram", "g", "grammes"), 3: ("kilogram", "kg", "kilogrammes"),
     6: ("metric_ton", "t", "tonnes"), 12: ("megametric_ton", "Mt", "mégatonnes")},
    {0: ("watt", "W", "watts"), 3: ("kilowatt", "kW", "kilowatts"),
     6: ("megawatt", "MW", "mégawatts"), 9: ("gigawatt", "GW", "gigawatts"),
     12: ("terawatt", "TW", "térawatts")},
    {0: ("watt_hour", "Wh", "wattheures"), 3: ("kilowatt_hour", "kWh", "kilowattheures"),
     6: ("megawatt_hour", "MWh", "mégawattheures"),
     9: ("gigawatt_hour", "GWh", "gigawattheures"),
     12: ("terawatt_hour", "TWh", "térawattheures")},
    {0: ("liter", "l", "litres"), 2: ("hectoliter", "hl", "hectolitres")},
)
"""Units that differ by a power of ten: (pint name, symbol, French plural)."""


class Rewrite(Record):
    """Replace ``text[start:end]`` with ``replacement`` to get ``figure``."""

    start: int
    end: int
    replacement: str
    figure: str
    """The whole figure as it would read after the rewrite (for messages)."""

    __slots__ = __match_args__ = ("start", "end", "replacement", "figure")

    def __init__(self, start: int, end: int, replacement: str, figure: str) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "replacement", replacement)
        object.__setattr__(self, "figure", figure)


def rescale(text: str, mention: Mention, shift: int) -> Rewrite | None:
    """``mention`` written ``shift`` powers of ten larger (or smaller when negative)."""
    if shift == 0:
        return None
    if mention.inherited and mention.scale is None and not _own(mention, mention.written_unit):
        return rescale_number(text, mention, shift)  # a bound sharing its scale word or unit
    if mention.scale is not None:
        rewrite = _rescale_word(mention, mention.scale_exponent + shift)
        if rewrite is not None:
            return _whole(text, mention, rewrite)
    if mention.kind == "quantity" and mention.written_unit is not None and not mention.scale:
        return _whole(text, mention, _rescale_unit(mention, shift))
    if mention.kind == "money" and not mention.scale:
        return _whole(text, mention, _with_scale_word(text, mention, shift))
    return None


def _own(mention: Mention, part: Part | None) -> bool:
    """Whether ``part`` is written inside the figure: the first bound of a range carries
    the unit of the second for messages (``entre 30 000 et 40 000 pieds``), and
    rewriting that unit would move both bounds."""
    return part is not None and mention.start <= part.start and part.end <= mention.end


def rescale_number(text: str, mention: Mention, shift: int) -> Rewrite | None:
    """The digits of ``mention`` written ``shift`` powers of ten larger, its scale word or
    unit untouched: the fix for a bound that shares them with another (``5 000`` -> ``5``
    in ``entre 5 000 et 6 milliards``, where rewriting *milliards* would move both)."""
    written = mention.number.text
    if mention.sub_unit or not written[:1].isdigit() or mention.value == 0:
        return None
    number = abs(mention.value).scaleb(shift - mention.scale_exponent).normalize()
    if number != number.quantize(Decimal("0.001")):
        return None  # "0,0027": not how copy writes a bound
    whole, _, fraction = f"{number:f}".partition(".")
    separator = next((ch for ch in written if ch in " .\u00a0\u202f\u2009"), NO_BREAK_SPACE)
    if separator == "." and fraction:
        return None
    replacement = grouped(whole, separator) + ("," + fraction if fraction else "")
    start, end = mention.number.span
    return _whole(text, mention, Rewrite(start, end, replacement, ""))


def _with_scale_word(text: str, mention: Mention, shift: int) -> Rewrite | None:
    """``37 000 euros`` a thousand times larger: ``37 millions d'euros`` (the amount
    written with the scale word French copy uses for it, the currency name kept)."""
    written_unit, number_start = mention.written_unit, mention.number.start
    if written_unit is None or not written_unit.text.isalpha() or (
        written_unit.start < number_start
    ):
        return None  # a symbol ("37 000 €") or a currency in front: left to the writer
    unit = written_unit.text
    if not mention.number.text[:1].isdigit():
        return None
    value = abs(mention.value).scaleb(shift)
    exponent = next((e for e in (12, 9, 6) if value >= Decimal(10) ** e), None)
    if exponent is None:  # "54 euros" a thousand times larger: "54 000 euros"
        if value != value.to_integral_value():
            return None
        separator = next((ch for ch in mention.number.text if ch in " \u00a0\u202f"),
                         NARROW_NO_BREAK_SPACE)
        start, end = mention.number.span
        return Rewrite(start, end, grouped(f"{value:f}".split(".")[0], separator), "")
    number = (value / Decimal(10) ** exponent).normalize()
    if number != number.quantize(Decimal("0.01")) or number >= 1000:
        return None  # "37,456 millions": not how copy writes it
    shown = f"{number:f}".replace(".", ",")
    singular, plural = LONG_SCALES[exponent]
    apostrophe = "’" if "’" in text else "'"
    of = f"d{apostrophe}" if unit[:1].lower() in "aeiouyéèêh" else "de "
    replacement = f"{shown} {plural if number >= 2 else singular} {of}{unit}"
    return Rewrite(number_start, written_unit.end, replacement, "")


def agree(text: str, mention: Mention, number: Decimal) -> Rewrite | None:
    """The scale word made to agree with a new number (``1,9 milliard``, ``2 milliards``)."""
    forms = LONG_SCALES.get(mention.scale_exponent)
    if forms is None or mention.scale is None or mention.scale.text.lower() not in forms:
        return None
    written = mention.scale.text
    wanted = _same_case(forms[1] if abs(number) >= 2 else forms[0], written)
    if wanted == written:
        return None
    start, end = mention.scale.span
    return _whole(text, mention, Rewrite(start, end, wanted, ""))


def _whole(text: str, mention: Mention, rewrite: Rewrite | None) -> Rewrite | None:
    if rewrite is None:
        return None
    figure = (
        text[mention.start : rewrite.start] + rewrite.replacement + text[rewrite.end : mention.end]
    )
    return Rewrite(rewrite.start, rewrite.end, rewrite.replacement, figure)


def _rescale_word(mention: Mention, exponent: int) -> Rewrite | None:
    written, (start, end) = mention.scale or ("", (0, 0))
    if written.lower() in {w for pair in LONG_SCALES.values() for w in pair}:
        forms = LONG_SCALES.get(exponent)
        if forms is None:
            return None
        plural = abs(_number_as_written(mention)) >= 2
        replacement = _same_case(forms[1] if plural else forms[0], written)
        return Rewrite(start, end, replacement, "")
    for family in ABBREVIATION_FAMILIES:
        if family.get(mention.scale_exponent) == written and exponent in family:
            return Rewrite(start, end, family[exponent], "")
    return None


def _rescale_unit(mention: Mention, shift: int) -> Rewrite | None:
    written, (start, end) = mention.written_unit or ("", (0, 0))
    for ladder in UNIT_LADDERS:
        for power, (pint_name, symbol, _plural) in ladder.items():
            if pint_name != mention.unit:
                continue
            target = ladder.get(power + shift)
            if target is None:
                return None
            is_symbol = written == symbol
            replacement = target[1] if is_symbol else target[2]
            return Rewrite(start, end, replacement, "")
    return None


def _number_as_written(mention: Mention) -> Decimal:
    if mention.scale_exponent:
        return abs(mention.value).scaleb(-mention.scale_exponent)
    return abs(mention.value)


def _same_case(word: str, model: str) -> str:
    if model.isupper():
        return word.upper()
    if model[:1].isupper():
        return word.capitalize()
    return word


NARROW_NO_BREAK_SPACE = "\u202f"
NO_BREAK_SPACE = "\u00a0"


def grouped(number_text: str, separator: str = NARROW_NO_BREAK_SPACE) -> str:
    """A French number with its thousands grouped by ``separator``: ``12345,5`` ->
    ``12 345,5`` (digits after the decimal comma are left as they are)."""
    sign = number_text[0] if number_text[:1] in "+-−" else ""
    body = number_text[len(sign) :]
    whole, comma, fraction = body.partition(",")
    digits = "".join(ch for ch in whole if ch.isdigit())
    groups: list[str] = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return sign + separator.join(groups) + comma + fraction
