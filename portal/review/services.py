"""The review workflow around the submission services: what is missing, the return notice, comments, the timeline.

Services change objects and flush; the view commits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa
from flask import render_template, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import joinedload, selectinload

from portal.accounts.models import User
from portal.checklists.models import YES_NO_CODES, ChecklistItem, QuestionType
from portal.checklists.schema import REQUIRED_LANGUAGE
from portal.core.access import STAFF_ROLES, Role
from portal.core.db import utcnow
from portal.core.extensions import db
from portal.mail.links import mail_link
from portal.mail.services import Message, Undelivered, send_mails
from portal.answers.fields import FIELDS
from portal.answers.pages import control_id
from portal.answers.structure import checklist_structure
from portal.review import dialogue
from portal.review.reply import text_paragraphs
from portal.submissions import services as submissions
from portal.submissions.models import (
    CommentReply,
    EventKind,
    ReviewComment,
    Submission,
    SubmissionEvent,
    SubmissionStatus,
)
from portal.submissions.services import WorkflowError


@dataclass(frozen=True)
class CommentNotice:
    """A comment as the return notice lists it: the item's paragraph (None: general questions) and the text."""

    paragraph: int | None
    item_code: str | None
    body: str


@dataclass(frozen=True)
class MissingLink:
    """A required answer still missing, with the link to its question on the checklist's pages."""

    text: str
    url: str


def missing_links(submission: Submission, language: str) -> list[tuple[str, list[MissingLink]]]:
    """Return every missing required answer with a link to its question, by theme in the checklist's order."""
    template = submission.cycle.template
    keys = {"cycle_key": submission.cycle.key, "code": submission.state.code}
    by_theme: dict[str | None, list[MissingLink]] = {}
    for missing in submissions.missing_answers(submission):
        question = missing.question
        label = question["label"].get(language) or question["label"][REQUIRED_LANGUAGE]
        if missing.item is None:
            link = MissingLink(label, url_for("answers.general", **keys) + "#" + _control(f"q-general-{question['code']}", question))
            by_theme.setdefault(None, []).append(link)
        else:
            item = missing.item
            by_theme.setdefault(item.theme_code, []).append(MissingLink(
                _("Paragraph %(number)d: %(question)s", number=item.paragraph, question=label),
                url_for("answers.theme", theme=item.theme_code, **keys) + "#" + _control(f"q-{item.code}-{question['code']}", question),
            ))
    groups = [
        (theme.title.get(language) or theme.title[REQUIRED_LANGUAGE], by_theme[theme.code])
        for theme in template.themes if theme.code in by_theme
    ]
    if None in by_theme:
        groups.append((_("Questions asked once per checklist"), by_theme[None]))
    return groups


def _control(name: str, question: dict) -> str:
    """Return the id of the control a link to the question leads to on its page: its first option, for a group."""
    kind = QuestionType(question["type"])
    codes = list(YES_NO_CODES) if kind is QuestionType.YES_NO else [choice["code"] for choice in question.get("choices") or []]
    return control_id(name, FIELDS[kind].widget, codes)


def open_comment_links(submission: Submission, reader: User, language: str) -> list[MissingLink]:
    """Return the comments waiting for the State's answer, each with the link to its conversation, in checklist order."""
    order = {item.code: item.position for item in submission.cycle.template.items}
    comments = sorted(dialogue.open_comments(submission, reader),
                      key=lambda c: (c.item is None, order.get(c.item.code, 0) if c.item else 0, c.created_at))
    links = []
    for comment in comments:
        where = (_("Paragraph %(number)d", number=comment.item.paragraph) if comment.item
                 else _("Questions asked once per checklist"))
        first_line = comment.body.split("\n", 1)[0]
        text = first_line if len(first_line) <= 160 else first_line[:157].rstrip() + "…"
        links.append(MissingLink(f"{where}: {text}", url_for(
            "review.comment", cycle_key=submission.cycle.key, code=submission.state.code, comment_id=comment.id)))
    return links


def find_item(submission: Submission, item_code: str) -> ChecklistItem | None:
    """Return the item ``item_code`` of the reply's checklist, or None when it has no such item."""
    return db.session.scalar(
        sa.select(ChecklistItem).where(
            ChecklistItem.template_id == submission.cycle.template_id, ChecklistItem.code == item_code
        )
    )


def active_focal_points(submission: Submission) -> list[User]:
    """Return the State's focal points who can sign in, by name."""
    return list(
        db.session.scalars(
            sa.select(User)
            .where(User.state_id == submission.state_id, User.role == Role.FOCAL_POINT, User.is_active.is_(True))
            .order_by(User.name, User.id)
        )
    )


def open_comment_notices(submission: Submission, reader: User) -> list[CommentNotice]:
    """Return the reply's unresolved comments that ``reader`` may read, in checklist order, the general questions last."""
    # The template's items first: the comments' items are then found in the session, not queried one by one.
    order = {item.code: item.position for item in submission.cycle.template.items}
    notices = []
    for comments in submissions.comments_by_item(submission, reader).values():
        for comment in comments:
            item = comment.item
            notices.append(
                CommentNotice(paragraph=item.paragraph if item else None, item_code=item.code if item else None,
                              body=comment.body)
            )
    return sorted(notices, key=lambda n: (n.item_code is None, order.get(n.item_code, 0)))


def return_with_notice(submission: Submission, user: User, note: str | None = None) -> tuple[list[str], list[Undelivered]]:
    """Return the reply for revision and e-mail its focal points the comments (over one connection).

    Returns the addresses mailed, and the messages that could not be sent (the return stands either way).
    """
    note = (note or "").strip() or None
    submissions.return_for_revision(submission, user, note)
    focal_points = active_focal_points(submission)
    # The comments as the State's users read them, now that the return released them.
    notices = open_comment_notices(submission, focal_points[0]) if focal_points else []
    link = mail_link("answers.overview", cycle_key=submission.cycle.key, code=submission.state.code)
    messages = []
    for person in focal_points:
        with force_locale(person.language):
            subject = _("%(cycle)s: your reply was returned for revision", cycle=submission.cycle.title)
            body = render_template(
                "mail/reply_returned.txt", user=person, submission=submission, note=note, comments=notices,
                link=link, state_name=submission.state.name, reviewer=user,
            )
        messages.append(Message(person.email, subject, body))
    undelivered = send_mails(messages)
    refused = {failure.message.recipient for failure in undelivered}
    return [message.recipient for message in messages if message.recipient not in refused], undelivered


def find_comment(submission: Submission, comment_id: int | None) -> ReviewComment | None:
    """Return the comment ``comment_id`` if it belongs to ``submission``."""
    if comment_id is None:
        return None
    comment = db.session.get(ReviewComment, comment_id)
    if comment is None or comment.submission_id != submission.id:
        return None
    return comment


def resolve_comment(comment: ReviewComment, user: User) -> None:
    """Mark a comment resolved: the State no longer sees it beside the item."""
    if user.role not in STAFF_ROLES:
        raise WorkflowError(_l("Only the Secretariat reviews replies."))
    if comment.resolved_at is not None:
        raise WorkflowError(_l("This comment is already resolved."))
    comment.resolved_at = utcnow()
    db.session.flush()


@dataclass(frozen=True)
class TimelineEntry:
    """One step of a reply's history as the timeline shows it."""

    kind: str
    label: str
    from_status: str | None
    to_status: str
    actor: str | None  # None: the portal itself (or an account since deleted)
    at: dt.datetime
    note: tuple[tuple[str, ...], ...]
    open_comments: int | None = None  # an acceptance confirmed with this many comments unresolved

    @property
    def changes_status(self) -> bool:
        return self.from_status is not None and self.from_status != self.to_status


@dataclass(frozen=True)
class CommentView:
    id: int
    item_id: int | None
    body: tuple[tuple[str, ...], ...]
    author: str | None
    created_at: dt.datetime
    resolved_at: dt.datetime | None
    addressed_at: dt.datetime | None
    addressed_by: str | None
    messages: tuple[dialogue.MessageView, ...]
    changes: tuple[dialogue.Change, ...]  # the item's answers changed since the comment was made


def _entry(event: SubmissionEvent) -> TimelineEntry:
    return TimelineEntry(
        kind=event.kind.value,
        label=str(event.kind.label),
        from_status=str(event.from_status.label) if event.from_status else None,
        to_status=str(event.to_status.label),
        actor=event.actor.name if event.actor else None,
        at=event.at,
        note=text_paragraphs(event.note) if event.note else (),
        open_comments=event.open_comments,
    )


def timeline(submission: Submission) -> list[TimelineEntry]:
    """Return every step of the reply's history, oldest first, with who took it and when."""
    events = db.session.scalars(
        sa.select(SubmissionEvent)
        .options(joinedload(SubmissionEvent.actor))
        .where(SubmissionEvent.submission_id == submission.id)
        .order_by(SubmissionEvent.at, SubmissionEvent.id)
    )
    return [_entry(event) for event in events]


def latest_event(submission: Submission, kind: EventKind) -> SubmissionEvent | None:
    """Return the reply's latest step of ``kind``, with who took it."""
    return db.session.scalar(
        sa.select(SubmissionEvent)
        .options(joinedload(SubmissionEvent.actor))
        .where(SubmissionEvent.submission_id == submission.id, SubmissionEvent.kind == kind)
        .order_by(SubmissionEvent.at.desc(), SubmissionEvent.id.desc())
        .limit(1)
    )


def pending_reopen_request(submission: Submission) -> TimelineEntry | None:
    """Return the focal point's request to reopen the reply, while it waits for the Secretariat."""
    if submission.reopen_requested_at is None:
        return None
    event = latest_event(submission, EventKind.REOPEN_REQUESTED)
    return _entry(event) if event else None


def review_comments(submission: Submission, user: User) -> dict[int | None, list[CommentView]]:
    """Return every comment on the reply that ``user`` reads, resolved ones included, by item id (None: general questions).

    Each comes with its conversation and, unless resolved, the item's answers changed since it was made.
    """
    comments = db.session.scalars(
        submissions.visible_comments(submission, user).options(
            joinedload(ReviewComment.author), joinedload(ReviewComment.addressed_by),
            selectinload(ReviewComment.replies).joinedload(CommentReply.author),
        )
    ).unique()
    structure = checklist_structure(submission.cycle.template)
    grouped: dict[int | None, list[CommentView]] = {}
    for comment in comments:
        changes = () if comment.resolved_at else tuple(
            dialogue.changes_since(submission, structure, comment.item_id, comment.created_at))
        grouped.setdefault(comment.item_id, []).append(
            CommentView(
                id=comment.id, item_id=comment.item_id, body=text_paragraphs(comment.body),
                author=comment.author.name if comment.author else None, created_at=comment.created_at,
                resolved_at=comment.resolved_at, addressed_at=comment.addressed_at,
                addressed_by=comment.addressed_by.name if comment.addressed_by else None,
                messages=tuple(dialogue.conversation(comment)), changes=changes,
            )
        )
    return grouped


@dataclass(frozen=True)
class ReturnNotice:
    """What a returned reply's people need on their dashboard: who returned it, when, the note, the comments waiting."""

    at: dt.datetime
    by: str | None
    note: tuple[tuple[str, ...], ...]
    open_comments: int


def return_notice(submission: Submission, reader: User) -> ReturnNotice | None:
    """Return the notice of the reply's last return, while it is returned; None otherwise."""
    if submission.status is not SubmissionStatus.RETURNED:
        return None
    event = latest_event(submission, EventKind.RETURNED)
    if event is None:
        return None
    return ReturnNotice(
        at=event.at, by=event.actor.name if event.actor else None,
        note=text_paragraphs(event.note) if event.note else (),
        open_comments=len(dialogue.open_comments(submission, reader)),
    )
