"""``numlint lsp`` end to end: pygls' own LanguageClient drives the server over stdio."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the lsp extra: pip install -e '.[lsp]'")

from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.workspace import TextDocument

from numlint.diagnostics import Edit, apply_edits

SLIP = "La somme de 97,4 milliards de dollars (près de 95 millions d’euros) a été versée."
WRONG = "95 millions d’euros"
RIGHT = "95 milliards d’euros"


class Session:
    """A client talking to ``python -m numlint lsp``, collecting published diagnostics."""

    def __init__(self) -> None:
        self.client = LanguageClient("numlint-test", "1")
        self.published: dict[str, list[types.PublishDiagnosticsParams]] = {}
        self.arrived = asyncio.Event()

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def publish(client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
            self.published.setdefault(params.uri, []).append(params)
            self.arrived.set()

    async def __aenter__(self) -> Session:
        await self.client.start_io(sys.executable, "-m", "numlint", "lsp")
        await self.client.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(), process_id=None, root_uri=None))
        self.client.initialized(types.InitializedParams())
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()

    async def diagnostics(self, uri: str, count: int) -> list[types.Diagnostic]:
        """The diagnostics of the ``count``-th publication for ``uri``."""
        async def wait() -> None:
            while len(self.published.get(uri, [])) < count:
                self.arrived.clear()
                await self.arrived.wait()

        await asyncio.wait_for(wait(), 60)
        return self.published[uri][count - 1].diagnostics


def lsp_offset(text: str, position: types.Position) -> int:
    return TextDocument("file:///x", text).offset_at_position(position)


def test_open_edit_hover_and_fix(tmp_path: Path):
    path = tmp_path / "article.md"
    text = "---\ndate: 2025-02-11\n---\n\n# Budget 🇫🇷\n\n😀 " + SLIP + "\n"
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()

    async def scenario() -> None:
        async with Session() as session:
            client = session.client
            client.text_document_did_open(types.DidOpenTextDocumentParams(
                types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)))
            (found,) = [d for d in await session.diagnostics(uri, 1) if d.code == "NL101"]
            assert found.severity == types.DiagnosticSeverity.Error
            assert found.source == "numlint"
            start = lsp_offset(text, found.range.start)
            assert text[start:lsp_offset(text, found.range.end)] == WRONG
            # UTF-16: the emoji before the figure counts two units
            line = text.splitlines()[found.range.start.line]
            assert found.range.start.character == line.index(WRONG) + 1

            hover = await client.text_document_hover_async(types.HoverParams(
                types.TextDocumentIdentifier(uri), found.range.start))
            assert hover is not None
            assert "NL101" in hover.contents.value
            assert "le 11/02/2025" in hover.contents.value  # the evidence: rate date
            assert "Correction (à confirmer)" in hover.contents.value

            actions = await client.text_document_code_action_async(types.CodeActionParams(
                types.TextDocumentIdentifier(uri), found.range,
                types.CodeActionContext(diagnostics=[found])))
            (action,) = actions
            assert action.kind == types.CodeActionKind.QuickFix
            assert "à confirmer" in action.title
            assert action.is_preferred is False
            edits = action.edit.changes[uri]
            fixed = apply_edits(text, [Edit(lsp_offset(text, e.range.start),
                                            lsp_offset(text, e.range.end), e.new_text)
                                       for e in edits])
            assert fixed == text.replace(WRONG, RIGHT)

            # the client applies the fix as an incremental change: the finding goes away
            (edit,) = edits
            client.text_document_did_change(types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=2),
                [types.TextDocumentContentChangePartial(range=edit.range,
                                                        text=edit.new_text)]))
            assert [d.code for d in await session.diagnostics(uri, 2)
                    if d.code == "NL101"] == []

            # an incremental insertion elsewhere brings a new slip back
            end = types.Position(line=len(fixed.splitlines()), character=0)
            client.text_document_did_change(types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=3),
                [types.TextDocumentContentChangePartial(
                    range=types.Range(end, end), text="\n" + SLIP + "\n")]))
            again = [d for d in await session.diagnostics(uri, 3) if d.code == "NL101"]
            assert len(again) == 1
            assert again[0].range.start.line == len(fixed.splitlines()) + 1

    asyncio.run(scenario())


def test_configuration_and_formats(tmp_path: Path):
    (tmp_path / "numlint.toml").write_text('ignore = ["NL101"]\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    html = tmp_path / "sub" / "page.html"
    html.write_text(f"<p>{SLIP}</p>", encoding="utf-8")
    other = tmp_path.parent / f"{tmp_path.name}-other"
    other.mkdir()
    (other / "numlint.toml").write_text('select = ["NL999"]\n', encoding="utf-8")
    broken = other / "note.txt"
    python = tmp_path / "script.py"
    plain = tmp_path.parent / f"{tmp_path.name}-plain"
    plain.mkdir()
    by_extension = plain / "page.htm"

    async def scenario() -> None:
        async with Session() as session:
            for path, language, text in ((html, "html", f"<p>{SLIP}</p>"),
                                         (broken, "plaintext", SLIP),
                                         (python, "python", f"# {SLIP}"),
                                         (by_extension, "", f"<p>{SLIP}</p>")):
                session.client.text_document_did_open(types.DidOpenTextDocumentParams(
                    types.TextDocumentItem(uri=path.as_uri(), language_id=language,
                                           version=1, text=text)))
            # numlint.toml one folder up: NL101 is ignored
            assert [d.code for d in await session.diagnostics(by_extension.as_uri(), 1)
                    if d.code == "NL101"] == ["NL101"]  # no configuration: it is reported
            assert [d.code for d in await session.diagnostics(html.as_uri(), 1)
                    if d.code == "NL101"] == []
            (error,) = await session.diagnostics(broken.as_uri(), 1)
            assert "erreur de configuration" in error.message and "NL999" in error.message
            assert list(await session.diagnostics(python.as_uri(), 1)) == []

    asyncio.run(scenario())


def test_a_configuration_file_is_read_again_only_when_it_changes(tmp_path: Path):
    from numlint.lsp.server import document_config

    config_file = tmp_path / "numlint.toml"
    config_file.write_text('ignore = ["NL101"]\n[per-file-ignores]\n"brouillons/*" = ["NL102"]\n',
                           encoding="utf-8")
    (tmp_path / "brouillons").mkdir()

    def config_of(name: str):
        path = tmp_path / name
        return document_config(TextDocument(path.as_uri(), "", language_id="markdown"))

    first = config_of("article.md")
    assert first.ignore == ("NL101",)
    assert config_of("article.md") is first  # one configuration: its rule plan is kept
    draft = config_of("brouillons/a.md")
    assert draft.ignore == ("NL101", "NL102")
    assert config_of("brouillons/b.md") is draft
    config_file.write_text('ignore = ["NL105"]\n', encoding="utf-8")
    changed = config_of("article.md")
    assert changed.ignore == ("NL105",) and changed is not first
