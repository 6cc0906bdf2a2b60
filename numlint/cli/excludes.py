"""What a folder walk skips: ``exclude`` patterns and ``.gitignore`` files, as git reads them.

Patterns use gitignore syntax, matched by the pathspec library (``public/``, ``*.draft.md``,
``/drafts``, ``!keep.md``): the configuration's relative to its file's folder, each
``.gitignore`` relative to its own folder. The ``.gitignore`` files that apply are those
of the walked folder and its subfolders, and of its parents up to the repository root
(the nearest folder with a ``.git``); outside a repository, only those inside the walk.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..config_files import FileSelection
from ..i18n import N_
from .errors import InputError, os_reason

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

GITIGNORE = ".gitignore"


@dataclass(frozen=True)
class _Rules:
    """One set of patterns and the folder they are relative to."""

    base: Path
    spec: GitIgnoreSpec

    def decides(self, path: Path, is_dir: bool, root: Path) -> bool | None:
        """True (skip), False (re-included by ``!``), None (no pattern speaks).

        A folder named on the command line (``root``) is walked even when a pattern
        excludes it: within it, paths are then matched relative to it.
        """
        relative = _relative(path, self.base)
        if relative is None:
            return None
        named = _relative(root, self.base)
        if named not in (None, ".") and self.spec.check_file(f"{named}/").include:
            relative = _relative(path, root)
        if relative in (None, "."):
            return None
        return self.spec.check_file(relative + ("/" if is_dir else "")).include


def _relative(path: Path, base: Path) -> str | None:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return None


@dataclass
class Excluder:
    """Decides, folder by folder, whether a walked path is skipped."""

    selection: FileSelection
    respect_gitignore: bool = True
    _gitignores: dict[Path, _Rules | None] = field(default_factory=dict)
    _tops: dict[Path, Path] = field(default_factory=dict)

    def __post_init__(self) -> None:
        base = self.selection.base or Path.cwd()
        patterns = self.selection.patterns
        self._configured = (_Rules(Path(os.path.abspath(base)), _spec(patterns))
                            if patterns else None)  # pathspec imported only when needed
        self.respect_gitignore = self.respect_gitignore and self.selection.respect_gitignore

    def skipped(self, path: Path, root: Path, is_dir: bool) -> bool:
        path, root = Path(os.path.abspath(path)), Path(os.path.abspath(root))
        if self._configured is not None and self._configured.decides(path, is_dir, root):
            return True
        if not self.respect_gitignore:
            return False
        decision: bool | None = None
        for rules in self._applicable(path.parent, root):
            verdict = rules.decides(path, is_dir, root)
            if verdict is not None:
                decision = verdict  # deeper .gitignore files override
        return bool(decision)

    def _applicable(self, directory: Path, root: Path) -> list[_Rules]:
        """The .gitignore rules for files of ``directory``, outermost first."""
        top = self._tops.get(root)
        if top is None:
            top = self._tops[root] = _repository_root(root) or root
        chain = [directory, *directory.parents]
        folders = [d for d in chain if d == top or top in d.parents]
        found = [self._gitignore(folder) for folder in reversed(folders)]
        return [rules for rules in found if rules is not None]

    def _gitignore(self, folder: Path) -> _Rules | None:
        if folder not in self._gitignores:
            self._gitignores[folder] = _read_gitignore(folder)
        return self._gitignores[folder]


def _read_gitignore(folder: Path) -> _Rules | None:
    path = folder / GITIGNORE
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise InputError(N_("{path}: cannot be read: {reason}"),
                         {"path": str(path), "reason": os_reason(error)}) from None
    return _Rules(folder, _spec(lines))


def _spec(lines: Sequence[str]) -> GitIgnoreSpec:
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(lines)


def _repository_root(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None
