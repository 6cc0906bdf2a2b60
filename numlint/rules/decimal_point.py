"""NL301 decimal-point."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .api import N_, Document, Example, Finding, Rule, TextEdit, compile_pattern

_DOT_DECIMAL = compile_pattern(r"[+\-−]?\d+\.\d+")


class DecimalPoint(Rule):
    code = "NL301"
    name = "decimal-point"
    severity = "warning"
    summary = "A decimal point where French writes a decimal comma."
    explanation = """\
## What it does

Finds numbers written with a decimal point before a scale word, a unit, a currency or a
percent sign (*1.9 million*, *6.7 %*) and writes the French decimal comma instead
(*1,9 million*, *6,7 %*). The value does not change, so the fix is safe.

Bare numbers with a dot (*l'article 49.3*, *GPT-3.5*) are references, not decimals, and
dot-grouped thousands (*2.000 euros*) are read as thousands: neither is reported here
(see NL302 for the thousands).

## Why it matters

In French the dot is not a decimal mark: a reader may take *1.500* for fifteen hundred.
The dot usually comes from an agency dispatch or a spreadsheet pasted into the copy.
"""
    examples = (
        Example("Le pays compte {{1.9 million}} d'habitants.", valid=False,
                fixed="Le pays compte 1,9 million d'habitants."),
        Example("Le déficit atteint {{6.7%}} du PIB.", valid=False,
                fixed="Le déficit atteint 6,7% du PIB."),
        Example("Le pays compte 1,9 million d'habitants.", valid=True),
        Example("Le gouvernement a recours à l'article 49.3.", valid=True),
    )

    def check(self, document: Document, settings: Mapping[str, Any]) -> Iterator[Finding]:
        for mention in document.mentions:
            if not mention.decimals or not _DOT_DECIMAL.fullmatch(mention.number.text):
                continue
            start, end = mention.number.span
            fixed = mention.number.text.replace(".", ",")
            yield Finding(
                mention.start,
                mention.end,
                N_("“{figure}”: French writes a decimal comma ({fixed})."),
                {"figure": mention.text, "fixed": fixed},
                edits=(TextEdit(start, end, fixed),),
                safety="safe",
                fix_description=N_("Write a decimal comma"),
            )
