"""numlint against peers' French test cases (``../shared/conformance/``).

The scoring lives in ``conformance_support.py`` (shared with
``benchmarks/conformance_report.py``); the per-file table is printed in the test summary.
Cases where numlint disagrees on purpose are listed, each with its reason, in
``conformance_disagreements.toml``: these tests also check that every entry names a real
case that numlint would otherwise fail.
"""

from __future__ import annotations

from decimal import Decimal

import conformance_support as support
import pytest

pytestmark = pytest.mark.skipif(
    support.conformance_folder() is None,
    reason=f"no conformance data under {support.shared_folder() / 'conformance'} "
    f"(set ${support.SHARED_ENV})",
)


@pytest.fixture(scope="module")
def scores() -> dict[str, support.FileScore]:
    results = support.score_all()
    support.LAST_SCORES = results
    return {score.spec.stem: score for score in results}


@pytest.mark.parametrize("spec", support.FILES, ids=lambda spec: spec.stem)
def test_each_file_meets_its_target(spec: support.FileSpec, scores) -> None:
    score = scores[spec.stem]
    assert score.total or score.unverified, "no case scored: is the file empty or all disagreed?"
    failures = "\n".join(f"{o.case_id}: {o.why}" for o in score.failures)
    assert score.meets_target, (
        f"{score.passed}/{score.total} = {float(score.share):.1%} < {spec.target}\n{failures}"
    )


def test_every_conformance_file_is_scored() -> None:
    folder = support.conformance_folder()
    assert folder is not None
    stems = {path.stem for path in folder.glob("*.jsonl")}
    assert stems == {spec.stem for spec in support.FILES}


def test_each_disagreement_names_a_case_numlint_would_fail() -> None:
    """A disagreement is a real, still-current difference, with a reason: no stale entry
    hides a case numlint passes, no entry names a case that does not exist."""
    disagreements = support.load_disagreements()
    cases = {
        case["id"]: case for spec in support.FILES for case in support.load_cases(spec.stem)
    }
    for key, reason in disagreements.items():
        case_id, _, item = key.partition("#")
        assert case_id in cases, f"{key}: no such case"
        assert len(reason.strip()) > 10, f"{key}: give a reason"
        case = cases[case_id]
        if item:
            assert 1 <= int(item) <= len(case["expected"]), f"{key}: no such item"
            outcomes, _ = support.score_sentence(
                case, frozenset(range(1, len(case["expected"]) + 1)) - {int(item)}
            )
        else:
            outcomes, _ = support._outcomes(case, frozenset())
        assert not all(o.passed for o in outcomes), f"{key}: numlint passes it, drop the entry"


@pytest.mark.parametrize(
    ("found", "expected", "same"),
    [
        ("0.3333333333333333333333333333", "0.333333333333333", True),
        ("0.34", "0.333333333333333", False),
        ("1500000", "1500000", True),
        ("1500000", "1500001", False),
        ("12.0", "12", True),
    ],
)
def test_values_compare_exactly_unless_the_source_rounded_a_repeating_fraction(
    found: str, expected: str, same: bool
) -> None:
    assert support.same_value(Decimal(found), Decimal(expected)) is same
