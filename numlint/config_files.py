"""Finding and reading configuration files: ``numlint.toml`` and ``pyproject.toml``.

For each checked file numlint looks in its directory, then in each parent up to the
filesystem root, and takes the first of:

- ``numlint.toml``, whose top level is the configuration table;
- ``pyproject.toml`` with a ``[tool.numlint]`` table (one without it is passed over).

A ``numlint.toml`` wins over a ``pyproject.toml`` of the same directory. Paths in a file
(``rates``, the ``per-file-ignores`` and ``exclude`` patterns) are relative to that file's
directory. Every error names the file.

Which files a folder run reads (``exclude``, ``extend-exclude``, ``respect-gitignore``) is
read here, as a :class:`FileSelection`, and not passed to :class:`Config`: it concerns
the command line's walk, not the check of a text.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

from .config import Config, ConfigError
from .errors import os_reason
from .i18n import N_
from .records import Record
from .rules.api import Rule

NUMLINT_TOML = "numlint.toml"
PYPROJECT_TOML = "pyproject.toml"


DEFAULT_EXCLUDE: tuple[str, ...] = (".*", "node_modules/", "__pycache__/", "site-packages/")
"""Skipped in a folder run unless ``exclude`` is set (gitignore syntax): hidden files and
folders, and the folders of tools. Virtualenvs (a ``pyvenv.cfg``) are always skipped."""


class FileSelection(Record):
    """Which files a folder run skips: gitignore-style patterns, relative to ``base``."""

    base: Path | None
    exclude: tuple[str, ...]
    extend_exclude: tuple[str, ...]
    respect_gitignore: bool

    __slots__ = __match_args__ = ("base", "exclude", "extend_exclude", "respect_gitignore")

    def __init__(self, base: Path | None = None, exclude: tuple[str, ...] = DEFAULT_EXCLUDE,
                 extend_exclude: tuple[str, ...] = (), respect_gitignore: bool = True) -> None:
        object.__setattr__(self, "base", base)
        object.__setattr__(self, "exclude", exclude)
        object.__setattr__(self, "extend_exclude", extend_exclude)
        object.__setattr__(self, "respect_gitignore", respect_gitignore)

    @property
    def patterns(self) -> tuple[str, ...]:
        return (*self.exclude, *self.extend_exclude)


DEFAULT_SELECTION = FileSelection()
"""The selection of a configuration file that sets none of its keys."""


def file_selection(table: dict[str, Any], origin: str, base: Path) -> FileSelection:
    """Take the file-selection keys out of ``table`` (checked) into a FileSelection."""
    values: dict[str, Any] = {}
    for key in ("exclude", "extend-exclude"):
        if key in table:
            value = table.pop(key)
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(N_("{origin}: {key} must be a list of patterns (strings)"),
                                  {"origin": origin, "key": repr(key)})
            values[key.replace("-", "_")] = tuple(value)
    if "respect-gitignore" in table:
        value = table.pop("respect-gitignore")
        if not isinstance(value, bool):
            raise ConfigError(N_("{origin}: {key} must be true or false"),
                              {"origin": origin, "key": repr("respect-gitignore")})
        values["respect_gitignore"] = value
    return FileSelection(base=base, **values)


class ConfigFile(Record):
    """A configuration read from a file, with its paths resolved."""

    path: Path
    """Absolute path of the file."""
    config: Config
    """The configuration; ``rates`` is absolute."""
    selection: FileSelection
    """What a folder run under this file skips."""

    __slots__ = __match_args__ = ("path", "config", "selection")

    def __init__(self, path: Path, config: Config,
                 selection: FileSelection = DEFAULT_SELECTION) -> None:
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "config", config)
        object.__setattr__(self, "selection", selection)

    @property
    def directory(self) -> Path:
        return self.path.parent

    def ignored_codes(self, checked: Path) -> tuple[str, ...]:
        """The codes ``per-file-ignores`` turns off for the file ``checked``."""
        return ignored_codes(self.config.per_file_ignores, self.directory, checked)


def find_config_file(start: Path) -> Path | None:
    """The configuration file that applies in directory ``start``, or None."""
    return ConfigFinder().find(start)


class ConfigFinder:
    """Discovery with a cache per directory, for runs over many files."""

    def __init__(self) -> None:
        self._found: dict[Path, Path | None] = {}

    def find(self, directory: Path) -> Path | None:
        directory = Path(os.path.abspath(directory))
        visited: list[Path] = []
        found: Path | None = None
        for candidate_dir in (directory, *directory.parents):
            if candidate_dir in self._found:
                found = self._found[candidate_dir]
                break
            visited.append(candidate_dir)
            found = _config_in(candidate_dir)
            if found is not None:
                break
        for seen in visited:
            self._found[seen] = found
        return found


def _config_in(directory: Path) -> Path | None:
    numlint_toml = directory / NUMLINT_TOML
    pyproject = directory / PYPROJECT_TOML
    try:
        if numlint_toml.is_file():
            return numlint_toml
        if pyproject.is_file() and _declares_numlint(pyproject):
            return pyproject
    except PermissionError as error:
        raise ConfigError(N_("{path}: cannot be read: {reason}"),
                          {"path": display(Path(error.filename or directory)),
                           "reason": os_reason(error)}) from None
    return None


def _declares_numlint(pyproject: Path) -> bool:
    """Whether ``pyproject`` has a ``[tool.numlint]`` table.

    A pyproject.toml that never mentions numlint is passed over without being parsed,
    so that a broken one belonging to some other tool does not stop numlint.
    """
    try:
        raw = pyproject.read_bytes()
    except OSError as error:
        raise ConfigError(N_("{path}: cannot be read: {reason}"),
                          {"path": display(pyproject), "reason": os_reason(error)}) from None
    if b"numlint" not in raw:
        return False
    data = _parse(raw, pyproject)
    tool = data.get("tool")
    return isinstance(tool, Mapping) and "numlint" in tool


def load_config_file(path: Path, rules: Iterable[type[Rule]] = ()) -> ConfigFile:
    """Read and check ``path`` (a ``pyproject.toml``, or a file laid out as ``numlint.toml``).

    With ``rules``, rule codes and settings are checked too, so that a typo is reported
    with the file's name before anything is checked.
    """
    path = Path(os.path.abspath(path))
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ConfigError(N_("{path}: cannot be read: {reason}"),
                          {"path": display(path), "reason": os_reason(error)}) from None
    data = _parse(raw, path)
    origin = display(path)
    if path.name == PYPROJECT_TOML:
        tool = data.get("tool")
        table = tool.get("numlint") if isinstance(tool, Mapping) else None
        if table is None:
            raise ConfigError(N_("{origin}: no [tool.numlint] table"), {"origin": origin})
        origin = f"{origin} [tool.numlint]"
    else:
        table = data
    selection = FileSelection(base=path.parent)
    if isinstance(table, Mapping):
        table = dict(table)
        selection = file_selection(table, origin, path.parent)
    config = Config.from_mapping(table, origin=origin, base=path.parent)
    rules = tuple(rules)
    if rules:
        validate_codes(config, rules)
    return ConfigFile(path, config, selection)


def validate_codes(config: Config, rules: Iterable[type[Rule]]) -> None:
    """Raise ConfigError for an unknown code or setting, ``per-file-ignores`` included."""
    rules = tuple(rules)
    config.resolve(rules)
    known = [rule.code for rule in rules]
    for pattern, codes in config.per_file_ignores.items():
        for code in codes:
            if not any(k.startswith(code) for k in known):
                raise ConfigError(
                    N_("{origin}: per-file-ignores {pattern}: unknown rule code {code}"),
                    {"origin": config.origin, "pattern": repr(pattern), "code": repr(code)})


def _parse(raw: bytes, path: Path) -> dict[str, Any]:
    """The TOML of ``raw``; a UTF-8 byte-order mark (as Windows editors write) is accepted."""
    import tomllib  # only when a file is read (a check without configuration does not)

    if raw.startswith(_BOM):
        raw = raw[len(_BOM):]
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ConfigError(N_("{path}: not valid UTF-8 (line {line})"),
                          {"path": display(path), "line": line}) from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(N_("{path}: invalid TOML: {error}"),
                          {"path": display(path), "error": str(error)}) from None
    except RecursionError:
        raise ConfigError(N_("{path}: invalid TOML: arrays or tables nested too deeply"),
                          {"path": display(path)}) from None


_BOM = b"\xef\xbb\xbf"


def display(path: Path) -> str:
    """``path`` relative to the working directory when it is inside it, else absolute."""
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute)
    except ValueError:  # another drive (Windows)
        return absolute
    return absolute if relative.startswith(os.pardir) else relative


# -- per-file ignores ----------------------------------------------------------------------


def ignored_codes(
    patterns: Mapping[str, tuple[str, ...]], base: Path, checked: Path
) -> tuple[str, ...]:
    """Codes of every pattern matching ``checked``, relative to the directory ``base``.

    Patterns are globs: ``*`` and ``?`` stay within a path segment, ``**`` spans
    segments (``articles/**/*.md``), ``[abc]`` is a class. A pattern without ``/``
    matches a file name at any depth (``brouillon-*.md``).
    """
    if not patterns:
        return ()
    relative = PurePosixPath(Path(os.path.relpath(os.path.abspath(checked), base)).as_posix())
    codes: list[str] = []
    for pattern, pattern_codes in patterns.items():
        if glob_matches(pattern, relative):
            codes.extend(c for c in pattern_codes if c not in codes)
    return tuple(codes)


def glob_matches(pattern: str, path: PurePosixPath | str) -> bool:
    path = PurePosixPath(path)
    pattern = pattern.strip()
    if pattern.startswith("./"):
        pattern = pattern[2:]
    pattern = pattern.lstrip("/")
    if "/" not in pattern.rstrip("/"):
        return bool(_glob_regex(pattern).match(path.name)) or bool(
            _glob_regex(pattern).match(str(path))
        )
    return bool(_glob_regex(pattern).match(str(path)))


@lru_cache(maxsize=256)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    if pattern.endswith("/"):
        pattern += "**"
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[":
            close = pattern.find("]", i + 2)
            if close < 0:
                out.append(re.escape("["))
                i += 1
                continue
            body = pattern[i + 1 : close]
            if body.startswith("!"):
                body = "^" + body[1:]
            out.append("[" + body.replace("\\", "\\\\") + "]")
            i = close + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z", re.DOTALL)

