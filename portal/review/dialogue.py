"""The review as a dialogue: the State answers a comment and marks it addressed, the reviewer answers back or resolves it.

Services change objects and flush; the view commits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import selectinload

from portal.accounts.models import User
from portal.answers.structure import ChecklistStructure
from portal.answers.summaries import shown_question
from portal.core.access import STAFF_ROLES, STATE_ROLES
from portal.core.db import utcnow
from portal.core.extensions import db
from portal.core.textdiff import Piece, word_diff
from portal.review.reply import text_paragraphs
from portal.submissions.models import AnswerRevision, CommentReply, ReviewComment, Submission
from portal.submissions.services import WorkflowError, answers_by_item, plain_text, visible_comments


def may_read(user: User, submission: Submission, comment: ReviewComment) -> bool:
    """Tell whether ``user`` reads the comment: the Secretariat always, the State's people once a return released it."""
    if comment.submission_id != submission.id:
        return False
    if user.role in STAFF_ROLES:
        return True
    return user.state_id == submission.state_id and comment.released_at is not None


def may_answer(user: User, submission: Submission, comment: ReviewComment) -> bool:
    """Tell whether ``user`` may write under the comment now: it is unresolved, and the cycle is open for the State."""
    if not may_read(user, submission, comment) or comment.resolved_at is not None:
        return False
    if user.role in STAFF_ROLES:
        return True
    return user.role in STATE_ROLES and submission.cycle.status.value == "open"


def answer_comment(submission: Submission, comment: ReviewComment, user: User, body: str | None, *,
                   close: bool = False) -> CommentReply | None:
    """Add ``user``'s answer under the comment; with ``close``, the State marks it addressed, the Secretariat resolves it.

    An answer from the Secretariat to a comment the State had marked addressed (a question back)
    gives the comment back to the State. Returns the answer written, None when only the mark was set.
    """
    if not may_answer(user, submission, comment):
        raise WorkflowError(_l("This comment can no longer be answered."))
    body = plain_text(body)
    if not body and not close:
        raise WorkflowError(_l("Write your answer first."))
    reply = None
    if body:
        reply = CommentReply(comment_id=comment.id, body=body, author_id=user.id)
        db.session.add(reply)
    now = utcnow()
    if user.role in STAFF_ROLES:
        if close:
            comment.resolved_at = now
        elif comment.addressed_at is not None:
            comment.addressed_at, comment.addressed_by_id = None, None
    elif close:
        if comment.addressed_at is not None:
            raise WorkflowError(_l("This comment is already marked addressed."))
        comment.addressed_at, comment.addressed_by_id = now, user.id
    db.session.flush()
    return reply


def open_comments(submission: Submission, user: User) -> list[ReviewComment]:
    """Return the comments ``user`` reads that wait for the State (neither addressed nor resolved), oldest first."""
    query = visible_comments(submission, user).where(
        ReviewComment.resolved_at.is_(None), ReviewComment.addressed_at.is_(None)
    ).options(selectinload(ReviewComment.item))
    return list(db.session.scalars(query))


def unresolved_count(submission: Submission) -> int:
    """Return how many of the reply's comments the reviewer has not resolved, addressed ones included."""
    return db.session.scalar(
        sa.select(sa.func.count()).select_from(ReviewComment)
        .where(ReviewComment.submission_id == submission.id, ReviewComment.resolved_at.is_(None))
    ) or 0


@dataclass(frozen=True)
class MessageView:
    """One message of a comment's conversation."""

    author: str | None
    is_secretariat: bool
    at: dt.datetime
    body: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Change:
    """An answer changed since a comment was made: the question, and the text before and after, word by word."""

    question: str
    pieces: tuple[Piece, ...]
    before_empty: bool
    after_empty: bool


def conversation(comment: ReviewComment) -> list[MessageView]:
    """Return the messages written under the comment, oldest first."""
    return [
        MessageView(
            author=reply.author.name if reply.author else None,
            is_secretariat=bool(reply.author and reply.author.role in STAFF_ROLES),
            at=reply.created_at, body=text_paragraphs(reply.body),
        )
        for reply in comment.replies
    ]


def changes_since(submission: Submission, structure: ChecklistStructure, item_id: int | None,
                  moment: dt.datetime) -> list[Change]:
    """Return the answers of the item (None: the general questions) that differ now from what they were at ``moment``."""
    answers = list(answers_by_item(submission, [item_id]).get(item_id, {}).values())
    if not answers:
        return []
    revisions = db.session.scalars(
        sa.select(AnswerRevision)
        .where(AnswerRevision.answer_id.in_([answer.id for answer in answers]), AnswerRevision.changed_at > moment)
        .order_by(AnswerRevision.answer_id, AnswerRevision.revision)
    ).all()
    first_later = {}
    for revision in revisions:
        first_later.setdefault(revision.answer_id, revision.revision)
    if not first_later:
        return []
    # The value each changed answer had at the moment: its last revision before the first later one.
    earlier = dict(db.session.execute(
        sa.select(AnswerRevision.answer_id, AnswerRevision.value).where(
            sa.or_(*(sa.and_(AnswerRevision.answer_id == answer_id, AnswerRevision.revision == number - 1)
                     for answer_id, number in first_later.items()))
        )
    ).all())
    entry = structure.items_by_id.get(item_id) if item_id is not None else None
    questions = {question.code: question for question in structure.questions(entry)[0]}
    order = {code: position for position, code in enumerate(questions)}
    changes = []
    for answer in sorted(answers, key=lambda a: order.get(a.question_code, -1)):
        found = shown_question(questions, answer.question_code) if answer.id in first_later else None
        if found is None:
            continue
        question, shown = found
        before = "\n".join(shown.display(question, earlier.get(answer.id)))
        after = "\n".join(shown.display(question, answer.value))
        if before == after:
            continue
        changes.append(Change(question.label, tuple(word_diff(before, after)), not before, not after))
    return changes


def status_text(comment: ReviewComment) -> str:
    """Return where the comment stands, as both sides read it."""
    if comment.resolved_at is not None:
        return _("Resolved by the Secretariat")
    if comment.addressed_at is not None:
        return _("Addressed by the State: waiting for the Secretariat")
    return _("Open: waiting for the State")
