"""The language server: checks Markdown, HTML and text documents as they are edited.

Each document is checked on open, change (incremental sync) and save, with the
configuration the CLI would use for its file (``numlint.toml`` or ``pyproject.toml``
``[tool.numlint]`` found from its folder, per-file ignores included). The findings of the
last check of each open document are kept for hover and code actions, and dropped on close.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.workspace import TextDocument

from .. import __version__
from ..cli.errors import one_line
from ..config import DEFAULT_CONFIG, Config, ConfigError
from ..config_files import ConfigFile, find_config_file, load_config_file
from ..diagnostics import Diagnostic
from ..i18n import DEFAULT_LANGUAGE, N_, render
from ..pipeline import check
from ..rules.registry import installed_rules
from ..sources import Format
from .convert import SOURCE, code_action, hover_text, span, to_lsp

log = logging.getLogger("numlint.lsp")
LANGUAGE_IDS: dict[str, Format] = {"markdown": "markdown", "html": "html",
                                   "plaintext": "text", "text": "text"}
EXTENSIONS: dict[str, Format] = {".md": "markdown", ".markdown": "markdown", ".html": "html",
                                 ".htm": "html", ".txt": "text"}


@dataclass(frozen=True)
class Checked:
    version: int | None
    diagnostics: tuple[Diagnostic, ...]
    lang: str = DEFAULT_LANGUAGE
    """The language of the configuration: hovers and code actions speak it too."""


def document_format(document: TextDocument) -> Format | None:
    """How to read the document: its language id, else its extension; None: not ours."""
    by_id = LANGUAGE_IDS.get((document.language_id or "").lower())
    if by_id is not None:
        return by_id
    return EXTENSIONS.get(Path(document.path or document.uri).suffix.lower())


def document_config(document: TextDocument) -> Config:
    """The configuration for the document's file, found from its folder as the CLI does."""
    if not document.path:
        return DEFAULT_CONFIG
    path = Path(document.path)
    found = find_config_file(path.parent)
    if found is None:
        return DEFAULT_CONFIG
    loaded = _loaded(found, installed_rules().rules)
    ignored = tuple(loaded.file.ignored_codes(path))
    if not ignored:
        return loaded.file.config
    config = loaded.ignoring.get(ignored)
    if config is None:  # one configuration per set of ignores: its rule plan is kept
        base = loaded.file.config
        config = loaded.ignoring.setdefault(ignored, replace(base, ignore=(*base.ignore,
                                                                          *ignored)))
    return config


@dataclass(frozen=True)
class _Loaded:
    raw: bytes
    rules: tuple[type, ...]
    file: ConfigFile
    ignoring: dict[tuple[str, ...], Config]


_LOADED: dict[Path, _Loaded] = {}
"""The configuration files read, by path: a file is parsed and checked again only when
its bytes change, so that a check per keystroke does not read TOML and plan the rules."""


def _loaded(path: Path, rules: Sequence[type]) -> _Loaded:
    rules = tuple(rules)
    try:
        raw = path.read_bytes()
    except OSError:  # load_config_file says why, as a configuration error
        return _Loaded(b"", rules, load_config_file(path, rules), {})
    known = _LOADED.get(path)
    if known is None or known.raw != raw or known.rules != rules:
        known = _LOADED[path] = _Loaded(raw, rules, load_config_file(path, rules), {})
    return known


class NumlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("numlint", __version__,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.checked: dict[str, Checked] = {}

    def lint(self, uri: str) -> None:
        document = self.workspace.get_text_document(uri)
        kind = document_format(document)
        published: list[types.Diagnostic] = []
        found: tuple[Diagnostic, ...] = ()
        lang = DEFAULT_LANGUAGE
        if kind is not None:
            try:
                config = document_config(document)
                lang = config.lang
                found = tuple(check(document.source, format=kind, config=config))
                published = [to_lsp(document, d, i) for i, d in enumerate(found)]
            except ConfigError as error:
                log.warning("%s", error)
                published = [types.Diagnostic(range=span(document, 0, 0), source=SOURCE,
                                              message="numlint: " + render(
                                                  N_("configuration error: {error}"),
                                                  {"error": one_line(error, lang)}, lang),
                                              severity=types.DiagnosticSeverity.Error)]
        self.checked[uri] = Checked(document.version, found, lang)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=document.version, diagnostics=published))

    def language_of(self, uri: str) -> str:
        checked = self.checked.get(uri)
        return checked.lang if checked is not None else DEFAULT_LANGUAGE

    def findings_at(self, uri: str, start: int, end: int) -> list[tuple[int, Diagnostic]]:
        """The last findings of ``uri`` that touch source offsets ``start``..``end``."""
        checked = self.checked.get(uri)
        if checked is None:
            return []
        return [(i, d) for i, d in enumerate(checked.diagnostics)
                if d.start <= end and start <= d.end]


def build_server() -> NumlintServer:
    server = NumlintServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: NumlintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.lint(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: NumlintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.lint(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: NumlintServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.lint(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NumlintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.checked.pop(params.text_document.uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=params.text_document.uri, diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: NumlintServer, params: types.HoverParams) -> types.Hover | None:
        document = ls.workspace.get_text_document(params.text_document.uri)
        offset = document.offset_at_position(params.position)
        found = ls.findings_at(document.uri, offset, offset)
        if not found:
            return None
        lang = ls.language_of(document.uri)
        text = "\n\n---\n\n".join(hover_text(document, d, lang) for _, d in found)
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown,
                                                        value=text))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_actions(ls: NumlintServer,
                     params: types.CodeActionParams) -> list[types.CodeAction]:
        document = ls.workspace.get_text_document(params.text_document.uri)
        start = document.offset_at_position(params.range.start)
        end = document.offset_at_position(params.range.end)
        lang = ls.language_of(document.uri)
        actions = (code_action(document, d, i, lang)
                   for i, d in ls.findings_at(document.uri, start, end))
        return [a for a in actions if a is not None]

    return server
