"""numlint: a numeric-consistency linter for French editorial text.

The public faces are :func:`mentions` (every figure of a text, normalized) and
:func:`check` (the findings of the rules on an article), and :func:`verify` (the same
findings and the relations numlint confirmed). Heavy parts (the patterns, pint,
the rate table, the rule plugins) are loaded on first use, never at import.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from ._version import __version__ as __version__

_PUBLIC = {
    "check": "numlint.pipeline",
    "Config": "numlint.config",
    "ConfigError": "numlint.config",
    "NumlintError": "numlint.errors",
    "RatesError": "numlint.rates.errors",
    "SourceError": "numlint.sources",
    "Diagnostic": "numlint.diagnostics",
    "Edit": "numlint.diagnostics",
    "Fix": "numlint.diagnostics",
    "verify": "numlint.verification",
    "Verification": "numlint.verification",
}
__all__ = [
    "Config",
    "ConfigError",
    "Diagnostic",
    "Edit",
    "Fix",
    "Mention",
    "NumlintError",
    "RatesError",
    "SourceError",
    "Verification",
    "check",
    "mentions",
    "verify",
]

# Bound here, not lazily: the function shares its name with the subpackage, and binding it
# after the subpackage is imported keeps ``numlint.mentions`` the function.
from .mentions import Mention, mentions  # noqa: E402

if TYPE_CHECKING:
    from .config import Config, ConfigError
    from .diagnostics import Diagnostic, Edit, Fix
    from .errors import NumlintError
    from .pipeline import check
    from .rates.errors import RatesError
    from .sources import SourceError
    from .verification import Verification, verify


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'numlint' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
