"""The audit report: one self-contained HTML page, read at a glance.

Plots are drawn with matplotlib and inlined as SVG (no script, no network, no image
file): findings per rule per month, the share of articles with a slip per month. Then the
most serious slips with their context and fix, and what was verified. A "slip" is a
warning or an error other than ``NL000`` (numlint's own failures, counted apart).
"""

from __future__ import annotations

import html
import io
import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from ..batch import one_line
from .state import atomic_write

UNDATED = "sans date"
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.DOTALL)
"""matplotlib's RDF block: links to schemas, of no use to a reader."""
TOP_SLIPS = 50
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}

_STYLE = """
body{font-family:system-ui,sans-serif;margin:2em auto;max-width:70em;color:#222}
h1{font-size:1.6em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}
.figures{display:flex;gap:2em;flex-wrap:wrap}.figures div{flex:1 1 28em}
table{border-collapse:collapse;width:100%;font-size:.9em}
td,th{border-bottom:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
.kpi{display:flex;gap:1.5em;flex-wrap:wrap}.kpi div{background:#f4f4f4;padding:.6em 1em}
.kpi b{display:block;font-size:1.5em}mark{background:#ffe08a}.fix{color:#075}
.error{color:#b00}.warning{color:#a60}svg{max-width:100%;height:auto}
"""


def write_report(path: Path, findings: Any, articles: Any) -> None:
    page = render(findings.to_pylist(), articles.to_pylist())
    atomic_write(path, lambda temporary: temporary.write_text(page, encoding="utf-8"))


def render(findings: list[dict[str, Any]], articles: list[dict[str, Any]]) -> str:
    month_of = {a["doc_id"]: a["date"][:7] if a["date"] else UNDATED for a in articles}
    slips = [f for f in findings if f["code"] != "NL000" and f["severity"] != "info"]
    failures = [f for f in findings if f["code"] == "NL000"]
    with_slip = {f["doc_id"] for f in slips}
    months = sorted({m for m in month_of.values() if m != UNDATED})
    if UNDATED in month_of.values():
        months.append(UNDATED)
    per_rule: dict[str, Counter[str]] = defaultdict(Counter)
    for finding in findings:
        if finding["code"] != "NL000":
            per_rule[finding["code"]][month_of.get(finding["doc_id"], UNDATED)] += 1
    per_month = Counter(month_of.values())
    slipped = Counter(month_of.get(d, UNDATED) for d in with_slip)
    share = 100 * len(with_slip) / len(articles) if articles else 0.0
    parts = [
        "<!DOCTYPE html>",
        '<html lang="fr"><head><meta charset="utf-8">',
        "<title>numlint : audit des archives</title>",
        f"<style>{_STYLE}</style></head><body>",
        "<h1>numlint : audit des archives</h1>",
        '<div class="kpi">',
        _kpi(f"{len(articles):,}".replace(",", "\u202f"), "articles vérifiés"),
        _kpi(f"{len(with_slip):,}".replace(",", "\u202f"), "articles avec une erreur possible"),
        _kpi(f"{_decimal(share)}\u00a0%", "des articles"),
        _kpi(str(len(slips)), "constats (avertissements et erreurs)"),
        _kpi(str(len({f['doc_id'] for f in failures})), "articles non vérifiés (NL000)"),
        "</div>",
        '<h2>Par mois</h2><div class="figures">',
        f'<div id="plot-rules">{_rules_plot(per_rule, months)}</div>',
        f'<div id="plot-share">{_share_plot(per_month, slipped, months)}</div>',
        "</div>",
        "<h2>Les erreurs les plus graves</h2>",
        _slips_table(slips),
        "<h2>Ce qui a été vérifié</h2>",
        _verified(findings, articles, failures, months),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def _decimal(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def _kpi(value: str, label: str) -> str:
    return f"<div><b>{html.escape(value)}</b>{html.escape(label)}</div>"


def _svg(figure: Any) -> str:
    import matplotlib.pyplot as plt

    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(figure)
    text = buffer.getvalue()
    return _METADATA.sub("", text[text.index("<svg"):])


def _plt() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"svg.fonttype": "none", "svg.hashsalt": "numlint",
                         "font.size": 9})
    return plt


def _rules_plot(per_rule: dict[str, Counter[str]], months: list[str]) -> str:
    plt = _plt()
    from matplotlib.ticker import MaxNLocator

    figure, axes = plt.subplots(figsize=(6.4, 3.4))
    bottom = [0] * len(months)
    for code in sorted(per_rule):
        counts = [per_rule[code][m] for m in months]
        axes.bar(months, counts, bottom=bottom, label=code)
        bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
    axes.set_title("Constats par règle et par mois")
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylabel("constats")
    if per_rule:
        axes.legend(fontsize=7, ncols=2)
    else:
        axes.text(0.5, 0.5, "aucun constat", ha="center", transform=axes.transAxes)
    axes.tick_params(axis="x", labelrotation=45)
    return _svg(figure)


def _share_plot(per_month: Counter[str], slipped: Counter[str], months: list[str]) -> str:
    plt = _plt()
    figure, axes = plt.subplots(figsize=(6.4, 3.4))
    shares = [100 * slipped[m] / per_month[m] if per_month[m] else 0 for m in months]
    axes.bar(months, shares, color="#c0504d")
    axes.set_title("Part des articles avec une erreur possible")
    axes.set_ylabel("% des articles du mois")
    axes.set_ylim(0, max([*shares, 1]) * 1.2)
    axes.tick_params(axis="x", labelrotation=45)
    return _svg(figure)


def _slips_table(slips: list[dict[str, Any]]) -> str:
    if not slips:
        return "<p>Aucune erreur possible trouvée.</p>"
    ranked = sorted(slips, key=lambda f: (SEVERITY_ORDER.get(f["severity"], 3), f["code"],
                                          f["doc_id"], f["start"]))[:TOP_SLIPS]
    rows = ["<table><tr><th>article</th><th>règle</th><th>contexte</th>"
            "<th>correction proposée</th></tr>"]
    for finding in ranked:
        context = _marked(finding.get("excerpt") or "", finding["figure"] or "")
        fix = html.escape(finding["fix"]) if finding["fix"] else "—"
        rows.append(
            f'<tr><td>{html.escape(finding["doc_id"])}<br><small>ligne {finding["line"]}'
            f'</small></td><td class="{html.escape(finding["severity"])}">'
            f'{html.escape(finding["code"])} {html.escape(finding["name"])}</td>'
            f'<td>{context}<br><small>{html.escape(finding["message"])}</small></td>'
            f'<td class="fix">{fix}</td></tr>')
    rows.append("</table>")
    if len(slips) > TOP_SLIPS:
        rows.append(f"<p>… et {len(slips) - TOP_SLIPS} autres dans le fichier des constats.</p>")
    return "\n".join(rows)


def _marked(excerpt: str, figure: str) -> str:
    figure = one_line(figure)
    before, found, after = excerpt.partition(figure) if figure else (excerpt, "", "")
    if not found:
        return html.escape(excerpt)
    return f"{html.escape(before)}<mark>{html.escape(found)}</mark>{html.escape(after)}"


def _verified(findings: list[dict[str, Any]], articles: list[dict[str, Any]],
              failures: list[dict[str, Any]], months: list[str]) -> str:
    size = sum(a["bytes"] for a in articles)
    dated = sum(1 for a in articles if a["date"])
    by_code = Counter((f["code"], f["name"]) for f in findings if f["code"] != "NL000")
    reasons = Counter(f["reason"] or "failed" for f in failures)
    cross = [json.loads(f["evidence"]) for f in findings if f["code"] == "NL901"]
    items = [
        f"{len(articles)} articles, {_decimal(size / 1e6)} Mo de texte, {dated} datés "
        f"({months[0] if months else '—'} à "
        f"{next((m for m in reversed(months) if m != UNDATED), '—')}).",
        "Chaque article : toutes les règles activées par défaut de numlint "
        "(conversions, échelles, variations, sommes, typographie des chiffres).",
        "Entre articles (NL901) : chaque montant écrit avec une échelle comparé aux mêmes "
        f"chiffres des autres articles ; {len(cross)} constat(s).",
    ]
    if reasons:
        items.append("Non vérifiés : " + ", ".join(f"{n} ({r})" for r, n in
                                                    sorted(reasons.items())) + ".")
    table = ["<table><tr><th>règle</th><th>constats</th></tr>"]
    table += [f"<tr><td>{html.escape(code)} {html.escape(name)}</td><td>{count}</td></tr>"
              for (code, name), count in sorted(by_code.items())]
    table.append("</table>")
    return ("<ul>" + "".join(f"<li>{html.escape(item)}</li>" for item in items) + "</ul>"
            + "\n".join(table))
