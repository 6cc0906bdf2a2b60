"""NL306 english-thousands-comma."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .api import N_, Document, Example, Finding, Rule, TextEdit, compile_pattern, grouped

_THREE_DECIMALS = compile_pattern(r"\d{1,3},\d{3}")
_ENGLISH_LOOKING = compile_pattern(r"(?!0,)\d{1,3},\d00")
_RATE_GAP = compile_pattern(
    r"(?i)[\s\u00a0\u202f]*(?:=|:|pour|vaut|valait|équivaut[\s\u00a0\u202f]+à"
    r"|contre|s['’]échange[\s\u00a0\u202f]+contre)[\s\u00a0\u202f]*\Z"
)
_PER_ONE_AFTER = compile_pattern(
    r"(?i)[\s\u00a0\u202f]+(?:pour|par|contre)[\s\u00a0\u202f]+(?:1|un|une)"
    r"(?![\p{L}\d])"
)


def _states_a_rate(document: Document, index: int) -> bool:
    """``1 € pour 655,957 Fcfa``, ``6,559 francs pour un euro``: the value of one unit of
    another currency, an exchange rate, not an amount."""
    mention = document.mentions[index]
    if _PER_ONE_AFTER.match(document.text, mention.end):
        return True
    if index == 0:
        return False
    previous = document.mentions[index - 1]
    return (
        previous.kind == "money" and previous.value == 1
        and previous.currency != mention.currency
        and mention.start - previous.end <= 25
        and _RATE_GAP.fullmatch(document.text, previous.end, mention.start) is not None
    )


class EnglishThousandsComma(Rule):
    code = "NL306"
    name = "english-thousands-comma"
    severity = "warning"
    summary = "“1,500 dollars”: an English thousands comma read as a decimal comma."
    explanation = """\
## What it does

In French *1,500 dollars* is one and a half dollars; in an English text it is fifteen
hundred. An amount written with exactly three digits after the comma and no scale word
is almost always an English number pasted into French copy: prices are not given to the
tenth of a cent. This rule reports it and suggests *1 500*. The fix changes the value,
so it is unsafe.

Quantities are another matter: French gives metres in kilometres and grams in kilograms
(*42,195 km*, *0,750 l*), so a quantity is reported only when its three decimals end in
two zeros after a whole part other than zero (*2,000 tonnes*), which French would write
*2 tonnes*. Amounts counted per unit (*1,459 euro le litre*, fuel prices have three
decimals) and exchange rates (*1 € pour 655,957 Fcfa*) are left alone.

## Why it matters

The slip divides the figure by a thousand, silently.
"""
    examples = (
        Example("Le billet coûte {{1,500 dollars}}.", valid=False,
                fixed="Le billet coûte 1\u202f500 dollars."),
        Example("Le gazole coûte 1,459 euro le litre.", valid=True),
        Example("Le billet coûte 1,50 dollar.", valid=True),
        Example("Il a couru 42,195 km.", valid=True),
        Example("La parité est fixe : 1 € pour 655,957 francs CFA.", valid=True),
        Example("Une bouteille de 0,750 l.", valid=True),
        Example("La récolte atteint {{2,000 tonnes}}.", valid=False,
                fixed="La récolte atteint 2\u202f000 tonnes."),
    )

    def check(self, document: Document, settings: Mapping[str, Any]) -> Iterator[Finding]:
        for index, mention in enumerate(document.mentions):
            if mention.kind not in ("money", "quantity") or mention.scale or mention.per:
                continue
            if not _THREE_DECIMALS.fullmatch(mention.number.text):
                continue
            if mention.kind == "quantity" and not _ENGLISH_LOOKING.fullmatch(
                mention.number.text
            ):
                continue  # 42,195 km, 0,750 l: French precision
            if _states_a_rate(document, index):
                continue  # 1 € pour 655,957 Fcfa: exchange rates carry many decimals
            thousands = grouped(mention.number.text.replace(",", ""))
            yield Finding(
                mention.start,
                mention.end,
                N_("“{figure}” reads {value} in French; if this is an English number, write "
                   "{thousands}."),
                {"figure": mention.text, "value": mention.value, "thousands": thousands},
                edits=(TextEdit(*mention.number.span, thousands),),
                fix_description=N_("Write the number the French way"),
            )
