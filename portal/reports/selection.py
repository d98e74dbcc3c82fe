"""Which replies a compiled report or the compilation of all replies includes, in the order they print."""

from __future__ import annotations

import datetime as dt
import unicodedata

import sqlalchemy as sa

from portal.core.extensions import db
from portal.cycles.models import ReportingCycle
from portal.reports.settings import INCLUSIONS
from portal.states.models import MemberState
from portal.submissions.models import Submission, SubmissionStatus


def included_submissions(cycle: ReportingCycle, include: str, as_at: dt.date, *, names_on: dt.date | None = None
                         ) -> list[Submission]:
    """Return the replies a report or compilation holds, alphabetical by the States' names on ``names_on`` (or ``as_at``).

    A reply counts when it was received (submitted) by the end of ``as_at``, as "replies had been
    received" in the report; ``include`` "accepted" keeps those the Secretariat has accepted,
    "submitted" also those still awaiting review.
    """
    if include not in INCLUSIONS:
        raise ValueError(f"include must be one of {', '.join(INCLUSIONS)}, not {include!r}")
    end = dt.datetime.combine(as_at + dt.timedelta(days=1), dt.time(), tzinfo=dt.timezone.utc)
    statuses = [SubmissionStatus.ACCEPTED] + ([SubmissionStatus.SUBMITTED] if include == "submitted" else [])
    condition = sa.and_(Submission.status.in_(statuses), Submission.submitted_at < end)
    query = (
        sa.select(Submission)
        .join(MemberState, Submission.state_id == MemberState.id)
        .where(Submission.cycle_id == cycle.id, condition)
        .options(sa.orm.selectinload(Submission.state).selectinload(MemberState.former_names))
    )
    replies = list(db.session.scalars(query))
    replies.sort(key=lambda submission: _sort_key(submission.state, names_on or as_at))
    return replies


def _sort_key(state: MemberState, date: dt.date) -> str:
    name = state.list_name_on(date)
    if name == state.list_name:
        return state.sort_key
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return folded.casefold()
