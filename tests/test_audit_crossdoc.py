"""NL901: the same figure at another scale in another article, weighed, never an error."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from numlint.audit.crossdoc import CrossSettings, check
from numlint.audit.inputs import Article
from numlint.audit.work import Job, process_article

DEAL = [
    "Adobe rachète Figma pour 97,4 milliards de dollars, un record pour le logiciel.",
    "Le rachat de Figma par Adobe, 97,4\u00a0milliards de dollars, inquiète Bruxelles.",
    "<p>Figma : Adobe paiera 97,4\u202fmilliards de dollars en numéraire et en actions.</p>",
    "Pour 97,4 milliards de dollars, Adobe s’offre Figma et son logiciel de design.",
    "Bruxelles examine le rachat de Figma par Adobe (97,4 milliards de dollars).",
]
SLIP = "Adobe a racheté Figma pour 97,4 millions de dollars, selon l’éditeur du logiciel."


def figures(articles: list[tuple[str, str | None]]) -> list[dict[str, Any]]:
    job = Job(default_format="markdown")
    found = []
    for number, (text, date) in enumerate(articles):
        fmt = "html" if text.startswith("<p>") else "markdown"
        result = process_article(Article(f"doc-{number}", text, date, fmt), job)
        found.extend(result.figures)
    return found


def dated(texts: list[str], day: str = "2025-03-0{}") -> list[tuple[str, str | None]]:
    return [(text, day.format(1 + n % 9)) for n, text in enumerate(texts)]


def test_the_odd_one_out_is_a_warning_with_the_other_articles_as_evidence() -> None:
    rows = check(figures(dated([*DEAL, SLIP])))
    assert len(rows) == 1
    row = rows[0]
    assert (row["doc_id"], row["code"], row["severity"]) == ("doc-5", "NL901", "warning")
    assert SLIP[row["start"] : row["end"]] == row["figure"] == "97,4 millions de dollars"
    assert row["fix"] == "97,4 milliards de dollars"
    evidence = json.loads(row["evidence"])
    assert evidence["articles_elsewhere"] == 5 and evidence["articles_at_this_scale"] == 0
    assert {o["doc_id"] for o in evidence["other_articles"]} == {f"doc-{n}" for n in range(5)}
    assert all({"adobe", "figma"} <= set(o["shared_words"]) for o in evidence["other_articles"])
    html_source = next(o for o in evidence["other_articles"] if o["doc_id"] == "doc-2")
    assert html_source["figure"] == "97,4\u202fmilliards de dollars"


def test_the_message_is_in_the_configured_language() -> None:
    texts = dated([*DEAL, SLIP])
    (french,) = check(figures(texts))
    (english,) = check(figures(texts), CrossSettings(lang="en"))
    assert re.fullmatch(
        r"« 97,4 millions de dollars » : 5 autres articles à moins de 30 jours donnent le même "
        r"chiffre à une autre échelle \(« 97,4.milliards de dollars », doc-[0-4]\)",
        french["message"]), french["message"]
    assert english["message"].startswith("“97,4 millions de dollars”: 5 other articles within "
                                          "30 days give the same figure at another scale")
    assert french["fix_description"] == "Écrire « 97,4 milliards de dollars »"
    assert english["fix_description"] == "Write “97,4 milliards de dollars”"
    (one,) = check(figures(dated([*DEAL[:2], SLIP])))
    assert " : 2 autres articles " in one["message"]


def test_the_majority_is_never_flagged() -> None:
    rows = check(figures(dated([*DEAL, SLIP])))
    assert {r["doc_id"] for r in rows} == {"doc-5"}


@pytest.mark.parametrize("case", ["outside-window", "undated", "no-shared-words",
                                  "one-witness", "other-currency", "split-evenly"])
def test_weak_evidence_stays_silent(case: str) -> None:
    articles = dated([*DEAL, SLIP])
    if case == "outside-window":
        articles[-1] = (SLIP, "2025-06-30")
    elif case == "undated":
        articles[-1] = (SLIP, None)
    elif case == "no-shared-words":
        articles[-1] = ("Le déficit commercial atteint 97,4 millions de dollars.", "2025-03-02")
    elif case == "one-witness":
        articles = [articles[0], articles[-1]]
    elif case == "other-currency":
        articles[-1] = (SLIP.replace("dollars", "euros"), "2025-03-02")
    elif case == "split-evenly":
        articles = [*articles[:2], (SLIP, "2025-03-04"), (SLIP.replace("pour", "à"),
                                                          "2025-03-05")]
    assert check(figures(articles)) == []


def test_round_digits_need_one_more_shared_word() -> None:
    many = [f"Le plan prévoit 2 milliards d’euros pour l’hôpital de Lyon, annonce {who}."
            for who in ("le maire", "la région", "l’État", "le préfet")]
    odd = "Lyon : 2 millions d’euros pour le stade."  # shares only "lyon"
    assert check(figures(dated([*many, odd]))) == []
    close = "Le plan prévoit 2 millions d’euros pour l’hôpital de Lyon."
    assert [r["doc_id"] for r in check(figures(dated([*many, close])))] == ["doc-4"]


def test_the_window_is_a_setting() -> None:
    articles = dated([*DEAL, SLIP])
    articles[-1] = (SLIP, "2025-04-20")
    assert check(figures(articles)) == []
    assert len(check(figures(articles), CrossSettings(window_days=60))) == 1


def test_the_window_reaches_both_ways_and_no_further() -> None:
    """Supporters before and after the slip count; one just outside the window does not."""
    articles = [(DEAL[0], "2025-02-08"), (DEAL[1], "2025-03-30"), (DEAL[2], "2025-04-01"),
                (SLIP, "2025-03-10")]  # 30 days before, 20 after, 22 after
    rows = check(figures(articles))
    assert [r["doc_id"] for r in rows] == ["doc-3"]
    evidence = json.loads(rows[0]["evidence"])
    assert evidence["articles_elsewhere"] == 3
    articles[0] = (DEAL[0], "2025-02-07")  # 31 days before: out of the window
    assert json.loads(check(figures(articles))[0]["evidence"])["articles_elsewhere"] == 2


def test_the_verdict_does_not_depend_on_the_order_of_the_figures() -> None:
    found = figures(dated([*DEAL, SLIP, SLIP.replace("Adobe a", "L’éditeur Adobe a")]))
    expected = check(found)
    assert expected and check(list(reversed(found))) == expected
    assert check(found[2:] + found[:2]) == expected


def test_end_to_end_in_the_audit_output(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow", reason="the archive extra is not installed (pyarrow)")
    from audit_support import read_findings, write_jsonl

    from numlint.cli import main

    records = [{"id": f"doc-{n}", "text": t, "date": d,
                "format": "html" if t.startswith("<p>") else "markdown"}
               for n, (t, d) in enumerate(dated([*DEAL, SLIP]))]
    source = write_jsonl(tmp_path / "deal.jsonl", records)
    assert main(["audit", "-q", str(source), "-o", str(tmp_path / "f.parquet"),
                 "--partition-size", "2"]) == 1
    cross = [r for r in read_findings(tmp_path / "f.parquet") if r["code"] == "NL901"]
    assert [(r["doc_id"], r["line"], r["column"]) for r in cross] == [
        ("doc-5", 1, SLIP.index("97") + 1)]


def test_the_arrow_prefilter_keeps_every_figure_that_matters() -> None:
    pa = pytest.importorskip("pyarrow", reason="the archive extra is not installed (pyarrow)")
    from numlint.audit.crossdoc import candidates
    from numlint.audit.tables import figures_schema

    everything = figures(dated([*DEAL, SLIP, "Un budget de 3 millions d’euros pour Lyon."]))
    everything.append(dict(everything[0], doc_id="undated", date=None))
    table = pa.Table.from_pylist(list(reversed(everything)), schema=figures_schema())
    kept = candidates(table)
    assert {f["digits"] for f in kept} == {"97.4"} and len(kept) == 6
    assert check(kept) == check(everything)


def _weighed_pair_by_pair(figures: list[dict[str, Any]],
                          settings: CrossSettings) -> list[tuple[str, int, int, int]]:
    """NL901 as its docstring states it, every figure against every other one (slow):
    (article, start, scale elsewhere, articles elsewhere) of each figure reported."""
    import datetime

    def day(f: dict[str, Any]) -> int:
        return datetime.date.fromisoformat(f["date"]).toordinal()

    reported = []
    for figure in figures:
        digits = figure["digits"]
        needed = settings.min_shared_words + (1 if digits in ("1", "2", "10", "100") else 0)
        words = set(figure["context"].split())
        near: dict[int, set[str]] = {}
        for other in figures:
            if (other["doc_id"] != figure["doc_id"] and other["digits"] == digits
                    and other["measure"] == figure["measure"]
                    and abs(day(other) - day(figure)) <= settings.window_days
                    and len(words & set(other["context"].split())) >= needed):
                near.setdefault(other["exponent"], set()).add(other["doc_id"])
        apart = [(len(docs), exponent) for exponent, docs in near.items()
                 if exponent - figure["exponent"] in (-6, -3, 3, 6)]
        if not apart:
            continue
        support, exponent = max(apart)
        if support >= settings.min_support and support > len(near.get(figure["exponent"],
                                                                        ())) + 1:
            reported.append((figure["doc_id"], figure["start"], exponent, support))
    return sorted(reported)


@pytest.mark.parametrize("seed", range(6))
def test_the_verdicts_are_those_of_weighing_every_pair(seed: int) -> None:
    """Random archives of one figure at several scales, words and days: the indexed
    check reports exactly the figures the pair-by-pair reading reports, with the same
    counts (the index reads only the scales and days that can matter)."""
    import random

    chance = random.Random(seed)
    vocabulary = ["adobe", "figma", "rachat", "logiciel", "bruxelles", "design", "record"]
    figures = []
    for number in range(60):
        for place in range(chance.randint(1, 2)):
            exponent = chance.choice((3, 6, 6, 9, 9, 9, 12))
            figures.append({
                "doc_id": f"doc-{number:02d}", "date": f"2025-{chance.randint(1, 4):02d}-"
                                                      f"{chance.randint(1, 28):02d}",
                "measure": chance.choice(("USD", "USD", "EUR")),
                "digits": chance.choice(("97.4", "2")), "exponent": exponent,
                "start": 10 * place, "end": 10 * place + 5, "line": 1, "column": 1,
                "end_line": 1, "end_column": 6, "text": f"97,4 ×10^{exponent}",
                "excerpt": "", "context": " ".join(sorted(chance.sample(vocabulary, 3))),
                "rewrites": "{}"})
    settings = CrossSettings(window_days=chance.choice((10, 30)))
    rows = check(figures, settings)
    found = sorted((r["doc_id"], r["start"], json.loads(r["evidence"])["scale_elsewhere"],
                    json.loads(r["evidence"])["articles_elsewhere"]) for r in rows)
    assert found == _weighed_pair_by_pair(figures, settings)
    assert found  # every seed makes slips to report: the comparison is not empty
