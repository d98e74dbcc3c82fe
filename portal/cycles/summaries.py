"""Read-only views of the cycles for pages and the command line: counts per status, a State's replies.

Each function issues a fixed number of queries, whatever the number of cycles or States.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from portal.checklists.models import ChecklistTemplate
from portal.core.extensions import db
from portal.cycles.models import CycleInvitation, CycleStatus, ReportingCycle
from portal.submissions.models import Submission, SubmissionStatus


@dataclass(frozen=True)
class CycleSummary:
    """A cycle with the number of States invited and of submissions in each status."""

    cycle: ReportingCycle
    invited: int
    counts: dict[SubmissionStatus, int]

    def count_line(self) -> str:
        """Return the counts as ``not_started=190 draft=2 ...``, every status in workflow order."""
        return " ".join(f"{status.value}={self.counts[status]}" for status in SubmissionStatus)


def complete_counts(counts: dict[SubmissionStatus, int]) -> dict[SubmissionStatus, int]:
    """Return ``counts`` with every status present, in workflow order."""
    return {status: counts.get(status, 0) for status in SubmissionStatus}


def cycle_summaries(*, statuses: tuple[CycleStatus, ...] | None = None) -> list[CycleSummary]:
    """Return the cycles, newest first, with their counts; in three queries."""
    query = sa.select(ReportingCycle).order_by(ReportingCycle.opens_on.desc(), ReportingCycle.key)
    if statuses:
        query = query.where(ReportingCycle.status.in_(statuses))
    cycles = list(db.session.scalars(query))
    if not cycles:
        return []
    ids = [cycle.id for cycle in cycles]
    per_status: dict[int, dict[SubmissionStatus, int]] = {}
    for cycle_id, status, count in db.session.execute(
        sa.select(Submission.cycle_id, Submission.status, sa.func.count())
        .where(Submission.cycle_id.in_(ids))
        .group_by(Submission.cycle_id, Submission.status)
    ):
        per_status.setdefault(cycle_id, {})[status] = count
    invited = dict(
        db.session.execute(
            sa.select(CycleInvitation.cycle_id, sa.func.count())
            .where(CycleInvitation.cycle_id.in_(ids))
            .group_by(CycleInvitation.cycle_id)
        ).all()
    )
    return [
        CycleSummary(cycle=cycle, invited=invited.get(cycle.id, 0), counts=complete_counts(per_status.get(cycle.id, {})))
        for cycle in cycles
    ]


def replies_of_state(state_id: int) -> list[Submission]:
    """Return the State's replies in the cycles it was invited to, newest cycle first; in one query."""
    return list(
        db.session.scalars(
            sa.select(Submission)
            .join(ReportingCycle, Submission.cycle_id == ReportingCycle.id)
            .where(Submission.state_id == state_id)
            .order_by(ReportingCycle.opens_on.desc(), ReportingCycle.key)
        )
    )


def template_versions() -> list[ChecklistTemplate]:
    """Return the stored checklist template versions a cycle can use, newest version of each key first."""
    return list(
        db.session.scalars(sa.select(ChecklistTemplate).order_by(ChecklistTemplate.key, ChecklistTemplate.version.desc()))
    )
