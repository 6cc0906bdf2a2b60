"""NL302 digit-grouping."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .api import (
    N_,
    NARROW_NO_BREAK_SPACE,
    Document,
    Example,
    Finding,
    Rule,
    Setting,
    TextEdit,
    compile_pattern,
    grouped,
)

_UNGROUPED = compile_pattern(r"[+\-−]?\d{5,}(?:,\d+)?")
_OTHER_GROUPS = compile_pattern(r"[+\-−]?\d{1,3}(?:[.'’]\d{3})+(?:,\d+)?")


class DigitGrouping(Rule):
    code = "NL302"
    name = "digit-grouping"
    severity = "warning"
    summary = "Thousands not grouped, or grouped with dots or apostrophes."
    explanation = """\
## What it does

French groups the digits of large numbers by three with a narrow no-break space
(U+202F, as CLDR and the *Imprimerie nationale* do): *12 345 678*. This rule reports
numbers of five digits or more written in one block (*10000 euros*) and numbers grouped
with dots or apostrophes (*2.000 euros*, *1’000*), and regroups them. The value does not
change, so the fix is safe. Years, postcodes and references (*49.3*) are not figures
for numlint and are never reported.

Off by default: interview transcripts and agency copy are full of dotted thousands, and
a house may prefer another separator (setting `separator`).

## Why it matters

*2.000* reads as two in much of the world; a block of eight digits cannot be read at a
glance.
"""
    enabled_by_default = False
    examples = (
        Example("Il a reçu {{10000 euros}}.", valid=False,
                fixed="Il a reçu 10\u202f000 euros."),
        Example("Il doit payer {{89.000 euros}} fin novembre.", valid=False,
                fixed="Il doit payer 89\u202f000 euros fin novembre."),
        Example("Il a reçu 10\u202f000 euros, et 2500 euros en 2019.", valid=True),
    )
    settings = (
        Setting("separator", NARROW_NO_BREAK_SPACE,
                "The group separator to write (default U+202F narrow no-break space).",
                kind=str),
    )

    def check(self, document: Document, settings: Mapping[str, Any]) -> Iterator[Finding]:
        separator = settings["separator"]
        for mention in document.mentions:
            written = mention.number.text
            if not (_UNGROUPED.fullmatch(written) or _OTHER_GROUPS.fullmatch(written)):
                continue
            if mention.decimals and "," not in written:
                continue  # a dot decimal: NL301's
            fixed = grouped(written, separator)
            if fixed == written:
                continue
            yield Finding(
                mention.start,
                mention.end,
                N_("“{figure}”: group the thousands with a narrow no-break space."),
                {"figure": mention.text},
                edits=(TextEdit(*mention.number.span, fixed),),
                safety="safe",
                fix_description=N_("Group the thousands"),
            )
