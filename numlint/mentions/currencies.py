"""How French copy names currencies: codes, symbols and names from CLDR (through Babel),
plus the few house defaults CLDR cannot give (``dollars`` alone means USD).

Everything a reader might write is gathered into :class:`CurrencyLexicon`: a map from the
normalized written form to an ISO 4217 code (or None where the form is ambiguous and we
will not guess), and the written forms the scanner must recognize.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

from ..records import Record

LOCALES = ("fr", "fr_FR", "fr_BE", "fr_CH", "fr_CA")

HOUSE_NAME_DEFAULTS: dict[str, str | None] = {
    # A bare head noun: the currency a French newsroom means unless told otherwise.
    "dollar": "USD",
    "dollars": "USD",
    "yen": "JPY",
    "yens": "JPY",
    "yuan": "CNY",
    "yuans": "CNY",
    "renminbi": "CNY",
    "renminbis": "CNY",
    "rouble": "RUB",
    "roubles": "RUB",
    "réal": "BRL",
    "réals": "BRL",
    "reais": "BRL",
    "real": "BRL",
    "reals": "BRL",
    "réaux": "BRL",
    "won": "KRW",
    "wons": "KRW",
    "shekel": "ILS",
    "shekels": "ILS",
    "zloty": "PLN",
    "zlotys": "PLN",
    "forint": "HUF",
    "forints": "HUF",
    "rand": "ZAR",
    "rands": "ZAR",
    "bitcoin": None,
    "bitcoins": None,
    # Qualified forms newsrooms write that CLDR does not list.
    "dollars américains": "USD",
    "dollar américain": "USD",
    "dollars us": "USD",
    "dollar us": "USD",
    "dollars usd": "USD",
    "dollars canadiens": "CAD",
    "livres britanniques": "GBP",
    "livre britannique": "GBP",
    "livres sterling": "GBP",
    "livre sterling": "GBP",
    "francs suisses": "CHF",
    "franc suisse": "CHF",
    # West (XOF) or Central (XAF) African: both at 655,957 per euro, so either converts
    # the same; XOF stands for both, marked as assumed.
    "francs cfa": "XOF",
    "franc cfa": "XOF",
    "francs cfp": "XPF",
    "franc cfp": "XPF",
    # Ambiguous heads: named as money, currency left open (see README, "do not guess").
    "franc": None,
    "francs": None,
    "couronne": None,
    "couronnes": None,
    "peso": None,
    "pesos": None,
    "roupie": "INR",
    "roupies": "INR",
    "dinar": None,
    "dinars": None,
    "rial": None,
    "rials": None,
    "riyal": None,
    "riyals": None,
    # Names real copy writes that CLDR gives only with their country adjective.
    "fcfa": "XOF",
    "f cfa": "XOF",
    "f.cfa": "XOF",  # « 0,15 € pour 100 F.CFA », Senegalese copy
    "cfa": "XOF",
    # Legacy currencies older stories convert (fixed euro parities, see rates.legacy).
    "peseta": "ESP",
    "pesetas": "ESP",
    "deutsche mark": "DEM",
    "deutsche marks": "DEM",
    "deutschemark": "DEM",
    "deutschemarks": "DEM",
    "mark allemand": "DEM",
    "marks allemands": "DEM",
    "ariary": "MGA",
    "naira": "NGN",
    "nairas": "NGN",
    "dirham": "MAD",
    "dirhams": "MAD",
    "cedi": "GHS",
    "cedis": "GHS",
    "kwanza": "AOA",
    "kwanzas": "AOA",
    "hryvnia": "UAH",
    "hryvnias": "UAH",
    "baht": "THB",
    "bahts": "THB",
    "ringgit": "MYR",
    "ringgits": "MYR",
    "tenge": "KZT",
    "tenges": "KZT",
    # Sub-units: the value is read in the main unit (``15 centimes`` -> 0,15 EUR), see
    # SUB_UNIT_FORMS. ``centimes`` alone are euro cents in a French newsroom, ``cents``
    # US cents (a Belgian house may set ``cents = EUR``).
    "cent": "USD",
    "cents": "USD",
    "centime": "EUR",
    "centimes": "EUR",
    "centime d'euro": "EUR",
    "centimes d'euro": "EUR",
    "cent d'euro": "EUR",
    "cents d'euro": "EUR",
    "centime de dollar": "USD",
    "centimes de dollar": "USD",
    "cent de dollar": "USD",
    "cents de dollar": "USD",
    "penny": "GBP",
    "pence": "GBP",
}
"""Written form (lower case) -> ISO code, or None when French copy leaves it open.

``livre``/``livres`` alone is not money at all: in French copy it is as often books or
pounds (mass) as sterling (see :data:`NOT_CURRENCIES_ALONE`). ``francs`` stays open:
French, Swiss, Belgian or CFA francs depend on the article.
"""

ASSUMED_QUALIFIED = frozenset({"franc cfa", "francs cfa", "f cfa"})
# ("cfa", "fcfa": one word, so assumed like every bare head.)
"""Qualified forms whose code is still a choice (XOF for XAF too): said as assumed."""

UNAMBIGUOUS_HEADS = frozenset({
    "ariary", "naira", "nairas", "penny", "pence", "peseta", "pesetas", "deutschemark",
    "deutschemarks",
})
"""Bare names only one currency bears: not marked as assumed."""

SUB_UNIT_FORMS: frozenset[str] = frozenset(
    form for form in HOUSE_NAME_DEFAULTS
    if form.split()[0] in ("cent", "cents", "centime", "centimes", "penny", "pence")
)
"""Written forms of a hundredth of a currency: ``15 centimes`` is read as 0,15 EUR."""

NOT_CURRENCIES_ALONE = frozenset({"livre", "livres"})
"""Heads that name a currency only once qualified (``livres sterling``, ``livre turque``):
``trois livres`` are books, ``deux livres`` of flour a weight. Never matched alone."""

HOUSE_SYMBOLS: dict[str, str | None] = {
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "US$": "USD",
    "USD$": "USD",
    "$USD": "USD",
    "$ USD": "USD",
    "$ US": "USD",
    "$US": "USD",
    "C$": "CAD",
    "CA$": "CAD",
    "CAD$": "CAD",
    "$CAD": "CAD",
    "$ CAD": "CAD",
    "$CAN": "CAD",
    "$ CAN": "CAD",
    "$ C": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "AUD$": "AUD",
    "HK$": "HKD",
    "$HK": "HKD",
    "$ HK": "HKD",
    "NZ$": "NZD",
    "NZD$": "NZD",
    "S$": "SGD",
    "MX$": "MXN",
    "MXN$": "MXN",
    "R$": "BRL",
    "CN¥": "CNY",
    "₹": "INR",
    "₽": "RUB",
    "₺": "TRY",
    "₩": "KRW",
    "₪": "ILS",
    "Fr.": "CHF",
    # Maghreb copy writes the dirham "DH" (or "Dh", "DHS"), the Tunisian dinar "DT" and the
    # Algerian dinar "DA" after the figure, spaced or glued to a scale: "35,2 Mds DH",
    # "921 MDT", "1,57 MdDT", "12 MMDH" (see GLUED_SYMBOLS).
    "DH": "MAD",
    "DHS": "MAD",
    "DT": "TND",
    "DA": "DZD",
}
"""Symbols as newsrooms write them. ``$`` alone is USD by default (a Canadian house sets
``"$" = "CAD"`` in its configuration); ``¥`` alone is the yen."""

CAPITALS_ONLY = frozenset({"DT", "DA"})
"""Symbols read in capitals only: ``10 Da Silva`` is a name, ``1 000 DA`` dinars."""
GLUED_SYMBOLS = frozenset({"DH", "DHS", "DT", "DA"})
"""Lettered symbols a scale abbreviation may be glued to, in capitals: ``MDT`` is millions
of dinars, ``MMDH`` milliards of dirhams (Moroccan copy's « mille millions »)."""

_X_CODES_IN_USE = frozenset({"XOF", "XAF", "XPF", "XCD"})
"""ISO codes in X are precious metals, test and accounting units, except these currencies."""

CODES_THAT_ARE_WORDS = frozenset({
    "ALL", "AMD", "BAM", "BOB", "COP", "CUP", "CVE", "GEL", "MAD", "MOP", "MUR", "PEN", "PHP",
    "SAR", "SOS", "TOP", "TRY",
})
"""ISO codes that are also acronyms or words in French copy (``la COP21``, ``le TOP 10``,
``CVE-2020-1234``, ``AMD``): never read as a currency code; their symbols and names
(``pesos colombiens``) still are."""


def _codes_in_circulation() -> frozenset[str]:
    """ISO codes of the currencies some territory uses today (CLDR), plus the CFA and CFP
    francs: a historical code (``IEP``, ``FRF``) in copy is more often an acronym."""
    from babel import Locale
    from babel.numbers import get_territory_currencies

    codes = set(_X_CODES_IN_USE)
    for territory in Locale.parse("en").territories:
        if isinstance(territory, str) and territory.isalpha():
            codes.update(get_territory_currencies(territory))
    return frozenset(codes)


_YEARS = regex.compile(r"\(\s*\d{4}")
_PARENTHESIS = regex.compile(r"\s*\(.*?\)")


@lru_cache(maxsize=4096)
def normalize_written(text: str) -> str:
    """The key a written form is looked up by: lower case, one plain space, plain apostrophe.

    Memoized: the scanner asks it for every currency, unit and hedge it meets, and copy
    repeats the same few forms (``dollars``, ``millions``, ``environ``).
    """
    text = unicodedata.normalize("NFC", text).replace("’", "'").replace("ʼ", "'")
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split()).lower()


class CurrencyLexicon(Record):
    """Every written form of a currency numlint recognizes, and what it stands for."""

    by_form: dict[str, str | None]
    """Normalized written form -> ISO code, or None (money, currency left open)."""
    assumed: frozenset[str]
    """Normalized forms whose code is a house default rather than unambiguous."""
    codes: frozenset[str]
    """ISO codes written as such (``EUR``, ``USD``): matched in capitals only."""
    names: tuple[str, ...]
    """Names and qualified names, matched whatever their case."""
    symbols: tuple[str, ...]
    """Symbols (``€``, ``$US``, ``£GB``), matched as written."""

    __slots__ = __match_args__ = ("by_form", "assumed", "codes", "names", "symbols")

    def __init__(self, by_form: dict[str, str | None] | None = None,
                 assumed: frozenset[str] = frozenset(), codes: frozenset[str] = frozenset(),
                 names: tuple[str, ...] = (), symbols: tuple[str, ...] = ()) -> None:
        object.__setattr__(self, "by_form", {} if by_form is None else by_form)
        object.__setattr__(self, "assumed", assumed)
        object.__setattr__(self, "codes", codes)
        object.__setattr__(self, "names", names)
        object.__setattr__(self, "symbols", symbols)

    def lookup(self, written: str) -> tuple[str | None, bool]:
        """ISO code for a written form and whether it is assumed (a house default)."""
        key = normalize_written(written)
        code = self.by_form.get(key)
        if code is None and key.upper() in self.codes:
            return key.upper(), False
        return code, code is not None and key in self.assumed

    def with_defaults(self, overrides: dict[str, str | None]) -> CurrencyLexicon:
        """A copy where some written forms mean another currency (house configuration)."""
        by_form = dict(self.by_form)
        assumed = set(self.assumed)
        for written, code in overrides.items():
            key = normalize_written(written)
            by_form[key] = code
            assumed.add(key)
        extra = [w for w in overrides if normalize_written(w) not in self._known_forms()]
        return CurrencyLexicon(
            by_form=by_form,
            assumed=frozenset(assumed),
            codes=self.codes,
            names=self.names + tuple(w for w in extra if not _is_symbol(w)),
            symbols=self.symbols + tuple(w for w in extra if _is_symbol(w)),
        )

    def _known_forms(self) -> set[str]:
        return {normalize_written(w) for w in (*self.names, *self.symbols)} | {
            c.lower() for c in self.codes
        }


def _is_symbol(written: str) -> bool:
    return not any(ch.isalpha() and ch.islower() for ch in written) and any(
        not ch.isalnum() for ch in written
    )


def build_currency_lexicon() -> CurrencyLexicon:
    """Gather the French currency forms of CLDR (via Babel) and the house defaults."""
    by_name, by_symbol = _cldr_forms(_known_codes())
    by_form: dict[str, str | None] = {}
    for forms in (by_name, by_symbol):
        for written, found in forms.items():
            by_form[normalize_written(written)] = next(iter(found)) if len(found) == 1 else None
    assumed = _add_house_forms(by_form)
    names = sorted(
        {*by_name, *HOUSE_NAME_DEFAULTS} - NOT_CURRENCIES_ALONE, key=len, reverse=True
    )
    for written in NOT_CURRENCIES_ALONE:
        by_form.pop(written, None)
    symbols = sorted({*by_symbol, *HOUSE_SYMBOLS}, key=len, reverse=True)
    return CurrencyLexicon(
        by_form=by_form,
        assumed=frozenset(assumed),
        codes=_codes_in_circulation() - CODES_THAT_ARE_WORDS,
        names=tuple(names),
        symbols=tuple(symbols),
    )


def _known_codes() -> frozenset[str]:
    """The ISO codes of CLDR, without the X codes of metals and funds (but the CFA ones)."""
    from babel.numbers import list_currencies

    return frozenset(
        c for c in list_currencies()
        if len(c) == 3 and c.isupper() and (not c.startswith("X") or c in _X_CODES_IN_USE)
    )


def _cldr_forms(codes: frozenset[str]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """The names and symbols of ``codes`` in the French locales, each with its codes."""
    from babel import Locale

    by_name: dict[str, set[str]] = {}
    by_symbol: dict[str, set[str]] = {}
    for locale_id in LOCALES:
        data = Locale.parse(locale_id)._data
        names = [(code, name) for code, name in data["currency_names"].items()]
        names += [(code, name) for code, forms in data["currency_names_plural"].items()
                  for name in forms.values()]
        for code, name in names:
            if code in codes:
                _add_name(by_name, name, code)
        for code, symbol in data["currency_symbols"].items():
            if code in codes and symbol != code and not symbol.isalpha() and symbol != "¤":
                by_symbol.setdefault(symbol, set()).add(code)
    return by_name, by_symbol


def _add_house_forms(by_form: dict[str, str | None]) -> set[str]:
    """Add the house's names and symbols to ``by_form``; the forms whose currency is a
    default (``dollars`` -> USD) rather than written."""
    assumed = set()
    for written, code in HOUSE_NAME_DEFAULTS.items():
        key = normalize_written(written)
        by_form[key] = code
        if written in UNAMBIGUOUS_HEADS:
            continue
        if written.split()[0] == written or written in ASSUMED_QUALIFIED:
            assumed.add(key)
    for written, code in HOUSE_SYMBOLS.items():
        by_form[normalize_written(written)] = code
    assumed.update(normalize_written(s) for s in ("$", "¥"))
    return assumed


def _add_name(by_name: dict[str, set[str]], name: str, code: str) -> None:
    """Keep current currency names; ``franc CFA (BCEAO)`` also gives ``franc CFA``."""
    if _YEARS.search(name):
        return  # "afghani (1927–2002)": a historical name nobody writes in copy
    by_name.setdefault(name, set()).add(code)
    bare = _PARENTHESIS.sub("", name).strip()
    if bare != name:
        by_name.setdefault(bare, set()).add(code)
