"""How French copy writes physical units: names and symbols from CLDR (through Babel),
mapped to pint unit names, plus the symbols of the energy trade CLDR lacks (MWh, TWh…).

Only the mapping from a CLDR unit id to a pint name is typed here; the French words
(``kilomètres``, ``degrés Celsius``) and symbols (``km``, ``°C``) come from CLDR.
A test checks that every pint name below is understood by pint.
"""

from __future__ import annotations

import unicodedata

from ..records import Record
from .currencies import normalize_written

CLDR_TO_PINT: dict[str, str] = {
    "length-kilometer": "kilometer",
    "length-meter": "meter",
    "length-decimeter": "decimeter",
    "length-centimeter": "centimeter",
    "length-millimeter": "millimeter",
    "length-micrometer": "micrometer",
    "length-nanometer": "nanometer",
    "length-mile": "mile",
    "length-yard": "yard",
    "length-foot": "foot",
    "length-inch": "inch",
    "length-nautical-mile": "nautical_mile",
    "length-light-year": "light_year",
    "length-astronomical-unit": "astronomical_unit",
    "area-square-kilometer": "kilometer ** 2",
    "area-square-meter": "meter ** 2",
    "area-square-centimeter": "centimeter ** 2",
    "area-hectare": "hectare",
    "area-acre": "acre",
    "area-square-mile": "square_mile",
    "mass-tonne": "metric_ton",
    "mass-kilogram": "kilogram",
    "mass-gram": "gram",
    "mass-milligram": "milligram",
    "mass-microgram": "microgram",
    "mass-ounce": "ounce",
    "mass-carat": "carat",
    "energy-kilowatt-hour": "kilowatt_hour",
    "energy-kilojoule": "kilojoule",
    "energy-joule": "joule",
    "energy-kilocalorie": "kilocalorie",
    "energy-calorie": "calorie",
    "power-gigawatt": "gigawatt",
    "power-megawatt": "megawatt",
    "power-kilowatt": "kilowatt",
    "power-watt": "watt",
    "power-milliwatt": "milliwatt",
    "power-horsepower": "horsepower",
    "pressure-hectopascal": "hectopascal",
    "pressure-bar": "bar",
    "pressure-millibar": "millibar",
    "temperature-celsius": "degree_Celsius",
    "temperature-fahrenheit": "degree_Fahrenheit",
    "temperature-kelvin": "kelvin",
    "volume-cubic-kilometer": "kilometer ** 3",
    "volume-cubic-meter": "meter ** 3",
    "volume-liter": "liter",
    "volume-hectoliter": "hectoliter",
    "volume-deciliter": "deciliter",
    "volume-centiliter": "centiliter",
    "volume-milliliter": "milliliter",
    "volume-megaliter": "megaliter",
    "volume-gallon": "gallon",
    "volume-barrel": "oil_barrel",
    "speed-kilometer-per-hour": "kilometer_per_hour",
    "speed-meter-per-second": "meter_per_second",
    "speed-mile-per-hour": "mile_per_hour",
    "speed-knot": "knot",
    "duration-century": "century",
    "duration-year": "year",
    "duration-month": "month",
    "duration-week": "week",
    "duration-day": "day",
    "duration-hour": "hour",
    "duration-minute": "minute",
    "duration-second": "second",
    "digital-terabyte": "terabyte",
    "digital-gigabyte": "gigabyte",
    "digital-megabyte": "megabyte",
    "digital-kilobyte": "kilobyte",
    "digital-byte": "byte",
    "digital-bit": "bit",
    "angle-radian": "radian",
    "area-square-foot": "foot ** 2",
    "volume-cubic-foot": "foot ** 3",
    "volume-cubic-centimeter": "centimeter ** 3",
}

HOUSE_UNITS: dict[str, str] = {
    # Symbols and words of French copy that CLDR does not list.
    "MWh": "megawatt_hour",
    "GWh": "gigawatt_hour",
    "TWh": "terawatt_hour",
    "Wh": "watt_hour",
    "TW": "terawatt",
    "GW": "gigawatt",
    "kW": "kilowatt",
    "MW": "megawatt",
    "mégawattheure": "megawatt_hour",
    "mégawattheures": "megawatt_hour",
    "mégawatt-heure": "megawatt_hour",
    "mégawatts-heure": "megawatt_hour",
    "gigawattheure": "gigawatt_hour",
    "gigawattheures": "gigawatt_hour",
    "térawattheure": "terawatt_hour",
    "térawattheures": "terawatt_hour",
    "térawatt-heure": "terawatt_hour",
    "térawatts-heure": "terawatt_hour",
    "kilowattheure": "kilowatt_hour",
    "kilowattheures": "kilowatt_hour",
    "kilowatts-heure": "kilowatt_hour",
    "térawatt": "terawatt",
    "térawatts": "terawatt",
    "Mt": "megametric_ton",
    "Gt": "gigametric_ton",
    "mégatonne": "megametric_ton",
    "mégatonnes": "megametric_ton",
    "gigatonne": "gigametric_ton",
    "gigatonnes": "gigametric_ton",
    "kilo": "kilogram",
    "kilos": "kilogram",
    "km2": "kilometer ** 2",
    "m2": "meter ** 2",
    "m3": "meter ** 3",
    "km/h": "kilometer_per_hour",
    # CLDR has m/s but no km/s, the speed science copy gives for asteroids and probes
    # ("11,36 km/s ou 40.900 km/h")
    "km/s": "kilometer / second",
    "barils": "oil_barrel",
    "baril": "oil_barrel",
    "hl": "hectoliter",
    "L": "liter",
    "°C": "degree_Celsius",
    "° C": "degree_Celsius",
    "°F": "degree_Fahrenheit",
    "° F": "degree_Fahrenheit",
    "degrés Celsius": "degree_Celsius",
    "degré Celsius": "degree_Celsius",
    "degrés celsius": "degree_Celsius",
    "degrés C": "degree_Celsius",
    "degré C": "degree_Celsius",
    "deg celsius": "degree_Celsius",
    "deg c": "degree_Celsius",
    "celsius": "degree_Celsius",
    "centigrade": "degree_Celsius",
    "deg centigrade": "degree_Celsius",
    "degrés fahrenheit": "degree_Fahrenheit",
    "degrés F": "degree_Fahrenheit",
    "deg f": "degree_Fahrenheit",
    "fahrenheit": "degree_Fahrenheit",
    "degrés": "degree",
    "degré": "degree",
    "°": "degree",
    "deg.": "degree",
    "deg": "degree",
    "° Celsius": "degree_Celsius",
    "° celsius": "degree_Celsius",
    "° Fahrenheit": "degree_Fahrenheit",
    "° fahrenheit": "degree_Fahrenheit",
    "acre": "acre",
    "acres": "acre",
    "hectomètre": "hectometer",
    "hectomètres": "hectometer",
    "tonne métrique": "metric_ton",
    "tonnes métriques": "metric_ton",
    "ans": "year",
    "an": "year",
    "années": "year",
    "tep": "tonne_of_oil_equivalent",
    # Imperial symbols French copy quotes from English sources ("156 mph (251 km/h)",
    # "14 lb 8 oz", "6 ft 2"). "in" stays out: an English word; "livres" belongs to money.
    "mph": "mile_per_hour",
    "lb": "pound",
    "lbs": "pound",
    "ft": "foot",
    "psi": "psi",
    "noeuds": "knot",
    "noeud": "knot",
    "milles nautiques": "nautical_mile",
    "mille nautique": "nautical_mile",
    # after a number the head read as "mille" (see nautical.py): "deux mille nautiques",
    # "un mille marins"
    "mille nautiques": "nautical_mile",
    "mille marins": "nautical_mile",
    "miles/heure": "mile_per_hour",
    "miles/h": "mile_per_hour",
    "miles à l'heure": "mile_per_hour",
    "miles à l’heure": "mile_per_hour",
    "tonnes équivalent pétrole": "tonne_of_oil_equivalent",
    "once troy": "troy_ounce",
    "onces troy": "troy_ounce",
}
"""Written form -> pint unit name for what CLDR lacks. ``degrés`` alone is an angle or a
temperature: numlint keeps the plain ``degree`` and relates it to nothing else."""

SLIP_ONLY_UNITS: dict[str, str] = {"milles": "mile"}
"""Names that stand for two units: bare ``milles`` is the statute mile in Québec and the
nautical mile at sea (1 609 or 1 852 m). Read as the first, with
:attr:`.Mention.unit_assumed` set: enough to show a slip of a thousand against
kilometres, never a conversion a few percent off."""

SPEEDS: dict[str, str] = {
    # A length "par heure" / "/h" is a speed: "251 m/h" is metres per
    # hour (a thousandth of 251 km/h), not 251 metres.
    "kilometer": "kilometer_per_hour",
    "meter": "meter / hour",
    "mile": "mile_per_hour",
    "nautical_mile": "knot",
    "foot": "foot / hour",
}
"""Lengths counted per hour, as one speed unit."""
PER_SECOND: dict[str, str] = {
    "kilometer": "kilometer / second",
    "meter": "meter_per_second",
    "liter": "liter / second",
    "meter ** 3": "meter ** 3 / second",
}
"""Lengths and volumes counted per second, as one pint unit."""


def rate_unit(unit: str | None, per: str | None) -> str | None:
    """The pint unit of a quantity counted per hour or per second (``m/h``, ``miles par
    heure``, ``litres par seconde``), or None when it stays a quantity with a "per"."""
    if unit is None:
        return None
    if per == "heure":
        return SPEEDS.get(unit)
    if per == "seconde":
        return PER_SECOND.get(unit)
    return None


AMBIGUOUS_SHORT_FORMS = frozenset(
    {"h", "s", "s.", "j", "a", "an", "ans", "sem.", "m.", "c", "pi", "po", "al", "ua", "ac",
     "nd", "K", "′", "″"}
)
"""CLDR short forms too ambiguous in prose to stand for a unit: ``21 h 30`` is a time,
``2nd`` an ordinal, ``100K`` a hundred thousand; their long names (``heures``) still are."""


class UnitLexicon(Record):
    """Every written form of a unit numlint recognizes and its pint name."""

    by_form: dict[str, str]
    """Written form, as written (symbols) or normalized (names) -> pint unit name."""
    symbols: tuple[str, ...]
    """Case-sensitive forms (``km``, ``MW``, ``°C``)."""
    names: tuple[str, ...]
    """Words matched whatever their case (``kilomètres``)."""

    __slots__ = __match_args__ = ("by_form", "symbols", "names")

    def __init__(self, by_form: dict[str, str], symbols: tuple[str, ...],
                 names: tuple[str, ...]) -> None:
        object.__setattr__(self, "by_form", by_form)
        object.__setattr__(self, "symbols", symbols)
        object.__setattr__(self, "names", names)

    def lookup(self, written: str) -> str | None:
        compact = " ".join(written.replace("\u00a0", " ").replace("\u202f", " ").split())
        return self.by_form.get(compact) or self.by_form.get(normalize_written(written))


def _is_word(written: str) -> bool:
    """Words (``degrés C``, ``kilos``) match in any case; symbols (``Mt``, ``kW``) as written."""
    return len(written) > 3 and any(ch.islower() for ch in written) and all(
        ch.isalpha() or ch in " -'’" for ch in written
    )


def _without_accents(written: str) -> str:
    decomposed = unicodedata.normalize("NFD", written)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare)


def build_unit_lexicon() -> UnitLexicon:
    """Gather French unit names and symbols from CLDR (via Babel) and the house list."""
    from babel import Locale

    symbols: dict[str, str] = {}
    names: dict[str, str] = {}
    patterns = Locale.parse("fr")._data["unit_patterns"]
    for cldr_id, pint_name in CLDR_TO_PINT.items():
        if cldr_id not in patterns:
            continue
        for width, forms in patterns[cldr_id].items():
            for plural, pattern in forms.items():
                if plural == "per" or "{0}" not in pattern:
                    continue
                written = pattern.replace("{0}", "").strip(" \u00a0\u202f")
                if not written or written in AMBIGUOUS_SHORT_FORMS:
                    continue
                if width == "long":
                    names[normalize_written(written)] = pint_name
                else:
                    symbols[written] = pint_name
    for written, pint_name in {**HOUSE_UNITS, **SLIP_ONLY_UNITS}.items():
        symbols[written] = pint_name
    for written in [w for w in symbols if _is_word(w)]:
        names[normalize_written(written)] = symbols.pop(written)
    for written, pint_name in list(names.items()):
        names.setdefault(_without_accents(written), pint_name)  # "kilometres", "degres"
    by_form = {**names, **symbols}
    return UnitLexicon(
        by_form=by_form,
        symbols=tuple(sorted(symbols, key=len, reverse=True)),
        names=tuple(sorted(names, key=len, reverse=True)),
    )
