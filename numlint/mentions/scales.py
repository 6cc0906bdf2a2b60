"""The French scale words, once: what each one is worth, how it is written, what an English
writer meant by it.

Every table that needs a scale — the scanner's words and abbreviations, the number-word
grammar, the rewriting of a figure at another power of ten, the English *billion* — is
derived from :data:`SCALES`, so a scale is added or corrected in one place.
"""

from __future__ import annotations

from ..records import Record


class Scale(Record):
    """One scale: ``10 ** exponent``.

    ``other_words`` are nouns of the same power that a fix never writes (``milliers``);
    ``abbreviations`` are case-sensitive (``M`` is a million, ``m`` a metre);
    ``english_exponent`` is what the word means when an English text is left untranslated
    (*billion* is 10^12 in French, 10^9 in English); ``rewritable`` says whether a fix may
    write this word (nobody writes *billiard*)."""

    exponent: int
    singular: str
    plural: str
    other_words: tuple[str, ...]
    abbreviations: tuple[str, ...]
    english_exponent: int | None
    rewritable: bool

    __slots__ = __match_args__ = (
        "exponent", "singular", "plural", "other_words", "abbreviations", "english_exponent",
        "rewritable",
    )

    def __init__(self, exponent: int, singular: str, plural: str,
                 other_words: tuple[str, ...] = (), abbreviations: tuple[str, ...] = (),
                 english_exponent: int | None = None, rewritable: bool = True) -> None:
        object.__setattr__(self, "exponent", exponent)
        object.__setattr__(self, "singular", singular)
        object.__setattr__(self, "plural", plural)
        object.__setattr__(self, "other_words", other_words)
        object.__setattr__(self, "abbreviations", abbreviations)
        object.__setattr__(self, "english_exponent", english_exponent)
        object.__setattr__(self, "rewritable", rewritable)

    @property
    def words(self) -> tuple[str, ...]:
        """Every word of this scale, singular first, each once."""
        return tuple(dict.fromkeys((self.singular, self.plural, *self.other_words)))

    @property
    def is_number_word(self) -> bool:
        """Whether the number-word grammar reads it as a scale (``deux millions``). *mille*
        is a cardinal of its own there (``deux mille trois``), not a scale."""
        return self.exponent >= 6


SCALES: tuple[Scale, ...] = (
    Scale(3, "mille", "mille", other_words=("millier", "milliers"), abbreviations=("k", "K")),
    Scale(6, "million", "millions", abbreviations=("M", "Mio")),
    Scale(9, "milliard", "milliards",
          abbreviations=("Md", "Mds", "Mrd", "Mrds", "mds", "mrd", "mrds", "Mia", "G", "MM")),
    Scale(12, "billion", "billions", abbreviations=("Bn", "T"), english_exponent=9),
    Scale(15, "billiard", "billiards", rewritable=False),
    Scale(18, "trillion", "trillions", english_exponent=12),
)
"""The scales, smallest first. ``G``, ``T`` and ``MM`` count only glued to a currency (see
:data:`numlint.mentions.lexicon.ABBREVIATIONS_NEEDING_CURRENCY`)."""


def word_exponents() -> dict[str, int]:
    """Every scale word (lower case) -> its power of ten."""
    return {word: scale.exponent for scale in SCALES for word in scale.words}


def abbreviation_exponents() -> dict[str, int]:
    """Every scale abbreviation, as written -> its power of ten."""
    return {abbreviation: scale.exponent for scale in SCALES
            for abbreviation in scale.abbreviations}


def number_word_exponents() -> dict[str, int]:
    """The scale words the number-word grammar reads (``un milliard vingt-cinq millions``)."""
    return {word: scale.exponent for scale in SCALES if scale.is_number_word
            for word in (scale.singular, scale.plural)}


def written_forms() -> dict[int, tuple[str, str]]:
    """Power of ten -> (singular, plural) of the word a fix writes for it."""
    return {scale.exponent: (scale.singular, scale.plural) for scale in SCALES
            if scale.rewritable}


def english_exponents() -> dict[str, int]:
    """A scale word an English text uses (lower case) -> what it means in English."""
    return {word: scale.english_exponent for scale in SCALES
            if scale.english_exponent is not None
            for word in (scale.singular, scale.plural)}
