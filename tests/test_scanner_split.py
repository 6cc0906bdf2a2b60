"""The scan in two steps (head pattern, then tail lookups) finds what the one pattern found.

The reference scanner runs :func:`.pattern.reference_pattern_source` (every currency and
unit name in one pattern, ``un``/``une`` checked by the pattern) and the anchor passes with
the names inside; the scanner under test runs the head, the tail's trie lookups and the
named list of ``demi`` units. Both must give the same mentions on every text.
"""

from __future__ import annotations

import json
import re
from functools import cached_property
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from numlint.mentions.pattern import (
    Anchors,
    reference_anchor_sources,
    reference_pattern_source,
)
from numlint.mentions.scanner import Scanner
from numlint.mentions.standard import default_scanner

REPOSITORY = Path(__file__).resolve().parent.parent
PARAGRAPHS = REPOSITORY / "benchmarks" / "real_copy" / "paragraphs.jsonl"


class _Match:
    """A match of the one pattern, answering as a :class:`.figure.Figure`."""

    def __init__(self, match: regex.Match[str]) -> None:
        self._match = match
        self.span, self.start, self.end = match.span, match.start, match.end
        self.group = match.group

    def groups_by_name(self, _names: tuple[str, ...]) -> dict[str, str | None]:
        return {name: self._match.group(name) for name in self._match.re.groupindex}


class _ReferenceScanner(Scanner):
    @cached_property
    def reference(self) -> regex.Pattern[str]:
        return regex.compile(reference_pattern_source(self.currencies, self.units), regex.V0)

    @cached_property
    def anchors(self) -> Anchors:
        sources = reference_anchor_sources(self.currencies, self.units)
        return Anchors(**{name: re.compile(source) for name, source in sources.items()})

    @cached_property
    def _group_names(self) -> tuple[str, ...]:
        return ()

    def _anchor_positions(self, text: str):  # type: ignore[no-untyped-def]
        anchors = self.anchors
        for start, end in _chunks(text):
            chunk = text[start : end + 256]
            lowered = chunk.lower()
            if len(lowered) != len(chunk):
                lowered = "".join(c if len(low := c.lower()) != 1 else low for c in chunk)
            before = text[start - 1].lower()[:1] if start else " "
            positions = [m.start() for m in anchors.signs.finditer(chunk)]
            positions += [m.start(1) for m in anchors.sign_digits.finditer(chunk)]
            positions += [m.start() for m in anchors.words.finditer(before + lowered)]
            positions += [m.start() for m in anchors.links.finditer(lowered)]
            for position in sorted(positions):
                if position < end - start:
                    yield start + position

    def _figure_at(self, text, _head, position, timeout):  # type: ignore[no-untyped-def]
        found = self.reference.match(text, position, timeout=timeout)
        return None if found is None else _Match(found)


def _chunks(text: str):  # type: ignore[no-untyped-def]
    from numlint.mentions.scanner import _chunks as chunks

    return chunks(text)


@pytest.fixture(scope="module")
def scanners() -> tuple[Scanner, Scanner]:
    standard = default_scanner()
    return standard, _ReferenceScanner(standard.currencies, standard.units)


def _same(scanners: tuple[Scanner, Scanner], text: str) -> None:
    split, reference = scanners
    assert split.scan(text) == reference.scan(text), text


def test_real_copy_paragraphs_scan_alike(scanners) -> None:
    lines = PARAGRAPHS.read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines if line.strip()]
    assert len(texts) > 50
    for text in texts:
        _same(scanners, text)


EXAMPLES = [
    "une demi-heure, un demi-litre, une demi\u00a0tonne, deux demi-mètres carrés",
    "un chat, un million, une tonne, un an, une heure, un dollar, Un Euro, une\u202fdemi-heure",
    "15 dollars et 15 cents, 1 USD 23 centimes, 15 euros 50.",
    "-5 degrés sous zéro, moins 8 %, 30 000 euros nets annuels, 80 dollars le baril",
    "$15, nzd$15, 20 $ au total, puis 5 $ AU, 3 dollars américains, 10 kCHF",
    "251 m/h, 400 miles par heure, 14 lb 8 oz, 5 pieds 11 pouces, 3 km²",
    "18 septembre 2020, 21 h 30, 10:30, 49-3, https://x.fr/3-millions, www.a.fr",
    "trois cinquièmes, un cinquième des voix, un cinquième mandat, vingt-cinquième",
    "1,5 milliard d’euros, 2 milliards d'euros par an, 3,5 G$, 12 livres sterling",
]


@pytest.mark.parametrize("text", EXAMPLES)
def test_hand_picked_figures_scan_alike(scanners, text: str) -> None:
    _same(scanners, text)


PIECES = st.sampled_from([
    "un", "une", "Un", "demi", "demie", "-", "‑", " ", "\u00a0", "\u202f", "  ", "3", "12,5",
    "1 234", "million", "milliards", "de", "d’", "d'", "des", "dollars", "euros", "livres",
    "sterling", "heure", "heures", "litre", "tonne", "mètre", "carré", "km", "kg", "%",
    "par", "an", "le", "baril", "et", "cents", "sous", "zéro", "$", "€", "USD", "chat", ".",
    ",", "(", ")", "degrés", "celsius", "mille", "marin", "unité", "astronomique", "moins",
    "trois", "quarts", "vingt", "cinquième", "francs", "suisses", "\n",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=30).map("".join))
def test_generated_texts_scan_alike(scanners, text: str) -> None:
    _same(scanners, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=30).map("".join))
def test_anchor_positions_are_the_reference_ones(scanners, text: str) -> None:
    """``un``/``une`` looked up after the pass gives the positions the pattern with every
    name gave (the scan alone would hide a lone ``un`` the scanner drops anyway)."""
    split, reference = scanners
    assert sorted(set(split._anchor_positions(text))) == sorted(
        set(reference._anchor_positions(text))), text


def test_real_copy_anchor_positions_are_the_reference_ones(scanners) -> None:
    split, reference = scanners
    for line in PARAGRAPHS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            text = json.loads(line)["text"]
            assert sorted(set(split._anchor_positions(text))) == sorted(
                set(reference._anchor_positions(text))), text
