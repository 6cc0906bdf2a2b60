"""Proxy mode: LanguageTool's own answer from the newsroom's server, with numlint's matches.

The request goes upstream without numlint's fields and rule ids; the two lists of matches
are merged by offset. When the upstream fails (down, 5xx, not JSON), numlint's matches are
still answered, with a warning that says what failed, rather than an error.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from .request import RULE_PREFIX

log = logging.getLogger("numlint.serve")
NUMLINT_FIELDS = ("date", "format")
TIMEOUT = httpx.Timeout(30.0, connect=5.0)


@dataclass(frozen=True)
class Upstream:
    """What the upstream answered: its JSON (status 200), a client error to pass on as it
    is, or a failure to warn about."""

    status: int
    body: Any = None
    text: str = ""
    failure: str | None = None


def upstream_fields(fields: Mapping[str, str]) -> dict[str, str] | None:
    """The fields LanguageTool is sent, or None when the request asks nothing of it (only
    numlint's rules enabled)."""
    sent = {k: v for k, v in fields.items() if k not in NUMLINT_FIELDS}
    for key in ("enabledRules", "disabledRules"):
        if key in sent:
            ids = [i.strip() for i in sent[key].split(",")]
            sent[key] = ",".join(i for i in ids if i and not i.upper().startswith(RULE_PREFIX))
            if not sent[key]:
                del sent[key]
    only = sent.get("enabledOnly", "").strip().lower() == "true"
    if only and "enabledRules" not in sent and not sent.get("enabledCategories"):
        return None
    return sent


async def ask(client: httpx.AsyncClient, url: str, path: str,
              fields: Mapping[str, str] | None = None) -> Upstream:
    """POST ``fields`` (GET without them) to ``url`` + ``path``; never raises."""
    target = f"{url.rstrip('/')}/{path.lstrip('/')}"
    try:
        if fields is None:
            response = await client.get(target, timeout=TIMEOUT)
        else:
            response = await client.post(target, data=dict(fields), timeout=TIMEOUT)
    except httpx.HTTPError as error:
        return _failed(f"upstream LanguageTool {target} did not answer: "
                       f"{type(error).__name__}: {error}")
    if 400 <= response.status_code < 500:
        return Upstream(response.status_code, text=response.text)
    if response.status_code != 200:
        return _failed(f"upstream LanguageTool {target} answered status "
                       f"{response.status_code}")
    try:
        return Upstream(200, body=response.json())
    except ValueError:
        return _failed(f"upstream LanguageTool {target} answered something that is not JSON")


def merge(upstream: Mapping[str, Any], numlint_matches: list[dict[str, Any]]) -> dict[str, Any]:
    """LanguageTool's answer with numlint's matches among its own, sorted by offset."""
    merged = dict(upstream)
    theirs = upstream.get("matches")
    theirs = theirs if isinstance(theirs, list) else []
    merged["matches"] = sorted([*theirs, *numlint_matches],
                               key=lambda m: (m.get("offset", 0), m.get("length", 0)))
    return merged


def _failed(message: str) -> Upstream:
    log.warning("%s; answering numlint's matches only", message)
    return Upstream(502, failure=message)
