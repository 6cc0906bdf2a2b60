"""The ASGI application of ``numlint serve`` (Starlette): LanguageTool's ``/v2`` API.

Each request is read, checked and answered on its own: nothing of one request is kept for
the next. ``check()`` runs in a worker thread so that a long article does not hold up the
event loop, and several requests are checked at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import parse_qsl

import anyio
import anyio.to_thread
import httpx
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from ..config import Config, ConfigError
from ..diagnostics import Diagnostic
from ..pipeline import check
from . import ltjson, proxy
from .request import BadRequest, CheckRequest, read_request

DEFAULT_MAX_BYTES = 1_000_000


@dataclass(frozen=True)
class ServeSettings:
    config: Config = field(default_factory=Config)
    """The server's configuration; each request may choose rules on top of it."""
    upstream: str | None = None
    """A LanguageTool server to forward to (proxy mode)."""
    max_bytes: int = DEFAULT_MAX_BYTES
    docs_url: str | None = None
    allow_origins: tuple[str, ...] = ()
    """Web origins allowed to call the API from a page (CORS), such as Obsidian's
    ``app://obsidian.md``; ``*`` allows any."""
    threads: int = field(default_factory=lambda: os.cpu_count() or 1)
    """Articles checked at once; more requests wait their turn. check() holds the GIL, so
    more threads than cores only stretch each check's wall time (and its rule budget)."""


class TooLarge(Exception):
    pass


def create_app(settings: ServeSettings) -> Starlette:
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with httpx.AsyncClient() as client:
            app.state.client = client
            app.state.limiter = anyio.CapacityLimiter(settings.threads)
            yield

    async def check_endpoint(request: Request) -> Response:
        try:
            fields = await _fields(request, settings.max_bytes)
        except TooLarge:
            return _error(413, f"Error: the request is larger than {settings.max_bytes} bytes "
                          "(numlint serve --max-bytes)")
        except BadRequest as error:
            return _error(400, f"Error: {error}")
        if settings.upstream:
            return await _proxied(request, fields)
        try:
            asked = read_request(fields, settings.config)
        except BadRequest as error:
            return _error(400, f"Error: {error}")
        if not asked.french:
            return _error(400, f"Error: '{asked.language}' is not a language numlint "
                          "checks: use fr, fr-FR (or another fr-XX) or auto")
        try:
            found = await _in_thread(request, asked)
        except ConfigError as error:
            return _error(400, f"Error: {error}")
        return JSONResponse(ltjson.answer(asked, found, settings.docs_url))

    async def _proxied(request: Request, fields: dict[str, str]) -> Response:
        client = request.app.state.client
        try:
            asked = read_request(fields, settings.config)
        except BadRequest as error:
            return _error(400, f"Error: {error}")
        sent = proxy.upstream_fields(fields)
        ours: Any = (_in_thread(request, asked) if asked.french else _nothing())
        theirs: Any = (proxy.ask(client, settings.upstream or "", "v2/check", sent)
                       if sent is not None else _nothing())
        answers: tuple[Any, Any] = await asyncio.gather(ours, theirs, return_exceptions=True)
        found, upstream = answers
        if isinstance(found, ConfigError):
            return _error(400, f"Error: {found}")
        if isinstance(found, BaseException):
            raise found
        if isinstance(upstream, proxy.Upstream) and 400 <= upstream.status < 500:
            return PlainTextResponse(upstream.text, status_code=upstream.status)
        mine = ltjson.answer(asked, found or [], settings.docs_url)
        if not isinstance(upstream, proxy.Upstream):  # nothing asked upstream
            return JSONResponse(mine)
        if upstream.failure is not None:
            mine["warnings"] = {"incompleteResults": True, "numlint": upstream.failure}
            return JSONResponse(mine)
        if not isinstance(upstream.body, Mapping):
            mine["warnings"] = {"incompleteResults": True,
                                "numlint": "upstream LanguageTool answered an unexpected JSON"}
            return JSONResponse(mine)
        return JSONResponse(proxy.merge(upstream.body, mine["matches"]))

    async def languages(request: Request) -> Response:
        if settings.upstream:
            upstream = await proxy.ask(request.app.state.client, settings.upstream,
                                       "v2/languages")
            if upstream.status == 200 and isinstance(upstream.body, list):
                return JSONResponse(upstream.body)
        return JSONResponse(list(ltjson.LANGUAGES))

    return Starlette(
        routes=[
            Route("/v2/check", check_endpoint, methods=["GET", "POST"]),
            Route("/v2/languages", languages, methods=["GET"]),
        ],
        lifespan=lifespan,
        middleware=[Middleware(CORSMiddleware, allow_origins=list(settings.allow_origins),
                               allow_methods=["GET", "POST"], allow_headers=["*"])]
        if settings.allow_origins else [],
    )


async def _in_thread(request: Request, asked: CheckRequest) -> list[Diagnostic]:
    return await anyio.to_thread.run_sync(_run, asked, limiter=request.app.state.limiter)


def _run(asked: CheckRequest) -> list[Diagnostic]:
    found = check(asked.text, format=asked.format, date=asked.date, config=asked.config)
    if asked.date_from_document:
        found = [_dated_by_document(d) for d in found]
    if asked.picky:
        return found
    return [d for d in found if d.severity != "info"]


def _dated_by_document(found: Diagnostic) -> Diagnostic:
    if found.evidence.get("date_origin") != "given":
        return found
    return replace(found, evidence={**found.evidence, "date_origin": "document"})


async def _nothing() -> None:
    return None


async def _fields(request: Request, limit: int) -> dict[str, str]:
    """The query and form fields of ``request``, reading at most ``limit`` bytes of body."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise TooLarge
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise TooLarge
    fields = dict(request.query_params)
    if not body:
        return fields
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "multipart/form-data":
        fields.update(await _multipart(request, bytes(body)))
    elif kind in ("application/x-www-form-urlencoded", ""):
        try:
            text = bytes(body).decode("utf-8")
        except UnicodeDecodeError:
            raise BadRequest("the form is not valid UTF-8") from None
        fields.update(parse_qsl(text, keep_blank_values=True))
    else:
        raise BadRequest(f"unsupported content type {kind!r}: send a form "
                         "(application/x-www-form-urlencoded or multipart/form-data)")
    return fields


async def _multipart(request: Request, body: bytes) -> dict[str, str]:
    async def replay() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    form = await Request(request.scope, replay).form()
    return {k: v for k, v in form.items() if isinstance(v, str)}


def _error(status: int, message: str) -> Response:
    return PlainTextResponse(message, status_code=status)
