"""The one pattern the scanner runs over the text, built once from the lexicons.

Each match is either something that looks like a figure but is not an amount (a time,
a date, an ordinal, a phone number, a reference like ``49-3``: group ``skip``) or a figure:
an optional currency in front, a number in digits or words, an optional scale word, and
an optional percent sign, currency or unit, then an optional "per" complement.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import regex

from . import lexicon, words
from .currencies import CurrencyLexicon
from .trie import trie_pattern
from .units import UnitLexicon

SP = r"[\x20\u00a0\u202f\u2009]"
"""A space of any width, never a line break: a figure does not run across lines."""
GAP = SP + "{0,2}"
SPS = SP + "+"
APOS = r"['’ʼ]"
TOKEN_START = r"(?<![\p{L}\p{N}_.,\-−+/])"
WORD_END = r"(?![\p{L}\p{N}_])"
LETTER_END = r"(?!\p{L})"

DIGITS = (
    r"(?:\d{1,3}(?:[\x20\u00a0\u202f\u2009]\d{3})+(?!\d)"  # 1 234 567, any space width
    r"|\d{1,3}(?:\.\d{3})+(?![\d.])"  # 1.234.567
    r"|\d{1,3}(?:['’]\d{3})+(?!\d)"  # 1’234’567 (Swiss)
    r"|\d+(?!\.\d))"  # 12, but not the 1 of 1.5
    r"(?:,\d+)?"
)
DOT_DECIMAL = r"\d+\.\d+(?![\d.]|,\d)"

SKIP = (
    r"https?://\S+|www\.\S+"
    r"|\d{1,2}" + SP + r"?[hH](?:" + SP + r"?\d{2})?(?![\p{L}\d])"  # 21 h 30, 18h
    r"|\d{1,2}:\d{2}(?::\d{2})?(?!\d)"  # 10:30
    r"|\d{1,2}(?:er|ᵉʳ)?" + SPS + "(?i:" + "|".join(regex.escape(m) for m in lexicon.MONTHS)
    + r")(?![\p{L}])(?:" + SPS + r"\d{4}(?!\d))?"  # 18 septembre 2020
    r"|\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}(?!\d)"  # 18/09/2020, 2020-09-18
    r"|\d+(?:\.\d+){2,}"  # 1.2.3, 192.168.1.2
    r"|\d+(?:[\-‑/]\d+)+(?!\d)"  # 49-3, 3-1, 2020-2021: references, scores, years
    r"|\d+(?:er|ère|re|e|ème|eme|è|ᵉ|ᵉʳ|nd|nde|ième|ieme|ièmes)(?![\p{L}\d])"  # 2e, 1er
    r"|(?:\+33|0033)" + SP + r"?[1-9](?:[\x20\u00a0.]?\d{2}){4}(?!\d)"  # phone numbers
    r"|0[1-9](?:[\x20\u00a0.]\d{2}){4}(?!\d)"
)


def _alternation(forms: Iterable[str]) -> str:
    return trie_pattern(forms)


def build_anchor_pattern() -> re.Pattern[str]:
    """Where a figure may start, in the lower-cased text: digits, currency signs, number words.

    Run with the standard ``re`` engine, whose first-character filter makes this pass
    several times faster than trying the full pattern at every position.
    """
    number_words = trie_pattern(words.NUMBER_WORDS - {"un", "une"})
    after_un = trie_pattern(
        (words.NUMBER_WORDS | set(lexicon.SCALE_WORDS) | set(lexicon.FRACTION_WORDS)
         | {"euro", "euros", "dollar", "dollars", "yen", "yens", "yuan", "yuans", "franc",
            "francs", "livre", "livres", "kilo", "kilos", "kilomètre", "kilomètres", "mètre",
            "mètres", "tonne", "tonnes", "litre", "litres", "hectare", "hectares"})
        - {"un", "une"}
    )
    return re.compile(
        r"\d+|[$€£¥₹₽₺₩₪]|https?://|www\."
        r"|(?:" + number_words + r")(?![^\W\d_])"
        r"|une?(?=[\x20\u00a0\u202f\-‑]+(?:" + after_un + r")(?![^\W\d_]))"
    )


PREFIX_BEFORE = regex.compile(
    r"(?r)(?<![\p{L}\p{N}])(?:[\p{Lu}$¥£]{1,5}[\x20\u00a0\u202f]{0,2}|[\-−+])\Z"
)
"""What may stand just before a digit and belong to the figure: a currency code or
lettered symbol (``USD``, ``US$``, ``EUR``) or a sign. Searched backwards from a digit."""


def _has_letters(symbol: str) -> bool:
    """``$US``, ``£GB``, ``$ hk``: symbols with letters match in any case."""
    return any(ch.isalpha() for ch in symbol)


def build_pattern(currencies: CurrencyLexicon, units: UnitLexicon) -> regex.Pattern[str]:
    """Compile the scanner's pattern for these lexicons (done once, then cached)."""
    number_words = _alternation(words.NUMBER_WORDS - {"un", "une"})
    scale_words = _alternation(lexicon.SCALE_WORDS)
    abbreviations = _alternation(
        set(lexicon.SCALE_ABBREVIATIONS) - lexicon.ABBREVIATIONS_NEEDING_CURRENCY
    )
    word_sep = r"(?:" + SPS + r"|-|‑)"
    after_un = (
        "(?:" + number_words + "|" + scale_words
        + r"|demie?|tiers|quarts?|euros?|dollars?|yens?|yuans?|francs?|livres?"
        r"|kilos?|kilomètres?|mètres?|tonnes?|litres?|hectares?)"
    )
    one_word = (
        r"(?i:(?:un|une)(?=" + word_sep + after_un + LETTER_END + ")|(?:" + number_words + "))"
        + LETTER_END
    )
    word_number = (
        one_word + r"(?:" + word_sep + r"(?:(?i:et)" + word_sep + r")?(?i:(?:"
        + number_words + r"|un|une))" + LETTER_END + r")*"
    )
    currency_symbols = trie_pattern(
        (s for s in currencies.symbols if not _has_letters(s)), glued_spaces=True
    )
    lettered_symbols = trie_pattern(
        (s for s in currencies.symbols if _has_letters(s)), glued_spaces=True
    )
    currency_codes = _alternation(currencies.codes)
    currency_names = trie_pattern(n.lower() for n in currencies.names)
    currency_after = (
        "(?i:" + lettered_symbols + r")(?![\p{L}\p{N}]|" + APOS + ")"
        "|(?:" + currency_symbols + r")(?![\p{L}\p{N}]|" + APOS + ")"
        "|(?:" + currency_codes + r")" + WORD_END
        + "|(?i:" + currency_names + ")" + LETTER_END
    )
    currency_before = (
        "(?i:" + lettered_symbols + ")|(?:" + currency_symbols + ")"
        "|(?:" + currency_codes + r")(?=" + GAP + r"\d)"
    )
    unit_after = (
        "(?:" + trie_pattern(units.symbols, glued_spaces=True) + r")(?![\p{L}\p{N}])"
        "|(?i:" + trie_pattern(units.names) + ")" + LETTER_END
    )
    scale = (
        "(?P<scale>(?i:" + scale_words + ")" + LETTER_END
        + "|(?:" + abbreviations + ")" + LETTER_END
        + r"|[GT](?=" + GAP + r"(?:[$€£¥]|[A-Z]{3}" + WORD_END + ")))"
    )
    fraction = r"(?P<fraction>(?i:trois" + SPS + "quarts|deux" + SPS + "tiers|demie?|quart|tiers))"
    percent = (
        r"(?P<percent>%|‰|(?i:pour" + SP + r"?cents?|pour-cent|pourcents?|pourcentages?)"
        + LETTER_END + ")"
    )
    de = r"(?:(?i:de|des)" + SPS + "|(?i:d)" + APOS + SP + "?)"
    per_words = _alternation(lexicon.PER_WORDS)
    per_adjectives = _alternation(lexicon.PER_ADJECTIVES)
    per = (
        "(?:" + GAP + r"(?:(?i:par|le|la|l" + APOS + r"|chaque)" + SP + r"*|/" + SP + r"?)"
        + "(?P<per>(?i:" + per_words + "))" + LETTER_END
        + "|" + SPS + "(?P<per_adjective>(?i:" + per_adjectives + "))" + LETTER_END + ")"
    )
    figure = (
        r"(?:(?P<currency_before>" + currency_before + ")" + GAP + ")?"
        r"(?:(?P<sign>[\-−+])(?=\d))?"
        r"(?:(?P<digits>" + DIGITS + r")(?!\d)|(?P<dot_decimal>" + DOT_DECIMAL + r")"
        r"|(?P<words>" + word_number + "))"
        r"(?:" + GAP + scale + ")?"
        r"(?:" + SPS + r"(?i:et)" + SPS + fraction + LETTER_END + ")?"
        r"(?:" + GAP + percent
        + "|" + GAP + "(?:" + de + ")?(?P<currency>" + currency_after + ")"
        + "|" + GAP + "(?:" + de + ")?(?P<unit>" + unit_after + "))?"
        r"(?:" + per + ")?"
    )
    pattern = TOKEN_START + "(?:(?P<skip>" + SKIP + ")|" + figure + ")"
    return regex.compile(pattern, regex.V0)
