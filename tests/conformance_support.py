"""Scoring numlint's scanner against peers' French test cases (``../shared/conformance/``).

One place for the scoring rules, used by ``tests/test_conformance.py`` (which asserts the
targets) and by ``benchmarks/conformance_report.py`` (which prints the same table).

How a case is scored (see the README of the conformance folder):

- **Whole-input cases** (duckling, Babel, the generated CLDR file, text2num ``text2num`` /
  ``text2digits``): exactly one mention, covering the whole input (a hedge in front counts as
  covered), with the expected value, and the expected currency or unit when the source names
  one (an ambiguous ``unit: null`` checks the value only). A duckling interval is two mentions
  linked as a range (``between``) or one mention with an ``above`` / ``below`` hedge; the bounds
  are compared. ``expect_error`` cases pass when numlint does *not* read the input as one
  figure.
- **Sentence cases** (Recognizers-Text): each expected item must be a mention with the same
  span, value and currency/unit; ``expected == []`` passes when numlint finds nothing of the
  model's kind there. Only cases some platform verified count; the others are reported apart.
- **Rewrite cases** (text2num ``alpha2digit`` / ``replace_numbers_in_text``): the ordered
  values of all mentions equal the expected values (the one ``expected: null`` case asserts
  only that something is converted).

Cases listed in ``tests/conformance_disagreements.toml`` (numlint disagrees on purpose, with a
reason each) are left out of the scores and counted apart.
"""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import numlint
from numlint import Mention

SHARED_ENV = "NUMLINT_SHARED"
DISAGREEMENTS = Path(__file__).resolve().parent / "conformance_disagreements.toml"


def shared_folder() -> Path:
    """``$NUMLINT_SHARED``, else the ``shared`` folder beside the repository."""
    configured = os.environ.get(SHARED_ENV)
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[1].parent / "shared"


def conformance_folder() -> Path | None:
    folder = shared_folder() / "conformance"
    return folder if folder.is_dir() and any(folder.glob("*.jsonl")) else None


@dataclass(frozen=True)
class FileSpec:
    stem: str
    target: Decimal | None
    """Share of the scored items that must pass (None: reported, not asserted)."""


FILES: tuple[FileSpec, ...] = (
    FileSpec("recognizers-fr-currency", Decimal("0.95")),
    FileSpec("recognizers-fr-percent", Decimal("0.95")),
    FileSpec("recognizers-fr-percent-percentmode", Decimal("0.95")),
    FileSpec("duckling-fr-money", Decimal("0.95")),
    FileSpec("cldr-fr-babel-generated", Decimal("1")),
    FileSpec("babel-fr-tests", Decimal("1")),
    FileSpec("recognizers-fr-number", Decimal("0.90")),
    FileSpec("recognizers-fr-number-percentmode", Decimal("0.90")),
    FileSpec("recognizers-fr-dimension", Decimal("0.90")),
    FileSpec("recognizers-fr-temperature", Decimal("0.90")),
    FileSpec("duckling-fr-numeral", Decimal("0.90")),
    FileSpec("duckling-fr-dimension", Decimal("0.90")),
    FileSpec("text2num-fr", Decimal("0.90")),
    FileSpec("text2num-rs-fr", Decimal("0.90")),
    FileSpec("recognizers-fr-age", None),
)

LAST_SCORES: list[FileScore] = []
"""The scores of the last run of :func:`score_all` in this process (for the test summary)."""

CANADIAN_DEFAULTS = {"$": "CAD"}
"""What a Quebec newsroom configures: ``$`` alone is the Canadian dollar (fr_CA rows)."""

TEMPERATURES = frozenset({"degree_Celsius", "degree_Fahrenheit", "kelvin", "degree"})

SOURCE_UNITS: dict[str, str] = {
    # duckling
    "Kilometre": "kilometer", "Mile": "mile", "Metre": "meter", "Centimetre": "centimeter",
    "Millilitre": "milliliter", "Centilitre": "centiliter", "Litre": "liter",
    "Gallon": "gallon", "Hectolitre": "hectoliter", "Cup": "cup", "Tablespoon": "tablespoon",
    "Celsius": "degree_Celsius", "Fahrenheit": "degree_Fahrenheit", "Degree": "degree",
    # Recognizers-Text
    "C": "degree_Celsius", "F": "degree_Fahrenheit", "Degré": "degree", "Kelvin": "kelvin",
    "Pouce": "inch", "Décimètres": "decimeter", "Hectomètre": "hectometer",
    "Baril": "oil_barrel", "Pied": "foot", "Onces": "ounce", "Acre": "acre", "Livre": "pound",
    "Microgramme": "microgram", "Pieds cube": "foot ** 3", "Mètre carré": "meter ** 2",
    "Tonne": "metric_ton", "Tonne métrique": "metric_ton", "Bit": "bit",
    "Miles par heure": "mile_per_hour", "Mètres": "meter", "Kilomètres": "kilometer",
    "Millimètres": "millimeter", "Centimètres": "centimeter",
    "Kilomètre carré": "kilometer ** 2", "Radian": "radian", "Turn": "turn",
    "Ans": "year", "Mois": "month", "Semaines": "week", "Jour": "day",
}
"""The sources' unit names, as pint units (compared through pint, so aliases agree)."""


# -- loading ---------------------------------------------------------------------------


def load_cases(stem: str) -> list[dict[str, Any]]:
    folder = conformance_folder()
    if folder is None:
        return []
    with (folder / f"{stem}.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_disagreements(path: Path = DISAGREEMENTS) -> dict[str, str]:
    """Case id -> the one-line reason numlint disagrees with the source on purpose.

    A key ``<case id>#<n>`` names the n-th expected item of a case (from 1) only: the rest
    of the case is still scored."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    reasons: dict[str, str] = {}
    for section in data.values():
        for case_id, reason in section.items():
            reasons[case_id] = reason
    return reasons


# -- results ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    case_id: str
    passed: bool
    why: str = ""
    """For a failure: what was expected and what numlint found."""


@dataclass
class FileScore:
    spec: FileSpec
    scored: list[Outcome] = field(default_factory=list)
    unverified: list[Outcome] = field(default_factory=list)
    disagreed_cases: int = 0
    """Whole cases left out."""
    disagreed_items: int = 0
    """Single items left out of cases otherwise scored."""
    extras: int = 0
    """Mentions of the model's kind that no expected item asked for (sentence cases)."""

    @property
    def passed(self) -> int:
        return sum(o.passed for o in self.scored)

    @property
    def total(self) -> int:
        return len(self.scored)

    @property
    def share(self) -> Decimal:
        return Decimal(self.passed) / self.total if self.total else Decimal(1)

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.scored if not o.passed]

    @property
    def meets_target(self) -> bool:
        return self.spec.target is None or self.share >= self.spec.target


# -- comparison --------------------------------------------------------------------------


@cache
def _registry() -> Any:
    import pint

    return pint.UnitRegistry()


def same_unit(found: str | None, expected_source_name: str) -> bool:
    wanted = SOURCE_UNITS.get(expected_source_name)
    if found is None or wanted is None:
        return False
    if found == wanted:
        return True
    registry = _registry()
    return registry.parse_units(found) == registry.parse_units(wanted)


def same_value(found: Decimal, expected: Decimal) -> bool:
    """Equal; or, when the source printed a rounded repeating fraction (15+ significant
    digits, ``0.333333333333333``), equal once rounded the same way."""
    if found == expected:
        return True
    digits = expected.as_tuple().digits
    exponent = expected.as_tuple().exponent
    if len(digits) >= 15 and isinstance(exponent, int):
        return found.quantize(Decimal(1).scaleb(exponent)) == expected
    return False


def _kind_predicate(kind: str) -> Callable[[Mention], bool]:
    if kind == "currency":
        return lambda m: m.kind == "money"
    if kind == "percent":
        return lambda m: m.kind == "percent"
    if kind == "temperature":
        return lambda m: m.kind == "quantity" and m.unit in TEMPERATURES
    if kind in ("dimension", "distance", "volume", "quantity", "age"):
        return lambda m: m.kind == "quantity" and (
            m.unit not in TEMPERATURES or m.unit == "degree"
        )
    if kind == "number":
        return lambda m: m.kind == "number"
    return lambda m: False  # ordinals: numlint reads no ordinal as an amount


_MODEL_KIND = {
    "CurrencyModel": "currency",
    "PercentModel": "percent",
    "PercentModelPercentMode": "percent",
    "NumberModel": "number",
    "NumberModelPercentMode": "number",
    "DimensionModel": "dimension",
    "TemperatureModel": "temperature",
    "AgeModel": "age",
}


def _item_matches(mention: Mention, item: dict[str, Any]) -> str | None:
    """None when ``mention`` is what ``item`` expects, else what differs."""
    if not _kind_predicate(item["kind"])(mention):
        return f"kind {mention.kind}"
    if item["value"] is None:
        return "no value expected"
    if not same_value(_as_written(mention, item), Decimal(item["value"])):
        return f"value {mention.value}"
    return _unit_differs(mention, item)


SUB_UNIT_NAMES = frozenset({"cent", "cents", "centime", "centimes", "penny", "pence"})
"""The sources count a sub-unit in itself (``197 centimes`` = 197 Centimes); numlint reads
it in the main unit (1.97 EUR): the same amount, compared in the sources' unit."""


def _as_written(mention: Mention, item: dict[str, Any]) -> Decimal:
    name = (item.get("unit_name") or "").lower()
    return mention.value.scaleb(2) if mention.sub_unit and name in SUB_UNIT_NAMES else mention.value


def _unit_differs(mention: Mention, item: dict[str, Any]) -> str | None:
    unit = item.get("unit")
    if unit is None or unit == "%":
        return None
    if item["kind"] == "currency":
        return None if mention.currency == unit else f"currency {mention.currency}"
    return None if same_unit(mention.unit, unit) else f"unit {mention.unit}"


def _show(found: Sequence[Mention]) -> str:
    return "; ".join(
        f"{m.text!r}={m.value} {m.kind}"
        + (f" {m.currency}" if m.currency else "")
        + (f" {m.unit}" if m.unit else "")
        + (f" [{m.hedge_kind}]" if m.hedge_kind else "")
        + (f" ({m.range_role})" if m.range_role else "")
        for m in found
    ) or "nothing"


def _scan(case: dict[str, Any]) -> list[Mention]:
    defaults = CANADIAN_DEFAULTS if case.get("locale") == "fr_CA" else None
    return numlint.mentions(case["input"], currency_defaults=defaults)


# -- the three shapes of case ----------------------------------------------------------


def _covers_whole_input(text: str, first: Mention, last: Mention, opener_ok: bool) -> bool:
    start = first.start
    if first.written_hedge is not None:
        start = first.written_hedge.start
    lead = text[: len(text) - len(text.lstrip())]
    head = text[len(lead) : start].strip().lower()
    if head and not (opener_ok and head in ("entre", "de", "d'", "d’")):
        return False
    return last.end == len(text.rstrip())


def score_whole_input(case: dict[str, Any]) -> Outcome:
    text = case["input"]
    found = _scan(case)
    case_id = case["id"]
    if case.get("expect_error"):
        whole = len(found) == 1 and _covers_whole_input(text, found[0], found[0], False)
        return Outcome(case_id, not whole, "" if not whole else f"read as {_show(found)}")
    [item] = case["expected"]
    interval = item.get("interval")
    if interval is not None:
        return _score_interval(case, item, interval, found)
    if len(found) != 1 or not _covers_whole_input(text, found[0], found[0], False):
        return Outcome(case_id, False, f"want one figure {item['value']}, got {_show(found)}")
    differs = _item_matches(found[0], item)
    return Outcome(case_id, differs is None, (differs and f"{differs}: {_show(found)}") or "")


def _score_interval(
    case: dict[str, Any], item: dict[str, Any], interval: dict[str, str], found: list[Mention]
) -> Outcome:
    case_id = case["id"]
    text = case["input"]
    unit_item = {**item, "value": "0"}
    if "from" in interval and "to" in interval:
        ok = (
            len(found) == 2
            and found[0].range_role == "low"
            and found[1].range_role == "high"
            and found[0].range_partner == found[1].span
            and same_value(found[0].value, Decimal(interval["from"]))
            and same_value(found[1].value, Decimal(interval["to"]))
            and all(_unit_differs(m, unit_item) is None for m in found)
            and all(_kind_predicate(item["kind"])(m) for m in found)
            and _covers_whole_input(text, found[0], found[1], True)
        )
    else:
        bound = interval.get("from") or interval.get("to")
        direction = {"above": "above", "under": "below"}[interval["direction"]]
        ok = (
            len(found) == 1
            and found[0].hedge_kind == direction
            and _kind_predicate(item["kind"])(found[0])
            and same_value(found[0].value, Decimal(str(bound)))
            and _unit_differs(found[0], unit_item) is None
            and _covers_whole_input(text, found[0], found[0], False)
        )
    return Outcome(case_id, ok, "" if ok else f"want {interval}, got {_show(found)}")


def _without_per(text: str, mention: Mention) -> tuple[int, int]:
    """The span without its "per" complement (``98 $`` of ``98 $ par action``): numlint's
    span closes on the rate, the peers' does not; the figure is the same."""
    if mention.written_per is None:
        return mention.span
    return mention.start, len(text[: mention.written_per.start].rstrip())


def _number_span(mention: Mention) -> tuple[int, int]:
    """The number with its scale word but without currency or unit (``2 millions`` of
    ``2 millions d'euros``): what a number model extracts from inside an amount."""
    end = (mention.scale.span if mention.scale else mention.number.span)[1]
    return mention.number.start, max(end, mention.number.end)


def score_sentence(
    case: dict[str, Any], skip_items: frozenset[int] = frozenset()
) -> tuple[list[Outcome], int]:
    """One outcome per expected item (one for ``[]``), and the count of extra mentions.
    ``skip_items`` (indexes from 1) are items numlint disagrees with."""
    text = case["input"]
    found = _scan(case)
    kind = _MODEL_KIND[case["model"]]
    of_kind = [m for m in found if _kind_predicate(kind)(m)]
    case_id = case["id"]
    if not case["expected"]:
        ok = not of_kind
        return [Outcome(case_id, ok, "" if ok else f"want nothing, got {_show(of_kind)}")], 0
    outcomes = []
    used: set[tuple[int, int]] = set()
    for number, item in enumerate(case["expected"], start=1):
        if number in skip_items:
            continue
        start, end = item["start"], item["end"]
        if start is None:
            wanted = (item["text"] or "").lower()
            same_span = [m for m in found if m.text.lower() == wanted]
        else:
            same_span = [m for m in found if (start, end) in (m.span, _without_per(text, m))]
        if not same_span and not (item["kind"] == "number" and start is not None and any(
            _number_span(m) == (start, end) for m in found
        )):
            where = text[start:end] if start is not None else item["text"]
            outcomes.append(Outcome(case_id, False, f"want {where!r}={item['value']}, "
                                                    f"got {_show(found)}"))
            continue
        if not same_span and item["kind"] == "number" and start is not None:
            inner = [m for m in found if _number_span(m) == (start, end)]
            if inner:  # the number inside an amount: "1000" of "€1000", "3" of "3 ans"
                ok = same_value(inner[0].value, Decimal(item["value"]))
                outcomes.append(Outcome(case_id, ok, "" if ok else f"value: {_show(inner)}"))
                used.add(inner[0].span)
                continue
        differs = _item_matches(same_span[0], item) if same_span else "no mention"
        used.add(same_span[0].span)
        outcomes.append(Outcome(case_id, differs is None,
                                (differs and f"{differs}: {_show(same_span)}") or ""))
    extras = sum(1 for m in of_kind if m.span not in used)
    return outcomes, extras


def score_rewrite(case: dict[str, Any]) -> Outcome:
    found = _scan(case)
    case_id = case["id"]
    if case["expected"] is None:  # the source asserts only that the output differs
        return Outcome(case_id, bool(found), "" if found else "nothing converted")
    wanted = [Decimal(item["value"]) for item in case["expected"]]
    got = [m.value for m in found]
    ok = len(got) == len(wanted) and all(map(same_value, got, wanted))
    return Outcome(case_id, ok, "" if ok else f"want {[str(w) for w in wanted]}, got "
                                              f"{_show(found)}")


# -- files -------------------------------------------------------------------------------


def _outcomes(
    case: dict[str, Any], skip_items: frozenset[int]
) -> tuple[list[Outcome], int]:
    if case.get("span") == "whole_input" or case.get("function") in ("text2num", "text2digits"):
        return [score_whole_input(case)], 0
    if "model" in case:
        return score_sentence(case, skip_items)
    return [score_rewrite(case)], 0


def score_file(spec: FileSpec, disagreements: dict[str, str]) -> FileScore:
    score = FileScore(spec)
    items: dict[str, set[int]] = {}
    for key in disagreements:
        case_id, hash_sign, number = key.partition("#")
        if hash_sign:
            items.setdefault(case_id, set()).add(int(number))
    for case in load_cases(spec.stem):
        if case["id"] in disagreements:
            score.disagreed_cases += 1
            continue
        skip_items = frozenset(items.get(case["id"], ()))
        score.disagreed_items += len(skip_items)
        outcomes, extras = _outcomes(case, skip_items)
        if case.get("unverified_by_any_platform"):
            score.unverified.extend(outcomes)
        else:
            score.scored.extend(outcomes)
            score.extras += extras
    return score


def score_all(specs: Iterable[FileSpec] = FILES) -> list[FileScore]:
    disagreements = load_disagreements()
    return [score_file(spec, disagreements) for spec in specs]


def format_table(scores: Sequence[FileScore]) -> str:
    header = (
        f"{'file':36} {'pass/total':>11} {'%':>6} {'target':>6} {'disagreed':>10} "
        f"{'unverified':>11} {'extra':>5}"
    )
    lines = [header, "-" * len(header)]
    for s in scores:
        target = f"{s.spec.target * 100:.0f}" if s.spec.target is not None else "-"
        unverified = (
            f"{sum(o.passed for o in s.unverified)}/{len(s.unverified)}" if s.unverified else "-"
        )
        mark = "" if s.meets_target else "  <- below target"
        disagreed = str(s.disagreed_cases) + (
            f"+{s.disagreed_items}i" if s.disagreed_items else ""
        )
        lines.append(
            f"{s.spec.stem:36} {s.passed:>5}/{s.total:<5} {float(s.share) * 100:>6.1f} "
            f"{target:>6} {disagreed:>10} {unverified:>11} {s.extras:>5}{mark}"
        )
    lines.append(
        "pass/total: scored items (verified cases, disagreements left out); disagreed: cases "
        "(+ single items) listed in tests/conformance_disagreements.toml; unverified: "
        "Recognizers items no platform checks (not scored); extra: mentions of the model's "
        "kind nobody expected."
    )
    return "\n".join(lines)
