"""Currencies read from the context rather than written with the figure.

Real copy names a currency once and then writes bare scaled figures (``en wons,
2 500 milliards (17,6 millions d'euros)``), or writes a name French leaves open and lets
the story settle it (``1 200 livres`` in a London story, ``30 francs`` in a Geneva one).
This pass runs after the scan, on its mentions; what it gives is marked
:attr:`.Mention.currency_inherited`, with :attr:`.Mention.currency_source_span` pointing
at the words that gave it, so a rule can weigh the weaker evidence (warn, not err).
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache, cached_property

import regex

from ..matching import lazy_pattern
from ..records import Record
from .currencies import CurrencyLexicon, normalize_written
from .model import Mention, Part
from .written_names import WrittenCurrencies

WINDOW = 600
"""How far back (characters, within the paragraph) a currency may be read from."""
MIN_EXPONENT = 6
"""Only figures in millions and more take a currency from context: a bare ``12`` or
``3 000`` is too often a count."""

_SP = r"[\x20\u00a0\u202f]"
_LIVRES_REACH = 16
"""How far after a figure ``livres`` may start (`` de livres``, two spaces at most)."""
_BRITISH = (
    r"£|\bGBP\b|(?i:sterling|royaume[-‑ ]uni|britanni\p{L}*|londres|londonien\p{L}*"
    r"|angleterre|anglais\p{L}*|écosse|écossais\p{L}*|pays[-‑ ]de[-‑ ]galles|downing street)"
)
_WEIGHT = (
    r"(?i:pès\p{L}*|pes(?:ait|aient|ant|é|ée|er)|poids|kilos?|kilogrammes?|kg)"
)
"""Words that make bare ``livres`` a weight (``19,1 kilos (42 livres)``, ``il pèse...``)."""
_BY_COUNTRY: dict[str, tuple[tuple[str, str], ...]] = {
    # A head French leaves open, and the country words that settle it in a paragraph.
    "dinar": (
        ("TND", r"tunisi\p{L}*"), ("DZD", r"algéri\p{L}*"), ("LYD", r"liby\p{L}*"),
        ("KWD", r"koweï?t\p{L}*"), ("JOD", r"jordani\p{L}*"), ("IQD", r"ira[kq]\p{L}*"),
        ("BHD", r"bahreï?n\p{L}*"), ("RSD", r"serb\p{L}*"),
    ),
    "peso": (
        ("ARS", r"argentin\p{L}*"), ("MXN", r"mexi\p{L}*"), ("COP", r"colombi\p{L}*"),
        ("CLP", r"chili\p{L}*"), ("PHP", r"philippin\p{L}*"), ("UYU", r"urugua\p{L}*"),
        ("CUP", r"cuba\p{L}*"),
    ),
    "couronne": (
        ("SEK", r"su[eè]d\p{L}*"), ("DKK", r"dan(?:ois|emark)\p{L}*"),
        ("NOK", r"norv[eè]g\p{L}*"), ("CZK", r"tch[eè]qu\p{L}*"),
        ("ISK", r"island\p{L}*"),
    ),
}
"""``29,6 milliards de dinars`` in a story about Tunisia are Tunisian dinars: the head
takes the currency of the one country its paragraph names (two countries: left open)."""
_SWISS = (
    r"\bCHF\b|(?i:suisses?|helvéti\p{L}*|genève|genevois\p{L}*|zurich|zurichois\p{L}*"
    r"|berne|bernois\p{L}*|lausanne|vaudois\p{L}*|bâle|bâlois\p{L}*|tessin|lucerne"
    r"|confédération)"
)


@cache
def _helpers() -> dict[str, regex.Pattern[str]]:
    return {
        "british": lazy_pattern(_BRITISH),
        "weight": lazy_pattern(r"(?<!\p{L})" + _WEIGHT + r"(?!\p{L})"),
        "converts": lazy_pattern(_SP + r"*(?:\(|[,:]?" + _SP + r"*(?i:soit|ou|=))"
                                    + _SP + r"*"),
        **{
            f"country-{head}": lazy_pattern(
                r"(?<!\p{L})(?i:" + "|".join(f"(?P<{code}>{words})" for code, words in rows)
                + r")"
            )
            for head, rows in _BY_COUNTRY.items()
        },
        "swiss": lazy_pattern(_SWISS),
        "livres": lazy_pattern(
            _SP + r"+(?:(?i:de" + _SP + r"+|d['’]))?(?P<unit>(?i:livres?))(?!\p{L})"
        ),
        "counted": lazy_pattern(
            _SP + r"*(?:(?i:de|des|d)(?:['’]|" + _SP + r")"
            r"|(?!(?i:et|ou|soit|contre)(?!\p{L}))\p{L})"
        ),
        "opens": lazy_pattern(_SP + r"*\("),
        "total": lazy_pattern(
            _SP + r"*,?" + _SP + r"*(?i:soit|au" + _SP + r"+total|pour" + _SP + r"+un"
            + _SP + r"+total" + _SP + r"+de|sur" + _SP + r"+un" + _SP + r"+total"
            + _SP + r"+de)" + _SP + r"*:?" + _SP + r"*"
        ),
    }


class CurrencyContext(Record):
    """Gives currencies from context to the figures of one text (see the module doc)."""

    currencies: CurrencyLexicon

    __slots__ = ("__dict__",)  # the cached properties
    __match_args__ = ("currencies",)

    def __init__(self, currencies: CurrencyLexicon) -> None:
        object.__setattr__(self, "currencies", currencies)

    @cached_property
    def _names(self) -> WrittenCurrencies:
        """Currency names, codes and plain symbols written anywhere, with or without a figure."""
        symbols = [s for s in self.currencies.symbols if not any(c.isalpha() for c in s)]
        return WrittenCurrencies(self.currencies.names, self.currencies.codes, symbols)

    def warm(self) -> None:
        """Compile the patterns now (the standard scanner does, so no first call pays)."""
        _ = self._names, _helpers()

    def inherit(self, mentions: list[Mention], text: str) -> list[Mention]:
        """The mentions, each open currency settled by its context where the context says."""
        result = list(mentions)
        for index, mention in enumerate(result):
            if mention.kind == "number":
                given = self._livres(result, index, text) or self._from_context(
                    result, index, text
                )
            elif mention.kind == "money" and mention.currency is None:
                given = self._swiss_francs(mention, text) or self._by_country(mention, text)
            else:
                continue
            if given is not None:
                result[index] = given
        return result

    def _livres(self, mentions: list[Mention], index: int, text: str) -> Mention | None:
        """Bare ``livres`` after a figure: a weight, or pounds of the currency the context
        gives (books, and anything else, stay numbers).

        In order: a weight when a mass is its conversion (``19,1 kilos (42 livres)``) or
        its sentence weighs (``pèse``, ``poids``); the pounds its paragraph last named
        (``un euro valait 28,63 livres`` after ``livres turques``) or sterling in a
        British story; sterling, as a house default, when it is converted into another
        currency (``2 500 livres (2 990 euros)``: a conversion says it is money)."""
        mention = mentions[index]
        if mention.unit is not None or mention.per is not None:
            return None
        if "livre" not in text[mention.end : mention.end + _LIVRES_REACH].lower():
            return None  # the common case, without a regex call
        unit = _helpers()["livres"].match(text, mention.end)
        if unit is None:
            return None
        end = unit.end("unit")
        if _helpers()["counted"].match(text, end):
            return None  # "12 livres de farine", "3 millions de livres vendus"
        pounds = replace(mention, end=end, text=text[mention.start : end],
                         written_unit=Part(unit.group("unit"), unit.span("unit")))
        partner = self._converted_with(mentions, index, end, text)
        if (partner is not None and partner.kind == "quantity") or (
            partner is None and self._weighs(text, mention.start, end)
        ):
            return replace(pounds, kind="quantity", unit="pound")
        found = self._pounds_named(text, mention.start, end)
        if found is None and partner is not None and partner.kind == "money" and (
            partner.currency is not None
        ):
            # the conversion says it is money: the source spans « livres (2 990 euros »
            found = "GBP", (min(unit.start("unit"), partner.start),
                            max(end, (partner.written_unit or partner).end))
        if found is None:
            return None
        code, source = found
        return replace(pounds, kind="money", currency=code, currency_assumed=True,
                       currency_inherited=True, currency_source_span=source)

    def _converted_with(
        self, mentions: list[Mention], index: int, end: int, text: str
    ) -> Mention | None:
        """The figure the one ending at ``end`` is converted into, or from: the next one
        after ``(``, ``soit``, ``ou``, ``=``; or the one before it opens a parenthesis on."""
        converts = _helpers()["converts"]
        if index + 1 < len(mentions):
            following = mentions[index + 1]
            start = following.hedged_start
            if start >= end and converts.fullmatch(text, end, start):
                return following
        if index > 0:
            previous = mentions[index - 1]
            current = mentions[index]
            start = current.hedged_start
            if "(" in text[previous.end : start] and converts.fullmatch(
                text, previous.end, start
            ):
                return previous
        return None

    def _weighs(self, text: str, start: int, end: int) -> bool:
        sentence = _sentence_start(text, start)
        stop = _sentence_end(text, end)
        return _helpers()["weight"].search(text, sentence, stop) is not None

    def _pounds_named(self, text: str, start: int, end: int) -> tuple[str, tuple[int, int]] | None:
        """The pounds the context names: the last qualified ``livre`` of the paragraph
        before the figure (``livres turques``), or sterling in a British story, the nearer."""
        paragraph = _paragraph_start(text, start)
        qualified = None
        for span in self._names.finditer(text, max(paragraph, start - WINDOW), start):
            written = text[span[0] : span[1]]
            code, _ = self.currencies.lookup(written)
            if normalize_written(written).startswith("livre") and code is not None:
                qualified = code, span
        british = _last(_helpers()["british"], text, paragraph,
                        min(len(text), end + WINDOW // 2))
        if qualified is not None and (
            british is None or abs(start - qualified[1][1]) <= abs(start - british[0])
        ):
            return qualified
        return ("GBP", british) if british is not None else None

    def _swiss_francs(self, mention: Mention, text: str) -> Mention | None:
        """``30 francs`` in a Swiss story: Swiss francs (French, Belgian or CFA elsewhere)."""
        if mention.written_unit is None or normalize_written(mention.written_unit.text) not in (
            "franc", "francs"
        ):
            return None
        source = _last(_helpers()["swiss"], text, _paragraph_start(text, mention.start),
                       min(len(text), mention.end + WINDOW // 2))
        if source is None:
            return None
        return replace(mention, currency="CHF", currency_assumed=True, currency_inherited=True,
                       currency_source_span=source)

    def _by_country(self, mention: Mention, text: str) -> Mention | None:
        """``29,6 milliards de dinars`` in a Tunisian story: Tunisian dinars (see
        :data:`_BY_COUNTRY`); two countries of that currency named: left open."""
        if mention.written_unit is None:
            return None
        head = normalize_written(mention.written_unit.text).rstrip("s")
        if head not in _BY_COUNTRY:
            return None
        paragraph = _paragraph_start(text, mention.start)
        stop = min(len(text), mention.end + WINDOW // 2)
        codes: dict[str, tuple[int, int]] = {}
        named: dict[str, tuple[int, int]] = {}
        for found in _helpers()[f"country-{head}"].finditer(text, paragraph, stop):
            code = next(name for name, value in found.groupdict().items() if value)
            codes.setdefault(code, found.span())
            if _names_the_head(text, found.start(), head):
                named.setdefault(code, found.span())
        if len(codes) != 1:
            codes = named  # "dinars algériens" in a story naming Tunisia and Morocco too
        if len(codes) != 1:
            return None
        [(code, source)] = codes.items()
        return replace(mention, currency=code, currency_assumed=True, currency_inherited=True,
                       currency_source_span=source)

    def _from_context(self, mentions: list[Mention], index: int, text: str) -> Mention | None:
        """A bare scaled figure takes the currency its paragraph last named, or the one of
        the total it is a part of (``3,2 et 2,1 millions, soit 6,3 millions d'euros``)."""
        mention = mentions[index]
        if mention.scale_exponent < MIN_EXPONENT or mention.unit is not None:
            return None
        if mention.per is not None or _helpers()["counted"].match(text, mention.end):
            return None  # "12 millions d'habitants", "3 millions seulement"
        found = self._total_after(mentions, index, text)
        if found is None:
            converted_into = self._converted_into(mentions, index, text)
            found = self._named_before(mentions, index, text, converted_into)
        if found is None:
            return None
        code, assumed, source = found
        return replace(mention, kind="money", currency=code, currency_assumed=assumed,
                       currency_inherited=True, currency_source_span=source)

    def _total_after(
        self, mentions: list[Mention], index: int, text: str
    ) -> tuple[str, bool, tuple[int, int]] | None:
        mention = mentions[index]
        run_end = mention.list_span[1] if mention.list_span else mention.end
        total = next((m for m in mentions[index + 1 :] if m.start >= run_end), None)
        if total is None or total.kind != "money" or total.currency is None:
            return None
        start = total.hedged_start
        if not _helpers()["total"].fullmatch(text, run_end, start):
            return None
        return total.currency, total.currency_assumed, (total.written_unit or total).span

    def _converted_into(self, mentions: list[Mention], index: int, text: str) -> str | None:
        """The currency of a conversion in parentheses right after the figure, if any."""
        mention = mentions[index]
        opened = _helpers()["opens"].match(text, mention.end)
        if opened is None or index + 1 >= len(mentions):
            return None
        following = mentions[index + 1]
        if following.start - opened.end() > 20 or following.kind != "money":
            return None
        return following.currency

    def _named_before(
        self, mentions: list[Mention], index: int, text: str, not_this: str | None
    ) -> tuple[str, bool, tuple[int, int]] | None:
        """The nearest currency written before the figure in its paragraph, other than the
        one it is converted into (``2 500 milliards (17,6 millions d'euros)`` is not in euros)."""
        mention = mentions[index]
        start = max(_paragraph_start(text, mention.start), mention.start - WINDOW)
        for span in reversed(list(self._names.finditer(text, start, mention.start))):
            code, assumed = self.currencies.lookup(text[span[0] : span[1]])
            if code is not None and code != not_this:
                return code, assumed, span
        return None


def _names_the_head(text: str, start: int, head: str) -> bool:
    """Whether the country word at ``start`` is the adjective of the currency's own name
    (``dinars algériens``): the paragraph then names which dinars it counts in."""
    window = text[max(0, start - len(head) - 3) : start]
    stripped = window.rstrip(" \u00a0\u202f")
    return len(stripped) < len(window) and stripped.lower().endswith((head, head + "s"))


def _paragraph_start(text: str, position: int) -> int:
    found = text.rfind("\n\n", 0, position)
    return 0 if found < 0 else found + 2


def _sentence_start(text: str, position: int) -> int:
    return max(text.rfind(stop, 0, position) for stop in (". ", "! ", "? ", "\n")) + 1


def _sentence_end(text: str, position: int) -> int:
    ends = [found for stop in (". ", "! ", "? ", "\n") if (found := text.find(stop, position)) >= 0]
    return min(ends, default=len(text))


def _last(pattern: regex.Pattern[str], text: str, start: int, end: int) -> tuple[int, int] | None:
    found = None
    for match in pattern.finditer(text, start, end):
        found = match.span()
    return found
