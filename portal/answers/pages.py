"""The checklist pages as plain data: the template, the answers, the last report and the review comments.

Templates render these objects and never reach the database. Building a theme page costs the
same few queries whatever the number of items on it or of States in the cycle.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from flask_babel import format_datetime
from flask_babel import gettext as _

from portal.accounts.models import User
from portal.answers.fields import QuestionField
from portal.answers.markup import QuestionMarkup, page_markup
from portal.answers.services import (
    PageField,
    PostedPage,
    PreviousReply,
    SaveOutcome,
    field_name,
    item_progress,
    page_entries,
    page_fields,
    previous_reply,
    theme_progress,
)
from portal.answers.structure import GENERAL_CODE, ChecklistStructure
from portal.checklists.outline import Question, Theme
from portal.core.extensions import db
from portal.cycles.services import cycle_titles
from portal.submissions import rules
from portal.submissions.models import UNCHANGED, CommentReply, ReviewComment, Submission
from portal.submissions.services import can_edit, stored_answers, visible_comments

EMPTY_REFERENCE = {"title": "", "citation": "", "date": "", "link": ""}


def when_text(moment: dt.datetime | None) -> str:
    return format_datetime(moment, "yyyy-MM-dd HH:mm") + " UTC" if moment else ""


@dataclass(frozen=True)
class ConflictView:
    """Someone else's newer answer beside the one this person typed."""

    their_lines: list[str]
    your_lines: list[str]
    their_author: str
    their_time: str
    their_revision: int


@dataclass
class QuestionState:
    """One question as drawn on a page: its value, base revision, last report's answer, problems."""

    question: Question
    field: QuestionField
    markup: QuestionMarkup
    name: str
    item_code: str
    value: Any
    revision: int
    previous: list[str] | None = None  # the last report's answer as text; None: none to show
    carried_from: str | None = None  # the title of the earlier cycle this answer was copied from, unchanged since
    error: str | None = None
    is_missing: bool = False
    conflict: ConflictView | None = None
    is_shown: bool = True
    extra_rows: int = 0

    @property
    def code(self) -> str:
        return self.question.code

    @property
    def selected(self) -> set[str]:
        value = self.value
        return set(value) if isinstance(value, list) else ({value} if isinstance(value, str) and value else set())

    @property
    def text(self) -> str:
        return self.value if isinstance(self.value, str) else ""

    @property
    def lines(self) -> list[str]:
        return self.field.display(self.question, self.value)

    @property
    def rows(self) -> list[dict[str, str]]:
        """The reference rows to draw: every reference, then at least one empty row."""
        filled = self.field.rows(self.value) if isinstance(self.value, list) else []
        return filled + [dict(EMPTY_REFERENCE) for _ in range(1 + self.extra_rows)]

    @property
    def entry_rows(self) -> list[str]:
        """The entries to draw: every entry (as typed, empty rows kept), then at least one empty row."""
        return self.field.rows(self.value) + [""] * (1 + self.extra_rows)

    @property
    def control_id(self) -> str:
        """Return the id of the control that a link to this question puts the cursor in: the field itself, the
        chosen option of a group (else its first), the first box of a table of references or of a list of entries."""
        widget = self.field.widget
        chosen = self.selected if widget in ("radios", "checkboxes") else set()  # other answers are no set of codes
        return control_id(self.name, widget, [choice.code for choice in self.markup.choices], chosen)

    @property
    def is_invalid(self) -> bool:
        return bool(self.error or self.is_missing or self.conflict)

    @property
    def described_by(self) -> str:
        """Return the ids of the notes and problems that describe the field, space-separated."""
        ids = [self.markup.described_by] if self.markup.described_by else []
        if self.carried_from:
            ids.append(f"{self.name}-carried")
        if self.error:
            ids.append(f"{self.name}-error")
        if self.is_missing:
            ids.append(f"{self.name}-missing")
        if self.conflict:
            ids.append(f"{self.name}-conflict")
        return " ".join(ids)


def control_id(name: str, widget: str, choice_codes: list[str], selected: set[str] = frozenset()) -> str:
    """Return the id of the control a link to the question ``name`` leads to (see QuestionState.control_id)."""
    if widget in ("radios", "checkboxes") and choice_codes:
        chosen = [code for code in choice_codes if code in selected]
        return f"{name}-{(chosen or choice_codes)[0]}"
    if widget == "references":
        return f"{name}-0-{rules.REFERENCE_FIELDS[0]}"
    if widget == "entries":
        return f"{name}-0"
    return name


@dataclass(frozen=True)
class CommentView:
    id: int
    body: str
    author: str
    when: str
    is_addressed: bool  # the State marked it addressed; it waits for the Secretariat
    answers: int  # messages written under it, by either side


@dataclass
class ItemView:
    code: str
    paragraph: int | None
    text: str | None
    questions: list[QuestionState]
    progress: tuple[int, int]
    unchanged: QuestionState | None = None
    comments: list[CommentView] = field(default_factory=list)
    has_previous: bool = False
    text_language: str = "en"  # English where the paragraph has no official text in the checklist's language

    @property
    def is_general(self) -> bool:
        return self.code == GENERAL_CODE

    @property
    def is_unchanged(self) -> bool:
        return self.unchanged is not None and self.unchanged.value == "yes"


@dataclass(frozen=True)
class Problem:
    """A field the page must point to: an answer not saved, or a required answer missing."""

    name: str
    control_id: str  # what the page's link to it leads to (QuestionState.control_id)
    label: str
    message: str
    paragraph: int | None


@dataclass(frozen=True)
class ReplySummary:
    cycle_key: str
    cycle_title: str
    state_code: str
    state_name: str
    status: str
    status_label: str
    deadline: dt.date
    is_editable: bool
    read_only_reason: str | None
    answered: int
    required: int
    percent: int
    checklist_language: str
    is_right_to_left: bool


@dataclass
class ChecklistPage:
    reply: ReplySummary
    theme: Theme | None
    before: Theme | None
    after: Theme | None
    items: list[ItemView]
    progress: list[int]
    previous_cycle: str | None = None
    problems: list[Problem] = field(default_factory=list)
    missing: list[Problem] = field(default_factory=list)

    @property
    def is_general(self) -> bool:
        return self.theme is None


def read_only_reason(user: User, submission: Submission) -> str | None:
    """Say why the person sees the reply as text rather than as a form (None: they can edit)."""
    if can_edit(user, submission):
        return None
    if user.state_id != submission.state_id:
        return _("You are reading %(state)s's reply: only its focal points and contributors change it.",
                 state=submission.state.name)
    if submission.cycle.status.value != "open":
        return _("The reporting cycle is not open: the reply can no longer be changed.")
    return _("The reply has the status “%(status)s”: it can no longer be changed. "
             "A focal point can ask the Secretariat to reopen it.", status=submission.status.label)


def reply_summary(submission: Submission, user: User, structure: ChecklistStructure) -> ReplySummary:
    reason = read_only_reason(user, submission)
    return ReplySummary(
        cycle_key=submission.cycle.key, cycle_title=submission.cycle.title, state_code=submission.state.code,
        state_name=submission.state.name, status=submission.status.value,
        status_label=str(submission.status.label), deadline=submission.cycle.deadline,
        is_editable=reason is None, read_only_reason=reason, answered=submission.answered_count,
        required=submission.required_count, percent=submission.percent_complete,
        checklist_language=structure.language, is_right_to_left=structure.outline.is_right_to_left,
    )


def comment_views(submission: Submission, user: User) -> dict[int | None, list[CommentView]]:
    """Return the open review comments ``user`` may read by item id, with their authors' names, in one query."""
    answers = (
        sa.select(sa.func.count()).where(CommentReply.comment_id == ReviewComment.id).scalar_subquery()
    )
    rows = db.session.execute(
        visible_comments(submission, user)
        .with_only_columns(ReviewComment.id, ReviewComment.item_id, ReviewComment.body, ReviewComment.created_at,
                           ReviewComment.addressed_at, User.name, answers)
        .outerjoin(User, ReviewComment.author_id == User.id)
        .where(ReviewComment.resolved_at.is_(None))
    )
    grouped: dict[int | None, list[CommentView]] = {}
    for comment_id, item_id, body, created_at, addressed_at, author, count in rows:
        grouped.setdefault(item_id, []).append(CommentView(
            comment_id, body, author or _("Secretariat"), when_text(created_at), addressed_at is not None, count or 0
        ))
    return grouped


def checklist_page(
    submission: Submission, user: User, structure: ChecklistStructure, theme_code: str | None, *,
    posted: PostedPage | None = None, outcome: SaveOutcome | None = None, keep_typed: bool = False,
    check_missing: bool = False, extra_rows: dict[str, int] | None = None,
) -> ChecklistPage:
    """Return a theme page (or, for ``theme_code`` None, the general questions) as plain data.

    After a save with problems, ``posted`` and ``outcome`` put back what the person typed in the
    fields that were not saved (or in every field, with ``keep_typed``), with the problems.
    """
    summary = reply_summary(submission, user, structure)
    entries = page_entries(structure, theme_code)
    previous = previous_reply(submission, structure, entries) if summary.is_editable else None
    fields = page_fields(structure, theme_code)
    answers = stored_answers(submission, {entry.id if entry else None for entry in entries})
    comments = comment_views(submission, user)
    outcome = outcome or SaveOutcome()
    typed = set(posted.values) if posted and keep_typed else set(outcome.errors) | set(outcome.conflicts)
    markup = page_markup(structure, theme_code)
    carried = cycle_titles({stored.carried_from_cycle_id for by_question in answers.values()
                            for stored in by_question.values()} - {None})
    states = {f.name: _question_state(f, markup[f.name], answers, previous, posted, outcome, typed, extra_rows or {},
                                      carried) for f in fields}
    items, problems, missing = [], [], []
    for entry in entries:
        code = entry.code if entry else GENERAL_CODE
        questions, raw = structure.questions(entry)
        values = {q: a.value for q, a in answers.get(entry.id if entry else None, {}).items()}
        shown = {q["code"] for q in rules.shown_questions(raw, values)}
        lacking = set()
        if check_missing and values.get(UNCHANGED) != "yes":
            lacking = {q["code"] for q in rules.missing_questions(raw, values)}
        view = ItemView(
            code=code, paragraph=entry.item.paragraph if entry else None, text=entry.item.text if entry else None,
            questions=[states[field_name(code, q.code)] for q in questions],
            progress=item_progress(submission, entry, structure),
            unchanged=states.get(field_name(code, UNCHANGED)) if entry and previous else None,
            comments=comments.get(entry.id if entry else None, []),
            has_previous=bool(previous and previous.answers.get(entry.code if entry else None)),
            text_language=entry.item.text_language if entry else "en",
        )
        for state in view.questions:
            state.is_shown = state.code in shown
            state.is_missing = state.code in lacking and not state.error and not state.conflict
            problem = _problem_of(state, view.paragraph)
            if problem:
                problems.append(problem)
            if state.is_missing:
                missing.append(Problem(state.name, state.control_id, state.question.label,
                                       _("Required: not answered yet."), view.paragraph))
        if view.unchanged and view.unchanged.error:
            problems.append(_problem_of(view.unchanged, view.paragraph))
        items.append(view)
    before, after = structure.neighbours(theme_code) if theme_code else (structure.themes[-1] if structure.themes else None, None)
    return ChecklistPage(
        reply=summary, theme=structure.theme(theme_code) if theme_code else None, before=before, after=after,
        items=items,
        progress=theme_progress(submission, structure, theme_code) if theme_code else list(item_progress(submission, None, structure)),
        previous_cycle=previous.cycle_title if previous else None, problems=problems, missing=missing,
    )


def _question_state(page_field: PageField, markup: QuestionMarkup, answers, previous: PreviousReply | None,
                    posted: PostedPage | None, outcome: SaveOutcome, typed: set[str], extra_rows: dict[str, int],
                    carried: dict[int, str]) -> QuestionState:
    name = page_field.name
    stored = answers.get(page_field.item_id, {}).get(page_field.question_code)
    if posted is not None and name in typed and name in posted.values:
        value, revision = posted.values[name], posted.revisions[name]
    else:
        value, revision = (stored.value, stored.revision) if stored else (None, 0)
    question = page_field.question
    state = QuestionState(question=question, field=page_field.field, markup=markup, name=name,
                          item_code=page_field.item_code, value=value, revision=revision, error=outcome.errors.get(name),
                          extra_rows=extra_rows.get(name, 0))
    if stored is not None and stored.carried_from_cycle_id is not None and name not in typed:
        state.carried_from = carried.get(stored.carried_from_cycle_id)
    if previous is not None:
        earlier = previous.answers.get(page_field.entry.code if page_field.entry else None, {})
        # Only answers the last report gave are shown: an empty box beside every question would drown them.
        state.previous = page_field.field.display(question, earlier.get(page_field.question_code)) or None
    conflict = outcome.conflicts.get(name)
    if conflict is not None:
        state.conflict = ConflictView(
            their_lines=page_field.field.display(question, conflict.theirs),
            your_lines=page_field.field.display(question, conflict.yours),
            their_author=conflict.their_author or _("someone"), their_time=when_text(conflict.their_time),
            their_revision=conflict.their_revision,
        )
    return state


def _problem_of(state: QuestionState, paragraph: int | None) -> Problem | None:
    if state.error:
        return Problem(state.name, state.control_id, state.question.label, state.error, paragraph)
    if state.conflict:
        return Problem(state.name, state.control_id, state.question.label,
                       _("Not saved: %(name)s saved a newer answer meanwhile. Choose which to keep.",
                         name=state.conflict.their_author), paragraph)
    return None
