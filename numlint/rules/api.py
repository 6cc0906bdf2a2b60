"""The plugin API: everything a rule may import, numlint's own rules included.

A rule is a class with a stable code, a name, a default severity, a one-line summary, an
explanation (what it does, why it matters), examples (valid and invalid samples, which
are also its tests and its documentation) and optional settings. Its :meth:`Rule.check`
reads a :class:`Document` and yields :class:`Finding` objects; numlint turns them into
diagnostics at source offsets, in the reader's language.

numlint's built-in rules import from this module only (a test checks it), so a plugin
can do whatever they do: translate its messages (:func:`N_`), reuse the conversion
check (:func:`assess`), build a scale fix (:func:`rescale`). Groups of names:

- declaring a rule: :class:`Rule`, :class:`Example`, :class:`Setting`;
- what it reads: :class:`Document` (the analysed article), :class:`Mention` (one figure,
  each written piece of it a :class:`Part`: text and span, ``mention.number.text``,
  ``mention.scale.span``; the flat ``number_text``, ``scale_span``… are deprecated aliases),
  the relations :class:`Change`, :class:`AmountChange`, :class:`Sum`, :class:`Range`,
  :class:`Restatement`;
- what it yields: :class:`Finding`, :class:`TextEdit` (a :data:`Severity` overrides the
  rule's own);
- messages: :func:`N_` marks a message id for translation; :class:`Phrase` and
  :class:`Amount` are parameters shown in the reader's language;
- conversions (``2,4 milliards de dollars (environ 2,3 milliards d'euros)``):
  :func:`judge` gives the one :class:`Verdict` on a conversion (consistent, a slip of
  magnitude, an English *billion*, a few percent off, or not judged and why) that
  NL101, NL102 and NL104 share; :func:`assess` measures it (:class:`Assessment`),
  :func:`evidence_of`,
  :func:`english_reading` / :func:`english_explains` / :func:`english_singular` /
  :data:`ENGLISH_SCALES` (the English *billion*), :func:`plain` (a value written for a message),
  :data:`DEFAULT_TOLERANCES`;
- changes and multiples (``de 12 à 15, soit +25 %``): :func:`relative_change`,
  :func:`point_change`, :func:`ratio_of`, :func:`stated_change`, :func:`multiple_allows`,
  :func:`change_of_multiple` (an :class:`Interval` of what is consistent);
- fixes: :func:`scale_fix` (a figure at another scale, ``95 millions`` -> ``95
  milliards``, as a :class:`ScaleFix`: the edit, the message's suggestion and the fixed
  figure for the evidence), :func:`rescale` / :func:`rescale_number` (the bare
  rewrite), :func:`agree` (a scale word agreeing with its number),
  :func:`grouped` (digits grouped the French way), :data:`SCALE_SHIFTS`,
  :data:`LONG_SCALES`, :data:`NO_BREAK_SPACE`, :data:`NARROW_NO_BREAK_SPACE`,
  :func:`shifted` (a decimal string with its point moved);
- helpers: :func:`rounded` (Decimal rounding to a quantum), :func:`compile_pattern` (a
  regular expression compiled once per process), :func:`match_at` (a pattern matched
  at a position of the text), :data:`TEMPERATURES` (the units that are temperatures),
  :data:`COARSE_SOURCE` (the evidence label of a coarse yearly rate).

The names of the last five groups are loaded on first use, so that importing this module
stays cheap. Everything else under ``numlint`` is internal and may change; rules are
registered under the entry-point group ``numlint.rules`` (numlint's own rules too), see
``docs/writing-a-rule.md``.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from importlib import import_module
from typing import TYPE_CHECKING, Any, ClassVar

from ..diagnostics import Safety, Severity
from ..errors import LocalizedValueError
from ..i18n import N_, Amount, Phrase
from ..records import Record

if TYPE_CHECKING:
    from ..assessment import (
        DEFAULT_TOLERANCES,
        ENGLISH_SCALES,
        Assessment,
        Interval,
        assess,
        change_of_multiple,
        english_explains,
        english_reading,
        english_singular,
        evidence_of,
        multiple_allows,
        plain,
        point_change,
        ratio_of,
        relative_change,
        stated_change,
    )
    from ..cache import compile_pattern
    from ..conversion import TEMPERATURES
    from ..document import Document
    from ..matching import match_at
    from ..mentions import Mention, Part
    from ..mentions.digits import shifted
    from ..rates.coarse import SOURCE as COARSE_SOURCE
    from ..relations import AmountChange, Change, Range, Restatement, Sum
    from ..rewrite import (
        LONG_SCALES,
        NARROW_NO_BREAK_SPACE,
        NO_BREAK_SPACE,
        SCALE_SHIFTS,
        agree,
        grouped,
        rescale,
        rescale_number,
    )
    from ..rounding import rounded
    from ..verdict import Verdict, judge


class TextEdit(Record):
    """Replace ``document.text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str

    __slots__ = __match_args__ = ("start", "end", "replacement")

    def __init__(self, start: int, end: int, replacement: str) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "replacement", replacement)


class ScaleFix(Record):
    """A figure rewritten at another power of ten, ready for a finding: its edit, the
    message's `` Did you mean “…”?`` (``{suggestion}``) and the figure as fixed, for the
    evidence. Empty when no single word of the writer's style says the new power."""

    edits: tuple[TextEdit, ...]
    suggestion: Phrase | str
    fixed: str | None

    __slots__ = __match_args__ = ("edits", "suggestion", "fixed")

    def __init__(self, edits: tuple[TextEdit, ...] = (), suggestion: Phrase | str = "",
                 fixed: str | None = None) -> None:
        object.__setattr__(self, "edits", edits)
        object.__setattr__(self, "suggestion", suggestion)
        object.__setattr__(self, "fixed", fixed)

    def noted_in(self, evidence: dict[str, Any]) -> dict[str, Any]:
        """``evidence`` with the fixed figure under ``suggestion``, when there is one."""
        if self.fixed is not None:
            evidence["suggestion"] = self.fixed
        return evidence


def scale_fix(text: str, figure: Mention, shift: int | None, *,
              number_only: bool = False) -> ScaleFix:
    """The fix that writes ``figure`` ``shift`` powers of ten larger (negative: smaller),
    through its scale word or unit prefix; ``number_only`` rewrites only the number (a bound
    that shares the scale word of the other)."""
    if shift is None:
        return ScaleFix()
    from ..rewrite import rescale, rescale_number

    rewrite = (rescale_number if number_only else rescale)(text, figure, shift)
    if rewrite is None:
        return ScaleFix()
    return ScaleFix((TextEdit(rewrite.start, rewrite.end, rewrite.replacement),),
                    Phrase(N_(" Did you mean “{fixed}”?"), {"fixed": rewrite.figure}),
                    rewrite.figure)


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


class Example(Record):
    """A sample for a rule's documentation and tests.

    In an invalid sample, ``{{`` and ``}}`` mark the span the finding must cover
    (``(près de {{95 millions d'euros}})``); ``fixed`` is the text after the fix.
    """

    text: str
    valid: bool
    fixed: str | None
    date: date | None
    format: str
    note: str

    __slots__ = __match_args__ = ("text", "valid", "fixed", "date", "format", "note")

    def __init__(self, text: str, valid: bool, fixed: str | None = None,
                 date: dt.date | None = None, format: str = "text", note: str = "") -> None:
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "valid", valid)
        object.__setattr__(self, "fixed", fixed)
        object.__setattr__(self, "date", date)
        object.__setattr__(self, "format", format)
        object.__setattr__(self, "note", note)


class Setting(Record):
    """A setting a user may give a rule in ``[tool.numlint.rules.CODE]``."""

    name: str
    default: Any
    description: str
    kind: type

    __slots__ = __match_args__ = ("name", "default", "description", "kind")

    def __init__(self, name: str, default: Any, description: str, kind: type = float) -> None:
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "default", default)
        object.__setattr__(self, "description", description)
        object.__setattr__(self, "kind", kind)

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


_LAZY = {
    **dict.fromkeys(
        ("DEFAULT_TOLERANCES", "ENGLISH_SCALES", "Assessment", "Interval", "assess",
         "change_of_multiple", "english_singular",
         "english_explains", "english_reading", "evidence_of", "multiple_allows", "plain",
         "point_change", "ratio_of", "relative_change", "stated_change"),
        "numlint.assessment"),
    **dict.fromkeys(
        ("LONG_SCALES", "NARROW_NO_BREAK_SPACE", "NO_BREAK_SPACE", "SCALE_SHIFTS", "agree",
         "grouped", "rescale", "rescale_number"),
        "numlint.rewrite"),
    **dict.fromkeys(("AmountChange", "Change", "Range", "Restatement", "Sum"),
                    "numlint.relations"),
    **dict.fromkeys(("Verdict", "judge"), "numlint.verdict"),
    "Document": "numlint.document",
    "Mention": "numlint.mentions",
    "Part": "numlint.mentions",
    "TEMPERATURES": "numlint.conversion",
    "compile_pattern": "numlint.cache",
    "match_at": "numlint.matching",
    "rounded": "numlint.rounding",
    "shifted": "numlint.mentions.digits",
}
_RENAMED = {"COARSE_SOURCE": ("numlint.rates.coarse", "SOURCE")}

__all__ = [
    "COARSE_SOURCE",
    "DEFAULT_TOLERANCES",
    "ENGLISH_SCALES",
    "LONG_SCALES",
    "NARROW_NO_BREAK_SPACE",
    "NO_BREAK_SPACE",
    "N_",
    "RULE_ATTRIBUTES",
    "SCALE_SHIFTS",
    "TEMPERATURES",
    "Amount",
    "AmountChange",
    "Assessment",
    "Change",
    "Document",
    "Example",
    "Finding",
    "Interval",
    "Mention",
    "Part",
    "Phrase",
    "Range",
    "Restatement",
    "Rule",
    "ScaleFix",
    "Setting",
    "Severity",
    "Sum",
    "TextEdit",
    "Verdict",
    "agree",
    "assess",
    "change_of_multiple",
    "compile_pattern",
    "english_explains",
    "english_reading",
    "english_singular",
    "evidence_of",
    "grouped",
    "judge",
    "match_at",
    "multiple_allows",
    "plain",
    "point_change",
    "ratio_of",
    "relative_change",
    "rescale",
    "rescale_number",
    "rounded",
    "scale_fix",
    "shifted",
    "stated_change",
]


if not TYPE_CHECKING:  # type checkers see the imports above, not this

    def __getattr__(name: str) -> Any:
        module, attribute = _RENAMED.get(name) or (_LAZY.get(name), name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(import_module(module), attribute)
        globals()[name] = value
        return value
