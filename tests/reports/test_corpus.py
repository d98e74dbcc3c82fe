"""The corpus: every answer as a State writes it gives the editor's text, or is flagged for the editor.

The cases and the rules they follow are in tests/reports/corpus/. A generated text that differs
from the editor's and carries no flag would reach the report wrong without anyone being told: each
is a failure. bench/report_prose.py prints the figures (equal, flagged, wrong).
"""

from __future__ import annotations

import pytest

from portal.reports import reasons
from tests.reports.corpus_cases import load_cases, run

CASES = load_cases()

pytestmark = pytest.mark.database_free  # the engine alone: run once, on SQLite (.ci/run)


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_the_report_prints_the_editors_text_or_flags_the_paragraph(case):
    outcome = run(case)
    unknown = [reason for reason in outcome.reasons if reasons.parse(reason) is None]
    assert not unknown, f"reasons that are no template of portal/reports/reasons.py (never translated): {unknown}"
    if outcome.equal:
        return
    assert outcome.flagged, "\n".join(["differs from the editor's text and is not flagged:",
                                       *(f"  got:      {text}" for text in outcome.generated),
                                       *(f"  expected: {text}" for text in outcome.expected)])


def test_at_least_nine_in_ten_state_paragraphs_equal_the_editors_text():
    outcomes = [run(case) for case in CASES]
    equal = sum(outcome.equal for outcome in outcomes)
    assert equal >= 0.9 * len(outcomes), f"{equal} of {len(outcomes)} cases equal the editor's text"
