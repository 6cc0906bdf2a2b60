"""SARIF 2.1.0, as GitHub code scanning reads it.

One run; ``tool.driver.rules`` lists every installed rule (summary as short description,
explanation as full description and help, in text and Markdown, default level);
each result has its rule id and index, level, message, a region and, when there is one,
its fix. Columns are given in UTF-16 code units, SARIF's default (``columnKind`` says so
explicitly), and converted from numlint's code-point columns: an emoji or a rare CJK
character before a figure counts twice. URIs are relative to the working directory,
with forward slashes and percent-encoding.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path, PurePath
from typing import Any, TextIO
from urllib.parse import quote

from ..diagnostics import Diagnostic, Edit
from ..i18n import DEFAULT_LANGUAGE, N_, translate
from ..rules import texts
from ..rules.api import Rule
from ..sources.lines import LineIndex
from .model import FileReport, Options, Report

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
VERSION = "2.1.0"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
_LANGUAGE_TAGS = {"fr": "fr-FR", "en": "en-US"}
"""SARIF's ``run.language`` (RFC 5646; the format's default is en-US)."""


def _internal(lang: str) -> dict[str, Any]:
    return {
        "id": "NL000",
        "name": "internal-error",
        "shortDescription": {"text": translate(N_("A rule failed and was skipped."), lang)},
        "defaultConfiguration": {"level": "error"},
    }


def write(report: Report, stream: TextIO, options: Options) -> None:
    json.dump(sarif_log(report, options.lang), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


class Writer:
    """SARIF is one JSON object whose rules come before the results: the files are kept
    (their findings, and their text for UTF-16 columns) and the log written at the end."""

    def __init__(self, stream: TextIO, options: Options, rules: tuple[type[Rule], ...] = (),
                 fixing: bool = False, unsafe_fixes: bool = False) -> None:
        self.stream, self.options = stream, options
        self.rules, self.fixing, self.unsafe_fixes = rules, fixing, unsafe_fixes
        self.files: list[FileReport] = []

    def add(self, file: FileReport) -> None:
        self.files.append(file)

    def close(self) -> None:
        write(Report(tuple(self.files), self.rules, self.fixing, self.unsafe_fixes),
              self.stream, self.options)


def sarif_log(report: Report, lang: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
    """The log; its human texts (rule descriptions, messages) in ``lang``, which the run's
    ``language`` states; ids, names, levels and evidence are identifiers, never translated."""
    rules = [rule_descriptor(rule, lang) for rule in report.rules]
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    for _, d in report.findings():
        if d.code not in index:
            index[d.code] = len(rules)
            rules.append(_internal(lang) if d.code == "NL000" else _unknown_rule(d))
    results: list[dict[str, Any]] = []
    for file in report.files:
        lines = _Lines(file.source)
        uri = artifact_uri(file.path)
        results.extend(_result(d, uri, lines, index[d.code], lang) for d in file.diagnostics)
    driver: dict[str, Any] = {
        "name": "numlint",
        "version": _version(),
        "semanticVersion": _version(),
        "rules": rules,
    }
    homepage = information_uri()
    if homepage:
        driver["informationUri"] = homepage
    return {
        "$schema": SCHEMA,
        "version": VERSION,
        "runs": [{"tool": {"driver": driver}, "language": _LANGUAGE_TAGS.get(lang, lang),
                  "columnKind": "utf16CodeUnits", "results": results}],
    }


def rule_descriptor(rule: type[Rule], lang: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
    explanation = texts.explanation(rule, lang).strip()
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": texts.summary(rule, lang)},
        "fullDescription": {"text": first_paragraph(explanation), "markdown": explanation},
        "help": {"text": explanation, "markdown": explanation},
        "defaultConfiguration": {
            "level": LEVELS[rule.severity],
            "enabled": bool(rule.enabled_by_default),
        },
        "properties": {"tags": ["numlint", rule.severity]},
    }


def artifact_uri(path: str) -> str:
    """A relative path as a relative URI (``articles/%C3%A9co.md``), else a file URI."""
    pure = PurePath(path)
    if pure.is_absolute():
        return Path(path).as_uri()
    return quote(pure.as_posix(), safe="/")


def first_paragraph(markdown: str) -> str:
    """The first paragraph of prose (headings skipped), as plain text."""
    paragraph: list[str] = []
    for line in markdown.splitlines():
        stripped = line.strip()
        if stripped.startswith("#") or (not stripped and not paragraph):
            continue
        if not stripped:
            break
        paragraph.append(stripped)
    return re.sub(r"[*`_]", "", " ".join(paragraph)) or markdown


def information_uri() -> str | None:
    """The project's home page as its package metadata declares it, if it does."""
    try:
        meta = metadata.metadata("numlint")
    except metadata.PackageNotFoundError:
        return None
    for entry in meta.get_all("Project-URL") or ():
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "documentation", "repository", "source"):
            return url.strip()
    home = next(iter(meta.get_all("Home-page") or ()), None)
    return home or None


def _version() -> str:
    from .. import __version__

    return __version__


def _unknown_rule(d: Diagnostic) -> dict[str, Any]:
    return {"id": d.code, "name": d.name, "shortDescription": {"text": d.name},
            "defaultConfiguration": {"level": LEVELS[d.severity]}}


def _result(d: Diagnostic, uri: str, lines: _Lines, index: int,
            lang: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": d.code,
        "ruleIndex": index,
        "level": LEVELS[d.severity],
        "message": {"text": d.message},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": uri},
                "region": lines.region(d.start, d.end),
            }
        }],
    }
    if d.fix is not None and d.fix.edits:
        result["fixes"] = [{
            "description": {"text": d.fix.description or translate(
                N_("safe fix") if d.fix.safety == "safe" else N_("unsafe fix"), lang)},
            "artifactChanges": [{
                "artifactLocation": {"uri": uri},
                "replacements": list(_replacements(d.fix.edits, lines)),
            }],
            "properties": {"safety": d.fix.safety},
        }]
    if d.evidence:
        result["properties"] = {"name": d.name, "evidence": dict(d.evidence)}
    return result


def _replacements(edits: Iterable[Edit], lines: _Lines) -> Iterable[dict[str, Any]]:
    for edit in edits:
        yield {
            "deletedRegion": lines.region(edit.start, edit.end),
            "insertedContent": {"text": edit.replacement},
        }


class _Lines:
    """Offsets of a file -> SARIF lines and UTF-16 columns (1-based, end exclusive)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.index = LineIndex(source)

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, len(self.source)))
        line, column = self.index.line_col(offset)
        before = self.source[offset - column + 1 : offset]
        return line, 1 + len(before) + sum(1 for char in before if ord(char) > 0xFFFF)

    def region(self, start: int, end: int) -> dict[str, int]:
        start_line, start_column = self.position(start)
        end_line, end_column = self.position(end)
        return {
            "startLine": start_line,
            "startColumn": start_column,
            "endLine": end_line,
            "endColumn": end_column,
        }
