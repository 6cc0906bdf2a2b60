"""One figure's match turned into a mention, step by step.

The scanner reads a figure at an anchor (:class:`.figure.Figure`: the head pattern's
groups and the tail's spans) and reads its number (digits or words); what the groups say
about the rest is gathered here, in the order a reader takes it: the number's span, the
scale word, a fraction (``et demi``), the currency or unit or percent, cents, ``sous
zéro``, the "per" complement, the hedge in front. Each step reads the typed view of the
match (:class:`MatchView`) and fills a :class:`_Draft`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from . import lexicon
from .currencies import SUB_UNIT_FORMS, CurrencyLexicon, normalize_written
from .digits import plain, shifted
from .figure import Figure
from .hedges import hedge_before
from .model import Kind, Mention, Part
from .units import SLIP_ONLY_UNITS, UnitLexicon, rate_unit
from .words import WordNumber, divide, read_word_numbers

_TEMPERATURES = frozenset({"degree_Celsius", "degree_Fahrenheit", "degree"})
_SPACES = " \u00a0\u202f"


class MatchView:
    """A figure's match, its groups read once by name (``match.group(name)`` costs more,
    called often): the text of each (None when it did not take part) and its span.

    A plain class, not a dataclass: one is made for every figure of a text."""

    __slots__ = ("figure", "groups")

    def __init__(self, figure: Figure, groups: dict[str, str | None]) -> None:
        self.figure = figure
        self.groups = groups

    def __getitem__(self, name: str) -> str | None:
        return self.groups[name]

    def has(self, name: str) -> bool:
        return self.groups[name] is not None

    def written(self, name: str) -> str:
        """The text of a group that took part (a step asks only after :meth:`has`)."""
        found = self.groups[name]
        if found is None:
            raise LookupError(f"group {name!r} did not take part in the match")
        return found

    def span(self, name: str) -> tuple[int, int]:
        return self.figure.span(name)

    def start(self, name: str | None = None) -> int:
        """Where the group ``name`` starts, or the figure when None."""
        return self.figure.start() if name is None else self.figure.start(name)

    def end(self, name: str | None = None) -> int:
        """Where the group ``name`` ends, or the figure when None."""
        return self.figure.end() if name is None else self.figure.end(name)

    def without(self, name: str) -> MatchView:
        """The same match with ``name`` left out (``$ deux trois``: the $ is not 3's)."""
        return MatchView(self.figure, {**self.groups, name: None})


@dataclass(slots=True)
class _Draft:
    """A mention being assembled: what the steps so far have read."""

    value: Decimal
    decimals: int
    number_start: int
    number_end: int
    ends: list[int] = field(default_factory=list)
    """Where each part read so far ends: the figure ends at the last."""
    exponent: int = 0
    scale: Part | None = None
    kind: Kind = "number"
    currency: str | None = None
    currency_assumed: bool = False
    sub_unit: bool = False
    unit: str | None = None
    unit_assumed: bool = False
    written_unit: Part | None = None
    per: str | None = None
    written_per: Part | None = None


class Assembly:
    """Builds the mention of a figure's match with the scanner's lexicons."""

    def __init__(self, currencies: CurrencyLexicon, units: UnitLexicon) -> None:
        self.currencies = currencies
        self.units = units

    def mention(
        self,
        view: MatchView,
        text: str,
        value: Decimal,
        decimals: int,
        number_group: str,
        word_number: WordNumber | None,
        *,
        signed: bool = True,
    ) -> Mention:
        """Gather what the match's groups say about the figure into one mention."""
        g = view.groups  # each step runs only where its groups took part (most do not)
        draft = _number(view, value, decimals, number_group, word_number, signed)
        if g["scale"] is not None or (
            word_number is not None and word_number.last_scale is not None
        ):
            _scale(view, text, draft, word_number)
        if g["fraction"] is not None:
            _fraction(view, draft)
        if g["currency"] is not None or g["currency_before"] is not None:
            self._money(view, draft)
        elif g["percent"] is not None or g["unit"] is not None:
            self._percent_or_unit(view, draft)
        if draft.written_unit is not None and g["currency_before"] is None:
            draft.ends.append(draft.written_unit.end)
        if draft.kind == "money" and g["currency"] is not None and not draft.exponent:
            _cents(view, draft)
        if draft.unit in _TEMPERATURES and g["below_zero"] is not None:
            draft.value = -abs(draft.value)
            draft.ends.append(view.end("below_zero"))
        end = max(draft.ends)
        if g["per"] is not None or g["per_adjective"] is not None:
            end = _per(view, text, draft, end)
        return _finish(view, text, draft, end)

    def _money(self, view: MatchView, draft: _Draft) -> None:
        """A currency after the number or before it: the figure is an amount."""
        group = "currency" if view.has("currency") else "currency_before"
        written = view.written(group)
        draft.kind, draft.written_unit = "money", Part(written, view.span(group))
        draft.currency, draft.currency_assumed = self.currencies.lookup(written)
        if normalize_written(written) in SUB_UNIT_FORMS:  # "15 centimes"
            draft.value, draft.decimals = draft.value.scaleb(-2), draft.decimals + 2
            draft.sub_unit = True

    def _percent_or_unit(self, view: MatchView, draft: _Draft) -> None:
        if view.has("percent"):
            draft.kind = "percent"
            draft.written_unit = Part(view.written("percent"), view.span("percent"))
        elif view.has("unit"):
            written = view.written("unit")
            draft.kind, draft.written_unit = "quantity", Part(written, view.span("unit"))
            draft.unit = self.units.lookup(written)
            draft.unit_assumed = normalize_written(written) in SLIP_ONLY_UNITS


def _number(
    view: MatchView,
    value: Decimal,
    decimals: int,
    number_group: str,
    word_number: WordNumber | None,
    signed: bool,
) -> _Draft:
    """Where the number is written: its group, the words of it a run holds, its sign."""
    number_start, number_end = view.span(number_group)
    if number_group == "vulgar_after":  # "2 ½": the digits and the fraction
        number_start = view.start("digits")
    if word_number is not None:
        number_start, number_end = (
            number_start + word_number.start, number_start + word_number.end
        )
    if signed and view.groups["sign"] is not None:
        number_start = view.start("sign")
    return _Draft(value, decimals, number_start, number_end, ends=[number_end])


def _scale(view: MatchView, text: str, draft: _Draft, word_number: WordNumber | None) -> None:
    """The scale word after the number (``millions``, ``Md``), or the one a run of words
    ends with (``deux millions``), applied to the value."""
    if view.has("scale"):
        written = view.written("scale")
        draft.scale = Part(written, view.span("scale"))
        draft.ends.append(draft.scale.end)
        multiplier = lexicon.MULTIPLIER_WORDS.get(written.lower())
        if multiplier is not None:  # "une douzaine": no scale, a multiple
            draft.value *= multiplier
        else:
            draft.exponent = _scale_exponent(written)
    elif word_number is not None and word_number.last_scale is not None:
        draft.exponent = lexicon.SCALE_WORDS[word_number.last_scale]
        run_start = view.start("words")
        scale_start = run_start + word_number.last_scale_start
        scale_end = run_start + word_number.last_scale_end
        draft.scale = Part(text[scale_start:scale_end], (scale_start, scale_end))
        end = scale_start
        while end > draft.number_start and text[end - 1] in " \u00a0\u202f-‑":
            end -= 1
        draft.number_end = end
        draft.value = shifted(draft.value, -draft.exponent)
    if draft.exponent:
        draft.value = plain(shifted(draft.value, draft.exponent))


def _scale_exponent(written: str) -> int:
    if written in lexicon.SCALE_ABBREVIATIONS:
        return lexicon.SCALE_ABBREVIATIONS[written]
    return lexicon.SCALE_WORDS[written.lower()]


def _fraction(view: MatchView, draft: _Draft) -> None:
    """``un million et demi``, ``deux millions et quart``: a fraction of the scale."""
    if not view.has("fraction"):
        return
    numerator, denominator = lexicon.FRACTION_WORDS[
        " ".join(normalize_written(view.written("fraction")).split())
    ]
    part = divide(shifted(Decimal(numerator), draft.exponent), denominator)
    value = draft.value
    draft.value = plain(value - part if value < 0 else value + part)
    draft.decimals += 1
    draft.ends.append(view.end("fraction"))


def _cents(view: MatchView, draft: _Draft) -> None:
    """``et 15 cents``, ``et quarante-cinq centimes``, ``50`` after an amount: hundredths."""
    cents, cents_end = cents_of(view)
    if cents is None:
        return
    value = draft.value
    draft.value = value - cents if value < 0 else value + cents
    draft.decimals = max(draft.decimals, 2)
    draft.ends.append(cents_end)


def cents_of(view: MatchView) -> tuple[Decimal | None, int]:
    """The hundredths written after an amount, and where they end (None, 0 when none)."""
    currency = normalize_written(view.written("currency"))
    if currency in lexicon.SUB_UNITS or currency in ("penny", "pence"):
        return None, 0
    if view.has("cents_bare"):
        return Decimal(view.written("cents_bare")).scaleb(-2), view.end("cents_bare")
    if not view.has("cent_unit"):
        return None, 0
    if view.has("cents"):
        cents = Decimal(view.written("cents"))
    else:
        words = view.written("cents_words")
        numbers = read_word_numbers(words)
        if len(numbers) != 1 or numbers[0].end != len(words):
            return None, 0
        cents = numbers[0].value
    if not 0 < cents < 100:
        return None, 0
    return cents.scaleb(-2), view.end("cent_unit")


def _per(view: MatchView, text: str, draft: _Draft, end: int) -> int:
    """The "per" complement (``par mois``, ``/an``, ``annuels``); a length per hour is a
    speed (``251 m/h``: one unit, no "per"). The figure's end."""
    draft.per = _per_word(view, draft.kind)
    speed = rate_unit(draft.unit, draft.per) if draft.kind == "quantity" else None
    if speed is not None:
        draft.unit, draft.per, end = speed, None, view.end()
        if draft.written_unit is not None:
            unit_start = draft.written_unit.start
            draft.written_unit = Part(text[unit_start:end], (unit_start, end))
    elif draft.per is not None:
        per_start = end
        while text[per_start] in _SPACES:
            per_start += 1
        draft.written_per = Part(text[per_start : view.end()], (per_start, view.end()))
        end = view.end()
    return end


def _per_word(view: MatchView, kind: Kind) -> str | None:
    if view.has("per_article") and kind != "money":
        return None  # "80 dollars le baril" is a price; "7,62 mm le baril" is no rate
    if view.has("per"):
        written = view.written("per")
        return lexicon.PER_WORDS.get(written) or lexicon.PER_WORDS.get(
            written.lower(), written.lower()
        )
    if view.has("per_adjective"):
        return lexicon.PER_ADJECTIVES[view.written("per_adjective").lower()]
    return None


def _finish(view: MatchView, text: str, draft: _Draft, end: int) -> Mention:
    """The mention, from the currency in front (``$15``) or the number, hedge looked up."""
    start = view.start("currency_before") if view["currency_before"] else draft.number_start
    hedge, hedge_kind = hedge_before(text, start)
    return Mention(
        start=start,
        end=end,
        text=text[start:end],
        kind=draft.kind,
        value=draft.value,
        currency=draft.currency,
        unit=draft.unit,
        written_hedge=hedge,
        hedge_kind=hedge_kind,
        number=Part(text[draft.number_start : draft.number_end],
                    (draft.number_start, draft.number_end)),
        decimals=draft.decimals,
        scale=draft.scale,
        scale_exponent=draft.exponent,
        written_unit=draft.written_unit,
        per=draft.per,
        written_per=draft.written_per,
        currency_assumed=draft.currency_assumed,
        unit_assumed=draft.unit_assumed,
        sub_unit=draft.sub_unit,
    )
