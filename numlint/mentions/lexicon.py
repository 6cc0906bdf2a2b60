"""French words around figures that are grammar, not data: scale words, hedges, "per" words,
months. This is where a French scale word is understood.
"""

from __future__ import annotations

SCALE_WORDS: dict[str, int] = {
    "mille": 3,
    "millier": 3,
    "milliers": 3,
    "million": 6,
    "millions": 6,
    "milliard": 9,
    "milliards": 9,
    "billion": 12,
    "billions": 12,
    "billiard": 15,
    "billiards": 15,
    "trillion": 18,
    "trillions": 18,
}
"""Scale words, whatever their case, and the power of ten they stand for. The French
``billion`` is 10^12: an English "billion" left untranslated is the classic slip."""

SCALE_ABBREVIATIONS: dict[str, int] = {
    "k": 3,
    "K": 3,
    "M": 6,
    "Mio": 6,
    "Md": 9,
    "Mds": 9,
    "Mrd": 9,
    "Mrds": 9,
    "Mia": 9,
    "G": 9,
    "Bn": 12,
    "T": 12,
}
"""Abbreviations, case-sensitive (``M`` is a million, ``m`` a metre). ``G`` and ``T`` count
only glued to a currency (``3,5 G€``): alone they are networks (``la 5G``) or tonnes."""

ABBREVIATIONS_NEEDING_CURRENCY = frozenset({"G", "T"})

FRACTION_WORDS: dict[str, tuple[int, int]] = {
    "demi": (1, 2),
    "demie": (1, 2),
    "quart": (1, 4),
    "tiers": (1, 3),
    "trois quarts": (3, 4),
    "deux tiers": (2, 3),
}
"""``et demi`` after a number or a scale word: ``un million et demi``, ``3 millions et demi``."""

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
    "tableau", "graphique", "amendement", "amendements", "question", "questions",
})
"""Words after which a bare number is a reference, not a quantity (``l'article 49``)."""
