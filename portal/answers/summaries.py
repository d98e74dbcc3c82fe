"""The checklist's home page and the history of an item, as plain data for the templates."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import gettext as _

from portal.accounts.models import User
from portal.answers.assignments import theme_assignments
from portal.answers.fields import UNCHANGED_FIELD, QuestionField, field_for
from portal.answers.pages import ReplySummary, reply_summary, when_text
from portal.answers.services import earlier_reply, item_progress, theme_progress, unchanged_question
from portal.answers.structure import ChecklistStructure, ItemEntry
from portal.checklists.models import ChecklistItem
from portal.checklists.outline import Question, Theme
from portal.core.access import Role
from portal.core.extensions import db
from portal.cycles.services import cycle_titles

from portal.submissions.models import UNCHANGED, Submission
from portal.submissions.services import answer_history, comments_by_item

@dataclass(frozen=True)
class ThemeRow:
    theme: Theme
    progress: list[int]
    assignees: list[str]
    is_mine: bool
    comment_count: int


@dataclass(frozen=True)
class Overview:
    reply: ReplySummary
    mine: list[ThemeRow]
    others: list[ThemeRow]
    general_progress: tuple[int, int]
    general_comment_count: int
    open_comments: int
    previous_cycle: str | None
    can_assign: bool


def overview(submission: Submission, user: User, structure: ChecklistStructure) -> Overview:
    """Return the checklist's home: progress per theme, the themes assigned to ``user`` first."""
    summary = reply_summary(submission, user, structure)
    assigned = theme_assignments(submission)
    comments = comments_by_item(submission, user)
    counts: dict[str, int] = {}
    for item_id, group in comments.items():
        entry = structure.items_by_id.get(item_id) if item_id is not None else None
        if entry is not None:
            counts[entry.theme_code] = counts.get(entry.theme_code, 0) + len(group)
    rows = [
        ThemeRow(theme, theme_progress(submission, structure, theme.code),
                 [person.name for person in assigned.get(theme.code, [])],
                 any(person.id == user.id for person in assigned.get(theme.code, [])), counts.get(theme.code, 0))
        for theme in structure.themes
    ]
    earlier = earlier_reply(submission) if summary.is_editable else None
    return Overview(
        reply=summary, mine=[row for row in rows if row.is_mine], others=[row for row in rows if not row.is_mine],
        general_progress=item_progress(submission, None, structure),
        general_comment_count=len(comments.get(None, [])),
        open_comments=sum(len(group) for group in comments.values()),
        previous_cycle=earlier.cycle_title if earlier else None,
        can_assign=user.role is Role.FOCAL_POINT and user.state_id == submission.state_id,
    )


@dataclass(frozen=True)
class HistoryRow:
    question: str
    revision: int
    who: str
    when: str
    before: list[str]
    after: list[str]
    is_list: bool = False  # the lines are the entries of a list
    carried_from: str | None = None  # this change copied the answer of the reply to that earlier cycle


def shown_question(questions: dict[str, Question], code: str) -> tuple[Question, QuestionField] | None:
    """Return the question of an answer's ``code`` among ``questions`` (or the "no change" mark) and the field
    that displays its values; None for a code the version no longer asks."""
    if code == UNCHANGED:
        return unchanged_question(), UNCHANGED_FIELD
    question = questions.get(code)
    return (question, field_for(question)) if question is not None else None


def item_history(submission: Submission, structure: ChecklistStructure, entry: ItemEntry | None) -> list[HistoryRow]:
    """Return every change of the item's answers, newest first, with who, when, before and after."""
    item = db.session.get(ChecklistItem, entry.id) if entry else None
    history = answer_history(submission, item)
    people = {revision.changed_by_id for _code, revision, _before in history if revision.changed_by_id is not None}
    names = dict(db.session.execute(sa.select(User.id, User.name).where(User.id.in_(people))).all()) if people else {}
    questions = {q.code: q for q in structure.questions(entry)[0]}
    carried = cycle_titles({revision.carried_from_cycle_id for _code, revision, _before in history} - {None})
    rows = []
    for code, revision, before in history:
        found = shown_question(questions, code)
        if found is None:
            continue
        question, shown = found
        rows.append(HistoryRow(
            question=question.label, revision=revision.revision,
            who=names.get(revision.changed_by_id, _("a former user")), when=when_text(revision.changed_at),
            before=shown.display(question, before), after=shown.display(question, revision.value),
            is_list=shown.is_list, carried_from=carried.get(revision.carried_from_cycle_id),
        ))
    return rows
