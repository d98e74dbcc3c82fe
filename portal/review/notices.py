"""The mail each step of a reply's workflow sends: to the State when it submits and when its reply is accepted,
to a contributor given a theme, and to the Secretariat's officers, at most once a day each, when replies arrive.

Every message is composed and sent once the request's answer has gone, after its commit
(portal/core/deferred.py), so that no mail leaves for a change that was rolled back, and with the
transaction ended first, so that no change waits for the mail server.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

import sqlalchemy as sa
from flask import current_app, render_template
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import ngettext

from portal.accounts.models import User
from portal.answers.structure import checklist_structure
from portal.core.access import Role
from portal.core.db import utcnow
from portal.core.deferred import after_response
from portal.core.extensions import db
from portal.mail.links import mail_link
from portal.mail.services import Message, Undelivered, send_mails
from portal.review.services import active_focal_points
from portal.submissions.models import EventKind, ReplyNotice, Submission, SubmissionEvent

# An officer gets at most one mail listing new replies in this time.
DIGEST_INTERVAL = dt.timedelta(hours=24)


def send_after_response(compose: Callable[[], list[Message]]) -> None:
    """Compose messages once the answer is sent (after the commit), end the transaction, then send them."""

    def work() -> None:
        messages = compose()
        db.session.commit()  # nothing held while the mail server answers
        for failure in send_mails(messages):
            current_app.logger.error("%s: not sent to %s: %s", failure.message.subject, failure.message.recipient,
                                     failure.reason)

    after_response(work)


def _to_focal_points(submission_id: int, template: str, subject: Callable[[Submission], str], **context) -> list[Message]:
    submission = db.session.get(Submission, submission_id)
    if submission is None:
        return []
    link = mail_link("review.timeline", cycle_key=submission.cycle.key, code=submission.state.code)
    messages = []
    for person in active_focal_points(submission):
        with force_locale(person.language):
            messages.append(Message(person.email, subject(submission), render_template(
                template, user=person, submission=submission, state_name=submission.state.name, link=link,
                **context)))
    return messages


def receipt_after_submission(submission: Submission, submitter: User) -> None:
    """Send the State's focal points a receipt of the reply just submitted, and tell the Secretariat."""
    submission_id, submitter_name, at = submission.id, submitter.name, submission.submitted_at
    is_resubmission = db.session.scalar(
        sa.select(sa.func.count()).select_from(SubmissionEvent)
        .where(SubmissionEvent.submission_id == submission.id, SubmissionEvent.kind == EventKind.SUBMITTED)
    ) > 1
    for officer in db.session.scalars(
        sa.select(User).where(User.role == Role.SECRETARIAT, User.is_active.is_(True))
    ):
        db.session.add(ReplyNotice(user_id=officer.id, submission_id=submission.id, is_resubmission=is_resubmission))
    db.session.flush()

    def compose() -> list[Message]:
        return _to_focal_points(
            submission_id, "mail/reply_received.txt",
            lambda s: _("%(cycle)s: the reply of %(state)s was received", cycle=s.cycle.title, state=s.state.name),
            submitter=submitter_name, at=at, is_resubmission=is_resubmission,
        )

    send_after_response(compose)
    after_response(send_due_digests)


def word_of_acceptance(submission: Submission, note: str | None) -> None:
    """Tell the State's focal points that their reply was accepted."""
    submission_id = submission.id

    def compose() -> list[Message]:
        return _to_focal_points(
            submission_id, "mail/reply_accepted.txt",
            lambda s: _("%(cycle)s: the reply of %(state)s was accepted", cycle=s.cycle.title, state=s.state.name),
            note=note,
        )

    send_after_response(compose)


def theme_assigned(submission: Submission, added: list[tuple[str, int]], assigner: User) -> None:
    """Tell each person given a theme which themes are now theirs to answer, one mail each."""
    if not added:
        return
    submission_id, assigner_name = submission.id, assigner.name
    by_person: dict[int, list[str]] = {}
    for theme_code, user_id in added:
        if user_id != assigner.id:
            by_person.setdefault(user_id, []).append(theme_code)

    def compose() -> list[Message]:
        submission = db.session.get(Submission, submission_id)
        structure = checklist_structure(submission.cycle.template)
        messages = []
        for user_id, codes in by_person.items():
            person = db.session.get(User, user_id)
            if person is None or not person.is_active:
                continue
            with force_locale(person.language):
                themes = [(theme, mail_link("answers.theme", cycle_key=submission.cycle.key,
                                            code=submission.state.code, theme=theme.code))
                          for theme in structure.themes if theme.code in codes]
                subject = ngettext("%(cycle)s: %(num)d theme of the reply of %(state)s is assigned to you",
                                   "%(cycle)s: %(num)d themes of the reply of %(state)s are assigned to you",
                                   len(themes), cycle=submission.cycle.title, state=submission.state.name)
                messages.append(Message(person.email, subject, render_template(
                    "mail/theme_assigned.txt", user=person, submission=submission, themes=themes,
                    assigner=assigner_name, state_name=submission.state.name,
                    deadline=submission.cycle.deadline)))
        return messages

    send_after_response(compose)


@dataclass(frozen=True)
class Arrival:
    """A reply as an officer's mail lists it."""

    state: str
    cycle: str
    is_resubmission: bool
    at: dt.datetime
    link: str


def send_due_digests(now: dt.datetime | None = None) -> tuple[int, list[Undelivered]]:
    """Mail each officer the replies submitted since their last such mail, unless they had one in the last day.

    The notices are claimed (marked sent) and committed before the mail goes, so that two runners
    never send the same list; a delivery that fails puts its notices back for the next run.
    Returns how many mails went, and those that did not.
    """
    now = now or utcnow()
    waiting = db.session.scalars(
        sa.select(ReplyNotice).join(User, ReplyNotice.user_id == User.id)
        .where(ReplyNotice.sent_at.is_(None), User.is_active.is_(True))
        .order_by(ReplyNotice.user_id, ReplyNotice.created_at, ReplyNotice.id)
    ).all()
    if not waiting:
        return 0, []
    last_sent = dict(db.session.execute(
        sa.select(ReplyNotice.user_id, sa.func.max(ReplyNotice.sent_at))
        .where(ReplyNotice.user_id.in_({notice.user_id for notice in waiting}))
        .group_by(ReplyNotice.user_id)
    ).all())
    due: dict[int, list[ReplyNotice]] = {}
    for notice in waiting:
        last = last_sent.get(notice.user_id)
        if last is None or now - last >= DIGEST_INTERVAL:
            due.setdefault(notice.user_id, []).append(notice)
    messages, claimed = [], {}
    for user_id, notices in due.items():
        ids = [notice.id for notice in notices]
        taken = db.session.execute(
            sa.update(ReplyNotice).where(ReplyNotice.id.in_(ids), ReplyNotice.sent_at.is_(None)).values(sent_at=now)
        ).rowcount
        if taken != len(ids):
            continue  # another runner is sending this officer's list
        person = db.session.get(User, user_id)
        messages.append(_digest(person, notices))
        claimed[person.email] = ids
    db.session.commit()  # the claims stand before any mail goes
    undelivered = send_mails(messages)
    for failure in undelivered:
        db.session.execute(sa.update(ReplyNotice).where(ReplyNotice.id.in_(claimed[failure.message.recipient]))
                           .values(sent_at=None))
        current_app.logger.error("replies submitted: not sent to %s: %s", failure.message.recipient, failure.reason)
    db.session.commit()
    return len(messages) - len(undelivered), undelivered


def _digest(person: User, notices: list[ReplyNotice]) -> Message:
    with force_locale(person.language):
        arrivals = [
            Arrival(state=notice.submission.state.name, cycle=notice.submission.cycle.title,
                    is_resubmission=notice.is_resubmission, at=notice.created_at,
                    link=mail_link("review.review", cycle_key=notice.submission.cycle.key,
                                   code=notice.submission.state.code))
            for notice in notices
        ]
        if len(arrivals) == 1:
            subject = (_("%(state)s submitted its reply again for review", state=arrivals[0].state)
                       if arrivals[0].is_resubmission else _("%(state)s submitted its reply for review", state=arrivals[0].state))
        else:
            subject = ngettext("%(num)d reply submitted for review", "%(num)d replies submitted for review", len(arrivals))
        body = render_template("mail/replies_submitted.txt", user=person, arrivals=arrivals)
    return Message(person.email, subject, body)
