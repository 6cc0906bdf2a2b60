"""Inline suppressions in Markdown and HTML comments, and NL001 unused-suppression.

```
<!-- numlint-disable NL101 -- raison -->   …   <!-- numlint-enable -->
<!-- numlint-disable -->                       (every code, until numlint-enable)
<!-- numlint-disable-next-line NL101 -->       (the next non-blank line)
<!-- numlint-disable-line NL101 -->            (the line the comment is on)
```

:func:`apply_suppressions` is the last step of :func:`numlint.check`: it reads the
directives in the comments the source reader skipped (``ProseDocument.comments``: a
comment shown in a code block or a code span is an example the reader shows, not a
comment, so not a directive), drops the diagnostics they cover and, when NL001 is
selected, reports each directive that suppressed nothing. Plain text has no comments, so
no suppressions.

A directive is only judged "unused" for codes that actually ran: a comment that
disables NL102 in a run where NL102 is ignored is left alone, since nobody can tell
whether it would have suppressed something.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from .diagnostics import Diagnostic, Edit, Fix
from .i18n import N_, render
from .rules.api import Example, Finding, Rule

if TYPE_CHECKING:
    from .document import Document
    from .sources import ProseDocument
    from .sources.lines import LineIndex

CODE = "NL001"
NAME = "unused-suppression"
UNSUPPRESSIBLE = frozenset({"NL000", CODE})
"""Internal errors and NL001 itself cannot be silenced by a comment."""

KINDS = ("disable", "enable", "disable-next-line", "disable-line")
MARKER = "numlint-"

_COMMENT = re.compile(r"<!--(.*?)--!?>", re.DOTALL)
_HEAD = re.compile(r"\s*numlint-([A-Za-z]+(?:-[A-Za-z]+)*)")
_CODE_LIKE = re.compile(r"^[A-Za-z]{2,5}[0-9]{3}$")
_TOKEN_SPLIT = re.compile(r"[\s,]+")


class UnusedSuppression(Rule):
    code = CODE
    name = NAME
    severity = "warning"
    summary = "A suppression comment suppresses nothing, or names no known rule."
    explanation = """\
## What it does

Reports a `<!-- numlint-disable … -->`, `<!-- numlint-disable-next-line … -->` or
`<!-- numlint-disable-line … -->` comment that did not hide any finding, a comment that
names a rule code numlint does not know (`NL1O1` typed with a letter O), and a
`numlint-…` directive that does not exist (`numlint-disabel`).

With NL101 running, `<!-- numlint-disable-next-line NL101 -->` above a line where NL101
finds nothing is reported, and its fix removes the comment.

A directive is judged only for the rules that ran: a comment that silences NL102 in a
run where NL102 is ignored (by `ignore`, `per-file-ignores` or `--select`) is left
alone. A bare `numlint-disable` (every code) is unused when it hid nothing at all.

The fix removes the comment (with its line when it stands alone on it), or only the codes
that hid nothing. It does not change a word of the article, so it is safe: `numlint check
--fix` applies it.

## Why it matters

A suppression is a promise that a figure was checked by a person. Once the figure is
corrected, or the sentence rewritten, the comment stays behind and keeps silencing that
rule on a line where a new slip can appear. A typo in a code is worse: the comment looks
like a suppression and does nothing.

## Syntax

```markdown
<!-- numlint-disable NL101 -- conversion vérifiée avec le service éco -->
…
<!-- numlint-enable -->
<!-- numlint-disable-next-line NL101 NL102 -->
<!-- numlint-disable-line -->
```

Codes (or rule names) are separated by spaces or commas; without codes the comment
covers every rule. Text after ` -- ` is a free reason. Internal errors (NL000) and NL001
itself cannot be suppressed by a comment; ignore NL001 in the configuration instead.
"""
    examples = (
        Example(
            "{{<!-- numlint-disable NL1O1 -->}}\nLe budget atteint 3 millions d'euros.\n",
            valid=False,
            format="markdown",
            note="NL1O1 is not a rule code (a letter O): it suppresses nothing.",
        ),
        Example(
            "{{<!-- numlint-disabel-next-line NL101 -->}}\nLe budget atteint 3 millions "
            "d'euros.\n",
            valid=False,
            format="markdown",
            note="A misspelt directive suppresses nothing.",
        ),
        Example(
            "<!-- numlint-disable-next-line NL101 -- chiffre vérifié -->\n"
            "la somme de 97,4 milliards de dollars (près de 95 millions d'euros)\n",
            valid=True,
            format="markdown",
        ),
        Example(
            "Un exemple de syntaxe : `<!-- numlint-disable -->`.\n",
            valid=True,
            format="markdown",
            note="A comment shown in a code span is not a directive.",
        ),
    )

    def check(self, document: Document, settings: Mapping[str, Any]) -> Iterator[Finding]:
        """Nothing here: :func:`apply_suppressions` reports NL001 on the source."""
        return iter(())


@dataclass(slots=True)
class Directive:
    """One ``numlint-…`` comment of the source."""

    kind: str
    """``disable``, ``enable``, ``disable-next-line``, ``disable-line`` or an unknown word."""
    start: int
    end: int
    codes: frozenset[str] | None
    """The codes it names (rule names resolved), None for every code."""
    unknown: tuple[str, ...] = ()
    """Tokens naming no installed rule."""
    codes_span: tuple[int, int] = (0, 0)
    """Where its list of codes is written in the source (to rewrite it)."""
    written: tuple[str, ...] = ()
    """Its tokens as written, in order."""
    used: set[str] = field(default_factory=set)
    used_any: bool = False

    @property
    def known(self) -> bool:
        return self.kind in KINDS


@dataclass(frozen=True, slots=True)
class _Range:
    directive: Directive
    codes: frozenset[str] | None
    excluded: frozenset[str]
    start: int
    end: int


def apply_suppressions(
    diagnostics: Iterable[Diagnostic],
    prose: ProseDocument,
    selected_codes: Collection[str],
    *,
    lang: str = "fr",
) -> list[Diagnostic]:
    """The diagnostics minus those an inline comment of ``prose``'s source suppresses,
    plus NL001 findings.

    ``prose`` is the source as its reader read it: its comments are the only places a
    directive can be. ``selected_codes`` are the codes of the rules that ran; NL001
    findings are added only if NL001 is among them. The result is sorted by position.
    """
    found = list(diagnostics)
    directives = find_directives(prose)
    if not directives:
        return found
    lines = prose.lines
    ranges = _ranges(directives, lines, len(prose.source))
    kept = _uncovered(found, ranges)
    if CODE in selected_codes:
        # When a rule failed, what it would have found is unknown: judge no directive
        # for being unused, only report the unknown codes and directives.
        failed = any(d.code == "NL000" for d in found)
        judged = frozenset({CODE}) if failed else frozenset(selected_codes)
        kept.extend(_unused(directives, prose.source, lines, judged, lang))
    return sorted(kept, key=lambda d: (d.start, d.end, d.code))


def _uncovered(found: list[Diagnostic], ranges: list[_Range]) -> list[Diagnostic]:
    """The diagnostics no range covers; each range's directive learns the codes it hid.

    Per code, each range looks up the first diagnostic at or after its start (bisect), and
    the ranges that hid something are merged into intervals a diagnostic is looked up in:
    (ranges + diagnostics) x codes, not ranges x diagnostics.
    """
    starts: dict[str, list[int]] = {}
    for diagnostic in found:
        if diagnostic.code not in UNSUPPRESSIBLE:
            starts.setdefault(diagnostic.code, []).append(diagnostic.start)
    for offsets in starts.values():
        offsets.sort()
    hiding: dict[str, list[tuple[int, int]]] = {code: [] for code in starts}
    for current in ranges:
        codes = (starts.keys() - current.excluded if current.codes is None
                 else current.codes & starts.keys())
        for code in sorted(codes):
            offsets = starts[code]
            first = bisect_left(offsets, current.start)
            if first < len(offsets) and offsets[first] < current.end:
                current.directive.used_any = True
                current.directive.used.add(code)
                hiding[code].append((current.start, current.end))
    merged = {code: _merged(spans) for code, spans in hiding.items()}
    return [
        d for d in found
        if d.code in UNSUPPRESSIBLE or not _inside(merged[d.code], d.start)
    ]


def _merged(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Overlapping half-open spans joined, as sorted starts and their ends."""
    begins: list[int] = []
    ends: list[int] = []
    for start, end in sorted(spans):
        if begins and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            begins.append(start)
            ends.append(end)
    return begins, ends


def _inside(intervals: tuple[list[int], list[int]], offset: int) -> bool:
    begins, ends = intervals
    index = bisect_right(begins, offset) - 1
    return index >= 0 and offset < ends[index]


def find_directives(prose: ProseDocument) -> list[Directive]:
    """The ``numlint-…`` directives in the comments the reader of ``prose`` skipped, in
    order (a comment shown in code, front matter or an attribute is not one of them)."""
    source = prose.source
    directives = []
    for start, end in prose.comments:
        match = _COMMENT.fullmatch(source, start, end)
        if match is not None and match.group(1).lstrip().startswith(MARKER):
            directives.append(_directive(match))
    return directives


def _directive(match: re.Match[str]) -> Directive:
    content, content_start = match.group(1), match.start(1)
    head = _HEAD.match(content)
    if head is None:  # "numlint-" then no word: nothing numlint can follow
        return Directive("", match.start(), match.end(), frozenset())
    reason_at = content.find("--", head.end())
    codes_end = reason_at if reason_at >= 0 else len(content)
    tokens = tuple(t for t in _TOKEN_SPLIT.split(content[head.end() : codes_end]) if t)
    codes, unknown = _resolve(tokens)
    return Directive(
        kind=head.group(1),
        start=match.start(),
        end=match.end(),
        codes=frozenset(codes) if tokens else None,
        unknown=unknown,
        codes_span=(content_start + head.end(), content_start + codes_end),
        written=tokens,
    )


def _resolve(tokens: tuple[str, ...]) -> tuple[list[str], tuple[str, ...]]:
    from .rules.registry import installed_rules

    registry = installed_rules()
    codes: list[str] = []
    unknown: list[str] = []
    for token in tokens:
        candidate = token.upper() if _CODE_LIKE.match(token) else token
        rule = registry.find(candidate)
        if rule is not None:
            codes.append(rule.code)
        elif candidate in UNSUPPRESSIBLE:
            codes.append(candidate)
        else:
            unknown.append(token)
    return codes, tuple(unknown)


def _ranges(directives: list[Directive], lines: LineIndex, length: int) -> list[_Range]:
    """The source ranges each directive covers (ranges end at a matching enable)."""
    done: list[_Range] = []
    open_: list[_Range] = []
    for directive in directives:
        if directive.kind == "disable":
            open_.append(_Range(directive, directive.codes, frozenset(), directive.end, length))
        elif directive.kind == "enable":
            open_ = _enable(open_, done, directive)
        elif directive.kind == "disable-line":
            start, end = lines.bounds(lines.number(directive.start))
            done.append(_Range(directive, directive.codes, frozenset(), start, end))
        elif directive.kind == "disable-next-line":
            number = lines.number(directive.end) + 1
            while number <= len(lines) and lines.blank(number):
                number += 1
            if number <= len(lines):
                start, end = lines.bounds(number)
                done.append(_Range(directive, directive.codes, frozenset(), start, end))
    return done + open_


def _enable(open_: list[_Range], done: list[_Range], directive: Directive) -> list[_Range]:
    still_open: list[_Range] = []
    for current in open_:
        closed = replace(current, end=directive.start)
        if directive.codes is None:
            done.append(closed)
        elif current.codes is None:
            done.append(closed)
            still_open.append(replace(
                current, excluded=current.excluded | directive.codes, start=directive.end
            ))
        elif current.codes & directive.codes:
            done.append(closed)
            remaining = current.codes - directive.codes
            if remaining:
                still_open.append(replace(current, codes=remaining, start=directive.end))
        else:
            still_open.append(current)
    return still_open


# -- NL001 -------------------------------------------------------------------------------

_UNKNOWN_KIND = N_("Unknown numlint directive “{directive}”: it suppresses nothing")
_UNKNOWN_CODE = N_("Unknown rule code “{codes}” in a suppression comment: it suppresses nothing")
_UNUSED_ALL = N_("This suppression comment suppresses nothing")
_UNUSED_CODES = N_("Unused suppression: no {codes} finding here")
_FIX_REMOVE = N_("Remove the unused suppression comment")
_FIX_CODES = N_("Remove the unused codes from the suppression comment")

def _unused(
    directives: list[Directive],
    source: str,
    lines: LineIndex,
    selected: frozenset[str],
    lang: str,
) -> Iterator[Diagnostic]:
    for directive in directives:
        problem = _problem(directive, selected, source, lines)
        if problem is None:
            continue
        message, params, fix = problem
        (line, column), (end_line, end_column) = (
            lines.line_col(directive.start), lines.line_col(directive.end)
        )
        yield Diagnostic(
            code=CODE,
            name=NAME,
            severity=UnusedSuppression.severity,
            message=render(message, params, lang),
            start=directive.start,
            end=directive.end,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            fix=None if fix is None else Fix(fix[0], "safe", render(fix[1], {}, lang)),
            evidence={"directive": source[directive.start : directive.end]},
        )


def _problem(
    directive: Directive, selected: frozenset[str], source: str, lines: LineIndex
) -> tuple[str, dict[str, str], tuple[tuple[Edit, ...], str] | None] | None:
    if not directive.known:
        return _UNKNOWN_KIND, {"directive": f"numlint-{directive.kind}"}, None
    if directive.unknown:
        return _UNKNOWN_CODE, {"codes": ", ".join(directive.unknown)}, None
    if directive.kind == "enable":
        return None
    if directive.codes is None:
        if directive.used_any or not (selected - {CODE}):
            return None
        return _UNUSED_ALL, {}, ((_removal(directive, source, lines),), _FIX_REMOVE)
    unused = sorted((directive.codes & selected) - directive.used - UNSUPPRESSIBLE)
    if not unused:
        return None
    params = {"codes": ", ".join(unused)}
    kept = [t for t in directive.written if _canonical(t) not in unused]
    if not kept:
        return _UNUSED_CODES, params, ((_removal(directive, source, lines),), _FIX_REMOVE)
    start, end = directive.codes_span
    edit = Edit(start, end, " " + " ".join(kept) + " ")
    return _UNUSED_CODES, params, ((edit,), _FIX_CODES)


def _canonical(token: str) -> str:
    from .rules.registry import installed_rules

    candidate = token.upper() if _CODE_LIKE.match(token) else token
    rule = installed_rules().find(candidate)
    return rule.code if rule is not None else candidate


def _removal(directive: Directive, source: str, lines: LineIndex) -> Edit:
    """Remove the comment, and its whole line when nothing else stands on it."""
    first = lines.number(directive.start)
    last = lines.number(directive.end)
    line_start, _ = lines.bounds(first)
    _, line_end = lines.bounds(last)
    alone = not source[line_start : directive.start].strip() and not (
        source[directive.end : line_end].strip()
    )
    if not alone:
        return Edit(directive.start, directive.end, "")
    return Edit(line_start, lines.next_start(last), "")
