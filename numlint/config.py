"""Configuration: which rules run, with which settings, for which house.

The same keys are read from ``[tool.numlint]`` in ``pyproject.toml``, from a
``numlint.toml`` file, or given to :func:`numlint.check` as a mapping. Any unknown key,
code, setting or currency is an error that names it: a typo must not silently turn a
check off.
"""

from __future__ import annotations

import copy
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from .diagnostics import SEVERITIES, Severity
from .errors import Localized, NumlintError, phrase_of
from .i18n import LANGUAGES, N_
from .limits import DEFAULT_MAX_BYTES, DEFAULT_MAX_FIGURES, Limits, positive_whole
from .rules.api import Rule

KNOWN_KEYS = frozenset(
    {"select", "ignore", "extend-select", "rules", "currencies", "lang", "fail-on", "rates",
     "skip-boilerplate", "per-file-ignores", "max-bytes", "max-figures"}
)
_ISO = r"^[A-Z]{3}$"
"""An ISO 4217 code (compiled by ``re`` on first use, not at every start)."""
T = TypeVar("T")


class ConfigError(Localized, NumlintError):
    """A configuration numlint cannot follow; the message says which key and why.

    Given a message id (marked with ``N_``) and its ``params``, the error is shown in the
    user's language by :meth:`localized`; ``str(error)`` is the English text."""

    def __init__(self, message: str, params: Mapping[str, Any] | None = None) -> None:
        super().__init__(self.localize(message, params))


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] | None = None
    """Codes or code prefixes to run (``NL1``); None runs the rules enabled by default."""
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rules: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """Settings per rule, keyed by code or name."""
    currencies: Mapping[str, str | None] = field(default_factory=dict)
    """House defaults: a written form (``$``, ``dollars``) -> ISO code, or None."""
    lang: str = "fr"
    fail_on: Severity = "warning"
    rates: str | None = None
    """A user-supplied ECB rates file (csv or zip)."""
    skip_boilerplate: bool | None = None
    """HTML page boilerplate left out; None: on whole pages only."""
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    limits: Limits = field(default_factory=Limits)
    """How large a text is checked (``max-bytes``, ``max-figures``)."""
    origin: str = "configuration"
    """Where this configuration was read from, for error messages."""

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], origin: str = "configuration",
                     base: str | Path | None = None) -> Config:
        """Read and check a ``[tool.numlint]`` table, every setting of it: a rates file is
        loaded now (relative to ``base``, else the working folder), and the rules'
        settings are checked against the installed rules."""
        if not isinstance(data, Mapping):
            raise ConfigError(N_("{origin}: expected a table, got {kind}"),
                              {"origin": origin, "kind": type(data).__name__})
        unknown = sorted(set(data) - KNOWN_KEYS)
        if unknown:
            raise ConfigError(N_("{origin}: unknown key {key}"),
                              {"origin": origin, "key": repr(unknown[0])})
        config = cls(
            select=_codes(data, "select", origin) if "select" in data else None,
            extend_select=_codes(data, "extend-select", origin),
            ignore=_codes(data, "ignore", origin),
            rules=_rule_tables(data.get("rules", {}), origin),
            currencies=_currencies(data.get("currencies", {}), origin),
            lang=_choice(data, "lang", LANGUAGES, "fr", origin),
            fail_on=_choice(data, "fail-on", SEVERITIES, "warning", origin),
            skip_boilerplate=_optional_bool(data, "skip-boilerplate", origin),
            per_file_ignores=_per_file_ignores(data.get("per-file-ignores", {}), origin),
            limits=_limits(data, origin),
            rates=_rates_file(data, origin, base),
            origin=origin,
        )
        from .rules.registry import installed_rules

        config.resolve(installed_rules().rules)  # unknown codes and settings: now
        return config

    def resolve(self, rules: Sequence[type[Rule]]) -> list[tuple[type[Rule], Mapping[str, Any]]]:
        """The rules to run and their settings; unknown codes and settings are errors.
        Worked out once per configuration and set of rules (checks reuse it): the settings
        are read-only views, shared by every check made with this configuration."""
        return list(self.plan(rules).rules)

    def plan(self, rules: Sequence[type[Rule]]) -> RulePlan:
        """:meth:`resolve`, with what a check derives from it, worked out once."""
        key = tuple(rules)
        plan = self._cache.get(key)
        if plan is None:
            chosen = tuple((rule, MappingProxyType(settings))
                           for rule, settings in self._resolve(rules))
            plan = self._cache.setdefault(key, RulePlan(
                rules=chosen,
                settings_by_code=MappingProxyType({r.code: s for r, s in chosen}),
                codes=frozenset(r.code for r, _ in chosen)))
        return plan

    def derived(self, name: str, make: Callable[[Config], T]) -> T:
        """``make(self)``, worked out once for this configuration (it is frozen): what
        every check made with it shares, such as its scanner."""
        key = ("derived", name)
        value = self._cache.get(key)
        if value is None:
            value = self._cache.setdefault(key, make(self))
        return value

    def __getstate__(self) -> dict[str, Any]:
        """What pickling keeps (worker processes get their configuration so): the fields,
        not what checks derived from them (a scanner, read-only views), rebuilt there."""
        state = dict(self.__dict__)
        state.pop("_derived", None)
        return state

    @property
    def _cache(self) -> dict[Any, Any]:
        cache = self.__dict__.get("_derived")
        if cache is None:  # a frozen dataclass: its cache goes in by the back door
            cache = self.__dict__.setdefault("_derived", {})
        return cache

    def _resolve(self, rules: Sequence[type[Rule]]) -> list[tuple[type[Rule], dict[str, Any]]]:
        known = {rule.code for rule in rules}
        names = {rule.name: rule.code for rule in rules}
        for code in (*(self.select or ()), *self.extend_select, *self.ignore):
            if not any(k.startswith(code) for k in known):
                raise ConfigError(N_("{origin}: unknown rule code {code}"),
                                  {"origin": self.origin, "code": repr(code)})
        chosen = []
        for rule in rules:
            if self.select is None:
                selected = rule.enabled_by_default
            else:
                selected = any(rule.code.startswith(c) for c in self.select)
            selected = selected or any(rule.code.startswith(c) for c in self.extend_select)
            if selected and not any(rule.code.startswith(c) for c in self.ignore):
                chosen.append((rule, self._settings_for(rule)))
        for key in self.rules:
            if key not in known and key not in names:
                raise ConfigError(N_("{origin}: settings for unknown rule {key}"),
                                  {"origin": self.origin, "key": repr(key)})
        return chosen

    def _settings_for(self, rule: type[Rule]) -> dict[str, Any]:
        settings = rule.default_settings()
        declared = {s.name: s for s in rule.settings}
        for key in (rule.name, rule.code):
            for name, value in self.rules.get(key, {}).items():
                if name not in declared:
                    raise ConfigError(
                        N_("{origin}: rule {code} has no setting {name} (settings: {known})")
                        if declared else N_("{origin}: rule {code} has no setting {name}"),
                        {"origin": self.origin, "code": rule.code, "name": repr(name),
                         "known": ", ".join(declared)})
                try:
                    settings[name] = declared[name].coerce(value)
                except ValueError as error:
                    raise ConfigError(N_("{origin}: rule {code}: {error}"),
                                      {"origin": self.origin, "code": rule.code,
                                       "error": phrase_of(error)}) from None
        return settings


class RulePlan:
    """The rules a configuration runs, their settings (read-only), by code, and the codes.
    A plain class: a dataclass costs every start a millisecond."""

    __slots__ = ("codes", "rules", "settings_by_code")

    def __init__(self, rules: tuple[tuple[type[Rule], Mapping[str, Any]], ...],
                 settings_by_code: Mapping[str, Mapping[str, Any]],
                 codes: frozenset[str]) -> None:
        self.rules = rules
        self.settings_by_code = settings_by_code
        self.codes = codes


DEFAULT_CONFIG = Config()
"""The configuration of a check given none: one object, so that its rule plan is worked out
once per process, not once per check."""


def as_config(config: Config | Mapping[str, Any] | None) -> Config:
    """The configuration of a check. A mapping is read and checked once per content (a
    publishing hook passes the same ``dict`` to every call): the configuration, and the
    rule plan it keeps, are reused while the mapping, the installed rules and, for a
    relative ``rates`` path, the working folder are the same."""
    if config is None:
        return DEFAULT_CONFIG
    if isinstance(config, Config):
        return config
    key = _mapping_key(config)
    if key is None:  # something that cannot be compared: read every time
        return Config.from_mapping(config, origin="config")
    found = _FROM_MAPPINGS.get(key)
    if found is None:
        if len(_FROM_MAPPINGS) >= _MAPPINGS_KEPT:
            _FROM_MAPPINGS.clear()
        # a copy: a caller that changes its dict later must not change a kept configuration
        found = _FROM_MAPPINGS.setdefault(key, Config.from_mapping(copy.deepcopy(config),
                                                                   origin="config"))
    return found


_FROM_MAPPINGS: dict[Any, Config] = {}
_MAPPINGS_KEPT = 64


def _mapping_key(config: Mapping[str, Any]) -> Any:
    """What the configuration read from ``config`` depends on, hashable; None when some
    value has no exact, hashable form."""
    from .rules.registry import installed_rules

    try:
        content = _frozen(config)
        hash(content)
    except (TypeError, ValueError):
        return None
    folder = os.getcwd() if config.get("rates") is not None else None
    return content, installed_rules().rules, folder


def _frozen(value: Any) -> Any:
    """``value`` as nested tuples that are equal only when the values are, types included
    (``1``, ``1.0`` and ``True`` are three settings, ``"NL1"`` and ``["NL1"]`` two)."""
    kind = type(value)
    if kind in _SCALARS:
        if kind is float and value != value:
            raise ValueError("NaN equals nothing")
        return kind.__name__, value
    if kind is list or kind is tuple:
        return kind.__name__, tuple([_frozen(v) for v in value])
    if kind is dict or isinstance(value, Mapping):
        items = [(_frozen(k), _frozen(v)) for k, v in value.items()]
        try:
            items.sort()  # keys differ, so values are never compared
        except TypeError:
            items.sort(key=repr)
        return kind.__name__, tuple(items)
    raise TypeError(f"no key for {kind.__name__}")


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _codes(data: Mapping[str, Any], key: str, origin: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ConfigError(N_("{origin}: {key} must be a list of rule codes"),
                          {"origin": origin, "key": repr(key)})
    return tuple(v.strip().upper() for v in value)


def _rule_tables(value: Any, origin: str) -> dict[str, dict[str, Any]]:
    if not isinstance(value, Mapping) or not all(isinstance(v, Mapping) for v in value.values()):
        raise ConfigError(N_("{origin}: 'rules' must hold one table per rule code or name"),
                          {"origin": origin})
    return {str(k): dict(v) for k, v in value.items()}


def _currencies(value: Any, origin: str) -> dict[str, str | None]:
    if not isinstance(value, Mapping):
        raise ConfigError(N_("{origin}: 'currencies' must be a table of written form = ISO "
                             "code"), {"origin": origin})
    from babel.numbers import list_currencies

    iso_codes = list_currencies()
    result: dict[str, str | None] = {}
    for written, code in value.items():
        if code in ("", None):
            result[str(written)] = None
            continue
        if not isinstance(code, str) or not re.match(_ISO, code) or code not in iso_codes:
            raise ConfigError(N_("{origin}: currency {written}: unknown ISO 4217 code {code}"),
                              {"origin": origin, "written": repr(written), "code": repr(code)})
        result[str(written)] = code
    return result


def _choice(data: Mapping[str, Any], key: str, allowed: Sequence[str], default: str,
            origin: str) -> Any:
    value = data.get(key, default)
    if value not in allowed:
        raise ConfigError(N_("{origin}: {key} must be one of {allowed}, not {value}"),
                          {"origin": origin, "key": repr(key), "allowed": ", ".join(allowed),
                           "value": repr(value)})
    return value


def _rates_file(data: Mapping[str, Any], origin: str, base: str | Path | None) -> str | None:
    """The rates file, absolute, loaded and checked now: a missing or broken file is a
    configuration error, not three rule failures later."""
    value = data.get("rates")
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(N_("{origin}: 'rates' must be the path of an ECB rates file"),
                          {"origin": origin})
    path = Path(base or ".", value).resolve()
    from .pipeline import user_rates

    try:
        user_rates(str(path))
    except ConfigError as error:
        raise ConfigError(N_("{origin}: 'rates': {error}"),
                          {"origin": origin, "error": phrase_of(error)}) from None
    return str(path)


def _limits(data: Mapping[str, Any], origin: str) -> Limits:
    try:
        return Limits(
            max_bytes=positive_whole(data.get("max-bytes", DEFAULT_MAX_BYTES), "max-bytes"),
            max_figures=positive_whole(data.get("max-figures", DEFAULT_MAX_FIGURES),
                                       "max-figures"),
        )
    except ValueError as error:
        raise ConfigError(N_("{origin}: {error}"),
                          {"origin": origin, "error": phrase_of(error)}) from None


def _optional_bool(data: Mapping[str, Any], key: str, origin: str) -> bool | None:
    value = data.get(key)
    if value is not None and not isinstance(value, bool):
        raise ConfigError(N_("{origin}: {key} must be true or false"),
                          {"origin": origin, "key": repr(key)})
    return value


def _per_file_ignores(value: Any, origin: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, Mapping):
        raise ConfigError(N_("{origin}: 'per-file-ignores' must map glob patterns to codes"),
                          {"origin": origin})
    return {str(glob): _codes({"codes": codes}, "codes", origin) for glob, codes in value.items()}
