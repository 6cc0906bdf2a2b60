"""Which inputs a run checks: files, folders (recursively) and standard input.

Folders are walked for ``.md``, ``.markdown``, ``.html``, ``.htm``, ``.xhtml`` and
``.txt`` files, skipping what the configuration's ``exclude`` (by default hidden files
and folders, ``node_modules``, ``__pycache__``, ``site-packages``) and
``extend-exclude`` name, what ``.gitignore`` files ignore (unless turned off), ``.git``
and virtualenvs (any folder with a ``pyvenv.cfg``); see :mod:`numlint.cli.excludes`. A
file named on the command line is always checked, whatever its name; an extension
numlint does not know is read as text.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from ..config_files import FileSelection
from ..config_files import display as shown_path
from ..i18n import N_, Phrase
from ..sources import Format
from .errors import InputError, os_reason

if TYPE_CHECKING:
    from .excludes import Excluder  # imported when a folder is walked: it loads pathspec

STDIN = "-"
EXTENSIONS: dict[str, Format] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
}
ALWAYS_SKIPPED = frozenset({".git"})


class Target:
    """One input: a file (``path``) or standard input (``path`` is None). A plain class:
    a dataclass costs every start a millisecond."""

    __slots__ = ("display", "format", "path", "unreadable")

    def __init__(self, path: Path | None, display: str, format: Format,
                 unreadable: str | Phrase | None = None) -> None:
        self.path = path
        self.display = display
        """The name shown in reports: relative to the working directory when inside it."""
        self.format = format
        self.unreadable = unreadable
        """The system's reason the input cannot be read, when it was known while
        collecting (a folder of the walk that cannot be listed): reported as its own
        NL902, like a file."""

    def _key(self) -> tuple[object, ...]:
        return (self.path, self.display, self.format, self.unreadable)

    def __eq__(self, other: object) -> bool:
        return type(other) is Target and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (f"Target(path={self.path!r}, display={self.display!r}, "
                f"format={self.format!r}, unreadable={self.unreadable!r})")

    @property
    def is_stdin(self) -> bool:
        return self.path is None

    @property
    def sort_key(self) -> tuple[str, ...]:
        return PurePath(self.display).parts


def format_of(name: str, default: Format = "text") -> Format:
    return EXTENSIONS.get(os.path.splitext(name)[1].lower(), default)


def collect(
    paths: list[str],
    *,
    stdin_filename: str | None = None,
    format_in: Format | None = None,
    selection_for: Callable[[Path], FileSelection] | None = None,
    respect_gitignore: bool = True,
) -> list[Target]:
    """The inputs named by ``paths``, each once, sorted by path (standard input first).

    ``selection_for(folder)`` says what a walk of ``folder`` skips (default: the built-in
    exclusions, relative to the working folder).
    """
    targets: list[Target] = []
    seen: set[str] = set()
    for given in paths:
        if given == STDIN:
            if "<stdin>" not in seen:
                seen.add("<stdin>")
                name = stdin_filename or STDIN
                fmt = format_in or (format_of(name, "markdown") if stdin_filename else "markdown")
                targets.append(Target(None, name, fmt))
            continue
        path = Path(given)
        try:
            is_dir = stat.S_ISDIR(os.stat(path).st_mode)
        except FileNotFoundError:
            raise InputError(N_("{path}: no such file or directory"),
                             {"path": _short(given)}) from None
        except OSError as error:  # ENAMETOOLONG, ELOOP, EACCES...
            raise InputError(N_("{path}: {reason}"),
                             {"path": _short(given), "reason": os_reason(error)}) from None
        # a FIFO or device named here is reported when read (NL902)
        if is_dir:
            from .excludes import Excluder

            selection = selection_for(path) if selection_for else FileSelection()
            files, unlisted = walk(path, Excluder(selection, respect_gitignore))
            targets.extend(Target(folder, shown_path(folder), "text", unreadable=reason)
                           for folder, reason in unlisted)
        else:
            files = [path]
        found = [(file, shown_path(file)) for file in files]
        for file, shown in found:
            key = os.path.realpath(file)
            if key in seen:
                continue
            seen.add(key)
            targets.append(Target(file, shown, format_in or format_of(file.name)))
    return sorted(targets, key=lambda t: (not t.is_stdin, t.sort_key))


def _short(name: str, limit: int = 120) -> str:
    """A path as shown in an error: a 5,000-character one is cut, not printed whole."""
    return name if len(name) <= limit else f"{name[: limit // 2]}…{name[-limit // 2:]}"


def walk(root: Path, excluder: Excluder | None = None
         ) -> tuple[list[Path], list[tuple[Path, Phrase]]]:
    """The checkable files under ``root`` (excluded and ignored paths skipped), and the
    folders that could not be listed, with why: one unreadable folder must not stop the
    run, nor be skipped without a word."""
    if excluder is None:
        from .excludes import Excluder

        excluder = Excluder(FileSelection())
    found: list[Path] = []
    unlisted: list[tuple[Path, Phrase]] = []

    def unreadable(error: OSError) -> None:
        folder = Path(error.filename) if error.filename else root
        unlisted.append((folder, os_reason(error)))

    for directory, subdirectories, files in os.walk(root, onerror=unreadable):
        subdirectories[:] = [
            name for name in subdirectories
            if not _skipped(Path(directory, name), root, excluder)
        ]
        for name in files:
            path = Path(directory, name)
            if (os.path.splitext(name)[1].lower() in EXTENSIONS
                    and not excluder.skipped(path, root, is_dir=False)):
                found.append(path)
    return found, unlisted


def _skipped(directory: Path, root: Path, excluder: Excluder) -> bool:
    return (
        directory.name in ALWAYS_SKIPPED
        or (directory / "pyvenv.cfg").is_file()
        or excluder.skipped(directory, root, is_dir=True)
    )
