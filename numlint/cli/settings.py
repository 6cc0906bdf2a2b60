"""The configuration of each checked file: its file's (found or forced), then the command line.

Precedence, highest first: command-line options, the configuration file, defaults.
``--select`` starts a new selection (it replaces the file's ``select``,
``extend-select`` and ``ignore``, like ruff's); ``--extend-select`` and ``--ignore`` add
to the file's. ``per-file-ignores`` of the file apply in every case.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..config import Config
from ..config_files import ConfigFile, ConfigFinder, FileSelection, load_config_file
from ..i18n import N_
from ..records import Record
from ..rules.api import Rule
from ..rules.registry import CODE_FORMAT, Registry
from .errors import UsageError
from .files import Target


class Overrides(Record):
    """What the command line says about the configuration (None: not said)."""

    select: tuple[str, ...] | None
    extend_select: tuple[str, ...]
    ignore: tuple[str, ...]
    lang: str | None
    fail_on: str | None
    rates: str | None

    __slots__ = __match_args__ = ("select", "extend_select", "ignore", "lang", "fail_on", "rates")

    def __init__(self, select: tuple[str, ...] | None = None, extend_select: tuple[str, ...] = (),
                 ignore: tuple[str, ...] = (), lang: str | None = None, fail_on: str | None = None,
                 rates: str | None = None) -> None:
        object.__setattr__(self, "select", select)
        object.__setattr__(self, "extend_select", extend_select)
        object.__setattr__(self, "ignore", ignore)
        object.__setattr__(self, "lang", lang)
        object.__setattr__(self, "fail_on", fail_on)
        object.__setattr__(self, "rates", rates)

    def apply(self, config: Config) -> Config:
        changes: dict[str, Any] = {}
        if self.select is not None:
            changes.update(select=self.select, extend_select=self.extend_select,
                           ignore=self.ignore)
        else:
            changes.update(extend_select=config.extend_select + self.extend_select,
                           ignore=config.ignore + self.ignore)
        if self.lang is not None:
            changes["lang"] = self.lang
        if self.fail_on is not None:
            changes["fail_on"] = self.fail_on
        if self.rates is not None:
            changes["rates"] = self.rates
        return replace(config, **changes)


def overrides_from(args: argparse.Namespace, registry: Registry) -> Overrides:
    """The options of ``check``, with rule names turned into codes and every code checked."""
    rules = registry.rules
    return Overrides(
        select=_codes(args.select, "--select", rules) if args.select else None,
        extend_select=_codes(args.extend_select, "--extend-select", rules),
        ignore=_codes(args.ignore, "--ignore", rules),
        lang=args.lang,
        fail_on=args.fail_on,
        rates=os.path.abspath(args.rates) if getattr(args, "rates", None) else None,
    )


def _codes(groups: Iterable[list[str]] | None, option: str,
           rules: Iterable[type[Rule]]) -> tuple[str, ...]:
    rules = tuple(rules)
    known = [rule.code for rule in rules]
    names = {rule.name: rule.code for rule in rules}
    codes: list[str] = []
    for group in groups or ():
        for token in group:
            code = names.get(token) or token.upper()
            if not any(k.startswith(code) for k in known):
                raise UsageError(
                    N_("{option}: unknown rule code {token}") if CODE_FORMAT.match(code)
                    else N_("{option}: unknown rule code, prefix or name {token}"),
                    {"option": option, "token": repr(token)})
            if code not in codes:
                codes.append(code)
    return tuple(codes)


class Settings:
    """Finds, reads (once) and merges the configuration for each target."""

    def __init__(self, overrides: Overrides, registry: Registry,
                 forced: str | None = None, stdin_filename: str | None = None) -> None:
        self.overrides = overrides
        self.rules = registry.rules
        self.stdin_path = Path(stdin_filename) if stdin_filename else None
        self._finder = ConfigFinder()
        self._files: dict[Path, ConfigFile] = {}
        self.forced = load_config_file(Path(forced), self.rules) if forced else None

    def file_for(self, target: Target) -> ConfigFile | None:
        """The configuration file that applies to ``target``, or None."""
        if self.forced is not None:
            return self.forced
        found = self._finder.find(self._where(target).parent)
        if found is None:
            return None
        if found not in self._files:
            self._files[found] = load_config_file(found, self.rules)
        return self._files[found]

    def selection_for(self, folder: Path) -> FileSelection:
        """What a walk of ``folder`` skips: the configuration file that applies there."""
        if self.forced is not None:
            return self.forced.selection
        found = self._finder.find(Path(os.path.abspath(folder)))
        if found is None:
            return FileSelection(base=Path(os.path.abspath(folder)))
        if found not in self._files:
            self._files[found] = load_config_file(found, self.rules)
        return self._files[found].selection

    def config_for(self, target: Target) -> Config:
        file = self.file_for(target)
        config = self.overrides.apply(file.config if file else Config(origin="command line"))
        if file is not None and (target.path is not None or self.stdin_path is not None):
            extra = file.ignored_codes(self._where(target))
            if extra:
                config = replace(config, ignore=config.ignore + extra)
        return config

    def _where(self, target: Target) -> Path:
        """The path ``target`` stands for (standard input: its name, else the cwd)."""
        if target.path is not None:
            return Path(os.path.abspath(target.path))
        if self.stdin_path is not None:
            return Path(os.path.abspath(self.stdin_path))
        return Path(os.path.abspath("-"))
