"""The scan: anchors first, then a figure read at each, each figure turned into mentions.

This is the only place that walks the text. Anchor passes (:class:`.pattern.Anchors`) find
where a figure may start; the head pattern reads it up to its scale there and
:class:`.tail.Tail` the rest (currency, unit, percent, "per"). Here the figure's number is
read (words by :mod:`.words`, digit strings by :mod:`.digits`) and what is no figure left
out (articles, years, references); :mod:`.assembly` turns the match's groups into the
mention. Post-passes then join what one figure cannot see alone: typo-split numbers,
compounds (``5 pieds 11 pouces``), ranges, lists and currencies given by the context.
Nothing is compiled at import: the patterns are built on first use and shared.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from functools import cache, cached_property

import regex

from ..matching import lazy_pattern, match_at
from ..records import Record
from . import lexicon
from .article_scale import article_before
from .assembly import Assembly, MatchView
from .compounds import merge_compounds
from .context import CurrencyContext
from .currencies import CurrencyLexicon
from .currency_starts import CurrencyStarts
from .digits import parse_digits
from .figure import Figure
from .hedges import hedge_before
from .lists import share_across_lists
from .model import Mention, Part
from .pattern import (
    ANCHOR_SIGNS,
    PREFIX_WINDOW,
    WORD_BEFORE_MARKS,
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
from .units import UnitLexicon
from .words import WordNumber, divide, read_word_numbers

_LONE_WORDS = frozenset({"un", "une", "neuf"})


class _Helpers(Record):
    """The small patterns read around a match (compiled once, on first use)."""

    word_before: regex.Pattern[str]
    neuf_noun_follows: regex.Pattern[str]
    """``neuf personnes`` is nine; ``un logement neuf et spacieux`` is new."""
    month_follows: regex.Pattern[str]
    """``le neuf février``: a date, not a figure."""

    __slots__ = __match_args__ = ("word_before", "neuf_noun_follows", "month_follows")

    def __init__(self, word_before: regex.Pattern[str], neuf_noun_follows: regex.Pattern[str],
                 month_follows: regex.Pattern[str]) -> None:
        object.__setattr__(self, "word_before", word_before)
        object.__setattr__(self, "neuf_noun_follows", neuf_noun_follows)
        object.__setattr__(self, "month_follows", month_follows)


@cache
def _helpers() -> _Helpers:
    months = "|".join(regex.escape(m) for m in lexicon.MONTHS)
    return _Helpers(
        word_before=regex.compile(r"(?r)(?P<word>[\p{L}°.]+)[\s\u00a0\u202f]*\Z"),
        neuf_noun_follows=lazy_pattern(
            r"[\x20\u00a0\u202f]+(?!(?:et|ou|de|à|en|pour|mais|dans|sur|avec)\b)\p{L}"
        ),
        month_follows=lazy_pattern(
            r"(?i)[\x20\u00a0\u202f]+(?:" + months + r")(?![\p{L}])"
        ),
    )


class Scanner(Record):
    """Finds the mentions of a text; build once (it compiles the pattern), use from any thread."""

    currencies: CurrencyLexicon
    units: UnitLexicon

    __slots__ = ("__dict__",)  # the cached properties
    __match_args__ = ("currencies", "units")

    def __init__(self, currencies: CurrencyLexicon, units: UnitLexicon) -> None:
        object.__setattr__(self, "currencies", currencies)
        object.__setattr__(self, "units", units)

    @cached_property
    def sources(self) -> Sources:
        return pattern_sources(self.currencies, self.units)

    @cached_property
    def pattern(self) -> regex.Pattern[str]:
        """The head pattern, run at an anchor where a currency may start, in a text where
        no unit name follows a ``demi`` (it has no ``demi`` units: the same matches there).

        Each head pattern is compiled the first time a text needs it: most anchors are
        digits, read by the smallest (:attr:`.pattern.Sources.digit_head`)."""
        return compile_source(self.sources.head, self.sources)

    @cached_property
    def _demi_pattern(self) -> regex.Pattern[str]:
        """The head pattern with every unit name a ``demi`` may govern (``une demi-heure``);
        compiled only when a text needs it (the named list costs 0.1 s to compile)."""
        return compile_source(self.sources.demi_head, self.sources, **self._demi_units)

    @cached_property
    def _digit_pattern(self) -> regex.Pattern[str]:
        return compile_source(self.sources.digit_head, self.sources)

    @cached_property
    def _word_pattern(self) -> regex.Pattern[str]:
        return compile_source(self.sources.word_head, self.sources)

    @cached_property
    def _letter_pattern(self) -> regex.Pattern[str]:
        return compile_source(self.sources.letter_head, self.sources)

    @cached_property
    def _sign_pattern(self) -> regex.Pattern[str]:
        return compile_source(self.sources.sign_head, self.sources)

    @cached_property
    def _demi_word_pattern(self) -> regex.Pattern[str]:
        return compile_source(self.sources.demi_word_head, self.sources, **self._demi_units)

    @cached_property
    def _demi_units(self) -> dict[str, frozenset[str]]:
        return {"demi_units": demi_unit_list(self.units)}

    @cached_property
    def _currency_starts(self) -> CurrencyStarts:
        return CurrencyStarts(self.currencies)

    def _head_at(self, text: str, position: int, demi: bool) -> regex.Pattern[str]:
        """The smallest head pattern that matches at ``position`` what the whole one does:
        without the currency in front where none may start, without the words where
        no letter starts (see :attr:`.pattern.Sources.digit_head`), and without ``moins``
        or the numbers in digits at a letter other than ``m`` (see
        :attr:`.pattern.Sources.letter_head`), without the skips at a currency sign
        (:attr:`.pattern.Sources.sign_head`)."""
        ch = text[position]
        if ch.isdecimal():  # no currency starts with a digit (CurrencyStarts)
            return self._digit_pattern
        if self._currency_starts.may_start(text, position):
            if demi:
                return self._demi_pattern
            return self.pattern if ch.isalpha() or ch == "+" else self._sign_pattern
        if ch.isalpha():
            if demi:
                return self._demi_word_pattern
            return self._word_pattern if ch in "mM" else self._letter_pattern
        return self._digit_pattern

    @cached_property
    def tail(self) -> Tail:
        return Tail(self.sources, self.currencies, self.units)

    @cached_property
    def _group_names(self) -> tuple[str, ...]:
        """The head's group names in group order: a match's ``groups()`` read by name."""
        pattern = self._digit_pattern  # every head has the same groups
        names = [""] * pattern.groups
        for name, index in pattern.groupindex.items():
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
                before_un for m in anchors.un.finditer(spaced)
                if (before_un := m.start() - 1) >= 0 and _word_before(spaced[before_un])
                and un_opens(spaced, m.end())
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
        demi = self.tail.demi_unit_follows(text)
        for match in self._matches(text, demi, timeout):
            if match.group("skip") is None:
                found.extend(self._mentions_of(match, text))
        linked = link_ranges(merge_compounds(merge_split_numbers(found, text), text), text)
        return self.context.inherit(share_across_lists(linked, text), text)

    @cached_property
    def context(self) -> CurrencyContext:
        return CurrencyContext(self.currencies)

    def _matches(self, text: str, demi: bool, timeout: float | None) -> Iterator[Figure]:
        prefix_before = _prefix_before()
        done = 0
        for position in self._anchor_positions(text):
            if position < done:
                continue
            match = None
            if text[position].isdigit() and _may_follow_a_prefix(text, done, position):
                prefix = prefix_before.search(
                    text, max(done, position - PREFIX_WINDOW), position
                )
                if prefix is not None:
                    match = self._figure_at(text, demi, prefix.start(), timeout)
            if match is None:
                match = self._figure_at(text, demi, position, timeout)
            if match is not None and match.end() > position:
                done = match.end()
                yield match

    def _figure_at(
        self, text: str, demi: bool, position: int, timeout: float | None
    ) -> Figure | None:
        """The figure (or skip) that starts at ``position``: the head, then the tail;
        ``demi``: a unit name follows a ``demi`` in the text."""
        pattern = self._head_at(text, position, demi)
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

    @cached_property
    def assembly(self) -> Assembly:
        return Assembly(self.currencies, self.units)

    def _mentions_of(self, match: Figure, text: str) -> list[Mention]:
        view = MatchView(match, match.groups_by_name(self._group_names))
        if view.has("words"):
            return self._word_mentions(view, text)
        mention = self._digit_mention(view, text)
        return [mention] if mention is not None else []

    # -- numbers in digits -------------------------------------------------------------

    def _digit_mention(self, view: MatchView, text: str) -> Mention | None:
        if view.has("vulgar"):
            numerator, denominator = lexicon.VULGAR_FRACTIONS[view.written("vulgar")]
            value, decimals = divide(numerator, denominator), 1
            number_group = "vulgar"
        else:
            read = _digits_of(view, text)
            if read is None:
                return None
            value, decimals, number_group = read
        if _is_minus(view["sign"]):
            value = -value
        return self.assembly.mention(view, text, value, decimals, number_group, None)

    # -- numbers in words -------------------------------------------------------------

    def _word_mentions(self, view: MatchView, text: str) -> list[Mention]:
        run = view.written("words")
        numbers = read_word_numbers(run)
        if not numbers and view.has("currency"):
            counted = self._counted_by_article(view, text)
            return [counted] if counted is not None else []
        run_start = view.start("words")
        several = len(numbers) > 1
        mentions: list[Mention] = []
        for index, number in enumerate(numbers):
            last = index == len(numbers) - 1
            closes_run = last and number.end == len(run)
            if not (closes_run and _has_context(view, _WORD_CONTEXT)) and _not_a_figure(
                number, text, run_start, several, last
            ):
                continue
            signed = index == 0 and _is_minus(view["sign"])
            if closes_run:
                if index and view.has("currency_before"):
                    view = view.without("currency_before")  # "$ deux trois": not 3's
                mention = self.assembly.mention(
                    view, text, -number.value if signed else number.value,
                    number.decimals, "words", number, signed=index == 0,
                )
            else:
                mention = _bare_word_mention(text, run_start, number, view, signed)
            mentions.append(mention)
        return mentions

    def _counted_by_article(self, view: MatchView, text: str) -> Mention | None:
        """« Le milliard de dollars »: the scale word alone, its article as the number."""
        run_start, run_end = view.span("words")
        scale = text[run_start:run_end]
        article = article_before(text, run_start, scale)
        if article is None:
            return None
        exponent = lexicon.SCALE_WORDS[scale.lower()]
        alone = WordNumber(Decimal(1).scaleb(exponent), 0, len(scale), scale.lower(),
                           last_scale_end=len(scale))
        mention = self.assembly.mention(view, text, alone.value, 0, "words", alone)
        hedge, hedge_kind = hedge_before(text, article[0])
        return replace(
            mention, start=article[0], text=text[article[0] : mention.end],
            number=Part(text[article[0] : article[1]], article),
            written_hedge=hedge, hedge_kind=hedge_kind,
        )


_DIGIT_CONTEXT = ("scale", "percent", "currency", "unit", "currency_before")
_WORD_CONTEXT = ("scale", "percent", "currency", "unit")


def _has_context(view: MatchView, names: tuple[str, ...]) -> bool:
    """Whether a scale, percent, currency or unit goes with the number."""
    groups = view.groups
    return any(groups[name] is not None for name in names)


def _digits_of(view: MatchView, text: str) -> tuple[Decimal, int, str] | None:
    """The value, decimals and group of a number in digits; None for what is no quantity
    (``49.3``, a year, a postcode, ``l'article 12``)."""
    dotted = view.has("dot_decimal")
    number_group = "dot_decimal" if dotted else "digits"
    written = view.written(number_group)
    parsed = parse_digits(written, dot_is_decimal=dotted)
    if parsed is None:
        return None
    value, decimals = parsed
    has_context = _has_context(view, _DIGIT_CONTEXT)
    if dotted and not has_context:
        return None  # "49.3", "GPT-3.5": a reference, not a decimal amount
    if not has_context and _is_not_a_quantity(written, value, view.figure, text):
        return None
    if view.has("vulgar_after"):
        numerator, denominator = lexicon.VULGAR_FRACTIONS[view.written("vulgar_after")]
        value += divide(numerator, denominator)
        decimals = max(decimals, 1)
        number_group = "vulgar_after"
    return value, decimals, number_group


def _not_a_figure(
    number: WordNumber, text: str, run_start: int, several: bool, last: bool
) -> bool:
    """A number word of a run that is no figure when nothing goes with it: ``un``,
    ``une`` (articles), ``neuf`` (an adjective), a day before a month."""
    if number.last_scale is not None:
        return False
    end = run_start + number.end
    written = text[run_start + number.start : end].lower()
    if written in _LONE_WORDS and not _lone_word_is_a_number(written, several, last, text, end):
        return True  # "un", "une": articles; "neuf" as in "un logement neuf"
    return bool(match_at(_helpers().month_follows, text, end)) and number.value <= 31


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


def _word_before(ch: str) -> bool:
    """Whether ``ch`` may stand before a number word (``_WORD_BEFORE`` of the anchors)."""
    return ch in WORD_BEFORE_MARKS or ch.isspace()


def _is_minus(sign: str | None) -> bool:
    return sign is not None and (sign in ("-", "−") or sign[:5].lower() == "moins")


def _lone_word_is_a_number(written: str, several: bool, last: bool, text: str, end: int) -> bool:
    """``un``/``une`` alone is an article and ``neuf`` an adjective, unless a run of number
    words shows them read aloud (``un deux trois``, ``sept un zéro``, ``neuf deux sept``)."""
    if written == "neuf":
        return several or match_at(_helpers().neuf_noun_follows, text, end) is not None
    return several and not last


def _bare_word_mention(
    text: str, run_start: int, number: WordNumber, view: MatchView, signed: bool
) -> Mention:
    """A spelled-out number inside a run, before the last one: it takes no unit."""
    end = run_start + number.end
    exponent = lexicon.SCALE_WORDS.get(number.last_scale, 0) if number.last_scale else 0
    number_start = view.start("sign") if signed else run_start + number.start
    hedge, hedge_kind = hedge_before(text, number_start)
    return Mention(
        start=number_start,
        end=end,
        text=text[number_start:end],
        kind="number",
        value=-number.value if signed else number.value,
        written_hedge=hedge,
        hedge_kind=hedge_kind,
        number=Part(text[number_start:end], (number_start, end)),
        decimals=number.decimals,
        scale_exponent=exponent,
    )


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


_PREFIX_GAP = " \u00a0\u202f"
_PREFIX_SIGNS = frozenset("-−+")
_PREFIX_SYMBOLS = frozenset("$¥£")


def _may_follow_a_prefix(text: str, done: int, position: int) -> bool:
    """Whether :func:`.pattern.build_prefix_pattern` may match before ``position`` (not
    before ``done``): a sign; or, after up to two spaces, a capital, ``$``, ``¥``, ``£``,
    a letter outside ASCII, or an ASCII letter with a ``$`` close before it (``$us``).
    Most digits follow a space and a lower-case word: no backward search there."""
    end = position
    if end > done and text[end - 1] in _PREFIX_SIGNS:
        return True
    while end > done and position - end < 2 and text[end - 1] in _PREFIX_GAP:
        end -= 1
    if end <= done:
        return False
    ch = text[end - 1]
    if ch in _PREFIX_SYMBOLS or ch.isupper():
        return True
    if not ch.isalpha():
        return False
    return not ch.isascii() or "$" in text[max(done, end - 4) : end]


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
