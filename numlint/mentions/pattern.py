"""The patterns the scanner runs over the text, built from the lexicons.

At each anchor, the head pattern (:attr:`Sources.head`) matches either something that
looks like a figure but is not an amount (a time, a date, an ordinal, a phone number, a
reference like ``49-3``: group ``skip``) or a figure up to its scale: an optional currency
in front, a number in digits or words, an optional scale word. :mod:`.tail` reads the rest
(an optional percent sign, currency or unit, then an optional "per" complement) with the
small patterns of :class:`Sources` and dictionary lookups of the CLDR names, which no
pattern holds: hundreds of names cost the ``regex`` module a second to compile.
:func:`reference_pattern_source` is the whole scan as one pattern, for the tests.

Nothing is compiled at import: :class:`.scanner.Scanner` builds these once, on first use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import regex

from ..records import Record
from . import lexicon, words
from .currencies import CAPITALS_ONLY, GLUED_SYMBOLS, CurrencyLexicon
from .trie import trie_pattern
from .units import UnitLexicon

SP = r"[\x20\u00a0\u202f\u2009]"
"""A space of any width, never a line break: a figure does not run across lines."""
GAP = SP + "{0,2}+"
"""Up to two spaces between the parts of a figure (possessive: nothing after a gap starts
with a space, so the engine need not try shorter gaps)."""
SPS = SP + "+"
APOS = r"['’ʼ]"
RANGE_UNIT = r"(?:%|€|\$|£|(?i:millions?|milliards?|mds?|mrds?|md|m|billions?)(?![\p{L}\p{N}]))"
"""What makes two numbers joined by a hyphen a range: a percent, a currency sign or a
scale word after the second."""
HYPHEN_HIGH = r"\d+(?:,\d+)?(?![\d\-‑/])" + SP + "{0,2}" + RANGE_UNIT
HYPHEN_RANGE = r"\d+(?:,\d+)?[\-‑]" + HYPHEN_HIGH
"""``370-390 millions``, ``10-15 %``, ``2-3 Md€``: a range, not a reference (``49-3``,
``2020-2021``, a score ``3-1``), which :data:`SKIP` leaves out."""
TOKEN_START_NO_DIGIT = r"(?<![\p{L}\p{N}_.,\-−+/])"
""":data:`TOKEN_START` where no digit stands: a high bound starts with one."""
TOKEN_START = (
    "(?:" + TOKEN_START_NO_DIGIT
    + r"|(?<=(?<![\p{L}\p{N}_.,\-‑−+/:])\d+(?:,\d+)?[\-‑])(?=" + HYPHEN_HIGH + "))"
)
"""Where a figure may start: not inside a word or a number, nor after a hyphen — but for
the high bound of a :data:`HYPHEN_RANGE` (``390 millions`` in ``370-390 millions``)."""
WORD_END = r"(?![\p{L}\p{N}_])"
LETTER_END = r"(?!\p{L})"
VULGAR = "[" + "".join(lexicon.VULGAR_FRACTIONS) + "]"

DIGITS = (
    r"(?:\d{1,3}(?:[\x20\u00a0\u202f\u2009]\d{3})+(?!\d)"  # 1 234 567, any space width
    r"|\d{1,3}(?:\.\d{3})+(?![\d.])"  # 1.234.567
    r"|\d{1,3}(?:['’]\d{3})+(?!\d)"  # 1’234’567 (Swiss)
    r"|\d+(?!\.\d))"  # 12, but not the 1 of 1.5
    r"(?:,\d+)?"
)
DOT_DECIMAL = r"\d+\.\d+(?![\d.]|,\d)"

SKIP_LINKS = r"https?://\S+|www\.\S+"
"""The skips that start with a letter: a link, skipped whole."""
SKIP_NUMBERS = (
    r"\d{1,2}" + SP + r"?[hH](?:" + SP + r"?\d{2})?(?![\p{L}\d])"  # 21 h 30, 18h
    r"|\d{1,2}:\d{2}(?::\d{2})?(?!\d)"  # 10:30
    r"|\d{1,2}(?:er|ᵉʳ)?" + SPS + "(?i:" + "|".join(regex.escape(m) for m in lexicon.MONTHS)
    + r")(?![\p{L}])(?:" + SPS + r"\d{4}(?!\d))?"  # 18 septembre 2020
    r"|\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}(?!\d)"  # 18/09/2020, 2020-09-18
    r"|(?!\d{1,3}(?:\.\d{3})+(?![\d.]))\d+(?:\.\d+){2,}"  # 1.2.3, 192.168.1.2
    r"|(?!" + HYPHEN_RANGE + r")\d+(?:[\-‑/]\d+)+(?!\d)"  # 49-3, 3-1, 2020-2021
    r"|\d+(?:er|ère|re|e|ème|eme|è|ᵉ|ᵉʳ|nd|nde|ième|ieme|ièmes)(?![\p{L}\d])"  # 2e, 1er
    r"|\d{1,2}°(?=" + SPS + r"\p{Lu})"  # legal enumeration: "1° De contribuer"
    r"|(?:\+33|0033)" + SP + r"?[1-9](?:[\x20\u00a0.]?\d{2}){4}(?!\d)"  # phone numbers
    r"|0[1-9](?:[\x20\u00a0.]\d{2}){4}(?!\d)"
)
"""The skips that start with a digit or ``+``: times, dates, ordinals, references, phones."""
SKIP = SKIP_LINKS + "|" + SKIP_NUMBERS

DURATION_UNITS = frozenset({"century", "year", "month", "week", "day", "hour", "minute", "second"})
"""``un an``, ``une heure``: after the article, durations are not read as figures."""


NOT_NAUTICAL = (
    r"(?!(?<=(?i:mille))" + SPS + r"(?i:nautiques?|marin)" + LETTER_END + ")"
    r"(?!(?<=(?<![\p{L}\p{N}.,])(?i:une?|1)[\x20\u00a0\u202f\u2009\-‑]+(?i:mille))"
    + SPS + r"(?i:marins)" + LETTER_END + ")"
)
"""After a number word or scale: not the ``mille`` of a nautical mile. French agrees the
unit (``3 milles marins``), never the number (``trois mille marins`` are sailors): before
``nautique(s)`` and singular ``marin``, ``mille`` is the unit; before ``marins``, only
after *un*/*une*/*1* (``un mille marins`` is no crowd). The tail then reads the unit."""


DEMI_UNITS = r"\L<demi_units>"
"""The named list of the unit names a ``demi`` may govern, in the head pattern."""


def _alternation(forms: Iterable[str]) -> str:
    return trie_pattern(forms)


class _Lists:
    """The word lists of the patterns: tries in the reference pattern (``strict``), else
    ``regex`` named lists, which it compiles as sets (a trie of forty words takes it a few
    milliseconds to parse; compile time is every start's). A named list matches exactly
    its forms, longest first, as a trie does; forms with a space or an apostrophe (which a
    trie matches in several spellings) stay a trie."""

    def __init__(self, strict: bool) -> None:
        self.strict = strict
        self.named: dict[str, frozenset[str]] = {}

    def of(self, name: str, forms: Iterable[str]) -> str:
        forms = frozenset(forms)
        if self.strict or any(ch in _SPACES or ch in _APOSTROPHES for f in forms for ch in f):
            return trie_pattern(forms)
        assert self.named.setdefault(name, forms) == forms, name
        return r"\L<" + name + ">"


def after_un_forms(currencies: CurrencyLexicon, units: UnitLexicon) -> frozenset[str]:
    """What may follow ``un``/``une`` for it to be the number one (``un million``,
    ``un dollar``, ``une tonne``, ``un quart``); otherwise it is an article."""
    unit_names = {
        name for name in units.names if units.by_form.get(name) not in DURATION_UNITS
    }
    return (
        (words.NUMBER_WORDS - {"un", "une"})
        | set(lexicon.SCALE_WORDS)
        | set(lexicon.MULTIPLIER_WORDS)
        | set(lexicon.FRACTION_NOUNS)
        | set(words.ORDINALS)
        | {"virgule"}
        | {n.lower() for n in currencies.names}
        | unit_names
    )


class Anchors(Record):
    """Where a figure may start, found by a few passes of the standard ``re`` engine, whose
    first-character filter makes them several times faster than trying the full pattern at
    every position (simple passes, merged, beat one alternation of them)."""

    signs: re.Pattern[str]
    """Runs of digits, currency signs and fraction characters (run on the text)."""
    sign_digits: re.Pattern[str]
    """The digits of a run that starts with a sign (``$15``: group 1 is ``15``), where the
    figure may start before the sign (``nzd$15``)."""
    words: re.Pattern[str]
    """Number words after a space or punctuation, and ``demi``/``moins`` when a figure
    follows (run on ``" " + text.lower()``: a match starts on the character before the
    word, so its start is the word's offset in the text)."""
    un: re.Pattern[str]
    """``un``/``une`` before a separator, run as :attr:`words`: a figure when a space or
    punctuation stands before it (:data:`WORD_BEFORE_MARKS`) and a word of
    :func:`after_un_forms` follows, which the scanner looks up
    (:meth:`.tail.Tail.anchor_un_opens`). The pass has no character before the word to
    match, so ``re`` finds the literal ``un`` by a fast search, not at every space."""
    links: re.Pattern[str]
    """URLs, which the pattern skips whole (run on the lower-cased text).

    ``sign_digits`` and ``links`` run only on a chunk that has a currency sign, or
    ``://`` or ``www.``: without one they find nothing, and a substring test costs less
    than a pass."""

    __slots__ = __match_args__ = ("signs", "sign_digits", "words", "un", "links")

    def __init__(self, signs: re.Pattern[str], sign_digits: re.Pattern[str],
                 words: re.Pattern[str], un: re.Pattern[str], links: re.Pattern[str]) -> None:
        object.__setattr__(self, "signs", signs)
        object.__setattr__(self, "sign_digits", sign_digits)
        object.__setattr__(self, "words", words)
        object.__setattr__(self, "un", un)
        object.__setattr__(self, "links", links)


ANCHOR_SIGNS = "".join(sorted({"$", "€", "£", "¥", "₹", "₽", "₺", "₩", "₪"}))
"""The currency signs a figure may start with or follow (the ``signs`` and
``sign_digits`` anchor passes)."""


def build_anchor_patterns() -> Anchors:
    return Anchors(**{name: re.compile(source) for name, source in anchor_sources().items()})


def anchor_sources() -> dict[str, str]:
    """The sources of the :class:`Anchors` patterns, by field name."""
    number_words = trie_pattern(words.NUMBER_WORDS - {"un", "une"}, for_re=True)
    symbols = re.escape(ANCHOR_SIGNS)
    space = r"[\x20\u00a0\u202f\u2009]"
    return {
        "signs": r"[\d" + symbols + "".join(lexicon.VULGAR_FRACTIONS) + "]+",
        # a digit right after a sign, one sign only: "[$]+(\d)" retried at every sign of a
        # long run of signs is quadratic
        "sign_digits": r"[" + symbols + r"](\d)",
        "words": (
            _WORD_BEFORE + r"(?:(?:" + number_words + r")(?![^\W\d_])"
            r"|demie?(?=" + space + r"|[\-‑])"
            r"|moins(?=" + space + r"+(?:\d|(?:" + number_words + r")(?![^\W\d_]))))"
        ),
        "un": r"une?(?=" + space + r"|[\-‑])",
        "links": r"https?://|www\.",
    }


_WORD_BEFORE = r"[\s'’ʼ(\[«\"“\-–—/:;,.]"
"""What the anchor passes of words want before a word (run on ``" " + text.lower()``)."""
WORD_BEFORE_MARKS = frozenset("'’ʼ([«\"“-–—/:;,.")
r""":data:`_WORD_BEFORE` but its spaces (``str.isspace``, as ``\s`` in ``re``): what the
scanner wants before an ``un`` of the :attr:`Anchors.un` pass."""


def build_prefix_pattern() -> regex.Pattern[str]:
    """What may stand just before a digit and belong to the figure: a currency code or
    lettered symbol (``USD``, ``US$``, ``usd$``, ``EUR``) or a sign. Searched backwards
    from a digit, at most :data:`PREFIX_WINDOW` characters."""
    return regex.compile(
        r"(?r)(?<![\p{L}\p{N}])(?:(?:[\p{Lu}$¥£]{1,5}|(?i:[a-z]{2,3}\$|\$[a-z]{1,3}))"
        r"[\x20\u00a0\u202f]{0,2}|[\-−+])\Z"
    )


PREFIX_WINDOW = 7


def _has_letters(symbol: str) -> bool:
    """``$US``, ``£GB``, ``$ hk``: symbols with letters match in any case."""
    return any(ch.isalpha() for ch in symbol)


def _word_run(
    currencies: CurrencyLexicon, units: UnitLexicon, strict: bool, lists: _Lists
) -> str:
    """A run of number words: ``quatre-vingt-dix-sept``, ``un million et demi``,
    ``deux virgule cinq``, ``trois cinquièmes``. :mod:`.words` reads it.

    ``un``/``une`` opens a run only before one of :func:`after_un_forms` (``un million``,
    ``une tonne``). With ``strict`` the pattern says so itself (the reference pattern of
    the tests); otherwise it only asks for a separator, and the scanner looks the next
    word up (:meth:`.tail.Tail.un_opens`): a thousand names cost the pattern a second to
    compile.

    ``demi`` opens or joins a run before a scale word or a unit name (``une demi-heure``).
    With ``strict`` the unit names are a trie; otherwise the named list ``demi_units``
    (:func:`demi_unit_list`), which the ``regex`` module compiles as a set, not as a
    pattern."""
    number_words = lists.of("number_words", words.NUMBER_WORDS - {"un", "une"})
    word_sep = r"(?:" + SPS + r"|-|‑)"
    scale_or_unit = (
        "(?i:" + lists.of("run_scales", set(lexicon.SCALE_WORDS) | set(words.SCALES))
        + "|" + (trie_pattern(units.names) if strict else DEMI_UNITS) + ")" + LETTER_END
    )
    # A singular ordinal or fraction noun is a fraction only when nothing but "de" or
    # punctuation follows: "un cinquième des voix", not "un cinquième mandat".
    closes = (
        r"(?=" + SP + r"*(?:[^\p{L}\p{N}\s\-‑'’]|\Z)|" + SP + r"*\n"
        + "|" + SPS + r"(?i:de|des|du)" + LETTER_END + "|" + SPS + "(?i:d)" + APOS + ")"
    )
    demi_governs = r"(?=(?:" + SPS + r"|[-‑])" + scale_or_unit + ")"
    singular, plural, ordinals = _ordinal_lists(lists)
    token = (
        "(?:(?i:" + lists.of("all_number_words", words.NUMBER_WORDS) + "|" + plural + ")"
        + LETTER_END + NOT_NAUTICAL
        + "|(?i:" + singular + ")" + LETTER_END + closes
        + "|(?i:demie?)" + LETTER_END + "(?:" + closes + "|" + demi_governs + "))"
    )
    after_un = (
        "(?i:" + _alternation(after_un_forms(currencies, units)) + ")" + LETTER_END
        if strict else ""
    )
    first = (
        r"(?:(?i:une?)(?=" + word_sep + after_un + ")"
        + "|(?i:" + number_words + ")" + LETTER_END + NOT_NAUTICAL
        + "|(?i:demie?)" + demi_governs + ")"
    )
    joiner = word_sep + r"(?:(?i:et|virgule)" + word_sep + r")?"
    not_a_rank = (  # "vingt-cinquième", "trois cent vingtième": ranks, not amounts
        "(?!(?:" + joiner + "(?i:" + lists.of("all_number_words", words.NUMBER_WORDS) + ")"
        + LETTER_END + ")*"
        + joiner + "(?i:" + ordinals + ")" + LETTER_END + ")"
    )
    return first + r"(?:" + joiner + token + ")*" + not_a_rank


def _ordinal_lists(lists: _Lists) -> tuple[str, str, str]:
    """The singular ordinals and fraction nouns (``cinquième``, ``tiers``, ``quart``), the
    plural ones (``cinquièmes``, ``quarts``) and every ordinal, each followed by
    :data:`LETTER_END` where used: so the whole word is matched, and any pattern matching
    the same words gives the same match.

    The reference pattern lists them all; the scanner's named lists hold only the stems
    (``cinqu``: 31 words, not 124), which the ``regex`` module compiles in half the time
    (it builds a node per character of a named list)."""
    if lists.strict:
        singular = [o for o in words.ORDINALS if not o.endswith("s")]
        return (
            lists.of("singular_ordinals", [*singular, "tiers", "quart"]),
            lists.of("plural_ordinals", [o for o in words.ORDINALS if o.endswith("s")]
                     + ["quarts"]),
            lists.of("ordinals", words.ORDINALS),
        )
    stems = {o[: -len("ième")] for o in words.ORDINALS if o.endswith(_ORDINAL_ENDINGS)}
    assert {s + e + p for s in stems for e in _ORDINAL_ENDINGS for p in ("", "s")} == set(
        words.ORDINALS), "every ordinal is a stem, ième or ieme, and an optional s"
    rank = lists.of("ordinal_stems", stems) + "(?:ième|ieme)"
    return "(?:" + rank + "|tiers|quart)", "(?:" + rank + "|quart)s", rank + "s?"


_ORDINAL_ENDINGS = ("ième", "ieme")


class Sources(Record):
    """The sources of the scanner's patterns: the head, run at an anchor, and the small
    patterns the scanner reads the rest of a figure with (see :mod:`.tail`)."""

    head: str
    """A skip (time, date, reference…) or a figure up to its scale and fraction: an
    optional currency in front, a sign, a number in digits or words, a scale word; no unit
    name after ``demi`` (for a text where none follows one)."""
    demi_head: str
    """:attr:`head` with the named list ``demi_units`` after ``demi`` (:func:`demi_unit_list`)."""
    digit_head: str
    """:attr:`head` for a place where no currency (see :mod:`.currency_starts`) and no
    letter starts: no currency in front, no ``moins``, no number words. Where they cannot
    start, these alternatives fail on the first character: the same match, for a pattern
    a quarter the size (the ``regex`` module compiles in Python, every start)."""
    word_head: str
    """:attr:`head` for a letter where no currency starts: no currency in front, and of
    the skips only links (the others start with a digit or ``+``)."""
    demi_word_head: str
    """:attr:`word_head` with the named list ``demi_units``."""
    letter_head: str
    """:attr:`word_head` for a letter that is no ``m`` or ``M``: no ``moins``, no number in
    digits (they start with a digit or a fraction sign, not a letter), and only the
    :data:`TOKEN_START_NO_DIGIT` half of the start. A lone number word (``deux
    groupes``) is the common word anchor; this head is a third smaller to compile."""
    sign_head: str
    """:attr:`head` for a currency sign (``$15``, ``€ 2,5 millions``): no skip (each starts
    with a digit, ``+`` or a letter) and only the :data:`TOKEN_START_NO_DIGIT` half of the
    start; a quarter smaller than the whole head."""
    percent: str
    """``GAP`` then a percent sign or word (group ``percent``)."""
    de: str
    """``de``/``des``/``d’`` between a number and its currency or unit."""
    demi_hyphen: str
    """The hyphen of ``demi-litre``, the only gap a unit may follow without a space."""
    currency_signs: str
    """Currency symbols and ISO codes (a currency name is looked up in a trie)."""
    sub_unit: str
    """Cents after an amount: ``15 dollars et 15 cents``, ``15 euros 50``."""
    unit_symbols: str
    """Unit symbols (a unit name is looked up in a trie)."""
    below_zero: str
    """``sous zéro`` after a temperature."""
    per: str
    """A "per" complement: ``par mois``, ``/an``, ``annuels``."""
    lists: dict[str, frozenset[str]]
    """The named lists of these patterns (``regex.compile(…, **lists)``)."""

    __slots__ = __match_args__ = (
        "head", "demi_head", "digit_head", "word_head", "demi_word_head", "letter_head",
        "sign_head", "percent", "de", "demi_hyphen", "currency_signs", "sub_unit", "unit_symbols",
        "below_zero", "per", "lists",
    )

    def __init__(self, *, head: str, demi_head: str, digit_head: str, word_head: str,
                 demi_word_head: str, letter_head: str, sign_head: str, percent: str, de: str,
                 demi_hyphen: str,
                 currency_signs: str, sub_unit: str, unit_symbols: str, below_zero: str,
                 per: str, lists: dict[str, frozenset[str]]) -> None:
        object.__setattr__(self, "head", head)
        object.__setattr__(self, "demi_head", demi_head)
        object.__setattr__(self, "digit_head", digit_head)
        object.__setattr__(self, "word_head", word_head)
        object.__setattr__(self, "demi_word_head", demi_word_head)
        object.__setattr__(self, "letter_head", letter_head)
        object.__setattr__(self, "sign_head", sign_head)
        object.__setattr__(self, "percent", percent)
        object.__setattr__(self, "de", de)
        object.__setattr__(self, "demi_hyphen", demi_hyphen)
        object.__setattr__(self, "currency_signs", currency_signs)
        object.__setattr__(self, "sub_unit", sub_unit)
        object.__setattr__(self, "unit_symbols", unit_symbols)
        object.__setattr__(self, "below_zero", below_zero)
        object.__setattr__(self, "per", per)
        object.__setattr__(self, "lists", lists)


def compile_source(
    source: str, sources: Sources, **more_lists: frozenset[str]
) -> regex.Pattern[str]:
    """One of the ``sources`` compiled, with the named lists it uses."""
    lists: dict[str, Any] = {**sources.lists, **more_lists}
    return regex.compile(source, regex.V0, ignore_unused=True, **lists)


def pattern_sources(currencies: CurrencyLexicon, units: UnitLexicon) -> Sources:
    """The patterns of the scanner for these lexicons (compiled by :class:`.scanner.Scanner`)."""
    lists = _Lists(strict=False)
    parts = _parts(currencies, units, strict=False, lists=lists)
    demi_head = TOKEN_START + "(?:(?P<skip>" + SKIP + ")|" + parts["head"] + ")"
    demi_word_head = (
        TOKEN_START + "(?:(?P<skip>" + SKIP_LINKS + ")|"
        + _head(parts, left_out=("currency_before",)) + ")"
    )
    no_demi_units = NEVER  # an empty named list would match ""
    return Sources(
        head=demi_head.replace(DEMI_UNITS, no_demi_units),
        demi_head=demi_head,
        digit_head=(
            TOKEN_START + "(?:(?P<skip>" + SKIP + ")|"
            + _head(parts, left_out=("currency_before", "minus", "words")) + ")"
        ),
        word_head=demi_word_head.replace(DEMI_UNITS, no_demi_units),
        demi_word_head=demi_word_head,
        letter_head=(
            TOKEN_START_NO_DIGIT + "(?:(?P<skip>" + SKIP_LINKS + ")|"
            + _head(parts, left_out=("currency_before", "minus", *NUMBERS_IN_DIGITS)) + ")"
        ).replace(DEMI_UNITS, no_demi_units),
        sign_head=(
            TOKEN_START_NO_DIGIT + "(?:(?P<skip>" + NEVER + ")|" + parts["head"] + ")"
        ).replace(DEMI_UNITS, no_demi_units),
        percent=GAP + parts["percent"],
        de=parts["de"],
        demi_hyphen=r"[-‑](?<=(?i:demie?)[-‑])",
        currency_signs=parts["currency_signs"],
        sub_unit=parts["sub_unit"],
        unit_symbols=parts["unit_symbols"],
        below_zero=parts["below_zero"],
        per="(?:" + parts["per"] + ")?",
        lists=lists.named,
    )


def reference_pattern_source(currencies: CurrencyLexicon, units: UnitLexicon) -> str:
    """The whole scan as one pattern, names and all: what the scanner's head, small
    patterns and trie lookups together must match exactly (the tests compare them; it
    takes the ``regex`` module about a second to compile)."""
    parts = _parts(currencies, units, strict=True)
    currency_names = trie_pattern(n.lower() for n in currencies.names)
    currency_after = (
        parts["currency_signs"] + "|(?i:" + currency_names + ")" + LETTER_END
    )
    unit_after = (
        "(?i:" + trie_pattern(units.names) + ")" + LETTER_END + "|" + parts["unit_symbols"]
    )
    after_gap = "(?:[-‑](?<=(?i:demie?)[-‑])|" + GAP + ")"
    de = "(?:(?:" + parts["de"] + "))"
    figure = (
        parts["head"]
        + r"(?:" + GAP + parts["percent"]
        + "|" + after_gap + de + "?(?P<currency>" + currency_after + ")" + parts["sub_unit"]
        + "|" + after_gap + de + "?(?P<unit>" + unit_after + ")" + parts["below_zero"] + ")?"
        r"(?:" + parts["per"] + ")?"
    )
    return TOKEN_START + "(?:(?P<skip>" + SKIP + ")|" + figure + ")"


def reference_anchor_sources(currencies: CurrencyLexicon, units: UnitLexicon) -> dict[str, str]:
    """:func:`anchor_sources` with ``un``/``une`` tested in the pattern itself, names and
    all (what :meth:`.tail.Tail.anchor_un_opens` must agree with; for the tests)."""
    sources = anchor_sources()
    after_un = trie_pattern(after_un_forms(currencies, units), for_re=True)
    space = r"[\x20\u00a0\u202f\u2009]"
    sources["words"] = sources["words"].replace(
        r"|demie?(",
        r"|une?(?=(?:" + space + r"|[\-‑])+(?:" + after_un + r")(?![^\W\d_]))|demie?(",
        1,
    )
    sources["un"] = "(?!)"
    return sources


_SMALL_WORDS = (set(words.UNITS) | set(words.TEENS) | set(words.TENS)) - {"zéro", "zero"}
"""The number words of cents written out (``quinze cents``)."""
SUB_UNIT_PREFIXES = frozenset({"et"} | {word[:2] for word in _SMALL_WORDS})
"""The first two characters, lower-cased, of cents after an amount, but a digit: ``et``
or a number word (``sub_unit`` of :func:`_parts`)."""
BELOW_ZERO_PREFIXES = frozenset({"so", "en", "au"})
"""The first two characters, lower-cased, of ``sous zéro``, ``en dessous de zéro``,
``au-dessous de zéro`` (``below_zero`` of :func:`_parts`)."""
_L = "l"
PER_PREFIXES = frozenset(
    {"br", "ne", "ht", "tt", "le", "la", "pa", "ch", *(_L + a for a in "'’ʼ")}
    | {adjective[:2] for adjective in lexicon.PER_ADJECTIVES}
)
"""The first two characters, lower-cased, of what a "per" complement (``per`` of
:func:`_parts`) starts with after its spaces, but a slash: a qualifier (``brut``, ``net``,
``HT``, ``TTC``), ``le``/``la``/``l’``, ``par``, ``chaque`` or an adjective of
:data:`.lexicon.PER_ADJECTIVES`."""


def demi_unit_list(units: UnitLexicon) -> frozenset[str]:
    """The named list ``demi_units`` of the head: the unit names, and each name with a
    space or apostrophe also in the other spellings the trie would match (one or two
    spaces of any width, any apostrophe) unless a shorter name ends where it has one
    (``demi-mètre carré`` is already a ``demi-mètre``: the lookahead only asks whether
    some name follows)."""
    names = set(units.names)
    listed = set(names)
    for name in names:
        cuts = [i for i, ch in enumerate(name) if ch in _SPACES or ch in _APOSTROPHES]
        if cuts and not any(name[:cut] in names for cut in cuts):
            listed |= _spellings(name)
    return frozenset(listed)


_SPACES = " \u00a0\u202f\u2009"
_APOSTROPHES = "'’ʼ"


def _spellings(name: str) -> set[str]:
    """Every spelling of ``name`` the trie pattern of it matches."""
    spellings = [""]
    for ch in name:
        if ch in _SPACES:
            options = [a + b for a in ("", *_SPACES) for b in _SPACES]
        elif ch in _APOSTROPHES:
            options = list(_APOSTROPHES)
        else:
            options = [ch]
        spellings = [s + o for s in spellings for o in options]
    return set(spellings)


def _parts(
    currencies: CurrencyLexicon, units: UnitLexicon, strict: bool, lists: _Lists | None = None
) -> dict[str, str]:
    lists = lists if lists is not None else _Lists(strict)
    number_words = lists.of("number_words", words.NUMBER_WORDS - {"un", "une"})
    scale_words = lists.of(
        "scale_words", set(lexicon.SCALE_WORDS) | set(lexicon.MULTIPLIER_WORDS)
    )
    abbreviations = lists.of(
        "scale_abbreviations",
        set(lexicon.SCALE_ABBREVIATIONS) - lexicon.ABBREVIATIONS_NEEDING_CURRENCY
    )
    word_sep = r"(?:" + SPS + r"|-|‑)"
    currency_symbols = trie_pattern(
        (s for s in currencies.symbols if not _has_letters(s)), glued_spaces=True
    )
    lettered_symbols = trie_pattern(
        (s for s in currencies.symbols if _has_letters(s) and s not in CAPITALS_ONLY),
        glued_spaces=True,
    )
    currency_codes = lists.of("currency_codes", currencies.codes)
    glued_symbols = lists.of("glued_symbols", GLUED_SYMBOLS)
    currency_signs = (
        # "20 $ au total": a spaced, lower-case "au"/"ca" is French, not $ AU or $ CA.
        r"(?!\$" + SP + r"+(?:au|ca)(?!\p{L}))"
        "(?i:" + lettered_symbols + r")(?![\p{L}\p{N}]|" + APOS + ")"
        "|(?:" + "|".join(sorted(CAPITALS_ONLY)) + r")(?![\p{L}\p{N}]|" + APOS + ")"
        "|(?:" + currency_symbols + r")(?![\p{L}\p{N}]|" + APOS + ")"
        "|(?:" + currency_codes + r")" + WORD_END
    )
    currency_before = (
        "(?i:" + lettered_symbols + ")|(?:" + currency_symbols + ")"
        "|(?:" + currency_codes + r")(?=" + GAP + r"\d)"
    )
    small_words = lists.of("small_words", _SMALL_WORDS)
    small_number = (
        "(?i:" + small_words + ")" + LETTER_END
        + "(?:" + word_sep + "(?:(?i:et)" + word_sep + ")?(?i:" + small_words + ")"
        + LETTER_END + ")*"
    )
    sub_unit = (  # 15 dollars et 15 cents, 1 USD 23 centimes, 15 euros 50.
        "(?:" + SPS + "(?:(?i:et)" + SPS + ")?(?:(?P<cents>\\d{1,2})(?!\\d)|(?P<cents_words>"
        + small_number + "))" + SPS
        + "(?P<cent_unit>(?i:" + lists.of("sub_units", lexicon.SUB_UNITS) + "))" + LETTER_END
        + "|" + SPS + r"(?P<cents_bare>\d{2})(?![\d\p{L}])(?![.,]\d)"
        r"(?=" + SP + r"*(?:[.;:!?)\]»\n]|,(?!\d)|\Z)))?"
    )
    unit_symbols = (
        "(?:" + trie_pattern(units.symbols, glued_spaces=True) + r")(?![\p{L}\p{N}]|"
        + APOS + r"|[-‑]\p{L})"  # not "de l'enveloppe", "les 2 mi-temps"
    )
    below_zero = (
        "(?:" + SPS + r"(?P<below_zero>(?i:sous|en[\x20\-‑]dessous[\x20]de|au-dessous[\x20]de)"
        + SPS + r"(?i:zéro|zero|0)(?![\p{L}\p{N}])))?"
    )
    scale = (
        "(?P<scale>(?i:" + scale_words + ")" + LETTER_END + NOT_NAUTICAL
        + "|(?:" + abbreviations + ")(?:" + LETTER_END + "|(?=(?:" + currency_codes + "|"
        + glued_symbols + ")" + WORD_END + "))"  # "10 kCHF" (fr_CA), "921 MDT", "5 MdDH"
        + "|MM(?=(?:" + glued_symbols + ")" + WORD_END + ")"  # "12 MMDH": milliards
        + r"|[GT](?=" + GAP + r"(?:[$€£¥]|[A-Z]{3}" + WORD_END + "))"
        + r"|G(?<=,\d{1,9}" + SP + r"G)(?![\p{L}\p{N}]))"  # fr_CA 3,5 G: not a network
    )
    fraction = r"(?P<fraction>(?i:trois" + SPS + "quarts|deux" + SPS + "tiers|demie?|quart|tiers))"
    percent = (
        r"(?P<percent>%|‰|(?i:pour" + SP + r"?cents?|pour-cent|pourcents?|pourcentages?)"
        + LETTER_END + ")"
    )
    de = r"(?i:de|des)" + SPS + "|(?i:d)" + APOS + SP + "?"
    per_words = lists.of("per_words", lexicon.PER_WORDS)
    per_adjectives = lists.of("per_adjectives", lexicon.PER_ADJECTIVES)
    not_a_rate = lists.of("not_a_rate", lexicon.NOT_A_RATE_AFTER_ARTICLE)
    # "1 801,80 euros brut par mois", "30 000 euros nets annuels": the qualifier stays in
    # the figure when a "per" complement follows it
    qualifier = "(?:" + SPS + "(?i:bruts?|brutes?|nets?|nettes?|HT|TTC)" + LETTER_END + ")?"
    per = qualifier + (
        "(?:" + GAP + r"(?:(?P<per_article>(?i:le|la|l" + APOS + "))" + SP + "*"
        + r"|(?i:par|chaque)" + SP + r"*|/" + SP + r"?)"
        + "(?P<per>(?i:" + per_words + "))" + LETTER_END
        + "(?!" + SPS + "(?i:" + not_a_rate + ")" + LETTER_END + ")"
        + "|" + SPS + "(?P<per_adjective>(?i:" + per_adjectives + "))" + LETTER_END + ")"
    )
    assert {w[:2].lower() for w in ("brut", "net", "HT", "TTC", "le", "la", "par", "chaque",
            *(_L + a for a in _APOSTROPHES), *lexicon.PER_ADJECTIVES)} <= PER_PREFIXES
    not_a_sign_after = _alternation(
        {w for w in lexicon.MINUS_NOT_A_SIGN_AFTER} | set(words.NUMBER_WORDS)
    )
    minus = (  # "moins 8 %", "à moins 15 degrés"; not "au moins 8", "huit moins quatre"
        "(?i:moins)"
        + r"(?<!(?<![\p{L}])(?i:" + not_a_sign_after + ")" + SPS + "(?i:moins))"
        + r"(?<!\d" + SP + "*(?i:moins))"
        + SPS + r"(?=\d|(?i:" + number_words + ")" + LETTER_END + ")"
    )
    pieces = {
        "currency_before": currency_before, "minus": minus,
        "digits": DIGITS, "dot_decimal": DOT_DECIMAL, "vulgar": VULGAR,
        "words": _word_run(currencies, units, strict, lists),
        "scale": scale, "fraction": fraction,
    }
    return {
        **pieces, "head": _head(pieces), "percent": percent, "de": de,
        "currency_signs": currency_signs, "sub_unit": sub_unit, "unit_symbols": unit_symbols,
        "below_zero": below_zero, "per": per,
    }


NEVER = "(?!)"
NUMBERS_IN_DIGITS = ("digits", "dot_decimal", "vulgar")
"""The pieces of the head that start with a digit or a fraction sign."""


def _head(pieces: dict[str, str], *, left_out: Iterable[str] = ()) -> str:
    """The head after :data:`TOKEN_START`, with the ``left_out`` pieces never matching
    (the same groups, in the same order, in every variant)."""
    part = {name: NEVER if name in left_out else source for name, source in pieces.items()}
    return (
        r"(?:(?P<currency_before>" + part["currency_before"] + ")" + GAP + ")?"
        r"(?:(?P<sign>[\-−+](?=\d)|" + part["minus"] + "))?"
        r"(?:(?P<digits>" + part["digits"] + r")(?!\d)"
        r"(?:" + SP + "?(?P<vulgar_after>" + VULGAR + "))?"
        r"|(?P<dot_decimal>" + part["dot_decimal"] + r")"
        r"|(?P<vulgar>" + part["vulgar"] + ")"
        r"|(?P<words>" + part["words"] + "))"
        r"(?:" + GAP + part["scale"] + ")?"
        r"(?:" + SPS + r"(?i:et)" + SPS + part["fraction"] + LETTER_END + ")?"
    )
