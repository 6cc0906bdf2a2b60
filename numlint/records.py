"""Value semantics for plain classes, without the cost of ``@dataclass`` at import.

The ``dataclass`` decorator writes and compiles half a dozen methods for each class it
makes (``__init__``, ``__repr__``, ``__eq__``, ``__hash__``, the frozen ``__setattr__``…):
about half a millisecond a class, and numlint's start created sixty of them. A class
whose instances are built a few times per process (a lexicon, the scanner's pattern
sources, a rule's load error) subclasses :class:`Record` instead: it lists its fields in
``__match_args__`` (which a dataclass sets too), writes its ``__init__``, and gets the
``repr``, equality, hash and pickling a frozen dataclass gives it, read from those fields.
Its ``__init__`` sets each field with ``object.__setattr__`` (what a frozen dataclass's
generated ``__init__`` does); any other assignment raises
:class:`dataclasses.FrozenInstanceError`, as on a frozen dataclass.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from typing import Any, ClassVar, cast


class Record:
    """A value made of the attributes named by ``__match_args__``, in that order."""

    __slots__ = ()
    __match_args__: ClassVar[tuple[str, ...]] = ()

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__match_args__)

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__match_args__)
        return f"{type(self).__qualname__}({shown})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == cast(Record, other)._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __getstate__(self) -> tuple[Any, ...]:
        """The fields, for pickle and copy (a cached property is built again after)."""
        return tuple(getattr(self, name) for name in self.__match_args__)

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        for name, value in zip(self.__match_args__, state, strict=True):
            object.__setattr__(self, name, value)
