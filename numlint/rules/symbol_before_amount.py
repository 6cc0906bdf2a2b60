"""NL304 symbol-before-amount."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .api import N_, NO_BREAK_SPACE, Document, Example, Finding, Mention, Rule, TextEdit

CURRENCY_WORDS = {
    "EUR": ("euro", "euros"),
    "USD": ("dollar", "dollars"),
    "GBP": ("livre sterling", "livres sterling"),
    "JPY": ("yen", "yens"),
    "CHF": ("franc suisse", "francs suisses"),
    "CNY": ("yuan", "yuans"),
    "CAD": ("dollar canadien", "dollars canadiens"),
    "AUD": ("dollar australien", "dollars australiens"),
}
"""How copy names the common currencies after a scale word (``4,5 milliards de dollars``)."""


class SymbolBeforeAmount(Rule):
    code = "NL304"
    name = "symbol-before-amount"
    severity = "warning"
    summary = "A currency sign or code in front of the amount, as in English."
    explanation = """\
## What it does

French writes the currency after the amount: *20 €*, *4,5 milliards de dollars*, not
*€20* or *$4,5 milliards*. This rule reports a currency sign or code in front of an
amount and moves it after, with a no-break space (*20 €*, *10 k$*); after a scale word it
writes the currency's name (*4,5 milliards de dollars*), which is how French copy reads.
The value does not change, so the fix is safe.

## Why it matters

A sign in front is a calque of English, frequent in translated dispatches, and some
readers take *$4,5 milliards* for a typo.
"""
    examples = (
        Example("Le billet coûte {{€20}}.", valid=False, fixed="Le billet coûte 20\u00a0€."),
        Example("Un contrat de {{$4,5 milliards}} a été signé.", valid=False,
                fixed="Un contrat de 4,5 milliards de dollars a été signé."),
        Example("Un contrat de 4,5 milliards de dollars (20 €) a été signé.", valid=True),
    )

    def check(self, document: Document, settings: Mapping[str, Any]) -> Iterator[Finding]:
        for mention in document.mentions:
            if mention.kind != "money" or mention.written_unit is None:
                continue
            if mention.written_unit.start >= mention.number.start:
                continue
            edits = _moved(document.text, mention)
            yield Finding(
                mention.start,
                mention.end,
                N_("“{figure}”: in French the currency follows the amount."),
                {"figure": mention.text},
                edits=edits,
                safety="safe",
                fix_description=N_("Put the currency after the amount"),
            )


def _moved(text: str, mention: Mention) -> tuple[TextEdit, ...]:
    sign_start, _sign_end = (mention.written_unit.span if mention.written_unit else (0, 0))
    sign = (mention.written_unit.text if mention.written_unit else "").strip()
    end = mention.end
    amount = text[mention.number.start : end]
    if mention.scale and mention.scale.text[1:].islower() and len(mention.scale.text) > 3:
        names = CURRENCY_WORDS.get(mention.currency or "")
        if names is None:
            return ()
        name = names[1] if abs(mention.value) >= 2 else names[0]
        return (TextEdit(sign_start, end, f"{amount} de {name}"),)
    glue = "" if mention.scale else NO_BREAK_SPACE
    return (TextEdit(sign_start, end, f"{amount}{glue}{sign}"),)
