"""``numlint serve``: LanguageTool's HTTP API, driven by language_tool_python and raw HTTP."""

from __future__ import annotations

import asyncio
import json
import subprocess

import pytest

pytest.importorskip("starlette", reason="the serve extra: pip install -e '.[serve]'")
httpx = pytest.importorskip("httpx", reason="the serve extra: pip install -e '.[serve]'")

from serve_support import running  # noqa: E402

import numlint  # noqa: E402
from numlint.config import Config  # noqa: E402
from numlint.serve.app import ServeSettings, create_app  # noqa: E402

SLIP = "La somme de 97,4 milliards de dollars (près de 95 millions d’euros) a été versée."
WRONG = "95 millions d’euros"
RIGHT = "95 milliards d’euros"


@pytest.fixture(scope="module")
def url():
    with running(create_app(ServeSettings(max_bytes=20_000))) as base:
        yield base


def post(url: str, **fields: str) -> httpx.Response:
    return httpx.post(f"{url}/v2/check", data=fields, timeout=30)


def nl101(answer: dict) -> dict:
    (match,) = [m for m in answer["matches"] if m["rule"]["id"] == "NUMLINT_NL101"]
    return match


def test_language_tool_python_client_gets_the_findings(url, monkeypatch):
    language_tool_python = pytest.importorskip("language_tool_python")

    def no_process(*args, **kwargs):  # remote mode must not start Java or download anything
        raise AssertionError(f"language_tool_python started a process: {args}")

    monkeypatch.setattr(subprocess, "Popen", no_process)
    text = "😀 " + SLIP.replace(" ", "\u00a0", 1)
    tool = language_tool_python.LanguageTool("fr", remote_server=url)
    try:
        matches = tool.check(text)
    finally:
        tool.close()
    (match,) = [m for m in matches if m.rule_id == "NUMLINT_NL101"]
    # the client turns LanguageTool's UTF-16 offsets back into Python offsets
    assert text[match.offset: match.offset + match.error_length] == WRONG
    assert match.replacements == [RIGHT]
    assert language_tool_python.utils.correct(text, [match]) == text.replace(WRONG, RIGHT)


def test_offsets_are_utf16_code_units(url):
    text = "🇫🇷 Budget : " + SLIP
    match = nl101(post(url, text=text, language="fr-FR").json())
    encoded = text.encode("utf-16-le")
    found = encoded[2 * match["offset"]: 2 * (match["offset"] + match["length"])]
    assert found.decode("utf-16-le") == WRONG
    assert match["replacements"] == [{"value": RIGHT}]
    context = match["context"]
    shown = context["text"][context["offset"]: context["offset"] + context["length"]]
    assert shown == WRONG
    assert match["sentence"].startswith("La somme") or match["sentence"].startswith("🇫🇷")


def test_answer_has_languagetool_shape(url):
    answer = post(url, text=SLIP, language="auto", date="2025-02-11").json()
    assert answer["software"]["name"] == "numlint"
    assert answer["software"]["apiVersion"] == 1
    assert answer["language"]["code"] == "fr-FR"
    assert answer["language"]["detectedLanguage"]["code"] == "fr-FR"
    match = nl101(answer)
    assert match["rule"]["category"]["id"] == "NUMLINT_1"
    assert match["rule"]["issueType"] == "inconsistency"
    assert match["type"] == {"typeName": "Other"}
    assert match["shortMessage"]
    assert "11/02/2025" in match["message"]  # the evidence, in the message, in French
    assert match["rule"]["category"]["name"] == "Chiffres qui se contredisent"
    english = nl101(post(url, text=SLIP, language="fr", date="2025-02-11", lang="en").json())
    assert "on 2025-02-11" in english["message"] and "11/02/2025" not in english["message"]
    assert english["rule"]["category"] == {"id": "NUMLINT_1", "name": "Figures that disagree"}
    assert match["numlint"]["evidence"]["date"] == "2025-02-11"
    assert match["numlint"]["evidence"]["date_origin"] == "given"
    assert match["numlint"]["fix"]["safety"] == "unsafe"


def test_same_findings_as_check(url):
    text = SLIP + "\n\nLe prix : 1.234,5 € et 12 $ ; 3,5 Md€ (environ 3,8 milliards de dollars)."
    answer = post(url, text=text, language="fr", level="picky").json()
    expected = numlint.check(text, format="text")
    assert [m["rule"]["id"] for m in answer["matches"]] == [
        "NUMLINT_" + d.code for d in expected]
    assert [m["offset"] for m in answer["matches"]] == [
        min([d.start, *(e.start for e in d.fix.edits)] if d.fix else [d.start])
        for d in expected]


def test_annotated_data_offsets_include_the_markup(url):
    data = {"annotation": [
        {"markup": "<p>"}, {"text": "La somme de "}, {"markup": "<b>"},
        {"text": "97,4\u202fmilliards de dollars"}, {"markup": "</b>"},
        {"text": " (près de "}, {"markup": "<br/>", "interpretAs": " "},
        {"text": "95 millions d’euros)."}, {"markup": "</p>"},
    ]}
    source = "".join(part.get("text", part.get("markup", "")) for part in data["annotation"])
    match = nl101(post(url, data=json.dumps(data), language="fr").json())
    assert source[match["offset"]: match["offset"] + match["length"]] == WRONG


def test_annotated_data_date_read_from_html(url):
    data = {"annotation": [
        {"markup": '<html><head><meta property="article:published_time" '
                   'content="2025-02-11T08:00:00Z"></head><body><p>'},
        {"text": SLIP}, {"markup": "</p></body></html>"},
    ]}
    match = nl101(post(url, data=json.dumps(data), language="fr", format="html").json())
    assert match["numlint"]["evidence"]["date"] == "2025-02-11"
    assert match["numlint"]["evidence"]["date_origin"] == "document"
    assert "(tirée du document)" in match["message"]


@pytest.mark.parametrize("date_line", ["date: 2025-02-11", "date: '2025-02-11T10:00:00+01:00'"])
def test_annotated_data_date_from_front_matter_without_format(url, date_line):
    data = {"annotation": [{"markup": f"---\n{date_line}\n---\n\n"}, {"text": SLIP}]}
    match = nl101(post(url, data=json.dumps(data), language="auto").json())
    assert match["numlint"]["evidence"]["date"] == "2025-02-11"
    assert match["numlint"]["evidence"]["date_origin"] == "document"
    given = {"annotation": [{"markup": "---\ndate: 2024-01-05\n---\n\n"}, {"text": SLIP}]}
    match = nl101(post(url, data=json.dumps(given), language="auto", date="2025-02-11").json())
    assert match["numlint"]["evidence"]["date_origin"] == "given"


def test_markdown_front_matter_date(url):
    text = "---\ndate: 2025-02-11\n---\n\n" + SLIP + "\n"
    match = nl101(post(url, text=text, language="fr", format="markdown").json())
    assert match["numlint"]["evidence"]["date_origin"] == "document"
    assert text[match["offset"]: match["offset"] + match["length"]] == WRONG


def test_rule_choice(url):
    assert post(url, text=SLIP, language="fr",
                disabledRules="NUMLINT_NL101,UPPERCASE_SENTENCE_START").json()["matches"] == []
    only = post(url, text=SLIP, language="fr", enabledOnly="true",
                enabledRules="NUMLINT_NL102").json()
    assert {m["rule"]["id"] for m in only["matches"]} <= {"NUMLINT_NL102"}
    assert nl101(post(url, text=SLIP, language="fr", enabledRules="NUMLINT_NL101").json())


@pytest.mark.parametrize(
    ("fields", "says"),
    [
        ({"text": SLIP}, "language"),
        ({"language": "fr"}, "'text' or 'data'"),
        ({"text": SLIP, "language": "de-DE"}, "not a language numlint checks"),
        ({"text": SLIP, "language": "fr", "date": "11/02/2025"}, "YYYY-MM-DD"),
        ({"data": "{not json", "language": "fr"}, "not valid JSON"),
        ({"data": '{"annotation": [{"bold": "x"}]}', "language": "fr"}, "item 0"),
        ({"text": SLIP, "language": "fr", "disabledRules": "NUMLINT_NL999"}, "NL999"),
        ({"text": SLIP, "language": "fr", "format": "docx"}, "format"),
        ({"text": SLIP, "language": "fr", "enabledOnly": "true"}, "enabledRules"),
    ],
)
def test_bad_requests_are_400_with_a_reason(url, fields, says):
    response = post(url, **fields)
    assert response.status_code == 400
    assert response.text.startswith("Error: ")
    assert says in response.text


def test_request_size_limit(url):
    response = post(url, text="1 234 € " * 5_000, language="fr")
    assert response.status_code == 413
    assert "20000 bytes" in response.text
    chunked = httpx.post(f"{url}/v2/check", timeout=30,
                         content=iter([b"language=fr&text=", b"x" * 30_000]),
                         headers={"content-type": "application/x-www-form-urlencoded"})
    assert chunked.status_code == 413


def test_get_and_multipart_requests(url):
    get = httpx.get(f"{url}/v2/check", params={"text": SLIP, "language": "fr"}, timeout=30)
    assert nl101(get.json())["replacements"] == [{"value": RIGHT}]
    multipart = httpx.post(f"{url}/v2/check", files={"text": (None, SLIP),
                                                     "language": (None, "fr")}, timeout=30)
    assert nl101(multipart.json())["replacements"] == [{"value": RIGHT}]


def test_unsupported_content_type_is_400(url):
    response = httpx.post(f"{url}/v2/check", content=json.dumps({"text": SLIP}),
                          headers={"content-type": "application/json"}, timeout=30)
    assert response.status_code == 400
    assert "content type" in response.text


def test_languages(url):
    languages = httpx.get(f"{url}/v2/languages", timeout=30).json()
    assert {"name": "French (France)", "code": "fr", "longCode": "fr-FR"} in languages


def test_concurrent_requests_do_not_share_state(url):
    texts = [SLIP.replace("97,4", f"9{i},4") for i in range(8)]
    dates = ["2025-02-11", "2024-06-03"] * 4

    async def ask_all():
        async with httpx.AsyncClient(timeout=60) as client:
            return await asyncio.gather(*(
                client.post(f"{url}/v2/check", data={"text": t, "language": "fr", "date": d})
                for t, d in zip(texts, dates, strict=True)))

    answers = [r.json() for r in asyncio.run(ask_all())]
    for text, day, answer in zip(texts, dates, answers, strict=True):
        match = nl101(answer)
        assert match["numlint"]["evidence"]["date"] == day
        assert match["numlint"]["evidence"]["first"] == text[12:37]


def test_server_configuration_is_honoured():
    settings = ServeSettings(config=Config(ignore=("NL101",)))
    with running(create_app(settings)) as base:
        assert post(base, text=SLIP, language="fr").json()["matches"] == []


def test_cors_is_off_unless_an_origin_is_allowed(url):
    headers = {"origin": "app://obsidian.md"}
    plain = httpx.post(f"{url}/v2/check", data={"text": SLIP, "language": "fr"},
                       headers=headers, timeout=30)
    assert "access-control-allow-origin" not in plain.headers
    with running(create_app(ServeSettings(allow_origins=("app://obsidian.md",)))) as base:
        allowed = httpx.post(f"{base}/v2/check", data={"text": SLIP, "language": "fr"},
                             headers=headers, timeout=30)
    assert allowed.headers["access-control-allow-origin"] == "app://obsidian.md"


def test_port_in_use_is_a_one_line_error():
    import socket
    import sys

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "numlint", "serve", "--port", str(port),
                               "--lang", "en"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert f"numlint: error: serve: could not serve on 127.0.0.1:{port}" in done.stderr


def test_no_replacement_over_markup(url):
    data = {"annotation": [
        {"text": "La somme de 97,4 milliards de dollars (près de 95 "}, {"markup": "<i>"},
        {"text": "millions"}, {"markup": "</i>"}, {"text": " d’euros)."},
    ]}
    source = "".join(part.get("text", part.get("markup", "")) for part in data["annotation"])
    match = nl101(post(url, data=json.dumps(data), language="fr").json())
    assert source[match["offset"]: match["offset"] + match["length"]] == (
        "95 <i>millions</i> d’euros")
    assert match["replacements"] == []  # replacing the span would drop the markup
