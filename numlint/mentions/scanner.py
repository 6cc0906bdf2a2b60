"""The scan: anchors first, then a figure read at each, each figure turned into mentions.

This is the only place that walks the text. Anchor passes (:class:`.pattern.Anchors`) find
where a figure may start; the head pattern reads it up to its scale there and
:class:`.tail.Tail` the rest (currency, unit, percent, "per"). What a figure means is
decided here from their groups and the lexicons; words and digit strings are read by
:mod:`.words` and :mod:`.digits`. Nothing is compiled at import: the patterns are built on
first use and shared.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache, cached_property

import regex

from ..matching import lazy_pattern, match_at
from . import lexicon
from .article_scale import article_before
from .compounds import merge_compounds
from .context import CurrencyContext
from .currencies import SUB_UNIT_FORMS, CurrencyLexicon, normalize_written
from .digits import parse_digits, plain, shifted
from .figure import Figure
from .lists import share_across_lists
from .model import Kind, Mention
from .pattern import (
    ANCHOR_SIGNS,
    PREFIX_WINDOW,
    Anchors,
    Sources,
    build_anchor_patterns,
    build_prefix_pattern,
    compile_source,
    demi_unit_list,
    pattern_sources,
)
from .range_links import link_ranges
from .split_numbers import merge_split_numbers
from .tail import Tail
from .units import SLIP_ONLY_UNITS, UnitLexicon, rate_unit
from .words import WordNumber, divide, read_word_numbers

_Groups = dict[str, str | None]
"""A match's groups by name, read once (``match.group(name)`` costs more, called often)."""
_HEDGE_LOOKBACK = 40
_LONGEST_HEDGE_WORD = 20
_LONE_WORDS = frozenset({"un", "une", "neuf"})
_TEMPERATURES = frozenset({"degree_Celsius", "degree_Fahrenheit", "degree"})


@dataclass(frozen=True)
class _Helpers:
    """The small patterns read around a match (compiled once, on first use)."""

    hedge_before: regex.Pattern[str]
    word_before: regex.Pattern[str]
    neuf_noun_follows: regex.Pattern[str]
    """``neuf personnes`` is nine; ``un logement neuf et spacieux`` is new."""
    month_follows: regex.Pattern[str]
    """``le neuf février``: a date, not a figure."""


@cache
def _helpers() -> _Helpers:
    hedges = "|".join(
        regex.escape(h).replace("'", "['’ʼ]").replace(r"\ ", r"[\s\u00a0\u202f]+")
        for h in sorted(lexicon.HEDGES, key=len, reverse=True)
    )
    months = "|".join(regex.escape(m) for m in lexicon.MONTHS)
    return _Helpers(
        hedge_before=regex.compile(
            r"(?ri)(?<![\p{L}])(?P<hedge>" + hedges + r")[\s\u00a0\u202f]*\Z"
        ),
        word_before=regex.compile(r"(?r)(?P<word>[\p{L}°.]+)[\s\u00a0\u202f]*\Z"),
        neuf_noun_follows=lazy_pattern(
            r"[\x20\u00a0\u202f]+(?!(?:et|ou|de|à|en|pour|mais|dans|sur|avec)\b)\p{L}"
        ),
        month_follows=lazy_pattern(
            r"(?i)[\x20\u00a0\u202f]+(?:" + months + r")(?![\p{L}])"
        ),
    )


@dataclass(frozen=True)
class Scanner:
    """Finds the mentions of a text; build once (it compiles the pattern), use from any thread."""

    currencies: CurrencyLexicon
    units: UnitLexicon

    @cached_property
    def sources(self) -> Sources:
        return pattern_sources(self.currencies, self.units)

    @cached_property
    def pattern(self) -> regex.Pattern[str]:
        """The head pattern, run at each anchor of a text where no unit name follows a
        ``demi`` (it has no ``demi`` units: the same matches there)."""
        return compile_source(self.sources.head, self.sources)

    @cached_property
    def _demi_pattern(self) -> regex.Pattern[str]:
        """The head pattern with every unit name a ``demi`` may govern (``une demi-heure``);
        compiled only when a text needs it (the named list costs 0.1 s to compile)."""
        return compile_source(
            self.sources.demi_head, self.sources, demi_units=demi_unit_list(self.units)
        )

    @cached_property
    def tail(self) -> Tail:
        return Tail(self.sources, self.currencies, self.units)

    @cached_property
    def _group_names(self) -> tuple[str, ...]:
        """The head's group names in group order: a match's ``groups()`` read by name."""
        names = [""] * self.pattern.groups
        for name, index in self.pattern.groupindex.items():
            names[index - 1] = name
        return tuple(names)

    @cached_property
    def anchors(self) -> Anchors:
        return build_anchor_patterns()

    def _anchor_positions(self, text: str) -> Iterator[int]:
        """Where a figure may start, in order, chunk by chunk.

        The anchor passes need a lower-cased copy of the text; making it per chunk rather
        than for the whole text keeps a 10 MB article from costing two more copies of it.
        Chunks end on a space or a line break, so no word is cut, and each pass sees
        :data:`LOOKAHEAD` characters past the cut for what follows an anchor.
        """
        anchors = self.anchors
        un_opens = self.tail.anchor_un_opens
        for start, end in _chunks(text):
            chunk = text[start : end + LOOKAHEAD]  # anchors look ahead past the cut
            lowered = chunk.lower()
            if len(lowered) != len(chunk):  # a rare letter whose lower case is longer ("İ")
                lowered = "".join(c if len(low := c.lower()) != 1 else low for c in chunk)
            before = text[start - 1].lower()[:1] if start else " "
            positions = [m.start() for m in anchors.signs.finditer(chunk)]
            if any(sign in chunk for sign in ANCHOR_SIGNS):
                positions += [m.start(1) for m in anchors.sign_digits.finditer(chunk)]
            spaced = before + lowered
            positions += [m.start() for m in anchors.words.finditer(spaced)]
            positions += [
                m.start() for m in anchors.un.finditer(spaced) if un_opens(spaced, m.end())
            ]
            if "://" in lowered or "www." in lowered:
                positions += [m.start() for m in anchors.links.finditer(lowered)]
            positions.sort()
            for position in positions:
                if position < end - start:
                    yield start + position

    def scan(self, text: str, *, timeout: float | None = None) -> list[Mention]:
        """One left-to-right pass: find where a figure may start, read it there."""
        found: list[Mention] = []
        head = self._demi_pattern if self.tail.demi_unit_follows(text) else self.pattern
        for match in self._matches(text, head, timeout):
            if match.group("skip") is None:
                found.extend(self._mentions_of(match, text))
        linked = link_ranges(merge_compounds(merge_split_numbers(found, text), text), text)
        return self.context.inherit(share_across_lists(linked, text), text)

    @cached_property
    def context(self) -> CurrencyContext:
        return CurrencyContext(self.currencies)

    def _matches(
        self, text: str, head: regex.Pattern[str], timeout: float | None
    ) -> Iterator[Figure]:
        prefix_before = _prefix_before()
        done = 0
        for position in self._anchor_positions(text):
            if position < done:
                continue
            match = None
            if text[position].isdigit():
                prefix = prefix_before.search(
                    text, max(done, position - PREFIX_WINDOW), position
                )
                if prefix is not None:
                    match = self._figure_at(text, head, prefix.start(), timeout)
            if match is None:
                match = self._figure_at(text, head, position, timeout)
            if match is not None and match.end() > position:
                done = match.end()
                yield match

    def _figure_at(
        self, text: str, pattern: regex.Pattern[str], position: int, timeout: float | None
    ) -> Figure | None:
        """The figure (or skip) that starts at ``position``: the head, then the tail."""
        head = match_at(pattern, text, position, timeout=timeout)
        if head is None:
            return None
        if head.start("skip") >= 0:
            return Figure(head, text, {}, head.end())
        words = head.start("words")
        if words >= 0 and _opens_with_un(text, words) and not self.tail.un_opens(text, words):
            return None  # "un chat": an article (the head asks only for a separator)
        spans, end = self.tail.read(text, head.end())
        return Figure(head, text, spans, end)

    def _mentions_of(self, match: Figure, text: str) -> list[Mention]:
        g = match.groups_by_name(self._group_names)
        if g["words"] is not None:
            return self._word_mentions(match, g, text)
        mention = self._digit_mention(match, g, text)
        return [mention] if mention is not None else []

    # -- numbers in digits -------------------------------------------------------------

    def _digit_mention(self, match: Figure, g: _Groups, text: str) -> Mention | None:
        if g["vulgar"] is not None:
            numerator, denominator = lexicon.VULGAR_FRACTIONS[g["vulgar"]]
            value, decimals = divide(numerator, denominator), 1
            number_group = "vulgar"
        else:
            dotted = g["dot_decimal"]
            number_group = "dot_decimal" if dotted is not None else "digits"
            written = g[number_group]
            parsed = parse_digits(written, dot_is_decimal=dotted is not None)
            if parsed is None:
                return None
            value, decimals = parsed
            has_context = any(
                g[name] is not None
                for name in ("scale", "percent", "currency", "unit", "currency_before")
            )
            if dotted is not None and not has_context:
                return None  # "49.3", "GPT-3.5": a reference, not a decimal amount
            if not has_context and _is_not_a_quantity(written, value, match, text):
                return None
            if g["vulgar_after"] is not None:
                numerator, denominator = lexicon.VULGAR_FRACTIONS[g["vulgar_after"]]
                value += divide(numerator, denominator)
                decimals = max(decimals, 1)
                number_group = "vulgar_after"
        if _is_minus(g["sign"]):
            value = -value
        return self._assemble(match, g, text, value, decimals, number_group, None)

    # -- numbers in words -------------------------------------------------------------

    def _word_mentions(self, match: Figure, g: _Groups, text: str) -> list[Mention]:
        run_start = match.start("words")
        run = g["words"]
        numbers = read_word_numbers(run)
        if not numbers and g["currency"] is not None:
            counted = self._counted_by_article(match, g, text)
            return [counted] if counted is not None else []
        helpers = _helpers()
        several = len(numbers) > 1
        mentions: list[Mention] = []
        for index, number in enumerate(numbers):
            last = index == len(numbers) - 1
            start = run_start + number.start
            end = run_start + number.end
            written = text[start:end].lower()
            closes_run = last and number.end == len(run)
            has_context = closes_run and any(
                g[name] is not None for name in ("scale", "percent", "currency", "unit")
            )
            if not has_context and number.last_scale is None:
                if written in _LONE_WORDS and not _lone_word_is_a_number(
                    written, several, last, text, end
                ):
                    continue  # "un", "une": articles; "neuf" as in "un logement neuf"
                if match_at(helpers.month_follows, text, end) and number.value <= 31:
                    continue  # "le neuf février": a date
            signed = index == 0 and _is_minus(g["sign"])
            if closes_run:
                if index and g["currency_before"] is not None:
                    g = {**g, "currency_before": None}  # "$ deux trois": the $ is not 3's
                mention = self._assemble(
                    match, g, text, -number.value if signed else number.value,
                    number.decimals, "words", number, signed=index == 0,
                )
            else:
                mention = _bare_word_mention(text, start, end, number, match, signed)
            mentions.append(mention)
        return mentions

    def _counted_by_article(self, match: Figure, g: _Groups, text: str) -> Mention | None:
        """« Le milliard de dollars »: the scale word alone, its article as the number."""
        run_start, run_end = match.span("words")
        scale = text[run_start:run_end]
        article = article_before(text, run_start, scale)
        if article is None:
            return None
        exponent = lexicon.SCALE_WORDS[scale.lower()]
        alone = WordNumber(Decimal(1).scaleb(exponent), 0, len(scale), scale.lower(),
                           last_scale_end=len(scale))
        mention = self._assemble(match, g, text, alone.value, 0, "words", alone)
        hedge, hedge_kind, hedge_span = _hedge_before(text, article[0])
        return replace(
            mention, start=article[0], text=text[article[0] : mention.end],
            number_text=text[article[0] : article[1]], number_span=article,
            hedge=hedge, hedge_kind=hedge_kind, hedge_span=hedge_span,
        )

    # -- what follows the number ------------------------------------------------------

    def _assemble(
        self,
        match: Figure,
        g: _Groups,
        text: str,
        value: Decimal,
        decimals: int,
        number_group: str,
        word_number: WordNumber | None,
        *,
        signed: bool = True,
    ) -> Mention:
        """Gather what the pattern's groups say about the figure into one mention."""
        number_start, number_end = match.span(number_group)
        if number_group == "vulgar_after":
            number_start = match.start("digits")
        if word_number is not None:
            number_start, number_end = (
                number_start + word_number.start,
                number_start + word_number.end,
            )
        if g["sign"] is not None and signed:
            number_start = match.start("sign")
        ends = [number_end]
        scale_text, scale_span, exponent = None, None, 0
        if g["scale"] is not None:
            scale_text = g["scale"]
            scale_span = match.span("scale")
            ends.append(scale_span[1])
            multiplier = lexicon.MULTIPLIER_WORDS.get(scale_text.lower())
            if multiplier is not None:
                value *= multiplier
            else:
                exponent = _scale_exponent(scale_text)
        elif word_number is not None and word_number.last_scale is not None:
            exponent = lexicon.SCALE_WORDS[word_number.last_scale]
            run_start = match.start("words")
            scale_span = (run_start + word_number.last_scale_start,
                          run_start + word_number.last_scale_end)
            scale_text = text[scale_span[0] : scale_span[1]]
            number_end = scale_span[0]
            while number_end > number_start and text[number_end - 1] in " \u00a0\u202f-‑":
                number_end -= 1
            value = shifted(value, -exponent)
        value = plain(shifted(value, exponent)) if exponent else value
        if g["fraction"] is not None:
            numerator, denominator = lexicon.FRACTION_WORDS[
                " ".join(normalize_written(g["fraction"]).split())
            ]
            part = divide(shifted(Decimal(numerator), exponent), denominator)
            value = plain(value - part if value < 0 else value + part)
            decimals += 1
            ends.append(match.end("fraction"))
        kind: Kind = "number"
        currency: str | None = None
        unit: str | None = None
        assumed = sub_unit = unit_assumed = False
        unit_text, unit_span = None, None
        for group in ("currency", "currency_before"):
            if g[group] is not None:
                kind = "money"
                unit_text, unit_span = g[group], match.span(group)
                currency, assumed = self.currencies.lookup(unit_text)
                if normalize_written(unit_text) in SUB_UNIT_FORMS:
                    value, decimals, sub_unit = value.scaleb(-2), decimals + 2, True
                break
        if kind == "number":
            if g["percent"] is not None:
                kind = "percent"
                unit_text, unit_span = g["percent"], match.span("percent")
            elif g["unit"] is not None:
                kind = "quantity"
                unit_text, unit_span = g["unit"], match.span("unit")
                unit = self.units.lookup(unit_text)
                unit_assumed = normalize_written(unit_text) in SLIP_ONLY_UNITS
        if unit_span is not None and g["currency_before"] is None:
            ends.append(unit_span[1])
        if kind == "money" and g["currency"] is not None and not exponent:
            cents, cents_end = self._cents(match, g)
            if cents is not None:
                value = value - cents if value < 0 else value + cents
                decimals = max(decimals, 2)
                ends.append(cents_end)
        if unit in _TEMPERATURES and g["below_zero"] is not None:
            value = -abs(value)
            ends.append(match.end("below_zero"))
        end = max(ends)
        per, per_span = None, None
        if g["per_article"] is not None and kind != "money":
            pass  # "80 dollars le baril" is a price; "7,62 mm le baril" is no rate
        elif g["per"] is not None:
            per = lexicon.PER_WORDS.get(g["per"]) or lexicon.PER_WORDS.get(
                g["per"].lower(), g["per"].lower()
            )
        elif g["per_adjective"] is not None:
            per = lexicon.PER_ADJECTIVES[g["per_adjective"].lower()]
        speed = rate_unit(unit, per) if kind == "quantity" else None
        if speed is not None:  # "251 m/h", "400 miles par heure": one unit, no "per"
            unit, per, end = speed, None, match.end()
            if unit_span is not None:
                unit_span = (unit_span[0], end)
                unit_text = text[unit_span[0] : end]
        elif per is not None:
            per_span = (end, match.end())
            while text[per_span[0]] in " \u00a0\u202f":
                per_span = (per_span[0] + 1, per_span[1])
            end = match.end()
        start = match.start("currency_before") if g["currency_before"] else number_start
        hedge, hedge_kind, hedge_span = _hedge_before(text, start)
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
            hedge_span=hedge_span,
            number_text=text[number_start:number_end],
            number_span=(number_start, number_end),
            decimals=decimals,
            scale_text=scale_text,
            scale_span=scale_span,
            scale_exponent=exponent,
            unit_text=unit_text,
            unit_span=unit_span,
            per=per,
            per_span=per_span,
            currency_assumed=assumed,
            unit_assumed=unit_assumed,
            sub_unit=sub_unit,
        )

    def _cents(self, match: Figure, g: _Groups) -> tuple[Decimal | None, int]:
        """``et 15 cents``, ``et quarante-cinq centimes``, ``50`` after an amount: hundredths."""
        currency = normalize_written(g["currency"])
        if currency in lexicon.SUB_UNITS or currency in ("penny", "pence"):
            return None, 0
        if g["cents_bare"] is not None:
            return Decimal(g["cents_bare"]).scaleb(-2), match.end("cents_bare")
        if g["cent_unit"] is None:
            return None, 0
        if g["cents"] is not None:
            cents = Decimal(g["cents"])
        else:
            numbers = read_word_numbers(g["cents_words"])
            if len(numbers) != 1 or numbers[0].end != len(g["cents_words"]):
                return None, 0
            cents = numbers[0].value
        if not 0 < cents < 100:
            return None, 0
        return cents.scaleb(-2), match.end("cent_unit")


def _opens_with_un(text: str, start: int) -> bool:
    """Whether the run of number words at ``start`` opens with ``un``/``une`` then a
    separator (the head's first alternative, whatever follows)."""
    if text[start : start + 2].lower() != "un":
        return False
    after = start + 2
    if text[after : after + 1] in ("e", "E") and text[after + 1 : after + 2] in _UN_SEPARATORS:
        after += 1
    return text[after : after + 1] in _UN_SEPARATORS


_UN_SEPARATORS = frozenset(" \u00a0\u202f\u2009-‑")


def _is_minus(sign: str | None) -> bool:
    return sign is not None and (sign in ("-", "−") or sign[:5].lower() == "moins")


def _lone_word_is_a_number(written: str, several: bool, last: bool, text: str, end: int) -> bool:
    """``un``/``une`` alone is an article and ``neuf`` an adjective, unless a run of number
    words shows them read aloud (``un deux trois``, ``sept un zéro``, ``neuf deux sept``)."""
    if written == "neuf":
        return several or match_at(_helpers().neuf_noun_follows, text, end) is not None
    return several and not last


def _scale_exponent(written: str) -> int:
    if written in lexicon.SCALE_ABBREVIATIONS:
        return lexicon.SCALE_ABBREVIATIONS[written]
    return lexicon.SCALE_WORDS[written.lower()]


def _bare_word_mention(
    text: str, start: int, end: int, number: WordNumber, match: Figure, signed: bool
) -> Mention:
    """A spelled-out number inside a run, before the last one: it takes no unit."""
    exponent = lexicon.SCALE_WORDS.get(number.last_scale, 0) if number.last_scale else 0
    number_start = match.start("sign") if signed else start
    hedge, hedge_kind, hedge_span = _hedge_before(text, number_start)
    return Mention(
        start=number_start,
        end=end,
        text=text[number_start:end],
        kind="number",
        value=-number.value if signed else number.value,
        hedge=hedge,
        hedge_kind=hedge_kind,
        hedge_span=hedge_span,
        number_text=text[number_start:end],
        number_span=(number_start, end),
        decimals=number.decimals,
        scale_exponent=exponent,
    )


def _hedge_before(
    text: str, start: int
) -> tuple[str | None, str | None, tuple[int, int] | None]:
    if not _may_end_a_hedge(text, start):
        return None, None, None
    found = _helpers().hedge_before.search(text, max(0, start - _HEDGE_LOOKBACK), start)
    if found is None:
        return None, None, None
    written = found.group("hedge")
    key = normalize_written(written)
    return written, lexicon.HEDGES.get(key), found.span("hedge")


def _may_end_a_hedge(text: str, start: int) -> bool:
    """Whether the word before ``start`` could close a hedge (``de``, ``environ``, ``d’``).

    Most figures follow no hedge; this look at one word spares them the backward search.
    """
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0:
        return False
    if text[end - 1] in "'’ʼ":
        return True
    begin = end
    while begin > 0 and end - begin < _LONGEST_HEDGE_WORD and text[begin - 1].isalpha():
        begin -= 1
    return text[begin:end].lower() in _hedge_last_words()


@cache
def _hedge_last_words() -> frozenset[str]:
    """The last word of every hedge, its letters only (``près de`` -> ``de``)."""
    words = set()
    for hedge in lexicon.HEDGES:
        last = regex.search(r"\p{L}+\Z", hedge.split()[-1].replace("-", " "))
        if last is not None:
            words.add(last.group().lower())
    return frozenset(words)


_GLUED_POINTS = regex.compile(r"(?:points?|pts?)(?![\p{L}\p{N}])")
"""``8,7points``: a change in points written without its space, still a figure."""


def _is_not_a_quantity(written: str, value: Decimal, match: Figure, text: str) -> bool:
    """A bare number that is a year, a postcode or a reference (``l'article 12``)."""
    following = text[match.end() : match.end() + 1]
    if following.isalpha() and not _GLUED_POINTS.match(text, match.end()):
        return True  # 5G, 3D, 2CV: names, not quantities (but 8,7points is a change)
    if len(written) == 4 and written.isdigit() and 1000 <= value <= 2100:
        return True
    if len(written) == 5 and written.isdigit():
        after = text[match.end() : match.end() + 2]
        if len(after) == 2 and after[0] == " " and after[1].isupper():
            return True  # 75001 Paris
    before = _helpers().word_before.search(text, max(0, match.start() - 20), match.start())
    return before is not None and before.group("word").lower() in lexicon.REFERENCE_WORDS


@cache
def _prefix_before() -> regex.Pattern[str]:
    return build_prefix_pattern()


CHUNK = 1 << 16
"""Characters of text lower-cased at a time by the anchor passes."""
LOOKAHEAD = 256
"""How far past a chunk an anchor pass may need to look (``un`` | `` million``)."""


_SPACE_OR_NEWLINE = re.compile(r"[ \n]")


def _chunks(text: str) -> Iterator[tuple[int, int]]:
    """Consecutive spans of about :data:`CHUNK` characters, cut after a space or newline."""
    start, length = 0, len(text)
    while start < length:
        end = min(length, start + CHUNK)
        if end < length:
            cut = max(text.rfind("\n", start, end), text.rfind(" ", start, end))
            if cut > start:
                end = cut + 1
            else:  # no space in the window: run on to the next one, never cut a word
                space = _SPACE_OR_NEWLINE.search(text, end)
                end = space.end() if space else length
        yield start, end
        start = end
