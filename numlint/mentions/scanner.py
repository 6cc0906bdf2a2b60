"""The scan: one pass of one pattern over the text, each match turned into mentions.

This is the only place that walks the text. What a match means is decided here from the
pattern's groups and the lexicons; words and digit strings are read by
:mod:`.words` and :mod:`.digits`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cached_property

import regex

from . import lexicon
from .currencies import CurrencyLexicon, build_currency_lexicon, normalize_written
from .digits import parse_digits
from .model import Kind, Mention
from .pattern import PREFIX_BEFORE, build_anchor_pattern, build_pattern
from .units import UnitLexicon, build_unit_lexicon
from .words import WordNumber, read_word_numbers

_HEDGE_BEFORE = regex.compile(
    r"(?ri)(?<![\p{L}])(?P<hedge>"
    + "|".join(
        regex.escape(h).replace("'", "['’ʼ]").replace(r"\ ", r"[\s\u00a0\u202f]+")
        for h in sorted(lexicon.HEDGES, key=len, reverse=True)
    )
    + r")[\s\u00a0\u202f]*\Z"
)
_HEDGE_LOOKBACK = 40
_WORD_BEFORE = regex.compile(r"(?r)(?P<word>[\p{L}°.]+)[\s\u00a0\u202f]*\Z")
_RANGE_JOIN = regex.compile(
    r"[\x20\u00a0\u202f]+(?:à|et|au)[\x20\u00a0\u202f]+|[\x20\u00a0\u202f]*[-–‑][\x20\u00a0\u202f]*"
)
_RANGE_OPENER = regex.compile(r"(?ri)(?<![\p{L}])(?:de|d['’]|entre|from)[\x20\u00a0\u202f]+\Z")
_ANCHOR = build_anchor_pattern()
_LONE_WORDS = frozenset({"un", "une", "neuf"})
_NEUF_NOUN_FOLLOWS = regex.compile(
    r"[\x20\u00a0\u202f]+(?!(?:et|ou|de|à|en|pour|mais|dans|sur|avec)\b)\p{L}"
)
"""``neuf personnes`` is nine; ``un logement neuf et spacieux`` is new."""


@dataclass(frozen=True)
class Scanner:
    """Finds the mentions of a text; build once (it compiles the pattern), use from any thread."""

    currencies: CurrencyLexicon
    units: UnitLexicon

    @cached_property
    def pattern(self) -> regex.Pattern[str]:
        return build_pattern(self.currencies, self.units)

    def scan(self, text: str, *, timeout: float | None = None) -> list[Mention]:
        """One left-to-right pass: find where a figure may start, read it there."""
        found: list[Mention] = []
        for match in self._matches(text, timeout):
            if match.group("skip") is None:
                found.extend(self._mentions_of(match, text))
        return _link_ranges(found, text)

    def _matches(self, text: str, timeout: float | None) -> Iterator[regex.Match[str]]:
        lowered = text.lower()
        if len(lowered) != len(text):  # a rare letter whose lower case is longer
            yield from self.pattern.finditer(text, timeout=timeout)
            return
        pattern = self.pattern
        done = 0
        for anchor in _ANCHOR.finditer(lowered):
            position = anchor.start()
            if position < done:
                continue
            match = None
            if text[position].isdigit():
                prefix = PREFIX_BEFORE.search(text, max(done, position - 7), position)
                if prefix is not None:
                    match = pattern.match(text, prefix.start(), timeout=timeout)
            if match is None:
                match = pattern.match(text, position, timeout=timeout)
            if match is not None and match.end() > position:
                done = match.end()
                yield match

    def _mentions_of(self, match: regex.Match[str], text: str) -> list[Mention]:
        if match.group("words") is not None:
            return self._word_mentions(match, text)
        mention = self._digit_mention(match, text)
        return [mention] if mention is not None else []

    # -- numbers in digits -------------------------------------------------------------

    def _digit_mention(self, match: regex.Match[str], text: str) -> Mention | None:
        dotted = match.group("dot_decimal")
        number_group = "dot_decimal" if dotted is not None else "digits"
        written = match.group(number_group)
        parsed = parse_digits(written, dot_is_decimal=dotted is not None)
        if parsed is None:
            return None
        value, decimals = parsed
        has_context = any(
            match.group(g) is not None
            for g in ("scale", "percent", "currency", "unit", "currency_before")
        )
        if dotted is not None and not has_context:
            return None  # "49.3", "GPT-3.5": a reference, not a decimal amount
        if match.group("sign") in ("-", "−"):
            value = -value
        if not has_context and _is_not_a_quantity(written, value, match, text):
            return None
        return self._assemble(match, text, value, decimals, number_group, None)

    # -- numbers in words -------------------------------------------------------------

    def _word_mentions(self, match: regex.Match[str], text: str) -> list[Mention]:
        run_start = match.start("words")
        numbers = read_word_numbers(match.group("words"))
        mentions: list[Mention] = []
        for index, number in enumerate(numbers):
            last = index == len(numbers) - 1
            start = run_start + number.start
            end = run_start + number.end
            written = text[start:end].lower()
            has_context = last and any(
                match.group(g) is not None for g in ("scale", "percent", "currency", "unit")
            )
            if not has_context and number.last_scale is None and written in _LONE_WORDS and (
                written != "neuf" or not _NEUF_NOUN_FOLLOWS.match(text, end)
            ):
                continue  # "un", "une": articles; "neuf" as in "un logement neuf"
            if last and number.end == len(match.group("words")):
                mention = self._assemble(match, text, Decimal(number.value), 0, "words", number)
            else:
                mention = _bare_word_mention(text, start, end, number)
            mentions.append(mention)
        return mentions

    # -- what follows the number ------------------------------------------------------

    def _assemble(
        self,
        match: regex.Match[str],
        text: str,
        value: Decimal,
        decimals: int,
        number_group: str,
        word_number: WordNumber | None,
    ) -> Mention:
        """Gather what the pattern's groups say about the figure into one mention."""
        number_start, number_end = match.span(number_group)
        if word_number is not None:
            number_start, number_end = number_start + word_number.start, number_start + word_number.end
        if match.group("sign") is not None:
            number_start = match.start("sign")
        scale_text, scale_span, exponent = None, None, 0
        if match.group("scale") is not None:
            scale_text = match.group("scale")
            scale_span = match.span("scale")
            exponent = _scale_exponent(scale_text)
        elif word_number is not None and word_number.last_scale is not None:
            exponent = lexicon.SCALE_WORDS[word_number.last_scale]
            scale_start = match.start("words") + word_number.last_scale_start
            scale_span = (scale_start, number_end)
            scale_text = text[scale_start:number_end]
            number_end = scale_start
            while number_end > number_start and text[number_end - 1] in " \u00a0\u202f-":
                number_end -= 1
            value = value / Decimal(10) ** exponent
        value = _plain(value.scaleb(exponent)) if exponent else value
        if match.group("fraction") is not None:
            numerator, denominator = lexicon.FRACTION_WORDS[
                " ".join(normalize_written(match.group("fraction")).split())
            ]
            value = _plain(value + Decimal(numerator).scaleb(exponent) / denominator)
            decimals += 1
        kind: Kind = "number"
        currency: str | None = None
        unit: str | None = None
        assumed = False
        unit_text, unit_span = None, None
        for group in ("currency", "currency_before"):
            if match.group(group) is not None:
                kind = "money"
                unit_text, unit_span = match.group(group), match.span(group)
                currency, assumed = self.currencies.lookup(unit_text)
                break
        if kind == "number":
            if match.group("percent") is not None:
                kind = "percent"
                unit_text, unit_span = match.group("percent"), match.span("percent")
            elif match.group("unit") is not None:
                kind = "quantity"
                unit_text, unit_span = match.group("unit"), match.span("unit")
                unit = self.units.lookup(unit_text)
        end = match.end()
        per = None
        if match.group("per") is not None:
            per = lexicon.PER_WORDS.get(match.group("per")) or lexicon.PER_WORDS.get(
                match.group("per").lower(), match.group("per").lower()
            )
        elif match.group("per_adjective") is not None:
            per = lexicon.PER_ADJECTIVES[match.group("per_adjective").lower()]
        else:
            end = _end_of_figure(match)
        start = match.start("currency_before") if match.group("currency_before") else number_start
        hedge, hedge_kind = _hedge_before(text, start)
        return Mention(
            start=start,
            end=end,
            text=text[start:end],
            kind=kind,
            value=value,
            currency=currency,
            unit=unit,
            hedge=hedge,
            hedge_kind=hedge_kind,
            number_text=text[number_start:number_end],
            number_span=(number_start, number_end),
            decimals=decimals,
            scale_text=scale_text,
            scale_span=scale_span,
            scale_exponent=exponent,
            unit_text=unit_text,
            unit_span=unit_span,
            per=per,
            currency_assumed=assumed,
        )


def _plain(value: Decimal) -> Decimal:
    """``9.74E+10`` -> ``97400000000``: scaled values read as written in full."""
    if value.as_tuple().exponent > 0:  # type: ignore[operator]
        return value.quantize(Decimal(1))
    return value


def _end_of_figure(match: regex.Match[str]) -> int:
    return max(
        match.end(g)
        for g in ("dot_decimal", "digits", "words", "scale", "fraction", "percent",
                  "currency", "unit")
        if match.group(g) is not None
    )


def _scale_exponent(written: str) -> int:
    if written in lexicon.SCALE_ABBREVIATIONS:
        return lexicon.SCALE_ABBREVIATIONS[written]
    return lexicon.SCALE_WORDS[written.lower()]


def _bare_word_mention(text: str, start: int, end: int, number: WordNumber) -> Mention:
    """A spelled-out number inside a run, before the last one: it takes no unit."""
    exponent = lexicon.SCALE_WORDS.get(number.last_scale, 0) if number.last_scale else 0
    hedge, hedge_kind = _hedge_before(text, start)
    return Mention(
        start=start,
        end=end,
        text=text[start:end],
        kind="number",
        value=Decimal(number.value),
        hedge=hedge,
        hedge_kind=hedge_kind,
        number_text=text[start:end],
        number_span=(start, end),
        scale_exponent=exponent,
    )


def _hedge_before(text: str, start: int) -> tuple[str | None, str | None]:
    found = _HEDGE_BEFORE.search(text, max(0, start - _HEDGE_LOOKBACK), start)
    if found is None:
        return None, None
    written = found.group("hedge")
    key = normalize_written(written)
    return written, lexicon.HEDGES.get(key)


def _is_not_a_quantity(written: str, value: Decimal, match: regex.Match[str], text: str) -> bool:
    """A bare number that is a year, a postcode or a reference (``l'article 12``)."""
    following = text[match.end() : match.end() + 1]
    if following.isalpha():
        return True  # 5G, 3D, 2CV: names, not quantities
    if len(written) == 4 and written.isdigit() and 1000 <= value <= 2100:
        return True
    if len(written) == 5 and written.isdigit():
        after = text[match.end() : match.end() + 2]
        if len(after) == 2 and after[0] == " " and after[1].isupper():
            return True  # 75001 Paris
    before = _WORD_BEFORE.search(text, max(0, match.start() - 20), match.start())
    return before is not None and before.group("word").lower() in lexicon.REFERENCE_WORDS


def _link_ranges(mentions: list[Mention], text: str) -> list[Mention]:
    """``de 3 à 5 millions d'euros``: the first bound takes the scale and unit of the second."""
    linked = list(mentions)
    for i in range(len(linked) - 1):
        low, high = linked[i], linked[i + 1]
        if not _RANGE_JOIN.fullmatch(text, low.end, high.start):
            continue
        separator = text[low.end : high.start].strip()
        opened = _RANGE_OPENER.search(text, max(0, low.start - 12), low.start) is not None
        if separator in ("et", "au") and not opened:
            continue
        if separator == "à" and not opened and low.kind == high.kind == "number":
            continue
        bare = low.kind == "number" and low.scale_exponent == 0
        if bare and high.kind == "number" and high.scale_exponent == 0:
            continue
        if bare and (high.kind != "number" or high.scale_exponent):
            low = _inherit(low, high)
        elif low.kind != high.kind:
            continue
        linked[i] = replace(low, range_role="low", range_partner=high.span)
        linked[i + 1] = replace(high, range_role="high", range_partner=low.span)
    return linked


def _inherit(low: Mention, high: Mention) -> Mention:
    exponent = high.scale_exponent
    return replace(
        low,
        kind=high.kind,
        value=_plain(low.value.scaleb(exponent)) if exponent else low.value,
        scale_exponent=exponent,
        currency=high.currency,
        unit=high.unit,
        currency_assumed=high.currency_assumed,
        per=high.per,
        inherited=True,
    )


_LOCK = threading.Lock()
_DEFAULT: Scanner | None = None


def default_scanner() -> Scanner:
    """The scanner with the standard lexicons, built on first use and shared."""
    global _DEFAULT
    if _DEFAULT is None:
        with _LOCK:
            if _DEFAULT is None:
                scanner = Scanner(build_currency_lexicon(), build_unit_lexicon())
                _ = scanner.pattern
                _DEFAULT = scanner
    return _DEFAULT
