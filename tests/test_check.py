"""numlint.check(): the defining slip, found at its place in text, Markdown and HTML."""

from __future__ import annotations

import datetime
import threading
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path

import pytest

import numlint
from numlint.config import ConfigError
from numlint.rules.api import Finding, Rule

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
DEFINING = "la somme de 97,4 milliards de dollars (près de 95 millions d'euros)"
ARTICLE_DAY = datetime.date(2025, 2, 11)


def test_the_defining_slip_is_one_error_on_the_conversion_with_its_fix() -> None:
    [diagnostic] = numlint.check(DEFINING, format="text", date=ARTICLE_DAY)
    assert (diagnostic.code, diagnostic.name, diagnostic.severity) == (
        "NL101", "conversion-magnitude", "error"
    )
    assert DEFINING[diagnostic.start : diagnostic.end] == "95 millions d'euros"
    assert diagnostic.fix is not None and diagnostic.fix.safety == "unsafe"
    assert diagnostic.fix.apply(DEFINING).endswith("(près de 95 milliards d'euros)")
    assert "97,4 milliards de dollars" in diagnostic.message
    assert "95 millions d'euros" in diagnostic.message
    assert diagnostic.evidence["rate"] == "1 EUR = 1.0324 USD"
    assert diagnostic.evidence["rate_date"] == "2025-02-11"
    assert Decimal(diagnostic.evidence["ratio"]) > 900


def test_messages_are_french_by_default_and_english_on_request() -> None:
    [french] = numlint.check(DEFINING, format="text", date=ARTICLE_DAY)
    [english] = numlint.check(DEFINING, format="text", date=ARTICLE_DAY, lang="en")
    assert "ne peut pas être l’équivalent" in french.message
    assert "cannot be the equivalent" in english.message
    assert "1\u202f000" in french.message and "1,000" in english.message


@pytest.mark.parametrize(
    ("name", "figure", "fixed"),
    [
        ("article.md", "95 millions d'euros", "95 milliards d'euros"),
        ("article.html", "95&nbsp;millions d’euros", "95&nbsp;milliards d’euros"),
    ],
)
def test_a_whole_article_gets_exactly_that_error_at_source_offsets(name, figure, fixed) -> None:
    source = (EXAMPLES / name).read_text(encoding="utf-8")
    fmt = "markdown" if name.endswith(".md") else "html"
    diagnostics = numlint.check(source, format=fmt)
    assert [d.code for d in diagnostics] == ["NL101"]
    [diagnostic] = diagnostics
    assert source[diagnostic.start : diagnostic.end] == figure
    assert diagnostic.evidence["date_origin"] == "document"
    assert diagnostic.evidence["rate_date"] == "2025-02-11"
    line = source.splitlines()[diagnostic.line - 1]
    assert line[diagnostic.column - 1 :].startswith(figure)
    assert diagnostic.fix is not None
    repaired = diagnostic.fix.apply(source)
    assert fixed in repaired
    assert numlint.check(repaired, format=fmt) == []


def test_split_by_inline_markup_the_figure_is_still_one_figure() -> None:
    html = (
        "<p>la somme de <strong>97,4 milliards</strong> de dollars "
        "(près de <em>95 millions</em> d’euros)</p>"
    )
    [diagnostic] = numlint.check(html, format="html", date=ARTICLE_DAY)
    assert html[diagnostic.start : diagnostic.end] == "95 millions</em> d’euros"
    assert diagnostic.fix is not None
    assert "<em>95 milliards</em> d’euros" in diagnostic.fix.apply(html)


@pytest.mark.parametrize(
    "sentence",
    [
        "la somme de 97,4 milliards de dollars (près de 95 milliards d'euros)",
        "La dotation atteint 12 millions d'euros, soit 3 millions d'euros de plus qu'en 2019.",
        "Les recettes progressent de 16 %, soit 344 millions supplémentaires.",
        "Il est élu avec 99,4 %, soit 82,3 % des inscrits.",
        "Le taux atteint 17 % (35 % dans les pays riches).",
        "Il gagne 20 000 euros par an, soit 1 667 euros par mois.",
        "Le budget de 13 milliards de dollars, soit 12,6 milliards d'euros, est voté.",
        "Un trajet de 42 km (26 miles) sépare les deux villes.",
        "La centrale produit 1 300 MW, soit 1,3 GW.",
        "Un salaire de 3 000 euros par mois, soit 39 000 euros par an sur treize mois.",
        "Il facture 200 euros par jour, soit 44 000 euros par an.",
        "Le pont mesure 1 200 mètres (3 900 pieds).",
        "Le SMIC horaire brut passe à 11,88 euros, soit 1 801,80 euros brut par mois.",
        "Il a parcouru 42,195 km (26,2 miles).",
        "Les votes : 45 % pour, 40 % contre et 15 % d'abstention.",
        "Le groupe compte 5 000 salariés, dont 3 000 en France et 2 500 en Allemagne.",
        "Il touche 2 000 euros par mois, dont 500 euros de primes.",
        "Il a parcouru 300 km en 3 jours, dont 150 le premier jour.",
        "Le bilan fait 3 morts et 12 blessés, soit 15 victimes au total.",
        "Il a vendu 2 millions d'albums en France et 3 millions en Europe, soit 5 millions en "
        "tout.",
    ],
)
def test_correct_copy_gets_nothing(sentence: str) -> None:
    assert numlint.check(sentence, format="text", date=ARTICLE_DAY) == []


@pytest.mark.parametrize(
    ("source", "format", "figure"),
    [
        ("la somme de 97,4 milliards de dollars (près de 95\nmillions d'euros)", "markdown",
         "95\nmillions d'euros"),
        ("> la somme de 97,4\n> milliards de dollars (près de 95 millions d'euros)",
         "markdown", "95 millions d'euros"),
        ("<p>la somme de 97,4 milliards de dollars (près de 95\r\n    millions d'euros)</p>",
         "html", "95\r\n    millions d'euros"),
    ],
)
def test_a_figure_wrapped_across_source_lines_is_still_checked(source, format, figure) -> None:
    [diagnostic] = numlint.check(source, format=format, date=ARTICLE_DAY)
    assert source[diagnostic.start : diagnostic.end] == figure
    assert diagnostic.fix is not None
    assert figure.replace("millions", "milliards") in diagnostic.fix.apply(source)


def test_a_rate_restated_per_month_or_per_year_is_weighed() -> None:
    sentence = "Un salaire de 4 500 euros par mois (soit 54 euros par an)."
    [diagnostic] = numlint.check(sentence, format="text", date=ARTICLE_DAY)
    assert diagnostic.code == "NL101"
    assert sentence[diagnostic.start : diagnostic.end] == "54 euros par an"
    assert numlint.check(sentence.replace("54 ", "54 000 "), format="text") == []


def test_a_magnitude_fix_is_offered_when_only_the_scale_word_is_wrong() -> None:
    sentence = "Le groupe a levé 500 millions d'euros (560 milliards de dollars)."
    [diagnostic] = numlint.check(sentence, format="text", date=ARTICLE_DAY)
    assert diagnostic.code == "NL101" and diagnostic.fix is not None
    fixed = diagnostic.fix.apply(sentence)
    assert fixed.endswith("(560 millions de dollars).")
    # once fixed, the last digits are NL102's to judge: 500 M€ are 514 to 521 M$ at the
    # rates of the week before
    [inexact] = numlint.check(fixed, format="text", date=ARTICLE_DAY)
    assert inexact.code == "NL102"


def test_cfa_francs_convert_at_their_fixed_rate_on_any_date() -> None:
    # 655,957 francs CFA per euro since 1999: 10 billion are 15.2 million euros
    sentence = "Un prêt de 10 milliards de francs CFA (15,2 milliards d'euros)."
    for day in (datetime.date(2003, 5, 2), ARTICLE_DAY):
        [diagnostic] = numlint.check(sentence, format="text", date=day)
        assert diagnostic.code == "NL101" and diagnostic.fix is not None
        assert diagnostic.fix.apply(sentence).endswith("(15,2 millions d'euros).")
    assert numlint.check(sentence.replace("milliards d'", "millions d'"), format="text") == []


@pytest.mark.parametrize(
    ("source", "format"),
    [
        ("une enveloppe de 40 millions de dollars (<b>37 000</b> euros)", "html"),
        ("une enveloppe de 40 millions de dollars (**37 000** euros)", "markdown"),
    ],
)
def test_a_fix_that_would_delete_markup_is_not_offered(source: str, format: str) -> None:
    [diagnostic] = numlint.check(source, format=format, date=ARTICLE_DAY)
    assert diagnostic.code == "NL101" and diagnostic.fix is None
    assert diagnostic.fix_refused.startswith("would cross markup ")
    [plain] = numlint.check("une enveloppe de 40 millions de dollars (37 000 euros)",
                            format="text", date=ARTICLE_DAY)
    assert plain.fix is not None


def test_a_fix_over_an_entity_only_is_offered() -> None:
    source = "une enveloppe de 40 millions de dollars (37&#8239;000 euros)"
    [diagnostic] = numlint.check(source, format="html", date=ARTICLE_DAY)
    assert diagnostic.code == "NL101" and diagnostic.fix is not None
    assert diagnostic.fix.apply(source).endswith("(37 millions d'euros)")


def test_a_rounded_conversion_is_not_a_slip_but_a_wrong_one_is() -> None:
    [inexact] = numlint.check("Le pont mesure 1 200 mètres (3 500 pieds).", format="text")
    assert inexact.code == "NL102"


def test_without_a_date_the_latest_rate_is_used_and_said() -> None:
    [diagnostic] = numlint.check(DEFINING, format="text")
    assert diagnostic.evidence["date_origin"] == "latest-rate"
    assert diagnostic.code == "NL101"


def test_select_and_ignore_choose_the_rules() -> None:
    ignored = numlint.check(DEFINING, format="text", date=ARTICLE_DAY, config={"ignore": ["NL101"]})
    assert ignored == []
    only = numlint.check(DEFINING, format="text", date=ARTICLE_DAY, config={"select": ["NL1"]})
    assert [d.code for d in only] == ["NL101"]


@pytest.mark.parametrize(
    ("config", "named"),
    [
        ({"select": ["NL999"]}, "NL999"),
        ({"colour": "red"}, "colour"),
        ({"rules": {"NL102": {"tolerence": 0.1}}}, "tolerence"),
        ({"rules": {"NL102": {"about_tolerance": "large"}}}, "about_tolerance"),
        ({"currencies": {"$": "XYZ"}}, "XYZ"),
    ],
)
def test_bad_configuration_is_an_error_naming_the_culprit(config, named) -> None:
    with pytest.raises(ConfigError, match=named):
        numlint.check(DEFINING, format="text", config=config)


def test_house_currency_defaults_change_what_dollars_mean() -> None:
    text = "un contrat de 10 millions de dollars (6,9 millions d'euros)"
    assert numlint.check(text, format="text", date=ARTICLE_DAY) != []
    canadian = numlint.check(
        text, format="text", date=ARTICLE_DAY, config={"currencies": {"dollars": "CAD"}}
    )
    assert canadian == []


class Exploding(Rule):
    code = "XT001"
    name = "exploding"
    severity = "warning"
    summary = "Raises."
    explanation = "## What it does\nRaises.\n## Why it matters\nTests isolation."

    def check(self, document, settings):
        yield Finding(0, 1, "first finding before the crash")
        raise RuntimeError("boom")


class Garbage(Rule):
    code = "XT002"
    name = "garbage"
    severity = "warning"
    summary = "Returns garbage."
    explanation = Exploding.explanation

    def check(self, document, settings):
        return [Finding(0, 10**9, "outside the text")]


def test_a_rule_that_fails_is_reported_and_the_others_still_run(monkeypatch) -> None:
    from numlint.rules import registry

    real = registry.installed_rules()
    fake = registry.Registry((*real.rules, Exploding, Garbage), real.errors)
    monkeypatch.setattr(registry, "_installed", fake)
    config = {"extend-select": ["XT"]}
    diagnostics = numlint.check(DEFINING, format="text", date=ARTICLE_DAY, config=config)
    codes = sorted(d.code for d in diagnostics)
    assert codes == ["NL000", "NL000", "NL101"]
    internal = [d for d in diagnostics if d.code == "NL000"]
    assert {d.evidence["rule"] for d in internal} == {"XT001", "XT002"}
    assert any("boom" in d.message for d in internal)


def test_a_relation_finder_that_fails_is_reported_and_the_others_still_count(
    monkeypatch,
) -> None:
    from numlint import relations

    def broken(text, mentions):
        raise ValueError("boom")

    finders = tuple((kind, broken if kind == "sums" else finder)
                    for kind, finder in relations._FINDERS)
    monkeypatch.setattr(relations, "_FINDERS", finders)
    diagnostics = numlint.check(DEFINING, format="text", date=ARTICLE_DAY)
    assert [d.code for d in diagnostics] == ["NL000", "NL101"]
    assert "sums: ValueError: boom" in diagnostics[0].message


def test_a_failure_inside_numlint_is_a_diagnostic_not_a_traceback(monkeypatch) -> None:
    from numlint import pipeline

    def broken(text, mentions):
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "find_relations", broken)
    [diagnostic] = numlint.check(DEFINING, format="text", date=ARTICLE_DAY, lang="en")
    assert diagnostic.code == "NL000" and diagnostic.severity == "error"
    assert diagnostic.message == "numlint failed on this text and did not check it: " \
        "RuntimeError: boom"


def test_checks_from_eight_threads_agree() -> None:
    source = (EXAMPLES / "article.md").read_text(encoding="utf-8")
    expected = numlint.check(source)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: numlint.check(source), range(32)))
    assert all(result == expected for result in results)


class Hanging(Rule):
    code = "XT003"
    name = "hanging"
    severity = "warning"
    summary = "Never returns (until its test is over)."
    explanation = Exploding.explanation
    released = threading.Event()
    """A stuck plugin's thread is abandoned, not killed: the test ends its loop afterwards."""

    def check(self, document, settings):
        while not self.released.is_set():
            pass
        yield from ()


def test_a_rule_that_hangs_is_stopped_and_reported(monkeypatch) -> None:
    from numlint import pipeline
    from numlint.rules import registry

    real = registry.installed_rules()
    monkeypatch.setattr(registry, "_installed", registry.Registry((*real.rules, Hanging)))
    monkeypatch.setattr(pipeline, "rule_budget", lambda text: 0.2)
    config = {"extend-select": ["XT003"]}
    try:
        diagnostics = numlint.check(DEFINING, format="text", date=ARTICLE_DAY, config=config)
    finally:
        Hanging.released.set()
    assert sorted(d.code for d in diagnostics) == ["NL000", "NL101"]
    [stopped] = [d for d in diagnostics if d.code == "NL000"]
    assert "XT003" in stopped.message and "budget" in stopped.message


def test_a_tracer_still_works_after_a_check() -> None:
    """Clearing an async exception that was never raised left CPython 3.11's eval breaker
    set, and any debugger or coverage tool then spun forever: run one in a subprocess."""
    import subprocess
    import sys

    script = (
        "import sys, numlint\n"
        "numlint.check('97,4 milliards de dollars (près de 95 millions d’euros)', format='text')\n"
        "calls = []\n"
        "sys.settrace(lambda frame, event, arg: calls.append(event))\n"
        "def f():\n    return 1\n"
        "f()\nsys.settrace(None)\nprint(len(calls))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) >= 1


@pytest.mark.parametrize(("text", "shown"), [
    ("Le colis pèse 40 g (environ 40 kg).", "environ 0,04 kg"),
    ("Une dose de 5 mg (soit 5 g).", "environ 0,005 g"),
    ("Le camion pèse 400 kg (environ 400 t).", "environ 0,4 t"),
])
def test_a_conversion_below_one_is_shown_with_its_significant_digits(text: str,
                                                                     shown: str) -> None:
    (found,) = [d for d in numlint.check(text, format="text") if d.code == "NL101"]
    assert shown in found.message
