"""``numlint serve --upstream``: a fake LanguageTool on loopback stands for the newsroom's."""

from __future__ import annotations

import pytest

pytest.importorskip("starlette", reason="the serve extra: pip install -e '.[serve]'")
httpx = pytest.importorskip("httpx", reason="the serve extra: pip install -e '.[serve]'")

from serve_support import free_port, running  # noqa: E402
from starlette.applications import Starlette  # noqa: E402
from starlette.requests import Request  # noqa: E402
from starlette.responses import JSONResponse, PlainTextResponse  # noqa: E402
from starlette.routing import Route  # noqa: E402

from numlint.serve.app import ServeSettings, create_app  # noqa: E402

SLIP = "Le budget de 97,4 milliards de dollars (près de 95 millions d’euros) est voté."


def fake_languagetool(seen: list[dict]) -> Starlette:
    """Answers one grammar match on the first word, like LanguageTool; 400 for 'xx'."""

    async def check(request: Request):
        fields = dict(await request.form())
        seen.append(fields)
        if fields.get("language") == "xx":
            return PlainTextResponse("Error: 'xx' is not a language code known to "
                                     "LanguageTool.", status_code=400)
        if fields.get("text") == "boom":
            return PlainTextResponse("internal", status_code=500)
        return JSONResponse({
            "software": {"name": "LanguageTool", "version": "6.5", "apiVersion": 1},
            "language": {"name": "French", "code": "fr"},
            "matches": [
                {"message": "Majuscule", "offset": 0, "length": 2,
                 "rule": {"id": "UPPERCASE_SENTENCE_START"}},
                {"message": "Espace", "offset": 70, "length": 1,
                 "rule": {"id": "FRENCH_WHITESPACE"}},
            ],
        })

    async def languages(request: Request):
        return JSONResponse([{"name": "German", "code": "de", "longCode": "de-DE"}])

    return Starlette(routes=[Route("/v2/check", check, methods=["POST"]),
                             Route("/v2/languages", languages)])


@pytest.fixture(scope="module")
def proxied():
    seen: list[dict] = []
    with running(fake_languagetool(seen)) as upstream, \
            running(create_app(ServeSettings(upstream=upstream))) as base:
        yield base, seen


def post(url: str, **fields: str) -> httpx.Response:
    return httpx.post(f"{url}/v2/check", data=fields, timeout=30)


def test_matches_are_merged_by_offset(proxied):
    base, seen = proxied
    answer = post(base, text=SLIP, language="fr", date="2025-02-11",
                  disabledRules="NUMLINT_NL102,FRENCH_WHITESPACE").json()
    assert answer["software"]["name"] == "LanguageTool"
    ids = [m["rule"]["id"] for m in answer["matches"]]
    assert ids == ["UPPERCASE_SENTENCE_START", "NUMLINT_NL101", "FRENCH_WHITESPACE"]
    offsets = [m["offset"] for m in answer["matches"]]
    assert offsets == sorted(offsets)
    sent = seen[-1]
    assert "date" not in sent  # numlint's own fields stay with numlint
    assert sent["disabledRules"] == "FRENCH_WHITESPACE"
    assert sent["text"] == SLIP


def test_upstream_client_errors_are_passed_on(proxied):
    base, _ = proxied
    response = post(base, text=SLIP, language="xx")
    assert response.status_code == 400
    assert "not a language code known to LanguageTool" in response.text


def test_upstream_failure_answers_numlint_matches_with_a_warning(proxied, caplog):
    base, _ = proxied
    answer = post(base, text="boom", language="fr")
    assert answer.status_code == 200
    assert answer.json()["warnings"]["incompleteResults"] is True
    assert "status 500" in answer.json()["warnings"]["numlint"]


def test_upstream_down_answers_numlint_matches_with_a_warning():
    dead = f"http://127.0.0.1:{free_port()}"
    with running(create_app(ServeSettings(upstream=dead))) as base:
        response = post(base, text=SLIP, language="fr")
        languages = httpx.get(f"{base}/v2/languages", timeout=30).json()
    assert response.status_code == 200
    answer = response.json()
    assert [m["rule"]["id"] for m in answer["matches"]] == ["NUMLINT_NL101"]
    assert "did not answer" in answer["warnings"]["numlint"]
    assert {"name": "French", "code": "fr", "longCode": "fr"} in languages


def test_only_numlint_rules_asked_skips_the_upstream(proxied):
    base, seen = proxied
    before = len(seen)
    answer = post(base, text=SLIP, language="fr", enabledOnly="true",
                  enabledRules="NUMLINT_NL101").json()
    assert len(seen) == before
    assert [m["rule"]["id"] for m in answer["matches"]] == ["NUMLINT_NL101"]


def test_other_languages_go_to_the_upstream_only(proxied):
    base, _ = proxied
    answer = post(base, text=SLIP, language="de-DE").json()
    assert {m["rule"]["id"] for m in answer["matches"]} == {
        "UPPERCASE_SENTENCE_START", "FRENCH_WHITESPACE"}
    languages = httpx.get(f"{base}/v2/languages", timeout=30).json()
    assert languages == [{"name": "German", "code": "de", "longCode": "de-DE"}]
