"""The ``numlint.rules`` entry points, read without ``importlib.metadata`` in the plain case.

Importing ``importlib.metadata`` pulls in the ``email`` package (to parse METADATA files),
``zipfile``, ``csv`` and ``inspect``: about a fifth of a cold ``numlint check``. Entry
points are plain text (each distribution's ``entry_points.txt``), so when numlint's own
distribution is the only one that registers rules, they are read here, found the way
``importlib.metadata`` finds them: ``sys.path`` in order, its ``*.dist-info`` and
``*.egg-info`` folders, the first distribution of each name.

Anything else is handed to ``importlib.metadata`` itself: another distribution whose
entry points name the group (a plugin), a zip file or an egg on ``sys.path``, a finder of
distributions other than the standard path finder (the ``importlib_metadata`` backport
replaces it with its own once imported), a file this reader does not expect.
Plugins are therefore always found by the standard library.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Sequence
from functools import reduce
from importlib import import_module
from typing import Any

_OWN = "numlint"
_INFO_SUFFIXES = (".dist-info", ".egg-info")


class Distribution:
    """The distribution of an entry point, by its name (``Name`` in its metadata)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"Distribution({self.name!r})"


class OwnEntryPoint:
    """One entry point of numlint's own distribution, with the attributes of
    ``importlib.metadata.EntryPoint`` that the registry uses (a plain class: creating a
    dataclass at import costs more than reading the file)."""

    __slots__ = ("dist", "group", "name", "value")

    def __init__(self, name: str, value: str, group: str, dist: Distribution) -> None:
        self.name, self.value, self.group, self.dist = name, value, group, dist

    def __repr__(self) -> str:
        return f"OwnEntryPoint({self.name!r}, {self.value!r}, {self.group!r})"

    @property
    def module(self) -> str:
        return self.value.partition(":")[0]

    def load(self) -> Any:
        module_name, _, attributes = self.value.partition(":")
        return reduce(getattr, attributes.split("."), import_module(module_name))


class _NotPlain(Exception):
    """Something ``importlib.metadata`` should read instead."""


def entry_points(*, group: str) -> Sequence[Any]:
    """The entry points of ``group``, as ``importlib.metadata.entry_points(group=…)``."""
    try:
        return own_entry_points(group)
    except _NotPlain:
        from importlib.metadata import entry_points as standard

        return tuple(standard(group=group))


def own_entry_points(group: str) -> tuple[OwnEntryPoint, ...]:
    """The group's entry points when only numlint's distribution names it, else
    :class:`_NotPlain`."""
    _only_the_path_finder()
    first: str | None = None
    marker = f"[{group}]".encode()
    for folder in _distribution_folders(sys.path):
        stem = os.path.basename(folder)
        name = _name_from_stem(stem)
        if name is None:
            raise _NotPlain(stem)  # importlib.metadata would read its metadata for the name
        if name == _OWN:
            if first is None:
                first = folder
            continue
        entries = _read(os.path.join(folder, "entry_points.txt"))
        if entries is not None and marker in entries:
            raise _NotPlain(stem)  # a plugin, or another reading of a group: the standard way
    if first is None:
        raise _NotPlain("numlint's distribution was not found")
    return _parse(first, group)


def _only_the_path_finder() -> None:
    """``importlib.metadata`` asks every finder of ``sys.meta_path`` that can find
    distributions; only the standard path finder's search is done here."""
    from importlib.machinery import PathFinder

    if PathFinder not in sys.meta_path or not getattr(PathFinder, "find_distributions", None):
        raise _NotPlain("the path finder does not find distributions")  # importlib_metadata
    for finder in sys.meta_path:
        if finder is not PathFinder and getattr(finder, "find_distributions", None):
            raise _NotPlain(repr(finder))


def _distribution_folders(path: Iterable[object]) -> Iterable[str]:
    """The metadata folders of each entry of ``path``, in the order the standard path
    finder yields them (by name, in the order names first appear in the folder)."""
    for entry in path:
        if not isinstance(entry, str):
            raise _NotPlain(repr(entry))
        root = entry or "."
        try:
            children = os.listdir(root)
        except OSError:
            if os.path.exists(root):
                raise _NotPlain(root) from None  # a zip file: importlib.metadata reads it
            continue
        if os.path.basename(entry).lower().endswith(".egg"):
            raise _NotPlain(entry)
        by_name: dict[str, list[str]] = {}
        for child in children:
            low = child.lower()
            if low.endswith(_INFO_SUFFIXES):
                key = _normalize(low.rpartition(".")[0].partition("-")[0])
                by_name.setdefault(key, []).append(os.path.join(entry, child))
        for folders in by_name.values():
            yield from folders


def _name_from_stem(stem: str) -> str | None:
    """The normalized name ``importlib.metadata`` takes from the folder's name (None when
    it would read the metadata for it)."""
    filename, ext = os.path.splitext(stem)
    if ext not in _INFO_SUFFIXES:
        return None
    return _normalize(filename.partition("-")[0])


def _normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower().replace("-", "_")


def _read(path: str) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise _NotPlain(path) from error


def _parse(folder: str, group: str) -> tuple[OwnEntryPoint, ...]:
    """The group's entry points in ``folder``'s ``entry_points.txt``, read as
    ``importlib.metadata`` reads the file."""
    data = _read(os.path.join(folder, "entry_points.txt"))
    if data is None:
        return ()
    distribution = Distribution(_metadata_name(folder))
    found: list[OwnEntryPoint] = []
    section: str | None = None
    for line in map(str.strip, _decoded(data).splitlines()):
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line.strip("[]")
            continue
        if section != group:
            continue
        name, equals, value = (part.strip() for part in line.partition("="))
        if not equals or not _plain_value(value):
            raise _NotPlain(line)
        found.append(OwnEntryPoint(name, value, group, distribution))
    return tuple(found)


def _plain_value(value: str) -> bool:
    """Whether ``value`` is ``module:attribute`` (dotted names, no extras): the only form
    numlint's own distribution uses."""
    module, colon, attribute = value.partition(":")
    return bool(colon) and all(part.isidentifier()
                               for part in (*module.split("."), *attribute.split(".")))


def _metadata_name(folder: str) -> str:
    """The ``Name`` field of the distribution's metadata (METADATA, else PKG-INFO)."""
    data = _read(os.path.join(folder, "METADATA")) or _read(os.path.join(folder, "PKG-INFO"))
    if not data:
        raise _NotPlain(folder)
    for line in _decoded(data).splitlines():
        if not line.strip():
            break  # the end of the headers
        key, colon, value = line.partition(":")
        if colon and key == "Name":
            return value.strip()
    raise _NotPlain(folder)


def _decoded(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _NotPlain(str(error)) from error
