"""French words around figures that are grammar, not data: scale words, hedges, "per" words,
months. This is where a French scale word is understood.
"""

from __future__ import annotations

from . import scales

SCALE_WORDS: dict[str, int] = scales.word_exponents()
"""Scale words, whatever their case, and the power of ten they stand for. The French
``billion`` is 10^12: an English "billion" left untranslated is the classic slip."""

SCALE_ABBREVIATIONS: dict[str, int] = scales.abbreviation_exponents()
"""Abbreviations, case-sensitive (``M`` is a million, ``m`` a metre). ``G``, ``T`` and ``MM``
count only glued to a currency (``3,5 G€``, ``12 MMDH``): alone they are networks
(``la 5G``), tonnes or *Messieurs*."""

ABBREVIATIONS_NEEDING_CURRENCY = frozenset({"G", "T", "MM"})

MULTIPLIER_WORDS: dict[str, int] = {
    "douzaine": 12,
    "douzaines": 12,
}
"""Counting nouns that multiply the number before them (``3 douzaines`` -> 36) without
being a power of ten, so they keep ``scale_exponent`` at 0."""

FRACTION_NOUNS: dict[str, int] = {
    "demi": 2,
    "demie": 2,
    "tiers": 3,
    "quart": 4,
    "quarts": 4,
}
"""The fractions French names with a noun of their own (``deux tiers``, ``trois quarts``);
the others borrow the ordinal (``un cinquième``, ``trois centièmes``), see :mod:`.words`."""

FRACTION_WORDS: dict[str, tuple[int, int]] = {
    "demi": (1, 2),
    "demie": (1, 2),
    "quart": (1, 4),
    "tiers": (1, 3),
    "trois quarts": (3, 4),
    "deux tiers": (2, 3),
}
"""``et demi`` after a number or a scale word: ``un million et demi``, ``3 millions et demi``."""

VULGAR_FRACTIONS: dict[str, tuple[int, int]] = {
    "½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4), "⅕": (1, 5),
    "⅖": (2, 5), "⅗": (3, 5), "⅘": (4, 5), "⅙": (1, 6), "⅚": (5, 6), "⅛": (1, 8),
    "⅜": (3, 8), "⅝": (5, 8), "⅞": (7, 8),
}
"""Fraction characters (``2 ½ ans``, ``¾ des sondés``)."""

SUB_UNITS = frozenset({"cent", "cents", "centime", "centimes"})
"""What follows an amount to add hundredths: ``15 dollars et 15 cents``, ``1 USD 23 centimes``."""

HEDGES: dict[str, str] = {
    "environ": "about",
    "approximativement": "about",
    "à peu près": "about",
    "autour de": "about",
    "autour d'": "about",
    "aux alentours de": "about",
    "aux alentours d'": "about",
    "de l'ordre de": "about",
    "de l'ordre d'": "about",
    "quelque": "about",
    "grosso modo": "about",
    "plus ou moins": "about",
    "dans les": "about",
    "quasi": "nearly",
    "près de": "nearly",
    "près d'": "nearly",
    "presque": "nearly",
    "quasiment": "nearly",
    "pratiquement": "nearly",
    "pas loin de": "nearly",
    "pas loin d'": "nearly",
    "à peine": "nearly",
    "tout juste": "nearly",
    "plus de": "above",
    "plus d'": "above",
    "un peu plus de": "above",
    "un peu plus d'": "above",
    "à peine plus de": "above",
    "à peine plus d'": "above",
    "pas moins de": "above",
    "pas moins d'": "above",
    "au moins": "above",
    "au minimum": "above",
    "au bas mot": "above",
    "au-delà de": "above",
    "au-delà d'": "above",
    "au-dessus de": "above",
    "au-dessus d'": "above",
    "plus que": "above",
    "moins de": "below",
    "moins d'": "below",
    "un peu moins de": "below",
    "un peu moins d'": "below",
    "à peine moins de": "below",
    "à peine moins d'": "below",
    "pas plus de": "below",
    "pas plus d'": "below",
    "au plus": "below",
    "au maximum": "below",
    "jusqu'à": "below",
    "en dessous de": "below",
    "en-dessous de": "below",
    "au-dessous de": "below",
    "moins que": "below",
    "exactement": "exactly",
    "précisément": "exactly",
    "pile": "exactly",
}
"""The approximation or bound written in front of a figure, and what it allows."""

PER_WORDS: dict[str, str] = {
    "an": "an",
    "année": "an",
    "mois": "mois",
    "semaine": "semaine",
    "jour": "jour",
    "journée": "jour",
    "heure": "heure",
    "h": "heure",
    "minute": "minute",
    "seconde": "seconde",
    "habitant": "habitant",
    "hab.": "habitant",
    "personne": "personne",
    "tête": "personne",
    "foyer": "foyer",
    "ménage": "foyer",
    "famille": "famille",
    "élève": "élève",
    "étudiant": "étudiant",
    "salarié": "salarié",
    "emploi": "emploi",
    "enfant": "enfant",
    "patient": "patient",
    "action": "action",
    "titre": "action",
    "part": "part",
    "litre": "litre",
    "millilitre": "millilitre",
    "gallon": "gallon",
    "kilo": "kilo",
    "kg": "kilo",
    "tonne": "tonne",
    "baril": "baril",
    "mètre carré": "mètre carré",
    "m²": "mètre carré",
    "m2": "mètre carré",
    "kWh": "kWh",
    "MWh": "MWh",
    "unité": "unité",
}
"""What a figure may be counted per (``1 667 euros par mois``, ``80 dollars le baril``)."""

NOT_A_RATE_AFTER_ARTICLE = frozenset({
    "dernier", "dernière", "derniers", "dernières", "prochain", "prochaine", "passé", "passée",
    "suivant", "suivante", "précédent", "précédente", "même", "entière", "entier",
})
"""``80 dollars le baril`` is a rate; ``14 millions de dollars l'année dernière`` is a date:
after ``le``/``la``/``l'``, these words make the per word a time, not a denominator."""

MINUS_NOT_A_SIGN_AFTER = frozenset({
    "au", "d'au", "du", "pas", "ou", "le", "les", "la", "en", "rien", "bien", "fois",
})
"""``moins 8 %`` is negative; ``au moins 8 %``, ``plus ou moins 8 %`` are hedges and
``deux fois moins``, ``huit moins quatre`` comparisons or arithmetic (a number before
``moins`` is checked apart)."""

PER_ADJECTIVES: dict[str, str] = {
    "annuel": "an",
    "annuels": "an",
    "annuelle": "an",
    "annuelles": "an",
    "mensuel": "mois",
    "mensuels": "mois",
    "mensuelle": "mois",
    "mensuelles": "mois",
    "hebdomadaire": "semaine",
    "hebdomadaires": "semaine",
    "quotidien": "jour",
    "quotidiens": "jour",
    "quotidienne": "jour",
    "quotidiennes": "jour",
    "journalier": "jour",
    "journaliers": "jour",
    "horaire": "heure",
    "horaires": "heure",
}
"""Adjectives after an amount that make it a rate (``20 000 euros annuels``)."""

PERIODS_PER_YEAR: dict[str, int] = {"an": 1, "mois": 12}
"""Periods a rate may be restated in, by how many make a year (``4 500 € par mois, soit
54 000 € par an``). Weeks and days are left out: a year has 52 weeks or 47 worked ones,
365 days or about 220 worked ones, and copy does not say which."""

MONTHS = (
    "janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août",
    "aout", "septembre", "octobre", "novembre", "décembre", "decembre",
    "janv.", "févr.", "fév.", "avr.", "juil.", "sept.", "oct.", "nov.", "déc.",
)

REFERENCE_WORDS = frozenset({
    "article", "articles", "art.", "alinéa", "alinéas", "n°", "no", "numéro", "numéros",
    "chapitre", "page", "pages", "p.", "pp.", "section", "titre", "livre", "tome", "volume",
    "vol.", "annexe", "paragraphe", "point", "points", "ligne", "lignes", "saison", "épisode",
    "version", "v.", "rue", "avenue", "boulevard", "bd", "route", "autoroute", "départment",
    "département", "loi", "décret", "circulaire", "directive", "règlement", "résolution",
    "acte", "phase", "étape", "niveau", "catégorie", "classe", "groupe", "table", "figure",
    "tableau", "graphique", "amendement", "amendements", "question", "questions", "cop",
})
"""Words after which a bare number is a reference, not a quantity (``l'article 49``)."""
