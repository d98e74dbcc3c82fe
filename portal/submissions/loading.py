"""Loading a submission for a view: 404 when it does not exist or is another State's."""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort

from portal.core.access import ensure_state_access
from portal.core.extensions import db
from portal.cycles.models import ReportingCycle
from portal.states.models import MemberState
from portal.submissions.models import Submission


def load_submission(cycle_key: str, state_code: str) -> Submission:
    """Return the reply of State ``state_code`` in cycle ``cycle_key`` that the current user may see."""
    submission = db.session.scalar(
        sa.select(Submission)
        .join(ReportingCycle, Submission.cycle_id == ReportingCycle.id)
        .join(MemberState, Submission.state_id == MemberState.id)
        .where(ReportingCycle.key == cycle_key, MemberState.code == state_code.upper())
    )
    if submission is None:
        abort(404)
    ensure_state_access(submission.state_id)
    return submission
