"""Operations on submissions: saving answers, progress, completeness, and the review workflow.

Services change objects and flush; the caller commits. Every transition is one function that
checks the current status and records who did it in the submission's timeline.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Iterable, NamedTuple

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.exc import StaleDataError
from flask_babel import lazy_gettext as _l

from portal.accounts.models import User
from portal.checklists.models import ChecklistItem
from portal.core.access import STAFF_ROLES, Role
from portal.core.db import utcnow
from portal.core.extensions import db
from portal.submissions import rules
from portal.submissions.models import (
    UNCHANGED,
    Answer,
    AnswerRevision,
    EventKind,
    ReviewComment,
    Submission,
    SubmissionEvent,
    SubmissionStatus,
)

GENERAL = "_general"  # the progress key of the questions asked once per checklist


class WorkflowError(ValueError):
    """A step of the workflow is not possible now; the message says why."""


@dataclass(frozen=True)
class AnswerChange:
    """A value typed for one question, with the revision the person started from (0: none)."""

    item_id: int | None
    question_code: str
    value: Any
    base_revision: int


@dataclass(frozen=True)
class Conflict:
    """Someone else saved the same answer since this person loaded it: both versions, nothing lost."""

    item_id: int | None
    question_code: str
    yours: Any
    theirs: Any
    their_revision: int
    their_author: str | None
    their_time: dt.datetime


@dataclass
class SaveResult:
    saved: list[Answer] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    errors: dict[tuple[int | None, str], str] = field(default_factory=dict)


@dataclass(frozen=True)
class MissingAnswer:
    item: ChecklistItem | None
    question: dict[str, Any]


@dataclass(frozen=True)
class ItemQuestions:
    """An item of a template version as saving needs it: its code and its questions."""

    code: str
    questions: list[dict[str, Any]]


@dataclass(frozen=True)
class TemplateQuestions:
    """The questions of a template version by item id, and the questions required before any answer."""

    items: dict[int, ItemQuestions]
    general: list[dict[str, Any]]
    baseline: dict[str, int]  # by item code, and GENERAL

    def questions(self, item_id: int | None) -> list[dict[str, Any]]:
        """Return the questions of an item of this version (or the general questions, for ``None``)."""
        return self.general if item_id is None else self.items[item_id].questions

    def progress_key(self, item_id: int | None) -> str:
        return GENERAL if item_id is None else self.items[item_id].code


# Per process: a version a cycle uses never changes. The key holds the content hash and the import time
# too, so that an unlocked version imported again (new item rows), or a reused id in tests, is never stale.
_TEMPLATE_QUESTIONS: dict[tuple, TemplateQuestions] = {}


def template_questions(submission: Submission) -> TemplateQuestions:
    """Return the questions of the submission's template version, read from the database once per process."""
    template = submission.cycle.template
    key = (template.id, template.content_hash, template.imported_at)
    found = _TEMPLATE_QUESTIONS.get(key)
    if found is None:
        items = {item.id: ItemQuestions(item.code, item.questions) for item in template.items}
        baseline = {item.code: len(rules.required_questions(item.questions, {})) for item in items.values()}
        baseline[GENERAL] = len(rules.required_questions(template.general_questions, {}))
        found = TemplateQuestions(items=items, general=template.general_questions, baseline=baseline)
        _TEMPLATE_QUESTIONS[key] = found
    return found


def can_edit(user: User, submission: Submission) -> bool:
    """Tell whether ``user`` may change the answers of ``submission`` now."""
    return (
        user.role in (Role.FOCAL_POINT, Role.CONTRIBUTOR)
        and user.state_id == submission.state_id
        and submission.status.is_editable
        and submission.cycle.status.value == "open"
    )


def answers_by_item(submission: Submission, item_ids: Iterable[int | None] | None = None) -> dict[int | None, dict[str, Answer]]:
    """Return the submission's current answers as {item id: {question code: Answer}} in one query."""
    query = _answers_of(sa.select(Answer), submission, item_ids)
    grouped: dict[int | None, dict[str, Answer]] = {}
    if query is not None:
        for answer in db.session.scalars(query):
            grouped.setdefault(answer.item_id, {})[answer.question_code] = answer
    return grouped


class StoredAnswer(NamedTuple):
    """An answer's value and revision, read without the rest of its row."""

    value: Any
    revision: int
    carried_from_cycle_id: int | None = None  # copied from that cycle's reply and unchanged since


def stored_answers(submission: Submission, item_ids: Iterable[int | None]) -> dict[int | None, dict[str, StoredAnswer]]:
    """Return the values and revisions of the submission's answers to some items, for pages that only show them."""
    query = _answers_of(sa.select(Answer.item_id, Answer.question_code, Answer.value, Answer.revision,
                                  Answer.carried_from_cycle_id), submission, item_ids)
    grouped: dict[int | None, dict[str, StoredAnswer]] = {}
    if query is not None:
        for item_id, code, value, revision, carried in db.session.execute(query):
            grouped.setdefault(item_id, {})[code] = StoredAnswer(value, revision, carried)
    return grouped


def _answers_of(query: sa.Select, submission: Submission, item_ids: Iterable[int | None] | None) -> sa.Select | None:
    """Restrict ``query`` to the submission's answers to ``item_ids`` (None: all); None when that is no answer."""
    query = query.where(Answer.submission_id == submission.id)
    if item_ids is None:
        return query
    ids = set(item_ids)
    conditions = []
    if None in ids:
        conditions.append(Answer.item_id.is_(None))
    if ids - {None}:
        conditions.append(Answer.item_id.in_(ids - {None}))
    return query.where(sa.or_(*conditions)) if conditions else None


def values_of(answers: dict[str, Answer]) -> dict[str, Any]:
    return {code: answer.value for code, answer in answers.items()}


def save_answers(submission: Submission, user: User, changes: list[AnswerChange], *,
                 current: dict[int | None, dict[str, Answer]] | None = None, retry: bool = True,
                 carried_from_cycle_id: int | None = None) -> SaveResult:
    """Save what ``user`` typed; refuse, per answer, a save made over someone else's newer one.

    Values that are invalid are not saved and come back in ``errors``; answers changed by
    somebody else since ``base_revision`` come back in ``conflicts`` with both versions.
    The questions come from :func:`template_questions`: a save reads the answers of the items
    concerned (unless the caller has just read them, from :func:`answers_by_item`, in ``current``),
    then writes the answers, their revisions and the progress in one flush.

    ``carried_from_cycle_id`` marks the values as copied from that earlier cycle's reply; any other
    save of a different value clears the mark (the answer is then the State's own again).

    Two people saving the same answer at the same moment both pass the revision check above; the
    database then lets only one write through (the UPDATE's revision condition, the unique keys),
    and the other save is read again and refused as a conflict, with nothing typed lost.
    """
    if not can_edit(user, submission):
        raise WorkflowError(_l("This reply cannot be changed now."))
    result = SaveResult()
    if not changes:
        return result
    template = template_questions(submission)
    known = {change.item_id for change in changes if _is_known(template, change)}
    current = answers_by_item(submission, known) if current is None else current
    now = utcnow()
    try:
        with db.session.begin_nested():
            revisions = _apply(submission, user, template, known, current, changes, result, now,
                               carried_from_cycle_id)
            if revisions:
                _write(submission, user, template, known, current, revisions, now, carried_from_cycle_id)
    except (StaleDataError, IntegrityError):
        if not retry:
            raise
        db.session.expire_all()
        return save_answers(submission, user, changes, retry=False, carried_from_cycle_id=carried_from_cycle_id)
    return result


def _apply(submission: Submission, user: User, template: TemplateQuestions, known: set[int | None],
           current: dict[int | None, dict[str, Answer]], changes: list[AnswerChange],
           result: SaveResult, now: dt.datetime, carried_from_cycle_id: int | None) -> list[tuple[Answer, int, Any]]:
    """Check each change and apply the valid ones to the answers; return the revisions to record."""
    revisions: list[tuple[Answer, int, Any]] = []
    for change in changes:
        key = (change.item_id, change.question_code)
        if change.item_id not in known:
            result.errors[key] = str(_l("This item is not part of the checklist."))
            continue
        question = _question(template, change)
        if question is None:
            result.errors[key] = str(_l("This question is not part of the checklist."))
            continue
        try:
            value = rules.clean_value(question, change.value)
        except rules.InvalidAnswer as error:
            result.errors[key] = str(error)
            continue
        existing = current.setdefault(change.item_id, {}).get(change.question_code)
        if existing is None:
            if value is None:
                continue
            existing = Answer(
                submission_id=submission.id, item_id=change.item_id, question_code=change.question_code,
                value=value, revision=1, updated_at=now, updated_by_id=user.id,
                carried_from_cycle_id=carried_from_cycle_id,
            )
            db.session.add(existing)
            current[change.item_id][change.question_code] = existing
        elif existing.value == value:
            continue
        elif existing.revision != change.base_revision:
            result.conflicts.append(_conflict(change, value, existing))
            continue
        else:
            existing.value = value
            existing.revision += 1
            existing.updated_at = now
            existing.updated_by_id = user.id
            existing.carried_from_cycle_id = carried_from_cycle_id
        revisions.append((existing, existing.revision, value))
        result.saved.append(existing)
    return revisions


def _write(submission: Submission, user: User, template: TemplateQuestions, known: set[int | None],
           current: dict[int | None, dict[str, Answer]], revisions: list[tuple[Answer, int, Any]],
           now: dt.datetime, carried_from_cycle_id: int | None) -> None:
    """Write the changed answers, their revisions and the submission's progress."""
    if any(answer.id is None for answer, _revision, _value in revisions):
        db.session.flush()  # the new answers' ids, which their revisions refer to
    db.session.add_all(
        AnswerRevision(answer_id=answer.id, revision=revision, value=value, changed_at=now, changed_by_id=user.id,
                       carried_from_cycle_id=carried_from_cycle_id)
        for answer, revision, value in revisions
    )
    _update_progress(submission, template, known, current)
    _mark_activity(submission, user, now)
    db.session.flush()


def _is_known(template: TemplateQuestions, change: AnswerChange) -> bool:
    """Tell whether the change names the general questions or an item of the submission's template version."""
    return change.item_id is None or change.item_id in template.items


def _question(template: TemplateQuestions, change: AnswerChange) -> dict[str, Any] | None:
    if change.question_code == UNCHANGED and change.item_id is not None:
        return {"code": UNCHANGED, "type": "yes_no"}
    return next((q for q in template.questions(change.item_id) if q["code"] == change.question_code), None)


def _conflict(change: AnswerChange, value: Any, existing: Answer) -> Conflict:
    return Conflict(
        item_id=change.item_id, question_code=change.question_code, yours=value, theirs=existing.value,
        their_revision=existing.revision, their_author=existing.updated_by.name if existing.updated_by else None,
        their_time=existing.updated_at,
    )


def _update_progress(submission: Submission, template: TemplateQuestions, item_ids: set[int | None],
                     current: dict[int | None, dict[str, Answer]]) -> None:
    """Recount the progress of the items that changes were sent for, and the reply's totals."""
    progress = dict(submission.item_progress or {})
    for item_id in item_ids:
        values = values_of(current.get(item_id, {}))
        done, required = rules.progress(template.questions(item_id), values)
        if values.get(UNCHANGED) == "yes":
            done = required  # "no change since the last report": the earlier answers stand
        progress[template.progress_key(item_id)] = [done, required]
    submission.item_progress = progress
    submission.answered_count = sum(done for done, _ in progress.values())
    submission.required_count = _required_total(template.baseline, progress)


def _required_total(baseline: dict[str, int], progress: dict[str, list[int]]) -> int:
    """Sum the required questions: items not yet answered count their unconditional required ones."""
    return sum(progress[key][1] if key in progress else count for key, count in baseline.items())


def baseline_required(submission: Submission) -> dict[str, int]:
    """Return, per item code (and the general questions), the questions required before any answer."""
    return template_questions(submission).baseline


def initial_progress(submission: Submission) -> None:
    """Set a new submission's progress: nothing answered of the questions required up front."""
    submission.item_progress = {}
    submission.answered_count = 0
    submission.required_count = sum(baseline_required(submission).values())


def _mark_activity(submission: Submission, user: User, now: dt.datetime) -> None:
    submission.last_activity_at = now
    if submission.status is SubmissionStatus.NOT_STARTED:
        _record(submission, EventKind.STARTED, SubmissionStatus.DRAFT, user)


def plain_text(text: str | None) -> str | None:
    """Return ``text`` with LF line breaks and no surrounding blanks, or None when empty."""
    if text is None:
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return text or None


def _record(submission: Submission, kind: EventKind, to_status: SubmissionStatus, actor: User | None,
            note: str | None = None, *, open_comments: int | None = None):
    note = plain_text(note)
    db.session.add(
        SubmissionEvent(
            submission_id=submission.id, kind=kind, from_status=submission.status, to_status=to_status,
            actor_id=actor.id if actor else None, note=note, open_comments=open_comments,
        )
    )
    submission.status = to_status


def missing_answers(submission: Submission) -> list[MissingAnswer]:
    """Return every required answer still missing, in checklist order (general questions last)."""
    answers = answers_by_item(submission)
    missing = []
    for item in submission.cycle.template.items:
        values = values_of(answers.get(item.id, {}))
        if values.get(UNCHANGED) == "yes":
            continue
        missing.extend(MissingAnswer(item, q) for q in rules.missing_questions(item.questions, values))
    general = values_of(answers.get(None, {}))
    missing.extend(MissingAnswer(None, q) for q in rules.missing_questions(submission.cycle.template.general_questions, general))
    return missing


def check_submittable(submission: Submission, user: User) -> None:
    """Raise :class:`WorkflowError` saying why ``user`` cannot submit the reply now; return when they can."""
    if user.role is not Role.FOCAL_POINT or user.state_id != submission.state_id:
        raise WorkflowError(_l("Only a focal point of the State submits its reply."))
    if not submission.status.is_editable or submission.cycle.status.value != "open":
        raise WorkflowError(_l("This reply cannot be submitted now."))
    if missing_answers(submission):
        raise WorkflowError(_l("Some required answers are missing."))


def submit_reply(submission: Submission, user: User) -> None:
    """Submit the State's reply; only a focal point of the State, and only when it is complete."""
    check_submittable(submission, user)
    now = utcnow()
    _record(submission, EventKind.SUBMITTED, SubmissionStatus.SUBMITTED, user)
    submission.submitted_at = now
    submission.last_activity_at = now
    submission.reopen_requested_at = None
    db.session.flush()


def return_for_revision(submission: Submission, user: User, note: str | None = None) -> None:
    """Return a submitted reply to the State for revision, with the comments made on its items."""
    _require_staff(user)
    _require_open_cycle(submission, _l("The reporting cycle is closed: a returned reply could not be changed, so it stays as it is."))
    if submission.status is not SubmissionStatus.SUBMITTED:
        raise WorkflowError(_l("Only a submitted reply can be returned."))
    _record(submission, EventKind.RETURNED, SubmissionStatus.RETURNED, user, note)
    now = utcnow()
    # The return shows the State every comment written since the last one.
    db.session.execute(
        sa.update(ReviewComment)
        .where(ReviewComment.submission_id == submission.id, ReviewComment.released_at.is_(None))
        .values(released_at=now)
    )
    submission.last_activity_at = now
    db.session.flush()


def accept_reply(submission: Submission, user: User, note: str | None = None, *, open_comments: int = 0) -> None:
    """Accept a submitted reply: it is final for the cycle's report.

    ``open_comments``: how many comments the reviewer confirmed accepting with unresolved, for the timeline.
    """
    _require_staff(user)
    if submission.status is not SubmissionStatus.SUBMITTED:
        raise WorkflowError(_l("Only a submitted reply can be accepted."))
    now = utcnow()
    _record(submission, EventKind.ACCEPTED, SubmissionStatus.ACCEPTED, user, note, open_comments=open_comments or None)
    submission.accepted_at = now
    submission.last_activity_at = now
    db.session.flush()


def request_reopening(submission: Submission, user: User, note: str | None = None) -> None:
    """Let a focal point ask the Secretariat to reopen a submitted reply."""
    if user.role is not Role.FOCAL_POINT or user.state_id != submission.state_id:
        raise WorkflowError(_l("Only a focal point of the State asks to reopen its reply."))
    _require_open_cycle(submission, _l("The reporting cycle is closed: the reply can no longer be reopened."))
    if submission.status not in (SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED):
        raise WorkflowError(_l("Only a submitted or accepted reply can be reopened."))
    if submission.reopen_requested_at is not None:
        raise WorkflowError(_l("Reopening has already been asked for."))
    db.session.add(
        SubmissionEvent(
            submission_id=submission.id, kind=EventKind.REOPEN_REQUESTED, from_status=submission.status,
            to_status=submission.status, actor_id=user.id, note=plain_text(note),
        )
    )
    submission.reopen_requested_at = utcnow()
    db.session.flush()


def reopen_reply(submission: Submission, user: User, note: str | None = None) -> None:
    """Reopen a submitted or accepted reply as a draft the State can change again."""
    _require_staff(user)
    _require_open_cycle(submission, _l("The reporting cycle is closed: a reopened reply could not be changed, so it stays as it is."))
    if submission.status not in (SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED):
        raise WorkflowError(_l("Only a submitted or accepted reply can be reopened."))
    _record(submission, EventKind.REOPENED, SubmissionStatus.DRAFT, user, note)
    submission.reopen_requested_at = None
    submission.accepted_at = None
    submission.last_activity_at = utcnow()
    db.session.flush()


def add_review_comment(submission: Submission, user: User, item: ChecklistItem | None, body: str) -> ReviewComment:
    """Attach the Secretariat's comment to one item of a reply."""
    _require_staff(user)
    body = plain_text(body)
    if not body:
        raise WorkflowError(_l("Write the comment first."))
    comment = ReviewComment(submission_id=submission.id, item_id=item.id if item else None, body=body, author_id=user.id)
    db.session.add(comment)
    db.session.flush()
    return comment


def _require_open_cycle(submission: Submission, message: str) -> None:
    """Refuse, with ``message``, a step that would give the State a draft it could no longer change."""
    if submission.cycle.status.value != "open":
        raise WorkflowError(message)


def _require_staff(user: User) -> None:
    if user.role not in STAFF_ROLES:
        raise WorkflowError(_l("Only the Secretariat reviews replies."))


def answer_history(submission: Submission, item: ChecklistItem | None) -> list[tuple[str, AnswerRevision, Any]]:
    """Return every change of the item's answers, newest first: (question code, revision, value before)."""
    answers = answers_by_item(submission, [item.id if item else None]).get(item.id if item else None, {})
    by_id = {answer.id: answer for answer in answers.values()}
    if not by_id:
        return []
    revisions = db.session.scalars(
        sa.select(AnswerRevision)
        .where(AnswerRevision.answer_id.in_(by_id))
        .order_by(AnswerRevision.answer_id, AnswerRevision.revision)
    ).all()
    history, previous = [], {}
    for revision in revisions:
        before = previous.get(revision.answer_id)
        history.append((by_id[revision.answer_id].question_code, revision, before))
        previous[revision.answer_id] = revision.value
    history.sort(key=lambda entry: (entry[1].changed_at, entry[1].id), reverse=True)
    return history


def visible_comments(submission: Submission, user: User) -> sa.Select:
    """Select the comments on ``submission`` that ``user`` may read, oldest first.

    The Secretariat reads every comment. The State's users read those that a return of the reply has
    released to them: a comment written during a review stays with the Secretariat until then, as
    the comment form tells its author.
    """
    query = (
        sa.select(ReviewComment)
        .where(ReviewComment.submission_id == submission.id)
        .order_by(ReviewComment.created_at, ReviewComment.id)
    )
    if user.role not in STAFF_ROLES:
        query = query.where(ReviewComment.released_at.is_not(None))
    return query


def comments_by_item(submission: Submission, user: User, *, include_resolved: bool = False) -> dict[int | None, list[ReviewComment]]:
    """Return the Secretariat's comments on the reply that ``user`` may read, grouped by item id (None: general questions)."""
    query = visible_comments(submission, user).options(selectinload(ReviewComment.author), selectinload(ReviewComment.item))
    if not include_resolved:
        query = query.where(ReviewComment.resolved_at.is_(None))
    grouped: dict[int | None, list[ReviewComment]] = {}
    for comment in db.session.scalars(query):
        grouped.setdefault(comment.item_id, []).append(comment)
    return grouped
