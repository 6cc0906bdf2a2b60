"""A mention's written pieces as :class:`Part` values, and the deprecated flat aliases
third-party rules may still read (this module reads them on purpose).

# parts-codemod: skip-file
"""

from __future__ import annotations

import dataclasses
import importlib

import pytest

import numlint
from numlint.rules import api

TEXT = "Il a coûté près de 3,5 milliards d’euros par an, de 3 à 5 millions de tonnes."


def test_each_part_is_the_text_written_at_its_span() -> None:
    first, low, high = numlint.mentions(TEXT)
    for mention in (first, low, high):
        parts = (mention.number, mention.scale, mention.written_unit, mention.written_hedge,
                 mention.written_per, mention.shared_scale, mention.shared_unit)
        for part in parts:
            if part is not None:
                assert TEXT[part.start : part.end] == part.text
                assert part.span == (part.start, part.end)
    assert (first.number.text, first.hedge_kind) == ("3,5", "nearly")
    assert first.written_hedge is not None and first.written_hedge.text == "près de"
    assert first.scale is not None and first.scale.text == "milliards"
    assert first.written_unit is not None and first.written_unit.text == "euros"
    assert first.written_per is not None and first.written_per.text == "par an"
    assert first.end == first.written_per.end
    assert low.shared_scale == high.scale and low.shared_unit == high.written_unit


def test_part_is_in_the_plugin_api() -> None:
    assert api.Part is importlib.import_module("numlint.mentions.model").Part
    part = api.Part("milliards", (4, 13))
    assert (part.text, part.start, part.end) == ("milliards", 4, 13)
    with pytest.raises(AttributeError):
        part.text = "millions"  # type: ignore[misc]


ALIASES = {
    "number_text": lambda m: m.number.text,
    "number_span": lambda m: m.number.span,
    "scale_text": lambda m: m.scale and m.scale.text,
    "scale_span": lambda m: m.scale and m.scale.span,
    "unit_text": lambda m: m.written_unit and m.written_unit.text,
    "unit_span": lambda m: m.written_unit and m.written_unit.span,
    "hedge": lambda m: m.written_hedge and m.written_hedge.text,
    "hedge_span": lambda m: m.written_hedge and m.written_hedge.span,
    "per_span": lambda m: m.written_per and m.written_per.span,
    "shared_scale_span": lambda m: m.shared_scale and m.shared_scale.span,
    "shared_unit_span": lambda m: m.shared_unit and m.shared_unit.span,
}


@pytest.mark.parametrize("name", sorted(ALIASES))
def test_a_deprecated_alias_reads_its_part_and_warns(name: str) -> None:
    for mention in numlint.mentions(TEXT):
        with pytest.warns(DeprecationWarning, match=name):
            value = getattr(mention, name)
        assert value == ALIASES[name](mention)
    first = numlint.mentions(TEXT)[0]
    with pytest.warns(DeprecationWarning):
        assert (first.hedge, first.hedge_span) == ("près de", first.written_hedge.span)
        assert first.unit_text == "euros" and first.scale_span == first.scale.span


def test_the_aliases_are_read_only() -> None:
    """A mention is frozen, and the old names build nothing: ``replace(m, number=…)``."""
    mention = numlint.mentions(TEXT)[0]
    with pytest.raises((AttributeError, TypeError)):
        mention.number_text = "4"  # type: ignore[misc]
    with pytest.raises(TypeError):
        dataclasses.replace(mention, number_text="4")  # type: ignore[call-arg]


@pytest.mark.parametrize("hedge", ["près de ", "environ\u00a0", "plus d’"])
def test_hedged_start_is_where_the_hedge_begins(hedge: str) -> None:
    text = f"Le rachat coûte {hedge}95 millions d’euros, et 3 km de route."
    hedged, plain = numlint.mentions(text)
    assert hedged.written_hedge is not None
    assert hedged.hedged_start == text.index(hedge) < hedged.start
    assert plain.written_hedge is None and plain.hedged_start == plain.start
