"""Shared test settings: Hypothesis profiles, and the conformance table in the summary.

``pytest --hypothesis-profile=thorough`` runs the property tests with thousands of
examples; the default profile is Hypothesis's own (100 examples, 200 ms deadline).
"""

from __future__ import annotations

import sys

from hypothesis import HealthCheck, settings

settings.register_profile(
    "thorough",
    max_examples=2_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    """After a run that scored the peers' conformance cases, show the per-file table."""
    support = sys.modules.get("conformance_support")
    scores = getattr(support, "LAST_SCORES", None)
    if scores:
        terminalreporter.write_sep("=", "numlint conformance (../shared/conformance)")
        terminalreporter.write_line(support.format_table(scores))
