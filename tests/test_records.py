"""A Record behaves as the frozen dataclass it replaces: repr, ==, hash, pickle, copy."""

from __future__ import annotations

import copy
import pickle
from dataclasses import dataclass
from decimal import Decimal

import pytest

from numlint.diagnostics import Edit, Fix
from numlint.i18n import Phrase
from numlint.records import Record
from numlint.rules.registry import LoadError


class Point(Record):
    x: int
    label: str

    __slots__ = __match_args__ = ("x", "label")

    def __init__(self, x: int, label: str = "") -> None:
        object.__setattr__(self, "x", x)
        object.__setattr__(self, "label", label)


@dataclass(frozen=True, slots=True)
class DataPoint:
    x: int
    label: str = ""


@pytest.mark.parametrize("values", [(1, ""), (2, "a"), (-3, "é\u202f")])
def test_repr_eq_and_hash_are_a_frozen_dataclass_s(values: tuple[int, str]) -> None:
    point, data = Point(*values), DataPoint(*values)
    assert repr(point) == repr(data).replace("DataPoint", "Point")
    assert point == Point(*values)
    assert hash(point) == hash(data)  # both hash the tuple of the fields
    assert point != Point(values[0] + 1, values[1])
    assert point != data  # another class is never equal, as between dataclasses
    assert (point == values) is False


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_pickled_and_copied_whole(protocol: int) -> None:
    fix = Fix((Edit(1, 2, "x"), Edit(5, 5, "y")), "safe", "two edits")
    for value in (Point(4, "b"), fix):
        back = pickle.loads(pickle.dumps(value, protocol))
        assert back == value and repr(back) == repr(value)
    assert copy.deepcopy(fix) == fix and copy.copy(fix) is not fix


def test_a_record_may_leave_a_field_out_of_equality() -> None:
    """LoadError compares its entry point and reason, not the message (as ``compare=False``)."""
    other = Phrase("other")
    assert LoadError("a = b", "why", None) == LoadError("a = b", "why", other)
    assert hash(LoadError("a = b", "why", None)) == hash(LoadError("a = b", "why", other))
    assert LoadError("a = b", "why") != LoadError("a = b", "other")
    assert "message=Phrase(message='other', params={})" in repr(LoadError("a", "b", other))


def test_a_dict_default_is_not_shared() -> None:
    first, second = Phrase("a"), Phrase("b")
    assert first.params == {} and first.params is not second.params
    assert Phrase("a", {"n": Decimal(1)}) == Phrase("a", {"n": Decimal(1)})


def test_a_field_cannot_be_assigned_as_on_a_frozen_dataclass() -> None:
    from dataclasses import FrozenInstanceError

    point, data = Point(1, "a"), DataPoint(1, "a")
    for value in (point, data):
        with pytest.raises(FrozenInstanceError):
            value.x = 2  # type: ignore[misc]
        with pytest.raises(FrozenInstanceError):
            del value.label  # type: ignore[misc]
    assert point == Point(1, "a")
    assert pickle.loads(pickle.dumps(point)) == point
