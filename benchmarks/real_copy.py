"""Mutation testing of numlint on real published French news paragraphs.

    python benchmarks/real_copy.py              # recall on mutants, false alarms on originals
    python benchmarks/real_copy.py --misses     # and every mutant numlint let through
    python benchmarks/real_copy.py --json       # the same, machine-readable

The paragraphs (``benchmarks/real_copy/paragraphs.jsonl``, see the README there) are quoted
exactly from the pages they come from, and annotated by hand with the relations a careful
editor sees between their figures (conversions, totals, changes, ranges...). For each
relation, one slip an editor would certainly call an error is injected into one of its
figures (a scale word shifted, a unit or currency swapped for one 1 000 or ≥ 50 times off, a
bound multiplied by 1 000). numlint must flag every mutant and stay silent on the originals.

A mutant counts as caught when a finding of error or warning level overlaps the mutated
figure or one of its partners and is new: a finding the original already had (same code,
same place, or on the same figure) is not a catch, and NL000 (a rule that failed) never is.
A finding on an original is a false alarm unless it overlaps a
figure the annotation marks as a slip of the original page (``known_slips``).

Every paragraph is checked three times: as plain text; as the HTML a CMS would store
(``html``); and as that HTML after French typesetting (``html-nbsp``: U+202F between digit
groups, U+00A0 between a number and its word, written ``&nbsp;``). Both HTML forms are
derived mechanically by :func:`typeset` and :func:`to_html` (never edited by hand), so the
forms always say the same thing and every text offset maps to an HTML offset.
"""

from __future__ import annotations

import argparse
import collections
import datetime
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import numlint

PARAGRAPHS = Path(__file__).resolve().parent / "real_copy" / "paragraphs.jsonl"
FORMATS = ("text", "html", "html-nbsp")
FLAGGING = ("error", "warning")
CRASH = "NL000"  # a rule or stage that failed: counted apart, never as a catch


# --- the data ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Relation:
    """Figures of one paragraph that an editor reads as tied together."""

    kind: str
    figures: tuple[str, ...]
    mutate: int | None = None
    replace: str | None = None  # the slip written out, where the mechanical one is not certain


@dataclass(frozen=True)
class Paragraph:
    id: str
    url: str
    text: str
    date: datetime.date | None
    relations: tuple[Relation, ...]
    known_slips: tuple[str, ...]
    tags: tuple[str, ...]
    raw: dict[str, Any] = field(compare=False, repr=False)


def load_paragraphs(path: Path = PARAGRAPHS) -> list[Paragraph]:
    """The annotated paragraphs, in file order (one JSON object per line)."""
    paragraphs = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as error:
            raise ValueError(f"{path}:{number}: not JSON: {error}") from None
        date = datetime.date.fromisoformat(raw["date"]) if raw.get("date") else None
        relations = tuple(
            Relation(r["kind"], tuple(r["figures"]), r.get("mutate"), r.get("replace"))
            for r in raw.get("relations", ())
        )
        paragraphs.append(
            Paragraph(
                id=raw["id"],
                url=raw.get("url", ""),
                text=raw.get("text", ""),
                date=date,
                relations=relations,
                known_slips=tuple(raw.get("known_slips", ())),
                tags=tuple(raw.get("tags", ())),
                raw=raw,
            )
        )
    return paragraphs


def locate(text: str, figure: str) -> tuple[int, int]:
    """The span of an annotated figure: ``"substring"`` or ``"substring@n"`` (n-th occurrence).

    Raises ``LookupError`` when the substring does not occur (that often enough).
    """
    substring, occurrence = figure, 1
    head, sep, tail = figure.rpartition("@")
    if sep and tail.isdigit():
        substring, occurrence = head, int(tail)
    start = -1
    for _ in range(occurrence):
        start = text.find(substring, start + 1)
        if start < 0:
            raise LookupError(f"{figure!r} not found in the paragraph")
    return start, start + len(substring)


# --- the HTML form ----------------------------------------------------------------------

_HTML_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\u00a0": "&nbsp;"}


def to_html(text: str) -> tuple[str, list[int]]:
    """The paragraph as a CMS stores it, and the HTML offset of every text offset.

    The rule: each line of the text becomes one ``<p>…</p>``; ``&``, ``<``, ``>`` are escaped;
    U+00A0 is written ``&nbsp;`` (as WYSIWYG editors do); U+202F, typographic apostrophes and
    every other character are kept raw. Nothing else is added (the pages' emphasis is not
    known from their text, so none is invented).
    """
    out: list[str] = ["<p>"]
    size = 3
    offsets: list[int] = []
    for char in text:
        offsets.append(size)
        piece = "</p>\n<p>" if char == "\n" else _HTML_ESCAPES.get(char, char)
        out.append(piece)
        size += len(piece)
    offsets.append(size)
    out.append("</p>\n")
    return "".join(out), offsets


_GROUP_SPACE = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")
_FIGURE_SPACE = re.compile(r"(?<=\d) (?=[^\W\d]|[%€$£¥])|(?<=«) | (?=»)")


def typeset(text: str) -> str:
    """The text as a French typesetting CMS writes it: U+202F between digit groups, U+00A0
    between a number and its word or sign and inside guillemets.

    The pages' stored text has plain spaces there; this makes the no-break spaces of real
    CMS copy appear without editing the quotations. Each replacement is one character for
    one, so every offset is unchanged.
    """
    return _FIGURE_SPACE.sub("\u00a0", _GROUP_SPACE.sub("\u202f", text))


# --- the slips --------------------------------------------------------------------------

# One slip per family, each certainly an error in the relation it is injected into.
_SCALE_SHIFTS = (
    (r"milliards", "millions"),
    (r"milliard", "million"),
    (r"millions", "milliards"),
    (r"million", "milliard"),
    (r"trillions", "milliards"),
    (r"trillion", "milliard"),
    (r"billions", "millions"),
    (r"billion", "million"),
    (r"Mds", "M"),
    (r"Md", "M"),
    (r"mds", "M"),
    (r"md", "M"),
    (r"M(?=\s?[€$£])", "Md"),
    (r"M(?=\s?(?:EUR|USD|DH|FCFA|F|CHF)\b)", "Md"),
    (r"k(?=\s?€)", "M"),
)
_UNIT_SWAPS = (
    (r"kilomètres", "mètres"),
    (r"kilomètre", "mètre"),
    (r"km²", "m²"),
    (r"km2", "m2"),
    (r"km3", "m3"),
    (r"km", "m"),
    (r"mètres", "kilomètres"),
    (r"mètre", "kilomètre"),
    (r"tonnes", "kilos"),
    (r"tonne", "kilo"),
    (r"kilos", "tonnes"),
    (r"kilogrammes", "tonnes"),
    (r"kg", "t"),
    (r"litres", "millilitres"),
    (r"hectares", "mètres carrés"),
    (r"pieds", "milles"),
    (r"miles", "mètres"),
    (r"milles", "mètres"),
    (r"MW", "kW"),
    (r"GW", "MW"),
    (r"kWh", "MWh"),
)
# Each swap is ≥ 50 times off in value (rates of 2015-2025, either way round).
_CURRENCY_SWAPS = (
    (r"euros", "yens"),
    (r"euro", "yen"),
    (r"€", "¥"),
    (r"EUR", "JPY"),
    (r"dollars", "roupies"),
    (r"dollar", "roupie"),
    (r"\$", "₹"),
    (r"USD", "INR"),
    (r"livres sterling", "yens"),
    (r"livres", "yens"),
    (r"£", "¥"),
    (r"francs suisses", "yens"),
    (r"roubles", "dollars"),
    (r"rouble", "dollar"),
    (r"wons", "euros"),
    (r"won", "euro"),
    (r"yens", "euros"),
    (r"yen", "euro"),
    (r"yuans", "wons"),
    (r"roupies", "euros"),
    (r"nairas", "euros"),
    (r"naïras", "euros"),
    (r"dirhams", "wons"),
    (r"dinars", "wons"),
    (r"ariary", "euros"),
    (r"(?:francs )?(?:FCFA|F CFA|Fcfa|CFA|Cfa)", "euros"),
)

FAMILY_OF_KIND = {
    "currency": "currency",
    "unit": "unit",
    "restatement": "restatement",
    "total": "total",
    "change": "change",
    "range": "range",
    "list": "range",
    "rate-period": "rate-period",
    "share": "share",
}


@dataclass(frozen=True)
class Mutant:
    paragraph: Paragraph
    relation: Relation
    family: str
    slip: str
    text: str
    span: tuple[int, int]
    partners: tuple[tuple[int, int], ...]
    before: str
    after: str

    @property
    def id(self) -> str:
        index = self.paragraph.relations.index(self.relation) + 1
        return f"{self.paragraph.id}#{index}"


def _first_sub(rules: Iterable[tuple[str, str]], figure: str) -> str | None:
    for pattern, replacement in rules:
        found = re.search(rf"(?<![\w]){pattern}(?![\w])", figure)
        if found:
            return figure[: found.start()] + replacement + figure[found.end() :]
    return None


_NUMBER = re.compile(r"\d+(?:[ \u00a0\u202f.]\d{3})*(?:,\d+)?")


def _times_thousand(figure: str) -> str | None:
    """The figure with its first number written 1 000 times larger, French style."""
    found = _NUMBER.search(figure)
    if not found:
        return None
    digits = re.sub(r"[ \u00a0\u202f.]", "", found.group()).replace(",", ".")
    value = Decimal(digits) * 1000
    whole, _, fraction = f"{value.normalize():f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", "\u00a0")
    written = grouped + ("," + fraction if fraction else "")
    return figure[: found.start()] + written + figure[found.end() :]


def _slip(kind: str, figure: str) -> tuple[str, str] | None:
    """One certain slip for a figure of a relation of this kind: (slip name, new figure)."""
    if kind == "unit":
        order = (("unit", _UNIT_SWAPS), ("scale", _SCALE_SHIFTS))
    elif kind == "rate-period":
        order = (("scale", _SCALE_SHIFTS), ("unit", _UNIT_SWAPS))
    elif kind == "currency":
        order = (("scale", _SCALE_SHIFTS), ("currency", _CURRENCY_SWAPS))
    else:
        order = (("scale", _SCALE_SHIFTS),)
    if kind not in ("range", "list"):
        for name, rules in order:
            mutated = _first_sub(rules, figure)
            if mutated is not None:
                return name, mutated
    mutated = _times_thousand(figure)
    return ("x1000", mutated) if mutated is not None else None


def _mutated_index(relation: Relation) -> int:
    """Which figure takes the slip: as annotated, else the conversion side or a part."""
    if relation.mutate is not None:
        return relation.mutate
    if relation.kind in ("range", "list"):
        return 0
    return 1


def mutants(paragraph: Paragraph) -> list[Mutant]:
    """One mutant per relation of the paragraph (none for a relation no slip fits)."""
    result = []
    for relation in paragraph.relations:
        spans = [locate(paragraph.text, figure) for figure in relation.figures]
        index = _mutated_index(relation)
        start, end = spans[index]
        before = paragraph.text[start:end]
        found = ("explicit", relation.replace) if relation.replace else _slip(relation.kind, before)
        if found is None:
            continue
        slip, after = found
        text = paragraph.text[:start] + after + paragraph.text[end:]
        shift = len(after) - len(before)

        def moved(span: tuple[int, int], shift: int = shift, start: int = start) -> tuple[int, int]:
            return (span[0] + shift, span[1] + shift) if span[0] >= start else span

        result.append(
            Mutant(
                paragraph=paragraph,
                relation=relation,
                family=FAMILY_OF_KIND.get(relation.kind, relation.kind),
                slip=slip,
                text=text,
                span=(start, start + len(after)),
                partners=tuple(moved(s) for i, s in enumerate(spans) if i != index),
                before=before,
                after=after,
            )
        )
    return result


# --- the measure ------------------------------------------------------------------------


def findings(text: str, fmt: str, date: datetime.date | None) -> list[tuple[str, str, int, int]]:
    """(severity, code, start, end) of numlint's findings, in text offsets for both forms."""
    if fmt in ("html", "html-nbsp"):
        source, offsets = to_html(typeset(text) if fmt == "html-nbsp" else text)
        back = {html: position for position, html in enumerate(offsets)}
    else:
        source, offsets, back = text, [], {}
    result = []
    found = numlint.check(source, format="text" if fmt == "text" else "html", date=date)
    if any(d.code == CRASH for d in found):
        # A rule over its time budget on a loaded machine: once more, so that the measure
        # does not depend on the load. An NL000 that persists is reported as such.
        found = numlint.check(source, format="text" if fmt == "text" else "html", date=date)
    for d in found:
        start, end = d.start, d.end
        if offsets:
            start = _back(back, start, offsets, forward=False)
            end = _back(back, end, offsets, forward=True)
        result.append((d.severity, d.code, start, end))
    return sorted(result)


def _back(back: dict[int, int], position: int, offsets: Sequence[int], *, forward: bool) -> int:
    """The text offset of an HTML offset (inside an entity: the character it belongs to)."""
    if position in back:
        return back[position]
    candidates = [i for i, html in enumerate(offsets) if html <= position]
    text_position = candidates[-1] if candidates else 0
    return text_position + 1 if forward else text_position


def _also_on_original(
    mutant: Mutant, finding: tuple[str, int, int], original: set[tuple[str, int, int]]
) -> bool:
    """Whether a finding on the mutant is one the original already had (not the slip's)."""
    code, start, end = finding
    if _overlaps((start, end), mutant.span):
        # On the slipped figure itself: old only if the original had that code there too
        # (a style slip of the page, say), not merely somewhere else.
        figure = (mutant.span[0], mutant.span[0] + len(mutant.before))
        return any(c == code and _overlaps((s, e), figure) for c, s, e in original)
    shift = len(mutant.after) - len(mutant.before)
    if start >= mutant.span[1]:
        start, end = start - shift, end - shift
    return (code, start, end) in original


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass
class Measure:
    paragraphs: int = 0
    mutants: collections.Counter[tuple[str, str]] = field(default_factory=collections.Counter)
    caught: collections.Counter[tuple[str, str]] = field(default_factory=collections.Counter)
    misses: list[dict[str, Any]] = field(default_factory=list)
    catches: list[dict[str, Any]] = field(default_factory=list)
    false_alarms: list[dict[str, Any]] = field(default_factory=list)
    crashes: list[dict[str, Any]] = field(default_factory=list)

    def recall(self, family: str | None = None, fmt: str | None = None) -> float:
        def keep(key: tuple[str, str]) -> bool:
            return (family is None or key[0] == family) and (fmt is None or key[1] == fmt)

        total = sum(n for key, n in self.mutants.items() if keep(key))
        caught = sum(n for key, n in self.caught.items() if keep(key))
        return caught / total if total else 1.0

    def alarm_ids(self, severity: str, fmt: str | None = None) -> list[str]:
        return sorted(
            {
                a["paragraph"]
                for a in self.false_alarms
                if a["severity"] == severity and (fmt is None or a["format"] == fmt)
            }
        )

    def alarms(self, severity: str, fmt: str) -> int:
        return sum(
            1 for a in self.false_alarms if a["severity"] == severity and a["format"] == fmt
        )

    def to_dict(self) -> dict[str, Any]:
        families = sorted({key[0] for key in self.mutants})
        per50 = 50 / self.paragraphs if self.paragraphs else 0
        return {
            "paragraphs": self.paragraphs,
            "mutants": sum(self.mutants.values()),
            "recall": round(self.recall(), 4),
            "recall_by_format": {
                fmt: round(self.recall(fmt=fmt), 4)
                for fmt in FORMATS
                if any(key[1] == fmt for key in self.mutants)
            },
            "recall_by_family": {
                family: {
                    "mutants": sum(n for k, n in self.mutants.items() if k[0] == family),
                    "recall": round(self.recall(family), 4),
                }
                for family in families
            },
            "false_alarms": {
                fmt: {
                    severity: {
                        "count": self.alarms(severity, fmt),
                        "per_50_paragraphs": round(self.alarms(severity, fmt) * per50, 2),
                        "paragraphs": self.alarm_ids(severity, fmt),
                    }
                    for severity in FLAGGING
                }
                for fmt in FORMATS
                if any(key[1] == fmt for key in self.mutants)
            },
            "crashes_on_originals": self.crashes,
            "catches": self.catches,
            "misses": self.misses,
            "false_alarm_findings": self.false_alarms,
        }


# Builds what numlint loads lazily (pint, the rate table) before anything is measured: on a
# loaded machine the first build can exceed a rule's time budget and fail (NL000), which
# would make the measure depend on which paragraph comes first.
WARM_UP = (
    "97,4 milliards de dollars (près de 95 milliards d'euros) ; "
    "une altitude de 12 000 mètres (40 000 pieds) ; 2 millions de barils par jour"
)


def warm_up() -> None:
    numlint.check(WARM_UP, format="text")
    numlint.check(to_html(typeset(WARM_UP))[0], format="html")


def measure(paragraphs: Sequence[Paragraph], formats: Sequence[str] = FORMATS) -> Measure:
    """Check every original and every mutant, in every form."""
    warm_up()
    result = Measure(paragraphs=len(paragraphs))
    for paragraph in paragraphs:
        slips = [locate(paragraph.text, figure) for figure in paragraph.known_slips]
        original: dict[str, set[tuple[str, int, int]]] = {}
        for fmt in formats:
            found = findings(paragraph.text, fmt, paragraph.date)
            original[fmt] = {(code, start, end) for _, code, start, end in found}
            for severity, code, start, end in found:
                if code == CRASH:
                    result.crashes.append({"paragraph": paragraph.id, "format": fmt})
                    continue
                if severity not in FLAGGING:
                    continue
                if any(_overlaps((start, end), slip) for slip in slips):
                    continue
                result.false_alarms.append(
                    {
                        "paragraph": paragraph.id,
                        "format": fmt,
                        "severity": severity,
                        "code": code,
                        "excerpt": paragraph.text[start:end],
                    }
                )
        for mutant in mutants(paragraph):
            targets = (mutant.span, *mutant.partners)
            for fmt in formats:
                key = (mutant.family, fmt)
                result.mutants[key] += 1
                hits = [
                    code
                    for severity, code, start, end in findings(mutant.text, fmt, paragraph.date)
                    if severity in FLAGGING
                    and code != CRASH
                    and any(_overlaps((start, end), target) for target in targets)
                    and not _also_on_original(mutant, (code, start, end), original[fmt])
                ]
                if hits:
                    result.caught[key] += 1
                    result.catches.append(
                        {"mutant": mutant.id, "format": fmt, "codes": sorted(set(hits))}
                    )
                else:
                    result.misses.append(
                        {
                            "mutant": mutant.id,
                            "format": fmt,
                            "family": mutant.family,
                            "slip": mutant.slip,
                            "kind": mutant.relation.kind,
                            "before": mutant.before,
                            "after": mutant.after,
                            "partners": [mutant.text[s:e] for s, e in mutant.partners],
                        }
                    )
    return result


# --- the report -------------------------------------------------------------------------


def report(result: Measure, *, misses: bool) -> str:
    data = result.to_dict()
    by_format = ", ".join(f"{fmt} {rate:.1%}" for fmt, rate in data["recall_by_format"].items())
    lines = [
        f"{data['paragraphs']} paragraphs, {data['mutants']} mutants "
        f"({', '.join(data['recall_by_format'])}); recall {data['recall']:.1%} ({by_format})",
        "",
        f"{'family':<14}{'mutants':>8}{'recall':>9}",
    ]
    for family, row in data["recall_by_family"].items():
        lines.append(f"{family:<14}{row['mutants']:>8}{row['recall']:>9.1%}")
    lines.append("")
    lines.append("false alarms on the originals:")
    for fmt, by_severity in data["false_alarms"].items():
        for severity, row in by_severity.items():
            ids = ", ".join(row["paragraphs"]) or "-"
            lines.append(
                f"  {fmt:<10}{severity:<8}{row['count']:>3}"
                f"  ({row['per_50_paragraphs']:.2f} per 50 paragraphs)  {ids}"
            )
    lines.append(f"NL000 (a rule that failed) on originals: {len(data['crashes_on_originals'])}")
    if misses:
        lines.append("")
        lines.append("misses:")
        for miss in data["misses"]:
            partners = " / ".join(miss["partners"])
            lines.append(
                f"  {miss['mutant']:<9}{miss['format']:<10}{miss['family']:<12}"
                f"« {miss['before']} » → « {miss['after']} »  (with « {partners} »)"
            )
        lines.append("")
        lines.append("false alarms:")
        for alarm in data["false_alarm_findings"]:
            lines.append(
                f"  {alarm['paragraph']:<9}{alarm['format']:<10}{alarm['severity']:<8}"
                f"{alarm['code']}  « {alarm['excerpt']} »"
            )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every mutant not caught")
    parser.add_argument("--json", action="store_true", help="print the measure as JSON")
    parser.add_argument("--format", choices=FORMATS, help="check one form only")
    parser.add_argument("--paragraphs", type=Path, default=PARAGRAPHS, help="a JSONL file")
    args = parser.parse_args(argv)
    try:
        paragraphs = load_paragraphs(args.paragraphs)
    except (OSError, ValueError, KeyError) as error:
        print(f"real_copy: cannot read {args.paragraphs}: {error}", file=sys.stderr)
        return 2
    formats = (args.format,) if args.format else FORMATS
    result = measure(paragraphs, formats)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2, sort_keys=True))
    else:
        print(report(result, misses=args.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
