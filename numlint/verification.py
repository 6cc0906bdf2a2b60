"""What numlint confirmed, not only what it flagged: :func:`verify`.

An editor wants to see "12 relations vérifiées, 1 incohérente". :func:`verify` runs the
same check as :func:`numlint.check` (same diagnostics) and lists each relation the text
claims — a conversion (``97,4 milliards de dollars (près de 94 milliards d'euros)``), a
figure restated later (``ces 13 millions``) — with its status:

- ``confirmed``: the figures agree within what the wording allows, with the evidence
  (``97,4 milliards de dollars ≈ 94,3 milliards EUR au 11/02/2025 ✓``);
- ``inconsistent``: a rule reported it (the codes say which);
- ``unverified``: numlint could not weigh it, and ``reason`` says why (no rate for the
  currency, a coarse rate too rough to judge a few percent, an undated text).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from .assessment import Assessment, evidence_of
from .config import Config
from .diagnostics import Diagnostic
from .document import Document
from .i18n import N_, Amount, render, show
from .mentions import Mention
from .pipeline import Format, run
from .sources import ProseDocument
from .verdict import Verdict, dollar_sign_after, judge

Status = Literal["confirmed", "inconsistent", "unverified"]
RelationKind = Literal["conversion", "restatement"]

RULES_BY_KIND: dict[RelationKind, frozenset[str]] = {
    "conversion": frozenset({"NL101", "NL102", "NL104", "NL105"}),
    "restatement": frozenset({"NL103"}),
}
"""The rules whose findings on a relation's figures make it inconsistent."""


@dataclass(frozen=True, slots=True)
class VerifiedRelation:
    kind: RelationKind
    status: Status
    start: int
    end: int
    """Source offsets from the first figure to the last."""
    figures: tuple[str, ...]
    statement: str
    """What was checked, as an editor reads it (``… ≈ … au 11/02/2025 ✓``)."""
    reason: str = ""
    """Why a relation is unverified (or which rule found it inconsistent)."""
    codes: tuple[str, ...] = ()
    evidence: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "status": self.status,
            "start": self.start,
            "end": self.end,
            "figures": list(self.figures),
            "statement": self.statement,
            "reason": self.reason,
            "codes": list(self.codes),
            "evidence": dict(self.evidence),
        }


@dataclass(frozen=True, slots=True)
class Verification:
    diagnostics: list[Diagnostic]
    """Exactly what :func:`numlint.check` returns for the same call."""
    relations: tuple[VerifiedRelation, ...]

    def count(self, status: Status) -> int:
        return sum(1 for relation in self.relations if relation.status == status)

    def summary(self, lang: str = "fr") -> str:
        """``vérifiées : 3, incohérentes : 1, non vérifiées : 0`` (relations, not figures)."""
        return render(
            N_("{confirmed} verified, {inconsistent} inconsistent, {unverified} unverified"),
            {status: self.count(status)
             for status in ("confirmed", "inconsistent", "unverified")},
            lang,
        )

    def to_dict(self, lang: str = "fr") -> dict[str, Any]:
        return {
            "summary": self.summary(lang),
            "counts": {status: self.count(status)
                       for status in ("confirmed", "inconsistent", "unverified")},
            "relations": [relation.to_dict() for relation in self.relations],
        }


def verify(
    text: str,
    *,
    format: Format = "markdown",
    date: date | datetime | str | None = None,
    config: Config | Mapping[str, Any] | None = None,
    lang: str | None = None,
) -> Verification:
    """Check one article (as :func:`numlint.check`) and list the relations it claims,
    confirmed, inconsistent or unverified, sorted by position."""
    outcome = run(text, format=format, date=date, config=config, lang=lang)
    if outcome.document is None or outcome.prose is None:
        return Verification(outcome.diagnostics, ())
    reader = _Reader(outcome.prose, outcome.document, outcome.diagnostics, outcome.lang)
    relations = [reader.conversion(equivalence.first, equivalence.second, equivalence)
                 for equivalence in outcome.document.relations.equivalences
                 if equivalence.marker != "sentence" or _reported(outcome, equivalence)]
    relations += [reader.restatement(restatement.first, restatement.later)
                  for restatement in outcome.document.relations.restatements]
    return Verification(outcome.diagnostics,
                        tuple(sorted(relations, key=lambda r: (r.start, r.end, r.kind))))


def _reported(outcome: Any, equivalence: Any) -> bool:
    """Whether a pair only its sentence ties is a slip: such a pair is listed only then
    (agreement there may be chance, no confirmation)."""
    return judge(equivalence, outcome.document).kind == "magnitude"


_ROUGH_RATE = N_("only an order of magnitude of the rate is known: it cannot judge a gap of "
                 "a few percent")
_UNJUDGED = {
    "coarse-rate": _ROUGH_RATE,
    "coarse-gap": _ROUGH_RATE,
    "undated": N_("the text is undated: the latest rate cannot judge a gap of a few percent"),
    "loose-tie": N_("only their closeness ties these figures: a gap that is no power of "
                    "1 000 may mean two amounts"),
    "stated-rate": N_("the text states the rate, which may be another day's: only a slip of "
                      "magnitude is judged"),
    "assumed-unit": N_("« milles » may be statute or nautical miles: only a slip of magnitude "
                       "is judged"),
    "english-scale": N_("a billion or trillion: only its English reading is judged, not a "
                        "gap of a few percent"),
}
"""Why a conversion outside its tolerance gets no verdict, by :attr:`Verdict.reason`."""


@dataclass(frozen=True)
class _Reader:
    prose: ProseDocument
    document: Document
    diagnostics: list[Diagnostic]
    lang: str

    def conversion(self, first: Mention, second: Mention, equivalence: Any) -> VerifiedRelation:
        start, end, codes = self._place("conversion", first, second)
        verdict = judge(equivalence, self.document)  # the rules' own verdict
        assessment = verdict.assessment
        figures = (first.text, second.text)
        if codes:
            return VerifiedRelation("conversion", "inconsistent", start, end, figures,
                                    self._compared(first, second, assessment, "✗"),
                                    codes=codes, evidence=self._evidence(assessment))
        if assessment is None:
            return VerifiedRelation("conversion", "unverified", start, end, figures,
                                    f"{first.text} ≈ {second.text} ?",
                                    reason=self._why_not_weighed(first, second))
        if assessment.consistent and assessment.converted.method == "coarse-rate":
            return VerifiedRelation(
                "conversion", "unverified", start, end, figures,
                self._compared(first, second, assessment, "?"),
                reason=render(N_("the order of magnitude is right, but only an order of "
                                 "magnitude of the rate is known"), {}, self.lang),
                evidence=self._evidence(assessment))
        if assessment.consistent:
            undated = assessment.converted.method == "ecb-rate" and not self.document.dated
            return VerifiedRelation(
                "conversion", "confirmed", start, end, figures,
                self._compared(first, second, assessment, "✓"),
                reason=render(N_("undated text: checked at the latest rate, with the wider "
                                 "undated tolerance"), {}, self.lang) if undated else "",
                evidence=self._evidence(assessment))
        return VerifiedRelation("conversion", "unverified", start, end, figures,
                                self._compared(first, second, assessment, "?"),
                                reason=self._why_not_judged(verdict),
                                evidence=self._evidence(assessment))

    def restatement(self, first: Mention, later: Mention) -> VerifiedRelation:
        start, end, codes = self._place("restatement", first, later)
        figures = (first.text, later.text)
        if codes:
            return VerifiedRelation("restatement", "inconsistent", start, end, figures,
                                    f"{first.text} = {later.text} ✗", codes=codes)
        if first.value == later.value:
            return VerifiedRelation("restatement", "confirmed", start, end, figures,
                                    f"{first.text} = {later.text} ✓",
                                    evidence={"value": str(first.value)})
        return VerifiedRelation(
            "restatement", "unverified", start, end, figures, f"{first.text} = {later.text} ?",
            reason=render(N_("the restated figure is rounded differently"), {}, self.lang),
        )

    def _place(self, kind: RelationKind, first: Mention, second: Mention) -> tuple[
        int, int, tuple[str, ...]
    ]:
        spans = [self.prose.to_source(m.start, m.end) for m in (first, second)]
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        codes = tuple(sorted({
            d.code for d in self.diagnostics
            if d.code in RULES_BY_KIND[kind]
            and any(d.start < e and s < d.end for s, e in spans)
        }))
        return start, end, codes

    def _compared(self, first: Mention, second: Mention, assessment: Assessment | None,
                  mark: str) -> str:
        if assessment is None:
            return f"{first.text} ≈ {second.text} {mark}"
        unit = second.unit_label
        expected = show(Amount(assessment.expected, unit), self.lang)
        converted = assessment.converted
        if converted.method == "ecb-rate" and converted.rate_date is not None:
            day = converted.rate_date
            shown_day = (day.strftime("%d/%m/%Y") if self.lang == "fr" else day.isoformat())
            return render(N_("{first} ≈ {expected} at the rate of {day} {mark}"),
                          {"first": first.text, "expected": expected, "day": shown_day,
                           "mark": mark}, self.lang)
        return f"{first.text} ≈ {expected} {mark}"

    def _evidence(self, assessment: Assessment | None) -> dict[str, Any]:
        return evidence_of(assessment, self.document) if assessment is not None else {}

    def _why_not_weighed(self, first: Mention, second: Mention) -> str:
        if first.kind == "money":
            missing = [m.written_unit.text if m.written_unit else "?" for m in (first, second)
                       if m.currency is None]
            if missing:
                return render(N_("the currency of “{figure}” is not known"),
                              {"figure": missing[0]}, self.lang)
            return render(N_("no exchange rate for {source} to {target} on {day}"),
                          {"source": first.currency, "target": second.currency,
                           "day": self.document.date.isoformat()}, self.lang)
        return render(N_("these units do not convert into each other"), {}, self.lang)

    def _why_not_judged(self, verdict: Verdict) -> str:
        assessment = verdict.assessment
        if verdict.reason == "assumed-dollar" and assessment is not None:
            pair = (assessment.equivalence.first, assessment.equivalence.second)
            assumed = next(m for m in pair if dollar_sign_after(m))
            return render(N_("the currency of “{figure}” was assumed ({currency})"),
                          {"figure": assumed.text, "currency": assumed.currency}, self.lang)
        why = _UNJUDGED.get(verdict.reason)
        if why is not None:
            return render(why, {}, self.lang)
        return render(N_("outside the tolerance, but not by enough to be reported"), {},
                      self.lang)
