"""Reporting cycles: creating one, opening it (which invites the States), closing it, following it."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal.accounts.models import User
from portal.checklists.models import ChecklistTemplate
from portal.checklists.services import lock_template_version
from portal.core.access import STAFF_ROLES, Role
from portal.core.dates import long_date
from portal.core.db import utcnow
from portal.core.extensions import db
from portal.cycles.models import CycleInvitation, CycleStatus, ReportingCycle
from portal.mail.links import mail_link
from portal.mail.services import Message, Undelivered, letter, send_mails
from portal.states.models import MemberState, RegionalGroup
from portal.states.names import folded
from portal.submissions.models import EventKind, Submission, SubmissionEvent, SubmissionStatus
from portal.submissions.services import initial_progress


class CycleError(ValueError):
    """A cycle cannot be created or changed so; ``field`` names the form field concerned."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


def find_cycle(key: str) -> ReportingCycle | None:
    return db.session.scalar(sa.select(ReportingCycle).where(ReportingCycle.key == key))


def states_for_invitation(
    *, everyone: bool = False, groups: list[RegionalGroup] | None = None, codes: list[str] | None = None,
    include_observers: bool = False,
) -> list[MemberState]:
    """Return the States to invite: all Members, those of some regional groups, or a list of codes."""
    query = sa.select(MemberState).order_by(MemberState.sort_key)
    if not include_observers and not codes:
        query = query.where(MemberState.is_observer.is_(False))
    if everyone:
        pass
    elif groups:
        query = query.where(MemberState.regional_group.in_(groups))
    elif codes:
        query = query.where(MemberState.code.in_([code.upper() for code in codes]))
    else:
        return []
    return list(db.session.scalars(query))


def create_cycle(
    *, key: str, title: str, template: ChecklistTemplate, opens_on: dt.date, deadline: dt.date,
    cutoff_on: dt.date, states: list[MemberState], created_by: User | None,
) -> ReportingCycle:
    """Create a cycle in preparation with the States it will invite."""
    if find_cycle(key) is not None:
        raise CycleError(_l("A cycle with this key exists already."), "key")
    if deadline < opens_on:
        raise CycleError(_l("The deadline comes before the opening date."), "deadline")
    if cutoff_on < opens_on:
        raise CycleError(_l("The cut-off date comes before the opening date."), "cutoff_on")
    if not states:
        raise CycleError(_l("Invite at least one State."), "states")
    cycle = ReportingCycle(
        key=key, title=title.strip(), template=template, opens_on=opens_on, deadline=deadline, cutoff_on=cutoff_on,
        status=CycleStatus.PREPARATION, created_by_id=created_by.id if created_by else None,
    )
    cycle.invitations = [CycleInvitation(state=state) for state in states]
    db.session.add(cycle)
    db.session.flush()
    return cycle


def open_cycle(cycle: ReportingCycle, actor: User | None) -> list[Submission]:
    """Open a cycle: lock its template version and create each invited State's submission.

    The focal points are told by :func:`invite_focal_points`, once the opening is committed: a
    mail must never announce a cycle that a failure then leaves unopened.
    """
    if cycle.status is not CycleStatus.PREPARATION:
        raise CycleError(_l("Only a cycle in preparation can be opened."))
    lock_template_version(cycle.template)
    now = utcnow()
    cycle.status = CycleStatus.OPEN
    cycle.opened_at = now
    existing = {s.state_id for s in db.session.scalars(sa.select(Submission).where(Submission.cycle_id == cycle.id))}
    created = []
    for invitation in cycle.invitations:
        if invitation.state_id in existing:
            continue
        submission = Submission(cycle=cycle, state_id=invitation.state_id, status=SubmissionStatus.NOT_STARTED)
        initial_progress(submission)
        db.session.add(submission)
        created.append(submission)
    db.session.flush()
    for submission in created:
        db.session.add(
            SubmissionEvent(
                submission_id=submission.id, kind=EventKind.OPENED, from_status=None,
                to_status=SubmissionStatus.NOT_STARTED, actor_id=actor.id if actor else None, at=now,
            )
        )
    db.session.flush()
    return created


def invitation_messages(cycle: ReportingCycle) -> list[Message]:
    """Return the invitation of each active focal point of the invited States, with the link to their State's reply.

    Links start with the portal's configured address (PORTAL_BASE_URL), in a request or in a command.
    """
    state_ids = [invitation.state_id for invitation in cycle.invitations]
    focal_points = db.session.scalars(
        sa.select(User).where(User.state_id.in_(state_ids), User.role == Role.FOCAL_POINT, User.is_active.is_(True))
        .order_by(User.email)
    )
    messages = []
    for person in focal_points:
        link = mail_link("answers.overview", cycle_key=cycle.key, code=person.state.code)
        messages.append(letter(
            person, lambda: _("%(cycle)s: invitation to reply by %(date)s", cycle=cycle.title, date=long_date(cycle.deadline)),
            "mail/cycle_opened.txt", cycle=cycle, link=link,
        ))
    return messages


def invite_focal_points(cycle: ReportingCycle, messages: list[Message] | None = None) -> tuple[int, list[Undelivered]]:
    """Mail the invitations of an opened cycle over one connection; return how many went, and those that did not."""
    messages = invitation_messages(cycle) if messages is None else messages
    undelivered = send_mails(messages)
    return len(messages) - len(undelivered), undelivered


def close_cycle(cycle: ReportingCycle) -> None:
    """Close a cycle: no more answers are taken."""
    if cycle.status is not CycleStatus.OPEN:
        raise CycleError(_l("Only an open cycle can be closed."))
    cycle.status = CycleStatus.CLOSED
    cycle.closed_at = utcnow()
    db.session.flush()


@dataclass(frozen=True)
class CycleRow:
    """One invited State on a cycle's dashboard, with how many of its focal points can sign in and have."""

    state: MemberState
    submission: Submission | None
    focal_points: int = 0
    signed_in: int = 0  # active focal points who have signed in at least once


# The dashboard's columns a Secretariat officer may sort by, and the key each sorts on.
SORT_KEYS = ("state", "group", "status", "progress", "activity", "focal")


def dashboard_rows(cycle: ReportingCycle, *, group: RegionalGroup | None = None, status: SubmissionStatus | None = None,
                   search: str = "", sort: str = "state", descending: bool = False) -> list[CycleRow]:
    """Return the invited States with their submissions and focal points, filtered, searched and sorted; in one query.

    ``search`` finds States whose name contains it, ignoring case and accents ("cote" finds Côte d'Ivoire).
    """
    focal = sa.and_(User.state_id == MemberState.id, User.role == Role.FOCAL_POINT, User.is_active.is_(True))
    focal_points = sa.select(sa.func.count()).where(focal).scalar_subquery()
    signed_in = sa.select(sa.func.count()).where(focal, User.last_login_at.is_not(None)).scalar_subquery()
    query = (
        sa.select(MemberState, Submission, focal_points, signed_in)
        .join(CycleInvitation, CycleInvitation.state_id == MemberState.id)
        .outerjoin(Submission, sa.and_(Submission.state_id == MemberState.id, Submission.cycle_id == cycle.id))
        .where(CycleInvitation.cycle_id == cycle.id)
        .order_by(MemberState.sort_key)
    )
    if group is not None:
        query = query.where(MemberState.regional_group == group)
    if status is not None:
        query = query.where(Submission.status == status)
    rows = [CycleRow(state, submission, count or 0, seen or 0)
            for state, submission, count, seen in db.session.execute(query)]
    wanted = folded(search)
    if wanted:
        rows = [row for row in rows if wanted in folded(row.state.list_name) or wanted in folded(row.state.text_name)
                or wanted in folded(row.state.name)]
    # Python's sort is stable: rows equal on the chosen column stay in the UN order of the query.
    rows.sort(key=_SORTS.get(sort, _SORTS["state"]), reverse=descending)
    return rows


_STATUS_ORDER = {status: position for position, status in enumerate(SubmissionStatus)}
_NEVER = dt.datetime.min.replace(tzinfo=dt.timezone.utc)
_SORTS = {
    "state": lambda row: row.state.name_sort_key,
    "group": lambda row: str(row.state.regional_group.label),
    "status": lambda row: _STATUS_ORDER[row.submission.status] if row.submission else -1,
    "progress": lambda row: row.submission.percent_complete if row.submission else -1,
    "activity": lambda row: row.submission.last_activity_at or _NEVER if row.submission else _NEVER,
    "focal": lambda row: (row.signed_in > 0, row.focal_points),
}


def status_counts(cycle: ReportingCycle) -> Counter:
    """Return the number of submissions of the cycle in each status."""
    rows = db.session.execute(
        sa.select(Submission.status, sa.func.count()).where(Submission.cycle_id == cycle.id).group_by(Submission.status)
    )
    return Counter({status: count for status, count in rows})


def list_cycles() -> list[ReportingCycle]:
    return list(db.session.scalars(sa.select(ReportingCycle).order_by(ReportingCycle.opens_on.desc(), ReportingCycle.key)))


def earlier_replies(submission: Submission, *columns) -> sa.Select:
    """Select ``columns`` of the State's reply in the latest earlier cycle of the same template family.

    "Earlier" means a cycle that opened before this one; only submitted or accepted replies count.
    """
    return (
        sa.select(*columns)
        .select_from(Submission)
        .join(ReportingCycle, Submission.cycle_id == ReportingCycle.id)
        .join(ChecklistTemplate, ReportingCycle.template_id == ChecklistTemplate.id)
        .where(
            Submission.state_id == submission.state_id,
            ChecklistTemplate.key == submission.cycle.template.key,
            ReportingCycle.opens_on < submission.cycle.opens_on,
            Submission.status.in_([SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED]),
        )
        .order_by(ReportingCycle.opens_on.desc())
        .limit(1)
    )


def previous_submission(submission: Submission) -> Submission | None:
    """Return the State's reply in the latest earlier cycle of the same template family, if any."""
    return db.session.scalar(earlier_replies(submission, Submission))


def visible_cycles_query(user: User) -> sa.Select:
    """Select the cycles ``user`` may see: all for staff, those their State is invited to for others; newest first."""
    query = sa.select(ReportingCycle).order_by(ReportingCycle.opens_on.desc(), ReportingCycle.key)
    if user.role not in STAFF_ROLES:
        query = query.join(CycleInvitation).where(CycleInvitation.state_id == user.state_id)
    return query


def cycle_titles(ids: set[int]) -> dict[int, str]:
    """Return the titles of the cycles ``ids``, by id, in one query (none for an empty set)."""
    if not ids:
        return {}
    return dict(db.session.execute(sa.select(ReportingCycle.id, ReportingCycle.title).where(ReportingCycle.id.in_(ids))).all())
