"""Saving the checklist pages and the autosave requests, progress by theme, and carrying the last report forward.

Services change objects and flush; the view commits. Saving goes through
:func:`portal.submissions.services.save_answers`, which refuses a save made over someone else's
newer answer and validates every value.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from portal.accounts.models import User
from portal.answers.fields import UNCHANGED_FIELD, QuestionField, field_for
from portal.answers.structure import GENERAL_CODE, ChecklistStructure, ItemEntry
from portal.checklists.models import ChecklistItem, QuestionType
from portal.checklists.outline import Question
from portal.core.extensions import db
from portal.core.integers import parse_int
from portal.cycles.models import ReportingCycle
from portal.cycles.services import earlier_replies
from portal.submissions import rules
from portal.submissions.models import UNCHANGED, Answer, AnswerRevision, Submission
from portal.submissions.services import GENERAL, AnswerChange, Conflict, SaveResult, answers_by_item, save_answers


class AnswersError(ValueError):
    """A request about the checklist cannot be carried out; the message says why."""


# ---------------------------------------------------------------------------------------------
# The fields of a page and what was posted for them
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PageField:
    """One question drawn on a page: where it belongs, its input name, its field class."""

    entry: ItemEntry | None  # None: a general question
    question: Question
    name: str
    field: QuestionField
    raw_question: dict[str, Any]

    @property
    def question_code(self) -> str:
        return self.question.code

    @property
    def item_id(self) -> int | None:
        return self.entry.id if self.entry else None

    @property
    def item_code(self) -> str:
        return self.entry.code if self.entry else GENERAL_CODE

    @property
    def when_name(self) -> str | None:
        """Return the input name of the question this one depends on (None: always shown)."""
        when = self.raw_question.get("when")
        return field_name(self.item_code, when["question"]) if when else None

    @property
    def when_in(self) -> list[str]:
        """Return the answers of that question that show this one."""
        when = self.raw_question.get("when")
        return list(when["in"]) if when else []


UNCHANGED_QUESTION = {"code": UNCHANGED, "type": "yes_no", "required": False}


def unchanged_question() -> Question:
    """Return the "no change since the last report" mark of an item as a question."""
    return Question(
        code=UNCHANGED, type=QuestionType.YES_NO, label=_("No change since the last report"),
        help=_("Tick when the answers your State gave to this paragraph in the last report still hold; "
               "the paragraph then counts as answered."),
        placeholder=None, is_required=False, condition=None, rule=_("Optional"),
    )


def field_name(item_code: str, question_code: str) -> str:
    """Return the input name and id of a question: ``q-SD-2-status``, ``q-general-focal_point_name``."""
    return f"q-{item_code}-{'unchanged' if question_code == UNCHANGED else question_code}"


def page_entries(structure: ChecklistStructure, theme_code: str | None) -> list[ItemEntry | None]:
    """Return the items of a theme page, or ``[None]`` for the page of general questions."""
    return list(structure.theme_items.get(theme_code, [])) if theme_code else [None]


def page_fields(structure: ChecklistStructure, theme_code: str | None) -> list[PageField]:
    """Return every field drawn on a theme page (or the general questions' page), in page order.

    The list depends only on the template version and the language, so it is built once per process.
    """
    memo = structure.memo.get(("fields", theme_code))
    if memo is not None:
        return memo
    fields = []
    mark = unchanged_question()
    for entry in page_entries(structure, theme_code):
        code = entry.code if entry else GENERAL_CODE
        questions, raw = structure.questions(entry)
        for question, raw_question in zip(questions, raw):
            fields.append(PageField(entry, question, field_name(code, question.code), field_for(question), raw_question))
        if entry is not None:
            fields.append(PageField(entry, mark, field_name(code, UNCHANGED), UNCHANGED_FIELD, UNCHANGED_QUESTION))
    structure.memo[("fields", theme_code)] = fields
    return fields


@dataclass
class PostedPage:
    """What a page sent: the raw value and the base revision of each field it drew."""

    values: dict[str, Any] = field(default_factory=dict)
    revisions: dict[str, int] = field(default_factory=dict)
    their_revisions: dict[str, int] = field(default_factory=dict)


def _int(text: str | None, default: int = 0) -> int:
    value = parse_int(text)
    return default if value is None else value


def read_posted(form: MultiDict, fields: list[PageField]) -> PostedPage:
    """Read the posted page; a field without its base revision was not on the page and is left alone."""
    posted = PostedPage()
    for page_field in fields:
        name = page_field.name
        if f"rev-{name}" not in form:
            continue
        posted.values[name] = page_field.field.read(form, name)
        posted.revisions[name] = _int(form.get(f"rev-{name}"))
        if f"their-rev-{name}" in form:
            posted.their_revisions[name] = _int(form.get(f"their-rev-{name}"))
    return posted


@dataclass
class SaveOutcome:
    """The result of saving a page, by field name."""

    saved: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)
    conflicts: dict[str, Conflict] = field(default_factory=dict)

    @property
    def is_clean(self) -> bool:
        return not self.errors and not self.conflicts


def save_posted(submission: Submission, user: User, fields: list[PageField], posted: PostedPage) -> SaveOutcome:
    """Save a posted page: what the person changed, never what they left as they found it.

    A page sends every field. A field someone else saved since the page was loaded, and that
    this person left untouched, is not a conflict: the newer answer stands.
    """
    by_name = {f.name: f for f in fields if f.name in posted.values}
    current = answers_by_item(submission, {f.item_id for f in by_name.values()})
    untouched = _untouched_since_loaded(current, by_name, posted)
    changes, names = [], {}
    for name, page_field in by_name.items():
        if name in untouched:
            continue
        changes.append(AnswerChange(page_field.item_id, page_field.question_code, posted.values[name], posted.revisions[name]))
        names[(page_field.item_id, page_field.question_code)] = name
    return outcome_by_name(save_answers(submission, user, changes, current=current), names)


def outcome_by_name(result: SaveResult, names: dict[tuple[int | None, str], str]) -> SaveOutcome:
    outcome = SaveOutcome()
    outcome.saved = [names[(answer.item_id, answer.question_code)] for answer in result.saved]
    outcome.errors = {names[key]: message for key, message in result.errors.items()}
    outcome.conflicts = {names[(c.item_id, c.question_code)]: c for c in result.conflicts}
    return outcome


def _untouched_since_loaded(current: dict[int | None, dict[str, Answer]], by_name: dict[str, PageField],
                            posted: PostedPage) -> set[str]:
    """Return the fields whose posted value is the one they had at the revision the page was loaded with."""
    stale: dict[str, tuple[Answer, int]] = {}
    for name, page_field in by_name.items():
        answer = current.get(page_field.item_id, {}).get(page_field.question_code)
        if answer is not None and posted.revisions[name] < answer.revision:
            stale[name] = (answer, posted.revisions[name])
    if not stale:
        return set()
    wanted = [(answer.id, base) for answer, base in stale.values() if base > 0]
    loaded: dict[tuple[int, int], Any] = {}
    if wanted:
        rows = db.session.execute(
            sa.select(AnswerRevision.answer_id, AnswerRevision.revision, AnswerRevision.value).where(
                sa.or_(*(sa.and_(AnswerRevision.answer_id == a, AnswerRevision.revision == r) for a, r in wanted))
            )
        )
        loaded = {(answer_id, revision): value for answer_id, revision, value in rows}
    untouched = set()
    for name, (answer, base) in stale.items():
        try:
            typed = rules.clean_value(by_name[name].raw_question, posted.values[name])
        except rules.InvalidAnswer:
            continue
        if typed == loaded.get((answer.id, base)):
            untouched.add(name)
    return untouched


# ---------------------------------------------------------------------------------------------
# The autosave endpoint
# ---------------------------------------------------------------------------------------------

def parse_changes(structure: ChecklistStructure, payload: Any) -> tuple[list[AnswerChange], dict, list[dict]]:
    """Turn a JSON body ``{"changes": [...]}`` into answer changes; return them, their names and refusals."""
    if not isinstance(payload, dict) or not isinstance(payload.get("changes"), list):
        raise AnswersError(_("Expected an object with a list of changes."))
    changes, names, refused = [], {}, []
    for change in payload["changes"]:
        if not isinstance(change, dict):
            raise AnswersError(_("Each change is an object."))
        item_code, question, base = change.get("item"), change.get("question"), change.get("base_revision", 0)
        if not isinstance(question, str) or not isinstance(base, int) or isinstance(base, bool) or base < 0:
            raise AnswersError(_("Each change names its question and its base revision."))
        if item_code is not None and not isinstance(item_code, str):
            raise AnswersError(_("Each change names its item by code."))
        entry = structure.items.get(item_code) if item_code is not None else None
        name = field_name(item_code or GENERAL_CODE, question)
        if item_code is not None and entry is None:
            refused.append(_problem(item_code, question, name, _("This item is not part of the checklist.")))
            continue
        changes.append(AnswerChange(entry.id if entry else None, question, change.get("value"), base))
        names[(entry.id if entry else None, question)] = name
    return changes, names, refused


def _problem(item_code: str | None, question: str, name: str, message: str) -> dict:
    return {"item": item_code, "question": question, "field": name, "message": message}


def save_json(submission: Submission, user: User, structure: ChecklistStructure, payload: Any) -> dict:
    """Save the changes of an autosave request and describe the outcome as JSON-ready data."""
    changes, names, refused = parse_changes(structure, payload)
    result = save_answers(submission, user, changes)
    code_of = {entry.id: entry.code for entry in structure.items.values()}

    def item_code(item_id: int | None) -> str | None:
        return code_of.get(item_id) if item_id is not None else None

    saved = [
        {"item": item_code(a.item_id), "question": a.question_code, "field": names[(a.item_id, a.question_code)],
         "revision": a.revision}
        for a in result.saved
    ]
    errors = refused + [
        _problem(item_code(item_id), question, names[(item_id, question)], message)
        for (item_id, question), message in result.errors.items()
    ]
    conflicts = [
        {"item": item_code(c.item_id), "question": c.question_code, "field": names[(c.item_id, c.question_code)],
         "yours": c.yours, "theirs": c.theirs, "their_revision": c.their_revision, "their_author": c.their_author,
         "their_time": c.their_time.isoformat()}
        for c in result.conflicts
    ]
    saved_at = max((a.updated_at for a in result.saved), default=None)
    touched = {entry.theme_code for entry in (structure.items_by_id.get(a.item_id) for a in result.saved) if entry}
    return {
        "saved": saved,
        "errors": errors,
        "conflicts": conflicts,
        "saved_at": saved_at.isoformat() if saved_at else None,
        "progress": {
            "overall": [submission.answered_count, submission.required_count],
            "items": {
                key: value for key, value in (submission.item_progress or {}).items()
                if key in {s["item"] or GENERAL for s in saved}
            },
            "themes": {code: theme_progress(submission, structure, code) for code in sorted(touched)},
        },
    }


def item_progress(submission: Submission, entry: ItemEntry | None, structure: ChecklistStructure) -> tuple[int, int]:
    """Return (answered, required) for an item, or for the general questions."""
    key = entry.code if entry else GENERAL
    stored = (submission.item_progress or {}).get(key)
    if stored:
        return stored[0], stored[1]
    return 0, entry.baseline if entry else structure.general_baseline


def theme_progress(submission: Submission, structure: ChecklistStructure, theme_code: str) -> list[int]:
    done = required = 0
    for entry in structure.theme_items.get(theme_code, []):
        d, r = item_progress(submission, entry, structure)
        done, required = done + d, required + r
    return [done, required]


# ---------------------------------------------------------------------------------------------
# Carrying the last report forward
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PreviousReply:
    """The State's reply in the latest earlier cycle of the same checklist, by current item code."""

    cycle_id: int
    cycle_title: str
    submitted_at: dt.datetime | None
    answers: dict[str | None, dict[str, Any]]  # {current item code (None: general): {question: value}}


@dataclass(frozen=True)
class EarlierReply:
    submission_id: int
    template_id: int
    cycle_id: int
    cycle_title: str
    submitted_at: dt.datetime | None


def earlier_reply(submission: Submission) -> EarlierReply | None:
    """Return the reply :func:`portal.cycles.services.previous_submission` finds, reading four columns only.

    Every theme page asks for it: it needs no more than these.
    """
    row = db.session.execute(
        earlier_replies(submission, Submission.id, ReportingCycle.template_id, ReportingCycle.id, ReportingCycle.title,
                        Submission.submitted_at)
    ).first()
    return EarlierReply(*row) if row else None


def previous_reply(submission: Submission, structure: ChecklistStructure, entries: list[ItemEntry | None]) -> PreviousReply | None:
    """Return the earlier reply's answers to ``entries``, matching items by code or by ``replaces``."""
    earlier = earlier_reply(submission)
    if earlier is None:
        return None
    same_version = earlier.template_id == submission.cycle.template_id
    candidates: dict[str, list[str]] = {}
    for entry in entries:
        if entry is not None:
            replaced = entry.item.replaces
            candidates[entry.code] = [entry.code] if same_version or not replaced else [replaced, entry.code]
    codes = {code for options in candidates.values() for code in options}
    conditions = [ChecklistItem.code.in_(codes)] if codes else []
    if None in entries:
        conditions.append(Answer.item_id.is_(None))
    found: dict[str | None, dict[str, Any]] = {}
    if conditions:
        rows = db.session.execute(
            sa.select(ChecklistItem.code, Answer.question_code, Answer.value)
            .select_from(Answer)
            .outerjoin(ChecklistItem, Answer.item_id == ChecklistItem.id)
            .where(Answer.submission_id == earlier.submission_id, sa.or_(*conditions))
        )
        for code, question, value in rows:
            if question != UNCHANGED and value is not None:
                found.setdefault(code, {})[question] = value
    answers: dict[str | None, dict[str, Any]] = {}
    for code, options in candidates.items():
        match = next((option for option in options if option in found), None)
        if match is not None:
            answers[code] = found[match]
    if None in found:
        answers[None] = found[None]
    return PreviousReply(cycle_id=earlier.cycle_id, cycle_title=earlier.cycle_title, submitted_at=earlier.submitted_at,
                         answers=answers)


@dataclass(frozen=True)
class CarryForward:
    """What copying the last report's answers would do: the answers to copy, from which cycle."""

    cycle_id: int
    cycle_title: str
    changes: list[AnswerChange]

    @property
    def count(self) -> int:
        return len(self.changes)

    @property
    def item_count(self) -> int:
        return len({change.item_id for change in self.changes})


def plan_carry_forward(submission: Submission, structure: ChecklistStructure,
                       entries: list[ItemEntry | None]) -> CarryForward:
    """Return the last report's answers to the questions of ``entries`` that have no answer yet, changing nothing.

    Answers already given are kept: copying never overwrites anyone's work.
    """
    previous = previous_reply(submission, structure, entries)
    if previous is None:
        raise AnswersError(_("Your State did not report in an earlier cycle of this checklist."))
    current = answers_by_item(submission, {entry.id if entry else None for entry in entries})
    changes = []
    for entry in entries:
        earlier = previous.answers.get(entry.code if entry else None, {})
        questions = structure.questions(entry)[1]
        now = current.get(entry.id if entry else None, {})
        for question in questions:
            value = earlier.get(question["code"])
            answer = now.get(question["code"])
            if value is None or (answer is not None and rules.is_answered(answer.value)):
                continue
            try:
                # A text given when the question was a long text (an earlier version) is carried as one entry.
                value = rules.clean_value(question, rules.fitted_value(question, value))
            except rules.InvalidAnswer:
                continue  # the question changed between versions: the old answer no longer fits
            changes.append(AnswerChange(entry.id if entry else None, question["code"], value, answer.revision if answer else 0))
    return CarryForward(previous.cycle_id, previous.cycle_title, changes)


def carry_forward(submission: Submission, user: User, structure: ChecklistStructure, entries: list[ItemEntry | None]) -> int:
    """Copy the last report's answers into the questions of ``entries`` that have no answer yet; return how many.

    Each copied answer is marked as carried forward from that cycle until someone changes it.
    """
    plan = plan_carry_forward(submission, structure, entries)
    result = save_answers(submission, user, plan.changes, carried_from_cycle_id=plan.cycle_id)
    return len(result.saved)
