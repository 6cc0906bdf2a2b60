"""The plugin API: what a rule declares and what it yields.

A rule is a class with a stable code, a name, a default severity, a one-line summary, an
explanation (what it does, why it matters), examples (valid and invalid samples, which
are also its tests and its documentation) and optional settings. Its :meth:`Rule.check`
reads a :class:`~numlint.document.Document` and yields :class:`Finding` objects; numlint
turns them into diagnostics at source offsets, in the reader's language.

Rules are registered under the entry-point group ``numlint.rules`` (numlint's own rules
too), see ``docs/writing-a-rule.md``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from ..diagnostics import Safety, Severity
from ..errors import LocalizedValueError
from ..i18n import N_

if TYPE_CHECKING:
    from ..document import Document


@dataclass(frozen=True, slots=True)
class TextEdit:
    """Replace ``document.text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule reports, in offsets of ``document.text``.

    ``message`` is a message id (English, marked with :func:`numlint.i18n.N_` so that it
    is translated) or a plain string; ``params`` fill its ``{placeholders}``.
    """

    start: int
    end: int
    message: str
    params: Mapping[str, Any] = field(default_factory=dict)
    edits: tuple[TextEdit, ...] = ()
    safety: Safety = "unsafe"
    fix_description: str = ""
    evidence: Mapping[str, Any] = field(default_factory=dict)
    severity: Severity | None = None
    """Overrides the rule's severity for this finding (rarely needed)."""


@dataclass(frozen=True, slots=True)
class Example:
    """A sample for a rule's documentation and tests.

    In an invalid sample, ``{{`` and ``}}`` mark the span the finding must cover
    (``(près de {{95 millions d'euros}})``); ``fixed`` is the text after the fix.
    """

    text: str
    valid: bool
    fixed: str | None = None
    date: date | None = None
    format: str = "text"
    note: str = ""


@dataclass(frozen=True, slots=True)
class Setting:
    """A setting a user may give a rule in ``[tool.numlint.rules.CODE]``."""

    name: str
    default: Any
    description: str
    kind: type = float

    def coerce(self, value: Any) -> Any:
        """The value as this setting's type, or ValueError with a message naming it."""
        if self.kind is float and isinstance(value, int | float) and not isinstance(value, bool):
            if not math.isfinite(value) or value < 0:
                raise LocalizedValueError(
                    N_("setting {name} expects a finite number of 0 or more, got {value}"),
                    {"name": repr(self.name), "value": repr(value)})
            return float(value)
        if isinstance(value, self.kind) and not (self.kind is int and isinstance(value, bool)):
            return value
        raise LocalizedValueError(N_("setting {name} expects {kind}, got {got}"), {
            "name": repr(self.name), "kind": self.kind.__name__, "got": type(value).__name__})


class Rule:
    """Base class of every rule. Subclasses set the class attributes and write :meth:`check`."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = "warning"
    summary: ClassVar[str]
    explanation: ClassVar[str]
    examples: ClassVar[tuple[Example, ...]] = ()
    settings: ClassVar[tuple[Setting, ...]] = ()
    enabled_by_default: ClassVar[bool] = True
    evidence_labels: ClassVar[Mapping[str, str]] = {}
    """How the text report, the server and the LSP show this rule's own evidence keys: a
    message id per key (marked with ``N_``) whose ``{placeholders}`` are evidence keys, see
    :mod:`numlint.evidence`. The rate, ratio and article date are shown for every rule."""

    def check(self, document: Document, settings: Mapping[str, Any]) -> Iterable[Finding]:
        raise NotImplementedError

    @classmethod
    def default_settings(cls) -> dict[str, Any]:
        return {setting.name: setting.default for setting in cls.settings}


RULE_ATTRIBUTES = ("code", "name", "severity", "summary", "explanation")
